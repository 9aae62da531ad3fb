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
    damaged,
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
        raise damaged(kind, exc, data, "a zip file") from None
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


# Containers whose runs Word shows as the paragraph's text: tracked insertions and moves, content
# controls, smart tags, simple fields, custom XML, direction wrappers, hyperlinks. Tracked
# deletions and moved-from text (w:del, w:moveFrom) are not shown, so not read.
_INLINE_WRAPPERS = frozenset(_W + t for t in (
    "hyperlink", "ins", "moveTo", "sdt", "sdtContent", "smartTag", "fldSimple", "customXml",
    "dir", "bdo"))
_TEXT_BOX = _W + "txbxContent"
_BLOCK_WRAPPERS = frozenset((_W + "sdt", _W + "customXml"))


def _run_text(r, out: list[str], boxes: list[str] | None = None) -> None:
    """A run's text as Word shows it: text, tabs, line breaks, non-breaking hyphens; the
    paragraphs of a text box anchored in it go to `boxes` (each its own paragraph)."""
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
        elif boxes is not None and isinstance(tag, str) and not tag.startswith(_W):
            # a drawing or a VML shape (mc:AlternateContent holds the same box twice, as a
            # choice and a fallback: each box's text is kept once)
            for box in e.iter(_TEXT_BOX):
                for p in box.iter(_W + "p"):
                    t = _p_text(p)
                    if t.strip() and t not in boxes:
                        boxes.append(t)


def _p_text(p, boxes: list[str] | None = None) -> str:
    """A paragraph's text, read off the XML directly: its runs, and those inside the containers
    Word shows (`_INLINE_WRAPPERS`), in order."""
    out: list[str] = []
    _collect(p, out, boxes)
    return "".join(out)


def _collect(el, out: list[str], boxes: list[str] | None) -> None:
    for child in el:
        tag = child.tag
        if tag == _W + "r":
            _run_text(child, out, boxes)
        elif tag in _INLINE_WRAPPERS:
            _collect(child, out, boxes)


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
        raise damaged("Word file", exc, data, "a zip file") from None
    built = _Builder()
    first_heading = ""
    body = document.element.body
    if plain_body is not None and len(plain_body) == len(body):
        pairs = zip(plain_body.iterchildren(), body.iterchildren(), strict=True)
    else:  # not the same tree after all: python-docx's elements are plain lxml ones too
        pairs = zip(body.iterchildren(), body.iterchildren(), strict=True)
    todo = list(pairs)[::-1]  # a stack: the next block last
    while todo:
        child, docx_child = todo.pop()
        if isinstance(child, tuple):  # a text box's paragraph
            built.add(_inline(child[1]))
            continue
        tag = child.tag
        if tag in _BLOCK_WRAPPERS:
            # a block content control or custom XML: its paragraphs and tables, in place
            inner = child.find(_W + "sdtContent") if tag == _W + "sdt" else child
            docx_inner = docx_child.find(_W + "sdtContent") if tag == _W + "sdt" else docx_child
            if inner is not None and docx_inner is not None and len(inner) == len(docx_inner):
                todo.extend(list(zip(inner.iterchildren(), docx_inner.iterchildren(),
                                     strict=True))[::-1])
            continue
        if tag == _W + "p":
            boxes: list[str] = []
            text = _inline(_p_text(child, boxes))
            # a text box's paragraphs come after the one it is anchored in
            todo.extend([(("box", b), None) for b in boxes][::-1])
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
                    # its paragraphs, and those of a table nested in it
                    raw = "\n".join(_p_text(p) for p in cell._tc.iter(_W + "p"))
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
