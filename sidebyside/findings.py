"""Findings: shared and unique sentences, numbers, and numeric disagreements.

Two quantities are about the same thing when their sentences are linked and the number reader
says they count the same thing (troops/soldiers, killed/perished). Every group of such quantities
that holds a conflict becomes one disagreement listing every source's side.
"""

from __future__ import annotations

import copy
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from typing import NamedTuple

from . import numbers as N
from . import text as T
from .furniture import post_frame
from .model import (
    BOILERPLATE,
    DATE,
    DUPLICATE,
    PARTIAL,
    QUALIFIER,
    SHARED,
    UNIQUE,
    UNIT,
    UNLINKED,
    VALUE,
    Comparison,
    Disagreement,
    Quantity,
    Sentence,
    Side,
)
from .novelty import NOVEL_MIN
from .numbers.compare import figure_key, judge_keyed, same_thing_keyed, thing_key
from .numbers.lexicon import PEOPLE, group, plural
from .numbers.scope import STOP
from .numbers.words import MONTHS, WEEKDAY_NAMES
from .readable import reading

_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
MAX_NUMBER_PAIRS = 2_500  # 50 figures facing 50
MAX_UNLINKED_PAIRS = 20_000  # figure pairs tried across sentences that are not linked
MAX_BOTH_TOLD = 16  # figures near a disagreeing one looked at for a source that gives both
DATE_SLIP = 2.0  # years: a date misreported is off by a year or two, not by decades
UNLINKED_DATE_SLIP = 1.0  # ...in sentences not linked, by a year at most, told alike ("since")
FAR = 2.0  # figures further apart than this factor are not one figure told twice
FAR_ACTED = 3.0  # ... unless both count one noun that did the same: "20,000 people marched" vs
#                  "approximately 50,000 people marched" (a crowd is misreported by that much)
HELD = 2  # close words both counts of one noun share to be told apart as much as FAR_ACTED
SURE_LINK = 0.8  # a link this likely to be the same claim needs no shared word near the figures
SIBLING_LINK = 0.5  # two unlinked sentences with one figure paired: their others, as if so linked
SIBLING_WHY = "another figure of these two sentences is paired, and they share {words}"

_SEVERITY = {VALUE: 4, UNIT: 3, DATE: 2, QUALIFIER: 1}


def is_claim(text: str, heading: bool) -> bool:
    """The one claim rule: a sentence of a paragraph that is not a heading, with at least three
    content words (not a byline, a fragment or a headline), and not what an embedded post leaves
    (furniture.post_frame). Flagged sentences are never claims."""
    return not heading and _content_words(text) >= 3 and not post_frame(text)


@lru_cache(maxsize=1 << 17)
def _content_words(text: str) -> int:
    """How many content words a sentence has (set_statuses runs again after every correction)."""
    return len(T.content_terms(text))


def set_statuses(comparison: Comparison) -> None:
    """The one place each sentence's `status` and `claim` are written, from clean's flags
    (Source.flag_of), the links, the partial links (`parts`), the share of its words no other
    source uses (`novel`: a sentence with no link is unique only when it brings words of its
    own, sidebyside/novelty.py) and the claim rule; again whenever the links change
    (corrections.py)."""
    for src in comparison.sources:
        for s in src.sentences:
            flag, para = src.flag_of(s), src.paragraph_of(s)
            s.status = flag or (SHARED if s.links else PARTIAL if s.parts
                                else UNIQUE if s.novel >= NOVEL_MIN and s.anchor else UNLINKED)
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


def _edge(x: int, y: int) -> tuple[int, int]:
    return (x, y) if x < y else (y, x)


def _closeness(a: Quantity, b: Quantity) -> float:
    """Higher for quantities more likely to be the same figure: same unit, then closer values."""
    same_unit = 2.0 if a.unit and a.unit == b.unit else 0.0
    if a.value > 0 and b.value > 0:
        return same_unit - abs(math.log(a.value / b.value))
    return same_unit - (0.0 if a.value == b.value else 5.0)


def _context(q: Quantity, text: str | None = None) -> N.Context:
    text = text if text is not None else getattr(q, "_sentence", "")
    return N.context(q, text) if text else N.Context()


def _named(q: Quantity, other: Quantity, c: N.Context) -> bool:
    """A count that says what it counts ("600 troops", "killed 40"), or whose words near it name
    what the other figure counts ("At least 23 U.S. troops"); a bare "13" does not."""
    if q.kind != "count" or q.unit:
        return True
    if other.unit:
        return N.stem(other.unit) in c.words
    return bool(q.event)


def _admit(a: Quantity, ca: N.Context, b: Quantity, cb: N.Context, link: float | None,
           alone: bool = False, listed: bool = False) -> str | None:
    """Why a and b are one quantity, or None when they are not (issue 14, "Pairing").

    `link` is the same-claim probability of the sentences' link, None for sentences that are not
    linked: those must share the counted noun and words about the subject or event. `listed`:
    a or b is one of a list of such figures in its sentence ("$4,272.78 on the cruise, $2,306.08
    at the park ..."): only the words beside it say which it is, never its sentence's words."""
    if a.kind == "ordinal" or not (N.same_thing(a, b) or _kin(a, b)) or not _one_age(a, b):
        return None
    return _admit_same(a, ca, b, cb, link, alone, listed)


@lru_cache(maxsize=4096)
def _people_counts(text: str) -> int:
    """How many counts of people a sentence tells ("two police officers and three civilians": 2)."""
    return sum(q.kind == "count" and (group(q.unit) == "person" or group(q.unit) in PEOPLE)
               for q in N.read_quantities(text))


def _one_age(a: Quantity, b: Quantity) -> bool:
    """Ages pair only as the age of one named person ("Paul Durousseau, 30," / "Paul Durousseau,
    32," or "Durousseau, 32,"): Sasha's 13 is not the aide's 31."""
    if a.kind != "age":
        return True
    if not (a.noun and b.noun):
        return False
    # "Paul Ardley, 30" and, at second mention, "Ardley, 32": the surname alone is the same name
    return a.noun == b.noun or " " not in a.noun and b.noun.endswith(" " + a.noun) or \
        " " not in b.noun and a.noun.endswith(" " + b.noun)


def _admit_same(a: Quantity, ca: N.Context, b: Quantity, cb: N.Context, link: float | None,
                alone: bool, listed: bool) -> str | None:
    """`_admit` for figures already known to count the same thing (`same_thing` or `_kin`),
    a not an ordinal or an age."""
    # one counted noun, or people in other words ("five people" / "two villagers"), each the
    # only count of people of its sentence (not "two police officers and three civilians")
    noun = a.unit if a.kind == "count" and a.unit and a.unit == b.unit else None
    if a.kind == "count" and a.unit and not noun and group(a.unit) == group(b.unit) == "person" \
            and _people_counts(ca.raw) == _people_counts(cb.raw) == 1:
        noun = "person"
    acted = bool(noun and ca.act and ca.act == cb.act)  # "20,000 people marched" twice
    held = bool(noun and len(ca.close & cb.close) >= HELD)  # "customers were without power"
    if link is None and a.kind != "date" and _far(a, b, FAR_ACTED if acted or held else FAR):
        # the test "too far apart" below, first where it needs no link (every test here only
        # turns a pair down, so the order changes nothing): it turns most unlinked pairs down
        return None
    if not (_named(a, b, ca) and _named(b, a, cb)):
        return None
    if a.kind == "money" and a.unit != b.unit:
        return None  # another currency: a conversion, not a second claim
    if a.kind == "duration" and a.unit != b.unit:
        return None  # "35 days" (the shutdown) vs "three weeks" (the stopgap)
    if "weekday" in (a.unit, b.unit) and not (ca.act and ca.act == cb.act):
        # a day of the week dates the act said of it: "arrested Tuesday" is not "resigned
        # Monday", and "officials said Tuesday" dates a statement, not the story's fact
        return None
    if a.kind == "date" and a.qualifier == "relative" and b.qualifier == "relative" \
            and _anchor(a) != _anchor(b):
        return None  # "last month" vs "this month": anchored to different things
    if N.different_scope(a, ca, b, cb):
        return None
    if a.kind == "date" and a.qualifier != "relative" and b.qualifier != "relative" and \
            a.value > 1000 and b.value > 1000 and abs(a.value - b.value) > DATE_SLIP:
        return None  # "2001" vs "1976": dates of two events, not one date misreported
    if a.kind in ("money", "percent") and _far(a, b, FAR_SUMS) and not (
            a.kind == "percent" and abs(a.value - b.value) <= NEAR_POINTS) and not (
            link is not None and N.compare(a, b) == "unit") and (listed or _told_apart(ca, cb)):
        # two sums or shares a quarter or more apart, each said with a word of its own the
        # other sentence never uses (or in a list), are two quantities: one group's share and
        # another's ("men who took placebo" / "finasteride"), one executive's pay and another's.
        # Said in the same words, they are one figure two outlets disagree on ("insured losses
        # of $3 billion" / "$4.5 billion"); shares a point apart or less are always one rate
        # misreported ("0.3" / "0.6 percent"); a factor of ten on a link is a unit slip, below.
        return None
    fate = _fate(a, b, ca, cb, link)
    if a.kind != "date" and not fate and \
            _far(a, b, FAR_ACTED if acted or held else FAR) and (
                link is None or N.compare(a, b) != "unit"):
        # "2.9 percent" vs "37 percent", "thousands" vs "hundreds of thousands": too far apart
        # to be one reported figure (a slip of a factor of ten only in sentences that are
        # linked: "five people" hurt on Sunday is not "almost 50" in September)
        return None
    shared = N.shared_words(ca, cb)
    kin = link is None and not listed and _kin(a, b) and \
        len(_sentence_words(ca) & _sentence_words(cb)) >= KIN_ALIKE
    if a.kind != "date" and not (ca.close & cb.close) and (link is None or link < SURE_LINK) \
            and (link is not None or listed or not (kin or _told_alike(a, ca, b, cb))):
        return None  # nothing said right by both figures about what they are of
    if a.kind == "percent" and len(ca.close & cb.close) < 2 and (link is None or link < SURE_LINK):
        return None  # a share of what: "41 percent" of Fox viewers is not "36 percent" of CNN's
    if link is None:
        if a.kind == "money" and not _slip(a, b):
            return None
        if a.kind == "date":
            if a.value > 1000 and b.value > 1000 and a.qualifier != "relative" and (
                    a.qualifier != b.qualifier or not _share_a_name(ca.raw, cb.raw)
                    or abs(math.floor(a.value) - math.floor(b.value)) > UNLINKED_DATE_SLIP):
                # "the 2014 ban" / "hunted from 2016 to 2018"; "Pelosi ... since 2003" /
                # "Schumer ... since 2002": two dates
                return None
            if len(shared) >= 2 and (ca.act in cb.words or cb.act in ca.words):
                return "both date one act, said near them with the words {words}"
            return None
        if kin:
            return f"both count people {a.event} ({a.text}, {b.text}) in sentences that share " \
                   "the words {sentence}"
        if len(shared) < 2 and not acted and (listed or not (
                a.kind == "money" and len(_sentence_words(ca) & _sentence_words(cb)) >= 3)):
            return None
        if acted:
            return f"both count {plural(noun)} that did the same ({{words}})"
        if noun or (a.noun and a.noun == b.noun):
            return f"both count {plural(noun) if noun else a.noun} and share the words {{words}}"
        if a.kind == "money" and not (a.noun and b.noun):
            if len(shared) < 2:
                return "both are sums of money in sentences that share the words {sentence}"
            return "both are sums of money said with the words {words}"
        return None
    day = "; both days date one act ({act})" if "weekday" in (a.unit, b.unit) else ""
    if link >= SURE_LINK:
        return f"the sentences make the same claim (link {link:.2f}){day}"
    if shared:
        return f"the sentences make the same claim (link {link:.2f}) and share {{words}}{day}"
    if alone:
        return f"the sentences make the same claim (link {link:.2f}), each with one such " \
               f"figure{day}"
    return None


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:['’][a-z]+)?\b")


@lru_cache(maxsize=16384)
def _names(text: str) -> frozenset[str]:
    """The capitalised words of a sentence, the first one too, but for function words and the
    names of days and months."""
    return frozenset(w for w in _CAPITALISED.findall(text)
                     if w.lower() not in STOP and w.lower() not in MONTHS
                     and w.lower() not in WEEKDAY_NAMES)


def _share_a_name(a: str, b: str) -> bool:
    """Do two sentences name someone or something in common ("Pelosi ... since 2002" and
    "Pelosi ... since 2003"; not "Pelosi ..." and "Schumer ...")?"""
    return bool(_names(a) & _names(b))


@lru_cache(maxsize=16384)
def _stems(text: str) -> frozenset[str]:
    return frozenset(N.stem(w) for w in _WORDS.findall(text) if w.lower() not in STOP and len(w) > 2)


def _sentence_words(c: N.Context) -> frozenset[str]:
    """The content-word stems of a figure's whole sentence."""
    return _stems(c.text)


PRECISE = 4  # significant digits that make an amount exact, copied from a record ("$5,687.75")


def _digits(q: Quantity) -> str | None:
    """The digits of q's number as written, when it is an exact amount (PRECISE digits or
    more: "$5,687.75", "$10,977.74"), else None ("$3.6 billion", "$5,150")."""
    m = _NUMBER_RE.search(q.text)
    if m is None:
        return None
    digits = m.group().replace(",", "").replace(".", "").strip("0")
    return digits if len(digits) >= PRECISE else None


_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _slip(a: Quantity, b: Quantity) -> bool:
    """Can two sums told in sentences that are not linked be one sum? Round ones can (estimates
    differ: "$3 billion", "$3.6 billion"); an exact amount is copied from a record, so another
    outlet's exact amount for the same item differs by a slip of one digit ("$5,687.75" /
    "$5,587.75"), and one exact beside one round amount are two items."""
    da, db = _digits(a), _digits(b)
    if da is None and db is None:
        return True
    if da is None or db is None or len(da) != len(db):
        return False
    return sum(x != y for x, y in zip(da, db, strict=True)) <= 1


LISTED = 2  # more figures of one kind than this in a sentence make a list
ALIKE = 4  # content words two sentences share to tell one sum, said in other words near it
KIN_ALIKE = 3  # content words two sentences share to count one group of people in other words
CLOSE_SUMS = 1.25  # ... when the sums are this close: "$200 million" / "$184 million"
FAR_SUMS = 1.25  # sums or shares further apart than this, told apart, are not one figure...
NEAR_POINTS = 1.0  # ... unless shares this many points apart or less


def _told_alike(a: Quantity, ca: N.Context, b: Quantity, cb: N.Context) -> bool:
    """Two sums of money close in value whose sentences share ALIKE content words, though not
    right beside the sums ("Red Sox offer Teixeira $200 million" / "Reports of the Red Sox offer
    varied ... $184 million")."""
    return a.kind == "money" and a.value > 0 and b.value > 0 and \
        max(a.value, b.value) <= CLOSE_SUMS * min(a.value, b.value) and \
        len(_sentence_words(ca) & _sentence_words(cb)) >= ALIKE


_FATES = frozenset(("killed", "injured", "missing"))  # `lexicon.EVENTS` names


def _fate(a: Quantity, b: Quantity, ca: N.Context, cb: N.Context, link: float | None) -> bool:
    """People with one fate said of them in two linked sentences that name the same act: "five
    people were killed" and "killed at least one person". Early tolls differ by any factor."""
    return link is not None and a.kind == "count" and a.event is not None and \
        a.event == b.event and a.event in _FATES and bool(ca.act and ca.act == cb.act) and \
        group(a.unit) == "person" == group(b.unit)


def _told_apart(ca: N.Context, cb: N.Context) -> bool:
    """Does each figure have a word right by it (`Context.close`) that the other's sentence
    never uses: "men who took placebo" / "men who took finasteride"?"""
    return bool(ca.close - _sentence_words(cb)) and bool(cb.close - _sentence_words(ca))


def _far(a: Quantity, b: Quantity, factor: float) -> bool:
    """Are the figures more than `factor` apart, even at the nearest ends of what their hedges
    allow (a vague amount or a range by its ends, a bare figure by its value)?"""
    (la, ha), (lb, hb) = _ends(a), _ends(b)
    near_low, near_high = max(la, lb), min(ha, hb)
    return near_high > 0 and near_low > factor * near_high


def _ends(q: Quantity) -> tuple[float, float]:
    if q.qualifier in ("vague", "range"):
        return q.low, q.high
    return q.value, q.value


def _kin(a: Quantity, b: Quantity) -> bool:
    """People counted as people and as who they are (`PEOPLE`), the same number with the same
    fate: "at least three people" killed, "three bank workers" dead (a different number may be a
    part: "five children" of "12 people")."""
    if a.kind != "count" or b.kind != "count" or a.value != b.value:
        return False
    ga, gb = group(a.unit), group(b.unit)
    if {ga, gb} & {"person"} and (ga in PEOPLE or gb in PEOPLE):
        return not (a.event and b.event and a.event != b.event) and bool(a.event or b.event)
    return False


def _anchor(q: Quantity) -> str:
    """How a relative date is told: "last", "this", "next" (month), or "ago" ("more than two
    years ago" and "two years ago" are told alike)."""
    words = q.text.lower().split()
    return "ago" if words[-1] == "ago" else words[0]


def _pairs(left: list[Quantity], right: list[Quantity], link: float | None = 0.5,
           texts: tuple[str, str] | None = None) -> list[tuple[Quantity, Quantity]]:
    """Quantities of two sentences that are one quantity (`_admit`), each used at most once,
    best-matching pairs first (so "600 troops" pairs with "600 soldiers", not "15,000").
    Sentences with more figures than a claim holds (a pasted table in one "sentence") are not
    paired: the pairing grows with the product of their counts."""
    return [(a, b) for a, b, _ in _admitted(left, right, link, texts)]


def _admitted(left: list[Quantity], right: list[Quantity], link: float | None,
              texts: tuple[str, str] | None = None) -> list[tuple[Quantity, Quantity, str]]:
    if len(left) * len(right) > MAX_NUMBER_PAIRS:
        return []
    return [(left[i], right[j], why) for i, j, why in _admitted_at(
        _prepare(left, texts[0] if texts else None), _prepare(right, texts[1] if texts else None),
        link)]


class _Figures(NamedTuple):
    """One side of a pairing, read once however many sentences it is paired with: the figures,
    their contexts and families, how many figures of its family each has beside it, and a list
    of shares' own words (`_own_words`)."""

    qs: list[Quantity]
    ctx: list[N.Context]
    fam: list[str]
    n: list[int]
    own: list[tuple[set, set] | None]
    thing: list[tuple]  # `thing_key`s (what same_thing reads)
    twin: dict[int, int]  # a measure and its conversion in brackets, where that holds (`_twins`)


def _prepare(qs: list[Quantity], text: str | None, known: dict | None = None) -> _Figures:
    """`known`: contexts worked out already (`read_texts`), by (text, start, end, figure)."""
    fam = [N.family(q) for q in qs]
    counts = Counter(fam)
    ctx = [_context(q, text) for q in qs] if not known or text is None else [
        known.get((text, q.start, q.end, q.text)) or _context(q, text) for q in qs]
    return _Figures(qs, ctx, fam, [counts[f] for f in fam],
                    _own_words(qs, fam, counts, text), [thing_key(q) for q in qs], _twins(qs, text))


def _twins(qs: list[Quantity], text: str | None) -> dict[int, int]:
    """`N.conversion_twins` whose conversion holds ("50 km (32 miles)": 50 km is 31 miles), so
    that a figure agreeing with either writing agrees with the quantity (`_twin_agrees`)."""
    text = text if text is not None else getattr(qs[0], "_sentence", "") if qs else ""
    twins = N.conversion_twins(qs, text) if text and "(" in text else {}
    return {i: j for i, j in twins.items() if N.judge(qs[i], qs[j])[0] is None}


def _verdict(left: _Figures, i: int, right: _Figures, j: int, judged: tuple) -> tuple:
    """`judged` (the verdict and note of left's figure i and right's j, as `judge` gives them),
    unless a conversion in brackets on either side agrees (`_twin_agrees`)."""
    if judged[0] is not None and (left.twin or right.twin):
        why_not = _twin_agrees(left, i, right, j)
        if why_not:
            return None, why_not
    if judged[0] is N.Verdict.VALUE and _two_moments(left, i, right, j):
        return None, "prices or moves of a market, at moments not said to be one (markets move)"
    if judged[0] is N.Verdict.DATE:
        told = _year_told_too(left, i, right, j) or _dates_of_two_figures(left, i, right, j)
        if told:
            return None, told
    return judged


DATED_REACH = 60  # characters between a date and the figure it dates ("17 in 1996")


def _dates_of_two_figures(left: _Figures, i: int, right: _Figures, j: int) -> str | None:
    """Why two dates that differ are no conflict: each dates a figure of its own, and those
    disagree too ("went from zero to 30 in 1995" / "fell sharply to 17 in 1996"; "1.92 billion
    on Tuesday" / "1.5 billion Monday"): two measurements at two moments, not one date told two
    ways. Dates beside one figure told alike ("closed on Monday at $3.01" / "closed at $3.01
    Friday", or "at least 30" / "30") still disagree."""
    a = _dated(left.qs, left.qs[i], left.ctx[i].raw)
    b = _dated(right.qs, right.qs[j], right.ctx[j].raw)
    if a is None or b is None or N.family(a) != N.family(b) or \
            N.judge(a, b)[0] is not N.Verdict.VALUE:
        return None  # (a hedge told otherwise, "at least 30" / "30", is one figure still)
    return f"each date goes with a figure of its own ({a.text}, {b.text}), and those differ: " \
           "two moments"


def _dated(qs: list[Quantity], date: Quantity, text: str) -> Quantity | None:
    """The figure a date dates in its sentence `text`: the nearest count, sum, share or measure
    (not a date, an ordinal or an age: "the second black senator, after Brooke, who served from
    1967 to 1979") within DATED_REACH characters and in the date's own clause (`_one_clause`)."""
    def gap(q: Quantity) -> int:
        return max(q.start - date.end, date.start - q.end, 0)
    near = [q for q in qs if q.kind not in ("date", "ordinal", "age") and gap(q) <= DATED_REACH
            and _one_clause(text, q, date, qs)]
    return min(near, key=gap, default=None)


_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:and|but|while|which|who|whom|where)\b", re.I)
_OPENING = re.compile(r"^\W*(?:\w+\W+){0,2}$")  # at most two words before: "In 2001, there were"


def _one_clause(text: str, q: Quantity, date: Quantity, qs: list[Quantity]) -> bool:
    """Do a figure and a date stand in one clause: no ';', ':' or clause word between them, no
    other date, and no comma but after a date that opens the sentence ("In 2001, there were 6.5
    million") or before a clause on that day ("since October 4, when a bomber killed 23")?
    "who led the team of 12 surgeons, performed the operation on June 3" does not date the 12."""
    lo, hi = (q.end, date.start) if q.end <= date.start else (date.end, q.start)
    between = text[lo:hi]
    if _CLAUSE_BREAK.search(between) or any(o is not date and o.kind == "date" and lo <= o.start < hi for o in qs):
        return False
    if "," not in between:
        return True
    if date.start < q.start:
        return bool(_OPENING.match(text[: date.start])) or \
            between.lstrip().startswith(",") and between.lstrip(" ,").lower().startswith("when")
    return False


def _year_told_too(left: _Figures, i: int, right: _Figures, j: int) -> str | None:
    """Why two years that differ are no conflict: one sentence also gives the other's year
    ("dropped to 2.92 million in 2002" / "from 3.03 million in 2001 to 2.92 million in 2002"):
    it tells both years, and the pairing took the wrong one."""
    for one, k, other, m in ((left, i, right, j), (right, j, left, i)):
        o = other.qs[m]
        if o.kind != "date" or o.unit != "date" or o.qualifier == "relative" or o.value < 1000:
            continue
        for x, q in enumerate(one.qs):
            if x != k and q.kind == "date" and q.unit == "date" and q.qualifier != "relative" \
                    and math.floor(q.value) == math.floor(o.value) \
                    and _nearest_alike(one.qs, q, other.qs, o):
                return f"the same sentence also gives {q.text}, as the other does"
    return None


def _nearest_alike(xs: list[Quantity], x: Quantity, ys: list[Quantity], y: Quantity) -> bool:
    """Do the figures (not dates) nearest x in its sentence and y in its own read alike? Then
    x and y date one fact ("2.92 million in 2002" twice); "fell to 2.1 million in 2003 from 2.4
    million in 2002" / "fell to 2.1 million in 2002" date two."""
    def nearest(qs: list[Quantity], at: Quantity) -> Quantity | None:
        others = [q for q in qs if q.kind != "date"]
        return min(others, key=lambda q: min(abs(q.start - at.end), abs(at.start - q.end)), default=None)
    a, b = nearest(xs, x), nearest(ys, y)
    return a is not None and b is not None and _reads_same(a, b)


# A market's price or move: said of trading ("the euro rose 0.67 percent to $1.1784", "shares
# traded at $4.81", "136.94 yen"), a figure of a moment. Two such figures disagree only when
# both sentences tell the close, or share another figure exactly (the same closing level).
_MARKET_RE = re.compile(
    r"\b(?:trad(?:ed|ing|ers?)|stocks?|Nasdaq|Dow|S&P|FTSE|DAX|CAC|Nikkei|Hang Seng|"
    r"euro(?!\s*(?:zone|area|pean))|yen|dollar(?!\s+(?:amount|figure|value|terms))|sterling|"
    r"franc|ounce|barrel|futures|Treasur(?:y|ies)|"
    r"(?<!\ba\s)(?<!\bper\s)shares?(?!\s+(?:of\s+the\s+)?(?:vote|cost|blame|market|responsibility)))\b")
# ...a move or a quote right before the figure ("rose 0.67 percent", "was up 4.6 percent",
# "traded at $4.81", "quoted at $1.1784"), a word or two apart at most
_MOVE_RE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|gain(?:s|ed|ing)?|lost|los(?:e|es|ing)|"
    r"climb(?:s|ed|ing)?|slip(?:s|ped|ping)?|drop(?:s|ped|ping)?|jump(?:s|ed|ing)?|eas(?:ed|es|ing)|"
    r"add(?:s|ed|ing)?|shed|rall(?:ied|ies)|sl(?:id|ides|iding)|tumbl(?:e|ed|es|ing)|"
    r"firm(?:ed)?|weaken(?:ed|ing)?|strengthen(?:ed|ing)?|edg(?:ed|ing)|"
    r"touch(?:ed)?|peak(?:ed)?|(?:was|were|is|are|stood|ended)\s+(?:up|down)|,\s*(?:up|down)|traded(?:\s+at)?|"
    r"trading(?:\s+at)?|quoted(?:\s+at)?)\s+(?:[\d.,]+\s*(?:percent|per\s+cent|%|points?|cents?),?\s+)?"
    r"(?:(?:as\s+(?:high|low|much)\s+as|about|some|nearly|almost|around|to|at|by)\s+){0,2}$", re.I)
_CLOSE_RE = re.compile(r"\b(?:clos(?:e|ed|es|ing)|settl(?:e|ed|ing)|finish(?:ed)?)\b", re.I)


MARKET_REACH = 80  # characters before a figure (and half as many after) its market is named in


def _market_figure(q: Quantity, text: str) -> bool:
    """Is q a price, a level or a move of something traded, said near it ("the euro rose 0.67
    percent to $1.1784")? A count of people or things is not ("a bomb in a market killed 40")."""
    if q.kind not in ("money", "percent", "count") or q.kind == "count" and q.unit not in (None, "point") \
            or not _MARKET_RE.search(text, max(0, q.start - MARKET_REACH), q.end + MARKET_REACH // 2):
        return False
    return bool(_MOVE_RE.search(text[max(0, q.start - 40):q.start])) or q.unit == "jpy" \
        or bool(re.search(r"\.\d{3,}", q.text)) or bool(_PER_UNIT_RE.match(text, q.end))


_PER_UNIT_RE = re.compile(r"(?:/\d+)?\s+(?:an|a|per)\s+(?:ounce|barrel|bushel|troy ounce)\b")


def _two_moments(left: _Figures, i: int, right: _Figures, j: int) -> bool:
    """Are left's figure i and right's j prices or moves of a market whose moments may differ?"""
    a, b = left.qs[i], right.qs[j]
    ta, tb = left.ctx[i].raw, right.ctx[j].raw
    if not (_market_figure(a, ta) and _market_figure(b, tb)):
        return False
    if _CLOSE_RE.search(ta) and _CLOSE_RE.search(tb):
        return False  # both tell the close: one moment
    # another figure told alike by both (a day is no moment of trading: "on Wednesday" twice)
    told = {q.text.lower() for k, q in enumerate(left.qs) if k != i and q.kind != "date"}
    return not any(q.text.lower() in told for k, q in enumerate(right.qs) if k != j and q.kind != "date")


def _twin_agrees(left: _Figures, i: int, right: _Figures, j: int) -> str | None:
    """Why two paired figures that disagree as written still agree: one side converts its figure
    in brackets, and the other figure agrees with that writing ("30 miles" / "50 km (32 miles)")."""
    for a in (i, left.twin.get(i)):
        for b in (j, right.twin.get(j)):
            if a is not None and b is not None and (a, b) != (i, j) \
                    and N.judge(left.qs[a], right.qs[b])[0] is None:
                return f"agrees with the conversion in brackets ({left.qs[a].text} / {right.qs[b].text})"
    return None


def judged_pairs(left: list[Quantity], right: list[Quantity], link: float | None = 0.5,
                 texts: tuple[str, str] | None = None) -> list[tuple[Quantity, Quantity, str | None]]:
    """The figures of two sentences that are one quantity (`_pairs`), each with the verdict the
    comparison gives it (None: they agree), as for two linked sentences."""
    if len(left) * len(right) > MAX_NUMBER_PAIRS:
        return []
    fl = _prepare(left, texts[0] if texts else None)
    fr = _prepare(right, texts[1] if texts else None)
    out = []
    for i, j, _ in _admitted_at(fl, fr, link):
        v = _verdict(fl, i, fr, j, N.judge(left[i], right[j]))[0]
        out.append((left[i], right[j], v.value if v else None))
    return out


def _admitted_at(left: _Figures, right: _Figures, link: float | None) -> list[tuple[int, int, str]]:
    """`_admitted`, each pair by the places of its figures on their sides."""
    options = []
    for i, a in enumerate(left.qs):
        if a.kind == "ordinal" or a.kind == "age" and not a.noun:
            continue  # `_admit` pairs no such figure
        fa, na, oa, ca, ta = left.fam[i], left.n[i], left.own[i], left.ctx[i], left.thing[i]
        for j, b in enumerate(right.qs):
            if right.fam[j] != fa:
                continue  # not the same thing (`same_thing`), nor kin (`_kin`: two counts)
            nb, ob = right.n[j], right.own[j]
            if oa is not None and ob is not None and (
                    not oa[0] & ob[0] or oa[1] and ob[1] and not oa[1] & ob[1]):
                # two lists of shares: "24 percent as Democrats" is not "29 percent ... as
                # Republicans", nor "Among Fox viewers" "Among CNN viewers"
                continue
            if not (same_thing_keyed(a, b, ta, right.thing[j]) or _kin(a, b)) or \
                    not _one_age(a, b):
                continue  # `_admit`'s first test
            why = _admit_same(a, ca, b, right.ctx[j], link, na == 1 and nb == 1,
                              na > LISTED or nb > LISTED)
            if why:
                options.append((_closeness(a, b), i, j, why))
    if len(options) == 1:
        _, i, j, why = options[0]
        return [(i, j, why)]
    used_l: set[int] = set()
    used_r: set[int] = set()
    out = []
    for _, i, j, why in sorted(options, key=lambda o: -o[0]):
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        out.append((i, j, why))
    return out


def _reading_key(q: Quantity) -> tuple:
    """Every field of a figure that `_admitted` reads (its reading, what it counts, where it is
    in its sentence): two sentences of the same text and readings pair alike."""
    return (q.kind, q.unit, q.value, q.low, q.high, q.qualifier, q.event, q.noun, q.text,
            q.start, q.end)


_OWN = 6  # words after a share in a list that say what it is a share of


def _own_words(qs: list[Quantity], fams: list, counts: Counter,
               text: str | None) -> list[tuple[set, set] | None]:
    """For each percentage in a list of percentages of one sentence ("Among Fox viewers, 41
    percent describe themselves as Republicans, 24 percent as Democrats"), the content words
    after it up to the next one (what it is a share of) and the names before the list (whose
    shares: "Fox"). None for every other figure (sums of money are labelled before them more
    often than after: "a profit of $300 million for the quarter")."""
    out: list[tuple[set, set] | None] = [None] * len(qs)
    for i, q in enumerate(qs):
        if q.kind != "percent" or counts[fams[i]] < 2:
            continue
        t = text if text is not None else getattr(q, "_sentence", "")
        if not t:
            continue
        nxt = min((o.start for k, o in enumerate(qs) if fams[k] == fams[i] and o.start >= q.end),
                  default=len(t))
        words = _WORDS.findall(t[q.end : nxt])[:_OWN]
        first = min(o.start for k, o in enumerate(qs) if fams[k] == fams[i])
        names = {w for w in _WORDS.findall(t[:first])[1:] if w[:1].isupper() and w.lower() not in STOP}
        out[i] = ({N.stem(w) for w in words if w.lower() not in STOP and len(w) > 2}, names)
    return out


def _key(q: Quantity) -> tuple | None:
    """The bucket of figures that may be one quantity across unlinked sentences."""
    if q.kind == "count":
        if q.event and group(q.unit) in PEOPLE:
            return ("count", "person")  # "three bank workers" dead may be "three people" killed
        # "two villagers" and "five people": one group of people (other groups keep their
        # nouns apart: "soldiers" and "troops", "votes" and "ballots" may be parts of each other)
        return ("count", "person" if group(q.unit) == "person" else q.unit) if q.unit else None
    if q.kind == "money":
        return ("money", q.unit)  # what it is of is often unsaid: `_admit` checks the nouns
    if q.kind in ("percent", "measure"):
        return (q.kind, q.unit, q.noun)
    if q.kind == "duration":
        return ("duration", q.unit)
    if q.kind == "date" and q.qualifier == "relative" and _anchor(q) == "ago":
        return ("date", "ago")  # "two years ago", "more than two years ago"
    if q.kind == "date" and q.unit == "date" and q.qualifier != "relative" and q.value > 1000:
        return ("date", "dated")  # "has led House Democrats since 2002" / "since 2003"
    return None


def _reads_same(a: Quantity, b: Quantity) -> bool:
    return a.value == b.value and a.qualifier == b.qualifier and a.unit == b.unit


def _reading(q: Quantity) -> str:
    if q.kind == "date" and q.qualifier == "range":
        return f"a span of time ({q.text})"
    if q.kind == "date" and (q.qualifier == "relative" or q.unit == "weekday"):
        return f"a date ({q.text})"
    return reading(q.value, q.qualifier, q.unit, q.kind, q.event, q.high - q.low)




@lru_cache(maxsize=16384)
def _spellings(text: str) -> dict[str, str]:
    """Stem -> the first word of `text` with that stem (once per sentence, however many pairs)."""
    out: dict[str, str] = {}
    for m in _WORDS.finditer(text):
        out.setdefault(N.stem(m.group()), m.group())
    return out


def _surface(stems: set[str], *texts: str) -> str:
    """The words as the sentences write them for a set of stems ("lindmo" -> "Lindmoor")."""
    maps = [_spellings(t) for t in texts]
    words = (next((m[st] for m in maps if st in m), st) for st in stems)
    return ", ".join(sorted(words, key=str.lower)[:4])


def _scope_words(c: N.Context) -> str:
    parts = []
    if c.total:
        parts.append("a running total")
    if c.rate:
        parts.append(f"per {c.rate}")
    if c.span:
        parts.append(f"over {c.span}s")
    if c.years:
        parts.append("in " + ", ".join(sorted(c.years)))
    if c.day:
        parts.append(c.day if c.day in ("today", "yesterday", "tonight", "tomorrow")
                     else f"on {c.day.capitalize()}")
    if c.session:
        parts.append({"close": "at the close", "intraday": "during the session"}[c.session])
    return "; ".join(parts)


def find_disagreements(comparison: Comparison, read: dict | None = None,
                       near: list[tuple[str, str, float]] | None = None) -> None:
    """Pair figures that are one quantity (same claim, or same counted noun and subject; same
    scope), then list each set of figures in conflict in which every two were paired: no
    transitive groups (issue 14). `near`: pairs of sentences whose figures are paired as a link
    of that probability would pair them, though they are not linked (the links the transformer
    turned down, `match.MatchRun.near`). `read`: the figures' contexts worked out already
    (`read_texts`)."""
    order = {src.id: i for i, src in enumerate(comparison.sources)}
    # Figures are keyed by their place in the comparison, never by id(): an order that follows
    # memory addresses changed the sides and the why-text from one run to the next.
    by_key = dict(enumerate(comparison.numbers))
    rank = {id(q): i for i, q in by_key.items()}
    contexts: dict[int, N.Context] = {}

    def ctx(q: Quantity) -> N.Context:
        c = contexts.get(rank[id(q)])
        if c is None:
            c = contexts[rank[id(q)]] = N.context(q, comparison.sentence(q.sentence).text)
        return c

    edges: dict[tuple[int, int], tuple[str | None, str, str]] = {}
    # A big folder repeats sentences (fifty rewrites of one story): the figures of a sentence
    # (or the part of them met across unlinked sentences) are a `reading`, numbered, and two
    # sentences of the same text and readings are one. The figures of two readings on a link of
    # one score are paired once (`pair`), and each pair judged once; a reading's figures are
    # read (`_prepare`) when first paired.
    reading_keys = [_reading_key(q) for q in comparison.numbers]
    keys = [figure_key(q) for q in comparison.numbers]  # what `judge` reads of each figure
    readings_of: dict[tuple, int] = {}
    parts: list[tuple[list[int], str]] = []  # a reading's figures (their ranks) and sentence
    prepared: dict[int, _Figures] = {}
    paired: dict[tuple[int, int, float | None], list[tuple[int, int, tuple]]] = {}

    def reading(ranks: list[int], text: str) -> int:
        key = (text, tuple(reading_keys[r] for r in ranks))
        n = readings_of.get(key)
        if n is None:
            n = readings_of[key] = len(parts)
            parts.append((ranks, text))
        return n

    def figures(n: int) -> _Figures:
        f = prepared.get(n)
        if f is None:
            ranks, text = parts[n]
            f = prepared[n] = _prepare([by_key[r] for r in ranks], text, read)
        return f

    def pair(ra: int, rb: int, link: float | None) -> list[tuple[int, int, tuple]]:
        """The figures of readings ra and rb that are one quantity, by their places, each with
        its edge: (verdict, note, why)."""
        key = (ra, rb, link)
        out = paired.get(key)
        if out is None:
            left, right = figures(ra), figures(rb)
            ka, kb = parts[ra][0], parts[rb][0]
            out = paired[key] = []
            for i, j, why in _admitted_at(left, right, link):
                v, note = _verdict(left, i, right, j,
                                   judge_keyed(left.qs[i], right.qs[j], keys[ka[i]], keys[kb[j]]))
                # the plain string (the cache keeps exact types)
                out.append((i, j, (v.value if v else None, note, why)))
        return out

    def add(xs: list[int], ys: list[int], found: list[tuple[int, int, tuple]]) -> None:
        for i, j, e in found:
            x, y = xs[i], ys[j]
            edges[_edge(x, y)] = e

    # The sentences with figures (ids are unique): (source, index), figures' ranks, reading.
    numbered: dict[str, tuple[tuple[str, int], list[int], int]] = {}
    for s in comparison.all_sentences():
        if s.numbers:
            ranks = [rank[id(q)] for q in s.numbers]
            numbered[s.id] = ((s.source, s.index), ranks, reading(ranks, s.text))
    sentence = comparison.sentence
    for sid, (at, ranks, r) in numbered.items():
        n = len(ranks)
        for link in sentence(sid).links:
            other = numbered.get(link.to)
            if other is None:
                continue  # no figures
            if other[0][0] == at[0] or at > other[0]:
                continue
            if n * len(other[1]) > MAX_NUMBER_PAIRS:
                continue
            add(ranks, other[1], pair(r, other[2], link.score))
    near_of: dict[str, set[str]] = {}
    for a, b, score in near or ():
        one, other = numbered.get(a), numbered.get(b)
        if one is None or other is None or one[0][0] == other[0][0]:
            continue
        near_of.setdefault(a, set()).add(b)
        near_of.setdefault(b, set()).add(a)
        if one[0] > other[0]:
            one, other = other, one
        if len(one[1]) * len(other[1]) <= MAX_NUMBER_PAIRS:
            add(one[1], other[1], pair(one[2], other[2], score))

    linked: dict[str, set[str]] = {}

    def linked_to(sid: str) -> set[str]:
        """The sentences a sentence with figures is linked (or `near`) to."""
        out = linked.get(sid)
        if out is None:
            out = linked[sid] = ({link.to for link in sentence(sid).links} | near_of.get(sid, set())
                                 if sid in numbered else set())
        return out

    # Sentences that are not linked: the same counted noun and the same subject or event.
    buckets: dict[tuple, list[Quantity]] = {}
    for q in comparison.numbers:
        k = _key(q)
        if k is not None:
            buckets.setdefault(k, []).append(q)
    per_pair: dict[tuple[str, str], list[tuple[Quantity, Quantity]]] = {}
    # Each bucket has its own share of the budget: one big bucket (a table of percentages) must
    # not starve the others (the two page counts of one complaint).
    shares = _shares([_cross_pairs(qs) for qs in buckets.values()], MAX_UNLINKED_PAIRS)
    for qs, budget in zip(buckets.values(), shares, strict=True):
        # Every later figure of another source, in order: a run of figures of a's own source is
        # stepped over at once (one long document's figures are a single run, and comparing each
        # with every other one was quadratic, issue 13).
        src = [q.sources[0] for q in qs]
        run_end = _run_ends(src)
        for i, a in enumerate(qs):
            if budget < 0:
                break
            j = i + 1
            while j < len(qs):
                if src[j] == src[i]:
                    j = run_end[j]
                    continue
                b = qs[j]
                j += 1
                if b.sentence in linked_to(a.sentence):
                    continue
                budget -= 1
                if budget < 0:
                    break
                per_pair.setdefault((a.sentence, b.sentence), []).append((a, b))
    # The figures of one sentence met here are a part of its figures: a reading of their own.
    part_readings: dict[tuple[int, ...], int] = {}

    def part_reading(ranks: list[int], sid: str) -> int:
        key = tuple(ranks)
        n = part_readings.get(key)
        if n is None:
            n = part_readings[key] = reading(ranks, sentence(sid).text)
        return n

    for (sa, sb), pairs in per_pair.items():
        left = list(dict.fromkeys(rank[id(a)] for a, _ in pairs))
        right = list(dict.fromkeys(rank[id(b)] for _, b in pairs))
        if len(left) * len(right) > MAX_NUMBER_PAIRS:
            continue
        found = pair(part_reading(left, sa), part_reading(right, sb), None)
        add(left, right, found)
        if found:
            # Two unlinked sentences with one figure paired tell the same facts: their other
            # figures are read as a linked pair's ("killing seven and injuring 40" / "killed six,
            # injured almost 50").
            (_, ra, na), (_, rb, nb) = numbered[sa], numbered[sb]
            if len(ra) * len(rb) <= MAX_NUMBER_PAIRS:
                add(ra, rb, [(i, j, (v, note, SIBLING_WHY))
                             for i, j, (v, note, why) in pair(na, nb, SIBLING_LINK)
                             if "{words}" in why and _edge(ra[i], rb[j]) not in edges])

    # A source that gives both figures tells two quantities, not one quantity two ways ("$13.9
    # billion including debt, $13.2 billion for the shares"; "a 6.1 quake in September" and this
    # one's 5.6): the other sources giving one each do not disagree.
    told: dict[tuple, set[str]] = {}
    told_keys = [_told_key(q) for q in comparison.numbers]
    for q, k in zip(comparison.numbers, told_keys, strict=True):
        told.setdefault(k, set()).add(q.sources[0])
    by_family: dict[str, tuple[list[float], list[int]]] = {}
    value_edges = [k for k, e in edges.items() if e[0] in (VALUE, UNIT)]  # "60 seats", "six"
    if value_edges:
        for i in sorted(by_key, key=lambda i: (by_key[i].value, i)):
            lows, ids = by_family.setdefault(N.family(by_key[i]), ([], []))
            lows.append(by_key[i].value)
            ids.append(i)
    for k in value_edges:
        qa, qb = by_key[k[0]], by_key[k[1]]
        if told[told_keys[k[0]]] & told[told_keys[k[1]]] or _both_told(qa, qb, by_key, by_family):
            del edges[k]

    # Sources reporting the same quantity: both sides of every pair whose values agree.
    for (a, b), (verdict, _, _) in edges.items():
        if verdict in (None, QUALIFIER):
            qa, qb = by_key[a], by_key[b]
            for q, other in ((qa, qb), (qb, qa)):
                for src in other.sources[:1]:
                    if src not in q.sources:
                        q.sources.append(src)
    _counterparts(comparison)

    neighbours: dict[int, set[int]] = {}
    for a, b in edges:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)

    def edge(x: int, y: int):
        return edges[_edge(x, y)]

    def _joins(c: int, m: int) -> bool:
        qc, qm = by_key[c], by_key[m]
        if qc.sources[0] == qm.sources[0]:
            return _reads_same(qc, qm)
        return c in neighbours[m] and (edge(c, m)[0] is not None or _reads_same(qc, qm))

    conflicts = sorted(
        (k for k, e in edges.items() if e[0]),
        key=lambda k: (-_SEVERITY.get(edges[k][0], 0), min(order[by_key[x].sources[0]] for x in k)),
    )
    covered: set[tuple[int, int]] = set()
    # Cliques of one quantity that share half their figures or more are one disagreement (a
    # wire story's rewrites split "£50.3 million vs £36.1 million" into sixteen cliques that
    # differ by a source or two); a clique meeting another in one figure stays apart.
    groups: list[tuple[list[int], set[int], str, int, int]] = []
    for a, b in conflicts:
        if (a, b) in covered:
            continue
        clique = [a, b]
        for c in sorted(neighbours[a] | neighbours[b], key=lambda x: (order[by_key[x].sources[0]], x)):
            # every two sides were paired, and two sides that read differently disagree (a
            # third figure that agrees with one side in other words is not a side); a source
            # repeating its figure in another sentence is one side twice
            if c not in clique and all(_joins(c, m) for m in clique):
                clique.append(c)
        kinds = []
        for i, x in enumerate(clique):
            for y in clique[i + 1 :]:
                k = _edge(x, y)
                covered.add(k)
                e = edges.get(k)
                if e and e[0]:
                    kinds.append(e[0])
        kind = max(kinds, key=lambda k: _SEVERITY.get(k, 0))
        values = _values(by_key[x] for x in clique)
        for members_list, members_set, g_kind, _, _ in groups:
            shared = len(members_set.intersection(clique))
            if g_kind == kind and (shared >= max(2, min(len(clique), len(members_set)) / 2) or (
                    shared and values == _values(by_key[x] for x in members_set))):
                members_list.extend(x for x in clique if x not in members_set)
                members_set.update(clique)
                break
        else:
            groups.append((list(clique), set(clique), kind, a, b))
    disagreements: list[Disagreement] = []
    for clique, _, kind, a, b in groups:
        members = [by_key[x] for x in clique]
        members.sort(key=lambda q: (order[q.sources[0]], comparison.sentence(q.sentence).index, q.start))
        sides = [
            Side(
                sentence=q.sentence,
                source=comparison.sentence(q.sentence).source,
                text=q.text,
                value=q.value,
                qualifier=q.qualifier,
                unit=q.unit,
                start=q.start,
                end=q.end,
            )
            for q in members
        ]
        readings = "; ".join(
            f"{comparison.sentence(q.sentence).source} says “{q.text}”, read as {_reading(q)}"
            + (f" ({sc})" if (sc := _scope_words(ctx(q))) else "")
            for q in members
        )
        verdict, note, why = edge(a, b)
        if "{words}" in why:  # spelled out here, for the few pairs that make a disagreement
            ca, cb = ctx(by_key[a]), ctx(by_key[b])
            shared = set(sorted(N.shared_words(ca, cb))[:4])
            why = why.replace("{words}", _surface(shared, ca.text, cb.text))
        if "{act}" in why:
            ca, cb = ctx(by_key[a]), ctx(by_key[b])
            why = why.replace("{act}", _surface({ca.act or ""}, ca.text, cb.text))
        if "{sentence}" in why:
            ca, cb = ctx(by_key[a]), ctx(by_key[b])
            shared = set(sorted(_sentence_words(ca) & _sentence_words(cb))[:4])
            why = why.replace("{sentence}", _surface(shared, ca.text, cb.text))
        scope = _scope_words(ctx(by_key[a])) or "none stated"
        explanation = (f"{readings}. Scope: {scope}. Paired because {why}. "
                       f"Verdict: {verdict}, {note}.")
        disagreements.append(Disagreement(kind=kind, about=N.about(members), sides=sides,
                                          why=explanation))
    disagreements.sort(
        key=lambda d: (order[d.sides[0].source], comparison.sentence(d.sides[0].sentence).index)
    )
    comparison.disagreements = disagreements


def _cross_pairs(qs: list[Quantity]) -> int:
    """How many pairs of figures of two different sources a bucket holds."""
    n = len(qs)
    return (n * n - sum(k * k for k in Counter(q.sources[0] for q in qs).values())) // 2


def _shares(needs: list[int], total: int) -> list[int]:
    """A budget of `total` shared among buckets needing `needs`: the smaller needs are met in
    full and what is left is split evenly among the larger ones (every bucket gets its fair part
    whatever the order; the same shares from run to run)."""
    shares = [0] * len(needs)
    left, todo = total, len(needs)
    for i in sorted(range(len(needs)), key=lambda i: (needs[i], i)):
        shares[i] = min(needs[i], left // todo)
        left -= shares[i]
        todo -= 1
    return shares


def _agreeing(q: Quantity, by_key: dict[int, Quantity],
              by_family: dict[str, tuple[list[float], list[int]]]) -> dict[str, set[int]]:
    """Per source, its figures that agree with q (near its range); none when too many figures
    are near to look at (a wire story's fifty rewrites: the pair is kept, as before)."""
    values, ids = by_family.get(N.family(q), ([], []))
    out: dict[str, set[int]] = {}
    lo, hi = min(q.low, q.value) / 1.1, max(q.high, q.value) * 1.1
    first, last = bisect_left(values, lo), bisect_right(values, hi)
    if last - first > MAX_BOTH_TOLD:
        return out
    for p in range(first, last):
        x = by_key[ids[p]]
        if x is not q and N.same_thing(x, q) and N.compare(x, q) is None:
            out.setdefault(x.sources[0], set()).add(ids[p])
    return out


def _both_told(a: Quantity, b: Quantity, by_key: dict[int, Quantity],
               by_family: dict[str, tuple[list[float], list[int]]]) -> bool:
    """Does some source give one figure that agrees with a and another that agrees with b
    ("$13.9 billion" with debt and "$13.2 billion" without: "about $13 billion" is the second)?"""
    if a.value <= 0 or b.value <= 0:
        return False
    fa = _agreeing(a, by_key, by_family)
    if not fa:
        return False
    fb = _agreeing(b, by_key, by_family)
    return any(src in fb and (xs - fb[src] or fb[src] - xs) for src, xs in fa.items())


def _told_key(q: Quantity) -> tuple:
    """A figure as a source tells it: a distinctive value (6.1, 13.9 billion) whatever it is said
    to count ("a 6.1 quake", "a magnitude of 6.1"); a round one (20,000, 12) with what it counts."""
    if q.value != int(q.value) or q.value >= 100 and len(f"{q.value:.0f}".rstrip("0")) > 2:
        return (N.family(q), q.value)
    # a round figure ("20,000", "600") is said of many things: "20,000 protesters" in one city
    # does not make "20,000 people" in another the same figure
    return (N.family(q), q.unit, q.value)


def _run_ends(keys: list) -> list[int]:
    """For each place, where the run of equal keys it is in ends."""
    ends = [0] * len(keys)
    end = len(keys)
    for i in range(len(keys) - 1, -1, -1):
        if i + 1 < len(keys) and keys[i] != keys[i + 1]:
            end = i + 1
        ends[i] = end
    return ends


def _values(figures) -> frozenset:
    """What a set of figures says, whoever says it: the same readings in two cliques that share
    a figure are one disagreement told by more sources."""
    return frozenset((q.value, q.low, q.high, q.qualifier, q.unit) for q in figures)


def _counterparts(comparison: Comparison) -> None:
    """A figure that another source gives too, written differently ("$8.2 million" and
    "$8,214,530"), is not one source's exclusive figure even when the sentences are not linked."""
    buckets: dict[tuple, list[Quantity]] = {}
    for q in comparison.numbers:
        if q.kind in ("money", "percent", "measure", "duration") or (q.kind == "count" and q.unit):
            buckets.setdefault((N.family(q), q.unit if q.kind != "count" else N.stem(q.unit or "")),
                               []).append(q)
    # Figures that read alike (the same `thing_key` and `figure_key`) are of one kind (a
    # number), and two kinds agree or not whichever figures: each pair of kinds is asked once.
    kinds: dict[tuple, int] = {}
    alike: dict[tuple[int, int], bool] = {}  # two kinds: the same thing, in agreement
    for qs in buckets.values():
        if len(qs) > 4000:
            continue
        # Only figures whose ranges come within a quarter of each other can agree: sorted by the
        # low end, each figure meets the ones up to that bound (a wire story's 50 rewrites give
        # thousands of figures a bucket, and every pair was compared), on arrays.
        # Only figures of two sources can agree: the many figures of one long document are never
        # compared with each other (issue 13).
        # Figures are named by their place in the bucket.
        src = [q.sources[0] for q in qs]
        kind = [kinds.setdefault((thing_key(q), figure_key(q)), len(kinds)) for q in qs]
        by_low = sorted(range(len(qs)), key=lambda r: (qs[r].low, qs[r].high, r))
        if len(set(src)) < 2:
            continue
        lows = [qs[r].low for r in by_low]
        reach = [qs[r].high + abs(qs[r].high) * 0.25 + 1e-9 for r in by_low]
        # Each figure takes its partners' sources in the order of their places in the bucket
        # (the order the agreeing pairs, sorted, gave them: a figure's list grows by its own
        # pairs only).
        told: set = set()
        q = None
        for r, p in zip(*_agreeing_pairs(qs, src, kind, by_low, lows, reach, alike), strict=True):
            if qs[r] is not q:
                q = qs[r]
                told = set(q.sources)
            other = src[p]
            if other not in told:
                q.sources.append(other)
                told.add(other)


def _agreeing_pairs(qs: list[Quantity], src: list, kind: list[int], by_low: list[int],
                    lows: list[float], reach: list[float], alike: dict) -> tuple[list, list]:
    """The figures of a bucket that agree with one of another source (`_counterparts`), as two
    lists of places (each such pair both ways, by the first place, then the second): figures
    whose ranges come within a quarter of each other (a figure meets the later ones, by the low
    end, up to its reach), of the same thing and in agreement (`alike`, asked once per pair of
    kinds, of the first such pair met)."""
    import numpy as np

    at = np.array(by_low, dtype=np.int64)
    n = len(at)
    end = np.searchsorted(np.array(lows, dtype=np.float64), np.array(reach, dtype=np.float64),
                          side="right")
    counts = np.maximum(end - np.arange(1, n + 1), 0)
    total = int(counts.sum())
    if total == 0:
        return [], []
    first = np.repeat(np.arange(n, dtype=np.int64), counts)
    ends = np.cumsum(counts)
    second = np.repeat(np.arange(1, n + 1, dtype=np.int64) - (ends - counts), counts) + \
        np.arange(total, dtype=np.int64)
    ra, rb = at[first], at[second]
    source = {s: i for i, s in enumerate(dict.fromkeys(src))}
    src_id = np.array([source[s] for s in src], dtype=np.int64)
    other = src_id[ra] != src_id[rb]
    ra, rb = ra[other], rb[other]
    lo, hi = np.minimum(ra, rb), np.maximum(ra, rb)
    kinds = np.array(kind, dtype=np.int64)
    code = kinds[lo] * (int(kinds.max()) + 1) + kinds[hi]
    codes, where, inverse = np.unique(code, return_index=True, return_inverse=True)
    same = np.zeros(len(codes), dtype=bool)
    for c, w in enumerate(where.tolist()):
        x, y = int(lo[w]), int(hi[w])
        key = (kind[x], kind[y])
        ok = alike.get(key)
        if ok is None:
            ok = alike[key] = N.same_thing(qs[x], qs[y]) and N.compare(qs[x], qs[y]) is None
        same[c] = ok
    keep = same[inverse.ravel()]
    x = np.concatenate([lo[keep], hi[keep]])
    y = np.concatenate([hi[keep], lo[keep]])
    order = np.lexsort((y, x))
    return x[order].tolist(), y[order].tolist()

