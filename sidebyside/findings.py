"""Findings: each sentence's status (shared, partial, unique, unlinked) and claim, and the figures
each sentence gives.

The numeric disagreements are found in sidebyside/disagreements.py (`find_disagreements`, which
this module re-exports): which two figures are one quantity (figure_pairs.py), what they disagree
on (figure_verdicts.py), and which figures another source gives too (counterparts.py).
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache

from . import numbers as N
from . import text as T
from .disagreements import find_disagreements  # noqa: F401 -- the findings' public entry
from .furniture import post_frame
from .model import (
    BOILERPLATE,
    DUPLICATE,
    PARTIAL,
    SHARED,
    UNIQUE,
    UNLINKED,
    Comparison,
    Quantity,
    Sentence,
)
from .novelty import NOVEL_MIN

CLAIM_WORDS = 3  # content words that make a sentence a claim...
SPOKEN_WORDS = 8  # ...or words, one of them a content word, in a sentence of plain speech


def is_claim(text: str, heading: bool) -> bool:
    """The one claim rule: a sentence of a paragraph that is not a heading, with at least three
    content words (not a byline, a fragment or a headline), or a longer one of common words
    that someone says (a quote, not a question: "I went too far and I was wrong," she said;
    "We do not believe that it was illegal, what they did"), and not what an embedded post
    leaves (furniture.post_frame).
    Flagged sentences are never claims."""
    if heading or post_frame(text):
        return False
    content, words = _content_words(text)
    return content >= CLAIM_WORDS or content >= 1 and words >= SPOKEN_WORDS and _spoken(text)


# Said by someone: in quotes or with a verb of saying; not a question nor a line that opens a
# list ("What do you make of all of this, Senator?", "Here are the things we know so far:"), so
# an outlet's own lines ("That is all for now from all of us here at CNN.", "We will update this
# as we learn more.") stay no claims.
_QUOTED_OR_SAID = re.compile(r"[\"“”]|\b(?:said|says|told|added|according to)\b")
_ASKS_OR_LISTS = re.compile(r"[?:]['\"”’)]*\s*$")


def _spoken(text: str) -> bool:
    return bool(_QUOTED_OR_SAID.search(text)) and not _ASKS_OR_LISTS.search(text)


@lru_cache(maxsize=1 << 17)
def _content_words(text: str) -> tuple[int, int]:
    """How many content words and words a sentence has (set_statuses runs again after every
    correction)."""
    return len(T.content_terms(text)), len(T.words(text))


def set_statuses(comparison: Comparison) -> None:
    """The one place each sentence's `status` and `claim` are written, from clean's flags
    (Source.flag_of), the links, the partial links (`parts`), the share of its words no other
    source uses (`novel`: a sentence with no link is unique only when it brings words of its
    own, sidebyside/novelty.py, and no other source's sentence reads close to it, `echo`:
    sidebyside/echoes.py) and the claim rule; again whenever the links change
    (corrections.py)."""
    for src in comparison.sources:
        for s in src.sentences:
            flag, para = src.flag_of(s), src.paragraph_of(s)
            s.status = flag or (SHARED if s.links else PARTIAL if s.parts
                                else UNIQUE if s.novel >= NOVEL_MIN and s.anchor and not s.echo
                                else UNLINKED)
            s.claim = not flag and is_claim(s.text, para is not None and para.heading)


def read_numbers(comparison: Comparison, known: dict[str, list[Quantity]] | None = None) -> None:
    """The figures of every sentence of the story; in a bulk source (`Source.bulk`) only of the
    sentences another source shares (the rest could only be "figures only one source gives", by
    the thousand). `known`: texts' figures read already (`read_texts`)."""
    numbers: list[Quantity] = []
    # a text's figures, read once: each sentence has copies
    read: dict[str, list[Quantity]] = dict(known) if known else {}
    for src in comparison.sources:
        bulk = src.bulk
        for s in src.sentences:
            s.numbers = []
            if s.status in (BOILERPLATE, DUPLICATE) or (bulk and s.status not in (SHARED, PARTIAL)):
                continue
            found = read.get(s.text)
            if found is None:
                found = read[s.text] = N.read_quantities(s.text)
            for q in map(copy.copy, found):
                q.sentence = s.id
                q.sources = [s.source]
                s.numbers.append(q)
                numbers.append(q)
    comparison.numbers = numbers


def read_texts(sources: list) -> tuple[dict[str, list[Quantity]], dict[tuple, N.Context]]:
    """The figures of the text of every sentence of `sources`, flagged or not (which sentences
    read_numbers reads is known only once matching has confirmed the trailers), and the context
    of each (by text, start, end and figure): what read_numbers and find_disagreements read,
    worked out ahead (by a forked process while matching runs). Values only: a context is
    never changed, and its sets are only counted, met or sorted."""
    figures = {t: N.read_quantities(t) for t in dict.fromkeys(s.text for src in sources
                                                              for s in src.sentences)}
    contexts = {(t, q.start, q.end, q.text): N.context(q, t)
                for t, qs in figures.items() for q in qs}
    return figures, contexts


def read_late(comparison: Comparison, s: Sentence) -> bool:
    """The figures of a bulk source's sentence that read_numbers skipped (no other source shared
    it), read when a reporter links it: the link may show a conflict (corrections.py, which
    takes them back with the link). True if any were read."""
    src = comparison.source(s.source)
    if s.numbers or not src.bulk or src.flag_of(s):
        return False
    for q in map(copy.copy, N.read_quantities(s.text)):
        q.sentence = s.id
        q.sources = [s.source]
        s.numbers.append(q)
        comparison.numbers.append(q)
    return bool(s.numbers)
