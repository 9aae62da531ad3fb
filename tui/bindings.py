"""Every key binding of the app, in one place for the help screen and the command palette.

The bindings themselves live where they act (`AlignedGrid.BINDINGS` for moving through the
comparison, `ComparisonScreen.BINDINGS` for the dialogs opened from it, `SideBySideApp.BINDINGS`
for help and quit); this module spells the keys for the help screen and the command palette, with
Textual's key display where it reads the way a person types them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.binding import Binding

# Where Textual's own key display (`App.get_key_display`: ↓, ?, /, esc, ...) is not how a
# person reading the help would spell the key.
KEY_NAMES = {
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "enter": "enter",
    "ctrl+p": "ctrl+p",
}


def key_label(keys: str, display: Callable[[Binding], str]) -> str:
    """'j,down' -> 'j / ↓' (`display`: the app's get_key_display)."""
    names = [k.strip() for k in keys.split(",")]
    return " / ".join(KEY_NAMES.get(k) or display(Binding(k, "")) for k in names)


@dataclass
class KeyHelp:
    keys: str  # as typed: "j / ↓"
    description: str  # short, as in the footer
    help: str  # one line, as on the help screen
    action: str
    target: str  # "grid" or "app"


def describe(bindings: list[Binding], target: str,
             display: Callable[[Binding], str]) -> list[KeyHelp]:
    out = []
    for b in bindings:
        help_text = b.tooltip or b.description
        out.append(KeyHelp(key_label(b.key, display), b.description, help_text, b.action, target))
    return out
