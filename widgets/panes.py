"""Pane headers (above the grid's columns) and the overview strip (beside it).

Neither reads the grid: the screen hands them the grid's layout (and the strip the lines on
screen) as the grid announces them, and the strip asks for a jump by a message."""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from sidebyside.model import Comparison
from sidebyside.safe import pictures

from .layout import SEPARATOR, Layout
from .paint import MARK_DISAGREE, MARK_UNIQUE, Span, is_unique_claim


def _fit(text: str, width: int) -> str:
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


class PaneHeaders(Widget):
    """One header per column: source id and title; file and sentence count on a second line."""

    COMPONENT_CLASSES = {"panes--id", "panes--title", "panes--meta"}

    DEFAULT_CSS = """
    PaneHeaders {
        height: 2;
        padding: 0 0;
        background: $boost;
    }
    PaneHeaders > .panes--id {
        text-style: bold;
        color: $text-accent;
    }
    PaneHeaders > .panes--title {
        text-style: bold;
        color: $foreground;
    }
    PaneHeaders > .panes--meta {
        color: $text-muted;
    }
    """

    grid_layout: reactive[Layout | None] = reactive(None, always_update=True)  # the grid's columns
    compact: reactive[bool] = reactive(False)  # one line instead of two

    def __init__(self, comparison: Comparison, **kwargs) -> None:
        super().__init__(**kwargs)
        self.comparison = comparison

    def watch_compact(self, compact: bool) -> None:
        self.styles.height = 1 if compact else 2

    def render(self) -> Text:
        layout = self.grid_layout
        out = Text(no_wrap=True, overflow="crop")
        if layout is None:
            return out
        id_style = self.get_component_rich_style("panes--id", partial=True)
        meta_style = self.get_component_rich_style("panes--meta", partial=True)
        title_style = self.get_component_rich_style("panes--title", partial=True)
        hidden = len(self.comparison.sources) - len(layout.sources)
        first, second = Text(no_wrap=True), Text(no_wrap=True)
        for col, sid in enumerate(layout.sources):
            src = self.comparison.source(sid)
            w = layout.col_w[col]
            n = sum(1 for s in src.sentences)
            title = pictures(src.title or src.file)  # no control character reaches the terminal
            tail = f" · {n} sent." if self.compact else ""
            cell = Text(_fit(sid, w), style=id_style)
            cell.append(_fit(f" {title}", max(0, w - cell.cell_len - len(tail))), style=title_style)
            if self.compact:
                cell.append(tail, style=meta_style)
            else:
                meta = f"{src.file} · {n} sentences"
                if col == len(layout.sources) - 1 and hidden:
                    meta += f" · {hidden} more hidden (v)"
                first_meta = Text(_fit(meta, w), style=meta_style)
                first_meta.pad_right(w - first_meta.cell_len)
                second.append_text(first_meta)
            cell.pad_right(max(0, w - cell.cell_len))
            first.append_text(cell)
            if col < len(layout.sources) - 1:
                first.append(SEPARATOR, style=meta_style)
                if not self.compact:
                    second.append(SEPARATOR, style=meta_style)
        out.append_text(first)
        if not self.compact:
            out.append("\n")
            out.append_text(second)
        return out


class OverviewStrip(Widget):
    """A narrow strip mapping the whole comparison onto the screen's height.

    Column 1: ≠ where a numeric disagreement lies, ◆ where a unique claim lies.
    Column 2: the viewport (▐), so one sees where the screen is within the whole.
    A click jumps there.
    """

    COMPONENT_CLASSES = {"overview--value", "overview--unique", "overview--view", "overview--track"}

    DEFAULT_CSS = """
    OverviewStrip {
        width: 3;
        padding-left: 1;
        height: 1fr;
        background: $boost;
    }
    OverviewStrip > .overview--value {
        color: #ff6b6b;
        text-style: bold;
    }
    OverviewStrip > .overview--unique {
        color: #5fd7ff;
    }
    OverviewStrip > .overview--view {
        color: $primary;
    }
    OverviewStrip > .overview--track {
        color: $panel-lighten-2;
    }
    """

    grid_layout: reactive[Layout | None] = reactive(None, always_update=True)  # the grid's lines
    view: reactive[tuple[int, int]] = reactive((0, 1))  # the grid's lines on screen: top, height

    @dataclass
    class Jump(Message):
        """A click asks for this line of the grid in the middle of the screen."""

        line: int

    def __init__(self, comparison: Comparison, findings: dict[str, list[Span]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.comparison = comparison
        self.findings = findings
        self._marks: list[str] | None = None

    def watch_grid_layout(self) -> None:
        self._marks = None

    def _compute(self, height: int) -> list[str]:
        layout = self.grid_layout
        marks = [" "] * height
        if layout is None or layout.height == 0 or height == 0:
            return marks
        total = layout.height
        for sid, (_, a, _b) in layout.spans.items():
            s = self.comparison.sentence(sid)
            y = min(height - 1, a * height // total)
            if sid in self.findings:
                marks[y] = MARK_DISAGREE
            elif is_unique_claim(s) and marks[y] == " ":
                marks[y] = MARK_UNIQUE
        return marks

    def render_line(self, y: int) -> Strip:
        height = self.size.height
        if self._marks is None or len(self._marks) != height:
            self._marks = self._compute(height)
        layout = self.grid_layout
        mark = self._marks[y] if y < len(self._marks) else " "
        style = Style()
        if mark == MARK_DISAGREE:
            style = self.get_component_rich_style("overview--value", partial=True)
        elif mark == MARK_UNIQUE:
            style = self.get_component_rich_style("overview--unique", partial=True)
        in_view = False
        if layout is not None and layout.height and height:
            scroll_y, view_h = self.view
            top = scroll_y * height / layout.height
            bottom = (scroll_y + view_h) * height / layout.height
            in_view = top - 0.5 <= y < max(bottom, top + 1)
        view = (
            Segment("▐", self.get_component_rich_style("overview--view", partial=True))
            if in_view
            else Segment("╎", self.get_component_rich_style("overview--track", partial=True))
        )
        return Strip([Segment(mark, style), view]).adjust_cell_length(self.size.width).apply_style(
            self.rich_style
        )

    def on_click(self, event: Click) -> None:
        layout = self.grid_layout
        if layout is None or not self.size.height:
            return
        self.post_message(self.Jump(event.y * layout.height // self.size.height))
