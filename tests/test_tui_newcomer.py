"""A newcomer's first ten minutes in the app (issue 12): each check drives the real app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual import events

from tui.app import SideBySideApp

from .test_tui import SEEDS, ready, screen_text


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    """Never the user's data dir; the working directory is a temp dir (exports land there)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def burst(app, keys: str) -> None:
    """Keys arriving all at once, as over a laggy SSH link or an unbracketed paste: queued at the
    driver with no wait between them (the Pilot waits for the app to settle after every key)."""
    for ch in keys:
        name = {" ": "space", "\r": "enter"}.get(ch, ch)
        event = events.Key(name, None if ch == "\r" else ch)
        event.set_sender(app)
        app._driver.send_message(event)


def store_notes(path: Path) -> list[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [n["note"] for n in data["notes"] if not n.get("deleted")]


# ---------------------------------------------------------------- 2: no keystroke lost
NOTE = "check the 600 figure with Seoul"


async def test_a_burst_of_keys_after_a_reaches_the_note_whole(tmp_path):
    store = tmp_path / "notes.json"
    app = SideBySideApp(folder=str(SEEDS), notes=str(store))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        burst(app, "a" + NOTE + "\r")
        for _ in range(200):
            await pilot.pause(0.01)
            if store.exists() and store_notes(store):
                break
        assert store_notes(store) == [NOTE]


async def test_keys_typed_while_the_comparison_loads_are_delivered(tmp_path):
    store = tmp_path / "notes.json"
    app = SideBySideApp(folder=str(SEEDS), notes=str(store))
    async with app.run_test(size=(120, 40)) as pilot:
        burst(app, "da" + NOTE + "\r")  # before the comparison is on screen
        await ready(pilot)
        for _ in range(200):
            await pilot.pause(0.01)
            if store.exists() and store_notes(store):
                break
        assert store_notes(store) == [NOTE]
        # ... on the sentence d went to: the disagreement
        (sid,) = [s for s in app.keeper.marks()]
        assert any(side.sentence == sid for d in app.comparison.disagreements for side in d.sides)


# ---------------------------------------------------------------- 9: the footer at 80 columns
async def test_help_and_quit_stay_in_the_footer_at_80_columns():
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "? Help" in footer and "q Quit" in footer, footer
