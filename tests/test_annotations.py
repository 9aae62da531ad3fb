"""Notes are saved at once, merged across instances, re-anchored, and never lost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sidebyside.annotations import NoteStore, anchor, default_store_path, next_status
from sidebyside.engine import compare_folder

from .conftest import find


def _note_on_600(folder: Path, store_path: Path, text: str = "call the ministry") -> str:
    c = compare_folder(folder)
    s = find(c, "000", "some 600 North Korean troops")
    store = NoteStore(store_path, str(folder))
    store.load()
    store.add(s, c.source("000").file, c, text, "disputed")
    return s.id


def test_saved_at_once_and_reloaded(folder, tmp_path):
    path = tmp_path / "notes.json"
    sid = _note_on_600(folder, path)
    data = json.loads(path.read_text())
    assert data["schema"] == "sidebyside.notes/1"
    assert [n["note"] for n in data["notes"]] == ["call the ministry"]
    c = compare_folder(folder)
    store = NoteStore(path, str(folder))
    anns = anchor(c, store.load())
    assert [(a.target, a.status, a.note, a.orphaned) for a in anns] == [
        (sid, "disputed", "call the ministry", False)
    ]


def test_previous_version_kept_as_backup(folder, tmp_path):
    path = tmp_path / "notes.json"
    _note_on_600(folder, path, "first")
    _note_on_600(folder, path, "second")
    backup = json.loads(path.with_name("notes.json.bak").read_text())
    assert [n["note"] for n in backup["notes"]] == ["first"]
    assert sorted(n["note"] for n in json.loads(path.read_text())["notes"]) == ["first", "second"]


def test_reanchors_after_insert_and_light_edit_and_orphans_when_gone(folder, tmp_path):
    path = tmp_path / "notes.json"
    _note_on_600(folder, path)
    doc = next(folder.glob("000_*"))
    text = doc.read_text(encoding="utf-8")
    text = "A new first paragraph about something else entirely.\n\n" + text
    text = text.replace("some 600 North Korean troops had been killed", "some 600 North Korean troops had died")
    doc.write_text(text, encoding="utf-8")
    c = compare_folder(folder)
    anns = anchor(c, NoteStore(path, str(folder)).load())
    assert len(anns) == 1 and not anns[0].orphaned
    assert "troops had died" in c.sentence(anns[0].target).text
    # Delete the sentence: the note stays, listed as orphaned.
    sentence = c.sentence(anns[0].target).text
    start = text.index("Wednesday’s announcement")
    end = text.index("15,000.") + len("15,000.")
    assert sentence.startswith("Wednesday")
    doc.write_text(text[:start] + text[end:], encoding="utf-8")
    c = compare_folder(folder)
    anns = anchor(c, NoteStore(path, str(folder)).load())
    assert len(anns) == 1 and anns[0].orphaned and anns[0].note == "call the ministry"


def test_corrupt_store_is_moved_aside_and_reported(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text("{not json", encoding="utf-8")
    store = NoteStore(path)
    assert store.load() == []
    assert len(store.messages) == 1 and "moved aside" in store.messages[0]
    aside = list(tmp_path.glob("notes.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text() == "{not json"


def test_foreign_json_is_not_overwritten(tmp_path):
    from sidebyside.annotations import StoreError

    path = tmp_path / "notes.json"
    path.write_text('{"hello": "world"}', encoding="utf-8")
    store = NoteStore(path)
    with pytest.raises(StoreError, match="not a sidebyside notes file"):
        store.load()
    # Not ours: left where it is, as it is (not even renamed aside).
    assert json.loads(path.read_text()) == {"hello": "world"}
    assert not list(tmp_path.glob("notes.json.corrupt-*"))


WRITER = """
import sys
from sidebyside.annotations import NoteStore
from sidebyside.engine import compare_folder
folder, path, tag = sys.argv[1:4]
c = compare_folder(folder)
store = NoteStore(path, folder)
store.load()
for i, s in enumerate(c.source("000").sentences[:15]):
    store.add(s, "x.txt", c, f"{tag}-{i}")
"""


def test_two_processes_keep_each_others_notes(folder, tmp_path):
    path = tmp_path / "notes.json"
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(folder), str(path), tag])
        for tag in ("alpha", "beta")
    ]
    assert all(p.wait(timeout=120) == 0 for p in procs)
    notes = {n["note"] for n in json.loads(path.read_text())["notes"]}
    assert notes == {f"{tag}-{i}" for tag in ("alpha", "beta") for i in range(15)}


def test_default_store_is_per_folder(tmp_path):
    a, b = default_store_path(tmp_path / "a"), default_store_path(tmp_path / "b")
    assert a != b and a.parent == b.parent and a.suffix == ".json"


def test_status_cycle():
    assert next_status("needs check") == "verified"
    assert next_status("follow up") == "needs check"


def test_refresh_takes_in_another_instance_s_changes_and_only_then(folder, tmp_path):
    path = tmp_path / "notes.json"
    c = compare_folder(folder)
    s = find(c, "000", "some 600")
    mine, theirs = NoteStore(path, str(folder)), NoteStore(path, str(folder))
    mine.load()
    theirs.load()
    assert mine.refresh() is False  # nothing on disk changed
    n = theirs.add(s, c.source("000").file, c, "theirs")
    assert mine.refresh() is True
    assert [x.note for x in mine.live()] == ["theirs"]
    assert mine.refresh() is False
    mine.update(mine.notes[n.id], text="mine, later")  # our save is not news to us
    assert mine.refresh() is False
    assert theirs.refresh() is True and theirs.notes[n.id].note == "mine, later"
    theirs.delete(theirs.notes[n.id])
    assert mine.refresh() is True and mine.live() == []  # a deletion travels as a tombstone


def test_hand_edited_fields_of_the_wrong_type_are_mended_not_fatal(folder, tmp_path):
    c = compare_folder(folder)
    s = find(c, "000", "some 600")
    path = tmp_path / "notes.json"
    from sidebyside.annotations import SCHEMA
    from sidebyside.html_report import to_html
    from sidebyside.text import normalized

    path.write_text(json.dumps({"schema": SCHEMA, "notes": [
        {"file": c.source("000").file, "text": normalized(s.text), "occurrence": -9,
         "status": 5, "note": ["call", "them"], "created": "yesterday"},
    ]}), encoding="utf-8")
    store = NoteStore(path, str(folder))
    notes = store.load()
    assert len(notes) == 1 and not store.messages  # kept, not moved aside
    [a] = anchor(c, notes)
    assert a.target == s.id and not a.orphaned
    assert "call" in a.note and isinstance(a.status, str)
    assert "call" in to_html(c)


def test_a_file_that_is_not_a_store_at_all_is_refused_and_left_alone(tmp_path):
    from sidebyside.annotations import StoreError

    article = tmp_path / "article.txt"
    article.write_text("The council closed the bridge on Monday.\n", encoding="utf-8")
    store = NoteStore(article)
    with pytest.raises(StoreError, match="not a sidebyside notes file"):
        store.load()
    assert article.read_text(encoding="utf-8") == "The council closed the bridge on Monday.\n"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == ["article.txt"]
