"""The reporter's corrections (issue 17): link, unlink, dismiss, conflict; kept with the notes,
applied on every reopen, undone by deleting, anchored to the sentences' text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sidebyside import corrections, findings
from sidebyside.align import align
from sidebyside.annotations import NoteStore, anchor
from sidebyside.engine import compare_folder
from sidebyside.html_report import to_html
from sidebyside.report import to_dict, to_markdown

from .conftest import unlinked_status


def fresh(folder: Path):
    return compare_folder(folder, use_cache=False)


def find(c, source: str, start: str):
    for s in c.source(source).sentences:
        if s.text.startswith(start):
            return s
    raise AssertionError(f"no sentence of {source} starts with {start!r}")


def state(c) -> tuple:
    """What a reader sees: statuses, links, disagreements, rows."""
    return (
        [(s.id, s.status) for s in c.all_sentences()],
        sorted((s.id, link.to, link.kind, round(link.score, 6)) for s in c.all_sentences()
               for link in s.links),
        [(d.kind, d.summary()) for d in c.disagreements],
        [dict(r) for r in c.rows],
    )


def test_a_missed_link_is_made_and_kept_on_reopen(folder, tmp_path):
    c = fresh(folder)
    a = find(c, "000", "The two countries confirmed that the bridge")
    b = find(c, "001", "The bridge will cross the Tumen river")
    assert b.status == unlinked_status(b) and all(link.to != b.id for link in a.links)
    store = NoteStore(tmp_path / "notes.json", str(folder))
    store.load()
    store.correct("link", a, b, c)
    anchor(c, store.live())
    assert a.status == "shared" and b.status == "shared"
    assert (a.links[0].to, a.links[0].by) == (b.id, "reporter")
    assert [(link.to, link.by) for link in b.links] == [(a.id, "reporter")]
    assert any(row.get("000") == a.paragraph and row.get("001") == b.paragraph for row in c.rows)

    # Reopened: a new store on the same file, a fresh comparison.
    again = fresh(folder)
    anchor(again, NoteStore(tmp_path / "notes.json", str(folder)).load())
    assert again.sentence(a.id).status == "shared"
    assert again.sentence(a.id).links[0].by == "reporter"
    report = to_dict(again)
    assert report["corrections"] == [
        {"kind": "link", "a": a.id, "b": b.id, "reason": "", "figures": [], "orphaned": False,
         "applied": True}
    ]
    linked = next(e for e in report["sentences"] if e["id"] == a.id)
    assert linked["links"][0]["by"] == "reporter"
    assert "linked by reporter" in to_markdown(again)
    assert 'class="s shared claim by-reporter"' in to_html(again)
    data = json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))
    assert data["schema"] == "sidebyside.notes/2"


def test_a_false_link_is_taken_off_and_undone(folder, tmp_path):
    c = fresh(folder)
    before = state(c)
    a = find(c, "000", "Russia, North Korea Intensifying Ties")
    b = c.sentence(a.links[0].to)
    store = NoteStore(tmp_path / "notes.json", str(folder))
    store.load()
    entry = store.correct("unlink", a, b, c, reason="headline vs standfirst")
    anchor(c, store.live())
    assert all(link.to != b.id for link in a.links)
    assert all(link.to != a.id for link in b.links)
    assert a.status == unlinked_status(a)
    assert state(c) != before
    store.delete(entry)  # undo
    anchor(c, store.live())
    assert state(c) == before
    assert c.corrections == []


def test_a_false_disagreement_is_dismissed_with_its_reason(folder, tmp_path):
    c = fresh(folder)
    assert len(c.disagreements) == 1
    d = c.disagreements[0]
    one, other = d.sides[0], next(x for x in d.sides if x.source != d.sides[0].source)
    store = NoteStore(tmp_path / "notes.json", str(folder))
    store.load()
    store.correct("dismiss", c.sentence(one.sentence), c.sentence(other.sentence), c,
                  reason="same estimate, hedged differently", figures=(one.text, other.text))
    anchor(c, store.live())
    assert c.disagreements == []
    assert [x.reason for x in c.dismissed] == ["same estimate, hedged differently"]
    report = to_dict(c)
    assert report["disagreements"] == []
    assert report["dismissed"][0]["reason"] == "same estimate, hedged differently"
    assert "dismissed by reporter: same estimate, hedged differently" in to_markdown(c)
    from widgets.detail import corrections_text  # the detail tells the dismissal once

    told = corrections_text(c, one.sentence).plain
    assert told.count("dismissed by reporter") == 1 and "≠ dismissed by reporter" in told
    # the brief does not say "None found" of a disagreement the reporter dismissed
    assert "None left: 1 dismissed by the reporter" in to_markdown(c)
    assert "None found." not in to_markdown(c).split("## Numeric disagreements", 1)[1][:80]
    html = to_html(c)
    assert "Reporter&#x27;s corrections" in html or "Reporter's corrections" in html
    assert "dismissed by reporter: same estimate, hedged differently" in html
    again = fresh(folder)
    anchor(again, NoteStore(tmp_path / "notes.json", str(folder)).load())
    assert again.disagreements == [] and len(again.dismissed) == 1


def test_a_missed_conflict_is_marked(folder, tmp_path):
    c = fresh(folder)
    a = find(c, "000", "However, its troops have shown")  # "about six months"
    b = find(c, "001", "According to the Russian media outlet")  # "by mid-2026"
    store = NoteStore(tmp_path / "notes.json", str(folder))
    store.load()
    store.correct("conflict", a, b, c, reason="check the timeline",
                  figures=(a.numbers[0].text, b.numbers[0].text))
    anchor(c, store.live())
    marked = [d for d in c.disagreements if d.by == "reporter"]
    assert len(marked) == 1
    assert [s.sentence for s in marked[0].sides] == [a.id, b.id]
    assert "check the timeline" in marked[0].why
    assert to_dict(c)["disagreements"][-1]["by"] == "reporter" or any(
        e.get("by") == "reporter" for e in to_dict(c)["disagreements"])


def test_corrections_follow_edited_and_reordered_documents(folder, tmp_path):
    c = fresh(folder)
    a = find(c, "000", "The two countries confirmed that the bridge")
    b = find(c, "001", "The bridge will cross the Tumen river")
    store = NoteStore(tmp_path / "notes.json", str(folder))
    store.load()
    store.correct("link", a, b, c)
    # The other outlet's file gains a paragraph at the top and a word changes in the sentence.
    path = folder / c.source("001").file
    text = path.read_text(encoding="utf-8")
    text = text.replace("The bridge will cross the Tumen river", "The bridge will span the Tumen river")
    path.write_text("An editor's note added on top of the story.\n\n" + text, encoding="utf-8")
    again = fresh(folder)
    anchor(again, NoteStore(tmp_path / "notes.json", str(folder)).load())
    moved = find(again, "001", "The bridge will span the Tumen river")
    assert moved.id != b.id
    assert again.sentence(a.id).links[0].to == moved.id
    assert again.corrections[0].b == moved.id and not again.corrections[0].orphaned


def test_a_correction_whose_sentence_is_gone_is_kept_as_orphaned(folder, tmp_path):
    c = fresh(folder)
    a = find(c, "000", "The two countries confirmed that the bridge")
    b = find(c, "001", "The bridge will cross the Tumen river")
    store = NoteStore(tmp_path / "notes.json", str(folder))
    store.load()
    store.correct("link", a, b, c, reason="same route")
    path = folder / c.source("001").file
    kept = [ln for ln in path.read_text(encoding="utf-8").splitlines()
            if "Tumen river" not in ln]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    again = fresh(folder)
    anchor(again, NoteStore(tmp_path / "notes.json", str(folder)).load())
    assert [(k.kind, k.orphaned, k.reason) for k in again.corrections] == [("link", True, "same route")]
    assert all(link.by != "reporter" for s in again.all_sentences() for link in s.links)
    assert "orphaned" in corrections.describe(again.corrections[0])
    assert to_dict(again)["corrections"][0]["orphaned"] is True
    data = json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))
    assert [e["kind"] for e in data["notes"]] == ["link"]  # never dropped


def test_a_colleague_sees_a_correction_and_notes_stay_notes(folder, tmp_path):
    c = fresh(folder)
    a = find(c, "000", "The two countries confirmed that the bridge")
    b = find(c, "001", "The bridge will cross the Tumen river")
    mine = NoteStore(tmp_path / "notes.json", str(folder))
    theirs = NoteStore(tmp_path / "notes.json", str(folder))
    mine.load()
    theirs.load()
    mine.add(a, c.source("000").file, c, "ask the embassy")
    mine.correct("link", a, b, c)
    assert theirs.refresh()
    other = fresh(folder)
    annotations = anchor(other, theirs.live())
    assert [x.note for x in annotations] == ["ask the embassy"]  # a correction is not a note
    assert other.sentence(a.id).status == "shared"
    assert [k.kind for k in other.corrections] == ["link"]


def test_a_notes_only_store_keeps_the_first_schema(folder, tmp_path):
    c = fresh(folder)
    store = NoteStore(tmp_path / "notes.json", str(folder))
    store.load()
    s = c.source("000").sentences[3]
    store.add(s, c.source("000").file, c, "check")
    data = json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))
    assert data["schema"] == "sidebyside.notes/1"
    assert "kind" not in data["notes"][0]


def test_a_correction_within_one_source_is_refused_at_apply(folder, tmp_path):
    c = fresh(folder)
    one, two = c.source("000").sentences[3], c.source("000").sentences[5]
    store = NoteStore(tmp_path / "notes.json", str(folder))
    store.load()
    store.correct("link", one, two, c)
    before = [link.to for link in one.links]
    anchor(c, store.live())
    assert [link.to for link in one.links] == before
    assert c.corrections[0].orphaned


def test_unknown_kind_is_refused(folder, tmp_path):
    c = fresh(folder)
    store = NoteStore(tmp_path / "notes.json", str(folder))
    store.load()
    with pytest.raises(ValueError):
        store.correct("merge", c.all_sentences()[0], c.all_sentences()[-1], c)


def test_a_link_between_sentences_without_figures_leaves_the_same_findings_as_a_full_pass(
        folder, tmp_path):
    c = fresh(folder)
    a = find(c, "000", "Russia’s Prime Minister Mikhail Mishustin said the plan")
    b = find(c, "001", "Highlighting the broader implications of the bridge")
    assert not a.numbers and not b.numbers and a.status == unlinked_status(a) and b.status == unlinked_status(b)
    store = NoteStore(tmp_path / "notes.json", str(folder))
    store.load()
    store.correct("link", a, b, c)
    anchor(c, store.live())
    assert a.status == "shared"
    quick = state(c)
    findings.set_statuses(c)  # a full pass from the corrected links finds the same
    for q in c.numbers:
        del q.sources[1:]
    findings.find_disagreements(c)
    c.rows = align(c)
    assert state(c) == quick


def test_linking_sentences_with_figures_pairs_their_figures_and_undo_takes_it_back(tmp_path):
    docs = tmp_path / "fire"
    docs.mkdir()
    (docs / "a.txt").write_text(
        "Blaze in harbour town\n\nA fire at a warehouse in Portmere killed 12 people on Tuesday, "
        "the fire service said.\n\nCrews fought the flames for six hours.\n", encoding="utf-8")
    (docs / "b.txt").write_text(
        "Warehouse fire leaves town in mourning\n\nFifteen people died, a grieving mayor told a "
        "vigil on the quay.\n\nThe mayor declared three days of mourning.\n", encoding="utf-8")
    c = fresh(docs)
    before = state(c)
    a, b = find(c, "a", "A fire at a warehouse"), find(c, "b", "Fifteen people died")
    assert not c.disagreements and not a.links  # the engine does not link them
    store = NoteStore(tmp_path / "notes.json", str(docs))
    store.load()
    entry = store.correct("link", a, b, c)
    anchor(c, store.live())
    assert [d.summary() for d in c.disagreements] == [
        "People killed: a says 12 people, b says Fifteen people (value)"]
    assert "reporter linked the sentences" in c.disagreements[0].why
    store.delete(entry)
    anchor(c, store.live())
    assert state(c) == before
