"""Figures that more than one source gives, however written (sidebyside/disagreements.py).

A figure with a counterpart elsewhere ("$8.2 million" / "$8,214,530") is not one source's
exclusive figure; and a source that gives both sides of a disagreement ("at least 40, later 42")
is not on one side of it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from . import numbers as N
from .model import Comparison, Quantity
from .numbers.compare import figure_key, thing_key

MAX_BOTH_TOLD = 16  # figures near a disagreeing one looked at for a source that gives both


def _agreeing(q: Quantity, by_key: dict[int, Quantity],
              by_family: dict[str, tuple[list[float], list[int]]]) -> dict[str, set[int]]:
    """Per source, its figures that agree with q (near its range); none when too many figures
    are near to look at (a wire story's fifty rewrites: the pair is kept, as before)."""
    values, ids = by_family.get(N.family(q), ([], []))
    out: dict[str, set[int]] = {}
    lo, hi = min(q.low, q.value) / 1.1, max(q.high, q.value) * 1.1
    first, last = bisect_left(values, lo), bisect_right(values, hi)
    if last - first > MAX_BOTH_TOLD:
        return out
    for p in range(first, last):
        x = by_key[ids[p]]
        if x is not q and N.same_thing(x, q) and N.compare(x, q) is None:
            out.setdefault(x.sources[0], set()).add(ids[p])
    return out


def _both_told(a: Quantity, b: Quantity, by_key: dict[int, Quantity],
               by_family: dict[str, tuple[list[float], list[int]]]) -> bool:
    """Does some source give one figure that agrees with a and another that agrees with b
    ("$13.9 billion" with debt and "$13.2 billion" without: "about $13 billion" is the second)?"""
    if a.value <= 0 or b.value <= 0:
        return False
    fa = _agreeing(a, by_key, by_family)
    if not fa:
        return False
    fb = _agreeing(b, by_key, by_family)
    return any(src in fb and (xs - fb[src] or fb[src] - xs) for src, xs in fa.items())


def _told_key(q: Quantity) -> tuple:
    """A figure as a source tells it: a distinctive value (6.1, 13.9 billion) whatever it is said
    to count ("a 6.1 quake", "a magnitude of 6.1"); a round one (20,000, 12) with what it counts."""
    if q.value != int(q.value) or q.value >= 100 and len(f"{q.value:.0f}".rstrip("0")) > 2:
        return (N.family(q), q.value)
    # a round figure ("20,000", "600") is said of many things: "20,000 protesters" in one city
    # does not make "20,000 people" in another the same figure
    return (N.family(q), q.unit, q.value)


def _run_ends(keys: list) -> list[int]:
    """For each place, where the run of equal keys it is in ends."""
    ends = [0] * len(keys)
    end = len(keys)
    for i in range(len(keys) - 1, -1, -1):
        if i + 1 < len(keys) and keys[i] != keys[i + 1]:
            end = i + 1
        ends[i] = end
    return ends


def _values(figures) -> frozenset:
    """What a set of figures says, whoever says it: the same readings in two cliques that share
    a figure are one disagreement told by more sources."""
    return frozenset((q.value, q.low, q.high, q.qualifier, q.unit) for q in figures)


def _counterparts(comparison: Comparison) -> None:
    """A figure that another source gives too, written differently ("$8.2 million" and
    "$8,214,530"), is not one source's exclusive figure even when the sentences are not linked."""
    buckets: dict[tuple, list[Quantity]] = {}
    for q in comparison.numbers:
        if q.kind in ("money", "percent", "measure", "duration") or (q.kind == "count" and q.unit):
            buckets.setdefault((N.family(q), q.unit if q.kind != "count" else N.stem(q.unit or "")),
                               []).append(q)
    # Figures that read alike (the same `thing_key` and `figure_key`) are of one kind (a
    # number), and two kinds agree or not whichever figures: each pair of kinds is asked once.
    kinds: dict[tuple, int] = {}
    alike: dict[tuple[int, int], bool] = {}  # two kinds: the same thing, in agreement
    for qs in buckets.values():
        if len(qs) > 4000:
            continue
        # Only figures whose ranges come within a quarter of each other can agree: sorted by the
        # low end, each figure meets the ones up to that bound (a wire story's 50 rewrites give
        # thousands of figures a bucket, and every pair was compared), on arrays.
        # Only figures of two sources can agree: the many figures of one long document are never
        # compared with each other (issue 13).
        # Figures are named by their place in the bucket.
        src = [q.sources[0] for q in qs]
        kind = [kinds.setdefault((thing_key(q), figure_key(q)), len(kinds)) for q in qs]
        by_low = sorted(range(len(qs)), key=lambda r: (qs[r].low, qs[r].high, r))
        if len(set(src)) < 2:
            continue
        lows = [qs[r].low for r in by_low]
        reach = [qs[r].high + abs(qs[r].high) * 0.25 + 1e-9 for r in by_low]
        # Each figure takes its partners' sources in the order of their places in the bucket
        # (the order the agreeing pairs, sorted, gave them: a figure's list grows by its own
        # pairs only).
        told: set = set()
        q = None
        for r, p in zip(*_agreeing_pairs(qs, src, kind, by_low, lows, reach, alike), strict=True):
            if qs[r] is not q:
                q = qs[r]
                told = set(q.sources)
            other = src[p]
            if other not in told:
                q.sources.append(other)
                told.add(other)


def _agreeing_pairs(qs: list[Quantity], src: list, kind: list[int], by_low: list[int],
                    lows: list[float], reach: list[float], alike: dict) -> tuple[list, list]:
    """The figures of a bucket that agree with one of another source (`_counterparts`), as two
    lists of places (each such pair both ways, by the first place, then the second): figures
    whose ranges come within a quarter of each other (a figure meets the later ones, by the low
    end, up to its reach), of the same thing and in agreement (`alike`, asked once per pair of
    kinds, of the first such pair met)."""
    import numpy as np

    at = np.array(by_low, dtype=np.int64)
    n = len(at)
    end = np.searchsorted(np.array(lows, dtype=np.float64), np.array(reach, dtype=np.float64),
                          side="right")
    counts = np.maximum(end - np.arange(1, n + 1), 0)
    total = int(counts.sum())
    if total == 0:
        return [], []
    first = np.repeat(np.arange(n, dtype=np.int64), counts)
    ends = np.cumsum(counts)
    second = np.repeat(np.arange(1, n + 1, dtype=np.int64) - (ends - counts), counts) + \
        np.arange(total, dtype=np.int64)
    ra, rb = at[first], at[second]
    source = {s: i for i, s in enumerate(dict.fromkeys(src))}
    src_id = np.array([source[s] for s in src], dtype=np.int64)
    other = src_id[ra] != src_id[rb]
    ra, rb = ra[other], rb[other]
    lo, hi = np.minimum(ra, rb), np.maximum(ra, rb)
    kinds = np.array(kind, dtype=np.int64)
    code = kinds[lo] * (int(kinds.max()) + 1) + kinds[hi]
    codes, where, inverse = np.unique(code, return_index=True, return_inverse=True)
    same = np.zeros(len(codes), dtype=bool)
    for c, w in enumerate(where.tolist()):
        x, y = int(lo[w]), int(hi[w])
        key = (kind[x], kind[y])
        ok = alike.get(key)
        if ok is None:
            ok = alike[key] = N.same_thing(qs[x], qs[y]) and N.compare(qs[x], qs[y]) is None
        same[c] = ok
    keep = same[inverse.ravel()]
    x = np.concatenate([lo[keep], hi[keep]])
    y = np.concatenate([hi[keep], lo[keep]])
    order = np.lexsort((y, x))
    return x[order].tolist(), y[order].tolist()
