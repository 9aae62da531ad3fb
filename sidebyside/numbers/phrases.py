"""Phrases around a number: the hedge on its left ("some", "more than"), the noun it counts
("600 North Korean troops", "a total deployment of 15,000") and what happened to it ("killed",
"evacuated")."""

from __future__ import annotations

from .kinds import Qualifier
from .lexicon import (
    ADJ,
    ADJ_NOUNS,
    DIRECTIONS,
    EVENT_SKIP,
    EVENTS,
    GROUP,
    IRREGULAR_PLURALS,
    OUTCOME,
    STOP,
    VERBS,
    looks_verb,
    pluralish,
    singular,
)
from .tokens import DASHES, Tokens
from .words import BIG, HEDGES, MONTHS, ORDINALS, SMALL_WORDS

_HEDGE_SIZES = tuple(range(max(map(len, HEDGES)), 0, -1))  # longest first

# "anything less than X", "nothing more than X": the figure is the threshold named, not a
# figure hedged ("refused to accept anything less than $5.7 billion" demands $5.7 billion).
# Verbs right before a figure that say it was gone beyond ("passed $1 million"); the verb stays
# out of the figure's text.
_BEYOND = frozenset("passed topped surpassed exceeded exceeds exceed crossed eclipsed".split())
_NUMBER_STARTS = frozenset("$£€¥0123456789")
_ANY = frozenset(("anything", "nothing", "something"))
_COMPARED = frozenset((Qualifier.UNDER, Qualifier.OVER))


# Words after which "about" says what something is on, not how many: "information about two
# secret programs", "asked about 10 payments", "worried about two sons" (never verbs that take a
# hedge before a clause or a count: "police think about 50 people were inside", "wrote about 40
# novels", "talked about 30 minutes").
_ABOUT_TOPIC = frozenset("""information details detail questions question concerns concern worries
worry worried news story stories debate debates complained complaint complaints warned curious
confused unsure spoke speak speaks speaking asked ask asks asking lied lying lies testified
inquired questioned learned""".split())


def _tally(r: Tokens, first: int) -> bool:
    """A vote's tally starts at token `first` ("passed 218 to 214", "passed 52-48"): the verb
    says the bill passed, not that a figure was gone beyond."""
    T, k = r.T, first + 1
    while k < r.n and k <= first + 2 and r.L[k] in _TALLY_UNITS:  # "52 percent to 48 percent"
        k += 1
    return k + 1 < r.n and T[first][:1].isdigit() and T[k + 1][:1].isdigit() and (
        r.L[k] == "to" or T[k] in DASHES and r.glued(k - 1, k) and r.glued(k, k + 1))


_TALLY_UNITS = frozenset(("percent", "%", "per", "cent", "pc", "votes", "points"))


# Verbs whose "over" is what they act on, not "more than", before a few spelled out: "presided
# over two testy news briefings", "clashed over three seats". Before digits it is "more than"
# ("fighting over 50 wildfires", "argued over 40 cases before the Supreme Court").
_FEW = frozenset("two three four five six seven eight nine".split())
_SCALES = frozenset("hundred hundreds thousand thousands million millions billion billions dozen "
                    "dozens".split())
_OVER_IS_ON = frozenset("""preside presides presided presiding argue argues argued arguing fight fights
fought fighting clash clashes clashed clashing feud feuds feuded feuding quarrel quarrels quarreled
quarrelled quarreling quarrelling fret frets fretted fretting agonize agonizes agonized agonizing
pore pores pored poring wrangle wrangles wrangled wrangling bicker bickers bickered bickering
squabble squabbles squabbled squabbling haggle haggles haggled haggling disagree disagrees
disagreed disagreeing""".split())


def hedge(r: Tokens, first: int, kind: str = "count") -> tuple[Qualifier | None, int]:
    """The hedge ending just before token `first`, longest first: (qualifier, its first token)."""
    L, fl = r.L, r.floor
    if first - 1 >= fl and L[first - 1] in _BEYOND and r.T[first][:1] in _NUMBER_STARTS \
            and not _tally(r, first):
        return Qualifier.OVER, first  # "passed $1 million", "topped 1,000": more than that
    for size in _HEDGE_SIZES:
        a = first - size
        if a < fl:
            continue
        q = HEDGES.get(tuple(L[a:first]))
        if q and q in _COMPARED and r.word(a - 1) in _ANY:
            return None, first  # "refused anything less than $5.7 billion": the figure itself
        if q and size == 1 and L[a] == "about" and r.word(a - 1) in _ABOUT_TOPIC \
                and kind != "duration":
            return None, first  # "information about two programs": about is what it is on
        if q and L[a] == "over" and a >= 1 and (r.T[a - 1][:1].isdigit() and r.year_at(a - 1) is None
                                                 or L[a - 1] in ("%", "percent", "points")
                                                 or L[a - 1] in _OVER_IS_ON and L[first] in _FEW
                                                 and r.word(first + 1) not in _SCALES):
            # "struck out 13 over seven innings": across them, not more ("In 2019 over 500
            # people died": after a year, a hedge)
            return None, first
        if q:
            if kind == "duration" and L[a] == "over" and r.word(a - 1) not in (
                    "for", "in", "after", "of", "than", "lasting", "lasted", "took", "spent",
                    "serve", "served", "serving"):
                return None, first  # "over six months" = during six months
            return q, a
    if first - 3 >= fl and L[first - 1] == "of":
        # "an estimated net worth of $48 billion", "an estimated death toll of 300": the
        # estimate is said of the noun the figure measures
        for k in range(first - 2, max(fl, first - 5) - 1, -1):
            if L[k] == "estimated" and k < first - 2 and r.word(k - 1) in ("an", "the", "its", "their"):
                return Qualifier.ABOUT, first
            if not r.T[k].isalpha() or not r.T[k].islower():
                break
    return None, first


def plural_after(r: Tokens, j: int) -> bool:
    """Does a plural noun (after up to three adjectives) start at token j?"""
    k = j
    while k < r.n and r.L[k] in ADJ and k < j + 3:
        k += 1
    if k >= r.n:
        return False
    t = r.T[k]
    w = r.L[k]
    if not t[0].isalpha() or w in STOP or w in VERBS:
        return False
    return pluralish(w) and not (t[0].isupper() and k > 0 and r.T[k - 1][0].isdigit()
                                  and w.endswith("'s"))


_TIME_UNITS = frozenset("year years month months week weeks day days".split())
_LY_NOUNS = frozenset("""family assembly monopoly anomaly supply butterfly reply rally ally
bully belly jelly italy""".split())


# Abbreviations that end with a dot inside a name ("Acme Corp. customers").
_NAME_ABBR = frozenset("corp co inc ltd plc bros dept intl".split())


def _noun_follows(r: Tokens, k: int) -> bool:
    """Does a noun (after an adjective or two) start at token k: "women-owned businesses",
    "women-owned small firms"? Then "women-owned" describes it."""
    for j in range(k, min(r.n, k + 3)):
        t, w = r.T[j], r.L[j]
        if not t[0].isalpha() or not t[0].islower() or w in STOP:
            return False
        if w not in ADJ:
            return pluralish(w) or w in IRREGULAR_PLURALS or not looks_verb(w) and j > k
    return False


def noun_after(r: Tokens, j: int) -> tuple[str, int] | None:
    """The head noun of the phrase starting at token j: (lemma, last token) or None."""
    T, L, n = r.T, r.L, r.n
    k = j
    steps = 0
    cap_last = last_adj = None
    while k < n and steps < 6:
        t = T[k]
        if not t[0].isalpha():
            break
        w = L[k]
        # hyphenated modifiers: anti-aircraft, Russian-made
        if k + 2 < n and T[k + 1] in DASHES and r.glued(k, k + 1) \
                and r.glued(k + 1, k + 2) and T[k + 2][0].isalpha():
            if t[0].islower() and pluralish(w) and L[k + 2].endswith("ed") \
                    and looks_verb(L[k + 2]) and not _noun_follows(r, k + 3):
                return singular(w), k  # "167,000 people-remained wary": a dash lost
            if k + 3 < n and T[k + 3][0].isalpha() and r.L[k + 3] not in STOP \
                    and not looks_verb(r.L[k + 3]):
                k += 3
                steps += 1
                continue
            if L[k + 2] in STOP or looks_verb(L[k + 2]) or L[k + 2] == "ever":
                break
            return singular(L[k + 2]), k + 2
        if t[0].isupper():
            if w in MONTHS or (w in STOP and k > 0) or w in EVENTS:
                break
            if w in SMALL_WORDS or w in ORDINALS:
                break
            cap_last = k
            k += 1
            steps += 1
            if k + 1 < n and T[k] == "." and r.glued(k - 1, k) and (
                    w in _NAME_ABBR or len(t) == 1) and T[k + 1][0].isalpha():
                k += 1  # "OGE Energy Corp. customers", "U.S. troops": the name goes on
            continue
        if w in EVENTS or w in STOP or w in DIRECTIONS or w in ("several", "many", "few"):
            break  # ("110,000 several years ago": no count of years)
        if w in ADJ:
            last_adj = k
            k += 1
            steps += 1
            if k + 1 < n and L[k] in ("and", "or") and L[k + 1] in ADJ:
                k += 1  # "five past and present Missouri Republican senators"
            continue
        if w.endswith("ly") and len(w) > 4 and w not in _LY_NOUNS and k + 1 < n \
                and T[k + 1][:1].isalpha():
            k += 1  # an adverb: "Eighty-six seriously wounded U.N. workers"
            steps += 1
            if k + 1 < n and L[k].endswith("ed") and T[k + 1][:1].isalpha() and L[k + 1] not in STOP:
                k += 1  # and the participle it qualifies: "newly elected senators"
            continue
        if looks_verb(w) or len(w) < 2 or (w in VERBS and not w.endswith("s")):
            break
        head = k
        k += 1
        # compounds: police officers, aid workers, road bridge
        while k < n and (L[head] in ("police", "staff", "aid")
                         or not pluralish(L[head]) and L[head] not in IRREGULAR_PLURALS):
            t2 = T[k]
            w2 = L[k]
            plural_noun = w2 in VERBS and w2.endswith("s") and pluralish(w2) and k == head + 1
            # ("100 confirmation votes": after a singular noun, "votes" is the head, not a verb)
            if not t2[0].isalpha() or not t2[0].islower() or w2 in STOP or (
                    w2 in VERBS and not plural_noun) \
                    or w2 in DIRECTIONS \
                    or w2 in EVENTS or looks_verb(w2) or w2 in ADJ or len(w2) < 2 \
                    or w2 in BIG or w2 in ("percent", "cent", "hundred", "dozen"):
                break
            if not r.glued(k - 1, k) and r.S[k] - r.E[k - 1] > 1:
                break
            head = k
            k += 1
        return singular(L[head]), head
    if last_adj is not None and L[last_adj] in ADJ_NOUNS and (
            cap_last is None or cap_last < last_adj):
        return L[last_adj], last_adj
    if cap_last is not None:
        w = L[cap_last]
        if pluralish(w) and not w.endswith(("'s", "’s")) and (
                cap_last + 1 >= n or not T[cap_last + 1][0].isalpha()
                or T[cap_last + 1][0].islower()):
            return singular(w), cap_last
    return None


# Words for an amount or a part of one, never what it is of ("a total of", "to the tune of").
_AMOUNT = frozenset("""total number figure tally count sum amount maximum minimum average estimate
group batch one some most majority part rest each all none any many out tune""".split())


def noun_left(r: Tokens, first: int, only_of: bool = False) -> str | None:
    """"a total deployment of 15,000" -> "deployment"; "the death toll rose to 600"."""
    L, T, fl = r.L, r.T, r.floor
    k = first - 1
    links = 0
    if only_of:
        if k - 1 < fl or L[k] != "of":
            return None
        w = L[k - 1]
        if not T[k - 1][0].isalpha() or w in STOP or w in ADJ or looks_verb(w) or w in _AMOUNT:
            return None  # "to the tune of $3.5 billion", "a sum of": an amount, not of what
        return w
    while k >= fl and links < 4 and L[k] in ("of", "at", "to", "rose", "risen", "climbed",
                                              "jumped", "increased", "grew", "stood",
                                              "stands", "reached", "hit", "topped",
                                              "totalled", "totaled", "numbered", "is",
                                              "was", "now", "has", "had", "been",
                                              "numbering", "totalling", "totaling",
                                              "surpassed", "passed", "puts", "put"):
        k -= 1
        links += 1
    if links == 0 or k < fl:
        return None
    t = T[k]
    w = L[k]
    if not t[0].isalpha() or w in STOP or w in ADJ or looks_verb(w) or w in VERBS:
        return None
    if w in _AMOUNT:
        return None
    if t[0].isupper() and k > 0:
        return None
    if w in _TIME_UNITS:
        return None  # "asylum each year at 50,000": a rate's period, not what is counted
    if k - 1 >= 0 and (L[k - 1] == "to" or w in ("point", "points") and L[k - 1] == "a"
                       and k - 2 >= 0 and L[k - 2] == "of"):
        # "to end at 1,698.02": a verb; "dipped 0.08 of a point to 1,646": the points are the
        # figure before's, not the level's
        return None
    return singular(w)


def event_after(r: Tokens, k: int) -> str | None:
    """What happened, said after the figure: \"600 troops were killed\"."""
    L, n = r.L, r.n
    steps = 0
    while k < n and steps < 6:
        w = L[k]
        if w in EVENTS and w not in ("kill", "kills", "killing", "sending", "sent") or \
                (w == "sent" and steps > 0):
            return EVENTS[w]
        if w == "lost" and L[k + 1: k + 3] == ["their", "lives"]:
            return "killed"
        if w not in EVENT_SKIP and not (w.endswith("ly") and len(w) > 4):
            return None  # an adverb is stepped over: "two villagers slightly injured"
        k += 1
        steps += 1
    return None


def event_left(r: Tokens, first: int) -> str | None:
    """What happened, said before it: \"killing six\", \"the deaths of 12\"."""
    k = first - 1
    if k >= 0 and r.L[k] in EVENTS and r.L[k] not in ("dead", "missing"):
        return EVENTS[r.L[k]]
    if k >= 1 and r.L[k] == "of" and GROUP.get(singular(r.L[k - 1])) in OUTCOME:
        return OUTCOME[GROUP[singular(r.L[k - 1])]]
    return None
