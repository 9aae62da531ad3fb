"""The reader: walks the tokens of a sentence and hands each number to the reader of its form.

- digits: `number` (identifier rules in `rejects`, then `finish.finish`);
- words: `words` (spelled numbers, ordinals, fractions, vague amounts, relative dates);
- a capitalised month: `dates.month`.
"""

from __future__ import annotations

import math
import re

from ..model import Quantity
from .dates import month, relative, weekday
from .finish import finish
from .forms import fraction, half, ordinal, several, vague
from .kinds import Kind
from .kinds import Qualifier as Q
from .lexicon import STOP, YEAR_PREV, group
from .rejects import RULES
from .stamps import stamp_line
from .tokens import BETWEEN_OF_RE, DASHES, Outcome, Reading, Rejection, Tokens, maybe_quantity
from .values import mixed_fraction, spelled
from .words import (
    BIG,
    CUR_CODES,
    DENOMS,
    HEDGES,
    MONTHS,
    ORDINALS,
    SMALL_WORDS,
    VAGUE,
    WEEKDAY_NAMES,
)

_WORD_STARTS = {"a", "an", "zero", "tens", "several", "few", "last", "this", "next", "yesterday",
                "mid", "early", "late"}
_DENOM_AFTER = ("fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "third",
                "quarter", "half")
_DAY_STARTS = {d[:3] for d in WEEKDAY_NAMES}
HUGE_RE = re.compile(r"\d[\d,.]{18,}")  # a run of digits no report states as a quantity


def run(r: Tokens) -> list[Quantity]:
    """Every quantity in the sentence, in order."""
    out: list[Quantity] = []
    T, L, n = r.T, r.L, r.n
    if n <= 24 and stamp_line(r):
        r.reject(0, n, "a date or timestamp line")
        return out
    i = 0
    while i < n:
        c = T[i][0]
        res = None
        if c.isdecimal():  # not a superscript ("12¹", a footnote's mark), though isdigit() says so
            res = number(r, i)
        elif c.isalpha():
            w = L[i]
            if w in SMALL_WORDS or w in ORDINALS or w in VAGUE or w in DENOMS \
                    or w in _WORD_STARTS:
                res = words(r, i)
            elif w in MONTHS and r.is_month(i):
                res = month(r, i)
                if res is not None and res[0] is not None and \
                        _TWEET_RE.search(r.text, max(0, r.S[i] - 40), r.S[i]):
                    res = r.reject(i, res[1], "an embedded tweet's date stamp ((@name) December 4)")
            elif w[:3] in _DAY_STARTS and c.isupper() and \
                    w.removesuffix("'s").removesuffix("’s") in WEEKDAY_NAMES:
                res = weekday(r, i)
        if res is None:
            i += 1
            continue
        q, j = res
        if q is None and r.tally_at >= i:  # a tally's first figure turned down: so is its second
            r.tally_dropped = True
        why = _not_a_date(r, q) if q is not None and q.kind == Kind.DATE else None
        if why:
            if r.trace is not None:  # read, then turned down: the trace keeps the last word
                r.trace[:] = [t for t in r.trace if not (isinstance(t, Reading) and t.quantity is q)]
            q, j = r.reject(i, j, why)
        if q is not None:
            out.append(q)
        r.floor = max(r.floor, j)
        i = j if j > i else i + 1
    # "They weighed an average 220 pounds (100 kg) and needed to lose between 30 and 80 pounds":
    # pounds lost or gained in a sentence that weighs in pounds are weights ("was fined 500
    # pounds" stays sterling)
    if any(q.kind == Kind.MEASURE and q.unit == "lb" for q in out):
        for q in out:
            if q.kind == Kind.MONEY and q.unit == "gbp" and q.text.lower().endswith(("pound", "pounds")) \
                    and not _SCALED_RE.search(q.text) and _GAIN_LOSS_RE.search(r.text, max(0, q.start - 16), q.start):
                q.kind, q.unit = "measure", "lb"
    # "up 19 cents, or 4.4%, at A$4.56": cents are the dollars' the sentence prices in
    dollars = {q.unit for q in out if q.kind == Kind.MONEY and q.unit in _DOLLARS}
    if len(dollars) == 1 and not _US_RE.search(r.text):  # (not "73.26 U.S. cents, or C$1.36")
        for q in out:
            if q.kind == Kind.MONEY and q.unit == "usd" and q.text.lower().endswith(("cent", "cents")):
                q.unit = next(iter(dollars))
    # "12 of the 40 soldiers": the first count is of the second's noun
    for a, b in zip(out, out[1:], strict=False):
        if (a.kind == b.kind == Kind.COUNT and a.unit is None and b.unit is not None
                and BETWEEN_OF_RE.fullmatch(r.text, a.end, b.start)):
            a.unit = b.unit
            if r.trace is not None:
                for t in r.trace:
                    if isinstance(t, Reading) and t.quantity is a:
                        t.why.append(f"counted noun of the next figure: {b.unit}")
    _share_a_list_unit(out, r.text)
    # "aged 16 and 13": the bare number after an age, in its list, is an age too
    for a, b in zip(out, out[1:], strict=False):
        if a.kind == Kind.AGE and b.kind == Kind.COUNT and b.unit is None \
                and _AND_RE.fullmatch(r.text, a.end, b.start) and not _OTHERS_RE.match(r.text, b.end) \
                and (not b.event or _PLURAL_BEFORE.search(r.text, 0, a.start)):
            # ("Two boys aged 16 and 13 were arrested", not "A man aged 70 and 12 were injured")
            b.kind, b.unit = a.kind, a.unit
    # "killing five people and injuring 250 others", "50 people killed and 53 wounded": people,
    # as the count before them
    for k, b in enumerate(out):
        if b.kind == Kind.COUNT and b.unit is None and (
                b.event or _OTHERS_RE.match(r.text, b.end)):
            a = next((q for q in reversed(out[:k]) if q.kind == Kind.COUNT and q.unit), None)
            if a is not None and (a.event or not b.event) and group(a.unit) == "person":
                b.unit = "person"
    # "killed 230,000 people, over 170,000 of them in Aceh": a part of the figure before
    for a, b in zip(out, out[1:], strict=False):
        if (a.kind == b.kind == Kind.COUNT and b.unit is None and a.unit is not None
                and _OF_THEM_RE.match(r.text, b.end)):
            b.unit = a.unit
            if r.trace is not None:
                for t in r.trace:
                    if isinstance(t, Reading) and t.quantity is b:
                        t.why.append(f"'of them': a part of the figure before ({a.unit})")
    return out


_GAIN_LOSS_RE = re.compile(r"\b(?:lose|losing|lost|gain|gained|gaining|shed|shedding)\b[\w\s]*$", re.I)
_SCALED_RE = re.compile(r"million|billion|\dm\b|\dbn\b", re.I)
_US_RE = re.compile(r"\bU\.?S\.?\b|\bUSD\b|(?<![A-Z])\$")  # American dollars in the sentence too
_DOLLARS = frozenset(("aud", "cad", "nzd", "sgd", "hkd", "twd"))  # other dollars, with cents
# "one" in idioms that count nothing
_ONE_IDIOM_RE = re.compile(r"one(?:\s+way\s+or\s+(?:the\s+other|another)|\s*[-‐]\s*(?:on|to)\s*[-‐]\s*one)\b",
                           re.I)
_ONE_IDIOM_PAIRS = frozenset((("at", "point"), ("at", "time"), ("at", "stage"), ("at", "moment"),
                              ("for", "thing")))


def _not_a_date(r: Tokens, q: Quantity) -> str | None:
    """Why a date read is no date of the story, from the words right before it."""
    before = max(0, q.start - 16)
    if _BOUND_RE.search(r.text, before, q.start):
        return "a bound on when, not the date ('as early as May 14')"
    if q.qualifier is None and _FISCAL_RE.search(r.text, before, q.start):
        return "a fiscal year, not the calendar year ('fiscal 2004')"
    return None


# "the third quarter of fiscal 2004": a company's year, which the calendar's does not date
_FISCAL_RE = re.compile(r"\bfiscal\s+(?:year\s+)?$", re.I)
# "may come as early as May 14", "as soon as Friday": a bound on when, not the day it happened
_BOUND_RE = re.compile(r"\bas\s+(?:early|soon)\s+as\s+$", re.I)
# An embedded tweet ends "— Name (@handle) December 4, 2017": its date says when it was posted.
_TWEET_RE = re.compile(r"\(@\w+\)\s*$")
_PLURAL_BEFORE = re.compile(r"\b(?:\w+s|men|women|children|people)\s+$", re.I)
_BARE_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+(?:-[a-z]+)?", re.I)  # a number alone: "12", "five"
_SIGN_BARE_RE = re.compile(r"[$€£]\d{1,3}(?:\.\d+)?")  # a small sum alone: "$5" (not "$450,000")
_LIST_KINDS = frozenset((Kind.PERCENT, Kind.DURATION, Kind.MEASURE, Kind.MONEY))
_SCALE_OF = (("trillion", 1e12), ("billion", 1e9), ("million", 1e6))
_LAST_AND_RE = re.compile(r"\s*,?\s*(?:and|or)\s+", re.I)
_LEAD_NUMBER_RE = re.compile(r"[$€£]?(\d[\d,]*(?:\.\d+)?)")


def _share_a_list_unit(out: list[Quantity], text: str) -> None:
    """"rose 2, 3 and 4 percent", "after five, 12 and 24 years", "$5, $10 and $20 million": the
    bare figures of a list take the unit (and the scale) its last figure is written with (else
    "Prices rose 2" read as two prices, "$5" as five dollars). A list has "and" or "or" before
    its last figure ("In grades 3 and 4, 40 percent" is none), a list of two holds figures
    within a factor of two ("The toll rose to 12 and 40 percent of homes were destroyed" is no
    list) and no comma, and a last figure read in another unit than its own ("25, 50 and 75 basis
    points") or one that continues a list of another kind ("aged 5, 7 and 10 years") lends none."""
    for k in range(len(out) - 1, 0, -1):
        last = out[k]
        if last.kind not in _LIST_KINDS or last.qualifier is not None \
                or not _LAST_AND_RE.fullmatch(text, out[k - 1].end, last.start):
            continue
        scale = next((f for w, f in _SCALE_OF if w in last.text.lower()), 1.0)
        m = _LEAD_NUMBER_RE.match(last.text)
        if m is None or abs(float(m.group(1).replace(",", "")) * scale - last.value) > 1e-9 * max(1.0, last.value):
            continue  # written in one unit, read in another: "75 basis points" is 0.75 points
        j = k
        while j > 0:
            a, b = out[j - 1], out[j]
            if a.qualifier is not None or not _AND_RE.fullmatch(text, a.end, b.start):
                break
            if last.kind == Kind.MONEY:
                if not (a.kind == Kind.MONEY and a.unit == last.unit and scale > 1
                        and _SIGN_BARE_RE.fullmatch(a.text)):
                    break
            elif not (a.kind == Kind.COUNT and _BARE_RE.fullmatch(a.text)
                      and (a.text[0].isdigit() or a.text.lower() in SMALL_WORDS)):
                break
            j -= 1
        if j == k or j > 0 and _AND_RE.fullmatch(text, out[j - 1].end, out[j].start):
            continue  # nothing to share, or a list that began with figures of another kind
        if k - j == 1:
            a = out[j]
            x, y = a.value * (scale if last.kind == Kind.MONEY else 1.0), last.value
            if "," in text[a.end:last.start] or not (x > 0 and y > 0 and 0.5 <= x / y <= 2.0):
                continue
        for a in out[j:k]:
            if last.kind == Kind.MONEY:
                a.value *= scale
            a.low = a.high = a.value
            a.kind, a.unit, a.noun = last.kind, last.unit, last.noun


_AND_RE = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*", re.I)
_OF_THEM_RE = re.compile(r"\s+of\s+(?:them|whom|those)\b", re.I)
_OTHERS_RE = re.compile(r"\s+others\b", re.I)


def number(r: Tokens, i: int) -> Outcome:
    """A number written in digits at token i."""
    T, L = r.T, r.L
    p = T[i - 1] if i > 0 else ""
    named = (p[:1].isupper() and p.isalpha() and L[i - 1] not in STOP
             and L[i - 1] not in MONTHS and L[i - 1] not in CUR_CODES
             and (L[i - 1],) not in HEDGES and L[i - 1] not in YEAR_PREV
             and L[i - 1] not in ("us", "aged", "age", "ages"))
    mixed = None if named else mixed_fraction(r, i)
    if mixed is not None:
        frac, j = mixed
        r.named = False
        return finish(r, i, j, float(T[i]) + frac, plain=False, words=False)
    for rule in RULES:
        out = rule(r, i)
        if out is not None:
            return out
    raw = T[i]
    r.named = named
    if "," in raw or "." in raw:
        v = float(raw.replace(",", ""))
        plain = False
    else:
        v = float(raw)
        plain = True
    return finish(r, i, i + 1, v, plain=plain, words=False)


def words(r: Tokens, i: int) -> Outcome | None:
    """A quantity starting with a word at token i ("six", "a dozen", "third", "last year")."""
    T, L, n = r.T, r.L, r.n
    w = L[i]
    nxt = L[i + 1] if i + 1 < n else ""
    if (w in SMALL_WORDS and i + 4 < n and T[i + 1] in DASHES and L[i + 2] == "by"
            and T[i + 3] in DASHES and L[i + 4] in SMALL_WORDS and r.glued(i, i + 1)
            and r.glued(i + 3, i + 4)):
        return r.reject(i, i + 5, "a vehicle type or a size (four-by-four)")
    if w in ("last", "this", "next"):
        return relative(r, i)
    if w == "yesterday":
        v = -1 / 365.25
        return r.make(i, i, v, v, v + 1 / 365.25, Q.RELATIVE, "date", Kind.DATE,
                      why="relative date: yesterday"), i + 1
    if w in ("mid", "early", "late"):
        return None  # handled from the year on their right
    if w == "one":
        m = _ONE_IDIOM_RE.match(r.text, r.S[i])
        if m or (i > 0 and (L[i - 1], nxt) in _ONE_IDIOM_PAIRS and not (
                i + 2 < n and (T[i + 2][:1].isdigit() or L[i + 2] in SMALL_WORDS))):
            # (not "at one point five percent": a decimal said in words)
            return r.reject(i, r.tok_at(m.end()) if m else i + 2,
                            "an idiom, not a count ('at one point', 'one way or another')")
    if w in VAGUE or w == "tens":
        return vague(r, i)
    if w in ("several", "few"):
        return several(r, i)
    if w == "half":
        return half(r, i)
    if w in ORDINALS and w not in ("second",) or (w == "second" and nxt not in ("", ".")):
        if not (w in DENOMS and i > 0 and L[i - 1] in ("a", "one")):
            return ordinal(r, i, i + 1, float(ORDINALS[w]))
    if w in ("a", "an"):
        if nxt in DENOMS and nxt not in ("half", "halves"):
            return fraction(r, i, 1.0, i + 1)
        if nxt == "dozen":
            return finish(r, i, i + 2, 12.0, plain=False, words=True)
        if nxt not in BIG and nxt != "hundred":
            return None
    if w == "zero":
        return finish(r, i, i + 1, 0.0, plain=False, words=True)
    res = spelled(r, i)
    if res is None:
        return None
    v, j, is_ordinal = res
    if is_ordinal:
        return ordinal(r, i, j, v)
    # "two-thirds", "three quarters", "one fifth"
    k = j
    if k < n and T[k] in DASHES and r.glued(k - 1, k):
        k += 1
    if k < n and L[k] in DENOMS and v <= 10 and j == i + 1 and L[k] not in ("second",):
        if not (L[k] in _DENOM_AFTER and v > 1 and k == j):
            return fraction(r, i, v, k)
    return finish(r, i, j, v, plain=False, words=True)


def _read(text: str, trace: list | None = None) -> list[Quantity]:
    if not text or not maybe_quantity(text):
        return []
    # Digit runs of 19 characters and more (serial numbers, a pasted hash, "9" x 400) are not
    # figures: masked, same length, so offsets stay true and no value overflows to infinity.
    if not HUGE_RE.search(text):
        out = run(Tokens(text, trace))
    else:
        out = run(Tokens(HUGE_RE.sub(lambda m: "x" * len(m.group()), text), trace))
        for q in out:
            q.text = text[q.start : q.end]
    out = [q for q in out
           if all(math.isfinite(v) for v in (q.value, q.low, q.high) if v is not None)]
    _conversions_keep_hedges(out, text)
    return out


_OPENS = re.compile(r"\s*\(\s*$")


def _conversions_keep_hedges(qs: list[Quantity], text: str) -> None:
    """A measure converted in brackets right after a hedged one has its hedge: "above 50
    degrees (120 Fahrenheit)" is above 120 Fahrenheit."""
    for a, b in zip(qs, qs[1:], strict=False):
        if a.kind == b.kind == "measure" and a.qualifier and b.qualifier is None \
                and a.qualifier not in ("range", "vague") and _OPENS.match(text, a.end, b.start):
            b.qualifier = a.qualifier
            if a.value:  # the same interval, scaled: "above 50" holds 50 to 60, so 120 to 144
                b.low, b.high = b.value * a.low / a.value, b.value * a.high / a.value


def conversion_twins(qs: list[Quantity], text: str) -> dict[int, int]:
    """Measures converted in brackets right after another, in another unit ("50 km (32 miles)",
    "38 C (100.4 F)"): each one's place in `qs` to its twin's, both ways. Together they are one
    quantity written twice; whether the conversion holds is the caller's to judge."""
    out: dict[int, int] = {}
    for k, (a, b) in enumerate(zip(qs, qs[1:], strict=False)):
        if a.kind == b.kind == "measure" and a.unit and b.unit and a.unit != b.unit \
                and a.end <= b.start and _OPENS.match(text, a.end, b.start):
            out[k], out[k + 1] = k + 1, k
    return out


def read_quantities(text: str) -> list[Quantity]:
    """Every quantity in one sentence, in order (see the package docstring for conventions).

    Each quantity also keeps its sentence as the private attribute ``_sentence`` (not a field:
    not stored, not compared), so that pairing can read its scope (`scope.context`) when only
    the quantities are at hand."""
    out = _read(text)
    for q in out:
        q._sentence = text
    return out


def explain(text: str) -> tuple[list[Reading], list[Rejection]]:
    """What `read_quantities` reads in `text`, each with the reasons it was read so, and the
    numbers it turned down with why: for a detail view, and for checking a rule."""
    trace: list = []
    kept = {id(q) for q in _read(text, trace)}
    readings = [t for t in trace if isinstance(t, Reading) and id(t.quantity) in kept]
    rejections = [t for t in trace if isinstance(t, Rejection)]
    return readings, rejections
