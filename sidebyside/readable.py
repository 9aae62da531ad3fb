"""Figures, hedges and match reasons in plain words, for the detail view and a disagreement's why.

The engine keeps figures as floats with a qualifier code ("value 8.21453e+06", "qualifier
about", a date as a fraction of a year); a reporter wants "$8,214,530 ≈ $8.2 million", "about
600 troops", "a date: July 2026". The match reason lists normalised terms; only words a reader
can find in one of the two sentences are shown.
"""

from __future__ import annotations

import calendar
import datetime
import re

HEDGES = {
    "about": "about",
    "over": "more than",
    "under": "fewer than",
    "at least": "at least",
    "at most": "at most",
    "up to": "up to",
    "nearly": "nearly",
    "vague": "an unspecified number, at least",
    "by": "by",
    "since": "since",
    "relative": "relative to the day of writing",
}

_HEDGE_CODE = re.compile(r"'(about|over|under|nearly|at least|at most|up to)'")


def plain_hedges(note: str) -> str:
    """A verdict's note with its quoted hedge codes in plain words: "different hedges ('about'
    vs 'over')" -> "different hedges (about vs more than)"."""
    return _HEDGE_CODE.sub(lambda m: HEDGES[m.group(1)], note)


def number(x: float) -> str:
    """12345.0 -> '12,345'; 8214530 -> '8,214,530 ≈ 8.2 million'; 0.43 -> '0.43'."""
    if x != x or x in (float("inf"), float("-inf")):
        return "?"
    if abs(x - round(x)) < 1e-9 and abs(x) < 1e15:
        text = f"{round(x):,}"
    else:
        text = f"{x:,.4f}".rstrip("0").rstrip(".")
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= size:
            short = f"{x / size:.1f}".rstrip("0").rstrip(".")
            return f"{text} ≈ {short} {word}" if text != f"{short}" else text
    return text


def _money(x: float, unit: str | None) -> str:
    sign = {"usd": "$", "gbp": "£", "eur": "€", "jpy": "¥"}.get((unit or "").lower())
    if sign is None:
        return f"{number(x)} {unit or ''}".strip()
    return sign + number(x).replace(" ≈ ", " ≈ " + sign)


def _date(value: float, qualifier: str | None, span: float | None = None) -> str:
    """A date as the reader encodes it (year + the day of the year - 1 over the days in it; a
    month at twelfths; no year: the fraction alone), said as a reader says it. `span` (the
    figure's high - low) tells a day from a month that starts on the same twelfth ("March 2,
    2024" is 2/12 of a leap year in, as "March 2024" is); without it, a twelfth is a month."""
    if qualifier == "relative":
        return "a date relative to the day of writing"
    year = int(value // 1)
    frac = value - year
    dated = year > 0  # "June 4" with no year is a fraction of a year alone
    in_year = f" {year}" if dated else ""
    if span is not None and span >= 9:
        return f"a date in the {year}s"
    if span is not None and span >= 0.9 or span is None and abs(frac) < 1e-9:
        return f"a date in {year}" if dated else "a date"
    months = frac * 12
    if span is not None and span >= 0.2 or span is None and abs(frac - 0.5) < 1e-9:
        if qualifier in ("early", "late") and dated:
            return f"a date in {qualifier} {year}"  # "late 2009", not "November 2009"
        if abs(frac - 0.5) < 1e-9:
            return f"a date in mid-{year}" if dated else "a date in mid-year"
        return f"a date in {calendar.month_name[min(12, int(months + 1e-9) + 1)]}{in_year}"
    if span is not None and span >= 0.05 or span is None and abs(months - round(months)) < 1e-6:
        # a month, no day: "June 2024" is 5/12 of the year
        return f"a date in {calendar.month_name[min(12, int(round(months)) + 1)]}{in_year}"
    # a day ("June 1, 2024"; a leap year when none is named)
    days = 366 if not dated or calendar.isleap(year) else 365
    day = datetime.date(year if dated else 2000, 1, 1) + datetime.timedelta(
        days=min(days - 1, max(0, round(frac * days))))
    named = f"{calendar.month_name[day.month]} {day.day}"
    return f"{named}, {year}" if dated else named


def quantity(text: str, value: float, qualifier: str | None, unit: str | None,
             kind: str | None = None, event: str | None = None, span: float | None = None) -> str:
    """“some 600 North Korean troops” read as: about 600 troops (killed)."""
    return f"“{text}” read as {reading(value, qualifier, unit, kind, event, span)}"


def reading(value: float, qualifier: str | None, unit: str | None,
            kind: str | None = None, event: str | None = None, span: float | None = None) -> str:
    """about 600 troops (killed); $8,214,530 ≈ $8.2 million; a date in July 2026 (`span`: a
    date's high - low, telling a day from a month)."""
    if kind == "date" or unit in ("date", "weekday"):
        read = calendar.day_name[int(value) % 7] if unit == "weekday" \
            else _date(value, qualifier, span)
        hedge = HEDGES.get(qualifier or "", "")
        if qualifier and qualifier != "relative" and hedge:
            read = f"{hedge} {read}"
        return read
    if kind == "money":
        amount = _money(value, unit)
    elif kind == "percent" or unit == "%":
        amount = f"{number(value)} percent"
    elif unit == "magnitude":
        amount = f"magnitude {number(value)}"
    elif kind == "age":
        amount = f"aged {number(value)}"
    else:
        amount = number(value) + (f" {_plural(unit, value)}" if unit else "")
    hedge = HEDGES.get(qualifier or "", qualifier or "")
    read = f"{hedge} {amount}".strip() if hedge else amount
    if event:
        read += f" ({event})"
    return read


# Units written as abbreviations take no plural: "70 mph", "12 km", "3 kg".
_ABBREVIATED = frozenset("km nmi m cm mm ft kg lb g ha l mph mw gw kwh mwh gwh twh usd".split())


def _plural(unit: str, value: float) -> str:
    if unit == "person" and value != 1:
        return "people"
    if value == 1 or not unit.isalpha() or unit.endswith("s") or unit in _ABBREVIATED:
        return unit
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + ("es" if unit.endswith(("ch", "sh", "x")) else "s")


_WORD = re.compile(r"[\w'’-]+")


def plain_why(why: str, a: str, b: str) -> str:
    """The match reason with only words found in one of the sentences (stems and folded
    synonyms dropped), in plain words: 'both say …; only the other says …'."""
    if not why:
        return ""
    words = {w.lower() for w in _WORD.findall(a + " " + b)}
    out = []
    for part in why.split("; "):
        head, _, rest = part.partition(" ")
        if head in ("shares", "adds") or part.startswith("other adds"):
            if part.startswith("other adds"):
                head, rest = "other adds", part[len("other adds "):]
            kept = [t for t in rest.split(", ") if t.lower() in words]
            if not kept:
                continue
            label = {"shares": "both say", "other adds": "only the other says",
                     "adds": "only this one says"}[head]
            out.append(f"{label} {', '.join(kept)}")
        else:
            out.append(part)
    return "; ".join(out)
