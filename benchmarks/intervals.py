"""How far a quality figure could move on other stories: a 95% interval by resampling clusters.

A figure such as "same-claim pairs linked 0.590 (131 of 222)" is read on a few dozen stories, and
the pairs of one story stand or fall together (one outlet's style, one event's wording). So the
interval resamples whole units (a cluster, or one MRPC pair), with replacement, as many as there
are, and takes the 2.5th and 97.5th percentiles of the pooled share over `DRAWS` draws (a
percentile cluster bootstrap). It says how much of a difference between two readings, or between
a reading and its target, could be which stories happened to be labelled; it does not cover a
labeller's own judgement calls.
"""

from __future__ import annotations

import random

DRAWS = 2000
SEED = 1


def interval(tallies: dict[str, tuple[int, int]], draws: int = DRAWS,
             seed: int = SEED) -> tuple[float, float] | None:
    """The 95% percentile interval of sum(hits) / sum(totals) when the units of `tallies`
    (unit -> (hits, total), 0 <= hits <= total) are drawn with replacement; None when fewer than
    two units have a total (one story says nothing of how another would read)."""
    if draws < 1:
        raise ValueError("draws must be at least 1")
    units = [(h, t) for h, t in tallies.values() if t]
    if any(not 0 <= h <= t for h, t in units):
        raise ValueError("each unit's hits must lie between 0 and its total")
    if len(units) < 2:
        return None
    rng = random.Random(seed)
    shares = []
    for _ in range(draws):
        hits = total = 0
        for h, t in rng.choices(units, k=len(units)):
            hits += h
            total += t
        shares.append(hits / total)
    shares.sort()
    return shares[int(0.025 * (draws - 1))], shares[int(0.975 * (draws - 1))]

