"""The tokens of one sentence and what every reading step shares: where each token starts and
ends, how far left the next quantity may reach, and how a quantity is made (or a number turned
down) with the reasons that led there."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..model import Quantity
from .kinds import KINDS, QUALIFIERS
from .words import MONTHS

# "1, 300 federal scientists" (detokenised thousands before a lowercase word; never "5-11, 220)"
# nor "1, 300 and 400", "Of the 12, 345 were released") is one figure, as "20, 000" is.
# Detokenised decimals, "$2. 6 million", "1. 2 miles", "0. 25%" (a point and a space, as
# detokenised text writes them): the whole part (DECIMAL_HEAD then 1-3 digits, or one digit for
# ONE_DIGIT_TAIL) and what after ". " makes them one figure. TOKEN_RE reads them as one token;
# segment.py does not end a sentence at their point.
DECIMAL_HEAD = r"(?<![\d.\-–])"
DECIMAL_TAIL = (
    r"\d{1,2}(?= (?i:million|billion|trillion|percent|per cent)\b)|"
    r"\d{1,2}(?=(?:m|bn|MM|mn|tn)\b)|"  # "$2. 6m", "22. 4bn", "$27. 5MM": a scale glued on
    r"\d(?= (?:miles?|kilometers?|kilometres?|km|meters?|metres?|feet|foot|inches|magnitude|"
    r"points?|degrees?|mph|tons?|tonnes?|pounds?|kg|quakes?|earthquakes?|temblors?)\b|"
    r"-magnitude\b|%)"
)
# ... and a price in cents after a currency sign: "below $1. 29" (segment.py keeps it whole too)
CENTS_TAIL = r"(?<=[$£€¥])\d{1,3}\. \d\d(?![\d.,])"
# ... and a quake's magnitude after its name or its verb: "a magnitude of 4. 6 was recorded",
# "an earthquake measuring 4. 6 rattled" (no sentence ends on "measuring 4.")
MAGNITUDE_TAIL = (r"(?:(?<=[Mm]agnitude )|(?<=[Mm]agnitude of )|(?<=[Mm]easuring )|"
                  r"(?<=[Rr]egistering ))\d\. \d(?![\d.,])")
ONE_DIGIT_TAIL = r"\d\d(?=%)"  # "0. 25%": after one whole digit, two decimals before a "%"
# A decimal comma, as continental writers and translations put it: "1,2 million women", "3,5
# per cent" (one or two digits after the comma, then a scale or "percent": never a thousands
# separator). The token reads with a point (`Tokens`).
DECIMAL_COMMA = (r"(?<![\d.,\-–])\d{1,3},\d{1,2}(?= (?:million|billion|trillion|percent|per cent)\b"
                 r"| ?%| (?:euros?|cents?|francs?|kroner|kronor|zloty)\b)|(?<=[$£€¥])\d{1,3},\d{1,2}(?![\d,])")
# (also "1,5 %", "2,80 euros", "€3,50")
# Indian grouping, lakhs and crores in twos: "Rs 1,50,000 crore" (150,000).
INDIAN_GROUPS = r"(?<![\d.,])\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])"
_DECIMAL_COMMA_RE = re.compile(r"\d{1,3},\d{1,2}")
_LEADING_POINT = re.compile(r"(?<![\w.,])\.\d")  # where a BARE_DECIMAL token can start
# A decimal written without its zero, where it can only be a share, points or a sum: ".5
# percent", ".25 percentage point", "$.99" (read as 0.5, 0.25, 0.99). Elsewhere (".290 hitter",
# ".45-caliber") it is no figure (rejects.bare_decimal).
BARE_DECIMAL = (r"(?<![\w.,])\.\d+(?=\s?(?:%|(?i:percent|per cent|percentage points?|points?)\b))|"
                r"(?<=[$£€¥])\.\d+(?![\d.])")
# Words after "12, 345" that say it is two figures: "Of the 12, 345 were released".
_NOT_A_NOUN = r"(?:and|or|of|to|in|on|at|for|were|was|are|is|have|had|has|will|would|could|did)"
TOKEN_RE = re.compile(
    r"\d{1,3}(?:,\d{3}|, 000)+(?!\d)(?:\.\d+)?|"
    rf"{DECIMAL_HEAD}\d{{1,3}}, \d{{3}}(?= (?!{_NOT_A_NOUN}\b)[a-z])|"
    rf"{DECIMAL_HEAD}\d\. (?:{ONE_DIGIT_TAIL})|{DECIMAL_HEAD}\d{{1,3}}\. (?:{DECIMAL_TAIL})|"
    rf"{CENTS_TAIL}|{MAGNITUDE_TAIL}|"
    rf"{INDIAN_GROUPS}|{DECIMAL_COMMA}|{BARE_DECIMAL}|"
    r"\d+(?:\.\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)*|\S")
# A sentence without any of these has no quantity (checked before tokenizing).
MAYBE_RE = re.compile(
    r"\d|\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|"
    r"billions?|dozens?|scores|half|thirds?|quarters?|first|second|third|fourth|fifths?|"
    r"sixths?|sevenths?|eighths?|ninths?|tenths?|eleventh|twelfth|\w+teenth|\w+tieth|"
    r"hundredth|thousandth|year|month|week|yesterday|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b", re.I)
_ALTERNATIVES = MAYBE_RE.pattern.split(r"\b(?:", 1)[1].rsplit(r")\b", 1)[0].split("|")
_MAYBE_WORDS = frozenset(
    w for a in _ALTERNATIVES if not a.startswith(r"\w+")
    for w in ((a[:-2], a[:-1]) if a.endswith("s?") else (a,))
)
_MAYBE_ENDS = tuple(a[3:] for a in _ALTERNATIVES if a.startswith(r"\w+"))
_ASCII_DIGIT = re.compile(r"[0-9]")
_ASCII_WORDS = re.compile(r"\w+")


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s*$")


def _thousands_after(text: str, start: int) -> bool:
    """Can "1, 300" at `start` be one figure written with a detokenised separator? Not after a
    capitalised word or a month ("Sept. 11, 343 firefighters", "Round 3, 120 riders"), nor
    after a word that numbers things ("day 3, 120 riders")."""
    m = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if m is None:
        return True
    w = m.group(1)
    return not (w[0].isupper() or w.lower() in MONTHS or w.lower() in _NUMBERING)


_NUMBERING = frozenset("day days round stage page game no number chapter section article".split())


def maybe_quantity(text: str) -> bool:
    """MAYBE_RE.search(text), faster on ASCII text (the usual case): its words are matched as
    whole words, so a set of them (and the word endings it allows) says the same."""
    if not text.isascii():
        return MAYBE_RE.search(text) is not None
    if _ASCII_DIGIT.search(text):
        return True
    for w in _ASCII_WORDS.findall(text.lower()):
        if w in _MAYBE_WORDS:
            return True
        if w.endswith(_MAYBE_ENDS) and any(w.endswith(e) and len(w) > len(e) for e in _MAYBE_ENDS):
            return True
    return False


DASHES = {"-", "–", "—", "‐", "‑"}
BETWEEN_OF_RE = re.compile(
    r"\s+(?:out\s+)?of\s+(?:the\s+|a\s+total\s+of\s+|an?\s+|its\s+|their\s+)?", re.I)
EPS = 1e-9

# What a step returns when it settles the number at hand: the quantity (or None: not a
# quantity) and the token to read on from. None from a step: it did not apply.
Outcome = tuple[Quantity | None, int]


@dataclass
class Reading:
    """One quantity and why it was read so (`explain`)."""

    quantity: Quantity
    why: list[str] = field(default_factory=list)


@dataclass
class Rejection:
    """A number that was turned down, and why (`explain`)."""

    text: str
    start: int
    end: int
    why: str


class Tokens:
    """One sentence as tokens (T as written, L lower case, S/E character offsets)."""

    __slots__ = ("text", "T", "L", "S", "E", "n", "floor", "named", "tally_at",
                 "tally_dropped", "tallied", "tally_against", "trace")

    def __init__(self, text: str, trace: list | None = None) -> None:
        self.text = text
        ms = list(TOKEN_RE.finditer(text))
        T: list[str] = [m.group() for m in ms]
        if "," in text:
            T = [t.replace(",", ".") if "," in t and _DECIMAL_COMMA_RE.fullmatch(t) else t for t in T]
        if "." in text and _LEADING_POINT.search(text):
            T = ["0" + t if t[0] == "." and len(t) > 1 else t for t in T]  # BARE_DECIMAL
        if not any(" " in t for t in T):  # the usual case: no token to split or to join
            self._set(T, [m.start() for m in ms], [m.end() for m in ms], trace)
            return
        read, T = T, []
        S: list[int] = []
        E: list[int] = []
        for m, t in zip(ms, read, strict=True):  # (`read` holds the decimal commas read as points)
            if ", " in t and ", 000" not in t and not _thousands_after(text, m.start()):
                # "On Sept. 11, 343 firefighters died": a day (a round, a number) and a count
                head = t.split(",")[0]
                T += [head, ","]
                S += [m.start(), m.start() + len(head)]
                E += [m.start() + len(head), m.start() + len(head) + 1]
                for m2 in TOKEN_RE.finditer(text, m.start() + len(head) + 2, m.end()):
                    T.append(m2.group())
                    S.append(m2.start())
                    E.append(m2.end())
                continue
            # "20, 000" and "2. 6 million" (a separator or a decimal point and a space, as
            # detokenised text writes them) are 20,000 and 2.6: the token reads without the space.
            T.append(t if " " not in t else t.replace(" ", ""))
            S.append(m.start())
            E.append(m.end())
        self._set(T, S, E, trace)

    def _set(self, T: list[str], S: list[int], E: list[int], trace: list | None) -> None:
        self.T, self.S, self.E = T, S, E
        self.L = [t.lower() for t in T]
        self.n = len(T)
        self.floor = 0  # first token the next quantity may use on its left
        self.named = False  # the number follows a name: "Title 42", "FTSE 100"
        self.tally_at = -1  # the token of a tally's second figure ("9" of "voted 396-9")
        self.tally_dropped = False  # ...whose first figure was turned down: so is the second
        self.tallied = False  # a tally read: another follows in its list ("and 52-48 to pass")
        self.tally_against = False  # the tally is said "against": its first figure is against
        self.trace = trace  # Readings and Rejections, when explaining

    def glued(self, a: int, b: int) -> bool:
        return 0 <= a and b < self.n and self.E[a] == self.S[b]

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after character `pos`."""
        return bisect_left(self.S, pos)

    def word(self, k: int) -> str:
        return self.L[k] if 0 <= k < self.n else ""

    def is_month(self, k: int) -> bool:
        return 0 <= k < self.n and self.L[k] in MONTHS and self.T[k][0].isupper()

    def year_at(self, k: int) -> int | None:
        if 0 <= k < self.n:
            t = self.T[k]
            if len(t) == 4 and t.isdigit() and 1800 <= int(t) <= 2199:
                return int(t)
        return None

    def make(self, a: int, b: int, value: float, lo: float, hi: float, qual: str | None,
             unit: str | None, kind: str, noun: str | None = None, event: str | None = None,
             why: list[str] | str = "") -> Quantity:
        """The quantity written on tokens a..b; `why` says what read it (kept when explaining)."""
        s, e = self.S[a], self.E[b]
        q = Quantity(text=self.text[s:e], start=s, end=e, value=float(value), low=float(lo),
                     high=float(hi), qualifier=QUALIFIERS[qual], unit=unit, kind=KINDS[kind])
        q.event = event
        q.noun = noun
        if self.trace is not None:
            self.trace.append(Reading(q, [why] if isinstance(why, str) else list(why)))
        return q

    def reject(self, a: int, j: int, why: str) -> Outcome:
        """Not a quantity: the number at token a, read on from token j."""
        if self.trace is not None:
            b = min(max(j - 1, a), self.n - 1)
            s, e = self.S[a], self.E[b]
            self.trace.append(Rejection(self.text[s:e], s, e, why))
        return None, j


_SCALE_AFTER = re.compile(r"(?:[.,]\s?\d+)?\s?(?:million|billion|trillion|bn|mn|tn|m|b)\b", re.I)


def glued_euro(r: Tokens, i: int) -> bool:
    """AP's "euro110 billion", "euro22. 4bn": "euro" in lower case glued to a sum with a scale
    word (never "Euro2016", a tournament, nor "the euro1 coin")."""
    return i > 0 and r.T[i - 1] == "euro" and r.glued(i - 1, i) and bool(
        _SCALE_AFTER.match(r.text, r.E[i]))
