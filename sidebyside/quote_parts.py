"""Quotations one outlet gives in full and another in part: a claim unit of its own.

A quoted passage is a unit of a sentence (sidebyside/claim_units.py never cuts inside one). When
a sentence no other source links to quotes words that another source's sentence gives too, word
for word, the words both give are the same text on both sides: the same claim by the engine's
own rule for identical text (probability 1). Only runs of at least RUN words with MIN_CONTENT
content words count (on the claims_real dev split, a run of 6 or more quoted words shared by two
sentences: 38 same/partly pairs, 1 event pair; sharing a few words of a stock phrase is not
quoting the same line). Used by sidebyside/partial.py.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from . import text as T
from .claim_units import MIN_CONTENT, _quoted

RUN = 6  # quoted words in a row both sentences give
RARE = 2  # a quotation's rarest words find the sentences that may give it too...
MAX_POSTING = 100  # ...if in at most this many sentences
CANDIDATES = 8  # sentences compared word for word with one quotation, at most
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@lru_cache(maxsize=4096)
def _words(text: str) -> list[tuple[str, int, int]]:
    """Words, lowercased, apostrophes folded, with their offsets in `text` (memoised: a
    sentence is compared with a few quotations; never changed by the callers)."""
    low = text.lower().translate(_FOLD)  # one character for one: the offsets hold
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(low)]


@lru_cache(maxsize=4096)
def quoted_runs(text: str) -> list[list[tuple[str, int, int]]]:
    """The quoted stretches of a sentence, as runs of words (at least RUN words each;
    memoised, never changed by the callers)."""
    if not any(q in text for q in '"“”'):
        return []
    inside = _quoted(text)
    runs: list[list[tuple[str, int, int]]] = [[]]
    for w in _words(text):
        if inside[w[1]]:
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if len(r) >= RUN]


@lru_cache(maxsize=1024)
def _grams(text: str) -> tuple[str, ...]:
    """Every RUN quoted words in a row of a sentence, as " w1 w2 ... " strings."""
    out = []
    for run in quoted_runs(text):
        words = [w for w, _, _ in run]
        out += [" " + " ".join(words[i:i + RUN]) + " " for i in range(len(words) - RUN + 1)]
    return tuple(dict.fromkeys(out))


def shared(query: str, other: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The longest quoted run of `query` that `other` gives word for word (quoted or not), as the
    spans of those words in each sentence; None when shorter than RUN words or MIN_CONTENT
    content words."""
    wb = _words(other)
    if len(wb) < RUN:
        return None
    joined = " " + " ".join(w for w, _, _ in wb) + " "
    if not any(g in joined for g in _grams(query)):
        return None  # no RUN quoted words in a row in the other: the cheap test first
    best = None
    for run in quoted_runs(query):
        m = SequenceMatcher(None, [w for w, _, _ in run], [w for w, _, _ in wb],
                            autojunk=False).find_longest_match(0, len(run), 0, len(wb))
        if m.size >= RUN and (best is None or m.size > best[0]):
            best = (m.size, (run[m.a][1], run[m.a + m.size - 1][2]),
                    (wb[m.b][1], wb[m.b + m.size - 1][2]))
    if best is None:
        return None
    _, a, b = best
    if len(T.content_terms(query[a[0]:a[1]])) < MIN_CONTENT:
        return None
    return a, b


def rare_terms(text: str, df: dict[str, int]) -> list[str]:
    """The RARE rarest content terms of a sentence's quoted runs (those the folder knows)."""
    terms = {T.term(w) for run in quoted_runs(text) for w, _, _ in run}
    known = sorted((t for t in terms if 0 < df.get(t, 0) <= MAX_POSTING), key=lambda t: (df[t], t))
    return known[:RARE]
