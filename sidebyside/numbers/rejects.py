"""Numbers in digits that are not quantities: identifiers and designations (G7, F-16, Article 5,
No. 3, pages 3-5, 737 Max, AM 570, JP:8306), bills and statutes (H.R. 3590, 18 U.S.C. 1001),
phone numbers (a local one, 688-4163, after a word of calling), dates written with slashes or dots
(9/11, 8 / 2 / 13, 4.6.2013), times of day and time zones (4:40 a.m., 14: 39 GMT, UTC+8), and
the forms read elsewhere (ordinals "7th", decades "1990s").

`RULES` run in order on the number at token i; the first to return an `Outcome` settles it
(a `Tokens.reject` with its reason, or a reading of another kind); None: the next rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .dates import date_period
from .forms import ordinal
from .lexicon import ID_WORDS
from .phrases import plural_after
from .stamps import TIME_ZONES
from .tokens import DASHES, Outcome, Tokens, glued_euro
from .words import SMALL_WORDS

# Letters allowed glued to digits ("2bn", "7th", "1990s", "100km"); anything else is an identifier.
GLUED_OK = {"bn", "b", "m", "mn", "mln", "k", "tn", "km", "kg", "cm", "mm", "ft", "mph", "kph",
            "kmh", "mw", "gw", "kwh", "mwh", "gwh", "twh", "h", "hr", "hrs", "min", "mins",
            "yr", "yrs", "ha", "lb", "lbs", "st", "nd", "rd", "th", "s", "am", "pm",
            "pc", "bp", "bps"}  # "0.3pc": per cent, as British papers write it; "25bp"
_DATE_PREFIXES = ("mid", "early", "late", "end", "pre", "post", "start")

_AM_PM = ("am", "pm", "a", "p", "m", ".")
# Words after a number that make it part of a name: "737 Max", "787 Dreamliner" (as written).
_MODEL_SUFFIXES = {"Max", "MAX", "Dreamliner", "NG", "Neo", "neo", "XL"}
# Emergency numbers before what they name: "a 999 call", "the 911 dispatcher".
_EMERGENCY = {"999", "911", "112", "000"}
_EMERGENCY_ONE = {"call", "caller", "operator", "dispatcher", "dispatch", "line", "centre", "center",
                  "system", "service", "services"}
_EMERGENCY_MANY = {"calls", "callers", "operators", "dispatchers", "lines"}
# Verbs right before which "999 calls" is a count of calls ("police received 999 calls").
_COUNTING = {"received", "receive", "receives", "took", "take", "takes", "handled", "handle",
             "handles", "logged", "fielded", "answered", "made", "make", "makes", "placed",
             "recorded", "got", "had"}
_TEL_WORDS = {"tel", "phone", "telephone", "hotline", "fax", "dial", "dialled", "dialed", "mob"}
PHONE_RE = re.compile(r"""(?:
    \+\d{1,3}(?:[ .-]\(?\d{1,4}\)?){2,5}      # +44 20 7946 0958
  | 1[ .-]\d{3}[ .-]\d{3}[ .-]\d{4}           # 1-800-273-8255
  | \(\d{3}\)\ ?\d{3}[ .-]\d{4}              # (555) 123-4567
  | \d{3}[.-]\d{3}[.-]\d{4}                   # 555-123-4567
  | 0\d{2,4}\ \d{3,4}\ \d{3,4}                # 020 7946 0958
)(?!\d)""", re.X)

Rule = Callable[[Tokens, int], Outcome | None]


def _past_range(r: Tokens, j: int) -> int:
    """After an identifier's number ending before token j: past "-5" of "pages 3-5"."""
    if j + 1 < r.n and r.T[j] in DASHES and r.T[j + 1].isdigit() and r.S[j + 1] - r.E[j] <= 1 \
            and r.S[j] - r.E[j - 1] <= 1:
        return j + 2
    return j


def _clock(h: str, m: str) -> bool:
    return h.isdigit() and m.isdigit() and len(m) == 2 and int(h) <= 24 and int(m) <= 59


def _clock_end(r: Tokens, k: int, limit: int) -> int:
    """Past what follows a clock time at token k: a.m./pm (at most up to `limit`), a time
    zone, "local time"."""
    L, n = r.L, r.n
    while k < n and L[k] in _AM_PM and k < limit:
        k += 1
    if k < n and r.T[k] in TIME_ZONES:
        k += 1
    elif k + 1 < n and L[k] == "local" and L[k + 1] == "time":
        k += 2
    return k


def glued_to_letters(r: Tokens, i: int) -> Outcome | None:
    """G7, MH17, A320."""
    if i > 0 and r.E[i - 1] == r.S[i] and r.T[i - 1][0].isalpha() and r.T[i - 1] != "mid" \
            and not glued_euro(r, i):  # "euro110 billion": a sum (finish.currency_before)
        return r.reject(i, i + 1, "identifier: letters glued on the left (G7, MH17)")
    return None


def bare_decimal(r: Tokens, i: int) -> Outcome | None:
    """A decimal with no whole part: ".290 hitter" (a batting average), "a .45-caliber pistol"
    (a calibre), never a count of what follows ("0.29" is how a figure is written)."""
    if i > 0 and r.T[i - 1] == "." and r.glued(i - 1, i) and r.T[i].isdigit() and not (
            i > 1 and r.glued(i - 2, i - 1) and r.T[i - 2][:1].isalnum()):
        return r.reject(i, i + 1, "a decimal with no whole part (a .290 hitter, a .45 calibre)")
    if i > 1 and r.T[i - 1] == "." and r.T[i].isdigit() and r.L[i - 2] in _BEFORE_BARE_DECIMAL:
        # detokenised text ("a career . 290 hitter"): the point parted from its digits
        return r.reject(i, i + 1, "a decimal with no whole part (a career . 290 hitter)")
    return None


_BEFORE_BARE_DECIMAL = frozenset(("a", "an", "the", "career", "his", "her", "their", "its"))


def version_number(r: Tokens, i: int) -> Outcome | None:
    """"the 2.6.0 kernel", "version 10.1.2": a release's number, not a figure."""
    T, n = r.T, r.n
    j = i + 1
    while j + 1 < n and T[j] == "." and r.glued(j - 1, j) and r.glued(j, j + 1) and T[j + 1].isdigit():
        j += 2
    if j > i + 1 and "." in T[i]:
        return r.reject(i, j, "a version number (2.6.0)")
    return None


def number_sign(r: Tokens, i: int) -> Outcome | None:
    """#3, №3."""
    if i > 0 and r.T[i - 1] in ("#", "№", "§"):
        return r.reject(i, i + 1, "identifier: a number sign on the left")
    return None


def hyphenated_name(r: Tokens, i: int) -> Outcome | None:
    """COVID-19, F-16 (not mid-2026, pre-2020)."""
    T = r.T
    if (i > 1 and T[i - 1] in DASHES and r.glued(i - 1, i) and r.glued(i - 2, i - 1)
            and T[i - 2][0].isalpha() and r.L[i - 2] not in _DATE_PREFIXES
            and r.L[i - 2] != "magnitude"):  # "a magnitude-7.0 quake": a measure
        return r.reject(i, i + 1, "designation: a name, a dash, a number (F-16, COVID-19)")
    return None


_SHARE_AFTER = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)", re.I)


def identifier_word(r: Tokens, i: int) -> Outcome | None:
    """Article 5, page 3, Route 66, Boeing 737 (but "a number 5" in lower case is a figure)."""
    if i > 0:
        w = r.L[i - 1]
        if w in ID_WORDS and not (w in ("number", "figure", "code") and r.T[i - 1][0].islower()) \
                and not _SHARE_AFTER.match(r.text, r.E[i]):  # "won the district 52 percent to 48"
            return r.reject(i, _past_range(r, i + 1),
                            f"identifier: '{r.T[i - 1]}' before the number")
    return None


def abbreviated_identifier(r: Tokens, i: int) -> Outcome | None:
    """No. 3, Vol. 2, p. 14, Art. 5, Apt. 4B."""
    if i > 1 and r.T[i - 1] == "." and r.L[i - 2] in ("no", "nos", "vol", "p", "pp", "art", "sec",
                                                       "apt", "ste", "rm", "bldg"):
        return r.reject(i, _past_range(r, i + 1),
                        f"identifier: '{r.T[i - 2]}.' before the number")
    return None


def after_slash(r: Tokens, i: int) -> Outcome | None:
    """The 11 of 9/11, the 3 of 1/3, numbers in paths and URLs."""
    if i > 0 and r.T[i - 1] in ("/", "\\") and r.E[i - 1] == r.S[i]:
        return r.reject(i, i + 1, "after a slash: a date, a fraction or a path")
    return None


def slashed(r: Tokens, i: int) -> Outcome | None:
    """9/11, 24/7, 8 / 2 / 13 (a year range such as 2019/20 is read as a date)."""
    T, S, E, j, n = r.T, r.S, r.E, i + 1, r.n
    if j + 1 < n and T[j] == "/" and r.glued(i, j) and r.glued(j, j + 1) and not (
            len(T[i]) == 4 and len(T[j + 1]) in (2, 4) and T[j + 1].isdigit()):
        return r.reject(i, j + 2, "slashed numbers: a date or a fraction")
    if (j + 1 < n and T[j] == "/" and S[j] - E[i] <= 1 and S[j + 1] - E[j] <= 1
            and len(T[i]) <= 2 and T[j + 1].isdigit() and len(T[j + 1]) <= 4):
        k = j + 2
        while k + 1 < n and T[k] == "/" and S[k] - E[k - 1] <= 1 and T[k + 1].isdigit() \
                and S[k + 1] - E[k] <= 1:
            k += 2
        return r.reject(i, k, "slashed numbers, spaced: a date (8 / 2 / 13) or 9 / 11")
    return None


def dotted_date(r: Tokens, i: int) -> Outcome | None:
    """4.6.2013, 04.06.13: a date written with dots."""
    T, j = r.T, i + 1
    if ("." in T[i] and j + 1 < r.n and T[j] == "." and r.glued(i, j) and r.glued(j, j + 1)
            and T[j + 1].isdigit() and len(T[j + 1]) in (2, 4)):
        return r.reject(i, j + 2, "a date written with dots (4.6.2013)")
    return None


def time_of_day(r: Tokens, i: int) -> Outcome | None:
    """4:40, 14: 39 GMT, 4:40 a.m., 4 pm, 4 p.m., 11. 30 p. m., 11.30 GMT, 1420 GMT."""
    T, L, S, E, n, j = r.T, r.L, r.S, r.E, r.n, i + 1
    if j >= n:
        return None
    if T[j] == ":" and r.glued(i, j) and j + 1 < n and T[j + 1].isdigit() and (
            r.glued(j, j + 1) or S[j + 1] - E[j] == 1 and _clock(T[i], T[j + 1])):
        return r.reject(i, _clock_end(r, j + 2, j + 6), "time of day (4:40 a.m., 14: 39 GMT)")
    if L[j] in ("am", "pm") or (L[j] in ("a", "p") and j + 2 < n and T[j + 1] == "."
                               and L[j + 2] == "m"):
        return r.reject(i, _clock_end(r, j + 1, j + 1), "time of day (4 pm)")
    if (T[j] == "." and r.glued(i, j) and j + 2 < n and S[j + 1] - E[j] <= 1
            and _clock(T[i], T[j + 1]) and (L[j + 2] in ("am", "pm", "a", "p")
                                             or T[j + 2] in TIME_ZONES)):
        return r.reject(i, _clock_end(r, j + 2, j + 8), "time of day (11. 30 p. m.)")
    if T[j] in TIME_ZONES and (
            T[i].isdigit() and (len(T[i]) <= 2 and int(T[i]) <= 24
                                or len(T[i]) == 4 and _clock(T[i][:2], T[i][2:]))
            or "." in T[i] and _clock(*T[i].split(".", 1))):
        return r.reject(i, j + 1, "time of day before a time zone (1420 GMT, 11.30 GMT)")
    if (L[j] in ("hours", "hrs", "h") and r.word(j + 1) != "of" or L[j] == "local"
            and r.word(j + 1) == "time") and len(T[i]) == 4 and T[i].isdigit() and \
            _clock(T[i][:2], T[i][2:]) and (T[i][0] == "0" or r.word(i - 1) in ("at", "by", "until",
                                                                             "till", "from", "before",
                                                                             "after", "since")):
        # "at 0400 hours", "0930 hrs", "0930 local time": a 24-hour clock (not "1600 hours of
        # overtime")
        return r.reject(i, j + (3 if L[j] == "local" else 1), "time of day on a 24-hour clock (0400 hours)")
    return None


def time_zone_offset(r: Tokens, i: int) -> Outcome | None:
    """UTC+8, GMT+03:00, GMT-5."""
    T = r.T
    if i > 1 and T[i - 1] in ("+", "-", "−") and T[i - 2] in TIME_ZONES and r.glued(i - 2, i - 1) \
            and r.glued(i - 1, i):
        j = i + 1
        if j + 1 < r.n and T[j] == ":" and r.glued(i, j) and r.glued(j, j + 1):
            j += 2
        return r.reject(i, j, "a time-zone offset (UTC+8)")
    return None


def station_or_ticker(r: Tokens, i: int) -> Outcome | None:
    """AM 570, FM 98.7 (radio stations); JP:8306, HK:0005 (stock codes)."""
    T = r.T
    if i > 0 and T[i - 1] in ("AM", "FM"):
        return r.reject(i, i + 1, "a radio station (AM 570)")
    if i > 1 and T[i - 1] == ":" and r.glued(i - 1, i) and r.glued(i - 2, i - 1) \
            and T[i - 2].isalpha() and T[i - 2].isupper():
        return r.reject(i, i + 1, "a stock code (JP:8306)")
    return None


def model_name(r: Tokens, i: int) -> Outcome | None:
    """737 Max, 787 Dreamliner; 4×4 (a vehicle, or a size)."""
    T, j, n = r.T, i + 1, r.n
    if j < n and T[j] in _MODEL_SUFFIXES and len(T[i]) in (3, 4) and T[i].isdigit():
        return r.reject(i, j + 1, f"a model name ({T[i]} {T[j]})")
    if j + 1 < n and T[j] in ("×", "x") and r.glued(i, j) and r.glued(j, j + 1) \
            and T[j + 1][0].isdigit():
        return r.reject(i, j + 2, "a size or a vehicle type (4×4)")
    return None


# A kind of thing named by a number glued to a word: a bore ("a 12-gauge shotgun", ".22-caliber"),
# a shot ("a 3-pointer"), a vehicle ("an 18-wheeler", "a two-seater", "a double-decker").
_KIND_SUFFIXES = frozenset(("gauge", "caliber", "calibre", "pointer", "pointers", "wheeler",
                            "wheelers", "seater", "seaters"))


# The last word of a street address or a building's name: "550 Barbey Street", "27 Devon
# Road", "1 World Trade Center"; and of a military unit: "the 3-15 Infantry".
_PLACE_ENDS = frozenset(("street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd",
                         "drive", "lane", "way", "place", "court", "terrace", "square", "plaza",
                         "center", "centre", "tower", "infantry", "cavalry", "regiment",
                         "battalion", "brigade", "division", "armor", "armored"))


_UNITS = frozenset(("infantry", "cavalry", "regiment", "battalion", "brigade", "armor"))


def address(r: Tokens, i: int) -> Outcome | None:
    """"550 Barbey Street", "1 World Trade Center", "the 3-15 Infantry": a number before one
    to three capitalised words that end a street, a building or a unit is part of a name."""
    T, n = r.T, r.n
    j = i + 1
    if j + 1 < n and T[j] in DASHES and r.glued(i, j) and r.glued(j, j + 1) and T[j + 1].isdigit():
        j += 2  # "3-15"
        if j < n and r.L[j] in _UNITS:
            return r.reject(i, j + 1, f"a unit's name ('{' '.join(T[i:j + 1])}')")
    k = j
    while k < n and k < j + 3 and T[k][:1].isupper() and T[k].isalpha():
        if r.L[k] in _PLACE_ENDS:
            if plural_after(r, k + 1) and r.T[k + 1][:1].islower():
                return None  # "9 Supreme Court justices", "1,500 Johnson Space Center employees"
            return r.reject(i, k + 1, f"part of a name: an address, a building or a unit "
                                      f"('{' '.join(T[i:k + 1])}')")
        k += 1
    return None


def code_section(r: Tokens, i: int) -> Outcome | None:
    """"a 501(c)(3) charity", "501 c3,4,5 organizations": a section of a code, with its
    lettered and numbered parts, is a name (the parts are read on past, never as counts)."""
    T, n = r.T, r.n
    j = i + 1
    if j + 2 < n and T[j] == "(" and r.glued(i, j) and len(T[j + 1]) == 1 and T[j + 1].isalpha() \
            and T[j + 2] == ")":
        j += 3
        while j + 2 < n and T[j] == "(" and r.glued(j - 1, j) and T[j + 1].isalnum() \
                and T[j + 2] == ")":
            j += 3
        return r.reject(i, j, "a section of a code (501(c)(3))")
    if j + 1 < n and len(T[j]) == 1 and T[j].islower() and not r.glued(i, j) \
            and r.glued(j, j + 1) and T[j + 1].isdigit():
        j += 2
        while j + 1 < n and T[j] == "," and r.glued(j - 1, j) and r.glued(j, j + 1) \
                and T[j + 1].isdigit():
            j += 2
        return r.reject(i, j, "a section of a code (501 c3)")
    return None


def kind_of_thing(r: Tokens, i: int) -> Outcome | None:
    """"a 12-gauge shotgun", "a 3-pointer": a kind of thing, not twelve or three of anything."""
    T, j = r.T, i + 1
    if j + 1 < r.n and T[j] in DASHES and r.glued(i, j) and r.glued(j, j + 1) \
            and r.L[j + 1] in _KIND_SUFFIXES:
        return r.reject(i, j + 2, f"a kind of thing ({T[i]}-{T[j + 1]})")
    return None


# A closing single quote: an apostrophe not followed by a letter or a digit (not "Obama's",
# "don't", "the ’80s") nor after an "s" (a plural possessive: "the parents' association").
_CLOSING_QUOTE = re.compile(r"(?<!s)['’](?![^\W_])")


def abbreviated_year(r: Tokens, i: int) -> Outcome | None:
    """"the campaign of '08", "the ’80s": two digits after an apostrophe are a year or a decade."""
    T = r.T
    if not (i > 0 and T[i - 1] in ("'", "’") and r.glued(i - 1, i) and len(T[i]) == 2
            and T[i].isdigit()) or i > 1 and r.glued(i - 2, i - 1) and T[i - 2][0].isalnum():
        return None
    yy = int(T[i])
    y = 2000 + yy if yy <= 40 else 1900 + yy
    if i + 1 < r.n and r.L[i + 1] == "s" and r.glued(i, i + 1):
        return date_period(r, i, i + 1, float(y), y + 10.0, why=f"decade (’{T[i]}s)")
    if plural_after(r, i + 1) or _CLOSING_QUOTE.search(r.text, r.E[i]):
        return None  # "He said: '25 people died.'": the quote opens on a number
    return date_period(r, i, i, float(y), y + 1.0, why=f"abbreviated year (’{T[i]})")


_DIALLED = frozenset("call called calling calls dial dialed dialled dialing dialling dials".split())


def emergency_number(r: Tokens, i: int) -> Outcome | None:
    """"a 999 call", "frantic 911 calls": the number people dial, not a count of calls
    (right after a counting verb, "received 999 calls" is a count)."""
    if r.T[i] not in _EMERGENCY:
        return None
    if r.word(i - 1) in _DIALLED:
        return r.reject(i, i + 1, f"an emergency number ({r.word(i - 1)} {r.T[i]})")
    if i + 1 >= r.n:
        return None
    nxt = r.L[i + 1]
    if nxt in _EMERGENCY_ONE or nxt in _EMERGENCY_MANY and r.word(i - 1) not in _COUNTING:
        return r.reject(i, i + 1, f"an emergency number ({r.T[i]} {r.T[i + 1]})")
    return None


def phone_number(r: Tokens, i: int) -> Outcome | None:
    """(555) 123-4567, 555-123-4567, 1-800-273-8255, +44 20 7946 0958, Tel: 020 7946 0958."""
    T, L = r.T, r.L
    k = i - 1
    if k >= 0 and T[k] in (":", ".") and k - 1 >= 0:
        k -= 1
    if k >= 0 and L[k] in _TEL_WORDS:
        j = i + 1
        while j < r.n and T[j][0].isdigit() or j + 1 < r.n and T[j] in DASHES | {".", "(", ")"} \
                and T[j + 1][0].isdigit():
            j += 1
        return r.reject(i, j, f"a phone number ('{T[k]}' before it)")
    pos = r.S[i - 1] if i > 0 and T[i - 1] in ("(", "+") and r.glued(i - 1, i) else r.S[i]
    m = PHONE_RE.match(r.text, pos)
    if m:
        return r.reject(i, r.tok_at(m.end()), "a phone number")
    return None


_MONEY_WORDS = frozenset(("euro", "euros", "dollar", "dollars", "pound", "pounds", "yen", "yuan",
                          "rupees", "francs", "usd", "eur", "gbp"))
_STAT_VERBS = frozenset(("went", "go", "goes", "going", "was", "is", "were", "are", "finished",
                         "finishes", "ended", "batted", "hit", "shot"))


def stat_line(r: Tokens, i: int) -> Outcome | None:
    """"went 4 for 5", "was 3-for-4", "a 2-for-1 split": hits for at-bats, a ratio, never two
    counts."""
    T, L, n = r.T, r.L, r.n
    j = i + 1
    if j + 2 < n and T[i].isdigit() and T[j] in DASHES and L[j + 1] == "for" and T[j + 2] in DASHES and \
            r.glued(i, j) and r.glued(j, j + 1) and r.glued(j + 1, j + 2) and j + 3 < n \
            and T[j + 3].isdigit() and r.glued(j + 2, j + 3):
        return r.reject(i, j + 4, f"a stat line or a ratio ({T[i]}-for-{T[j + 3]})")
    if j + 1 < n and L[j] == "for" and T[i].isdigit() and T[j + 1].isdigit() \
            and r.word(i - 1) in _STAT_VERBS and int(T[i]) <= int(T[j + 1]) <= 20 \
            and not plural_after(r, j + 2):
        return r.reject(i, j + 2, f"a stat line ({T[i]} for {T[j + 1]})")
    return None


# A local number with no area code ("call Detective Umphrey at 688-4163"): seven digits as 3-4,
# read as one only with a word of calling before it (else "300-1200 feet" is a range).
_LOCAL_PHONE_RE = re.compile(r"[2-9]\d{2}-\d{4}(?![\d-])")
_CALL_WORDS = _TEL_WORDS | {"call", "calls", "calling", "contact", "reach", "ring"}


def local_phone_number(r: Tokens, i: int) -> Outcome | None:
    """"call ... at 688-4163": a phone number with no area code, a word of calling before it
    (within six words)."""
    m = _LOCAL_PHONE_RE.match(r.text, r.S[i])
    if m is None or not any(r.L[k] in _CALL_WORDS for k in range(max(0, i - 6), i)):
        return None
    j = r.tok_at(m.end())
    if plural_after(r, j):
        return None  # "the 300-1200 tickets": a range of something counted
    return r.reject(i, j, "a phone number (a word of calling before it)")


# A bill, a resolution or a statute by its number: "H.R. 3590", "S. 744", "H. Res. 13", "S.B.
# 1070", "18 U.S.C. 1001" (both numbers of a statute).
_BILL_BEFORE_RE = re.compile(
    r"(?:\bH\.\s?R\.|\b[HS]\.\s?(?:J\.\s?|Con\.\s?)?Res\.|\b[SHA]\.\s?B\.|\bU\.\s?S\.\s?C\.(?:\s?§)?"
    r"|(?<![A-Za-z.])S\.)\s?$")
_STATUTE_AFTER_RE = re.compile(r"\s?U\.\s?S\.\s?C\.|\s(?:U\.\s?S\.|S\.\s?Ct\.|F\.\s?(?:[234]d|Supp\.))\s\d+(?=\s*(?:[,;.()]|$))")
# the page of a court report after its volume: "410 U.S. 113", "123 S. Ct. 456", "512 F.3d 88"
_REPORT_BEFORE_RE = re.compile(r"\d\s(?:U\.\s?S\.|S\.\s?Ct\.|F\.\s?(?:[234]d|Supp\.))\s$")


def bill_number(r: Tokens, i: int) -> Outcome | None:
    """"H.R. 3590", "S. 744", "S.B. 1070", "18 U.S.C. 1001": a bill's or a statute's number;
    "410 U.S. 113": a court report's volume and page."""
    if _BILL_BEFORE_RE.search(r.text, max(0, r.S[i] - 14), r.S[i]):
        return r.reject(i, i + 1, "a bill's or a statute's number (H.R. 3590, S. 744)")
    if _STATUTE_AFTER_RE.match(r.text, r.E[i]):
        return r.reject(i, i + 1, "a title of a code or a court report's volume (18 U.S.C., 410 U.S.)")
    if _REPORT_BEFORE_RE.search(r.text, max(0, r.S[i] - 16), r.S[i]) and (
            i + 1 >= r.n or r.T[i + 1] in (",", ";", ".", "(", ")")):
        return r.reject(i, i + 1, "a court report's page (410 U.S. 113)")
    return None


def _ordinal_suffix(digits: str) -> str:
    """The suffix an ordinal of these digits takes: "st" for 1 and 21, "th" for 11 and 13."""
    if digits[-2:] in ("11", "12", "13"):
        return "th"
    return {"1": "st", "2": "nd", "3": "rd"}.get(digits[-1], "th")


def letters_after(r: Tokens, i: int) -> Outcome | None:
    """Letters glued on the right: an ordinal (7th), a decade (1990s), a unit or scale (2bn,
    100km); anything else (3D, 5G, 737MAX) is an identifier."""
    T, L, j = r.T, r.L, i + 1
    if j + 1 < r.n and T[j] in ("'", "’") and r.glued(i, j) and r.glued(j, j + 1) and \
            L[j + 1] == "s" and r.word(i - 1) == "the" and len(T[i]) == 4 and \
            T[i].endswith("0") and T[i].isdigit() and 1800 <= int(T[i]) <= 2190:
        y = int(T[i])  # "the 1990's", as some write the decade ("1990's budget" is a year's)
        return date_period(r, i, j + 1, float(y), y + 10.0, why="decade (the 1990's)")
    if j < r.n and not r.glued(i, j) and T[i].isdigit() and L[j] == _ordinal_suffix(T[i]) \
            and r.S[j] - r.E[i] == 1:
        return ordinal(r, i, j + 1, float(T[i]))  # "the 3 rd Armored", as tokenised text has it
    if not (j < r.n and r.glued(i, j) and T[j][0].isalpha()):
        return None
    raw, suf = T[i], L[j]
    if T[j] == "M" and raw.isdigit() and not (i > 0 and r.glued(i - 1, i) and T[i - 1] in "$£€¥") \
            and not (j + 1 < r.n and (L[j + 1] in _MONEY_WORDS or plural_after(r, j + 1))):
        # a capital M is no metre ("a 100m race"); with nothing it counts, it names: "3M Company"
        return r.reject(i, j + 1, f"a name: {raw}M (3M Company)")
    if suf in ("st", "nd", "rd", "th") and raw.isdigit():
        return ordinal(r, i, j + 1, float(raw))
    if suf == "s" and raw.isdigit():
        if len(raw) == 4 and raw.endswith("0") and 1800 <= int(raw) <= 2190:
            y = int(raw)
            return date_period(r, i, j, float(y), y + 10.0, why="decade (the 1990s)")
        return r.reject(i, j + 1, "a plural of a number (the 60s, 747s)")
    if suf not in GLUED_OK or suf == "pc" and T[j] != "pc":  # "0.3pc", but "5PC" is a name
        return r.reject(i, j + 1, "identifier: letters glued on the right (3D, 5G)")
    return None


_ROADS = frozenset(("freeway", "motorway", "expressway", "tollway", "turnpike", "parkway"))
_LINES = frozenset(("train", "line", "bus", "tram"))
_NUMBER_WORDS = frozenset(w for w, v in SMALL_WORDS.items() if v < 13)


def named_number(r: Tokens, i: int) -> Outcome | None:
    """A number that is part of a name: "the 405 freeway", "take the 1 train", "a 7-Eleven
    store", "the Group of 20"."""
    T, L, n = r.T, r.L, r.n
    j = i + 1
    if j < n and L[j] in _ROADS or (j < n and L[j] in _LINES and r.word(i - 1) == "the"
                                    and not plural_after(r, j + 1)):  # not "the 12 train cars"
        return r.reject(i, j + 1, f"a road's or a line's name ('{T[i]} {T[j]}')")
    if j + 1 < n and T[j] in DASHES and r.glued(i, j) and r.glued(j, j + 1) \
            and T[j + 1][:1].isupper() and L[j + 1] in _NUMBER_WORDS:
        return r.reject(i, j + 2, f"a name ('{T[i]}-{T[j + 1]}')")
    if i >= 2 and T[i - 1] == "of" and T[i - 2] == "Group":
        return r.reject(i, j, "a name: the Group of 20")
    if i >= 1 and T[i - 1] in ("Poor's", "Poor’s"):
        return r.reject(i, j, "an index's name: the Standard & Poor's 500")
    return None


RULES: tuple[Rule, ...] = (
    glued_to_letters, bare_decimal, number_sign, hyphenated_name, identifier_word, abbreviated_identifier,
    after_slash, abbreviated_year, emergency_number, phone_number, local_phone_number, stat_line,
    bill_number, slashed, dotted_date, version_number,
    time_of_day, time_zone_offset, station_or_ticker, model_name, kind_of_thing, code_section,
    address, named_number,
    letters_after,
)
