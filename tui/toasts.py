"""The app's short messages (toasts) and its colours without colour.

- Every message is plain text with control characters shown: messages carry document text,
  notes and file names, which may hold square brackets or escape sequences.
- A new plain message replaces the plain messages still shown, so quick keys do not stack a
  column of toasts over the panes at 80x24. Titled messages (an export's path, notes),
  warnings and errors stay for their whole timeout. The stylesheet keeps toasts above the
  status line and the footer, one row each when short.
- NO_COLOR asks for no colour at all; Textual's own NO_COLOR mode (Monochrome) still sends
  greys and blacks. The app keeps the attributes only: every mark reads by its shape, bold,
  reverse or underline (widgets/paint.py).
"""

from __future__ import annotations

from textual.app import App
from textual.filter import Monochrome, NoColor
from textual.notifications import Notify

from sidebyside.safe import visible


class Toasts:
    """Mixed into the App before `App`."""

    def no_colour_at_all(self: App) -> None:
        """Called from the app's __init__: under NO_COLOR, default colours only."""
        if self.no_color:
            self._filters = [NoColor() if isinstance(f, Monochrome) else f for f in self._filters]

    def notify(self, message: str, *, title: str = "", severity="information",
               timeout: float | None = None, markup: bool = True) -> None:
        super().notify(visible(message), title=visible(title), severity=severity,
                       timeout=timeout, markup=False)

    def on_notify(self, event: Notify) -> None:
        """Runs before Textual's own handler adds the new message."""
        new = event.notification
        if new.severity != "information" or new.title:
            return
        for old in list(self._notifications):
            if old.severity == "information" and not old.title:
                self._unnotify(old, refresh=False)
