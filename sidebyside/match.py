"""Link sentences that make the same claim across sources.

Plain fuzzy ratios cannot tell "the same claim" from "the same topic": in one news cluster every
sentence shares the story's words. So each term is weighed by how distinctive it is in the folder
(inverse document frequency over sentences), and two sentences score by the weighted share of
their terms they have in common (a weighted Dice coefficient, which also penalises what one side
has and the other lacks). Candidates come from an inverted index over each sentence's most
distinctive terms, so cost does not grow with the square of the corpus.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from . import text as T
from .model import BOILERPLATE, DUPLICATE, EXACT, NEAR, PARAPHRASE, Link, Sentence, Source

MIN_SCORE = 0.3  # a link needs at least this score...
WEAK = 0.65  # ...or this share of it, as mutual best matches sharing distinctive terms
STRONG = 0.6  # a link this strong stands whatever else either sentence matches
NEAR_RATIO = 80  # character similarity (0-100) above which a link is "near", not "paraphrase"
CANDIDATE_TERMS = 8  # how many of a sentence's most distinctive terms find its candidates
PER_SOURCE = 3  # at most this many links from one sentence into each other source
NAME_BOOST = 1.5  # weight multiplier for names and figures
NEAR_BEST = 0.6  # ...each at least this share of its best one


@dataclass
class _Item:
    sentence: Sentence
    source_index: int
    terms: dict[str, float]  # term -> weight
    total: float
    norm: str


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


def match(
    sources: list[Source], min_score: float = MIN_SCORE, also: set[str] | None = None
) -> int:
    """Fill `links` on every eligible sentence (both ends of each link): every sentence that is
    not boilerplate or a duplicate, plus the ids in `also`. Returns the link count."""
    also = also or set()
    eligible = [
        (i, s)
        for i, src in enumerate(sources)
        for s in src.sentences
        if s.status not in (BOILERPLATE, DUPLICATE) or s.id in also
    ]
    for _, s in eligible:
        s.links = []
    if not eligible:
        return 0
    bags = _fold_demonyms([T.content_terms(s.text) for _, s in eligible])
    n = len(eligible)
    df: dict[str, int] = defaultdict(int)
    for bag in bags:
        for t in set(bag):
            df[t] += 1
    idf = {t: math.log(1 + n / c) for t, c in df.items()}
    # Names and figures say more about which claim a sentence makes than common words do.
    names: set[str] = set()
    for _, s in eligible:
        names |= T.name_terms(s.text)
    for t in idf:
        if t in names or t.isdigit():
            idf[t] *= NAME_BOOST
    items: list[_Item] = []
    for (src_i, s), bag in zip(eligible, bags, strict=True):
        weights = {t: idf[t] for t in set(bag)}
        items.append(_Item(s, src_i, weights, sum(weights.values()), T.normalized(s.text)))

    # Candidate generation: an inverted index over the terms that are neither unique to one
    # sentence nor common to the whole folder; each sentence looks up its most distinctive ones.
    common = max(40, n // 10)
    postings: dict[str, list[int]] = defaultdict(list)
    keys: list[list[str]] = []
    for k, item in enumerate(items):
        usable = [t for t in item.terms if 2 <= df[t] <= common]
        for t in usable:
            postings[t].append(k)
        usable.sort(key=lambda t: (-item.terms[t], t))
        keys.append(usable[:CANDIDATE_TERMS])

    rare = max(4, n // 100)  # a term in at most this many sentences is distinctive
    scored: dict[tuple[int, int], float] = {}
    evidence: dict[tuple[int, int], int] = {}
    for a, item in enumerate(items):
        cands: set[int] = set()
        for t in keys[a]:
            cands.update(postings[t])
        for b in cands:
            if b <= a or items[b].source_index == item.source_index:
                continue
            other = items[b]
            small, large = (item, other) if len(item.terms) <= len(other.terms) else (other, item)
            shared = [t for t in small.terms if t in large.terms]
            if len(shared) < 2 and item.norm != other.norm:
                continue
            shared_w = sum(small.terms[t] for t in shared)
            score = 2 * shared_w / (item.total + other.total) if item.total + other.total else 0
            if item.norm == other.norm:
                score = 1.0
            if score >= min_score * WEAK:
                scored[(a, b)] = score
                evidence[(a, b)] = sum(1 for t in shared if df[t] <= rare)

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
        score = round(scored[(a, b)], 3)
        ia, ib = items[a], items[b]
        if ia.norm == ib.norm:
            kind = EXACT
        elif fuzz.ratio(ia.norm, ib.norm) >= NEAR_RATIO:
            kind = NEAR
        else:
            kind = PARAPHRASE
        shared = sorted(
            (t for t in ia.terms if t in ib.terms), key=lambda t: (-ia.terms[t], t)
        )[:4]
        why = "shares " + ", ".join(surface.get(t, t) for t in shared) if shared else ""
        ia.sentence.links.append(Link(ib.sentence.id, score, kind, why))
        ib.sentence.links.append(Link(ia.sentence.id, score, kind, why))
        count += 1
    for _, s in eligible:
        s.links.sort(key=lambda link: -link.score)
    return count
