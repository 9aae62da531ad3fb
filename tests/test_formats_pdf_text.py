"""The PDF reader's text (sidebyside/formats_pdf.py): three ways a PDF's text layer turned into
wrong findings. A footnote mark set as a small raised figure ("12" + a raised "1") read as 121; a
compound broken at its hyphen at a line's end ("three-" / "week") mended into "threeweek"; a
running header that starts on page 2 glued into the sentence that runs across the page break.

Every PDF is written here with fpdf2 (the [test] extra installs it, and pypdf to read it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside.engine import compare_folder
from sidebyside.formats_pdf import _join
from sidebyside.load import Document, load_file
from sidebyside.numbers import read_quantities

BODY = 11  # the body type size, points


def write_pdf(path: Path, pages, *, header: str | None = None, footer: str | None = None) -> None:
    """Each page a list of lines, None between two paragraphs. A line is a string, or a list of
    (text, size, rise) pieces set one after another on one baseline: a piece raised by `rise`
    points (below it when negative) by moving its baseline, as most typesetters do. `header` and
    `footer` (with {n} for the page number) go on pages 2 on, in small type."""
    import fpdf

    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    for n, lines in enumerate(pages, start=1):
        pdf.add_page()
        if header and n > 1:
            pdf.set_font("Helvetica", "", 8)
            pdf.text(60, 50, header.format(n=n))
        y = 90.0
        for line in lines:
            if line is None:
                y += 9
                continue
            x = 60.0
            for text, size, rise in [(line, BODY, 0)] if isinstance(line, str) else line:
                pdf.set_font("Helvetica", "", size)
                pdf.text(x, y - rise, text)  # fpdf's y runs down the page
                x += pdf.get_string_width(text)
            y += 15
        if footer and n > 1:
            pdf.set_font("Helvetica", "", 8)
            pdf.text(260, 810, footer.format(n=n))
    pdf.output(str(path))


def read(path: Path) -> Document:
    import pypdf  # noqa: F401 - [test] installs it: fail, never skip
    doc = load_file(path, path.name)
    assert isinstance(doc, Document), doc
    return doc


def paragraphs(doc: Document) -> list[str]:
    return doc.text.split("\n\n")


# A paragraph of three lines first: the reader learns the line spacing, so a wider gap reads as
# a new paragraph.
INTRO = [
    "Fire crews fought the blaze through the night, the county fire service said in a",
    "statement on Monday morning, and the roads into the old town stayed closed until",
    "the afternoon.",
    None,
]
INTRO_TEXT = ("Fire crews fought the blaze through the night, the county fire service said in a "
              "statement on Monday morning, and the roads into the old town stayed closed until "
              "the afternoon.")


def mark(text: str) -> tuple[str, float, float]:
    """A footnote mark: 7-point type raised 4 points, as a word processor sets it."""
    return (text, 7, 4)


# --- 1. footnote marks are not figures -------------------------------------------------------------


def test_a_raised_footnote_mark_is_not_read_into_the_figure_it_follows(tmp_path):
    path = tmp_path / "fire.pdf"
    write_pdf(path, [[
        *INTRO,
        [("The fire killed 12", BODY, 0), mark("1"), (" people in the old town on Sunday.", BODY, 0)],
        None,
        [("Officials said", BODY, 0), mark("*"), (" that 40 km", BODY, 0), mark("2"),
         (" of forest had burned by Monday.", BODY, 0)],
        None,
        [("Another 120 homes", BODY, 0), mark("2,3"), (" were evacuated.", BODY, 0)],
    ]])
    assert paragraphs(read(path)) == [
        INTRO_TEXT,
        "The fire killed 12 people in the old town on Sunday.",
        "Officials said that 40 km² of forest had burned by Monday.",  # a power, not a mark
        "Another 120 homes were evacuated.",
    ]


def test_small_type_lowered_figures_and_ordinary_numbers_are_text(tmp_path):
    path = tmp_path / "plant.pdf"
    write_pdf(path, [[
        *INTRO,
        [("The plant released 400 tonnes of CO", BODY, 0), ("2", 7, -2), (" last year.", BODY, 0)],
        None,
        "Another 121 homes were evacuated, and 12 1/2 hours later the road reopened.",
        None,
        # A caption and a footnote's own text, whole lines in small type, figures and all.
        [("Photo: 3 firefighters at the scene on Sunday, 2024.", 8, 0)],
        None,
        [("1", 7, 4), (" Figures from the county fire service, June 2024.", 8, 0)],
    ]])
    assert paragraphs(read(path)) == [
        INTRO_TEXT,
        "The plant released 400 tonnes of CO2 last year.",  # a subscript stays
        "Another 121 homes were evacuated, and 12 1/2 hours later the road reopened.",
        "Photo: 3 firefighters at the scene on Sunday, 2024.",
        "1 Figures from the county fire service, June 2024.",  # the mark starts the note
    ]


def test_a_mark_set_with_the_text_rise_operator_is_dropped_too(tmp_path):
    """fpdf2, like some producers, raises a superscript with the text rise (Ts), which pypdf
    does not report: the reader follows it."""
    import fpdf

    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.set_font("Helvetica", "", BODY)
    pdf.write(14, "The blast injured 45")
    pdf.char_vpos = "SUP"
    pdf.write(14, "3")
    pdf.char_vpos = "LINE"
    pdf.write(14, " workers at the plant, the union said.")
    pdf.ln(30)
    pdf.write(14, "Each worker breathed in CO")
    pdf.char_vpos = "SUB"
    pdf.write(14, "2")
    pdf.char_vpos = "LINE"
    pdf.write(14, " for an hour.")
    path = tmp_path / "blast.pdf"
    pdf.output(str(path))
    text = read(path).text
    assert "The blast injured 45 workers at the plant, the union said." in text
    assert "Each worker breathed in CO2 for an hour." in text  # a subscript stays


def test_a_footnote_mark_is_no_numeric_disagreement(tmp_path):
    write_pdf(tmp_path / "report.pdf", [[
        [("The fire killed 12", BODY, 0), mark("1"),
         (" people in the old town of Penmarrow on Sunday night.", BODY, 0)],
    ]])
    (tmp_path / "wire.txt").write_text(
        "The fire killed 12 people in the old town of Penmarrow on Sunday night.\n",
        encoding="utf-8",
    )
    c = compare_folder(tmp_path)
    [sentence] = [s for s in c.source("report").sentences if "killed" in s.text]
    assert [q.value for q in read_quantities(sentence.text) if q.kind == "count"] == [12.0]
    assert not c.disagreements, [d.summary() for d in c.disagreements]


# --- 2. compounds broken at their hyphen keep it ---------------------------------------------------


def test_compounds_broken_at_a_line_end_keep_their_hyphen_and_words_are_mended(tmp_path):
    path = tmp_path / "bridge.pdf"
    write_pdf(path, [[
        "The ministry announced a three-",
        "week closure of the bridge after a well-",
        "known engineer found cracks. The COVID-",
        "19 rules and the pre-",
        "election campaign delayed the govern-",
        "ment decision, an impor-",
        "tant one, said seven-",
        "teen officials on Monday.",
    ]])
    assert paragraphs(read(path)) == [
        "The ministry announced a three-week closure of the bridge after a well-known engineer "
        "found cracks. The COVID-19 rules and the pre-election campaign delayed the government "
        "decision, an important one, said seventeen officials on Monday."
    ]


@pytest.mark.parametrize(("prev", "nxt", "words", "joined"), [
    # number words and digits: a compound
    ("a three-", "week truce", set(), "a three-week truce"),
    ("a ten-", "year plan", set(), "a ten-year plan"),
    ("twenty-", "five people", set(), "twenty-five people"),
    ("a 12-", "year-old", set(), "a 12-year-old"),
    # ...unless what follows is a suffix: one word
    ("seven-", "teen people", set(), "seventeen people"),
    ("a ten-", "ant farmer", set(), "a tenant farmer"),
    # a capital or a figure after the hyphen
    ("North-", "Korean", set(), "North-Korean"),
    ("the COVID-", "19 rules", set(), "the COVID-19 rules"),
    # prefixes: before the same vowel, or a common tail
    ("the pre-", "election debate", set(), "the pre-election debate"),
    ("the co-", "operation", set(), "the co-operation"),
    ("re-", "elected", set(), "re-elected"),
    ("the ex-", "minister said", set(), "the ex-minister said"),
    ("the pre-", "war years", set(), "the pre-war years"),
    ("self-", "employed", set(), "self-employed"),
    # ...but a prefix that is also a syllable mends an ordinary word
    ("to pre-", "vent it", {"vent"}, "to prevent it"),
    ("the ex-", "change rate", {"change"}, "the exchange rate"),
    ("the re-", "port said", {"port"}, "the report said"),
    ("a short-", "age of", {"age"}, "a shortage of"),
    ("self-", "ish", set(), "selfish"),
    # a head that needs the document's word for what follows
    ("the non-", "binding vote", {"binding"}, "the non-binding vote"),
    ("the non-", "chalant", set(), "the nonchalant"),
    ("the long-", "term plan", set(), "the long-term plan"),
    # the document writes the whole word elsewhere: one word
    ("a three-", "fold rise", {"threefold"}, "a threefold rise"),
    # ordinary hyphenation
    ("the govern-", "ment said", set(), "the government said"),
    ("impor-", "tant", set(), "important"),
    ("infra-", "structure", {"structure"}, "infrastructure"),
    ("the soft\u00ad", "ware", set(), "the software"),
])
def test_join_rules(prev, nxt, words, joined):
    assert _join(prev, nxt, set(), words) == joined


def test_a_compound_written_elsewhere_keeps_its_hyphen(tmp_path):
    assert _join("the news-", "paper said", {"news-paper"}, set()) == "the news-paper said"
    assert _join("the news-", "paper said", set(), set()) == "the newspaper said"


# --- 3. a running header from page 2 on ------------------------------------------------------------

GAZETTE = "THE DAILY GAZETTE  Tuesday, June 4, 2024"


def test_a_running_header_and_footer_from_page_two_on_stay_out_of_the_sentence(tmp_path):
    path = tmp_path / "gazette.pdf"
    write_pdf(path, [
        [
            "The council met on Monday to discuss the budget for the coming year and the",
            "plans for the new bridge over the river Ardle, which will cost four million",
        ],
        [
            "euros to build and open in the spring, the mayor told reporters after the",
            "meeting. Work on the piers of the new crossing is expected to begin in",
        ],
        [
            "March, once the engineers have finished their survey of the riverbed.",
        ],
    ], header=GAZETTE, footer="Page {n} of 3")
    doc = read(path)
    assert [doc.text[a:b] for a, b in doc.boilerplate_spans] == [
        GAZETTE, "Page 2 of 3", GAZETTE, "Page 3 of 3",
    ]
    assert paragraphs(doc) == [
        "The council met on Monday to discuss the budget for the coming year and the plans for "
        "the new bridge over the river Ardle, which will cost four million euros to build and "
        "open in the spring, the mayor told reporters after the meeting. Work on the piers of "
        "the new crossing is expected to begin in March, once the engineers have finished their "
        "survey of the riverbed.",
        GAZETTE, "Page 2 of 3", GAZETTE, "Page 3 of 3",
    ]


def test_a_header_on_the_second_of_two_pages_is_not_glued_into_the_sentence(tmp_path):
    """Seen once, the header cannot be told by its repeating: set in smaller type at the top of
    the page, between two parts of one paragraph, it is set after the paragraph (as text); the
    page number is furniture on its own."""
    path = tmp_path / "gazette.pdf"
    write_pdf(path, [
        [
            "The council met on Monday to discuss the budget for the coming year and the",
            "plans for the new bridge over the river Ardle, which will cost four million",
        ],
        [
            "euros to build and open in the spring, the mayor told reporters after the",
            "meeting on Monday night.",
        ],
    ], header=GAZETTE, footer="Page {n} of 2")
    doc = read(path)
    assert [doc.text[a:b] for a, b in doc.boilerplate_spans] == ["Page 2 of 2"]
    assert paragraphs(doc) == [
        "The council met on Monday to discuss the budget for the coming year and the plans for "
        "the new bridge over the river Ardle, which will cost four million euros to build and "
        "open in the spring, the mayor told reporters after the meeting on Monday night.",
        GAZETTE,
        "Page 2 of 2",
    ]


def test_a_mark_after_millions_is_a_mark_and_an_exponent_stays(tmp_path):
    """"£5m" and a raised 2 is a footnote to five million, not square metres; "10" and a raised 6
    after a times sign is ten to the sixth."""
    path = tmp_path / "cost.pdf"
    write_pdf(path, [[
        *INTRO,
        [("The scheme cost £5m", BODY, 0), mark("2"), (" in its first year.", BODY, 0)],
        None,
        [("Each sample held 3 × 10", BODY, 0), mark("6"), (" cells, the lab said.", BODY, 0)],
    ]])
    assert paragraphs(read(path))[1:] == [
        "The scheme cost £5m in its first year.",
        "Each sample held 3 × 10⁶ cells, the lab said.",
    ]
    assert [(q.kind, q.value) for q in read_quantities("The scheme cost £5m in its first year.")
            if q.kind == "money"] == [("money", 5_000_000)]
