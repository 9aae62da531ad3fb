"""The comparison on screen: title, pane headers, the aligned grid with its overview strip, the
status line and the search box; and what starts from here (notes, export, sources, files).

The grid tells this screen what changed by messages (its layout, the cursor); the screen pushes
the layout down to the headers and the strip, and rewrites the title and the status line.
Every note change is saved at once by the keeper (tui/notes.py) and then redrawn.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from sidebyside.annotations import DEFAULT_STATUS
from sidebyside.model import Comparison
from sidebyside.safe import visible
from widgets.footer import KeyFooter
from widgets.grid import AlignedGrid
from widgets.layout import fit_count
from widgets.panes import OverviewStrip, PaneHeaders

from .correcting import BINDINGS as CORRECTING_KEYS
from .correcting import CorrectingMixin
from .export_dialog import ExportDialog
from .messages import AnnotateRequested, CycleStatusRequested
from .notes import Change, NoteError, NoteKeeper
from .screens import (
    DetailScreen,
    FilesScreen,
    NoteDialog,
    NoteResult,
    NotesScreen,
    SourcePicker,
)
from .search import SearchInput, SearchMixin
from .status import status_text, title_text

EXPORT_TOAST = 24 * 3600.0  # seconds: the written path stays on screen until dismissed


def free_name(path: Path) -> Path:
    """`path`, or `name-2.md`, `name-3.md`... : the first that does not exist yet."""
    n = 2
    candidate = path
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


class ComparisonScreen(CorrectingMixin, SearchMixin, Screen[None]):
    """Every source a pane, side by side; the keys that open dialogs live here."""

    # In the footer and the help after the grid's keys, before the app's (? and q).
    BINDINGS = [
        Binding("slash", "search", "Search", tooltip="Search all sources; enter jumps to the next match"),
        Binding("v", "pick_sources", "Sources", tooltip="Pick which sources show as panes"),
        Binding("A", "notes", "All notes", show=False,
                tooltip="Every note, orphaned ones too (enter goes to its sentence)"),
        Binding("e", "export", "Export", tooltip="Export findings and notes: Markdown, HTML or JSON"),
        Binding("i", "files", "Files", show=False,
                tooltip="Which files were compared, which were skipped and why"),
        *CORRECTING_KEYS,
    ]

    def __init__(self, comparison: Comparison, keeper: NoteKeeper, folder: tuple[str, str],
                 notes: str | None) -> None:
        super().__init__()
        self.comparison = comparison
        self.keeper = keeper
        self.folder_name, self.folder_where = folder
        self.notes_path = notes
        self.drafts: dict[str, tuple[str, str]] = {}  # sentence id -> text and status not saved
        self.last_query = ""
        self.grid = AlignedGrid(comparison, note_marks=keeper.marks(), id="grid")
        self.headers = PaneHeaders(comparison, id="headers")
        self.overview = OverviewStrip(comparison, self.grid.findings, id="overview")

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        with Vertical(id="main"):
            yield self.headers
            with Horizontal(id="body"):
                yield self.grid
                yield self.overview
            yield Static("", id="status")
            yield SearchInput(placeholder="search all sources (enter: next match, esc: cancel)",
                              id="search")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._compact()
        self.refresh_title()
        self.grid.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if getattr(self.app, "closing", False):
            return False  # nothing starts while the app closes
        if action == "cancel_pick" and self.picking is None:
            return False  # esc goes on to the app (dismiss messages)
        return self.app.screen is self  # only from the main view, never from under a dialog

    # ------------------------------------------------------------------ what the grid says
    @on(AlignedGrid.LayoutChanged)
    def _layout_changed(self, message: AlignedGrid.LayoutChanged) -> None:
        self.headers.grid_layout = message.layout
        self.overview.grid_layout = message.layout
        self.refresh_title()

    @on(AlignedGrid.Viewport)
    def _viewport(self, message: AlignedGrid.Viewport) -> None:
        self.overview.view = (message.top, message.height)

    @on(AlignedGrid.CursorMoved)
    def _cursor_moved(self) -> None:
        self.update_status()

    @on(AlignedGrid.OpenDetail)
    def _open_detail(self, message: AlignedGrid.OpenDetail) -> None:
        if self.picking is not None:  # enter confirms the sentence picked for a correction
            self.finish_pick(message.sentence)
            return
        self.app.push_screen(DetailScreen(self.comparison, message.sentence, requests=self))

    @on(OverviewStrip.Jump)
    def _jump(self, message: OverviewStrip.Jump) -> None:
        view_h = max(1, self.grid.scrollable_content_region.height)
        self.grid.scroll_to(y=max(0, message.line - view_h // 2), animate=False)

    def on_resize(self) -> None:
        self._compact()
        self.refresh_title()

    def _compact(self) -> None:
        self.headers.compact = self.size.height < 30 or self.size.width < 100

    # ------------------------------------------------------------------ the words around
    def refresh_title(self) -> None:
        layout = self.grid.layout_model
        text = title_text(self.comparison, self.keeper, self.folder_name, self.folder_where,
                          len(layout.sources) if layout else None, self.size.width or 80)
        self.query_one("#title", Static).update(Text(visible(text)))

    def update_status(self) -> None:
        grid, sid = self.grid, self.grid.cursor
        text = ""
        if sid is not None:
            search = None
            if grid.query_text:
                i, n = grid.search_position()
                search = (grid.query_text, i, n, grid.hidden_matches())
            text = status_text(self.comparison, self.keeper, sid, sid in self.drafts, search)
        if self.picking is not None:
            text = f"{self.pick_prompt()} · {text}"
        self.query_one("#status", Static).update(Text(visible(text)))

    def say(self, message: str) -> None:
        self.notify(message, timeout=2)

    # ------------------------------------------------------------------ notes
    def notes_changed(self) -> None:
        """After every note change: markers, title, status line and open details redraw; what
        the store said while saving (a backup kept aside...) is shown."""
        for message in self.keeper.messages:
            self.notify(message, title="Notes", severity="warning", timeout=12)
        self.keeper.messages.clear()
        self.keeper.reanchor()
        self.grid.note_marks = self.keeper.marks()
        self.refresh_title()
        self.update_status()
        for screen in self.app.screen_stack:
            if isinstance(screen, DetailScreen):
                screen.refresh_text()

    def findings_changed(self) -> None:
        """After a correction (ours or a colleague's): the notes and corrections are applied
        again, and the grid, the overview, the headers and the counts redraw."""
        self.notes_changed()
        self.grid.findings_changed()
        self.overview.findings = self.grid.findings
        self.headers.refresh()

    def poll_notes(self) -> None:
        """Notes a colleague's instance saved to the same store show up without a save of ours
        (not while a dialog is open: what it edits stays as it was)."""
        if not self.is_active:  # not on top, or the app is closing (no screen at all)
            return
        if self.keeper.refresh():
            self.findings_changed()
            self.notify("Notes updated from another window", title="Notes", timeout=4)

    def action_annotate(self) -> None:
        if self.grid.cursor:
            self.annotate(self.grid.cursor)

    def action_cycle_status(self) -> None:
        if self.grid.cursor:
            self.cycle_status(self.grid.cursor)

    @on(AnnotateRequested)
    def _annotate_requested(self, message: AnnotateRequested) -> None:
        message.stop()
        self.annotate(message.sentence)

    @on(CycleStatusRequested)
    def _cycle_requested(self, message: CycleStatusRequested) -> None:
        message.stop()
        self.cycle_status(message.sentence)

    def annotate(self, sid: str) -> None:
        """Open the note dialog on sentence `sid` (a draft a failed save left comes back)."""
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
                self.notes_changed()
            elif result.failed:
                self.drafts[sid] = (result.text, result.status)
                self.notify(
                    f"{sid}: the note is NOT saved; its text is kept as a draft (a brings it back)",
                    severity="warning",
                    timeout=10,
                )
                self.update_status()

        self.app.push_screen(
            NoteDialog(self.comparison, sid, text, status, save, existing=note is not None), done
        )

    def cycle_status(self, sid: str) -> None:
        try:
            change = self.keeper.cycle(sid)
        except NoteError as exc:
            self.notify(f"Status NOT saved: {exc}", severity="error", timeout=10)
            return
        self.notify(f"{sid}: {change.message}", timeout=2)
        self.notes_changed()

    def action_notes(self) -> None:
        def remove(note_id: str) -> Change:
            change = self.keeper.remove(note_id)
            self.notes_changed()
            return change

        def go(sid: str | None) -> None:
            if sid:
                if not self.grid.reveal(sid):
                    self.say(f"{sid} cannot be shown")
                self.grid.focus()

        self.app.push_screen(NotesScreen(self.keeper, remove), go)

    # ------------------------------------------------------------------ the other dialogs
    def action_export(self) -> None:
        from sidebyside.export import write_export

        comparison = self.comparison
        # Beside the notes file when the user chose one (--notes), else in the working
        # directory; never over a file already there (the dialog asks before replacing one).
        notes = self.notes_path
        where = Path(notes).expanduser().resolve().parent if notes else Path.cwd()
        default = free_name(where / f"{self.folder_name}-comparison.md")
        self.keeper.reanchor()  # the export carries the notes as they are now

        def write(fmt: str, path: Path) -> Path:  # in a thread; notes cannot change meanwhile
            return Path(write_export(comparison, fmt, path))

        def done(path: Path | None) -> None:
            if path is not None:  # stays until dismissed (esc), with the full path
                self.notify(f"wrote {path} (esc dismisses)", title="Export", timeout=EXPORT_TOAST)

        self.app.push_screen(ExportDialog(default, write), done)

    def action_pick_sources(self) -> None:
        grid = self.grid
        shown = grid.layout_model.sources if grid.layout_model else grid.shown_sources()
        fit = fit_count(grid.scrollable_content_region.width or self.size.width,
                        len(self.comparison.sources))

        def chosen(result: list[str] | None) -> None:
            if result:
                grid.chosen = list(result)
                if len(result) > fit:
                    self.say(f"{len(result)} panes are narrow at this width; {fit} fit well")
                grid.focus()

        self.app.push_screen(SourcePicker(self.comparison, shown, fit), chosen)

    def action_files(self) -> None:
        self.app.push_screen(FilesScreen(self.comparison))
