"""The lead-pair harness's own logic (benchmarks/leads_real.py), without the dev data."""

from __future__ import annotations

from collections import Counter

from benchmarks.leads_real import _kind, report


def test_a_headline_a_first_sentence_and_a_body_sentence_are_told_apart():
    assert _kind({"paragraph_index": -1, "sentence_index": 0}) == "H"
    assert _kind({"paragraph_index": 0, "sentence_index": 0}) == "L"
    assert _kind({"paragraph_index": 0, "sentence_index": 1}) is None
    assert _kind({"paragraph_index": 3, "sentence_index": 0}) is None


def test_the_report_counts_linked_pairs_and_unlinked_ones_over_each_bar():
    counts = Counter({("HL", "same", True): 3, ("HL", "same", False): 2, ("HL", "event", False): 4})
    cosines = {("HL", "same"): [0.55, 0.65], ("HL", "event"): [0.2, 0.5, 0.59, 0.61]}
    lines = report(counts, cosines).splitlines()
    assert "  HL same      3/5  unlinked over bars: 2 1" in lines
    assert "  HL event     0/4  unlinked over bars: 3 1" in lines
    assert not any(line.lstrip().startswith(("HH", "LL")) for line in lines[1:])  # none labelled
