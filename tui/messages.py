"""Requests a screen makes of the app, as messages (instead of calling app methods directly)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class AnnotateRequested(Message):
    """Open the note dialog on this sentence."""

    sentence: str


@dataclass
class CycleStatusRequested(Message):
    """Cycle the status of the note on this sentence."""

    sentence: str
