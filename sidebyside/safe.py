"""Text from documents, notes and file names made safe to show or print: no control character or
escape sequence reaches a terminal (it could retitle it, clear it, plant a hyperlink).

`visible(text)` keeps newlines and tabs and turns every other C0/C1 control character (ESC, BEL,
CSI ...) into a visible caret or hex form, so a reader sees that something odd was there. JSON
escapes control characters by itself; Markdown, the panes and error messages go through this.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, and the C1 range (U+0080-U+009F, 0x9B is a one-byte CSI).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Unicode bidirectional overrides and isolates can reorder what a reader sees; show them too.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def _show(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if code < 0x20:
        return "^" + chr(code + 0x40)  # ESC -> ^[, BEL -> ^G, CR -> ^M
    if code == 0x7F:
        return "^?"
    return f"<U+{code:04X}>"


def visible(text: str, *, newlines: bool = True) -> str:
    """`text` with every control character but tab (and newline, unless `newlines=False`) shown."""
    if not newlines:
        text = text.replace("\n", "^J")
    text = _CONTROLS.sub(_show, text)
    return _BIDI.sub(_show, text)


def line(text: str) -> str:
    """One line for an error message or a file name: newlines and tabs shown too."""
    return visible(text.replace("\t", "^I"), newlines=False)


# One character for one: where offsets into the text must hold (the panes wrap and highlight by
# offset), each control becomes its Unicode "control picture" (ESC -> ␛), C1 controls and bidi
# overrides the replacement character.
_PICTURES = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A)}
_PICTURES[0x7F] = 0x2421
_PICTURES.update({c: 0xFFFD for c in range(0x80, 0xA0)})
_PICTURES.update({c: 0xFFFD for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def pictures(text: str) -> str:
    """`text` with each control character replaced by one visible character (same length)."""
    return text.translate(_PICTURES)
