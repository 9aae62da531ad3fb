"""What a quantity is (Kind), how it is hedged (Qualifier) and how two disagree (Verdict).

StrEnums: each member is its string ("count", "about", "value"), so comparisons with plain
strings, dictionary keys, f-strings and the JSON reports are unchanged.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    DATE = "date"
    DURATION = "duration"
    ORDINAL = "ordinal"
    AGE = "age"
    MEASURE = "measure"


class Qualifier(StrEnum):
    """The hedge on a figure (None, not a member, is exact) and the parts of a date."""

    ABOUT = "about"
    NEARLY = "nearly"
    OVER = "over"
    AT_LEAST = "at least"
    UNDER = "under"
    UP_TO = "up to"
    RANGE = "range"
    VAGUE = "vague"
    # dates
    EARLY = "early"
    MID = "mid"
    LATE = "late"
    BY = "by"
    BEFORE = "before"
    SINCE = "since"
    AFTER = "after"
    RELATIVE = "relative"


class Verdict(StrEnum):
    """How two figures about one thing disagree (`compare`); the model's disagreement kinds."""

    VALUE = "value"
    QUALIFIER = "qualifier"
    UNIT = "unit"
    DATE = "date"


# What a Quantity holds: the members' plain strings (the model's fields are str, and the cache
# gives back exactly the types it stored). Looking a value up here also checks it is a member.
KINDS: dict[str, str] = {k.value: k.value for k in Kind}
QUALIFIERS: dict[str | None, str | None] = {None: None, **{q.value: q.value for q in Qualifier}}
VERDICTS: dict[str | None, str | None] = {None: None, **{v.value: v.value for v in Verdict}}
