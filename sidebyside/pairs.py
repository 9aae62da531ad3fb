"""Candidate pairs and their link scores, in bulk (numpy), for `match`.

A folder of fifty rewrites of one wire story has about a million candidate sentence pairs; scored
one by one in Python they took most of the engine's time. Here the folder becomes arrays (each
sentence's terms as a row of sorted column ids, CSR-style) and both steps run on whole blocks:

- candidates: every sentence looks its most distinctive terms up in an inverted index (term ->
  sentences); the sentences it meets most often are its candidates (at most `cap` of them, ties
  broken as `collections.Counter.most_common` would: by the first key they came from, then by
  position);
- scores: the terms a pair shares come from one sorted search per term of the first sentence,
  and the weighted Tversky score of `match._lexical` follows from sums over them. The rare pairs
  whose score depends on pairing off figures with other values ("212" and "200") get that part
  from `match._slot` itself.

`match._lexical` stays the reference: tests check that both give the same scores.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain, count, repeat

import numpy as np

WORD, FIGURE, YEAR = 0, 1, 2

DENSE_MAX = 1 << 25  # sentences x columns up to which `_cells` looks cells up in a table
PAIR_BLOCK = 200_000  # pairs scored per block (memory stays bounded on big folders)
ITEM_BLOCK = 1_000  # sentences per block of candidate lookups


@dataclass
class Arrays:
    """One folder's sentences as arrays. Entries are (sentence, column) cells of the sparse
    sentence x term matrix, sorted by sentence then column."""

    n: int  # sentences
    vocab: int  # columns
    source: np.ndarray  # sentence -> source index
    indptr: np.ndarray  # sentence i's entries are indptr[i]:indptr[i + 1]
    col: np.ndarray  # entry -> column
    name: np.ndarray  # entry -> the term is a name in this sentence
    cell: np.ndarray  # entry -> sentence * vocab + column (sorted: for searching)
    weight: np.ndarray  # column -> weight
    kind: np.ndarray  # column -> WORD, FIGURE or YEAR
    df: np.ndarray  # column -> sentences using it
    distinct: np.ndarray  # column -> a distinctive word or figure (evidence for a weak link)
    rank: np.ndarray  # column -> order when choosing lookup keys (most distinctive first)
    total: np.ndarray  # sentence -> total weight
    figure_total: np.ndarray  # sentence -> weight of its figures (not years)
    names: np.ndarray  # sentence -> how many names
    figures: np.ndarray  # sentence -> how many figures (not years)
    norm: np.ndarray  # sentence -> id of its normalized text (equal ids: the same sentence)
    dense: np.ndarray | None = field(default=None, repr=False)  # `_cells`' table, made once


_YEAR_KEY = "\x00"  # years and figures are apart: "#2019" as a year is its own column


def _keys(row: tuple) -> Iterable[str]:
    """A row's column keys in order: words, figures, then years (tagged)."""
    terms, figs, years = row[0], row[1], row[2]
    return chain(terms, figs, map(_YEAR_KEY.__add__, years)) if years else chain(terms, figs)


def _name_flags(row: tuple) -> Iterable[bool]:
    """For each of a row's column keys (`_keys`), whether it is a word that is a name there."""
    terms, names = row[0], row[3]
    others = len(row[1]) + len(row[2])
    if not names:
        return repeat(False, len(terms) + others)
    return chain(map(names.__contains__, terms), repeat(False, others))


def _values(row: tuple) -> Iterable[float]:
    return chain(row[0].values(), row[1].values(), row[2].values())


def build(
    rows: list[tuple[dict[str, float], dict[str, float], dict[str, float], set[str], str, int]],
    df: dict[str, int],
    distinct: set[str],
) -> Arrays:
    """`rows`: per sentence (terms, figures, years, names, normalized text, source index), with
    terms -> weight (figures and years keyed "#212"); `df`: sentences per term; `distinct`: the
    terms and figures that count as distinctive evidence.

    Columns are numbered in order of first use (a sentence's words, then its figures, then its
    years); the work runs over all sentences' terms at once (C loops, not one per term: a 5 MB
    file has millions)."""
    n = len(rows)
    keys = list(chain.from_iterable(map(_keys, rows)))
    values = np.fromiter(chain.from_iterable(map(_values, rows)), dtype=np.float64, count=len(keys))
    lengths = np.fromiter((len(r[0]) + len(r[1]) + len(r[2]) for r in rows), dtype=np.int64, count=n)
    columns = dict(zip(dict.fromkeys(keys), count()))  # key -> column, in order of first use
    vocab = len(columns)
    a_col = np.fromiter(map(columns.__getitem__, keys), dtype=np.int64, count=len(keys))
    a_indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=a_indptr[1:])
    owner = np.repeat(np.arange(n, dtype=np.int64), lengths)
    # Which entries are words that are names in their sentence (read in one pass, in the order
    # of `keys`: each row's words, then its figures and years, which are never names).
    name_all = np.fromiter(chain.from_iterable(map(_name_flags, rows)), dtype=bool, count=len(keys))
    # A column's weight is the one its first user gave it: columns are numbered in order of
    # first use, so a column is new exactly where the running maximum grows.
    grows = np.diff(np.maximum.accumulate(a_col), prepend=-1) > 0 if len(keys) else np.zeros(0, bool)
    a_weight = values[np.flatnonzero(grows)]
    # Each row's cells sorted by column (a column is used once in a row).
    order = np.lexsort((a_col, owner))
    a_col, name_all = a_col[order], name_all[order]
    labels = [k[1:] if k.startswith(_YEAR_KEY) else k for k in columns]
    kind = [YEAR if k.startswith(_YEAR_KEY) else FIGURE if k.startswith("#") else WORD for k in columns]
    weight = a_weight.tolist()
    rank_order = sorted(range(vocab), key=lambda c: (-weight[c], labels[c]))
    rank = np.empty(vocab, dtype=np.int64)
    rank[rank_order] = np.arange(vocab)
    norm_ids: dict[str, int] = {}
    norm = [norm_ids.setdefault(r[4], len(norm_ids)) for r in rows]
    fig_sums = [sum(r[1].values()) for r in rows]
    return Arrays(
        n=n,
        vocab=vocab,
        source=np.array([r[5] for r in rows], dtype=np.int64),
        indptr=a_indptr,
        col=a_col,
        name=name_all,
        cell=owner * max(vocab, 1) + a_col,
        weight=a_weight,
        kind=np.array(kind, dtype=np.int8),
        df=np.array([df[t] for t in labels], dtype=np.int64),
        distinct=np.array([k != YEAR and t in distinct for k, t in zip(kind, labels, strict=True)],
                          dtype=bool),
        rank=rank,
        total=np.array([sum(r[0].values()) + f + sum(r[2].values()) for r, f in zip(rows, fig_sums, strict=True)],
                       dtype=np.float64),
        figure_total=np.array(fig_sums, dtype=np.float64),
        names=np.array([len(r[3]) for r in rows], dtype=np.int64),
        figures=np.array([len(r[1]) for r in rows], dtype=np.int64),
        norm=np.array(norm, dtype=np.int64),
    )


def _ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The concatenation of arange(s, s + l) for each start s and length l."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(lengths)
    offsets = np.repeat(starts - (ends - lengths), lengths)
    return offsets + np.arange(total, dtype=np.int64)


def _group_sizes(sorted_keys: np.ndarray) -> np.ndarray:
    """For each element of a sorted array, how many elements equal it."""
    if len(sorted_keys) == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    sizes = np.diff(np.r_[starts, len(sorted_keys)])
    return np.repeat(sizes, sizes)


def _rank_in_group(sorted_keys: np.ndarray) -> np.ndarray:
    """For each element of a sorted array, its position among the elements equal to it."""
    if len(sorted_keys) == 0:
        return np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    sizes = np.diff(np.r_[starts, len(sorted_keys)])
    return np.arange(len(sorted_keys)) - np.repeat(starts, sizes)


def candidates(a: Arrays, keys: int, common: int, cap: int,
               twin: np.ndarray | None = None) -> np.ndarray:
    """Candidate pairs as codes x * n + y (x < y, different sources), sorted. Each sentence looks
    up its `keys` most distinctive terms among those used by 2..`common` sentences and takes the
    sentences sharing most of those keys with it (at most `cap`, itself and its own source
    included, as the per-sentence Counter did).

    `twin` (or None) maps each sentence to the first of the same text (the same row): sentences
    of one text look up the same keys and meet the same sentences, so only the first of each
    looks them up, and what it finds is every copy's (before pairs within a source go)."""
    n = a.n
    owner = np.repeat(np.arange(n, dtype=np.int64), np.diff(a.indptr))
    df = a.df[a.col]
    usable = (df >= 2) & (df <= common)
    u_item, u_col = owner[usable], a.col[usable]
    # Postings: the sentences using each usable column, in sentence order.
    order = np.lexsort((u_item, u_col))
    p_items = u_item[order]
    p_start = np.zeros(a.vocab + 1, dtype=np.int64)
    np.cumsum(np.bincount(u_col, minlength=a.vocab), out=p_start[1:])
    # Keys: each sentence's first `keys` usable columns by rank.
    order = np.lexsort((a.rank[u_col], u_item))
    k_item, k_col = u_item[order], u_col[order]
    k_rank = _rank_in_group(k_item)
    keep = k_rank < keys
    k_item, k_col, k_rank = k_item[keep], k_col[keep], k_rank[keep]
    # Only pairs across sources are kept, so a sentence none of whose keys is used by another
    # source cannot find a candidate: it is not looked up at all (the others, exactly as
    # before). In a huge document beside a short article, that is nearly every sentence of the
    # document (issue 13).
    lo_src = np.full(a.vocab, np.iinfo(np.int64).max, dtype=np.int64)
    hi_src = np.full(a.vocab, -1, dtype=np.int64)
    np.minimum.at(lo_src, u_col, a.source[u_item])
    np.maximum.at(hi_src, u_col, a.source[u_item])
    mixed = lo_src < hi_src  # a column used by two sources or more
    if not mixed.all():
        wanted = np.zeros(n, dtype=bool)
        wanted[k_item[mixed[k_col]]] = True
        keep = wanted[k_item]
        k_item, k_col, k_rank = k_item[keep], k_col[keep], k_rank[keep]
    if twin is not None:
        keep = twin[k_item] == k_item
        k_item, k_col, k_rank = k_item[keep], k_col[keep], k_rank[keep]
        copies = np.argsort(twin, kind="stable")  # each text's sentences, text by text
        copies_start = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(twin, minlength=n), out=copies_start[1:])

    out: list[np.ndarray] = []
    bounds = np.searchsorted(k_item, np.arange(0, n + ITEM_BLOCK, ITEM_BLOCK))
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=False):
        if lo == hi:
            continue
        cols = k_col[lo:hi]
        lengths = p_start[cols + 1] - p_start[cols]
        hit_a = np.repeat(k_item[lo:hi], lengths)
        hit_r = np.repeat(k_rank[lo:hi], lengths)
        hit_b = p_items[_ranges(p_start[cols], lengths)]
        # One sort by (a, b, key rank): per pair, how many keys it shares and the first one.
        code = np.sort((hit_a * n + hit_b) * keys + hit_r)
        pair = code // keys
        starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]])
        count = np.diff(np.r_[starts, len(pair)])
        first_key = code[starts] % keys
        pair = pair[starts]
        x, y = pair // n, pair % n
        # The `cap` best per sentence: most shared keys, then earliest key, then position (only
        # sentences with more candidates than that need the ranking).
        ok = _group_sizes(x) <= cap
        crowded = np.flatnonzero(~ok)
        if len(crowded):
            cx = x[crowded]
            priority = ((cx * (keys + 1) + (keys - count[crowded])) * keys + first_key[crowded]) * n
            order = np.argsort(priority + y[crowded], kind="stable")
            rank = _rank_in_group(cx[order])
            ok[crowded[order[rank < cap]]] = True
        x, y = x[ok], y[ok]
        if twin is not None:  # every copy of x meets what x met
            lengths = copies_start[x + 1] - copies_start[x]
            x, y = copies[_ranges(copies_start[x], lengths)], np.repeat(y, lengths)
        ok = a.source[x] != a.source[y]
        x, y = x[ok], y[ok]
        out.append(np.minimum(x, y) * n + np.maximum(x, y))
    if not out:
        return np.zeros(0, dtype=np.int64)
    codes = np.sort(np.concatenate(out))
    return codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes


@dataclass
class Scored:
    """Per pair (x < y): the lexical score before figure slots, what they share, the evidence."""

    x: np.ndarray
    y: np.ndarray
    matched: np.ndarray  # weight of shared terms, figures and years
    shared: np.ndarray  # shared words and figures (years not counted)
    equal: np.ndarray  # the same normalized text
    clash: np.ndarray  # each names someone or somewhere the other does not
    evidence: np.ndarray  # distinctive shared terms (0 unless a name or figure is one, or 3+)
    slot_bound: np.ndarray  # most the figure slots could add to `matched`
    needs_slot: np.ndarray  # each has figures the other lacks
    plain: np.ndarray  # weight of shared words that are names in neither sentence
    shared_figures: np.ndarray  # figures (not years) in common


def tversky(a: Arrays, x: np.ndarray, y: np.ndarray, matched: np.ndarray,
            long_side: float, short_side: float) -> np.ndarray:
    miss_x = np.maximum(0.0, a.total[x] - matched)
    miss_y = np.maximum(0.0, a.total[y] - matched)
    denom = matched + long_side * np.maximum(miss_x, miss_y) + short_side * np.minimum(miss_x, miss_y)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denom > 0, matched / np.where(denom > 0, denom, 1.0), 0.0)


def cell_table(a: Arrays) -> None:
    """Make `_cells`' table now, if it uses one (before the pairs are scored in several
    processes, which then share it)."""
    if a.n * a.vocab <= DENSE_MAX and a.dense is None:
        a.dense = np.zeros(a.n * a.vocab, dtype=np.int8)
        a.dense[a.cell] = 1 + a.name  # 1: a cell, 2: a cell whose term is a name


def _cells(a: Arrays, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which cells (sentence * vocab + column) of `query` the matrix holds, and which of those
    are names in their sentence. Up to DENSE_MAX cells in all (a folder of articles: a few
    thousand columns), from a table of every cell (one byte each), a third of the time of
    searching the sorted cells; past that (a huge file's vocabulary), by that search."""
    if a.n * a.vocab <= DENSE_MAX:
        cell_table(a)
        at = a.dense[query]
        return at > 0, at == 2
    ey = np.searchsorted(a.cell, query)
    ey[ey >= len(a.cell)] = 0
    return a.cell[ey] == query, a.name[ey]


def overlap(a: Arrays, codes: np.ndarray) -> Scored:
    """What each pair (codes x * n + y) shares, summed from the entries of x found in y."""
    x, y = codes // a.n, codes % a.n
    p_count = len(x)
    lengths = a.indptr[x + 1] - a.indptr[x]
    pair = np.repeat(np.arange(p_count, dtype=np.int64), lengths)
    ex = _ranges(a.indptr[x], lengths)
    c = a.col[ex]
    found, name_y = _cells(a, y[pair] * max(a.vocab, 1) + c)
    pair, ex, c, name_y = pair[found], ex[found], c[found], name_y[found]
    kind = a.kind[c]

    def count(mask: np.ndarray) -> np.ndarray:
        return np.bincount(pair[mask], minlength=p_count)

    # (float even when no pair shares anything: numpy's bincount of nothing is int64, and a
    # pair of leads or of close sentences sharing nothing still gets its figure slots added)
    matched = np.bincount(pair, weights=a.weight[c], minlength=p_count).astype(np.float64, copy=False)
    word, fig = kind == WORD, kind == FIGURE
    plain = word & ~a.name[ex] & ~name_y
    shared_words, shared_figs = count(word), count(fig)
    shared_fig_w = np.bincount(pair[fig], weights=a.weight[c[fig]], minlength=p_count)
    both_names = count(a.name[ex] & name_y)
    dist = a.distinct[c]
    named = dist & (a.name[ex] | fig)
    equal = a.norm[x] == a.norm[y]
    # An identical sentence counts only its words as shared (as match._lexical does).
    d_all, d_words = count(dist), count(dist & word)
    n_all, n_words = count(named), count(named & word)
    distinct = np.where(equal, d_words, d_all)
    has_named = np.where(equal, n_words, n_all) > 0
    evidence = np.where(has_named | (distinct >= 3), distinct, 0)
    unshared_x = a.figure_total[x] - shared_fig_w
    unshared_y = a.figure_total[y] - shared_fig_w
    needs_slot = (a.figures[x] > shared_figs) & (a.figures[y] > shared_figs) & ~equal
    return Scored(
        x=x,
        y=y,
        matched=matched,
        shared=shared_words + shared_figs,
        equal=equal,
        clash=(a.names[x] > both_names) & (a.names[y] > both_names),
        evidence=evidence,
        slot_bound=np.where(needs_slot, (unshared_x + unshared_y) / 2, 0.0),
        needs_slot=needs_slot,
        plain=np.bincount(pair[plain], weights=a.weight[c[plain]], minlength=p_count),
        shared_figures=shared_figs,
    )


def overlap_by_row(a: Arrays, codes: np.ndarray, twin: np.ndarray | None) -> Scored:
    """`overlap(a, codes)`, each distinct pair of rows scored once: `twin` maps every sentence to
    the first sentence of the same text (whose row is the same: terms, weights, names, figures),
    or is None. Outlets run the same wire sentences word for word, so a big folder's candidates
    are some 40% distinct pairs of rows. The sums run over the same entries in the same order,
    so every field is what `overlap` gives, bit for bit."""
    if twin is None or len(codes) == 0:
        return overlap(a, codes)
    x, y = codes // a.n, codes % a.n
    key = twin[x] * a.n + twin[y]
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    first = np.r_[True, ordered[1:] != ordered[:-1]]
    which = np.empty(len(key), dtype=np.int64)  # each pair -> its distinct pair of rows
    which[order] = np.cumsum(first) - 1
    sc = overlap(a, ordered[first])
    fields = {f: getattr(sc, f)[which] for f in Scored.__dataclass_fields__ if f not in ("x", "y")}
    return Scored(x=x, y=y, **fields)


def accept(
    x: np.ndarray, y: np.ndarray, score: np.ndarray, evidence: np.ndarray, source: np.ndarray,
    per_source: int, near_best: float, strong: float, min_score: float,
) -> np.ndarray:
    """Which scored pairs become links. Each end ranks its candidates in every other source (by
    score, then position). A link stands when it is strong on its own, or both ends rank it among
    their `per_source` best and within `near_best` of their best; a weaker pair stands only when
    each is the other's best match with at least two pieces of distinctive evidence."""
    m = len(x)
    if m == 0:
        return np.zeros(0, dtype=bool)
    frm = np.concatenate([x, y])
    to = np.concatenate([y, x])
    sc = np.concatenate([score, score])
    group = frm * (int(source.max()) + 1) + source[to]
    order = _by_group_score(group, sc, to, score)
    ranked = _rank_in_group(group[order])
    start = np.arange(2 * m) - ranked  # where each one's group begins, in sorted order
    sc_sorted = sc[order]
    # In sorted order, then put back in place (the same comparisons as in place).
    near = np.empty(2 * m, dtype=bool)
    near[order] = (ranked < per_source) & (sc_sorted >= sc_sorted[start] * near_best)
    top = np.empty(2 * m, dtype=bool)
    top[order] = ranked == 0
    both_near = near[:m] & near[m:]
    both_top = top[:m] & top[m:]
    return (score >= strong) | ((score >= min_score) & both_near) | (both_top & (evidence >= 2))


def _by_group_score(group: np.ndarray, sc: np.ndarray, to: np.ndarray, score: np.ndarray) -> np.ndarray:
    """The order of `np.lexsort((to, -sc, group))` (group, then score highest first, then `to`;
    `sc` is `score` twice). (group, to) never repeats, so the order has no ties, and one sort of
    a single integer key gives it: the scores are replaced by their rank among the distinct
    scores. Over twice as fast as the three-key lexsort on a big folder's half million pairs.
    Falls back to lexsort when the key would not fit in 64 bits (a huge folder)."""
    distinct, inverse = np.unique(-score, return_inverse=True)
    size = int(to.max()) + 1 if len(to) else 1
    if (int(group.max()) + 1) * len(distinct) * size >= 1 << 62:
        return np.lexsort((to, -sc, group))
    rank = np.concatenate([inverse, inverse]).astype(np.int64)
    return np.argsort((group * len(distinct) + rank) * size + to, kind="stable")


@dataclass
class Bag:
    """A second, smaller sparse sentence x label matrix (actions, days): cells sorted for search."""

    vocab: int
    indptr: np.ndarray
    col: np.ndarray
    cell: np.ndarray
    size: np.ndarray  # sentence -> labels


def bag(rows: list[list[str]]) -> Bag:
    ids: dict[str, int] = {}
    indptr, col = [0], []
    for labels in rows:
        if labels:
            col.extend(sorted({ids.setdefault(t, len(ids)) for t in labels}))
        indptr.append(len(col))
    a_indptr = np.array(indptr, dtype=np.int64)
    a_col = np.array(col, dtype=np.int64)
    owner = np.repeat(np.arange(len(rows), dtype=np.int64), np.diff(a_indptr))
    vocab = max(len(ids), 1)
    return Bag(vocab, a_indptr, a_col, owner * vocab + a_col, np.diff(a_indptr))


def shared(b: Bag, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """How many labels each pair (x[i], y[i]) has in common."""
    lengths = b.indptr[x + 1] - b.indptr[x]
    pair = np.repeat(np.arange(len(x), dtype=np.int64), lengths)
    query = y[pair] * b.vocab + b.col[_ranges(b.indptr[x], lengths)]
    if len(b.cell) == 0:
        return np.zeros(len(x), dtype=np.int64)
    at = np.searchsorted(b.cell, query)
    at[at >= len(b.cell)] = 0
    return np.bincount(pair[b.cell[at] == query], minlength=len(x))
