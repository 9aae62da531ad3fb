"""The PDF reader's text (sidebyside/formats_pdf.py), more ways a PDF's text layer could turn
into wrong findings: "school-" / "age" mended into "schoolage" as if "age" were only a suffix; a
paragraph's last short line at a page's top (a web address) set apart, gluing the next paragraph
into the sentence; two raised figures after a sum read as cents ("$40" and the 17th note read as
$40.17). A header met once in the body's own type, and a retail price's raised cents ("$4⁹⁹"),
are left as they were: the rules tried for them did the harm above (a review).

Every PDF is written here with fpdf2, the news text is made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside.formats_pdf import _join
from sidebyside.numbers import read_quantities

from .test_formats_pdf_text import BODY, INTRO, INTRO_TEXT, mark, paragraphs, read, write_pdf

# --- 1. "age" after a word that heads age compounds is a word --------------------------------------

# Words the document uses whole: the heads on their own say nothing ("short" is a word, and so
# is "school": "short-" / "age" is still "shortage").
SEEN = {"school", "short", "pass", "mess", "man", "percent", "pack", "post", "foot", "us", "out"}


@pytest.mark.parametrize(("prev", "nxt", "joined"), [
    # an age compound: the hyphen stays
    ("4,000 school-", "age children", "4,000 school-age children"),
    ("working-", "age adults", "working-age adults"),
    ("the voting-", "age population", "the voting-age population"),
    ("a middle-", "aged man", "a middle-aged man"),
    ("the retirement-", "age debate", "the retirement-age debate"),
    ("an all-", "ages show", "an all-ages show"),
    ("stone-", "age tools", "stone-age tools"),
    ("primary-", "aged pupils", "primary-aged pupils"),
    # a word ending in -age: mended, whatever the head
    ("a short-", "age of nurses", "a shortage of nurses"),
    ("safe pass-", "age for ships", "safe passage for ships"),
    ("the mess-", "age said", "the message said"),
    ("to man-", "age the port", "to manage the port"),
    ("who man-", "aged the port", "who managed the port"),
    ("the dam-", "aged roof", "the damaged roof"),
    ("the percent-", "age of votes", "the percentage of votes"),
    ("the pack-", "age was", "the package was"),
    ("the post-", "age rose", "the postage rose"),
    ("the foot-", "age shows", "the footage shows"),
    ("water us-", "age fell", "water usage fell"),
    ("a power out-", "age hit", "a power outage hit"),
    ("the vill-", "age of", "the village of"),
    ("the gar-", "bage strike", "the garbage strike"),
    ("seven-", "teen people", "seventeen people"),
])
def test_age_compounds_keep_their_hyphen_and_age_words_are_mended(prev, nxt, joined):
    assert _join(prev, nxt, set(), SEEN) == joined


def test_the_document_s_own_spelling_decides_an_age_compound():
    # "schoolage" written whole elsewhere: the writer's own spelling, one word
    assert _join("the school-", "age group", set(), {"schoolage"}) == "the schoolage group"
    # "junior-age" written so elsewhere: "junior-" / "aged" keeps its hyphen too
    assert _join("junior-", "aged pupils", {"junior-age"}, set()) == "junior-aged pupils"
    assert _join("junior-", "aged pupils", set(), set()) == "junioraged pupils"  # no evidence


def test_a_pdf_keeps_school_age_and_mends_shortage(tmp_path):
    path = tmp_path / "schools.pdf"
    write_pdf(path, [[
        "The closure keeps 4,000 school-",
        "age children at home, and a short-",
        "age of teachers means the school will stay shut until the working-",
        "age staff return from the strike.",
    ]])
    assert paragraphs(read(path)) == [
        "The closure keeps 4,000 school-age children at home, and a shortage of teachers means "
        "the school will stay shut until the working-age staff return from the strike."
    ]


# --- 2. a header met once, in the body's type ------------------------------------------------------

HEADER = "Politics | The Daily Example"
PAGE_ONE = [
    "The council met on Monday to discuss the budget for the coming year and the",
    "plans for the new bridge over the river Ardle, which will cost four million",
]
TEXT_ONE = ("The council met on Monday to discuss the budget for the coming year and the plans "
            "for the new bridge over the river Ardle, which will cost four million")


def write_pages(path: Path, pages: list[list[tuple[float, str]]]) -> None:
    """Each page a list of (y, text): a line in the body's type, y points from the page's top."""
    import fpdf

    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", "", BODY)
    for lines in pages:
        pdf.add_page()
        for y, text in lines:
            pdf.text(60, y, text)
    pdf.output(str(path))


def lines_from(y: float, texts: list[str]) -> list[tuple[float, str]]:
    return [(y + 15 * k, t) for k, t in enumerate(texts)]


def test_a_paragraph_s_last_short_line_at_a_page_s_top_ends_it(tmp_path):
    # A web address closing a paragraph at the top of page 2, then a wide gap and a new
    # paragraph: the address stays in its sentence, and the next paragraph is not glued into it.
    path = tmp_path / "council.pdf"
    write_pages(path, [
        lines_from(90, ["The council will hold a drop-in session on the flood plan, and residents",
                        "can read the full plan and the maps of the new barriers at"]),
        [(90, "www.ardle.gov.uk/floodplan"), *lines_from(140, [
            "Notes to editors The council is the lead local flood authority for the district",
            "and works with the water company and the national agency on every scheme that",
            "protects homes along the river.",
        ])],
    ])
    found = paragraphs(read(path))
    assert found[0].endswith("the new barriers at www.ardle.gov.uk/floodplan")
    assert found[1].startswith("Notes to editors")


def test_a_sentence_running_across_the_page_break_is_still_joined(tmp_path):
    path = tmp_path / "council.pdf"
    write_pages(path, [
        lines_from(90, PAGE_ONE),
        [
            # the sentence ends, then a new paragraph at a paragraph's gap
            *lines_from(90, ["euros to build and open in the spring, the mayor said", "on Monday."]),
            *lines_from(129, ["Work starts in March, once the engineers have finished the",
                              "survey of the riverbed."]),
        ],
    ])
    assert paragraphs(read(path)) == [
        TEXT_ONE + " euros to build and open in the spring, the mayor said on Monday.",
        "Work starts in March, once the engineers have finished the survey of the riverbed.",
    ]


def test_a_short_first_line_at_the_usual_spacing_goes_on_with_the_sentence(tmp_path):
    path = tmp_path / "council.pdf"
    write_pages(path, [
        lines_from(90, PAGE_ONE),
        lines_from(90, ["euros to build", "and open in the spring, the mayor told reporters on Monday."]),
    ])
    assert paragraphs(read(path)) == [
        TEXT_ONE + " euros to build and open in the spring, the mayor told reporters on Monday.",
    ]


def test_a_short_first_line_at_a_paragraph_s_gap_goes_on_with_the_sentence(tmp_path):
    """A short first line, no sentence end, followed by a new paragraph's gap (1.6 lines): not
    the clearly wider gap of a header. It stays in the sentence."""
    path = tmp_path / "council.pdf"
    write_pages(path, [
        lines_from(90, PAGE_ONE),
        [(90, "euros to build"), *lines_from(114, [
            "Work starts in March, once the engineers have finished the survey of the riverbed.",
            "The mayor told reporters on Monday that the bridge would open next spring.",
        ])],
    ])
    assert paragraphs(read(path))[0] == TEXT_ONE + " euros to build"


def test_a_word_broken_across_the_page_break_is_mended_not_set_apart(tmp_path):
    path = tmp_path / "council.pdf"
    write_pages(path, [
        lines_from(90, [PAGE_ONE[0], "plans for the new bridge over the river Ardle, at a cost of four mil-"]),
        [(50, "lion euros"), *lines_from(90, ["to build and open in the spring, the mayor said."])],
    ])
    assert "a cost of four million euros to build" in read(path).text


# --- 3. a price's raised cents ---------------------------------------------------------------------


def test_two_raised_figures_after_a_sum_are_a_mark_even_alone(tmp_path):
    # A page of a report whose only notes follow sums: "$40" + a raised 17 is the 17th note, not
    # $40.17. A retail price set as "$4" + a raised 99 loses its cents the same way: a figure
    # that is not on the page would be worse.
    path = tmp_path / "excerpt.pdf"
    write_pdf(path, [[
        *INTRO,
        [("Each school received $40", BODY, 0), mark("17"), (" per pupil for books, down from $95",
                                                             BODY, 0), mark("18"), (".", BODY, 0)],
    ]])
    found = paragraphs(read(path))
    assert found[1] == "Each school received $40 per pupil for books, down from $95."
    assert [q.value for q in read_quantities(found[1]) if q.kind == "money"] == [40, 95]


def test_in_a_file_with_footnote_marks_raised_figures_after_a_sum_are_marks(tmp_path):
    path = tmp_path / "report.pdf"
    write_pdf(path, [[
        *INTRO,
        [("The scheme cost $5 billion", BODY, 0), mark("12"), (" over ten years.", BODY, 0)],
        None,
        [("Each household paid $40", BODY, 0), mark("17"), (" a month, the report said.", BODY, 0)],
    ]])
    assert paragraphs(read(path))[1:] == [
        "The scheme cost $5 billion over ten years.",
        "Each household paid $40 a month, the report said.",  # the 17th note, not 40.17
    ]


@pytest.mark.parametrize(("pieces", "text"), [
    # a word glued after the figures: not cents ("$40m" and the 17th note)
    ([("Aid worth $40", BODY, 0), mark("17"), ("m arrived on Monday.", BODY, 0)],
     "Aid worth $40m arrived on Monday."),
    # a sum with decimals already, one raised figure, three: marks
    ([("Milk costs $4.50", BODY, 0), mark("12"), (" a gallon.", BODY, 0)], "Milk costs $4.50 a gallon."),
    ([("Milk costs $4", BODY, 0), mark("9"), (" a gallon.", BODY, 0)], "Milk costs $4 a gallon."),
    ([("Milk costs $4", BODY, 0), mark("123"), (" a gallon.", BODY, 0)], "Milk costs $4 a gallon."),
    # no currency sign: a count and its mark
    ([("The fire killed 40", BODY, 0), mark("17"), (" people.", BODY, 0)], "The fire killed 40 people."),
])
def test_raised_figures_that_are_no_cents_are_dropped_as_marks(tmp_path, pieces, text):
    path = tmp_path / "note.pdf"
    write_pdf(path, [[*INTRO, pieces]])
    assert paragraphs(read(path)) == [INTRO_TEXT, text]
