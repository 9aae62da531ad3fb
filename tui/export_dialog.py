"""The export dialog: pick a format, check the path, enter writes (in a thread worker)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label
from textual.worker import Worker, WorkerState

from sidebyside.export import FORMATS as EXPORT_FORMATS
from sidebyside.model import ReportFormat
from sidebyside.safe import visible
from widgets.choice import Choice

from .dialog import Dialog

FORMATS = EXPORT_FORMATS  # md, html, json


class FormatChoice(Choice):
    """md, html or json; m, h, j pick by name."""

    BINDINGS = [
        Binding("m", "choose(0)", "Markdown", show=False),
        Binding("h", "choose(1)", "HTML", show=False),
        Binding("j", "choose(2)", "JSON", show=False),
    ]

    def labels(self) -> list[str]:
        return [ReportFormat(f).label for f in self.choices]


HINT = "enter writes · esc cancels · tab: path · arrows: format"


class ExportDialog(Dialog[Path | None]):
    """Export the findings and notes: pick a format, check the path, enter writes."""

    BINDINGS = [
        Binding("enter", "export", "Export", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, default: Path, write: Callable[[str, Path], Path]) -> None:
        super().__init__()
        self.default = default  # with the .md suffix
        self.write = write  # called in a thread worker
        self.writing: Path | None = None  # the file being written
        self.confirmed: Path | None = None  # an existing file the user agreed to replace

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label("Export the comparison with its notes", id="export-title")
            yield FormatChoice(FORMATS, "md", id="export-format")
            yield Input(value=str(self.default), id="export-path")
            yield Label(HINT, id="export-hint")

    def on_mount(self) -> None:
        self.query_one(FormatChoice).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.confirmed is not None:  # another name: ask again if that one exists too
            self.confirmed = None
            self.query_one("#export-hint", Label).update(HINT)

    def on_choice_changed(self, event: Choice.Changed) -> None:
        fmt = self.query_one(FormatChoice).value
        box = self.query_one("#export-path", Input)
        path = Path(box.value)
        if path.suffix.lstrip(".") in FORMATS:
            box.value = str(path.with_suffix("." + fmt))

    def action_export(self) -> None:
        # As in the note dialog: after every key already sent to the path box.
        self.query_one("#export-path", Input).call_later(self._export_now)

    def _export_now(self) -> None:
        if self.writing is not None or not self.is_attached or not self.is_active:
            return  # one export at a time
        fmt = self.query_one(FormatChoice).value
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.notify("Give a file to write", severity="warning")
            return
        path = Path(raw).expanduser()
        if path.is_dir():
            path = path / self.default.with_suffix("." + fmt).name
        path = Path.cwd() / path if not path.is_absolute() else path  # said in full, not relative
        if (path.exists() or path.is_symlink()) and self.confirmed != path:
            self.confirmed = path  # a second enter on the same path replaces it
            self.query_one("#export-hint", Label).update(
                Text(visible(f"{path} exists: enter again replaces it · or change the name · "
                             "esc cancels"), style="bold")
            )
            return
        # In a thread: a report of fifty sources takes seconds to render, and the UI stays live.
        self.writing = path
        self.query_one("#export-hint", Label).update(Text(visible(f"writing {path.name} …")))
        self.run_worker(lambda: self.write(fmt, path), thread=True, exit_on_error=False,
                        name="export", description=f"export {path}")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "export" or self.writing is None:
            return
        if event.state == WorkerState.SUCCESS:
            self.dismiss(event.worker.result)
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            path, self.writing = self.writing, None
            exc = event.worker.error
            why = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc or "cancelled")
            self.notify(f"Could not write {path}: {why}", severity="error", timeout=10)
            self.query_one("#export-hint", Label).update(HINT)

    def action_cancel(self) -> None:
        if self.writing is not None:  # the file will be there (or the error said) in a moment
            self.notify(f"Still writing {self.writing.name} …", timeout=3)
            return
        self.dismiss(None)
