"""Evidence that two sentences make the same claim, not only the same story, and the fitted model
that weighs it.

Sharing a name or a figure is not enough: "courting Governor X to back the bill" and "beat
Governor X in the runoff" share the governor and nothing else. So each candidate pair is described
by a few plain features (`FEATURES`): the weighted term overlap of `match`, how much of each side's
content the other covers, whether the actions (verbs, stemmed, synonyms folded, irregular forms
mapped to their base) agree, whether the days or dates they name differ, whether one speaks of what
is to come ("set to override") and the other of what happened ("overrode"), names and figures
shared or clashing. A logistic regression combines them into the probability that the two
sentences make the same claim: the link's `score`. The coefficients are constants here, fitted by
`python -m benchmarks.fit_links` on the hand-labelled dev split of benchmarks/gold/claims_real.jsonl
and the MRPC train pairs (never the test split).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from . import text as T

# Irregular past forms -> base form (the stemmer does not join "overrode" and "override").
_IRREGULAR = {
    "beat": "beat", "beaten": "beat", "won": "win", "win": "win", "wins": "win", "lost": "lose",
    "lose": "lose", "loses": "lose", "met": "meet", "meet": "meet", "meets": "meet",
    "overrode": "override", "overridden": "override", "override": "override", "held": "hold",
    "hold": "hold", "holds": "hold", "led": "lead", "lead": "lead", "leads": "lead", "left": "leave",
    "leave": "leave", "leaves": "leave", "sent": "send", "send": "send", "spent": "spend",
    "spend": "spend", "sold": "sell", "sell": "sell", "bought": "buy", "buy": "buy", "fought": "fight",
    "fight": "fight", "sought": "seek", "seek": "seek", "seeks": "seek", "struck": "strike",
    "strike": "strike", "hit": "hit", "ran": "run", "run": "run", "runs": "run", "drew": "draw",
    "drawn": "draw", "threw": "throw", "thrown": "throw", "wrote": "write", "written": "write",
    "spoke": "speak", "spoken": "speak", "broke": "break", "broken": "break", "chose": "choose",
    "chosen": "choose", "choose": "choose", "rose": "rise", "risen": "rise", "fell": "fall",
    "fallen": "fall", "gave": "give", "given": "give", "give": "give", "found": "find",
    "find": "find", "kept": "keep", "keep": "keep", "paid": "pay", "pay": "pay", "put": "put",
    "cut": "cut", "cuts": "cut", "shut": "shut", "set": "set", "let": "let", "sat": "sit",
    "stood": "stand", "stand": "stand", "became": "become", "become": "become", "began": "begin",
    "begun": "begin", "begin": "begin", "brought": "bring", "bring": "bring", "caught": "catch",
    "thought": "think", "think": "think", "knew": "know", "known": "know", "know": "know",
    "grew": "grow", "grown": "grow", "shot": "shoot", "shoot": "shoot", "stole": "steal",
    "stolen": "steal", "swore": "swear", "sworn": "swear", "withdrew": "withdraw",
    "withdrawn": "withdraw", "withdraw": "withdraw", "forgave": "forgive", "oversaw": "oversee",
    "undid": "undo", "upheld": "uphold", "uphold": "uphold", "overturn": "overturn",
    "vote": "vote", "votes": "vote", "veto": "veto", "vetoes": "veto", "sign": "sign",
    "signs": "sign", "pass": "pass", "passes": "pass", "back": "back", "backs": "back",
    "support": "support", "supports": "support", "oppose": "oppose", "opposes": "oppose",
    "reject": "reject", "rejects": "reject", "ban": "ban", "bans": "ban", "sue": "sue",
    "sues": "sue", "resign": "resign", "resigns": "resign", "quit": "quit", "quits": "quit",
    "fire": "fire", "fires": "fire", "announce": "announce", "announces": "announce",
    "endorse": "endorse", "endorses": "endorse", "urge": "urge", "urges": "urge",
    "warn": "warn", "warns": "warn", "claim": "claim", "claims": "claim", "deny": "deny",
    "denies": "deny", "accuse": "accuse", "accuses": "accuse", "plan": "plan", "plans": "plan",
    "propose": "propose", "proposes": "propose", "block": "block", "blocks": "block",
}
# A word after one of these is a verb ("to back", "will vote", "did not sign").
_VERB_BEFORE = frozenset("to will would not n't did does do can could may might shall should must "
                         "never cannot".split())
_WEEKDAYS = {d: d[:3] for d in "monday tuesday wednesday thursday friday saturday sunday".split()}
_MONTHS = {m: m[:3] for m in "january february march april june july august september october "
           "november december".split()} | {"jan": "jan", "feb": "feb", "aug": "aug", "sept": "sep",
                                           "oct": "oct", "nov": "nov", "dec": "dec"}
_RELATIVE = {"yesterday": "yesterday", "today": "today", "tomorrow": "tomorrow", "tonight": "today"}
_FUTURE = re.compile(
    r"\b(will|would|'ll|set to|plans? to|planning to|planned to|expected to|poised to|going to|gon ?na|wan ?na|"
    r"(?:is|are) to|scheduled to|likely to|hopes? to|wants? to|intends? to|threatens? to|"
    r"vows? to|seeks? to|aims? to|prepares? to|preparing to|ready to|could|may|might|considering|"
    r"weighing|upcoming|next week|next month)\b"
)
_NEGATION = re.compile(r"\b(not|no|never|n't|cannot|neither|nor|without|refused|refuses|denied|denies)\b")
_YEAR_LIKE = re.compile(r"^\d{1,2}(st|nd|rd|th)?$")


class Cues:
    """What one sentence says beyond its terms: actions, days and dates, tense, negation."""

    __slots__ = ("actions", "days", "dates", "future", "negated")

    def __init__(self, actions: list[str], days: set[str], dates: set[str], future: bool,
                 negated: bool):
        self.actions, self.days, self.dates = actions, days, dates
        self.future, self.negated = future, negated


def cues(text: str, names: set[str]) -> Cues:
    """The cues of one sentence (`names`: its name terms, never actions)."""
    folded = T.fold(text)
    ws = T.words(text)
    actions: list[str] = []
    days: set[str] = set()
    dates: set[str] = set()
    prev = ""
    for i, w in enumerate(ws):
        if w in _WEEKDAYS:
            days.add(_WEEKDAYS[w])
        elif w in _RELATIVE:
            days.add(_RELATIVE[w])
        elif w in _MONTHS and i + 1 < len(ws) and _YEAR_LIKE.match(ws[i + 1]):
            dates.add(_MONTHS[w] + "-" + re.sub(r"\D", "", ws[i + 1]))
        if w not in T.STOPWORDS or w in _IRREGULAR:
            base = _IRREGULAR.get(w)
            if base is not None and (w not in ("back", "fire", "set", "put", "cut", "plan", "claim",
                                               "claims", "plans", "vote", "votes", "hit", "pass",
                                               "sign", "ban", "win", "lead", "run", "block")
                                     or prev in _VERB_BEFORE):
                actions.append(T.term(base))
            elif len(w) > 4 and (w.endswith("ed") or w.endswith("ing")) and not w[0].isdigit():
                t = T.term(w)
                if t not in names and t not in T.GENERIC:
                    actions.append(t)
            elif prev in _VERB_BEFORE and len(w) > 2 and not w[0].isdigit():
                t = T.term(w)
                if t not in names and t not in T.GENERIC:
                    actions.append(t)
        prev = w
    return Cues(list(dict.fromkeys(actions)), days, dates, bool(_FUTURE.search(folded)),
                bool(_NEGATION.search(folded)))


FEATURES = (
    "overlap",  # the weighted term overlap score of match (names clashing already discounted)
    "cover_long",  # share of the side with more content that the other covers
    "cover_short",  # share of the side with less content that the other covers
    "words",  # share of the smaller side's non-name words (not names, not figures) shared
    "action_agrees",  # an action (verb) in common
    "action_differs",  # both state actions, none in common
    "date_differs",  # both name a day (or a date), none in common
    "tense_differs",  # one says what is to come, the other not
    "negation_differs",  # one is negated, the other not
    "names_only",  # all they share are names and figures
    "name_clash",  # each names someone or somewhere the other does not
    "figure_agrees",  # a figure in common
    "figure_differs",  # both state figures, none in common nor of a size (11 and 13 are: a
    # disagreement on one fact, which must link for the disagreement to be found)
    "evidence",  # log(1 + distinctive terms shared)
    "length_ratio",  # |log| of the ratio of their content sizes
    "semantic",  # cosine similarity of the sentence embeddings (sidebyside/semantic.py), clipped
    # to [0, 1]; 0 when matching is lexical (which has its own coefficients, COEF)
    "lead_pair",  # both open their articles (each among its source's first LEAD sentences: the
    # headline, the lede and the next sentence): outlets covering one event lead with its news
)

# Fitted by `python -m benchmarks.fit_links` (dev split of claims_real + MRPC train); see there.
INTERCEPT = -0.4069
COEF = np.array([
    -1.1104,  # overlap
    +2.9070,  # cover_long
    +0.0000,  # cover_short
    +0.3389,  # words
    +0.3159,  # action_agrees
    +0.0000,  # action_differs
    -0.2526,  # date_differs
    -0.4100,  # tense_differs
    +0.0000,  # negation_differs
    -0.2453,  # names_only
    +0.0000,  # name_clash
    +0.0000,  # figure_agrees
    -0.5964,  # figure_differs
    +0.0389,  # evidence
    +0.0000,  # length_ratio
    +0.0000,  # semantic
    +0.0000,  # lead_pair
])

# The same with the embedding similarity (semantic matching on), fitted by
# `python -m benchmarks.fit_links --semantic`.
INTERCEPT_SEM = -2.5697
COEF_SEM = np.array([
    -1.0981,  # overlap
    +1.7936,  # cover_long
    +0.0000,  # cover_short
    +0.2177,  # words
    +0.2751,  # action_agrees
    +0.0000,  # action_differs
    -0.5267,  # date_differs
    -0.3833,  # tense_differs
    +0.0000,  # negation_differs
    -0.3166,  # names_only
    +0.0000,  # name_clash
    +0.0000,  # figure_agrees
    -0.4984,  # figure_differs
    +0.1414,  # evidence
    +0.0000,  # length_ratio
    +3.2660,  # semantic
    +0.6442,  # lead_pair
])


def probability(features: np.ndarray, semantic: bool = False) -> np.ndarray:
    """P(same claim) for rows of `FEATURES` (`semantic`: the rows hold the embedding similarity,
    weighed by the coefficients fitted with it)."""
    if len(features) == 0:
        return np.zeros(0)
    if semantic:
        z = INTERCEPT_SEM + features @ COEF_SEM
    else:
        z = INTERCEPT + features @ COEF
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


_AT = {name: i for i, name in enumerate(FEATURES)}
_WEIGHED: dict[bool, tuple[np.ndarray, set[str]]] = {}


def _weighed(semantic: bool) -> set[str]:
    """The features the model in use weighs (worked out again if its coefficients were replaced,
    as benchmarks/fit_links.py does)."""
    coef = COEF_SEM if semantic else COEF
    hit = _WEIGHED.get(semantic)
    if hit is None or hit[0] is not coef:
        hit = _WEIGHED[semantic] = (coef, {n for n, w in zip(FEATURES, coef.tolist(), strict=True)
                                           if w != 0.0})
    return hit[1]


def explain(row: np.ndarray, semantic: bool = False) -> list[str]:
    """Plain words for the evidence the model in use weighs (a feature whose fitted weight is
    zero is never named: it did not count)."""
    f = row.tolist()
    weighed = _weighed(bool(semantic))
    return _phrases(lambda name: bool(f[_AT[name]]) and name in weighed)


# The features `explain` can name, in the order its phrases come.
_NAMED = ("action_agrees", "action_differs", "date_differs", "tense_differs", "negation_differs",
          "names_only")


def _phrases(said: Callable[[str], bool]) -> list[str]:
    out: list[str] = []
    if said("action_agrees"):
        out.append("same action")
    elif said("action_differs"):
        out.append("actions differ")
    if said("date_differs"):
        out.append("days differ")
    if said("tense_differs"):
        # what the cue reads (_FUTURE): a word of what will or may happen in one sentence only;
        # not that the other tells it done ("will host" / "to host in 2014" both look ahead)
        out.append("only one says will, may or plans to")
    if said("negation_differs"):
        out.append("one is negated")
    if said("names_only"):
        out.append("shares only names/figures")
    return out


def explain_rows(rows: np.ndarray, semantic: bool = False) -> list[str]:
    """`"; ".join(explain(row, semantic))` for every row, in bulk: the words depend only on which
    of the six named features are set (and weighed), so each row becomes a 6-bit code and each
    distinct code is put into words once (a big folder has some 70,000 links to explain, and
    a handful of distinct codes)."""
    weighed = _weighed(bool(semantic))
    code = np.zeros(len(rows), dtype=np.int64)
    for bit, name in enumerate(_NAMED):
        if name in weighed:  # bool(x) of a float: nonzero (NaN included), as `explain` reads it
            code |= (rows[:, _AT[name]] != 0).astype(np.int64) << bit
    words: dict[int, str] = {}
    for c in set(code.tolist()):
        words[c] = "; ".join(_phrases(lambda name, c=c: bool(c >> _NAMED.index(name) & 1)))
    return [words[c] for c in code.tolist()]
