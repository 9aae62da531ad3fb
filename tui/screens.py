"""Modal screens: a sentence's detail, the help, and the source picker."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from sidebyside.model import Comparison
from widgets import grid as G
from widgets.detail import detail_text

from .bindings import KeyHelp


class DetailScreen(ModalScreen[None]):
    """Everything about one sentence; escape closes."""

    BINDINGS = [
        Binding("escape,q,enter", "close", "Close"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, comparison: Comparison, sentence: str) -> None:
        super().__init__()
        self.comparison = comparison
        self.sentence = sentence
        self.text = detail_text(comparison, sentence)

    def compose(self) -> ComposeResult:
        with Vertical(id="detail-box"):
            yield Label(f"Detail of {self.sentence}  (esc closes)", id="detail-title")
            with VerticalScroll(id="detail-scroll"):
                yield Static(self.text, id="detail-body")

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, step: int) -> None:
        self.query_one("#detail-scroll", VerticalScroll).scroll_relative(y=step * 2, animate=False)


class HelpScreen(ModalScreen[None]):
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
        legend = Text.assemble(
            ("Markers in the gutter\n", "bold"),
            f"  {G.MARK_SHARED}  shared: another source says it too\n",
            f"  {G.MARK_UNIQUE}  unique claim: only this source says it (text in bold)\n",
            f"  {G.MARK_DISAGREE}  numbers disagree: the figure itself is reversed and underlined\n",
            f"  {G.MARK_BOILERPLATE}  boilerplate   {G.MARK_DUPLICATE}  repeated in the same source (dim)\n",
            f"  {G.MARK_FOLD}  folded boilerplate or repeats (z shows them)\n",
            f"  {G.MARK_CONTINUE}  the sentence goes on; the cursor sentence is drawn reversed",
        )
        with Vertical(id="help-box"):
            yield Label("sidebyside — keys  (esc closes)", id="help-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(self.table(), id="help-body")
                yield Static(legend, id="help-legend")

    def action_close(self) -> None:
        self.dismiss(None)


class SourcePicker(ModalScreen[list[str] | None]):
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
        items = [
            Selection(f"{s.id}  {s.title or s.file}  ({s.file})", s.id, s.id in self.shown)
            for s in self.comparison.sources
        ]
        with Vertical(id="picker-box"):
            yield Label(
                f"Sources to show — {self.fit} fit side by side at this width. "
                "space toggles, enter applies, esc cancels",
                id="picker-title",
            )
            yield SelectionList[str](*items, id="picker-list")

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
