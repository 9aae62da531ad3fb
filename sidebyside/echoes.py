"""The transformer's last check on a unique claim: does another source say it in other words?

A sentence with no link that brings words of its own (novelty.py) is still often reported by
another outlet in other words: read by hand on real multi-outlet stories, 6% of the sentences
marked unique in BASIL's test clusters and 17% in ECB+'s were. Of all the engine reads, the
transformer (transformer.py) tells them apart best, by how close it reads the sentence to the
closest sentence of another source (benchmarks/SEMANTIC.md, "Echoes"). So each sentence that
would be unique is read beside the closest sentence of the other sources (nearest.elsewhere, the
one the detail and the reports point to), and one the transformer reads at ECHO_MIN or more keeps
no link but is not called unique: its `echo` names that sentence, which a reporter can read and
link (findings.set_statuses).

ECHO_MIN was chosen on the ECB+ dev clusters (fold E, which the transformer never learnt from)
and checked on BASIL's dev clusters (which it learnt from: optimistic there); the test clusters
are reported, not tuned on. Only a comparison whose matching used the transformer (a story of a
few outlets: match.MatchRun.transformer) of at most MAX_STORY sentences is checked: the check
reads each of them once at most (a second or two on two cores when the matching read none), and
on a bigger folder the statuses stand, as without the transformer.
"""

from __future__ import annotations

from . import findings, nearest
from . import transformer as TX
from .model import BOILERPLATE, DUPLICATE, UNIQUE, Comparison, Sentence

ECHO_MIN = 0.45
MAX_STORY = 400  # the story's sentences (not flagged) past which nothing is checked


def checked(comparison: Comparison) -> bool:
    """Does the check run on this comparison (a story the transformer matched, small enough)?"""
    story = sum(s.status not in (BOILERPLATE, DUPLICATE) for s in comparison.all_sentences())
    return story <= MAX_STORY and comparison.transformer and TX.available()


def named(comparison: Comparison, s: Sentence) -> str:
    """The sentence the check names as the echo of `s` (a would-be unique claim), or ""."""
    found = nearest.elsewhere(comparison, s.id)
    # the similarity as the detail shows it (two decimals): what a reporter reads is the rule
    if found and found[1].by == "the transformer" and found[1].similarity >= ECHO_MIN:
        return found[0].id
    return ""


def read(comparison: Comparison) -> None:
    """Write each sentence's `echo` (see above) and its status again; the same result however
    often it runs, and again whenever the links change (corrections.apply): a link a reporter
    makes takes the echo off, one a reporter rejects is never named (nearest.closest skips it)."""
    cleared = False
    for s in comparison.all_sentences():
        if s.echo:
            s.echo, cleared = "", True
    if cleared:  # the statuses as they would be without the check
        findings.set_statuses(comparison)
    unique = [s for s in comparison.all_sentences() if s.status == UNIQUE and s.claim]
    if not (unique and checked(comparison)):
        return
    for s in unique:
        s.echo = named(comparison, s)
    findings.set_statuses(comparison)
