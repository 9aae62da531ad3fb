"""Readers for web pages, PDFs and Word files: the article's text, its title and what is known.

Each reader takes the file's bytes and returns an `Extracted`: the text every offset will index
(paragraphs separated by blank lines), the title and byline/date when the file says them, and the
spans of that text the reader knows are not the article (repeated PDF page headers and footers).
A file that cannot be read raises `FormatError` with the reason shown to the user.

The parsers are optional extras and are imported only when a file of their type is met, so the
command line starts fast and works without them.
"""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field


class FormatError(Exception):
    """The file cannot be read; the message is the reason shown beside the skipped file."""


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


# --- HTML -----------------------------------------------------------------------------------------

_HEAD_LEVEL = re.compile(r"h([1-6])")
_BLOCK_TAGS = {"p", "head", "list", "item", "quote", "table", "row", "cell", "code", "div", "main"}


def _xml_inline(el) -> str:
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag != "graphic":
            parts.append(_xml_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _xml_blocks(el, out: list[str]) -> None:
    """Paragraph texts of trafilatura's XML body, headings as '#' lines and list items as '- '."""
    for child in el:
        tag = child.tag
        has_blocks = any(c.tag in _BLOCK_TAGS for c in child)
        if tag == "head":
            m = _HEAD_LEVEL.fullmatch(child.get("rend", "") or "")
            level = int(m.group(1)) if m else 2
            text = _inline(_xml_inline(child)).replace("\n", " ")
            if text:
                out.append("#" * level + " " + text)
        elif tag == "list":
            for item in child:
                if any(c.tag in _BLOCK_TAGS for c in item):
                    _xml_blocks(item, out)
                else:
                    text = _inline(_xml_inline(item))
                    if text:
                        out.append("- " + text)
        elif tag == "table":
            for row in child.iter("row"):
                cells = [_inline(_xml_inline(c)).replace("\n", " ") for c in row.iter("cell")]
                text = "; ".join(c for c in cells if c)
                if text:
                    out.append(text)
        elif has_blocks:
            _xml_blocks(child, out)
        elif tag != "graphic":
            text = _inline(_xml_inline(child))
            if text:
                out.append(text)


# lxml (libxml2) stops reading a page nested deeper than 256 elements and drops the rest without
# a word; the text past that depth went missing. Deeper tags are dropped (their text kept) first.
MAX_DEPTH = 200
_TAG = re.compile(rb"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")
_VOID = frozenset(
    b"area base br col embed hr img input link meta param source track wbr".split()
)


def _flatten_deep(data: bytes) -> tuple[bytes, int]:
    """The page with tags nested deeper than MAX_DEPTH removed, and the deepest level seen."""
    depth = deepest = 0
    cut: list[tuple[int, int]] = []
    for m in _TAG.finditer(data):
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or selfclosing:
            continue
        if closing:
            if depth > MAX_DEPTH:
                cut.append(m.span())
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH:
                cut.append(m.span())
    if not cut:
        return data, deepest
    out, pos = [], 0
    for a, b in cut:
        out.append(data[pos:a])
        pos = b
    out.append(data[pos:])
    return b"".join(out), deepest


def read_html(data: bytes) -> Extracted:
    try:
        import trafilatura
    except ImportError as exc:
        raise _missing("HTML", "html", "trafilatura", exc) from None
    data, deepest = _flatten_deep(data)
    result = None
    for recall in (False, True):
        try:
            result = trafilatura.bare_extraction(
                data,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_images=False,
                favor_recall=recall,
                # Dates from the page's markup only, never guessed from numbers in its text.
                date_extraction_params={"extensive_search": False, "original_date": True},
            )
        except Exception as exc:  # a broken page must not stop the other files
            raise FormatError(f"unreadable web page ({type(exc).__name__})") from None
        words = re.findall(r"[^\W\d_]{2,}", (result.text or "") if result is not None else "")
        if result is not None and getattr(result, "body", None) is not None and len(words) >= 5:
            break  # a menu word or two is not an article
        result = None
    if result is None:
        raise FormatError("no article text found in the page")
    blocks: list[str] = []
    _xml_blocks(result.body, blocks)
    if not blocks:  # should not happen; fall back on the plain text trafilatura made
        blocks = [b for b in (_inline(p) for p in (result.text or "").split("\n")) if b]
    built = _Builder()
    for block in blocks:
        built.add(block)
    meta = {
        key: str(value).strip()
        for key, value in (
            ("byline", result.author),
            ("date", result.date),
            ("site", result.sitename),
            ("url", result.url),
            ("description", result.description),
        )
        if value and str(value).strip()
    }
    title = _inline(result.title or "").replace("\n", " ")
    encoding = "html"
    if deepest > MAX_DEPTH:  # said, not hidden: the reader sees why the page looks flatter
        encoding = f"html (nested {deepest} levels deep; tags past {MAX_DEPTH} levels dropped, text kept)"
        meta["nesting"] = str(deepest)
    return Extracted(built.text(), title=title, meta=meta, encoding=encoding)


# --- PDF ------------------------------------------------------------------------------------------

_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st"}
)
_DIGITS = re.compile(r"\d+")
_ROMAN_PAGE = re.compile(r"\b[ivxlc]+\b$")
_BULLET = re.compile(r"^(?:[•▪●◦‣·*–-]\s|\(?\d{1,2}[.)]\s)")
_END_PUNCT = re.compile(r"""[.!?:…]["'”’)\]]*$""")
_TITLE_JUNK = re.compile(r"(?i)^(untitled|document\d*|microsoft word\b.*|.*\.(docx?|pdf|odt|rtf|txt))$")


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
        raise FormatError(f"unreadable PDF ({type(exc).__name__})") from None
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


# --- Word -----------------------------------------------------------------------------------------


# A Word file is a zip: what its parts expand to is checked from the zip's directory before any
# part is inflated (a 4 MB file can expand to 4 GiB).
DOCX_MAX_EXPANDED = 256 * 1024 * 1024
DOCX_MAX_RATIO = 100  # expanded over packed size, for files expanding past DOCX_RATIO_FROM
DOCX_RATIO_FROM = 16 * 1024 * 1024
DOCX_MAX_PARTS = 10_000
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _mb(n: float) -> str:
    return f"{n / 1024 / 1024:,.0f} MB" if n < 1024**3 else f"{n / 1024**3:,.1f} GB"


def _check_zip(data: bytes, kind: str = "Word file") -> None:
    """Refuse a zip whose parts would expand too far, from its central directory alone."""
    import zipfile

    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except Exception as exc:
        raise FormatError(f"unreadable {kind} ({type(exc).__name__})") from None
    if len(infos) > DOCX_MAX_PARTS:
        raise FormatError(f"{kind} has {len(infos):,} parts (over {DOCX_MAX_PARTS:,}; not a document?)")
    expanded = sum(max(0, i.file_size) for i in infos)
    if expanded > DOCX_MAX_EXPANDED:
        raise FormatError(
            f"{kind} expands to {_mb(expanded)} (over the {_mb(DOCX_MAX_EXPANDED)} limit; a zip bomb?)"
        )
    if expanded > DOCX_RATIO_FROM and expanded > DOCX_MAX_RATIO * len(data):
        raise FormatError(
            f"{kind} expands {expanded // max(1, len(data)):,} times, to {_mb(expanded)} "
            "(a zip bomb?)"
        )


def _run_text(r, out: list[str]) -> None:
    """A run's text as python-docx reads it: text, tabs, line breaks, non-breaking hyphens."""
    for e in r:
        tag = e.tag
        if tag == _W + "t":
            out.append(e.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            out.append("\t")
        elif tag == _W + "br":
            if e.get(_W + "type", "textWrapping") == "textWrapping":
                out.append("\n")
        elif tag == _W + "cr":
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")


def _p_text(p) -> str:
    """A paragraph's text (its runs and hyperlinks' runs), read off the XML directly."""
    out: list[str] = []
    for child in p:
        if child.tag == _W + "r":
            _run_text(child, out)
        elif child.tag == _W + "hyperlink":
            for r in child:
                if r.tag == _W + "r":
                    _run_text(r, out)
    return "".join(out)


def _p_style(p) -> str | None:
    ppr = p.find(_W + "pPr")
    if ppr is None:
        return None
    ps = ppr.find(_W + "pStyle")
    return ps.get(_W + "val") if ps is not None else None


def read_docx(data: bytes) -> Extracted:
    try:
        import docx
        from docx.enum.style import WD_STYLE_TYPE
        from docx.table import Table
    except ImportError as exc:
        raise _missing("Word", "docx", "docx", exc) from None
    _check_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
        # Style names by id, resolved once (per paragraph, python-docx looks each one up anew:
        # 98,000 paragraphs took minutes).
        styles = document.styles
        names = {
            s.style_id: s.name or ""
            for s in styles
            if s.type == WD_STYLE_TYPE.PARAGRAPH and s.style_id is not None
        }
        default = styles.default(WD_STYLE_TYPE.PARAGRAPH)
        default_name = (default.name if default is not None else "") or ""
        # The body read again without python-docx's element classes: walking 98,000 paragraphs
        # through them took seconds (tables still go through python-docx, for merged cells).
        import zipfile

        from lxml import etree

        part = document.part.partname.lstrip("/")
        plain = etree.fromstring(
            zipfile.ZipFile(io.BytesIO(data)).read(part),
            etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True),
        )
        plain_body = plain.find(_W + "body")
    except Exception as exc:
        raise FormatError(f"unreadable Word file ({type(exc).__name__})") from None
    built = _Builder()
    first_heading = ""
    body = document.element.body
    if plain_body is not None and len(plain_body) == len(body):
        pairs = zip(plain_body.iterchildren(), body.iterchildren(), strict=True)
    else:  # not the same tree after all: python-docx's elements are plain lxml ones too
        pairs = zip(body.iterchildren(), body.iterchildren(), strict=True)
    for child, docx_child in pairs:
        tag = child.tag
        if tag == _W + "p":
            text = _inline(_p_text(child))
            if not text:
                continue
            style_id = _p_style(child)
            style = names.get(style_id, default_name) if style_id is not None else default_name
            level = _heading_level(style)
            if level:
                text = text.replace("\n", " ")
                if not first_heading:
                    first_heading = text
                text = "#" * level + " " + text
            elif style.lower().startswith("list") and not text.startswith(("-", "•", "*")):
                text = "- " + text
            built.add(text)
        elif tag == _W + "tbl":
            table = Table(docx_child, document)
            for row in table.rows:
                cells: list[str] = []
                for cell in row.cells:
                    raw = "\n".join(_p_text(p) for p in cell._tc.iterchildren(_W + "p"))
                    t = _inline(raw).replace("\n", " ")
                    if t and (not cells or cells[-1] != t):  # merged cells repeat their text
                        cells.append(t)
                built.add("; ".join(cells))
    text = built.text()
    if not _has_letters(text):
        raise FormatError("no text")
    props = document.core_properties
    title = _inline(props.title or "").replace("\n", " ")
    if not title or _TITLE_JUNK.match(title):
        title = first_heading
    meta: dict[str, str] = {}
    if props.author:
        meta["byline"] = props.author.strip()
    date = props.created or props.modified
    if date:
        meta["date"] = date.date().isoformat()
    return Extracted(text, title=title, meta=meta, encoding="docx")


@functools.lru_cache(maxsize=256)
def _heading_level(style: str) -> int:
    s = style.strip().lower()
    if s in ("title", "subtitle"):
        return 1 if s == "title" else 2
    m = re.fullmatch(r"heading\s*([1-6])", s)
    return int(m.group(1)) if m else 0


READERS: dict[str, Callable[[bytes], Extracted]] = {
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}
