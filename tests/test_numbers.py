"""The quantity reader and comparator (sidebyside.numbers), on news-style sentences written here."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.model import Quantity
from sidebyside.numbers import about, compare, read_quantities, same_thing

INF = math.inf


def only(sentence: str, text: str) -> Quantity:
    """The one quantity of `sentence` whose span is exactly `text`."""
    qs = read_quantities(sentence)
    hits = [q for q in qs if q.text == text]
    assert len(hits) == 1, (sentence, [q.text for q in qs])
    q = hits[0]
    assert sentence[q.start : q.end] == q.text
    return q


def single(sentence: str) -> Quantity:
    qs = read_quantities(sentence)
    assert len(qs) == 1, (sentence, [q.text for q in qs])
    return qs[0]


# ----------------------------------------------------------------------------------------------
# Reading: (sentence, span text, value, qualifier, unit, kind)
# ----------------------------------------------------------------------------------------------

READ = [
    # hedges and counted nouns
    ("Lawmakers said some 600 North Korean troops had been killed in the fighting.",
     "some 600 North Korean troops", 600, "about", "troop", "count"),
    ("Over 600 North Korean soldiers have perished, the report said.",
     "Over 600 North Korean soldiers", 600, "over", "soldier", "count"),
    ("It comes after lawmakers said about 600 North Korean troops had been killed.",
     "about 600 North Korean troops", 600, "about", "troop", "count"),
    ("The army sent them out of a total deployment of 15,000.",
     "15,000", 15000, None, "deployment", "count"),
    ("The country has suffered about 4,700 casualties so far.",
     "about 4,700 casualties", 4700, "about", "casualty", "count"),
    ("More than 500 people were killed in four days of clashes.",
     "More than 500 people", 500, "over", "person", "count"),
    ("Police evacuated 1,200 residents from the village.",
     "1,200 residents", 1200, None, "resident", "count"),
    ("Up to 3,000 people may have died.", "Up to 3,000 people", 3000, "up to", "person", "count"),
    ("At least 11 people died in the crash.", "At least 11 people", 11, "at least", "person",
     "count"),
    ("Nearly 3,000 people were killed in the attacks.", "Nearly 3,000 people", 3000, "nearly",
     "person", "count"),
    ("As many as 10,000 people remain missing.", "As many as 10,000 people", 10000, "up to",
     "person", "count"),
    ("Fewer than 200 families returned.", "Fewer than 200 families", 200, "under", "family",
     "count"),
    ("Roughly 40 people were rescued.", "Roughly 40 people", 40, "about", "person", "count"),
    ("An estimated 2 million people fled.", "An estimated 2 million people", 2e6, "about",
     "person", "count"),
    ("The coalition was reduced to 60 seats.", "60 seats", 60, None, "seat", "count"),
    ("Some 600-odd migrants were found.", "Some 600-odd migrants", 600, "about", "migrant",
     "count"),
    ("Officials said 600 or so fighters remained.", "600 or so fighters", 600, "about", "fighter",
     "count"),
    ("Rescuers found 600+ survivors.", "600+ survivors", 600, "at least", "survivor", "count"),
    ("The 600-strong force crossed the border.", "600-strong force", 600, None, "force", "count"),
    ("Dozens of police officers were hurt.", "Dozens of police officers", 24, "vague", "officer",
     "count"),
    ("Reports say hundreds of soldiers have died.", "hundreds of soldiers", 200, "vague",
     "soldier", "count"),
    ("Thousands of people marched through the capital.", "Thousands of people", 2000, "vague",
     "person", "count"),
    ("Tens of thousands of people were displaced.", "Tens of thousands of people", 20000,
     "vague", "person", "count"),
    ("Several hundred protesters gathered outside.", "Several hundred protesters", 300, "vague",
     "protester", "count"),
    ("Between 500 and 600 people attended the funeral.", "Between 500 and 600 people", 550,
     "range", "person", "count"),
    ("Two or three people were seen leaving.", "Two or three people", 2.5, "range", "person",
     "count"),
    ("The death toll rose to 600 on Sunday.", "600", 600, None, "toll", "count"),
    ("He said one person was injured.", "one person", 1, None, "person", "count"),
    ("The attack killed six near the border.", "six", 6, None, None, "count"),
    ("Casualties reached 2000 by night.", "2000", 2000, None, "casualty", "count"),
    ("Two of the victims were children.", "Two of the victims", 2, None, "victim", "count"),
    # digits, scales and spelled-out numbers
    ("The blast injured 1.5 million people, the agency claimed.", "1.5 million people", 1.5e6,
     None, "person", "count"),
    ("The company laid off 1.2k workers.", "1.2k workers", 1200, None, "worker", "count"),
    ("More than 5m people lost power.", "More than 5m people", 5e6, "over", "person", "count"),
    ("Floods destroyed two dozen homes.", "two dozen homes", 24, None, "home", "count"),
    ("A dozen people were treated in hospital.", "A dozen people", 12, None, "person", "count"),
    ("Twenty-one people were rescued from the roof.", "Twenty-one people", 21, None, "person",
     "count"),
    ("Officials counted one hundred and five bodies.", "one hundred and five bodies", 105, None,
     "body", "count"),
    ("Fifteen thousand protesters marched on Sunday.", "Fifteen thousand protesters", 15000,
     None, "protester", "count"),
    ("Half a million people fled the city.", "Half a million people", 5e5, None, "person",
     "count"),
    ("SIX MONTHS WARFARE", "SIX MONTHS", 6, None, "month", "duration"),
    # money
    ("The dam will cost $2bn to rebuild.", "$2bn", 2e9, None, "usd", "money"),
    ("Britain pledged £3m in emergency aid.", "£3m", 3e6, None, "gbp", "money"),
    ("Repairs are estimated at 1.5 million euros.", "1.5 million euros", 1.5e6, None, "eur",
     "money"),
    ("A donor gave €40,000 to the fund.", "€40,000", 40000, None, "eur", "money"),
    ("The US$2.5 billion deal was approved.", "US$2.5 billion", 2.5e9, None, "usd", "money"),
    ("The club paid more than £150m for the striker.", "more than £150m", 1.5e8, "over", "gbp",
     "money"),
    ("The budget is $5-7bn.", "$5-7bn", 6e9, "range", "usd", "money"),
    ("It borrowed 300 million yuan.", "300 million yuan", 3e8, None, "cny", "money"),
    # percentages and proportions
    ("Inflation rose 3.2 per cent in May.", "3.2 per cent", 3.2, None, "%", "percent"),
    ("Turnout was 67.3 percent, the commission said.", "67.3 percent", 67.3, None, "%",
     "percent"),
    ("About 15% of voters stayed home.", "About 15%", 15, "about", "%", "percent"),
    ("The rate rose by 0.4 percentage points.", "0.4 percentage points", 0.4, None, "pp",
     "percent"),
    ("Prices climbed 5-7% last quarter.", "5-7%", 6, "range", "%", "percent"),
    ("Nearly two-thirds of the residents left.", "Nearly two-thirds", 200 / 3, "nearly", "%",
     "percent"),
    ("Half of the workers were sent home.", "Half", 50, None, "%", "percent"),
    ("One in five adults smokes.", "One in five", 20, None, "%", "percent"),
    # dates
    ("The bridge is expected to be completed by mid-2026.", "by mid-2026", 2026.5, "by", "date",
     "date"),
    ("The invasion began in 2022, officials recalled.", "2022", 2022, None, "date", "date"),
    ("The deal was signed during a visit last year.", "last year", -1, "relative", "date",
     "date"),
    ("Copyright 1999-2025 Example News.", "1999-2025", 1999, "range", "date", "date"),
    ("The statement was dated Friday, July 18, 2025.", "July 18, 2025", 2025 + 198 / 365, None,
     "date", "date"),
    ("The storm hit on 18 July 2025.", "18 July 2025", 2025 + 198 / 365, None, "date", "date"),
    ("Prices climbed in March 2026.", "March 2026", 2026 + 2 / 12, None, "date", "date"),
    ("The project was delayed until early 2027.", "until early 2027", 2027 + 1 / 6, "by",
     "date", "date"),
    ("Work will finish in late 2026.", "late 2026", 2026 + 5 / 6, "late", "date", "date"),
    ("It opened in the 1990s.", "1990s", 1990, None, "date", "date"),
    ("The vote happened two years ago.", "two years ago", -2, "relative", "date", "date"),
    ("Construction began in 2024-25.", "2024-25", 2024, "range", "date", "date"),
    ("The team has been unbeaten since 2020.", "since 2020", 2020, "since", "date", "date"),
    ("The 2022 elections were close.", "2022", 2022, None, "date", "date"),
    # durations, ages, ordinals
    ("Its troops improved over about six months of combat.", "about six months", 6, "about",
     "month", "duration"),
    ("After six months of participation, the unit was pulled back.", "six months", 6, None,
     "month", "duration"),
    ("He was released after three days in custody.", "three days", 3, None, "day", "duration"),
    ("The school will be closed for at least six months.", "at least six months", 6, "at least",
     "month", "duration"),
    ("He was held for over six months.", "over six months", 6, "over", "month", "duration"),
    ("Prices doubled over six months.", "six months", 6, None, "month", "duration"),
    ("The appeal took three and a half years.", "three and a half years", 3.5, None, "year",
     "duration"),
    ("A 45-year-old man was arrested.", "45-year-old", 45, None, "year", "age"),
    ("The driver, aged 62, was unhurt.", "aged 62", 62, None, "year", "age"),
    ("A woman aged about 30 was hurt.", "aged about 30", 30, "about", "year", "age"),
    ("It is the first-ever road bridge between the two countries.", "first-ever road bridge", 1,
     None, "bridge", "ordinal"),
    ("The strike entered its second week.", "second week", 2, None, "week", "ordinal"),
    ("The 21st century began badly.", "21st century", 21, None, "century", "ordinal"),
    # measures
    ("The 12-kilometre stretch remains closed.", "12-kilometre", 12, None, "km", "measure"),
    ("The reservoir held about 9 million cubic metres of water.", "about 9 million cubic metres",
     9e6, "about", "m3", "measure"),
    ("Crews removed 3,000 tonnes of silt.", "3,000 tonnes", 3000, None, "tonne", "measure"),
    ("The fire burned 300 hectares of forest.", "300 hectares", 300, None, "ha", "measure"),
    ("Winds reached 100 km/h on the coast.", "100 km/h", 100, None, "km/h", "measure"),
    ("The convoy drove 62 miles.", "62 miles", 62, None, "mile", "measure"),
    ("Temperatures reached 104°F.", "104°F", 104, None, "°f", "measure"),
]


@pytest.mark.parametrize(("sentence", "text", "value", "qualifier", "unit", "kind"), READ)
def test_read(sentence, text, value, qualifier, unit, kind):
    q = only(sentence, text)
    assert q.value == pytest.approx(value, rel=1e-3)
    assert q.qualifier == qualifier
    assert q.unit == unit
    assert q.kind == kind
    assert q.sentence == "" and q.sources == []
    assert q.low <= q.value + 1e-9 and q.value <= q.high + 1e-9


# Intervals the hedges allow: (sentence, span, low, high)
INTERVALS = [
    ("Some 600 troops were killed.", "Some 600 troops", 540, 660),
    ("About 4,700 casualties were reported.", "About 4,700 casualties", 4230, 5170),
    ("About 1,000 people were there.", "About 1,000 people", 750, 1250),
    ("Over 600 soldiers died.", "Over 600 soldiers", 600, 700),
    ("More than 15,000 troops were sent.", "More than 15,000 troops", 15000, 22500),
    ("Nearly 600 people died.", "Nearly 600 people", 540, 600),
    ("Up to 600 people died.", "Up to 600 people", 0, 600),
    ("Less than 600 people died.", "Less than 600 people", 0, 600),
    ("Between 5 and 7 people died.", "Between 5 and 7 people", 5, 7),
    ("Hundreds of people died.", "Hundreds of people", 200, 999),
    ("Thousands of people died.", "Thousands of people", 2000, 9999),
    ("Dozens of people died.", "Dozens of people", 24, 99),
    ("Two-thirds of the voters agreed.", "Two-thirds", 66, 67),
    ("More than 95% of the voters agreed.", "More than 95%", 95, 100),
    ("It will open by mid-2026.", "by mid-2026", 2026.25, 2026.75),
    ("It opened in 2022.", "2022", 2022, 2023),
    ("It will open in early 2027.", "early 2027", 2027, 2027 + 1 / 3),
    ("It opened last year.", "last year", -1, 0),
    ("The site was built in 1999-2025.", "1999-2025", 1999, 2026),
]


@pytest.mark.parametrize(("sentence", "text", "low", "high"), INTERVALS)
def test_interval(sentence, text, low, high):
    q = only(sentence, text)
    assert q.low == pytest.approx(low, rel=1e-6, abs=1e-9)
    assert q.high == pytest.approx(high, rel=1e-6, abs=1e-9)


# Sentences whose numbers are not counts (or not quantities at all).
NOT_COUNTS = [
    ("The dam collapsed at 4:40 a.m. on Tuesday.", []),
    ("The No. 3 reactor was shut.", []),
    ("Under Article 5, allies must respond.", []),
    ("COVID-19 spread quickly.", []),
    ("The F-16 jets and the G7 leaders met.", []),
    ("Rovers beat Kestrel Town 3-1 on Saturday.", []),
    ("He was one of the first to arrive.", ["ordinal"]),
    ("North Korea's leader arrived.", []),
    ("No one else was hurt.", []),
    ("The 9/11 attacks changed everything.", []),
    ("Title 42 was lifted.", []),
    ("Copyright 1999-2025 Example News.", ["date"]),
    ("The FTSE 100 fell sharply.", []),
    ("The plan was agreed in 2022 and revised last year.", ["date", "date"]),
    ("The two said they would return.", []),
    ("The bomb went off at 3.30pm near gate 4.", []),
]


@pytest.mark.parametrize(("sentence", "kinds"), NOT_COUNTS)
def test_not_counts(sentence, kinds):
    assert [q.kind for q in read_quantities(sentence)] == kinds


def test_every_quantity_of_a_sentence_in_order():
    s = ("Some 600 North Korean troops had been killed out of a total deployment of 15,000, "
         "and about 4,700 casualties were suffered over about six months by mid-2026.")
    qs = read_quantities(s)
    assert [q.text for q in qs] == [
        "Some 600 North Korean troops", "15,000", "about 4,700 casualties", "about six months",
        "by mid-2026",
    ]
    assert [q.kind for q in qs] == ["count", "count", "count", "duration", "date"]
    assert all(s[q.start : q.end] == q.text for q in qs)
    assert [q.start for q in qs] == sorted(q.start for q in qs)


def test_empty_and_numberless_sentences():
    assert read_quantities("") == []
    assert read_quantities("The minister said talks would continue.") == []


# ----------------------------------------------------------------------------------------------
# Comparing: (sentence a, span a, sentence b, span b, same_thing, compare)
# ----------------------------------------------------------------------------------------------

COMPARE = [
    # the seed claim
    ("some 600 North Korean troops had been killed", "some 600 North Korean troops",
     "over 600 North Korean soldiers have perished", "over 600 North Korean soldiers",
     True, "qualifier"),
    ("about 600 North Korean troops had been killed", "about 600 North Korean troops",
     "over 600 North Korean soldiers have perished", "over 600 North Korean soldiers",
     True, "qualifier"),
    ("some 600 North Korean troops had been killed", "some 600 North Korean troops",
     "about 600 North Korean troops had been killed", "about 600 North Korean troops",
     True, None),
    ("out of a total deployment of 15,000", "15,000",
     "over 600 North Korean soldiers have perished", "over 600 North Korean soldiers",
     False, "value"),
    ("about 4,700 casualties", "about 4,700 casualties", "4,683 casualties", "4,683 casualties",
     True, None),
    ("4,700 casualties", "4,700 casualties", "600 troops were killed", "600 troops",
     False, "value"),
    # values
    ("600 people were killed", "600 people", "500 people died", "500 people", True, "value"),
    ("15,000 troops were deployed", "15,000 troops", "12,000 soldiers were deployed",
     "12,000 soldiers", True, "value"),
    ("nearly 600 people", "nearly 600 people", "over 600 people", "over 600 people",
     True, "value"),
    ("up to 600 people", "up to 600 people", "more than 600 people", "more than 600 people",
     True, "value"),
    ("about 600 people", "about 600 people", "about 650 people", "about 650 people",
     True, "value"),
    ("over 600 people", "over 600 people", "800 people", "800 people", True, "value"),
    ("thousands of soldiers died", "thousands of soldiers", "600 soldiers died", "600 soldiers",
     True, "value"),
    ("1,200 residents were evacuated", "1,200 residents", "1,500 people were evacuated",
     "1,500 people", True, "value"),
    # hedges
    ("about 600 people", "about 600 people", "more than 600 people", "more than 600 people",
     True, "qualifier"),
    ("More than 40 people were lifted", "More than 40 people", "rescued some 40 people",
     "some 40 people", True, "qualifier"),
    ("at least 600 people", "at least 600 people", "up to 600 people", "up to 600 people",
     True, "qualifier"),
    ("between 500 and 600 people", "between 500 and 600 people", "about 550 people",
     "about 550 people", True, "qualifier"),
    # agreement
    ("about 600 people", "about 600 people", "about 620 people", "about 620 people", True, None),
    ("over 600 people", "over 600 people", "650 people", "650 people", True, None),
    ("between 500 and 600 people", "between 500 and 600 people", "550 people", "550 people",
     True, None),
    ("hundreds of soldiers died", "hundreds of soldiers", "over 600 soldiers died",
     "over 600 soldiers", True, None),
    ("two-thirds of voters", "two-thirds", "67% of voters", "67%", True, None),
    ("a dozen people", "a dozen people", "12 people", "12 people", True, None),
    ("six months", "six months", "half a year", "half a year", True, None),
    ("six months", "six months", "180 days", "180 days", True, None),
    ("100 km", "100 km", "62 miles", "62 miles", True, None),
    ("600 deaths", "600 deaths", "600 people were killed", "600 people", True, None),
    # units and scale slips
    ("1.5 million people", "1.5 million people", "150,000 people", "150,000 people",
     True, "unit"),
    ("will cost 4.5 million euros", "4.5 million euros", "at 450,000 euros", "450,000 euros",
     True, "unit"),
    ("$2bn", "$2bn", "$200m", "$200m", True, "unit"),
    ("$2bn", "$2bn", "€2bn", "€2bn", True, "unit"),
    ("100 km", "100 km", "100 miles", "100 miles", True, "unit"),
    ("rose 2%", "2%", "rose 2 percentage points", "2 percentage points", True, "unit"),
    # dates
    ("completed by mid-2026", "by mid-2026", "completed in 2027", "2027", True, "date"),
    ("until 2028", "until 2028", "until mid-2027", "until mid-2027", True, "date"),
    ("in mid-2026", "mid-2026", "in 2026", "2026", True, None),
    ("in 1958", "1958", "in 1958", "1958", True, None),
    ("last year", "last year", "this year", "this year", True, "date"),
    ("last year", "last year", "in 2024", "2024", True, None),
    ("March 10, 2026", "March 10, 2026", "March 11, 2026", "March 11, 2026", True, "date"),
    ("by 2028", "by 2028", "in 2027", "2027", True, None),
    ("the war began in 2022", "2022", "the bridge will be completed in 2027", "2027",
     False, "date"),
    ("the war began in 2022", "2022", "the war started in February 2022", "February 2022",
     True, None),
    # different things
    ("600 were killed", "600", "600 were injured", "600", False, None),
    ("600 troops", "600 troops", "600 civilians", "600 civilians", False, None),
    ("600 soldiers", "600 soldiers", "600 deaths", "600 deaths", False, None),
    ("600 people", "600 people", "600%", "600%", False, "unit"),
    ("in 2022", "2022", "2,022 people", "2,022 people", False, "date"),
]


@pytest.mark.parametrize(("sa", "ta", "sb", "tb", "same", "verdict"), COMPARE)
def test_compare(sa, ta, sb, tb, same, verdict):
    a, b = only(sa, ta), only(sb, tb)
    assert same_thing(a, b) is same
    assert same_thing(b, a) is same
    assert compare(a, b) == verdict
    assert compare(b, a) == verdict


def test_same_thing_without_private_hints():
    """Quantities built by hand (no event recorded) still match on the unit."""
    def q(v, qual, unit, kind="count"):
        return Quantity(text=str(v), start=0, end=1, value=v, low=v, high=v, qualifier=qual,
                        unit=unit, kind=kind)

    assert same_thing(q(600, "about", "troops"), q(600, "over", "soldier"))
    assert not same_thing(q(15000, None, "deployment"), q(600, "over", "soldiers"))
    assert same_thing(q(1, None, "usd", "money"), q(2, None, "eur", "money"))
    assert not same_thing(q(1, None, "usd", "money"), q(1, None, "%", "percent"))
    assert not same_thing(q(2022, None, "date", "date"), q(2022, None, None))


LABELS = [
    (["some 600 North Korean troops had been killed", "over 600 soldiers have perished"],
     "troops killed"),
    (["1,200 residents were evacuated", "1,500 residents were evacuated"], "residents evacuated"),
    (["about 4,700 casualties", "4,683 casualties"], "casualties"),
    (["will cost 4.5 million euros", "450,000 euros"], "cost"),
    (["by mid-2026", "in 2027"], "date"),
    (["expected to be completed by mid-2026", "finished in 2027"], "completion date"),
    (["about 15% of voters", "two-thirds of voters"], "voters"),
    (["six months", "180 days"], "duration"),
]


@pytest.mark.parametrize(("sentences", "label"), LABELS)
def test_about(sentences, label):
    assert about([single(s) for s in sentences]) == label


def test_about_empty():
    assert about([]) == ""


# ----------------------------------------------------------------------------------------------
# Properties
# ----------------------------------------------------------------------------------------------

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS_W = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n: int, use_and: bool = False) -> str:
    """English words for 0 <= n < 1,000,000 ("twenty-one", "one hundred and five")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        t, u = divmod(n, 10)
        return _TENS_W[t] + (f"-{_ONES[u]}" if u else "")
    if n < 1000:
        h, r = divmod(n, 100)
        head = f"{_ONES[h]} hundred"
        return head if r == 0 else f"{head} {'and ' if use_and else ''}{words(r)}"
    th, r = divmod(n, 1000)
    head = f"{words(th, use_and)} thousand"
    if r == 0:
        return head
    joiner = " and " if use_and and r < 100 else " "
    return head + joiner + words(r, use_and)


def test_words_generator():
    assert words(21) == "twenty-one"
    assert words(105, True) == "one hundred and five"
    assert words(15000) == "fifteen thousand"
    assert words(999_999) == "nine hundred ninety-nine thousand nine hundred ninety-nine"


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**9), st.booleans())
def test_digits_read_back(n, separators):
    written = f"{n:,}" if separators else str(n)
    s = f"Officials counted {written} people."
    q = single(s)
    assert q.value == n
    assert q.kind == "count" and q.unit == "person" and q.qualifier is None
    assert q.text == f"{written} people"


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 999_999), st.booleans(), st.booleans())
def test_words_read_back(n, use_and, initial):
    w = words(n, use_and)
    s = f"{w[0].upper() + w[1:]} people were counted." if initial else f"They counted {w} people."
    q = single(s)
    assert q.value == n
    assert q.unit == "person"
    assert q.text.lower() == f"{w} people"


_HEDGE = ["", "some ", "about ", "over ", "more than ", "nearly ", "at least ", "up to ",
          "under ", "an estimated ", "almost "]
_NOUN = ["troops", "soldiers", "people", "civilians", "casualties", "deaths", "homes", "euros",
         "per cent", "km", "miles", "months", "days"]
_NUMBER = st.one_of(
    st.integers(1, 2_000_000).map(lambda n: f"{n:,}"),
    st.sampled_from(["600", "650", "6,000", "1.5 million", "150,000", "two dozen", "six",
                     "hundreds of", "thousands of", "5-7", "between 500 and 600"]),
)
_PIECE = st.builds(lambda h, num, noun, verb: f"Officials said {h}{num} {noun} {verb}.",
                   st.sampled_from(_HEDGE), _NUMBER, st.sampled_from(_NOUN),
                   st.sampled_from(["were killed", "were injured", "were evacuated", "in 2024",
                                    "by mid-2026", "last year", ""]))


@settings(max_examples=400, deadline=None)
@given(_PIECE, _PIECE)
def test_compare_and_same_thing_are_symmetric(sa, sb):
    qa, qb = read_quantities(sa), read_quantities(sb)
    for a in qa:
        assert sa[a.start : a.end] == a.text
        for b in qb:
            assert compare(a, b) == compare(b, a)
            assert same_thing(a, b) == same_thing(b, a)
            assert compare(a, b) in (None, "value", "qualifier", "unit", "date")
        assert compare(a, a) is None
        assert same_thing(a, a)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,.-–$£€% abcdefmk")), max_size=40))
def test_reader_never_crashes_and_spans_are_exact(noise):
    s = f"Officials said {noise} people."
    for q in read_quantities(s):
        assert s[q.start : q.end] == q.text
        assert q.low <= q.high
        assert not math.isnan(q.value)


@settings(max_examples=300, deadline=None)
@given(st.floats(1, 1e7), st.floats(1, 1e7),
       st.sampled_from([None, "about", "over", "at least", "nearly", "under", "up to", "vague",
                        "range"]),
       st.sampled_from([None, "about", "over", "at least", "nearly", "under", "up to", "vague",
                        "range"]))
def test_compare_symmetric_on_built_quantities(x, y, qx, qy):
    def build(v, qual):
        lo, hi = (v, 2 * v) if qual in ("vague", "range") else (v * 0.9, v * 1.1)
        return Quantity(text="x", start=0, end=1, value=v, low=lo, high=hi, qualifier=qual,
                        unit="troop", kind="count")

    a, b = build(x, qx), build(y, qy)
    assert compare(a, b) == compare(b, a)


# ----------------------------------------------------------------------------------------------
# Reading rules (issue 14): designations, dates, times, datelines, page and phone numbers are
# never counted quantities. Forms as they come out of real pages (spaces in "14: 39", "a. m.").
# ----------------------------------------------------------------------------------------------

DESIGNATIONS = [
    "Troops carried M-16 rifles and flew F-16s.",
    "The Boeing 737 and the Model 3 sold well.",
    "The 737 Max jets were grounded.",
    "A 4×4 was parked outside.",
    "The men drove a large four-by-four car into the store.",
    "Tune in to AM 570 for the debate.",
    "Shares of Mitsubishi UFJ (JP:8306) fell.",
]


@pytest.mark.parametrize("sentence", DESIGNATIONS)
def test_designations_are_not_counts(sentence):
    assert [q.text for q in read_quantities(sentence)] == []


def test_the_year_of_a_short_date_is_not_a_count():
    assert [(q.text, q.kind) for q in read_quantities("The video was filmed on 3 Mar 09 near Homs.")] \
        == [("3 Mar 09", "date")]
    q = single("The video was filmed on 3 Mar 09 near Homs.")
    assert 2009 < q.value < 2009.2
    assert [q.kind for q in read_quantities("It was dated 3-Mar-09 in the files.")] == ["date"]
    # a two-digit number after a spelled-out month stays a count when a noun follows it
    assert [(q.text, q.kind) for q in read_quantities("On 3 March 12 people died.")] == [
        ("3 March", "date"), ("12 people", "count")]


NEWS_DATES = [
    ("The law took effect on 2013-06-04 after a vote.", ["date"]),
    ("The law took effect on 4.6.2013 after a vote.", []),
    ("The letter is dated 8 / 2 / 13 and signed.", []),
    ("The letter is dated 08/02/2013 and signed.", []),
    ("The 9 / 11 attacks changed everything.", []),
    ("The law took effect on June 4th, 2013, after a vote.", ["date"]),
    ("The law took effect on Tue, 4 Jun 2013, after a vote.", ["date"]),
]


@pytest.mark.parametrize(("sentence", "kinds"), NEWS_DATES)
def test_dates_in_news_forms_are_never_counts(sentence, kinds):
    assert [q.kind for q in read_quantities(sentence)] == kinds


TIMES = [
    "The blast was reported at 14:20 IST by the police.",
    "The statement came at 08:45 (GMT+03:00) on state television.",
    "The raid began at 4pm local time (UTC+8).",
    "It struck at 1420 GMT near the coast.",
    "The raid began at 4: 30 a. m. local time (11. 30 p. m. ET).",
    "The quake struck at 17:06 hours local time (13:36 GMT).",
    "Play stopped at 2: 56 before the restart.",
    "The post went up at 9: 03am AEST.",
]


@pytest.mark.parametrize("sentence", TIMES)
def test_times_and_time_zones_are_not_quantities(sentence):
    assert [q.text for q in read_quantities(sentence)] == []


DATELINES = [
    ("Published on: Tue, 4 Jun 2013 at 14:20 IST", []),
    ("12 March 2014, 08:45 (GMT+03:00)", []),
    ("Published 9: 46 PM CDT Sep 26, 2013", []),
    ("Posted: Sep 27, 2013 10: 50AM CDT", []),
    ("Updated 5 / 5 / 2010 1: 41 PM", []),
    ("Updated Thu 6 May 2010, 9: 03am AEST", []),
    ("9 September 2013 Last updated at 14: 39 GMT", []),
    ("Wednesday, 05 January 2011", []),
    ("A version of this article appeared in print on October 12, 2012, on page A16 of the "
     "New York edition.", []),
    ("WASHINGTON, June 4 (Reuters) - Six people died in the fire.", ["Six people"]),
]


@pytest.mark.parametrize(("sentence", "texts"), DATELINES)
def test_datelines_and_timestamps_are_not_read(sentence, texts):
    assert [q.text for q in read_quantities(sentence)] == texts


PAGES_AND_PHONES = [
    "The details are on pages 3-5 and in section 8.",
    "Call (555) 123-4567 for tickets.",
    "Call 555-123-4567 for tickets.",
    "The hotline is 1-800-273-8255.",
    "Readers can call +44 20 7946 0958 with tips.",
    "Tel: 020 7946 0958.",
]


@pytest.mark.parametrize("sentence", PAGES_AND_PHONES)
def test_page_section_and_phone_numbers_are_not_counts(sentence):
    assert [q.text for q in read_quantities(sentence)] == []


KEPT = [
    ("Published reports said 40 people died.", ["40 people"]),
    ("Updated figures show 3,000 homes were lost.", ["3,000 homes"]),
    ("He posted 12 videos on June 4.", ["12 videos", "June 4"]),
    ("The 2,000 troops arrived at 4 pm on June 4, 2013.", ["2,000 troops", "June 4, 2013"]),
    ("The F-16 fleet of 120 jets was grounded for 3 months.", ["120 jets", "3 months"]),
    ("The 737 jets carried 189 passengers.", ["737 jets", "189 passengers"]),
    ("Prices rose 2.5% in June 2013.", ["2.5%", "June 2013"]),
]


@pytest.mark.parametrize(("sentence", "texts"), KEPT)
def test_reading_rules_keep_real_quantities(sentence, texts):
    assert [q.text for q in read_quantities(sentence)] == texts


def test_explain_says_why_a_number_was_turned_down():
    from sidebyside.numbers import explain

    readings, rejections = explain("Some 600 troops flew F-16 jets at 14:20 GMT.")
    assert [r.quantity.text for r in readings] == ["Some 600 troops"]
    assert any("hedge" in w for w in readings[0].why)
    assert [r.text for r in rejections] == ["16", "14:20 GMT"] or len(rejections) == 2


def test_an_iso_date_is_one_date():
    q = single("The law took effect on 2013-06-04 after a vote.")
    assert (q.text, q.kind) == ("2013-06-04", "date")
    assert 2013.42 < q.value < 2013.43


# Issue 14: designations, names and one unit per spelling.
@pytest.mark.parametrize("sentence", [
    "Grimm represents the 11th District of New York.",
    "The office is on East 83rd Street near Second Avenue.",
    "He pleaded the Fifth Amendment.",
])
def test_an_ordinal_that_names_a_place_is_not_read(sentence):
    assert [q for q in read_quantities(sentence) if q.kind == "ordinal"] == []


def test_the_sept_11_hijackers_are_not_eleven_hijackers():
    qs = read_quantities("Fifteen of the 19 Sept. 11 hijackers were Saudi citizens.")
    assert ("Sept. 11", "date") in [(q.text, q.kind) for q in qs]
    assert not any(q.text.startswith("11") for q in qs)


def test_a_year_in_an_event_name_is_a_year():
    assert [(q.text, q.kind) for q in read_quantities("Ellen DeGeneres to host 2014 Oscars")] == [
        ("2014", "date")]


def test_miles_an_hour_is_mph():
    a = single("Winds reached 60 miles an hour.")
    b = single("Winds reached 60 mph.")
    assert a.unit == b.unit == "mph" and compare(a, b) is None


@pytest.mark.parametrize(("sentence", "text", "value", "kind"), [
    ("Some 20, 000 people marched through the city centre.", "Some 20, 000 people", 20_000, "count"),
    ("Roughly 1, 000, 000 homes lost power.", "Roughly 1, 000, 000 homes", 1_000_000, "count"),
    ("The club offered $160MM over eight years.", "$160MM", 160e6, "money"),
    ("The club offered $75 MM in total.", "$75 MM", 75e6, "money"),
])
def test_detokenised_thousands_and_mm_millions_are_read(sentence, text, value, kind):
    q = only(sentence, text)
    assert q.value == value and q.kind == kind


def test_a_comma_and_a_space_before_other_digits_still_separate_figures():
    assert [q.value for q in read_quantities("He scored 3, 4 and 5 points.")] == [3, 4, 5]
    assert [q.text for q in read_quantities("Of the 12, 345 were released.")] == ["12", "345"]


def test_the_verb_before_a_figure_says_what_happened_to_it():
    s = "The storm killed at least six people, injured almost 50 and flattened 300 homes."
    assert only(s, "at least six people").event == "killed"
    assert only(s, "almost 50").event == "injured"
    assert only("Officials said 600 troops were killed.", "600 troops").event == "killed"


def test_a_detokenised_decimal_before_a_scale_word_is_one_figure():
    q = only("Thieves took jewels worth over $2. 6 million from the store.", "over $2. 6 million")
    assert q.value == 2_600_000 and q.kind == "money"
    assert only("Prices rose 1. 5 percent in May.", "1. 5 percent").value == 1.5
    assert [x.value for x in read_quantities("It was 2. 6 people came.")] == [2, 6]
