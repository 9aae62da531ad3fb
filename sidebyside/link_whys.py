"""The words of a link's why: what two linked sentences share, where their figures differ, what
the other side adds, and its similarity and cues (sidebyside/match.py makes the links).

They depend only on the two texts, so each pair of texts is put into words once (`word_links`),
in a forked process when the engine can (`match(defer_whys=True)`), and given to the links after
(`put_whys`). A figure that dates the claim ("March 10", "4:40 a.m.") is not a differing figure,
nor one that rounds to the other ("0.43" / "0.4"), nor a sum of money against a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from . import numbers as N
from . import text as T
from .model import Link
from .numbers.words import CUR_CODES, CUR_SYMBOLS, CUR_WORDS

if TYPE_CHECKING:
    from .match import MatchRun, _Item

# Semantic matching: the cosine similarity is a feature of the fitted decision (evidence.py), no
# longer mixed into the overlap score (that raised false links on the real dev set). For the why,
# it is mapped to [0, 1] from SEM_FLOOR up.
SEM_FLOOR = 0.5


@lru_cache(maxsize=1 << 16)
def _forms(text: str) -> dict[str, str]:
    """Each content term of a text as the text first writes it."""
    out: dict[str, str] = {}
    for w in T.words(text):
        if w not in T.STOPWORDS:
            out.setdefault(T.term(w), w)
    return out


def _form(forms: dict[str, str], t: str) -> str | None:
    """How a text writes the term t: as itself, or as the demonym the matcher folded into it
    ("Russian" for "russia", "Ukrainian" for "ukrain")."""
    got = forms.get(t)
    if got is None and len(t) >= 4:
        got = next((w for term, w in forms.items() if term.startswith(t)), None)
    return got


def _alike(a: str, b: str) -> bool:
    """One word, one of them a plural or a possessive ("doctor" / "doctors", "nation's")."""
    def bare(w: str) -> str:
        return re.sub(r"(?:['’]s|s)$", "", w)

    return a == b or bare(a) == bare(b)


def _shares(x: _Item, y: _Item, surface: dict[str, str]) -> str:
    """The (at most four) most distinctive words two sentences share, as the two write them:
    "nation/national" where they write one term two ways (a review read "shares national" of
    two sentences that both say "the nation": the folder's first spelling). `surface`, the
    folder's spelling, is for a term neither writes as a word of its own."""
    fx, fy = _forms(x.sentence.text), _forms(y.sentence.text)

    def written(t: str) -> str:
        a, b = _form(fx, t), _form(fy, t)
        if a and b:
            return min(a, b, key=len) if _alike(a, b) else f"{a}/{b}"  # "trump" of "trump's"
        return a or b or surface.get(t, t)

    return ", ".join(islice((written(t) for t in x.ranked() if t in y.terms), 4))


def _whys(x: _Item, y: _Item, shares: str, equal: bool, surface: dict[str, str]) -> tuple[str, str]:
    """A few words on why x links to y and why y links to x: shared distinctive terms and
    figures (`shares`: the words, from `_shares`), differing figures, what the other side adds
    (`equal`: the same sentence, whose figures are not listed). They depend only on the two
    texts, and what the ends have in common (the differing figures) is worked out once. The
    link's similarity and cues are added by `match` (`_similar`, `_joined`)."""
    xf, yf = x.figures, y.figures
    figs_x = figs_y = ""
    differ_x = differ_y = None
    if xf and yf:  # figures are listed, and differ, only when both sentences give some
        if not equal:
            figs_x = ", ".join([f[1:] for f in xf if f in yf][:2])
            figs_y = ", ".join([f[1:] for f in yf if f in xf][:2])
        text_x, text_y = x.sentence.text, y.sentence.text
        differ_x = next((f[1:] for f in xf if f not in yf and not _dating(text_x, f[1:])), None)
        differ_y = next((f[1:] for f in yf if f not in xf and not _dating(text_y, f[1:])), None)
        if differ_x and differ_y and (_rounds_alike(differ_x, differ_y) or {
                _money(text_x, differ_x), _money(text_y, differ_y)} == {True, False}
                or _two_currencies(text_x, differ_x, text_y, differ_y)
                or _two_things(text_x, differ_x, text_y, differ_y)):
            # "0.43" and "0.4", "$8,214,530" and "$8.2 million"; "$600 a year" and "eight years";
            # "$136M" and "£88m"; two girls' ages and an aide's, "two teenagers"
            differ_x = differ_y = None
    return (_why_from(x, y, shares, figs_x, differ_x, differ_y, surface),
            _why_from(y, x, shares, figs_y, differ_y, differ_x, surface))


# A month's name or its abbreviation, never a word that begins like one ("Mayor", "Marines").
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\.|(?![a-z]))")
_CLOCK_BEFORE = re.compile(r"\d\s?[:.]\s?$")
_CLOCK_AFTER = re.compile(r"\s?:\s?\d")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s*$", re.I)
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?![a-z])", re.I)


@lru_cache(maxsize=1 << 16)
def _dating(text: str, figure: str) -> bool:
    """Is every `figure` of the text part of a date or a time of day ("March 10", "10th of
    May", "4:40 a.m.")? Then it dates the claim, and "figures differ: 10 vs 4" would mislead.
    (Cached: outlets repeat the wire's sentences, and a text meets many others.)"""
    seen = False
    for i, j in _written_at(text, figure):
        seen = True
        before, after = text[max(0, i - 12) : i], text[j : j + 14]
        clock = _CLOCK_BEFORE.search(before) or _CLOCK_AFTER.match(after)
        if not (clock or _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)):
            return False
    return seen


# The cosine mapped to [0, 1] from SEM_FLOOR up is over 0.5 exactly when cos > SEM_FLOOR + (1 -
# SEM_FLOOR) / 2 (both sides exact in binary floating point for SEM_FLOOR = 0.5: a subtraction of
# nearby values and a power of two).
_SIMILAR_FROM = SEM_FLOOR + (1.0 - SEM_FLOOR) / 2


def _similar(cos: float | None) -> str:
    return f"similar meaning ({cos:.2f})" if cos is not None and cos > _SIMILAR_FROM else ""


def _joined(*parts: str) -> str:
    return "; ".join([p for p in parts if p])


def _written_at(text: str, figure: str, separators: bool = False) -> list[tuple[int, int]]:
    """Where the text writes the figure in digits, not inside a longer number (`separators`:
    "1,200" too for "1200")."""
    digits = ",?".join(re.escape(ch) for ch in figure) if separators else re.escape(figure)
    return [m.span() for m in re.finditer(rf"(?<![\d.,]){digits}(?![\d])", text)]


# Money as the number reader knows it (sidebyside/numbers/words.py): its signs and codes, and its
# currency words but "pound" (sterling or a weight: see _POUNDS_AFTER) and "won" (a verb).
_SIGNS = re.escape("".join(CUR_SYMBOLS))
_CODES = "|".join(sorted(code.upper() for code in CUR_CODES if code != "rs")) + r"|Rs\.?"
_WORDS = "|".join(sorted(set(CUR_WORDS) - {"pound", "pounds", "won"}, key=lambda w: (-len(w), w)))
_CURRENCY_BEFORE = re.compile(rf"(?:[{_SIGNS}]|\b(?:{_CODES}|US\$|C\$|A\$))\s?$")
_CURRENCY_AFTER = re.compile(
    r"^(?:\s?(?:thousand|million|billion|trillion|bn|m|k)\b)?[\s-]?(?:(?:US|U\.S\.|Canadian|"
    rf"Australian|Hong Kong|Singapore|New Zealand)\s)?(?:{_WORDS}|cents?|pence|{_CODES})\b|^\s?[{_SIGNS}]",
    re.I)
_POUNDS_AFTER = re.compile(r"^(?:\s?(?:thousand|million|billion)\b)?[\s-]?pounds?\b", re.I)  # or a weight


@lru_cache(maxsize=1 << 16)
def _money(text: str, figure: str) -> bool | None:
    """Is the figure, wherever the text writes it in digits (thousands separated or not), a sum
    of money ("$600", "700 dollars", "USD 700")? None when the text does not write it in digits
    ("eight")."""
    found = _written_at(text, figure, separators=True)
    if not found:
        return None
    if any(_POUNDS_AFTER.match(text[j : j + 20]) for _, j in found):
        return None  # "300 pounds": sterling or a weight, not to be told apart here
    return all(_CURRENCY_BEFORE.search(text[max(0, i - 4) : i]) or _CURRENCY_AFTER.match(text[j : j + 30])
               for i, j in found)


def _currency(text: str, figure: str) -> set[str]:
    """The currencies the text writes the figure in ("usd" of "$136M", "eur" of "103 million
    euros"), as the number reader names them; none for a figure that is no sum."""
    out: set[str] = set()
    for i, j in _written_at(text, figure, separators=True):
        found = [m.group() for m in (_CURRENCY_BEFORE.search(text[max(0, i - 4):i]),
                                     _CURRENCY_AFTER.match(text[j:j + 30])) if m]
        for said in found:
            if said.strip() in _DOLLARS:
                out.add(_DOLLARS[said.strip()])
            elif any(ch in CUR_SYMBOLS for ch in said):
                out.update(CUR_SYMBOLS[ch] for ch in said if ch in CUR_SYMBOLS)
            else:
                words = [w.lower().rstrip(".") for w in re.findall(r"[A-Za-z.]+", said)]
                out.update(CUR_WORDS.get(w) or CUR_CODES[w] for w in words
                           if w in CUR_WORDS or w in CUR_CODES)
    return out


_DOLLARS = {"US$": "usd", "C$": "cad", "A$": "aud"}


def _two_currencies(text_x: str, x: str, text_y: str, y: str) -> bool:
    """Are the two figures sums in different currencies ("$136M" / "£88m")? Then their digits
    differ as a matter of course."""
    cx, cy = _currency(text_x, x), _currency(text_y, y)
    return bool(cx and cy and not cx & cy)


@lru_cache(maxsize=1 << 16)
def _read_as(text: str, figure: str) -> frozenset[tuple[str, str | None]]:
    """What the number reader reads the figure as in the text: (kind, whose age) for each
    quantity written with it ("aged 16": ("age", None); "Lauten, 31,": ("age", "elizabeth
    lauten"))."""
    return frozenset((q.kind, q.noun if q.kind == "age" else None) for q in N.read_quantities(text)
                     if figure in T.figures(q.text))


def _two_things(text_x: str, x: str, text_y: str, y: str) -> bool:
    """Does the number reader read the two figures as quantities of two kinds, or as two
    people's ages ("aged 16" of a girl, "Lauten, 31," of an aide; "two teenagers")? Then their
    digits differ as a matter of course. (Figures it does not read are told apart as before.)"""
    rx, ry = _read_as(text_x, x), _read_as(text_y, y)
    if not rx or not ry:
        return False
    return not any(kx == ky and (kx != "age" or nx == ny) for kx, nx in rx for ky, ny in ry)


def _rounds_alike(a: str, b: str) -> bool:
    """One figure is the other rounded to its own precision, scales aside (figures are compared
    as digits: "8214530" and "8.2" of "$8.2 million", "0.43" and "0.4"): no difference to tell."""
    (da, fa), (db, fb) = sorted(((f.replace(".", "").lstrip("0"), f) for f in (a, b)),
                                key=lambda d: len(d[0]))
    # Only a figure written with decimals ("8.2", "0.4") is taken as the other rounded: "4" and
    # "43", "1" and "1.9" are different figures whatever the scale.
    if "." not in fa or not da or len(da) == len(db) or not (da.isdigit() and db.isdigit()):
        return False
    return int(da) == int(db[: len(da)]) + (db[len(da)] >= "5")


def _why_from(x: _Item, y: _Item, shares: str, figs: str, differ_x: str | None,
              differ_y: str | None, surface: dict[str, str]) -> str:
    """One end's why, from the parts `_whys` worked out."""
    parts: list[str] = []
    if shares or figs:
        parts.append("shares " + (f"{shares}, {figs}" if shares and figs else shares or figs))
    if differ_x and differ_y:
        parts.append(f"figures differ: {differ_x} vs {differ_y}")
    xt = x.terms
    fy = _forms(y.sentence.text)
    adds = ", ".join(islice((fy.get(t) or surface.get(t, t) for t in y.ranked() if t not in xt), 2))
    if adds:
        parts.append("other adds " + adds)
    return "; ".join(parts)


@dataclass
class _Wording:
    """What the links' whys are put into words from (`word_links`), and the links (both ends)."""

    items: list[_Item]
    xs: list[int]
    ys: list[int]
    equal: list[bool]
    cosines: list
    cues: list[str]
    surface: dict[str, str]
    ends: list[tuple[Link, Link]]


def word_links(run: MatchRun) -> list[tuple[str, str]]:
    """The whys of the links `match` made (both ends of each, in their order), as strings: a
    forked process may work them out (`match(defer_whys=True)`); `put_whys` gives them to the
    links. Nothing in the comparison reads a why but what shows it."""
    w = run.wording
    items, surface = w.items, w.surface
    out: list[tuple[str, str]] = []
    # The words of a link's whys (shared, differing and added terms and figures) depend only on
    # its two texts: terms, figures and their folder-wide weights come from the text. Outlets
    # run the same wire sentences, so the same pair of texts links again and again (81,000
    # links, 13,000 pairs of texts on 50 x 3,000): each pair is put into words once, and the
    # link's own similarity and cues are added to them.
    # The same two texts with the same similarity and cues word alike: each such link takes the
    # pair of strings made for the first (a shared object, also sent back once by a fork).
    made: dict[tuple, tuple[str, str]] = {}
    worded: dict[tuple[str, str], tuple[str, str]] = {}
    for a, b, same, c, cue in zip(w.xs, w.ys, w.equal, w.cosines, w.cues, strict=True):
        texts = (items[a].sentence.text, items[b].sentence.text)
        key = (texts, same, c, cue)
        both = made.get(key)
        if both is not None:
            out.append(both)
            continue
        whys = worded.get(texts)
        if whys is None:  # (the words are ranked by folder-wide weights: the shares are symmetric)
            ia, ib = items[a], items[b]
            whys = worded[texts] = _whys(ia, ib, _shares(ia, ib, surface), same, surface)
        similar = _similar(c) if c is not None and c > _SIMILAR_FROM else ""
        cues = "" if same else cue
        # _joined(why, similar, cues) for both ends, the common tail joined once
        tail = f"{similar}; {cues}" if similar and cues else similar or cues
        if tail:
            both = (f"{whys[0]}; {tail}" if whys[0] else tail,
                    f"{whys[1]}; {tail}" if whys[1] else tail)
        else:  # nothing to add to the words
            both = whys
        made[key] = both
        out.append(both)
    return out


def put_whys(run: MatchRun, whys: list[tuple[str, str]]) -> None:
    """Give the links of `run` their whys (`word_links`)."""
    for (end_a, end_b), (why_a, why_b) in zip(run.wording.ends, whys, strict=True):
        end_a.why, end_b.why = why_a, why_b
    run.wording = None
