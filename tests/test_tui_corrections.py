"""The reporter's corrections in the app (issue 17), driven with the Pilot on the seeds: a false
link taken off (x), a missed link made (L, pick with the cursor, enter), a false ≠ dismissed with
a reason (c); all three kept after quitting and reopening; undo (ctrl+z); a colleague's
correction shows up within two seconds; the exports carry them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sidebyside.annotations import NoteStore
from sidebyside.engine import compare_folder
from tui.app import SideBySideApp
from tui.reason import ReasonDialog
from tui.screens import DetailScreen, HelpScreen

from .conftest import unlinked_status
from .test_tui import ready

pytestmark = pytest.mark.usefixtures("private_data_dir")

SIZE = (160, 45)


def app_on(folder: Path, notes: Path) -> SideBySideApp:
    return SideBySideApp(folder=str(folder), notes=str(notes))


def starting(c, source: str, start: str) -> str:
    return next(s.id for s in c.source(source).sentences if s.text.startswith(start))


def stored(notes: Path) -> list[dict]:
    return [e for e in json.loads(notes.read_text(encoding="utf-8"))["notes"] if not e["deleted"]]


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_fix_a_false_link_a_missed_link_and_a_false_disagreement_then_reopen(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        c = app.comparison
        headline = starting(c, "000", "Russia, North Korea Intensifying Ties")
        bridge_a = starting(c, "000", "The two countries confirmed that the bridge")
        bridge_b = starting(c, "001", "The bridge will cross the Tumen river")
        assert c.sentence(headline).links and c.sentence(bridge_b).status == unlinked_status(c.sentence(bridge_b))
        assert len(c.disagreements) == 1

        # 1. a false link: x on the headline takes its one link off
        grid.set_cursor(headline)
        await pilot.press("x")
        await pilot.pause()
        assert not c.sentence(headline).links
        assert any("Unlinked by reporter" in m for m in messages(app))

        # 2. a missed link: L on one sentence, the cursor to the other pane's sentence, enter
        grid.set_cursor(bridge_a)
        await pilot.press("L")
        await pilot.pause()
        assert "Link " + bridge_a in str(app.screen.query_one("#status").render())
        await pilot.press("tab")
        for _ in range(40):  # j / k to the sentence, in the other pane
            here = c.sentence(grid.cursor)
            if here.id == bridge_b:
                break
            await pilot.press("j" if here.index < c.sentence(bridge_b).index else "k")
        assert grid.cursor == bridge_b
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, DetailScreen)  # enter picked, it opened nothing
        assert c.sentence(bridge_b).status == "shared"
        assert [link.by for link in c.sentence(bridge_b).links] == ["reporter"]
        assert c.sentence(bridge_a).links[0].by == "reporter"
        assert grid.findings is not None

        # 3. a false ≠: c on a sentence of the disagreement, a reason, enter
        await pilot.press("d")
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press(*"same estimate", "enter")
        await pilot.pause()
        assert c.disagreements == [] and [d.reason for d in c.dismissed] == ["same estimate"]
        assert "≠ 0 disagreements" in str(app.screen.query_one("#title").render())
        assert "3 corrections" in str(app.screen.query_one("#title").render())
        assert sorted(e["kind"] for e in stored(notes)) == ["dismiss", "link", "unlink"]

    again = app_on(folder, notes)
    async with again.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        c = again.comparison
        assert not c.sentence(headline).links
        assert c.sentence(bridge_b).links[0].by == "reporter"
        assert c.disagreements == [] and len(c.dismissed) == 1
        assert [k.kind for k in c.corrections] == ["unlink", "link", "dismiss"]
        grid.set_cursor(bridge_b)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, DetailScreen)
        text = again.screen.text.plain
        assert "linked by reporter" in text and "Corrections by the reporter" in text


async def test_ctrl_z_undoes_the_latest_correction_and_esc_cancels_a_pick(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        c = app.comparison
        headline = starting(c, "000", "Russia, North Korea Intensifying Ties")
        before = [link.to for link in c.sentence(headline).links]
        grid.set_cursor(headline)
        await pilot.press("L")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.picking is None
        assert stored(notes) == [] if notes.exists() else True
        await pilot.press("x")
        await pilot.pause()
        assert not c.sentence(headline).links
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [link.to for link in c.sentence(headline).links] == before
        assert stored(notes) == []
        assert any("Undone" in m for m in messages(app))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert any("No correction to undo" in m for m in messages(app))


async def test_a_pick_in_the_same_source_is_refused(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        c = app.comparison
        first = starting(c, "000", "The two countries confirmed that the bridge")
        grid.set_cursor(first)
        await pilot.press("L", "j", "enter")
        await pilot.pause()
        assert app.screen.picking is not None  # still picking
        assert any("another source" in m for m in messages(app))
        assert not notes.exists() or stored(notes) == []


async def test_a_colleagues_correction_shows_up_within_two_seconds(folder, notes, monkeypatch):
    monkeypatch.setattr(SideBySideApp, "NOTES_POLL", 0.05)
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        c = app.comparison
        theirs = compare_folder(folder)
        a = theirs.sentence(starting(theirs, "000", "The two countries confirmed that the bridge"))
        b = theirs.sentence(starting(theirs, "001", "The bridge will cross the Tumen river"))
        other = NoteStore(notes, str(folder))
        other.load()
        other.correct("link", a, b, theirs)
        for _ in range(100):
            await pilot.pause(0.02)
            if c.sentence(a.id).status == "shared":
                break
        assert c.sentence(a.id).links[0].by == "reporter"
        assert "1 correction" in str(app.screen.query_one("#title").render())


async def test_help_lists_the_correction_keys(folder, notes):
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(k.help for k in app.screen.keys)
        for words in ("Same claim", "Not the same claim", "Not a conflict",
                      "A conflict the engine missed", "latest correction"):
            assert words in text


async def test_an_orphaned_correction_is_counted_in_the_title(folder, notes):
    theirs = compare_folder(folder)
    a = theirs.sentence(starting(theirs, "000", "The two countries confirmed that the bridge"))
    b = theirs.sentence(starting(theirs, "001", "The bridge will cross the Tumen river"))
    store = NoteStore(notes, str(folder))
    store.load()
    store.correct("link", a, b, theirs)
    path = folder / theirs.source("001").file
    kept = [ln for ln in path.read_text(encoding="utf-8").splitlines() if "Tumen river" not in ln]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "1 correction (1 orphaned" in str(app.screen.query_one("#title").render())
        assert [k.orphaned for k in app.comparison.corrections] == [True]


async def test_x_rejects_a_sentence_s_echo_and_reopening_keeps_it(folder, notes, monkeypatch):
    """With the transformer on (as the app ships), a seed sentence with no link is not called
    unique because another source reads close to it (its echo); x on it rejects the echo: that
    sentence is never named again, the unique count follows, and reopening the folder keeps it."""
    from sidebyside import semantic as S
    from sidebyside import transformer as TX

    monkeypatch.setenv(S.ENV_SWITCH, "1")
    monkeypatch.setenv(TX.ENV_SWITCH, "1")
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        grid = await ready(pilot)
        c = app.comparison
        s = next(x for x in c.all_sentences() if x.echo and not x.links and not x.parts)
        echo = s.echo
        grid.set_cursor(s.id)
        await pilot.press("x")
        await pilot.pause()
        assert any("Unlinked by reporter" in m for m in messages(app))
        assert c.sentence(s.id).echo != echo
        (entry,) = stored(notes)
        assert entry["kind"] == "unlink"
        after = (c.sentence(s.id).status, c.sentence(s.id).echo)
    app = app_on(folder, notes)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        again = app.comparison.sentence(s.id)
        assert (again.status, again.echo) == after
        assert again.echo != echo


async def test_the_reason_dialog_s_hint_wraps_at_80_columns(tmp_path):
    """A hands-on review: at 80x24 the dismiss dialog's hint ended in "ctrl+z un"."""
    from sidebyside.engine import demo_folder
    from tests.test_tui import ready, screen_text
    from tui.app import SideBySideApp
    from tui.reason import ReasonDialog

    app = SideBySideApp(folder=str(demo_folder()), notes=str(tmp_path / "notes.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("d")
        await pilot.press("c")
        for _ in range(50):
            if isinstance(app.screen, ReasonDialog):
                break
            await pilot.pause(0.02)
        await pilot.pause()
        assert "undoes it later" in screen_text(app)  # the hint's end, wrapped onto a line
