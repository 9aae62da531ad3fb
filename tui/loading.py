"""The first screen: which folder is being compared, the engine's stage and a progress bar.

It paints at once; the engine runs in the app's thread worker and posts `Progress` here. The app
switches to the comparison screen when the worker posts its result.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, ProgressBar, Static

from sidebyside.safe import visible
from widgets.footer import KeyFooter

from .messages import Progress

STAGE_NAMES = {
    "load": "Reading the documents",
    "segment": "Splitting sentences",
    "clean": "Flagging boilerplate and repeats",
    "match": "Matching sentences across sources",
    "align": "Aligning paragraphs",
    "findings": "Reading numbers and finding disagreements",
    "families": "Finding sources that copy one another",
    "done": "Drawing",
}


class LoadingScreen(Screen[None]):
    DEFAULT_CSS = """
    #loading {
        height: auto;
        padding: 1 2;
    }
    #loading Label {
        margin-bottom: 1;
    }
    """

    def __init__(self, title: str, folder: str) -> None:
        super().__init__()
        self.title_text = title
        self.folder = folder

    def compose(self) -> ComposeResult:
        yield Static(Text(visible(self.title_text)), id="title")
        with Vertical(id="loading"):
            yield Label(Text(visible(f"Comparing the documents in {self.folder} …")),
                        id="loading-what")
            yield Label("Starting", id="stage")
            yield ProgressBar(total=100, show_eta=False, id="progress")
        yield KeyFooter()

    def on_progress(self, message: Progress) -> None:
        message.stop()
        self.query_one("#stage", Label).update(STAGE_NAMES.get(message.stage, message.stage))
        self.query_one("#progress", ProgressBar).update(progress=round(message.fraction * 100))
