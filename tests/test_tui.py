"""The terminal UI driven as a user would: keys through the Pilot, what is on screen read back."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from sidebyside.engine import demo_folder
from sidebyside.load import InputError
from tui import app as app_module
from tui.app import SideBySideApp
from tui.screens import DetailScreen, HelpScreen, SourcePicker
from widgets.detail import word_diff
from widgets.grid import AlignedGrid
from widgets.layout import MIN_COLUMN, build_layout, fit_count, wrap

pytestmark = pytest.mark.usefixtures("private_data_dir")

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


# ---------------------------------------------------------------- helpers
async def ready(pilot) -> AlignedGrid:
    """Wait until the comparison is on screen (the engine runs in a worker)."""
    app = pilot.app
    for _ in range(400):
        if app.screen.query(AlignedGrid) and app.grid.layout_model is not None and app.grid.size.height:
            break
        await pilot.pause(0.01)
    else:  # pragma: no cover - a hang is a failure
        raise AssertionError("the comparison never showed")
    await pilot.pause()
    await pilot.pause()  # ... and painted (a loaded machine can be a frame behind)
    return app.grid


def screen_text(app) -> str:
    """The characters on the terminal right now (the active screen and what it covers)."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


def grid_text(grid: AlignedGrid) -> str:
    """Every line of the grid, scrolled into view or not."""
    layout = grid.layout_model
    return "\n".join(
        "".join(seg.text for seg in grid._render_model_line(y)) for y in range(layout.height)
    )


def viewport_text(grid: AlignedGrid) -> str:
    """The grid's lines as they are on screen now (through its render_line)."""
    return "\n".join(
        "".join(seg.text for seg in grid.render_line(y)) for y in range(grid.size.height)
    )


def cursor_sentence(app):
    return app.comparison.sentence(app.grid.cursor)


# ---------------------------------------------------------------- pure pieces
def test_wrap_keeps_every_word_and_fits():
    text = "Wednesday’s announcement came shortly after South Korean lawmakers said some 600"
    for width in (5, 12, 30, 200):
        spans = wrap(text, width)
        assert all(b - a <= width for a, b in spans)
        assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")
        if width >= 12:  # no word is cut when the longest fits
            assert " ".join(text[a:b] for a, b in spans).split() == text.split()
    assert wrap("", 10) == [(0, 0)]
    assert wrap("unbreakablewordhere", 5)[0] == (0, 5)


def test_progress_updates_coalesce_and_nothing_else_does():
    from tui.messages import AnnotateRequested, Progress

    assert Progress("match", 0.4).can_replace(Progress("match", 0.2))
    assert not Progress("match", 0.4).can_replace(AnnotateRequested("000:1"))
    assert not AnnotateRequested("000:1").can_replace(AnnotateRequested("000:2"))


def test_the_app_sources_stay_readable():
    """Issue 16: no file of the app over 600 lines, no `type: ignore`, app.py one sitting."""
    root = Path(__file__).resolve().parents[1]
    for path in [*(root / "tui").glob("*.py"), *(root / "widgets").glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        assert len(text.splitlines()) <= 600, path.name
        assert "type: ignore" not in text, path.name
    assert len((root / "tui" / "app.py").read_text(encoding="utf-8").splitlines()) <= 250


def test_fit_count_shows_at_least_two_panes():
    assert fit_count(80, 3) == 2
    assert fit_count(MIN_COLUMN * 3 + 6, 3) == 3
    assert fit_count(400, 3) == 3
    assert fit_count(60, 2) == 2


def test_word_diff_reads_without_colour():
    diff = word_diff("some 600 troops were killed", "over 600 soldiers were killed")
    assert diff.plain == "[-some-] {+over+} 600 [-troops-] {+soldiers+} were killed"


def test_layout_rows_put_aligned_paragraphs_side_by_side(seeds):
    layout = build_layout(seeds, ["000", "001"], 140, fold=True)
    both = [r for r, row in enumerate(seeds.rows) if row.get("000") is not None and row.get("001") is not None]
    assert both, "the seeds share aligned rows"
    for r in both:
        line = layout.lines[layout.row_lines[r]]
        assert line.cells[0] is not None and line.cells[1] is not None
    # a row is as tall as its tallest cell and every sentence has a place
    assert all(s.id in layout.spans for s in seeds.all_sentences() if s.status not in ("boilerplate", "duplicate"))


# ---------------------------------------------------------------- the app on the seeds
async def test_seeds_show_both_sources_in_aligned_rows():
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(160, 45)) as pilot:
        grid = await ready(pilot)
        text = screen_text(app)
        assert "000" in text and "001" in text
        assert "MOSCOW/PYONGYANG/SEOUL" in text
        assert "A landmark development" in text
        title = str(app.screen.query_one("#title").render())
        assert "2 sources" in title and "shared" in title and "disagreement" in title
        # a screen line holds text of both sources, one per column
        layout = grid.layout_model
        both = [
            y for y, line in enumerate(layout.lines)
            if line.kind == "cells" and all(p is not None and p.kind == "text" for p in line.cells)
        ]
        assert both
        assert layout.col_x[1] >= layout.col_w[0]


async def test_d_lands_on_the_600_and_enter_shows_both_figures():
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("d")
        s = cursor_sentence(app)
        assert "600 North Korean" in s.text
        status = str(app.screen.query_one("#status").render())
        # the ≠ comes right after the id, before the status: 80 columns cut the status, not it,
        # and it says each side's figure short, this sentence's first (a hands-on review: at 80
        # columns the other outlet's figure was cut off)
        other = "001" if s.source == "000" else "000"
        assert status.startswith(f"{s.id} · ≠ Troops killed: ")
        assert f" in {other} (qualifier)" in status[:80] and " here, " in status[:80]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        detail = app.screen.text.plain
        assert "over 600" in detail
        assert "some 600" in detail or "about 600" in detail
        assert "Notes: none yet" in detail
        # the two are worded apart (a quarter of their words in common): no word diff of them
        assert "diff: reworded (under half the words in common" in detail
        on_screen = screen_text(app)
        assert "over 600" in on_screen
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, DetailScreen)


async def on_some_600(app, pilot) -> None:
    """The seeds, as shipped (semantic matching and the transformer on), the cursor on "some 600
    North Korean troops", a sentence with no link, reached by its disagreement."""
    await ready(pilot)
    for _ in range(len(app.comparison.disagreements) * 2 + 2):
        if "some 600" in cursor_sentence(app).text:
            break
        await pilot.press("d")


async def test_an_unlinked_sentence_s_detail_points_at_the_closest_sentence_elsewhere(monkeypatch):
    """As shipped (semantic matching and the transformer on), the seeds' "some 600 North Korean
    troops" has no link: its detail names the other outlet's closest sentence, its "over 600",
    for the reporter to read before calling anything an exclusive."""
    from sidebyside import semantic as S
    from sidebyside import transformer as TX

    monkeypatch.setenv(S.ENV_SWITCH, "1")
    monkeypatch.setenv(TX.ENV_SWITCH, "1")
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(160, 45)) as pilot:
        await on_some_600(app, pilot)
        assert "some 600" in cursor_sentence(app).text and not cursor_sentence(app).links
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        detail = app.screen.text.plain
        assert "no matching sentence" in detail
        closest = detail.split("closest, not linked: ", 1)[1]
        assert "by the transformer" in closest.splitlines()[0]
        assert "over 600 North Korean soldiers" in closest.splitlines()[1]
        assert closest.splitlines()[2].strip().startswith("next closest: 001:")


async def test_the_detail_reads_the_closest_sentences_once_and_again_after_a_correction(monkeypatch):
    """The detail is drawn twice on opening (then in the theme's colours) and again on every
    note change; the transformer reads the closest sentences once, and again only when the
    findings changed (a correction, ours or a colleague's)."""
    from sidebyside import semantic as S
    from sidebyside import transformer as TX
    from sidebyside.model import Correction
    from tui import screens

    monkeypatch.setenv(S.ENV_SWITCH, "1")
    monkeypatch.setenv(TX.ENV_SWITCH, "1")
    calls = []
    real = screens.closest
    monkeypatch.setattr(screens, "closest", lambda c, sid: calls.append(sid) or real(c, sid))
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(160, 45)) as pilot:
        await on_some_600(app, pilot)
        sid = cursor_sentence(app).id
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DetailScreen) and calls == [sid]
        await pilot.press("m")  # a note status: the detail is drawn again, nothing re-read
        await pilot.pause()
        assert calls == [sid] and "closest, not linked: " in screen.text.plain
        other = screen.text.plain.split("closest, not linked: ", 1)[1].split(" ", 1)[0]
        app.comparison.corrections.append(Correction("unlink", sid, other))
        screen.refresh_text()  # as after a colleague's correction
        assert calls == [sid, sid]
        assert f"closest, not linked: {other} " not in screen.text.plain


async def test_overview_strip_shows_findings_and_the_viewport():
    app = SideBySideApp(folder=str(demo_folder()))
    async with app.run_test(size=(120, 36)) as pilot:
        grid = await ready(pilot)
        strip = app.screen.query_one("#overview")
        column = [
            "".join(seg.text for seg in strip.render_line(y)) for y in range(strip.size.height)
        ]
        assert any("≠" in line for line in column)
        assert any("◆" in line for line in column)
        assert "▐" in column[0]  # at the top, the viewport is at the top
        assert "▐" not in column[-1]
        await pilot.press("G")
        await pilot.pause()
        assert grid.scroll_y > 0
        column = [
            "".join(seg.text for seg in strip.render_line(y)) for y in range(strip.size.height)
        ]
        assert "▐" not in column[0]


async def test_d_and_D_cycle_and_wrap():
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(160, 45)) as pilot:
        grid = await ready(pilot)
        sides = {side.sentence for d in app.comparison.disagreements for side in d.sides}
        seen = []
        for _ in range(len(sides) + 1):
            await pilot.press("d")
            seen.append(grid.cursor)
        assert set(seen) <= sides and set(seen) == sides
        assert seen[-1] == seen[0]  # wrapped around
        await pilot.press("D")
        assert grid.cursor == seen[-2]


async def test_u_reaches_a_unique_claim_and_s_a_shared_sentence():
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("u")
        s = cursor_sentence(app)
        assert s.status == "unique" and s.claim
        await pilot.press("s")
        assert cursor_sentence(app).status == "shared"
        await pilot.press("n")
        s = cursor_sentence(app)
        assert (s.status == "unique" and s.claim) or s.id in app.grid.findings


async def test_tab_moves_to_the_linked_sentence_in_the_other_pane():
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(160, 45)) as pilot:
        grid = await ready(pilot)
        # put the cursor on a shared sentence of the first pane
        for _ in range(50):
            await pilot.press("s")
            if cursor_sentence(app).source == "000":
                break
        here = cursor_sentence(app)
        assert here.source == "000" and here.status == "shared"
        await pilot.press("tab")
        there = cursor_sentence(app)
        assert there.source == "001"
        assert there.id in {lk.to for lk in here.links}
        await pilot.press("shift+tab")
        assert cursor_sentence(app).source == "000"
        # j/k stay within the pane, in reading order
        before = grid.cursor
        await pilot.press("j")
        after = cursor_sentence(app)
        assert after.source == "000" and after.index > app.comparison.sentence(before).index
        await pilot.press("k")
        assert grid.cursor == before


async def test_z_folds_and_unfolds_the_footer_of_headlines():
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(160, 45)) as pilot:
        grid = await ready(pilot)
        assert grid.fold
        assert "Britain and Germany" not in grid_text(grid)
        assert "boilerplate folded (z)" in grid_text(grid)
        await pilot.press("slash", *"Britain and Germany", "enter")  # folded: not a landing place
        await pilot.pause()
        assert "Britain and Germany" not in cursor_sentence(app).text
        assert "in folded text" in str(app.screen.query_one("#status").render())
        await pilot.press("escape")  # the search box stays open till esc
        await pilot.press("G")  # end of the pane: the fold notice is on screen
        await pilot.pause()
        assert "boilerplate folded (z)" in viewport_text(grid)
        assert "Britain and Germany" not in viewport_text(grid)
        await pilot.press("z")
        await pilot.pause()
        assert not grid.fold
        assert "Britain and Germany" in grid_text(grid)
        await pilot.press("slash", *"Britain and Germany", "enter")
        await pilot.pause()
        assert "Britain and Germany" in cursor_sentence(app).text
        assert "Britain and Germany" in viewport_text(grid)
        await pilot.press("escape", "z")
        await pilot.pause()
        assert "Britain and Germany" not in grid_text(grid)
        # the cursor never rests on folded text
        assert cursor_sentence(app).status not in ("boilerplate", "duplicate")


async def test_help_lists_every_binding_and_the_palette_has_them():
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        app.screen.query_one("#help-scroll").scroll_end(animate=False)  # the rest, scrolled to
        await pilot.pause()
        text += screen_text(app)
        for key in ("j / ↓", "k / ↑", "tab", "shift+tab", "n", "N", "d", "D", "u", "U", "s", "S", "p", "P",
                    "enter", "z", "/", "v", "?", "q", "a", "m", "o", "O", "A", "e", "ctrl+p",
                    "L", "x", "c", "C", "ctrl+z"):
            assert key in text, key
        for k in app.key_help():
            assert k.help in text, k.help
        # the overview strip is explained (a review read its marks as the right pane's)
        legend = str(app.screen.query_one("#help-legend").render())
        assert "The strip at the right edge" in legend and "not the right pane" in legend
        await pilot.press("escape")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for k in app.key_help():
            assert k.help in titles, k.help


async def test_palette_command_runs_the_binding():
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(160, 45)) as pilot:
        grid = await ready(pilot)
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Next numeric disagreement")
        await command.callback()
        await pilot.pause()
        assert grid.cursor in grid.findings


async def test_palette_searches_and_runs_a_command():
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(160, 45)) as pilot:
        grid = await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.1)
        for query in ("sear", "fold", "note"):  # every title renders in the palette
            await pilot.press(*query)
            await pilot.pause(0.3)
            await pilot.press(*["backspace"] * len(query))
        await pilot.press(*"next uniq")
        await pilot.pause(0.4)
        assert "Next unique claim" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause(0.2)
        s = cursor_sentence(app)
        assert s.status == "unique" and s.claim
        assert grid.has_focus


async def test_search_jumps_and_counts_matches():
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(160, 45)) as pilot:
        grid = await ready(pilot)
        await pilot.press("slash")
        await pilot.press(*"tumen", "enter")
        await pilot.pause()
        first = grid.cursor
        assert "tumen" in cursor_sentence(app).text.lower()
        status = str(app.screen.query_one("#status").render())
        assert "match 1 of" in status
        # The box stays open: the next enter goes to the next match, as its placeholder says
        # (it used to close, so a second enter opened the detail instead).
        assert app.screen.query_one("#search").display and app.screen.query_one("#search").has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert grid.cursor != first
        assert "tumen" in cursor_sentence(app).text.lower()
        assert "match 2 of" in str(app.screen.query_one("#status").render())
        # esc closes the box and the search: nothing lingers in the status line
        await pilot.press("escape")
        await pilot.pause()
        assert grid.has_focus and not app.screen.query_one("#search").display
        assert "tumen" not in str(app.screen.query_one("#status").render())
        assert grid.query_text == ""


async def test_small_terminal_still_works():
    app = SideBySideApp(folder=str(demo_folder()))
    async with app.run_test(size=(80, 24)) as pilot:
        grid = await ready(pilot)
        assert len(grid.layout_model.sources) == 2
        assert app.screen.query_one("#headers").size.height == 1
        assert grid.size.height >= 15
        await pilot.press("d")
        assert grid.cursor in grid.findings
        span = grid.layout_model.spans[grid.cursor]
        assert grid.scroll_y <= span[1] < grid.scroll_y + grid.size.height
        assert "Sources" in screen_text(app) or "v" in screen_text(app)


async def test_resizing_relays_the_panes_out():
    app = SideBySideApp(folder=str(demo_folder()))
    async with app.run_test(size=(160, 45)) as pilot:
        grid = await ready(pilot)
        assert len(grid.layout_model.sources) == 3
        await pilot.press("d")
        here = grid.cursor
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert grid.layout_model.width <= 80
        assert len(grid.layout_model.sources) == 2
        assert "2 shown" in str(app.screen.query_one("#title").render())
        if app.comparison.sentence(here).source in grid.layout_model.sources:
            assert grid.cursor == here


async def test_no_color_renders(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        assert app.no_color
        await pilot.press("d")
        svg = app.export_screenshot()
        assert "≠" in svg and "600" in svg
        # No colour at all reaches the terminal (Textual's own NO_COLOR mode sends greys):
        # only the default colours, with bold, reverse and underline marking the findings.
        colours, attrs = set(), set()
        for strip in app.screen._compositor.render_strips():
            for seg in strip:
                if seg.style is None:
                    continue
                for c in (seg.style.color, seg.style.bgcolor):
                    if c is not None and not c.is_default:
                        colours.add(c.name)
                attrs |= {a for a in ("bold", "reverse", "underline") if getattr(seg.style, a)}
        assert not colours, colours
        assert {"bold", "reverse"} <= attrs


async def test_source_picker_shows_and_hides_panes():
    app = SideBySideApp(folder=str(demo_folder()))
    async with app.run_test(size=(120, 36)) as pilot:
        grid = await ready(pilot)
        assert len(grid.layout_model.sources) == 2  # a third does not fit at 120 columns
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, SourcePicker)
        picker = app.screen.query_one("SelectionList")
        third = app.comparison.sources[2].id
        picker.select(third)
        await pilot.press("enter")
        await pilot.pause()
        assert grid.layout_model.sources == [s.id for s in app.comparison.sources]
        await pilot.press("v")
        await pilot.pause()
        picker = app.screen.query_one("SelectionList")
        picker.deselect_all()
        await pilot.press("enter")  # fewer than two: refused, picker stays
        await pilot.pause()
        assert isinstance(app.screen, SourcePicker)
        await pilot.press("escape")
        await pilot.pause()
        assert len(grid.layout_model.sources) == 3


async def test_first_paint_comes_before_the_comparison(monkeypatch):
    gate = threading.Event()
    real = app_module.compare_folder

    def slow(*args, **kwargs):
        kwargs["progress"]("match", 0.4)
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(app_module, "compare_folder", slow)
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.01)
            if "Matching sentences" in screen_text(app):
                break
        text = screen_text(app)
        assert "Matching sentences" in text
        assert "40%" in text
        assert not app.screen.query(AlignedGrid)
        gate.set()
        await ready(pilot)
        assert not app.screen.query("#loading")


async def test_recursive_folder_and_cache_choice_reach_the_engine(tmp_path, monkeypatch):
    """`sidebyside FOLDER --recursive --no-cache` in the app: files in subfolders are compared,
    and nothing is read from or written to the comparison cache."""
    from sidebyside import cache, engine

    monkeypatch.delenv(engine.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "coverage"
    for i, name in enumerate(sorted(p.name for p in demo_folder().iterdir() if p.is_file())):
        where = folder / (f"day{i}" if i else "")
        where.mkdir(parents=True, exist_ok=True)
        (where / name).write_bytes((demo_folder() / name).read_bytes())
    app = SideBySideApp(folder=str(folder), recursive=True, use_cache=False)
    async with app.run_test(size=(160, 45)) as pilot:
        grid = await ready(pilot)
        assert len(grid.layout_model.sources) == 3
    assert not cache.cache_dir().exists() or not any(cache.cache_dir().iterdir())
    app = SideBySideApp(folder=str(folder), recursive=True)  # the default: cached
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
    assert any(cache.cache_dir().iterdir())


async def test_engine_error_exits_with_code_2(monkeypatch):
    def broken(*args, **kwargs):
        raise InputError("need at least two readable documents")

    monkeypatch.setattr(app_module, "compare_folder", broken)
    app = SideBySideApp(folder=str(SEEDS))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.01)
            if app.return_code is not None:
                break
    assert app.return_code == 2


# ---------------------------------------------------------------- snapshot
def test_snapshot_main_view_on_the_demo(snap_compare):
    async def run_before(pilot):
        await ready(pilot)

    assert snap_compare(
        SideBySideApp(folder=str(demo_folder())), terminal_size=(120, 36), run_before=run_before
    )



async def test_j_and_k_move_in_the_source_picker():
    """The picker moves as the panes do (a review found j did nothing, so space ticked the first
    source)."""
    app = SideBySideApp(folder=str(demo_folder()))
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("v")
        await pilot.pause()
        picker = app.screen.query_one("SelectionList")
        first = picker.highlighted
        await pilot.press("j")
        assert picker.highlighted == first + 1
        await pilot.press("space")
        assert app.comparison.sources[first + 1].id not in picker.selected  # it was shown: off
        await pilot.press("k")
        assert picker.highlighted == first


async def test_z_says_when_there_is_nothing_to_fold(tmp_path):
    for name, body in (("a.txt", "Council backs the bridge\n\nThe council voted on Tuesday to "
                                 "build a bridge over the river.\n"),
                       ("b.txt", "Bridge approved\n\nCouncillors approved a new bridge over the "
                                 "river on Tuesday.\n")):
        (tmp_path / name).write_text(body, encoding="utf-8")
    app = SideBySideApp(folder=str(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        grid = await ready(pilot)
        fold = grid.fold
        await pilot.press("z")
        await pilot.pause()
        assert grid.fold == fold
        assert any("Nothing to fold" in str(n.message) for n in app._notifications)


def test_the_detail_names_the_sentence_s_place_before_its_article_s_headline():
    from sidebyside.engine import compare_folder
    from widgets.detail import detail_text

    c = compare_folder(SEEDS, use_cache=False)
    s = next(x for x in c.all_sentences() if x.paragraph > 0 and x.source == "001")
    head = detail_text(c, s.id).plain.splitlines()[0]
    src = c.source("001")
    assert head == f"{s.id}  {src.file}, paragraph {s.paragraph + 1} · in the article “{src.title}”"


async def test_d_says_when_the_only_disagreements_are_in_hidden_sources(tmp_path):
    """Two panes fit; the ≠ is between the third and fourth sources: d says where it is and how
    to show it (a review read "No numeric disagreements" as none at all)."""
    texts = {
        "a.txt": "Bridge works begin\n\nWork began on the new bridge over the river on Monday.\n",
        "b.txt": "Bridge building starts\n\nBuilders started the new river bridge on Monday.\n",
        "c.txt": "Bridge works begin\n\nThe council said 600 workers would build the bridge.\n",
        "d.txt": "Bridge building starts\n\nThe council said 700 workers would build the bridge.\n",
    }
    for name, body in texts.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    app = SideBySideApp(folder=str(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        grid = await ready(pilot)
        assert app.comparison.disagreements
        assert set(grid.layout_model.sources) == {"a", "b"}
        await pilot.press("d")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert any("No numeric disagreements in the sources on show; 2 in hidden sources" in m
                   for m in said), said


async def test_messages_sit_above_the_status_line_and_a_new_one_replaces_the_last():
    """At 80x24 quick keys used to stack toasts over the panes and the status line: a plain
    message now replaces the plain one still shown, warnings stay, and no toast covers the
    status line or the footer."""
    from textual.widgets._toast import Toast

    app = SideBySideApp(folder=str(demo_folder()))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("z")
        await pilot.pause()
        app.notify("A warning to keep", severity="warning", timeout=30)
        await pilot.press("z")
        await pilot.press("d")
        await pilot.pause()
        await pilot.pause()
        shown = list(app._notifications)
        plain = [n for n in shown if n.severity == "information" and not n.title]
        assert len(plain) == 1, [n.message for n in shown]
        assert any(n.message == "A warning to keep" for n in shown)
        status = app.screen.query_one("#status")
        for _ in range(50):  # toasts are mounted a frame or two after the message
            toasts = [t for t in app.screen.query(Toast) if t.region.height]
            if len(toasts) == len(shown):
                break
            await pilot.pause(0.02)
        assert len(toasts) == len(shown)
        for toast in toasts:
            assert toast.region.bottom <= status.region.y, (toast.region, status.region)
        assert "A warning to keep" in screen_text(app)
        assert min(t.region.height for t in toasts) == 1  # a short message takes one row


def test_the_status_line_s_short_figures_keep_percent_and_tell_units_apart():
    """A review: 'About 45% here' lost its %, and 'about 50 miles' / 'about 50 km' both read
    'about 50' (a unit disagreement made invisible)."""
    from sidebyside.model import Disagreement, Side
    from tui.status import short_summary

    pct = Disagreement("value", "voters", [Side("a:1", "a", "About 45% of voters", 45, "about"),
                                           Side("b:1", "b", "38% of voters", 38, None)])
    assert short_summary(pct, "a:1") == "Voters: About 45% here, 38% in b (value)"
    unit = Disagreement("unit", "distance", [Side("a:1", "a", "about 50 miles", 50, "about", "mile"),
                                             Side("b:1", "b", "about 50 km", 50, "about", "km")])
    assert short_summary(unit, "a:1") == "Distance: about 50 miles here, about 50 km in b (unit)"
