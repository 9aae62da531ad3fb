"""Split a document into paragraphs and sentences, keeping offsets into the original text.

`build_source` makes a document's `Source`: its paragraphs (with a heading mark), its sentences
(display text, offsets, ids) and its title. Paragraphs end at blank lines. Inside a block of lines with no blank line between them, a line
break also ends a paragraph when the line reads as finished (ends a sentence, or is a heading or a
list item), so pasted text with one paragraph per line splits, while hard-wrapped prose does not.
Sentences come from sentencex (Wikimedia's segmenter), with small repairs it needs on news.

The text is never rewritten: Windows (\r\n), old Mac (\r) and Unicode line breaks all end a line,
and no-break and zero-width spaces count as blank where a line or a span is trimmed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import sentencex

from . import text as T
from .load import Document
from .model import Paragraph, Sentence, Source
from .numbers.stamps import is_stamp
from .numbers.tokens import DECIMAL_HEAD, DECIMAL_TAIL, ONE_DIGIT_TAIL

# Horizontal white space, including no-break and zero-width spaces and the byte-order mark.
_HS = r"[ \t\f\v\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]"
# One line break: \r\n, a lone \r (old Mac), \n, NEL, or the Unicode line separator.
_NL = r"(?:\r\n|\r(?!\n)|[\n\x85\u2028])"
_NL_RE = re.compile(_NL)
_BLANK = re.compile(rf"{_NL}(?:{_HS}*{_NL})+|\u2029")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACE_CHARS = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_LINE_DONE = re.compile(r"""[.!?:;…]["'”’)\]*_]*\s*$""")
_HEADING = re.compile(r"^\s{0,3}(#{1,6}\s|\*\*[^*]+\*\*\s*$|__[^_]+__\s*$)")
_LIST_ITEM = re.compile(r"^\s{0,3}([-*+•]|\d{1,3}[.)])\s+\S")
_LETTER = re.compile(r"[^\W_]", re.UNICODE)
_WORD_CHAR = re.compile(r"\w")
# In text pasted one sentence a line, a line that lacks its full stop still ends before a line
# that starts a new sentence, unless it plainly runs on (a comma, a dash, "of", "the", ...).
_STARTS_UPPER = re.compile(r"""^["'“‘(]?[A-Z]""")
_RUNS_ON = re.compile(
    r"(?:[,(\[/&+–—-]|\b(?:a|an|the|of|to|in|on|at|by|for|and|or|but|with|from|as|that|which|who|"
    r"Mr|Mrs|Ms|Dr|St))\s*$",
    re.I,
)
# A list number or letter that the sentence splitter took for a sentence of its own.
_LIST_MARK = re.compile(r"^\(?(?:\d{1,3}|[ivxlc]{1,4}|[a-z])[.)]$", re.I)
_AM_PM_END = re.compile(r"\b[ap]\. ?m\.\s*$", re.I)  # "9 a.m.", detokenised "8 p. m."
# "Sen. Lindsey Graham, R-S.C., said": a state's initials after a party letter are one name.
_INITIAL_END = re.compile(r"(?:^|[\s(\-–])[A-Z]\.$")
_INITIAL_NEXT = re.compile(r"^[A-Z]\.[,;:)]")
# A title before a name never ends a sentence ("told Ms. Smith", "met Prof. Jones"; sentencex cuts
# after these), nor a state's abbreviation before a title ("call for Ariz. Gov. Jan Brewer to
# veto"), in capitals too ("SEN. JOHN MCCAIN DIES"). Not "Dr." (sentencex keeps "Dr. Jones"
# whole, and "King Jr. Dr." may be a drive that ends one), nor a state after a comma: "in Flint,
# Mich. Mayor Sheldon Neeley declared" is a city and its state, ending a sentence. "Ft." and "Mt."
# name a place ("near Ft. Myers"), "approx." a figure ("cost approx. $5 million").
TITLES = ("Mr|Mrs|Ms|Mx|Prof|Gov|Govs|Sen|Sens|Rep|Reps|Gen|Gens|Col|Sgt|Capt|Lt|Rev|Atty|"
          "Supt|Det|Insp|Cmdr|Adm|Maj|Pvt|Cpl|Hon|Msgr|Pres|Amb|Ft|Mt|Approx|approx")
_STATES = ("Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Kans|Ky|La|Md|Mass|Mich|Minn|Miss|"
           "Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tenn|Tex|Va|Vt|Wash|Wis|Wyo")
_TITLE_END = re.compile(rf"(?:^|[\s(\[\"'“‘—–-])(?:{TITLES})\.$")
_STATE_END = re.compile(rf"(?<!,)\s(?:{_STATES})\.$|^(?:{_STATES})\.$")
# In capitals, only before a word in capitals: "SEN. JOHN MCCAIN", but "diagnosed with MS. She".
_TITLE_END_CAPS = re.compile(rf"(?:^|[\s(\[\"'“‘—–-])(?:{TITLES.upper()})\.$")
_STATE_END_CAPS = re.compile(rf"(?<!,)\s(?:{_STATES.upper()})\.$|^(?:{_STATES.upper()})\.$")
_QUOTE_ASKED_END = re.compile(r"[?!][\"”’']$")
# who said it, right after: one to four capitalised words ("Smith", "Mr. Jones", "Gov. Jan
# Brewer") and a verb of saying
_SAID_AFTER = re.compile(r"(?:(?:[A-Z][\w'’.-]*|the|a)\s+){1,4}(?:said|says|asked|asks|added|adds|"
                         r"replied|replies|shouted|wrote|writes|told|tweeted|responded)\b")
_DATELINE_STATE = re.compile(rf"^[A-Z][A-Z .'-]+,\s+(?:{_STATES})\.$")
_AGENCY_NEXT = re.compile(r"\((?:AP|Reuters|AFP|UPI|Bloomberg|CNN|dpa|The Associated Press)\)")
_CAPS_NEXT = re.compile(r"^[\"'“‘(]?[A-Z]{2,}\b")
_TITLE_NEXT = re.compile(
    rf"^(?:(?:{TITLES}|{TITLES.upper()})\.\s|(?:Governor|Senator|Mayor|Attorney General)\b)")
# "the post-Sept. 11 law", "on Jan. 6 the": an abbreviated month before its day is no sentence end.
_MONTH_ABBR_END = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")
_DAY_NEXT = re.compile(r"^\d{1,2}(?:st|nd|rd|th)?\b(?!\.)")
# "$2. 6 million" (a decimal point and a space, as detokenised text writes it) is one figure.
# (numbers/tokens.py reads such a figure as one token, from the same patterns)
_DECIMAL_END = re.compile(rf"{DECIMAL_HEAD}\d{{1,3}}\.$")
_DECIMAL_NEXT = re.compile(rf"^(?:{DECIMAL_TAIL})", re.I)
_ONE_DIGIT_END = re.compile(rf"{DECIMAL_HEAD}\d\.$")  # "by 0. 25% on Thursday"
_TWO_DECIMALS_PERCENT = re.compile(rf"^(?:{ONE_DIGIT_TAIL})")
_PRICE_END = re.compile(r"[$£€¥]\d{1,3}\.$")  # "below $1. 29": a price in cents (tokens.CENTS_TAIL)
_CENTS_NEXT = re.compile(r"^\d\d(?![\d.,])")
_MAGNITUDE_END = re.compile(r"(?:magnitude (?:of )?|measuring |registering )\d\.$", re.I)  # tokens.MAGNITUDE_TAIL
_DIGIT_NEXT = re.compile(r"^\d(?![\d.,])")
_WEEKDAY_OR_LOWER = re.compile(
    r"^(?:[a-z0-9]|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:local|GMT|UTC|EST|ET)\b|"
    r"(?:Eastern|Central|Mountain|Pacific)\s+(?:[Tt]ime|[Ss]tandard|[Dd]aylight)\b)"
)
# "MyFoxHouston. com reports" (detokenised text): a web address, not two sentences.
_DOMAIN_HEAD_END = re.compile(r"[A-Za-z0-9]\.$")
_DOMAIN_NEXT = re.compile(r"(?:com|org|net|gov|edu)\b")  # matched at a position (no ^)
# "acquisition of Electronic Data Systems? announced officially on May 13 is ...": a character
# lost to encoding left as "?" (detokenised corpora), before a plain lower-case word (not "iPhone",
# "eBay", "de Blasio"): one sentence, unless the piece before reads as a question (it opens with
# an asking word, or is four words or fewer: "Really? not at all.").
_LOST_CHAR_END = re.compile(r"\w\?$")
_LOWER_NEXT = re.compile(r"^(?!(?:de|van|von|der|den|al|el|bin|ibn|da|di|du|la|le|dos|das|e)[\s-])[a-z]+\b(?![-'’]?[A-Z])")
# A question opens with its asking word (after a quote or a speaker's tag), or is a few words.
_QUESTION_HEAD = re.compile(
    r"^[\"'“‘(]?(?:[A-Z][A-Z .'-]*:\s*)?(?:(?:So|And|But|Then|Now|Well|Or|Yet|Also|OK|Okay),?\s+)?(?i:who|whom|whose|what|when|where|why|how|which|"
    r"is|are|am|was|were|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|must|"
    r"isn't|aren't|wasn't|weren't|don't|doesn't|didn't|can't|won't|wouldn't|shouldn't|hasn't|haven't)\b")
_SHORT = re.compile(r"^\S+(?:\s+\S+){0,3}$")
# ... and a currency sign lost so before its sum: "agreed to lend? 22. 4bn to Greece", "earns? 900
# (Dh4, 275) a month": a sum with its scale or a bracket after it, and no asking word before
# ("How many died? 40, officials said." stays two sentences)
_LOST_SIGN_END = re.compile(r"[a-z]\?$")
_SUM_NEXT = re.compile(r"^\d{1,3}(?:[.,] ?\d+)*(?:\s?(?:bn|mn|m|tn)\b| (?:billion|million|trillion)\b| \()")
# Inside a quote sentencex keeps several sentences together ("This is America's war. It's not
# Obama's war."): a claim each, for matching. Split after a lower-case word of three letters or
# more (never an abbreviation: "Mr.", "U.S.", "Gen.") ending a sentence, before a capital.
# Where either repair 2 split could fall: sentence-ending punctuation, perhaps a closing quote,
# then space (a sentence without one is left as sentencex cut it).
# Where sentencex could end a sentence in ASCII text: a full stop, question or exclamation mark
# anywhere but at the very end (it splits "Capitol.Credit" too), or a line break. A chunk with
# none is one sentence, without asking it.
_MAY_SPLIT = re.compile(r"""[.!?](?!["'”’)\]]*\s*$)|[\n\r\v\f]""")
_MAY_CUT = re.compile(r"""[.!?…]["'”’)]?\s""")
# Also after a short word that ends sentences ("hasn't shown it. He has", "I intend to do so.
# But") and after an acronym ("the end of DACA and TPS. Then"), never after "U.S." or "vs.".
# (The mark is matched first and the word before it looked back at: scanning for the mark is
# what keeps this fast.)
_QUOTED_SPLIT = re.compile(
    r"[.!?](?:(?<=[a-z]{3}.)(?<![a-z]\.[a-z]{3}.)|(?<=\b(?:it|so|me|us|up|in|on|do|go|be|no|he|we).)"
    r"|(?<=\b[A-Z]{3}.)|(?<=[A-Z]{4}.))"
    r"[\"'”’)]{0,2}\s+(?=[\"'“‘]?[A-Z])"  # (a quote closed inside a parenthesis: '.”) Democratic')
)
_ELLIPSIS_SPLIT = re.compile(
    # "paused… Then", "in May. Rents", "15,558 for No. Turnout" ("No. 10" is a number's mark)
    r"(?:(?:…|\.\.\.)[\"'”’]?|(?<=\bMay\.)|(?<=\bNo\.))\s+(?=[A-Z“\"])"
)


def _quote_open(text: str) -> bool:
    """Does the text leave a quote open (an opening mark “ unclosed, or an odd number of ")?"""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _before_a_name(before: str, after: str) -> bool:
    """Does `before` end in a title ("Ms.", "Prof.") or a state before a title ("Ariz. Gov."),
    so that no sentence ends there? (Only the last 16 characters are looked at: a title or a
    state and the character before it fit, and a long sentence is not searched whole.)"""
    if not before.endswith("."):
        return False
    tail = before[-16:]
    if _TITLE_END.search(tail) or (_STATE_END.search(tail) and _TITLE_NEXT.match(after)):
        return True
    return bool(_CAPS_NEXT.match(after) and (
        _TITLE_END_CAPS.search(tail) or (_STATE_END_CAPS.search(tail) and _TITLE_NEXT.match(after))))


def _spans(text: str, pattern: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in pattern.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _SPACE_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SPACE_CHARS):
        end -= 1
    return start, end


def _line_text(raw: str) -> str:
    """A line as the heuristics read it: invisible characters dropped, no-break spaces plain."""
    return _INVISIBLE.sub("", raw).replace("\u00a0", " ").strip()


def _is_heading_line(line: str) -> bool:
    return bool(_HEADING.match(line))


def _is_title_line(line: str) -> bool:
    """A short line in title case with no closing punctuation: a headline or a dateline."""
    words = line.split()
    if not 2 <= len(words) <= 20 or re.search(r"[.!?,;:]['\"”’)]?$", line):
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    small = sum(1 for w in words if w.lower() in _SMALL_WORDS)
    return caps + small >= len(words) and caps >= 0.5 * len(words)


_SMALL_WORDS = frozenset("a an and as at but by for in of on or the to with from over into vs via".split())


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph, trimmed of surrounding whitespace, in order.

    A line with no word character (a rule such as "***" or "-----", a Setext underline) separates
    paragraphs like a blank line and belongs to none: it holds nothing a sentence could lose.
    """
    out: list[tuple[int, int]] = []
    for b_start, b_end in _spans(text, _BLANK, 0, len(text)):
        b_start, b_end = _strip(text, b_start, b_end)
        if b_start >= b_end:
            continue
        if _NL_RE.search(text, b_start, b_end) is None:  # one line: one paragraph, if it has a word
            if _WORD_CHAR.search(text, b_start, b_end):
                out.append((b_start, b_end))
            continue
        group: list[tuple[int, int, str]] = []
        for a, b in _spans(text, _NL_RE, b_start, b_end):
            line = _line_text(text[a:b])
            if _WORD_CHAR.search(line):
                group.append((a, b, line))
            elif group:
                _split_lines(text, group, out)
                group = []
        if group:
            _split_lines(text, group, out)
    return out


_BARE_TIME = re.compile(r"^\d{1,2}[:.]\s?\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?$", re.I)


def _split_lines(text: str, lines: list[tuple[int, int, str]], out: list[tuple[int, int]]) -> None:
    """Cut a block of consecutive lines into paragraphs (hard-wrapped prose stays whole)."""
    if len(lines) == 1:
        s, e = _strip(text, lines[0][0], lines[0][1])
        if s < e:
            out.append((s, e))
        return
    from . import furniture

    texts = [t for _, _, t in lines]
    if furniture.page_block("\n".join(texts)):
        # a menu, a share bar, a list of tags: one block of the page's, not title lines to cut
        s, e = _strip(text, lines[0][0], lines[-1][1])
        out.append((s, e))
        return
    # a byline, a dated stamp, a page's label or the site's notice, cut from the text beside it
    # (a headline, a lede):
    # "BREAKING" / "Five votes to four: ...", "... hundreds evacuated" / "By TOBIAS RENN"; never
    # from another short line (a share bar's "e-mail" / "129" / "shares" stays one block), never a
    # bare time ("Winning time" / "2:03:23") nor a box's header ("More on this story" / its list),
    # never a line that goes on with the sentence above it (hard-wrapped prose: "... signed into
    # law on Tuesday afternoon" / "by Governor Jerry Brown.", "... a place to" / "live.")
    page = [furniture.site_notice(t) or _STARTS_UPPER.match(t) is not None and not _LINE_DONE.search(t)
            and (is_byline(t) or furniture.page_label(t, bar=True) and not furniture.trailer_header(t)
                 or is_stamp(t) and not _BARE_TIME.match(t)) for t in texts]
    # (a text line: three words or more, not the page's, not a list's opening "... three buttons:")
    text_line = [len(t.split()) >= 3 and not p and not t.endswith(":") for t, p in zip(texts, page, strict=True)]
    long_lines = sum(1 for t in texts if len(t) > 100)
    finished = sum(1 for t in texts if _LINE_DONE.search(t))
    split_all = long_lines >= len(texts) / 2 or finished >= len(texts) / 2
    cur_start = lines[0][0]
    for i, (_, b, t) in enumerate(lines):
        last = i == len(lines) - 1
        nxt = texts[i + 1] if not last else ""
        cut = last or (
            page[i] and text_line[i + 1] or page[i + 1] and text_line[i]
            or _is_heading_line(t)
            or _is_title_line(t)
            or _is_heading_line(nxt)
            or _LIST_ITEM.match(nxt) is not None
            or (
                split_all
                and (
                    _LINE_DONE.search(t) is not None
                    or len(t) > 100
                    or (_STARTS_UPPER.match(nxt) is not None and _RUNS_ON.search(t) is None)
                )
            )
        )
        if cut:
            s, e = _strip(text, cur_start, b)
            if s < e:
                out.append((s, e))
            if not last:
                cur_start = lines[i + 1][0]


_WIDE_SPACES = {c: " " for c in range(0x80, 0x3001) if chr(c).isspace()}


_FALLBACK_SPLIT = re.compile(r"""(?<=[.!?…])["'”’)\]]*\s+(?=["'“‘(]?[A-Z0-9])""")


def _boundaries(chunk: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets from sentencex. Should it fail on some text (its Rust core
    panics rather than raising), a plain split after sentence-ending punctuation stands in, so
    one odd paragraph never stops a comparison."""
    try:
        return [(b["start_index"], b["end_index"])
                for b in sentencex.get_sentence_boundaries("en", chunk)]
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException:  # pyo3's PanicException derives from BaseException
        cuts = [m.end() for m in _FALLBACK_SPLIT.finditer(chunk)]
        return list(zip([0, *cuts], [*cuts, len(chunk)], strict=True))


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text[start:end], trimmed; together they cover every letter."""
    return [(start + s, start + e) for s, e in _chunk_spans(text[start:end])]


@lru_cache(maxsize=1 << 14)
def _chunk_spans(chunk: str) -> tuple[tuple[int, int], ...]:
    """The sentences of one paragraph, as offsets into it. They depend on its text alone, and
    outlets running a wire story repeat its paragraphs word for word: each is split once."""
    if chunk.isascii() and _MAY_SPLIT.search(chunk) is None:  # one sentence, plainly
        s, e = _strip(chunk, 0, len(chunk))
        return ((s, e),) if s < e else ()
    raw: list[tuple[int, int]] = []
    # sentencex panics on a letter, a non-ASCII space and a full stop ("C\u00a0."): it gets the
    # chunk with such spaces as plain ones (one character for one, so offsets stay true).
    for b_start, b_end in _boundaries(chunk if chunk.isascii() else chunk.translate(_WIDE_SPACES)):
        s, e = _strip(chunk, b_start, b_end)
        if s < e:
            raw.append((s, e))
    if not raw:
        s, e = _strip(chunk, 0, len(chunk))
        raw = [(s, e)] if s < e else []
    if len(raw) == 1 and _MAY_CUT.search(chunk) is None:  # one sentence, no repair can apply
        return (raw[0],)
    # Repair 1: "... at 9 a.m. Tuesday" is one sentence.
    merged: list[tuple[int, int]] = []
    for s, e in raw:
        if merged and not chunk[merged[-1][1]:s].strip() and (
                chunk[s] in ")]" or chunk[s] in '"”' and s + 1 < e and chunk[s + 1].isspace()
                and _quote_open(chunk[merged[-1][0]:merged[-1][1]])):
            # a bracket closed right after a sentence's end ('congresswoman.”) Democratic'),
            # or the quote mark that closes its open quote ('as “trapped in the past." Rubio
            # responded'), belongs to that sentence, not to the next one
            merged[-1] = (merged[-1][0], s + 1)
            s, e = _strip(chunk, s + 1, e)
            if s >= e:
                continue
        if merged:
            ps, pe = merged[-1]
            prev = chunk[ps:pe]
            if _AM_PM_END.search(prev) and _WEEKDAY_OR_LOWER.match(chunk[s:e]):
                merged[-1] = (ps, e)
                continue
            if s <= pe + 1 and _INITIAL_END.search(prev) and _INITIAL_NEXT.match(chunk[s:e]):
                merged[-1] = (ps, e)
                continue
            if chunk[pe:s].isspace() and (_before_a_name(prev, chunk[s:e]) or
                                          _DATELINE_STATE.search(prev) and _AGENCY_NEXT.match(chunk, s, e)):
                # (a dateline's state before the agency: "SPOKANE, Wash. (AP) — A wildfire")
                merged[-1] = (ps, e)
                continue
            if _MONTH_ABBR_END.search(prev) and _DAY_NEXT.match(chunk[s:e]) and s == pe + 1:
                merged[-1] = (ps, e)
                continue
            if s == pe + 1 and chunk[pe] == " " and (  # (the cheap tests first: every boundary)
                    _DOMAIN_NEXT.match(chunk, s, e) and _DOMAIN_HEAD_END.search(prev)
                    or prev.endswith("?") and not _QUESTION_HEAD.match(prev) and (
                        _LOST_CHAR_END.search(prev) and _LOWER_NEXT.match(chunk[s:e])
                        and not _SHORT.match(prev)
                        or _LOST_SIGN_END.search(prev) and _SUM_NEXT.match(chunk[s : s + 40]))):
                merged[-1] = (ps, e)
                continue
            if _DECIMAL_END.search(prev) and s == pe + 1 and (
                    _DECIMAL_NEXT.match(chunk[s:e])
                    or _ONE_DIGIT_END.search(prev) and _TWO_DECIMALS_PERCENT.match(chunk[s:e])
                    or _PRICE_END.search(prev) and _CENTS_NEXT.match(chunk[s:e])
                    or _MAGNITUDE_END.search(prev) and _DIGIT_NEXT.match(chunk[s:e])):
                merged[-1] = (ps, e)
                continue
            if chunk[pe:s].isspace() and _QUOTE_ASKED_END.search(prev) and \
                    _SAID_AFTER.match(chunk[s:e]):
                # '"Is this legal?" Smith asked.': the quote and who said it are one sentence
                merged[-1] = (ps, e)
                continue
            # A piece with no letter or digit (stray quote, bullet) joins its neighbour, and so
            # does one opening on a semicolon or a comma: no sentence does ("in Bellingham,
            # Wash.; she followed him" was cut after the state's abbreviation).
            if not _LETTER.search(chunk[s:e]) or chunk[s] in ";,":
                merged[-1] = (ps, e)
                continue
            # "1. Reopening in spring.": a list mark is not a sentence; it leads the next one.
            if _LIST_MARK.match(prev):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    if len(merged) > 1 and not _LETTER.search(chunk[merged[0][0] : merged[0][1]]):
        merged[1] = (merged[0][0], merged[1][1])
        merged.pop(0)
    # Repair 2: "He paused… Then he left." and "It fell in May. Rents rose." are two sentences.
    out: list[tuple[int, int]] = []
    for s, e in merged:
        pos = s
        cuts = {m.end() for m in _ELLIPSIS_SPLIT.finditer(chunk, s, e)}
        cuts.update(m.end() for m in _QUOTED_SPLIT.finditer(chunk, s, e)
                    if not _before_a_name(chunk[max(s, m.start() - 12) : m.start() + 1],
                                          chunk[m.end() : e])
                    and not (chunk[m.start()] in "?!" and chunk[m.start() + 1] in "\"”’'"
                             and _SAID_AFTER.match(chunk, m.end(), e)))
        for cut in sorted(cuts) if cuts else ():
            ps, pe = _strip(chunk, pos, cut)
            if ps < pe:
                out.append((ps, pe))
            pos = cut
        ps, pe = _strip(chunk, pos, e)
        if ps < pe:
            out.append((ps, pe))
    # Repair 3: an opening quote mark left at the end of a sentence ('... Bloomberg said. “' when
    # the quote that follows is never closed) opens the next one. A straight one only after a
    # sentence's end written against its word and before the next word ('... in a statement.
    # "Washington will ...'): it may close a quote otherwise (detokenised text: 'charm . "').
    for i in range(len(out) - 1):
        s, e = out[i]
        straight = chunk[e - 1] == '"' and e - 4 >= s and chunk[e - 2].isspace() and \
            chunk[e - 3] in ".!?" and not chunk[e - 4].isspace() and out[i + 1][0] == e
        if (chunk[e - 1] in "“‘" or straight) and e - 2 > s and chunk[e - 2].isspace():
            out[i] = _strip(chunk, s, e - 2)
            out[i + 1] = (e - 1, out[i + 1][1])
    return tuple(out)


# A copyright line and a byline are never a headline (clean.py flags both as boilerplate).
# A notice, never a sentence of the story that uses its words ("Copyright law ...", "the names
# may not be published until ...", "a letter, reproduced with permission of the council, ..."):
# "©", "(c)" or "Copyright" opening the line before a year, a mark or a name; "all rights
# reserved"; this article or material "originally published", "may not be published",
# "reproduced"; "reproduced with permission" closing it.
COPYRIGHT = re.compile(
    r"(^\s*(©|\(c\)|copyright(?=\s*(©|\(c\)|\d{4}|(?-i:[A-Z])))))|all rights reserved|"
    r"\bthis (article|material|story|content|post|report)\b[^.]{0,60}\b(originally published|"
    r"may not be (re)?published|(was |is )?(reproduced|reprinted|republished))|"
    r"(reproduced|reprinted) with (the )?permission( of [^.,]{1,60})?\W*$",
    re.I,
)
# "By Jo Doe", "By JO DOE and AL ROE, Associated Press", "By Jo Doe, Staff Writer": names, then
# at most a short tail of capitalised words and newsroom words. Never "By Wednesday, the death
# toll had risen to 15" (a time), "By contrast, ..." nor "By Ardley standards, the flood was small".
_BY_TIME = (r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
            r"april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|"
            r"jul|aug|sept?|oct|nov|dec|noon|midnight|then|now|late|early|mid|christmas|easter|"
            r"nightfall|dawn|dusk|morning|afternoon|evening|tonight|tomorrow|today|yesterday|"
            r"contrast|comparison|law|design|default|far|all|some|most|many|one|two|three|\d)\b"
            r"(?!\s+(?-i:[A-Z]))")  # a time word before a capitalised one is a name: "By June Kelly"
_BY_TAIL = frozenset("and of the for at in on & writer writers reporter reporters correspondent "
                     "correspondents editor editors staff contributor contributors columnist news "
                     "service bureau chief senior political national foreign special to a an with "
                     "from".split())
_BYLINE_RE = re.compile(
    rf"^\s*[Bb][Yy]\s+(?!(?i:{_BY_TIME}))[A-Z][\w.'’-]*(\s+([A-Z][\w.'’-]*|and|&)){{0,7}}"
    r"(\s*[,|–—-]\s*(?P<tail>[^.!?]*)\.?)?\s*$")


def is_byline(text: str) -> bool:
    """A byline's form (see _BYLINE_RE), its tail short and made of capitalised and newsroom
    words."""
    m = _BYLINE_RE.match(text)
    if m is None:
        return False
    tail = (m.group("tail") or "").split()
    return len(tail) <= 8 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _BY_TAIL
                                  or not w[:1].isalnum() for w in tail)


def _sentence_id(source_id: str, n: int) -> str:
    return f"{source_id}:{n}"


def source_ids(files: list[str]) -> list[str]:
    """Short, unique ids for the files: the first word of each name when those are unique."""
    stems = [Path(f).stem for f in files]
    firsts = [re.split(r"[_\-\s.]", s, maxsplit=1)[0] or s for s in stems]
    if len(set(firsts)) == len(firsts) and all(firsts):
        return firsts
    if len(set(stems)) == len(stems):
        return stems
    return list(files)


@lru_cache(maxsize=1 << 17)
def para_display(raw: str) -> str:
    """T.display of a paragraph (each is shown, tested and weighed more than once)."""
    return T.display(raw)


_ENDS_SENTENCE = re.compile(r"[.!?:;]['\"”’)]?$")


def _looks_like_heading(raw: str, shown: str) -> bool:
    if _HEADING.match(raw):
        return True
    if _ENDS_SENTENCE.search(shown):  # the usual paragraph: before splitting it into words
        return False
    words = shown.split()
    if not words or len(words) > 16:
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return shown.isupper() or caps >= max(2, 0.6 * len(words))


def build_sources(docs: list[Document], parallel: bool = False) -> list[Source]:
    """Each document split into a source, with ids from the file names; shared among processes
    when `parallel` (sidebyside/workers.py: each document on its own, its source sent back)."""
    from . import workers

    ids = source_ids([d.file for d in docs])
    return workers.run(lambda i: build_source(docs[i], ids[i]), len(docs), parallel=parallel)


def build_source(doc: Document, sid: str) -> Source:
    """Paragraphs and sentences of one document, with display text and offsets."""
    text = doc.text
    src = Source(id=sid, file=doc.file, path=doc.path, title="", text=text, encoding=doc.encoding)
    n = 0
    for p_start, p_end in paragraph_spans(text):
        spans = sentence_spans(text, p_start, p_end)
        cut = _glued_tail(text, spans)
        parts = [(p_start, spans[cut - 1][1], spans[:cut]), (spans[cut][0], p_end, spans[cut:])] \
            if cut else [(p_start, p_end, spans)]
        for a, b, sents in parts:
            n = _add_paragraph(src, text, a, b, sents, n)
    _mark_subheads(src)
    src.title = doc.title.strip() or _title(src, doc)
    if src.paragraphs and _WIRE_PREFIX.sub("", para_display(
            text[src.paragraphs[0].start : src.paragraphs[0].end])) == src.title:
        src.paragraphs[0].heading = True  # (a wire's "UPDATE 2-" tag is no part of the title)
    return src


SUBHEAD_WORDS = 10  # a sub-heading in sentence case has at most this many words...
BODY_WORDS = 15  # ...between two paragraphs of prose of at least this many
_SUBHEAD = re.compile(r"[A-Z][^\n\"“”]*[A-Za-z0-9]")


def _mark_subheads(src: Source) -> None:
    """Mark a sub-heading in sentence case ("IT Swiss army knife is all can openers", "Advice if
    you're upset by the news") between two paragraphs of prose: a short line in the body with no
    closing punctuation, no quote, after the headline and the lede. (In Title Case or in
    Markdown it is a heading already.) A review found one listed as a unique claim."""
    paras = src.paragraphs

    def words(p: Paragraph) -> int:
        return len(src.text[p.start:p.end].split())

    for k in range(2, len(paras) - 1):
        p = paras[k]
        if p.heading or not _SUBHEAD.fullmatch(src.text[p.start:p.end].strip()):
            continue
        if words(p) <= SUBHEAD_WORDS and words(paras[k - 1]) >= BODY_WORDS and \
                words(paras[k + 1]) >= BODY_WORDS:
            p.heading = True


def _glued_tail(text: str, spans: list[tuple[int, int]]) -> int:
    """Where the page's lines glued to the end of a paragraph of the story begin (a credit line, a
    copyright notice, a "Reporting by" sign-off, a "Read more:" pointer: furniture.glued_tail),
    as an index into its sentence spans; 0 when there are none, or nothing of the story before."""
    from . import furniture

    def page_s(k: int) -> bool:
        return furniture.glued_tail(T.display(text[spans[k][0]:spans[k][1]]))

    cut = len(spans)
    while cut > 1 and page_s(cut - 1):
        cut -= 1
    # a paragraph that is the page's lines alone ("© 2024 Herald. All rights reserved.") stays whole
    return cut if cut < len(spans) and not page_s(cut - 1) else 0


def _add_paragraph(src: Source, text: str, p_start: int, p_end: int,
                   spans: list[tuple[int, int]], n: int) -> int:
    """Append the paragraph text[p_start:p_end], cut into the sentence `spans`, to `src`; its
    sentences are numbered from n. Returns the next sentence number."""
    raw = text[p_start:p_end]
    p_index = len(src.paragraphs)
    para = Paragraph(source=src.id, index=p_index, start=p_start, end=p_end)
    para_shown = para_display(raw)
    para.heading = _looks_like_heading(raw, para_shown)
    for s_start, s_end in spans:
        # A sentence that is its whole paragraph is shown as the paragraph is.
        whole = s_start == p_start and s_end == p_end
        shown = para_shown if whole else T.display(text[s_start:s_end])
        sent = Sentence(id=_sentence_id(src.id, n), source=src.id, paragraph=p_index, index=n,
                        text=shown, start=s_start, end=s_end)
        para.sentences.append(sent.id)
        src.sentences.append(sent)
        n += 1
    src.paragraphs.append(para)
    return n


TITLE_LOOK = 8  # paragraphs looked at for the headline, a box of headlines above it included


def _title(src: Source, doc: Document) -> str:
    """The headline: among the first three paragraphs (past a box of headlines above the story:
    "Top Stories" and the lines listed under it), a first heading, else the first short line
    that does not end a sentence; never a line of the page's (a byline, a stamp, a lone date, a
    credit or sign-off line (`furniture.line_reason`), `furniture.not_a_headline`: "Home > News >
    Local", "Skip navigation")."""
    from . import furniture

    boxed = 0  # paragraphs of a box of headlines above the story ("Top Stories" and its lines)
    stopped = None  # the first headline ending on "?", "!" or "U.S." (`_stopped_headline`): the
    # title only if no line above the story ends otherwise ("Read More: Why Are Gas Prices
    # Rising Again?" above "Senate Passes Stopgap Bill" is the page's)
    for k, para in enumerate(src.paragraphs[:TITLE_LOOK]):
        if k >= 3 + boxed:
            break  # the headline is among the first three paragraphs, past such a box
        raw = src.text[para.start : para.end]
        shown = para_display(raw)
        if furniture.box_header(shown) or boxed and furniture.listed_line(raw):
            boxed += 1
            continue
        why = furniture.line_reason(shown, shown, len(shown.split()), True, len(src.paragraphs))
        if is_byline(shown) or COPYRIGHT.search(shown) or is_stamp(shown) or \
                why not in (None, "link to another story") or furniture.not_a_headline(shown, raw):
            continue  # (a pointer's form is a headline's too: "Watch: Moment bridge collapses")
        if 2 <= len(shown.split()) <= 20 and (
            para.heading or not re.search(r"[.!?]['\"”’)]?$", shown)
        ):
            return _WIRE_PREFIX.sub("", shown)
        if stopped is None and 2 <= len(shown.split()) <= 20 and _stopped_headline(shown):
            stopped = _WIRE_PREFIX.sub("", shown)
    return stopped or Path(doc.file).stem


# A headline may end on a question or exclamation mark or an abbreviation ("Can EDS Remain
# Vendor-Neutral Under HP's Thumb?", "Clinton Is 'Sane,' Bloomberg Tells U.S."): in Title Case
# with every longer word capitalised (a lede dense with names is not: "Did President Joe Biden
# and Vice President Kamala Harris know about the plan?") it is still the headline.
_HEADLINE_STOP = re.compile(r"(?:[?!]+|(?<=\b[A-Z])\.)['\"”’)]?$")


def _stopped_headline(line: str) -> bool:
    body = _HEADLINE_STOP.sub("", line)
    longer = T.LONG_WORD.findall(body)
    return body != line and len(longer) >= 3 and all(w[0].isupper() for w in longer)


# A wire's tags before its headline ("UPDATE 2-Quorra to cut 1,200 jobs", "CORRECTED-REFILE-..."):
# the copy's version, not the headline's words.
_WIRE_TAG = r"(?:(?:UPDATE|WRAPUP)(?:\s?\d+)?|CORRECTED|REFILE|RPT|EXCLUSIVE|INSIGHT|FACTBOX|ANALYSIS|BRIEF|" \
            r"GLOBAL MARKETS|FOREX|PRECIOUS|METALS)"
_WIRE_PREFIX = re.compile(rf"^{_WIRE_TAG}(?:\s?-\s?{_WIRE_TAG})*\s?-\s?(?=[A-Za-z0-9\"“‘'])")
