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

from .numbers.scope import SPEECH, STOP
from .numbers.words import MONTHS, WEEKDAY_NAMES

CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:['’][a-z]+)?\b")


@lru_cache(maxsize=16384)
def names(text: str) -> frozenset[str]:
    """The capitalised words of a sentence, the first one too, but for function words and the
    names of days and months."""
    return frozenset(w for w in CAPITALISED.findall(text)
                     if w.lower() not in STOP and w.lower() not in MONTHS
                     and w.lower() not in WEEKDAY_NAMES)


# Verbs of saying (`numbers.scope.SPEECH`, but for "reported" and "estimated": "Acme Corp
# reported revenue of $90 billion" is about Acme) and of estimating that a clause follows.
_SAY = r"(?:" + "|".join(sorted(SPEECH - {"reported", "reports", "according"})) + \
    r"|(?:estimated|estimates|reported|forecast|predicted)\s+that)"
_NAME = r"((?:[A-Z][\w.'’&-]*\s+){0,3}[A-Z][\w.'’&-]*)"
_SPEAKER = re.compile(_NAME + r"\s+" + _SAY + r"\b|\b(?:according\s+to|said|says|told)\s+(?:the\s+)?" + _NAME
                      + "|" + _NAME + r",\s+(?:the|a|an|who)\s+[^,]{1,60},\s+" + _SAY + r"\b"
                      + "|" + _NAME + r"['’]s\s+[a-z]+\s+" + _SAY + r"\b")  # "Smith's lawyer said"


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
    """A run of names the other sentence has none of, nor a near spelling of ("Smyth"/"Smith";
    not "Iran"/"Iraq": a short name is spelled alike only when one letter apart at most)."""
    bare = {_own(n) for n in run}
    if bare & _DEMONYMS:
        return False
    return not any(_near(n, _own(m)) for n in bare for m in known)


def _own(name: str) -> str:
    return name.removesuffix("'s").removesuffix("’s")


def _near(a: str, b: str) -> bool:
    if len(a) <= 5 or len(b) <= 5:
        return a == b or len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 1 \
            and a[-1] == b[-1] and a not in _COUNTRIES and b not in _COUNTRIES
    return fuzz.ratio(a, b) >= NEAR_SPELLING


TEMPLATE = 0.7  # share of the words but for the names two template sentences have in common
TEMPLATE_WORDS = 4  # ...of at least this many words each (a headline's three say too little)
NEAR_SPELLING = 75  # rapidfuzz ratio from which two names are one spelled two ways
# Words naming a people, not a subject: "U.S. troops" / "American troops".
_DEMONYMS = frozenset("""American Americans British Briton Britons English Scottish Welsh Irish
French German Germans Italian Italians Spanish Russian Russians Ukrainian Ukrainians Chinese
Japanese Korean Indian Indians Pakistani Afghan Iraqi Iraqis Iranian Iranians Israeli Israelis
Palestinian Palestinians Syrian Turkish Egyptian Saudi Mexican Canadian Australian Brazilian
African European Europeans Asian Arab Arabs Greek Polish Dutch Swedish Norwegian Danish
Finnish Swiss Austrian Belgian Portuguese Nigerian Kenyan Somali Libyan Lebanese Yemeni
Cuban Venezuelan Colombian Argentine Chilean Peruvian Filipino Indonesian Vietnamese Thai
Taiwanese Western Eastern Northern Southern""".split())
_COUNTRIES = frozenset("Iran Iraq Oman Chad Mali Peru Cuba Laos Fiji Togo Niger".split())
_WORD_RE = re.compile(r"[a-z]+")


def _plain_words(text: str, known: frozenset[str]) -> frozenset[str]:
    """The words of a sentence but for function words and its names."""
    lowered = {n.lower() for n in known}
    return frozenset(w for w in _WORD_RE.findall(text.lower()) if w not in STOP and w not in lowered)
