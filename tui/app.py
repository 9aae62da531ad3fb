"""The sidebyside terminal app: the comparison of a folder, every source a pane, side by side.

The engine runs in a thread worker while a progress bar shows its stage, so the first screen
paints at once; then the aligned grid, pane headers, overview strip and status line appear.
The same worker opens the note store (`--notes FILE`, else one per folder in the user data dir)
and anchors its notes; every note change is saved at once (tui/notes.py) and redrawn.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path

from rich.text import Text
from textual import events, on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label, ProgressBar, Static
from textual.worker import Worker, WorkerState, get_current_worker

from sidebyside.annotations import DEFAULT_STATUS
from sidebyside.engine import compare_folder, demo_folder
from sidebyside.load import DEFAULT_MAX_BYTES, InputError
from sidebyside.match import MIN_SCORE
from sidebyside.model import SHARED, Comparison
from sidebyside.safe import visible
from widgets.detail import status_line
from widgets.footer import KeyFooter
from widgets.grid import AlignedGrid
from widgets.layout import fit_count
from widgets.panes import OverviewStrip, PaneHeaders

from .bindings import KeyHelp, describe
from .keyhold import KeyHold
from .messages import AnnotateRequested, CycleStatusRequested
from .notes import Change, NoteError, NoteKeeper
from .screens import (
    DetailScreen,
    ExportDialog,
    FilesScreen,
    HelpScreen,
    NoteDialog,
    NoteResult,
    NotesScreen,
    SourcePicker,
)
from .search import SearchInput, SearchMixin

STAGE_NAMES = {
    "load": "Reading the documents",
    "segment": "Splitting sentences",
    "clean": "Flagging boilerplate and repeats",
    "match": "Matching sentences across sources",
    "align": "Aligning paragraphs",
    "findings": "Reading numbers and finding disagreements",
    "done": "Drawing",
}


EXPORT_TOAST = 24 * 3600.0  # seconds: the written path stays on screen until dismissed


def free_name(path: Path) -> Path:
    """`path`, or `name-2.md`, `name-3.md`... : the first that does not exist yet."""
    n = 2
    candidate = path
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


class Cancelled(Exception):
    """The comparison was abandoned (the app is quitting)."""


class SideBySideApp(SearchMixin, KeyHold, App[int]):
    """sidebyside FOLDER: see what every source says, what only one claims, where numbers differ."""

    CSS_PATH = "app.tcss"
    TITLE = "sidebyside"

    BINDINGS = [
        Binding("slash", "search", "Search", tooltip="Search all sources; enter jumps to the next match"),
        Binding("v", "pick_sources", "Sources", tooltip="Pick which sources show as panes"),
        Binding("question_mark", "help", "Help", tooltip="Every key, and what the markers mean"),
        Binding("q", "quit", "Quit", tooltip="Quit"),
        Binding("A", "notes", "All notes", show=False,
                tooltip="Every note, orphaned ones too (enter goes to its sentence)"),
        Binding("e", "export", "Export", tooltip="Export findings and notes: Markdown, HTML or JSON"),
        Binding("i", "files", "Files", show=False,
                tooltip="Which files were compared, which were skipped and why"),
        Binding("escape", "dismiss_messages", "Dismiss messages", show=False,
                tooltip="Dismiss the messages in the corner (an export's path stays till then)"),
    ]

    class Progress(Message):
        def __init__(self, stage: str, fraction: float) -> None:
            super().__init__()
            self.stage = stage
            self.fraction = fraction

    NOTES_POLL = 2.0  # seconds between looks at the note store for another instance's changes

    def __init__(
        self,
        folder: str,
        max_bytes: int = DEFAULT_MAX_BYTES,
        min_score: float = MIN_SCORE,
        notes: str | None = None,
        recursive: bool = False,
        use_cache: bool = True,
    ) -> None:
        super().__init__()
        self.folder = folder
        self.max_bytes = max_bytes
        self.min_score = min_score
        self.recursive = recursive
        self.use_cache = use_cache
        self.notes = notes
        self.keeper = NoteKeeper(folder, notes)
        self.drafts: dict[str, tuple[str, str]] = {}  # sentence id -> text and status not saved
        self.comparison: Comparison | None = None
        self.error: str | None = None
        self.last_query = ""
        self.closing = False  # q was pressed: the app is on its way out

    # ------------------------------------------------------------------ start
    def compose(self) -> ComposeResult:
        yield Static(Text(visible(self._title_text())), id="title")
        with Vertical(id="loading"):
            yield Label(Text(visible(f"Comparing the documents in {self._folder_label()[1]} …")),
                        id="loading-what")
            yield Label("Starting", id="stage")
            yield ProgressBar(total=100, show_eta=False, id="progress")
        yield KeyFooter()

    def on_mount(self) -> None:
        # Paint the loading screen first, then start the engine. Keys typed meanwhile are held
        # and delivered once the comparison shows (tui/keyhold.py).
        self.hold()
        self.set_class(self.size.width < 80 or self.size.height < 24, "-small")
        self.call_after_refresh(self._start)

    async def on_event(self, event: events.Event) -> None:
        if self.should_hold(event):
            if not (self.comparison is None and isinstance(event, events.Key)
                    and event.key == "q" and not self._held):
                self._held.append(event)
                return
        await super().on_event(event)

    def push_screen(self, screen, *args, **kwargs):
        """Every dialog of ours calls `release` once its input has focus: hold keys till then.
        Once quitting, no dialog opens (`q` then `e` crashed on a half-built export dialog)."""
        if self.closing:
            return None
        if getattr(screen, "RELEASES_KEYS", False):
            self.hold()
        return super().push_screen(screen, *args, **kwargs)

    def on_unmount(self) -> None:
        gc.unfreeze()  # see show_comparison: what was frozen is ordinary garbage again

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

        comparison = compare_folder(
            self.folder, progress=progress, max_bytes=self.max_bytes, min_score=self.min_score,
            recursive=self.recursive, use_cache=self.use_cache,
        )
        if worker.is_cancelled:
            raise Cancelled("notes")
        self.keeper.open(comparison)  # load, move a corrupt store aside, anchor the notes
        return comparison

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
        grid.note_marks = self.keeper.marks()
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
        await self.mount(main, before=self.query_one(KeyFooter))
        await loading.remove()
        self.watch(grid, "scroll_y", lambda *_: overview.refresh(), init=False)
        self._compact()
        self._refresh_title()
        grid.focus()
        self.refresh_bindings()
        self._report_store()
        self.set_interval(self.NOTES_POLL, self._poll_notes, name="notes")
        self.release()  # keys typed while loading, now that there is somewhere for them to go
        # The comparison's objects (hundreds of thousands on a big folder) live as long as the
        # app: out of the cyclic collector's sight, its full passes stop pausing the UI.
        gc.freeze()

    def _report_store(self) -> None:
        """Say what happened opening the notes: a store moved aside, errors, orphaned notes."""
        k = self.keeper
        for message in k.messages:
            self.notify(message, title="Notes", severity="warning", timeout=12)
        k.messages.clear()
        for error in k.errors:
            self.notify(error, title="Notes", severity="error", timeout=12)
        if k.orphaned:
            n = len(k.orphaned)
            self.notify(
                f"{n} note{'s' if n != 1 else ''} lost {'their' if n != 1 else 'its'} sentence "
                "(the text changed or is gone); kept as orphaned: A lists them",
                title="Notes",
                severity="warning",
                timeout=8,
            )

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
            counts += f" · {len(c.skipped)} skipped (i lists)"
        if c.semantic:
            counts += " · meaning-aware matching"
        short = f"{len(c.sources)} src{shown} · {shared} shared · ◆ {unique} unique · ≠ {dis}"
        if c.skipped:
            short += f" · {len(c.skipped)} skipped"
        long_notes, short_notes = self._notes_summary(False), self._notes_summary(True)
        candidates = [
            f"sidebyside · {where} · {counts}{long_notes}",
            f"sidebyside · {name} · {counts}{long_notes}",
            f"sidebyside · {name} · {short}{long_notes}",
            f"sidebyside · {name} · {short}{short_notes}",
            f"{name} · {short}{short_notes}",
            f"{name} · {short.replace(shown, '')}{short_notes}",
        ]
        room = width - 2  # the title's padding
        return next((t for t in candidates if len(t) <= room), candidates[-1])

    def _refresh_title(self) -> None:
        if self.query("#title"):  # gone while the app exits
            self.query_one("#title", Static).update(Text(visible(self._title_text())))

    def _notes_summary(self, short: bool) -> str:
        k = self.keeper
        n, orphaned = k.count, len(k.orphaned)
        if not n:
            return ""
        if short:
            return f" · ✎ {n}" + (f" ({orphaned} orphaned: A)" if orphaned else "")
        text = f" · ✎ {n} note{'s' if n != 1 else ''}"
        if orphaned:
            text += f" ({orphaned} orphaned: A lists)"
        return text

    def _compact(self) -> None:
        if not self.query("#headers"):
            return
        compact = self.size.height < 30 or self.size.width < 100
        self.query_one(PaneHeaders).set_compact(compact)

    def on_resize(self) -> None:
        self.set_class(self.size.width < 80 or self.size.height < 24, "-small")
        self._compact()
        self._refresh_title()

    @on(AlignedGrid.LayoutChanged)
    def _layout_changed(self) -> None:
        self._refresh_title()
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
        parts = [sid]
        notes = self.keeper.notes_on(sid)
        if notes:
            first = notes[0]
            said = f"✎ {first.status}" + (f": “{first.note}”" if first.note else "")
            if len(notes) > 1:
                said += f" (+{len(notes) - 1} more: enter)"
            parts.append(said)
        if sid in self.drafts:
            parts.append("✎ unsaved draft (a)")
        parts.append(status_line(c, s))
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
        self.query_one("#status", Static).update(Text(visible(" · ".join(parts))))

    def _poll_notes(self) -> None:
        """Notes a colleague's instance saved to the same store show up without a save of ours
        (not while a dialog is open: what it edits stays as it was)."""
        if len(self.screen_stack) > 1 or not self.query(AlignedGrid):
            return
        if self.keeper.refresh():
            self._notes_changed()
            self.notify("Notes updated from another window", title="Notes", timeout=4)

    def _notes_changed(self) -> None:
        """After every note change: markers, title, status line and open details redraw; what
        the store said while saving (a backup kept aside...) is shown."""
        for message in self.keeper.messages:
            self.notify(message, title="Notes", severity="warning", timeout=12)
        self.keeper.messages.clear()
        self.keeper.reanchor()
        if self.query(AlignedGrid):
            self.grid.set_notes(self.keeper.marks())
        self._refresh_title()
        self._update_status()
        for screen in self.screen_stack:
            if isinstance(screen, DetailScreen):
                screen.refresh_text()

    @on(AlignedGrid.OpenDetail)
    def _open_detail(self, message: AlignedGrid.OpenDetail) -> None:
        if self.comparison is not None:
            self.push_screen(DetailScreen(self.comparison, message.sentence))

    # ------------------------------------------------------------------ actions
    NEEDS_COMPARISON = ("search", "pick_sources", "annotate", "cycle_status", "notes", "export",
                        "files")

    async def action_quit(self) -> None:
        self.closing = True
        await super().action_quit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.closing and action != "quit":
            return False  # nothing starts while the app is closing
        if action in self.NEEDS_COMPARISON and self.comparison is None:
            return False
        screen = self.screen
        if isinstance(screen, (NoteDialog, ExportDialog)) and action == "quit":
            return False  # q in a dialog never throws away what is being typed
        if action in self.NEEDS_COMPARISON and len(self.screen_stack) > 1:
            return False  # only from the main view (the detail view has its own a and m)
        return True

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every message is plain text with control characters shown: they carry document
        text, notes and file names, which may hold square brackets or escape sequences."""
        super().notify(visible(message), title=visible(title), severity=severity,
                       timeout=timeout, markup=False)

    def action_files(self) -> None:
        if self.comparison is not None:
            self.push_screen(FilesScreen(self.comparison))

    def action_dismiss_messages(self) -> None:
        self.clear_notifications()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_help()))

    # ------------------------------------------------------------------ notes
    def action_annotate(self) -> None:
        if self.comparison is not None and self.query(AlignedGrid) and self.grid.cursor:
            self.annotate(self.grid.cursor)

    def annotate(self, sid: str) -> None:
        """Open the note dialog on sentence `sid` (a draft a failed save left comes back)."""
        if self.comparison is None:
            return
        note = self.keeper.note_on(sid)
        if sid in self.drafts:
            text, status = self.drafts[sid]
        elif note is not None:
            text, status = note.note, note.status
        else:
            text, status = "", DEFAULT_STATUS

        def save(text: str, status: str) -> Change:
            return self.keeper.save(sid, text, status)

        def done(result: NoteResult | None) -> None:
            if result is None:
                return
            if result.saved:
                self.drafts.pop(sid, None)
                change = result.change
                if change is not None:
                    severity = "warning" if change.kind == "nothing" else "information"
                    self.notify(f"{sid}: {change.message}", severity=severity, timeout=3)
                self._notes_changed()
            elif result.failed:
                self.drafts[sid] = (result.text, result.status)
                self.notify(
                    f"{sid}: the note is NOT saved; its text is kept as a draft (a brings it back)",
                    severity="warning",
                    timeout=10,
                )
                self._update_status()

        self.push_screen(
            NoteDialog(self.comparison, sid, text, status, save, existing=note is not None), done
        )

    @on(AnnotateRequested)
    def _annotate_requested(self, message: AnnotateRequested) -> None:
        self.annotate(message.sentence)

    @on(CycleStatusRequested)
    def _cycle_requested(self, message: CycleStatusRequested) -> None:
        self.cycle_status(message.sentence)

    def action_cycle_status(self) -> None:
        if self.comparison is not None and self.query(AlignedGrid) and self.grid.cursor:
            self.cycle_status(self.grid.cursor)

    def cycle_status(self, sid: str) -> None:
        try:
            change = self.keeper.cycle(sid)
        except NoteError as exc:
            self.notify(f"Status NOT saved: {exc}", severity="error", timeout=10)
            return
        self.notify(f"{sid}: {change.message}", timeout=2)
        self._notes_changed()

    def action_notes(self) -> None:
        if self.comparison is None:
            return

        def remove(note_id: str) -> Change:
            change = self.keeper.remove(note_id)
            self._notes_changed()
            return change

        def go(sid: str | None) -> None:
            if sid and self.query(AlignedGrid):
                if not self.grid.reveal(sid):
                    self._say(f"{sid} cannot be shown")
                self.grid.focus()

        self.push_screen(NotesScreen(self.keeper, remove), go)

    def action_export(self) -> None:
        if self.comparison is None:
            return
        from sidebyside.export import write_export

        comparison = self.comparison
        # Beside the notes file when the user chose one (--notes), else in the working
        # directory; never over a file already there (the dialog asks before replacing one).
        where = Path(self.notes).expanduser().resolve().parent if self.notes else Path.cwd()
        default = free_name(where / f"{self._folder_label()[0]}-comparison.md")
        self.keeper.reanchor()  # the export carries the notes as they are now

        def write(fmt: str, path: Path) -> Path:  # in a thread; notes cannot change meanwhile
            return Path(write_export(comparison, fmt, path))

        def done(path: Path | None) -> None:
            if path is not None:  # stays until dismissed (esc), with the full path
                self.notify(f"wrote {path} (esc dismisses)", title="Export", timeout=EXPORT_TOAST)

        self.push_screen(ExportDialog(default, write), done)

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
