"""The Word reader: a .docx file's paragraphs, headings and tables, its title and byline, after
checking from the zip's directory that its parts do not expand too far. python-docx is imported
only when a Word file is read."""

from __future__ import annotations

import functools
import io
import re

from .formats_base import (
    _TITLE_JUNK,
    Extracted,
    FormatError,
    _Builder,
    _has_letters,
    _inline,
    _missing,
)

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
