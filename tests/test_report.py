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


def test_json_is_the_report_dict_with_one_line_per_list_element(seeds):
    text = report.to_json(seeds)
    assert json.loads(text) == json.loads(json.dumps(report.to_dict(seeds)))
    lines = text.splitlines()
    # Every sentence (with its links) is one line, so `grep` finds a sentence with its links.
    for s in seeds.all_sentences():
        mine = [ln for ln in lines if ln.startswith(f'    {{"id": "{s.id}"')]
        assert len(mine) == 1
        assert json.loads(mine[0].rstrip(",")) == json.loads(json.dumps(report.to_dict(seeds)))[
            "sentences"][[x.id for x in seeds.all_sentences()].index(s.id)]
    assert lines[0] == "{" and lines[-1] == "}" and lines[1].startswith('  "schema": ')
    wide = next(ch for s in seeds.all_sentences() for ch in s.text if ord(ch) > 127)
    assert wide in text  # written as UTF-8, not escaped
