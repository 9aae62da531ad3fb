"""A cache of computed comparisons, so reopening an unchanged folder skips the work.

Entries live in the user cache dir (`platformdirs.user_cache_dir("sidebyside")/comparisons`), one
pickle per key. The key is a hash of everything the result depends on:

- the folder's resolved path and, for every entry the loader would look at, its name, type and
  size, the target of a link, and the bytes of each regular file (up to the size limit);
- the engine: `sidebyside.__version__`, CACHE_VERSION and a hash of the package's own source
  files (so an edited engine never reuses an old result, even without a version bump);
- the options (min_score, max_bytes, recursive) and whether the optional semantic model and the
  optional format readers are there to take part.

Entries are written atomically (a temporary file, then a rename) and checked on the way back in:
an entry that does not unpickle, is of another format or engine, or holds something other than a
Comparison for this folder is ignored (and replaced by the fresh result). At most MAX_ENTRIES
entries (and MAX_BYTES in all) are kept, least recently used dropped first. Annotations are never
cached: the comparison is stored before anyone anchors notes on it.

The cache is the user's own: only their account writes to it, so its pickles are trusted no more
than their other files (a pickle from elsewhere must never be copied in).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import stat
import time
from functools import lru_cache
from pathlib import Path

from . import __version__
from . import semantic as S
from .files import gc_paused, write_atomic  # unpickling creates many objects
from .load import FORMAT_SUFFIXES, _entries
from .model import Comparison

CACHE_VERSION = 1  # bump when the stored format or its meaning changes
MAX_ENTRIES = 20
MAX_BYTES = 512 * 1024 * 1024  # all entries together
SUFFIX = ".pickle"
# The optional readers formats.py imports for these suffixes (installed or not changes results).
_READER_MODULES = {".pdf": "pypdf", ".html": "trafilatura", ".htm": "trafilatura",
                   ".xhtml": "trafilatura", ".docx": "docx"}


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("sidebyside")) / "comparisons"


@lru_cache(maxsize=1)
def engine_id() -> str:
    """The version, the cache format and a hash of the package's source files."""
    h = hashlib.blake2b(f"{__version__}/{CACHE_VERSION}".encode(), digest_size=16)
    root = Path(__file__).resolve().parent
    for path in sorted(root.glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # e.g. sys.modules[module] is None
        return False


def _semantic_state() -> str:
    """Whether the semantic model can take part, without importing it (that is slow)."""
    if not S.enabled():
        return "off"
    path = S.model_dir()
    parts = [str(path)]
    for name in ("model.safetensors", "tokenizer.json"):
        try:
            st = (path / name).stat()
        except OSError:
            return "no model"
        parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    if not (_importable("model2vec") and _importable("numpy")):
        return "not installed"
    return "|".join(parts)


def key_for(folder: str | os.PathLike, *, min_score: float, max_bytes: int, recursive: bool) -> str:
    """The cache key of comparing `folder` with these options now. Raises OSError (or the
    loader's InputError) when the folder cannot be listed: then nothing is cached."""
    root = Path(folder).resolve()
    h = hashlib.blake2b(digest_size=20)

    def put(*items: object) -> None:
        for item in items:
            data = item if isinstance(item, bytes) else repr(item).encode("utf-8", "surrogatepass")
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)

    put(engine_id(), str(root), float(min_score), int(max_bytes), bool(recursive), _semantic_state())
    suffixes: set[str] = set()
    for name, path in _entries(root, recursive):
        put(name)
        try:
            st = path.lstat()
            if stat.S_ISLNK(st.st_mode):
                put("link", os.readlink(path))
                try:
                    put(str(path.resolve(strict=True)))
                    st = path.stat()
                except (OSError, RuntimeError):
                    put("broken")
                    continue
            put(stat.S_IFMT(st.st_mode), st.st_size)
            hidden = path.name.startswith((".", "~$"))
            if stat.S_ISREG(st.st_mode) and st.st_size <= max_bytes and not hidden:
                with open(path, "rb") as fh:
                    put(fh.read(max_bytes + 1))
                suffixes.add(path.suffix.lower())
        except OSError as exc:
            put("error", type(exc).__name__)
    for suffix in sorted(suffixes & FORMAT_SUFFIXES):
        put(suffix, _importable(_READER_MODULES.get(suffix, suffix)))
    return h.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / f"{key}{SUFFIX}"


def load(key: str, folder: str) -> tuple[Comparison, dict] | None:
    """The cached comparison for `key` and what the matcher reported, or None (missing, corrupt,
    stale or of another engine: never trusted)."""
    path = _path(key)
    try:
        with open(path, "rb") as fh, gc_paused():
            entry = pickle.load(fh)
        if not (
            isinstance(entry, dict)
            and entry.get("format") == CACHE_VERSION
            and entry.get("engine") == engine_id()
            and entry.get("key") == key
            and isinstance(entry.get("comparison"), Comparison)
            and isinstance(entry.get("match"), dict)
        ):
            return None
        comparison: Comparison = entry["comparison"]
        if comparison.folder != folder or comparison.annotations:
            return None
        comparison.reindex()
        os.utime(path)  # recently used: pruned last
        return comparison, entry["match"]
    except Exception:  # anything wrong with the entry is a miss; it is replaced after the work
        return None


def store(key: str, comparison: Comparison, match_info: dict) -> Path | None:
    """Write the entry atomically, then prune the cache. Best effort: never raises."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        entry = {
            "format": CACHE_VERSION,
            "engine": engine_id(),
            "key": key,
            "created": time.time(),
            "match": dict(match_info),
            "comparison": comparison,
        }

        def dump(fh) -> None:
            with gc_paused():
                pickle.dump(entry, fh, protocol=pickle.HIGHEST_PROTOCOL)

        # Not synced to disk: an entry lost in a crash is only computed again.
        target = write_atomic(_path(key), dump, sync=False, prefix=".tmp-", suffix=SUFFIX)
        prune()
        return target
    except Exception:
        return None


def prune(max_entries: int | None = None, max_bytes: int | None = None) -> None:
    """Keep the most recently used entries: at most `max_entries` (MAX_ENTRIES), `max_bytes`
    (MAX_BYTES) in all. Stale temporary files (from a run that died while writing) go too."""
    max_entries = MAX_ENTRIES if max_entries is None else max_entries
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    folder = cache_dir()
    try:
        files = []
        for p in folder.iterdir():
            try:
                st = p.stat()
            except OSError:
                continue
            if p.name.startswith(".tmp-"):
                if time.time() - st.st_mtime > 3600:
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
