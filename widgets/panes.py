"""Pane headers (above the grid's columns) and the overview strip (beside it)."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.events import Click
from textual.strip import Strip
from textual.widget import Widget

from sidebyside.model import Comparison
from sidebyside.safe import pictures

from .grid import MARK_DISAGREE, MARK_UNIQUE, AlignedGrid, is_unique_claim
from .layout import SEPARATOR


def _fit(text: str, width: int) -> str:
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


class PaneHeaders(Widget):
    """One header per column: source id and title; file and sentence count on a second line."""

    COMPONENT_CLASSES = {"panes--id", "panes--title", "panes--meta"}

    def __init__(self, comparison: Comparison, grid: AlignedGrid, **kwargs) -> None:
        super().__init__(**kwargs)
        self.comparison = comparison
        self.grid = grid
        self.compact = False

    def set_compact(self, compact: bool) -> None:
        self.compact = compact
        self.styles.height = 1 if compact else 2
        self.refresh()

    def render(self) -> Text:
        layout = self.grid.layout_model
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

    def __init__(self, grid: AlignedGrid, **kwargs) -> None:
        super().__init__(**kwargs)
        self.grid = grid
        self._marks: list[str] | None = None

    def invalidate(self) -> None:
        self._marks = None
        self.refresh()

    def _compute(self, height: int) -> list[str]:
        layout = self.grid.layout_model
        marks = [" "] * height
        if layout is None or layout.height == 0 or height == 0:
            return marks
        total = layout.height
        for sid, (_, a, _b) in layout.spans.items():
            s = self.grid.comparison.sentence(sid)
            y = min(height - 1, a * height // total)
            if sid in self.grid.findings:
                marks[y] = MARK_DISAGREE
            elif is_unique_claim(s) and marks[y] == " ":
                marks[y] = MARK_UNIQUE
        return marks

    def render_line(self, y: int) -> Strip:
        height = self.size.height
        if self._marks is None or len(self._marks) != height:
            self._marks = self._compute(height)
        layout = self.grid.layout_model
        mark = self._marks[y] if y < len(self._marks) else " "
        style = Style()
        if mark == MARK_DISAGREE:
            style = self.get_component_rich_style("overview--value", partial=True)
        elif mark == MARK_UNIQUE:
            style = self.get_component_rich_style("overview--unique", partial=True)
        in_view = False
        if layout is not None and layout.height and height:
            view_h = max(1, self.grid.scrollable_content_region.height)
            top = round(self.grid.scroll_y) * height / layout.height
            bottom = (round(self.grid.scroll_y) + view_h) * height / layout.height
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
        layout = self.grid.layout_model
        if layout is None or not self.size.height:
            return
        line = event.y * layout.height // self.size.height
        view_h = max(1, self.grid.scrollable_content_region.height)
        self.grid.scroll_to(y=max(0, line - view_h // 2), animate=False)
