"""A partial sentence in the app (issue 15): its own marker in the gutter, counted in the title,
explained in the legend, and the detail says which part is shared and where. Driven with the
Pilot on a fictional two-outlet folder (tests/test_partial.py)."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tui.app import SideBySideApp
from tui.screens import DetailScreen, HelpScreen
from widgets.counterpart import counterparts
from widgets.grid import MARK_PARTIAL, MARK_SHARED

from .conftest import unlinked_status
from .test_partial import LEDE_A, LEDE_B, SHARED_PART, bridge  # noqa: F401 - the fixture
from .test_tui import grid_text, ready, screen_text

pytestmark = pytest.mark.usefixtures("private_data_dir")


async def test_the_partial_marker_and_the_detail_say_which_part_is_shared_and_where(bridge):  # noqa: F811
    app = SideBySideApp(folder=str(bridge))
    async with app.run_test(size=(140, 40)) as pilot:
        grid = await ready(pilot)
        c = app.comparison
        a = next(s for s in c.source("a").sentences if s.text == LEDE_A)
        assert a.status == "partial"
        lines = grid_text(grid).splitlines()
        # The lede's first line starts with the partial mark, the others' with the shared one.
        assert any(line.startswith(MARK_PARTIAL + " ") and "The Port Authority" in line
                   for line in lines)
        assert any(line.startswith(MARK_SHARED) and "Harbor Bridge closes" in line for line in lines)
        assert "◐ 2 partial" in str(app.screen.query_one("#title").render())

        grid.set_cursor(a.id)
        await pilot.pause()
        assert "partly reported" in str(app.screen.query_one("#status").render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        text = app.screen.text.plain
        b = c.sentence(a.parts[0].to)
        assert (f"Status: partly reported: “{SHARED_PART}” — also in b (b.txt) "
                f"¶{b.paragraph + 1}") in text
        assert "Partly reported elsewhere" in text and f"there: “{SHARED_PART}”" in text
        assert "b: part of it only (below)" in text
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        legend = str(app.screen.query_one("#help-legend", Static).render())
        assert f"{MARK_PARTIAL}  partial: part of its claims another source reports" in legend


async def test_x_takes_a_partial_link_off_and_ctrl_z_puts_it_back(bridge, tmp_path):  # noqa: F811
    app = SideBySideApp(folder=str(bridge), notes=str(tmp_path / "notes.json"))
    async with app.run_test(size=(140, 40)) as pilot:
        grid = await ready(pilot)
        c = app.comparison
        a = next(s for s in c.source("a").sentences if s.text == LEDE_A)
        b = c.sentence(a.parts[0].to)
        grid.set_cursor(a.id)
        await pilot.press("x")
        await pilot.pause()
        assert (a.status, b.status) == (unlinked_status(a), unlinked_status(b)) and not a.parts
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert a.status == b.status == "partial" and a.parts[0].to == b.id


async def test_the_cursor_on_a_partial_sentence_brings_its_counterpart_beside_it(bridge):  # noqa: F811
    app = SideBySideApp(folder=str(bridge))
    async with app.run_test(size=(140, 40)) as pilot:
        grid = await ready(pilot)
        c = app.comparison
        a = next(s for s in c.source("a").sentences if s.text == LEDE_A)
        grid.set_cursor(a.id)
        await pilot.pause()
        # The counterpart the panes shift to (when it is out of view) is the partial link's.
        assert counterparts(c, a.id, grid.layout_model) == {"b": a.parts[0].to}


def said(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_p_and_shift_p_jump_to_the_partial_claims_and_back(bridge, tmp_path):  # noqa: F811
    app = SideBySideApp(folder=str(bridge), notes=str(tmp_path / "notes.json"))
    async with app.run_test(size=(140, 40)) as pilot:
        grid = await ready(pilot)
        c = app.comparison
        a = next(s for s in c.source("a").sentences if s.text == LEDE_A)
        b = next(s for s in c.source("b").sentences if s.text == LEDE_B)
        assert a.status == b.status == "partial"
        start = grid.cursor
        assert start not in (a.id, b.id)

        await pilot.press("p")
        await pilot.pause()
        assert grid.cursor == a.id
        assert "partly reported" in str(app.screen.query_one("#status").render())
        await pilot.press("p")
        await pilot.pause()
        assert grid.cursor == b.id
        await pilot.press("P")
        await pilot.pause()
        assert grid.cursor == a.id
        await pilot.press("P")  # no partial claim before a's: round to the last one
        await pilot.pause()
        assert grid.cursor == b.id and "Wrapped to the bottom" in said(app)
        await pilot.press("j")  # off the partial sentence, then back to it
        await pilot.pause()
        assert grid.cursor != b.id
        await pilot.press("P")
        await pilot.pause()
        assert grid.cursor == b.id

        # Help and the palette list the keys.
        titles = [cmd.title for cmd in app.get_system_commands(app.screen)]
        assert "Next partial claim (◐)" in titles
        assert "Previous partial claim" in titles
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "Next partial claim" in text and "Previous partial claim" in text
        await pilot.press("escape")
        await pilot.pause()

        # x takes the partial link off: no partial claim is left, and p says so.
        app.clear_notifications()
        await pilot.press("x")
        await pilot.pause()
        assert (a.status, b.status) == (unlinked_status(a), unlinked_status(b))
        here = grid.cursor
        for key in ("p", "P"):
            app.clear_notifications()
            await pilot.press(key)
            await pilot.pause()
            assert grid.cursor == here
            assert said(app) == ["No partial claims in the sources on show"]
