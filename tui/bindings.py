"""Every key binding of the app, in one place for the help screen and the command palette.

The bindings themselves live on the widgets that act on them (`AlignedGrid.BINDINGS` for moving
through the comparison, `SideBySideApp.BINDINGS` for the rest); this module lists them in the
order a reader learns them and spells the keys the way a person types them.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

KEY_NAMES = {
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "question_mark": "?",
    "slash": "/",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "home": "Home",
    "end": "End",
    "space": "space",
    "escape": "esc",
    "ctrl+p": "ctrl+p",
}

def key_label(keys: str) -> str:
    """'j,down' -> 'j / ↓'."""
    return " / ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


@dataclass
class KeyHelp:
    keys: str  # as typed: "j / ↓"
    description: str  # short, as in the footer
    help: str  # one line, as on the help screen
    action: str
    target: str  # "grid" or "app"


def describe(bindings: list[Binding], target: str) -> list[KeyHelp]:
    out = []
    for b in bindings:
        help_text = b.tooltip or b.description
        out.append(KeyHelp(key_label(b.key), b.description, help_text, b.action, target))
    return out
