"""Figures only one source gives: the list that ends the brief (report.py), where a reporter sees
which figures rest on a single outlet.

A figure is listed when one source tells it, it is not a date, not a side of a disagreement, it
is a figure a fact-checker would check (`not_a_figure`), and no other source states it
(`_Told.elsewhere`).

Measured on real news (benchmarks/singles_real.py, labels in benchmarks/gold/SINGLES.md): as
first built, 37% of the entries on the dev clusters were wrong. Most were no figure at all: "one"
as a determiner ("one adviser said", "at one point": 48 entries, none exclusive), "the two
leaders" of two people just named, "100 percent false", "first" meaning earlier ("first reported
by") or in a set phrase ("in the first place", "plead the Fifth"); the rest were figures another
outlet gives in other words: with another noun under the same hedge ("nearly 90 professors" /
"nearly 90 faculty members"), as an age ("Sasha, 13" / "aged 16 and 13"), or in another
currency in brackets ("euro110 billion ($141 billion)"). Each rule here reads one of those forms.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Context, Decimal

from .model import Comparison, Quantity
from .numbers.lexicon import group, looks_verb

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
# Words before a small spelled count that point back at what was just named ("the two leaders",
# "their two states", "all three men"), and before "first" that make it a rank ("the first").
_DEFINITE = frozenset("the their these those all both his her its our my your whose this that".split())
_SMALL = frozenset("two three four five six seven eight nine".split())
# "the two largest unions", "his two elder sons": a rank, not a pointer back
_RANKED = re.compile(r"\s+(?:\w+est|elder|older|younger|top)\b", re.I)
_STAKE = re.compile(r"\W*(?:\w+\W+){0,2}?(?:stake|owned|ownership|interest|shares)\b", re.I)
# "first" in set phrases, and ordinals that name a thing rather than rank it.
_ORDINAL_PHRASE = re.compile(
    r"\b(?:in\s+the\s+first\s+place|at\s+first|first\s+of\s+all"
    r"|first[\s-]+(?:lady|ladies|resort|step|responders?|baseman|degree)"
    r"|plead(?:s|ed|ing)?\s+the\s+fifth|(?:fifth|5th)\s+amendment)\b", re.I)
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_NAMING_NOUN = re.compile(r"[\s-]+(?:century|centuries|floor|district|grade|grader|graders)\b", re.I)

_LOOSE = (None, "vague", "range")  # no hedge, or one too loose to tie two figures


def _rounded(v: float, digits: int) -> float:
    """v to `digits` significant digits, halves rounded up (2.5 million is 3 million)."""
    if not v or not math.isfinite(v):
        return v
    d = Decimal(repr(float(v)))
    return float(d.quantize(Decimal(1).scaleb(d.adjusted() - digits + 1), rounding=ROUND_HALF_UP,
                            context=Context(prec=max(28, digits + 2))))


def _significant(v: float) -> int:
    """The significant digits a figure is written with: 8,200,000 has 2, 5.6 has 2, 600 has 1
    (read at 15 digits, so the float noise of "$8.2 billion", 8199999999.999999, is not)."""
    if not math.isfinite(v) or not v:
        return 1
    digits = f"{abs(v):.15g}"
    if "e" in digits:
        digits = digits.split("e")[0]
    if "." in digits:
        return max(1, len(digits.replace(".", "").lstrip("0")))
    return max(1, len(digits.rstrip("0")))


def _word_before(text: str, at: int) -> str:
    words = _WORD.findall(text[max(0, at - 40):at])
    return words[-1].lower() if words else ""


def not_a_figure(q: Quantity, text: str) -> str | None:
    """Why the quantity `q` of sentence `text` is no figure to check, or None when it is one."""
    before = _word_before(text, q.start)
    first = q.text.split()[0].lower() if q.text.split() else ""
    if q.kind == "count" and q.value in (0, 1) and not q.event:
        return "one or none: a determiner or a figure of speech (one adviser said, zero precedent)"
    if q.kind == "count" and not q.event and q.qualifier is None and first in _SMALL and (
            before in _DEFINITE or before.endswith(("'s", "’s"))) and not _RANKED.match(
                text, q.start + len(first)):
        return "the two ...: the people or things just named"
    if q.kind == "percent" and q.value == 100 and not _STAKE.match(text, q.end):
        return "100 percent: emphasis"
    if q.kind == "ordinal":
        return _not_a_rank(q, text, before, first)
    return None


def _not_a_rank(q: Quantity, text: str, before: str, first: str) -> str | None:
    if any(m.start() < q.end and q.start < m.end() for m in _ORDINAL_PHRASE.finditer(text)):
        return "a set phrase (in the first place, plead the Fifth)"
    own_end = q.start + len(first)  # the ordinal word itself ("fourth" of "fourth floor")
    if _NAMING_NOUN.match(text, own_end):
        return "an ordinal that names (the 21st century, the fourth floor)"
    if before in ("a", "an", "another"):
        return "a second ...: another"
    if first == "first" and before not in _DEFINITE and not before.endswith(("'s", "’s")):
        m = _NEXT_WORD.match(text, own_end)
        nxt = m.group(1).lower() if m else ""
        if not nxt or nxt.endswith("ly") or nxt == "earlier" or looks_verb(nxt):
            return "first: earlier, not a rank (first reported by, who would go first)"
    return None


class _Told:
    """Every figure of a comparison by (kind, significant digits, value at them): at its own
    precision and (`coarser`) rounded to each precision from 2 below its own; and by value alone,
    whatever its kind, with its hedge."""

    def __init__(self, c: Comparison, source_of: dict[str, str]) -> None:
        self.source_of = source_of
        self.own: dict[tuple, list[tuple[str, str | None]]] = {}
        self.coarser: dict[tuple, list[tuple[str, str | None]]] = {}
        self.by_value: dict[tuple, list[tuple[str, str, str | None, str | None]]] = {}
        for q in c.numbers:
            src, n = source_of.get(q.sentence, ""), _significant(q.value)
            told = (src, self.unit(q))
            self.own.setdefault((q.kind, n, _rounded(q.value, n)), []).append(told)
            for k in range(2, n):
                self.coarser.setdefault((q.kind, k, _rounded(q.value, k)), []).append(told)
            for k in range(2 if n > 1 else 1, n + 1):  # its own value, and coarser ones
                self.by_value.setdefault((k, _rounded(q.value, k)), []).append(
                    (src, q.kind, q.unit, q.qualifier if k == n else "coarser"))

    def unit(self, q: Quantity) -> str | None:
        return group(q.unit) if q.kind == "count" else q.unit

    def elsewhere(self, q: Quantity) -> set[str]:
        """The other sources that state the figure `q`: the same figure of the same kind and
        unit (or with no unit), that figure rounded to two significant digits or more ("$8.2
        million" for "$8,214,530"), the very figure of 2 significant digits or more of any unit
        ("6.1" of a magnitude and of a quake), the same figure under the same hedge ("nearly 90
        professors" / "nearly 90 faculty members"), a bare number's value of any kind ("aged 16
        and 13" / "Sasha, 13"), or a duration and an ordinal of 10 or more ("15 years after" /
        "the 15th anniversary")."""
        mine, n = self.source_of.get(q.sentence, ""), _significant(q.value)
        unit_q = self.unit(q)
        keys = [(q.kind, n, _rounded(q.value, n))]  # the same figure, or a finer one
        keys += [(q.kind, k, _rounded(q.value, k)) for k in range(2, n)]  # a coarser one
        same = self.own.get(keys[0], ())
        found = [*same, *self.coarser.get(keys[0], ())]
        found += [t for key in keys[1:] for t in self.own.get(key, ())]
        out = {src for src, u in found if u == unit_q or u is None or unit_q is None}
        if n >= 2 and q.kind not in ("money", "percent"):
            out.update(src for src, _ in same)
        bare = q.kind == "count" and q.unit is None
        for k in range(2 if n > 1 else 1, n + 1):
            for src, kind, unit, qualifier in self.by_value.get((k, _rounded(q.value, k)), ()):
                if src in out or (k < n and qualifier == "coarser"):
                    continue  # below its own precision, only a figure it rounds to
                if (k == n and kind == q.kind and qualifier == q.qualifier and qualifier not in _LOOSE
                        or (bare and kind != "date") or (kind == "count" and unit is None)
                        or (q.value >= 10 and {kind, q.kind} == {"ordinal", "duration"})):
                    out.add(src)
        out.discard(mine)
        return out


def _conversions(c: Comparison) -> list[list[Quantity]]:
    """Sums of money one sentence gives twice, in two currencies ("euro110 billion ($141
    billion)", "2m euros (£1. 7m; $2. 6m)"): runs of sums joined by a bracket or a semicolon."""
    runs: list[list[Quantity]] = []
    text_of = {s.id: s.text for s in c.all_sentences()}
    by_sentence: dict[str, list[Quantity]] = {}
    for q in c.numbers:
        by_sentence.setdefault(q.sentence, []).append(q)
    for sid, qs in by_sentence.items():
        qs = sorted((q for q in qs if q.kind == "money"), key=lambda q: q.start)
        run: list[Quantity] = []
        for q in qs:
            if run and re.fullmatch(r"\s*[(;]\s*", text_of.get(sid, "")[run[-1].end:q.start]):
                run.append(q)
            else:
                if len(run) > 1:
                    runs.append(run)
                run = [q]
        if len(run) > 1:
            runs.append(run)
    return runs


def share_sources(c: Comparison) -> None:
    """Add to each figure's `sources` (a date's aside) every other source that states it
    (`_Told.elsewhere`), and to a sum's the sources of its conversion in brackets: the last step
    of finding the disagreements (disagreements.find_disagreements), after the figures paired
    and the counterparts (counterparts.py) have added theirs."""
    source_of = {s.id: s.source for s in c.all_sentences()}
    told = _Told(c, source_of)
    found = {id(q): told.elsewhere(q) for q in c.numbers if q.kind != "date"}
    for run in _conversions(c):
        both = set().union(*(found[id(q)] for q in run))
        for q in run:
            found[id(q)] = both
    order = {src.id: k for k, src in enumerate(c.sources)}
    for q in c.numbers:
        for src in sorted(found.get(id(q), ()), key=lambda x: order.get(x, len(order))):
            if src not in q.sources:
                q.sources.append(src)


def single_source_numbers(c: Comparison) -> list[Quantity]:
    """Figures no other source gives (module docstring), in the order the engine read them: one
    source in `sources`, not a date, not a side of a disagreement, and a figure to check."""
    in_dispute = {(side.sentence, side.start, side.end) for d in c.disagreements for side in d.sides}
    text_of = {s.id: s.text for s in c.all_sentences()}
    return [q for q in c.numbers if len(q.sources) == 1 and q.kind != "date"
            and (q.sentence, q.start, q.end) not in in_dispute
            and not_a_figure(q, text_of.get(q.sentence, "")) is None]
