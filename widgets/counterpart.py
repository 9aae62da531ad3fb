"""The two sides of a finding on screen at once.

Rows are aligned paragraph by paragraph, so a figure and the figure it disagrees with (or a
sentence and its match) can sit a screen apart when the outlets order their stories
differently. With the cursor on such a sentence, each other pane is shifted so its counterpart
starts on the cursor's line; the shift lasts until the cursor moves to a sentence that needs none.
"""

from __future__ import annotations

from sidebyside.model import Comparison

from .layout import Layout


def counterparts(comparison: Comparison, sid: str, layout: Layout) -> dict[str, str]:
    """Pane -> the sentence there that answers `sid`: a side of a disagreement it takes part
    in first, else its best-scoring link, else its best partial link (a part another source
    reports)."""
    here = comparison.sentence(sid).source
    out: dict[str, str] = {}
    for d in comparison.disagreements:
        if any(side.sentence == sid for side in d.sides):
            for side in d.sides:
                if side.source != here and side.sentence in layout.spans:
                    out.setdefault(side.source, side.sentence)
    for lk in sorted(comparison.sentence(sid).links, key=lambda lk: -lk.score):
        if lk.to in layout.spans:
            out.setdefault(comparison.sentence(lk.to).source, lk.to)
    for part in comparison.sentence(sid).parts:
        if part.to in layout.spans:
            out.setdefault(comparison.sentence(part.to).source, part.to)
    return {pane: s for pane, s in out.items() if pane in layout.sources}


def shifts(layout: Layout, cursor: str, peers: dict[str, str], top: int, height: int) -> list[int]:
    """Per pane, how many lines to shift it so a counterpart out of view starts on the cursor's
    first line (0: in view already, or none)."""
    out = [0] * len(layout.sources)
    if cursor not in layout.spans:
        return out
    cursor_top = layout.spans[cursor][1]
    for col, pane in enumerate(layout.sources):
        peer = peers.get(pane)
        if peer is None:
            continue
        _, a, b = layout.spans[peer]
        if a >= top and b < top + height:
            continue  # already on screen
        out[col] = a - cursor_top
    return out
