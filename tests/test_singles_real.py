"""The "figures only one source gives" harness's own logic (benchmarks/singles_real.py), without
the dev data."""

from __future__ import annotations

from benchmarks import claims_real as CR
from benchmarks import singles_real as SR


def _label(cluster, file, start, end, label, text="x", form=None):
    item = {"cluster": cluster, "file": file, "start": start, "end": end, "text": text,
            "label": label, "why": "because", "split": "dev"}
    if form:
        item["form"] = form
    return item


def _entry(file, start, end, text="x"):
    return {"file": file, "start": start, "end": end, "text": text, "read_as": ["count", "1"]}


LABELS = [
    _label("c1", "fox.txt", 10, 20, "exclusive"),
    _label("c1", "fox.txt", 30, 35, "elsewhere"),
    _label("c1", "nyt.txt", 10, 20, "not_a_figure", form="idiom"),
    _label("c2", "a.txt", 0, 5, "exclusive"),
    _label("c2", "a.txt", 8, 12, "conflicting"),
]


def test_entries_are_scored_by_the_label_they_overlap_in_the_same_file():
    runs = {"c1": [_entry("fox.txt", 12, 18), _entry("fox.txt", 31, 33), _entry("nyt.txt", 10, 20)],
            "c2": [_entry("a.txt", 0, 5)]}
    r = SR.score(runs, LABELS)
    assert (r["right"], r["matched"], r["listed"]) == (2, 4, 4)
    assert r["precision"] == 0.5
    assert (r["kept"], r["exclusive"]) == (2, 2)
    assert r["verdicts"] == {"exclusive": 2, "elsewhere": 1, "not_a_figure": 1}
    assert r["precision_by"] == {"c1": (1, 3), "c2": (1, 1)}
    assert [lab["label"] for _, _, lab in r["wrong"]] == ["elsewhere", "not_a_figure"]


def test_an_entry_of_another_file_or_no_overlap_is_unlabelled_and_a_dropped_exclusive_is_not_kept():
    runs = {"c1": [_entry("hpo.txt", 12, 18), _entry("fox.txt", 20, 30)], "c2": []}
    r = SR.score(runs, LABELS)
    assert r["matched"] == 0 and r["precision"] is None
    assert [e["file"] for _, e in r["unlabelled"]] == ["hpo.txt", "fox.txt"]
    assert (r["kept"], r["exclusive"]) == (0, 2)


def test_a_label_two_entries_match_counts_once():
    r = SR.score({"c1": [_entry("fox.txt", 10, 14), _entry("fox.txt", 15, 20)]}, LABELS)
    assert (r["right"], r["matched"]) == (1, 1)


def test_an_entry_overlapping_two_labels_takes_the_larger_overlap():
    labels = [_label("c", "f.txt", 0, 10, "exclusive"), _label("c", "f.txt", 9, 30, "elsewhere")]
    r = SR.score({"c": [_entry("f.txt", 5, 20)]}, labels)
    assert r["verdicts"] == {"elsewhere": 1}


def test_the_report_prints_precision_kept_and_the_wrong_entries():
    runs = {"c1": [_entry("fox.txt", 12, 18), _entry("nyt.txt", 10, 20), _entry("x.txt", 1, 2, "7")]}
    r = {"split": "dev", **SR.score(runs, LABELS)}
    text = SR.report(r, verbose=True)
    assert "precision: 50% (1 of 2 listed entries that match a label are exclusive" in text
    assert "kept:      50% (1 of 2 entries labelled exclusive still listed)" in text
    assert "wrong, by label: elsewhere 0, conflicting 0, not_a_figure 1" in text
    assert "c1/x.txt[1:2] '7' (count 1)" in text
    assert "c1/nyt.txt 'x' not_a_figure (idiom): because" in text


def test_missing_dev_data_is_one_line_and_exit_code_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(CR, "DEVDATA", tmp_path)
    assert SR.main(["--split", "dev"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("singles_real: dev data not found")


def test_the_gold_set_is_well_formed():
    items = SR.load_gold("all")
    assert items, "benchmarks/gold/singles_real.jsonl is empty"
    for i in items:
        assert i["split"] in ("dev", "test") and i["corpus"] in ("basil", "ecbplus")
        assert i["label"] in (SR.RIGHT, *SR.WRONG), i
        assert 0 <= i["start"] < i["end"] and i["text"] and i["why"]
        assert ("form" in i) == (i["label"] == "not_a_figure"), i
        assert ("where" in i) == (i["label"] in ("elsewhere", "conflicting")), i
    keys = [(i["cluster"], i["file"], i["start"], i["end"]) for i in items]
    assert len(keys) == len(set(keys))


def test_a_misreading_s_label_scores_only_the_reading_it_was_given():
    """A label "not a figure: misread" says the reading was wrong; once the entry is read
    otherwise it no longer says anything of it: listed to be labelled again, not scored."""
    label = _label("c", "f.txt", 0, 10, "not_a_figure", form="misread")
    label["read_as"] = "money gbp 215"
    same = {"file": "f.txt", "start": 0, "end": 10, "text": "x", "read_as": ["money", "gbp", "215"]}
    other = dict(same, read_as=["measure", "lb", "215"])
    r = SR.score({"c": [same]}, [label])
    assert r["verdicts"] == {"not_a_figure": 1} and not r["reread"]
    r = SR.score({"c": [other]}, [label])
    assert r["matched"] == 0 and [e["read_as"] for _, e, _ in r["reread"]] == [["measure", "lb", "215"]]
    assert "labelled misread, read otherwise now (1" in SR.report({**r, "split": "dev"})
