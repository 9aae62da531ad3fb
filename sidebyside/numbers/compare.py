"""Comparing quantities read from different sources: do two count the same thing
(`same_thing`), do they agree (`compare`), and what does a group count (`about`)."""

from __future__ import annotations

import math
from collections import Counter

from ..model import Quantity
from .kinds import VERDICTS, Kind, Verdict
from .kinds import Qualifier as Q
from .kinds import Verdict as V
from .lexicon import GROUP, GROUP_LABEL, OUTCOME, plural, singular
from .tokens import EPS
from .units import DIMENSION_LABEL, DURATIONS, MEASURES
from .values import place


def _family(q: Quantity) -> str:
    if q.kind == Kind.MEASURE:
        dim = MEASURES.get(q.unit or "", (q.unit, 1.0))[0]
        return f"measure:{dim}"
    return q.kind


def _group(noun: str | None) -> str | None:
    if not noun:
        return None
    noun = noun.lower()
    if noun not in GROUP:
        noun = singular(noun)
    return GROUP.get(noun, noun)


def _noun_of(q: Quantity) -> str | None:
    if q.kind in (Kind.COUNT, Kind.ORDINAL):
        return q.unit
    return q.noun


def _same_count(a: Quantity, b: Quantity) -> bool:
    ga, gb = _group(a.unit), _group(b.unit)
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


def same_thing(a: Quantity, b: Quantity) -> bool:
    """True when a and b (from sentences making the same claim) count the same thing."""
    if _family(a) != _family(b):
        return False
    if a.kind == Kind.COUNT:
        return _same_count(a, b)
    if a.kind == Kind.DATE:
        ea, eb = a.event, b.event
        return not (ea and eb and ea != eb)
    if a.kind in (Kind.DURATION, Kind.AGE):
        return True
    ga, gb = _group(_noun_of(a)), _group(_noun_of(b))
    return not (ga and gb and ga != gb)


def _factor(q: Quantity) -> float | None:
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
    return k >= 1 and abs(r - k) < 0.005


def compare(a: Quantity, b: Quantity) -> str | None:
    """None when a and b agree; else "value", "qualifier", "unit" or "date" (a `Verdict`'s
    string). Symmetric."""
    return VERDICTS[_compare(a, b)]


def _compare(a: Quantity, b: Quantity) -> Verdict | None:
    if a.kind == Kind.DATE or b.kind == Kind.DATE:
        return _compare_dates(a, b) if a.kind == b.kind else V.DATE
    if _family(a) != _family(b):
        return V.UNIT
    if a.kind == Kind.ORDINAL:
        return None if _close(a.value, b.value, 1e-9) else V.VALUE
    if a.unit != b.unit and a.kind in (Kind.MONEY, Kind.PERCENT):
        return V.UNIT
    fa, fb = _factor(a), _factor(b)
    converted = a.unit != b.unit
    if fa is None or fb is None:
        if converted:
            return V.UNIT
        fa = fb = 1.0
    av, alo, ahi = a.value * fa, a.low * fa, a.high * fa
    bv, blo, bhi = b.value * fb, b.low * fb, b.high * fb
    qa, qb = a.qualifier, b.qualifier
    tol = 0.02 if converted else 1e-9
    special = (Q.VAGUE, Q.RANGE)
    if qa not in special and qb not in special and _power_of_ten(av, bv):
        return V.UNIT
    if converted and _close(a.value, b.value, 1e-9) and not _close(av, bv, tol):
        return V.UNIT  # 100 km vs 100 miles
    if qa is None and qb is None:
        if _close(av, bv, tol) or _overlap(qa, alo, ahi, qb, blo, bhi):
            return None
        if converted and (_rounds_to(av, bv) or _rounds_to(bv, av)):
            return None
        return V.VALUE
    if qa is None or qb is None:
        e, lo, hi = (av, blo, bhi) if qa is None else (bv, alo, ahi)
        slack = tol * max(abs(lo), abs(hi), 1e-12)
        return None if lo - slack <= e <= hi + slack else V.VALUE
    if qa == qb:
        if qa in special:
            if _close(alo, blo, tol) and _close(ahi, bhi, tol):
                return None
            if qa == Q.VAGUE:
                return V.VALUE
            contains = (alo <= blo and bhi <= ahi) or (blo <= alo and ahi <= bhi)
            return V.QUALIFIER if contains else V.VALUE
        return None if _compatible(av, bv) or _close(av, bv, tol) else V.VALUE
    if not _overlap(qa, alo, ahi, qb, blo, bhi):
        return V.VALUE
    if qa == Q.VAGUE or qb == Q.VAGUE:
        return None  # "hundreds of" holds "some 600"
    if qa == Q.RANGE or qb == Q.RANGE:
        return V.QUALIFIER
    return V.QUALIFIER if (_compatible(av, bv) or _close(av, bv, tol)) else V.VALUE


_UPPER = {Q.BY, Q.BEFORE}
_LOWER = {Q.SINCE, Q.AFTER}


def _bound(q: Quantity) -> float:
    if q.qualifier == Q.BY or q.qualifier == Q.AFTER:
        return q.high
    return q.low


def _compare_dates(a: Quantity, b: Quantity) -> Verdict | None:
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
        return None if (alo < bhi - 1e-9 and blo < ahi - 1e-9) else V.DATE
    if da == db:
        return None if abs(_bound(a) - _bound(b)) < 1 / 366 else V.DATE
    if da and db:  # by X vs since Y
        up, down = (a, b) if da == "up" else (b, a)
        return None if _bound(down) < _bound(up) else V.DATE
    d, p = (a, b) if da else (b, a)
    plo, phi = (blo, bhi) if da else (alo, ahi)
    if d.qualifier in _UPPER:
        return None if plo < _bound(d) - 1e-9 else V.DATE
    return None if phi > _bound(d) + 1e-9 else V.DATE


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
            group = _group(noun)
            label = GROUP_LABEL.get(noun) or plural(noun)
            if group in OUTCOME:
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
