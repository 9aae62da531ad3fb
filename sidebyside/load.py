"""Read a folder of documents, once: `scan_folder` lists it, skips what is not a document (with
the reason shown) and reads each file's bytes into a `FolderScan`, which the cache key hashes
(cache.key_of) and `decode_scan` decodes.

Plain text (.txt, .md, ...) is decoded and kept exactly as written: every offset indexes it.
Web pages, PDFs and Word files go through the readers in formats.py, whose extracted text the
offsets index instead. Nothing is ever written into the folder.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from .files import READ_FLAGS, read_upto
from .model import Skipped
from .text import counted

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
# Readers for these live in formats.py; their parsers are optional extras, imported on first use.
FORMAT_SUFFIXES = {".html", ".htm", ".xhtml", ".mhtml", ".mht", ".pdf", ".docx"}
HINTS = {
    ".doc": "old Word .doc files are not read (save it as .docx)",
    ".rtf": "RTF files are not read (save it as .docx or .txt)",
    ".odt": "OpenDocument files are not read (save it as .docx)",
}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class InputError(Exception):
    """Bad input the user must fix: reported as one line on stderr, exit code 2."""


@dataclass
class Document:
    file: str  # name within the folder
    path: str  # absolute path
    text: str  # the decoded (or extracted) text every offset points into
    encoding: str
    title: str = ""  # from the document's metadata (HTML title, PDF info), if any
    # Spans of `text` the reader knows are not the article (repeated PDF page headers/footers).
    boilerplate_spans: list[tuple[int, int]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # byline, date, ... when known


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark: NULs in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8192]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    for codec, nuls in (("utf-16-le", odd), ("utf-16-be", even)):
        if nuls >= 0.6 * half and min(even, odd) <= 0.05 * half:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


# UTF-8 with a few invalid bytes (a stray byte from a paste, a truncated character) is read as
# UTF-8, each invalid byte shown as U+FFFD, when it holds more valid non-ASCII characters than
# invalid bytes and the invalid bytes are at most this share of the file. Guessing another
# encoding instead would garble every valid character (an em dash read as cp1125 is "тАФ").
MOSTLY_UTF8_MAX_INVALID = 0.01
_ESCAPED = re.compile(r"[\udc80-\udcff]")


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """The text with each invalid byte replaced by U+FFFD, and how many were, if `data` is
    nearly all valid UTF-8 (see MOSTLY_UTF8_MAX_INVALID); else None."""
    text = data.decode("utf-8", "surrogateescape")
    invalid = len(_ESCAPED.findall(text))
    non_ascii = sum(1 for ch in text if ord(ch) > 127) - invalid
    if invalid and non_ascii > invalid and invalid <= max(1, len(data) * MOSTLY_UTF8_MAX_INVALID):
        return _ESCAPED.sub("\ufffd", text), invalid
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as text, detecting the encoding. Raises ValueError when it is not text."""
    text, encoding, _ = decode_counted(data)
    return text, encoding


def decode_counted(data: bytes) -> tuple[str, str, int]:
    """`decode`, and how many invalid bytes of nearly-all-UTF-8 text were replaced by U+FFFD
    (the encoding then says so: "utf-8 (2 invalid bytes replaced)")."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        found = _utf16_without_bom(data)
        if found is None or _controls(found[0]) > max(2, len(found[0]) // 100):
            raise ValueError("binary file (contains NUL bytes)")
        return found[0], found[1], 0
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig", 0
        except UnicodeDecodeError:
            data = data[3:]  # a UTF-8 mark on text that is not UTF-8: detect it below
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, invalid = mostly
        return text, f"utf-8 ({counted(invalid, 'invalid byte')} replaced)", invalid
    best = from_bytes(data).best()
    if best is None:
        raise ValueError("undecodable bytes (no text encoding fits)")
    text = str(best)
    # A decoding that yields many control characters is not text.
    if _controls(text) > max(2, len(text) // 100):
        raise ValueError("binary file (not text)")
    return text, best.encoding, 0


def _controls(text: str) -> int:
    return sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")


def _has_letters(text: str) -> bool:
    return re.search(r"[^\W\d_]", text) is not None


def _entries(root: Path, recursive: bool) -> list[tuple[str, Path]]:
    """(name shown, path) of the folder's entries, sorted; with `recursive`, the files of its
    subfolders too (hidden ones and links to folders are not entered)."""
    out: list[tuple[str, Path]] = []
    try:
        children = sorted(root.iterdir(), key=lambda p: p.name)
    except PermissionError:
        raise InputError(f"permission denied: cannot list {root}") from None
    if not recursive:
        return [(p.name, p) for p in children]
    stack: list[tuple[str, list[Path]]] = [("", children)]
    while stack:
        prefix, items = stack.pop()
        subfolders: list[tuple[str, list[Path]]] = []
        for path in items:
            name = prefix + path.name
            try:
                folder = path.is_dir() and not path.is_symlink() and not path.name.startswith(".")
            except OSError:  # e.g. a path longer than the system allows: reported below
                folder = False
            if folder:
                try:
                    inner = sorted(path.iterdir(), key=lambda p: p.name)
                except OSError:
                    out.append((name, path))  # reported as unreadable below
                    continue
                subfolders.append((name + "/", inner))
            else:
                out.append((name, path))
        stack.extend(reversed(subfolders))
    return sorted(out, key=lambda e: e[0].split("/"))


@dataclass
class ScannedFile:
    """One entry of a scanned folder: why it is skipped, or the bytes of the file to decode."""

    name: str  # within the folder ("sub/file.txt" with --recursive)
    path: Path
    skip: str | None = None  # the reason shown beside a skipped entry; None: a file to decode
    full: str = ""  # absolute path of the file read (a link resolved)
    read_stat: os.stat_result | None = None  # the file as it was read (fstat of the open file)
    data: bytes = b""  # let go once decoded (decode_scan)


@dataclass
class FolderScan:
    """A folder read once: every entry the loader looks at, in order, with its bytes. The cache
    key hashes it (cache.key_of), `decode_scan` decodes it, and `changed` tells whether any file
    read has changed since (a stat each, no reading)."""

    folder: Path  # as given
    root: Path  # resolved
    max_bytes: int
    recursive: bool
    entries: list[ScannedFile]
    read: bool = True  # False: classified by stat alone, no file opened (see scan_folder)
    decoded: bool = False  # decode_scan has run: the bytes are let go

    def readable(self) -> list[ScannedFile]:
        """The entries to decode (with `read=False`: the files that may be documents)."""
        return [e for e in self.entries if e.skip is None]

    def skipped(self) -> list[Skipped]:
        return [Skipped(e.name, e.skip) for e in self.entries if e.skip is not None]

    def changed(self) -> bool:
        """Whether a file read has been changed, replaced or removed since: its size, change
        time or inode differ now (a stat each; the bytes are not read again)."""
        for e in self.entries:
            if e.skip is None and e.read_stat is not None:
                try:
                    now = os.stat(e.path)
                except OSError:
                    return True
                if _identity(now) != _identity(e.read_stat):
                    return True
        return False


def _identity(st: os.stat_result) -> tuple[int, int, int, int]:
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def scan_folder(
    folder: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES, recursive: bool = False,
    read: bool = True,
) -> FolderScan:
    """Read `folder` once: list it (`recursive`: subfolders too, their files named "sub/file"),
    skip what is not a document (with the reason) and read the bytes of the rest, each file
    opened once. Raises InputError when the folder is missing, not a folder, empty or cannot be
    listed. With `read=False` no file is opened: entries are classified by their stat alone
    (the command line's check before the app starts, which reads the folder itself)."""
    root = Path(folder)
    if not root.exists():
        raise InputError(f"folder not found: {root}")
    if not root.is_dir():
        raise InputError(f"not a folder: {root}")
    listed = _entries(root, recursive)
    if not listed:
        raise InputError(f"folder is empty: {root}")
    real_root = root.resolve()
    entries = []
    for name, path in listed:
        if path.name.startswith((".", "~$")):
            continue  # hidden files and editor leftovers are not documents
        entries.append(_scan_entry(name, path, real_root, recursive, max_bytes, read))
    return FolderScan(root, real_root, max_bytes, recursive, entries, read)


def _scan_entry(name: str, path: Path, real_root: Path, recursive: bool, max_bytes: int,
                read: bool) -> ScannedFile:
    def skip(reason: str) -> ScannedFile:
        return ScannedFile(name, path, reason)

    try:
        st = path.lstat()
    except OSError as exc:
        return skip(_unreadable(exc))
    full = None
    if stat.S_ISLNK(st.st_mode):
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return skip("broken link")
        if real_root not in target.parents:
            return skip("link to a file outside the folder")
        full = str(target)
        try:
            st = path.stat()
        except OSError as exc:
            return skip(_unreadable(exc))
        if stat.S_ISDIR(st.st_mode):
            return skip("link to a folder (not followed)")
    elif stat.S_ISDIR(st.st_mode):
        if recursive:
            return skip("folder (permission denied)")  # a subfolder that could not be listed
        return skip("folder (subfolders are read with --recursive)")
    why = _unsupported(path)
    if why:
        return skip(why)
    if full is None:
        full = str(real_root / name)  # no link on the way: what resolving the path gives
    if not read:
        why = _not_readable(st, max_bytes)
        if not why and st.st_size == 0:
            why = "empty file"
        return ScannedFile(name, path, why, full, st)
    return _read(name, path, full, st, max_bytes)


def _unsupported(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in HINTS:
        return HINTS[suffix]
    if suffix not in TEXT_SUFFIXES and suffix not in FORMAT_SUFFIXES:
        return f"unsupported file type {suffix or '(none)'}"
    return None


def _not_readable(st: os.stat_result, max_bytes: int) -> str | None:
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    if st.st_size > max_bytes:
        return f"too large ({st.st_size:,} bytes; the limit is {max_bytes:,})"
    return None


def _read(name: str, path: Path, full: str, st: os.stat_result, max_bytes: int) -> ScannedFile:
    """The file's bytes (its stat `st` checked before opening and again on the open file: a
    device or a FIFO is never read), or why it cannot be."""
    if why := _not_readable(st, max_bytes):
        return ScannedFile(name, path, why)
    try:
        fd = os.open(path, READ_FLAGS)
        try:
            st = os.fstat(fd)
            if why := _not_readable(st, max_bytes):
                return ScannedFile(name, path, why)
            data = read_upto(fd, max_bytes, st.st_size)
        finally:
            os.close(fd)
    except OSError as exc:
        return ScannedFile(name, path, _unreadable(exc))
    if len(data) > max_bytes:
        return ScannedFile(name, path, f"too large (over {max_bytes:,} bytes)")
    if not data or data.isspace():
        return ScannedFile(name, path, "empty file")
    return ScannedFile(name, path, None, full, st, data)


def decode_scan(scan: FolderScan) -> tuple[list[Document], list[Skipped]]:
    """Every readable document of the scan, in its order, and what was skipped (with why). Each
    file's bytes are let go once decoded (a folder of large PDFs is not held twice): a scan is
    decoded once, after its cache key is made."""
    if not scan.read or scan.decoded:
        raise ValueError("a scan is decoded once, and only one that read the files")
    scan.decoded = True
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for e in scan.entries:
        if e.skip is not None:
            result: Document | Skipped = Skipped(e.name, e.skip)
        else:
            result = decode_file(e)
            e.data = b""
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            docs.append(result)
    return docs, skipped


def load_folder(
    folder: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES, recursive: bool = False
) -> tuple[list[Document], list[Skipped]]:
    """Every readable document in `folder`, sorted by name, and what was skipped (with why).
    Subfolders are read only with `recursive` (their files named "sub/file.txt")."""
    return decode_scan(scan_folder(folder, max_bytes=max_bytes, recursive=recursive))


def _unreadable(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return "path too long for the system"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"unreadable ({exc.strerror or type(exc).__name__})"


def load_file(path: Path, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | Skipped:
    """One file as a Document, or why it is skipped."""
    why = _unsupported(path)
    if why:
        return Skipped(name, why)
    try:
        st = path.stat()
    except OSError as exc:
        return Skipped(name, _unreadable(exc))
    entry = _read(name, path, "", st, max_bytes)
    if entry.skip is not None:
        return Skipped(name, entry.skip)
    entry.full = str(path.resolve())
    return decode_file(entry)


def decode_file(entry: ScannedFile) -> Document | Skipped:
    """A file read by the scan as a Document (its text decoded or extracted), or why not."""
    name, data, full = entry.name, entry.data, entry.full
    suffix = entry.path.suffix.lower()
    if suffix in FORMAT_SUFFIXES:
        from . import formats

        try:
            ex = formats.READERS[suffix](data)
        except formats.FormatError as exc:
            return Skipped(name, str(exc))
        except Exception as exc:  # one bad file never stops the others
            return Skipped(name, f"unreadable ({type(exc).__name__})")
        if not _has_letters(ex.text):
            return Skipped(name, "no text")
        return Document(
            name, full, ex.text, ex.encoding, title=ex.title, meta=dict(ex.meta),
            boilerplate_spans=list(ex.boilerplate_spans),
        )
    try:
        text, encoding, invalid = decode_counted(data)
    except (ValueError, UnicodeDecodeError) as exc:
        return Skipped(name, str(exc))
    if not _has_letters(text):
        return Skipped(name, "no text")
    meta = {"replaced_bytes": f"{invalid} invalid UTF-8 byte(s) shown as U+FFFD"} if invalid else {}
    return Document(name, full, text, encoding, meta=meta)
