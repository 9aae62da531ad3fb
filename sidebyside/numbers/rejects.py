"""Numbers in digits that are not quantities: identifiers (G7, F-16, Article 5, No. 3), parts of
paths and fractions (9/11), times of day (4:40 a.m.), and the forms read elsewhere (ordinals
"7th", decades "1990s").

`RULES` run in order on the number at token i; the first to return an `Outcome` settles it
(a `Tokens.reject` with its reason, or a reading of another kind); None: the next rule.
"""

from __future__ import annotations

from collections.abc import Callable

from .dates import date_period
from .forms import ordinal
from .lexicon import ID_WORDS
from .tokens import DASHES, Outcome, Tokens

# Letters allowed glued to digits ("2bn", "7th", "1990s", "100km"); anything else is an identifier.
GLUED_OK = {"bn", "b", "m", "mn", "mln", "k", "tn", "km", "kg", "cm", "mm", "ft", "mph", "kph",
            "kmh", "mw", "gw", "kwh", "mwh", "gwh", "twh", "h", "hr", "hrs", "min", "mins",
            "yr", "yrs", "ha", "lb", "lbs", "st", "nd", "rd", "th", "s", "am", "pm"}
_DATE_PREFIXES = ("mid", "early", "late", "end", "pre", "post", "start")

Rule = Callable[[Tokens, int], Outcome | None]


def glued_to_letters(r: Tokens, i: int) -> Outcome | None:
    """G7, MH17, A320."""
    if i > 0 and r.E[i - 1] == r.S[i] and r.T[i - 1][0].isalpha() and r.T[i - 1] != "mid":
        return r.reject(i, i + 1, "identifier: letters glued on the left (G7, MH17)")
    return None


def number_sign(r: Tokens, i: int) -> Outcome | None:
    """#3, №3."""
    if i > 0 and r.T[i - 1] in ("#", "№"):
        return r.reject(i, i + 1, "identifier: a number sign on the left")
    return None


def hyphenated_name(r: Tokens, i: int) -> Outcome | None:
    """COVID-19, F-16 (not mid-2026, pre-2020)."""
    T = r.T
    if (i > 1 and T[i - 1] in DASHES and r.glued(i - 1, i) and r.glued(i - 2, i - 1)
            and T[i - 2][0].isalpha() and r.L[i - 2] not in _DATE_PREFIXES):
        return r.reject(i, i + 1, "designation: a name, a dash, a number (F-16, COVID-19)")
    return None


def identifier_word(r: Tokens, i: int) -> Outcome | None:
    """Article 5, page 3, Route 66, Boeing 737 (but "a number 5" in lower case is a figure)."""
    if i > 0:
        w = r.L[i - 1]
        if w in ID_WORDS and not (w in ("number", "figure", "code") and r.T[i - 1][0].islower()):
            return r.reject(i, i + 1, f"identifier: '{r.T[i - 1]}' before the number")
    return None


def abbreviated_identifier(r: Tokens, i: int) -> Outcome | None:
    """No. 3, Vol. 2, p. 14, Art. 5."""
    if i > 1 and r.T[i - 1] == "." and r.L[i - 2] in ("no", "nos", "vol", "p", "pp", "art", "sec"):
        return r.reject(i, i + 1, f"identifier: '{r.T[i - 2]}.' before the number")
    return None


def after_slash(r: Tokens, i: int) -> Outcome | None:
    """The 11 of 9/11, the 3 of 1/3, numbers in paths and URLs."""
    if i > 0 and r.T[i - 1] in ("/", "\\") and r.E[i - 1] == r.S[i]:
        return r.reject(i, i + 1, "after a slash: a date, a fraction or a path")
    return None


def slashed(r: Tokens, i: int) -> Outcome | None:
    """9/11, 24/7 (a year range such as 2019/20 is read as a date)."""
    T, j, n = r.T, i + 1, r.n
    if j + 1 < n and T[j] == "/" and r.glued(i, j) and r.glued(j, j + 1) and not (
            len(T[i]) == 4 and len(T[j + 1]) in (2, 4) and T[j + 1].isdigit()):
        return r.reject(i, j + 2, "slashed numbers: a date or a fraction")
    return None


def time_of_day(r: Tokens, i: int) -> Outcome | None:
    """4:40, 4:40 a.m., 4 pm, 4 p.m."""
    T, L, n, j = r.T, r.L, r.n, i + 1
    if j >= n:
        return None
    if T[j] == ":" and r.glued(i, j) and j + 1 < n and T[j + 1].isdigit() and r.glued(j, j + 1):
        k = j + 2
        while k < n and (L[k] in ("am", "pm", "a", "p", "m", ".") and k < j + 6):
            k += 1
        return r.reject(i, k, "time of day (4:40 a.m.)")
    if L[j] in ("am", "pm") or (L[j] in ("a", "p") and j + 2 < n and T[j + 1] == "."
                               and L[j + 2] == "m"):
        return r.reject(i, j + 1, "time of day (4 pm)")
    return None


def letters_after(r: Tokens, i: int) -> Outcome | None:
    """Letters glued on the right: an ordinal (7th), a decade (1990s), a unit or scale (2bn,
    100km); anything else (3D, 5G, 737MAX) is an identifier."""
    T, L, j = r.T, r.L, i + 1
    if not (j < r.n and r.glued(i, j) and T[j][0].isalpha()):
        return None
    raw, suf = T[i], L[j]
    if suf in ("st", "nd", "rd", "th") and raw.isdigit():
        return ordinal(r, i, j + 1, float(raw))
    if suf == "s" and raw.isdigit():
        if len(raw) == 4 and raw.endswith("0") and 1800 <= int(raw) <= 2190:
            y = int(raw)
            return date_period(r, i, j, float(y), y + 10.0, why="decade (the 1990s)")
        return r.reject(i, j + 1, "a plural of a number (the 60s, 747s)")
    if suf not in GLUED_OK:
        return r.reject(i, j + 1, "identifier: letters glued on the right (3D, 5G)")
    return None


RULES: tuple[Rule, ...] = (
    glued_to_letters, number_sign, hyphenated_name, identifier_word, abbreviated_identifier,
    after_slash, slashed, time_of_day, letters_after,
)
