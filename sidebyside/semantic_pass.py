"""The semantic pass of matching: every sentence's nearest embedding neighbours in other sources
become candidates, and every candidate pair gets its cosine (sidebyside/match.py calls it).

`items` need only a `source_index`; `vecs` are the sentences' unit vectors (sidebyside/semantic.py)
in the items' order; `codes` the candidate pairs already found, as x * n + y with x < y.
"""

from __future__ import annotations

import numpy as np

from . import workers

SEM_NEIGHBOURS = 10  # nearest embedding neighbours (other sources) added as candidates per sentence
SEM_CANDIDATE = 0.6  # ...if at least this similar; such a pair skips the overlap floor (match._score)
# Was 0.7, with the floor: on the claims_real dev split (twentieth session), skipping the floor
# took same-claim pairs linked 0.734 -> 0.741, and 0.6 then 0.755 (0.5: 0.748), hard negatives
# linked 38 -> 39 -> 40 of 1,261, links labelled right 0.931 throughout; test, read once after:
# 0.654 -> 0.657, links right 0.900 -> 0.898. 50 x 3,000 words: 3.9 s, as before.
# A block of sentences is compared with every sentence of the folder (its own source masked) up
# to SEM_FULL_MAX sentences (the block's similarities then take at most 100 MB); past
# SEM_FULL_MIN, a block from a source holding most of the folder meets only the other sources (a
# huge document beside short articles: issue 13).
SEM_FULL_MIN = 4_096
SEM_FULL_MAX = 50_000
PARALLEL_FROM = 4_000  # sentences from which the blocks are shared among processes


def semantic_pass(items, vecs, codes):
    """One blockwise pass over the embedding similarities (so memory stays bounded on large
    folders): the cosine of every candidate pair (codes x * n + y, sorted), and as further
    candidates each sentence's nearest neighbours in other sources (a fixed number each), if
    similar enough. Returns all candidate codes, sorted, and their cosines.

    Only pairs across sources can link. A block of rows is compared with every sentence and its
    own source masked, as it always was: on folders of articles (shorter than a block) nothing
    is wasted, and the cosines stay bit for bit what they were (a matrix product's last bits
    depend on its shape). But a block from one source that holds most of a big folder (past
    SEM_FULL_MIN sentences), and every block of a folder past SEM_FULL_MAX sentences, meets
    the other sources' sentences only: the cost is then the number of cross-source pairs, and one
    huge document beside a short article costs time in proportion to its size, not its square
    (issue 13). The cost is at most twice the cross-source pairs, plus a block per source."""

    n = len(items)
    src = np.array([it.source_index for it in items], dtype=np.int64)
    xs, ys = codes // n, codes % n
    block = 512
    k = min(SEM_NEIGHBOURS, n - 1)
    bounds = np.searchsorted(xs, np.arange(0, n + block, block))
    # The eligible sentences come source by source: each source is one run of rows.
    in_order = bool(np.all(src[1:] >= src[:-1])) if n else True
    run_start = np.searchsorted(src, src, side="left") if in_order else None
    run_end = np.searchsorted(src, src, side="right") if in_order else None

    def neighbours(rows, sims, col_of, more_codes, more_cos) -> None:
        """The close neighbours of `rows` among the columns of `sims` (own source already out
        of them, or masked to -1), as codes and cosines."""
        if k < 1:
            return
        close = sims >= SEM_CANDIDATE
        many = np.count_nonzero(close, axis=1) > k  # (counted without summing bools as ints)
        # Rows with at most k close neighbours take them all; the others their k closest.
        if many.any():  # (only the few rows take part: nonzero keeps the row-major order)
            few = np.flatnonzero(~many)
            r, c = np.nonzero(close[few])
            r = few[r]
        else:
            r, c = np.nonzero(close)
        x, y, v = [rows[r]], [col_of(c)], [sims[r, c]]
        if many.any():
            crowded = np.flatnonzero(many)
            kk = min(k, sims.shape[1])
            top = np.argpartition(-sims[crowded], kk - 1, axis=1)[:, :kk]
            x.append(np.repeat(rows[crowded], kk))
            y.append(col_of(top.ravel()))
            v.append(np.take_along_axis(sims[crowded], top, axis=1).ravel())
        x, y = np.concatenate(x), np.concatenate(y)
        more_codes.append(np.minimum(x, y) * n + np.maximum(x, y))
        more_cos.append(np.concatenate(v))

    def one_source(lo: int, hi: int, a: int, b: int, cos, more_codes, more_cos) -> None:
        """Rows lo..hi, all of one source, against the other sources' sentences only (`cos`:
        where the cosines of candidates a..b go)."""
        s0, s1 = int(run_start[lo]), int(run_end[lo])
        if s0 == 0 or s1 == n:  # the others are one slice of the rows (no copy)
            sims = vecs[lo:hi] @ (vecs[s1:] if s0 == 0 else vecs[:s0]).T
        else:
            sims = np.hstack([vecs[lo:hi] @ vecs[:s0].T, vecs[lo:hi] @ vecs[s1:].T])
        if sims.shape[1] == 0:
            return  # one source only: no candidates at all
        width = s1 - s0
        y = ys[a:b]
        cos[:] = sims[xs[a:b] - lo, np.where(y >= s1, y - width, y)]
        neighbours(np.arange(lo, hi), sims, lambda c: np.where(c >= s0, c + width, c),
                   more_codes, more_cos)

    def one_block(i: int):
        """Block i of rows: the cosines of its candidates, and its rows' close neighbours."""
        lo = i * block
        hi = min(lo + block, n)
        a, b = int(bounds[i]), int(bounds[i + 1])
        cos = np.empty(b - a, dtype=np.float64)
        more_codes: list = []
        more_cos: list = []
        own = int(run_end[lo] - run_start[lo]) if in_order else 0
        if in_order and (n > SEM_FULL_MAX or (
                n > SEM_FULL_MIN and run_end[lo] >= hi and 2 * own > n)):
            # Each source's rows of the block against the other sources only.
            r = lo
            while r < hi:
                e = min(int(run_end[r]), hi)
                ra, rb = np.searchsorted(xs[a:b], [r, e]) + a
                one_source(r, e, int(ra), int(rb), cos[ra - a : rb - a], more_codes, more_cos)
                r = e
            return cos, more_codes, more_cos
        sims = vecs[lo:hi] @ vecs.T
        cos[:] = sims[xs[a:b] - lo, ys[a:b]]
        rows = np.arange(lo, hi)
        # Same source: never a candidate. In order, each source is one run of columns, so the
        # block's rows of a source mask a rectangle (a slice; not a block-by-folder comparison).
        if in_order:
            r = lo
            while r < hi:
                e = min(int(run_end[r]), hi)
                sims[r - lo : e - lo, int(run_start[r]) : int(run_end[r])] = -1.0
                r = e
        else:
            sims[src[rows][:, None] == src[None, :]] = -1.0
        neighbours(rows, sims, lambda c: c, more_codes, more_cos)
        return cos, more_codes, more_cos

    blocks = -(-n // block)
    # Past PARALLEL_FROM sentences the blocks are shared among processes (sidebyside/workers.py):
    # each block is the very computation it is in one process, so the cosines are the same bits.
    done = workers.run(one_block, blocks, parallel=n >= PARALLEL_FROM)
    cos = np.concatenate([d[0] for d in done]) if done else np.empty(0, dtype=np.float64)
    more_codes = [c for d in done for c in d[1]]
    more_cos = [c for d in done for c in d[2]]
    if not more_codes:
        return _first_of_each(codes, cos)
    more, more_c = _first_of_each(np.concatenate(more_codes), np.concatenate(more_cos))
    if len(codes) > 1 and not bool(np.all(codes[1:] > codes[:-1])):  # not strictly sorted: sort all
        return _first_of_each(np.concatenate([codes, more]), np.concatenate([cos, more_c]))
    return _merge(codes, cos, more, more_c)


def _first_of_each(codes, cos):
    """The distinct codes, sorted, each with its first cosine (a candidate found twice)."""
    order = np.argsort(codes, kind="stable")
    codes, cos = codes[order], cos[order]
    first = np.r_[True, codes[1:] != codes[:-1]] if len(codes) else np.zeros(0, bool)
    return codes[first], cos[first]


def _merge(codes, cos, more, more_c):
    """Two sorted runs of distinct codes into one, a code in both keeping the cosine in `codes`:
    what sorting them together (stably, `codes` first) gives, without sorting the million
    candidates again for the few thousand neighbours."""
    at = np.searchsorted(codes, more)
    known = np.zeros(len(more), dtype=bool)
    inside = at < len(codes)
    known[inside] = codes[at[inside]] == more[inside]
    more, more_c, at = more[~known], more_c[~known], at[~known]
    place = at + np.arange(len(more))  # each new code's place in the merged run
    out = np.empty(len(codes) + len(more), dtype=codes.dtype)
    out_c = np.empty(len(out), dtype=np.result_type(cos, more_c))
    mine = np.ones(len(out), dtype=bool)
    mine[place] = False
    out[place], out_c[place] = more, more_c
    out[mine], out_c[mine] = codes, cos
    return out, out_c
