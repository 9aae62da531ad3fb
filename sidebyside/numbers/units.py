"""Units after a number: durations ("six months"), ages ("aged 34", "a 34-year-old"),
measures (km, tonnes, hectares, cubic metres ...) and their conversion factors."""

from __future__ import annotations

import re

from .kinds import Kind
from .kinds import Qualifier as Q
from .lexicon import ID_WORDS, STOP
from .phrases import hedge, noun_after
from .tokens import Outcome, Tokens
from .values import interval
from .words import MONTHS, POST_HEDGES, WEEKDAY_NAMES

_AGO_HEDGED = {Q.OVER, Q.AT_LEAST, Q.NEARLY, Q.ABOUT, Q.UNDER}

DUR_RE = re.compile(
    r"(\s+|-)(seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|"
    r"years?|yrs?|decades?|centuries|century)\b(?:(-old\b|\s+old\b)|(?![-‐‑]\w))"
    r"(\s+ago\b)?", re.I)
MEASURE_RE = re.compile(
    r"(\s+|-|)(cubic\s+met(?:re|er)s?|square\s+kilomet(?:re|er)s?|square\s+miles?|"
    r"square\s+met(?:re|er)s?|sq\.?\s?km|km2|sq\.?\s?mi(?:les)?|hectares?|acres?|km/h|kph|"
    r"mph|miles?\s+(?:an|per)\s+hour|kilomet(?:re|er)s?\s+(?:an|per)\s+hour|"
    r"knots?|nautical\s+miles?|kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|"
    r"centimet(?:re|er)s?|cm|millimet(?:re|er)s?|mm|feet|foot|ft|inch(?:es)?|"
    r"kilo(?:gram)?(?:me)?s?|kg|tonnes?|metric\s+tons?|tons?|pounds?(?=\s+of\b)|(?<=-)pound|lbs?|grams?|litres?|liters?|"
    r"gallons?|barrels?|megawatts?|MW|gigawatts?|GW|kWh|MWh|GWh|TWh|"
    r"degrees?\s+(?:celsius|fahrenheit|C|F)|°\s?[CF]|degrees?|magnitude|celsius|fahrenheit|"
    r"(?-i:[CF])(?=\s*[()]))\b", re.I)  # "37.1 C (98.8 F)"
# The inches of a height: the "-11" of "5-foot-11", the " 11ins" of "5ft 11ins".
_INCHES_RE = re.compile(r"[-‐‑](1[01]|[0-9])\b(?![-‐‑.,]?\d)|\s?(1[01]|[0-9])\s?(?:in|ins|inches)\b")
DEGREE_RE = re.compile(r"\s?°\s?([CF])\b")

# Measure units: canonical name -> (dimension, factor to the dimension's base unit).
MEASURES = {
    "km": ("length", 1000.0), "mile": ("length", 1609.344), "nmi": ("length", 1852.0),
    "m": ("length", 1.0), "cm": ("length", 0.01), "mm": ("length", 0.001),
    "ft": ("length", 0.3048), "inch": ("length", 0.0254),
    "kg": ("mass", 1.0), "tonne": ("mass", 1000.0), "ton": ("mass", 907.18474), "lb": ("mass", 0.45359237),
    "g": ("mass", 0.001),
    "km2": ("area", 1e6), "sq mi": ("area", 2589988.11), "m2": ("area", 1.0),
    "ha": ("area", 1e4), "acre": ("area", 4046.8564),
    "m3": ("volume", 1000.0), "l": ("volume", 1.0), "gallon": ("volume", 3.785411784),
    "barrel": ("volume", 158.987295),
    "km/h": ("speed", 1.0), "mph": ("speed", 1.609344), "knot": ("speed", 1.852),
    "mw": ("power", 1.0), "gw": ("power", 1000.0),
    "kwh": ("energy", 1.0), "mwh": ("energy", 1e3), "gwh": ("energy", 1e6),
    "twh": ("energy", 1e9),
    "°c": ("temperature", None), "°f": ("temperature", None), "degree": ("angle", 1.0),
    "magnitude": ("magnitude", 1.0),
}
DIMENSION_LABEL = {"length": "distance", "mass": "weight", "area": "area", "volume": "volume",
                   "speed": "speed", "power": "power", "energy": "energy",
                   "temperature": "temperature", "angle": "degrees",
                   "magnitude": "magnitude"}

DURATIONS = {  # canonical unit -> days
    "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "night": 1.0,
    "week": 7.0, "month": 30.4375, "year": 365.25, "decade": 3652.5, "century": 36525.0,
}
DUR_ALIASES = {"min": "minute", "mins": "minute", "hr": "hour", "hrs": "hour", "yr": "year",
               "yrs": "year", "centuries": "century", "fortnight": "fortnight"}


def measure_unit(raw: str) -> str | None:
    w = " ".join(raw.lower().replace(".", "").split())
    if w.startswith("metric ton"):
        return "tonne"
    if w.startswith("cubic"):
        return "m3"
    if w.startswith("square kilomet") or w in ("sq km", "sqkm", "km2"):
        return "km2"
    if w.startswith("square mile") or w.startswith("sq mi") or w.startswith("sqmi"):
        return "sq mi"
    if w.startswith("square met"):
        return "m2"
    if w.startswith("hectare"):
        return "ha"
    if w.startswith("acre"):
        return "acre"
    if w in ("km/h", "kph"):
        return "km/h"
    if w == "mph" or (w.startswith("mile") and w.endswith("hour")):
        return "mph"  # one unit per spelling: "miles an hour", "miles per hour"
    if w.startswith("kilomet") and w.endswith("hour"):
        return "km/h"
    if w.startswith("knot"):
        return "knot"
    if w.startswith("nautical"):
        return "nmi"
    if w.startswith("kilomet") or w == "km":
        return "km"
    if w.startswith("mile"):
        return "mile"
    if w.startswith("centimet") or w == "cm":
        return "cm"
    if w.startswith("millimet") or w == "mm":
        return "mm"
    if w.startswith("met"):
        return "m"
    if w in ("feet", "foot", "ft"):
        return "ft"
    if w.startswith("inch"):
        return "inch"
    if w.startswith("kilo") or w == "kg":
        return "kg"
    if w.startswith("tonne"):
        return "tonne"
    if w.startswith("ton"):
        return "ton"  # a short ton in American use, a long one in British, often a tonne
    if w.startswith("pound") or w.startswith("lb"):
        return "lb"
    if w.startswith("gram"):
        return "g"
    if w.startswith("lit"):
        return "l"
    if w.startswith("gallon"):
        return "gallon"
    if w.startswith("barrel"):
        return "barrel"
    if w.startswith("megawatt") or w == "mw":
        return "mw"
    if w.startswith("gigawatt") or w == "gw":
        return "gw"
    if w in ("kwh", "mwh", "gwh", "twh"):
        return w
    if w.startswith("degree"):
        if w.endswith(("celsius", " c")):
            return "°c"
        if w.endswith(("fahrenheit", " f")):
            return "°f"
        return "degree"
    if w.startswith("°"):
        return "°" + w[-1]
    if w in ("celsius", "c"):
        return "°c"
    if w in ("fahrenheit", "f"):
        return "°f"
    if w == "magnitude":
        return "magnitude"
    return None


_PLACE_WORDS = frozenset("in at from near across outside inside of among".split())
_NOT_WHO = frozenset(MONTHS) | frozenset(WEEKDAY_NAMES) | frozenset("year years said says".split())


# People a news story names by what they are, set off with their age: "the man, 34, was".
_PERSON_NOUNS = frozenset("""man woman boy girl teenager teen youth victim suspect driver
passenger pilot mother father son daughter wife husband officer worker student resident
gunman attacker shooter defendant patient""".split())


# After a name and its age in brackets, British style: "Smith (34) was jailed", "Smith (34), of".
_AFTER_AGE = frozenset("""was is has had of from who said says died appeared admitted denied
pleaded will would , were are""".split())
_BRACKETED = re.compile(r"\(\s*\d{1,3}\s*\)")


def _bracketed_age(r: Tokens, first: int, nxt: str) -> bool:
    """"Smith (34) was jailed": one number in brackets in the sentence, after a name that is no
    identifier's word ("Section (34)", "Exhibit (3)"), before a verb or "of"; never a score
    ("Arsenal (2) beat Chelsea (1)") or a list ("Labour (34), Conservative (20)")."""
    return nxt.lower() in _AFTER_AGE and r.L[first - 2] not in ID_WORDS and \
        len(_BRACKETED.findall(r.text)) == 1


_PARTY_TAG = re.compile(r"\s?[DRI]\s?[-–]\s?[A-Z]")


def _after_party_tag(r: Tokens, first: int) -> str | None:
    """The name before a party tag right before ", 84,": "Maxine Waters (D-Calif.), 84," gives
    "maxine waters"; None when the comma does not follow such a tag."""
    if r.word(first - 1) != "," or first < 3 or r.T[first - 2] != ")":
        return None
    k = first - 3
    while k > 0 and first - k < 10 and r.T[k] != "(":
        k -= 1
    if k < 1 or r.T[k] != "(" or not _PARTY_TAG.match(r.text, r.E[k]):
        return None
    name = r.T[k - 1]
    if not (name.isalpha() and name[0].isupper()):
        return None
    if k >= 2 and r.T[k - 2].isalpha() and r.T[k - 2][0].isupper() and r.L[k - 2] not in STOP:
        return f"{r.L[k - 2]} {r.L[k - 1]}"
    return r.L[k - 1]


_NAME_SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV"))


def _apposed(r: Tokens, first: int, last: int, v: float, qual: str | None) -> str | None:
    """"Paul Durousseau, 30, was charged", "the aide, 31, said": a whole number set off by commas
    after a name or a noun, with a word after it, is the age of who comes before it. Returns
    whose (the name or word before the comma, lower case), or None ("in March, 30, 40 and 50": a list)."""
    if qual is not None or first != last or not r.T[first].isdigit() or not 1 <= v <= 120:
        return None
    if (r.word(first - 1), r.word(last + 1)) not in ((",", ","), ("(", ")")) or first < 2 \
            or last + 2 >= r.n:
        return None
    party = _after_party_tag(r, first)
    if party is not None and r.T[last + 2][:1].isalpha():
        return party  # "Rep. Maxine Waters (D-Calif.), 84, objected"
    w = first - 2  # the name's last word, past a suffix: "Cesar Sayoc Jr., 56,"
    if r.T[w] == "." and w >= 2 and r.T[w - 1] in _NAME_SUFFIXES:
        w -= 2
    elif r.T[w] in _NAME_SUFFIXES and w >= 1:
        w -= 1
    who, nxt = r.T[w], r.T[last + 2]
    if w == first - 2 and r.L[w] in _PERSON_NOUNS and r.word(w - 1) in ("the", "a", "an") \
            and nxt[:1].isalpha():
        return r.L[w]  # "The man, 34, was arrested": a person, not a name
    if r.word(first - 1) == "(" and not _bracketed_age(r, first, nxt):
        return None
    if not (who.isalpha() and who[0].isupper() and (nxt[:1].isalpha() or nxt == ",")) or \
            r.L[w] in _NOT_WHO or r.L[w] in STOP:
        return None  # a name, never "Of the 40 injured, 12, including three children"
    k = w - 1
    if k >= 0 and r.L[k] in _PLACE_WORDS:
        return None  # "In Baghdad, 12, including a child, were killed": a place
    # a full name, when there is one: "Suarez Acosta, 22" and "Martinez Acosta, 27" are two men
    if k >= 0 and r.T[k].isalpha() and r.T[k][0].isupper() and r.L[k] not in STOP:
        return f"{r.L[k]} {r.L[w]}"
    return r.L[w]


# A quake's size: "a magnitude 6.1 earthquake", "a 5.6-magnitude quake", "a 6.1 quake" (a
# fraction of a quake is no count), "measured 4.5 on the Richter scale".
QUAKES = frozenset(("quake", "quakes", "earthquake", "earthquakes", "tremor", "tremors", "temblor",
                    "temblors", "aftershock", "aftershocks"))
_RICHTER_RE = re.compile(r"\s+(?:degrees?\s+)?on\s+the\s+richter\s+scale\b", re.I)


def _magnitude(r: Tokens, first: int, last: int, v: float) -> int | None:
    """The last token of a quake's magnitude read at tokens first..last, or None."""
    if not 0 < v < 10:
        return None
    if r.word(first - 1) == "magnitude" or (
            r.word(first - 1) in ("-", "‐", "of") and r.word(first - 2) == "magnitude"):
        return last
    m = _RICHTER_RE.match(r.text, r.E[last])
    if m:
        return r.tok_at(m.end()) - 1
    if "." in r.T[last] and r.word(last + 1) in QUAKES:  # "a 6.1 quake", "a 7.0 quake"
        return last
    if "." in r.T[last] and _measured_quake(r, first) and not (
            (m := MEASURE_RE.match(r.text, r.E[last])) and m.group(2).lower() != "magnitude"):
        return last  # never "a crack measuring 3.5 metres"
    return None


_MEASURING = frozenset(("measuring", "measured", "registering", "registered"))


def _measured_quake(r: Tokens, first: int) -> bool:
    """"two quakes, measuring 7.6 and 7.4": a decimal after "measuring" (or after one such
    decimal and "and"/"or") with a quake named just before."""
    k = first - 1
    if r.word(k) in ("and", "or") and "." in r.word(k - 1) and r.word(k - 1)[0].isdigit():
        k -= 2
    if r.word(k) not in _MEASURING:
        return False
    return any(r.word(j) in QUAKES for j in range(max(0, k - 4), k))


def units(r: Tokens, first: int, last: int, v: float, lo: float | None, hi: float | None,
          qual: str | None, factor: float, before: list[str] | None = None) -> Outcome | None:
    """Durations, ages, relative dates and measures after a number; None if none."""
    L, E, n, text = r.L, r.E, r.n, r.text
    pos = E[last]
    aged = r.word(hedge(r, first)[1] - 1)
    m = DUR_RE.match(text, pos)
    if m:
        u = m.group(2).lower()
        u = DUR_ALIASES.get(u, u)
        if u.endswith("s") and u != "fortnights":
            u = u[:-1]
        mult = 1.0
        if u in ("fortnight", "fortnights"):
            u, mult = "week", 2.0
        end = r.tok_at(m.end()) - 1
        if m.group(3) or aged in ("aged", "age", "ages"):
            years = v * mult * DURATIONS[u] / 365.25
            if u == "year":
                years = v
            if lo is not None:
                lo, hi = lo * years / v if v else 0.0, hi * years / v if v else 0.0
            return finish_simple(r, first, end, years, lo, hi, qual, "year", Kind.AGE,
                                 "age: years old, or aged before the number", before)
        if m.group(4):
            years = -v * mult * DURATIONS[u] / 365.25
            if u == "year":
                years = -v
            elif u == "month":
                years = -v / 12
            length = mult * DURATIONS[u] / 365.25 if u not in ("year", "month") else (
                1.0 if u == "year" else 1 / 12)
            lo_, hi_ = years, years + length
            hq, hstart = hedge(r, first)
            if hq in _AGO_HEDGED and qual is None:
                # "more than two years ago": earlier than two years back; the hedge stays in
                # the span and in the period, so "two years ago" vs it is a different date
                glo, ghi = interval(hq, -years)
                lo_, hi_, first = -ghi, -glo, hstart
            return r.make(first, end, years, lo_, hi_, Q.RELATIVE, "date",
                          Kind.DATE, why="relative date: a duration, then 'ago'"), end + 1
        if m.group(1) == "-" and r.glued(last, last + 1) is False:
            return None
        return finish_simple(r, first, end, v * mult, lo if lo is None else lo * mult,
                             hi if hi is None else hi * mult, qual, u, Kind.DURATION,
                             "duration: a time unit follows", before)
    quake = _magnitude(r, first, last, v)
    if quake is not None:
        return finish_simple(r, first, quake, v, lo, hi, qual, "magnitude", Kind.MEASURE,
                             "measure: a quake's magnitude", before)
    if aged in ("aged", "age", "ages") or (
            r.word(first - 1) == "between" and r.word(first - 2) in ("aged", "ages")):
        return finish_simple(r, first, last, v, lo, hi, qual, "year", Kind.AGE,
                             "age: 'aged' before the number", before)
    who = _apposed(r, first, last, v, qual)
    if who is not None:
        q, nxt = finish_simple(r, first, last, v, lo, hi, qual, "year", Kind.AGE,
                               f"age: set off by commas after a name ({who})", before)
        q.noun = who
        return q, nxt
    m = MEASURE_RE.match(text, pos)
    if m is None and text.startswith("°", pos):
        m = DEGREE_RE.match(text, pos)
        if m:
            end = r.tok_at(m.end()) - 1
            return finish_simple(r, first, end, v, lo, hi, qual, "°" + m.group(1).lower(),
                                 Kind.MEASURE, "measure: a degree sign follows", before)
    if m:
        u = measure_unit(m.group(2))
        if u is not None:
            end = r.tok_at(m.end()) - 1
            inches = _INCHES_RE.match(text, m.end()) if u == "ft" else None
            if inches and (inches.group(2) or m.group(1) != " ") and lo is None and hi is None \
                    and qual is None:
                # "5-foot-11", "6-foot-9", "5ft 11ins": a height in feet and inches
                return finish_simple(r, first, r.tok_at(inches.end()) - 1,
                                     v + int(inches.group(1) or inches.group(2)) / 12, lo, hi, qual,
                                     u, Kind.MEASURE, "measure: a height in feet and inches", before)
            return finish_simple(r, first, end, v, lo, hi, qual, u, Kind.MEASURE,
                                 "measure: a unit follows", before)
    # "100m" (metres) when "m" did not mean million
    k = last + 1
    if k < n and L[k] == "m" and r.glued(last, k) and factor == 1.0:
        return finish_simple(r, first, k, v, lo, hi, qual, "m", Kind.MEASURE,
                             "measure: metres ('m' glued, no scale)", before)
    return None


def finish_simple(r: Tokens, first: int, end: int, v: float, lo: float | None, hi: float | None,
                  qual: str | None, unit: str, kind: Kind, why: str,
                  before: list[str] | None = None) -> Outcome:
    """Hedge on the left and interval for durations, ages and measures. `why` names the unit
    found, `before` what the number's reading had found already (a range, a hedge)."""
    n = r.n
    reasons = [*before, why] if before else [why]
    hfirst = first
    if qual is None:
        hq, hstart = hedge(r, first, kind)
        if hq:
            qual, hfirst = hq, hstart
            reasons.append(f"hedge on the left: {hq}")
        elif end + 2 < n:
            hq = POST_HEDGES.get((r.L[end + 1], r.L[end + 2]))
            if hq and r.L[end + 1] == "or" and r.word(end + 3) != "than":
                qual = hq
                end += 2
                reasons.append(f"hedge after: {hq}")
    elif qual == Q.RANGE and r.word(first - 1) == "between":
        hfirst = first - 1
    if kind == Kind.AGE:
        k = hfirst - 1
        if k >= r.floor and r.L[k] in ("aged", "age", "ages"):
            hfirst = k
        elif k - 1 >= r.floor and r.L[k] == "between" and r.L[k - 1] in (
                "aged", "ages"):
            hfirst = k - 1
    if qual != Q.RANGE:
        lo, hi = interval(qual, v, kind)
    noun = None
    if kind == Kind.MEASURE and r.word(end + 1) == "of":
        np = noun_after(r, end + 2)
        noun = r.L[np[1]] if np else None
    return r.make(hfirst, end, v, lo, hi, qual, unit, kind, noun, why=reasons), end + 1
