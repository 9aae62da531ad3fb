"""Independent sources: which sources copy one another (wire copy and its rewrites), grouped into
families, and how many independent families report a claim (issue 17).

How much of a source comes from another is measured on its *prose*: the sentences that are neither
boilerplate nor a repeat within the source, with everything inside double quotation marks taken out
(two outlets quoting the same speaker are not copying each other). The prose becomes a stream of
content terms (`text.content_terms`, as the matcher reads them: stop words dropped, stemmed), cut into
overlapping shingles of SHINGLE terms (hashed). A term of source `a` is *covered* by `b` when one of the
shingles it belongs to also occurs in `b`. Then

    share(a, b) = covered terms of a / all prose terms of a

is the part of a's text that comes from b: long verbatim runs and shared unusual wording cover a
lot, a few shared names or a stock phrase cover little. The measure is one-directional (a short
rewrite of a long wire story has most of its text in the wire, the wire only some of its text in
the rewrite), tolerant to sentences and paragraphs reordered (a shingle does not care where it
stands) and to a fraction of the sentences reworded (those are simply not covered). The same
paragraph order still helps a little: shingles that run across two sentences match only when the
two sentences follow each other in both sources.

Two sources belong to one family when either one's share in the other reaches THRESHOLD (and the
covered text is at least MIN_COVERED terms, so that two short texts sharing one phrase are not a
family); families are the connected groups of that relation. The threshold was set on real news
(benchmarks/families_real.py, figures in benchmarks/FAMILIES.md): 0.25 sits in the middle of the
gap between the highest share of two independent outlets on one event (0.139 on BASIL dev) and the
lowest share of a rewrite with a fifth of its sentences reworded (0.423).

Use, once a comparison's statuses and links are final: `copied = copied_shares(c.sources)`,
`fams = families(c.sources, copied)`, then `independent_counts(c, fams)` (counts follow the links,
so recount after links change; families do not depend on links) and `family_labels(fams)`.

Known limit: families are a partition, so an outlet that runs paragraphs of two independent wires
joins both wires into one family.

Everything here is a pure function of its arguments; nothing imports Textual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from . import text as T
from .arrays import unique
from .groups import Groups
from .model import Comparison, Copied, Sentence, Source

SHINGLE = 5  # content terms per shingle (about ten running words)
THRESHOLD = 0.25  # share of one source's prose found in another that makes them one family
MIN_COVERED = 15  # ... and at least this many of its content terms covered
REPORTED = 0.05  # copied_shares leaves out pairs sharing less than this (noise: names, stock phrases)
FAMILY_WORD = "wire"  # the header's word for a family of several sources: "wire: ap, herald"

# Quotation marks that open and close a quotation. Single quotes are left alone: they are mostly
# apostrophes.
_OPEN = {'"': '"', "“": "”", "„": "“", "«": "»", "»": "«"}
_QUOTE_CHARS = re.compile(r'["“”„«»]')


# --------------------------------------------------------------------------- prose


def strip_quotes(paragraph: str) -> str:
    """The paragraph without what stands inside double quotation marks. A quotation left open at the
    paragraph's end runs to its end (news style: a quote that goes on in the next paragraph)."""
    if not _QUOTE_CHARS.search(paragraph):
        return paragraph
    out: list[str] = []
    pos = 0
    closing: str | None = None
    for m in _QUOTE_CHARS.finditer(paragraph):
        ch = m.group()
        if closing is None:
            if ch in _OPEN:
                out.append(paragraph[pos : m.start()])
                closing = _OPEN[ch]
        elif ch == closing or ch == '"':
            closing = None
            pos = m.end()
            out.append(" ")
    if closing is None:
        out.append(paragraph[pos:])
    return "".join(out)


def prose_terms(source: Source, quotes: bool = False) -> list[str]:
    """The content terms of a source's own prose, in order: boilerplate and repeated sentences left
    out, quotations taken out paragraph by paragraph (kept with `quotes`, for measuring). A
    paragraph without quotation marks gives its sentences' terms, which the matcher has worked
    out already (the terms never span two sentences)."""
    paragraphs: dict[int, list[str]] = {}
    for s in source.unflagged():
        paragraphs.setdefault(s.paragraph, []).append(s.text)
    terms: list[str] = []
    for index in sorted(paragraphs):
        texts = paragraphs[index]
        if quotes or not any(_QUOTE_CHARS.search(t) for t in texts):
            for t in texts:
                terms += T.content_terms(t)
        else:
            terms += T.content_terms(strip_quotes(" ".join(texts)))
    return terms


# --------------------------------------------------------------------------- shares


def _shingles(ids: np.ndarray, k: int) -> np.ndarray:
    """A 64-bit hash of every run of k term ids (wrapping multiply-add; collisions negligible)."""
    n = len(ids) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    mult = np.uint64(0x9E3779B97F4A7C15)
    with np.errstate(over="ignore"):
        for j in range(k):
            h = h * mult + ids[j : j + n] + np.uint64(1)
    return h


def share_matrix(
    terms: Sequence[Sequence[str]], k: int = SHINGLE
) -> tuple[np.ndarray, np.ndarray]:
    """For texts given as term lists: (share, covered), two n x n arrays where covered[a, b] is the
    number of a's terms covered by shingles that also occur in b, and share[a, b] = covered[a, b] /
    len(terms[a]) (0 on the diagonal and for empty texts)."""
    n = len(terms)
    share = np.zeros((n, n), dtype=float)
    covered = np.zeros((n, n), dtype=np.int64)
    if n < 2:
        return share, covered
    # Term -> 64-bit id through str's own hash (cached on the string; equal terms, equal ids).
    hashes = [_shingles(np.array([hash(w) for w in t], dtype=np.int64).view(np.uint64), k) for t in terms]
    # Every (shingle, source) once, grouped by shingle: for each shingle the sources that hold it.
    distinct = [unique(h) for h in hashes]
    every = np.concatenate(distinct)
    if not len(every):
        return share, covered
    owner = np.repeat(np.arange(n), [len(u) for u in distinct])
    order = np.argsort(every, kind="stable")
    every, owner = every[order], owner[order]
    values, first, holders = np.unique(every, return_index=True, return_counts=True)
    for a, h in enumerate(hashes):
        length = len(terms[a])
        if not len(h):
            continue
        col = np.searchsorted(values, h)  # every shingle of a is among `values`
        at = np.nonzero(holders[col] >= 2)[0]  # positions whose shingle another source holds too
        if not len(at):
            continue
        many = holders[col[at]]
        pos = np.repeat(at, many)  # one row per (position, source holding its shingle)
        offset = np.arange(len(pos)) - np.repeat(np.cumsum(many) - many, many)
        other = owner[np.repeat(first[col[at]], many) + offset]
        cover = np.zeros((n, length), dtype=bool)
        for j in range(k):
            cover[other, pos + j] = True
        row = cover.sum(axis=1)
        row[a] = 0
        covered[a] = row
        share[a] = row / length
    return share, covered


def copied_shares(
    sources: list[Source], minimum: float = REPORTED, k: int = SHINGLE, quotes: bool = False
) -> list[Copied]:
    """For every ordered pair of sources, the share of a's prose found in b (module docstring), as
    one `Copied` per direction; pairs below `minimum` (default REPORTED) or with fewer than
    MIN_COVERED terms covered are left out. Ordered by a, then b, in the sources' order. `k` and
    `quotes` (keep quotations) are there for measuring other settings."""
    terms = [prose_terms(src, quotes) for src in sources]
    share, covered = share_matrix(terms, k)
    np.fill_diagonal(covered, 0)
    rows, cols = np.nonzero((share >= minimum) & (covered >= MIN_COVERED))  # row-major: a, then b
    return [Copied(sources[i].id, sources[j].id, round(float(share[i, j]), 4))
            for i, j in zip(rows.tolist(), cols.tolist(), strict=True)]


# --------------------------------------------------------------------------- families


def families(
    sources: list[Source] | list[str], copied: Iterable[Copied], threshold: float = THRESHOLD
) -> list[list[str]]:
    """Source ids grouped into families: two sources are in one family when one's share in the other
    reaches `threshold` (either direction), and families are the connected groups of that. Every
    source is in exactly one family (a singleton when it copies no one and no one copies it).
    Members keep the sources' order; families are ordered by their first member."""
    ids = [s if isinstance(s, str) else s.id for s in sources]
    order = {sid: i for i, sid in enumerate(ids)}
    joined = Groups(len(ids))
    for c in copied:
        if c.share >= threshold and c.a in order and c.b in order:
            joined.join(order[c.a], order[c.b])
    groups: dict[int, list[str]] = {}
    for i, sid in enumerate(ids):
        groups.setdefault(joined.root(i), []).append(sid)
    return [groups[r] for r in sorted(groups)]


def family_of(families_: list[list[str]]) -> dict[str, int]:
    """Source id -> index of its family (for counting many sentences without rebuilding it)."""
    return {sid: i for i, fam in enumerate(families_) for sid in fam}


def _source_of(sentence_id: str, lookup: Comparison | Mapping[str, Sentence] | None) -> str:
    if isinstance(lookup, Comparison):
        try:
            return lookup.sentence(sentence_id).source
        except KeyError:
            pass
    elif lookup is not None and sentence_id in lookup:
        return lookup[sentence_id].source
    return sentence_id.rsplit(":", 1)[0]  # ids are "<source id>:<n>"


def reporting_sources(
    sentence: Sentence, comparison_or_lookup: Comparison | Mapping[str, Sentence] | None
) -> set[str]:
    """The sources that report a sentence's claim: its own and those of the sentences it links to."""
    return {sentence.source} | {_source_of(ln.to, comparison_or_lookup) for ln in sentence.links}


def independent_count(
    sentence: Sentence,
    comparison_or_lookup: Comparison | Mapping[str, Sentence] | None,
    families_: list[list[str]] | Mapping[str, int],
) -> int:
    """How many independent families report this sentence's claim: the distinct families among its
    own source and the sources of the sentences it links to. 1 = one source, or one source repeated
    (only sources of one family). A source missing from `families_` counts as a family of its own.
    `families_` may be the families or `family_of(families)` (faster over many sentences)."""
    fam = families_ if isinstance(families_, Mapping) else family_of(families_)
    return len({fam.get(src, src) for src in reporting_sources(sentence, comparison_or_lookup)})


def confirmations(
    sentence: Sentence,
    comparison_or_lookup: Comparison | Mapping[str, Sentence] | None,
    families_: list[list[str]] | Mapping[str, int],
) -> str:
    """Plain words for the detail and the status line: "1 source", "3 sources, 2 independent",
    "3 sources, all independent", "2 sources, one source repeated" (all of one family)."""
    n = len(reporting_sources(sentence, comparison_or_lookup))
    k = independent_count(sentence, comparison_or_lookup, families_)
    if n == 1:
        return "1 source"
    if k == 1:
        return f"{n} sources, one source repeated"
    return f"{n} sources, {'all' if k == n else k} independent"


def independent_counts(comparison: Comparison, families_: list[list[str]]) -> dict[str, int]:
    """`independent_count` of every sentence of the comparison, by sentence id."""
    fam = family_of(families_)
    return {s.id: independent_count(s, comparison, fam) for s in comparison.all_sentences()}


def family_label(family: Sequence[str], names: Mapping[str, str] | None = None) -> str:
    """The header's words for a family: "wire: ap, herald, gazette" for several sources (each named
    by `names[id]` if given, else its id), the source's name alone for a singleton."""
    names = names or {}
    shown = [names.get(sid, sid) for sid in family]
    if len(shown) == 1:
        return shown[0]
    return f"{FAMILY_WORD}: {', '.join(shown)}"


def family_labels(families_: list[list[str]], names: Mapping[str, str] | None = None) -> list[str]:
    """Labels of the families of several sources only (what the header lists; empty: no copying)."""
    return [family_label(f, names) for f in families_ if len(f) > 1]
