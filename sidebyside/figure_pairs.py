"""Which two figures of two sources are one quantity (issue 14, "Pairing").

Pairwise, never by transitive bags: two figures pair only when they count the same thing (the
number reader's `same_thing`, or people in other words), in the same scope, near enough in value,
with something said right by both about what they are of; in sentences that are not linked, only
when they also share the counted noun and words about the subject or event. Each admission says
why in words (`_admit`), and the detail shows it.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from . import numbers as N
from .figure_subjects import named_apart, names
from .figure_verdicts import _WORDS, _Figures, _prepare, _verdict
from .model import Quantity
from .numbers.compare import same_thing_keyed
from .numbers.lexicon import PEOPLE, group, plural
from .numbers.scope import STOP
from .numbers.words import SMALL_WORDS

MAX_NUMBER_PAIRS = 2_500  # 50 figures facing 50
DATE_SLIP = 2.0  # years: a date misreported is off by a year or two, not by decades
UNLINKED_DATE_SLIP = 1.0  # ...in sentences not linked, by a year at most, told alike ("since")
FAR = 2.0  # figures further apart than this factor are not one figure told twice
FAR_ACTED = 3.0  # ... unless both count one noun that did the same: "20,000 people marched" vs
#                  "approximately 50,000 people marched" (a crowd is misreported by that much)
HELD = 2  # close words both counts of one noun share to be told apart as much as FAR_ACTED
SURE_LINK = 0.8  # a link this likely to be the same claim needs no shared word near the figures


def _closeness(a: Quantity, b: Quantity) -> float:
    """Higher for quantities more likely to be the same figure: same unit, then closer values."""
    same_unit = 2.0 if a.unit and a.unit == b.unit else 0.0
    if a.value > 0 and b.value > 0:
        return same_unit - abs(math.log(a.value / b.value))
    return same_unit - (0.0 if a.value == b.value else 5.0)


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
    if a.kind != "date" and a.value != b.value and not (ca.other or cb.other) and \
            named_apart(ca.raw, cb.raw):
        # "Italy's economy grew 0.2%" / "Germany's economy grew 0.3%": two subjects (not "Maria
        # Ardo and five other people" / "Jan Holm and seven other people": those beside a name)
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
            and (link is not None or listed or not (kin or _told_alike(a, ca, b, cb))) \
            and not (link is not None and a.event and a.event == b.event):
        # nothing said right by both figures about what they are of (on a link, the same fate
        # said of both is: "276 people were injured" / "267 injured")
        return None
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


def _share_a_name(a: str, b: str) -> bool:
    """Do two sentences name someone or something in common ("Pelosi ... since 2002" and
    "Pelosi ... since 2003"; not "Pelosi ..." and "Schumer ...")?"""
    return bool(names(a) & names(b))


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


def _tells(qs: list[Quantity], skip: int, other: Quantity, text: str) -> int:
    """How many times a sentence gives the other figure's value, its `skip`-th figure aside: as a
    figure of the other's kind and unit (or with none), a bare number, or a number read as no
    figure in a list of places ("Five people died in Amsa, three in Tol")."""
    value = other.value
    n = sum(q.value == value and (q.kind == other.kind and (q.unit == other.unit or None in (
            q.unit, other.unit)) or q.kind == "count" and q.unit is None and other.kind != "date")
            for x, q in enumerate(qs) if x != skip)
    return n + _in_lists(text).count(value)


_LISTED = re.compile(r"(?:[,;:]\s*|\band\s+)(\d[\d,]*|[a-z]+)\s+(?:in|at)\s+[A-Z]")


@lru_cache(maxsize=16384)
def _in_lists(text: str) -> tuple[float, ...]:
    """The numbers of a list of places that count what a figure before them counts, said with
    nothing they count: "five in Amsa, three in Tol and one in Veld" (3, 1)."""
    out = []
    for m in _LISTED.finditer(text):
        w = m.group(1).lower()
        if w in SMALL_WORDS:
            out.append(float(SMALL_WORDS[w]))
        elif w[0].isdigit():
            out.append(float(w.replace(",", "")))
    return tuple(out)


def _gives_both(left: _Figures, i: int, right: _Figures, j: int) -> bool:
    """Does one sentence give both values, the other's with a figure of its own that nothing in
    the other sentence accounts for? Then they are two quantities, not one told two ways:
    "9.4 million tonnes ... to 8.1 million" / "8.1 million tonnes ... from 9.4 million"; "Five
    people died in Amsa, three in Tol" / "Three people died in Tol". ("Four people ... three
    others" / "Four people ... four others" are one quantity misreported: the second four is
    the first sentence's four people's.)"""
    a, b = left.qs[i], right.qs[j]
    ta, tb = left.ctx[i].raw, right.ctx[j].raw
    return _tells(right.qs, j, a, tb) > _tells(left.qs, i, a, ta) or \
        _tells(left.qs, i, b, ta) > _tells(right.qs, j, b, tb)


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
            if a.value != b.value and a.kind != "date" and _gives_both(left, i, right, j):
                continue  # one sentence gives both values: two quantities ("9.4 million
                #           tonnes ... to 8.1 million" / "8.1 million tonnes ... from 9.4 million")
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
