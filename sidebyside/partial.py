"""Partial links: a sentence no other source links to, part of whose claims another source reports.

On real news one outlet's lede packs several claims and another outlet reports one of them in a
sentence of its own: no whole-sentence link stands, yet the claim is not unique. After matching,
every sentence still without a link (and a claim) is cut into claim units
(sidebyside/claim_units.py); each unit, and the sentence as a whole, is scored against a few
candidate sentences of the other sources and their units (a sentence of one claim: against the
units of the other sources' sentences that cut into several), with the engine's own decision: the
same term weights, the same evidence (sidebyside/evidence.py) and the same fitted probability of
the same claim as a link (`match._evidence`, `match._probability`), on the unit instead of the
whole sentence. Only pairs where at least one side is a proper unit are new (whole against whole
was matching's work).

A pair that passes the link's bar (the overlap floor, and a probability of at least P_PART, set
no lower than a link's) becomes a `Part` on both sentences, with each side's span; at most one per
other source, the best. `findings.set_statuses` then marks a sentence with parts and no link
`partial`. Candidates are capped (CANDIDATES per unit, from the most distinctive shared terms and,
with semantic matching, the nearest embeddings), and only unlinked sentences are tried, so the
pass costs little beside matching (about 1 s CPU of some 22 s on 50 x 3,000 words).
"""

from __future__ import annotations

import numpy as np

from . import claim_units as U
from . import evidence as E
from . import match as M
from . import quote_parts as Q
from . import semantic as S
from . import text as T
from .findings import is_claim
from .model import Part, Sentence, Source

# The probability a partial link needs (a link: match.P_LINK 0.45 / P_LINK_SEM 0.53). The model
# was fitted on whole sentences and weighs units less surely. On the claims_real dev split at 0.55,
# 3 partials were event/unrelated pairs; read by hand, of the partials from 0.6 up (lexical) 4 in
# 5 were right, and with semantic matching 2 in 3 from 0.6 up, 1 in 1 from 0.65
# (benchmarks/SEMANTIC.md).
P_PART = 0.6  # lexical matching
P_PART_SEM = 0.65  # semantic matching
CANDIDATES = 4  # other sentences tried per unit (from shared terms; as many from embeddings)
SEM_NEAR = 0.5  # an embedding neighbour is a candidate from this cosine up
KEY_TERMS = 6  # a unit's most distinctive terms look its candidates up...
MAX_POSTING = 100  # ...among those in at most this many sentences (a big folder's)
MAX_QUERIES = 20_000  # unlinked sentences tried at most (a folder of unrelated documents)


def find(sources: list[Source], run: M.MatchRun, min_score: float = M.MIN_SCORE) -> int:
    """Fill `parts` on the sentences of `sources` from the folder `run` matched; returns how
    many partial links were made."""
    folder = run.folder
    if folder is None or not folder.items:
        return 0
    items = folder.items
    for it in items:
        it.sentence.parts = []
    # Sentences of the story; a bulk source's (Source.bulk) take no part: partial claims are a
    # refinement its size does not allow.
    unflagged = {id(s) for src in sources if not src.bulk for s in src.unflagged()}
    live = np.array([id(it.sentence) in unflagged for it in items], bool)
    queries = [k for k in np.flatnonzero(live).tolist()
               if not items[k].sentence.links and _claim(sources[items[k].source_index],
                                                         items[k].sentence)][:MAX_QUERIES]
    spans = {k: U.split(items[k].sentence.text) for k in queries}
    packed = [k for k in queries if len(spans[k]) > 1]  # sentences packing claims: their units
    single = [k for k in queries if len(spans[k]) == 1]  # one claim: against others' units
    # Only sentences that may cut into units can hold a one-claim sentence's claim among others.
    cuttable = np.array([bool(ok) and U.may_cut(it.sentence.text) for ok, it in zip(live, items, strict=True)],
                        dtype=bool)
    use_sem = run.semantic and items[0].vector is not None
    pieces: list[M._Item] = []  # whole sentences are their folder item; units new items
    piece_of: list[tuple[int, int, int]] = []  # piece -> (item, start, end)

    def add(k: int, span: tuple[int, int] | None) -> int:
        it = items[k]
        if span is None:
            pieces.append(it)
            piece_of.append((k, 0, len(it.sentence.text)))
        else:
            pieces.append(_unit_item(it, *span))
            piece_of.append((k, *span))
        return len(pieces) - 1

    whole_of: dict[int, int] = {}
    units_of: dict[int, list[int]] = {}

    def pieces_of(k: int) -> tuple[int, list[int]]:
        if k not in whole_of:
            whole_of[k] = add(k, None)
            sp = spans.get(k)
            if sp is None:
                sp = spans[k] = U.split(items[k].sentence.text)
            units_of[k] = [add(k, s) for s in sp] if len(sp) > 1 else []
        return whole_of[k], units_of[k]

    query_pieces = {k: pieces_of(k) for k in queries}
    _embed_units(pieces, use_sem)
    vecs = np.stack([it.vector for it in items]) if use_sem else None
    found = _candidates(folder, live, [(k, p) for k in packed for p in query_pieces[k][1]],
                        pieces, use_sem, vecs)
    for k, near in _candidates(folder, cuttable, [(k, query_pieces[k][0]) for k in single],
                               pieces, use_sem, vecs).items():
        found.setdefault(k, []).extend(near)
    made: set[frozenset[int]] = set()
    xs, ys = [], []
    for k, near in found.items():
        qw, qu = query_pieces[k]
        for j in dict.fromkeys(near):
            jw, ju = pieces_of(j)
            for p in [qw, *qu]:
                for q in [jw, *ju]:
                    if p != qw or q != jw:  # whole against whole was matching's work
                        xs.append(p)
                        ys.append(q)
    if xs:
        _decide(folder, pieces, piece_of, xs, ys, use_sem, min_score, made)
    _quotes(folder, live, queries, made)
    for it in items:
        it.sentence.parts.sort(key=lambda part: -part.score)
    return len(made)


def _decide(folder, pieces, piece_of, xs, ys, use_sem, min_score, made) -> None:
    """Score the piece pairs (xs, ys) and make the partial links that pass (into `made`)."""
    items = folder.items
    # Only the pieces in some pair are scored (a candidate's whole may be in none).
    used, inverse = np.unique(np.array(xs + ys, dtype=np.int64), return_inverse=True)
    pieces = [pieces[i] for i in used.tolist()]
    piece_of = [piece_of[i] for i in used.tolist()]
    x, y = inverse[: len(xs)], inverse[len(xs):]
    _embed_units(pieces, use_sem)  # the candidates' units
    keep, prob, feats = _score(folder, pieces, x, y, use_sem, min_score)
    x, y = x[keep], y[keep]
    bar = P_PART_SEM if use_sem else P_PART
    best: dict[tuple[int, int], tuple[float, int]] = {}  # (query item, other source) -> best
    for i in np.flatnonzero(prob >= bar).tolist():
        k, j = piece_of[x[i]][0], piece_of[y[i]][0]
        key = (k, items[j].source_index)
        if key not in best or prob[i] > best[key][0]:
            best[key] = (float(prob[i]), i)
    for _key, (p, i) in sorted(best.items(), key=lambda kv: -kv[1][0]):
        a, b = piece_of[x[i]], piece_of[y[i]]
        if frozenset((a[0], b[0])) in made:
            continue
        made.add(frozenset((a[0], b[0])))
        why = _why(pieces[x[i]], pieces[y[i]], feats[i], use_sem)
        sa, sb = items[a[0]].sentence, items[b[0]].sentence
        score = round(min(1.0, p), 3)
        sa.parts.append(Part(sb.id, a[1], a[2], b[1], b[2], score, why))
        sb.parts.append(Part(sa.id, b[1], b[2], a[1], a[2], score, why))


def _quotes(folder, live, queries: list[int], made: set[frozenset[int]]) -> None:
    """Quotations given in full by one source and in part by another (sidebyside/quote_parts.py):
    each query sentence against the other sources' sentences holding its quotation's rarest
    words; the words both give are the shared part, identical text (probability 1)."""
    items = folder.items
    quoting = {k: Q.rare_terms(items[k].sentence.text, folder.df) for k in queries}
    quoting = {k: ts for k, ts in quoting.items() if ts}
    if not quoting:
        return
    wanted = {t for ts in quoting.values() for t in ts}
    holding: dict[str, list[int]] = {t: [] for t in wanted}
    for j in np.flatnonzero(live).tolist():
        for t in items[j].terms:
            if t in wanted:
                holding[t].append(j)
    for k, ts in quoting.items():
        sk = items[k].sentence
        best: dict[int, tuple[int, int, tuple, tuple]] = {}  # other source -> best run
        near = [j for j in dict.fromkeys(j for t in ts for j in holding[t])
                if items[j].source_index != items[k].source_index]
        for j in near[:Q.CANDIDATES]:
            if frozenset((k, j)) in made:
                continue
            hit = Q.shared(sk.text, items[j].sentence.text)
            if hit is None:
                continue
            size = hit[0][1] - hit[0][0]
            src = items[j].source_index
            if src not in best or size > best[src][0]:
                best[src] = (size, j, *hit)
        for _, j, a, b in best.values():
            made.add(frozenset((k, j)))
            sj = items[j].sentence
            why = f"same quotation: “{sk.text[a[0]:a[1]]}”"
            sk.parts.append(Part(sj.id, a[0], a[1], b[0], b[1], 1.0, why))
            sj.parts.append(Part(sk.id, b[0], b[1], a[0], a[1], 1.0, why))


def _claim(src: Source, s: Sentence) -> bool:
    para = src.paragraph_of(s)
    return is_claim(s.text, para is not None and para.heading)


def _unit_item(it: M._Item, start: int, end: int) -> M._Item:
    """A claim unit as an item of the folder: the parent's term weights for the terms it holds."""
    text = it.sentence.text[start:end]
    terms: dict[str, float] = {}
    for t in T.content_terms(text):
        if T.is_figure_term(t):
            continue
        for u in (t, t[:-3] if t.endswith("ian") else t, t[:-1] if t.endswith("n") else t):
            if u in it.terms:
                terms.setdefault(u, it.terms[u])
                break
    figs = ["#" + f for f in T.figures(text)]
    figures = {f: it.figures[f] for f in figs if f in it.figures}
    years = {f: it.years[f] for f in figs if f in it.years}
    s = it.sentence
    unit = Sentence(s.id, s.source, s.paragraph, s.index, text, s.start, s.end)
    total = sum(terms.values()) + sum(figures.values()) + sum(years.values())
    item = M._Item(unit, it.source_index, terms, figures, years, it.names & set(terms), total,
                   T.normalized(text), lead=it.lead)
    return item


def _embed_units(pieces: list[M._Item], use_sem: bool) -> None:
    if not use_sem:
        return
    todo = [p for p in pieces if p.vector is None]
    if todo:
        for p, v in zip(todo, S.embed([p.sentence.text for p in todo]), strict=True):
            p.vector = v


def _candidates(folder, live, qp: list[tuple[int, int]], pieces, use_sem, vecs=None
                ) -> dict[int, list[int]]:
    """For each query sentence, the sentences of other sources among `live` its pieces (`qp`:
    query sentence, piece) come closest to: per piece the CANDIDATES sharing the most weight of its KEY_TERMS most distinctive terms (those in
    at most `common` sentences, as matching's index), and as many nearest embeddings (cosine at
    least SEM_NEAR). In blocks of pieces, on arrays."""
    from . import pairs as P

    items = folder.items
    n = len(items)
    common = min(max(40, n // 10), MAX_POSTING)
    src = np.array([it.source_index for it in items], dtype=np.int64)
    if not qp:
        return {}
    cols = np.flatnonzero(live)  # the embeddings of the live sentences only
    near_vecs, near_src = (vecs[cols], src[cols]) if use_sem else (None, None)
    owner = np.array([k for k, _ in qp], dtype=np.int64)
    # Postings of the terms the pieces look up (term -> live items holding it), CSR.
    keys = [[t for t in pieces[p].ranked() if folder.df.get(t, 0) <= common][:KEY_TERMS]
            for _, p in qp]
    col = {t: c for c, t in enumerate(dict.fromkeys(t for ks in keys for t in ks))}
    hold: list[list[int]] = [[] for _ in col]
    for j in np.flatnonzero(live).tolist():
        for t in items[j].terms:
            c = col.get(t)
            if c is not None:
                hold[c].append(j)
    indptr = np.zeros(len(col) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(h) for h in hold])
    posting = np.array([j for h in hold for j in h], dtype=np.int64)
    e_piece = np.array([i for i, ks in enumerate(keys) for _ in ks], dtype=np.int64)
    e_col = np.array([col[t] for ks in keys for t in ks], dtype=np.int64)
    e_w = np.array([pieces[p].terms[t] for (_, p), ks in zip(qp, keys, strict=True) for t in ks],
                   dtype=np.float64)
    found: list[np.ndarray] = []  # codes piece * n + item
    block = 256
    bounds = np.searchsorted(e_piece, np.arange(0, len(qp) + block, block))
    for b, lo in enumerate(range(0, len(qp), block)):
        a, z = bounds[b], bounds[b + 1]
        lengths = indptr[e_col[a:z] + 1] - indptr[e_col[a:z]]
        hit = posting[P._ranges(indptr[e_col[a:z]], lengths)]
        who = np.repeat(e_piece[a:z], lengths)
        ok = src[hit] != src[owner[who]]
        code, inv = np.unique(who[ok] * n + hit[ok], return_inverse=True)
        weight = np.bincount(inv, weights=np.repeat(e_w[a:z], lengths)[ok], minlength=len(code))
        found.append(_top(code // n, code % n, weight, n))
        if use_sem:
            hi = min(lo + block, len(qp))
            kk = min(CANDIDATES, len(cols))
            if kk < 1:
                continue
            sims = np.stack([pieces[p].vector for _, p in qp[lo:hi]]) @ near_vecs.T
            sims[near_src[None, :] == src[owner[lo:hi]][:, None]] = -1.0
            top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
            rows = np.repeat(np.arange(lo, hi), kk)
            near = np.take_along_axis(sims, top, axis=1).ravel() >= SEM_NEAR
            found.append(rows[near] * n + cols[top.ravel()[near]])
    out: dict[int, list[int]] = {k: [] for k, _ in qp}
    codes = np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
    for piece, j in zip((codes // n).tolist(), (codes % n).tolist(), strict=True):
        out[qp[piece][0]].append(j)
    return {k: list(dict.fromkeys(v)) for k, v in out.items()}


def _top(piece: np.ndarray, item: np.ndarray, weight: np.ndarray, n: int) -> np.ndarray:
    """Per piece its CANDIDATES items of most weight (ties: the first item), as codes."""
    if not len(piece):
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((item, -weight, piece))
    piece, item = piece[order], item[order]
    first = np.r_[True, piece[1:] != piece[:-1]]
    start = np.maximum.accumulate(np.where(first, np.arange(len(piece)), 0))
    keep = np.arange(len(piece)) - start < CANDIDATES
    return piece[keep] * n + item[keep]


def _score(folder, pieces, x, y, use_sem: bool, min_score: float):
    """The link decision on piece pairs (x, y): the pairs that pass the overlap floor a link
    candidate must pass (shared terms, or a close embedding; the overlap score at least
    min_score * WEAK), as indices into x and y, with their probability and evidence rows. Only
    these get their evidence worked out (as in match)."""
    from . import pairs as P

    sub = M._Folder(pieces, folder.df, folder.n, read=folder.read)  # whole sentences' cues
    sub.lead = np.array([p.lead for p in pieces], dtype=bool) & use_sem
    arrays = M._arrays(sub)
    m = len(pieces)
    sc = P.overlap(arrays, x * m + y)
    floor = min_score * M.WEAK
    upper = M._vector_score(arrays, x, y, sc.matched + M.FIGURE_SLOT * sc.slot_bound, sc.clash,
                            sc.equal)
    under = (upper >= floor - 1e-9) | sc.equal  # a pair over the floor's bound, or equal
    cos = None
    if use_sem:
        # The cosines of those pairs only (a fifth of them on 50 x 3,000 words): no other is
        # read. Each pair's product is summed on its own, so the same bits as over all pairs;
        # the vectors of all 60,000 pairs, gathered, took 0.2-0.7 s.
        vecs = np.stack([p.vector for p in pieces])
        g = np.flatnonzero(under)
        cos = np.zeros(len(x), dtype=np.float64)
        cos[g] = np.einsum("ij,ij->i", vecs[x[g]], vecs[y[g]]).astype(np.float64)
    close = cos >= M.SEM_CANDIDATE if cos is not None else np.zeros(len(x), dtype=bool)
    ok = ((sc.shared >= 2) | sc.equal | close) & under
    matched = sc.matched.copy()
    M._add_slots(pieces, x, y, matched, ok & sc.needs_slot)
    score = M._vector_score(arrays, x, y, matched, sc.clash, sc.equal)
    keep = np.flatnonzero(ok & ((score >= floor) | sc.equal))
    sub.needed = np.zeros(m, dtype=bool)
    sub.needed[x[keep]] = True
    sub.needed[y[keep]] = True
    part = P.Scored(*(getattr(sc, f)[keep] for f in P.Scored.__dataclass_fields__))
    feats = M._evidence(sub, arrays, x[keep], y[keep], part, matched[keep], score[keep],
                        cos[keep] if cos is not None else None)
    return keep, M._probability(feats, part.equal, use_sem), feats


def _why(a: M._Item, b: M._Item, row: np.ndarray, use_sem: bool) -> str:
    """A few words: the distinctive words the two parts share, and the evidence that counted."""
    shared = [t for t in a.ranked() if t in b.terms][:4]
    words = {}
    for t in shared:
        w = next((w for w in T.words(a.sentence.text) if T.term(w) == t), t)
        words[t] = w
    parts = ["shares " + ", ".join(words.values())] if words else []
    parts += E.explain(row, use_sem)
    return "; ".join(parts)
