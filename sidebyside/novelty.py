"""How much of a sentence no other source words: the test a unique claim must pass.

A sentence with no link is not yet a unique claim. Read by hand on real three-outlet stories,
nearly half of the unlinked sentences are reported by another outlet in other words ("has lost the
backing of many top supporters" / "many of his supporters have abandoned him"); what sets the
real exclusives apart is that they bring words the other sources never use: a name, a figure, a
place, a quote. So each unlinked sentence's `novel` share is the weight (the matcher's term
weights: rare terms, names and figures count most) of its terms that appear in no other source,
over the weight of all its terms; a sentence is marked unique only from NOVEL_MIN up, and below it
is `unlinked`: no link was found, but the other sources use enough of its words to say it
(findings.set_statuses). Tuned on the exhaustively labelled dev clusters of the real same-claim
set (python -m benchmarks.claims_real), never on its test clusters.

A sentence that brings only rare words is not yet an exclusive either: an outlet's own wording of
a reported fact ("met with disdain" for "roundly criticized") is rare words. So each sentence's
`anchor` says which of the things only an exclusive carries it has: a name or a figure no other
source gives, or a quote; a sentence with no anchor is `unlinked`, never unique. On the 11
exhaustively labelled dev clusters (round 5): of the unlinked claims from NOVEL_MIN up, 111 have
an anchor and 6 of them are reported by another outlet; 36 have none and 9 of them are.
"""

from __future__ import annotations

from collections import defaultdict

NOVEL_MIN = 0.8


def measure(folder) -> None:
    """Write each matched sentence's `novel` share from the matcher's weighed folder
    (match.MatchRun.folder): terms, figures and years, each counted once per source. Without
    one (nothing was matched) every sentence keeps its `novel` of 1.0."""
    if folder is None:
        return
    items = folder.items
    sources_of: dict[str, set[int]] = defaultdict(set)
    for it in items:
        src = it.source_index
        for bag in (it.terms, it.figures, it.years):
            for t in bag:
                sources_of[t].add(src)
    for it in items:
        total = novel = 0.0
        for bag in (it.terms, it.figures, it.years):
            for t, w in bag.items():
                total += w
                if len(sources_of[t]) == 1:
                    novel += w
        it.sentence.novel = round(novel / total, 4) if total > 0 else 1.0
        it.sentence.anchor = _anchor(it, sources_of)


_QUOTE_MARKS = frozenset('"“”«»‘')  # ‘ opens a quote (UK style); ’ is also an apostrophe


def _anchor(it, sources_of) -> str:
    """What only this sentence's source gives in it: a name, a figure, a quote."""
    kinds = []
    if any(t in it.terms and len(sources_of[t]) == 1 for t in it.names):
        kinds.append("a name of its own")
    if any(len(sources_of[t]) == 1 for bag in (it.figures, it.years) for t in bag):
        kinds.append("a figure of its own")
    if not _QUOTE_MARKS.isdisjoint(it.sentence.text):
        kinds.append("a quote")
    return " and ".join(kinds)
