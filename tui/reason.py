"""A one-line dialog for a correction's reason ("not a conflict: same estimate, hedged")."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from sidebyside.safe import visible

from .dialog import Dialog
from .notes import short


class ReasonDialog(Dialog[str | None]):
    """What the correction is, the sentences it is about, and a short reason: enter keeps it
    (an empty reason is allowed), esc cancels (nothing is kept)."""

    # The box, title and hint share the note dialog's look (tui/dialog.py).
    DEFAULT_CSS = """
    #reason-about {
        color: $text-muted;
        margin-bottom: 1;
    }
    """

    BINDINGS = [
        Binding("enter", "keep", "Keep", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str, about: list[str], placeholder: str) -> None:
        super().__init__()
        self.title_text = title
        self.about = about
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="reason-box"):
            yield Label(Text(visible(self.title_text)), id="reason-title")
            yield Static(Text("\n".join(f"“{short(a, 230)}”" for a in self.about), style="italic"),
                         id="reason-about")
            yield Input(placeholder=self.placeholder, id="reason-text")
            yield Label("enter keeps it (the reason may stay empty) · esc cancels · ctrl+z undoes "
                        "it later", id="reason-hint")

    def on_mount(self) -> None:
        self.query_one("#reason-text", Input).focus()

    def action_keep(self) -> None:
        # As in the note dialog: after every key already sent to the input.
        self.query_one("#reason-text", Input).call_later(self._keep_now)

    def _keep_now(self) -> None:
        if self.is_attached and self.is_active:
            self.dismiss(self.query_one("#reason-text", Input).value)

    def action_cancel(self) -> None:
        self.dismiss(None)
