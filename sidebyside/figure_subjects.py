"""Who or what a sentence's figures are about: its names, but for who tells them (issue 14,
"Pairing": the same noun about different subjects is two quantities).

Two outlets telling one fact word it each their own way; two sentences built on one template
("Italy's economy grew 0.2% in the third quarter" / "Germany's economy grew 0.3% in the third
quarter") that differ in the names they open with are about two subjects, and their figures are
two quantities (`named_apart`). Found by a sweep of invented multi-outlet stories; a review then
narrowed it so that a speaker ("Ann Cole, the police chief, said"), a first word capitalised only
there ("Fire killed 14"), a near spelling ("Jon Smyth" / "John Smith"), a demonym or a place
added never make two subjects.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from .numbers.scope import STOP
from .numbers.words import MONTHS, WEEKDAY_NAMES

CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:['’][a-z]+)?\b")


@lru_cache(maxsize=16384)
def names(text: str) -> frozenset[str]:
    """The capitalised words of a sentence, the first one too, but for function words and the
    names of days and months."""
    return frozenset(w for w in CAPITALISED.findall(text)
                     if w.lower() not in STOP and w.lower() not in MONTHS
                     and w.lower() not in WEEKDAY_NAMES)


_SAY = r"(?:said|says|told|claimed|claims|reported|reports|announced|added|estimated|estimates|" \
    r"wrote|writes|stated|forecast|predicted)"
_NAME = r"((?:[A-Z][\w.'’&-]*\s+){0,3}[A-Z][\w.'’&-]*)"
# Who tells a figure: "Mayor Ann Lee said", "according to the Tarrow Water Board", "said Ann
# Lee", "Ann Cole, the police chief, said".
_SPEAKER = re.compile(_NAME + r"\s+" + _SAY + r"\b|\b(?:according\s+to|said|says|told)\s+(?:the\s+)?" + _NAME
                      + "|" + _NAME + r",\s+(?:the|a|an|who)\s+[^,]{1,60},\s+" + _SAY + r"\b")


@lru_cache(maxsize=16384)
def _subject_names(text: str) -> frozenset[str]:
    """The names of a sentence (`names`) but for who says it ("Mayor Ann Lee said", "according
    to the Tarrow Water Board") and its first word when that is only capitalised there ("Fire
    killed 14", not "Italy's economy"): who or what a figure is about, not who tells it."""
    speakers = set()
    for m in _SPEAKER.finditer(text):
        speakers |= names(next(g for g in m.groups() if g))
    out = names(text) - speakers
    first = CAPITALISED.match(text.lstrip())
    if first and first.group() in out and not first.group().endswith(("'s", "’s")) \
            and text.count(first.group()) == 1:
        out -= {first.group()}
    return out


def _subjects(text: str, known: frozenset[str]) -> list[set[str]]:
    """The runs of names (a person's, a party's, a team's) among a sentence's first words or
    said as a possessor ("Italy's"): what its figures are most likely about."""
    runs: list[set[str]] = []
    words = text.split()
    run: set[str] = set()
    for k, w in enumerate(words):
        bare = w.strip(".,;:!?\"“”()")
        core = bare.removesuffix("'s").removesuffix("’s")
        if (bare in known or core in known) and (k < 4 or bare != core):
            run.add(bare if bare in known else core)
            continue
        if run:
            runs.append(run)
            run = set()
    if run:
        runs.append(run)
    return runs


@lru_cache(maxsize=16384)
def named_apart(a: str, b: str) -> bool:
    """Do two sentences of one template each name, as who or what their figures are about, a
    subject the other does not name (speakers and demonyms aside; a near spelling, "Jon Smyth"
    for "John Smith", is one name)? Then two different figures in them are about two subjects
    ("Centrist Anna Lindqvist won ... with 54.2%" / "Populist Per Aalto lost ... with 45.8%"),
    not one figure misreported."""
    na, nb = _subject_names(a), _subject_names(b)
    apart_a = [r for r in _subjects(a, na) if _foreign(r, nb)]
    apart_b = [r for r in _subjects(b, nb) if _foreign(r, na)]
    if not (apart_a and apart_b):
        return False
    # one template, two subjects: the words but for the names are nearly the same, where two
    # outlets telling one fact word it each their own way
    wa, wb = _plain_words(a, na), _plain_words(b, nb)
    return min(len(wa), len(wb)) >= TEMPLATE_WORDS and \
        len(wa & wb) >= TEMPLATE * min(len(wa), len(wb))


def _foreign(run: set[str], known: frozenset[str]) -> bool:
    """A run of names the other sentence has none of, nor a near spelling of ("Smyth"/"Smith")."""
    return not any(n.endswith(_DEMONYM) for n in run) and not any(
        fuzz.ratio(n, m) >= NEAR_SPELLING for n in run for m in known)


TEMPLATE = 0.7  # share of the words but for the names two template sentences have in common
TEMPLATE_WORDS = 4  # ...of at least this many words each (a headline's three say too little)
NEAR_SPELLING = 75  # rapidfuzz ratio from which two names are one spelled two ways
_DEMONYM = ("an", "ian", "ese", "ish", "i")  # "American", "Italian", "Chinese", "British", "Iraqi"
_WORD_RE = re.compile(r"[a-z]+")


def _plain_words(text: str, known: frozenset[str]) -> frozenset[str]:
    """The words of a sentence but for function words and its names."""
    lowered = {n.lower() for n in known}
    return frozenset(w for w in _WORD_RE.findall(text.lower()) if w not in STOP and w not in lowered)
