"""Link sentences that make the same claim across sources.

Plain fuzzy ratios cannot tell "the same claim" from "the same topic": in one news cluster every
sentence shares the story's words. So each term is weighed by how distinctive it is in the folder
(inverse document frequency over sentences, names boosted), and two sentences score by the weighted
share of their content they have in common, with what one side has and the other lacks counted
against them (a weighted Tversky index: the longer side's extra content, as in a headline against
its body sentence, costs less than the shorter side's).

Figures are facts, not words: the same figure written two ways ("70mph", "70 mph", "seventy")
matches, and two sentences stating a figure for the same slot with different values ("eleven
injured" / "thirteen injured") still count as saying the same thing in part, so they link and the
disagreement is found later from their numbers. Years only match exactly.

Candidates come from an inverted index over each sentence's most distinctive terms (and, with the
optional `semantic` extra, from nearest neighbours in embedding space), so cost does not grow with
the square of the corpus. `score_pairs` scores any pair against its folder, for measuring
(benchmarks/quality.py).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain

from rapidfuzz import fuzz

from . import semantic as S
from . import text as T
from .model import BOILERPLATE, DUPLICATE, EXACT, NEAR, PARAPHRASE, Link, Sentence, Source

# Tuned on the gold set in benchmarks/gold (python -m benchmarks.quality --sweep), not on the seeds.
MIN_SCORE = 0.28  # a link needs at least this score...
WEAK = 0.65  # ...or this share of it, as mutual best matches sharing distinctive terms
STRONG = 0.6  # a link this strong stands whatever else either sentence matches
NEAR_RATIO = 80  # character similarity (0-100) above which a link is "near", not "paraphrase"
CANDIDATE_TERMS = 8  # how many of a sentence's most distinctive terms find its candidates
MAX_POSTING = 300  # a term in more sentences than this finds no candidates (big folders only)
MAX_CANDIDATES = 250  # at most this many candidates scored per sentence (big folders only)
PER_SOURCE = 3  # at most this many links from one sentence into each other source
NAME_BOOST = 1.5  # weight multiplier for names and figures
NEAR_BEST = 0.5  # ...each at least this share of its best one
LONG_SIDE = 0.4  # weight of the extra content of the side with more of it (0.5 = Dice)
SHORT_SIDE = 0.5  # weight of the extra content of the side with less
FIGURE_SLOT = 0.4  # credit for a figure the other side states with another value...
FIGURE_RATIO = 3.0  # ...if neither is more than this many times the other
IDF_POWER = 2.0  # >1 sharpens the gap between distinctive and common terms
GENERIC_WEIGHT = 0.3  # weight factor of words every news story uses (text.GENERIC)
NAME_CLASH = 0.8  # score factor when each side names someone or somewhere the other does not
# The semantic extra: cosine similarity mapped to [0, 1] from SEM_FLOOR up, mixed with the lexical.
SEM_FLOOR = 0.5
SEM_WEIGHT = 0.3  # score = max(lexical, (1 - w) * lexical + w * semantic)
SEM_MIN_LEXICAL = 0.1  # ...only for pairs with at least this lexical score (some words in common)
SEM_NEIGHBOURS = 10  # nearest embedding neighbours (other sources) added as candidates per sentence
SEM_CANDIDATE = 0.7  # ...if at least this similar


@dataclass
class MatchRun:
    """What the last `match()` call used, for the app and the reports to show."""

    semantic: bool = False  # the embedding score took part
    links: int = 0


last_run = MatchRun()


@dataclass
class _Item:
    sentence: Sentence
    source_index: int
    terms: dict[str, float]  # term -> weight (words; figures are kept apart)
    figures: dict[str, float]  # figure -> weight
    years: dict[str, float]  # years (match only exactly) -> weight
    names: set[str]
    total: float
    norm: str
    vector: object = None  # embedding row, with the semantic extra
    extra: dict = field(default_factory=dict)


def _fold_demonyms(bags: list[list[str]]) -> list[list[str]]:
    """'russian' counts as 'russia', 'korean' as 'korea' when both forms occur in the folder."""
    vocab = {t for bag in bags for t in bag}
    mapping: dict[str, str] = {}
    for t in vocab:
        if len(t) > 5 and t.endswith("ian") and t[:-3] in vocab:
            mapping[t] = t[:-3]
        elif len(t) > 4 and t.endswith("n") and t[:-1] in vocab:
            mapping[t] = t[:-1]
    if not mapping:
        return bags
    return [[mapping.get(t, t) for t in bag] for bag in bags]


def _surface_words(sentences: list[Sentence]) -> dict[str, str]:
    out: dict[str, str] = {}
    for s in sentences:
        for w in T.words(s.text):
            if w not in T.STOPWORDS:
                out.setdefault(T.term(w), w)
    return out


def _is_year(f: str) -> bool:
    return len(f) == 4 and f.isdigit() and 1800 <= int(f) <= 2100


def _comparable(f: str, g: str) -> bool:
    """Two figures ("#212", "#200") that could be two sources' values for one quantity."""
    try:
        a, b = float(f[1:]), float(g[1:])
    except ValueError:
        return False
    return a > 0 and b > 0 and max(a, b) / min(a, b) <= FIGURE_RATIO


@dataclass
class _Folder:
    items: list[_Item]
    df: dict[str, int]
    n: int


def _eligible(sources: list[Source], also: set[str]) -> list[tuple[int, Sentence]]:
    return [
        (i, s)
        for i, src in enumerate(sources)
        for s in src.sentences
        if s.status not in (BOILERPLATE, DUPLICATE) or s.id in also
    ]


def _prepare(eligible: list[tuple[int, Sentence]]) -> _Folder:
    """Term weights for one folder: idf over its sentences, names and figures boosted."""
    raw = [T.content_terms(s.text) for _, s in eligible]
    bags = _fold_demonyms([[t for t in bag if not T.is_figure_term(t)] for bag in raw])
    figs = [{"#" + f for f in T.figures(s.text)} for _, s in eligible]
    n = len(eligible)
    df: dict[str, int] = defaultdict(int)
    for bag, fs in zip(bags, figs, strict=True):
        for t in set(bag) | fs:
            df[t] += 1
    idf = {t: math.log(1 + n / c) ** IDF_POWER for t, c in df.items()}
    # Names and figures say more about which claim a sentence makes than common words do.
    names_of = [T.name_terms(s.text) for _, s in eligible]
    names: set[str] = set().union(*names_of) if names_of else set()
    for t in idf:
        if t in names or t.startswith("#"):
            idf[t] *= NAME_BOOST
        elif t in T.GENERIC:
            idf[t] *= GENERIC_WEIGHT
    items: list[_Item] = []
    for (src_i, s), bag, fs, nm in zip(eligible, bags, figs, names_of, strict=True):
        weights = {t: idf[t] for t in set(bag)}
        years = {f: idf[f] for f in fs if _is_year(f[1:])}
        fig_w = {f: idf[f] for f in fs if f not in years}
        total = sum(weights.values()) + sum(fig_w.values()) + sum(years.values())
        items.append(
            _Item(s, src_i, weights, fig_w, years, nm & set(weights), total, T.normalized(s.text))
        )
    return _Folder(items, df, n)


def _lexical(x: _Item, y: _Item) -> tuple[float, list[str]]:
    """How much of two sentences' weighted content they share, and the terms they share."""
    if x.norm == y.norm:
        return 1.0, [t for t in x.terms if t in y.terms]
    small, large = (x, y) if len(x.terms) <= len(y.terms) else (y, x)
    shared = [t for t in small.terms if t in large.terms]
    matched = sum(small.terms[t] for t in shared)
    matched += sum(w for t, w in x.years.items() if t in y.years)
    shared_figs = [f for f in x.figures if f in y.figures]
    matched += sum(x.figures[f] for f in shared_figs)
    # Figures for the same slot with other values: pair the rest off, largest weight first, when
    # they are of a size (212 and "more than 200", 11 and 13; not 4.2 and 400,000).
    rest_y = {f: w for f, w in y.figures.items() if f not in x.figures}
    slot = 0.0
    for f, w in sorted(x.figures.items(), key=lambda kv: -kv[1]):
        if f in y.figures or not rest_y:
            continue
        g = next((g for g in rest_y if _comparable(f, g)), None)
        if g is not None:
            slot += (w + rest_y.pop(g)) / 2 * FIGURE_SLOT
    matched += slot
    miss_x = max(0.0, x.total - matched)
    miss_y = max(0.0, y.total - matched)
    if miss_x > miss_y:
        miss_long, miss_short = miss_x, miss_y
    else:
        miss_long, miss_short = miss_y, miss_x
    denom = matched + LONG_SIDE * miss_long + SHORT_SIDE * miss_short
    score = matched / denom if denom else 0.0
    if NAME_CLASH < 1.0 and (x.names - y.names) and (y.names - x.names):
        score *= NAME_CLASH
    return score, shared + [f[1:] for f in shared_figs]


def _semantic(cos: float) -> float:
    return max(0.0, min(1.0, (cos - SEM_FLOOR) / (1.0 - SEM_FLOOR)))


def _combine(lexical: float, cos: float | None) -> float:
    if cos is None or lexical < SEM_MIN_LEXICAL:
        return lexical
    return max(lexical, (1 - SEM_WEIGHT) * lexical + SEM_WEIGHT * _semantic(cos))


def _use_semantic(semantic: bool | None) -> bool:
    if semantic is False:
        return False
    return S.available()


def _embed(items: list[_Item]):
    vecs = S.embed([it.sentence.text for it in items])
    for it, v in zip(items, vecs, strict=True):
        it.vector = v
    return vecs


def _cos(x: _Item, y: _Item) -> float | None:
    if x.vector is None or y.vector is None:
        return None
    return float(x.vector @ y.vector)  # type: ignore[operator]


def score_pairs(
    sources: list[Source],
    pairs: list[tuple[str, str]],
    also: set[str] | None = None,
    semantic: bool | None = None,
) -> list[float]:
    """The link score of each pair of sentence ids, weighed against the whole folder of `sources`
    (for measuring: pairs need not be candidates, nor pass the acceptance rules)."""
    folder = _prepare(_eligible(sources, also or set()))
    if _use_semantic(semantic) and folder.items:
        _embed(folder.items)
    by_id = {it.sentence.id: it for it in folder.items}
    out: list[float] = []
    for a, b in pairs:
        ia, ib = by_id.get(a), by_id.get(b)
        if ia is None or ib is None:
            out.append(0.0)
            continue
        out.append(_combine(_lexical(ia, ib)[0], _cos(ia, ib)))
    return out


def _semantic_candidates(items: list[_Item], vecs) -> dict[int, set[int]]:
    """For each sentence, its nearest neighbours in the other sources (blockwise, so memory stays
    bounded on large folders; a fixed number each, so cost stays linear)."""
    import numpy as np

    src = np.array([it.source_index for it in items])
    out: dict[int, set[int]] = defaultdict(set)
    block = 512
    k = min(SEM_NEIGHBOURS, len(items) - 1)
    if k < 1:
        return out
    for lo in range(0, len(items), block):
        sims = vecs[lo : lo + block] @ vecs.T
        rows = np.arange(lo, min(lo + block, len(items)))
        sims[src[rows][:, None] == src[None, :]] = -1.0  # same source: never a candidate
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        vals = np.take_along_axis(sims, top, axis=1)
        for r, c in zip(*np.nonzero(vals >= SEM_CANDIDATE), strict=True):
            out[int(rows[r])].add(int(top[r, c]))
    return out


def _why(x: _Item, y: _Item, shared: list[str], surface: dict[str, str], cos: float | None) -> str:
    """A few words on why x links to y: shared distinctive terms and figures, differing figures,
    what the other side adds."""
    parts: list[str] = []
    words = sorted((t for t in shared if t in x.terms), key=lambda t: (-x.terms[t], t))[:4]
    figs = [t for t in shared if t not in x.terms]
    if words or figs:
        parts.append("shares " + ", ".join([surface.get(t, t) for t in words] + figs[:2]))
    differ_x = [f[1:] for f in x.figures if f not in y.figures]
    differ_y = [f[1:] for f in y.figures if f not in x.figures]
    if differ_x and differ_y:
        parts.append(f"figures differ: {differ_x[0]} vs {differ_y[0]}")
    adds = sorted((t for t in y.terms if t not in x.terms), key=lambda t: (-y.terms[t], t))[:2]
    if adds:
        parts.append("other adds " + ", ".join(surface.get(t, t) for t in adds))
    if cos is not None and _semantic(cos) > 0.5:
        parts.append(f"similar meaning ({cos:.2f})")
    return "; ".join(parts)


def match(
    sources: list[Source],
    min_score: float = MIN_SCORE,
    also: set[str] | None = None,
    semantic: bool | None = None,
) -> int:
    """Fill `links` on every eligible sentence (both ends of each link): every sentence that is
    not boilerplate or a duplicate, plus the ids in `also`. Returns the link count.
    `semantic`: None uses the embedding score when the extra is available, False never does."""
    global last_run
    also = also or set()
    eligible = _eligible(sources, also)
    for _, s in eligible:
        s.links = []
    use_sem = _use_semantic(semantic) and bool(eligible)
    last_run = MatchRun(semantic=use_sem)
    if not eligible:
        return 0
    folder = _prepare(eligible)
    items, df, n = folder.items, folder.df, folder.n
    sem_cands: dict[int, set[int]] = {}
    if use_sem:
        sem_cands = _semantic_candidates(items, _embed(items))

    # Candidate generation: an inverted index over the terms that are neither unique to one
    # sentence nor common to the whole folder; each sentence looks up its most distinctive ones.
    common = min(max(40, n // 10), MAX_POSTING)
    postings: dict[str, list[int]] = defaultdict(list)
    keys: list[list[str]] = []
    for k, item in enumerate(items):
        usable = [t for t in (*item.terms, *item.figures, *item.years) if 2 <= df[t] <= common]
        weight = {**item.terms, **item.figures, **item.years}
        for t in usable:
            postings[t].append(k)
        usable.sort(key=lambda t: (-weight[t], t))
        keys.append(usable[:CANDIDATE_TERMS])

    rare = max(4, n // 100)  # a term in at most this many sentences is distinctive
    scored: dict[tuple[int, int], float] = {}
    evidence: dict[tuple[int, int], int] = {}
    shared_of: dict[tuple[int, int], list[str]] = {}
    seen: set[tuple[int, int]] = set()
    for a, item in enumerate(items):
        hits = Counter(chain.from_iterable(postings[t] for t in keys[a]))
        if len(hits) > MAX_CANDIDATES:  # a big folder: score the sentences sharing most keys
            cands = {b for b, _ in hits.most_common(MAX_CANDIDATES)}
        else:
            cands = set(hits)
        cands.update(sem_cands.get(a, ()))
        for b in cands:
            if b == a or items[b].source_index == item.source_index:
                continue
            x, y = (a, b) if a < b else (b, a)
            if (x, y) in seen:
                continue
            seen.add((x, y))
            ix, iy = items[x], items[y]
            lexical, shared = _lexical(ix, iy)
            cos = _cos(ix, iy)
            if len(shared) < 2 and ix.norm != iy.norm and (cos is None or cos < SEM_CANDIDATE):
                continue
            score = _combine(lexical, cos)
            if score >= min_score * WEAK:
                scored[(x, y)] = score
                shared_of[(x, y)] = shared
                distinct = [
                    t for t in shared if t not in T.GENERIC and df.get(t, df.get("#" + t, n)) <= rare
                ]
                # Two distinctive terms, one of them a name or a figure; or three.
                named = any(t in ix.names or "#" + t in ix.figures for t in distinct)
                evidence[(x, y)] = len(distinct) if named or len(distinct) >= 3 else 0

    # Each end ranks its candidates in every other source. A link stands when both ends rank it
    # near their best (or it is strong on its own); a weaker pair stands only when each is the
    # other's best match and they share at least two distinctive terms.
    ranked: dict[tuple[int, int], list[tuple[float, int]]] = defaultdict(list)
    for (a, b), score in scored.items():
        ranked[(a, items[b].source_index)].append((score, b))
        ranked[(b, items[a].source_index)].append((score, a))
    for lst in ranked.values():
        lst.sort(key=lambda x: (-x[0], x[1]))

    def accepts(x: int, y: int, score: float) -> bool:
        lst = ranked[(x, items[y].source_index)]
        return any(c == y for _, c in lst[:PER_SOURCE]) and score >= lst[0][0] * NEAR_BEST

    def best_of(x: int, y: int) -> bool:
        return ranked[(x, items[y].source_index)][0][1] == y

    keep: set[tuple[int, int]] = set()
    for (a, b), score in scored.items():
        if score >= STRONG or (score >= min_score and accepts(a, b, score) and accepts(b, a, score)):
            keep.add((a, b))
        elif best_of(a, b) and best_of(b, a) and evidence[(a, b)] >= 2:
            keep.add((a, b))

    surface = _surface_words([it.sentence for it in items])
    count = 0
    for a, b in sorted(keep):
        score = round(min(1.0, scored[(a, b)]), 3)
        ia, ib = items[a], items[b]
        if ia.norm == ib.norm:
            kind = EXACT
        elif fuzz.ratio(ia.norm, ib.norm) >= NEAR_RATIO:
            kind = NEAR
        else:
            kind = PARAPHRASE
        cos = _cos(ia, ib)
        shared = shared_of[(a, b)]
        ia.sentence.links.append(Link(ib.sentence.id, score, kind, _why(ia, ib, shared, surface, cos)))
        ib.sentence.links.append(Link(ia.sentence.id, score, kind, _why(ib, ia, shared, surface, cos)))
        count += 1
    for _, s in eligible:
        s.links.sort(key=lambda link: -link.score)
    last_run.links = count
    return count
