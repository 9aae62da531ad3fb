"""No keystroke typed into a dialog is lost.

Keys that arrive while a dialog is opening (between the key that opens it and the moment its
input has focus) or while the comparison is still loading used to reach a screen with nothing
focused and vanish: over a laggy SSH link, or with an unbracketed paste, a 30-character note kept
only its first letters. The app holds such keys, in order, and dispatches them the ordinary way
once the dialog (or the comparison) is ready. Ctrl+C and ctrl+q are never held; `q` quits at
once while loading unless keys are already waiting (then it is text meant for a dialog).
"""

from __future__ import annotations

from textual import events
from textual.app import App

NEVER_HELD = frozenset({"ctrl+c", "ctrl+q"})
MAX_HELD = 10_000  # a runaway paste is still delivered, up to this many events


class KeyHold:
    """Mixed into the App: `hold()` starts holding, `release()` (in the app's task) replays."""

    _held: list[events.Event] | None = None

    def hold(self) -> None:
        if self._held is None:
            self._held = []

    def release(self) -> None:
        """Replay the held keys; called through call_later so it runs after every key that
        arrived before it (all held) and before every key that arrives after."""
        self.call_later(self._replay)

    async def _replay(self) -> None:
        held, self._held = self._held, None
        for event in held or ():
            # A fresh event: Textual marks the one it saw as forwarded and stopped.
            if isinstance(event, events.Key):
                fresh: events.Event = events.Key(event.key, event.character)
            else:
                fresh = events.Paste(event.text)
            fresh.set_sender(self)
            await App.on_event(self, fresh)

    def should_hold(self, event: events.Event) -> bool:
        if self._held is None or len(self._held) >= MAX_HELD:
            return False
        if isinstance(event, events.Key):
            return event.key not in NEVER_HELD
        return isinstance(event, events.Paste)
