"""The bundled demo shows every kind of finding."""

from __future__ import annotations

from collections import Counter

from .conftest import find


def test_three_sources_with_titles(demo):
    assert len(demo.sources) == 3
    assert all(src.title and not src.title.startswith("By ") for src in demo.sources)


def test_shared_and_unique(demo):
    assert len(demo.shared_sentences()) >= 10
    assert len(demo.unique_claims()) >= 6
    for src in demo.sources:
        assert any(s.status == "unique" and s.claim for s in src.sentences), src.id
        assert any(s.status == "shared" for s in src.sentences), src.id


def test_a_disagreement_of_each_kind(demo):
    # "In all, 1,500 residents were evacuated" (coastal) vs "1,200 residents were evacuated ...
    # by mid-morning" (harbour) is a total against a count up to a moment: a different scope,
    # not a value disagreement (issue 14, "Pairing"), so the demo shows no value kind.
    kinds = Counter(d.kind for d in demo.disagreements)
    assert set(kinds) == {"qualifier", "unit", "date"}, [d.summary() for d in demo.disagreements]
    by_kind = {d.kind: d for d in demo.disagreements}
    assert {s.value for s in by_kind["qualifier"].sides} == {40}
    assert {s.value for s in by_kind["unit"].sides} == {4.5e6, 450_000}
    assert all(d.why for d in demo.disagreements)


def test_a_total_and_a_count_by_mid_morning_are_not_one_quantity(demo):
    conflicted = {side.value for d in demo.disagreements for side in d.sides}
    assert not {1200, 1500} & conflicted


def test_agreeing_figures_are_not_disagreements(demo):
    conflicted = {side.text for d in demo.disagreements for side in d.sides}
    assert not any("37" in t or "9 million" in t or "1958" in t for t in conflicted)
    patients = [q for q in demo.numbers if q.value == 37]
    assert patients and all(len(q.sources) == 2 for q in patients)


def test_repeated_paragraph_is_a_duplicate_and_footer_is_boilerplate(demo):
    copies = [s for s in demo.source("valley").sentences if "always looked after its own" in s.text]
    assert [s.status for s in copies][1:] == ["duplicate"]
    assert copies[0].status != "duplicate"
    footer = find(demo, "harbour", "Rovers beat Kestrel Town")
    assert footer.status == "boilerplate"
    assert not any(
        demo.sentence(side.sentence).status == "boilerplate"
        for d in demo.disagreements
        for side in d.sides
    )
