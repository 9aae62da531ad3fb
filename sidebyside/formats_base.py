"""What the readers for web pages (formats_html.py), PDFs (formats_pdf.py) and Word files
(formats_word.py) share: `Extracted` (what a reader returns), `FormatError` (why a file cannot be
read) and the joining of paragraphs. `formats.py` gathers the readers by suffix."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


class FormatError(Exception):
    """The file cannot be read; the message is the reason shown beside the skipped file."""


def what_it_is(data: bytes) -> str:
    """What a file that is not the kind its name says looks like, from its first bytes: a web
    page, a PDF, a zip (Word), plain text, or "" when it cannot be told."""
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "a PDF"
    if head.startswith(b"pk\x03\x04"):
        return "a zip file"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "a web page"
    if head and all(b >= 32 or b in (9, 10, 13) for b in head[:512]):
        return "plain text"
    return ""


def damaged(kind: str, exc: Exception, data: bytes, wanted: str) -> FormatError:
    """The error for a file the reader refused: not that kind at all ("not a PDF (it is a web
    page)"), or damaged or cut short, with the library's error name for the curious."""
    if "Limit" in type(exc).__name__:  # pypdf's LimitReachedError: a stream that expands too far
        return FormatError(f"{kind} expands past the reading limit (a decompression bomb?)")
    other = what_it_is(data)
    if other and other != wanted:
        return FormatError(f"not a {kind} (it is {other})")
    return FormatError(f"damaged or incomplete {kind} ({type(exc).__name__})")


@dataclass
class Extracted:
    text: str
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    boilerplate_spans: list[tuple[int, int]] = field(default_factory=list)
    encoding: str = ""  # how the text was obtained ("html", "pdf", "docx")


def _missing(kind: str, extra: str, module: str, exc: ImportError) -> FormatError:
    """Not installed, or installed but failing to import (a missing piece of its own): say which."""
    import importlib.util

    try:
        present = importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        present = False
    if present:
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        return FormatError(f"{kind} support is broken: {reason}")
    return FormatError(f'{kind} support is not installed (pip install "sidebyside[{extra}]")')


_WS = re.compile(r"[^\S\n]+")
_MANY_NL = re.compile(r"\s*\n\s*")


def _inline(text: str) -> str:
    """One paragraph's text: runs of spaces folded, line breaks kept single, no blank lines."""
    text = _WS.sub(" ", text.replace("\r", " "))
    return _MANY_NL.sub("\n", text).strip()


class _Builder:
    """Joins paragraphs with blank lines and remembers the spans of the flagged ones."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.flagged: list[tuple[int, int]] = []

    def add(self, para: str, boilerplate: bool = False) -> None:
        para = para.strip()
        if not para:
            return
        if self.parts:
            self.parts.append("\n\n")
            self.size += 2
        if boilerplate:
            self.flagged.append((self.size, self.size + len(para)))
        self.parts.append(para)
        self.size += len(para)

    def text(self) -> str:
        return "".join(self.parts)


def _has_letters(text: str) -> bool:
    return re.search(r"[^\W\d_]", text) is not None


# Titles that are a file's name or an editor's placeholder, not the article's (PDF, Word).
_TITLE_JUNK = re.compile(r"(?i)^(untitled|document\d*|microsoft word\b.*|.*\.(docx?|pdf|odt|rtf|txt))$")
