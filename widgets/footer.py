"""The footer with `? Help` and `q Quit` first, so they stay on screen at 80 columns.

Textual's Footer lists the focused widget's keys before the app's, and cuts what does not fit at
the right: below 160 columns the two keys a newcomer looks for were the ones cut.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

FIRST = ("help", "quit")


class KeyFooter(Footer):
    def compose(self) -> ComposeResult:
        keys = list(super().compose())

        def rank(widget) -> int:
            action = getattr(widget, "action", "")
            return FIRST.index(action) if action in FIRST else len(FIRST)

        # sorted() is stable: the other keys keep Textual's order, the palette key stays last.
        yield from sorted(keys, key=lambda w: (w.has_class("-command-palette"), rank(w)))
