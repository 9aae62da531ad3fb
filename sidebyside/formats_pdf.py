"""The PDF reader: a PDF's text layer as paragraphs (lines joined, hyphenated words mended, page
headers and footers flagged as boilerplate), its title and byline. pypdf is imported only when a
PDF is read."""

from __future__ import annotations

import contextlib
import io
import logging
import re
import warnings
from dataclasses import dataclass

from .formats_base import (
    _TITLE_JUNK,
    Extracted,
    FormatError,
    _Builder,
    _has_letters,
    _inline,
    _missing,
    damaged,
)

_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st"}
)
_DIGITS = re.compile(r"\d+")
_ROMAN_PAGE = re.compile(r"\b[ivxlc]+\b$")
_BULLET = re.compile(r"^(?:[•▪●◦‣·*–-]\s|\(?\d{1,2}[.)]\s)")
_END_PUNCT = re.compile(r"""[.!?:…]["'”’)\]]*$""")


@dataclass
class _Line:
    text: str
    y: float | None = None  # baseline, PDF units (up is larger)
    x: float | None = None
    size: float = 0.0


def _page_lines(page) -> list[_Line]:
    """The page's lines as pypdf reads them, each with where it starts when pypdf says so."""
    pieces: list[tuple[str, float | None, float | None, float]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if not text:
            return
        x = y = None
        if tm and cm and (tm[4] or tm[5]):
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) if tm and cm and tm[3] and cm[3] else 1.0
        pieces.append((text, x, y, (font_size or 0.0) * scale))

    try:
        raw = page.extract_text(visitor_text=visit)
    except Exception:
        pieces = []
        raw = page.extract_text()
    lines: list[_Line] = []
    if "".join(p[0] for p in pieces) != raw:  # geometry does not line up: text only
        return [_Line(t) for t in (raw or "").splitlines()]
    cur = _Line("")
    for text, x, y, size in pieces:
        chunks = text.split("\n")
        for i, chunk in enumerate(chunks):
            if i:
                lines.append(cur)
                cur = _Line("")
            if chunk.strip() and cur.y is None and y is not None:
                cur.x, cur.y = x, y
            if chunk.strip():
                cur.size = max(cur.size, size)
            cur.text += chunk
    lines.append(cur)
    return lines


def _repeat_key(line: str) -> str:
    key = _DIGITS.sub("#", line.strip().lower())
    key = _ROMAN_PAGE.sub("#", key)
    return re.sub(r"\s+", " ", key)


def _page_furniture(pages: list[list[_Line]]) -> list[set[int]]:
    """Per page, the indexes of lines that are page headers or footers: among a page's first or
    last two lines, the same text (page numbers aside) on at least two pages."""
    if len(pages) < 2:
        return [set() for _ in pages]
    edges: list[list[int]] = []
    for lines in pages:
        idx = [i for i, ln in enumerate(lines) if ln.text.strip()]
        edges.append(sorted(set(idx[:2] + idx[-2:])))
    seen: dict[str, set[int]] = {}
    for p, (lines, idx) in enumerate(zip(pages, edges, strict=True)):
        for i in idx:
            seen.setdefault(_repeat_key(lines[i].text), set()).add(p)
    repeated = {k for k, ps in seen.items() if len(ps) >= 2}
    out: list[set[int]] = []
    for lines, idx in zip(pages, edges, strict=True):
        marks = {i for i in idx if _repeat_key(lines[i].text) in repeated}
        # Only the outermost lines: a header is at the top, a footer at the bottom of the page.
        body = [i for i, ln in enumerate(lines) if ln.text.strip()]
        keep: set[int] = set()
        for seq in (body[:2], list(reversed(body[-2:]))):
            for i in seq:
                if i not in marks:
                    break
                keep.add(i)
        out.append(keep)
    return out


def _join(prev: str, nxt: str, hyphenated: set[str]) -> str:
    """Join two lines of one paragraph, mending words hyphenated across the break."""
    if prev.endswith("\u00ad"):
        return prev[:-1] + nxt
    m = re.search(r"([^\W\d_]+)-$", prev)
    if m and nxt[:1].isalpha():
        word = re.match(r"[^\W\d_]+", nxt)
        whole = f"{m.group(1)}-{word.group(0) if word else ''}".lower()
        if nxt[:1].islower() and whole not in hyphenated:
            return prev[:-1] + nxt  # "infra-" + "structure"
        return prev + nxt  # "North-" + "Korean"
    if prev.endswith(("-", "—", "–", "/")):
        return prev + nxt
    return prev + " " + nxt


@contextlib.contextmanager
def _quiet(logger_name: str):
    """A library's own log lines (pypdf warns about every odd cross-reference) would reach stderr
    beside the app or the report: while it reads, nothing under `logger_name` is logged."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_pdf(data: bytes) -> Extracted:
    try:
        import pypdf
    except ImportError as exc:
        raise _missing("PDF", "pdf", "pypdf", exc) from None
    with _quiet("pypdf"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _read_pdf(pypdf, data)


def _read_pdf(pypdf, data: bytes) -> Extracted:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise FormatError("encrypted PDF (needs a password)")
            except FormatError:
                raise
            except Exception:
                raise FormatError("encrypted PDF (cannot be decrypted)") from None
        pages = [_page_lines(page) for page in reader.pages]
    except FormatError:
        raise
    except Exception as exc:  # pypdf raises many kinds on broken files
        raise damaged("PDF", exc, data, "a PDF") from None
    for lines in pages:
        for ln in lines:
            ln.text = ln.text.translate(_LIGATURES).replace("\x00", "").strip()
    if not any(_has_letters(ln.text) for lines in pages for ln in lines):
        raise FormatError("no text layer (scanned PDF?)")

    furniture = _page_furniture(pages)
    all_text = " ".join(ln.text for lines in pages for ln in lines)
    hyphenated = {w.lower() for w in re.findall(r"[^\W\d_]+-[^\W\d_]+", all_text)}
    body_lens = sorted(
        len(ln.text) for p, lines in enumerate(pages) for i, ln in enumerate(lines)
        if i not in furniture[p] and ln.text
    )
    full = body_lens[int(len(body_lens) * 0.9)] if body_lens else 60  # a full line's length

    built = _Builder()
    pending: list[str] = []  # headers/footers met inside a paragraph: placed after it
    para = ""

    def flush() -> None:
        nonlocal para
        built.add(para)
        para = ""
        for f in pending:
            built.add(f, boilerplate=True)
        pending.clear()

    for p, lines in enumerate(pages):
        body = [(i, ln) for i, ln in enumerate(lines) if ln.text and i not in furniture[p]]
        gaps = [
            a.y - b.y
            for (_, a), (_, b) in zip(body, body[1:], strict=False)
            if a.y is not None and b.y is not None and a.y - b.y > 0
        ]
        # The usual distance between two lines of a paragraph: wider gaps separate paragraphs.
        step = sorted(gaps)[len(gaps) // 4] if gaps else None
        left = min((ln.x for _, ln in body if ln.x is not None), default=None)
        prev: _Line | None = None
        for i, ln in enumerate(lines):
            if not ln.text:
                continue
            if i in furniture[p]:
                if para:
                    pending.append(ln.text)
                else:
                    built.add(ln.text, boilerplate=True)
                continue
            if para and _breaks(prev, ln, step, left, full):
                flush()
            para = ln.text if not para else _join(para, ln.text, hyphenated)
            prev = ln
        # Across the page break: the paragraph goes on unless its last line reads as finished.
        # (With only a few short lines there is no telling what a full line is: say 60.)
        if (
            para
            and prev is not None
            and _END_PUNCT.search(prev.text)
            and len(prev.text) < 0.8 * max(full, 60)
        ):
            flush()
    flush()

    meta: dict[str, str] = {}
    title = ""
    info = None
    try:
        info = reader.metadata
    except Exception:
        info = None
    if info:
        title = _inline(str(info.title or "")).replace("\n", " ")
        if _TITLE_JUNK.match(title) or not _has_letters(title):
            title = ""
        if info.author:
            meta["byline"] = _inline(str(info.author)).replace("\n", " ")
        try:
            created = info.creation_date
        except Exception:
            created = None
        if created:
            meta["date"] = created.date().isoformat()
    if not title:
        title = _headline(pages[0], furniture[0])
    meta["pages"] = str(len(pages))
    return Extracted(built.text(), title=title, meta=meta, boilerplate_spans=built.flagged,
                     encoding="pdf")


def _headline(lines: list[_Line], furniture: set[int]) -> str:
    """The first page's headline: its first lines set larger than the body text, if any."""
    body = [ln for i, ln in enumerate(lines) if ln.text and i not in furniture]
    sizes = sorted(ln.size for ln in body if ln.size)
    if not sizes:
        return ""
    usual = sizes[len(sizes) // 2]
    top = max(ln.size for ln in body[:12])
    if top < 1.2 * usual:
        return ""
    words: list[str] = []
    for ln in body[:12]:
        if ln.size == top:
            words.append(ln.text)
        elif words:
            break
    title = " ".join(words)
    return title if _has_letters(title) and len(title.split()) <= 25 else ""


def _breaks(
    prev: _Line | None, ln: _Line, step: float | None, left: float | None, full: int
) -> bool:
    """Whether `ln` starts a new paragraph after `prev` on the same page."""
    if prev is None:
        return False
    if _BULLET.match(ln.text):
        return True  # a list item starts its own paragraph
    done = _END_PUNCT.search(prev.text) is not None
    if prev.size and ln.size and abs(prev.size - ln.size) > 0.15 * max(prev.size, ln.size):
        return True  # a headline, a dateline or a caption in another type size
    if prev.y is not None and ln.y is not None and step:
        gap = prev.y - ln.y
        if gap > 1.4 * step:
            return True  # a wider gap than between the lines of a paragraph
        if 0 < gap <= 1.4 * step:
            size = max(ln.size, 1.0)
            indented = left is not None and ln.x is not None and ln.x - left > 0.8 * size
            return done and (indented or len(prev.text) < 0.7 * full)
    # No geometry (or a column change): a finished short line ends its paragraph.
    return done and len(prev.text) < 0.7 * full
