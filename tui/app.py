"""The sidebyside terminal app: the comparison of a folder, every source a pane, side by side.

The engine runs in a thread worker while a progress bar shows its stage, so the first screen
paints at once; then the aligned grid, pane headers, overview strip and status line appear.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from sidebyside.engine import compare_folder, demo_folder
from sidebyside.load import DEFAULT_MAX_BYTES, InputError
from sidebyside.match import MIN_SCORE
from sidebyside.model import SHARED, Comparison
from widgets.detail import status_line
from widgets.grid import AlignedGrid
from widgets.layout import fit_count
from widgets.panes import OverviewStrip, PaneHeaders

from .bindings import LATER, KeyHelp, describe
from .screens import DetailScreen, HelpScreen, SourcePicker

STAGE_NAMES = {
    "load": "Reading the documents",
    "segment": "Splitting sentences",
    "clean": "Flagging boilerplate and repeats",
    "match": "Matching sentences across sources",
    "align": "Aligning paragraphs",
    "findings": "Reading numbers and finding disagreements",
    "done": "Drawing",
}


class Cancelled(Exception):
    """The comparison was abandoned (the app is quitting)."""


class SearchInput(Input):
    BINDINGS = [Binding("escape", "cancel", "Cancel search", show=False)]

    class Cancelled(Message):
        pass

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())


class SideBySideApp(App[int]):
    """sidebyside FOLDER: see what every source says, what only one claims, where numbers differ."""

    CSS_PATH = "app.tcss"
    TITLE = "sidebyside"

    BINDINGS = [
        Binding("slash", "search", "Search", tooltip="Search all sources; enter jumps to the next match"),
        Binding("v", "pick_sources", "Sources", tooltip="Pick which sources show as panes"),
        Binding("question_mark", "help", "Help", tooltip="Every key, and what the markers mean"),
        Binding("q", "quit", "Quit", tooltip="Quit"),
        Binding("a", "later('annotate')", "Annotate", show=False,
                tooltip="Annotate the sentence (later version)"),
        Binding("m", "later('note status')", "Note status", show=False,
                tooltip="Cycle the note status (later version)"),
        Binding("o", "later('next annotated')", "Next annotated", show=False,
                tooltip="Next annotated sentence (later version)"),
        Binding("O", "later('previous annotated')", "Prev annotated", show=False,
                tooltip="Previous annotated sentence (later version)"),
        Binding("e", "later('export')", "Export", show=False,
                tooltip="Export findings and notes (later version; use --report)"),
    ]

    class Progress(Message):
        def __init__(self, stage: str, fraction: float) -> None:
            super().__init__()
            self.stage = stage
            self.fraction = fraction

    def __init__(
        self,
        folder: str,
        max_bytes: int = DEFAULT_MAX_BYTES,
        min_score: float = MIN_SCORE,
        notes: str | None = None,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.max_bytes = max_bytes
        self.min_score = min_score
        self.notes = notes
        self.comparison: Comparison | None = None
        self.error: str | None = None
        self.last_query = ""

    # ------------------------------------------------------------------ start
    def compose(self) -> ComposeResult:
        yield Static(self._title_text(), id="title")
        with Vertical(id="loading"):
            yield Label(f"Comparing the documents in {self._folder_label()[1]} …", id="loading-what")
            yield Label("Starting", id="stage")
            yield ProgressBar(total=100, show_eta=False, id="progress")
        yield Footer()

    def on_mount(self) -> None:
        # Paint the loading screen first, then start the engine.
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        self.run_worker(
            self._compare, thread=True, exclusive=True, exit_on_error=False, name="compare",
            group="engine", description=f"compare {self.folder}",
        )

    def _compare(self) -> Comparison:
        worker = get_current_worker()

        def progress(stage: str, fraction: float) -> None:
            if worker.is_cancelled:  # quitting while the engine works: stop at the next stage
                raise Cancelled(stage)
            self.post_message(self.Progress(stage, fraction))

        return compare_folder(
            self.folder, progress=progress, max_bytes=self.max_bytes, min_score=self.min_score
        )

    @on(Progress)
    def _on_progress(self, message: Progress) -> None:
        if not self.query("#stage"):
            return
        self.query_one("#stage", Label).update(STAGE_NAMES.get(message.stage, message.stage))
        self.query_one("#progress", ProgressBar).update(progress=round(message.fraction * 100))

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "compare":
            return
        if event.state == WorkerState.SUCCESS:
            await self.show_comparison(event.worker.result)
        elif event.state == WorkerState.ERROR and not isinstance(event.worker.error, Cancelled):
            err = event.worker.error
            self.error = str(err)
            code = 2 if isinstance(err, InputError) else 1
            self.exit(return_code=code, message=f"sidebyside: error: {err}")

    async def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        grid = AlignedGrid(comparison, id="grid")
        grid.notify_hook = self._say
        headers = PaneHeaders(comparison, grid, id="headers")
        overview = OverviewStrip(grid, id="overview")
        search = SearchInput(placeholder="search all sources (enter: next match, esc: cancel)",
                             id="search")
        main = Vertical(
            headers,
            Horizontal(grid, overview, id="body"),
            Static("", id="status"),
            search,
            id="main",
        )
        loading = self.query("#loading")
        await self.mount(main, before=self.query_one(Footer))
        await loading.remove()
        self.watch(grid, "scroll_y", lambda *_: overview.refresh(), init=False)
        self._compact()
        self.query_one("#title", Static).update(self._title_text())
        grid.focus()
        self.refresh_bindings()

    # ------------------------------------------------------------------ pieces
    @property
    def grid(self) -> AlignedGrid:
        return self.query_one(AlignedGrid)

    def _say(self, message: str) -> None:
        self.notify(message, timeout=2)

    def _folder_label(self) -> tuple[str, str]:
        """(short, long) names of the folder; the bundled demo is named as such."""
        try:
            if Path(self.folder).resolve() == demo_folder().resolve():
                return "demo", "the bundled demo"
        except OSError:
            pass
        return Path(self.folder).name or self.folder, str(self.folder)

    def _title_text(self) -> str:
        name, where = self._folder_label()
        c = self.comparison
        if c is None:
            return f"sidebyside · {name} · comparing…"
        shared = sum(1 for s in c.all_sentences() if s.status == SHARED)
        unique = len(c.unique_claims())
        dis = len(c.disagreements)
        width = self.size.width or 80
        shown = ""
        if self.query(AlignedGrid) and self.grid.layout_model is not None:
            n = len(self.grid.layout_model.sources)
            if n < len(c.sources):
                shown = f" ({n} shown, v picks)"
        s_ = "s" if unique != 1 else ""
        d_ = "s" if dis != 1 else ""
        counts = (
            f"{len(c.sources)} sources{shown} · {shared} shared · ◆ {unique} unique claim{s_}"
            f" · ≠ {dis} disagreement{d_}"
        )
        if c.skipped:
            counts += f" · {len(c.skipped)} skipped"
        if len(counts) + len(name) + 16 > width:
            counts = f"{len(c.sources)} src{shown} · {shared} shared · ◆ {unique} unique · ≠ {dis}"
        if len(where) + len(counts) + 16 > width:
            where = name
        return f"sidebyside · {where} · {counts}"

    def _compact(self) -> None:
        if not self.query("#headers"):
            return
        compact = self.size.height < 30 or self.size.width < 100
        self.query_one(PaneHeaders).set_compact(compact)

    def on_resize(self) -> None:
        self._compact()
        if self.query("#title"):
            self.query_one("#title", Static).update(self._title_text())

    @on(AlignedGrid.LayoutChanged)
    def _layout_changed(self) -> None:
        self.query_one("#title", Static).update(self._title_text())
        if self.query("#headers"):
            self.query_one(PaneHeaders).refresh()
            self.query_one(OverviewStrip).invalidate()

    @on(AlignedGrid.CursorMoved)
    def _cursor_moved(self, message: AlignedGrid.CursorMoved) -> None:
        self._update_status()

    def _update_status(self) -> None:
        if self.comparison is None or not self.query("#status"):
            return
        grid = self.grid
        sid = grid.cursor
        if sid is None:
            self.query_one("#status", Static).update("")
            return
        c = self.comparison
        s = c.sentence(sid)
        parts = [sid, status_line(c, s)]
        for d in c.disagreements:
            if any(side.sentence == sid for side in d.sides):
                parts.append("≠ " + d.summary())
                break
        if grid.query_text:
            i, n = grid.search_position()
            if i:
                found = f"match {i} of {n} for “{grid.query_text}”"
            else:
                found = f"{n} match{'es' if n != 1 else ''} for “{grid.query_text}”"
            hidden = grid.hidden_matches()
            if hidden:
                found += f" (+{hidden} in folded text or hidden sources: z, v)"
            parts.append(found)
        self.query_one("#status", Static).update(" · ".join(parts))

    @on(AlignedGrid.OpenDetail)
    def _open_detail(self, message: AlignedGrid.OpenDetail) -> None:
        if self.comparison is not None:
            self.push_screen(DetailScreen(self.comparison, message.sentence))

    # ------------------------------------------------------------------ actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("search", "pick_sources") and self.comparison is None:
            return False
        return True

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_help()))

    def action_later(self, what: str) -> None:
        self.notify(LATER.get(what, "Arrives in a later version"), timeout=3)

    def action_pick_sources(self) -> None:
        if self.comparison is None:
            return
        grid = self.grid
        shown = grid.layout_model.sources if grid.layout_model else grid.shown_sources()
        fit = fit_count(grid.scrollable_content_region.width or self.size.width,
                        len(self.comparison.sources))

        def chosen(result: list[str] | None) -> None:
            if result:
                grid.set_sources(result)
                if len(result) > fit:
                    self._say(f"{len(result)} panes are narrow at this width; {fit} fit well")
                grid.focus()

        self.push_screen(SourcePicker(self.comparison, shown, fit), chosen)

    def action_search(self) -> None:
        if self.comparison is None:
            return
        search = self.query_one(SearchInput)
        search.value = self.last_query
        search.display = True
        search.focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        search = self.query_one(SearchInput)
        search.display = False
        grid = self.grid
        grid.focus()
        query = event.value.strip()
        self.last_query = query
        grid.set_query(query)
        if not query:
            self._update_status()
            return
        target, wrapped = grid.find_next("search", 1)
        if target is None:
            hidden = grid.hidden_matches()
            where = f"; {hidden} in folded text or hidden sources (z, v)" if hidden else ""
            self._say(f"No match for “{query}” in the text on show{where}")
            self._update_status()
            return
        if wrapped:
            self._say("Wrapped to the top")
        grid.set_cursor(target)
        i, n = grid.search_position()
        self._update_status()
        self._say(f"match {i} of {n}")

    @on(SearchInput.Cancelled)
    def _search_cancelled(self) -> None:
        search = self.query_one(SearchInput)
        search.display = False
        self.grid.focus()

    # ------------------------------------------------------------------ help and palette
    def key_help(self) -> list[KeyHelp]:
        return describe(AlignedGrid.BINDINGS, "grid") + describe(self.BINDINGS, "app")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for k in self.key_help():
            if k.target == "grid" and self.comparison is None:
                continue
            # no square brackets: the palette reads titles as markup
            yield SystemCommand(k.help, f"key {k.keys}", self._command(k))

    def _command(self, k: KeyHelp):
        async def run() -> None:
            if k.target == "grid":
                if self.query(AlignedGrid):
                    await self.run_action(k.action, self.grid)
            else:
                await self.run_action(k.action)

        return run
