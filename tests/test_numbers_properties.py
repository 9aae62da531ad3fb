"""The quantity reader's properties (sidebyside.numbers): generated sentences, spelled numbers,
hedges and nouns, and what must hold for every one of them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidebyside.model import Quantity
from sidebyside.numbers import compare, read_quantities, same_thing

from .test_numbers import only, single

INF = math.inf


# ----------------------------------------------------------------------------------------------

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
    # an outlet's note on its own page, dated by a label before a colon or a dash
    ("Correction: December 1, 2010", []),
    ("UPDATE - May 30, 5:20 p.m.: Hours later the Secret Service issued a statement.", []),
    ("UPDATE (June 4, 2013): 12 people have now died.", ["12 people"]),
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
    ("Update: On May 30 the police arrested 3 men.", ["May 30", "3 men"]),  # a fact, after "On"
    ("It takes Neptune 165 years to orbit the Sun.", ["165 years"]),  # a name, then a count
    ("He gave Moore 15 days to remove it.", ["15 days"]),
    ("The S&P 500 index rose 12 points.", ["12 points"]),  # so is the index
    ("It runs on the Itanium 2 processor and MySQL 4.0 software.", []),  # models' names
    ("In Texas 1 person died.", ["1 person"]),  # after 1, the singular is grammar
    ("July 4 (Independence Day) fell on a Sunday.", ["July 4", "Sunday"]),  # no agency
    ("Banks said in a note (June 4) that 12 banks failed.", ["June 4", "12 banks"]),  # no label
    ("The update — June 4 — added 12 cases.", ["June 4", "12 cases"]),
    ("The Department of Correction on Monday freed 12 inmates.", ["Monday", "12 inmates"]),
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
    ("He got a bonus of just more than $2-million.", "more than $2-million", 2e6, "money"),
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


@pytest.mark.parametrize("mark", list("¹²³⁴⁰₁₂③½٣"))
def test_superscripts_and_other_digit_signs_never_break_the_reader(mark):
    """str.isdigit() is true of "¹" (a footnote's mark) but float() refuses it: "killed 12¹
    people" stopped the whole comparison with a traceback. Only decimal digits start a number."""
    for text in (f"The fire killed 12{mark} people on June 4{mark}, 2024.", f"Some {mark}40 troops.",
                 f"It rose 3.5{mark} percent to 1,2{mark}00.", f"The {mark} fell."):
        assert all(q.value == q.value for q in read_quantities(text))  # read, no exception
    assert [q.text for q in read_quantities("The fire killed 12¹ people.")] == ["12"]
