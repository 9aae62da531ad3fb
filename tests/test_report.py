"""The JSON report follows schema sidebyside.report/1 (SPEC.md)."""

from __future__ import annotations

import json

from sidebyside import report

STATUSES = {"shared", "unique", "boilerplate", "duplicate"}
KINDS = {"exact", "near", "paraphrase"}


def check_schema(data: dict) -> None:
    assert data["schema"] == "sidebyside.report/1"
    ids = {s["id"] for s in data["sources"]}
    for s in data["sources"]:
        assert set(s) >= {"id", "file", "title", "paragraphs", "sentences"}
        assert isinstance(s["paragraphs"], int) and isinstance(s["sentences"], int)
    for sk in data["skipped"]:
        assert set(sk) >= {"file", "reason"}
    by_id = {s["id"]: s for s in data["sentences"]}
    for s in data["sentences"]:
        assert set(s) >= {"id", "source", "paragraph", "index", "text", "start", "end", "status", "links"}
        assert s["source"] in ids
        assert s["status"] in STATUSES
        assert 0 <= s["start"] < s["end"]
        for link in s["links"]:
            assert link["kind"] in KINDS
            assert 0 <= link["score"] <= 1
            other = by_id[link["to"]]
            assert other["source"] != s["source"]
            assert any(back["to"] == s["id"] for back in other["links"]), "links appear on both ends"
    for row in data["rows"]:
        assert set(row) == ids
    for src in data["sources"]:
        placed = [row[src["id"]] for row in data["rows"] if row[src["id"]] is not None]
        assert placed == list(range(src["paragraphs"]))
    for q in data["numbers"]:
        assert q["sentence"] in by_id
        assert isinstance(q["value"], float | int)
        assert q["sources"] and set(q["sources"]) <= ids
        assert by_id[q["sentence"]]["source"] in q["sources"]
    for d in data["disagreements"]:
        assert d["kind"] in {"value", "qualifier", "unit", "date"}
        assert d["about"]
        assert len({by_id[side["sentence"]]["source"] for side in d["sides"]}) >= 2
        for side in d["sides"]:
            assert set(side) >= {"sentence", "text", "value", "qualifier"}
    for a in data["annotations"]:
        assert set(a) >= {"target", "status", "note", "orphaned"}


def test_seeds_json_schema(seeds):
    data = json.loads(report.to_json(seeds))
    check_schema(data)
    assert len(data["sources"]) == 2
    assert len(data["disagreements"]) == 1
    assert data["matching"] == {"semantic": False}  # the tests run the lexical matcher


def test_demo_json_schema(demo):
    check_schema(json.loads(report.to_json(demo)))


def test_spans_index_the_original_text(seeds):
    for src in seeds.sources:
        for s in src.sentences:
            original = src.text[s.start : s.end]
            # The displayed text is the original with markup removed and spaces folded.
            assert s.text.replace(" ", "")[:20] in original.replace("*", "").replace("\n", "").replace(" ", "")
