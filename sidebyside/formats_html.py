"""The web-page reader: the article of an HTML page (trafilatura's extraction), its headings,
lists and tables as paragraphs, its title and byline. Imported with formats.py; trafilatura
itself only when a page is read."""

from __future__ import annotations

import re

from .formats_base import Extracted, FormatError, _Builder, _inline, _missing

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


# What a saved page holds when the article never reached it: a cookie consent wall, an app that
# needs JavaScript, a "not found" page. Short, and said in these words.
_NOT_ARTICLE = (
    (re.compile(r"\benable javascript\b|\bjavascript (?:is )?(?:required|disabled)\b", re.I),
     "a page that needs JavaScript: the article is not in the saved file"),
    (re.compile(r"was not found on this server|\bpage not found\b|\b404 not found\b|"
                r"\bthe page you (?:are|were) looking for\b", re.I), "a 'page not found' page"),
    (re.compile(r"\b(?:cookies|personal data|consent)\b[^.]*\bpartners\b|\bpartners\b[^.]*"
                r"\b(?:cookies|personal data|consent)\b", re.I), "a cookie consent page"),
)
NOT_ARTICLE_WORDS = 80  # longer pages hold an article whatever notice they also carry


def _not_an_article(text: str) -> None:
    """Refuse a page that is only a notice (FormatError: the file is skipped, with the reason)."""
    if len(text.split()) >= NOT_ARTICLE_WORDS:
        return
    for pattern, what in _NOT_ARTICLE:
        if pattern.search(text):
            raise FormatError(f"no article in the page ({what})")


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
    _not_an_article(result.text or "")
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
