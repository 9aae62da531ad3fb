"""Align paragraphs into rows, like a collation table.

Each row holds at most one paragraph per source, and every source keeps its own reading order
(a monotone multi-sequence alignment). Sources are added one at a time: the new source's
paragraphs are aligned against the rows built so far by a dynamic programme that maximises the
summed link strength of the paragraphs it puts side by side. Links that cross (reordered
content) cannot all sit in rows; they stay as links the UI can jump along.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .model import Comparison, Source

ROLE_WEIGHT = 0.1  # headline beside headline, byline beside byline, when free


def _paragraph_links(sources: list[Source]) -> dict[tuple[str, int], dict[tuple[str, int], float]]:
    """For each paragraph, the strongest link score to each paragraph of another source."""
    heading = {(p.source, p.index): p.heading for src in sources for p in src.paragraphs}
    # Each sentence's paragraph and whether that is a heading (None: a paragraph not found, an
    # error as before when a link reaches it), looked up once per sentence, not once per link.
    para_of = {s.id: ((s.source, s.paragraph), heading.get((s.source, s.paragraph)))
               for src in sources for s in src.sentences}
    out: dict[tuple[str, int], dict[tuple[str, int], float]] = {}
    for src in sources:
        for s in src.sentences:
            if not s.links:
                continue
            mine = (s.source, s.paragraph)
            mine_heading = heading[mine]
            row = None  # made at the first link kept (a paragraph without one has no entry)
            for link in s.links:
                other, other_heading = para_of[link.to]
                if other_heading is None:
                    raise KeyError(other)
                if mine_heading != other_heading:
                    continue  # a headline stays beside headlines, not beside the body it sums up
                if row is None:
                    row = out.setdefault(mine, {})
                score = link.score
                if score > row.get(other, 0.0):
                    row[other] = score
    # Paragraphs with the same role sit side by side when nothing better claims them: each
    # source's headline with the others', bylines with bylines (a tiny weight, never a link).
    roles: dict[str, list[tuple[str, int]]] = {}
    for src in sources:
        for p in src.paragraphs[:4]:
            if p.index == 0 and p.heading:
                roles.setdefault("headline", []).append((src.id, p.index))
            elif p.reason == "byline":
                roles.setdefault("byline", []).append((src.id, p.index))
    for members in roles.values():
        for a in members:
            for b in members:
                if a[0] != b[0]:
                    row = out.setdefault(a, {})
                    row[b] = max(row.get(b, 0.0), ROLE_WEIGHT)
    return out


def align(comparison: Comparison) -> list[dict[str, int | None]]:
    sources = comparison.sources
    if not sources:
        return []
    links = _paragraph_links(sources)
    ids = [src.id for src in sources]
    rows: list[dict[str, int]] = [{sources[0].id: p.index} for p in sources[0].paragraphs]
    # The row each placed paragraph sits in (rows are extended in place, so this stays true).
    row_of: dict[tuple[str, int], dict[str, int]] = {
        (sources[0].id, p): row for row in rows for p in row.values()
    }
    for src in sources[1:]:
        paras = [p.index for p in src.paragraphs]
        n_rows, n_paras = len(rows), len(paras)
        # Similarity of row i with paragraph j: the best link from the paragraph into the row.
        sim: dict[tuple[int, int], float] = {}
        index = {id(row): i for i, row in enumerate(rows)}
        for j, p in enumerate(paras):
            for other, score in links.get((src.id, p), {}).items():
                row = row_of.get(other)
                i = index[id(row)] if row is not None else None
                # Squared, so one strong match outweighs two weak ones that would displace it.
                if i is not None and score * score > sim.get((i, j), 0.0):
                    sim[(i, j)] = score * score
        dp = _dp(sim, n_rows, n_paras)  # dp[j][i], column by column
        # Trace back, building the merged row list from the end (rows are extended in place:
        # the old list is dropped).
        merged: list[dict[str, int]] = []
        i, j = n_rows, n_paras
        while i > 0 or j > 0:
            s = sim.get((i - 1, j - 1)) if i > 0 and j > 0 else None
            if s is not None and abs(dp[j][i] - (dp[j - 1][i - 1] + s)) < 1e-9:
                row = rows[i - 1]
                row[src.id] = paras[j - 1]
                merged.append(row)
                i, j = i - 1, j - 1
                row_of[(src.id, row[src.id])] = row
                continue
            elif j > 0 and (i == 0 or dp[j][i] == dp[j - 1][i]):
                row = {src.id: paras[j - 1]}
                row_of[(src.id, paras[j - 1])] = row
                merged.append(row)
                j -= 1
            else:
                merged.append(rows[i - 1])
                i -= 1
        merged.reverse()
        rows = merged
    rows = _compact(rows, links)
    return [{sid: row.get(sid) for sid in ids} for row in rows]


def _dp(sim: dict[tuple[int, int], float], n_rows: int, n_paras: int) -> list:
    """The alignment table by columns: dp[j][i] is the best total for the first i rows and the
    first j paragraphs, the max of dp[j][i-1], dp[j-1][i] and dp[j-1][i-1] + sim[i-1, j-1].

    Filled a column at a time, each column a numpy array (rows run to the thousands on a big
    folder): the previous column, raised where a similarity gives a better diagonal step, then a
    running maximum down the rows from the first raised row; a column with no similarity is the
    previous one (columns never decrease down the rows). The same values as the cell-by-cell
    loops: max and + on float64 round exactly as on Python floats."""
    import numpy as np

    by_col: dict[int, list[tuple[int, float]]] = {}
    for (i, j), s in sim.items():
        by_col.setdefault(j, []).append((i, s))
    cols = [np.zeros(n_rows + 1)]
    for j in range(1, n_paras + 1):
        prev = cols[-1]
        entries = by_col.get(j - 1)
        if not entries:  # a column is non-decreasing down the rows: nothing to raise, reuse it
            cols.append(prev)
            continue
        rows = np.fromiter((i for i, _ in entries), dtype=np.int64, count=len(entries))
        d = prev[rows] + np.fromiter((s for _, s in entries), dtype=np.float64, count=len(entries))
        raised = d > prev[rows + 1]  # the diagonal step into row i + 1 beats the step from the left
        if not raised.any():
            cols.append(prev)  # the same values as a copy: nothing raised, nothing to carry down
            continue
        best = prev.copy()
        best[rows[raised] + 1] = d[raised]  # each row once per column (`sim` is keyed by cell)
        first = int(rows[raised].min())
        np.maximum.accumulate(best[first:], out=best[first:])  # ... and the step down the rows
        cols.append(best)
    return cols


def _compact(
    rows: list[dict[str, int]], links: dict[tuple[str, int], dict[tuple[str, int], float]]
) -> list[dict[str, int]]:
    """Move each source's unmatched paragraphs up, in order, into the first rows after its
    previous matched one where it has no paragraph: between two rows where a source's paragraph
    links to another in its row, its other paragraphs sit from the top, beside whatever the
    other sources show there (each source keeps its order; matched paragraphs do not move). Two
    outlets' ledes then sit side by side, and a gap is shown only where it means something."""
    rows = [dict(row) for row in rows]

    def matched(row: dict[str, int], sid: str) -> bool:
        mine = links.get((sid, row[sid]))
        return bool(mine) and any(o in mine for o in row.items() if o[0] != sid)

    # The rows holding each source's paragraphs, in order, sources in order of first use. Only a
    # source's own turn moves its paragraphs, so its list is still true when its turn comes: each
    # source looks at its own rows, not at every row (200 sources x 1,600 rows on 200 x 1,000).
    holding: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        for sid in row:
            holding.setdefault(sid, []).append(i)
    for sid, at in holding.items():
        anchors = [i for i in at if matched(rows[i], sid)]
        for lo, hi in zip([-1, *anchors], [*anchors, len(rows)], strict=True):
            between = at[bisect_right(at, lo) : bisect_left(at, hi)]  # rows lo < i < hi holding it
            mine = [rows[i].pop(sid) for i in between]
            for k, p in enumerate(mine):
                rows[lo + 1 + k][sid] = p
    return [row for row in rows if row]
