"""Numeric disagreements across a comparison (`find_disagreements`).

Figures are read once per text; the figures of linked sentences are paired by the pairing rules
(sidebyside/figure_pairs.py), and figures of sentences that are not linked within buckets of one
kind of quantity, under a shared budget; a disagreement is a set of readings in which every pair
passed those rules and reads differently (sidebyside/figure_verdicts.py), never a transitive bag.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from . import figure_pairs
from . import numbers as N
from .counterparts import _both_told, _counterparts, _run_ends, _told_key, _values
from .figure_pairs import _admitted_at, _anchor, _sentence_words
from .figure_verdicts import _WORDS, _Figures, _prepare, _reads_same, _verdict
from .model import (
    DATE,
    QUALIFIER,
    UNIT,
    VALUE,
    Comparison,
    Disagreement,
    Quantity,
    Sentence,
    Side,
)
from .numbers.compare import figure_key, judge_keyed
from .numbers.lexicon import PEOPLE, group
from .readable import plain_hedges, reading
from .single_figures import share_sources

MAX_UNLINKED_PAIRS = 20_000  # figure pairs tried across sentences that are not linked
SIBLING_LINK = 0.5  # two unlinked sentences with one figure paired: their others, as if so linked
SIBLING_WHY = "another figure of these two sentences is paired, and they share {words}"

_SEVERITY = {VALUE: 4, UNIT: 3, DATE: 2, QUALIFIER: 1}


def _edge(x: int, y: int) -> tuple[int, int]:
    return (x, y) if x < y else (y, x)


def _reading_key(q: Quantity) -> tuple:
    """Every field of a figure that `_admitted` reads (its reading, what it counts, where it is
    in its sentence): two sentences of the same text and readings pair alike."""
    return (q.kind, q.unit, q.value, q.low, q.high, q.qualifier, q.event, q.noun, q.text,
            q.start, q.end)


def _key(q: Quantity) -> tuple | None:
    """The bucket of figures that may be one quantity across unlinked sentences."""
    if q.kind == "count":
        if q.event and group(q.unit) in PEOPLE:
            return ("count", "person")  # "three bank workers" dead may be "three people" killed
        # "two villagers" and "five people": one group of people (other groups keep their
        # nouns apart: "soldiers" and "troops", "votes" and "ballots" may be parts of each other)
        return ("count", "person" if group(q.unit) == "person" else q.unit) if q.unit else None
    if q.kind == "money":
        return ("money", q.unit)  # what it is of is often unsaid: `_admit` checks the nouns
    if q.kind in ("percent", "measure"):
        return (q.kind, q.unit, q.noun)
    if q.kind == "duration":
        return ("duration", q.unit)
    if q.kind == "date" and q.qualifier == "relative" and _anchor(q) == "ago":
        return ("date", "ago")  # "two years ago", "more than two years ago"
    if q.kind == "date" and q.unit == "date" and q.qualifier != "relative" and q.value > 1000:
        return ("date", "dated")  # "has led House Democrats since 2002" / "since 2003"
    return None


def _reading(q: Quantity) -> str:
    if q.kind == "date" and q.qualifier == "range":
        return f"a span of time ({q.text})"
    if q.kind == "date" and (q.qualifier == "relative" or q.unit == "weekday"):
        return f"a date ({q.text})"
    return reading(q.value, q.qualifier, q.unit, q.kind, q.event, q.high - q.low)




@lru_cache(maxsize=16384)
def _spellings(text: str) -> dict[str, str]:
    """Stem -> the first word of `text` with that stem (once per sentence, however many pairs)."""
    out: dict[str, str] = {}
    for m in _WORDS.finditer(text):
        out.setdefault(N.stem(m.group()), m.group())
    return out


def _surface(stems: set[str], *texts: str) -> str:
    """The words as the sentences write them for a set of stems ("lindmo" -> "Lindmoor")."""
    maps = [_spellings(t) for t in texts]
    words = (next((m[st] for m in maps if st in m), st) for st in stems)
    return ", ".join(sorted(words, key=str.lower)[:4])


def _scope_words(c: N.Context) -> str:
    parts = []
    if c.total:
        parts.append("a running total")
    if c.rate:
        parts.append(f"per {c.rate}")
    if c.span:
        parts.append(f"over {c.span}s")
    if c.years:
        parts.append("in " + ", ".join(sorted(c.years)))
    if c.day:
        parts.append(c.day if c.day in ("today", "yesterday", "tonight", "tomorrow")
                     else f"on {c.day.capitalize()}")
    if c.session and c.market:  # a market's session; "early Monday" is no trading session
        parts.append({"close": "at the close", "intraday": "during the session"}[c.session])
    return "; ".join(parts)


def find_disagreements(comparison: Comparison, read: dict | None = None,
                       near: list[tuple[str, str, float]] | None = None) -> None:
    """Pair figures that are one quantity (same claim, or same counted noun and subject; same
    scope), then list each set of figures in conflict in which every two were paired: no
    transitive groups (issue 14). `near`: pairs of sentences whose figures are paired as a link
    of that probability would pair them, though they are not linked (the links the transformer
    turned down, `match.MatchRun.near`). `read`: the figures' contexts worked out already
    (`read_texts`). The steps, in order, each on the figures' pairs (`_Pairs.edges`) so far:"""
    p = _Pairs(comparison, read)
    p.pair_linked()  # figures of linked sentences
    p.pair_near(near or ())  # ...of sentences the transformer turned down
    p.pair_unlinked()  # ...of sentences not linked: one counted noun and subject, in buckets
    p.drop_told_twice()  # one source gives both figures: two quantities
    p.share_sources()  # figures that agree: each source reports the other's quantity
    _counterparts(comparison)  # figures another source gives in other words
    comparison.disagreements = sorted(
        (p.explained(*group) for group in p.groups()),
        key=lambda d: (p.order[d.sides[0].source], comparison.sentence(d.sides[0].sentence).index))
    share_sources(comparison)  # ...or the same figure under another noun, kind or currency


class _Pairs:
    """The figures of one comparison by their places, and the pairs of them found to be one
    quantity (`edges`: (verdict, note, why) by the two places), built by find_disagreements'
    steps. Figures are keyed by their place in the comparison, never by id(): an order that
    follows memory addresses changed the sides and the why-text from one run to the next.

    A big folder repeats sentences (fifty rewrites of one story): the figures of a sentence (or
    the part of them met across unlinked sentences) are a `reading`, numbered, and two sentences
    of the same text and readings are one. The figures of two readings on a link of one score are
    paired once (`pair`), and each pair judged once; a reading's figures are read (`_prepare`)
    when first paired."""

    def __init__(self, comparison: Comparison, read: dict | None) -> None:
        self.comparison, self.read = comparison, read
        self.order = {src.id: i for i, src in enumerate(comparison.sources)}
        self.by_key = dict(enumerate(comparison.numbers))
        self.rank = {id(q): i for i, q in self.by_key.items()}
        self.contexts: dict[int, N.Context] = {}
        self.edges: dict[tuple[int, int], tuple[str | None, str, str]] = {}
        self.reading_keys = [_reading_key(q) for q in comparison.numbers]
        self.keys = [figure_key(q) for q in comparison.numbers]  # what `judge` reads of each figure
        self.readings_of: dict[tuple, int] = {}
        self.parts: list[tuple[list[int], str]] = []  # a reading's figures (their ranks) and sentence
        self.prepared: dict[int, _Figures] = {}
        self.paired: dict[tuple[int, int, float | None], list[tuple[int, int, tuple]]] = {}
        # The sentences with figures (ids are unique): (source, index), figures' ranks, reading.
        self.numbered: dict[str, tuple[tuple[str, int], list[int], int]] = {}
        for s in comparison.all_sentences():
            if s.numbers:
                ranks = [self.rank[id(q)] for q in s.numbers]
                self.numbered[s.id] = ((s.source, s.index), ranks, self.reading(ranks, s.text))
        self.near_of: dict[str, set[str]] = {}
        self.linked: dict[str, set[str]] = {}

    def ctx(self, q: Quantity) -> N.Context:
        c = self.contexts.get(self.rank[id(q)])
        if c is None:
            c = self.contexts[self.rank[id(q)]] = N.context(q, self.comparison.sentence(q.sentence).text)
        return c

    def reading(self, ranks: list[int], text: str) -> int:
        key = (text, tuple(self.reading_keys[r] for r in ranks))
        n = self.readings_of.get(key)
        if n is None:
            n = self.readings_of[key] = len(self.parts)
            self.parts.append((ranks, text))
        return n

    def figures(self, n: int) -> _Figures:
        f = self.prepared.get(n)
        if f is None:
            ranks, text = self.parts[n]
            f = self.prepared[n] = _prepare([self.by_key[r] for r in ranks], text, self.read)
        return f

    def pair(self, ra: int, rb: int, link: float | None) -> list[tuple[int, int, tuple]]:
        """The figures of readings ra and rb that are one quantity, by their places, each with
        its edge: (verdict, note, why)."""
        key = (ra, rb, link)
        out = self.paired.get(key)
        if out is None:
            left, right = self.figures(ra), self.figures(rb)
            ka, kb = self.parts[ra][0], self.parts[rb][0]
            out = self.paired[key] = []
            for i, j, why in _admitted_at(left, right, link):
                v, note = _verdict(left, i, right, j, judge_keyed(
                    left.qs[i], right.qs[j], self.keys[ka[i]], self.keys[kb[j]]))
                # the plain string (the cache keeps exact types)
                out.append((i, j, (v.value if v else None, note, why)))
        return out

    def add(self, xs: list[int], ys: list[int], found: list[tuple[int, int, tuple]]) -> None:
        for i, j, e in found:
            self.edges[_edge(xs[i], ys[j])] = e

    def pair_linked(self) -> None:
        """The figures of every two linked sentences of two sources."""
        sentence = self.comparison.sentence
        for sid, (at, ranks, r) in self.numbered.items():
            n = len(ranks)
            for link in sentence(sid).links:
                other = self.numbered.get(link.to)
                if other is None:
                    continue  # no figures
                if other[0][0] == at[0] or at > other[0]:
                    continue
                if n * len(other[1]) > figure_pairs.MAX_NUMBER_PAIRS:
                    continue
                self.add(ranks, other[1], self.pair(r, other[2], link.score))

    def pair_near(self, near) -> None:
        """The figures of two sentences `near` (not linked) as a link of their score pairs them."""
        for a, b, score in near:
            one, other = self.numbered.get(a), self.numbered.get(b)
            if one is None or other is None or one[0][0] == other[0][0]:
                continue
            self.near_of.setdefault(a, set()).add(b)
            self.near_of.setdefault(b, set()).add(a)
            if one[0] > other[0]:
                one, other = other, one
            if len(one[1]) * len(other[1]) <= figure_pairs.MAX_NUMBER_PAIRS:
                self.add(one[1], other[1], self.pair(one[2], other[2], score))

    def linked_to(self, sid: str) -> set[str]:
        """The sentences a sentence with figures is linked (or `near`) to."""
        out = self.linked.get(sid)
        if out is None:
            out = self.linked[sid] = (
                {link.to for link in self.comparison.sentence(sid).links} | self.near_of.get(sid, set())
                if sid in self.numbered else set())
        return out

    def pair_unlinked(self) -> None:
        """Sentences that are not linked: the same counted noun and the same subject or event."""
        buckets: dict[tuple, list[Quantity]] = {}
        for q in self.comparison.numbers:
            k = _key(q)
            if k is not None:
                buckets.setdefault(k, []).append(q)
        per_pair: dict[tuple[str, str], list[tuple[Quantity, Quantity]]] = {}
        # Each bucket has its own share of the budget: one big bucket (a table of percentages)
        # must not starve the others (the two page counts of one complaint).
        shares = _shares([_cross_pairs(qs) for qs in buckets.values()], MAX_UNLINKED_PAIRS)
        for qs, budget in zip(buckets.values(), shares, strict=True):
            # Every later figure of another source, in order: a run of figures of a's own source
            # is stepped over at once (one long document's figures are a single run, and
            # comparing each with every other one was quadratic, issue 13).
            src = [q.sources[0] for q in qs]
            run_end = _run_ends(src)
            for i, a in enumerate(qs):
                if budget < 0:
                    break
                j = i + 1
                while j < len(qs):
                    if src[j] == src[i]:
                        j = run_end[j]
                        continue
                    b = qs[j]
                    j += 1
                    if b.sentence in self.linked_to(a.sentence):
                        continue
                    budget -= 1
                    if budget < 0:
                        break
                    per_pair.setdefault((a.sentence, b.sentence), []).append((a, b))
        # The figures of one sentence met here are a part of its figures: a reading of their own.
        part_readings: dict[tuple[int, ...], int] = {}

        def part_reading(ranks: list[int], sid: str) -> int:
            key = tuple(ranks)
            n = part_readings.get(key)
            if n is None:
                n = part_readings[key] = self.reading(ranks, self.comparison.sentence(sid).text)
            return n

        rank = self.rank
        for (sa, sb), pairs in per_pair.items():
            left = list(dict.fromkeys(rank[id(a)] for a, _ in pairs))
            right = list(dict.fromkeys(rank[id(b)] for _, b in pairs))
            if len(left) * len(right) > figure_pairs.MAX_NUMBER_PAIRS:
                continue
            found = self.pair(part_reading(left, sa), part_reading(right, sb), None)
            self.add(left, right, found)
            if found:
                # Two unlinked sentences with one figure paired tell the same facts: their other
                # figures are read as a linked pair's ("killing seven and injuring 40" / "killed
                # six, injured almost 50").
                (_, ra, na), (_, rb, nb) = self.numbered[sa], self.numbered[sb]
                if len(ra) * len(rb) <= figure_pairs.MAX_NUMBER_PAIRS:
                    self.add(ra, rb, [(i, j, (v, note, SIBLING_WHY))
                                      for i, j, (v, note, why) in self.pair(na, nb, SIBLING_LINK)
                                      if "{words}" in why and _edge(ra[i], rb[j]) not in self.edges])

    def drop_told_twice(self) -> None:
        """A source that gives both figures tells two quantities, not one quantity two ways
        ("$13.9 billion including debt, $13.2 billion for the shares"; "a 6.1 quake in September"
        and this one's 5.6): the other sources giving one each do not disagree."""
        by_key, edges = self.by_key, self.edges
        told: dict[tuple, set[str]] = {}
        told_keys = [_told_key(q) for q in self.comparison.numbers]
        for q, k in zip(self.comparison.numbers, told_keys, strict=True):
            told.setdefault(k, set()).add(q.sources[0])
        by_family: dict[str, tuple[list[float], list[int]]] = {}
        value_edges = [k for k, e in edges.items() if e[0] in (VALUE, UNIT)]  # "60 seats", "six"
        if value_edges:
            for i in sorted(by_key, key=lambda i: (by_key[i].value, i)):
                lows, ids = by_family.setdefault(N.family(by_key[i]), ([], []))
                lows.append(by_key[i].value)
                ids.append(i)
        for k in value_edges:
            qa, qb = by_key[k[0]], by_key[k[1]]
            if told[told_keys[k[0]]] & told[told_keys[k[1]]] or _both_told(qa, qb, by_key, by_family):
                del edges[k]

    def share_sources(self) -> None:
        """Sources reporting the same quantity: both sides of every pair whose values agree."""
        for (a, b), (verdict, _, _) in self.edges.items():
            if verdict in (None, QUALIFIER):
                qa, qb = self.by_key[a], self.by_key[b]
                for q, other in ((qa, qb), (qb, qa)):
                    for src in other.sources[:1]:
                        if src not in q.sources:
                            q.sources.append(src)

    def groups(self) -> list[tuple[list[int], set[int], str, int, int]]:
        """The disagreements as (figures, the same as a set, kind, the two figures of the
        conflict that started it): cliques in which every two figures were paired."""
        by_key, edges, order = self.by_key, self.edges, self.order
        neighbours: dict[int, set[int]] = {}
        for a, b in edges:
            neighbours.setdefault(a, set()).add(b)
            neighbours.setdefault(b, set()).add(a)

        def joins(c: int, m: int) -> bool:
            qc, qm = by_key[c], by_key[m]
            if qc.sources[0] == qm.sources[0]:
                return _reads_same(qc, qm)
            return c in neighbours[m] and (edges[_edge(c, m)][0] is not None or _reads_same(qc, qm))

        conflicts = sorted(
            (k for k, e in edges.items() if e[0]),
            key=lambda k: (-_SEVERITY.get(edges[k][0], 0), min(order[by_key[x].sources[0]] for x in k)),
        )
        covered: set[tuple[int, int]] = set()
        # Cliques of one quantity that share half their figures or more are one disagreement (a
        # wire story's rewrites split "£50.3 million vs £36.1 million" into sixteen cliques that
        # differ by a source or two); a clique meeting another in one figure stays apart.
        groups: list[tuple[list[int], set[int], str, int, int]] = []
        for a, b in conflicts:
            if (a, b) in covered:
                continue
            clique = [a, b]
            for c in sorted(neighbours[a] | neighbours[b], key=lambda x: (order[by_key[x].sources[0]], x)):
                # every two sides were paired, and two sides that read differently disagree (a
                # third figure that agrees with one side in other words is not a side); a source
                # repeating its figure in another sentence is one side twice
                if c not in clique and all(joins(c, m) for m in clique):
                    clique.append(c)
            kinds = []
            for i, x in enumerate(clique):
                for y in clique[i + 1 :]:
                    k = _edge(x, y)
                    covered.add(k)
                    e = edges.get(k)
                    if e and e[0]:
                        kinds.append(e[0])
            kind = max(kinds, key=lambda k: _SEVERITY.get(k, 0))
            values = _values(by_key[x] for x in clique)
            for members_list, members_set, g_kind, _, _ in groups:
                shared = len(members_set.intersection(clique))
                if g_kind == kind and (shared >= max(2, min(len(clique), len(members_set)) / 2) or (
                        shared and values == _values(by_key[x] for x in members_set))):
                    members_list.extend(x for x in clique if x not in members_set)
                    members_set.update(clique)
                    break
            else:
                groups.append((list(clique), set(clique), kind, a, b))
        return groups

    def explained(self, clique: list[int], _members: set[int], kind: str, a: int, b: int) -> Disagreement:
        """One disagreement, its sides in source order and its why: both readings, the scope,
        why they were paired, the verdict."""
        comparison, by_key, ctx = self.comparison, self.by_key, self.ctx
        members = [by_key[x] for x in clique]
        members.sort(key=lambda q: (self.order[q.sources[0]], comparison.sentence(q.sentence).index, q.start))
        sides = [
            Side(
                sentence=q.sentence,
                source=comparison.sentence(q.sentence).source,
                text=q.text,
                value=q.value,
                qualifier=q.qualifier,
                unit=q.unit,
                start=q.start,
                end=q.end,
            )
            for q in members
        ]
        readings = "; ".join(
            f"{comparison.sentence(q.sentence).source} says “{q.text}”, read as {_reading(q)}"
            + (f" ({sc})" if (sc := _scope_words(ctx(q))) else "")
            for q in members
        )
        verdict, note, why = self.edges[_edge(a, b)]
        if "{words}" in why:  # spelled out here, for the few pairs that make a disagreement
            ca, cb = ctx(by_key[a]), ctx(by_key[b])
            shared = set(sorted(N.shared_words(ca, cb))[:4])
            why = why.replace("{words}", _surface(shared, ca.text, cb.text))
        if "{act}" in why:
            ca, cb = ctx(by_key[a]), ctx(by_key[b])
            why = why.replace("{act}", _surface({ca.act or ""}, ca.text, cb.text))
        if "{sentence}" in why:
            ca, cb = ctx(by_key[a]), ctx(by_key[b])
            shared = set(sorted(_sentence_words(ca) & _sentence_words(cb))[:4])
            why = why.replace("{sentence}", _surface(shared, ca.text, cb.text))
        qa, qb = by_key[a], by_key[b]
        if why.startswith(_ON_A_LINK) and qb.sentence not in {
                lk.to for lk in comparison.sentence(qa.sentence).links}:
            # paired at the score of a link the transformer turned down (`MatchRun.near`): the
            # sentences have no link, and the detail says so
            why = why.replace(_ON_A_LINK, "the sentences read as nearly the same claim (score", 1) \
                .replace(")", ", not linked)", 1)
        if len(members) > 2 and why.startswith("the sentences "):
            # several sentences on a side: say which two the reason is about ("some 600" in a
            # sentence with no link, paired through "about 600" in a linked one)
            why = f"{qa.sentence} and {qb.sentence}" + why[len("the sentences"):]
        note = plain_hedges(note)
        scope = _scope_words(ctx(by_key[a])) or "none stated"
        explanation = (f"{readings}. Scope: {scope}. Paired because {why}. "
                       f"Verdict: {verdict}, {note}.")
        return Disagreement(kind=kind, about=N.about(members), sides=sides, why=explanation)


def figures_told_apart(comparison: Comparison, s: Sentence) -> list[tuple[Quantity, Quantity, str]]:
    """The figures of `s` and of the sentences it links to that count the same thing with other
    values, yet make no disagreement because their scopes differ (`numbers.different_scope`):
    (its figure, the other, why). "In all, 1,500 residents were evacuated" / "1,200 residents
    were evacuated by mid-morning": a total and a part. The detail says why there is no ≠."""
    disputed = {(side.sentence, side.start) for d in comparison.disagreements for side in d.sides}
    out = []
    for lk in s.links:
        t = comparison.sentence(lk.to)
        for a in s.numbers:
            for b in t.numbers:
                if a.kind != b.kind or a.value == b.value or not a.unit or a.unit != b.unit or \
                        (s.id, a.start) in disputed and (t.id, b.start) in disputed:
                    continue
                why = N.different_scope(a, N.context(a, s.text), b, N.context(b, t.text))
                if why:
                    out.append((a, b, why))
    return out


_ON_A_LINK = "the sentences make the same claim (link"  # figure_pairs' why on a link


def _cross_pairs(qs: list[Quantity]) -> int:
    """How many pairs of figures of two different sources a bucket holds."""
    n = len(qs)
    return (n * n - sum(k * k for k in Counter(q.sources[0] for q in qs).values())) // 2


def _shares(needs: list[int], total: int) -> list[int]:
    """A budget of `total` shared among buckets needing `needs`: the smaller needs are met in
    full and what is left is split evenly among the larger ones (every bucket gets its fair part
    whatever the order; the same shares from run to run)."""
    shares = [0] * len(needs)
    left, todo = total, len(needs)
    for i in sorted(range(len(needs)), key=lambda i: (needs[i], i)):
        shares[i] = min(needs[i], left // todo)
        left -= shares[i]
        todo -= 1
    return shares
