"""The same-claim harness (benchmarks/claims_real.py) maps a labelled sentence to the engine's
sentences; a sentence the page repeats is shown through its first copy, so that copy counts."""

from __future__ import annotations

from benchmarks import claims_real as CR

HEAD = "Harbour crane collapses in Tolvik storm"
BODY = "A crane at the Tolvik container port collapsed on Monday night as winds reached 140 km/h."


def test_a_labelled_repeat_of_the_headline_maps_to_the_headline_too(tmp_path, monkeypatch):
    folder = tmp_path / "cluster"
    folder.mkdir()
    text = f"{HEAD}\n\n{HEAD}\n\n{BODY}\n"
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text("Storm topples port crane\n\nWinds of 140 km/h brought down a "
                                  "crane at Tolvik's port on Monday.\n", encoding="utf-8")
    monkeypatch.setattr(CR, "cluster_dir", lambda cluster: folder)
    repeat = text.index(HEAD, 1)
    key = ("a.txt", repeat, repeat + len(HEAD))
    c, _, overlap = CR._cluster_run("cluster", {key})
    ids = overlap[key]
    copies = [c.sentence(i) for i in ids]
    assert any(s.duplicate_of for s in copies), [(s.id, s.status) for s in copies]
    first = next(s.duplicate_of for s in copies if s.duplicate_of)
    assert first in ids and c.sentence(first).start == 0
