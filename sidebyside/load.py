"""Read a folder of documents: decode each file, skip what cannot be read, with a reason."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from .model import Skipped

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
LATER_SUFFIXES = {
    ".html": "HTML pages are not read yet",
    ".htm": "HTML pages are not read yet",
    ".pdf": "PDF files are not read yet",
    ".docx": "Word files are not read yet",
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


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as text, detecting the encoding. Raises ValueError when it is not text."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("binary file (contains NUL bytes)")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ValueError("undecodable bytes (no text encoding fits)")
    text = str(best)
    # A decoding that yields many control characters is not text.
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(2, len(text) // 100):
        raise ValueError("binary file (not text)")
    return text, best.encoding


def _has_letters(text: str) -> bool:
    return re.search(r"[^\W\d_]", text) is not None


def load_folder(
    folder: str | os.PathLike, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Document], list[Skipped]]:
    """Every readable document in `folder` (not recursive), sorted by name, and what was skipped."""
    root = Path(folder)
    if not root.exists():
        raise InputError(f"folder not found: {root}")
    if not root.is_dir():
        raise InputError(f"not a folder: {root}")
    try:
        entries = sorted(root.iterdir(), key=lambda p: p.name)
    except PermissionError:
        raise InputError(f"permission denied: cannot list {root}") from None
    docs: list[Document] = []
    skipped: list[Skipped] = []
    if not entries:
        raise InputError(f"folder is empty: {root}")
    for path in entries:
        name = path.name
        if name.startswith(".") or name.startswith("~$"):
            continue  # hidden files and editor leftovers are not documents
        if path.is_dir():
            skipped.append(Skipped(name, "folder (subfolders are not read)"))
            continue
        if path.is_symlink():
            target = path.resolve()
            if root.resolve() not in target.parents:
                skipped.append(Skipped(name, "link to a file outside the folder"))
                continue
        suffix = path.suffix.lower()
        if suffix in LATER_SUFFIXES:
            skipped.append(Skipped(name, LATER_SUFFIXES[suffix]))
            continue
        if suffix not in TEXT_SUFFIXES:
            skipped.append(Skipped(name, f"unsupported file type {suffix or '(none)'}"))
            continue
        try:
            size = path.stat().st_size
            if size > max_bytes:
                skipped.append(
                    Skipped(name, f"too large ({size:,} bytes; the limit is {max_bytes:,})")
                )
                continue
            data = path.read_bytes()
        except PermissionError:
            skipped.append(Skipped(name, "permission denied"))
            continue
        except OSError as exc:
            skipped.append(Skipped(name, f"unreadable ({exc.strerror or exc})"))
            continue
        try:
            text, encoding = decode(data)
        except (ValueError, UnicodeDecodeError) as exc:
            skipped.append(Skipped(name, str(exc)))
            continue
        if not _has_letters(text):
            skipped.append(Skipped(name, "no text"))
            continue
        docs.append(Document(name, str(path.resolve()), text, encoding))
    return docs, skipped
