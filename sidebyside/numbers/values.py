"""Values: numbers written in words, scale words ("2.5 million", "$3bn"), the interval a hedge
allows around a figure."""

from __future__ import annotations

import math
from functools import lru_cache

from .kinds import Qualifier as Q
from .lexicon import pluralish
from .tokens import DASHES, Tokens
from .words import BIG, CUR_WORDS, ORD_UNITS, SMALL_WORDS, TEENS, TENS, UNITS

SCALE_ABBR = {"bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "crore": 1e7, "lakh": 1e5}


@lru_cache(maxsize=65536)
def place(v: float) -> float:
    """The place of the last significant digit: 600 -> 100, 4683 -> 1, 1.5e6 -> 1e5."""
    v = abs(v)
    if v < 1e-9:
        return 1.0
    k = math.floor(math.log10(v))
    while k > -7:
        p = 10.0**k
        r = v / p
        if abs(r - round(r)) < 1e-6:
            return p
        k -= 1
    return 1e-6


def over_step(v: float) -> float:
    """How far above v "over v" reaches: one unit of v's leading digit, at most half of v."""
    v = abs(v)
    if v < 1e-9:
        return 1.0
    return min(10.0 ** math.floor(math.log10(v)), 0.5 * v)


def interval(qual: str | None, v: float, kind: str = "count") -> tuple[float, float]:
    """[low, high] the qualifier allows around v (the module docstring has the table)."""
    if qual == Q.ABOUT:
        tol = max(0.1 * abs(v), min(place(v) / 2, 0.25 * abs(v)))
        lo, hi = v - tol, v + tol
    elif qual == Q.NEARLY:
        lo, hi = 0.9 * v, v
    elif qual in (Q.OVER, Q.AT_LEAST):
        lo, hi = v, v + over_step(v)
    elif qual in (Q.UNDER, Q.UP_TO):
        lo, hi = 0.0, v
    else:
        lo, hi = v, v
    if kind == "percent" and hi > 100 >= v:
        hi = 100.0
    return lo, hi


def spelled(r: Tokens, i: int) -> tuple[float, int, bool] | None:
    """A number in words from token i: (value, end, is_ordinal) or None."""
    L, n = r.L, r.n
    total = 0.0
    cur = 0.0
    last = None
    big_prev = math.inf
    j = i
    end = i
    if L[i] in ("a", "an"):
        cur, last, j, end = 1.0, "u", i + 1, i + 1
    while j < n:
        w = L[j]
        if w in UNITS:
            if last in ("u", "t") or (last == "h" and cur % 100):
                break
            cur += UNITS[w]
            last = "u"
        elif w in TEENS:
            if last in ("u", "t", "x") or (last == "h" and cur % 100):
                break
            cur += TEENS[w]
            last = "t"
        elif w in TENS:
            if last in ("u", "t", "x") or (last == "h" and cur % 100):
                break
            cur += TENS[w]
            last = "x"
        elif w == "hundred":
            if last not in ("u", "t", "x") or cur >= 100:
                break
            cur *= 100
            last = "h"
        elif w in BIG:
            s = BIG[w]
            if last not in ("u", "t", "x", "h") or s >= big_prev:
                break
            total += cur * s
            cur = 0.0
            big_prev = s
            last = "s"
        elif w == "and" and last in ("h", "s") and j + 1 < n and L[j + 1] in SMALL_WORDS \
                and not (j + 2 < n and (L[j + 2] == "hundred" and last == "h"
                                        or BIG.get(L[j + 2], 0) >= big_prev)):
            j += 1
            continue
        elif w in DASHES and last == "h" and r.glued(j - 1, j) and r.glued(j, j + 1) and (
                L[j + 1] in UNITS or L[j + 1] in TEENS or L[j + 1] in TENS):
            j += 1  # "one hundred-eighteen": the dash joins the hundreds to the rest
            continue
        elif w in DASHES and last == "x" and r.glued(j - 1, j) and r.glued(j, j + 1):
            nx = L[j + 1]
            if nx in UNITS:
                j += 1
                continue
            if nx in ORD_UNITS:
                return total + cur + ORD_UNITS[nx], j + 2, True
            break
        elif last == "x" and w in ORD_UNITS:
            return total + cur + ORD_UNITS[w], j + 1, True
        else:
            break
        j += 1
        end = j
    if last is None or (L[i] in ("a", "an") and end == i + 1):
        return None
    return total + cur, end, False


def scale(r: Tokens, v: float, j: int, money: bool, words: bool) -> tuple[float, int, float]:
    """Apply scale words after the number at token j. Returns (value, j, factor)."""
    T, L, n = r.T, r.L, r.n
    factor = 1.0
    if not words and j + 1 < n and T[j] in ("-", "‐") and L[j + 1] in BIG \
            and r.glued(j - 1, j) and r.glued(j, j + 1) and (
                money or j + 2 < n and L[j + 2] in CUR_WORDS and not r.glued(j + 1, j + 2)):
        j += 1  # "$2-million", "38-million euros", as some papers write it (not "a
        #         1.5-million-pound rocket")
    while j < n:
        w = L[j]
        glued = r.glued(j - 1, j)
        if w in BIG and not words:
            f = BIG[w]
        elif w == "hundred" and not words and factor == 1.0:
            f = 100.0
        elif w in SCALE_ABBR:
            f = SCALE_ABBR[w]
        elif w == "dozen" and factor == 1.0:
            f = 12.0
        elif w in ("m", "b", "k") and glued:
            if w == "k":
                f = 1e3
            elif money:
                f = 1e6 if w == "m" else 1e9
            elif w in ("m", "b") and j + 1 < n and L[j + 1] in CUR_WORDS and L[j + 1] != "won":
                # "a 10M Euro fine": a currency's name follows (not "the 400m won gold")
                f = 1e6 if w == "m" else 1e9
            elif w == "m" and j + 1 < n and (pluralish(L[j + 1])
                                             or L[j + 1] in ("more", "new", "extra", "bpd", "bbl",
                                                             "boe", "boepd", "bcm", "mt")
                                             or L[j + 1] == "b" and j + 3 < n and T[j + 2] == "/"
                                             and L[j + 3] == "d"):
                f = 1e6  # "10m users", "10m bpd", "10m b/d": millions, not metres
            else:
                break
        elif w == "mm" and money and T[j] == "MM":
            f = 1e6  # "$160MM": the trade's "thousand thousand", not millimetres
        elif w in ("m", "b") and money and T[j] in ("m", "M", "b", "B") and not glued \
                and (j + 1 >= n or not T[j + 1][0].isalpha()):
            f = 1e6 if w == "m" else 1e9
        else:
            break
        v *= f
        factor *= f
        j += 1
        if w == "lakh" and j < n and L[j] == "crore":
            continue  # "Rs 1.5 lakh crore": a lakh of crores (1.5 trillion)
        if w in SCALE_ABBR or w in ("m", "b", "k", "mm"):
            break
    return v, j, factor


def core(r: Tokens, m: int) -> tuple[float, int, bool] | None:
    """A bare number (digits or words) at token m: (value, end, plain) or None."""
    if m >= r.n:
        return None
    t = r.T[m]
    if t[0].isdigit():
        if r.glued(m, m + 1) and r.T[m + 1][0].isalpha() and r.L[m + 1] not in (
                "bn", "m", "k", "b", "mn", "tn") and r.T[m + 1] != "MM":
            return None
        mixed = mixed_fraction(r, m)  # "between 2 1/2 and 3 1/2 years"
        if mixed is not None:
            return float(t) + mixed[0], mixed[1], False
        return float(t.replace(",", "")), m + 1, t.isdigit()
    if r.L[m] in SMALL_WORDS or r.L[m] in ("a", "an"):
        res = spelled(r, m)
        if res is not None and not res[2]:
            return res[0], res[1], False
    return None


_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}


def mixed_fraction(r: Tokens, i: int) -> tuple[float, int] | None:
    """A whole number and a fraction after it, "2 1/2", "2-1/2", "2½" (as a sentence or a share
    price writes two and a half): the fraction's value and the token after it. None with
    letters glued after it: "290-1/2p" is read as "290.5p" would be (the rules decide)."""
    T, n = r.T, r.n
    if not T[i].isdigit() or i + 1 >= n or len(T[i]) == 4 and 1000 <= int(T[i]) <= 2100:
        return None  # "In 2019 3/4 of respondents": a year, then a share
    if T[i + 1] in _VULGAR and (r.glued(i, i + 1) or r.S[i + 1] - r.E[i] == 1):
        return _unglued(r, _VULGAR[T[i + 1]], i + 2)
    k = i + 1
    if T[k] in ("-", "‑") and r.glued(i, k):
        k += 1
    elif r.S[k] - r.E[i] != 1:  # one space between the whole number and the fraction
        return None
    if k + 2 < n and T[k].isdigit() and T[k + 1] == "/" and T[k + 2] in ("2", "3", "4", "8") \
            and r.glued(k, k + 1) and r.glued(k + 1, k + 2) and (k == i + 1 or r.glued(k - 1, k)) \
            and 0 < int(T[k]) < int(T[k + 2]) and not (k + 3 < n and T[k + 3] == "/"):
        return _unglued(r, int(T[k]) / int(T[k + 2]), k + 3)
    return None


def _unglued(r: Tokens, frac: float, j: int) -> tuple[float, int] | None:
    return None if j < r.n and r.glued(j - 1, j) and r.T[j][:1].isalpha() else (frac, j)
