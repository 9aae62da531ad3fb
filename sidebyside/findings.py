"""Findings: shared and unique sentences, numbers, and numeric disagreements.

Two quantities are about the same thing when their sentences are linked and the number reader
says they count the same thing (troops/soldiers, killed/perished). Every group of such quantities
that holds a conflict becomes one disagreement listing every source's side.
"""

from __future__ import annotations

import math

from . import numbers as N
from .model import (
    BOILERPLATE,
    DATE,
    DUPLICATE,
    QUALIFIER,
    SHARED,
    UNIQUE,
    UNIT,
    VALUE,
    Comparison,
    Disagreement,
    Quantity,
    Side,
)

MAX_NUMBER_PAIRS = 2_500  # 50 figures facing 50

_SEVERITY = {VALUE: 4, UNIT: 3, DATE: 2, QUALIFIER: 1}


def set_statuses(comparison: Comparison) -> None:
    for s in comparison.all_sentences():
        if s.status in (BOILERPLATE, DUPLICATE):
            continue
        s.status = SHARED if s.links else UNIQUE


def read_numbers(comparison: Comparison) -> None:
    numbers: list[Quantity] = []
    for s in comparison.all_sentences():
        s.numbers = []
        if s.status in (BOILERPLATE, DUPLICATE):
            continue
        for q in N.read_quantities(s.text):
            q.sentence = s.id
            q.sources = [s.source]
            s.numbers.append(q)
            numbers.append(q)
    comparison.numbers = numbers


def _closeness(a: Quantity, b: Quantity) -> float:
    """Higher for quantities more likely to be the same figure: same unit, then closer values."""
    same_unit = 2.0 if a.unit and a.unit == b.unit else 0.0
    if a.value > 0 and b.value > 0:
        return same_unit - abs(math.log(a.value / b.value))
    return same_unit - (0.0 if a.value == b.value else 5.0)


def _pairs(left: list[Quantity], right: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """Quantities of two linked sentences that count the same thing, each used at most once,
    best-matching pairs first (so "600 troops" pairs with "600 soldiers", not "15,000").
    Sentences with more figures than a claim holds (a pasted table in one "sentence") are not
    paired: the pairing grows with the product of their counts."""
    if len(left) * len(right) > MAX_NUMBER_PAIRS:
        return []
    options = [
        (_closeness(a, b), i, j)
        for i, a in enumerate(left)
        for j, b in enumerate(right)
        if a.kind not in ("ordinal", "age") and N.same_thing(a, b)
    ]
    used_l: set[int] = set()
    used_r: set[int] = set()
    out = []
    for _, i, j in sorted(options, key=lambda o: -o[0]):
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        out.append((left[i], right[j]))
    return out


def find_disagreements(comparison: Comparison) -> None:
    """Pair quantities across linked sentences, group them, and list the groups in conflict."""
    order = {src.id: i for i, src in enumerate(comparison.sources)}
    parent: dict[int, int] = {}
    verdicts: dict[tuple[int, int], str | None] = {}
    by_key = {id(q): q for q in comparison.numbers}

    def find(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s in comparison.all_sentences():
        if not s.numbers:
            continue
        for link in s.links:
            other = comparison.sentence(link.to)
            if not other.numbers:
                continue
            if other.source == s.source or (s.source, s.index) > (other.source, other.index):
                continue
            for qa, qb in _pairs(s.numbers, other.numbers):
                verdicts[(id(qa), id(qb))] = N.compare(qa, qb)
                parent[find(id(qa))] = find(id(qb))

    # Sources reporting the same quantity: both sides of every pair whose values agree.
    for (a, b), verdict in verdicts.items():
        if verdict in (None, QUALIFIER):
            qa, qb = by_key[a], by_key[b]
            for q, other in ((qa, qb), (qb, qa)):
                for src in other.sources[:1]:
                    if src not in q.sources:
                        q.sources.append(src)

    groups: dict[int, list[Quantity]] = {}
    for key in list(parent):
        groups.setdefault(find(key), []).append(by_key[key])
    kinds_of: dict[int, list[str]] = {}
    for (a, _), verdict in verdicts.items():
        if verdict:
            kinds_of.setdefault(find(a), []).append(verdict)
    disagreements: list[Disagreement] = []
    for root, members in groups.items():
        kinds = kinds_of.get(root)
        if not kinds:
            continue
        kind = max(kinds, key=lambda k: _SEVERITY.get(k, 0))
        members.sort(key=lambda q: (order[q.sources[0]], comparison.sentence(q.sentence).index, q.start))
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
        disagreements.append(Disagreement(kind=kind, about=N.about(members), sides=sides))
    disagreements.sort(
        key=lambda d: (order[d.sides[0].source], comparison.sentence(d.sides[0].sentence).index)
    )
    comparison.disagreements = disagreements
