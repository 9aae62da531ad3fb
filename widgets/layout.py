"""The aligned grid's geometry, in plain Python (no Textual): which text sits on which line.

`build_layout` turns a `Comparison`, the sources on show, a width and the fold switch into a
list of `Line`s. Each line holds one `Piece` per column: a slice of one sentence's display text,
a fold notice, or nothing (a gap). Every sentence starts on a new line and soft-wraps within its
column; a row is as tall as its tallest cell; a separator line sits between rows. Sentences
flagged boilerplate or duplicate are folded to one notice per run when folding is on, and rows
that hold nothing but folded text merge into one block.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.cells import cell_len

from sidebyside.model import BOILERPLATE, DUPLICATE, Comparison, NoteStatus, Sentence
from sidebyside.text import counted

GUTTER = 3  # finding marker + note marker + space, in front of every line of a column
SEPARATOR = " │ "  # between columns
MIN_COLUMN = 38  # the narrowest comfortable pane, gutter included
FOLDED = (BOILERPLATE, DUPLICATE)

# Note markers (the gutter's second cell): a letter per status, so it reads without colour.
# In the order the help's legend lists them.
NOTE_MARKS = {s.value: s.mark for s in (NoteStatus.VERIFIED, NoteStatus.DISPUTED,
                                       NoteStatus.NEEDS_CHECK, NoteStatus.FOLLOW_UP)}


def note_mark(status: str) -> str:
    return NOTE_MARKS.get(status, "✎")


@dataclass
class Piece:
    """What one column shows on one line."""

    kind: str  # "text" | "fold"
    sid: str | None = None  # the sentence (text) or the first folded sentence (fold)
    start: int = 0  # slice of the sentence's display text
    end: int = 0
    first: bool = False  # the sentence's first line (carries the marker)
    label: str = ""  # fold notice
    short: str = ""  # fold notice for a narrow column
    folded: tuple[str, ...] = ()  # sentence ids behind a fold notice


@dataclass
class Line:
    kind: str  # "cells" | "sep"
    cells: list[Piece | None] = field(default_factory=list)


@dataclass
class Layout:
    sources: list[str]  # source ids, left to right
    width: int  # total width the columns were laid out for
    col_x: list[int]  # each column's first cell
    col_w: list[int]  # each column's width (gutter included)
    lines: list[Line]
    spans: dict[str, tuple[int, int, int]]  # sentence id -> (column, first line, last line)
    row_lines: dict[int, int]  # row index -> its first line

    @property
    def height(self) -> int:
        return len(self.lines)



def fit_count(width: int, n_sources: int) -> int:
    """How many panes of at least MIN_COLUMN fit into `width` (never fewer than two)."""
    sep = cell_len(SEPARATOR)
    n = max(1, (width + sep) // (MIN_COLUMN + sep))
    return max(min(2, n_sources), min(n, n_sources))


def columns(width: int, n: int) -> tuple[list[int], list[int]]:
    """Split `width` into `n` columns with separators; the last takes the remainder."""
    sep = cell_len(SEPARATOR)
    n = max(1, n)
    each = max(GUTTER + 4, (width - sep * (n - 1)) // n)
    xs, ws = [], []
    x = 0
    for i in range(n):
        w = each if i < n - 1 else max(GUTTER + 4, width - x)
        xs.append(x)
        ws.append(w)
        x += w + sep
    return xs, ws


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap by terminal cells; returns (start, end) slices of `text`.

    Spaces at a break are dropped from the line; a word wider than the column is split.
    """
    width = max(1, width)
    out: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    while i < n:
        while i < n and text[i] == " ":
            i += 1
        if i >= n:
            break
        start = i
        used = 0
        last_break = -1  # index of a space we may break at
        j = i
        while j < n:
            w = cell_len(text[j])
            if used + w > width:
                break
            if text[j] == " ":
                last_break = j
            used += w
            j += 1
        if j >= n:
            out.append((start, n))
            break
        if text[j] == " ":
            out.append((start, j))
            i = j
        elif last_break > start:
            out.append((start, last_break))
            i = last_break
        else:  # one long word: cut it
            j = max(j, start + 1)
            out.append((start, j))
            i = j
    return out or [(0, 0)]


def _fold_label(sentences: list[Sentence]) -> str:
    n = len(sentences)
    kinds = {s.status for s in sentences}
    if kinds == {DUPLICATE}:
        what = "repeated text"
    elif kinds == {BOILERPLATE}:
        what = "boilerplate"
    else:
        what = "boilerplate and repeats"
    return f"{counted(n, 'sentence')} of {what} folded (z)"


def _cell(comparison: Comparison, sentences: list[Sentence], text_w: int, fold: bool) -> list[Piece]:
    pieces: list[Piece] = []
    run: list[Sentence] = []

    def flush() -> None:
        if run:
            pieces.append(
                Piece(
                    "fold",
                    sid=run[0].id,
                    label=_fold_label(run),
                    short=f"{len(run)} folded (z)",
                    folded=tuple(s.id for s in run),
                )
            )
            run.clear()

    for s in sentences:
        if fold and s.status in FOLDED:
            run.append(s)
            continue
        flush()
        for k, (a, b) in enumerate(wrap(s.text, text_w)):
            pieces.append(Piece("text", sid=s.id, start=a, end=b, first=k == 0))
    flush()
    return pieces


def build_layout(
    comparison: Comparison, sources: list[str], width: int, fold: bool = True
) -> Layout:
    col_x, col_w = columns(width, len(sources))
    by_source = {src.id: src for src in comparison.sources}
    lines: list[Line] = []
    spans: dict[str, tuple[int, int, int]] = {}
    row_lines: dict[int, int] = {}
    pending: list[list[Sentence]] | None = None  # a block of all-folded rows being merged
    pending_rows: list[int] = []

    def sentences_of(sid: str, para: int | None) -> list[Sentence]:
        if para is None:
            return []
        src = by_source[sid]
        if para >= len(src.paragraphs):
            return []
        return [comparison.sentence(x) for x in src.paragraphs[para].sentences]

    def emit(rows: list[int], cells: list[list[Piece]]) -> None:
        if lines:
            lines.append(Line("sep"))
        top = len(lines)
        for r in rows:
            row_lines[r] = top
        height = max((len(c) for c in cells), default=0) or 1
        for y in range(height):
            lines.append(Line("cells", [c[y] if y < len(c) else None for c in cells]))
        for col, c in enumerate(cells):
            for y, piece in enumerate(c):
                if piece.kind == "text" and piece.sid:
                    _, a, b = spans.get(piece.sid, (col, top + y, top + y))
                    spans[piece.sid] = (col, min(a, top + y), top + y)

    def flush_pending() -> None:
        nonlocal pending
        if pending is not None:
            cells = []
            for col, run in enumerate(pending):
                cells.append(_cell(comparison, run, max(1, col_w[col] - GUTTER), True))
            emit(list(pending_rows), cells)
            pending = None
            pending_rows.clear()

    for r, row in enumerate(comparison.rows):
        per_col = [sentences_of(sid, row.get(sid)) for sid in sources]
        if not any(per_col):
            continue
        all_folded = fold and all(s.status in FOLDED for col in per_col for s in col)
        if all_folded:
            if pending is None:
                pending = [[] for _ in sources]
            pending_rows.append(r)
            for col, ss in enumerate(per_col):
                pending[col].extend(ss)
            continue
        flush_pending()
        cells = [
            _cell(comparison, ss, max(1, col_w[col] - GUTTER), fold)
            for col, ss in enumerate(per_col)
        ]
        emit([r], cells)
    flush_pending()
    return Layout(
        sources=list(sources),
        width=width,
        col_x=col_x,
        col_w=col_w,
        lines=lines,
        spans=spans,
        row_lines=row_lines,
    )
