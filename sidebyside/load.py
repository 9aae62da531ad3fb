"""Read a folder of documents: decode each file, skip what cannot be read, with a reason.

Plain text (.txt, .md, ...) is decoded and kept exactly as written: every offset indexes it.
Web pages, PDFs and Word files go through the readers in formats.py, whose extracted text the
offsets index instead. Nothing is ever written into the folder.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from .model import Skipped

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
# Readers for these live in formats.py; their parsers are optional extras, imported on first use.
FORMAT_SUFFIXES = {".html", ".htm", ".xhtml", ".pdf", ".docx"}
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


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as text, detecting the encoding. Raises ValueError when it is not text."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        found = _utf16_without_bom(data)
        if found is None or _controls(found[0]) > max(2, len(found[0]) // 100):
            raise ValueError("binary file (contains NUL bytes)")
        return found
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            data = data[3:]  # a UTF-8 mark on text that is not UTF-8: detect it below
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ValueError("undecodable bytes (no text encoding fits)")
    text = str(best)
    # A decoding that yields many control characters is not text.
    if _controls(text) > max(2, len(text) // 100):
        raise ValueError("binary file (not text)")
    return text, best.encoding


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
            if path.is_dir() and not path.is_symlink() and not path.name.startswith("."):
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


def load_folder(
    folder: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES, recursive: bool = False
) -> tuple[list[Document], list[Skipped]]:
    """Every readable document in `folder`, sorted by name, and what was skipped (with why).
    Subfolders are read only with `recursive` (their files named "sub/file.txt")."""
    root = Path(folder)
    if not root.exists():
        raise InputError(f"folder not found: {root}")
    if not root.is_dir():
        raise InputError(f"not a folder: {root}")
    entries = _entries(root, recursive)
    if not entries:
        raise InputError(f"folder is empty: {root}")
    real_root = root.resolve()
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for name, path in entries:
        base = path.name
        if base.startswith(".") or base.startswith("~$"):
            continue  # hidden files and editor leftovers are not documents
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                skipped.append(Skipped(name, "broken link"))
                continue
            if real_root not in target.parents:
                skipped.append(Skipped(name, "link to a file outside the folder"))
                continue
        if path.is_dir():
            if path.is_symlink():
                skipped.append(Skipped(name, "link to a folder (not followed)"))
            elif recursive:
                skipped.append(Skipped(name, "folder (permission denied)"))
            else:
                skipped.append(Skipped(name, "folder (subfolders are read with --recursive)"))
            continue
        result = load_file(path, name, max_bytes)
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            docs.append(result)
    return docs, skipped


def load_file(path: Path, name: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | Skipped:
    """One file as a Document, or why it is skipped."""
    suffix = path.suffix.lower()
    if suffix in HINTS:
        return Skipped(name, HINTS[suffix])
    if suffix not in TEXT_SUFFIXES and suffix not in FORMAT_SUFFIXES:
        return Skipped(name, f"unsupported file type {suffix or '(none)'}")
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            return Skipped(name, "not a regular file")
        if st.st_size > max_bytes:
            return Skipped(name, f"too large ({st.st_size:,} bytes; the limit is {max_bytes:,})")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
        if len(data) > max_bytes:
            return Skipped(name, f"too large (over {max_bytes:,} bytes)")
    except PermissionError:
        return Skipped(name, "permission denied")
    except OSError as exc:
        return Skipped(name, f"unreadable ({exc.strerror or exc})")
    if not data.strip():
        return Skipped(name, "empty file")
    full = str(path.resolve())
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
        text, encoding = decode(data)
    except (ValueError, UnicodeDecodeError) as exc:
        return Skipped(name, str(exc))
    if not _has_letters(text):
        return Skipped(name, "no text")
    return Document(name, full, text, encoding)
