"""Dates: years and year ranges, "18 July 2025", "March 3", "mid-2026", "by the end of 2027",
"last year"; and when a 4-digit number is a year rather than a count."""

from __future__ import annotations

import calendar
from datetime import date

from .kinds import Kind
from .kinds import Qualifier as Q
from .lexicon import CHANGE_VERBS, DATE_ANCHORS, STOP, YEAR_STRONG, looks_verb
from .phrases import event_after, plural_after
from .stamps import dateline, stamped
from .tokens import DASHES, Outcome, Tokens
from .units import DUR_RE, MEASURE_RE
from .values import SCALE_ABBR
from .words import BIG, CUR_AFTER_RE, HEDGES, MONTHS, WEEKDAY_NAMES


def year_context(r: Tokens, i0: int, j: int) -> bool:
    """Is the 4-digit number at i0 a year?"""
    T, L, text, e = r.T, r.L, r.text, r.E[i0]
    if j < r.n:
        w = L[j]
        if T[j] == "%" or w in BIG or w in SCALE_ABBR or w in (
                "hundred", "dozen", "per", "percent"):
            return False
        if DUR_RE.match(text, e) or MEASURE_RE.match(text, e) or \
                CUR_AFTER_RE.match(text, e):
            return False
        if plural_after(r, j):
            # "the 2022 elections" is a year, "to 2000 people" a count; so is an event's name
            # ("host 2014 Oscars", "the 2012 Olympics")
            if T[j][:1].isupper() and T[j][1:2].islower() and (L[i0 - 1] if i0 else "") not in (
                    "to", "at", "than", "of", "over", "about", "some", "by"):
                return True
            p = L[i0 - 1] if i0 > 0 else ""
            return p in YEAR_STRONG or p.endswith(("'s", "’s"))
    # "the toll rose to 2000", "more than 2000", "2000 were killed": counts
    p = L[i0 - 1] if i0 > 0 else ""
    if p not in YEAR_STRONG and event_after(r, j) is not None:
        return False
    pp = L[i0 - 2] if i0 > 1 else ""
    if p in ("reached", "hit", "topped", "totalled", "totaled", "numbered", "exceeded") or (
            p in ("to", "at") and pp in CHANGE_VERBS):
        return False
    for hedge in ((p,), (pp, p)):
        if HEDGES.get(hedge) in (Q.OVER, Q.NEARLY, Q.AT_LEAST):
            return False
    return True


def _prose(r: Tokens) -> bool:
    """Is the sentence written in sentence case (most words lower case), not a headline's title
    case?"""
    words = [t for t in r.T if t[:1].isalpha()]
    return sum(t[:1].islower() for t in words) * 2 > len(words)


def relative(r: Tokens, i: int) -> Outcome | None:
    """"last year", "this month", "next week"."""
    L, n = r.L, r.n
    if i + 1 >= n:
        return None
    off = {"last": -1, "this": 0, "next": 1}[L[i]]
    u = L[i + 1]
    if u.endswith(("'s", "’s")):
        u = u[:-2]
    length = {"year": 1.0, "month": 1 / 12, "week": 7 / 365.25}.get(u)
    if length is None:
        return None
    if i > 0 and r.T[i][:1].isupper() and r.T[i + 1][:1].isupper() and _prose(r):
        return None  # a title inside a sentence: ABC's "This Week" (not a headline's "This Week")
    v = off * length
    return r.make(i, i + 1, v, v, v + length, Q.RELATIVE, "date", Kind.DATE,
                  why="relative date: last/this/next year, month or week"), i + 2


def month(r: Tokens, i: int) -> Outcome | None:
    """A date starting with its month: "March 3", "March 3, 2025", "March 2026"."""
    T, L, n = r.T, r.L, r.n
    mon = MONTHS[L[i]]
    k = i + 1
    if k < n and T[k] == "." and r.glued(i, k):
        k += 1
    if k < n and T[k].isdigit() and len(T[k]) <= 2 and 1 <= int(T[k]) <= 31:
        day = int(T[k])
        end = k
        k += 1
        if k < n and r.glued(k - 1, k) and L[k] in ("st", "nd", "rd", "th"):
            end = k
            k += 1
        last = day
        if k + 1 < n and T[k] in DASHES and r.glued(k - 1, k) and r.glued(k, k + 1) \
                and T[k + 1].isdigit() and \
                day < int(T[k + 1]) <= calendar.monthrange(r.year_at(k + 3) or 2000, mon)[1]:
            last, end, k = int(T[k + 1]), k + 1, k + 2  # "March 1-5": the days of a meeting
        k2 = k + 1 if k < n and T[k] == "," else k
        y = r.year_at(k2)
        if last > day:
            return date_period(r, i, k2 if y is not None else end, _day_span(y, mon, day)[0],
                               _day_span(y, mon, last)[1])
        if y is not None:
            return date_day(r, i, k2, y, mon, day)
        return date_day(r, i, end, None, mon, day)
    y = r.year_at(k)
    if y is not None:
        a = y + (mon - 1) / 12
        return date_period(r, i, k, a, a + 1 / 12)
    return None


def day_month(r: Tokens, i0: int, day: int, j: int) -> Outcome:
    """A date starting with its day: "18 July", "18 July 2025" (the month at token j)."""
    T, n = r.T, r.n
    mon = MONTHS[r.L[j]]
    k = j + 1
    if k < n and T[k] == "." and r.glued(j, k):
        k += 1
    if k + 1 < n and T[k] in DASHES and r.glued(k - 1, k) and r.glued(k, k + 1):
        k += 1  # 3-Mar-09
    k2 = k + 1 if k < n and T[k] == "," else k
    y = r.year_at(k2)
    if y is not None:
        return date_day(r, i0, k2, y, mon, day)
    k3, y = short_year(r, j, k2)
    if y is not None:
        return date_day(r, i0, k3, y, mon, day)
    return date_day(r, i0, j, None, mon, day)


_MONTH_ABBR = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
               "dec"}


def short_year(r: Tokens, month: int, k: int) -> tuple[int, int | None]:
    """A two-digit year at token k after the month at token `month` ("3 Mar 09", "3-Mar-09",
    "June '09"): (its last token, the year), or (k, None). Only after an abbreviated month, a
    dash or an apostrophe, or with a leading zero, and never before a word ("3 March 12
    people")."""
    T, n = r.T, r.n
    apostrophe = k + 1 < n and T[k] in ("'", "’") and r.glued(k, k + 1)
    if apostrophe:
        k += 1
    if not (k < n and len(T[k]) == 2 and T[k].isdigit()):
        return k, None
    if k + 1 < n and (T[k + 1] in ("%", "-", "–") or r.glued(k, k + 1) and not (
            T[k + 1] in (".", ",", ";", ":", ")", "!", "?") and not (
                k + 2 < n and r.glued(k + 1, k + 2) and T[k + 2][0].isalnum()))):
        return k, None  # (a stop after it ends the date: "on 3 Mar 09.")
    if not (apostrophe or T[k][0] == "0" or T[k - 1] in DASHES):
        if r.L[month] not in _MONTH_ABBR:
            return k, None
        if k + 1 < n and T[k + 1][0].isalpha() and T[k + 1][0].islower() \
                and r.L[k + 1] not in STOP:
            return k, None
    yy = int(T[k])
    return k, (2000 + yy if yy < 50 else 1900 + yy)


def _day_span(year: int | None, mon: int, day: int) -> tuple[float, float]:
    """The span [a, b) of one day, in years (with no year, within a leap year from 0)."""
    try:
        d = date(year or 2000, mon, day)
    except ValueError:
        d = date(year or 2000, mon, 1)
    days = 366 if calendar.isleap(year or 2000) else 365
    v = (float(year) if year is not None else 0.0) + (d.timetuple().tm_yday - 1) / days
    return v, v + 1 / days


def date_day(r: Tokens, first: int, end: int, year: int | None, mon: int,
             day: int) -> Outcome:
    return date_period(r, first, end, *_day_span(year, mon, day))


def year(r: Tokens, i0: int, y: int, j: int) -> Outcome:
    """A year at token i0, or a range of years from it ("2019-22", "between 2019 and 2022")."""
    T, L, n = r.T, r.L, r.n
    end = j - 1
    a, b = float(y), y + 1.0
    k = j
    if (k + 3 < n and T[k] in ("-", "/") and T[k + 2] == T[k] and r.glued(k + 2, k + 3)
            and r.glued(i0, k) and r.glued(k, k + 1) and r.glued(k + 1, k + 2)
            and len(T[k + 1]) == 2 and len(T[k + 3]) == 2 and T[k + 1].isdigit()
            and T[k + 3].isdigit() and 1 <= int(T[k + 1]) <= 12 and 1 <= int(T[k + 3]) <= 31):
        return date_day(r, i0, k + 3, y, int(T[k + 1]), int(T[k + 3]))  # 2013-06-04
    if k + 1 < n and (T[k] in DASHES or T[k] == "/" or L[k] in ("to", "and")):
        if L[k] != "and" or r.word(i0 - 1) == "between":
            y2 = r.year_at(k + 1)
            t2 = T[k + 1]
            if y2 is None and len(t2) == 2 and t2.isdigit() and T[k] in DASHES | {"/"} \
                    and r.glued(k, k + 1):
                y2 = y // 100 * 100 + int(t2)
            if y2 is not None and y2 > y and not (r.glued(k + 1, k + 2)
                                                  and T[k + 2][0].isalnum()):
                start = i0 - 1 if r.word(i0 - 1) in ("between", "from") else i0
                if start < r.floor:
                    start = i0
                q = r.make(start, k + 1, a, a, y2 + 1.0, Q.RANGE, "date", Kind.DATE,
                           event=date_anchor(r, start), why="a range of years")
                return q, k + 2
    if end + 2 < n and T[end + 1] in ("'", "’") and L[end + 2] == "s":
        end += 2
    return date_period(r, i0, end, a, b)


def date_period(r: Tokens, first: int, end: int, a: float, b: float,
                why: str = "date") -> Outcome:
    """A date naming the period [a, b); early/mid/late and by/since on the left."""
    L, fl = r.L, r.floor
    k = first - 1
    mod = None
    if k >= fl:
        w = L[k]
        if w in DASHES and k - 1 >= fl and r.glued(k - 1, k) and L[k - 1] in (
                "mid", "early", "late", "end", "start", "pre", "post"):
            mod = L[k - 1]
            k -= 2
        elif w in ("mid", "early", "late"):
            mod = w
            k -= 1
        elif w == "of" and k - 1 >= fl and L[k - 1] in ("end", "start", "beginning",
                                                         "middle"):
            mod = L[k - 1]
            k -= 2
            if k >= fl and L[k] == "the":
                k -= 1
    qual = None
    if mod in ("pre", "post"):
        qual = Q.BEFORE if mod == "pre" else Q.AFTER
        mod = None
    elif k >= fl:
        w = L[k]
        if w in ("by", "until", "till"):
            qual, k = Q.BY, k - 1
        elif w in ("before", "after") and k - 1 >= fl and L[k - 1] in SOON:
            pass  # "days after March 3": a moment near the date, not a bound
        elif w == "before":
            qual, k = Q.BEFORE, k - 1
        elif w == "since":
            qual, k = Q.SINCE, k - 1
        elif w == "after":
            qual, k = Q.AFTER, k - 1
        elif w == "than" and k - 2 >= fl and L[k - 1] == "later" and L[k - 2] == "no":
            qual, k = Q.BY, k - 3
    span = b - a
    lo, hi, v = a, b, a
    if mod in ("early", "start", "beginning"):
        lo, hi = a, a + span / 3
        v = (lo + hi) / 2
        mod = "early"
    elif mod in ("mid", "middle"):
        lo, hi = a + span / 4, a + 3 * span / 4
        v = a + span / 2
        mod = "mid"
    elif mod in ("late", "end"):
        lo, hi = b - span / 3, b
        v = (lo + hi) / 2
        mod = "late"
    if stamped(r, k + 1):
        return r.reject(k + 1, end + 1, "a publication stamp: Published, Posted, Updated")
    if dateline(r, k + 1, end):
        return r.reject(k + 1, end + 1, "a wire dateline: PLACE, date (Agency) -")
    return r.make(k + 1, end, v, lo, hi, qual or mod, "date", Kind.DATE,
                  event=date_anchor(r, k + 1), why=why), end + 1


def date_anchor(r: Tokens, first: int) -> str | None:
    """Does the date say when something started or when it ends? ("began in 2022")"""
    L = r.L
    k = first - 1
    stop = max(r.floor, first - 8)
    while k >= stop:
        w = L[k]
        if w in (",", ";", ":", "(", ")", "and", "but"):
            return None
        a = DATE_ANCHORS.get(w)
        if a:
            return a
        k -= 1
    return None


# Words before "after" / "before" that make it a moment near a date, not a bound: "hours after
# Thursday's swearing-in", "shortly before March 3".
SOON = frozenset("""hours hour minutes moments days day weeks shortly soon just right
immediately""".split())
# Words before a capitalised weekday that still leave it a day ("On Friday", "Since Monday"); any
# other capitalised word before it makes a name: "Good Friday", "Super Tuesday", "Ash Wednesday".
_DAY_LEFT = {"on", "by", "since", "until", "till", "before", "after", "last", "next", "this",
             "that", "from", "through", "early", "late", "and", "or", "to", "between"}
_DAY_BOUND = {"by": Q.BY, "until": Q.BY, "till": Q.BY, "since": Q.SINCE, "before": Q.BEFORE,
              "after": Q.AFTER}


# Words that make a weekday after them a name: "Good Friday", "Super Tuesday", "Cyber Monday".
_DAY_NAMERS = frozenset("""good black super ash easter palm holy maundy cyber bloody giving fat shrove
whit great spy passion low trinity mothering pentecost mercy selection bowl business travel casual
meatless taco throwback freaky manic mad patriot rose orange decision grand red blue green white
small big final election primary derby news remembrance advent plough pancake clean ascension
gray grey panic championship card middle tsunami turnaround reformation king sheffield ruby billy
joe man given lazy gloomy follow""".split())  # ("Fox News Sunday", a show; "Sheffield
# Wednesday", a club; "Ruby Tuesday", a restaurant chain; "Man Friday")
# What may follow a weekday that dates an act after a name: a clause's end, a preposition, a part
# of the day, a verb ("in Kabul Monday killed"); not a noun it names a kind of ("the Scottish
# Sunday tabloid", "the English Sunday lunch", "Muslim Friday prayers")
_DAY_FOLLOW = frozenset("""that when to in at on of night morning afternoon evening after before for
with by from and but as while amid over during following near outside inside into against about
said says told announced was were is are had has have will would could""".split())


def _day_after_a_name(r: Tokens, i: int) -> bool:
    """A weekday right after a name that is not part of it, as news dates an act: "met Kim in
    Moscow Tuesday", "told the White House Tuesday that", "the attack in Kabul Monday killed":
    the name stands inside the sentence and the weekday ends a clause or goes on in lower case
    (not "the Sunday Times", nor a headline's "Obama Signs Bill Tuesday Night")."""
    if i - 1 <= r.floor:
        return False  # (after a sentence's first word: "Moscow Tuesday" may be a headline)
    if i + 1 == r.n:
        return True
    t = r.T[i + 1]
    if t in ('"', "”", "'", "’", "-"):
        return False  # a title: "Fox News Sunday,"
    if not t[:1].isalnum():
        return True
    return t[:1].islower() and (r.L[i + 1] in _DAY_FOLLOW or looks_verb(r.L[i + 1]))


def weekday(r: Tokens, i: int) -> Outcome | None:
    """A day of the week, when a story says when something happened ("apologized Saturday",
    "were arrested on Tuesday"): a date whose value is the day's place in the week (Monday 0).
    Not a day: a name ("Good Friday", "the Sunday Times"), a weekday that opens a full date
    ("Tuesday, 16 December 2008": the date is read), a publication stamp."""
    T, L, n = r.T, r.L, r.n
    name = L[i].removesuffix("'s").removesuffix("’s")
    day = WEEKDAY_NAMES.get(name)
    if day is None or not T[i][:1].isupper():
        return None
    p = T[i - 1] if i - 1 >= r.floor else ""
    if p[:1].isupper() and p.isalpha() and L[i - 1] not in _DAY_LEFT and (
            L[i - 1] in _DAY_NAMERS or not _day_after_a_name(r, i)):
        return r.reject(i, i + 1, "a weekday in a name (Good Friday, Super Tuesday)")
    k = i + 1
    if k < n and T[k] == ",":
        k += 1
    if k < n and (r.is_month(k) or T[k][:1].isdigit()):
        return None, i + 1  # "Tuesday, 16 December 2008", "Fri Aug 2": the date is read
    if i + 1 < n and T[i + 1][:1].isupper() and T[i + 1].isalpha() and name == L[i]:
        return r.reject(i, i + 2, "a weekday in a name (the Sunday Times)")
    first = i
    qual = _DAY_BOUND.get(L[i - 1]) if i - 1 >= r.floor else None
    if qual in (Q.BEFORE, Q.AFTER) and i - 2 >= r.floor and L[i - 2] in SOON:
        qual = None  # "hours after Thursday's swearing-in": the day of that act, not a bound
    if qual:
        first = i - 1
    if stamped(r, first):
        return r.reject(first, i + 1, "a publication stamp: Published, Posted, Updated")
    if dateline(r, first, i):
        return r.reject(first, i + 1, "a wire dateline: PLACE, day (Agency) -")
    return r.make(first, i, float(day), float(day), day + 1.0, qual, "weekday", Kind.DATE,
                  event=date_anchor(r, first), why="a day of the week"), i + 1
