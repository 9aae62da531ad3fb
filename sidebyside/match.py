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
the square of the corpus. Candidates and scores are computed in bulk on numpy arrays
(sidebyside/pairs.py); `_lexical` is the same score for one pair, the reference the bulk code is
tested against. `score_pairs` scores any pair against its folder, for measuring
(benchmarks/quality.py).

A pair that passes the overlap rules becomes a link only if the fitted model of
sidebyside/evidence.py gives it at least P_LINK: the overlap, how much each side covers of the
other, whether the actions agree, whether days or tense differ, whether only names and figures are
shared. A link's `score` is that probability of the same claim (1.0 for the same sentence), and its
`why` names the evidence that counted ("same action", "days differ", "shares only names/figures").

With semantic matching, the leads (a source's first LEAD sentences: headline and lede) are a case
of their own: outlets open with the same news in other words, so every pair of two sources' leads
is a candidate, skips the overlap floor, is known to the model as a lead pair, and links whatever
the overlap rules say: at P_LINK_SEM, like any link, when the two sources already share
STORY_LINKS links other than lead pairs (they tell one story), else at P_LEAD.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import attrgetter

from rapidfuzz import fuzz, process

from . import evidence as E
from . import pairs as P
from . import semantic as S
from . import text as T
from . import transformer as TX
from . import workers
from .arrays import union, unique
from .link_whys import _joined, _Wording, put_whys, word_links  # noqa: F401 (the engine calls both)
from .model import EXACT, NEAR, PARAPHRASE, Link, Sentence, Source
from .semantic_pass import SEM_CANDIDATE, semantic_pass

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
# The semantic pass (candidates from embedding neighbours) is in sidebyside/semantic_pass.py.
# The decision: a candidate with at least min_score * WEAK overlap is described by its evidence
# (sidebyside/evidence.py) and scored by the fitted model as the probability of the same claim.
P_LINK = 0.45  # a link needs at least this probability, on top of the overlap rules
P_LINK_SEM = 0.53  # ...with semantic matching on (its model, with the embedding similarity and
# the leads): the lowest probability, in steps of 0.01, at which at most 10% of the hard
# negatives of the claims_real dev split link (0.52: 10.9%, 0.53: 9.7%; same-claim pairs linked
# 0.675 -> 0.607, MRPC paraphrases linked 0.989 -> 0.967, ≠ shown on dev 27 -> 26 of 37). Was
# 0.43: a missed link costs less than a false one (a link says two outlets say the same thing)
# Ledes: outlets covering one event open with its news, in their own words (a headline and a lede
# often share two or three words). A source's first LEAD sentences are its leads; every pair of
# leads of two sources is a candidate, skips the overlap floor and, with at least P_LEAD, links
# whatever the overlap rules say (the fitted model knows the pair as `lead_pair`). Tuned on the
# claims_real dev split: 0.55 let 1.8% of links cross between two unrelated stories. With semantic
# matching only (lexically the feature's weight is 0 and leads are sentences like any other).
# Two sources that share STORY_LINKS links other than lead pairs tell one story, and their leads
# link at P_LINK_SEM like any link (`_lead_bar`); leads of sources that share fewer need P_LEAD.
# With that, the headline and the first two body sentences are leads (LEAD 3), and P_LEAD is
# 0.75 (was LEAD 2, P_LEAD 0.6, STORY_LINKS 3): on the enlarged claims_real dev split (921 pairs)
# same-claim pairs linked 0.617 -> 0.638, hard negatives linked 30 -> 28 of 324, links crossing
# two clusters 6 -> 3 of ~500, ≠ on dev unchanged (benchmarks/SEMANTIC.md has the sweep).
LEAD = 3
P_LEAD = 0.75
# The transformer's second reading (sidebyside/transformer.py; benchmarks/SEMANTIC.md, "The
# transformer as a second tier" and "Ninth session"): when it can run, a link needs P_LINK_TIER
# (not P_LINK_SEM), and one under P_SURE stands only if the transformer's cosine of its two
# sentences is at least VETO_COS; and a candidate the static decision turns down (under the bar
# or the overlap rules) of a fitted probability of at least P_LIFT links when the transformer
# reads its two sentences at LIFT_COS or more (`_lift`). VETO_COS and LIFT_COS were chosen on
# half the dev clusters with a transformer fine-tuned on the other half
# (benchmarks/train_transformer.py --folds A): same-claim pairs linked 0.662 -> 0.718, hard
# negatives linked 0.092 -> 0.084 (0.697 / 0.073 once two leads are never lifted, after a
# review); test, read after each: 0.595 -> 0.635 and 0.099 -> 0.089, then 0.608 and 0.079. The
# shipped transformer then learnt from both halves (tenth session; test 0.608 and 0.069), and
# from dev fold C too (eleventh session; test 0.586 and 0.059).
# LIFT_COS stays 0.6 (eleventh session): at 0.5, dev fold C (twelve clusters labelled after the
# tenth session's model was trained), read with that model, links 7 more same-claim pairs and 4
# more hard negatives, but also 20 pairs no label covers (read here: mostly a shared name or
# topic): 0.911 -> 0.830 of its links labelled right (benchmarks/SEMANTIC.md, "Eleventh session").
# Then P_LINK_TIER 0.45 -> 0.4 and LIFT_COS 0.6 -> 0.7 (eleventh session), chosen on three folds
# each read with a model that never learnt from it: ECB+ fold E with the shipped model, BASIL
# fold C with the tenth session's, fold B with the fold-A model. Links right (of every link of
# the exhaustively labelled clusters) 0.889 -> 0.921, 0.911 -> 0.929, 0.861 -> 0.895; same-claim
# pairs linked 37 -> 39 of 63, 77 -> 76 of 126, 99 -> 99 of 142.
P_LINK_TIER = 0.4
P_LINK_TIER_NARROW = 0.45  # the bar when the weak links at P_LINK_TIER are more sentences than
# the transformer reads (TX.MAX_SENTENCES): a folder it read before P_LINK_TIER was lowered still
# gets its second reading
P_SURE = 0.7
VETO_COS = 0.55
P_LIFT = 0.2
LIFT_COS: float | None = 0.7  # None: no lift
# Past the transformer's budget (TX.MAX_SENTENCES texts: a story of more than a few outlets) the
# static decision's links under P_SURE are read the least likely first, as far as the budget goes,
# each vetoed under VETO_COS (`_doubtful_reading`), in folders of at most DOUBTFUL_MAX sentences
# (the budget's second or so is nothing beside their comparison; past that, the static decision
# stands, as it did for every folder over the budget). Twentieth session, the budget cut to 20
# texts so that most stories are over it: claims_real dev links labelled right 0.860 -> 0.930,
# hard negatives linked 69 -> 37 of 1,261, same-claim linked 301 -> 300 of 421; ECB+ dev fold E
# (no model learnt from it) 0.867 -> 0.895 and 13 -> 11 of 312; test, read once, 0.862 -> 0.909,
# 47 -> 31 of 543, 219 -> 213 of 356. Under the budget nothing changes.
DOUBTFUL_MAX = 3_000
LEAD_TERMS = 4  # a sentence with fewer content terms is a lead if it comes first, but the lede
# after it still is one
STORY_LINKS = 2  # links other than lead pairs that show two sources tell one story
PARALLEL_EMBED = 3_000  # sentences from which they are embedded in a forked process
PARALLEL_BLOCKS = 2  # blocks of candidates (P.PAIR_BLOCK) from which they are scored in parallel
LEAD_PAIRS_MAX = 100_000  # past this many lead pairs (thousands of sources) none is added


@dataclass
class MatchRun:
    """What a `match()` call did, for the comparison (and so the app and reports) to carry."""

    semantic: bool = False  # the embedding score took part
    transformer: bool = False  # the transformer read the weaker links (`_second_reading`)
    transformer_part: bool = False  # past its budget it read only the most doubtful links
    #                                 (`_doubtful_reading`)
    near: list = field(default_factory=list)  # links the transformer turned down that the static
    # decision made: (sentence id, sentence id, probability), for pairing figures; never stored
    links: int = 0
    folder: object = field(default=None, repr=False)  # the folder's weighed sentences, for the
    # partial pass that follows (sidebyside/partial.py); never stored
    wording: object = field(default=None, repr=False)  # the links still without whys
    # (`match(defer_whys=True)`: `word_links`, `put_whys`); never stored


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
    lead: bool = False  # among its source's first LEAD sentences (the headline and the lede)
    vector: object = None  # embedding row, with the semantic extra
    _ranked: list[str] | None = None
    _heavy: list[tuple[str, float]] | None = None

    def ranked(self) -> list[str]:
        """Its words, most distinctive first."""
        if self._ranked is None:
            self._ranked = sorted(self.terms, key=lambda t: (-self.terms[t], t))
        return self._ranked

    def heavy_figures(self) -> list[tuple[str, float]]:
        """Its figures and their weights, largest weight first (ties in order of use): sorted
        once, not once per pair `_slot` meets it in."""
        if self._heavy is None:
            self._heavy = sorted(self.figures.items(), key=lambda kv: -kv[1])
        return self._heavy


def _fold_demonyms(bags: list[list[str]], vocab: set[str]) -> list[list[str]]:
    """'russian' counts as 'russia', 'korean' as 'korea' when both forms occur in the folder
    (`vocab`: every term of the bags)."""
    mapping: dict[str, str] = {}
    for t in vocab:
        if len(t) > 5 and t.endswith("ian") and t[:-3] in vocab:
            mapping[t] = t[:-3]
        elif len(t) > 4 and t.endswith("n") and t[:-1] in vocab:
            mapping[t] = t[:-1]
    if not mapping:
        return bags
    return [[mapping.get(t, t) for t in bag] for bag in bags]


def _surface_words(sentences: list[Sentence], needed: set[str]) -> dict[str, str]:
    """Each `needed` term as the folder first writes it: a sentence none of whose content terms
    is needed gives none of them, and is not read (a 5 MB file has 100,000 sentences and a few
    links)."""
    out: dict[str, str] = {}
    read: set[str] = set()  # a text read again sets nothing new (its words are all in `out`)
    for s in sentences:
        if s.text in read:
            continue
        read.add(s.text)
        if needed.isdisjoint(T.content_terms(s.text)):
            continue
        for w in T.words(s.text):
            if w not in T.STOPWORDS:
                out.setdefault(T.term(w), w)
    return out


def _is_year(f: str) -> bool:
    return len(f) == 4 and f.isdigit() and 1800 <= int(f) <= 2100


@lru_cache(maxsize=1 << 16)
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
    cues: _Cues | None = None
    lead: object = None  # np.ndarray of bool, per item: `_Item.lead`
    needed: object = None  # mask of the items in some candidate pair (None: all of them)
    # The cues of each (text, names) read so far (`_cues`): the partial pass's folder of claim
    # units (sidebyside/partial.py) holds whole sentences too, and shares this with matching's.
    read: dict = field(default_factory=dict)


@dataclass
class _Cues:
    """The folder's sentence cues (evidence.cues) as arrays, for scoring pairs in bulk."""

    actions: P.Bag
    days: P.Bag
    dates: P.Bag
    future: object  # np.ndarray of bool, per sentence
    negated: object
    plain: object  # weight of words that are not names, per sentence


def _cues(items: list[_Item], needed=None, read: dict | None = None) -> _Cues:
    """The cues of every item, or (with `needed`, a mask) of those only: the others are never
    looked at (a huge document's sentences, none of them a candidate). `read`: the cues of each
    (text, names) already read, added to here."""
    import numpy as np

    empty = E.cues("", set())
    # Cues depend only on the text and its names: outlets repeat the wire's sentences word for
    # word, and each (text, names) is read once.
    read = {} if read is None else read

    def cues_of(it: _Item) -> E.Cues:
        key = (it.sentence.text, frozenset(it.names))
        c = read.get(key)
        if c is None:
            c = read[key] = E.cues(it.sentence.text, it.names)
        return c

    wanted = [True] * len(items) if needed is None else np.asarray(needed, dtype=bool).tolist()
    cs = [cues_of(it) if want else empty for it, want in zip(items, wanted, strict=True)]
    return _Cues(
        actions=P.bag([c.actions for c in cs]),
        days=P.bag([sorted(c.days) for c in cs]),
        dates=P.bag([sorted(c.dates) for c in cs]),
        future=np.array([c.future for c in cs], dtype=bool),
        negated=np.array([c.negated for c in cs], dtype=bool),
        plain=np.array([sum(w for t, w in it.terms.items() if t not in it.names) if want else 0.0
                        for it, want in zip(items, wanted, strict=True)], dtype=np.float64),
    )


def _eligible(sources: list[Source], also: set[str]) -> list[tuple[int, Sentence]]:
    out: list[tuple[int, Sentence]] = []
    for i, src in enumerate(sources):
        keep = {id(s) for s in src.unflagged()}
        out += [(i, s) for s in src.sentences if id(s) in keep or s.id in also]
    return out


def _prepare(eligible: list[tuple[int, Sentence]]) -> _Folder:
    """Term weights for one folder: idf over its sentences, names and figures boosted."""
    raw = [T.content_terms(s.text) for _, s in eligible]
    # Figure terms are kept apart; which terms are figures is asked once per distinct term.
    vocab = set(chain.from_iterable(raw))
    figure_terms = {t for t in vocab if T.is_figure_term(t)}
    bags = _fold_demonyms([[t for t in bag if t not in figure_terms] if figure_terms else list(bag)
                           for bag in raw], vocab - figure_terms)
    # A text's figures and names are read once (outlets repeat the wire's sentences: half the
    # sentences of 50 x 3,000 words); its copies share them, and nothing changes them.
    texts = [s.text for _, s in eligible]
    figures_of = {t: list(dict.fromkeys("#" + f for f in T.figures(t))) for t in dict.fromkeys(texts)}
    figs = [figures_of[t] for t in texts]
    n = len(eligible)
    # Sentences using each term (counted in C: a huge file has millions of terms).
    df: Counter[str] = Counter(chain.from_iterable(
        {*bag, *fs} if fs else set(bag) for bag, fs in zip(bags, figs, strict=True)))
    idf = {t: math.log(1 + n / c) ** IDF_POWER for t, c in df.items()}
    # Names and figures say more about which claim a sentence makes than common words do.
    names_read = {t: T.name_terms(t) for t in figures_of}
    names: set[str] = set().union(*names_read.values()) if names_read else set()
    titled = {t for t in names_read if T.is_title_case(t)}
    if titled:
        # In a Title Case headline a capital marks no name ("GOP Staffer Apologizes For
        # Lecturing Obama Daughters"): its names are the words the folder's prose capitalises
        # (what it names, for the clash of names and the evidence; the weights stay as read)
        prose = set().union(*(n for t, n in names_read.items() if t not in titled))
        for t in titled:
            names_read[t] = names_read[t] & prose
    names_of = [names_read[t] for t in texts]
    for t in idf:
        if t in names or t.startswith("#"):
            idf[t] *= NAME_BOOST
        elif t in T.GENERIC:
            idf[t] *= GENERIC_WEIGHT
    weight_of = idf.__getitem__
    items: list[_Item] = []
    for (src_i, s), bag, fs, nm in zip(eligible, bags, figs, names_of, strict=True):
        # Dicts in first-use order (never set order, which changes from run to run).
        keys = dict.fromkeys(bag)
        weights = dict(zip(keys, map(weight_of, keys), strict=True))
        if fs:
            years = {f: idf[f] for f in fs if _is_year(f[1:])}
            fig_w = {f: idf[f] for f in fs if f not in years}
        else:
            years, fig_w = {}, {}
        total = sum(weights.values()) + sum(fig_w.values()) + sum(years.values())
        items.append(
            _Item(s, src_i, weights, fig_w, years, nm & weights.keys(), total, T.normalized(s.text))
        )
    seen: dict[int, int] = defaultdict(int)
    for it in items:  # eligible sentences come source by source, in order
        it.lead = seen[it.source_index] < LEAD
        if len(it.terms) >= LEAD_TERMS:  # "We've got an Oscar host!" takes no lead's place
            seen[it.source_index] += 1
    return _Folder(items, df, n)


def _slot(x: _Item, y: _Item) -> float:
    """Credit for figures for the same slot with other values: pair the rest off, largest weight
    first, when they are of a size (212 and "more than 200", 11 and 13; not 4.2 and 400,000)."""
    xf, yf = x.figures, y.figures
    rest_y = {f: w for f, w in yf.items() if f not in xf}
    slot = 0.0
    if not rest_y:  # nothing of y's left to pair off
        return slot
    for f, w in x.heavy_figures():
        if f in yf:
            continue
        g = next((g for g in rest_y if _comparable(f, g)), None)
        if g is not None:
            slot += (w + rest_y.pop(g)) / 2 * FIGURE_SLOT
            if not rest_y:
                break
    return slot


def _add_slots(items: list[_Item], x, y, matched, which, known: dict | None = None) -> None:
    """matched[k] += `_slot` of pair k, for the pairs `which` (a mask).

    A figure weighs the same in every sentence of a folder (its idf: `_prepare`, and a claim
    unit keeps its sentence's weights), so `_slot` depends only on which figures each side
    gives, in order: a wire's figures recur in every outlet's copy, and each distinct pair of
    figure lists is worked out once (`known`: those of earlier blocks of the same folder, added
    to here). The pairs are grouped by their lists on arrays; only one pair of each group is
    read in Python."""
    import numpy as np

    ks = np.flatnonzero(which)
    if not len(ks):
        return
    known = {} if known is None else known
    xs, ys = x[ks], y[ks]
    used = unique(np.concatenate([xs, ys]))
    lists: dict[tuple[str, ...], int] = {}  # each distinct list of figures, numbered
    number = np.zeros(len(items), dtype=np.int64)
    number[used] = [lists.setdefault(tuple(items[i].figures), len(lists)) for i in used.tolist()]
    key = number[xs] * len(lists) + number[ys]
    order = np.argsort(key, kind="stable")
    first = np.r_[True, key[order][1:] != key[order][:-1]]
    group = np.empty(len(key), dtype=np.int64)  # each pair -> its pair of lists
    group[order] = np.cumsum(first) - 1
    slots: list[float] = []
    for a, b in zip(xs[order[first]].tolist(), ys[order[first]].tolist(), strict=True):
        lists_ab = (tuple(items[a].figures), tuple(items[b].figures))
        v = known.get(lists_ab)
        if v is None:
            v = known[lists_ab] = _slot(items[a], items[b])
        slots.append(v)
    matched[ks] += np.array(slots, dtype=np.float64)[group]


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
    matched += _slot(x, y)
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


def _use_semantic(semantic: bool | None) -> bool:
    if semantic is False:
        return False
    return S.available()


def _embed(items: list[_Item], vecs=None):
    """Each item's embedding (`vecs`: those of their texts, worked out already by
    `_embedding`)."""
    if vecs is None:
        vecs = _embedding([it.sentence.text for it in items])
    for it, v in zip(items, vecs, strict=True):
        it.vector = v
    return vecs


def _embedding(texts: list[str]):
    """The embedding of each text, one row each."""
    import numpy as np

    # Each text embedded once: a sentence's vector is summed and normalised on its own (the
    # same bits whatever else is embedded with it), and outlets repeat the wire's sentences.
    first: dict[str, int] = {}
    which = [first.setdefault(t, len(first)) for t in texts]
    vecs = S.embed(list(first))
    if len(first) < len(texts):
        vecs = vecs[np.array(which, dtype=np.int64)]
    return vecs


def score_pairs(
    sources: list[Source],
    pairs: list[tuple[str, str]],
    also: set[str] | None = None,
    semantic: bool | None = None,
) -> list[float]:
    """The link score of each pair of sentence ids (the probability that they make the same
    claim), weighed against the whole folder of `sources` (for measuring: pairs need not be
    candidates, nor pass the acceptance rules). Pairs not found score 0."""
    _, features, equal, found = pair_evidence(sources, pairs, also, semantic)
    probs = iter(_probability(features, equal, _use_semantic(semantic)).tolist())
    return [round(next(probs), 6) if f else 0.0 for f in found]


def _arrays(folder: _Folder) -> P.Arrays:
    n, df = folder.n, folder.df
    rare = max(4, n // 100)  # a term in at most this many sentences is distinctive
    distinct = {t for t, c in df.items() if c <= rare and t.lstrip("#") not in T.GENERIC}
    rows = [(it.terms, it.figures, it.years, it.names, it.norm, it.source_index) for it in folder.items]
    return P.build(rows, df, distinct)


def match(
    sources: list[Source],
    min_score: float = MIN_SCORE,
    also: set[str] | None = None,
    semantic: bool | None = None,
    progress: Callable[[float], None] | None = None,
    defer_whys: bool = False,
) -> MatchRun:
    """Fill `links` on every eligible sentence (both ends of each link): every sentence that is
    not boilerplate or a duplicate, plus the ids in `also`. Returns what it did (the link count,
    whether the embedding score took part): no module state carries it.
    `semantic`: None uses the embedding score when the extra is available, False never does.
    `progress` is called with the share of the work done (0..1) as it goes.
    `defer_whys`: the links are made without their whys, which `word_links` works out and
    `put_whys` gives them (sidebyside/link_whys.py; the engine has a forked process word them)."""

    def done(fraction: float) -> None:
        if progress:
            progress(fraction)

    also = also or set()
    eligible = _eligible(sources, also)
    for _, s in eligible:
        s.links = []
    # A bulk source (Source.bulk: a book, a log) is matched lexically, with the whole folder:
    # embedding every one of its sentences would cost more than all the rest.
    use_sem = _use_semantic(semantic) and bool(eligible) and not any(src.bulk for src in sources)
    run = MatchRun(semantic=use_sem)
    if not eligible:
        return run
    # The embeddings need the texts only: past PARALLEL_EMBED sentences a forked process works
    # them out while this one weighs the terms and finds the lexical candidates (the same bits:
    # each text's vector is its own).
    with workers.Later(lambda: _embedding([s.text for _, s in eligible]),
                       use_sem and len(eligible) >= PARALLEL_EMBED) as embedding:
        return _match(run, eligible, min_score, use_sem, embedding, done, defer_whys)


def _match(run: MatchRun, eligible: list[tuple[int, Sentence]], min_score: float, use_sem: bool,
           embedding: workers.Later, done: Callable[[float], None], defer_whys: bool) -> MatchRun:
    """`match` from the eligible sentences on (`embedding`: their embeddings, on the way): the
    candidates, their scores, the decision, then the links written on both ends."""
    folder = run.folder = _prepare(eligible)
    arrays = _arrays(folder)
    found = _candidates(folder, arrays, use_sem, embedding, done)
    scored = _score(folder, arrays, found, min_score, use_sem, done)
    if scored is None:
        return run
    done(0.7)
    keep, lifted = _decide(run, folder, arrays, scored, min_score, use_sem)
    _write_links(run, eligible, folder, scored, keep, lifted, use_sem, done, defer_whys)
    return run


@dataclass
class _Found:
    """Candidate pairs (`codes`: x * n + y, sorted), the twin texts, and with semantic matching
    the embeddings and each candidate's cosine."""

    codes: object
    twin: object
    vectors: object = None
    cosines: object = None


@dataclass
class _Scored:
    """The candidates that could link, in (x, y) order: their probability of the same claim
    (`score`), lexical score, evidence, exactness, cosine and evidence rows (kept in blocks)."""

    x: object
    y: object
    score: object
    evidence: object
    equal: object
    cos: object
    feat_blocks: list
    lexical: object


def _candidates(folder: _Folder, arrays: P.Arrays, use_sem: bool, embedding: workers.Later,
                done: Callable[[float], None]) -> _Found:
    """Candidate generation: an inverted index over the terms that are neither unique to one
    sentence nor common to the whole folder; each sentence looks up its most distinctive ones
    (and, with the semantic extra, its nearest neighbours in embedding space). Sets the folder's
    leads and the sentences whose cues are needed."""
    import numpy as np

    items, n = folder.items, folder.n
    common = min(max(40, n // 10), MAX_POSTING)
    done(0.05)
    twin = _twins(items)
    codes = P.candidates(arrays, CANDIDATE_TERMS, common, MAX_CANDIDATES, twin)
    # Leads are the pairs' own rule only with the embedding similarity (lexically, two unrelated
    # stories' ledes are told apart too poorly: 2% of links crossed on the dev clusters).
    lead = folder.lead = np.array([it.lead for it in items], dtype=bool) & use_sem
    if use_sem:
        codes = union(codes, _lead_pairs(lead, arrays.source))
    done(0.25)
    vectors = cosines = None
    if use_sem:
        vectors = _embed(items, embedding.result() if embedding.forked else None)
        done(0.3)
        codes, cosines = semantic_pass(items, vectors, codes)

    # Only sentences in some candidate pair need their cues (evidence.cues) worked out.
    folder.needed = np.zeros(n, dtype=bool)
    folder.needed[codes // n] = True
    folder.needed[codes % n] = True
    return _Found(codes, twin, vectors, cosines)


def _score(folder: _Folder, arrays: P.Arrays, found: _Found, min_score: float, use_sem: bool,
           done: Callable[[float], None]) -> _Scored | None:
    """Exact scores on the candidates, a block at a time; only pairs that could link are kept
    (None: none could)."""
    import numpy as np

    items, codes, twin, cosines, lead = folder.items, found.codes, found.twin, found.cosines, folder.lead
    floor = min_score * WEAK
    slots: dict = {}  # `_add_slots`' figure slots of each pair of figure lists, for every block
    if len(codes):  # worked out before the blocks (which may be scored in other processes)
        folder.cues = _cues(folder.items, folder.needed, folder.read)
        P.cell_table(arrays)
    blocks = -(-len(codes) // P.PAIR_BLOCK)

    def score_block(i: int) -> tuple[np.ndarray, ...]:
        lo = i * P.PAIR_BLOCK
        sc = P.overlap_by_row(arrays, codes[lo : lo + P.PAIR_BLOCK], twin)
        x, y = sc.x, sc.y
        cos = cosines[lo : lo + P.PAIR_BLOCK] if cosines is not None else None
        close = cos >= SEM_CANDIDATE if cos is not None else np.zeros(len(x), dtype=bool)
        # A pair of leads, or of sentences close in the embedding, skips the overlap floor and the
        # two shared terms: the model, the overlap rules and the transformer decide (twentieth
        # session: real headline pairs such as "Mitt To Akin: Drop Out" / "Romney calls on Rep.
        # Akin to drop Senate bid" were never weighed; semantic_pass.SEM_CANDIDATE has the figures).
        leads = lead[x] & lead[y]
        ok = (sc.shared >= 2) | sc.equal | close | leads
        # A pair whose figure slots could lift it over the floor gets them worked out exactly.
        bound = sc.matched + FIGURE_SLOT * sc.slot_bound
        upper = _vector_score(arrays, x, y, bound, sc.clash, sc.equal)
        ok &= (upper >= floor - 1e-9) | leads | close  # (the bound is a sum with its own rounding)
        matched = sc.matched.copy()
        _add_slots(items, x, y, matched, ok & sc.needs_slot, slots)
        score = _vector_score(arrays, x, y, matched, sc.clash, sc.equal)
        ok &= (score >= floor) | leads | close
        k = np.flatnonzero(ok)
        sub = P.Scored(*(getattr(sc, f)[k] for f in P.Scored.__dataclass_fields__))
        feats = _evidence(folder, arrays, x[k], y[k], sub, matched[k], score[k],
                          cos[k] if cos is not None else None)
        prob = _probability(feats, sc.equal[k], use_sem)
        return (x[k], y[k], prob, sc.evidence[k], sc.equal[k],
                cos[k] if cos is not None else None, feats, score[k])

    # Past PARALLEL_BLOCKS blocks, they are shared among processes (sidebyside/workers.py):
    # each block is scored as in one process, rows for rows, so every score is the same bits.
    kept = workers.run(score_block, blocks, progress=lambda i: done(0.35 + 0.35 * i / blocks),
                       parallel=blocks >= PARALLEL_BLOCKS)
    if not kept:
        return None
    return _Scored(
        x=np.concatenate([k[0] for k in kept]),
        y=np.concatenate([k[1] for k in kept]),
        score=np.concatenate([k[2] for k in kept]),
        evidence=np.concatenate([k[3] for k in kept]),
        equal=np.concatenate([k[4] for k in kept]),
        cos=np.concatenate([k[5] for k in kept]) if found.vectors is not None else None,
        feat_blocks=[k[6] for k in kept],  # joined only at the links (`_rows_at`): a copy saved
        lexical=np.concatenate([k[7] for k in kept]),
    )


def _decide(run: MatchRun, folder: _Folder, arrays: P.Arrays, scored: _Scored, min_score: float,
            use_sem: bool):
    """Which candidates link (a boolean per candidate), and the transformer's cosine of the links
    it alone made (`_lift`; None when it did not read). A link passes the overlap rules (near its
    ends' best, or mutual best with distinctive evidence, or strong), then needs the fitted
    probability of the same claim: sharing names or figures while the action, the day or the
    tense differs does not make a link. Sets `run.near` and `run.transformer`."""
    import numpy as np

    items, lead = folder.items, folder.lead
    x, y, score = scored.x, scored.y, scored.score
    rules = P.accept(x, y, scored.lexical, scored.evidence, arrays.source, PER_SOURCE, NEAR_BEST,
                     STRONG, min_score)
    leads = lead[x] & lead[y]

    def decide(bar: float):
        keep = rules & (score >= bar)
        if use_sem and leads.any():
            keep |= leads & (score >= _lead_bar(arrays.source, x, y, keep & ~leads, leads, bar))
        return keep

    keep = decide(P_LINK_SEM if use_sem else P_LINK) & ~(clash := _chamber_clash(items, x, y))
    lifted = None  # the transformer's cosine of the links it alone made (`_lift`), else 0
    if use_sem and TX.available():
        # The transformer's second reading: links down to P_LINK_TIER, each under P_SURE kept
        # only if the transformer reads the two sentences alike (`_second_reading`).
        tier = decide(P_LINK_TIER) & ~clash
        weak = tier & (score < P_SURE)
        if P_LINK_TIER < P_LINK_TIER_NARROW and _texts(items, x[weak], y[weak]) > TX.MAX_SENTENCES:
            # over the budget: read only the links the narrower bar makes, as before it was lowered
            tier = decide(P_LINK_TIER_NARROW) & ~clash
        second = _second_reading(items, x, y, score, tier)
        if second is not None and LIFT_COS is not None:
            # leads are not lifted: their pairs have a bar of their own (`_lead_bar`), which
            # keeps two stories' headlines apart
            lifted = _lift(items, x, y, score, second[0] | clash | leads, arrays.source,
                           scored.lexical < min_score * WEAK)
            second = (second[0] | (lifted > 0), second[1])
        full = second is not None
        read = tier & (score < P_SURE)  # what the second reading had to read
        if not full and folder.n <= DOUBTFUL_MAX and _texts(items, x[read], y[read]) > TX.MAX_SENTENCES:
            # over the budget: the static decision's links, the most doubtful read first as far
            # as the budget goes (`_doubtful_reading`); nothing lifted
            second = _doubtful_reading(items, x, y, score, keep)
        if second is not None:
            tier_keep, vetoed = second
            # A link the static decision made and the transformer turned down still pairs the
            # two sentences' figures (`findings.find_disagreements`' `near`): the veto is about
            # the claim, and the figures' own tests decide whether they are one quantity.
            near = np.flatnonzero(keep & vetoed)
            run.near = [(items[a].sentence.id, items[b].sentence.id, float(score[k]))
                        for k, a, b in zip(near.tolist(), x[near].tolist(), y[near].tolist(),
                                           strict=True)]
            keep = tier_keep
            run.transformer = full  # (a part read is not the second reading the report names)
            run.transformer_part = not full
    return keep, lifted


def _write_links(run: MatchRun, eligible: list[tuple[int, Sentence]], folder: _Folder,
                 scored: _Scored, keep, lifted, use_sem: bool, done: Callable[[float], None],
                 defer_whys: bool) -> None:
    """Each kept candidate becomes a Link on both its sentences, strongest first, with its kind,
    and its why (now, or later with `defer_whys`)."""
    import numpy as np

    items = folder.items
    idx = np.flatnonzero(keep)  # codes were sorted, so these are in (x, y) order
    xs, ys = scored.x[idx].tolist(), scored.y[idx].tolist()
    needed = {t for i in {*xs, *ys} for t in items[i].terms}
    surface = _surface_words([it.sentence for it in items], needed) if xs else {}
    scores = [round(v, 3) for v in np.minimum(scored.score[idx], 1.0).tolist()]
    eq = scored.equal[idx].tolist()
    ratios = process.cpdist([items[a].norm for a in xs], [items[b].norm for b in ys],
                            scorer=fuzz.ratio, workers=-1) if xs else []
    cs = scored.cos[idx].tolist() if scored.cos is not None else [None] * len(xs)
    explained = E.explain_rows(_rows_at(scored.feat_blocks, idx), use_sem)
    if lifted is not None:  # the links only the transformer made say so
        for i, k in enumerate(idx.tolist()):
            if lifted[k] > 0:
                explained[i] = _joined(explained[i], f"read as one claim by the transformer "
                                                     f"({lifted[k]:.2f})")
    sentence = [it.sentence for it in items]
    ends: list[tuple[Link, Link]] = []  # each link's two ends, for their whys
    for i, (a, b, sc_, same, ratio) in enumerate(zip(xs, ys, scores, eq, ratios, strict=True)):
        if i % 20_000 == 0:
            done(0.75 + 0.25 * i / len(xs))
        kind = EXACT if same else NEAR if ratio >= NEAR_RATIO else PARAPHRASE
        sa, sb = sentence[a], sentence[b]
        ends.append((Link(sb.id, sc_, kind), Link(sa.id, sc_, kind)))
        sa.links.append(ends[-1][0])
        sb.links.append(ends[-1][1])
    run.wording = _Wording(items, xs, ys, eq, cs, explained, surface, ends)
    if not defer_whys:
        put_whys(run, word_links(run))
    by_score = attrgetter("score")
    for _, s in eligible:  # strongest first (a stable sort: ties keep their order)
        s.links.sort(key=by_score, reverse=True)
    run.links = len(xs)


def _rows_at(blocks, idx):
    """`np.concatenate(blocks)[idx]` for sorted `idx`, without joining the blocks (the evidence
    rows of every kept candidate: some 60 MB on 50 x 3,000 words, of which only the links' are
    read)."""
    import numpy as np

    out, lo = [], 0
    for b in blocks:
        hi = lo + len(b)
        a, z = np.searchsorted(idx, [lo, hi])
        out.append(b[idx[a:z] - lo])
        lo = hi
    return np.concatenate(out)


def _texts(items: list[_Item], xs, ys) -> int:
    """How many distinct texts the pairs (xs[k], ys[k]) hold: what the transformer reads for them
    (wire copies of one text are read once: texts are counted, not sentences)."""
    import numpy as np

    return len({items[i].sentence.text for i in np.union1d(xs, ys).tolist()})


def _second_reading(items: list[_Item], x, y, score, keep):
    """The links `keep` (made at P_LINK_TIER, or P_LINK_TIER_NARROW when those are over the
    budget) the transformer confirms, and those it turns down (a boolean mask each), or None
    when it would read more than `TX.MAX_SENTENCES` texts (`_texts`) or the model will not
    open. A link under P_SURE stands only when the transformer's cosine of its two sentences is
    at least VETO_COS."""
    import numpy as np

    weak = np.flatnonzero(keep & (score < P_SURE))
    if not len(weak):
        return keep, np.zeros(len(keep), dtype=bool)
    xs, ys = x[weak], y[weak]
    text = [it.sentence.text for it in items]
    if _texts(items, xs, ys) > TX.MAX_SENTENCES:
        return None
    try:
        cos = TX.load().cosines([text[i] for i in xs.tolist()], [text[i] for i in ys.tolist()])
    except Exception:  # noqa: BLE001 -- a model that will not open (a damaged install): the
        return None  # static decision stands, as without the transformer
    vetoed = np.zeros(len(keep), dtype=bool)
    vetoed[weak[cos < VETO_COS]] = True
    return keep & ~vetoed, vetoed


def _doubtful_reading(items: list[_Item], x, y, score, keep):
    """For a folder whose weaker links hold more texts than the transformer reads: the links
    `keep` (the static decision's) under P_SURE, the least likely first, as many as hold at most
    `TX.MAX_SENTENCES` texts, each vetoed under VETO_COS; the others stand as the static decision
    made them. Returns the links that stand and those vetoed, or None when it reads nothing (no
    link fits the budget) or the model will not open."""
    import numpy as np

    weak = np.flatnonzero(keep & (score < P_SURE))
    weak = weak[np.argsort(score[weak], kind="stable")]
    text = [it.sentence.text for it in items]
    chosen = _in_budget(text, x, y, weak.tolist(), stop=True)
    if not chosen:
        return None
    vetoed = np.zeros(len(keep), dtype=bool)
    chosen = np.array(chosen)
    cos = _read(text, x[chosen], y[chosen])
    if cos is None:
        return None
    vetoed[chosen[cos < VETO_COS]] = True
    return keep & ~vetoed, vetoed


def _in_budget(text: list[str], x, y, order: list[int], stop: bool) -> list[int]:
    """The pairs of `order`, in order, whose texts the transformer reads within its budget
    (`TX.MAX_SENTENCES` distinct texts): at the first that would pass it, stop (`stop`) or step
    over it to the next."""
    seen: set[str] = set()
    chosen = []
    for k in order:
        new = {text[x[k]], text[y[k]]} - seen
        if len(seen) + len(new) > TX.MAX_SENTENCES:
            if stop:
                break
            continue
        seen |= new
        chosen.append(k)
    return chosen


def _read(text: list[str], xs, ys):
    """The transformer's cosines of the pairs (xs[k], ys[k]), or None when it will not open."""
    try:
        return TX.load().cosines([text[i] for i in xs.tolist()], [text[i] for i in ys.tolist()])
    except Exception:  # noqa: BLE001 -- as in _second_reading
        return None


def _lift(items: list[_Item], x, y, score, taken, source, under_floor=None):
    """The candidates not `taken` (linked, two chambers, or two leads) of a fitted probability
    of at least P_LIFT that the transformer reads as one claim (a cosine of LIFT_COS or more),
    as that cosine at their places (0 elsewhere): each sentence lifted at most once per other
    source (its closest), the likeliest candidates read first, at most `TX.MAX_SENTENCES`
    texts (beyond those the veto read: a comparison reads at most twice that)."""
    import numpy as np

    lifted = np.zeros(len(taken), dtype=np.float32)
    cand = np.flatnonzero(~taken & (score >= P_LIFT))
    if not len(cand):
        return lifted
    # the likeliest first, a pair under the overlap floor after every pair over it (its texts
    # must not spend the budget a lexically supported pair needs)
    cand = cand[np.lexsort((-score[cand], under_floor[cand]))] if under_floor is not None else \
        cand[np.argsort(-score[cand], kind="stable")]
    text = [it.sentence.text for it in items]
    chosen = _in_budget(text, x, y, cand.tolist(), stop=False)
    if not chosen:
        return lifted
    chosen = np.array(chosen)
    cos = _read(text, x[chosen], y[chosen])
    if cos is None:
        return lifted
    # the closest first; but a pair under the overlap floor (a candidate only for being close in
    # the embedding) after every pair over it, so it never takes a lexically supported pair's place
    order = np.lexsort((-cos, under_floor[chosen])) if under_floor is not None else np.argsort(-cos, kind="stable")
    used: set[tuple[int, int]] = set()
    for o in order.tolist():
        if cos[o] < LIFT_COS:
            continue
        k = int(chosen[o])
        a, b = int(x[k]), int(y[k])
        if (a, int(source[b])) in used or (b, int(source[a])) in used:
            continue
        used.add((a, int(source[b])))
        used.add((b, int(source[a])))
        lifted[k] = max(float(cos[o]), 1e-6)
    return lifted


# The two chambers of a legislature: "the Senate panel subpoenaed" and "the House committee will
# subpoena" are two bodies acting, however alike the rest reads. A chamber is "the Senate", "the
# House", "U.S./state House", or "House/Senate" before a committee, its members or its vote; not
# a title ("House Speaker", "Senate Majority Leader", "a former Senate aide"), nor a building or
# a firm ("White House", "Blue House", "Random House"), nor "the House of Lords/Commons".
_NOT_CHAMBER = r"(?!\s+(?:Speaker|Majority|Minority|[Ll]eader|Whip|seat|race|aide|staff|candidate|of\s+(?:Lords|Commons|Councillors)))"
_CHAMBER_RE = re.compile(
    r"\b(?:(?:[Tt]he|U\.S\.|[Ss]tate|full)\s+(Senate|House)\b" + _NOT_CHAMBER + "|"
    r"(?<![A-Z][a-z])(?<![A-Z][a-z][a-z])(?<![A-Z][a-z]{3})(?<![A-Z][a-z]{4})(?<!White )"
    r"\b(Senate|House)\s+(?:[A-Za-z]+\s+)?(?:[Cc]ommittee|panel|[Ss]ubcommittee|Republicans|"
    r"Democrats|Dems?|GOP|leaders|members|lawmakers|vote|floor|version|bill|passed|voted|approved|"
    r"rejected|[Ii]ntel(?:ligence)?|[Jj]udiciary|[Ee]thics|[Aa]ppropriations|chairman|chair)\b)")


def _chamber(text: str) -> str | None:
    """"senate" or "house" when a sentence names that chamber (and not the other) in its first
    half, where the actor is named, else None."""
    found = {m.group(1) or m.group(2) for m in _CHAMBER_RE.finditer(text, 0, max(40, len(text) // 2))}
    if len(found) != 1 or len({m.group(1) or m.group(2) for m in _CHAMBER_RE.finditer(text)}) != 1:
        return None
    return found.pop().lower()


def _chamber_clash(items: list[_Item], x, y):
    """Which of the pairs (x, y) name one chamber each, a different one (issue 15: on the test
    clusters, 8 labelled pairs do, none the same claim; MRPC, 1 of 3,940)."""
    import numpy as np

    codes = {"senate": 1, "house": 2}
    ch = np.array([codes.get(_chamber(it.sentence.text), 0) for it in items], dtype=np.int8)
    if not (ch == 1).any() or not (ch == 2).any():
        return np.zeros(len(x), dtype=bool)
    cx, cy = ch[x], ch[y]
    return (cx > 0) & (cy > 0) & (cx != cy)


def _lead_bar(source, x, y, body, leads, bar: float | None = None):
    """The probability each lead pair needs to link: P_LINK_SEM (or `bar`), like any link, when its two
    sources already share at least STORY_LINKS links other than lead pairs (`body`: a lead of
    one may link to a body sentence of the other; they tell one story), or when each shares that
    many with one third source, else P_LEAD (two unrelated stories in one folder open with news
    of the same kind)."""
    import numpy as np

    n_src = int(source.max()) + 1
    sx, sy = source[x], source[y]
    pair = np.minimum(sx, sy).astype(np.int64) * n_src + np.maximum(sx, sy)
    # links per pair of sources, counted over the pairs that have some (not a table of every
    # pair of sources: a folder of thousands)
    codes, counts = np.unique(pair[body], return_counts=True)
    at = np.minimum(np.searchsorted(codes, pair), max(len(codes) - 1, 0))
    told = (codes[at] == pair) & (counts[at] >= STORY_LINKS) if len(codes) else np.zeros(len(pair), bool)
    if len(codes) and (open_ := leads & ~told).any():
        # Two sources that each tell one story with the same third source tell it too (twentieth
        # session, claims_real dev: same-claim pairs linked 0.715 -> 0.734, hard negatives
        # linked 37 -> 38 of 1,261, links crossing two clusters in one folder 1 of ~1,600 as before).
        partners: dict[int, set[int]] = defaultdict(set)
        for c in codes[counts >= STORY_LINKS].tolist():
            partners[c // n_src].add(c % n_src)
            partners[c % n_src].add(c // n_src)
        via = {c for c in np.unique(pair[open_]).tolist()
               if partners.get(c // n_src, set()) & partners.get(c % n_src, set())}
        if via:
            told |= open_ & np.isin(pair, list(via))
    return np.where(leads & told, P_LINK_SEM if bar is None else bar, P_LEAD)


def _twins(items: list[_Item]):
    """Each item's first item of the same text (the same row of terms and weights: `_prepare`
    reads them from the text, with folder-wide weights), or None when every text is new."""
    import numpy as np

    first: dict[str, int] = {}
    twin = np.array([first.setdefault(it.sentence.text, k) for k, it in enumerate(items)], dtype=np.int64)
    return twin if len(first) < len(items) else None


def _lead_pairs(lead, source):
    """Every pair of leads of two different sources, as sorted codes x * n + y (x < y). Past
    LEAD_PAIRS_MAX pairs (a folder of hundreds of sources) only each source's first lead (its
    headline) is paired; past that again (thousands of sources), none."""
    import numpy as np

    li = np.flatnonzero(lead)
    if len(li) * (len(li) - 1) // 2 > LEAD_PAIRS_MAX:
        li = li[np.unique(source[li], return_index=True)[1]]  # (items are in source order)
        if len(li) * (len(li) - 1) // 2 > LEAD_PAIRS_MAX:
            return np.zeros(0, dtype=np.int64)
    a, b = np.triu_indices(len(li), k=1)
    a, b = li[a], li[b]
    other = source[a] != source[b]
    return np.sort(a[other] * len(lead) + b[other])


def _vector_score(arrays: P.Arrays, x, y, matched, clash, equal):
    """`_lexical(...)`'s score for arrays of pairs, from their matched weight."""
    import numpy as np

    score = P.tversky(arrays, x, y, matched, LONG_SIDE, SHORT_SIDE)
    score = np.where(clash, score * NAME_CLASH, score)
    return np.where(equal, 1.0, score)


def _evidence(folder: _Folder, arrays: P.Arrays, x, y, sc: P.Scored, matched, score, cos=None):
    """The rows of `evidence.FEATURES` for pairs (x, y) of one block (`sc`: their overlap,
    `matched`: shared weight with figure slots, `score`: their overlap score, `cos`: their
    embedding similarity, None when matching is lexical)."""
    import numpy as np

    if folder.cues is None:
        folder.cues = _cues(folder.items, folder.needed, folder.read)
    if folder.lead is None:
        folder.lead = np.array([it.lead for it in folder.items], dtype=bool)
    cu = folder.cues
    tx, ty = arrays.total[x], arrays.total[y]
    big, small = np.maximum(tx, ty), np.minimum(tx, ty)
    with np.errstate(divide="ignore", invalid="ignore"):
        cover_long = np.where(big > 0, matched / np.where(big > 0, big, 1), 0.0)
        cover_short = np.where(small > 0, matched / np.where(small > 0, small, 1), 0.0)
        plain_small = np.minimum(cu.plain[x], cu.plain[y])
        words = np.where(plain_small > 0, sc.plain / np.where(plain_small > 0, plain_small, 1), 0.0)
    acts = P.shared(cu.actions, x, y)
    both_act = (cu.actions.size[x] > 0) & (cu.actions.size[y] > 0)
    days = P.shared(cu.days, x, y)
    dates = P.shared(cu.dates, x, y)
    day_diff = (cu.days.size[x] > 0) & (cu.days.size[y] > 0) & (days == 0)
    date_diff = (cu.dates.size[x] > 0) & (cu.dates.size[y] > 0) & (dates == 0)
    both_figs = (arrays.figures[x] > 0) & (arrays.figures[y] > 0)
    cols = [
        score,
        np.minimum(cover_long, 1.0),
        np.minimum(cover_short, 1.0),
        np.minimum(words, 1.0),
        acts > 0,
        both_act & (acts == 0),
        day_diff | date_diff,
        cu.future[x] != cu.future[y],
        cu.negated[x] != cu.negated[y],
        (sc.plain <= 0) & (matched > 0),
        sc.clash,
        sc.shared_figures > 0,
        both_figs & (sc.shared_figures == 0) & (matched <= sc.matched + 1e-9),
        np.log1p(sc.evidence),
        np.abs(np.log((tx + 1.0) / (ty + 1.0))),
        np.zeros(len(x)) if cos is None else np.clip(cos, 0.0, 1.0),
        folder.lead[x] & folder.lead[y],
    ]
    return np.column_stack([np.asarray(c, dtype=np.float64) for c in cols])


def _probability(features, equal, semantic: bool = False):
    import numpy as np

    return np.where(equal, 1.0, E.probability(features, semantic))


def pair_evidence(
    sources: list[Source],
    pairs: list[tuple[str, str]],
    also: set[str] | None = None,
    semantic: bool | None = None,
):
    """For measuring and fitting: (overlap score, evidence rows, equal) of each pair of sentence
    ids found among the eligible sentences of `sources`, and the mask of pairs found."""
    import numpy as np

    folder = _prepare(_eligible(sources, also or set()))
    index = {it.sentence.id: k for k, it in enumerate(folder.items)}
    found = np.array([a in index and b in index and a != b for a, b in pairs], dtype=bool)
    xs = np.array([index[a] for (a, b), f in zip(pairs, found, strict=True) if f], dtype=np.int64)
    ys = np.array([index[b] for (a, b), f in zip(pairs, found, strict=True) if f], dtype=np.int64)
    if not len(xs):
        return np.zeros(0), np.zeros((0, len(E.FEATURES))), np.zeros(0, bool), found
    arrays = _arrays(folder)
    cos = None
    if _use_semantic(semantic):
        vecs = _embed(folder.items)
        cos = np.einsum("ij,ij->i", vecs[xs], vecs[ys]).astype(np.float64)
    sc = P.overlap(arrays, xs * folder.n + ys)
    matched = sc.matched.copy()
    _add_slots(folder.items, xs, ys, matched, sc.needs_slot)
    score = _vector_score(arrays, xs, ys, matched, sc.clash, sc.equal)
    return score, _evidence(folder, arrays, xs, ys, sc, matched, score, cos), sc.equal, found
