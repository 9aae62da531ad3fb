"""Anchoring a stored note or correction to a sentence by its text, so it follows the sentence
when documents are edited or reordered.

A sentence is anchored by its source file, its normalized text and which copy of that text in
the file it is (`occurrence`). Found again: the same text (that copy, or the last one), else the
closest lightly edited sentence of the same file (FUZZY_ANCHOR), else nothing (orphaned).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from . import text as T
from .model import Comparison, Sentence, Source

FUZZY_ANCHOR = 85  # a lightly edited sentence (0-100 similarity) keeps its note


@dataclass(frozen=True)
class Anchor:
    file: str
    text: str  # the sentence's normalized text
    occurrence: int
    sentence: str  # the id it was last seen under

    def as_dict(self) -> dict:
        return {"file": self.file, "text": self.text, "occurrence": self.occurrence,
                "sentence": self.sentence}


def anchor_of(comparison: Comparison, sentence: Sentence) -> Anchor:
    """How to find `sentence` again."""
    src = comparison.source(sentence.source)
    text = T.normalized(sentence.text)
    occurrence = sum(
        1 for s in src.sentences if s.index < sentence.index and T.normalized(s.text) == text
    )
    return Anchor(src.file, text, occurrence, sentence.id)


class Finder:
    """Finds anchored sentences in one comparison (each file's normalized texts made once)."""

    def __init__(self, comparison: Comparison) -> None:
        self._by_file: dict[str, Source] = {src.file: src for src in comparison.sources}
        self._norms: dict[str, list[str]] = {}

    def find(self, file: object, text: object, occurrence: object = 0) -> Sentence | None:
        if not isinstance(file, str) or not isinstance(text, str):
            return None
        src = self._by_file.get(file)
        if src is None or not src.sentences:
            return None
        norms = self._norms.get(file)
        if norms is None:
            norms = self._norms[file] = [T.normalized(s.text) for s in src.sentences]
        same = [s for s, n in zip(src.sentences, norms, strict=True) if n == text]
        if same:
            k = occurrence if isinstance(occurrence, int) and not isinstance(occurrence, bool) else 0
            return same[max(0, min(k, len(same) - 1))]
        best = process.extractOne(text, norms, scorer=fuzz.ratio, score_cutoff=FUZZY_ANCHOR)
        return src.sentences[best[2]] if best is not None else None
