"""The web-page reader: the article of an HTML page (trafilatura's extraction), its headings,
lists and tables as paragraphs, its title and byline. Imported with formats.py; trafilatura
itself only when a page is read."""

from __future__ import annotations

import functools
import re

from .formats_base import Extracted, FormatError, _Builder, _inline, _missing

_HEAD_LEVEL = re.compile(r"h([1-6])")
_BLOCK_TAGS = {"p", "head", "list", "item", "quote", "table", "row", "cell", "code", "div", "main"}


def _xml_inline(el, spaced: bool = False) -> str:
    """The element's text; `spaced`: its blocks apart by a space (a data cell's "12", "(3%)")."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        elif spaced and child.tag in _BLOCK_TAGS:
            parts.append(" " + _xml_inline(child, True) + " ")
        elif child.tag != "graphic":
            parts.append(_xml_inline(child, spaced))
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
        elif tag == "table" and _layout_table(child):
            for part in child:  # its rows, each cell in reading order
                for cell in part if part.tag == "row" else [part]:
                    _cell_blocks(cell, out)
        elif tag == "table":
            for row in child.iter("row"):
                cells = [_inline(_xml_inline(c, True)).replace("\n", " ") for c in row.iter("cell")]
                text = "; ".join(c for c in cells if c)
                if text:
                    out.append(text)
        elif has_blocks:
            _xml_blocks(child, out)
        elif tag != "graphic":
            text = _inline(_xml_inline(child))
            if text:
                out.append(text)


# A table that lays out the page (the article in one cell, a sidebar in the next) rather than
# holding data. Read row by row, its paragraphs would be glued into one; but a data table's cell
# may hold two short blocks ("12", "(3%)") and one row a long source note: only a table whose
# cells are mostly prose, or of a column or two holding several paragraphs, is laid out.
LAYOUT_CELL_CHARS = 200  # a cell of prose: this long, two sentences or more
LAYOUT_PARA_CHARS = 80  # a paragraph of prose in a cell of a table of few columns
LAYOUT_MAX_COLUMNS = 3
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*(?:\s|$)")


def _prose(text: str) -> bool:
    return len(text) >= LAYOUT_CELL_CHARS and len(_SENTENCE_END.findall(text)) >= 2


def _layout_table(table) -> bool:
    """Whether at least half of the table's non-empty cells (its nested tables' too) hold prose,
    or, with at most LAYOUT_MAX_COLUMNS cells a row, a cell holds two paragraphs of prose."""
    texts, paragraphs = [], False
    narrow = all(sum(1 for c in row if c.tag == "cell") <= LAYOUT_MAX_COLUMNS
                 for row in table.iter("row"))
    for cell in table.iter("cell"):
        text = _norm("".join(cell.itertext()))
        if text:
            texts.append(text)
        if narrow and not paragraphs:
            parts = [cell.text or ""]  # loose text (a cell split by <br>s) and blocks
            for child in cell:
                if child.tag in _BLOCK_TAGS:
                    parts += ["".join(child.itertext()), child.tail or ""]
                else:
                    parts[-1] += "".join(child.itertext()) + (child.tail or "")
            paragraphs = sum(1 for p in parts if len(_norm(p)) >= LAYOUT_PARA_CHARS) >= 2
    return bool(texts) and (paragraphs or 2 * sum(map(_prose, texts)) >= len(texts))


def _cell_blocks(cell, out: list[str]) -> None:
    """A layout cell's paragraphs: its blocks, and the loose text around them as paragraphs of
    their own (a cell split by <br>s starts with text that is in no block)."""
    run: list[str] = [cell.text or ""]

    def flush() -> None:
        text = _inline("".join(run))
        if text:
            out.append(text)
        run.clear()

    for child in cell:
        if child.tag in _BLOCK_TAGS:
            flush()
            _xml_blocks([child], out)
        elif child.tag == "lb":
            run.append("\n")
        elif child.tag != "graphic":
            run.append(_xml_inline(child))
        run.append(child.tail or "")
    flush()


# The standfirst (dek, subheadline, summary) between headline and body often carries the story's
# main claim; trafilatura leaves it out when the body sits in a container of its own. It is found
# by the role its markup names (class, id, itemprop, data-*), never by its words.
_ROLE = re.compile(r"\b(standfirst|dek|deck|sub ?head(?:line)?|sub ?title|summary)\b")
# Not roles of a standfirst: "intro", "lede", "description", "strapline" name a byline block, the
# body's first paragraph, an image's or a video's caption as often. itemprop="description" alone
# (schema.org's, of the article) is taken, in the article's header only.
_ELSEWHERE = re.compile(r"\b(related|promo|teaser|card|sidebar|aside|rail|recirc|recommended|"
                        r"popular|trending|newsletter|more)s?\b")  # other stories, not this one
_ELSEWHERE_TAGS = {"aside", "nav", "footer", "figure", "figcaption", "form", "ul", "ol", "li", "a"}
# Blocks whose text is about the page, not the story: a paywall, a sign-up box, a player, a
# caption, a byline. A candidate in one (or holding one) is left out; beside a player too.
_NOT_STORY = re.compile(r"\b(pay ?wall|subscribe|subscription|subscriber|sign ?up|newsletter|"
                        r"audio|listen|video|player|caption|credit|byline|author|date|dateline|"
                        r"time|timestamp|share|sharing|social)s?\b")
_BESIDE = re.compile(r"\b(pay ?wall|subscribe|sign ?up|newsletter|audio|listen|video|player|"
                     r"caption|credit)s?\b")
_MEDIA_TAGS = {"img", "picture", "video", "audio", "iframe", "embed", "object", "input", "button"}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_BYLINE_FORM = re.compile(  # "By Jane Ash", a time ("18:04"), a full date: a byline or dateline
    r"^\W*by\s+[A-Z]|\b\d{1,2}:\d{2}\b|\b\d{4}-\d{2}-\d{2}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+\d{{4}}\b|\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b",
    re.I)
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_LINKED_HEADING = " | ".join(f".//{h}[.//a[@href] or ancestor::a[@href]]" for h in _HEADINGS)
_ARTICLE = re.compile(r"\b(article|story|entry)\b")
_NOT_PLAIN = ("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "figure", "img",
              "br", "form", "button", "script", "style", "iframe", "video")
STANDFIRST_CHARS = (30, 400)
STANDFIRST_CANDIDATES = 5  # more before the body: a list of teasers or the like; none is taken
STANDFIRST_KEPT = 0.8  # this share of its words in the body's opening: trafilatura kept it
OPENING_CHARS = 1000


@functools.cache
def _marked():
    """An XPath for the elements with an attribute that may name a standfirst role (any case of
    its first letter): run in C, cheaper than a look at each element of a large page in Python."""
    from lxml import etree

    parts = ("tandfirst", "ek", "ub", "ummary", "escription")
    return etree.XPath("//body//*[@*[" + " or ".join(f"contains(., '{w}')" for w in parts) + "]]")


def _roles(el) -> str:
    """The names an element's markup gives it (class, id, itemprop, data-*), lower case, in
    words split at '-', '_' and camelCase: class="ArticleHeader_dek" is 'article header dek'."""
    names = " ".join(v for k, v in el.items()
                     if (k in ("class", "id", "itemprop") or k.startswith("data-")) and len(v) <= 100)
    return re.sub(r"(?<=[a-z])(?=[A-Z])|[-_]", " ", names).lower()


def _norm(text: str) -> str:
    return " ".join(text.split())


def _off_story(el) -> bool:
    """Cheap tests (the element's ancestors and its own few descendants): whether the element
    is out of the story's text - in a sidebar, a footer, a list, a paywall, a player, a caption,
    a byline - or holds a byline's parts (an author's name, a <time>)."""
    inside = True  # below the article: its own classes ("format-video") are not the block's
    for a in [el, *el.iterancestors()]:
        inside = inside and a.tag not in ("article", "main", "body") and a.get("role") != "main"
        roles = _roles(a)
        if a.tag in _ELSEWHERE_TAGS or _ELSEWHERE.search(roles) or (
                inside and _NOT_STORY.search(roles)):
            return True
    return any(d.tag == "time" or _NOT_STORY.search(_roles(d)) for d in el.iter())


def _teaser(el, around: list) -> bool:
    """Whether the element sits under the linked headline of another story: in a block (below
    the article) holding an <a><h3> or <h3><a>, or after one in the article itself."""
    top = next((i for i, a in enumerate(around) if a.tag in ("article", "main")
                or a.get("role") == "main"), len(around))
    if top and around[top - 1].xpath(_LINKED_HEADING):
        return True
    if top == len(around):
        return False
    article = around[top]
    for d in article.iter():
        if d is el:
            return False
        if d.tag in _HEADINGS and (d.find(".//a[@href]") is not None or any(
                a.tag == "a" and a.get("href") for a in d.iterancestors())):
            return True
    return False


def _beside_media(el) -> bool:
    """Whether a player, an image or a sign-up box is next to the element (its caption, its
    blurb)."""
    for s in (el.getprevious(), el.getnext()):
        if s is not None and isinstance(s.tag, str) and (
                s.tag in _MEDIA_TAGS or _BESIDE.search(_roles(s))):
            return True
    return False


def _of_the_article(el) -> bool:
    """For itemprop="description": whether the item it describes is the article (or none is
    named), not an image or a video."""
    scope = next((a for a in el.iterancestors() if a.get("itemscope") is not None), None)
    kind = (scope.get("itemtype") or "") if scope is not None else "Article"
    return bool(re.search(r"Article|Posting|Report|WebPage", kind))


def _placed(el) -> tuple[bool, bool]:
    """Whether the element sits in the article (not in a sidebar, a footer, a list of other
    stories, nor beside another story's linked headline, nor beside a player or an image), and
    whether in the article's header."""
    around = list(el.iterancestors())
    if _teaser(el, around) or _beside_media(el):
        return False, False
    article = any(a.tag in ("article", "main") or a.get("role") == "main"
                  or _ARTICLE.search(_roles(a)) for a in around)
    header = any(a.tag == "header" or "header" in _roles(a).split() for a in around)
    return article, article and header


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _opening(tree, probe: str) -> str:
    """The page's text, spaces taken out, up to the first words of the article's body (`probe`,
    spaces out too), or all of it; not the scripts' (a page's JSON-LD may hold the whole body).
    Walked in growing pieces: the body starts near the top of the page."""
    from lxml import etree

    pieces: list[str] = []
    size, limit = 0, 1 << 14
    walk = etree.iterwalk(tree, events=("start", "end"))
    for event, el in walk:
        if event == "start" and el.tag in ("script", "style", "noscript", "template"):
            walk.skip_subtree()
            continue
        piece = (el.text if event == "start" else el.tail) or ""
        pieces.append(piece)
        size += len(piece)
        if size >= limit:
            limit *= 2
            text = "".join("".join(pieces).split())
            if probe in text:
                return text
    return "".join("".join(pieces).split())


def _standfirst(tree, blocks: list[str], title: str) -> str:
    """The page's standfirst when trafilatura left it out of `blocks`, or "". Kept only when its
    markup names the role, it is plain text of a standfirst's length (not a byline's form), not
    in `blocks` already (nor most of its words in their opening), in the article before the
    body's first paragraph, in no teaser, paywall, player or caption, and the only one found (or
    the only one in the article's header): a list of teasers, each with its "summary", gives
    none, and more than STANDFIRST_CANDIDATES candidates before the body give none either."""
    prose = [b for b in blocks if not b.startswith(("#", "- "))]
    first = next((b for b in prose if len(b) >= 80), prose[0] if prose else "")
    probe = "".join(first.split())[:40]  # the body's first words; bylines and dates are shorter
    page = None
    start = pos = 0  # where the body starts in `page`; where the last element looked at is
    candidates: list[tuple[object, str, bool]] = []  # element, text, whether a description
    lost = 0
    for el in _marked()(tree) if probe else ():
        described = el.get("itemprop") == "description"
        if not (described or _ROLE.search(_roles(el))) or el.tag == "h1":
            continue
        if next(el.iterdescendants(*_NOT_PLAIN), None) is not None:
            continue
        text = _norm("".join(el.itertext()))
        if not STANDFIRST_CHARS[0] <= len(text) <= STANDFIRST_CHARS[1] or text == _norm(title):
            continue
        if sum(1 for _ in el.iter("p")) > 1 or _BYLINE_FORM.search(text):
            continue
        if page is None:  # blocks are folded already: their line breaks are the only difference
            page = _opening(tree, probe)
            start = page.find(probe)
        at = page.find("".join(text.split()), pos)  # the elements come in the page's order
        if at < 0:
            lost += 1
            if lost > 10 * STANDFIRST_CANDIDATES:
                return ""
            continue
        if at >= start:
            break  # past the body's first words, as is every element after it
        pos = at
        if _off_story(el) or (described and not _of_the_article(el)):
            continue
        candidates.append((el, text, described))
        if len(candidates) > STANDFIRST_CANDIDATES:
            return ""
    if not candidates:
        return ""
    body = " ".join(blocks).replace("\n", " ")
    opening = _words(" ".join(blocks[:3]) + " " + body[:OPENING_CHARS])
    found: dict[str, bool] = {}  # its text: whether in the article's header
    for el, text, described in candidates:
        article, header = _placed(el)
        if not article or (described and not header) or text in body:
            continue
        words = _words(text)
        if len(words & opening) >= STANDFIRST_KEPT * len(words):
            continue  # kept by trafilatura in another form (an icon's title, a <time> left out)
        found[text] = found.get(text, False) or header
    if len(found) > 1:
        found = {text: header for text, header in found.items() if header}
    return next(iter(found)) if len(found) == 1 else ""


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
    try:  # parsed once: trafilatura reads a copy, the standfirst is looked for in the page
        tree = trafilatura.load_html(data)
    except Exception as exc:  # a broken page must not stop the other files
        raise FormatError(f"unreadable web page ({type(exc).__name__})") from None
    if tree is None:
        raise FormatError("no article text found in the page")
    result = None
    for recall in (False, True):
        try:
            result = trafilatura.bare_extraction(
                tree,
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
    standfirst = _standfirst(tree, blocks, result.title or "")
    if standfirst:  # right after the headline when trafilatura kept it, else first
        blocks.insert(1 if blocks[0].startswith("# ") else 0, standfirst)
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
