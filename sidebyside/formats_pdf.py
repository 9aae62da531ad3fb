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


@dataclass
class _Piece:
    """A run of text as pypdf hands it over: where it starts, its type size, its text rise."""
    text: str
    x: float | None
    y: float | None
    size: float
    rise: float = 0.0  # the text rise (Ts) it was shown with, PDF units


# A footnote or reference mark: a few digits or *, †, ‡ ("12¹", "said.*", "cases³,⁴").
_MARK = re.compile(r"[\d*†‡]{1,3}(?:,[\d*†‡]{1,3})*")
# A raised 2 or 3 after a unit is a power, not a mark: "40 km²" keeps it, as ² or ³.
# ("£5m" + a raised 2 is a footnote to five million: a bare "m" only after a space, "120 m²")
_POWER_UNIT = re.compile(r"(?<![^\W\d_])(?:[kcm]m|ft|mi)$|(?<=\s)m$")
_POWERS = str.maketrans("23", "²³")
# A raised figure after "10" that follows a times sign is an exponent: "3 × 10⁶" keeps it
_TEN_TO = re.compile(r"[×x]\s?10$")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SHOW = frozenset({b"Tj", b"TJ", b"'", b'"'})


def _page_lines(page) -> list[_Line]:
    """The page's lines as pypdf reads them, each with where it starts when pypdf says so, and
    footnote marks set as small raised figures ("12¹" read as "121") taken out: see `_marks`."""
    pieces: list[_Piece] = []
    # pypdf does not apply the text rise (Ts) a superscript may be set with: it is followed here.
    rise = 0.0
    saved: list[float] = []
    shown: list[float] = []  # the rise of each text shown since the last piece was handed over

    def before(op, args, cm, tm):
        nonlocal rise
        if op in _SHOW:
            shown.append(rise)
        elif op == b"Ts":
            with contextlib.suppress(Exception):
                rise = float(args[0])
        elif op == b"q":
            saved.append(rise)
        elif op == b"Q":
            rise = saved.pop() if saved else 0.0

    def visit(text, cm, tm, font_dict, font_size):
        rises = shown[:]
        shown.clear()
        if not text:
            return
        x = y = None
        if tm and cm and (tm[4] or tm[5]):
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) if tm and cm and tm[3] and cm[3] else 1.0
        # Text shown at several rises in one piece: the one nearest the baseline.
        r = min(rises, key=abs) if rises else 0.0
        pieces.append(_Piece(text, x, y, (font_size or 0.0) * scale, r * scale))

    try:
        raw = page.extract_text(visitor_operand_before=before, visitor_text=visit)
    except Exception:
        pieces = []
        raw = page.extract_text()
    if "".join(p.text for p in pieces) != raw:  # geometry does not line up: text only
        return [_Line(t) for t in (raw or "").splitlines()]
    rows: list[list[_Piece]] = [[]]
    for pc in pieces:
        for i, chunk in enumerate(pc.text.split("\n")):
            if i:
                rows.append([])
            if chunk:
                rows[-1].append(_Piece(chunk, pc.x, pc.y, pc.size, pc.rise))
    lines: list[_Line] = []
    for row in rows:
        cur = _Line(_marks(row))
        for pc in row:
            if pc.text.strip():
                if cur.y is None and pc.y is not None:
                    cur.x, cur.y = pc.x, pc.y
                cur.size = max(cur.size, pc.size)
        lines.append(cur)
    return lines


def _marks(row: list[_Piece]) -> str:
    """A line's text without its footnote marks. A mark is a short run of digits (or *, †, ‡)
    set in a clearly smaller type (at most 0.8 of the line's usual size) and raised above the
    line's baseline (by at least 0.15 of that size), glued to the end of a word or figure: pypdf
    reads "12" + a raised "1" as "121", and the app would read 121 people. It is dropped (a mark
    carries no fact, and a left-over "¹" would stick to the next sentence), except a raised 2 or
    3 after a unit, which is a power ("km²"). A line all in small type (a caption, a footnote's
    text), a lowered figure (the 2 of H₂O) and a mark set apart by a space are text."""
    if len(row) < 2:
        return "".join(pc.text for pc in row)
    weight: dict[float, int] = {}
    for pc in row:
        weight[pc.size] = weight.get(pc.size, 0) + len(pc.text.strip())
    usual = max(weight, key=weight.__getitem__)
    base = next((pc for pc in row if pc.size == usual and pc.text.strip()), None)
    out = ""
    for pc in row:
        mark = pc.text.rstrip()
        if (
            base is not None
            and 0 < pc.size <= 0.8 * usual
            and out[-1:].strip()
            and _MARK.fullmatch(mark)
        ):
            lift = pc.rise - base.rise
            if pc.y is not None and base.y is not None:
                lift += pc.y - base.y
            if 0.15 * usual <= lift <= usual:
                if mark in ("2", "3") and _POWER_UNIT.search(out):
                    out += mark.translate(_POWERS)
                elif mark.isdigit() and _TEN_TO.search(out):
                    out += mark.translate(_SUPERSCRIPT)
                out += pc.text[len(mark):]
                continue
        out += pc.text
    return out


def _repeat_key(line: str) -> str:
    key = _DIGITS.sub("#", line.strip().lower())
    key = _ROMAN_PAGE.sub("#", key)
    return re.sub(r"\s+", " ", key)


# A page number on its own ("7", "- 7 -", "Page 2 of 5", "2/5"): furniture at a page's edge even
# when it is met once (a two-page file whose first page has none).
_PAGE_NUMBER = re.compile(r"(?:page\s*)?[-–—]?\s*\d{1,3}\s*(?:(?:of|/)\s*\d{1,3}\s*)?[-–—]?", re.I)


def _page_furniture(pages: list[list[_Line]]) -> list[set[int]]:
    """Per page, the indexes of lines that are page headers or footers: among a page's first or
    last two lines, the same text (page numbers aside) on at least two pages, wherever they are
    (a running header that starts on page 2 of 3 counts: page 1 need not carry it), or a page
    number on its own."""
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
        marks = {
            i for i in idx
            if _repeat_key(lines[i].text) in repeated or _PAGE_NUMBER.fullmatch(lines[i].text.strip())
        }
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


# Line-end hyphens: which to keep ("three-week", "pre-election") and which mend ("govern-ment").
# Before the hyphen, a number word or a word no ordinary word starts with as a syllable:
# a compound ("three-week", "second-largest", "self-employed", "well-known")...
_ALWAYS = frozenset(
    "one two three four five six seven eight nine eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion first second third fourth fifth sixth seventh "
    "eighth ninth tenth self well ill half all".split()
)
# ...a word that often heads a compound: kept when what follows is a word in its own right (a
# common tail below, or a word the document uses elsewhere): "long-term", "non-binding".
_HEADS = frozenset("long short full low high non anti post semi multi mid cross ten".split())
# ...a prefix that is also an ordinary syllable ("pre-vent", "ex-change", "re-port"): kept only
# before the same vowel ("pre-election", "co-operation", "re-elected") or a common tail.
_PREFIXES = frozenset("pre co ex re de".split())
_TAILS = frozenset(
    "year years old day days week weeks month months hour hours minute minutes mile miles metre "
    "metres meter meters kilometre kilometres storey story page point member seat party state "
    "term time known based run running standing led owned funded made war trial tax election "
    "season school dawn minister president wife husband leader chief officer government profit "
    "founder owner author chair".split()
)
# What follows is a suffix, not a word: the hyphen only splits a word ("seven-teen", "short-age").
_SUFFIXES = frozenset(
    "teen teens ty ties th ths teenth tieth aire aires ly ary age ages ness ment ments ful less "
    "ish er ers est ed ing ings ity ise ize ism ist ists al ally ance ence ship ous ion ions tion "
    "sion".split()
)


# "age" is both a suffix and a word: after a word that heads age compounds, it is that word
# ("school-age children", "working-age adults", "middle-aged", "all-ages"). The heads of words
# ending in -age are mostly ordinary words too ("short-age", "pass-age", "mess-age", "man-aged",
# "percent-age"), so only these heads keep it, or a head the document hyphenates before an age
# elsewhere ("primary-age" written so on page 1, "primary-" / "aged" on page 3).
_AGES = frozenset({"age", "ages", "aged"})
_AGE_HEADS = frozenset(
    "school working voting drinking retirement pension college university primary secondary "
    "middle old same mixed all stone bronze iron ice space jet digital information".split()
)


def _compound(head: str, tail: str, hyphenated: set[str], words: set[str]) -> bool:
    """Whether `head`-`tail`, broken at the hyphen at a line's end, keeps its hyphen."""
    h, t = head.lower(), tail.lower()
    if not tail[:1].islower() or f"{h}-{t}" in hyphenated:
        return True  # "North-Korean"; "well-known" written so elsewhere in the document
    if h + t in words:
        return False  # "government" written whole elsewhere
    if t in _AGES and (h in _AGE_HEADS or any(f"{h}-{a}" in hyphenated for a in _AGES)):
        return True  # "school-age", "middle-aged"
    if t in _SUFFIXES:
        return False  # "seven-teen", "short-age"
    if h in _ALWAYS:
        return True  # "three-week", "twenty-five", "self-employed"
    if h in _PREFIXES or h in _HEADS:
        if t in _TAILS or (h[-1] in "aeiou" and t[0] == h[-1]):
            return True  # "pre-war", "ex-minister", "pre-election", "anti-inflammatory"
        if h in _HEADS:
            return t in words or t + "s" in words or (t.endswith("s") and t[:-1] in words)
    return False


_BROKEN_END = re.compile(r"([^\W\d_]+)-$")  # a word broken at a line's end: "govern-"


def _join(prev: str, nxt: str, hyphenated: set[str], words: set[str] | None = None) -> str:
    """Join two lines of one paragraph, mending words hyphenated across the break ("govern-" +
    "ment"), not compounds broken at their hyphen ("three-" + "week", "COVID-" + "19"): see
    `_compound`. `words`: the words the document uses, to tell a word from a fragment."""
    if prev.endswith("\u00ad"):
        return prev[:-1] + nxt
    # Only the paragraph's last letters are searched: a search of the whole paragraph so far, at
    # every line, took minutes on a long PDF whose paragraphs run for pages (a review).
    m = _BROKEN_END.search(prev, max(0, len(prev) - 100)) if prev.endswith("-") else None
    if m and nxt[:1].isalpha():
        word = re.match(r"[^\W\d_]+", nxt)
        if _compound(m.group(1), word.group(0) if word else nxt[:1], hyphenated, words or set()):
            return prev + nxt  # "North-" + "Korean", "three-" + "week"
        return prev[:-1] + nxt  # "infra-" + "structure"
    if prev.endswith(("-", "—", "–", "/")):
        return prev + nxt  # "COVID-" + "19", "12-" + "year"
    return prev + " " + nxt


def _vocabulary(pages: list[list[_Line]]) -> set[str]:
    """The words of the document, lowercased, but for the pieces of words hyphenated at a line's
    end (the "ment" of "govern-" / "ment" is no word)."""
    words: set[str] = set()
    broken = False
    for lines in pages:
        for ln in lines:
            if not ln.text:
                continue
            found = re.findall(r"[^\W\d_]+", ln.text.lower())
            ends = ln.text.endswith(("-", "\u00ad"))
            words.update(found[int(broken) : len(found) - int(ends)])
            broken = ends
    return words


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
    words = _vocabulary(pages)
    body_lens = sorted(
        len(ln.text) for p, lines in enumerate(pages) for i, ln in enumerate(lines)
        if i not in furniture[p] and ln.text
    )
    full = body_lens[int(len(body_lens) * 0.9)] if body_lens else 60  # a full line's length

    built = _Builder()
    # Headers/footers (boilerplate) and asides (not) met inside a paragraph: placed after it.
    pending: list[tuple[str, bool]] = []
    para = ""
    last: _Line | None = None  # the paragraph's last line so far, across a page break

    def flush() -> None:
        nonlocal para
        built.add(para)
        para = ""
        for f, flagged in pending:
            built.add(f, boilerplate=flagged)
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
        aside = _aside(body, last) if para else None
        prev: _Line | None = None
        for i, ln in enumerate(lines):
            if not ln.text:
                continue
            if i in furniture[p] or i == aside:
                if para:
                    pending.append((ln.text, i != aside))
                else:
                    built.add(ln.text, boilerplate=i != aside)
                continue
            if para and _breaks(prev, ln, step, left, full):
                flush()
            para = ln.text if not para else _join(para, ln.text, hyphenated, words)
            prev = last = ln
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


def _aside(body: list[tuple[int, _Line]], last: _Line | None) -> int | None:
    """A paragraph runs on from the previous page: the index of a line in smaller type at the top
    of this page, before the paragraph's own type resumes (a running header seen once, on page 2
    of 2), which is set after the paragraph instead of into its sentence."""
    if last is None or not last.size or len(body) < 2:
        return None
    (i, first), (_, second) = body[0], body[1]
    same = abs(second.size - last.size) <= 0.15 * last.size
    return i if same and 0 < first.size < 0.85 * last.size else None


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
