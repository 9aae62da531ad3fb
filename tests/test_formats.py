"""Real-world inputs: web pages, PDFs, Word files and messy plain text (issue 7).

Every fixture is written here, into tmp_path: one fictional story (a road bridge closed after
engineers found cracks) told by a web page, a ministry's PDF press release, a Word file, a plain
text file and a Markdown file.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sidebyside.engine import compare_folder
from sidebyside.load import Document, load_file, load_folder
from sidebyside.segment import build_source, paragraph_spans

# --- the story, five ways -----------------------------------------------------------------------

NAV = ["Home", "News", "Sport", "Weather", "Puzzles and crosswords"]
COOKIE = "We use cookies to improve your experience on our website. Accept all cookies or manage your preferences."
RELATED = [
    "Ferry timetable changes announced for the summer season",
    "Council approves new cycling lanes along the harbour wall",
]
COMMENTS = [
    "Typical! This bridge has been falling apart for years and nobody ever listened to residents.",
    "My grandmother walked across it on the day it opened, back in 1958.",
]
HTML_TITLE = "Ardle bridge shut after cracks found in piers"
HTML_FACT = (
    "The Ardle road bridge was closed on Tuesday after engineers found cracks in two of its "
    "supporting piers, the Ministry of Roads said."
)


def html_page() -> str:
    nav = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in NAV)
    related = "".join(f'<li><a href="/story/{i}">{t}</a></li>' for i, t in enumerate(RELATED))
    comments = "".join(
        f'<div class="comment"><span class="author">reader{i}</span><p>{c}</p></div>'
        for i, c in enumerate(COMMENTS)
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{HTML_TITLE} | The Valley Courier</title>
<meta name="author" content="Marta Quill">
<meta property="og:title" content="{HTML_TITLE}">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
</head><body>
<header><nav class="main-nav"><ul>{nav}</ul></nav></header>
<div id="cookie-banner" class="cookie-consent"><p>{COOKIE}</p><button>Accept</button></div>
<main><article>
<h1>{HTML_TITLE}</h1>
<p class="byline">By Marta Quill, Transport Correspondent</p>
<p>{HTML_FACT}</p>
<p>About 14,000 vehicles cross the bridge every day. Traffic is being diverted through the town
of Penmarrow, which adds around twenty minutes to the journey.</p>
<h2>Six weeks of checks</h2>
<p>The bridge will remain closed until engineers have completed a full survey of the piers,
which is expected to take at least six weeks.</p>
<p>Repairs are expected to cost some 3.2&nbsp;million euros, a ministry spokesman said.</p>
<p>Shop owners in Penmarrow said they feared losing customers during the spring market, when
the town usually draws visitors from across the valley.</p>
</article>
<aside class="related-stories"><h3>Related stories</h3><ul>{related}</ul></aside>
<section id="comments" class="comments"><h3>Comments (2)</h3>{comments}</section>
</main>
<footer><p>&copy; 2024 The Valley Courier. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
</body></html>
"""


FOOTER = "Ministry of Roads \u2014 Press Office \u2014 Page {n}"
PDF_TITLE = "Ardle bridge closed for safety checks"
# Each page: paragraphs, each a list of lines as they are set. The last paragraph of page 1
# runs on to page 2 in mid-sentence; a word is hyphenated across a line break.
PDF_PAGES = [
    [
        [PDF_TITLE],
        [
            "The Ardle road bridge was closed on Tuesday after engineers found cracks in",
            "two of its supporting piers, the Ministry of Roads said.",
        ],
        [
            "About 14,000 vehicles cross the bridge every day. Drivers are asked to follow",
            "the signed diversion through the town of Penmarrow.",
        ],
        [
            "The ministry has also asked its engineering office to inspect the infra-",
            "structure of every river crossing in the district before the summer.",
        ],
        [
            "The bridge will remain closed until the engineers have completed a full",
        ],
    ],
    [
        [
            "survey of the piers, which is expected to take at least six weeks.",
        ],
        [
            "Repairs are expected to cost 3.2 million euros, a ministry spokesman said.",
        ],
        [
            "Enquiries from the press are answered by the press office on weekdays.",
        ],
    ],
]
CROSS_PAGE = (
    "The bridge will remain closed until the engineers have completed a full survey of the "
    "piers, which is expected to take at least six weeks."
)


def write_pdf(path: Path, pages=PDF_PAGES, footer: str | None = FOOTER, title: str = PDF_TITLE):
    import fpdf
    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_auto_page_break(False)
    if title:
        pdf.set_title(title)
    for n, paragraphs in enumerate(pages, start=1):
        pdf.add_page()
        y = 80.0
        for p_i, lines in enumerate(paragraphs):
            big = n == 1 and p_i == 0
            pdf.set_font("Helvetica", "B" if big else "", 16 if big else 11)
            for line in lines:
                pdf.text(60, y, line)
                y += 22 if big else 15
            y += 9  # the gap between paragraphs
        if footer:
            pdf.set_font("Helvetica", "", 8)
            pdf.text(200, 810, footer.format(n=n))
    pdf.output(str(path))


def write_scanned_pdf(path: Path):
    import fpdf
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a picture of text has no text layer
    pdf.output(str(path))


DOCX_TITLE = "Ardle bridge closed after engineers spot cracks"


def write_docx(path: Path, core_title: str | None = DOCX_TITLE):
    import docx
    d = docx.Document()
    if core_title is not None:
        d.core_properties.title = core_title
    d.core_properties.author = "Northern Wire"
    d.add_paragraph(DOCX_TITLE, style="Title")
    d.add_paragraph(
        "Engineers found cracks in two supporting piers of the Ardle road bridge, which the "
        "Ministry of Roads closed on Tuesday."
    )
    d.add_paragraph(
        "Some 14,000 vehicles a day use the bridge, and traffic now goes through Penmarrow."
    )
    d.add_paragraph("What happens next", style="Heading 1")
    d.add_paragraph("A survey of the piers lasting about six weeks", style="List Bullet")
    d.add_paragraph("Repairs costing an estimated 3.2 million euros", style="List Bullet")
    d.add_paragraph("")
    d.add_paragraph("Northern Wire could not reach the bridge's builder for comment.")
    d.save(str(path))


TXT_STORY = (
    "Bridge closed in Ardle\r\n"
    "\r\n"
    "The Ardle road bridge was closed on Tuesday after engineers found cracks in two of\r\n"
    "its supporting piers, the Ministry of Roads said.\r\n"
    "\r\n"
    "About 14,000 vehicles cross the bridge every day, and drivers now face a diversion\r\n"
    "through Penmarrow.\r\n"
    "\r\n"
    "Repairs are expected to cost 3.2 million euros.\r\n"
)

MD_STORY = """# Cracks close the **Ardle** bridge

The [Ministry of Roads](https://example.org/roads) closed the Ardle road bridge on Tuesday after
engineers found *cracks* in two of its supporting piers.

- About 14,000 vehicles a day are diverted through Penmarrow.
- The survey of the piers is expected to take at least six weeks.

Repairs are put at some __3.2 million euros__.
"""


def sentences_of(comparison, source_id: str) -> list[str]:
    return [s.text for s in comparison.source(source_id).sentences]


def assert_nothing_lost(src) -> None:
    """Every letter and digit of the source's text lies in exactly one sentence span."""
    covered = [0] * len(src.text)
    for s in src.sentences:
        for i in range(s.start, s.end):
            covered[i] += 1
    for i, ch in enumerate(src.text):
        if re.match(r"\w", ch):
            assert covered[i] == 1, (src.id, i, src.text[max(0, i - 30) : i + 30])
        assert covered[i] <= 1


def linked(a, b) -> bool:
    return any(link.to == b.id for link in a.links) and any(link.to == a.id for link in b.links)


def find(comparison, source_id: str, fragment: str):
    hits = [s for s in comparison.source(source_id).sentences if fragment in s.text]
    assert hits, (fragment, sentences_of(comparison, source_id))
    return hits[0]


# --- HTML -------------------------------------------------------------------------------------------


def test_html_article_only_becomes_sentences(tmp_path):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    (tmp_path / "courier.html").write_text(html_page(), encoding="utf-8")
    (tmp_path / "post.txt").write_text(TXT_STORY, encoding="utf-8", newline="")
    c = compare_folder(tmp_path)
    assert [s.file for s in c.sources] == ["courier.html", "post.txt"]
    src = c.source("courier")
    texts = sentences_of(c, "courier")
    everything = " ".join(s.text for s in c.all_sentences())
    for junk in [*RELATED, *COMMENTS, COOKIE, "Accept all cookies", "Puzzles and crosswords",
                 "Privacy policy", "Related stories", "Comments"]:
        assert junk not in everything, junk
    assert HTML_FACT in texts
    assert "Repairs are expected to cost some 3.2 million euros, a ministry spokesman said." in texts
    assert src.title == HTML_TITLE
    # Offsets index the extracted text, whose paragraphs are separated by blank lines.
    for s in src.sentences:
        assert s.text == " ".join(src.text[s.start : s.end].split()).lstrip("# ")
    assert "\n\n" in src.text and "\n\n\n" not in src.text
    assert_nothing_lost(src)
    # The same fact, told by the text file, is linked.
    assert linked(find(c, "courier", "cracks in two"), find(c, "post", "cracks in two"))


def test_html_metadata_is_kept_out_of_the_text(tmp_path):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    path = tmp_path / "courier.htm"
    path.write_text(html_page(), encoding="utf-8")
    doc = load_file(path, path.name)
    assert isinstance(doc, Document), doc
    assert doc.title == HTML_TITLE
    assert doc.meta.get("byline") == "Marta Quill"
    assert doc.meta.get("date") == "2024-03-05"
    assert doc.encoding == "html"
    paragraphs = [doc.text[a:b] for a, b in paragraph_spans(doc.text)]
    assert paragraphs[0] == f"# {HTML_TITLE}"
    assert "## Six weeks of checks" in paragraphs
    # A paragraph hard-wrapped in the page's source is one line of extracted text.
    assert any(p.startswith("About 14,000") and p.endswith("the journey.") for p in paragraphs)


def test_html_page_without_an_article_is_skipped(tmp_path):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    skipped = load_file(path, path.name)
    assert not isinstance(skipped, Document)
    assert "no article text" in skipped.reason


@pytest.mark.parametrize(("body", "why"), [
    ("<p>You need to enable JavaScript to run this app.</p>", "JavaScript"),
    ("<h1>Not Found</h1><p>The requested URL was not found on this server.</p>", "not found"),
    ("<p>We and our 842 partners store and/or access information on a device, such as cookies, "
     "and process personal data for personalised ads and content.</p><p>Accept all. Reject all. "
     "Manage preferences for each purpose.</p>", "cookie consent"),
])
def test_a_saved_page_with_only_a_notice_is_skipped_and_says_why(tmp_path, body, why):
    """A consent wall, an app shell or a "not found" page holds no article: skipped with the
    reason, never compared as a source whose notice is a unique claim."""
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    path = tmp_path / "page.html"
    path.write_text(f"<html><head><title>Ardley Times</title></head><body>{body}</body></html>")
    skipped = load_file(path, path.name)
    assert not isinstance(skipped, Document)
    assert "no article in the page" in skipped.reason and why in skipped.reason


# --- PDF --------------------------------------------------------------------------------------------


def test_pdf_footer_is_boilerplate_and_a_sentence_runs_across_the_page_break(tmp_path):
    import pypdf  # noqa: F401 - [test] installs it: fail, never skip
    write_pdf(tmp_path / "ministry.pdf")
    (tmp_path / "post.txt").write_text(TXT_STORY, encoding="utf-8", newline="")
    c = compare_folder(tmp_path)
    src = c.source("ministry")
    assert src.title == PDF_TITLE
    by_text = {s.text: s for s in src.sentences}
    for n in (1, 2):
        footer = FOOTER.format(n=n)
        assert footer in src.text  # kept in the text...
        assert by_text[footer].status == "boilerplate"  # ...and flagged
    assert CROSS_PAGE in by_text, list(by_text)
    assert by_text[CROSS_PAGE].status != "boilerplate"
    assert "inspect the infrastructure of every river crossing" in src.text
    # Paragraphs come out separated by blank lines, lines joined.
    paragraphs = [src.text[p.start : p.end] for p in src.paragraphs]
    assert paragraphs[0] == PDF_TITLE
    assert paragraphs[1] == HTML_FACT
    assert all("\n" not in p for p in paragraphs)
    # No other sentence is boilerplate; the footers are never findings.
    flagged = {s.text for s in src.sentences if s.status == "boilerplate"}
    assert flagged == {FOOTER.format(n=1), FOOTER.format(n=2)}
    assert_nothing_lost(src)
    assert linked(find(c, "ministry", "cracks in two"), find(c, "post", "cracks in two"))


def test_pdf_reader_details(tmp_path):
    import pypdf  # noqa: F401 - [test] installs it: fail, never skip
    path = tmp_path / "release.pdf"
    write_pdf(path, title="")
    doc = load_file(path, path.name)
    assert isinstance(doc, Document), doc
    assert doc.title == PDF_TITLE  # no metadata title: the first page's larger type
    assert doc.meta["pages"] == "2"
    assert [doc.text[a:b] for a, b in doc.boilerplate_spans] == [
        FOOTER.format(n=1),
        FOOTER.format(n=2),
    ]
    src = build_source(doc, "release")
    assert src.title == PDF_TITLE


def test_pdf_header_repeated_with_page_numbers_is_flagged(tmp_path):
    import pypdf  # noqa: F401 - [test] installs it: fail, never skip
    pages = [
        [["Ardle Bridge Briefing, page 1 of 2"], ["The bridge was closed on Tuesday."]],
        [["Ardle Bridge Briefing, page 2 of 2"], ["Repairs will take six weeks."]],
    ]
    path = tmp_path / "brief.pdf"
    write_pdf(path, pages=pages, footer=None, title="")
    doc = load_file(path, path.name)
    assert [doc.text[a:b] for a, b in doc.boilerplate_spans] == [
        "Ardle Bridge Briefing, page 1 of 2",
        "Ardle Bridge Briefing, page 2 of 2",
    ]
    assert doc.title == ""  # no metadata title and no larger type: the engine's rule decides
    assert doc.text.split("\n\n") == [
        "Ardle Bridge Briefing, page 1 of 2",
        "The bridge was closed on Tuesday.",
        "Ardle Bridge Briefing, page 2 of 2",
        "Repairs will take six weeks.",
    ]


def test_pdf_list_items_and_hyphenated_compounds(tmp_path):
    import pypdf  # noqa: F401 - [test] installs it: fail, never skip
    pages = [
        [
            ["The ministry listed the work planned on the well-known crossing:"],
            [
                "\u2022 a survey of the piers by engineers from the district office, which will",
                "take six weeks",
                "\u2022 repairs to the deck and the railings of the bridge",
                "\u2022 a new weight limit for lorries on the well-",
                "known crossing and on the approach roads",
            ],
        ]
    ]
    path = tmp_path / "work.pdf"
    write_pdf(path, pages=pages, footer=None, title="")
    doc = load_file(path, path.name)
    assert doc.text.split("\n\n") == [
        "The ministry listed the work planned on the well-known crossing:",
        "\u2022 a survey of the piers by engineers from the district office, which will take six weeks",
        "\u2022 repairs to the deck and the railings of the bridge",
        "\u2022 a new weight limit for lorries on the well-known crossing and on the approach roads",
    ]


def test_scanned_pdf_is_skipped(tmp_path):
    import pypdf  # noqa: F401 - [test] installs it: fail, never skip
    path = tmp_path / "scan.pdf"
    write_scanned_pdf(path)
    skipped = load_file(path, path.name)
    assert not isinstance(skipped, Document)
    assert skipped.reason == "no text layer (scanned PDF?)"


def test_broken_pdf_is_skipped(tmp_path):
    import pypdf  # noqa: F401 - [test] installs it: fail, never skip
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n this is not really a pdf \n%%EOF")
    skipped = load_file(path, path.name)
    assert not isinstance(skipped, Document)
    assert skipped.reason.startswith("damaged or incomplete PDF")


@pytest.mark.parametrize(("name", "data", "said"), [
    ("page.pdf", b"<!DOCTYPE html><html><body><p>A story.</p></body></html>", "not a PDF (it is a web page)"),
    ("notes.pdf", b"Just some notes typed by hand.\n", "not a PDF (it is plain text)"),
    ("notes.docx", b"Just some notes typed by hand.\n", "not a Word file (it is plain text)"),
    ("report.docx", b"%PDF-1.4\n%%EOF", "not a Word file (it is a PDF)"),
])
def test_a_file_that_is_not_what_its_name_says_is_skipped_and_says_what_it_is(tmp_path, name, data, said):
    """A journalist's reason, not a library's error name ("unreadable PDF (PdfStreamError)")."""
    import docx  # noqa: F401 - [test] installs it: fail, never skip
    import pypdf  # noqa: F401
    path = tmp_path / name
    path.write_bytes(data)
    skipped = load_file(path, path.name)
    assert not isinstance(skipped, Document)
    assert skipped.reason == said


# --- Word -------------------------------------------------------------------------------------------


def test_docx_paragraphs_title_and_lists(tmp_path):
    import docx  # noqa: F401 - [test] installs it: fail, never skip
    path = tmp_path / "wire.docx"
    write_docx(path)
    doc = load_file(path, path.name)
    assert isinstance(doc, Document), doc
    assert doc.title == DOCX_TITLE
    assert doc.meta["byline"] == "Northern Wire"
    assert doc.text.split("\n\n") == [
        f"# {DOCX_TITLE}",
        "Engineers found cracks in two supporting piers of the Ardle road bridge, which the "
        "Ministry of Roads closed on Tuesday.",
        "Some 14,000 vehicles a day use the bridge, and traffic now goes through Penmarrow.",
        "# What happens next",
        "- A survey of the piers lasting about six weeks",
        "- Repairs costing an estimated 3.2 million euros",
        "Northern Wire could not reach the bridge's builder for comment.",
    ]
    src = build_source(doc, "wire")
    assert src.title == DOCX_TITLE
    assert src.sentences[0].text == DOCX_TITLE and src.paragraphs[0].heading  # never a claim
    assert_nothing_lost(src)


def test_docx_title_from_the_first_title_paragraph(tmp_path):
    import docx  # noqa: F401 - [test] installs it: fail, never skip
    path = tmp_path / "wire.docx"
    write_docx(path, core_title="")
    doc = load_file(path, path.name)
    assert doc.title == DOCX_TITLE


def test_docx_tables_are_read_row_by_row(tmp_path):
    import docx
    d = docx.Document()
    d.add_paragraph("Bridge closures in the district this year, by the ministry's count.")
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate([("Bridge", "Weeks closed"), ("Ardle", "6")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("The count is updated every month.")
    path = tmp_path / "table.docx"
    d.save(str(path))
    doc = load_file(path, path.name)
    assert doc.text.split("\n\n") == [
        "Bridge closures in the district this year, by the ministry's count.",
        "Bridge; Weeks closed",
        "Ardle; 6",
        "The count is updated every month.",
    ]


_WORD_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml"')


@pytest.mark.parametrize(("xml", "read"), [
    # a tracked change: the insertion is shown, the deletion is not
    ('<w:p {ns}><w:r><w:t xml:space="preserve">Officials said </w:t></w:r><w:del w:id="1" '
     'w:author="A"><w:r><w:delText>four </w:delText></w:r></w:del><w:ins w:id="2" w:author="A">'
     '<w:r><w:t xml:space="preserve">three </w:t></w:r></w:ins><w:r><w:t>guests died.</w:t></w:r>'
     '</w:p>', "Officials said three guests died."),
    ('<w:p {ns}><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>All 186 guests were evacuated.</w:t></w:r>'
     '</w:sdtContent></w:sdt></w:p>', "All 186 guests were evacuated."),
    ('<w:sdt {ns}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Nineteen have since been discharged.'
     '</w:t></w:r></w:p></w:sdtContent></w:sdt>', "Nineteen have since been discharged."),
    ('<w:p {ns}><w:r><w:t xml:space="preserve">Residents within </w:t></w:r><w:smartTag w:uri="u" '
     'w:element="m"><w:r><w:t>1 kilometre</w:t></w:r></w:smartTag><w:r><w:t xml:space="preserve"> '
     'were told to stay inside.</w:t></w:r></w:p>', "Residents within 1 kilometre were told to stay inside."),
    ('<w:p {ns}><w:r><w:t>See the box.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
     '<w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>Production is suspended.</w:t></w:r></w:p>'
     '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>'
     '<w:txbxContent><w:p><w:r><w:t>Production is suspended.</w:t></w:r></w:p></w:txbxContent>'
     '</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>',
     "See the box.\n\nProduction is suspended."),
])
def test_docx_text_word_shows_is_read(xml, read):
    """Text Word shows inside tracked insertions, content controls, smart tags and text boxes
    was dropped without a word (a sweep of Word files: a death toll, a lead paragraph)."""
    import docx
    from docx.oxml import parse_xml

    from sidebyside.formats_word import read_docx

    d = docx.Document()
    d.add_paragraph("The council met on Tuesday.")
    d.element.body.insert(len(d.element.body) - 1, parse_xml(xml.format(ns=_WORD_NS)))
    buf = io.BytesIO()
    d.save(buf)
    assert read_docx(buf.getvalue()).text == "The council met on Tuesday.\n\n" + read


def test_broken_docx_is_skipped(tmp_path):
    import docx  # noqa: F401 - [test] installs it: fail, never skip
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not a real zip")
    skipped = load_file(path, path.name)
    assert not isinstance(skipped, Document)
    assert skipped.reason.startswith("damaged or incomplete Word file")


# --- all formats in one folder ----------------------------------------------------------------------


def write_all(folder: Path) -> None:
    (folder / "courier.html").write_text(html_page(), encoding="utf-8")
    write_pdf(folder / "ministry.pdf")
    write_docx(folder / "wire.docx")
    (folder / "post.txt").write_text(TXT_STORY, encoding="utf-8", newline="")
    (folder / "notes.md").write_text(MD_STORY, encoding="utf-8")


def test_mixed_folder_is_one_cluster(tmp_path):
    # [test] installs these: fail, never skip.
    import docx  # noqa: F401
    import pypdf  # noqa: F401
    import trafilatura  # noqa: F401

    write_all(tmp_path)
    before = {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    c = compare_folder(tmp_path)
    after = {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    assert before == after  # nothing is written into the compared folder
    assert c.skipped == []
    assert {s.id for s in c.sources} == {"courier", "ministry", "notes", "post", "wire"}
    for src in c.sources:
        assert_nothing_lost(src)
        shared = [s for s in src.sentences if s.status == "shared"]
        assert len(shared) >= 2, (src.id, [(s.text, s.status) for s in src.sentences])
        assert not any(p.reason == "off-topic" for p in src.paragraphs), src.id
    # A fact stated in the web page and in the PDF is linked.
    assert linked(find(c, "courier", "cracks in two"), find(c, "ministry", "cracks in two"))
    assert linked(find(c, "courier", "full survey"), find(c, "ministry", "full survey"))
    titles = {s.id: s.title for s in c.sources}
    assert titles["courier"] == HTML_TITLE
    assert titles["ministry"] == PDF_TITLE
    assert titles["wire"] == DOCX_TITLE
    assert titles["notes"] == "Cracks close the Ardle bridge"
    assert titles["post"] == "Bridge closed in Ardle"


def test_mixed_folder_report_from_the_command_line(tmp_path):
    # [test] installs these: fail, never skip.
    import docx  # noqa: F401
    import pypdf  # noqa: F401
    import trafilatura  # noqa: F401

    write_all(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "sidebyside", str(tmp_path), "--report", "json"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["sources"]) == 5
    for s in report["sentences"]:
        assert s["start"] < s["end"]


# --- optional extras missing --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "file", "extra", "kind"),
    [
        ("pypdf", "a.pdf", "pdf", "PDF"),
        ("trafilatura", "a.html", "html", "HTML"),
        ("docx", "a.docx", "docx", "Word"),
    ],
)
def test_missing_extra_skips_the_file_naming_the_extra(tmp_path, monkeypatch, module, file, extra, kind):
    monkeypatch.setitem(sys.modules, module, None)  # `import module` now raises ImportError
    (tmp_path / file).write_bytes(b"%PDF-1.4 <html><p>Some text here.</p></html>")
    (tmp_path / "a.txt").write_text("The bridge was closed on Tuesday.")
    docs, skipped = load_folder(tmp_path)
    assert [d.file for d in docs] == ["a.txt"]
    assert [(s.file, s.reason) for s in skipped] == [
        (file, f'{kind} support is not installed (pip install "sidebyside[{extra}]")')
    ]


def test_installed_but_broken_extra_says_broken_with_the_reason(tmp_path, monkeypatch):
    # trafilatura is installed ([test]) but its import fails, as it did when lxml split out its
    # html-clean part: the file is skipped as "broken", with the reason, never "not installed".
    import builtins

    real_import = builtins.__import__

    def failing(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    monkeypatch.setattr(builtins, "__import__", failing)
    (tmp_path / "a.html").write_bytes(b"<html><p>Some text here.</p></html>")
    (tmp_path / "a.txt").write_text("The bridge was closed on Tuesday.")
    docs, skipped = load_folder(tmp_path)
    assert [d.file for d in docs] == ["a.txt"]
    assert [(s.file, s.reason) for s in skipped] == [
        ("a.html", "HTML support is broken: lxml.html.clean module is now a separate project "
         "lxml_html_clean")
    ]


def test_parsers_are_imported_only_when_needed(tmp_path):
    (tmp_path / "a.txt").write_text(TXT_STORY)
    (tmp_path / "b.md").write_text(MD_STORY)
    code = (
        "import sys\n"
        "from sidebyside.cli import main\n"
        "import io, contextlib\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main([{str(tmp_path)!r}, '--report', 'json'])\n"
        "heavy = [m for m in ('trafilatura', 'pypdf', 'docx', 'lxml') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
