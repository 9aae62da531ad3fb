"""Readers for web pages, PDFs and Word files: the article's text, its title and what is known.

Each reader takes the file's bytes and returns an `Extracted`: the text every offset will index
(paragraphs separated by blank lines), the title and byline/date when the file says them, and the
spans of that text the reader knows are not the article (repeated PDF page headers and footers).
A file that cannot be read raises `FormatError` with the reason shown to the user.

The parsers are optional extras and are imported only when a file of their type is met, so the
command line starts fast and works without them.

One module per family: formats_html.py (web pages), formats_mhtml.py (web archives, .mhtml and
.mht: the page taken out and read by formats_html.py), formats_pdf.py (PDFs), formats_word.py (Word
files), with what they share in formats_base.py. This module gathers them by suffix.
"""

from __future__ import annotations

from collections.abc import Callable

from .formats_base import Extracted, FormatError
from .formats_html import MAX_DEPTH, read_html
from .formats_mhtml import MHTML_MAX_PARTS, read_mhtml
from .formats_pdf import read_pdf
from .formats_word import (
    DOCX_MAX_EXPANDED,
    DOCX_MAX_PARTS,
    DOCX_MAX_RATIO,
    DOCX_RATIO_FROM,
    read_docx,
)

__all__ = [
    "DOCX_MAX_EXPANDED", "DOCX_MAX_PARTS", "DOCX_MAX_RATIO", "DOCX_RATIO_FROM", "MAX_DEPTH",
    "MHTML_MAX_PARTS", "READERS", "Extracted", "FormatError", "read_docx", "read_html",
    "read_mhtml", "read_pdf",
]

READERS: dict[str, Callable[[bytes], Extracted]] = {
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".mhtml": read_mhtml,
    ".mht": read_mhtml,
    ".pdf": read_pdf,
    ".docx": read_docx,
}
