"""sidebyside.arrays: numpy's unique and union, by sorting (issue 13: numpy 2 hashes)."""

import numpy as np

from sidebyside.arrays import union, unique


def test_unique_matches_numpy_on_random_and_edge_arrays():
    rng = np.random.default_rng(7)
    cases = [
        np.zeros(0, dtype=np.int64),
        np.array([5], dtype=np.int64),
        np.array([3, 3, 3], dtype=np.int64),
        rng.integers(0, 50, size=1000),
        rng.integers(0, 2**63, size=5000, dtype=np.int64).view(np.uint64),
    ]
    for a in cases:
        got = unique(a)
        assert got.dtype == a.dtype
        assert np.array_equal(got, np.unique(a))


def test_union_matches_numpy():
    a = np.array([9, 1, 4, 4], dtype=np.int64)
    b = np.array([4, 2, 9, 11], dtype=np.int64)
    assert union(a, b).tolist() == [1, 2, 4, 9, 11]
    assert np.array_equal(union(a, b), np.union1d(a, b))
    assert union(np.zeros(0, dtype=np.int64), b).tolist() == [2, 4, 9, 11]
