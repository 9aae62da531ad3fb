"""The harnesses' 95% intervals (benchmarks/intervals.py) and the tallies they resample."""

from __future__ import annotations

import pytest

from benchmarks import figures_real as FR
from benchmarks.intervals import interval


def test_the_interval_holds_the_pooled_share_and_is_reproducible():
    tallies = {f"c{k}": (k % 4, 5) for k in range(20)}  # shares 0, .2, .4, .6 per cluster
    pooled = sum(h for h, _ in tallies.values()) / sum(t for _, t in tallies.values())
    lo, hi = interval(tallies)
    assert lo < pooled < hi
    assert 0.0 <= lo and hi <= 1.0
    assert interval(tallies) == (lo, hi)  # seeded: the same figures print the same interval


def test_clusters_that_agree_give_a_point_and_fewer_clusters_a_wider_interval():
    assert interval({f"c{k}": (3, 4) for k in range(10)}) == (0.75, 0.75)
    mixed = {f"c{k}": ((0, 4) if k % 2 else (4, 4)) for k in range(40)}
    few = dict(list(mixed.items())[:6])
    lo_many, hi_many = interval(mixed)
    lo_few, hi_few = interval(few)
    assert hi_few - lo_few > hi_many - lo_many


def test_units_with_nothing_to_count_are_left_out_and_one_story_gives_no_interval():
    assert interval({}) is None
    assert interval({"a": (0, 0)}) is None
    assert interval({"a": (1, 3)}) is None  # one unit: no spread to read, not certainty
    assert interval({"a": (0, 0), "b": (2, 2)}) is None
    assert interval({"a": (0, 0), "b": (2, 2), "c": (1, 1)}) == (1.0, 1.0)


def test_impossible_tallies_and_no_draws_are_refused():
    with pytest.raises(ValueError):
        interval({"a": (3, 2), "b": (1, 1)})
    with pytest.raises(ValueError):
        interval({"a": (-1, 2), "b": (1, 1)})
    with pytest.raises(ValueError):
        interval({"a": (1, 2), "b": (1, 1)}, draws=0)


def test_a_weighted_share_not_a_mean_of_shares():
    # one big cluster at 0.9 and nine small at 0: the pooled share is 9/19, never the mean 0.09
    tallies = {"big": (9, 10), **{f"s{k}": (0, 1) for k in range(9)}}
    lo, hi = interval(tallies, draws=4000)
    assert lo < 9 / 19 < hi
    assert hi > 0.5


def test_figure_labels_are_resampled_by_story_and_summed_by_corpus():
    basil = {"corpus": "basil", "cluster": "2012_x"}
    mrpc = {"corpus": "mrpc", "pair_index": 7}
    assert FR._unit(basil) == "basil:2012_x"
    assert FR._unit(mrpc) == "mrpc:7"
    text = FR.by_corpus({"basil:a": (1, 2), "basil:b": (3, 3), "mrpc:7": (0, 1)})
    assert text == "basil 4/5, mrpc 0/1"
