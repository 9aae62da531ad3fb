"""Modal screens: a sentence's detail, the files, the help, the source picker, the note dialog
and the list of every note (orphaned ones included). Their base is tui/dialog.py; the export
dialog is tui/export_dialog.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message_pump import MessagePump
from textual.strip import Strip
from textual.widgets import Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from sidebyside.annotations import STATUSES
from sidebyside.model import Comparison
from sidebyside.nearest import closest
from sidebyside.safe import pictures, visible
from widgets import grid as G
from widgets.choice import Choice
from widgets.detail import DetailStyles, detail_text, hanging
from widgets.layout import NOTE_MARKS, note_mark

from .bindings import KeyHelp
from .dialog import Dialog
from .export_dialog import ExportDialog  # noqa: F401 - the app and the tests name it from here
from .messages import AnnotateRequested, CycleStatusRequested
from .notes import Change, NoteError, NoteKeeper, short


class DetailBody(Static):
    """The detail's text; its component classes colour the word diff from the theme."""

    COMPONENT_CLASSES = set(DetailStyles.COMPONENTS)

    DEFAULT_CSS = """
    DetailBody > .detail--deleted {
        color: $text-error;
        text-style: bold strike;
    }
    DetailBody > .detail--inserted {
        color: $text-success;
        text-style: bold underline;
    }
    DetailBody > .detail--heading {
        text-style: bold;
    }
    DetailBody > .detail--muted {
        text-style: dim;
    }
    """


class DetailScreen(Dialog[None]):
    """Everything about one sentence; escape closes; a annotates it, m cycles its note status."""

    BINDINGS = [
        Binding("escape,q,enter", "close", "Close"),
        Binding("a", "note", "Annotate"),
        Binding("m", "cycle", "Note status"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, comparison: Comparison, sentence: str, requests: MessagePump) -> None:
        super().__init__()
        self.comparison = comparison
        self.sentence = sentence
        self.requests = requests  # the screen beneath, which keeps the notes
        self._near: tuple[tuple, dict] | None = None
        self.text = detail_text(comparison, sentence, near=self.near())

    def near(self) -> dict:
        """The closest sentences elsewhere (the transformer reads them), read again only when
        the findings changed (a correction, ours or a colleague's): the detail is drawn again
        when styled and on every note change."""
        s = self.comparison.sentence(self.sentence)
        key = (tuple((k.kind, k.a, k.b, k.orphaned) for k in self.comparison.corrections),
               tuple(lk.to for lk in s.links), tuple(p.to for p in s.parts), s.status)
        if self._near is None or self._near[0] != key:
            self._near = (key, closest(self.comparison, self.sentence))
        return self._near[1]

    def compose(self) -> ComposeResult:
        with Vertical(id="detail-box"):
            yield Label(
                f"Detail of {self.sentence}  (esc closes · a annotates · m cycles the note status)",
                id="detail-title",
            )
            with VerticalScroll(id="detail-scroll"):
                yield DetailBody(hanging(self.text), id="detail-body")

    def on_mount(self) -> None:  # (Dialog.on_mount runs after this one, as Textual does)
        self.call_after_refresh(self.refresh_text)  # in the theme's colours, once styled

    def refresh_text(self) -> None:
        """Draw the detail again (its notes changed)."""
        if not self.is_mounted:
            return  # drawn on mount
        body = self.query_one(DetailBody)
        self.text = detail_text(self.comparison, self.sentence,
                                styles=DetailStyles.from_widget(body), near=self.near())
        body.update(hanging(self.text))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_note(self) -> None:
        self.requests.post_message(AnnotateRequested(self.sentence))

    def action_cycle(self) -> None:
        self.requests.post_message(CycleStatusRequested(self.sentence))

    def action_scroll(self, step: int) -> None:
        self.query_one("#detail-scroll", VerticalScroll).scroll_relative(y=step * 2, animate=False)


class FilesScreen(Dialog[None]):
    """Which files were compared and which were skipped, each with the reason."""

    BINDINGS = [
        Binding("escape,q,i", "close", "Close"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison

    def body(self) -> Text:
        c = self.comparison
        out = Text()
        out.append(f"Compared ({len(c.sources)})\n", style="bold")
        for src in c.sources:
            out.append(f"  {src.id}  ", style="bold")
            out.append(pictures(f"{src.file} · {src.title or 'no title'}") + "\n")
        out.append("\n")
        out.append(f"Skipped ({len(c.skipped)})\n", style="bold")
        if not c.skipped:
            out.append("  none: every file in the folder was read\n", style="dim")
        for sk in c.skipped:
            out.append("  " + pictures(sk.file), style="bold")
            out.append(f": {pictures(sk.reason)}\n")
        return out

    def compose(self) -> ComposeResult:
        with Vertical(id="files-box"):
            yield Label("Files: compared and skipped  (esc closes)", id="files-title")
            with VerticalScroll(id="files-scroll"):
                yield Static(self.body(), id="files-body")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, step: int) -> None:
        self.query_one("#files-scroll", VerticalScroll).scroll_relative(y=step * 2, animate=False)


class HelpScreen(Dialog[None]):
    """Every binding, with what it does."""

    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def __init__(self, keys: list[KeyHelp]) -> None:
        super().__init__()
        self.keys = keys

    def table(self) -> Table:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, expand=False)
        table.add_column("Key", style="bold", no_wrap=True)
        table.add_column("What it does")
        for k in self.keys:
            table.add_row(k.keys, k.help)
        table.add_row("ctrl+p", "Command palette: every command above, by name")
        table.add_row("mouse", "Click a sentence to put the cursor on it; click the strip to jump")
        return table

    def compose(self) -> ComposeResult:
        # Lines of at most 64 characters: the help box's text is 66 wide at 80 columns.
        legend = Text.assemble(
            ("Markers in the gutter\n", "bold"),
            f"  {G.MARK_SHARED}  shared: another source says it too\n",
            f"  {G.MARK_REPORTER}  shared by a reporter's link (L links, x unlinks)\n",
            f"  {G.MARK_PARTIAL}  partial: part of its claims another source reports\n"
            "     (enter shows which part and where; p / P: next / previous)\n",
            f"  {G.MARK_UNIQUE}  unique claim: only this source says it (text in bold)\n",
            "     no mark: not linked, but its words are in other sources,\n"
            "     which may say it otherwise, no name, figure or quote\n"
            "     in it is its own, or the transformer reads another\n"
            "     source's sentence close to it (so not called unique)\n",
            f"  {G.MARK_DISAGREE}  numbers disagree: a different value reversed, a different\n"
            "     hedge, scale or date underlined (the figure and its mark)\n",
            f"  {G.MARK_BOILERPLATE}  boilerplate   {G.MARK_DUPLICATE}  repeated in the same source (dim)\n",
            f"  {G.MARK_FOLD}  folded boilerplate or repeats (z shows them)\n",
            f"  {G.MARK_CONTINUE}  the sentence goes on; the cursor sentence is drawn reversed\n",
            ("The strip at the right edge\n", "bold"),
            "  The whole comparison from top to bottom, not the right pane:\n"
            f"  where its {G.MARK_DISAGREE} and {G.MARK_UNIQUE} are, in any source; the\n"
            "  thick bar is the part on screen. Click it to jump there.\n",
            ("Note markers (second column of the gutter)\n", "bold"),
            "  " + "   ".join(f"{mark}  {status}" for status, mark in NOTE_MARKS.items()) + "\n",
            "  Notes are saved on every change. A lists every note, orphaned\n"
            "  ones too.\n",
            ("Corrections\n", "bold"),
            "  L links two sentences (pick the other with the cursor, enter),\n"
            "  x unlinks, c dismisses a ≠, C marks a conflict; saved with the\n"
            "  notes, shown in exports; ctrl+z undoes.",
        )
        with Vertical(id="help-box"):
            yield Label("sidebyside — keys  (esc closes)", id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(self.table(), id="help-body")
                yield Static(legend, id="help-legend")

    def action_close(self) -> None:
        self.dismiss(None)


class TickList(SelectionList[str]):
    """A SelectionList whose box reads without colour: `X` ticked, blank not (Textual draws `X`
    in both states and tells them apart by colour alone); j and k move, as in the panes."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        index = self.scroll_offset.y + y
        if len(segments) < 4 or index >= self.option_count:
            return strip
        ticked = self.get_option_at_index(index).value in self.selected
        segments[1] = Segment("X" if ticked else " ", segments[1].style)
        return Strip(segments, strip.cell_length)


class SourcePicker(Dialog[list[str] | None]):
    """Pick which sources show as panes (space toggles; enter or v applies; esc cancels)."""

    BINDINGS = [
        Binding("enter,v", "apply", "Apply", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, comparison: Comparison, shown: list[str], fit: int) -> None:
        super().__init__()
        self.comparison = comparison
        self.shown = shown
        self.fit = fit

    def compose(self) -> ComposeResult:
        items = [  # Text, never markup: a headline may hold square brackets
            Selection(Text(visible(f"{s.id}  {s.title or s.file}  ({s.file})")), s.id,
                      s.id in self.shown)
            for s in self.comparison.sources
        ]
        with Vertical(id="picker-box"):
            yield Label(
                f"Sources to show — {self.fit} fit side by side at this width. "
                "space toggles, enter applies, esc cancels",
                id="picker-title",
            )
            yield TickList(*items, id="picker-list")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_apply(self) -> None:
        chosen = [
            s.id
            for s in self.comparison.sources
            if s.id in self.query_one(SelectionList).selected
        ]
        need = min(2, len(self.comparison.sources))
        if len(chosen) < need:
            self.notify(f"Pick at least {need} sources", severity="warning")
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)


# ---------------------------------------------------------------- notes
class NoteStatusChoice(Choice):
    """A note's status; v, d, n (or ?), f pick by name."""

    BINDINGS = [
        Binding("n,question_mark", "choose(0)", "needs check", show=False),
        Binding("v", "choose(1)", "verified", show=False),
        Binding("d", "choose(2)", "disputed", show=False),
        Binding("f", "choose(3)", "follow up", show=False),
    ]

    def labels(self) -> list[str]:
        return [f"{note_mark(s)} {s}" for s in self.choices]


@dataclass
class NoteResult:
    """How the note dialog ended: saved, or cancelled (with the text, kept if a save failed)."""

    saved: bool
    text: str
    status: str
    change: Change | None = None
    failed: bool = False  # a save was tried and failed: the caller keeps the text as a draft


class NoteDialog(Dialog[NoteResult]):
    """A note and its status for one sentence: enter saves, esc cancels, tab reaches the status."""

    BINDINGS = [
        Binding("enter", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(
        self,
        comparison: Comparison,
        sentence: str,
        text: str,
        status: str,
        save: Callable[[str, str], Change],
        existing: bool,
    ) -> None:
        super().__init__()
        self.comparison = comparison
        self.sentence = sentence
        self.initial_text = text
        self.initial_status = status if status in STATUSES else STATUSES[0]
        self.save = save
        self.existing = existing
        self.failed = False

    def compose(self) -> ComposeResult:
        s = self.comparison.sentence(self.sentence)
        src = self.comparison.source(s.source)
        verb = "Edit the note" if self.existing else "Note"
        with Vertical(id="note-box"):
            yield Label(Text(visible(f"{verb} on {s.id} · {src.title or src.file}")),
                        id="note-title")
            yield Static(Text(f"“{short(s.text, 230)}”", style="italic"), id="note-sentence")
            yield Input(
                value=self.initial_text,
                placeholder="what to check, who said what, where it is confirmed…",
                id="note-text",
            )
            yield NoteStatusChoice(STATUSES, self.initial_status, id="note-status")
            hint = "enter saves · esc cancels · tab: status (arrows or v d n f)"
            if self.existing:
                hint += " · clear the text to remove the note"
            yield Label(hint, id="note-hint")

    def on_mount(self) -> None:
        box = self.query_one("#note-text", Input)
        box.focus()
        box.cursor_position = len(box.value)

    @property
    def text(self) -> str:
        return self.query_one("#note-text", Input).value

    @property
    def status(self) -> str:
        return self.query_one(NoteStatusChoice).value

    def action_save(self) -> None:
        # enter is a priority binding: it runs in the app's task, possibly before the input has
        # taken the keys typed just before it (a burst, a paste). Save from the input's own
        # queue, after every key already sent to it.
        self.query_one("#note-text", Input).call_later(self._save_now)

    def _save_now(self) -> None:
        if not self.is_attached or not self.is_active:
            return  # closed meanwhile (a second enter, esc)
        try:
            change = self.save(self.text, self.status)
        except NoteError as exc:
            self.failed = True
            self.notify(
                f"Note NOT saved: {exc}. Your text is still here: enter retries, "
                "esc keeps it as a draft.",
                severity="error",
                timeout=10,
            )
            return
        self.dismiss(NoteResult(True, self.text, self.status, change))

    def action_cancel(self) -> None:
        self.dismiss(NoteResult(False, self.text, self.status, failed=self.failed))


class NotesScreen(Dialog[str | None]):
    """Every note: on a sentence (enter goes there) or orphaned (its sentence is gone)."""

    BINDINGS = [
        Binding("escape,q,A", "close", "Close"),
        Binding("x,delete", "remove", "Remove note"),
    ]

    def __init__(self, keeper: NoteKeeper, remove: Callable[[str], Change]) -> None:
        super().__init__()
        self.keeper = keeper
        self.remove_note = remove
        self.armed: str | None = None  # the note x was pressed on once

    def options(self) -> list[Option]:
        k = self.keeper
        c = k.comparison
        out: list[Option] = []
        if c is None:
            return out
        order = {s.id: i for i, s in enumerate(c.all_sentences())}
        for sid in sorted(k.by_sentence, key=lambda x: order.get(x, 0)):
            s = c.sentence(sid)
            for note in k.by_sentence[sid]:
                line = Text()
                line.append(f"{note_mark(note.status)} {sid:<8} ", style="bold")
                line.append(f"[{note.status}] ", style="bold")
                line.append(short(note.note, 70) if note.note else "(status only)")
                line.append(f"\n    “{short(s.text, 100)}”", style="dim")
                out.append(Option(line, id=f"on:{note.id}"))
        if k.orphaned:
            out.append(
                Option(
                    Text(
                        f"Orphaned ({len(k.orphaned)}): their sentence is gone from the documents; "
                        "kept, never dropped",
                        style="bold",
                    ),
                    id="orphan-heading",
                    disabled=True,
                )
            )
            for a in k.orphaned:
                line = Text()
                line.append(f"{note_mark(a.status)} {a.file} ", style="bold")
                line.append(f"[{a.status}] ", style="bold")
                line.append(short(a.note, 70) if a.note else "(status only)")
                line.append(f"\n    was on: “{short(a.text, 100)}”", style="dim")
                out.append(Option(line, id=f"orphan:{a.note_id}"))
        return out

    def title_text(self) -> str:
        k = self.keeper
        on = sum(len(v) for v in k.by_sentence.values())
        return (
            f"Notes — {on} on sentences, {len(k.orphaned)} orphaned · in {k.path}\n"
            "enter goes to the sentence · x twice removes a note · esc closes"
        )

    def compose(self) -> ComposeResult:
        options = self.options()
        with Vertical(id="notes-box"):
            yield Label(Text(visible(self.title_text())), id="notes-title")
            if options:
                yield OptionList(*options, id="notes-list")
            else:
                yield Label("No notes yet: a on a sentence adds one.", id="notes-empty")

    def on_mount(self) -> None:
        if self.query("#notes-list"):
            self.query_one("#notes-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        oid = event.option.id or ""
        if oid.startswith("on:"):
            note = self.keeper.store.notes.get(oid[3:])
            if note is not None:
                self.dismiss(note.sentence)
        elif oid.startswith("orphan:"):
            self.notify("This note's sentence is gone from the documents; the note is kept here.")

    def action_remove(self) -> None:
        if not self.query("#notes-list"):
            return
        listing = self.query_one("#notes-list", OptionList)
        option = listing.highlighted_option
        if option is None or ":" not in (option.id or ""):
            return
        note_id = (option.id or "").split(":", 1)[1]
        if self.armed != note_id:
            self.armed = note_id
            self.notify("Press x again to remove this note", timeout=3)
            return
        self.armed = None
        try:
            change = self.remove_note(note_id)
        except NoteError as exc:
            self.notify(f"Note NOT removed: {exc}", severity="error", timeout=10)
            return
        self.notify(change.message, timeout=3)
        index = listing.highlighted or 0
        listing.clear_options()
        options = self.options()
        listing.add_options(options)
        if options:
            listing.highlighted = min(index, len(options) - 1)
        self.query_one("#notes-title", Label).update(Text(visible(self.title_text())))

    def action_close(self) -> None:
        self.dismiss(None)
