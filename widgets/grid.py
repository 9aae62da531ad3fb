"""The aligned grid: every source on show as a column, rows aligned, one scroll for all.

One `ScrollView` draws all the columns itself with the Line API, so the panes can never drift
apart: `render_line(y)` looks the line up in a `Layout` (built once per width, see layout.py) and
returns a `Strip` from a bounded cache keyed by what the line shows (the layout's width, the
fold, the chosen sources, the search text, the note marks, the shifted panes, and the cursor when
it is on that line). The cursor is one sentence in one pane, drawn reversed.

The state a line depends on is reactive: set `fold`, `chosen`, `query_text` or `note_marks` and
the grid lays out or repaints itself. It tells its siblings by messages: `LayoutChanged` carries
the new layout, `Viewport` the lines on screen, `CursorMoved` the sentence under the cursor.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from sidebyside.model import BOILERPLATE, DUPLICATE, PARTIAL, SHARED, Comparison, Sentence

from .counterpart import counterparts, shifts
from .layout import (
    Layout,
    build_layout,
    fit_count,
)
from .paint import (  # noqa: F401 - re-exported: the screens and tests name them from here
    GRID_COMPONENTS,
    GRID_CSS,
    MARK_BOILERPLATE,
    MARK_CONTINUE,
    MARK_DISAGREE,
    MARK_DUPLICATE,
    MARK_FOLD,
    MARK_PARTIAL,
    MARK_REPORTER,
    MARK_SHARED,
    MARK_UNIQUE,
    GridPainter,
    finding_index,
    is_unique_claim,
)


class AlignedGrid(GridPainter, ScrollView, can_focus=True, inherit_bindings=False):
    """All panes of the comparison, side by side, in one scrolling view."""

    COMPONENT_CLASSES = GRID_COMPONENTS

    BINDINGS = [
        Binding("j,down", "move(1)", "Next", tooltip="Next sentence in this pane"),
        Binding("k,up", "move(-1)", "Prev", tooltip="Previous sentence in this pane"),
        Binding("tab,l,right", "pane(1)", "Pane", tooltip="Next pane, on the aligned sentence"),
        Binding(
            "shift+tab,h,left",
            "pane(-1)",
            "Prev pane",
            show=False,
            tooltip="Previous pane, on the aligned sentence",
        ),
        Binding("n", "jump('finding', 1)", "Finding", tooltip="Next finding (≠ or ◆)"),
        Binding("N", "jump('finding', -1)", "Prev finding", show=False, tooltip="Previous finding"),
        Binding("d", "jump('disagreement', 1)", "≠ Numbers", tooltip="Next numeric disagreement"),
        Binding("D", "jump('disagreement', -1)", "Prev ≠", show=False, tooltip="Previous numeric disagreement"),
        Binding("u", "jump('unique', 1)", "◆ Unique", tooltip="Next unique claim"),
        Binding("U", "jump('unique', -1)", "Prev ◆", show=False, tooltip="Previous unique claim"),
        Binding("s", "jump('shared', 1)", "Shared", show=False, tooltip="Next shared sentence"),
        Binding("S", "jump('shared', -1)", "Prev shared", show=False, tooltip="Previous shared sentence"),
        Binding("p", "jump('partial', 1)", "◐ Partial", show=False, tooltip="Next partial claim (◐)"),
        Binding("P", "jump('partial', -1)", "Prev ◐", show=False, tooltip="Previous partial claim"),
        # notes live in the app (the store); the keys sit here so the footer shows them early
        Binding("a", "screen.annotate", "Note", tooltip="Write or edit the note on the sentence"),
        Binding("m", "screen.cycle_status", "Note status", show=False,
                tooltip="Cycle the note status: needs check, verified, disputed, follow up"),
        Binding("o", "jump('annotated', 1)", "Next note", tooltip="Next annotated sentence"),
        Binding("O", "jump('annotated', -1)", "Prev note", show=False,
                tooltip="Previous annotated sentence"),
        Binding("enter", "detail", "Detail", tooltip="Matches, word diff, numbers and notes"),
        Binding("z", "fold", "Fold", tooltip="Fold or unfold boilerplate and repeats"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, tooltip="Page down (cursor follows)"),
        Binding("pageup,b", "page(-1)", "Page up", show=False, tooltip="Page up (cursor follows)"),
        Binding("home,g", "edge(-1)", "Top of pane", show=False, tooltip="First sentence of this pane"),
        Binding("end,G", "edge(1)", "End of pane", show=False, tooltip="Last sentence of this pane"),
    ]

    DEFAULT_CSS = GRID_CSS  # widgets/paint.py: the colours and attributes of every mark

    LINES_CACHED = 4096  # rendered lines kept (a few screens of every state seen lately)

    cursor: reactive[str | None] = reactive(None, layout=False, init=False)
    fold: reactive[bool] = reactive(True, init=False)  # boilerplate and repeats folded
    chosen: reactive[list[str] | None] = reactive(None, init=False)  # None: as many as fit
    query_text: reactive[str] = reactive("", init=False)  # the search, highlighted
    note_marks: reactive[dict[str, str]] = reactive(dict, init=False)  # sentence -> its note's status

    @dataclass
    class CursorMoved(Message):
        sentence: str | None

    @dataclass
    class OpenDetail(Message):
        sentence: str

    @dataclass
    class LayoutChanged(Message):
        """The columns or the height changed (headers and the overview redraw)."""

        layout: Layout

    @dataclass
    class Viewport(Message):
        """The model lines on screen: from `top`, `height` of them (the overview follows)."""

        top: int
        height: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, AlignedGrid.Viewport)

    def __init__(
        self,
        comparison: Comparison,
        sources: list[str] | None = None,
        *,
        note_marks: dict[str, str] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.comparison = comparison
        self.set_reactive(AlignedGrid.chosen, list(sources) if sources else None)
        self.set_reactive(AlignedGrid.note_marks, dict(note_marks or {}))
        self.findings = finding_index(comparison)
        self._layout: Layout | None = None
        self._strips: LRUCache[tuple, Strip] = LRUCache(self.LINES_CACHED)
        self._marks_key: frozenset = frozenset(self.note_marks.items())
        self._layout_key: tuple = ()  # the layout's width, fold and panes
        self._shift_key: tuple = ()  # the panes' shifts and the counterparts marked
        self._hop_start: str | None = None  # where a run of tab / shift+tab began
        self.shifts: list[int] = []  # per pane: lines shifted to show the cursor's counterpart
        self.peers: set[str] = set()  # the counterparts shown that way (marked)
        self._order: list[str] = []
        self._pane_seq: dict[str, list[str]] = {}
        self._rank: dict[str, int] = {}

    # ------------------------------------------------------------------ layout
    @property
    def layout_model(self) -> Layout | None:
        return self._layout

    def shown_sources(self, width: int | None = None) -> list[str]:
        ids = [s.id for s in self.comparison.sources]
        if self.chosen:
            return [s for s in self.chosen if s in ids]
        width = width if width is not None else self._content_width()
        return ids[: fit_count(width, len(ids))]

    def _content_width(self) -> int:
        return max(20, self.scrollable_content_region.width or self.size.width or 80)

    def relayout(self, keep_cursor: bool = True) -> Layout:
        width = self._content_width()
        sources = self.shown_sources(width)
        self._layout = build_layout(self.comparison, sources, width, self.fold)
        self._layout_key = (width, self.fold, tuple(sources))
        self._set_shifts([0] * len(sources), set())
        self._build_order()
        self.virtual_size = Size(width, self._layout.height)
        old = self.cursor
        if not keep_cursor or old is None or old not in self._rank:
            self._place_cursor(old)
        self.refresh()
        self.post_message(self.LayoutChanged(self._layout))
        self._post_viewport()
        if self.cursor:
            self.call_after_refresh(self.scroll_to_cursor)
        return self._layout

    def _place_cursor(self, old: str | None) -> None:
        """Put the cursor somewhere sensible after a relayout (nearest in its pane, else first)."""
        target: str | None = None
        if old is not None:
            s = self.comparison.sentence(old)
            seq = self._pane_seq.get(s.source)
            if seq:
                before = [x for x in seq if self.comparison.sentence(x).index <= s.index]
                target = before[-1] if before else seq[0]
            elif self._layout and self._layout.sources:
                pane = self._layout.sources[0]
                target = self._first_in_row(pane, s) or (self._pane_seq.get(pane) or [None])[0]
        if target is None and self._layout and self._layout.sources:
            first_pane = self._pane_seq.get(self._layout.sources[0])
            target = first_pane[0] if first_pane else None
        if target is None and self._order:
            target = self._order[0]
        self.set_cursor(target, scroll=False)

    def _build_order(self) -> None:
        """Reading order: row by row, pane by pane, sentence by sentence (folded ones skipped)."""
        layout = self._layout
        assert layout is not None
        by_source = {src.id: src for src in self.comparison.sources}
        order: list[str] = []
        seq: dict[str, list[str]] = {sid: [] for sid in layout.sources}
        for row in self.comparison.rows:
            for sid in layout.sources:
                p = row.get(sid)
                if p is None or p >= len(by_source[sid].paragraphs):
                    continue
                for x in by_source[sid].paragraphs[p].sentences:
                    if x in layout.spans:
                        order.append(x)
                        seq[sid].append(x)
        self._order = order
        self._pane_seq = seq
        self._rank = {x: i for i, x in enumerate(order)}

    def on_resize(self) -> None:
        if self._layout is None or self._layout.width != self._content_width():
            self.relayout()
        else:
            self._post_viewport()

    def on_mount(self) -> None:
        self.relayout()

    def _post_viewport(self) -> None:
        self.post_message(self.Viewport(round(self.scroll_y),
                                        max(1, self.scrollable_content_region.height)))

    # ------------------------------------------------------------------ state changes
    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self._post_viewport()

    def watch_fold(self) -> None:
        if self.is_mounted:
            self.relayout()

    def watch_chosen(self) -> None:
        if self.is_mounted:
            self.relayout()

    def watch_query_text(self) -> None:
        self.refresh()  # the lines are cached by the search text too: nothing to clear

    def findings_changed(self) -> None:
        """The comparison's findings changed (a reporter's correction): statuses, links,
        disagreements, rows. Every line is drawn again."""
        self.findings = finding_index(self.comparison)
        self._strips.clear()
        if self.is_mounted:
            self.relayout()

    def watch_note_marks(self, marks: dict[str, str]) -> None:
        self._marks_key = frozenset(marks.items())
        self.refresh()

    def reveal(self, sid: str) -> bool:
        """Make sentence `sid` a landing place (show its source, unfold) and put the cursor on it."""
        if sid not in self._rank:
            source = self.pane_of(sid)
            shown = self._layout.sources if self._layout else self.shown_sources()
            if source not in shown:
                order = [s.id for s in self.comparison.sources]
                self.chosen = sorted([*shown, source], key=order.index)
            if sid not in self._rank and self.fold:
                self.fold = False
        if sid not in self._rank:
            return False
        self.set_cursor(sid)
        return True

    def watch_cursor(self, old: str | None, new: str | None) -> None:
        for sid in (old, new):  # their lines are cached with the cursor on or off them
            if self._layout is not None and sid in self._layout.spans:
                _, a, b = self._layout.spans[sid]
                self.refresh_lines(a, b - a + 1)
        self.post_message(self.CursorMoved(new))

    def set_cursor(self, sid: str | None, scroll: bool = True) -> None:
        self._hop_start = None  # any move but a pane hop starts afresh
        self.cursor = sid
        if scroll:
            self.scroll_to_cursor()
        self._bring_counterparts()

    def _bring_counterparts(self) -> None:
        """Shift the other panes so the cursor's counterparts are on screen beside it."""
        layout = self._layout
        peers: dict[str, str] = {}
        new = [0] * (len(layout.sources) if layout else 0)
        if layout is not None and self.cursor in layout.spans:
            peers = counterparts(self.comparison, self.cursor, layout)
            height = max(1, self.scrollable_content_region.height)
            new = shifts(layout, self.cursor, peers, round(self.scroll_y), height)
        shown = {p for col, p in enumerate(layout.sources) if new[col]} if layout else set()
        marked = {sid for pane, sid in peers.items() if pane in shown}
        if new != self.shifts or marked != self.peers:
            self._set_shifts(new, marked)
            self.refresh()

    def _set_shifts(self, shifts: list[int], peers: set[str]) -> None:
        self.shifts, self.peers = shifts, peers
        self._shift_key = (tuple(shifts), frozenset(peers))

    def scroll_to_cursor(self) -> None:
        if self.cursor is None or self._layout is None:
            return
        span = self._layout.spans.get(self.cursor)
        if span is None:
            return
        _, top, bottom = span
        height = max(1, self.scrollable_content_region.height)
        y = round(self.scroll_y)
        margin = 2 if height > 12 else 0
        if top - margin < y:
            new = top - margin
        elif bottom + margin >= y + height:
            new = min(top - margin, bottom + margin - height + 1)
        else:
            return
        self.scroll_to(y=max(0, new), animate=False, immediate=True)

    # ------------------------------------------------------------------ navigation
    def _say(self, message: str) -> None:
        self.notify(message, timeout=2)

    def pane_of(self, sid: str) -> str:
        return self.comparison.sentence(sid).source

    def _first_in_row(self, pane: str, s: Sentence) -> str | None:
        """The first shown sentence of `pane` in the aligned row of sentence `s`."""
        for row in self.comparison.rows:
            if row.get(s.source) == s.paragraph:
                p = row.get(pane)
                if p is None:
                    return None
                for x in self.comparison.source(pane).paragraphs[p].sentences:
                    if self._layout and x in self._layout.spans:
                        return x
                return None
        return None

    def _nearest(self, pane: str, line: int) -> str | None:
        best, dist = None, None
        assert self._layout is not None
        for x in self._pane_seq.get(pane, []):
            _, a, b = self._layout.spans[x]
            d = 0 if a <= line <= b else min(abs(a - line), abs(b - line))
            if dist is None or d < dist:
                best, dist = x, d
        return best

    def landing(self, sid: str, pane: str) -> str | None:
        """Where the cursor lands in `pane` coming from sentence `sid`."""
        assert self._layout is not None
        s = self.comparison.sentence(sid)
        links = sorted(
            (lk for lk in s.links if lk.to in self._layout.spans and self.pane_of(lk.to) == pane),
            key=lambda lk: -lk.score,
        )
        if links:
            return links[0].to
        if s.duplicate_of and s.duplicate_of in self._layout.spans:
            return self.landing(s.duplicate_of, pane)
        first = self._first_in_row(pane, s)
        if first:
            return first
        return self._nearest(pane, self._layout.spans[sid][1])

    def action_move(self, step: int) -> None:
        if not self._order:
            return
        if self.cursor is None:
            self.set_cursor(self._order[0])
            return
        seq = self._pane_seq.get(self.pane_of(self.cursor), [])
        if not seq:
            return
        i = seq.index(self.cursor) if self.cursor in seq else 0
        j = min(max(i + step, 0), len(seq) - 1)
        if j == i:
            self._say("End of this source" if step > 0 else "Top of this source")
        self.set_cursor(seq[j])

    def action_pane(self, step: int) -> None:
        if self._layout is None or self.cursor is None or len(self._layout.sources) < 2:
            return
        panes = self._layout.sources
        here = panes.index(self.pane_of(self.cursor))
        # Hopping pane to pane keeps its start: from a sentence linked to two others, tab goes
        # to one link and tab again to the other (not to the first link's own link), and back
        # to the start in its pane (shift+tab returns where you came from).
        start = self._hop_start if self._hop_start in self._layout.spans else self.cursor
        for k in range(1, len(panes)):
            pane = panes[(here + step * k) % len(panes)]
            if self._pane_seq.get(pane):
                target = start if self.pane_of(start) == pane else self.landing(start, pane)
                if target:
                    self.set_cursor(target)
                    self._hop_start = start  # set_cursor forgets it; this move keeps it
                    return

    def matches(self, kind: str, sid: str) -> bool:
        s = self.comparison.sentence(sid)
        if kind == "disagreement":
            return sid in self.findings
        if kind == "unique":
            return is_unique_claim(s)
        if kind == "shared":
            return s.status == SHARED
        if kind == "partial":
            return s.status == PARTIAL
        if kind == "finding":
            return sid in self.findings or is_unique_claim(s)
        if kind == "search":
            return bool(self.query_text) and self.query_text.lower() in s.text.lower()
        if kind == "annotated":
            return sid in self.note_marks
        return False

    def find_next(self, kind: str, step: int) -> tuple[str | None, bool]:
        """The next sentence of a kind in reading order from the cursor, and whether it wrapped."""
        if not self._order:
            return None, False
        n = len(self._order)
        here = self._rank.get(self.cursor or "", -1 if step > 0 else n)
        for k in range(1, n + 1):
            i = here + step * k
            wrapped = i >= n or i < 0
            x = self._order[i % n]
            if self.matches(kind, x):
                return x, wrapped
        return None, False

    NAMES = {
        "finding": "findings",
        "disagreement": "numeric disagreements",
        "unique": "unique claims",
        "shared": "shared sentences",
        "partial": "partial claims",
        "search": "matches",
        "annotated": "annotated sentences",
    }

    def action_jump(self, kind: str, step: int) -> None:
        target, wrapped = self.find_next(kind, step)
        if target is None:
            message = f"No {self.NAMES.get(kind, kind)} in the sources on show"
            if kind == "annotated":
                hidden = sum(1 for x in self.note_marks if x not in self._rank)
                if hidden:
                    message += f"; {hidden} in folded text or hidden sources (z, v, A)"
                else:
                    message += " (a adds a note)"
            elif kind in ("disagreement", "unique", "partial", "finding"):
                # a source the width left out may hold them: say so, and how to show it
                hidden = sum(1 for s in self.comparison.all_sentences()
                             if s.id not in self._rank and self.matches(kind, s.id))
                if hidden:
                    message += f"; {hidden} in hidden sources or folded text (v, z)"
            self._say(message)
            return
        if target == self.cursor:
            self._say(f"No other {self.NAMES.get(kind, kind)} in the sources on show")
        elif wrapped:
            self._say("Wrapped to the top" if step > 0 else "Wrapped to the bottom")
        self.set_cursor(target)

    def search_position(self) -> tuple[int, int]:
        hits = [x for x in self._order if self.matches("search", x)]
        i = hits.index(self.cursor) + 1 if self.cursor in hits else 0
        return i, len(hits)

    def hidden_matches(self) -> int:
        """Matches in sources not on show or in folded text (the search cannot land there)."""
        if not self.query_text:
            return 0
        q = self.query_text.lower()
        return sum(
            1 for s in self.comparison.all_sentences()
            if s.id not in self._rank and q in s.text.lower()
        )

    def action_page(self, step: int) -> None:
        if self.cursor is None or self._layout is None:
            return
        height = max(1, self.scrollable_content_region.height)
        _, top, _ = self._layout.spans[self.cursor]
        target_line = max(0, min(self._layout.height - 1, top + step * (height - 2)))
        self.scroll_to(y=max(0, round(self.scroll_y) + step * (height - 2)), animate=False,
                       immediate=True)
        x = self._nearest(self.pane_of(self.cursor), target_line)
        if x:
            self.set_cursor(x)

    def action_edge(self, step: int) -> None:
        if self.cursor is None:
            return
        seq = self._pane_seq.get(self.pane_of(self.cursor), [])
        if seq:
            self.set_cursor(seq[-1] if step > 0 else seq[0])

    def action_detail(self) -> None:
        if self.cursor:
            self.post_message(self.OpenDetail(self.cursor))

    def action_fold(self) -> None:
        shown = set(self.shown_sources())
        if not any(s.status in (BOILERPLATE, DUPLICATE) for s in self.comparison.all_sentences()
                   if s.source in shown):
            self._say("Nothing to fold: no boilerplate or repeats in the sources on show")
            return
        self.fold = not self.fold
        self._say("Boilerplate and repeats folded" if self.fold else "Boilerplate and repeats shown")

    # ------------------------------------------------------------------ mouse
    def on_click(self, event) -> None:
        if self._layout is None:
            return
        for col, x0 in enumerate(self._layout.col_x):
            if x0 <= event.x < x0 + self._layout.col_w[col]:
                y = event.y + round(self.scroll_y)
                y += self.shifts[col] if col < len(self.shifts) else 0
                if not 0 <= y < self._layout.height:
                    return
                line = self._layout.lines[y]
                if line.kind != "cells":
                    return
                piece = line.cells[col]
                if piece and piece.kind == "text" and piece.sid:
                    self.set_cursor(piece.sid, scroll=False)
                    self.focus()
                elif piece and piece.kind == "fold":
                    self.action_fold()

    # ------------------------------------------------------------------ drawing
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # a theme change restyles every cached line

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def render_line(self, y: int) -> Strip:
        scroll_y = round(self.scroll_y)
        line_y = y + scroll_y
        width = self.size.width
        layout = self._layout
        if layout is None or not 0 <= line_y < layout.height:
            return Strip.blank(width, self.rich_style)
        # What this line shows depends on: the layout (its width, the fold, the panes), the
        # search, the note marks, the shifted panes and their marked counterparts, and the cursor
        # when the cursor's sentence covers this line.
        cursor = self.cursor
        span = layout.spans.get(cursor) if cursor is not None else None
        on_line = cursor if span is not None and span[1] <= line_y <= span[2] else None
        key = (line_y, self._layout_key, self.query_text, self._marks_key, self._shift_key,
               on_line)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_model_line(line_y).adjust_cell_length(width)
            strip = strip.apply_style(self.rich_style)
            self._strips.set(key, strip)
        return strip

