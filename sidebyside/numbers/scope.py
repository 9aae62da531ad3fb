"""What a figure is about and over what scope, read from the words around it in its sentence.

Two figures from different sources are one quantity only when they count the same thing about the
same subject over the same scope (issue 14): "this raid seized 9 pistols" is not "in four raids so
far, 23 pistols"; "in 2019" is not "from 2012 to 2019"; one town's toll is not the storm's. The
findings stage (sidebyside/figure_pairs.py) pairs figures with `different_scope` and `shared_words`;
subjects (Fox viewers are not CNN viewers) are told apart there and in figure_subjects.py.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..model import Quantity
from .lexicon import CHANGE_VERBS, EVENTS, VERBS, looks_verb
from .words import MONTHS

WINDOW = 8  # words either side of a figure
CLOSE = 3  # content words either side that say what the figure is of ("up 2 percent", "shares rose")

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’&.-]*|\d[\d,.]*")
_YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)s?$")

STOP = frozenset("""
a an the of to in on at by for from with and or but as is are was were be been being has have had
do does did it its it's this that these those there their they them he she his her him we our you
i me my who whom which what when where while than then so not no nor also into about over under
after before since until up down out more most less least nearly almost some around roughly just
said says say according told would could should will may might can per each new one two three
four five six seven eight nine ten percent per cent million billion trillion thousand hundred
mr mrs ms dr including other another all any both such only very much many themselves itself
himself herself ourselves yourself
""".split())

_TOTAL = ("so far", "to date", "in total", "in all", "altogether", "all told", "cumulative",
          "total of", "a total", "overall", "combined")
_RATE = {"each": "each", "apiece": "each", "a year": "year", "per year": "year",
         "annually": "year", "annual": "year", "yearly": "year", "a month": "month",
         "monthly": "month", "a week": "week", "weekly": "week", "a day": "day", "daily": "day",
         "an hour": "hour", "per hour": "hour"}
# Softer marks of a rate, which tell two figures apart only when both have one and they differ
# ("a weekly salary of about $213,000" / "about $220,000 a game"): a rate word near before the
# figure ("The annual march drew 20,000 people" is no rate against "The march drew 25,000"), and
# "a game", "per game" after it ("40 points, a game high").
_PER_NEAR = {"weekly": "week", "annual": "year", "yearly": "year", "monthly": "month",
             "daily": "day", "hourly": "hour"}
_PER_AFTER = {"a game": "game", "per game": "game"}
_CLOSE = frozenset("close closed closing closes ended ending finished settled".split())
_INTRADAY = frozenset("intraday midday morning afternoon earlier early gmt edt est et"
                      " opening open".split())
_MARKET = frozenset("shares stock stocks index indexes points nasdaq dow s&p yield yields basis"
                    " session composite yen franc francs intraday"
                    " after-hours".split())
# A move to a price quoted in cents: "fell 1.3 percent to A$12.43", "dropped $2.21, or 5.8
# percent, to $36.14" ("rose 5 percent to $245,000", a home's price, and "to $645 million", a
# company's sales, are no quotes). Only the figures inside the move are quotes.
_PRICE_MOVE_RE = re.compile(
    r"\b(?:fell|dropped|rose|gained|climbed|slipped|slid|jumped|added|lost|declined|advanced|"
    r"eased|tumbled|soared|surged|sank|plunged|rallied|shed|edged\s+(?:up|down|higher|lower))\s+"
    r"(?:[A-Z]{0,3}\$)?(?>[\d.,]+)(?:\s*(?:percent|per\s+cent|%|cents?|points?))?"
    r"(?:\s*,?\s*or\s+(?>[\d.,]+)\s*(?:percent|per\s+cent|%))?,?\s+to\s+(?:[A-Z]{0,3}\$|€|£|¥)"
    r"(?>\d{1,3}(?:,\d{3})*)\.\d\d(?![\d,])", re.I)
# After a distance: the place it is measured from ("about 70 miles southwest of St. Petersburg",
# "135 kilometers from the main city of Manokwari" has no name right after "from": none).
_ORIGIN_RE = re.compile(
    r"\s+(?:\(?[\d.,]+\s*\w+\)?\s+)?(?:(?:north|south|east|west)(?:-?(?:north|south|east|west))?"
    r"(?:east|west)?\s+)?(?:of|from)\s+(?:the\s+)?((?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,2})")
_LENGTH_RE = re.compile(r"\b(?:miles?|kilomet(?:er|re)s?|km|met(?:er|re)s?|feet|yards?)\b", re.I)
# A reporting period, as a company or an agency names it.
_PERIOD_RE = re.compile(
    r"\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter|quarter\s+(?:ended|ending)\s+"
    r"(?:in\s+|on\s+)?([A-Z][a-z]+\.?(?:\s+\d{1,2})?)|(prior|previous|last|current|this|next)"
    r"\s+fiscal\s+year|fiscal\s+(?:year\s+)?(\d{4})|(first|second)[- ]half|Q([1-4]))\b")
# The period a company's result is compared with, a year before: "the year-ago quarter", "the same
# quarter last year", "the same period a year earlier". A sentence naming it tells (or sets
# against) last year's figures: "earned $54.3 million in the year-ago quarter" is not "$64.2
# million in the quarter ended May 30".
_PRIOR_RE = re.compile(
    r"\b(?:year[- ](?:ago|earlier)\s+(?:quarter|period|month|half|year)|(?:same|comparable|"
    r"corresponding|like)\s+(?:fiscal\s+)?(?:quarter|period|months?|half|weeks?)\s+(?:a\s+year\s+"
    r"(?:ago|earlier|before)|(?:of\s+)?last\s+year|(?:of\s+)?the\s+(?:previous|prior)\s+year|"
    r"(?:of\s+|in\s+)?(?:19|20)\d\d)|a\s+year\s+(?:earlier|ago|before))", re.I)
_QUARTERS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "1": "first",
             "2": "second", "3": "third", "4": "fourth"}


@lru_cache(maxsize=16384)
def _period(text: str) -> str:
    """The first reporting period a sentence names, in one spelling ("Q2" and "2nd quarter"
    are "second quarter"), or ""."""
    m = _PERIOD_RE.search(text)
    if m is None:
        return ""
    quarter, ended, relative, fiscal, half, q = m.groups()
    if quarter or q:
        return f"{_QUARTERS.get((quarter or q).lower(), (quarter or '').lower())} quarter"
    if ended:
        return "quarter to " + ended.lower()[:3]  # "Sept. 30", "September": one month
    if relative:
        rel = relative.lower()
        return f"{'this' if rel == 'current' else 'last' if rel in ('prior', 'previous') else rel}" \
               " fiscal year"
    if fiscal:
        return f"fiscal {fiscal}"
    return f"{half.lower()} half"


@lru_cache(maxsize=16384)
def _priors(text: str) -> tuple[tuple[int, int], ...]:
    """Where the sentence names the period a year before (`_PRIOR_RE`)."""
    return tuple(m.span() for m in _PRIOR_RE.finditer(text))


# "$54.3 million, or 22 cents a share": one result told two ways, not a second figure between
_APPOSED_RE = re.compile(r"(?:[A-Z]{0,3}\$)?\d[\d.,]*\s*(?:million|billion|cents?|percent)?,?\s+or\s+")
# a change told against the year before is this year's figure: "rose 12 percent from the
# year-ago quarter", "climbed 8 percent compared with the same period a year earlier"
_CHANGE_RE = re.compile(
    r"\b(?:rose|rise[sn]?|fell|falls?|up|down|increased|decreased|climbed|dropped|declined|grew|"
    r"jumped|gained|slipped|slid|lost|surged|plunged|narrowed|widened)\s+(?:by\s+)?"
    r"(?:about\s+|nearly\s+|some\s+|almost\s+|more\s+than\s+)?$", re.I)


def _prior(text: str, start: int, end: int) -> bool:
    """Is the figure at [start, end) one of the period a year before: one the sentence names
    (`_priors`) with no other figure, ';' or clause of its own between them ("up from 38 cents
    in the year-ago quarter": the 38, not "earned 45 cents" before it; "the year-ago quarter,
    when the company earned $54.3 million, or 22 cents a share": both), and no change told
    against it ("rose 12 percent from the year-ago quarter")?"""
    spans = _priors(text)
    if not spans or _CHANGE_RE.search(text, max(0, start - 40), start):
        return False
    for a, b in spans:
        between = text[end:a] if end <= a else text[b:start]
        between = _APPOSED_RE.sub(" ", between)
        if ";" not in between and not any(ch.isdigit() for ch in between):
            return True
    return False


@lru_cache(maxsize=16384)
def _price_moves(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of a sentence's moves to a price (`_PRICE_MOVE_RE`), found once per sentence
    however many figures it has."""
    return tuple(m.span() for m in _PRICE_MOVE_RE.finditer(text))


# Words before a figure that make it a forecast: "analysts expected earnings of 27 cents",
# "it expects profit of 11 cents" ("an estimated 1,000" is a hedge, not a forecast).
_FORECAST = frozenset("""expect expects expected expecting forecast forecasts forecasting forecasted
predict predicts predicted predicting prediction predictions projected projects projecting
projection projections anticipated anticipates consensus""".split())
_CLOCK_RE = re.compile(r"\b(\d{1,2})(?:[:.] ?(\d\d))?\s*([ap])\.?\s?m\b\.?", re.I)
# A total followed by its part: "killed more than 230,000 people, over 170,000 of them in Aceh".
_HAS_PART_RE = re.compile(r"[^.;:\d]{0,40}?,\s+(?:(?:over|more\s+than|about|some|nearly|almost|"
                          r"at\s+least|around)\s+)?(\d[\d,]*)\s+of\s+(?:them|whom)\b", re.I)
_PART_RE = re.compile(r"\s+of\s+(?:them|whom)\b", re.I)
_PARTIAL_RE = re.compile(r"\b(?:by|as of|until)\s+(?:mid-?\w+|noon|morning|afternoon|evening|"
                         r"night|then|\w+day|\d)|\b(?:this|that|the first|the latest|initial|"
                         r"early)\s+(?:\w+\s+)?(?:raid|attack|day|round|wave|count|report|"
                         r"estimate|figures?)\b", re.I)
# Hedge words between "from"/"to" and a figure: "to some one-third", "from about 20".
_HEDGED = frozenset("some about around roughly nearly almost approximately over under just"
                    " more less than".split())
_MONTHS = frozenset(MONTHS)
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today"
                  " tonight".split())
_SPAN_RE = re.compile(r"\b(?:past|last|over|previous|next|first|in)\s+(?:the\s+)?(?:past\s+|last\s+)?"
                      r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
                      r"twenty|thirty|several|few)\s+(years?|months?|weeks?|days?|decades?|"
                      r"quarters?)\b", re.I)
_NOT_NAMES = frozenset("""
The A An In On At By For From With And But As It This That These Those He She They We I His Her
Their Its Our Mr Mrs Ms Dr January February March April May June July August September October
November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday
Thursday Friday Saturday Sunday More Less About Some Nearly Almost Over Under Up After Before
Since Until When While Last Next First Second Third Fifteen Two Three Four Five Six Seven Eight
Nine Ten Eleven Twelve Twenty Thirty Forty Fifty Hundred Thousand Million Billion Reuters AP
""".split())


@dataclass
class Context:
    words: set[str] = field(default_factory=set)  # content-word stems near the figure
    close: set[str] = field(default_factory=set)  # ... within CLOSE words of it
    names: set[str] = field(default_factory=set)  # capitalised names near the figure
    total: bool = False  # so far, in total, altogether ...
    rate: str | None = None  # each, a year, a day ...
    per: str | None = None  # the rate, or a softer mark of one (`_PER_NEAR`, `_PER_AFTER`)
    years: set[str] = field(default_factory=set)  # years named near the figure
    span: str | None = None  # "five year": over the past five years
    session: str | None = None  # close | intraday (market reports)
    day: str | None = None  # Monday, yesterday ...
    month: str | None = None  # "in September"
    when: set[str] = field(default_factory=set)  # the years, months and days near it
    fiscal: bool = False
    market: bool = False  # a share price, index level or currency quote: a moment's figure
    text: str = ""  # the sentence, lower case
    raw: str = ""  # the sentence as written
    partial: bool = False  # a count bounded in time or to one event: "by mid-morning", "this raid"
    part: bool = False  # a part of the figure before it: "20 of them in Virginia"
    has_part: float | None = None  # the part told right after this total: "40 people, 12 of them"
    clock: str = ""  # a time of day the sentence names: "10 p.m." -> "10pm"
    forecast: bool = False  # a figure expected, forecast or projected, not one that happened
    origin: str = ""  # the place a distance is measured from: "70 miles southwest of St. Petersburg"
    period: str = ""  # the reporting period the sentence names: "second quarter", "fiscal 2003"
    prior: bool = False  # a figure of the period a year before ("up from $54.3 million in the
    # year-ago quarter": `_prior`)
    move: str | None = None  # "from" or "to": the figure a change starts from or ends at
    act: str | None = None  # the figure's own verb: "20,000 people marched", "killed 40"
    other: bool = False  # counts others beside those the sentence names: "seven other
    # governments", "the other two unions", "more than 100 other people"
    place: str = ""  # the one place the figure is told of: "one person in Veld", "In Tol, three
    # people died" (`_place`)
    place_after: bool = False  # ... told right after the figure ("one person in Veld"), not as
    # the sentence's opening ("In London, police said 40 people were arrested")


class _Span(NamedTuple):
    start: int
    end: int
    text: str


# Past tenses that no suffix rule takes back to their verb: "sold" and "selling" are one word
_IRREGULAR = {"sold": "sell", "bought": "buy", "paid": "pay", "told": "tell", "won": "win",
              "lost": "lose", "made": "make", "took": "take", "taken": "take", "gave": "give",
              "given": "give", "held": "hold", "brought": "bring", "built": "build",
              "spent": "spend", "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall",
              "grew": "grow", "grown": "grow", "struck": "strike", "fought": "fight",
              "caught": "catch", "thought": "think", "sent": "send", "lent": "lend",
              "began": "begin", "begun": "begin", "chose": "choose", "chosen": "choose",
              "drove": "drive", "driven": "drive", "fled": "flee", "shot": "shoot",
              "slid": "slide", "sank": "sink", "sunk": "sink", "stole": "steal",
              "stolen": "steal", "wrote": "write", "written": "write", "met": "meet"}


@lru_cache(maxsize=65536)
def stem(w: str) -> str:
    w = w.lower().strip(".'’-")
    w = _IRREGULAR.get(w, w)
    for suf in ("ies", "es", "s", "ing", "ed"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            w = w[: -len(suf)]
            break
    return w[:6]


def context(q: Quantity, text: str) -> Context:
    """The words and scope markers within WINDOW words of q in its sentence `text` (computed
    once per figure: every link of its sentence asks again). Callers never change it."""
    return _context(text, q.start, q.end, q.text)


class _Word(NamedTuple):
    """What `_context` reads of one word by itself, whatever its place (`_word`)."""

    lw: str  # lower case, without a final "." or "'s"
    content: bool  # a content word: counts towards the CLOSE words either side
    market: bool
    year: str | None  # "2019" of "2019" or "2019s"
    day: bool
    month: bool  # a month's name, capitalised ("May" is one only by its neighbours)
    close: bool  # a word of the close of a session
    intraday: bool
    name: str | None  # a capitalised name, when not the sentence's first word
    stem: str | None  # the stem of a content word


@lru_cache(maxsize=65536)
def _word(w: str) -> _Word:
    lw = w.lower().rstrip(".").removesuffix("'s").removesuffix("’s")
    name = w.rstrip(".").removesuffix("'s").removesuffix("’s")
    is_name = (len(name) > 1 and name[:1].isupper() and name not in _NOT_NAMES
               and name.replace("-", "").replace("&", "").isalpha())
    content = lw.isalpha() and lw not in STOP and len(lw) > 2
    return _Word(
        lw=lw,
        content=w.isalpha() and w.lower() not in STOP and len(w) > 2,
        market=lw in _MARKET,
        year=w[:4] if _YEAR_RE.match(w) else None,
        day=lw in _DAYS,
        month=lw in _MONTHS and w[:1].isupper(),
        close=lw in _CLOSE,
        intraday=lw in _INTRADAY,
        name=name if is_name else None,
        stem=stem(lw) if content else None,
    )


_AGO = frozenset("earlier ago before later after previously".split())  # "a year earlier": no rate
_TOTAL_PADDED = tuple(f" {t} " for t in _TOTAL)
RATE_LEFT = 4  # words before a figure that may mark it a rate ("a weekly salary of about")
_RATE_PADDED = tuple((f" {k} ", v) for k, v in _RATE.items())


@lru_cache(maxsize=65536)
def _context(text: str, start: int, end: int, qtext: str) -> Context:
    q = _Span(start, end, qtext)
    left_m = list(_WORD_RE.finditer(text, 0, q.start))[-WINDOW:]
    right_m = list(_WORD_RE.finditer(text, q.end))[:WINDOW]
    left = [m.group() for m in left_m]
    right = [m.group() for m in right_m]
    left_w = [_word(w) for w in left]
    right_w = [_word(w) for w in right]
    c = Context()
    # the places (in left + right) of the CLOSE content words either side
    close_at = set([k for k, x in enumerate(left_w) if x.content][-CLOSE:]) | \
        {len(left_w) + k for k in [k for k, x in enumerate(right_w) if x.content][:CLOSE]}
    first = len(text) - len(text.lstrip())  # where the sentence's first word starts
    for k, (m, x) in enumerate(zip(left_m + right_m, left_w + right_w, strict=True)):
        if x.market:
            c.market = True
        if x.year:
            c.years.add(x.year)
        if x.day:
            c.day = x.lw
        if x.month and (x.lw != "may" or _YEAR_RE.match(
                text[m.end():].strip()[:4] + " ") or text[: m.start()].rstrip().endswith("in")):
            c.month = x.lw[:3]
        if x.close:
            c.session = "close"
        elif x.intraday and c.session is None:
            c.session = "intraday"
        if x.lw == "fiscal":
            c.fiscal = True
        if x.name is not None and m.start() > first:
            c.names.add(x.name)
        if x.stem is not None:
            c.words.add(x.stem)
            if k in close_at:
                c.close.add(x.stem)
    near = " " + " ".join(left[-5:] + right[:5]).lower() + " "
    phrase = (" ".join(left) + " " + q.text + " " + " ".join(right)).lower()
    c.total = any(t in near for t in _TOTAL_PADDED)
    c.text = text.lower()
    c.raw = text
    c.when = c.years | {x for x in (c.month, c.day) if x}
    c.partial = bool(_PARTIAL_RE.search(text[max(0, q.start - 40) : q.end + 100]))
    if not c.market and any(a <= q.start and q.end <= b for a, b in _price_moves(text)):
        c.market = True  # a share's move and the price it ended at: a moment's figures
    # a part of a count told before it in the sentence ("40 people, 12 of them children")
    c.part = bool(_PART_RE.match(text, q.end)) and any(ch.isdigit() for ch in text[: q.start])
    # a time of day near the figure ("By 10 p.m., Claudette was ... 320 miles east")
    lo = left_m[0].start() if left_m else q.start
    hi = right_m[-1].end() if right_m else q.end
    k = _CLOCK_RE.search(text, lo, hi)
    if k:
        c.clock = f"{int(k.group(1))}{k.group(2) or ''}{k.group(3)[0].lower()}m"
    h = _HAS_PART_RE.match(text, q.end)
    if h:
        c.has_part = float(h.group(1).replace(",", ""))
    c.period = _period(text)
    c.prior = _prior(text, q.start, q.end)
    # a forecast word in the figure's own clause ("analysts expected earnings of 27 cents a share
    # on revenue of $17.7 billion"; not "was expected to defeat Brat, outraising him $5.4 million
    # to $200,000")
    clause = text[: q.start]
    cut = max(clause.rfind(","), clause.rfind(";"), clause.rfind(":"))
    c.forecast = any(m.group().lower() in _FORECAST
                     for m in _WORD_RE.finditer(text, cut + 1, q.start))
    if q.text and _LENGTH_RE.search(q.text):
        o = _ORIGIN_RE.match(text, q.end)
        c.origin = o.group(1).lower().rstrip(".,") if o else ""
    before = [w.lower() for w in left if w.lower() not in _HEDGED][-2:]
    if before and before[-1] in ("from", "to") and not (
            len(before) == 2 and before[0] in ("up", "close", "near", "amounting", "equal")):
        c.move = before[-1]
    own = " " + " ".join(_WORD_RE.findall(q.text.lower())) + " "
    # ("a year." at the sentence's end is "a year")
    after = " " + " ".join(w.rstrip(".") for w in right[:2]).lower() + " "
    ago = len(right) > 2 and right[2].lower().rstrip(".") in _AGO  # "$51.2 million a year earlier"
    for k, v in _RATE_PADDED:
        if after.startswith(k) and not ago or k in own:
            c.rate = v
            break
    c.per = c.rate or next((v for k, v in _PER_AFTER.items() if after.startswith(f" {k} ")),
                           None) or next((_PER_NEAR[w.lower()] for w in reversed(left[-RATE_LEFT:])
                                          if w.lower() in _PER_NEAR), None)
    m = _SPAN_RE.search(phrase)
    if m:
        c.span = f"{m.group(1).lower()} {m.group(2).lower().rstrip('s')}"
    c.act = _own_verb(text, q.start, q.end, left_m, right_m, bool(_DATE_TEXT.search(q.text)))
    c.other = " other " in own or bool(_OTHER_BEFORE.search(text, 0, q.start)) or \
        bool(_OTHER_AFTER.match(text, q.end))
    c.place, c.place_after = _place(text, q.start, q.end)
    for w in _WORD_RE.findall(q.text):
        c.words.discard(stem(w))
        c.close.discard(stem(w))
    return c


# A count or a sum told of one place right after it ("killed one person in Veld"), against one
# told of none, is a part of the whole when it is clearly smaller: under four fifths of it. (A
# sentence opening "In London, police said 40 people were arrested" names where the whole
# happened as often as a part.)
PART_OF_WHOLE = 0.8
# A place a figure is told of: "in" and a name a few lower-case words after it ("one person in
# Veld", "three people were killed in Tol"), or the sentence's opening "In Tol," before it.
_NAME = r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)"
_PLACE_AFTER = re.compile(r"(?:\s+(?!in\b)[a-z]+){0,3}?\s+in\s+(?:[Tt]he\s+)?" + _NAME)
_PLACE_FRAME = re.compile(r"\s*In\s+(?:[Tt]he\s+)?" + _NAME + r"\s*,")
# Names after "in" that are an event's or a contest's, not a place's: "died in Hurricane Helene",
# "in Game 7", "in World War II".
_NOT_PLACES = frozenset("Hurricane Tropical Storm Typhoon Cyclone Game Games Week Operation "
                        "Season Phase Chapter Section Article Episode".split())


def _abbreviated(place: str) -> bool:
    """A place named by its initials ("U.S.", "UK", "DRC"), which another sentence may spell out."""
    letters = place.replace(".", "").replace(" ", "")
    return letters.isupper() and len(letters) <= 4


def _place(text: str, start: int, end: int) -> tuple[str, bool]:
    """The place the figure at text[start:end] is told of (`Context.place`), or "", and whether it
    is told right after the figure (`Context.place_after`)."""
    m = _PLACE_AFTER.match(text, end)
    after = m is not None
    if m is None:
        m = _PLACE_FRAME.match(text)
        if m is None or m.end() > start:
            return "", False
    if re.match(r"\s*\d", text[m.end(1):m.end(1) + 4]):
        return "", False  # "in Game 7", "in Room 101"
    name = m.group(1).rstrip(".").removesuffix("'s").removesuffix("’s")  # "in Ukraine's east"
    first = name.split()[0].rstrip(".")
    if first in _NOT_NAMES or first in _NOT_PLACES or name.startswith("World War") \
            or any(ch.isdigit() for ch in name):
        return "", False  # "in March", "in Sunday's attack", "in Q3", "in Hurricane Helene"
    return name, after


# "the other two unions", "seven other governments" (the word itself, nothing between)
_OTHER_BEFORE = re.compile(r"\bother\s+$", re.I)
_OTHER_AFTER = re.compile(r"\s+other\b", re.I)


_AUX = frozenset("had have has were was are is been be being would could will may might also"
                 " reportedly".split())


# Verbs of saying: the day a statement was made is when it was reported, not a fact told.
SPEECH = frozenset("""said says say told tells tell announced announces reported reports confirmed
confirms stated states added adds noted notes wrote writes declared claimed claims
according""".split())
# ...and what they make: "BuzzFeed's report Thursday", "a statement Friday" date a statement
STATEMENTS = frozenset("""report reports statement statements article story interview speech
remarks announcement tweet tweets post letter release editorial column testimony briefing
broadcast""".split())
# ...and the verbs that answer one: the day after "disputed BuzzFeed's report" dates the report,
# while after "issued a statement", "released its report" it dates the act itself
RESPONSES = frozenset("""disputed disputes dispute denied denies deny rejected rejects reject
dismissed dismisses dismiss cited cites cite questioned questions question challenged
challenges challenge refuted refutes refute criticized criticizes criticised slammed slams
praised praises welcomed welcomes answered answers responded responds""".split())


def _own_verb(text: str, start: int, end: int, left: list, right: list,
              date: bool = False) -> str | None:
    """The verb said of the figure at text[start:end] itself: right after it ("people marched",
    "had received"), past auxiliaries and adverbs; or else the nearest before it in its clause
    ("killed at least six", "arrested by police on Tuesday", "closed at $3.01 Friday"). None for
    a verb of saying ("officials said Tuesday"), and for a `date` said right after a statement
    that the verb answers ("disputed BuzzFeed's report Thursday": the report's day). `left`,
    `right`: the word matches around it."""
    if date and right and text[end:right[0].start()].strip() == "," and all(
            m.group().lower() in _OPENERS for m in left[-3:] if not _BREAK_RE.search(text, m.end(), start)):
        # a day that opens its sentence or clause: "On Wednesday, the House voted" dates the
        # clause's verb
        verb = _clause_verb(text, right)
        if verb is not None:
            return verb
    at = end
    for m in right[:4]:
        if _BREAK_RE.search(text, at, m.start()):
            break
        at = m.end()
        lw = m.group().lower()
        if lw in _AUX or (lw.endswith("ly") and len(lw) > 4):
            continue
        if lw.isalpha() and _verb(lw):
            return None if lw in SPEECH else stem(lw)
        break
    at = start
    statement = False
    for n, m in enumerate(reversed(left[-5:])):
        if _BREAK_RE.search(text, m.end(), at):
            break
        at = m.start()
        lw = m.group().lower()
        if not n and date and lw in STATEMENTS:
            statement = True
            continue
        if lw in _CLAUSE:
            break
        if lw.isalpha() and _verb(lw):
            return None if lw in SPEECH or statement and lw in RESPONSES else stem(lw)
    return None


_BREAK_RE = re.compile(r"[,;:()\[\]\"“”]")
_OPENERS = frozenset("on early late last this by".split())  # before a day that opens its clause


def _clause_verb(text: str, right: list) -> str | None:
    """The first verb of the clause after a comma ("On Wednesday, the House voted": vote), among
    its first six words, or None (none, or a verb of saying: "On Tuesday, officials said")."""
    at = right[0].start()
    for m in right[:6]:
        if _BREAK_RE.search(text, at, m.start()):
            return None
        at = m.end()
        lw = m.group().lower()
        if lw in _AUX or lw in _CLAUSE:
            continue
        if lw.isalpha() and _verb(lw) and not m.group()[:1].isupper():
            return None if lw in SPEECH else stem(lw)
    return None
# a figure written as a day or a date (what `_context` knows of it is its text)
_DATE_TEXT = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:jan|feb|mar|apr|may|jun|"
                        r"jul|aug|sep|sept|oct|nov|dec)[a-z]*|(?:1[89]|20)\d\d)\b", re.I)
_CLAUSE = frozenset("and but or that which who whom while when where as".split())


def _verb(w: str) -> bool:
    """A word that reads as a verb by its form or its table: "arrested", "apologize", "rose"."""
    return looks_verb(w) or w.endswith(("ize", "ise", "izes", "ises")) or w in VERBS \
        or w in CHANGE_VERBS or w in EVENTS


_SPOKEN_DAY = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|added)\s+(?:on\s+|late\s+|early\s+)?"
                         r"(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)


@lru_cache(maxsize=16384)
def _spoken_days(text: str) -> frozenset[str]:
    """The days a sentence's saying is dated by ("officials said on Tuesday": tuesday), as
    `Context.when` writes them."""
    return frozenset(m.group(1).lower() + "day" for m in _SPOKEN_DAY.finditer(text))


def different_scope(a: Quantity, ca: Context, b: Quantity, cb: Context) -> str | None:
    """Why a and b are not one quantity by their scope, or None when the scopes agree."""
    for x, y, cy in ((a, b, cb), (b, a, ca)):
        if cy.has_part and x.value > 0 and y.value > 0 and \
                abs(math.log(x.value / cy.has_part)) < abs(math.log(x.value / y.value)):
            return "nearer the part the other sentence tells of this total " \
                   f"({cy.has_part:,.0f} of them) than the total"
    if ca.clock and cb.clock and ca.clock != cb.clock or \
            bool(ca.clock) != bool(cb.clock) and (ca.day or cb.day) and ca.day != cb.day:
        # a storm's place "by 10 p.m." vs "early Monday": two moments, not one figure (a clock
        # on one side only, on the same day, says nothing: "on Monday, at a 5 p.m. briefing")
        return f"different moments ({ca.clock or ca.day} vs {cb.clock or cb.day})"
    if ca.forecast != cb.forecast and (a.kind in ("money", "percent") or a.unit == "cent"):
        # what a company earned vs what analysts expected (a river's forecast crest is told
        # alike with or without "expected": only sums and shares)
        return "one is a forecast ('analysts expected'), the other what was reported"
    if ca.other != cb.other and a.kind != "date":
        # "Lopez and more than 100 other people" were hurt vs "more than 150" hurt; "the other
        # two unions" vs "three unions": a count beside those named, not the whole
        return "one counts others beside those the sentence names ('seven other governments'), " \
               "the other counts all"
    if ca.part != cb.part:
        return "one is a part of a figure told before it ('20 of them in Virginia'), the other " \
               "is not"
    if a.kind != "date" and ca.place and cb.place and not _abbreviated(ca.place) and \
            not _abbreviated(cb.place) and not set(ca.place.lower().split()) & set(cb.place.lower().split()):
        return f"told of different places ({ca.place} vs {cb.place})"
    if a.kind in ("count", "money"):  # a rate or a share is no part of a sum
        for x, cx, y, cy in ((a, ca, b, cb), (b, cb, a, ca)):
            if cx.place and cx.place_after and not cy.place and cx.place.lower() not in cy.text \
                    and x.value < PART_OF_WHOLE * y.value:
                # "killed one person in Veld" vs "killed nine people": a part and the whole (72
                # killed by a fire "in Kensington" vs 71: one count, told two ways)
                return f"a part, told of one place ({cx.place}), vs the whole"
    if ca.period and cb.period and ca.period != cb.period:
        return f"periods named differently ({ca.period} vs {cb.period})"
    if ca.prior != cb.prior and (a.kind in ("money", "percent") or a.unit == "cent"):
        # "That was up from the year-ago quarter, when the company earned $54.3 million" vs "a
        # net income of $64.2 million in the quarter ended May 30": last year's result and this
        # year's
        return "one is a figure of the period a year before ('the year-ago quarter'), the " \
               "other is not"
    if ca.origin and cb.origin and not (ca.origin.startswith(cb.origin)
                                        or cb.origin.startswith(ca.origin)):
        return f"distances from different places ({ca.origin} vs {cb.origin})"
    if ca.move and cb.move and ca.move != cb.move:
        return "one is where a change started ('from'), the other where it ended ('to')"
    if ca.total != cb.total and (cb.partial if ca.total else ca.partial):
        return "one is a total ('so far', 'in total'), the other a part ('by mid-morning', " \
               "'this raid')"
    if ca.rate != cb.rate and a.kind != "date":
        return f"one is a rate ('{ca.rate or cb.rate}'), the other is not"
    if ca.per and cb.per and ca.per != cb.per and a.kind != "date":
        return f"rates of different periods ('{ca.per}' vs '{cb.per}')"
    if ca.span != cb.span and ca.span and cb.span:
        return f"different time spans ({ca.span}s vs {cb.span}s)"
    if a.kind != "date" and b.kind != "date":
        for x, y in ((ca, cb), (cb, ca)):
            when = y.when - _spoken_days(y.raw)  # "officials said on Tuesday" dates the saying
            if x.span and not y.span and when and not x.when & when:
                # "1,050 flights over two days" vs "410 flights on Sunday": a span and one day
                # (not "over two days, officials said on Tuesday" vs "..., said on Tuesday")
                return f"a span of time ({x.span}s) vs one day or month ({', '.join(sorted(when))})"
            if x.total and not y.total and when and not x.when & when:
                # "16 percent of sales so far this year" vs "19% ... in October"
                return f"a running total vs one day's or month's ({', '.join(sorted(when))})"
    if a.kind != "date" and b.kind != "date":
        if ca.years and cb.years and not ca.years & cb.years:
            return f"different years ({', '.join(sorted(ca.years))} vs {', '.join(sorted(cb.years))})"
        if ca.day and cb.day and ca.day != cb.day:
            return f"different days ({ca.day} vs {cb.day})"
        ta, tb = ca.when, cb.when
        if ta and tb and not ta & tb:
            return f"different times ({', '.join(sorted(ta))} vs {', '.join(sorted(tb))})"
        if (ca.years or cb.years) and len(ca.years ^ cb.years) and (ca.span or cb.span) \
                and ca.span != cb.span:
            return "different periods"
    if (ca.market or cb.market) and a.kind != "date" and not (
            ca.session and ca.session == cb.session and ca.day and ca.day == cb.day):
        return "a market quote: outlets quote prices and moves at different moments"
    if ca.session and cb.session and ca.session != cb.session and a.kind in ("money", "percent"):
        # a price or a move at the close vs one during the day ("closed at $4.81" / "rose to
        # $4.95 in early trading"), not a toll "early Monday" vs one "ended" the day
        return "a price at the close vs during the session"
    if ca.fiscal != cb.fiscal and (ca.years or cb.years):
        return "a fiscal year vs a calendar year"
    return None


def shared_words(ca: Context, cb: Context) -> set[str]:
    return ca.words & cb.words
