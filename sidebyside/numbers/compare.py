"""Comparing quantities read from different sources: do two count the same thing
(`same_thing`), do they agree (`compare`), and what does a group count (`about`)."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from ..model import Quantity
from .kinds import VERDICTS, Kind, Verdict
from .kinds import Qualifier as Q
from .kinds import Verdict as V
from .lexicon import GROUP_LABEL, OUTCOME, group, plural
from .tokens import EPS
from .units import DIMENSION_LABEL, DURATIONS, MEASURES
from .values import place


def family(q: Quantity) -> str:
    """The kind, and for a measure its dimension: figures of one family can be compared."""
    return _family(q)


def _family(q: Quantity) -> str:
    if q.kind == Kind.MEASURE:
        dim = MEASURES.get(q.unit or "", (q.unit, 1.0))[0]
        return f"measure:{dim}"
    return q.kind


def _noun_of(q: Quantity) -> str | None:
    if q.kind in (Kind.COUNT, Kind.ORDINAL):
        return q.unit
    return q.noun


def _same_count(a: Quantity, b: Quantity) -> bool:
    if a.noun and b.noun and a.noun != b.noun:
        return False  # "a 31-page indictment" and "a 25-page motion": pages of two documents
    ga, gb = group(a.unit), group(b.unit)
    ea, eb = a.event, b.event
    who_a = ga if ga not in OUTCOME else None
    who_b = gb if gb not in OUTCOME else None
    out_a = OUTCOME.get(ga or "") or ea
    out_b = OUTCOME.get(gb or "") or eb
    if who_a and who_b and who_a != who_b:
        return False
    if out_a and out_b and out_a != out_b:
        return False
    # one names who was counted, the other only what happened: not provably the same
    if who_a and not who_b and gb and not out_a:
        return False
    if who_b and not who_a and ga and not out_b:
        return False
    return True


# `same_thing` and `judge` read only a few fields of each figure, and a big folder asks about
# the same readings again and again (fifty rewrites of one story: 8,000 figures, 1,300 readings,
# a hundred counted things): their answers are kept by those fields. The caches are emptied
# when full.
_CACHE_MAX = 1 << 15  # pairs of readings (a few hundred bytes each)
_things: dict[tuple, bool] = {}
_judged: dict[tuple, tuple[Verdict | None, str]] = {}


def thing_key(q: Quantity) -> tuple:
    """Every field `same_thing` reads."""
    return (q.kind, q.unit, q.event, q.noun)


def figure_key(q: Quantity) -> tuple:
    """Every field `judge` reads (of its text, only whether it ends in zeros, `_zeros`, and
    whether it is a share said in words, `_share_in_words`)."""
    return (q.kind, q.unit, q.value, q.low, q.high, q.qualifier, _zeros_of(q.text, q.value),
            q.kind == Kind.PERCENT and _share_in_words(q.text))


_SHARE_WORDS_RE = re.compile(
    r"\b(?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out\s+of)\s+"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b", re.I)
CONVERTED_END = 0.06  # a range's end converted and rounded: "30 pounds" is "14 kilograms" (13.6)
SHARE_SLACK = 3.0  # points a share said in words holds: "a third" of 31% to 36%
SHARE_SLACK_ABOUT = 5.0  # ...said as "about a third", "roughly a quarter"


@lru_cache(maxsize=65536)
def _share_in_words(text: str) -> bool:
    """A share said as a fraction or a proportion ("a third", "two-thirds", "one in five"):
    how a reporter rounds a percentage, never a figure to its last digit."""
    return bool(_SHARE_WORDS_RE.search(text))


def same_thing(a: Quantity, b: Quantity) -> bool:
    """True when a and b (from sentences making the same claim) count the same thing."""
    return same_thing_keyed(a, b, thing_key(a), thing_key(b))


def same_thing_keyed(a: Quantity, b: Quantity, ka: tuple, kb: tuple) -> bool:
    """`same_thing(a, b)` for a caller that holds their `thing_key`s."""
    key = (ka, kb)
    same = _things.get(key)
    if same is None:
        same = _same_thing(a, b)
        if len(_things) >= _CACHE_MAX:
            _things.clear()
        _things[key] = same
    return same


def _same_thing(a: Quantity, b: Quantity) -> bool:
    if _family(a) != _family(b):
        return False
    if a.kind == Kind.COUNT:
        return _same_count(a, b)
    if a.kind == Kind.DATE:
        ea, eb = a.event, b.event
        return not (ea and eb and ea != eb)
    if a.kind in (Kind.DURATION, Kind.AGE):
        return True
    ga, gb = group(_noun_of(a)), group(_noun_of(b))
    return not (ga and gb and ga != gb)


def factor(q: Quantity) -> float | None:
    """What one of a measure's or a span of time's unit is in the family's base unit (metres,
    kilograms, days...); 1.0 for other kinds; None for a unit not known."""
    if q.kind == Kind.MEASURE:
        return MEASURES.get(q.unit or "", (None, None))[1]
    if q.kind == Kind.DURATION:
        return DURATIONS.get(q.unit or "")
    return 1.0


def _close(x: float, y: float, rel: float) -> bool:
    return abs(x - y) <= rel * max(abs(x), abs(y), 1e-12)


def _rounds_to(x: float, target: float) -> bool:
    p = place(target)
    return _close(math.floor(x / p + 0.5) * p, target, 1e-9)


def _compatible(x: float, y: float) -> bool:
    """Two hedged figures that may be roundings of one number: 4,700 and 4,683; 600 and 620."""
    if _close(x, y, 1e-9):
        return True
    return _close(x, y, 0.1) and (_rounds_to(x, y) or _rounds_to(y, x))


_OPEN_HIGH = {Q.NEARLY, Q.UNDER}
_OPEN_LOW = {Q.OVER}


VAGUE_REACH = 1.5  # "dozens of children" holds "more than 100 children"; "hundreds", 1,200


def _overlap(qa, alo, ahi, qb, blo, bhi) -> bool:
    if ahi < blo - EPS * max(1, abs(blo)) or bhi < alo - EPS * max(1, abs(alo)):
        return False
    if _close(ahi, blo, 1e-12) and ahi < bhi and (qa in _OPEN_HIGH or qb in _OPEN_LOW):
        return False
    if _close(bhi, alo, 1e-12) and bhi < ahi and (qb in _OPEN_HIGH or qa in _OPEN_LOW):
        return False
    return True


def _power_of_ten(x: float, y: float) -> bool:
    if x <= 0 or y <= 0:
        return False
    r = math.log10(max(x, y) / min(x, y))
    k = round(r)
    # a slip of scale: ten, a hundred, a thousand ("$3.2 million" / "$3.2 billion"), never 30
    # cents a share against $300 million
    return 1 <= k <= 3 and abs(r - k) < 0.005


def compare(a: Quantity, b: Quantity) -> str | None:
    """None when a and b agree; else "value", "qualifier", "unit" or "date" (a `Verdict`'s
    string). Symmetric."""
    return VERDICTS[judge(a, b)[0]]


def judge(a: Quantity, b: Quantity) -> tuple[Verdict | None, str]:
    """`compare`'s verdict with a few plain words on why ("rounded", "bare vs hedged")."""
    return judge_keyed(a, b, figure_key(a), figure_key(b))


def judge_keyed(a: Quantity, b: Quantity, ka: tuple, kb: tuple) -> tuple[Verdict | None, str]:
    """`judge(a, b)` for a caller that holds their `figure_key`s."""
    key = (ka, kb)
    out = _judged.get(key)
    if out is None:
        verdict, note = _compare(a, b)
        if verdict is None and not note:
            note = "the same figure"
        out = (verdict, note)
        if len(_judged) >= _CACHE_MAX:
            _judged.clear()
        _judged[key] = out
    return out


# Hedges that say the figure is a lower bound: "at least $10,000" and "more than $10,000" are the
# same bound in news usage (benchmarks/gold/FIGURES.md, equivalent_hedge).
_LOWER_BOUND = {Q.OVER, Q.AT_LEAST}
_UPPER_BOUND = {Q.UNDER, Q.UP_TO}
_APPROX = {Q.ABOUT}
_BOUNDS = _LOWER_BOUND | _UPPER_BOUND
_LOOSE = _APPROX | {Q.NEARLY}  # approximate figures: "about 1,200", "nearly 1,200"


TON_LOW, TON_HIGH = 0.90718474, 1.0160469  # tonnes in a short and in a long ton
ROUNDING = 0.05  # a figure ending in zeros holds a rounding at most this far off ("300": 296)
# Two approximate figures in different units agree this far apart: "about 90 miles" is some 145
# km, and "about 150 kilometres" rounds the conversion, as "about 2.8 billion miles" does 4.6
# billion km (2.86 billion miles).
CONVERTED_ABOUT = 0.05


_DIGITS_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _zeros(q: Quantity) -> bool:
    """Written with trailing zeros ("200", "300 people", "$180 million"): its precision is
    ambiguous, it may be exact. "0.4", "5", "$1.4 billion" are written to their last digit."""
    return _zeros_of(q.text, q.value)


@lru_cache(maxsize=65536)
def _zeros_of(text: str, value: float) -> bool:
    m = _DIGITS_RE.search(text)
    if m is None:
        return place(value) >= 10
    digits = m.group().replace(",", "")
    return "." not in digits and digits.endswith("0")


def _rounded(x: float, y: float, qx: Quantity | None = None, qy: Quantity | None = None) -> bool:
    """x written to the precision of y, or y to the precision of x: "296" and "300", "2.86" and
    "2.9", "0.43" and "0.4"; not "$184 million" and "$200 million": a figure ending in zeros
    may be exact, so it holds a rounding only within ROUNDING (8% apart: two claims)."""
    if _close(x, y, 1e-9):
        return True
    for precise, rough, q in ((x, y, qy), (y, x, qx)):
        if _rounds_to(precise, rough) and (q is None or not _zeros(q)
                                            or _close(precise, rough, ROUNDING)):
            return True
    return False


def _bare_vs_hedged(e: float, q: str, h: float, lo: float, hi: float, tol: float,
                    hedged: Quantity | None = None) -> tuple[Verdict | None, str]:
    """A bare figure e against a hedged one (hedge q on value h, interval [lo, hi])."""
    slack = tol * max(abs(lo), abs(hi), 1e-12)
    same = _close(e, h, max(tol, 1e-9))
    if q in _APPROX:
        if same or _rounded(e, h, None, hedged):
            return None, "an approximate figure that holds the exact one (rounded)"
        p = place(h)
        if hedged is not None and tol < 1e-6 and not _zeros(hedged) and h > 0 and \
                10 * p <= h * (1 + 1e-9) and -1e-9 * h <= e - h < p * (1 - 1e-9):
            # "some 34.7 million" of 34.75 million: a hedged figure of two digits or more,
            # written to its last one, holds what that digit leaves out (cut short: only ever
            # smaller; "about 7 percent" of 6.1, "about $4.5 billion" of $4.41 billion are not)
            return None, "an approximate figure that holds the exact one (cut short)"
        return V.VALUE, "the exact figure does not round to the approximate one"
    if q in _BOUNDS | {Q.NEARLY}:
        if same:
            return V.QUALIFIER, f"bare vs hedged ('{q}')"
        if lo - slack <= e <= hi + slack:
            return None, f"the exact figure fits the hedge ('{q}')"
        return V.VALUE, f"the exact figure is outside the hedge ('{q}')"
    if q == Q.VAGUE:
        hi *= VAGUE_REACH
    if lo - slack <= e <= hi + slack:
        return None, f"the exact figure fits the {q} figure"
    if q == Q.RANGE and any(_round_end(e, end) for end in (lo, hi)):
        # "$1 billion to $2.8 billion" of "$952 million": a round end of a range, rounded
        return None, "the exact figure rounds to an end of the range"
    return V.VALUE, f"the exact figure is outside the {q} figure"


def _half_step(q: Quantity) -> float:
    """Half the last written digit's step: "38 C" holds 37.5 to 38.5, "37.1 C" 37.05 to 37.15."""
    m = _DIGITS_RE.search(q.text)
    decimals = len(m.group().split(".")[1]) if m and "." in m.group() else 0
    return 0.5 * 10.0 ** -decimals


def _temperatures(a: Quantity, b: Quantity) -> tuple[Verdict | None, str]:
    """One temperature in °C, the other in °F ("-5°C" / "23°F"): the same when the Fahrenheit
    one, converted, falls where the Celsius one rounds from, each to its last written digit
    ("95°F" / "35C"; "98.8 F" is 37.1 C, not 38 C); else two units, as before the conversion."""
    c, f = (a, b) if a.unit == "°c" else (b, a)
    hf, hc = _half_step(f), _half_step(c)
    level = int(round((f.value - 32) * 5 / 9))
    for shift, what in ((32.0, f"the same temperature in °C and °F ({f.text} is {level}°C)"),
                        (0.0, f"the same change in °C and °F ({f.text} is {f.value * 5 / 9:.1f}°C)")):
        # a level ("23°F is -5°C") or a change ("warming of 1.5C" / "2.7F")
        lo, hi = (f.low - hf - shift) * 5 / 9, (f.high + hf - shift) * 5 / 9
        if lo <= c.high + hc + 1e-9 and c.low - hc <= hi + 1e-9:
            return None, what
    # (told apart as two units, as before: a story that gives both scales pairs each with its own)
    return V.UNIT, f"different units (°c vs °f; {f.text} is {level}°C)"


def _unit_note(a: Quantity, b: Quantity) -> str:
    """How two figures in different units were set side by side: a measure converted ("converted
    inch to cm"), a group counted under two nouns ("villagers counted as people")."""
    if a.kind != Kind.COUNT:
        return f" (converted {a.unit} to {b.unit})"
    return f" ({plural(a.unit)} counted as {plural(b.unit)})" if a.unit and b.unit else ""


def _round_end(x: float, end: float) -> bool:
    """x is the end of a range written round ("$1 billion" of "$952 million"), within ROUNDING."""
    return _close(x, end, 1e-9) or _rounds_to(x, end) and _close(x, end, ROUNDING)


def _compare(a: Quantity, b: Quantity) -> tuple[Verdict | None, str]:
    if a.kind == Kind.DATE or b.kind == Kind.DATE:
        if a.kind != b.kind:
            return V.DATE, "a date vs a figure"
        v = _compare_dates(a, b)
        if v is not None and a.qualifier == b.qualifier == Q.RELATIVE and a.unit == b.unit \
                and a.value == b.value and a.text.lower() != b.text.lower():
            # "two years ago" / "more than two years ago": one time back, one said with a hedge
            bare, hedged = sorted((a.text, b.text), key=len)
            hedge = hedged[: len(hedged) - len(bare)].strip() if \
                hedged.lower().endswith(bare.lower()) else ""
            return V.QUALIFIER, f"bare vs hedged ('{hedge}')" if hedge else "one hedged"
        return v, ("different dates" if v else "the same date")
    if _family(a) != _family(b):
        return V.UNIT, "different kinds of figure"
    if a.kind == Kind.ORDINAL:
        return (None, "") if _close(a.value, b.value, 1e-9) else (V.VALUE, "different ranks")
    if a.unit != b.unit and a.kind in (Kind.MONEY, Kind.PERCENT):
        return V.UNIT, f"different units ({a.unit} vs {b.unit})"
    if a.unit == b.unit == "%" and _share_in_words(a.text) != _share_in_words(b.text):
        said, other = (a, b) if _share_in_words(a.text) else (b, a)
        if said.qualifier in (None, Q.ABOUT) and other.qualifier in (None, Q.ABOUT):
            slack = SHARE_SLACK if said.qualifier is None and other.qualifier is None else SHARE_SLACK_ABOUT
            slack = min(slack, 0.1 * said.value)  # "one in ten" holds 9% to 11%, not 13%
            if abs(said.value - 50) < 1e-9:
                slack = min(slack, 2.0)  # "half" is no 53%: that is a majority
            if abs(said.value - other.value) <= slack + 1e-9:
                return None, "a share said in words holds the percentage (rounded as reporters do)"
    if "ton" in (a.unit, b.unit) and a.unit != b.unit and a.qualifier == b.qualifier \
            and a.kind == b.kind == Kind.MEASURE and factor(a) and factor(b):
        tons, other = (a, b) if a.unit == "ton" else (b, a)
        tonnes = other.value * factor(other) / 1000.0
        if any(_close(tons.value * f, tonnes, 0.005) or _rounds_to(tons.value * f, tonnes)
               for f in (TON_LOW, 1.0, TON_HIGH)):
            return None, "a ton is a short, a long or a metric ton: the figures agree"
    if {a.unit, b.unit} == {"°c", "°f"}:
        return _temperatures(a, b)
    converted = a.unit != b.unit
    # one unit: the figures as written (rounding is judged on "60,000 years" and "59,619
    # years", never on their values in days or metres)
    fa, fb = (factor(a), factor(b)) if converted else (1.0, 1.0)
    if fa is None or fb is None:
        if converted:
            return V.UNIT, f"different units ({a.unit} vs {b.unit})"
        fa = fb = 1.0
    av, alo, ahi = a.value * fa, a.low * fa, a.high * fa
    bv, blo, bhi = b.value * fb, b.low * fb, b.high * fb
    qa, qb = a.qualifier, b.qualifier
    tol = 0.02 if converted else 1e-9
    special = (Q.VAGUE, Q.RANGE)
    if qa not in special and qb not in special and _power_of_ten(av, bv):
        return V.UNIT, "a factor of ten apart (a unit or scale slip?)"
    if converted and _close(a.value, b.value, 1e-9) and not _close(av, bv, tol):
        return V.UNIT, f"the same number in different units ({a.unit} vs {b.unit})"
    conv = _unit_note(a, b) if converted else ""
    if qa is None and qb is None:
        if _close(av, bv, tol):
            return None, "" if not converted else "the same figure" + conv
        if _rounded(av, bv, a, b):
            return None, "rounded: one is the other to its own precision" + conv
        return V.VALUE, "different figures" + conv
    if qa is None or qb is None:
        if qa is None:
            return _bare_vs_hedged(av, qb, bv, blo, bhi, tol, b)
        return _bare_vs_hedged(bv, qa, av, alo, ahi, tol, a)
    if qa == qb:
        if qa in special:
            if _close(alo, blo, tol) and _close(ahi, bhi, tol):
                return None, ""
            contains = (alo <= blo and bhi <= ahi) or (blo <= alo and ahi <= bhi)
            if qa == Q.VAGUE:
                # "several hundred" homes within "hundreds of homes"
                return (None, "a vague amount that holds the other") if contains else \
                    (V.VALUE, "different vague amounts")
            if not converted and (_round_end(alo, blo) or _round_end(blo, alo)) and \
                    (_round_end(ahi, bhi) or _round_end(bhi, ahi)):
                return None, "the same range, its ends rounded"
            if converted and qa == Q.RANGE and all(_close(x, y, CONVERTED_END)
                                                   for x, y in ((alo, blo), (ahi, bhi))):
                # "between 30 and 80 pounds" / "between 14 and 36 kilograms"
                return None, "the same range" + conv
            return (V.QUALIFIER, "one range holds the other") if contains else \
                (V.VALUE, "different ranges")
        if qa in _BOUNDS and _close(av, bv, 0.05):
            return None, f"two '{qa}' bounds that can both hold"
        if _compatible(av, bv) or _close(av, bv, tol):
            return None, "rounded: one is the other to its own precision"
        if converted and qa in _APPROX and _close(av, bv, CONVERTED_ABOUT):
            return None, f"both '{qa}', one converted from the other{conv}"
        return V.VALUE, f"different figures, both '{qa}'"
    if {qa, qb} <= _LOWER_BOUND or {qa, qb} <= _UPPER_BOUND:
        if _close(av, bv, 0.05):
            return None, f"'{qa}' and '{qb}' are the same bound"
        return V.VALUE, "different bounds"
    if qa == Q.VAGUE or qb == Q.VAGUE:  # "dozens" is loose at its top: 24 to 99, or a few more
        ahi, bhi = (ahi * VAGUE_REACH if qa == Q.VAGUE else ahi), (bhi * VAGUE_REACH if qb == Q.VAGUE else bhi)
    if not _overlap(qa, alo, ahi, qb, blo, bhi):
        return V.VALUE, "the hedged figures do not overlap"
    if qa == Q.VAGUE or qb == Q.VAGUE:
        return None, "a vague amount that holds the other"
    if qa == Q.RANGE or qb == Q.RANGE:
        other, (lo, hi) = (qb, (alo, ahi)) if qa == Q.RANGE else (qa, (blo, bhi))
        bound = bv if qa == Q.RANGE else av
        if other == Q.UP_TO and _close(hi, bound, tol) or other == Q.AT_LEAST and _close(lo, bound, tol):
            # "35 to 40 firefighters" / "as many as 40": the range ends at the other's bound, so
            # both say the same most (or least); the range only adds its other end
            return None, f"the range ends at the '{other}' figure"
        return V.QUALIFIER, "a range vs a hedged figure"
    if {qa, qb} == {Q.ABOUT, Q.NEARLY} and (_compatible(av, bv) or _close(av, bv, tol)) and (
            (alo <= blo and bhi <= ahi) if qa == Q.ABOUT else (blo <= alo and ahi <= bhi)):
        # "nearly two dozen" is "about two dozen", one figure (not "about a dozen" / "more
        # than a dozen", nor "some 14,000" / "over 14,000": neither holds the other; nor
        # "nearly 850" / "about 1,000": two figures)
        return None, "'about' holds the 'nearly' figure"
    if (qa in _LOOSE and qb in _BOUNDS or qb in _LOOSE and qa in _BOUNDS) and not _close(av, bv, tol):
        # "about $15.2 billion" / "just over $15bn", "about 57%" / "fewer than six in ten": the
        # approximate figure is inside the bound (as a bare one would be: `_bare_vs_hedged`)
        x, qy, y = (av, qb, bv) if qa in _LOOSE else (bv, qa, av)
        if qy in _LOWER_BOUND and x > y or qy in _UPPER_BOUND and x < y:
            return None, f"the approximate figure fits the hedge ('{qy}')"
    if _compatible(av, bv) or _close(av, bv, tol):
        return V.QUALIFIER, f"different hedges ('{qa}' vs '{qb}')"
    if qa in _LOOSE and qb in _BOUNDS or qb in _LOOSE and qa in _BOUNDS:
        # "about 1,200 passengers" / "more than 1,000": the approximate figure is inside the
        # bound, as a bare 1,200 would be (`_bare_vs_hedged`); not "about 1,000" / "more than
        # 1,000" (a qualifier, above), nor "about 900" / "more than 1,000"
        x, qy, y = (av, qb, bv) if qa in _LOOSE else (bv, qa, av)
        if qy in _LOWER_BOUND and x > y or qy in _UPPER_BOUND and x < y:
            return None, f"the approximate figure fits the hedge ('{qy}')"
    return V.VALUE, "different figures"


_UPPER = {Q.BY, Q.BEFORE}
_EXCLUSIVE = {Q.BEFORE, Q.AFTER}
_LOWER = {Q.SINCE, Q.AFTER}


def _bound(q: Quantity, lo: float, hi: float) -> float:
    """The end of a date's span that its hedge names ("by Sept. 30": its end), with the span
    as compared (lo, hi: a date without a year is compared within the other's year)."""
    if q.qualifier == Q.BY or q.qualifier == Q.AFTER:
        return hi
    return lo


WEEKDAY = "weekday"  # the unit of a day of the week ("on Friday"), valued by its place


def _compare_dates(a: Quantity, b: Quantity) -> Verdict | None:
    wa, wb = a.unit == WEEKDAY, b.unit == WEEKDAY
    if wa or wb:
        # "on Friday" vs "Saturday" differ; vs a calendar date, or "by Friday" vs "on
        # Thursday", nothing can be said without the publication date
        if not (wa and wb) or a.qualifier != b.qualifier:
            return None
        return None if a.value == b.value else V.DATE
    ra, rb = a.qualifier == Q.RELATIVE, b.qualifier == Q.RELATIVE
    if ra != rb:
        return None  # "last year" vs 2025: unknown without the publication date
    alo, ahi, blo, bhi = a.low, a.high, b.low, b.high
    if not ra and (a.value < 1000) != (b.value < 1000):
        # a date without a year: compare within the year, when the other is that precise
        other_lo, other_hi = (blo, bhi) if a.value < 1000 else (alo, ahi)
        if other_hi - other_lo >= 1 - 1e-9:
            return None
        base = math.floor(other_lo)
        if a.value < 1000:
            blo, bhi = blo - base, bhi - base
        else:
            alo, ahi = alo - base, ahi - base
    qa, qb = a.qualifier, b.qualifier
    da = "up" if qa in _UPPER else "down" if qa in _LOWER else None
    db = "up" if qb in _UPPER else "down" if qb in _LOWER else None
    if da is None and db is None:
        if qa == qb == Q.RANGE:  # "from 1967 to 1979" vs "from 1966 to 1978": its ends
            return None if abs(alo - blo) < 1 / 366 and abs(ahi - bhi) < 1 / 366 else V.DATE
        return None if (alo < bhi - 1e-9 and blo < ahi - 1e-9) else V.DATE
    ba, bb = _bound(a, alo, ahi), _bound(b, blo, bhi)
    if da == db:
        # (not under "before"/"after", which leave their own date out: "after 2008" is not
        # "after March 2008")
        nested = qa not in _EXCLUSIVE and qb not in _EXCLUSIVE and (
            alo <= blo + 1e-9 and bhi <= ahi + 1e-9 or blo <= alo + 1e-9 and ahi <= bhi + 1e-9)
        # "until 1999" vs "until June 1999": one date told less precisely, not a second one
        return None if abs(ba - bb) < 1 / 366 or nested else V.DATE
    if da and db:  # by X vs since Y
        up, down = (ba, bb) if da == "up" else (bb, ba)
        return None if down < up else V.DATE
    d, bd = (a, ba) if da else (b, bb)
    plo, phi = (blo, bhi) if da else (alo, ahi)
    if d.qualifier in _UPPER:
        return None if plo < bd - 1e-9 else V.DATE
    return None if phi > bd + 1e-9 else V.DATE


# ----------------------------------------------------------------------------------------------
# Labels
# ----------------------------------------------------------------------------------------------


def about(quantities: list[Quantity]) -> str:
    """A short label of what a group of quantities counts: "troops killed", "cost"."""
    if not quantities:
        return ""
    kind = Counter(q.kind for q in quantities).most_common(1)[0][0]
    qs = [q for q in quantities if q.kind == kind]
    if kind == Kind.COUNT:
        nouns = [q.unit for q in qs if q.unit]
        events = [e for q in qs if (e := q.event)]
        label = None
        if nouns:
            noun = Counter(nouns).most_common(1)[0][0]
            its_group = group(noun)
            label = GROUP_LABEL.get(noun) or plural(noun)
            of = [q.noun for q in qs if q.unit == noun and q.noun]
            if of:  # "a 31-page complaint": the complaint's pages
                label = f"{Counter(of).most_common(1)[0][0]} {label}"
            if its_group in OUTCOME:
                return label
        event = Counter(events).most_common(1)[0][0] if events else None
        if event == "casualty":
            event = None
        if label and event:
            return f"{label} {event}"
        return label or event or "figure"
    nouns = [n for q in qs if (n := _noun_of(q))]
    noun = Counter(nouns).most_common(1)[0][0] if nouns else None
    if kind == Kind.MONEY:
        return noun or "cost"
    if kind == Kind.PERCENT:
        return noun or "share"
    if kind == Kind.MEASURE:
        return noun or DIMENSION_LABEL.get(_family(qs[0]).split(":", 1)[1], "measure")
    if kind == Kind.ORDINAL:
        return noun or "rank"
    if kind == Kind.DATE:
        events = [e for q in qs if (e := q.event)]
        if events:
            return "start date" if Counter(events).most_common(1)[0][0] == "start" else \
                "completion date"
        return "date"
    return {"duration": "duration", "age": "age"}.get(kind, "figure")
