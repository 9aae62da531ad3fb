"""Read the quantities in an English news sentence and compare them across sources.

Public API (what the engine and the reports call; ``explain`` is for checking a rule):

- ``read_quantities(text)``: every quantity in one sentence, in order, as ``Quantity`` objects.
- ``same_thing(a, b)``: do two quantities count the same thing?
- ``compare(a, b)``: ``None`` when they agree, else ``"value"``, ``"qualifier"``, ``"unit"`` or
  ``"date"``. Symmetric.
- ``judge(a, b)``: ``compare``'s verdict with a few plain words on why ("rounded").
- ``context(q, sentence)``, ``different_scope``, ``shared_words``: what a figure is about and
  over what scope, from the words around it (module ``scope``).
- ``family(q)``, ``factor(q)``: the kind (a measure's dimension) and what one of its unit is in
  the family's base unit: figures of one family can be compared.
- ``about(quantities)``: a short label of what a group counts ("troops killed", "cost").
- ``explain(text)``: what ``read_quantities`` reads, each with the reasons it was read so, and
  the numbers it turned down with why (for checking a rule: the tests read it).

``Kind``, ``Qualifier`` and ``Verdict`` (StrEnums) name the kinds, qualifiers and verdicts; a
``Quantity`` holds, and ``compare`` returns, their plain strings (the model's fields are str and
the cache gives back exactly the types it stored).

Modules: ``kinds`` (the enums), ``words`` and ``lexicon`` (word tables), ``tokens`` (a sentence
as tokens; making a quantity), ``values`` (spelled numbers, scales, hedge intervals),
``phrases`` (hedges, counted nouns, events), ``units`` (durations, ages, measures), ``dates``,
``forms`` (ordinals, fractions, vague amounts), ``rejects`` (numbers that are not quantities),
``finish`` (the steps that read what surrounds a number), ``reader`` (the driver), ``compare``.

The reader is a hand-written tokenizer plus rules (no model, no dependency). Conventions:

Span
    ``text == sentence[start:end]`` and holds the hedge, any currency sign, the number, its scale
    and unit, and for counts the counted noun when it follows ("some 600 North Korean troops",
    "more than $2bn", "hundreds of soldiers", "by mid-2026", "last year").

Kinds
    ``count`` | ``money`` | ``percent`` | ``date`` | ``duration`` | ``ordinal`` | ``age`` |
    ``measure`` (km, tonnes, hectares, cubic metres ...).

Units (``Quantity.unit``)
    count: the counted head noun, lower case and *singular* ("troops" -> "troop", "people" ->
    "person", "casualties" -> "casualty"); for "a total deployment of 15,000" the noun left of
    "of" ("deployment"); None when no noun is found. money: ISO code in lower case ("usd",
    "eur", "gbp" ...). percent: "%" (or "pp" for percentage points). date: "date". duration:
    "second" | "minute" | "hour" | "day" | "night" | "week" | "month" | "year" | "decade" |
    "century" (as written). age: "year" (value in years). measure: a short unit name ("km",
    "mile", "tonne", "m3" ...). ordinal: the noun ranked, if any.

Qualifiers (``Quantity.qualifier``) and the interval [low, high] each one allows
    None (exact)   [v, v]
    "about"        about, some, around, roughly, approximately, (an) estimated, circa, "or so",
                   "600-odd": v +- max(10%, half the rounding step of v, at most 25%)
                   ("about 600" -> [540, 660]; "about 1,000" -> [750, 1250])
    "nearly"       nearly, almost, close to, just under/shy of: [0.9v, v) (v excluded)
    "over"         over, more than, above, upwards of, in excess of, exceeding: (v, v + step]
                   where step is one unit of v's leading digit, at most 50%
                   ("over 600" -> (600, 700], "more than 15,000" -> (15000, 22500])
    "at least"     at least, no fewer than, "or more", "600+": [v, v + step]
    "under"        under, less than, fewer than, below: [0, v)
    "up to"        up to, as many as, at most, no more than: [0, v]
    "range"        5-7, 5 to 7, between 5 and 7, two or three: [5, 7], value = midpoint
    "vague"        dozens of [24, 99], scores of [40, 199], hundreds of [200, 999], thousands of
                   [2000, 9999], tens of thousands [20000, 99999], hundreds of thousands,
                   millions, several/a few hundred ...: value = low
    Dates use their own set: None, "early", "mid", "late" (part of the period), "by" (by, until),
    "before", "since", "after", "range" (1999-2025), "relative" (last year, two years ago).
    Over a percentage the interval stops at 100.

Dates
    value is a decimal year. A plain year, month or day is its first instant (2022 -> 2022.0,
    March 2026 -> 2026 + 2/12, July 18, 2025 -> 2025 + 198/365); early/mid/late take the middle
    of that part (mid-2026 -> 2026.5, early 2027 -> 2027.1667, late 2026 -> 2026.8333).
    [low, high) is the period named (2022 -> [2022, 2023)). Relative dates count in years from
    the (unknown) publication date: last year -> -1 with [-1, 0); never compared with absolute
    dates. A date without a year (March 3) has a value below 1 (the fraction of the year).
    A 4-digit number 1800-2199 without separators is a year unless a plural noun, a unit or a
    scale word follows it ("2000 people", "1900 troops") and no date word precedes it.
    A capitalised day of the week ("on Friday", "by Thursday") is a date with unit "weekday" and
    value its place in the week (Monday 0), never in a name ("Good Friday", "the Sunday Times"),
    before a full date or in a stamp; it is compared only with another weekday of the same
    qualifier. "more than two years ago" keeps its hedge in the period it allows.

Fractions used as proportions ("two-thirds of", "half the", "one in five") are percentages
(66.67, 50, 20) whose interval is widened to the whole percents around them ([66, 67]).

Not read: times of day (4:40 a.m.), identifiers (No. 3, Article 5, F-16, COVID-19, G7), sports
scores (3-1), "one of the", bare "one"/"a" used as a pronoun or article.

``read_quantities`` also fills ``Quantity.event`` (what happened to the counted thing: "killed",
"injured", "evacuated", "deployed" ...) and ``Quantity.noun`` (what a money, percent or measure
figure is of: "cost", "population"), used by ``same_thing`` and ``about``; where they are None
the functions fall back to ``unit``.
"""

from .compare import about, compare, factor, family, judge, same_thing
from .kinds import Kind, Qualifier, Verdict
from .reader import conversion_twins, explain, read_quantities
from .scope import Context, context, different_scope, shared_words, stem

__all__ = ["read_quantities", "conversion_twins", "same_thing", "compare", "judge", "family", "factor", "about",
           "explain", "Kind", "Qualifier", "Verdict", "Context", "context", "different_scope",
           "shared_words", "stem"]
