"""Claim units: a compound sentence cut into the claims it packs, for matching (sidebyside/partial.py).

A lede often packs several claims ("Steele will speak with members Monday, and he is expected to
announce he will not run"); another outlet may report one of them in a sentence of its own. The
units are the sentence's clauses, cut where a new clause with its own verb begins:

- after ";" and at a spaced dash (" — ", " -- ") when it is the sentence's only one (a pair sets
  off an aside);
- at ", and" / ", but" / ", while" / ", as" / ", which" / ", after" / ", before" / ", leading" /
  ", saying", at " and said" / " and says" / " and added", and at "despite reports that" /
  "amid fears that", when what follows holds a verb.

It stays conservative: nothing inside a quotation is cut, and no unit is left with fewer than
MIN_CONTENT content words (a cut that would leave one is not made). A unit is a character span
of the sentence's display text, trimmed of the joining word and punctuation.
"""

from __future__ import annotations

import re

from . import text as T

MIN_CONTENT = 4  # content words a unit needs (fewer: the cut is not made)
MAX_UNITS = 6  # a sentence is cut into at most this many units

_QUOTES_OPEN = "“‘«"
_QUOTES_CLOSE = "”’»"
# Where a new clause may begin: (pattern, needs a verb after it). Group 1 is the joining part
# left out of both units.
_CUTS = [
    re.compile(r"(\s*;\s*)"),
    re.compile(r"(\s+(?:—|--|–)\s+)"),
    re.compile(r"(,\s+(?:and|but|while|as|which|after|before|leading|saying|though|although|"
               r"whereas|so)\s+)", re.IGNORECASE),
    re.compile(r"(\s+and\s+(?=(?:said|says|added|adds|told|warned|noted)\b))", re.IGNORECASE),
    re.compile(r"(,?\s+(?:despite|amid)\s+(?:reports?|claims?|fears?|warnings?)\s+that\s+)",
               re.IGNORECASE),
]
# Any joint at all, on the lowercased text (a quick test before the cuts are tried).
_JOINT = re.compile(r";|—|--|–|,\s+(?:and|but|while|as|which|after|before|leading|saying|though|"
                    r"although|whereas|so)\s|\sand\s+(?:said|says|added|adds|told|warned|noted)|"
                    r"\s(?:despite|amid)\s+(?:reports?|claims?|fears?|warnings?)\s+that\s")
_DASH = re.compile(r"\s(?:—|--|–)\s|—|--")
_AUX = frozenset(
    "is are was were be been being has have had will would shall should can could may might must "
    "do does did said says told added adds say tell warned noted expects expected announced "
    "became become remains remained".split()
)
_NOT_VERB_ED = frozenset("red bed need seed feed speed indeed hundred united".split())


def _quoted(text: str) -> list[bool]:
    """Per character: inside a quotation (curly quotes nest; straight double quotes toggle)."""
    inside = [False] * len(text)
    depth = 0
    straight = False
    for i, ch in enumerate(text):
        if ch in _QUOTES_OPEN and ch != "‘":
            depth += 1
        elif ch in _QUOTES_CLOSE and ch != "’" and depth:
            depth -= 1
        elif ch == '"':
            straight = not straight
        inside[i] = bool(depth) or straight
    return inside


def has_verb(text: str) -> bool:
    """A rough test that a stretch of text is a clause: an auxiliary, a reporting verb, a past
    form (-ed, or an irregular one) or a present third person after a pronoun or name."""
    from .evidence import _IRREGULAR

    ws = T.words(text)
    for i, w in enumerate(ws):
        if w in _AUX:
            return True
        if len(w) > 4 and w.endswith("ed") and w not in _NOT_VERB_ED:
            return True
        if w in _IRREGULAR and w not in ("back", "set", "put", "cut", "hit", "run", "lead"):
            if w != _IRREGULAR[w] or (i and ws[i - 1] in ("he", "she", "it", "they", "we", "i")):
                return True
    return False


def _content(text: str) -> int:
    return len(T.content_terms(text))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without outer whitespace and joining punctuation (a closing quote stays)."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def may_cut(text: str) -> bool:
    """Cheap: whether `split` could cut the text at all (a joint occurs in it)."""
    return _JOINT.search(text.lower()) is not None


def split(text: str) -> list[tuple[int, int]]:
    """The claim units of a sentence as spans of `text`; one span (the whole, trimmed) when it
    holds a single claim."""
    whole = [_trim(text, 0, len(text))]
    if not may_cut(text) or _content(text) < 2 * MIN_CONTENT:
        return whole
    inside = _quoted(text)
    cuts: list[tuple[int, int, bool]] = []  # (joint start, joint end, needs a verb after)
    for k, pattern in enumerate(_CUTS):
        for m in pattern.finditer(text):
            a, b = m.span(1)
            if inside[a] or (b > a and inside[b - 1]) or a == 0:
                continue
            if k == 1 and len(_DASH.findall(text)) != 1:
                continue  # paired dashes set off an aside ("— some 7,000 soldiers —")
            cuts.append((a, b, k >= 2))
    if not cuts:
        return whole
    cuts.sort()
    units: list[tuple[int, int]] = []
    start = 0
    for a, b, needs_verb in cuts:
        if a < start:
            continue  # overlapping joints: the first one cuts
        nxt = next((c for c, _, _ in cuts if c >= b), len(text))
        left, right = text[start:a], text[b:nxt]
        if _content(left) < MIN_CONTENT or _content(text[b:]) < MIN_CONTENT:
            continue
        if needs_verb and not (has_verb(right) and has_verb(left)):
            continue
        units.append(_trim(text, start, a))
        start = b
        if len(units) == MAX_UNITS - 1:
            break
    if not units:
        return whole
    units.append(_trim(text, start, len(text)))
    return [u for u in units if u[1] > u[0]]
