"""Web archives (.mhtml/.mht, "Save as: Webpage, Single File"): the page inside is read like a
.html file.

Every archive is built here, byte by byte, as Chrome and Edge write them: a MIME multipart/related
message whose page part is quoted-printable or base64, with or without a charset, among image
and style parts. The page is the bridge story of tests/test_formats.py.
"""

from __future__ import annotations

import base64
import quopri
import re
import sys

import pytest

from sidebyside import formats_mhtml
from sidebyside.engine import compare_folder
from sidebyside.load import Document, load_file, load_folder
from tests.test_formats import (
    COMMENTS,
    COOKIE,
    HTML_FACT,
    HTML_TITLE,
    RELATED,
    TXT_STORY,
    assert_nothing_lost,
    find,
    html_page,
    linked,
)

BOUNDARY = "----MultipartBoundary--dJ3kPqM8rT2vX9wYzA1bC4eF6gH0iL5nO7sU----"
URL = "https://valleycourier.example/news/ardle-bridge-shut"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
JUNK = [*RELATED, *COMMENTS, COOKIE, "Accept all cookies", "Puzzles and crosswords",
        "Privacy policy", "Related stories"]
# Sentences a page saved in another charset holds: a curly apostrophe and a euro sign
# (windows-1252); a Polish name (ISO-8859-2, which trafilatura's own guess reads as another).
CP1252_FACT = "Repairs will cost \u20ac3.2 million, the ministry\u2019s spokesman said on Tuesday."
POLISH_FACT = "The mayor of Penmarrow, \u0141ukasz W\u00f3jcik, said the \u017c\u00f3\u0142ty signs stay up."


def part(content_type: str, body: bytes, encoding: str, location: str, extra: str = "") -> bytes:
    """One part of the archive: its headers, a blank line, the body in `encoding`."""
    if encoding == "quoted-printable":
        encoded = quopri.encodestring(body).replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    elif encoding == "base64":
        encoded = base64.encodebytes(body).replace(b"\n", b"\r\n")
    else:
        encoded = body
    head = (f"Content-Type: {content_type}\r\n{extra}Content-Transfer-Encoding: {encoding}\r\n"
            f"Content-Location: {location}\r\n\r\n")
    return head.encode("ascii") + encoded


def archive(*parts: bytes, snapshot: str | None = URL, subject: str = "Ardle bridge",
            close: bool = True) -> bytes:
    """The parts as Chrome joins them, under its headers (Snapshot-Content-Location: the page)."""
    head = "From: <Saved by Blink>\r\n"
    if snapshot:
        head += f"Snapshot-Content-Location: {snapshot}\r\n"
    head += (f"Subject: {subject}\r\nDate: Tue, 5 Mar 2024 10:12:44 -0000\r\nMIME-Version: 1.0\r\n"
             f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{BOUNDARY}"'
             "\r\n\r\n\r\n")
    out = head.encode("ascii")
    for p in parts:
        out += f"--{BOUNDARY}\r\n".encode("ascii") + p + b"\r\n"
    if close:
        out += f"--{BOUNDARY}--\r\n".encode("ascii")
    return out


def image_part(name: str = "logo.png") -> bytes:
    return part("image/png", PNG, "base64", f"https://valleycourier.example/img/{name}")


def page_part(html: str, encoding: str = "quoted-printable", charset: str | None = None,
              location: str = URL, codec: str = "utf-8") -> bytes:
    content_type = f"text/html; charset={charset}" if charset else "text/html"
    return part(content_type, html.encode(codec), encoding, location,
                extra="Content-ID: <frame-7A1C@mhtml.blink>\r\n")


def page_in(codec: str, fact: str, meta: bool = True) -> str:
    """The bridge page with `fact` added, its <meta charset> saying `codec` (or none)."""
    head = f'<meta charset="{codec}">' if meta else ""
    return html_page().replace('<meta charset="utf-8">', head).replace(
        "<p>Shop owners", f"<p>{fact}</p>\n<p>Shop owners")


def read(tmp_path, data: bytes, name: str = "courier.mhtml"):
    path = tmp_path / name
    path.write_bytes(data)
    return load_file(path, name)


def assert_the_article(doc) -> None:
    assert isinstance(doc, Document), doc
    assert HTML_FACT in doc.text
    assert doc.title == HTML_TITLE
    for junk in JUNK:
        assert junk not in doc.text, junk
    assert doc.text.startswith(f"# {HTML_TITLE}\n\n")


# --- the page inside ------------------------------------------------------------------------------


def test_quoted_printable_page_after_an_image_reads_like_the_html_file(tmp_path):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    data = archive(image_part(), page_part(html_page()), part("text/css", b"body{margin:0}",
                   "quoted-printable", "https://valleycourier.example/site.css"))
    assert b"=3D" in data  # the page is really quoted-printable
    doc = read(tmp_path, data)
    assert_the_article(doc)
    assert doc.encoding == "mhtml"
    assert doc.meta.get("byline") == "Marta Quill"
    assert doc.meta.get("date") == "2024-03-05"  # the page's date, not the day it was saved
    assert doc.meta.get("url") == URL
    # The same text as the page saved as .html.
    (tmp_path / "courier.html").write_text(html_page(), encoding="utf-8")
    as_html = load_file(tmp_path / "courier.html", "courier.html")
    assert doc.text == as_html.text


@pytest.mark.parametrize(("charset", "codec", "fact"), [
    ("windows-1252", "cp1252", CP1252_FACT),
    # Latin-1 as a label means windows-1252 in a web page (as browsers read it): byte 0x80 is €.
    ("iso-8859-1", "cp1252", CP1252_FACT),
    ("iso-8859-2", "iso-8859-2", POLISH_FACT),
    # A page labelled ASCII or Latin-1 that is UTF-8 in fact is read as UTF-8.
    ("us-ascii", "utf-8", CP1252_FACT),
])
def test_base64_page_is_decoded_with_its_part_charset(tmp_path, charset, codec, fact):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    html = page_in(charset, fact, meta=False)  # the part's label alone says the charset
    assert fact not in html.encode(codec).decode("latin-1")
    data = archive(image_part(), page_part(html, "base64", charset, codec=codec))
    doc = read(tmp_path, data, "courier.mht")
    assert_the_article(doc)
    assert fact in doc.text
    assert "\ufffd" not in doc.text


@pytest.mark.parametrize(("charset", "fact"), [
    ("windows-1252", CP1252_FACT), ("iso-8859-2", POLISH_FACT),
])
def test_page_without_a_charset_label_is_decoded_by_its_meta_charset(tmp_path, charset, fact):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    data = archive(page_part(page_in(charset, fact), "quoted-printable", None, codec=charset))
    doc = read(tmp_path, data)
    assert_the_article(doc)
    assert fact in doc.text


def test_the_page_at_the_snapshot_location_is_read_not_a_frame_before_it(tmp_path):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    ad = ("<html><head><title>Advertisement</title></head><body><article><p>Win a luxury cruise "
          "around the fjords of Norway with our weekly prize draw, open to all subscribers who "
          "register before the end of the month.</p></article></body></html>")
    frame = page_part(ad, location="https://ads.example/frame.html")
    doc = read(tmp_path, archive(frame, image_part(), page_part(html_page())))
    assert_the_article(doc)
    assert "luxury cruise" not in doc.text
    # Without the Snapshot-Content-Location header, the first page part is the page.
    doc = read(tmp_path, archive(frame, page_part(html_page()), snapshot=None), "ad.mhtml")
    assert isinstance(doc, Document), doc
    assert "luxury cruise" in doc.text and HTML_FACT not in doc.text


def test_a_page_without_a_title_takes_the_archive_subject(tmp_path):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    html = re.sub(r"<title>.*?</title>|<meta property=\"og:title\"[^>]*>|<h[12]>.*?</h[12]>", "",
                  html_page())
    subject = "=?utf-8?q?Ardle_bridge_shut_=E2=80=93_The_Valley_Courier?="
    doc = read(tmp_path, archive(page_part(html), subject=subject))
    assert isinstance(doc, Document), doc
    assert HTML_FACT in doc.text
    assert doc.title == "Ardle bridge shut \u2013 The Valley Courier"


def test_an_archive_cut_short_inside_its_page_is_read_and_says_so(tmp_path):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    html = html_page()
    html = html[: html.index("<p>Shop owners")]
    doc = read(tmp_path, archive(image_part(), page_part(html, "8bit"), close=False))
    assert isinstance(doc, Document), doc
    assert HTML_FACT in doc.text
    assert doc.encoding.startswith("mhtml (cut short")
    # Cut among the images after the page: the page is whole.
    doc = read(tmp_path, archive(page_part(html_page()), image_part(), close=False), "b.mhtml")
    assert isinstance(doc, Document) and doc.encoding == "mhtml", doc


# --- what is refused, and why ---------------------------------------------------------------------


@pytest.mark.parametrize(("data", "said"), [
    (b"Just some notes typed by hand.\n\nNothing else.\n", "not a web archive (it is plain text)"),
    (b"%PDF-1.4\n%%EOF", "not a web archive (it is a PDF)"),
    (b"<!DOCTYPE html><html><body><p>A story.</p></body></html>",
     "not a web archive (it is a web page)"),
    (bytes(range(256)) * 4, "not a web archive (no MIME headers at its start)"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"zz\"\r\n\r\n"
     b"<html><body><p>Some text here.</p></body></html>\r\n",
     "damaged or incomplete web archive (StartBoundaryNotFoundDefect)"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n--zz\r\n"
     b"Content-Type: text/html\r\n\r\n<p>Some text here.</p>\r\n--zz--\r\n",
     "damaged or incomplete web archive (NoBoundaryInMultipartDefect)"),
])
def test_a_file_that_is_not_a_web_archive_is_skipped_and_says_what_it_is(tmp_path, data, said):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    skipped = read(tmp_path, data)
    assert not isinstance(skipped, Document)
    assert skipped.reason == said


def test_an_archive_without_a_page_is_skipped(tmp_path):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    skipped = read(tmp_path, archive(image_part("a.png"), image_part("b.png")))
    assert not isinstance(skipped, Document)
    assert skipped.reason == "no web page in the web archive (only image/png)"


def test_an_archived_page_without_an_article_is_skipped_like_the_html_file(tmp_path):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    page = "<html><head><title>x</title></head><body><nav>Home</nav></body></html>"
    skipped = read(tmp_path, archive(page_part(page)))
    assert not isinstance(skipped, Document)
    assert "no article text" in skipped.reason


def test_an_archive_of_too_many_parts_is_refused_before_it_is_read(tmp_path, monkeypatch):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    monkeypatch.setattr(formats_mhtml, "MHTML_MAX_PARTS", 20)
    parts = [page_part(html_page())] + [image_part(f"{i}.png") for i in range(19)]
    assert isinstance(read(tmp_path, archive(*parts)), Document)  # 20 parts and the whole
    skipped = read(tmp_path, archive(*parts, image_part()), "many.mhtml")
    assert not isinstance(skipped, Document)
    assert skipped.reason == "web archive has over 20 parts (not a saved page?)"


def test_an_archive_nested_past_the_recursion_limit_is_refused(tmp_path):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    depth = sys.getrecursionlimit() + 100
    body = "".join(f'Content-Type: multipart/related; boundary="b{i}"\r\n\r\n--b{i}\r\n'
                   for i in range(depth))
    body += "Content-Type: text/html\r\n\r\n<p>Deep.</p>\r\n"
    body += "".join(f"--b{i}--\r\n" for i in reversed(range(depth)))
    skipped = read(tmp_path, b"MIME-Version: 1.0\r\n" + body.encode("ascii"))
    assert not isinstance(skipped, Document)
    assert skipped.reason == "web archive nested too deeply to read"


def test_an_archive_over_the_size_limit_is_skipped_unread(tmp_path):
    data = archive(image_part(), page_part(html_page()))
    (tmp_path / "courier.mhtml").write_bytes(data)
    (tmp_path / "post.txt").write_text(TXT_STORY, encoding="utf-8")
    docs, skipped = load_folder(tmp_path, max_bytes=len(data) - 1)
    assert [d.file for d in docs] == ["post.txt"]
    assert [(s.file, s.reason.split(" (")[0]) for s in skipped] == [("courier.mhtml", "too large")]


@pytest.mark.parametrize(("header", "said"), [
    # One header the email package would parse for minutes (its parser is quadratic here).
    ("Content-Type: text/html" + "; a=b" * 200_000,
     "web archive has a Content-Type header of 1,000,023 bytes (not a saved page?)"),
    ("Content-Type: text/html\r\nContent-Transfer-Encoding: 8bit" + " (x)" * 1000,
     "web archive has a Content-Transfer-Encoding header of 4,031 bytes (not a saved page?)"),
])
def test_a_header_too_long_to_parse_is_refused_before_it_is_parsed(tmp_path, header, said):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    skipped = read(tmp_path, archive(image_part(), f"{header}\r\n\r\n<p>x</p>".encode()))
    assert not isinstance(skipped, Document)
    assert skipped.reason == said


def test_headers_under_the_limit_each_are_refused_when_too_many_together(tmp_path, monkeypatch):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    data = archive(page_part(html_page()), *[image_part(f"{i}.png") for i in range(60)])
    monkeypatch.setattr(formats_mhtml, "MHTML_MAX_HEADERS", 4_000)
    assert isinstance(read(tmp_path, data), Document)
    monkeypatch.setattr(formats_mhtml, "MHTML_MAX_HEADERS", 1_000)
    skipped = read(tmp_path, data, "b.mhtml")
    assert not isinstance(skipped, Document)
    said = re.fullmatch(r"web archive has ([\d,]+) bytes of Content-Type headers "
                        r"\(over 1,000; not a saved page\?\)", skipped.reason)
    assert said, skipped.reason
    assert int(said.group(1).replace(",", "")) > 61 * len("Content-Type: image/png")


@pytest.mark.parametrize("name", ["a.mhtml", "a.mht"])
def test_missing_html_extra_skips_the_archive_naming_the_extra(tmp_path, monkeypatch, name):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` now fails
    (tmp_path / name).write_bytes(archive(page_part(html_page())))
    (tmp_path / "a.txt").write_text("The bridge was closed on Tuesday.")
    docs, skipped = load_folder(tmp_path)
    assert [d.file for d in docs] == ["a.txt"]
    assert [(s.file, s.reason) for s in skipped] == [
        (name, 'HTML support is not installed (pip install "sidebyside[html]")')
    ]


# --- end to end -----------------------------------------------------------------------------------


def test_a_folder_with_a_web_archive_is_compared(tmp_path):
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    (tmp_path / "courier.mhtml").write_bytes(archive(image_part(), page_part(html_page())))
    (tmp_path / "post.txt").write_text(TXT_STORY, encoding="utf-8", newline="")
    c = compare_folder(tmp_path)
    assert c.skipped == []
    assert [s.file for s in c.sources] == ["courier.mhtml", "post.txt"]
    src = c.source("courier")
    assert src.title == HTML_TITLE and src.encoding == "mhtml"
    assert HTML_FACT in [s.text for s in src.sentences]
    everything = " ".join(s.text for s in c.all_sentences())
    for junk in JUNK:
        assert junk not in everything, junk
    assert_nothing_lost(src)
    assert linked(find(c, "courier", "cracks in two"), find(c, "post", "cracks in two"))


def test_a_page_that_shows_a_long_http_header_of_its_own_is_read(tmp_path):
    """A "Content-Type:" line inside the page (an HTTP example in <pre>, with indented lines after
    it) is page text, not a header of the archive: the header check counts header blocks only
    when the fast count finds too much."""
    import trafilatura  # noqa: F401 - [test] installs it: fail, never skip
    sample = "Content-Type: text/html\n" + "".join(f"    x-debug-{i}: {'a' * 40}\n" for i in range(40))
    html = html_page().replace("<p>Shop owners", f"<pre>\n{sample}</pre>\n<p>Shop owners")
    doc = read(tmp_path, archive(image_part(), page_part(html, encoding="8bit")))
    assert_the_article(doc)
