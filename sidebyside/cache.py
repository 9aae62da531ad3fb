"""A cache of computed comparisons, so reopening an unchanged folder skips the work.

Entries live in the user cache dir (`platformdirs.user_cache_dir("sidebyside")/comparisons`), one
JSON file per key. The key is a hash of everything the result depends on:

- the folder's resolved path and, for every entry the loader looks at (the one scan of the
  folder, `load.scan_folder`, that the loader then decodes), its name and either why it is
  skipped or the file it leads to (a link's target) and its bytes;
- the engine: `sidebyside.__version__`, CACHE_VERSION and a hash of the package's own source
  files (so an edited engine never reuses an old result, even without a version bump);
- the options (min_score, max_bytes, recursive) and whether the optional semantic model and the
  optional format readers are there to take part: for each reader a folder's files need, where
  its module is found (or that it is not) and the state of the folders it is installed in, so
  installing, removing or repairing a reader (or a piece it needs) changes the key.

An entry is data, never code: JSON of the Comparison's fields (sidebyside/cache_codec.py), read
back by `json` and checked field by field. Before reading, the cache folder and the entry must
belong to the user running sidebyside and be writable by no one else (a folder or file another
account could have planted is skipped); the entry is opened without following a link. Entries
are written atomically (a temporary file, then a rename), mode 0600 in a 0700 folder, and checked
on the way back in: an entry that does not parse, is of another format or engine, or holds
something other than a Comparison for this folder is ignored (and replaced by the fresh result).
At most MAX_ENTRIES entries (and MAX_BYTES in all) are kept, least recently used dropped first.
Annotations are never cached: the comparison is stored before anyone anchors notes on it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import stat
import sys
import time
from functools import lru_cache
from pathlib import Path

from . import __version__
from . import cache_codec as codec
from . import semantic as S
from . import transformer as TX
from .files import READ_FLAGS, gc_paused, read_upto, write_atomic
from .load import FORMAT_SUFFIXES, FolderScan, scan_folder
from .model import Comparison

CACHE_VERSION = 7  # bump when the stored format or its meaning changes (2: JSON, was pickle;
# 3: a sentence's partial links, `parts`; 4: `novel` and the `unlinked` status; 5: `transformer`;
# 6: a sentence's `echo`; 7: `transformer_part`)
MAX_ENTRIES = 20
MAX_BYTES = 512 * 1024 * 1024  # all entries together
SUFFIX = ".json"
_OLD_SUFFIXES = (".pickle",)  # entries of earlier versions: never read, removed when pruning
# The optional readers formats.py imports for these suffixes (installed or not changes results).
_READER_MODULES = {".pdf": "pypdf", ".html": "trafilatura", ".htm": "trafilatura",
                   ".xhtml": "trafilatura", ".mhtml": "trafilatura", ".mht": "trafilatura",
                   ".docx": "docx"}


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("sidebyside")) / "comparisons"


@lru_cache(maxsize=1)
def engine_id() -> str:
    """The version, the cache format and a hash of the package's source files."""
    h = hashlib.blake2b(f"{__version__}/{CACHE_VERSION}".encode(), digest_size=16)
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*.py")):  # subpackages too (sidebyside/numbers/)
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _mtime(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def _install_state() -> tuple:
    """The folders modules are imported from and when each last changed: installing, upgrading
    or removing any package (a reader, or a piece a reader needs, like lxml_html_clean) adds or
    removes an entry in one of them. Stat calls only: importing a reader to test it takes up
    to a quarter of a second, which a cache hit must not spend."""
    cwd = os.getcwd()
    out = []
    for entry in sys.path:
        if not entry or not os.path.isabs(entry) or entry == cwd:
            continue  # the working folder changes all the time; a module there shows as `origin`
        out.append((entry, _mtime(entry)))
    return tuple(out)


def _reader_state(module: str) -> tuple:
    """Whether the reader module can take part, and which copy: not found, found nowhere
    importable (`sys.modules[module] = None`), or found at `origin` (with its own and its
    install folders' change times, so a repaired or broken install is another state)."""
    if module in sys.modules and sys.modules[module] is None:
        return ("blocked",)
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return ("broken spec",)
    if spec is None:
        return ("absent", _install_state())
    origin = spec.origin or "|".join(spec.submodule_search_locations or [])
    return ("found", origin, _mtime(origin) if spec.origin else None, _install_state())


def _transformer_state() -> str:
    """Whether the transformer reads the weaker links, and which model: its recorded checksums."""
    if not TX.available():
        return "off"
    try:
        return json.dumps(TX.metadata().get("sha256"), sort_keys=True)
    except (OSError, ValueError):
        return f"model without a build record in {TX.MODEL_DIR}"


def _semantic_state() -> str:
    """Which semantic model takes part, without loading it: its build record's checksums (a
    rebuilt or replaced model changes the key), or why none does."""
    if not S.enabled():
        return "off"
    path = S.model_dir()
    if not S.available():
        return f"no model in {path}"
    try:
        record = S.metadata(path)
    except (OSError, ValueError):
        return f"model without a build record in {path}"
    parts = [str(path), json.dumps(record.get("sha256", record), sort_keys=True)]
    for name in (S.VECTORS, S.SCALES, S.VOCAB):
        try:
            st = (path / name).stat()
        except OSError:
            return f"no model in {path}"
        parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def key_for(folder: str | os.PathLike, *, min_score: float, max_bytes: int, recursive: bool) -> str:
    """The cache key of comparing `folder` with these options now (the folder scanned afresh).
    Raises OSError (or the loader's InputError) when the folder cannot be listed."""
    return key_of(scan_folder(folder, max_bytes=max_bytes, recursive=recursive), min_score)


def key_of(scan: FolderScan, min_score: float) -> str:
    """The cache key of comparing the scanned folder: what the comparison is computed from (each
    entry's name, and why it is skipped or the file it leads to and its bytes), the options,
    the engine, the semantic model and the readers its files need. Made before the scan is
    decoded (which lets its bytes go)."""
    if scan.decoded or not scan.read:
        raise ValueError("the key of a scan is made from its bytes, before it is decoded")
    h = hashlib.blake2b(digest_size=20)

    def put(*items: object) -> None:
        for item in items:
            data = item if isinstance(item, bytes) else repr(item).encode("utf-8", "surrogatepass")
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)

    put(engine_id(), str(scan.root), float(min_score), int(scan.max_bytes), bool(scan.recursive),
        _semantic_state(), _transformer_state())
    suffixes: set[str] = set()
    for entry in scan.entries:
        put(entry.name)
        if entry.skip is not None:
            put("skipped", entry.skip)
        else:
            put("file", entry.full, entry.data)
            suffixes.add(entry.path.suffix.lower())
    for suffix in sorted(suffixes & FORMAT_SUFFIXES):
        put(suffix, _reader_state(_READER_MODULES.get(suffix, suffix)))
    return h.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / f"{key}{SUFFIX}"


def _private(st: os.stat_result) -> bool:
    """Ours and writable by no one else (no owners on Windows: its ACLs keep the folder ours)."""
    if not hasattr(os, "getuid"):
        return True
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read_entry(path: Path) -> bytes | None:
    """The entry's bytes, if its folder and the entry are ours and private, it is a regular
    file (not a link) and no bigger than the cache may be; else None."""
    flags = READ_FLAGS | getattr(os, "O_NOFOLLOW", 0)
    dir_fd = None
    try:
        if hasattr(os, "O_DIRECTORY") and os.open in os.supports_dir_fd:
            dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
            if not _private(os.fstat(dir_fd)):
                return None
            fd = os.open(path.name, flags, dir_fd=dir_fd)
        else:
            if not _private(os.stat(path.parent)):
                return None
            fd = os.open(path, flags)
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or not _private(st) or st.st_size > MAX_BYTES:
                return None
            data = read_upto(fd, MAX_BYTES, st.st_size)  # not MAX_BYTES reserved up front
            return data if len(data) <= MAX_BYTES else None
        finally:
            os.close(fd)
    except OSError:
        return None
    finally:
        if dir_fd is not None:
            os.close(dir_fd)


def load(key: str, folder: str) -> tuple[Comparison, dict] | None:
    """The cached comparison for `key` and what the matcher reported, or None (missing, not
    ours, corrupt, stale or of another engine: never trusted)."""
    path = _path(key)
    try:
        data = _read_entry(path)
        if data is None:
            return None
        with gc_paused():
            entry = json.loads(data.decode("utf-8", "surrogatepass"))
            if not (
                isinstance(entry, dict)
                and entry.get("format") == CACHE_VERSION
                and entry.get("engine") == engine_id()
                and entry.get("key") == key
                and isinstance(entry.get("match"), dict)
            ):
                return None
            match = entry["match"]
            if not (isinstance(match.get("semantic"), bool) and type(match.get("links")) is int):
                return None
            comparison = codec.decode(entry.get("comparison"))
        if comparison.folder != folder or comparison.annotations:
            return None
        os.utime(path)  # recently used: pruned last
        return comparison, {"semantic": match["semantic"], "links": match["links"]}
    except Exception:  # anything wrong with the entry is a miss; it is replaced after the work
        return None


def _own_folder() -> Path | None:
    """The cache folder, made if missing (0700); None if it is not ours. A folder of ours that
    others may write to (made under a 002 umask by an older version) is made private first."""
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    st = os.lstat(folder)
    if stat.S_ISLNK(st.st_mode):
        st = os.stat(folder)
    if not stat.S_ISDIR(st.st_mode):
        return None
    if hasattr(os, "getuid"):
        if st.st_uid != os.getuid():
            return None
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            os.chmod(folder, 0o700)
    return folder


def store(key: str, comparison: Comparison, match_info: dict) -> Path | None:
    """Write the entry atomically (mode 0600), then prune the cache. Best effort: never raises."""
    try:
        if _own_folder() is None:
            return None
        entry = {
            "format": CACHE_VERSION,
            "engine": engine_id(),
            "key": key,
            "created": time.time(),
            "match": {"semantic": bool(match_info.get("semantic")),
                      "links": int(match_info.get("links", 0))},
            "comparison": codec.encode(comparison),
        }
        data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8", "surrogatepass")  # file names that are not UTF-8 keep their bytes

        # Not synced to disk: an entry lost in a crash is only computed again.
        target = write_atomic(_path(key), lambda fh: fh.write(data), sync=False, prefix=".tmp-",
                              suffix=SUFFIX, mode=0o600, follow_links=False)
        prune()
        return target
    except Exception:
        return None


def prune(max_entries: int | None = None, max_bytes: int | None = None) -> None:
    """Keep the most recently used entries: at most `max_entries` (MAX_ENTRIES), `max_bytes`
    (MAX_BYTES) in all. Stale temporary files (from a run that died while writing) and entries
    of earlier formats go too."""
    max_entries = MAX_ENTRIES if max_entries is None else max_entries
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    folder = cache_dir()
    try:
        files = []
        for p in folder.iterdir():
            try:
                st = p.lstat()
            except OSError:
                continue
            if p.name.startswith(".tmp-"):
                if time.time() - st.st_mtime > 3600:
                    p.unlink(missing_ok=True)
                continue
            if p.suffix in _OLD_SUFFIXES:
                p.unlink(missing_ok=True)
                continue
            if p.suffix == SUFFIX:
                files.append((st.st_mtime_ns, st.st_size, p))
    except OSError:
        return
    files.sort(key=lambda f: f[0], reverse=True)
    total = 0
    for i, (_, size, p) in enumerate(files):
        total += size
        if i >= max_entries or (i > 0 and total > max_bytes):
            try:
                p.unlink()
            except OSError:
                pass
