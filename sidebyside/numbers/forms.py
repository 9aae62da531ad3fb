"""Quantities in words of their own: ordinals ("third", "21st"), fractions ("two-thirds of",
"half the"), vague amounts ("hundreds of", "tens of thousands", "several hundred")."""

from __future__ import annotations

import math
import re

from .dates import day_month
from .finish import finish
from .kinds import Kind
from .kinds import Qualifier as Q
from .lexicon import STOP
from .phrases import event_after, event_left, hedge, noun_after, noun_left
from .tokens import DASHES, EPS, Outcome, Tokens
from .units import DUR_ALIASES, DUR_RE, DURATIONS, units
from .values import interval
from .words import BIG, DENOMS, SMALL_WORDS, VAGUE

# Capitalised nouns an ordinal names rather than ranks: "83rd Street", "Second Avenue", "the 11th
# District", "the Fifth Amendment".
DESIGNATED = frozenset("street st avenue ave road rd boulevard blvd lane place way drive district"
                       " precinct ward amendment circuit division battalion regiment brigade fleet"
                       " corps infantry airborne parallel congressional congress parliament"
                       " assembly legislature".split())


# Words that make an ordinal part of a fixed term: "a third party", "third-world", "second-hand"
# ("the third party in parliament" and "the third person to die" are ranks).
# Words after which a rank names a thing or a part of a match or a year, not a figure:
# "third party", "the 1st half", "the second quarter", "the third inning".
FIXED_TERMS = {"party", "parties", "world", "hand", "half", "quarter", "inning", "period"}
_PLEAD = frozenset(("take", "takes", "took", "taking", "plead", "pleads", "pleaded", "pleading",
                    "invoke", "invokes", "invoked", "invoking"))


_OWNERS = frozenset("the his her its their our my your whose".split())


def _count_after_rank(r: Tokens, i: int, j: int) -> bool:
    """Is the ordinal word at i..j-1 "first" of "the first two years" (a count follows it, and
    the count is the figure)? Not a rank said of what follows as one thing ("the 21st two-day
    summit", "the third 100-year flood"), nor periods ("the first three quarters of the year"),
    nor a place in a race ("finished second 3 minutes behind"): only after "the" or an owner."""
    T, L, n = r.T, r.L, r.n
    if not (T[i].isalpha() and j < n and (T[j].isdigit() or L[j] in SMALL_WORDS)) or \
            L[j] in ("one", "a"):
        return False
    if r.glued(j, j + 1) and (T[j + 1][:1].isalpha() or T[j + 1] in DASHES):
        return False
    if r.word(j + 1) in DENOMS:
        return False
    before = r.word(i - 1)
    return before in _OWNERS or before.endswith(("'s", "’s"))


def ordinal(r: Tokens, i: int, j: int, v: float) -> Outcome:
    """A rank at tokens i..j-1 ("third", "21st"), or a date ("21st March")."""
    T, L, n = r.T, r.L, r.n
    if j < n and r.is_month(j) and v <= 31:
        return day_month(r, i, int(v), j)
    end = j - 1
    if _count_after_rank(r, i, j):
        # "his first two years in office", "the first 100 days": the count that follows is the
        # figure (read on from it), not a rank of years
        return r.reject(i, j, "an ordinal before a count (the first two years): the count is the figure")
    if v == 5 and r.word(i - 1) == "the" and r.word(i - 2) in _PLEAD and (
            j >= n or not T[j][:1].isalpha() or L[j] == "amendment"):
        return r.reject(i, j, "the Fifth Amendment ('take the fifth'), not a rank")
    if j < n and (T[j][:1].isupper() or L[j] == "congressional") and L[j] in DESIGNATED:
        return r.reject(i, j + 1, "a name, not a rank (83rd Street, 11th District)")
    k = j
    while k < min(n, j + 3) and T[k][:1].isupper() and T[k].isalpha() and L[k] not in DESIGNATED \
            and L[k] not in STOP:  # never "3rd Election As Parliament Dissolves"
        k += 1
    if j < k < n and T[k][:1].isupper() and L[k] in DESIGNATED:
        return r.reject(i, k + 1, "a name, not a rank (the 3rd Armored Cavalry Regiment)")
    k = j + 1 if j + 1 < n and T[j] in DASHES and r.glued(j - 1, j) else j
    if k < n and L[k] in FIXED_TERMS and (k > j or L[k] not in ("party", "parties")
                                          or r.word(i - 1) != "the"):
        return r.reject(i, k + 1, f"a fixed term, not a rank ({T[i]} {T[k]})")
    if j + 1 < n and T[j] in DASHES and r.glued(end, j) and L[j + 1] == "ever":
        end = j + 1
    if L[i - 1: i] == ["the"] and r.is_month(end + 2) and L[end + 1] == "of":
        return day_month(r, i, int(v), end + 2)
    np = noun_after(r, end + 1)
    unit = None
    if np is not None:
        unit, end = np
    return r.make(i, end, v, v, v, None, unit, Kind.ORDINAL, why="ordinal"), end + 1


def fraction(r: Tokens, i: int, num: float, k: int) -> Outcome:
    """"a third", "two-thirds", "three quarters" at tokens i..k (k = the denominator)."""
    L, n = r.L, r.n
    v = num / DENOMS[L[k]]
    end = k
    p = k + 2 if k + 2 < n and r.T[k + 1] in DASHES and r.glued(k, k + 1) else k + 1
    if L[i - 1: i] != ["the"] and r.word(p) in ("point", "points") and r.word(p + 1) != "of":
        # "a quarter point", "a quarter-point cut" (rates): a fraction of one point
        return _points(r, i, p, v, "fraction of a point")
    if L[k + 1: k + 3] in (["of", "a"], ["of", "one"]) and (size := _points_at(r, k + 3)):
        # "a quarter of a percentage point", "three-quarters of a point": a fraction of one
        # point, not a share of 25%
        return _points(r, i, k + 2 + size, v, "fraction of a percentage point")
    # "a quarter of a million"
    if L[k + 1: k + 3] in (["of", "a"], ["of", "one"]) and k + 3 < n and L[k + 3] in BIG:
        v *= BIG[L[k + 3]]
        return finish(r, i, k + 4, v, plain=False, words=True)
    pct = 100.0 * v
    qual, hfirst = hedge(r, i)
    noun = None
    j = end + 1
    if j < n and L[j] == "of":
        j += 1
        if j < n and L[j] in ("the", "its", "their", "those", "all"):
            j += 1
        np = noun_after(r, j)
        noun = r.L[np[1]] if np else None
    elif j < n and L[j] in _THRESHOLDS:
        noun = L[j]  # "a two-thirds majority", "a three-fifths vote": the share a vote needs
        end = j
    elif hedge(r, i)[0] is None and L[i - 1: i] != ["by"]:
        if not (j < n and L[j] in ("the", "its", "their")):
            return None, end + 1
    lo, hi = (math.floor(pct + EPS), math.ceil(pct - EPS)) if qual is None else \
        interval(qual, pct, Kind.PERCENT)
    return r.make(hfirst, end, pct, lo, hi, qual, "%", Kind.PERCENT, noun,
                  why="fraction as a share: a third, two-thirds of"), end + 1


_THRESHOLDS = frozenset(("majority", "supermajority", "vote"))


def _points_at(r: Tokens, k: int) -> int:
    """How many tokens "percentage point(s)" or "point(s)" take at token k, or 0."""
    if r.word(k) == "percentage" and r.word(k + 1) in ("point", "points"):
        return 2
    return 1 if r.word(k) in ("point", "points") else 0


_RATE_CUE = re.compile(r"\b(?:rates?|interest|inflation|yields?|(?-i:Fed)|federal\s+reserve|central\s+bank|"
                       r"benchmark|mortgages?|unemployment|jobless|percentage|polls?)\b", re.I)


def _points(r: Tokens, i: int, last: int, v: float, why: str) -> Outcome:
    """A fraction of one point, tokens i..last: v percentage points (0.25 of "a quarter of a
    percentage point"; of "a quarter point" when the sentence speaks of a rate or a poll),
    otherwise v points ("a half-point lead" in chess), hedged as the words before say."""
    qual, hfirst = hedge(r, i)
    pp = "percentage" in r.L[i: last + 1] or bool(_RATE_CUE.search(r.text))
    kind = Kind.PERCENT if pp else Kind.COUNT
    lo, hi = (v, v) if qual is None else interval(qual, v, kind)
    return r.make(hfirst, last, v, lo, hi, qual, "pp" if pp else "point", kind, why=why), last + 1


def half(r: Tokens, i: int) -> Outcome | None:
    """"half the voters" (50%), "half a million", "half a dozen", "half an hour"."""
    L, n = r.L, r.n
    nxt = L[i + 1] if i + 1 < n else ""
    p = i + 2 if i + 2 < n and r.T[i + 1] in DASHES and r.glued(i, i + 1) else i + 1
    if L[i - 1: i] == ["a"] and r.word(p) in ("point", "points") and r.word(p + 1) != "of":
        return _points(r, i - 1, p, 0.5, "a half point")  # "a half-point increase" (rates)
    if r.word(p) == "dozen" and not (i > 0 and L[i - 1] in ("second", "first", "in", "one")):
        return finish(r, i, p + 1, 6.0, plain=False, words=True)  # "a half-dozen senators": six
    if i > 0 and L[i - 1] in ("a", "second", "first", "in", "the", "one"):
        return None
    if nxt in ("a", "an") and (size := _points_at(r, i + 2)):
        return _points(r, i, i + 1 + size, 0.5, "half a percentage point")
    if nxt in ("a", "an") and i + 2 < n:
        w = L[i + 2]
        if w in BIG:
            return finish(r, i, i + 3, 0.5 * BIG[w], plain=False, words=True)
        if w == "dozen":
            return finish(r, i, i + 3, 6.0, plain=False, words=True)
        m = DUR_RE.match(r.text, r.E[i + 1])
        if m:
            u = DUR_ALIASES.get(m.group(2).lower(), m.group(2).lower())
            u = u[:-1] if u.endswith("s") else u
            if u in DURATIONS:
                # "half an hour", "half a century ago" (a date, as "50 years ago")
                return units(r, i, i + 1, 0.5, None, None, None, 1.0, ["half a time unit"])
        return None
    if nxt in ("of", "the", "its", "their", "his", "her", "our", "all", "them"):
        qual, hfirst = hedge(r, i)
        k = i + 1
        if L[k] == "of":
            k += 1
        if k < n and L[k] in ("the", "its", "their", "his", "her", "our", "all"):
            k += 1
        np = noun_after(r, k)
        lo, hi = interval(qual, 50.0, Kind.PERCENT)
        return r.make(hfirst, i, 50.0, lo, hi, qual, "%", Kind.PERCENT,
                      r.L[np[1]] if np else None, why="half of: 50%"), i + 1
    return None


def vague(r: Tokens, i: int) -> Outcome | None:
    """"hundreds of", "dozens of", "tens of thousands", "hundreds of thousands"."""
    L, n = r.L, r.n
    w = L[i]
    k = i + 1
    if w == "tens" or (w in ("hundreds", "dozens") and L[k: k + 1] == ["of"]
                       and k + 1 < n and L[k + 1] in ("thousands", "millions", "billions")):
        if not (L[k: k + 1] == ["of"] and k + 1 < n
                and L[k + 1] in ("thousands", "millions", "billions")):
            return None
        base = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}[L[k + 1]]
        mult = {"tens": 10.0, "hundreds": 100.0, "dozens": 12.0}[w]
        lo, hi = 2 * mult * base, 10 * mult * base - 1
        if w == "dozens":
            lo, hi = 24 * base, 99 * base
        end = k + 1
    else:
        if i > 0 and L[i - 1] in ("the", "in", "by"):
            return None
        lo, hi = VAGUE[w]
        end = i
    _, hfirst = hedge(r, i)
    unit = None
    last = end
    if L[end + 1: end + 2] == ["of"]:
        k = end + 2
        if k < n and L[k] in ("the", "those", "these", "its", "their"):
            k += 1
        np = noun_after(r, k)
        if np is not None:
            unit, last = np
    elif L[end + 1: end + 2] == ["more"]:
        last = end + 1
        np = noun_after(r, end + 2)
        if np is not None:
            unit, last = np
    else:
        np = noun_after(r, end + 1)
        if np is not None:
            unit, last = np
    if unit is None:
        unit = noun_left(r, hfirst)
    event = event_after(r, last + 1) or event_left(r, hfirst)
    return r.make(hfirst, last, lo, lo, hi, Q.VAGUE, unit, Kind.COUNT, None, event,
                  why="vague amount: hundreds of, tens of thousands"), last + 1


def several(r: Tokens, i: int) -> Outcome | None:
    """"several hundred", "a few thousand"."""
    L, n = r.L, r.n
    w = L[i]
    start = i
    if w == "few":
        if i == 0 or L[i - 1] != "a":
            return None
        start = i - 1
        if start < r.floor:
            return None
        lo_m, hi_m = 2, 5
    else:
        lo_m, hi_m = 3, 9
    k = i + 1
    if k >= n:
        return None
    sw = L[k]
    if sw == "hundred":
        base = 100.0
    elif sw in BIG:
        base = BIG[sw]
    elif sw == "dozen":
        base = 12.0
    else:
        return None
    lo, hi = lo_m * base, hi_m * base
    last = k
    unit = None
    kk = k + 1
    if L[kk: kk + 1] == ["of"]:
        kk += 1
    np = noun_after(r, kk)
    if np is not None:
        unit, last = np
    event = event_after(r, last + 1) or event_left(r, start)
    return r.make(start, last, lo, lo, hi, Q.VAGUE, unit, Kind.COUNT, None, event,
                  why="vague amount: several hundred, a few thousand"), last + 1
