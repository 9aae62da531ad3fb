"""Annotations in the app, driven as a user would: keys through the Pilot, the store read back
from disk, a second app instance, the report, and a process killed right after a save."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sidebyside.annotations import NoteStore, anchor
from sidebyside.engine import compare_folder
from sidebyside.report import to_dict
from tui.app import SideBySideApp
from tui.screens import DetailScreen, HelpScreen, NoteDialog, NotesScreen
from widgets.grid import AlignedGrid

from .test_tui import ready, screen_text

pytestmark = pytest.mark.usefixtures("private_data_dir")

ROOT = Path(__file__).resolve().parents[1]
SIZE = (160, 45)


# ---------------------------------------------------------------- fixtures and helpers
def live_notes(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "sidebyside.notes/1"
    return [n for n in data["notes"] if not n["deleted"]]


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def gutter(grid: AlignedGrid, sid: str) -> str:
    """The first line of sentence `sid` in its pane, gutter included, as drawn."""
    layout = grid.layout_model
    col, top, _ = layout.spans[sid]
    line = "".join(seg.text for seg in grid._render_model_line(top))
    x, w = layout.col_x[col], layout.col_w[col]
    return line[x : x + w]


async def clear_input(pilot) -> None:
    box = pilot.app.screen.query_one("#note-text")
    await pilot.press(*["backspace"] * len(box.value))


async def write_note(pilot, text: str, *extra: str) -> None:
    """a, type `text`, any extra keys (e.g. tab v), enter."""
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, NoteDialog)
    await pilot.press(*text, *extra, "enter")
    await pilot.pause()


def app_on(folder: Path, notes: Path) -> SideBySideApp:
    return SideBySideApp(folder=str(folder), notes=str(notes))


# ---------------------------------------------------------------- 1. saved, reloaded, reported
async def test_note_is_saved_at_once_shown_by_a_new_instance_and_reported(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        assert notes.exists() and live_notes(notes) == []  # --notes FILE: created if missing
        await pilot.press("d")
        sid = grid.cursor
        text = app.comparison.sentence(sid).text
        assert "some 600" in text or "about 600" in text
        await write_note(pilot, "call the ministry", "tab")  # tab reaches the status; enter saves
        assert not isinstance(app.screen, NoteDialog)
        saved = live_notes(notes)  # on disk before anything else happens
        assert [(n["note"], n["status"], n["sentence"]) for n in saved] == [
            ("call the ministry", "needs check", sid)
        ]
        assert any("Note saved" in m for m in messages(app))
        assert gutter(grid, sid).startswith("≠? ")
        assert "✎ 1 note" in str(app.screen.query_one("#title").render())
        assert "call the ministry" in str(app.screen.query_one("#status").render())

    again = app_on(folder, notes)  # a new instance on the same folder and store
    async with again.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        assert grid.note_marks == {sid: "needs check"}
        assert gutter(grid, sid).startswith("≠? ")
        await pilot.press("o")
        assert grid.cursor == sid
        assert "✎ needs check: “call the ministry”" in str(again.screen.query_one("#status").render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, DetailScreen)
        assert "[needs check] call the ministry" in again.screen.text.plain

    # the report carries the note, on the 600 sentence
    c = compare_folder(folder)
    anchor(c, NoteStore(notes, str(folder)).load())
    report = to_dict(c)
    assert report["annotations"] == [
        {"target": sid, "status": "needs check", "note": "call the ministry", "orphaned": False}
    ]


def test_report_cli_lists_the_note(folder, notes):
    c = compare_folder(folder)
    s = next(x for x in c.source("000").sentences if "some 600" in x.text)
    store = NoteStore(notes, str(folder))
    store.load()
    store.add(s, c.source("000").file, c, "call the ministry", "disputed")
    out = subprocess.run(
        [sys.executable, "-m", "sidebyside", str(folder), "--report", "json", "--notes", str(notes)],
        capture_output=True, text=True, timeout=60, cwd=ROOT, check=True,
    )
    report = json.loads(out.stdout)
    assert {"target": s.id, "status": "disputed", "note": "call the ministry", "orphaned": False} in [
        {k: a[k] for k in ("target", "status", "note", "orphaned")} for a in report["annotations"]
    ]


# ---------------------------------------------------------------- 2. killed right after a save
KILL_SCRIPT = """
import asyncio, sys
sys.path.insert(0, {root!r})
from tui.app import SideBySideApp
from tui.screens import NoteDialog
from widgets.grid import AlignedGrid

async def main(folder, notes):
    app = SideBySideApp(folder=folder, notes=notes)
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(3000):
            if app.screen.query(AlignedGrid) and app.grid.layout_model is not None:
                break
            await pilot.pause(0.01)
        await pilot.press("d", "a")
        await pilot.press(*"kill me", "enter")
        for _ in range(3000):
            live = app.keeper.store.live()
            if not isinstance(app.screen, NoteDialog) and any(
                n.note == "kill me" for n in live
            ):
                break
            await pilot.pause(0.01)
        print("SAVED", flush=True)
        while True:  # keep saving (m cycles the status), so the kill lands mid-write
            await pilot.press("m")

asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


def test_killing_the_app_right_after_a_save_loses_nothing(folder, notes, tmp_path):
    script = tmp_path / "run_app.py"
    script.write_text(KILL_SCRIPT.format(root=str(ROOT)), encoding="utf-8")
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(folder), str(notes)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 90
        seen = b""
        while b"SAVED" not in seen:
            left = deadline - time.monotonic()
            assert left > 0, "the app never said SAVED"
            ready_, _, _ = select.select([proc.stdout], [], [], left)
            if ready_:
                chunk = os.read(proc.stdout.fileno(), 4096)
                assert chunk, f"the app ended early: {proc.stderr.read().decode()[-2000:]}"
                seen += chunk
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    kept = live_notes(notes)  # valid JSON, written atomically
    assert [n["note"] for n in kept] == ["kill me"]


# ---------------------------------------------------------------- 3. the keys
async def test_m_cycles_the_status_and_the_marker_follows(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        await pilot.press("d")
        sid = grid.cursor
        seen, said = [], []
        for _ in range(5):
            await pilot.press("m")
            [note] = live_notes(notes)
            seen.append((note["status"], gutter(grid, sid)[1]))
            said.append(messages(app))
        assert seen == [
            ("needs check", "?"),
            ("verified", "V"),
            ("disputed", "D"),
            ("follow up", "F"),
            ("needs check", "?"),
        ]
        assert live_notes(notes)[0]["note"] == ""  # a status alone, no text
        assert any("Status: disputed" in m for m in said[2])
        # each press's message replaces the last: one status message on screen, the latest
        assert [m for m in messages(app) if "Status:" in m] == [m for m in said[4] if "Status:" in m]
        assert len([m for m in said[4] if "Status:" in m]) == 1


async def test_o_and_O_visit_annotated_sentences_in_reading_order_and_wrap(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        marked = []
        for key in ("d", "u", "u", "s"):
            await pilot.press(key, "m")
            marked.append(grid.cursor)
        assert len(set(marked)) == 4
        in_order = [x for x in grid._order if x in set(marked)]
        await pilot.press("g")  # top of the pane
        grid.set_cursor(grid._order[0])
        await pilot.pause()
        visited = []
        for _ in range(4):
            await pilot.press("o")
            visited.append(grid.cursor)
        assert visited == in_order
        app.clear_notifications()
        await pilot.press("o")
        assert grid.cursor == in_order[0]
        assert "Wrapped to the top" in messages(app)
        await pilot.press("O")
        assert grid.cursor == in_order[-1]
        assert "Wrapped to the bottom" in messages(app)
        await pilot.press("O")
        assert grid.cursor == in_order[-2]


async def test_o_says_when_there_are_no_notes(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        here = grid.cursor
        await pilot.press("o")
        assert grid.cursor == here
        assert any("No annotated sentences" in m for m in messages(app))


async def test_o_on_the_only_annotated_sentence_says_so_and_stays(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        await pilot.press("d", "m")
        only = grid.cursor
        app.clear_notifications()
        await pilot.press("o")
        assert grid.cursor == only
        assert "No other annotated sentences in the sources on show" in messages(app)
        assert not any("Wrapped" in m for m in messages(app))


async def test_escape_cancels_without_saving(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        await pilot.press("d", "a")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"nope", "tab", "v", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, NoteDialog)
        assert live_notes(notes) == []
        assert grid.note_marks == {}
        await pilot.press("a")  # nothing comes back after a plain cancel
        await pilot.pause()
        assert app.screen.query_one("#note-text").value == ""
        await pilot.press("enter")  # empty, default status: nothing to keep
        await pilot.pause()
        assert live_notes(notes) == []
        assert any("Nothing saved" in m for m in messages(app))
        await pilot.press("a", "tab", "f", "enter")  # empty, but a status chosen: kept
        await pilot.pause()
        assert [(n["note"], n["status"]) for n in live_notes(notes)] == [("", "follow up")]


async def test_an_existing_note_is_edited_not_duplicated(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        await pilot.press("d")
        sid = grid.cursor
        await write_note(pilot, "first")
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        assert dialog.query_one("#note-text").value == "first"  # pre-filled
        assert "Edit the note" in screen_text(app)
        await clear_input(pilot)
        await pilot.press(*"confirmed", "tab", "v", "enter")  # v: verified
        await pilot.pause()
        kept = live_notes(notes)
        assert [(n["note"], n["status"]) for n in kept] == [("confirmed", "verified")]
        assert grid.note_marks == {sid: "verified"}
        assert gutter(grid, sid).startswith("≠V ")
        # arrows choose the status at once; enter saves
        await pilot.press("a", "tab", "right", "enter")
        await pilot.pause()
        assert [n["status"] for n in live_notes(notes)] == ["disputed"]


async def test_clearing_the_text_removes_the_note(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        await pilot.press("d")
        await write_note(pilot, "oops")
        await pilot.press("a")
        await pilot.pause()
        await clear_input(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert live_notes(notes) == []
        data = json.loads(notes.read_text())
        assert [n["deleted"] for n in data["notes"]] == [True]  # a tombstone
        assert any("note removed" in m for m in messages(app))
        assert grid.note_marks == {}


async def test_a_in_the_detail_view_annotates_that_sentence(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        await pilot.press("d", "enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, DetailScreen)
        assert "Notes: none yet" in detail.text.plain
        await write_note(pilot, "ask Seoul", "tab", "d")  # d: disputed
        assert app.screen is detail  # back on the detail, which now lists the note
        assert "[disputed] ask Seoul" in detail.text.plain
        assert "ask Seoul" in screen_text(app)
        await pilot.press("m")  # m in the detail cycles the status too
        await pilot.pause()
        assert "[follow up] ask Seoul" in detail.text.plain
        [note] = live_notes(notes)
        assert (note["sentence"], note["status"]) == (detail.sentence, "follow up")
        await pilot.press("escape")
        await pilot.pause()
        assert grid.note_marks == {detail.sentence: "follow up"}


async def test_a_corrupt_store_is_moved_aside_and_a_fresh_one_starts(folder, notes):
    notes.write_text('{"schema": "sidebyside.notes/1", "notes": [{"broken', encoding="utf-8")
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        assert any("moved aside" in m for m in messages(app))
        aside = list(notes.parent.glob("notes.json.corrupt-*"))
        assert len(aside) == 1
        assert aside[0].read_text(encoding="utf-8").endswith('[{"broken')  # kept, untouched
        assert grid.note_marks == {}
        await pilot.press("d")
        await write_note(pilot, "fresh")
        assert [n["note"] for n in live_notes(notes)] == ["fresh"]
        assert aside[0].read_text(encoding="utf-8").endswith('[{"broken')


async def test_orphaned_notes_are_counted_and_listed(folder, notes):
    c = compare_folder(folder)
    store = NoteStore(notes, str(folder))
    store.load()
    gone = next(s for s in c.source("000").sentences if "4,700 casualties" in s.text)
    stays = next(s for s in c.source("000").sentences if "some 600" in s.text)
    store.add(gone, c.source("000").file, c, "check the casualty figure", "follow up")
    store.add(stays, c.source("000").file, c, "call the ministry", "disputed")
    doc = folder / c.source("000").file
    doc.write_text(doc.read_text(encoding="utf-8").replace(gone.text, ""), encoding="utf-8")

    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        assert "✎ 2 notes (1 orphaned: A lists)" in str(app.screen.query_one("#title").render())
        assert any("orphaned" in m for m in messages(app))
        assert list(grid.note_marks.values()) == ["disputed"]
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)
        text = screen_text(app)
        assert "Orphaned (1)" in text and "check the casualty figure" in text
        assert "call the ministry" in text
        await pilot.press("home", "enter")  # the first entry: the note on a sentence
        await pilot.pause()
        assert not isinstance(app.screen, NotesScreen)
        assert grid.cursor == next(iter(grid.note_marks))
    # the orphan is still in the store, never dropped
    assert sorted(n["note"] for n in live_notes(notes)) == [
        "call the ministry", "check the casualty figure"
    ]


async def test_an_orphaned_note_is_removed_only_on_purpose(folder, notes):
    c = compare_folder(folder)
    store = NoteStore(notes, str(folder))
    store.load()
    gone = next(s for s in c.source("000").sentences if "4,700 casualties" in s.text)
    store.add(gone, c.source("000").file, c, "check the casualty figure", "follow up")
    doc = folder / c.source("000").file
    doc.write_text(doc.read_text(encoding="utf-8").replace(gone.text, ""), encoding="utf-8")
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("end", "x")  # once: asks
        await pilot.pause()
        assert len(live_notes(notes)) == 1
        assert any("again" in m for m in messages(app))
        await pilot.press("x")  # twice: removed (a tombstone in the store)
        await pilot.pause()
        assert live_notes(notes) == []
        assert "0 orphaned" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "✎" not in str(app.screen.query_one("#title").render())  # no notes left at all


async def test_a_failed_save_keeps_the_text(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        await pilot.press("d")
        store = app.keeper.store
        real = store._write

        def refuse(_notes):
            raise OSError(28, "No space left on device")

        store._write = refuse
        await write_note(pilot, "keep me", "tab", "v")
        assert isinstance(app.screen, NoteDialog)  # still open, text intact
        assert app.screen.query_one("#note-text").value == "keep me"
        assert any("NOT saved" in m and "No space left" in m for m in messages(app))
        assert grid.note_marks == {} and store.live() == []  # memory matches the disk
        await pilot.press("escape")
        await pilot.pause()
        assert "unsaved draft" in str(app.screen.query_one("#status").render())
        store._write = real
        await pilot.press("a")  # the draft comes back
        await pilot.pause()
        assert app.screen.query_one("#note-text").value == "keep me"
        await pilot.press("enter")
        await pilot.pause()
        assert [(n["note"], n["status"]) for n in live_notes(notes)] == [
            ("keep me", "verified")
        ]
        assert "unsaved draft" not in str(app.screen.query_one("#status").render())


async def test_help_and_palette_describe_the_note_keys(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Write or edit the note on the sentence", "Next annotated sentence",
                      "Previous annotated sentence", "Every note, orphaned ones too (enter goes to its sentence)"):
            assert title in titles
        assert any(t.startswith("Cycle the note status") for t in titles)
        assert not any("later version" in t for t in titles)
        command = next(
            c for c in app.get_system_commands(app.screen)
            if c.title == "Write or edit the note on the sentence"
        )
        await command.callback()
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        legend = str(app.screen.query_one("#help-legend").render())
        assert "V  verified" in legend and "?  needs check" in legend
        assert "later version" not in screen_text(app)


async def test_q_in_the_note_dialog_does_not_quit(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("a", "tab", "q")  # on the status choice, not in the text box
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        assert app.return_code is None


def test_default_store_is_keyed_by_folder(folder, tmp_path):
    app = SideBySideApp(folder=str(folder))
    assert app.keeper.path.is_relative_to(tmp_path / "data")
    assert app.keeper.path.name.startswith("docs-")
