"""Independent sources in the comparison and its exports (issue 17): a story, two rewrites of it
(a fifth of the sentences reworded, reordered) and another outlet's report of the same event make
two families; the JSON carries `families`, `copied` and each sentence's `independent` count; the
cache keeps them; the brief names the family and counts confirmations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.families_real import rewrite
from sidebyside import engine
from sidebyside.annotations import NoteStore, anchor
from sidebyside.cache_codec import same
from sidebyside.html_report import to_html
from sidebyside.report import to_dict, to_markdown

ROOT = Path(__file__).resolve().parents[1]
SEED_A = (ROOT / "seeds" / "000_916253fb8a4547ac.txt").read_text(encoding="utf-8")
SEED_B = (ROOT / "seeds" / "001_8599a7e53875829e.txt").read_text(encoding="utf-8")


@pytest.fixture
def folder(tmp_path) -> Path:
    out = tmp_path / "copies"
    out.mkdir()
    files = {
        "000_story.txt": SEED_A,
        "r1_rewrite.txt": rewrite(SEED_A, "r1"),
        "r2_rewrite.txt": rewrite(SEED_A, "r2", cut=0.15),
        "001_other.txt": SEED_B,
    }
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    return out


def troops(c):
    return next(s for s in c.source("000").sentences if "some 600 North Korean troops" in s.text)


def test_the_comparison_carries_two_families_and_the_json_says_so(folder):
    c = engine.compare_folder(folder, use_cache=False)
    assert c.families == [["000", "r1", "r2"], ["001"]]
    assert "families" in c.timings
    report = json.loads(json.dumps(to_dict(c)))
    assert report["families"] == [["000", "r1", "r2"], ["001"]]
    shares = {(k["a"], k["b"]): k["share"] for k in report["copied"]}
    assert shares[("r1", "000")] > 0.25 and shares[("r2", "000")] > 0.25
    assert shares.get(("001", "000"), 0.0) < 0.25
    assert all(0.0 <= k["share"] <= 1.0 for k in report["copied"])
    by_id = {e["id"]: e for e in report["sentences"]}
    s = troops(c)
    reporters = {s.source} | {c.sentence(link.to).source for link in s.links}
    assert "001" in reporters and len(reporters) >= 3
    assert by_id[s.id]["independent"] == 2  # the wire family and the other outlet
    assert all(1 <= e["independent"] <= 2 for e in report["sentences"])


def test_the_brief_names_the_family_and_counts_independent_confirmations(folder):
    c = engine.compare_folder(folder, use_cache=False)
    brief = to_markdown(c)
    assert "wire: 000, r1, r2" in brief
    assert "one source repeated" in brief  # a claim only the wire family makes
    assert "2 independent" in brief
    html = to_html(c)
    assert "wire: 000, r1, r2" in html


def test_the_cache_keeps_families_and_shares(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("SIDEBYSIDE_CACHE", raising=False)
    fresh = engine.compare_folder(folder)
    cached = engine.compare_folder(folder)
    assert "cache" in cached.timings
    fresh.timings = cached.timings = {}
    assert same(fresh, cached) == []
    assert cached.families == [["000", "r1", "r2"], ["001"]]


def test_a_reporters_link_counts_as_a_confirmation(folder, tmp_path):
    c = engine.compare_folder(folder, use_cache=False)
    wire_only = next(s for s in c.source("000").sentences
                     if s.links and {c.sentence(link.to).source for link in s.links} <= {"r1", "r2"})
    other = next(s for s in c.source("001").sentences if s.claim and s.status == "unique")
    before = to_dict(c)
    assert next(e for e in before["sentences"] if e["id"] == wire_only.id)["independent"] == 1
    store = NoteStore(tmp_path / "notes.json", str(folder))
    store.load()
    store.correct("link", wire_only, other, c)
    anchor(c, store.live())
    after = to_dict(c)
    assert next(e for e in after["sentences"] if e["id"] == wire_only.id)["independent"] == 2


def test_independent_outlets_are_separate_families(tmp_path):
    out = tmp_path / "two"
    out.mkdir()
    (out / "a.txt").write_text(SEED_A, encoding="utf-8")
    (out / "b.txt").write_text(SEED_B, encoding="utf-8")
    c = engine.compare_folder(out, use_cache=False)
    assert c.families == [[c.sources[0].id], [c.sources[1].id]]
    assert "wire:" not in to_markdown(c)
