"""The rest of a number, as a pipeline of small steps: currency, dates, scale, proportions,
ranges, unit, hedges, and the noun counted.

A number has been read at tokens i0..j-1; `finish` builds a `Draft` of the quantity and hands
it to each step of `STEPS` in turn. A step looks at the words around the number, fills in what
it finds (and adds a reason to `Draft.why` when it fires), and returns None to go on, or an
`Outcome` that settles the number: a quantity read by another reader (a date, a duration), or
None with a reason when the number is not a quantity after all ("the two said", a score).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from .dates import day_month, year, year_context
from .kinds import Kind
from .kinds import Qualifier as Q
from .lexicon import ADJ, CHANGE_VERBS, EVENTS, PEOPLE, STOP, group, looks_verb, pluralish
from .phrases import event_after, event_left, hedge, noun_after, noun_left, plural_after
from .tokens import DASHES, EPS, Outcome, Tokens, glued_euro
from .units import DUR_RE, units
from .values import core, interval, scale
from .words import (
    BIG,
    CUR_AFTER_RE,
    CUR_CODES,
    CUR_SYMBOLS,
    CUR_WORDS,
    DOLLAR_ADJ,
    DOLLAR_PREFIX,
    MONTHS,
    PERCENT_RE,
    POST_HEDGES,
    SMALL_WORDS,
    WEEKDAY_NAMES,
)

# currency codes as written before a figure: "USD 700", "Rs 500"
_CODES_LEFT = frozenset(code.upper() for code in CUR_CODES if code != "rs") | {"Rs"}
_GLUED_WORDS = ("strong", "member", "seat", "bed", "page", "point", "person", "man")
_DETERMINERS = ("the", "those", "these", "its", "their", "his", "her", "our", "them", "whom",
                "which")


class Draft:
    """A quantity being read: the number at tokens i0..j-1 and what the steps found so far."""

    __slots__ = ("i0", "j", "v", "plain", "words", "first", "last", "hfirst", "end", "currency",
                 "factor", "qual", "lo", "hi", "kind", "unit", "noun", "event", "frac",
                 "pct_first", "closed", "tally", "why")

    def __init__(self, i0: int, j: int, v: float, plain: bool, words: bool) -> None:
        self.i0 = i0  # the number's first token
        self.j = j  # the token after what has been read
        self.v = v
        self.plain = plain  # digits only, no separator: may be a year or a day
        self.words = words  # spelled out
        self.first = i0  # first token of the quantity (a currency sign, "between")
        self.last = j - 1  # last token of the figure and its unit
        self.hfirst = i0  # first token with the hedge on the left
        self.end = j - 1  # last token with the counted noun
        self.currency: str | None = None
        self.factor = 1.0  # scale words applied
        self.qual: str | None = None
        self.lo: float | None = None
        self.hi: float | None = None
        self.kind = Kind.COUNT
        self.unit: str | None = None
        self.noun: str | None = None
        self.event: str | None = None
        self.frac = False  # a proportion ("one in five") keeps its whole-percent interval
        self.pct_first = False  # "5%-7%": the first figure carries the sign
        self.closed = False  # "150 or higher": nothing it counts follows ("trigger alerts")
        self.tally = False  # the first figure of a tally ("voted 396-9"): votes for
        self.why: list[str] = []


Step = Callable[[Tokens, Draft], Outcome | None]


def currency_before(r: Tokens, d: Draft) -> None:
    """A currency sign or code on the left: "$5", "US$5", "U.S. $5", "EUR 5", "Rs. 5"."""
    T, fl = r.T, r.floor
    k = d.i0 - 1
    if d.words or k < fl:
        return None
    sym = CUR_SYMBOLS.get(T[k])
    if sym:
        d.currency, d.first = sym, k
        if k - 1 >= fl and r.glued(k - 1, k) and T[k - 1] in DOLLAR_PREFIX and T[k] == "$":
            d.currency, d.first = DOLLAR_PREFIX[T[k - 1]], k - 1
        elif k - 1 >= fl and T[k - 1] == "." and k - 3 >= fl and T[k - 2] == "S" \
                and T[k - 3] == "." and T[k - 4: k - 3] == ["U"]:
            d.first = k - 4
    elif T[k] in _CODES_LEFT:
        d.currency, d.first = CUR_CODES[T[k].lower()], k
    elif glued_euro(r, d.i0):  # "euro110 billion" (AP style)
        d.currency, d.first = "eur", k
    elif T[k] == "." and k - 1 >= fl and T[k - 1] == "Rs":
        d.currency, d.first = "inr", k - 1
    if d.currency:
        d.why.append(f"currency on the left: {d.currency}")
    return None


def _month_day_follows(r: Tokens, j: int) -> bool:
    """The abbreviated month at token j is followed by its day ("Sept. 11 hijackers"), not by
    a year."""
    T, n = r.T, r.n
    if r.L[j] not in ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                      "nov", "dec"):
        return False  # "On 3 March 12 people died": a spelled month takes its day first
    k = j + 1
    if k < n and T[k] == "." and r.glued(j, k):
        k += 1
    if not (k < n and T[k].isdigit() and len(T[k]) <= 2 and 1 <= int(T[k]) <= 31):
        return False
    if T[k].startswith("0") or r.year_at(k) is not None:
        return False
    return k + 1 < n and T[k + 1][:1].isalpha() and T[k + 1][:1].islower()


def date_forms(r: Tokens, d: Draft) -> Outcome | None:
    """A plain number that is a day before a month ("18 July 2025") or a year."""
    if not d.plain or d.currency is not None:
        return None
    i0, j = d.i0, d.j
    iv = int(d.v)
    if 1 <= iv <= 31 and len(r.T[i0]) <= 2 and j < r.n and r.is_month(j):
        if _month_day_follows(r, j):
            return None  # "the 19 Sept. 11 hijackers": 19 counts, "Sept. 11" is the date
        return day_month(r, i0, iv, j)
    if 1 <= iv <= 31 and len(r.T[i0]) <= 2 and j + 1 < r.n and r.T[j] in DASHES \
            and r.glued(i0, j) and r.glued(j, j + 1) and r.is_month(j + 1):
        return day_month(r, i0, iv, j + 1)  # 3-Mar-09
    if len(r.T[i0]) == 4 and 1800 <= iv <= 2199 and year_context(r, i0, j):
        return year(r, i0, iv, j)
    return None


def and_a_half(r: Tokens, d: Draft) -> None:
    """"two and a half"."""
    j, L = d.j, r.L
    if j + 2 < r.n and L[j] == "and" and L[j + 1] == "a" and L[j + 2] == "half":
        d.v += 0.5
        d.j = j + 3
        d.why.append("and a half")
    return None


def scale_words(r: Tokens, d: Draft) -> None:
    """"2.5 million", "$3bn", "a dozen"."""
    d.v, d.j, d.factor = scale(r, d.v, d.j, d.currency is not None, d.words)
    d.last = d.j - 1
    if d.factor != 1.0:
        d.why.append(f"scale: x{d.factor:g}")
    return None


def one_in_n(r: Tokens, d: Draft) -> Outcome | None:
    """"one in five", "nine out of 10" are proportions: 20%, 90%. Odds against a scale ("1 in
    292 million", "one in a million") are not read: too small a share to say as a percent."""
    j, v = d.j, d.v
    of = 2 if r.L[j: j + 2] == ["out", "of"] and _of_people(r, j + 2) else 1  # "nine out of 10 doctors"
    if (of == 1 and r.L[j: j + 1] != ["in"]) or d.factor != 1.0 or v > 20 or d.currency is not None:
        return None
    j += of - 1
    n = r.n
    if of == 1 and j + 2 < n and r.L[j + 1] == "a" and r.L[j + 2] in BIG:
        return None, j + 3  # "one in a million"
    r2 = core(r, j + 1)
    if r2 is None:
        return None
    v2, j2, _ = r2
    if of == 1 and (j2 < n and r.L[j2] in BIG or v2 > 1000 and "," in r.T[j + 1]):
        return None, j2 + (j2 < n and r.L[j2] in BIG)  # "1 in 292 million", "one in 10,000"
    if v < v2 <= 1000 and not (j2 < n and (DUR_RE.match(r.text, r.E[j2 - 1])
                                           or r.L[j2] in ("%", "per", "percent"))):
        pct = 100.0 * v / v2
        d.kind, d.unit, d.v, d.last, d.frac = Kind.PERCENT, "%", pct, j2 - 1, True
        d.lo, d.hi = math.floor(pct + EPS), math.ceil(pct - EPS)
        d.j = j2
        d.why.append("proportion: one in N")
    return None


def _of_people(r: Tokens, k: int) -> bool:
    """"N out of" the number at token k is a share of people ("nine out of 10 doctors"), not of
    games, shots or stars, nor a score ("scored 9 out of 10")."""
    r2 = core(r, k)
    if r2 is None or r.word(k - 4) in ("scored", "rated", "got", "won", "made", "hit", "gave"):
        return False
    return group(r.word(r2[1])) in PEOPLE | {"person"} or r.word(r2[1]) in _PEOPLE_WORDS


# people counted in polls and surveys that lexicon.PEOPLE's groups do not hold
_PEOPLE_WORDS = frozenset("""americans britons adults voters doctors respondents parents patients
teachers nurses women men consumers users readers viewers""".split())
_MOVES = frozenset("gained lost added slipped slid advanced eased tumbled sank rallied".split())


# A tally for and against: "voted 396-9", "ruled 5-4", "passed the bill 68-32", "in a 6-3
# ruling", "by a vote of 227 to 188" (`_tally`). Its first figure counts votes for, the second
# votes against (read in `finish`; "voted 52-48 against" the other way round). A score ("won
# 3-1", "a 3-2 decision over the Rangers"), a range ("approved 3-4 housing units", "confirmed
# 20-30 dead"), shares ("split 60-40", "Proposition 1 passed 59-41") are no tally.
_TALLY_VERBS = frozenset(("voted", "voting", "ruled"))
# ...a dash's only, in a sentence about a body that votes (not "Brady passed 28-35 for 300 yards",
# nor "rejected 45-55", whose side comes first is not said)
_TALLY_VERBS_DASH = frozenset("passed approved adopted upheld ratified overrode confirmed".split())
# what may stand between such a verb and its tally: "passed the bill 68-32", "approved it, 12-3"
_TALLY_OBJECTS = frozenset("""the a an its this that it them bill bills measure nomination resolution
amendment motion ordinance legislation budget plan proposal treaty ruling law rule , unanimously
overwhelmingly narrowly""".split())
_TALLY_NOUNS = frozenset(("vote", "ruling", "decision", "verdict"))  # "in a 6-3 ruling"
# what follows a tally: a clause's end, a preposition, a day, a time ("96-3 two years later"), its
# noun ("approved 3-4 affordable housing units" is a range)
_TALLY_FOLLOW = frozenset("""to on in by with against for after before at last this yesterday today
tonight early late and or but as when while over from that , . ; : ) — – " ” ’ ' two three four
five six seven eight nine ten""".split()) \
    | _TALLY_NOUNS | {"votes"} | frozenset(WEEKDAY_NAMES)
# A body that votes, or what it votes on, named in the sentence
_VOTERS_RE = re.compile(
    r"\b(?:court|justices|judges|panel|senate|house|assembly|parliament|congress|committee|council|"
    r"board|jury|jurors|commission|commissioners|lawmakers|legislators|legislature|senators|"
    r"representatives|members|shareholders|stockholders|delegates|trustees|regents|supervisors|"
    r"caucus|chamber|cabinet|votes?|voted|bill|nomination|nominee|resolution|amendment|motion|"
    r"ordinance|legislation)\b", re.I)
# ...but a ballot measure's result is a share of the vote: "Proposition 1 passed 59-41"
_BALLOT_RE = re.compile(r"\b(?:ballot|proposition|prop\.|referendum|initiative|voters|polls?|survey)\b",
                        re.I)
_SPORTS_RE = re.compile(r"\b(?:match|game|games|goals?|scored?|halftime|half-time|innings|season|"
                        r"won|beat|win|lead|points)\b", re.I)
_TALLY_MAX = 100_000  # votes on either side: a chamber's, a court's, a union's


def _tally(r: Tokens, d: Draft, conn: str, left: str, m: int, m2: int, v2: float) -> bool:
    """Is the number of `d` and the one at tokens m..m2-1 (value v2, after "to" or a dash) a vote's
    tally ("voted 396-9")?"""
    v1, n = d.v, r.n
    if d.currency is not None or d.factor != 1.0 or not (0 <= v2 <= _TALLY_MAX and 0 <= v1 <= _TALLY_MAX) \
            or v1 != int(v1) or v2 != int(v2) or v1 + v2 < 1:
        return False
    dash = conn in DASHES
    if dash and not (r.T[d.i0][:1].isdigit() and r.T[m][:1].isdigit()):
        return False  # a dash joins digits ("the nine-to-five shift" is no tally)
    if m2 < n and not (r.L[m2] in _TALLY_FOLLOW or not r.T[m2][:1].isalnum()):
        return False  # "voted 3-4 pct pay rise", "the voting 18-24 age group"
    if left in _TALLY_VERBS or r.tallied:  # (a second tally: "60-40 to end debate and 52-48 to pass")
        return True
    if left in ("of", "was", "is", "were") and r.word(d.first - 2) in ("vote", "votes", "tally", "verdict"):
        # "The final tally was 97-1." (not "the final tally was 3-1 to Barcelona" after the match)
        return bool(_VOTERS_RE.search(r.text)) or not _SPORTS_RE.search(r.text) and not (
            r.word(m2) == "to" and r.T[m2 + 1: m2 + 2] and r.T[m2 + 1][:1].isupper())
    if dash and left == "confirmed" and r.word(d.first - 2) in ("was", "were", "been"):
        return True  # "was confirmed 98-0" (not "confirmed 20-30 dead")
    if not dash or not _VOTERS_RE.search(r.text) or _BALLOT_RE.search(r.text):
        return False
    if left in ("a", "an") and r.word(m2) in _TALLY_NOUNS:
        return True  # (not "the 7-2 decision in Roe": an earlier vote, beside today's)
    if v1 < v2:
        return False  # what passed had more votes for ("approved 3-4 new sites" is a range)
    k = d.first - 1
    while k >= r.floor and k > d.first - 5 and r.L[k] in _TALLY_OBJECTS:
        k -= 1
    verb = r.word(k) if k >= r.floor else ""
    return verb in _TALLY_VERBS_DASH and (verb != "confirmed" or k < d.first - 1) or verb in _TALLY_VERBS


_NOT_A_TALLY_AFTER = frozenset(("percent", "per", "pc", "points", "point", "percentage", "million",
                                "billion", "thousand"))


def number_range(r: Tokens, d: Draft) -> Outcome | None:
    """Ranges: 5-7, 5 to 7, between 5 and 7, two or three, 5%-7%; a score (3-1) is none."""
    if d.kind != Kind.COUNT:
        return None
    T, L, n = r.T, r.L, r.n
    k = d.j
    if k + 1 < n and T[k] == "%" and (T[k + 1] in DASHES or L[k + 1] == "to"):
        d.pct_first = True
        k += 1
    if not (k < n and (T[k] in DASHES or L[k] in ("to", "and", "or"))):
        return None
    conn = L[k]
    left = L[d.first - 1] if d.first - 1 >= r.floor else ""
    ok = True
    if conn == "and":
        ok = left == "between"
    elif conn == "to":
        ok = left not in ("from",)
    elif conn in DASHES:
        ok = r.glued(k - 1, k) or T[k] != "-"
    m = k + 1
    if ok and d.currency and m < n and T[m] in CUR_SYMBOLS:
        m += 1
    r2 = core(r, m) if ok and m < n else None
    if r2 is None or (conn == "or" and L[m] in ("a", "an")):
        if d.pct_first:
            d.pct_first = False
        return None
    v2, m2, plain2 = r2
    v2, m2, f2 = scale(r, v2, m2, d.currency is not None, not T[m][0].isdigit())
    v1 = d.v
    if d.factor == 1.0 and f2 != 1.0 and v1 * f2 < v2 + EPS:
        v1 = v1 * f2
    pct_ok = not d.pct_first or (m2 < n and T[m2] == "%")
    # "rose 2 3/8 to 45 1/8": a move and the level it reached, not a range ("rose 2 to 3 percent")
    move = conn == "to" and (left in CHANGE_VERBS or left in _MOVES or left == "by" and
                             d.currency is not None) and v2 > 3 * v1
    # ("rise by $300 to $2,800"; "rise by 5 to 20 percent" is a range)
    # "voted 4 to 5", "by a vote of 186 to 237": a tally for and against (two figures, as "218
    # to 214" is), never a range of one; "approved 20 to 30 percent more" is a range
    if f2 == 1.0 and (conn == "to" or conn in DASHES) and _tally(r, d, conn, left, m, m2, v2) \
            and not (m2 < n and (T[m2] == "%" or L[m2] in _NOT_A_TALLY_AFTER) or plural_after(r, m2)):
        d.tally = d.closed = True
        r.tally_at, r.tallied, r.tally_dropped = m, True, False
        r.tally_against = r.word(m2) == "against"  # "voted 52-48 against the proposal"
        first, second = ("against", "for") if r.tally_against else ("for", "against")
        d.why.append(f"a tally: {v1:g} votes {first}, {v2:g} {second}")
        return None
    if v1 < v2 and (v1 > 0 and v2 <= 20 * v1 or v1 == 0 and v2 <= 10) and pct_ok and not move:
        if d.pct_first:
            m2 += 1
        d.lo, d.hi = v1, v2
        d.qual = Q.RANGE
        d.v = (v1 + v2) / 2
        d.j = m2
        d.last = m2 - 1
        if left == "between" and conn == "and":
            d.first -= 1
        d.why.append(f"range: {v1:g} {conn} {v2:g}")
    elif conn in DASHES and d.plain and plain2:
        return r.reject(d.i0, m2, "a score: two plain numbers joined by a dash")
    return None


def _margin(r: Tokens, d: Draft) -> bool:
    """A poll's margin of error is in percentage points however it is written: "plus or minus
    4.9 percent", "a 3 percent margin of error"."""
    before = r.L[max(0, d.first - 3): d.first]
    error = ["margin", "of", "error"]
    return before[-3:] == ["plus", "or", "minus"] or r.L[d.last + 2: d.last + 5] == error \
        or r.L[d.first - 4: d.first - 1] == error


def percent_or_money(r: Tokens, d: Draft) -> None:
    """A percent sign or word after the figure, or a currency (sign on the left, word after)."""
    if d.kind != Kind.COUNT:
        return None
    pos = r.E[d.last]
    m = PERCENT_RE.match(r.text, pos) if d.currency is None else None
    if m:
        d.kind = Kind.PERCENT
        d.unit = "pp" if m.group(3) or _margin(r, d) else "%"
        d.last = r.tok_at(m.end()) - 1
        d.why.append("percent after the figure" if d.unit == "%" else "percentage points")
        return None
    m = _BASIS_RE.match(r.text, pos) if d.currency is None else None
    if m:  # "25 basis points" is a quarter of a percentage point
        d.kind, d.unit, d.v = Kind.PERCENT, "pp", d.v / 100
        d.lo, d.hi = (None if x is None else x / 100 for x in (d.lo, d.hi))
        d.last = r.tok_at(m.end()) - 1
        d.why.append("basis points: hundredths of a percentage point")
        return None
    if d.pct_first:
        d.kind, d.unit = Kind.PERCENT, "%"
        d.why.append("percent after the first figure")
        return None
    currency = d.currency
    m = None if currency else CUR_AFTER_RE.match(r.text, pos)
    if m:
        if m.group(1):
            word = m.group(1).lower().split()[0]
            currency = CUR_WORDS.get(word, "usd")
            if currency == "krw" and d.factor == 1.0:
                currency = None  # "won" is a verb unless it follows a scale
            pre = m.group(0).lower().split()
            if currency == "usd" and len(pre) > 1:
                currency = DOLLAR_ADJ.get(pre[-2].strip("."), "usd")
        else:
            currency = CUR_CODES[m.group(2).lower()]
        if currency == "gbp" and word.startswith("pound") and d.factor == 1.0 and (_WEIGHT_CUE.search(
                r.text, max(0, r.S[d.hfirst] - 40), r.S[d.hfirst]) or _KILOS_AFTER.match(r.text, m.end())):
            # "he was 5-foot-11 and 215 pounds", "it weighs 3 pounds": a weight, not sterling
            d.kind, d.unit, d.last = Kind.MEASURE, "lb", r.tok_at(m.end()) - 1
            d.why.append("pounds after a weight or a height: a weight")
            return None
        if currency:
            d.last = r.tok_at(m.end()) - 1
            d.why.append(f"currency after the figure: {currency}")
    d.currency = currency
    if currency:
        d.kind, d.unit = Kind.MONEY, currency
    return None


# Right before the figure: "weighs 3 pounds", "5-foot-11 and 215 pounds", "6ft 2in, 200 pounds".
# "220 pounds (100 kg)": the pounds are a weight
_KILOS_AFTER = re.compile(r"\s*\(\s*(?:about\s+)?[\d.,]+\s*(?:kg|kgs|kilos?|kilograms?)\b", re.I)
_WEIGHT_CUE = re.compile(
    r"(?:\bweigh(?:s|ed|ing)?(?:\s+an?\s+average(?:\s+of)?)?"
    r"|\d[-\s]?(?:foot|feet|ft)\b(?:[-\s]?\d+\s?(?:in|ins|inches)?\b)?)"
    r"(?:\s+(?:about|around|some|nearly|almost|over|under))?[\s,]*(?:and\s+)?$", re.I)


# "25 basis points", "25bp", "50 bps" (lower case: "12 BP petrol stations" are the company's;
# "500 bp of DNA" are base pairs)
_BASIS_RE = re.compile(r"(?:\s|-(?=basis))?(?:(?i:basis[\s-]+points?)|bps?(?!\s+(?:of|fragments?|pairs?|long|DNA)\b))\b")


_TEMPERATURES = ("°c", "°f", "degree")


def duration_age_measure(r: Tokens, d: Draft) -> Outcome | None:
    """A count followed by a time unit, "old", "ago" or a measure unit is read by `units`; a
    temperature after "minus" or a minus sign is below zero ("minus 10 degrees", "-40°F")."""
    if d.kind != Kind.COUNT:
        return None
    out = units(r, d.first, d.last, d.v, d.lo, d.hi, d.qual, d.factor, d.why)
    if out is not None and out[0] is not None and out[0].unit in _TEMPERATURES and d.first > 0 \
            and out[0].value > 0 and out[0].qualifier != Q.RANGE and (
                r.L[d.first - 1] == "minus" and r.L[max(d.first - 3, 0):d.first - 1] != ["plus", "or"]
                or r.T[d.first - 1] in ("-", "−") and r.glued(d.first - 1, d.first)
                and not (d.first > 1 and r.glued(d.first - 2, d.first - 1))):
        # (not a range, "from -5 to 10 degrees", whose ends are read apart; nor "plus or minus")
        q = out[0]
        q.value, q.low, q.high = -q.value, -q.high, -q.low
        if q.start == r.S[d.first]:  # the span holds the sign: "minus 10 degrees", "-40°F"
            q.start = r.S[d.first - 1]
            q.text = r.text[q.start:q.end]
    return out


_GLUED_UNITS = ("member", "seat", "bed", "page", "point")  # "a 31-page complaint": counts pages


def glued_suffix(r: Tokens, d: Draft) -> None:
    """"600-odd", "600-plus", "600+", "a 600-strong force", "a 31-page complaint"."""
    T, last = r.T, d.last
    k = last + 1
    if k >= r.n or not r.glued(last, k):
        return None
    if T[k] == "+":
        d.qual = d.qual or Q.AT_LEAST
        d.last = k
        d.why.append("'+' after the figure")
    elif T[k] in DASHES and k + 1 < r.n and r.glued(k, k + 1):
        sw = r.L[k + 1]
        if sw == "odd":
            d.qual, d.last = Q.ABOUT, k + 1
            d.why.append("'-odd' after the figure")
        elif sw == "plus":
            d.qual, d.last = d.qual or Q.AT_LEAST, k + 1
            d.why.append("'-plus' after the figure")
        elif sw in _GLUED_WORDS:
            d.last = k + 1
            if sw in _GLUED_UNITS:
                d.unit = sw
            d.why.append(f"'-{sw}' after the figure")
    return None


_COMPARATIVES = frozenset(("older", "younger", "greater", "higher", "lower"))


def _post_hedge(r: Tokens, k: int) -> str | None:
    """The hedge written after the figure (or its noun) ending at token k: "600 or so", "21 or
    older"; none where "or" starts another figure ("5 or 6") or a comparison ("89 cents or more
    than 27 percent")."""
    L = r.L
    hq = POST_HEDGES.get(tuple(L[k + 1: k + 3]))
    if hq and L[k + 1] in ("or", "and") and not (
            k + 3 < r.n and (r.T[k + 3][0].isdigit() or L[k + 3] == "than")):
        return hq
    return None


def hedge_after(r: Tokens, d: Draft) -> None:
    """"600 or so", "600 or more"."""
    if d.qual is not None:
        return None
    L, last = r.L, d.last
    hq = _post_hedge(r, last)
    if hq:
        d.qual, d.last = hq, last + 2
        d.why.append(f"hedge after: {hq}")
        d.closed = L[last + 2] in _COMPARATIVES
        if L[last + 2] in ("older", "younger") and d.kind == Kind.COUNT and d.factor == 1.0:
            d.kind, d.unit = Kind.AGE, "year"  # "anyone 21 or older": an age
            d.why.append("age: 'or older'")
    return None


def hedge_before(r: Tokens, d: Draft) -> None:
    """"some 600", "more than 600" (a range keeps its qualifier, and takes the words in)."""
    d.hfirst = d.first
    if d.qual is None:
        hq, hstart = hedge(r, d.first)
        if hq:
            d.qual, d.hfirst = hq, hstart
            d.why.append(f"hedge on the left: {hq}")
    elif d.qual != Q.RANGE:
        hq, hstart = hedge(r, d.first)
        if hq:
            d.hfirst = hstart
    d.end = d.last
    return None


def counted_noun(r: Tokens, d: Draft) -> Outcome | None:
    """What a count counts and what happened to it: "600 troops", "600 of the troops were
    killed", "a total deployment of 15,000"; bare numbers that are no count are turned down."""
    if d.kind != Kind.COUNT:
        return None
    L, T, n, last = r.L, r.T, r.n, d.last
    np = None if d.closed else noun_after(r, last + 1)
    whole = None  # "two of three votes": (what the whole counts, the part's last token)
    if np is None and L[last + 1: last + 2] == ["of"]:
        k = last + 2
        if k < n and d.words and d.v == 1 and L[last] == "one" and L[k] not in _DETERMINERS \
                and T[k][:1].isupper() and T[k].endswith(("'s", "’s")) and not (
                    k + 1 < n and (T[k + 1][:1].isdigit() or L[k + 1] in SMALL_WORDS)):
            # (not "one of Karzai's two bodyguards": a part of a count)
            return r.reject(d.i0, k + 1, "'one of Washington's': not a count")
        if k < n and L[k] in _DETERMINERS:
            if d.words and d.v == 1 and L[last] == "one":
                return r.reject(d.i0, k + 1, "'one of the': not a count")
            k += 1 if L[k] not in ("them", "whom", "which") else 0
        counted = noun_after(r, k + 1) if k < n and (T[k].isdigit() or L[k] in SMALL_WORDS) \
            else None
        if counted is not None and counted[0] is not None:
            # "two of three votes", "Five of the 12 suspects": the part counts what the whole
            # counts, and the whole is a figure of its own, read on from it ("three votes")
            if d.words and d.v == 1 and L[last] == "one":
                return r.reject(d.i0, last + 1, "'one of two': not a count")
            whole = (counted[0], last)
        else:
            np = noun_after(r, k)
    shared = whole or (_noun_of_next(r, last + 1) if np is None else None)
    if shared is not None:
        # "two American and one Yemeni passport": the noun the next count names counts this
        # one too (the figure's own words stop at its modifier)
        d.unit, d.end = shared
        d.why.append(f"counted noun of the next count: {d.unit}")
    if np is not None:
        if d.unit in _GLUED_UNITS and np[0] is not None:
            # "a 31-page complaint", "the 168-member committee": pages and members are what
            # the figure counts; the noun after is what they are of
            d.noun = np[0]
        else:
            d.unit = d.unit if d.unit in ("member", "seat") and np[0] is None else np[0]
        d.end = end = np[1]
        d.why.append(f"counted noun after: {np[0]}")
        if d.qual is None:
            hq = _post_hedge(r, end)
            if hq:
                d.qual = hq
                d.end = end + 2
                d.why.append(f"hedge after the noun: {hq}")
    if d.unit is None:
        d.unit = noun_left(r, d.hfirst)
        if d.unit is not None:
            d.why.append(f"counted noun on the left: {d.unit}")
    # the verb right before the figure says what happened to it ("killed at least six people,
    # injured almost 50": six were killed); one after it only when none does
    d.event = event_left(r, d.hfirst) or event_after(r, d.end + 1) or next(
        (EVENTS[r.L[k]] for k in range(d.last + 1, d.end) if r.L[k] in EVENTS), None)
    # (the last: "Three critically injured men": the fate said inside the noun phrase)
    if d.event:
        d.why.append(f"event: {d.event}")
    # bare spelled-out small numbers without a noun are pronouns or idioms ("the two said"),
    # unless something happened to them ("killing six")
    if d.words and np is None and shared is None and d.qual is None and d.v < 10 and \
            d.factor == 1.0 and (d.event is None or d.unit is not None):
        return r.reject(d.i0, last + 1, "a small spelled-out number with no noun: a pronoun")
    if d.words and d.v == 1 and last == d.i0 and r.word(d.i0 - 1) in (
            "no", "any", "every", "each", "some", "the", "this", "that", "which"):
        return r.reject(d.i0, last + 1, "'one' after a determiner: a pronoun")
    if not d.words and r.named and np is None and d.qual is None and d.factor == 1.0:
        return r.reject(d.i0, last + 1, "a number after a name, no noun: a name (Title 42)")
    if not d.words and r.named and np is not None and np[0] is not None and d.qual is None \
            and d.factor == 1.0 and d.v != 1 and not pluralish(np[0]) and d.unit not in _GLUED_UNITS \
            and r.word(last + 1) not in _GLUED_UNITS and r.word(d.i0 - 1) not in WEEKDAY_NAMES:
        # "the Itanium 2 processor", "the Oxford 922 chipset", "the S&P 500 index": a number
        # between a name and a noun in the singular names a model, never a count of it ("In
        # Texas 1 person died" is grammar; "Liverpool 2 point lead" counts points)
        return r.reject(d.i0, d.end + 1, "a number between a name and a singular noun: a "
                        "model's name (Itanium 2 processor)")
    if d.words and 1 < d.v < 100 and d.qual is None and r.word(d.i0 - 1) in ("a", "an") and np \
            and d.unit not in _GLUED_UNITS and r.word(last + 1) not in _GLUED_UNITS:
        # "a two state solution", "a three car pileup": a compound modifier, no count ("a
        # hundred", "a dozen" start at the article; "a five-member panel", "a two-point lead"
        # count members and points)
        return r.reject(d.i0, d.end + 1, "a spelled number after 'a': a compound modifier "
                        "(a two state solution)")
    if d.words and _name_number(r, d.i0):
        return r.reject(d.i0, d.end + 1, "a capitalised number word after a name: a name "
                        "(the Final Four, the Big Ten)")
    if not d.words and d.v == 101 and np is None and d.qual is None and d.factor == 1.0 \
            and d.event is None and d.unit is None and _after_a_noun(r, d.i0) and (
                last + 1 >= r.n or r.T[last + 1] in _CLAUSE_END):
        return r.reject(d.i0, last + 1, "'101' right after a noun, at a clause's end: the "
                        "basics of it (equality 101)")
    if not d.words and np is None and d.qual is None and d.factor == 1.0 and d.event is None \
            and d.kind == Kind.COUNT and d.unit is None and "-" not in r.text[r.S[d.i0]:r.E[last]] \
            and _title_word(r, last + 1) \
            and not _counted_after_name(r, last + 1):
        return r.reject(d.i0, last + 1, "a number before a name, no noun: a title (2 Fast 2 "
                        "Furious)")
    return None


_CLAUSE_END = frozenset(".,;:!?\"”’)")
MODIFIERS = 3  # words between a count and the "and" before the next one: "two U.S. and"
_ADJECTIVE_END = re.compile(r"(?:an|ese|ish|ic|i|ch)$")
# counts of people, as people, by who they are or by what befell them: a capitalised word before
# one is a group of people, not an adjective
PEOPLE_GROUPS = PEOPLE | {"person", "death", "injury", "casualty", "arrest", "evacuee", "missing",
                          "displaced"}


def _modifiers_end(r: Tokens, k: int) -> int:
    """The last token of the modifiers from token k ("American", "U.S.", "armed"), or k - 1
    when there are none: capitalised words (with their abbreviation dots) and adjectives."""
    end = k - 1
    words = 0
    while k < r.n and words < MODIFIERS:
        t = r.T[k]
        if t == "." and end == k - 1 and r.glued(k - 1, k):
            end = k  # "U.S." as tokens "U", ".", "S", "."
        elif t[0].isalpha() and r.L[k] not in STOP and (
                r.L[k] in ADJ or t[0].isupper() and (
                    len(t) == 1 and r.glued(k, k + 1) or _ADJECTIVE_END.search(r.L[k]))):
            # an adjective of the lexicon, an abbreviation ("U.S."), or a capitalised adjective by
            # its ending ("American", "Yemeni", "Democratic", "British"), never a day, a month
            # or a plural ("Friday", "Kuwaitis", "RBIs")
            end = k
            words += 1
        else:
            break
        k += 1
    return end


def _noun_of_next(r: Tokens, k: int) -> tuple[str, int] | None:
    """The counted noun of a count right after "and"/"or" that follows modifiers only, when that
    count has modifiers too, and the last token of those modifiers: in "two American and one
    Yemeni passport" (from token k, after "two"), "passport" and the token of "American". None
    otherwise: "12 men and three women" names its own noun; "3 and 4" has no modifier between;
    "two Kuwaitis and six Palestinians" count two nouns."""
    end = _modifiers_end(r, k)
    if end < k or end + 2 >= r.n or r.L[end + 1] not in ("and", "or"):
        return None
    t = r.T[end + 2]
    if not (t.isdecimal() or r.L[end + 2] in SMALL_WORDS):
        return None
    np = noun_after(r, end + 3)
    # the next count has modifiers of its own before a common noun ("one Yemeni passport"):
    # "two Kuwaitis and six Palestinians", "two Guyanese and two whites" count people of each
    if np is None or np[0] is None or np[1] == end + 3 or not r.T[np[1]][0].islower() or \
            not pluralish(r.L[np[1]]) and r.L[end + 2] != "one":
        return None
    if group(np[0]) in PEOPLE_GROUPS and r.T[k][0].isupper():
        # "3 Taliban and 2 Afghan civilians": a capitalised word before people counts a group
        # of its own
        return None
    return np[0], end


def _after_a_noun(r: Tokens, k: int) -> bool:
    """Token k, a whole number, follows a lower-case word that is neither a function word nor a
    verb, and no article before that word ("equality 101"; not "hits 101", "killed 101",
    "shooting 69", "lost 68.84", "was 101", "a record 101")."""
    if k == 0 or r.glued(k - 1, k):
        return False
    t, w = r.T[k - 1], r.L[k - 1]
    return r.T[k].isdigit() and t.isalpha() and t.islower() and len(t) > 2 and w not in STOP \
        and not looks_verb(w) and not w.endswith(("ing", "ed", "s")) and w not in CHANGE_VERBS \
        and w not in MONTHS and r.word(k - 2) not in ("a", "an", "the")


def _name_number(r: Tokens, k: int) -> bool:
    """A capitalised number word at token k inside a sentence written as prose: part of a name
    ("the Ten Commandments", "the Big Ten title", "the Final Four games", "Gang of Eight"), right
    after a name, "the" or "of". Not at the sentence's start nor after a dateline or a mark
    ("WASHINGTON Two people", "— Three"), nor in a headline written in title case ("Quake Kills
    Five")."""
    if k == 0 or not r.T[k][:1].isupper() or r.T[k].isupper():
        return False
    p = r.T[k - 1]
    if not p.isalpha() or p.isupper() or not (p[:1].isupper() or p.lower() in ("the", "of")):
        return False
    # prose: some lower-case word of four letters or more that is no function word. Not
    # dates._prose (most words lower case): a sentence full of names is prose too ("Spartans Head
    # Coach Mark Dantonio said Big Ten officials reviewed the call")
    return any(t.isalpha() and t.islower() and len(t) > 3 and w not in STOP
               for j, (t, w) in enumerate(zip(r.T, r.L, strict=True)) if j not in (k - 1, k))


def _title_word(r: Tokens, k: int) -> bool:
    """A capitalised word at token k that starts no count: "2 Fast", never "3 Democrats" (a
    noun, read as such before), "50,000 CPUs", "5 In Florida" nor "2 Friday"."""
    if k >= r.n or r.glued(k - 1, k):
        return False
    t, w = r.T[k], r.L[k]
    return t[:1].isupper() and t.isalpha() and sum(ch.isupper() for ch in t) == 1 \
        and w not in STOP and w not in MONTHS and w not in WEEKDAY_NAMES


_NAME_RUN = 10  # tokens of a name between a count and its noun ("40 Airbus A320 jets")


def _counted_after_name(r: Tokens, k: int) -> bool:
    """Does a name starting at token k run into a plural noun ("40 Airbus A320 jets",
    "700,000 Deferred Action for Childhood Arrivals (DACA) recipients")?"""
    for j in range(k, min(r.n, k + _NAME_RUN)):
        t, w = r.T[j], r.L[j]
        if t[:1].isupper() or t[:1].isdigit() or w in ("of", "for", "and", "&", "(", ")", "-"):
            continue
        return t[:1].isalpha() and pluralish(w) and not looks_verb(w)
    return False


def figure_noun(r: Tokens, d: Draft) -> None:
    """What money or a percentage is of: "$5m for the bridge", "60% of the vote", "cost $5m"."""
    if d.kind not in (Kind.MONEY, Kind.PERCENT):
        return None
    L = r.L
    np = None
    k = d.last + 1
    if L[k: k + 1] == ["of"] or (L[k: k + 1] == ["in"] and d.kind == Kind.MONEY):
        k += 1
        if L[k: k + 1] in (["the"], ["its"], ["their"]):
            k += 1
        np = noun_after(r, k)
    elif d.kind == Kind.MONEY:
        np = noun_after(r, k)
    noun = L[np[1]] if np else noun_left(r, d.hfirst, only_of=True)
    before = d.hfirst - 1
    if r.word(before) == "at" and r.word(before - 1) in ("priced", "valued"):
        before -= 1  # "jewelry valued at over $2.6 million"
    if noun is None and d.kind == Kind.MONEY and r.word(before) in (
            "cost", "costs", "costing", "worth", "priced", "valued"):
        noun = "cost" if r.word(before).startswith("cost") else "value"
    d.noun = noun
    if noun:
        d.why.append(f"of: {noun}")
    return None


def money_words(r: Tokens, d: Draft) -> None:
    """"shares added 26 cents": a sum of money (0.26 dollars), not a count of cents; "a
    million-dollar check": a million dollars, not a count of a million."""
    if d.kind != Kind.COUNT:
        return None
    if d.unit == "cent" and d.factor == 1.0:
        # "63 Canadian cents" are Canada's ("up 19 cents ... at A$4.56": reader.run)
        d.kind, d.unit, d.v = Kind.MONEY, DOLLAR_ADJ.get(r.word(d.end - 1), "usd"), d.v / 100
        if d.qual == Q.RANGE and d.lo is not None and d.hi is not None:
            d.lo, d.hi = d.lo / 100, d.hi / 100  # "8 to 9 cents a share"
        d.why.append("money: cents")
    elif d.qual == Q.RANGE:
        return None
    elif d.unit is None and d.last + 2 < r.n and r.T[d.last + 1] in DASHES \
            and r.glued(d.last, d.last + 1) and r.glued(d.last + 1, d.last + 2) \
            and r.L[d.last + 2] in CUR_WORDS and r.L[d.last + 2] != "won":
        d.kind, d.unit, d.end = Kind.MONEY, CUR_WORDS[r.L[d.last + 2]], d.last + 2
        d.why.append("money: a currency's name joined to the figure")
    return None


_APPROACHING = frozenset(("approached", "approaching", "nearing", "neared"))


def approaching(r: Tokens, d: Draft) -> None:
    """"the death toll approached 770", "nearing $1 billion": nearly that figure; not when the
    figure counts what is approached ("approaching 3 islands": a storm's path)."""
    if d.qual is None and r.word(d.hfirst - 1) in _APPROACHING and d.hfirst - 1 >= r.floor and (
            d.kind in (Kind.MONEY, Kind.PERCENT) or d.kind == Kind.COUNT and d.unit is None):
        d.qual, d.hfirst = Q.NEARLY, d.hfirst - 1
        d.why.append(f"hedge on the left: nearly ('{r.word(d.hfirst)}')")
    return None


_PERSON_SUBJECTS = frozenset("he she i who".split())  # one person ("they were 12" counts)
_TO_BE = frozenset("was is turned turns".split())
_CLAUSE_GOES_ON = frozenset("and when at in but or as".split())
_WHEN = frozenset("when since until till after before as".split())


def age_in_a_clause(r: Tokens, d: Draft) -> None:
    """"starting when he was about 15 and ...", "one who was under 16.": a person's age (a
    count of nothing)."""
    if d.kind != Kind.COUNT or d.unit is not None or d.factor != 1.0 or not 1 <= d.v <= 120 \
            or d.qual in (Q.RANGE, Q.VAGUE) or d.event:
        return None
    k = d.hfirst - 1
    if r.word(k) not in _TO_BE or r.word(k - 1) not in _PERSON_SUBJECTS:
        return None
    if not (r.word(k) in ("turned", "turns") or r.word(k - 2) in _WHEN
            or r.word(k - 1) == "who" and d.qual in (Q.UNDER, Q.OVER)):
        return None  # "she was 12 at the halfway mark", "who was 8 and 2": a place, a record
    nxt = d.end + 1
    if nxt < r.n and r.T[nxt][:1].isalnum() and r.L[nxt] not in _CLAUSE_GOES_ON or \
            nxt + 1 < r.n and r.L[nxt] == "and" and (r.T[nxt + 1][:1].isdigit()
                                                   or r.L[nxt + 1] in SMALL_WORDS):
        return None  # "he was 15 points ahead" reads on
    d.kind, d.unit = Kind.AGE, "year"
    d.why.append(f"age: '{r.word(k - 1)} {r.word(k)}' before the number")
    return None


def votes_for(r: Tokens, d: Draft) -> None:
    """A tally's first figure counts votes for (`number_range`; the second, votes against, is
    read in `finish`)."""
    if d.tally:
        d.kind, d.unit, d.event = Kind.COUNT, "vote", "against" if r.tally_against else "for"


STEPS: tuple[Step, ...] = (
    currency_before, date_forms, and_a_half, scale_words, one_in_n, number_range,
    percent_or_money, duration_age_measure, glued_suffix, hedge_after, hedge_before,
    counted_noun, figure_noun, money_words, approaching, age_in_a_clause, votes_for,
)


def finish(r: Tokens, i0: int, j: int, v: float, plain: bool, words: bool) -> Outcome:
    """The quantity whose number is at tokens i0..j-1 (value v), or why there is none."""
    d = Draft(i0, j, v, plain, words)
    if i0 == r.tally_at and r.tally_dropped:  # "Senate Voted 52-48 To Confirm": a headline's name
        return r.reject(i0, j, "the second figure of a tally whose first is no figure")
    if i0 == r.tally_at:  # "9" of "voted 396-9": votes against, and nothing more
        d.unit, d.event = "vote", "for" if r.tally_against else "against"
        d.why.append(f"a tally's second figure: votes {d.event}")
        d.lo = d.hi = v
        return r.make(d.hfirst, d.end, d.v, d.lo, d.hi, d.qual, d.unit, d.kind, d.noun, d.event,
                      why=d.why), d.end + 1
    for step in STEPS:
        out = step(r, d)
        if out is not None:
            return out
    if d.qual != Q.RANGE and not (d.qual is None and d.frac):
        d.lo, d.hi = interval(d.qual, d.v, d.kind)
    return r.make(d.hfirst, d.end, d.v, d.lo, d.hi, d.qual, d.unit, d.kind, d.noun, d.event,
                  why=d.why), d.end + 1
