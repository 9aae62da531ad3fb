"""The app's messages, as small dataclasses: what the engine worker reports, and what a screen
asks of the app (instead of calling app methods directly)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from sidebyside.model import Comparison


@dataclass
class Progress(Message):
    """The engine reached `stage`, `fraction` of the way (posted from the worker's thread)."""

    stage: str
    fraction: float

    def can_replace(self, message: Message) -> bool:
        # A newer figure supersedes one still waiting in the queue: a burst of updates from a
        # fast stage paints once.
        return isinstance(message, Progress)


@dataclass
class ComparisonReady(Message):
    """The engine finished and the notes are open: the comparison can be shown."""

    comparison: Comparison


@dataclass
class ComparisonFailed(Message):
    """The engine stopped with an error (bad input, or a bug): the app exits saying so."""

    error: Exception


@dataclass
class AnnotateRequested(Message):
    """Open the note dialog on this sentence."""

    sentence: str


@dataclass
class CycleStatusRequested(Message):
    """Cycle the status of the note on this sentence."""

    sentence: str
