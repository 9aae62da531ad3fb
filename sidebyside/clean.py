"""Flag (never delete) boilerplate and duplicates in the sources segment.py built.

Clean flags paragraphs (`flag`, `reason`) and points a sentence repeated from another paragraph
at its first copy (`duplicate_of`); it writes no sentence's status or claim: findings.set_statuses
derives those from the flags (Source.flag_of), the links and the claim rule.

The rules are generic: copyright and licence lines, "more stories"/related-headline trailers,
bylines, sign-offs and navigation strips, the page's furniture (furniture.py), page text two
outlets' pages both carry above their headlines, and paragraphs or sentences a source repeats
(near-)verbatim. A paragraph is never flagged only because the other sources do not use its
words.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from . import furniture
from . import text as T
from .arrays import unique
from .groups import Groups
from .model import BOILERPLATE, DUPLICATE, Paragraph, Sentence, Source
from .segment import COPYRIGHT, para_display

# A copyright notice ends the article ("Copyright 2026 Ardley Times. All rights reserved.",
# "... reproduced with permission"): all after it is the page's trailer. A "©" and a year ("©
# 2026 Getty Images") may be a photo credit: the trailer after it runs only as far as the story
# does not go on (below); a credit with no year ("© Jo Doe / AFP", "© Provided by The
# Independent") ends nothing.
_NOTICE = re.compile(r"rights reserved|\bcopyright\b|may not be|(reproduced|reprinted) with "
                     r"permission|originally published", re.I)
_YEAR = re.compile(r"\b(19|20)\d\d\b")
# The run of paragraphs after a "more stories" header or a copyright notice is the page's
# trailer only until a paragraph of the story: a sentence of six words or more, ended, that
# shares at least ON_TOPIC of its content terms (and two or more) with what the article told
# before the header, or one with it and as many with the other sources, or quotes or names a
# source. After a header followed by more sentences of the story than headlines, only the box
# of headlines right under it is the page's. So a header met inside the article ("Read More",
# "Comment on this story", "© 2024 Getty Images") hides nothing of the story after it, while
# the teasers of other stories after "More stories" stay the trailer (tentatively: one another
# source tells as its story is story again, `confirm_trailers`).
ON_TOPIC = 0.2
_TOLD = re.compile(r"[\"“”]|\b(?:said|says|told|according to)\b")
STORY_BEFORE = 2  # story paragraphs a trailer's opening needs before it (not a page's top)
# Figures say nothing of a paragraph's topic: "three men" is no other story's "three weeks".
_NUMBER_TERMS = frozenset(T.term(w) for w in (
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions billion dozen dozens").split())
TRAILER = "after the article's end"


def _release_end_between(gap: str) -> bool:
    """Does a press release's end mark stand between two paragraphs ("###" holds no letter, so it
    is no paragraph)?"""
    return not gap.isspace() and any(furniture.RELEASE_END.match(x) for x in gap.splitlines())


def _story_like(shown: str) -> bool:
    return len(shown.split()) >= 6 and bool(furniture.ENDED.search(shown))


def _used_elsewhere(terms: set[str], n_sources: Counter, mine: set[str]) -> int:
    """How many of a source's `terms` some other source uses (`n_sources`: sources per term;
    `mine`: the source's own terms)."""
    return sum(1 for t in terms if n_sources[t] - (t in mine) > 0)


def _story_goes_on(shown: str, told: set[str], n_sources: Counter, mine: set[str]) -> bool:
    """Is this paragraph after a trailer's opening the story again (see ON_TOPIC)? `told`: the
    terms of the article before the opening; `n_sources`: how many sources use each term, `mine`
    the terms of this paragraph's source (a term some other source uses counts as the other
    sources')."""
    if not _story_like(shown):
        return False
    if _TOLD.search(shown):
        return True  # a quotation or a source quoted: reporting, not another story's teaser
    terms = {t for t in T.content_terms(shown) if not t[:1].isdigit() and t not in _NUMBER_TERMS}
    own = len(terms & told)
    other = _used_elsewhere(terms, n_sources, mine)
    return own >= 2 and own >= ON_TOPIC * len(terms) or \
        own >= 1 and other >= 2 and other >= ON_TOPIC * len(terms)




# Words one of COPYRIGHT's forms needs (looked for first: plain substring tests are faster).
_COPYRIGHT_HINTS = ("©", "(c)", "copyright", "rights reserved", "with permission", "published")


def _may_be_copyright(text: str) -> bool:
    low = text.lower()
    return any(h in low for h in _COPYRIGHT_HINTS)


def _para_text(src: Source, para: Paragraph) -> str:
    return src.text[para.start : para.end]


def _shown(src: Source) -> list[str]:
    """Each paragraph's display text; a paragraph that is one sentence has it already (segment
    shows such a sentence as its paragraph), the others are worked out."""
    shown: list[str | None] = [None] * len(src.paragraphs)
    for s in src.sentences:
        if s.paragraph < len(shown):
            para = src.paragraphs[s.paragraph]
            if s.start == para.start and s.end == para.end:
                shown[s.paragraph] = s.text
    return [t if t is not None else para_display(_para_text(src, p))
            for t, p in zip(shown, src.paragraphs, strict=True)]


@lru_cache(maxsize=8192)
def _normalized(text: str) -> str:
    return T.normalized(text)


def _mark(src: Source, para: Paragraph, flag: str, reason: str = "") -> None:
    """Flag a paragraph (its sentences' statuses follow in findings.set_statuses)."""
    para.flag = flag
    para.reason = reason


BOX_HEADLINES = 2  # headlines in a row that make a box of links (not a headline and its teaser)


def _prose_after_headlines(walked: list[int], story_like: list[bool]) -> list[int]:
    """Of the paragraphs taken for a trailer before the story goes on again, those that are the
    story's after all: prose right after a box of headlines alone ("Read More", three headlines,
    then "The hashtag #FindMila was shared 80,000 times", then the story): the box is its
    headlines, whatever the prose's words. A box whose headlines have teasers (a headline, then a
    sentence) is another story's, teasers and all, up to where the story goes on."""
    heads = 0
    while heads < len(walked) and not story_like[walked[heads]]:
        heads += 1
    prose = walked[heads:]
    if heads < BOX_HEADLINES or not prose or not all(story_like[j] for j in prose):
        return []
    return prose


def _unmark(para: Paragraph) -> None:
    """Take back a flag `_mark` gave a paragraph before its place was known."""
    para.flag = None
    para.reason = ""


# Near-duplicate paragraphs: fuzz.ratio >= 95 between normalised texts. Checking every earlier
# paragraph is quadratic (40,000 short paragraphs took 43 s), so candidates come from an index of
# character trigrams with prefix filtering: a ratio of 95 allows at most K = 0.1053 n + 1 edits
# for a paragraph of n characters (its partner is within 105/95 of its length), each edit removes
# at most 3 of its distinct trigrams, so a near-copy shares all but 3K of them; under one global
# order (rarest trigram first), two such sets must meet within their first 3K + 1 trigrams. Only
# those are indexed (by trigram and length band) and looked up. The candidates are complete, so
# the result is the one of comparing with every earlier paragraph, as long as a paragraph has at
# most _CANDIDATES of them, _CHECKS of a compatible length (articles have tens of paragraphs);
# past that (thousands of look-alike paragraphs), the first _FEW met through the rarest trigrams
# are compared and the rest given up, so that such a file costs time in proportion to its size.
_NEAR = 95
_GRAM = 3
_NEAR_MIN = 41  # a paragraph shorter than this is a duplicate only when equal
_PARTNER_MIN = 37  # the shortest length compatible with _NEAR_MIN at ratio 95
_NEAR_MAX = 50_000  # longer paragraphs (not articles' paragraphs) are compared for equality only
_CANDIDATES = 96  # earlier paragraphs looked at per paragraph
_CHECKS = 64  # earlier paragraphs of a compatible length compared in full, in order
_FEW = 16  # past that, the ones sharing the most indexed trigrams
_BAND = math.log(1.2)  # length bands: a compatible partner is in the same band or the next one
_BULK = 5_000  # a source with more paragraphs than this is searched in bulk (_copies_in_bulk)
_WINDOW = 4  # ...each paragraph against this many neighbours either side in two sorted orders


@lru_cache(maxsize=4096)
def _grams(norm: str) -> frozenset[str]:
    """A paragraph's trigrams, made once per text (outlets running a wire repeat its paragraphs;
    only read here: counted, and sorted by rank, which does not depend on set order)."""
    return frozenset(norm[i : i + _GRAM] for i in range(len(norm) - _GRAM + 1))


def _prefix_size(n: int) -> int:
    """How many of the rarest trigrams of a paragraph of n characters must be indexed."""
    return _GRAM * (int(0.10527 * n) + 1) + 1


def _band(n: int) -> int:
    return int(math.log(max(n, 1)) / _BAND)


def _partner_bands(n: int) -> range:
    """The length bands of every paragraph that can be 95% like one of n characters."""
    return range(_band(n * 95 // 105), _band(-(-n * 105 // 95)) + 1)


def flag_duplicates(src: Source) -> None:
    """Later copies of a paragraph or sentence repeated in the same source become `duplicate`.

    A paragraph repeats the earliest earlier (unflagged, not itself a copy) paragraph equal to it
    once normalised, or, when it is over 40 characters, at least 95% similar (fuzz.ratio)."""
    by_id = {s.id: s for s in src.sentences}
    todo: list[tuple[Paragraph, str]] = []
    for para in src.paragraphs:
        if para.flag:
            continue
        norm = T.normalized(_para_text(src, para))
        if len(norm) >= 12:
            todo.append((para, norm))
    if len(todo) > _BULK:
        for para, original in _copies_in_bulk(todo):
            _mark_copy(src, by_id, para, original)
    else:
        _flag_copies(src, by_id, todo)
    _flag_sentence_copies(src)


def _flag_copies(src: Source, by_id: dict[str, Sentence], todo: list[tuple[Paragraph, str]]) -> None:
    """Paragraph by paragraph: each against the earlier originals its rarest trigrams meet.

    A paragraph none of whose earlier originals of a compatible length comes near it (one
    fuzz.ratio each, in C) has no near copy among them, whatever the trigram index would pick as
    candidates (a subset of them): the index (`_Near`) is built, up to that paragraph, only when
    some earlier one comes near (an article seldom repeats itself: most sources never build it)."""
    near = _Near(todo)
    exact: dict[str, int] = {}  # normalised text -> its place in `seen`
    seen = near.seen
    lengths = near.lengths
    for k, (para, norm) in enumerate(todo):
        n = len(norm)
        hit = exact.get(norm)
        original = seen[hit][1] if hit is not None else None
        if _NEAR_MIN <= n <= _NEAR_MAX and hit != 0:
            end = len(seen) if hit is None else hit
            lo, hi = n * _NEAR, n * (200 - _NEAR)
            within = [seen[i][0] for i in range(end)
                      if lo <= lengths[i] * (200 - _NEAR) and lengths[i] * _NEAR <= hi]
            # (a lower cutoff than _NEAR: a ratio within rounding of it takes the exact path)
            if within and process.extractOne(norm, within, scorer=fuzz.ratio,
                                             score_cutoff=_NEAR - 5) is not None:
                found = near.original(k, n, norm, end)
                if found is not None:
                    original = found
        if original is None:
            near.add(k, para, norm)
            exact.setdefault(norm, len(seen) - 1)
            continue
        _mark_copy(src, by_id, para, original)


class _Near:
    """The earlier originals of `_flag_copies` (`seen`, `lengths`) and, made when first needed,
    the index of their rarest trigrams by length band: near copies found as by comparing with
    every earlier original (see the note above _NEAR)."""

    def __init__(self, todo: list[tuple[Paragraph, str]]) -> None:
        self.todo = todo
        self.seen: list[tuple[str, Paragraph]] = []
        self.lengths: list[int] = []  # of each in `seen`
        self.rank: dict[str, int] | None = None
        self.indexed = 0  # how many of `seen` are in the index
        # Per length band, trigram rank -> places in `seen` (a table per band: no (trigram, band)
        # key is made for each of the hundred-odd trigrams a paragraph indexes and looks up).
        self.index: defaultdict[int, defaultdict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.wild: dict[int, list[int]] = {}  # band -> paragraphs too repetitive for the bound

    def add(self, k: int, para: Paragraph, norm: str) -> None:
        self.seen.append((norm, para))
        self.lengths.append(len(norm))

    def _ranks(self) -> dict[str, int]:
        """Trigram -> rank, rarest first (over every paragraph of `todo`)."""
        if self.rank is None:
            df: Counter[str] = Counter()
            for _, norm in self.todo:
                if _PARTNER_MIN <= len(norm) <= _NEAR_MAX:
                    df.update(_grams(norm))
            # Rarest first, ties in text order: sorted by text, then (stably) by count, which is
            # the order of the key (count, text) at a quarter of its cost. Trigrams are then
            # their ranks.
            order = sorted(df)
            order.sort(key=df.__getitem__)
            self.rank = dict(zip(order, range(len(order)), strict=True))
        return self.rank

    def _prefix(self, norm: str) -> list[int] | None:
        """The ranks of its rarest trigrams (None: too repetitive for the bound)."""
        if not _PARTNER_MIN <= len(norm) <= _NEAR_MAX:
            return None
        grams = _grams(norm)
        size = _prefix_size(len(norm))
        return sorted(map(self._ranks().__getitem__, grams))[:size] if size <= len(grams) else None

    def _catch_up(self) -> None:
        for place in range(self.indexed, len(self.seen)):
            norm = self.seen[place][0]
            n = len(norm)
            if _PARTNER_MIN <= n <= _NEAR_MAX:
                band = _band(n)
                prefix = self._prefix(norm)
                if prefix is None:
                    self.wild.setdefault(band, []).append(place)
                else:
                    table = self.index[band]
                    for g in prefix:
                        table[g].append(place)
        self.indexed = len(self.seen)

    def original(self, k: int, n: int, norm: str, end: int) -> Paragraph | None:
        """The earliest of the first `end` originals that paragraph k (`norm`, n characters) is
        95% like, among those its rarest trigrams meet."""
        self._catch_up()
        seen, lengths, wild, index = self.seen, self.lengths, self.wild, self.index
        # Earlier paragraphs sharing an indexed trigram, those of the rarest trigrams first.
        shared: dict[int, None] = {}
        bands = _partner_bands(n)
        for b in bands:
            shared.update(dict.fromkeys(wild.get(b, ())[:_CANDIDATES]))
        if len(seen) <= _CHECKS:  # few enough: every earlier one
            shared.update(dict.fromkeys(range(len(seen))))
        else:
            prefix = self._prefix(norm)
            if prefix is None:  # too repetitive for the bound: the earliest ones
                shared.update(dict.fromkeys(range(_CANDIDATES)))
            else:
                tables = [index[b] for b in bands if b in index]
                for g in prefix:
                    if len(shared) >= _CANDIDATES:
                        break
                    for table in tables:
                        posting = table.get(g)
                        if posting:
                            shared.update(dict.fromkeys(posting[:_CANDIDATES]))
        # fuzz.ratio is at most 200 * shorter / (both lengths): skip what cannot reach 95.
        lo, hi = n * _NEAR, n * (200 - _NEAR)
        cands = [
            i for i in shared
            if i < end and lo <= lengths[i] * (200 - _NEAR) and lengths[i] * _NEAR <= hi
        ]
        if len(cands) > _CHECKS:  # look-alikes by the thousand: those of the rarest trigrams
            cands = cands[:_FEW]
        cands.sort()
        # The earliest that is near enough (an equal one counts too).
        if len(cands) <= 4:
            for i in cands:
                if fuzz.ratio(seen[i][0], norm, score_cutoff=_NEAR) >= _NEAR:
                    return seen[i][1]
            return None
        scores = process.cdist(  # scored all at once, in C
            [norm], [seen[i][0] for i in cands], scorer=fuzz.ratio,
            score_cutoff=_NEAR, dtype=np.float32,
        )[0]
        found = np.flatnonzero(scores >= _NEAR)
        return seen[cands[int(found[0])]][1] if len(found) else None


def _mark_copy(src: Source, by_id: dict[str, Sentence], para: Paragraph, original: Paragraph) -> None:
    """`para` repeats `original`: each of its sentences points at the one it copies."""
    _mark(src, para, DUPLICATE, f"repeats paragraph {original.index + 1}")
    originals: dict[str, Sentence] = {}
    for sid in original.sentences:
        originals.setdefault(_normalized(by_id[sid].text), by_id[sid])
    ordered = original.sentences
    for i, sid in enumerate(para.sentences):
        copy = by_id[sid]
        match = originals.get(_normalized(copy.text))
        if match is None and i < len(ordered):
            match = by_id[ordered[i]]
        copy.duplicate_of = match.id if match else None


def _flag_sentence_copies(src: Source) -> None:
    """A sentence of five words or more repeated verbatim (once normalised) in another paragraph
    points at its first copy (`duplicate_of`): a duplicate (Source.flag_of)."""
    seen_sents: dict[str, str] = {}
    for s in src.unflagged():
        norm = _normalized(s.text)
        if len(norm.split()) < 5:
            continue
        if norm in seen_sents:
            s.duplicate_of = seen_sents[norm]
        else:
            seen_sents[norm] = s.id


def _copies_in_bulk(todo: list[tuple[Paragraph, str]]) -> list[tuple[Paragraph, Paragraph]]:
    """(copy, original) for a document of more than _BULK paragraphs (a pathological file, not an
    article: a log, a table, a book), in time in proportion to its size. Equal paragraphs (once
    normalised) are found as always. Near copies (95% alike, 41 characters or more) are looked
    for among each paragraph's _WINDOW neighbours in the paragraphs sorted by their text and by
    their text read backwards (a copy with a word or a figure changed sorts beside its original
    from one end or the other), scored all at once in C. Paragraphs so joined, directly or
    through others, form a group, and each is the copy of the earliest original of its group (of
    the first _CHECKS) that it is 95% like. Unlike `_flag_copies`, near copies whose neighbours
    in both orders are other texts may be missed: a cap a reader of such a file does not
    notice."""
    norms = [norm for _, norm in todo]
    size = len(norms)
    lengths = [len(norm) for norm in norms]
    near = [i for i in range(size) if _PARTNER_MIN <= lengths[i] <= _NEAR_MAX]
    codes = [np.zeros(0, dtype=np.int64)]
    for order in (sorted(near, key=norms.__getitem__), sorted(near, key=lambda i: norms[i][::-1])):
        at = np.array(order, dtype=np.int64)
        for step in range(1, _WINDOW + 1):
            a, b = at[:-step], at[step:]
            codes.append(np.minimum(a, b) * size + np.maximum(a, b))
    pairs = unique(np.concatenate(codes))
    a, b = pairs // size, pairs % size
    # fuzz.ratio is at most 200 * shorter / (both lengths): skip what cannot reach 95.
    la, lb = np.array(lengths)[a], np.array(lengths)[b]
    keep = (lb >= _NEAR_MIN) & (np.minimum(la, lb) * 200 >= _NEAR * (la + lb))
    a, b = a[keep].tolist(), b[keep].tolist()
    scores = process.cpdist([norms[i] for i in a], [norms[i] for i in b], scorer=fuzz.ratio,
                            score_cutoff=_NEAR, dtype=np.float32).tolist() if a else []
    # Paragraphs joined by near pairs, directly or not, form groups.
    groups = Groups(len(norms))
    for x, y, score in zip(a, b, scores, strict=True):
        if score >= _NEAR:
            groups.join(x, y)
    root = groups.root
    first: dict[str, int] = {}  # normalised text -> the first original with it
    group_originals: dict[int, list[int]] = {}  # group -> its originals, in order
    out: list[tuple[Paragraph, Paragraph]] = []
    for i, norm in enumerate(norms):
        hit = first.get(norm)
        found = None
        group = root(i)
        if len(norm) >= _NEAR_MIN:
            # The earliest original of its group that it is near (an equal one counts too),
            # among the group's first _CHECKS originals.
            end = len(norms) if hit is None else hit
            lo, hi = len(norm) * _NEAR, len(norm) * (200 - _NEAR)
            for o in group_originals.get(group, ())[:_CHECKS]:
                if o >= end:
                    break
                if lo <= lengths[o] * (200 - _NEAR) and lengths[o] * _NEAR <= hi and \
                        fuzz.ratio(norms[o], norm, score_cutoff=_NEAR) >= _NEAR:
                    found = o
                    break
        if found is None:
            found = hit
        if found is None:
            first.setdefault(norm, i)
            group_originals.setdefault(group, []).append(i)
            continue
        out.append((todo[i][0], todo[found][0]))
    return out


def flag_sources(sources: list[Source], docs: list) -> None:
    """Clean's whole pass on the sources of `docs` (in their order): boilerplate (with each
    document's page header and footer spans), then repeats within each source."""
    flag_boilerplate(sources, [d.boilerplate_spans for d in docs])
    for src in sources:
        flag_duplicates(src)


def flag_boilerplate(sources: list[Source], page_spans: list[list[tuple[int, int]]] | None = None) -> None:
    """Flag page headers and footers (`page_spans`: each source's document's
    `boilerplate_spans`, from a PDF), copyright lines, trailers of unrelated headlines, bylines,
    sign-offs and navigation. A paragraph is never hidden only because the other sources do not
    use its words: an outlet's exclusive paragraph is what a reporter most needs to see."""
    for src, spans in zip(sources, page_spans or [[] for _ in sources], strict=True):
        for para in src.paragraphs:
            if any(a < para.end and para.start < b for a, b in spans):
                _mark(src, para, BOILERPLATE, "page header or footer")
    shown_texts = {src.id: _shown(src) for src in sources}
    terms_of: dict[str, set[str]] | None = None
    n_sources: Counter = Counter()
    for src in sources:
        paras = src.paragraphs
        trailer_from: list[int] = []  # paragraphs that may open the page's trailer
        article_end = len(paras)  # where the page's trailer surely begins
        told = 0  # paragraphs of the story so far (ended sentences of six words or more)
        story_like = [False] * len(paras)
        for i, para in enumerate(paras):
            shown = shown_texts[src.id][i]
            raw = _para_text(src, para)
            n_words = len(shown.split())
            story_like[i] = _story_like(shown)
            told += story_like[i]
            if n_words <= 60 and _may_be_copyright(shown) and COPYRIGHT.search(shown):
                _mark(src, para, BOILERPLATE, "copyright")
                # A photo credit ("© AFP") does not end the article; a copyright notice does.
                if i >= 2 and n_words >= 3 and _NOTICE.search(shown):
                    article_end = min(article_end, i + 1)  # the article ends at its notice
                elif i >= 2 and n_words >= 3 and _YEAR.search(shown) and told >= STORY_BEFORE:
                    trailer_from.append(i + 1)
            elif i >= 2 and furniture.RELEASE_END.match(raw):
                _mark(src, para, BOILERPLATE, "end of the release")
                article_end = min(article_end, i + 1)  # notes to editors, contacts follow
            elif i >= 3 and _release_end_between(src.text[paras[i - 1].end : para.start]):
                article_end = min(article_end, i)  # "###" is no paragraph (no letter in it)
            elif (
                n_words <= 6
                and i >= 2
                and furniture.trailer_header(shown)
                and not re.search(r"[.!?]$|:\s*\S", shown)
            ):
                _mark(src, para, BOILERPLATE, "more-stories header")
                if told >= STORY_BEFORE and furniture.comments_header(shown):
                    # readers' comments run to the page's end: a comment quoting someone ("...",
                    # said one reader) is no story going on (tentative, as every trailer)
                    article_end = min(article_end, i + 1)
                elif told >= STORY_BEFORE:
                    trailer_from.append(i + 1)
            elif why := furniture.line_reason(shown, raw, n_words, i == 0,
                                              len(paras) - 1 - i):
                _mark(src, para, BOILERPLATE, why)
        for k in range(max(1, len(paras) - furniture.BIO_TAIL - 2), len(paras)):
            # the bio's next sentences ("She has reported from 30 countries.")
            if not paras[k].flag and paras[k - 1].reason == "author's bio" and \
                    furniture.BIO_MORE.match(shown_texts[src.id][k]):
                _mark(src, paras[k], BOILERPLATE, "author's bio")
        for para in paras[article_end:]:
            if not para.flag:
                _mark(src, para, BOILERPLATE, TRAILER)
        end = 0
        for start in trailer_from:
            if start >= max(end, article_end):
                continue
            after = [k for k in range(start, article_end) if not paras[k].flag]
            story = [story_like[k] for k in after]
            if 2 * sum(story) > len(after):
                # the story goes on after it (a trailer is mostly headlines): only the box of
                # headlines right under the header ("Read More" and two links) is the page's
                for k, is_story in zip(after, story, strict=True):
                    if is_story:
                        break
                    _mark(src, paras[k], BOILERPLATE, TRAILER)
                continue
            told = {t for text in shown_texts[src.id][:start] for t in T.content_terms(text)}
            if terms_of is None:  # each source's terms, once for the folder
                terms_of = {x.id: {t for text in shown_texts[x.id] for t in T.content_terms(text)}
                            for x in sources}
                n_sources = Counter(t for ts in terms_of.values() for t in ts)
            mine = terms_of[src.id]
            walked: list[int] = []  # the paragraphs marked so far
            for k in range(max(start, end), article_end):
                end = k + 1
                if paras[k].flag:
                    continue
                if _story_goes_on(shown_texts[src.id][k], told, n_sources, mine):
                    # what opened the run was inside the article
                    for j in _prose_after_headlines(walked, story_like):
                        _unmark(paras[j])
                    break
                _mark(src, paras[k], BOILERPLATE, TRAILER)
                walked.append(k)
    _flag_repeated_page_text(sources, shown_texts)


# The page's own text that two outlets' pages both carry above their headlines: an archive's
# crawl notice, a cookie notice (scraped pages). Told from the wire's copy two outlets run by
# where it stands: above the headline (the paragraph the source's title comes from) in every
# source that carries it, under headlines the outlets wrote apart (two outlets running one wire
# copy with no headline line have their lede above the subheading taken for one); and by its
# words: of its REPEATED_MIN_TERMS or more content terms, under REPEATED_ON_STORY appear in any
# other paragraph of the folder.
REPEATED_MIN_TERMS = 10
REPEATED_ON_STORY = 0.2


def _headline_at(src: Source, shown: list[str]) -> int | None:
    """The paragraph the source's title was taken from (or that opens it: "Headline | The
    Gazette" of a page's <title>), or None."""
    title = src.title.strip()
    return next((k for k, text in enumerate(shown[:4]) if text.strip() and (
        text.strip() == title or len(text.split()) >= 3 and title.startswith(text.strip()))), None)


def _flag_repeated_page_text(sources: list[Source], shown_texts: dict[str, list[str]]) -> None:
    """Flag the paragraphs two or more sources give word for word above their headlines when
    almost none of their words are the story's (above)."""
    copies: dict[str, list[tuple[Source, Paragraph]]] = {}
    for src in sources:
        for para in src.paragraphs:
            if not para.flag:
                copies.setdefault(_normalized(shown_texts[src.id][para.index]), []).append((src, para))
    repeated = [group for group in copies.values() if len({src.id for src, _ in group}) >= 2]
    heads = {src.id: _headline_at(src, shown_texts[src.id]) for src in sources}
    repeated = [group for group in repeated if all(
        heads[src.id] is not None and para.index < heads[src.id] for src, para in group)
        and len(T.content_terms(shown_texts[group[0][0].id][group[0][1].index])) >= REPEATED_MIN_TERMS
        and len({src.title.strip().lower() for src, _ in group}) > 1]
    if not repeated:
        return
    uses: Counter = Counter()  # how many paragraphs of the folder use each term
    for src in sources:
        for para in src.paragraphs:
            if not para.flag:
                uses.update(set(T.content_terms(shown_texts[src.id][para.index])))
    for group in repeated:
        src, para = group[0]
        terms = set(T.content_terms(shown_texts[src.id][para.index]))
        # (a wire's lede two outlets run shares the words of the wire's other paragraphs)
        elsewhere = sum(1 for t in terms if uses[t] > len(group))
        if elsewhere < REPEATED_ON_STORY * len(terms):
            for src, para in group:
                _mark(src, para, BOILERPLATE, "page text repeated across outlets")


def trailer_sentences(sources: list[Source]) -> set[str]:
    """Ids of sentences flagged only for standing after an article's end (tentative)."""
    return {
        sid
        for src in sources
        for para in src.paragraphs
        if para.reason == TRAILER
        for sid in para.sentences
    }


def confirm_trailers(sources: list[Source], strong: float = 0.5) -> None:
    """The last step of matching, which also links the tentative trailers (`trailer_sentences`):
    a trailer paragraph strongly linked to another source's story is story after all
    (`Paragraph.story`; clean's flag stays as clean wrote it), and the links of the trailers that
    stay flagged are dropped (boilerplate never produces findings)."""
    tentative = trailer_sentences(sources)
    if not tentative:
        return
    by_id = {s.id: s for src in sources for s in src.sentences}
    for src in sources:
        for para in src.paragraphs:
            if para.reason != TRAILER:
                continue
            sents = [by_id[i] for i in para.sentences]
            if any(
                link.score >= strong and link.to not in tentative for s in sents for link in s.links
            ):
                para.story = True
                tentative.difference_update(para.sentences)
    for sid in tentative:
        s = by_id[sid]
        for link in s.links:
            other = by_id[link.to]
            other.links = [back for back in other.links if back.to != sid]
        s.links = []
