"""One of a few values, drawn as `(●) label  ( ) label`, readable without colour.

Our own small widget instead of Textual's RadioSet, whose highlighted button is a private field
we had to write to. Arrows choose at once (no separate toggle), letters bound by subclasses
choose by name, a click chooses the item under the mouse; the items wrap onto more lines when
the row is narrower than they are (a 60-column terminal stacks them).
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class Choice(Widget, can_focus=True):
    DEFAULT_CSS = """
    Choice {
        height: auto;
        padding: 0 1;
        border: tall $border-blurred;
    }
    Choice:focus {
        border: tall $border;
    }
    """

    BINDINGS = [
        Binding("down,right", "step(1)", "Next", show=False),
        Binding("up,left", "step(-1)", "Previous", show=False),
    ]

    index: reactive[int] = reactive(0)

    class Changed(Message):
        """The chosen value changed."""

        def __init__(self, choice: Choice, value: str) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(self, choices: tuple[str, ...], value: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.choices = choices
        self.set_reactive(Choice.index, choices.index(value) if value in choices else 0)

    def labels(self) -> list[str]:
        return list(self.choices)

    @property
    def value(self) -> str:
        return self.choices[self.index]

    def items(self) -> list[str]:
        return [f"({'●' if i == self.index else ' '}) {label}"
                for i, label in enumerate(self.labels())]

    def _lines(self, width: int) -> list[list[tuple[int, str]]]:
        lines: list[list[tuple[int, str]]] = [[]]
        used = 0
        for i, item in enumerate(self.items()):
            need = len(item) + (2 if lines[-1] else 0)
            if lines[-1] and used + need > width:
                lines.append([])
                used, need = 0, len(item)
            lines[-1].append((i, item))
            used += need
        return lines

    def render(self) -> Text:
        out = Text()
        for n, line in enumerate(self._lines(max(1, self.content_region.width or 80))):
            if n:
                out.append("\n")
            for k, (i, item) in enumerate(line):
                if k:
                    out.append("  ")
                chosen = i == self.index
                style = Style(bold=chosen, reverse=chosen and self.has_focus, meta={"item": i})
                out.append(item, style=style)
        return out

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines(max(1, width)))

    def watch_index(self, old: int, new: int) -> None:
        if old != new:
            self.post_message(self.Changed(self, self.value))
        self.refresh(layout=True)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        item = event.style.meta.get("item")
        if isinstance(item, int):
            self.action_choose(item)

    def action_choose(self, index: int) -> None:
        if 0 <= index < len(self.choices):
            self.index = index

    def action_step(self, step: int) -> None:
        self.action_choose((self.index + step) % len(self.choices))
