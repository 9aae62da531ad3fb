"""What two figures of one quantity disagree on, and when they do not (issue 14, "Verdicts").

Each sentence's figures with what a verdict needs (`_prepare`: their contexts, their own words,
twins told twice in one sentence); a pair's verdict (value, qualifier, unit, date) from the number
reader's `judge`, unless the two are one quantity at two moments (a market at two times), a year
told beside one of them says they are two dated figures, or a twin of the same sentence agrees.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import NamedTuple

from . import numbers as N
from .model import Quantity
from .numbers.compare import thing_key
from .numbers.scope import STOP

_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _context(q: Quantity, text: str | None = None) -> N.Context:
    text = text if text is not None else getattr(q, "_sentence", "")
    return N.context(q, text) if text else N.Context()


class _Figures(NamedTuple):
    """One side of a pairing, read once however many sentences it is paired with: the figures,
    their contexts and families, how many figures of its family each has beside it, and a list
    of shares' own words (`_own_words`)."""

    qs: list[Quantity]
    ctx: list[N.Context]
    fam: list[str]
    n: list[int]
    own: list[tuple[set, set] | None]
    thing: list[tuple]  # `thing_key`s (what same_thing reads)
    twin: dict[int, int]  # a measure and its conversion in brackets, where that holds (`_twins`)


def _prepare(qs: list[Quantity], text: str | None, known: dict | None = None) -> _Figures:
    """`known`: contexts worked out already (`read_texts`), by (text, start, end, figure)."""
    fam = [N.family(q) for q in qs]
    counts = Counter(fam)
    ctx = [_context(q, text) for q in qs] if not known or text is None else [
        known.get((text, q.start, q.end, q.text)) or _context(q, text) for q in qs]
    return _Figures(qs, ctx, fam, [counts[f] for f in fam],
                    _own_words(qs, fam, counts, text), [thing_key(q) for q in qs], _twins(qs, text))


def _twins(qs: list[Quantity], text: str | None) -> dict[int, int]:
    """`N.conversion_twins` whose conversion holds ("50 km (32 miles)": 50 km is 31 miles), so
    that a figure agreeing with either writing agrees with the quantity (`_twin_agrees`)."""
    text = text if text is not None else getattr(qs[0], "_sentence", "") if qs else ""
    twins = N.conversion_twins(qs, text) if text and "(" in text else {}
    return {i: j for i, j in twins.items() if N.judge(qs[i], qs[j])[0] is None}


def _verdict(left: _Figures, i: int, right: _Figures, j: int, judged: tuple) -> tuple:
    """`judged` (the verdict and note of left's figure i and right's j, as `judge` gives them),
    unless a conversion in brackets on either side agrees (`_twin_agrees`)."""
    if judged[0] is not None and (left.twin or right.twin):
        why_not = _twin_agrees(left, i, right, j)
        if why_not:
            return None, why_not
    if judged[0] is N.Verdict.VALUE and _two_moments(left, i, right, j):
        return None, "prices or moves of a market, at moments not said to be one (markets move)"
    if judged[0] is N.Verdict.DATE:
        told = _year_told_too(left, i, right, j) or _dates_of_two_figures(left, i, right, j)
        if told:
            return None, told
    return judged


DATED_REACH = 60  # characters between a date and the figure it dates ("17 in 1996")


def _dates_of_two_figures(left: _Figures, i: int, right: _Figures, j: int) -> str | None:
    """Why two dates that differ are no conflict: each dates a figure of its own, and those
    disagree too ("went from zero to 30 in 1995" / "fell sharply to 17 in 1996"; "1.92 billion
    on Tuesday" / "1.5 billion Monday"): two measurements at two moments, not one date told two
    ways. Dates beside one figure told alike ("closed on Monday at $3.01" / "closed at $3.01
    Friday", or "at least 30" / "30") still disagree."""
    a = _dated(left.qs, left.qs[i], left.ctx[i].raw)
    b = _dated(right.qs, right.qs[j], right.ctx[j].raw)
    if a is None or b is None or N.family(a) != N.family(b) or \
            N.judge(a, b)[0] is not N.Verdict.VALUE:
        return None  # (a hedge told otherwise, "at least 30" / "30", is one figure still)
    return f"each date goes with a figure of its own ({a.text}, {b.text}), and those differ: " \
           "two moments"


def _dated(qs: list[Quantity], date: Quantity, text: str) -> Quantity | None:
    """The figure a date dates in its sentence `text`: the nearest count, sum, share or measure
    (not a date, an ordinal or an age: "the second black senator, after Brooke, who served from
    1967 to 1979") within DATED_REACH characters and in the date's own clause (`_one_clause`)."""
    def gap(q: Quantity) -> int:
        return max(q.start - date.end, date.start - q.end, 0)
    near = [q for q in qs if q.kind not in ("date", "ordinal", "age") and gap(q) <= DATED_REACH
            and not _second_of_a_tally(q, qs) and _one_clause(text, q, date, qs)]
    return min(near, key=gap, default=None)


def _second_of_a_tally(q: Quantity, qs: list[Quantity]) -> bool:
    """Is q a tally's second figure ("9" of "voted 396-9 Tuesday")? Its first stands for the
    tally: "On Wednesday, the House voted 396-9" and "voted 396-9 Tuesday" date one vote."""
    k = next((n for n, x in enumerate(qs) if x is q), 0)
    return q.unit == "vote" and k > 0 and qs[k - 1].unit == "vote" and \
        {qs[k - 1].event, q.event} == {"for", "against"}


_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:and|but|while|which|who|whom|where)\b", re.I)
_OPENING = re.compile(r"^\W*(?:\w+\W+){0,2}$")  # at most two words before: "In 2001, there were"


def _one_clause(text: str, q: Quantity, date: Quantity, qs: list[Quantity]) -> bool:
    """Do a figure and a date stand in one clause: no ';', ':' or clause word between them, no
    other date, and no comma but after a date that opens the sentence ("In 2001, there were 6.5
    million") or before a clause on that day ("since October 4, when a bomber killed 23")?
    "who led the team of 12 surgeons, performed the operation on June 3" does not date the 12."""
    lo, hi = (q.end, date.start) if q.end <= date.start else (date.end, q.start)
    between = text[lo:hi]
    if _CLAUSE_BREAK.search(between) or any(o is not date and o.kind == "date" and lo <= o.start < hi for o in qs):
        return False
    if "," not in between:
        return True
    if date.start < q.start:
        return bool(_OPENING.match(text[: date.start])) or \
            between.lstrip().startswith(",") and between.lstrip(" ,").lower().startswith("when")
    return False


def _year_told_too(left: _Figures, i: int, right: _Figures, j: int) -> str | None:
    """Why two years that differ are no conflict: one sentence also gives the other's year
    ("dropped to 2.92 million in 2002" / "from 3.03 million in 2001 to 2.92 million in 2002"):
    it tells both years, and the pairing took the wrong one."""
    for one, k, other, m in ((left, i, right, j), (right, j, left, i)):
        o = other.qs[m]
        if o.kind != "date" or o.unit != "date" or o.qualifier == "relative" or o.value < 1000:
            continue
        for x, q in enumerate(one.qs):
            if x != k and q.kind == "date" and q.unit == "date" and q.qualifier != "relative" \
                    and math.floor(q.value) == math.floor(o.value) \
                    and _nearest_alike(one.qs, q, other.qs, o):
                return f"the same sentence also gives {q.text}, as the other does"
    return None


def _nearest_alike(xs: list[Quantity], x: Quantity, ys: list[Quantity], y: Quantity) -> bool:
    """Do the figures (not dates) nearest x in its sentence and y in its own read alike? Then
    x and y date one fact ("2.92 million in 2002" twice); "fell to 2.1 million in 2003 from 2.4
    million in 2002" / "fell to 2.1 million in 2002" date two."""
    def nearest(qs: list[Quantity], at: Quantity) -> Quantity | None:
        others = [q for q in qs if q.kind != "date"]
        return min(others, key=lambda q: min(abs(q.start - at.end), abs(at.start - q.end)), default=None)
    a, b = nearest(xs, x), nearest(ys, y)
    return a is not None and b is not None and _reads_same(a, b)


# A market's price or move: said of trading ("the euro rose 0.67 percent to $1.1784", "shares
# traded at $4.81", "136.94 yen"), a figure of a moment. Two such figures disagree only when
# both sentences tell the close, or share another figure exactly (the same closing level).
_MARKET_RE = re.compile(
    r"\b(?:trad(?:ed|ing|ers?)|stocks?|Nasdaq|Dow|S&P|FTSE|DAX|CAC|Nikkei|Hang Seng|"
    r"euro(?!\s*(?:zone|area|pean))|yen|dollar(?!\s+(?:amount|figure|value|terms))|sterling|"
    r"franc|ounce|barrel|futures|Treasur(?:y|ies)|"
    r"(?<!\ba\s)(?<!\bper\s)shares?(?!\s+(?:of\s+the\s+)?(?:vote|cost|blame|market|responsibility)))\b")
# ...a move or a quote right before the figure ("rose 0.67 percent", "was up 4.6 percent",
# "traded at $4.81", "quoted at $1.1784"), a word or two apart at most
_MOVE_RE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|gain(?:s|ed|ing)?|lost|los(?:e|es|ing)|"
    r"climb(?:s|ed|ing)?|slip(?:s|ped|ping)?|drop(?:s|ped|ping)?|jump(?:s|ed|ing)?|eas(?:ed|es|ing)|"
    r"add(?:s|ed|ing)?|shed|rall(?:ied|ies)|sl(?:id|ides|iding)|tumbl(?:e|ed|es|ing)|"
    r"firm(?:ed)?|weaken(?:ed|ing)?|strengthen(?:ed|ing)?|edg(?:ed|ing)|"
    r"touch(?:ed)?|peak(?:ed)?|(?:was|were|is|are|stood|ended)\s+(?:up|down)|,\s*(?:up|down)|traded(?:\s+at)?|"
    r"trading(?:\s+at)?|quoted(?:\s+at)?)\s+(?:[\d.,]+\s*(?:percent|per\s+cent|%|points?|cents?),?\s+)?"
    r"(?:(?:as\s+(?:high|low|much)\s+as|about|some|nearly|almost|around|to|at|by)\s+){0,2}$", re.I)
_CLOSE_RE = re.compile(r"\b(?:clos(?:e|ed|es|ing)|settl(?:e|ed|ing)|finish(?:ed)?)\b", re.I)


MARKET_REACH = 80  # characters before a figure (and half as many after) its market is named in


def _market_figure(q: Quantity, text: str) -> bool:
    """Is q a price, a level or a move of something traded, said near it ("the euro rose 0.67
    percent to $1.1784")? A count of people or things is not ("a bomb in a market killed 40")."""
    if q.kind not in ("money", "percent", "count") or q.kind == "count" and q.unit not in (None, "point") \
            or not _MARKET_RE.search(text, max(0, q.start - MARKET_REACH), q.end + MARKET_REACH // 2):
        return False
    return bool(_MOVE_RE.search(text[max(0, q.start - 40):q.start])) or q.unit == "jpy" \
        or bool(re.search(r"\.\d{3,}", q.text)) or bool(_PER_UNIT_RE.match(text, q.end))


_PER_UNIT_RE = re.compile(r"(?:/\d+)?\s+(?:an|a|per)\s+(?:ounce|barrel|bushel|troy ounce)\b")


def _two_moments(left: _Figures, i: int, right: _Figures, j: int) -> bool:
    """Are left's figure i and right's j prices or moves of a market whose moments may differ?"""
    a, b = left.qs[i], right.qs[j]
    ta, tb = left.ctx[i].raw, right.ctx[j].raw
    if not (_market_figure(a, ta) and _market_figure(b, tb)):
        return False
    if _CLOSE_RE.search(ta) and _CLOSE_RE.search(tb):
        return False  # both tell the close: one moment
    # another figure told alike by both (a day is no moment of trading: "on Wednesday" twice)
    told = {q.text.lower() for k, q in enumerate(left.qs) if k != i and q.kind != "date"}
    return not any(q.text.lower() in told for k, q in enumerate(right.qs) if k != j and q.kind != "date")


def _twin_agrees(left: _Figures, i: int, right: _Figures, j: int) -> str | None:
    """Why two paired figures that disagree as written still agree: one side converts its figure
    in brackets, and the other figure agrees with that writing ("30 miles" / "50 km (32 miles)")."""
    for a in (i, left.twin.get(i)):
        for b in (j, right.twin.get(j)):
            if a is not None and b is not None and (a, b) != (i, j) \
                    and N.judge(left.qs[a], right.qs[b])[0] is None:
                return f"agrees with the conversion in brackets ({left.qs[a].text} / {right.qs[b].text})"
    return None


_OWN = 6  # words after a share in a list that say what it is a share of


def _own_words(qs: list[Quantity], fams: list, counts: Counter,
               text: str | None) -> list[tuple[set, set] | None]:
    """For each percentage in a list of percentages of one sentence ("Among Fox viewers, 41
    percent describe themselves as Republicans, 24 percent as Democrats"), the content words
    after it up to the next one (what it is a share of) and the names before the list (whose
    shares: "Fox"). None for every other figure (sums of money are labelled before them more
    often than after: "a profit of $300 million for the quarter")."""
    out: list[tuple[set, set] | None] = [None] * len(qs)
    for i, q in enumerate(qs):
        if q.kind != "percent" or counts[fams[i]] < 2:
            continue
        t = text if text is not None else getattr(q, "_sentence", "")
        if not t:
            continue
        nxt = min((o.start for k, o in enumerate(qs) if fams[k] == fams[i] and o.start >= q.end),
                  default=len(t))
        words = _WORDS.findall(t[q.end : nxt])[:_OWN]
        first = min(o.start for k, o in enumerate(qs) if fams[k] == fams[i])
        names = {w for w in _WORDS.findall(t[:first])[1:] if w[:1].isupper() and w.lower() not in STOP}
        out[i] = ({N.stem(w) for w in words if w.lower() not in STOP and len(w) > 2}, names)
    return out


def _reads_same(a: Quantity, b: Quantity) -> bool:
    return a.value == b.value and a.qualifier == b.qualifier and a.unit == b.unit
