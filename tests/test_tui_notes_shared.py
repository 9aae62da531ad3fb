"""Notes in the app, continued: exports carry them, an export that cannot be written keeps the
dialog open, and another instance's notes on the same store are kept and shown."""

from __future__ import annotations

import json
import threading

import pytest

from sidebyside.annotations import NoteStore
from sidebyside.engine import compare_folder
from tui.app import SideBySideApp
from tui.screens import ExportDialog

from .test_tui import ready
from .test_tui_notes import app_on, live_notes, messages, write_note

pytestmark = pytest.mark.usefixtures("private_data_dir")

SIZE = (160, 45)


# ---------------------------------------------------------------- export
async def test_e_exports_with_the_notes(folder, notes, tmp_path):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        await pilot.press("d")
        await write_note(pilot, "call the ministry")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        box = app.screen.query_one("#export-path")
        assert box.value == str(notes.parent / "docs-comparison.md")
        await pilot.press("j")  # json
        await pilot.pause()
        assert box.value == str(notes.parent / "docs-comparison.json")
        release = threading.Event()
        real_write = app.screen.write

        def slow_write(fmt, path):
            release.wait(5)
            return real_write(fmt, path)

        app.screen.write = slow_write
        await pilot.press("enter")  # written in a thread worker
        await pilot.press("escape")  # ... which escape does not abandon
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert any("Still writing" in m for m in messages(app))
        release.set()
        out = notes.parent / "docs-comparison.json"
        for _ in range(300):
            await pilot.pause(0.01)
            if any(f"wrote {out}" in m for m in messages(app)):
                break
        assert not isinstance(app.screen, ExportDialog)
        assert out.exists()
        assert any(f"wrote {out}" in m for m in messages(app))
        data = json.loads(out.read_text(encoding="utf-8"))
        assert [a["target"] for a in data["annotations"]] == [grid.cursor]


async def test_an_export_that_cannot_be_written_says_so_and_stays_open(folder, notes, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.pause()
        box = app.screen.query_one("#export-path")
        box.value = str(blocker / "report.md")
        await pilot.press("enter")
        for _ in range(300):
            await pilot.pause(0.01)
            if any("Could not write" in m for m in messages(app)):
                break
        assert any(f"Could not write {blocker / 'report.md'}" in m for m in messages(app))
        assert isinstance(app.screen, ExportDialog)  # still open: the path can be mended
        box.value = str(tmp_path / "report.md")
        await pilot.press("enter")
        for _ in range(300):
            await pilot.pause(0.01)
            if not isinstance(app.screen, ExportDialog):
                break
        assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("#")


async def test_another_instance_s_notes_are_kept_and_shown_after_a_save(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        # meanwhile a colleague's instance adds a note to the same store
        c = compare_folder(folder)
        theirs = next(s for s in c.source("001").sentences if "over 600" in s.text)
        other = NoteStore(notes, str(folder))
        other.load()
        other.add(theirs, c.source("001").file, c, "theirs", "verified")
        await pilot.press("d", "m")  # our save merges with theirs
        await pilot.pause()
        assert sorted(n["note"] for n in live_notes(notes)) == ["", "theirs"]
        assert grid.note_marks.get(theirs.id) == "verified"
        assert len(grid.note_marks) == 2


async def test_another_instance_s_notes_show_up_without_a_save_of_ours(folder, notes, monkeypatch):
    monkeypatch.setattr(SideBySideApp, "NOTES_POLL", 0.05)
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        assert not grid.note_marks
        c = compare_folder(folder)
        theirs = next(s for s in c.source("001").sentences if "over 600" in s.text)
        other = NoteStore(notes, str(folder))
        other.load()
        note = other.add(theirs, c.source("001").file, c, "ask the ministry", "needs check")
        for _ in range(200):  # the notification is posted a message after the markers change
            await pilot.pause(0.02)
            if grid.note_marks and any("updated from another" in m for m in messages(app)):
                break
        assert grid.note_marks == {theirs.id: "needs check"}
        assert any("updated from another window" in m for m in messages(app))
        other.update(note, status="verified")  # a later change of theirs wins over the old one
        for _ in range(200):
            await pilot.pause(0.02)
            if grid.note_marks.get(theirs.id) == "verified":
                break
        assert grid.note_marks == {theirs.id: "verified"}
        assert "✎ 1" in str(app.screen.query_one("#title").render())


async def test_the_notes_poll_is_quiet_while_the_app_closes(folder, notes, monkeypatch):
    # The poll is a timer: it may fire once more while the app closes, when no screen is left
    # on the stack. It then does nothing (it raised ScreenStackError, failing the app's exit).
    monkeypatch.setattr(SideBySideApp, "NOTES_POLL", 0.05)
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = app.screen
        assert screen.is_active
    assert not app._screen_stack  # closed: no screen at all
    refreshed = []
    monkeypatch.setattr(screen.keeper, "refresh", lambda: refreshed.append(1) or True)
    screen.poll_notes()  # as the timer would
    assert refreshed == []  # nothing read, nothing redrawn, no error
