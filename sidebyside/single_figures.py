"""Figures only one source gives: the list that ends the brief (report.py), where a reporter sees
which figures rest on a single outlet, and the `sources` of each figure the JSON gives.

A figure is listed when its `sources` name one outlet, it is not a date, not a side of a
disagreement, and it is a figure a fact-checker would check (`not_a_figure`). `share_sources`,
the last step of finding the disagreements, adds to a figure's `sources` the outlets that state
it in other words (`_Told.elsewhere`), beyond the pairs and counterparts found before it. A
reporter's corrections (corrections.py) add and take back the sources of the figures of the
sentences they link, as the engine pairs them on a link; they do not run `share_sources` again.

Measured on real news (benchmarks/singles_real.py, labels in benchmarks/gold/SINGLES.md): as
first built, 37% of the entries on the dev clusters were wrong. Most were no figure at all: "one"
as a determiner ("one adviser said", "at one point": 48 entries, none exclusive), "the two
leaders" of two people just named, "100 percent false", "first" meaning earlier ("first reported
by") or in a set phrase ("in the first place", "plead the Fifth"); the rest were figures another
outlet gives in other words: with another noun under the same hedge ("nearly 90 professors" /
"nearly 90 faculty members"), as an age ("Sasha, 13" / "aged 16 and 13"), or in another
currency in brackets ("euro110 billion ($141 billion)"). Each rule here reads one of those forms,
and a review made each as strict as a different quantity of the same value asks ("5 to 2" is no
"two people", "at least 12 people killed" no "at least 12 buildings destroyed").
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Context, Decimal

from .model import Comparison, Quantity
from .numbers.compare import factor, family
from .numbers.lexicon import group, looks_verb, pluralish

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
# Words before a small spelled count that point back at what was just named ("the two leaders",
# "their two states", "all three men"), and before "first" that make it a rank ("the first").
_DEFINITE = frozenset("the their these those all both his her its our my your whose".split())
_SMALL = frozenset("two three four five six seven eight nine".split())
# "the two largest unions", "his two elder sons": a rank, not a pointer back
_RANKED = re.compile(r"\s+(?:\w+est|elder|older|younger|top)\b", re.I)
# A share of a whole ("rose 100 percent", "owns 100 percent of", "100 percent of precincts
# reporting") rather than emphasis ("100 percent false", "I 100 percent support"):
_CHANGED_OR_HELD = re.compile(r"\b(?:rose|rise|rises|risen|fell|fall|falls|grew|grow|jumped|climbed|"
                              r"soared|dropped|increased?|decreased?|up|down|by|own|owns|owned|"
                              r"bought|buy|buys|acquired?|sold|sell|sells|holds?|held)\W+(?:\w+\W+)?$", re.I)
_WHOLE_AFTER = re.compile(r"\W*(?:\w+\W+){0,2}?(?:stake|owned|ownership|interest|shares|precincts|"
                          r"votes|ballots)\b", re.I)
# "first" in set phrases, and ordinals that name a thing rather than rank it.
_ORDINAL_PHRASE = re.compile(
    r"\b(?:in\s+the\s+first\s+place|at\s+first|first\s+of\s+all"
    r"|first[\s-]+(?:lady|ladies|resort|step|responders?|baseman|degree)"
    r"|plead(?:s|ed|ing)?\s+the\s+fifth|(?:fifth|5th)\s+amendment"
    r"|the\s+first\s+to\s+(?:admit|acknowledge|concede|say))\b", re.I)
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_FIRST_TO = re.compile(r"\s+(?:to|ever|in\s+history|who|\w+ed\s+(?:to|as|in)\b)", re.I)
_NAMING_NOUN = re.compile(r"[\s-]+(?:century|centuries|floor|district|grade|grader|graders)\b", re.I)

_LOOSE = (None, "vague", "range")  # no hedge, or one too loose to tie two figures
CURRENCY_SPREAD = 2.0  # two sums in two currencies this close may be one sum converted


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
    if q.kind == "percent" and q.value == 100 and not _WHOLE_AFTER.match(text, q.end) \
            and not _CHANGED_OR_HELD.search(text[max(0, q.start - 40):q.start]):
        return "100 percent: emphasis (100 percent false)"
    if q.kind == "ordinal":
        return _not_a_rank(q, text, before, first)
    return None


def _not_a_rank(q: Quantity, text: str, before: str, first: str) -> str | None:
    if any(m.start() < q.end and q.start < m.end() for m in _ORDINAL_PHRASE.finditer(text)):
        return "a set phrase (in the first place, plead the Fifth)"
    own_end = q.start + len(first)  # the ordinal word itself ("fourth" of "fourth floor")
    if _NAMING_NOUN.match(text, own_end):
        return "an ordinal that names (the 21st century, the fourth floor)"
    words = q.text.split()
    if first == "first" and len(words) >= 2 and pluralish(words[-1].lower()) and \
            not any(w[:1].isdigit() or w.lower() in _SMALL for w in words[1:]) and \
            not _FIRST_TO.match(text, q.end):
        # "after the first packages were found", "one of Trump's first Cabinet picks": the
        # earliest ones, not a rank ("the first women to serve" claims one)
        return "the first ...s: the earliest ones, not a rank"
    if first == "first" and before not in _DEFINITE and not before.endswith(("'s", "’s")):
        m = _NEXT_WORD.match(text, own_end)
        nxt = m.group(1).lower() if m else ""
        if not nxt or nxt.endswith("ly") or nxt == "earlier" or looks_verb(nxt):
            return "first: earlier, not a rank (first reported by, who would go first)"
    return None


class _Told:
    """The figures of a comparison, indexed for `elsewhere`: by (kind, significant digits, value
    at them), at their own precision (`own`) and rounded to each precision from 2 below their own
    (`coarser`); by value alone, with their kind, for a bare number (`by_value`); hedged ones by
    value, kind and hedge (`hedged`). Each index holds a set per key (who says it, how), so
    many figures of one value cost no more than the sources that give it."""

    def __init__(self, c: Comparison) -> None:
        self.comparison = c
        self.memo: dict[tuple, frozenset[str]] = {}
        self.own: dict[tuple, set[tuple[str, str | None]]] = {}
        self.coarser: dict[tuple, set[tuple[str, str | None]]] = {}
        self.by_value: dict[tuple, set[tuple[str, str, bool, bool]]] = {}
        # per (kind, hedge, digits, value, event), per source: its sentences, and the words near
        # its figures (`Context.close`)
        self.hedged: dict[tuple, dict[str, tuple[set[str], set[str]]]] = {}
        self.close: dict[int, frozenset[str]] = {}
        # measures and spans of time by hedge, family and value in the base unit (to two digits)
        self.converted: dict[tuple, list[Quantity]] = {}
        for q in c.numbers:
            src, n = q.sources[0], _significant(q.value)
            told = (src, self.unit(q))
            base = _in_base(q)
            if base is not None:
                self.converted.setdefault((q.qualifier, base), []).append(q)
            self.own.setdefault((q.kind, n, _rounded(q.value, n)), set()).add(told)
            for k in range(2, n):
                self.coarser.setdefault((q.kind, k, _rounded(q.value, k)), set()).add(told)
            for k in range(2 if n > 1 else 1, n + 1):  # its own value, and coarser ones
                self.by_value.setdefault((k, _rounded(q.value, k)), set()).add(
                    (src, _kind(q), _bare(q), k < n))
            if q.qualifier not in _LOOSE and q.kind != "date":
                sids, words = self.hedged.setdefault(
                    (q.kind, q.qualifier, n, _rounded(q.value, n), q.event), {}).setdefault(
                    src, (set(), set()))
                sids.add(q.sentence)
                words |= self._close(q)

    def unit(self, q: Quantity) -> str | None:
        return group(q.unit) if q.kind == "count" else q.unit

    def elsewhere(self, q: Quantity) -> set[str]:
        """The other sources that state the figure `q`: the same figure of the same kind and
        unit (or with no unit, but for a count under 10: "5 to 2" is no "two people"),
        that figure rounded to two significant digits or more ("$8.2 million" for "$8,214,530"),
        the very figure of any unit when it is no round number ("6.1" of a magnitude and of a
        quake; "12 people" and "12 buildings" are two figures); a bare number's as an age
        ("aged 16 and 13" / "Sasha, 13"), or any figure's when the value is no round one ("? 22. 4bn" / "euro22.4
        billion"); the same figure under the same hedge with another noun when the sentences are
        linked or share a word near it ("nearly 90 professors" / "nearly 90 faculty members");
        the same count with another noun in a sentence linked to it, the same claim ("four
        robbers" / "Four men", "three principles" / "three main pillars");
        years and an anniversary, days and a day ("15 years after" / "the 15th anniversary");
        and one length, weight or span of time in another unit under the same hedge, in a linked
        sentence, or hedged and beside a word both figures have near them ("two decades" / "20
        years", "nearly two decades" / "nearly 20 years")."""
        mine = q.sources[0]
        key = (q.kind, q.unit, q.value)
        out = self.memo.get(key)
        if out is None:
            out = self.memo[key] = self._by_number(q)
        out = set(out)
        near = {ln.to for ln in self.comparison.sentence(q.sentence).links}
        if q.qualifier not in _LOOSE:
            n = _significant(q.value)
            key = (q.kind, q.qualifier, n, _rounded(q.value, n), q.event)
            for src, (sids, words) in self.hedged.get(key, {}).items():
                if src not in out and src != mine and (sids & near or words & self._close(q)):
                    out.add(src)  # "nearly 90 professors" / "nearly 90 faculty members"
        if q.kind == "money" and sum(x.kind == "money" for x in self.comparison.sentence(q.sentence).numbers) == 1:
            # one sum told in another currency in a linked sentence that gives one sum too, not
            # far from it ("$136M" / "€103 million" / "£88m": one haul)
            for sid in near:
                sums = [r for r in self.comparison.sentence(sid).numbers if r.kind == "money"]
                if len(sums) == 1 and sums[0].unit != q.unit and q.value and sums[0].value and \
                        sums[0].value != q.value and \
                        1 / CURRENCY_SPREAD <= sums[0].value / q.value <= CURRENCY_SPREAD:
                    # (a conversion changes the number: "£5 million" is no "$5 million")
                    out.add(sums[0].sources[0])
        if q.kind == "count":  # the same count with another noun, said in a linked sentence
            for sid in near:  # (the same claim): "four robbers" / "Four men rammed ..."
                out.update(r.sources[0] for r in self.comparison.sentence(sid).numbers
                           if r.kind == "count" and r.value == q.value and r.event == q.event)
                # (a fate said of one alone, "12 people killed" / "12 buildings", is another count)
        base = _in_base(q)
        if base is not None:  # "two decades" / "20 years", "5 km" / "3.1 miles"
            for other in self.converted.get((q.qualifier, base), ()):
                if other.unit != q.unit and (other.sentence in near or q.qualifier not in _LOOSE and (
                        self._close(other) & self._close(q))):
                    out.add(other.sources[0])  # on a link; a hedged one beside a word both use
        out.discard(mine)
        return out

    def _by_number(self, q: Quantity) -> frozenset[str]:
        """The sources `elsewhere` finds from the figure alone (its kind, unit and value), its
        own among them: worked out once for all the figures alike."""
        n = _significant(q.value)
        unit_q = self.unit(q)
        keys = [(q.kind, n, _rounded(q.value, n))]  # the same figure, or a finer one
        keys += [(q.kind, k, _rounded(q.value, k)) for k in range(2, n)]  # a coarser one
        same = self.own.get(keys[0], set())
        found = [*same, *self.coarser.get(keys[0], ())]
        found += [t for key in keys[1:] for t in self.own.get(key, ())]
        distinct = q.value != int(q.value) or q.value >= 1e6  # no round figure: 22.4bn, 7.6
        loose = q.kind != "count" or q.value >= 10  # "5 to 2" is no "two people"
        out = {src for src, u in found if u == unit_q or (loose and (u is None or unit_q is None))}
        if distinct and q.kind not in ("money", "percent"):
            out.update(src for src, _ in same)
        kind_q, bare_q = _kind(q), _bare(q)
        for k in range(2 if n > 1 else 1, n + 1):
            for src, kind, bare, finer in self.by_value.get((k, _rounded(q.value, k)), ()):
                if src in out or (k < n and finer):
                    continue  # below its own precision, only a figure it rounds to
                if (bare_q or bare) and "date" not in (kind, kind_q) and (
                        distinct or {kind, kind_q} == {"count", "age"}):
                    out.add(src)  # a bare number: "aged 16 and 13" / "Sasha, 13"
                elif k == n and q.value >= 10 and {kind, kind_q} in _ORDINAL_SPANS:
                    out.add(src)  # "15 years after the attacks" / "the 15th anniversary"
        return frozenset(out)

    def _close(self, q: Quantity) -> frozenset[str]:
        """The words near the figure q (`Context.close`), worked out once."""
        words = self.close.get(id(q))
        if words is None:
            from . import numbers as N

            text = self.comparison.sentence(q.sentence).text
            words = self.close[id(q)] = frozenset(N.context(q, text).close)
        return words


# An ordinal and a span of time that say one thing: "the 15th anniversary" / "15 years after",
# "the 35th day" / "35 days".
_ORDINAL_SPANS = ({"ordinal anniversary", "duration year"}, {"ordinal year", "duration year"},
                  {"ordinal day", "duration day"}, {"ordinal week", "duration week"},
                  {"ordinal month", "duration month"})


def _in_base(q: Quantity) -> tuple | None:
    """A measure's or a span of time's family and value in the family's base unit, to two
    significant digits: one key for one length, weight or span written in two units."""
    if q.kind not in ("measure", "duration"):
        return None
    f = factor(q)
    return (family(q), _rounded(q.value * f, 2)) if f else None


def _kind(q: Quantity) -> str:
    """The kind, with the unit of an ordinal or a span of time ("ordinal anniversary")."""
    return f"{q.kind} {q.unit}" if q.kind in ("ordinal", "duration") else q.kind


def _bare(q: Quantity) -> bool:
    """A number read with nothing it counts ("13" of "aged 16 and 13", "? 22. 4bn")."""
    return q.kind == "count" and q.unit is None


def _conversions(c: Comparison) -> list[list[Quantity]]:
    """Sums of money one sentence gives twice, in two currencies ("euro110 billion ($141
    billion)", "2m euros (£1. 7m; $2. 6m)"): a sum, then in brackets sums in other currencies,
    apart by a semicolon, up to the closing bracket ("$5 million ($2 million from one donor)"
    is two sums)."""
    runs: list[list[Quantity]] = []
    by_sentence: dict[str, list[Quantity]] = {}
    for q in c.numbers:
        by_sentence.setdefault(q.sentence, []).append(q)
    for sid, qs in by_sentence.items():
        qs = sorted((q for q in qs if q.kind == "money"), key=lambda q: q.start)
        text = c.sentence(sid).text
        run: list[Quantity] = []
        for q in [*qs, None]:
            if q is not None and run and q.unit not in {x.unit for x in run} and re.fullmatch(
                    r"\s*\(\s*" if len(run) == 1 else r"\s*;\s*", text[run[-1].end:q.start]):
                run.append(q)
                continue
            if len(run) > 1 and re.match(r"\s*\)", text[run[-1].end:]):
                runs.append(run)
            run = [q] if q is not None else []
    return runs


def share_sources(c: Comparison) -> None:
    """Add to each figure's `sources` (a date's aside) every other source that states it
    (`_Told.elsewhere`), and to a sum's the sources of its conversion in brackets, never a source
    on the other side of a disagreement over it: the last step of finding the disagreements
    (disagreements.find_disagreements), after the figures paired and the counterparts
    (counterparts.py) have added theirs."""
    told = _Told(c)
    found = {id(q): told.elsewhere(q) for q in c.numbers if q.kind != "date"}
    for run in _conversions(c):
        both = set().union(*(found[id(q)] for q in run))
        for q in run:
            found[id(q)] = both
    # a source on the other side of a disagreement over a figure does not state it
    against: dict[tuple[str, int, int], set[str]] = {}
    for d in c.disagreements:
        for side in d.sides:
            against.setdefault((side.sentence, side.start, side.end), set()).update(
                x.source for x in d.sides if x.source != side.source)
    order = {src.id: k for k, src in enumerate(c.sources)}
    for q in c.numbers:
        new = found.get(id(q), set()) - against.get((q.sentence, q.start, q.end), set()) - set(q.sources)
        q.sources.extend(sorted(new, key=order.__getitem__))


def single_source_numbers(c: Comparison) -> list[Quantity]:
    """Figures no other source gives (module docstring), in the order the engine read them: one
    source in `sources`, not a date, not a side of a disagreement, and a figure to check."""
    in_dispute = {(side.sentence, side.start, side.end) for d in c.disagreements for side in d.sides}
    return [q for q in c.numbers if len(q.sources) == 1 and q.kind != "date"
            and (q.sentence, q.start, q.end) not in in_dispute
            and not_a_figure(q, c.sentence(q.sentence).text) is None]
