"""How the grid paints a line: markers in the gutter, figures in conflict, search hits, the
cursor, shifted panes; and the styles it paints them with (its component classes and CSS).
A mixin of AlignedGrid (widgets/grid.py), which owns the state it reads (`_layout`, `findings`,
`note_marks`, `query_text`, `cursor`, `shifts`, `peers`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from sidebyside.model import (
    BOILERPLATE,
    DUPLICATE,
    PARTIAL,
    SHARED,
    VALUE,
    Comparison,
    NoteStatus,
    Sentence,
    is_unique_claim,  # (grid and panes import it from here too)
)
from sidebyside.safe import pictures

from .layout import GUTTER, SEPARATOR, Piece, note_mark

# Gutter markers: every highlight has one, so it reads without colour.
MARK_SHARED = "▎"
MARK_REPORTER = "✓"  # shared by a reporter's link (sidebyside/corrections.py)
MARK_UNIQUE = "◆"
MARK_PARTIAL = "◐"  # partial: part of its claims another source reports (Sentence.parts)
MARK_DISAGREE = "≠"
MARK_BOILERPLATE = "·"
MARK_DUPLICATE = "="
MARK_FOLD = "…"
MARK_CONTINUE = "┆"

NOTE_CLASSES = {s.value: s.style for s in NoteStatus}


GRID_COMPONENTS = {
    "grid--marker-shared",
    "grid--marker-partial",
    "grid--marker-unique",
    "grid--text-unique",
    "grid--marker-value",
    "grid--marker-other",
    "grid--number-value",
    "grid--number-other",
    "grid--folded",
    "grid--fold",
    "grid--separator",
    "grid--match",
    "grid--cursor",
    "grid--peer",
    "grid--note-verified",
    "grid--note-disputed",
    "grid--note-check",
    "grid--note-follow",
}

# The grid's DEFAULT_CSS: its frame, and the colours and attributes of every mark.
GRID_CSS = """
AlignedGrid {
    width: 1fr;
    height: 1fr;
    scrollbar-size-vertical: 0;
    scrollbar-size-horizontal: 0;
    overflow-x: hidden;
}

AlignedGrid:focus {
    background-tint: $foreground 0%;
}

AlignedGrid > .grid--marker-shared {
    color: $success;
}

AlignedGrid > .grid--marker-partial {
    color: $success;
    text-style: bold;
}

/* Marks and figures: distinct by shape and attribute without colour (NO_COLOR keeps bold,
   reverse and underline), and at least 4.5:1 against the background in 16, 256 and true
   colour (tests/test_tui_newcomer.py measures it). Unique is cyan, never the conflicts' red. */
AlignedGrid > .grid--marker-unique {
    color: #5fd7ff;
    text-style: bold;
}

AlignedGrid > .grid--text-unique {
    text-style: bold;
}

AlignedGrid > .grid--marker-value {
    color: #ff6b6b;
    text-style: bold reverse;
}

AlignedGrid > .grid--marker-other {
    color: #ffb454;
    text-style: bold underline;
}

AlignedGrid > .grid--number-value {
    color: #ff6b6b;
    text-style: bold reverse underline;
}

AlignedGrid > .grid--number-other {
    color: #ffb454;
    text-style: bold underline;
}

AlignedGrid > .grid--folded {
    color: $text-muted;
    text-style: dim;
}

AlignedGrid > .grid--fold {
    color: $text-muted;
    text-style: italic;
}

AlignedGrid > .grid--separator {
    color: $panel-lighten-2;
}

AlignedGrid > .grid--match {
    color: #ffd75f;
    text-style: bold underline italic;
}

/* the counterpart a shifted pane was brought to (beside the cursor) */
AlignedGrid > .grid--peer {
    text-style: underline;
}

AlignedGrid > .grid--cursor {
    text-style: reverse;
}

/* note markers: a letter per status (V D ? F), so colour is only a second cue */
AlignedGrid > .grid--note-verified {
    color: $success;
    text-style: bold;
}

AlignedGrid > .grid--note-disputed {
    color: #ff6b6b;
    text-style: bold;
}

AlignedGrid > .grid--note-check {
    color: $warning;
    text-style: bold;
}

AlignedGrid > .grid--note-follow {
    color: #5fd7ff;
    text-style: bold;
}
"""


@dataclass
class Span:
    start: int
    end: int
    kind: str  # value | qualifier | unit | date


def finding_index(comparison: Comparison) -> dict[str, list[Span]]:
    """Sentence id -> the spans of its quantities that take part in a disagreement."""
    out: dict[str, list[Span]] = {}
    for d in comparison.disagreements:
        for side in d.sides:
            if side.end > side.start:
                out.setdefault(side.sentence, []).append(Span(side.start, side.end, d.kind))
            else:
                out.setdefault(side.sentence, [])
    return out


class GridPainter:
    """The drawing half of AlignedGrid: model lines to Strips."""

    def _render_model_line(self, line_y: int) -> Strip:
        layout = self._layout
        assert layout is not None
        if any(self.shifts):
            return self._render_shifted_line(line_y)
        line = layout.lines[line_y]
        sep_style = self._style("grid--separator")
        segments: list[Segment] = []
        n = len(layout.sources)
        if line.kind == "sep":
            for col in range(n):
                segments.append(Segment("╌" * layout.col_w[col], sep_style))
                if col < n - 1:
                    segments.append(Segment("╌┼╌", sep_style))
            return Strip(segments)
        for col in range(n):
            piece = line.cells[col] if col < len(line.cells) else None
            segments.extend(self._render_piece(piece, layout.col_w[col]))
            if col < n - 1:
                segments.append(Segment(SEPARATOR, sep_style))
        return Strip(segments)

    def _render_shifted_line(self, line_y: int) -> Strip:
        """A screen line when some panes are shifted to a counterpart: each pane shows its own
        model line (blank past either end)."""
        layout = self._layout
        assert layout is not None
        sep_style = self._style("grid--separator")
        segments: list[Segment] = []
        n = len(layout.sources)
        kinds = []
        for col in range(n):
            y = line_y + (self.shifts[col] if col < len(self.shifts) else 0)
            line = layout.lines[y] if 0 <= y < layout.height else None
            kinds.append(line.kind if line is not None else "blank")
            if line is None:
                segments.append(Segment(" " * layout.col_w[col]))
            elif line.kind == "sep":
                segments.append(Segment("╌" * layout.col_w[col], sep_style))
            else:
                piece = line.cells[col] if col < len(line.cells) else None
                segments.extend(self._render_piece(piece, layout.col_w[col]))
            if col < n - 1:
                join = "╌┼╌" if kinds[col] == "sep" and self._kind_at(line_y, col + 1) == "sep" else SEPARATOR
                segments.append(Segment(join, sep_style))
        return Strip(segments)

    def _kind_at(self, line_y: int, col: int) -> str:
        layout = self._layout
        assert layout is not None
        y = line_y + (self.shifts[col] if col < len(self.shifts) else 0)
        return layout.lines[y].kind if 0 <= y < layout.height else "blank"

    def _marker(self, s: Sentence, first: bool) -> tuple[str, Style]:
        spans = self.findings.get(s.id)
        if spans is not None:
            kinds = {sp.kind for sp in spans}
            style = self._style("grid--marker-value" if VALUE in kinds else "grid--marker-other")
            return (MARK_DISAGREE if first else MARK_CONTINUE), style
        if s.status == SHARED:
            mark = MARK_REPORTER if any(link.by for link in s.links) else MARK_SHARED
            return mark, self._style("grid--marker-shared")
        if s.status == PARTIAL:
            return (MARK_PARTIAL if first else MARK_CONTINUE), self._style("grid--marker-partial")
        if is_unique_claim(s):
            return (MARK_UNIQUE if first else MARK_CONTINUE), self._style("grid--marker-unique")
        if s.status == BOILERPLATE:
            return MARK_BOILERPLATE, self._style("grid--folded")
        if s.status == DUPLICATE:
            return MARK_DUPLICATE, self._style("grid--folded")
        return " ", Style()

    def _note_marker(self, s: Sentence, first: bool) -> tuple[str, Style]:
        status = self.note_marks.get(s.id)
        if status is None or not first:
            return " ", Style()
        return note_mark(status), self._style(NOTE_CLASSES.get(status, "grid--note-check"))

    def _render_piece(self, piece: Piece | None, col_w: int) -> list[Segment]:
        text_w = max(1, col_w - GUTTER)
        if piece is None:
            return [Segment(" " * col_w)]
        if piece.kind == "fold":
            label = piece.label if len(piece.label) <= text_w else piece.short
            label = label[:text_w]
            style = self._style("grid--fold")
            noted = [x for x in piece.folded if x in self.note_marks]
            note = (
                self._note_marker(self.comparison.sentence(noted[0]), True)
                if noted
                else (" ", Style())
            )
            return [
                Segment(MARK_FOLD, style),
                Segment(note[0], note[1]),
                Segment(" ", style),
                Segment(label, style),
                Segment(" " * max(0, text_w - len(label))),
            ]
        s = self.comparison.sentence(piece.sid or "")
        mark, mark_style = self._marker(s, piece.first)
        cursor = s.id == self.cursor
        base = Style()
        if is_unique_claim(s):
            base = self._style("grid--text-unique")
        elif s.status in (BOILERPLATE, DUPLICATE):
            base = self._style("grid--folded")
        if s.id in self.peers:  # the counterpart a shifted pane was brought to
            base = base + self._style("grid--peer")
        cursor_style = self._style("grid--cursor") if cursor else Style()
        note, note_style = self._note_marker(s, piece.first)
        segments = [
            Segment(mark, mark_style + cursor_style),
            Segment(note, note_style if note != " " else cursor_style),
            Segment(" ", cursor_style),
        ]
        segments.extend(self._text_segments(s, piece.start, piece.end, base, cursor_style))
        used = sum(seg.cell_length for seg in segments)
        if used < col_w:
            segments.append(Segment(" " * (col_w - used)))
        return segments

    def _text_segments(
        self, s: Sentence, a: int, b: int, base: Style, cursor_style: Style
    ) -> list[Segment]:
        """The slice [a, b) of a sentence, with disagreement numbers and search hits styled."""
        text = pictures(s.text)  # no control character reaches the terminal (same length)
        marks: list[tuple[int, int, Style]] = []
        for sp in self.findings.get(s.id, []):
            name = "grid--number-value" if sp.kind == VALUE else "grid--number-other"
            style = self._style(name)
            if cursor_style:
                style = style + Style(reverse=False, underline=True, bold=True)
            marks.append((sp.start, sp.end, style))
        if self.query_text:
            low, q = text.lower(), self.query_text.lower()
            i = low.find(q)
            while i >= 0 and q:
                marks.append((i, i + len(q), self._style("grid--match")))
                i = low.find(q, i + len(q))
        cuts = {a, b}
        for m0, m1, _ in marks:
            if m1 > a and m0 < b:
                cuts.add(max(a, m0))
                cuts.add(min(b, m1))
        points = sorted(cuts)
        out: list[Segment] = []
        for p0, p1 in zip(points, points[1:], strict=False):
            style = base + cursor_style
            for m0, m1, mstyle in marks:
                if m0 <= p0 and p1 <= m1:
                    style = style + mstyle
            out.append(Segment(text[p0:p1], style))
        return out
