"""Web pages as news sites build them: the standfirst (dek, summary) between headline and body,
which trafilatura leaves out when the body has a container of its own, and old pages laid out
with a <table> whose cells hold the article.

Every page is written here; the story (a sea wall shifted by a storm in a fictional harbour
town) and its outlets are made up.
"""

from __future__ import annotations

import json
import re

import pytest
import trafilatura  # noqa: F401 - [test] installs it: fail, never skip

from sidebyside.engine import compare_folder
from sidebyside.formats_html import read_html
from sidebyside.segment import paragraph_spans

HEADLINE = "Sea wall shifts in Corvenna storm"
STANDFIRST = "Storm damage to the sea wall forces ferries to the southern quay for at least a month."
BODY = [
    "The harbour authority of Corvenna closed the northern quay on Monday after divers found a "
    "section of the sea wall had shifted by almost a metre during the weekend storm.",
    "Port director Ilse Varga said freight traffic would be cut by about a third while the wall "
    "is shored up, and that repairs would cost at least 2.4 million euros.",
    "Fishermen who moor at the northern quay have been offered berths in the marina at no charge, "
    "the authority said in a statement issued late on Monday evening.",
    "Engineers will survey the remaining sections of the wall this week, starting with the oldest "
    "stretch, built in the 1890s and repaired twice in the past decade.",
]
TEASERS = [
    "Ferry fares on the island routes are to rise by six per cent from the first of June.",
    "The new lifeboat station at Hollin Point opened to visitors on Saturday morning.",
    "Fishing quotas for the coming season were agreed after three days of talks in Dunmere.",
]

# The markup news sites give a standfirst, each shape as it sits in the article's header.
SHAPES = {
    "p.standfirst": f'<p class="standfirst">{STANDFIRST}</p>',
    "guardian-like": f'<div data-gu-name="standfirst"><div class="dcr-1x2y"><p>{STANDFIRST}</p></div></div>',
    "nyt-like": f'<p id="article-summary" class="css-79rysd e1wiw3jv0">{STANDFIRST}</p>',
    "h2.dek": f'<h2 class="dek">{STANDFIRST}</h2>',
    "p.article__dek": f'<p class="article__dek">{STANDFIRST}</p>',
    "div.c-dek": f'<div class="c-dek">{STANDFIRST}</div>',
    "p.subheadline": f'<p class="subheadline">{STANDFIRST}</p>',
    "h2.subtitle": f'<h2 class="subtitle">{STANDFIRST}</h2>',
    "div.article-summary": f'<div class="article-summary">{STANDFIRST}</div>',
    "itemprop=description": f'<p itemprop="description">{STANDFIRST}</p>',
}
BYLINE = '<p class="byline">By Tamsin Orle, Coastal Affairs</p>'


def body_html(paras=BODY) -> str:
    return "".join(f"<p>{p}</p>" for p in paras)


def article(standfirst: str = "", layout: str = "body container", before_body: str = "",
            after_body: str = "", body: str = "") -> str:
    """The article element. "body container": the body in a div of its own (trafilatura keeps
    neither headline nor standfirst); "headline kept": the standfirst and byline in a block of
    the header (trafilatura keeps the headline, drops that block)."""
    body = body or body_html()
    if layout == "headline kept":
        head = f'<header><h1>{HEADLINE}</h1><div class="meta">{standfirst}{BYLINE}</div></header>'
        return f"<article>{head}{before_body}{body}{after_body}</article>"
    head = f"<header><h1>{HEADLINE}</h1>{standfirst}{BYLINE}</header>"
    return (f'<article>{head}{before_body}<div class="article-body" itemprop="articleBody">{body}'
            f"</div>{after_body}</article>")


def page(main: str, site: str = "Corvenna Post", extra_header: str = "", aside: str = "",
         footer: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{HEADLINE} | {site}</title></head>
<body><header class="site-header"><a href="/">{site}</a>{extra_header}
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<main>{main}{aside}</main>
<footer>{footer}<p>&copy; 2024 {site}</p></footer></body></html>"""


def paragraphs(html: str) -> list[str]:
    ex = read_html(html.encode("utf-8"))
    return [ex.text[a:b] for a, b in paragraph_spans(ex.text)]


# --- standfirsts -------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", SHAPES)
def test_standfirst_is_the_paragraph_after_the_headline(shape):
    # trafilatura keeps the headline ("# ..." first) and drops the block with the standfirst.
    paras = paragraphs(page(article(SHAPES[shape], layout="headline kept")))
    assert paras[:2] == [f"# {HEADLINE}", STANDFIRST]
    assert paras[2:] == BODY  # nothing else added, dropped or moved


@pytest.mark.parametrize("shape", SHAPES)
def test_standfirst_leads_a_body_in_its_own_container(shape):
    # trafilatura drops headline and standfirst: the headline is the title, not a paragraph,
    # so the standfirst comes first, before the body, which is read as it was without it.
    html = page(article(SHAPES[shape]))
    ex = read_html(html.encode("utf-8"))
    assert ex.title == HEADLINE
    assert paragraphs(html) == [STANDFIRST, *BODY]
    assert paragraphs(page(article())) == BODY


def teaser_block(tag: str = "section", cls: str = "latest") -> str:
    items = "".join(f'<div class="item"><p class="summary">{t}</p></div>' for t in TEASERS)
    return f'<{tag} class="{cls}"><h2>Latest</h2>{items}</{tag}>'


RELATED = ('<aside class="related-stories"><h2>Related</h2><ul>'
           + "".join(f'<li><h3><a href="/story/{i}">Story {i}</a></h3><p class="summary">{t}</p></li>'
                     for i, t in enumerate(TEASERS)) + "</ul></aside>")


def test_standfirst_is_found_beside_json_ld_holding_the_body():
    # News pages carry the whole body in a JSON-LD script, often in <head>, before the standfirst:
    # the body's first words there do not make the standfirst come "after" the body.
    ld = json.dumps({"@type": "NewsArticle", "headline": HEADLINE, "articleBody": " ".join(BODY)})
    ld = f'<script type="application/ld+json">{ld}</script>'
    html = page(article(SHAPES["p.subheadline"])).replace("</head>", ld + "</head>")
    assert paragraphs(html) == [STANDFIRST, *BODY]


def test_a_list_of_teasers_is_not_pulled_in():
    # Three "summary" elements before the body and outside the article's header (other stories),
    # and a related-stories aside: none is a standfirst.
    paras = paragraphs(page(article(before_body=teaser_block()), aside=RELATED))
    assert paras == BODY


def test_only_the_header_standfirst_is_kept_beside_teasers():
    paras = paragraphs(page(article(SHAPES["p.standfirst"], before_body=teaser_block()),
                            aside=RELATED))
    assert paras == [STANDFIRST, *BODY]


def test_a_single_teaser_under_a_linked_headline_is_not_a_standfirst():
    teaser = (f'<div class="item"><h3><a href="/story/7">Fares rise</a></h3>'
              f'<p class="summary">{TEASERS[0]}</p></div>')
    assert paragraphs(page(article(before_body=teaser))) == BODY


@pytest.mark.parametrize("where", ["site header", "sidebar", "footer", "after the body",
                                   "caption in the header", "description outside the header",
                                   "two deks", "two deks in the header"])
def test_summary_like_text_elsewhere_is_left_out(where):
    other = "The harbour towns of the western coast, reported every day since the year 1921."
    html = {
        "site header": page(article(), extra_header=f'<p class="site-description">{other}</p>'),
        "sidebar": page(article(), aside=f'<div class="sidebar"><p class="summary">{other}</p></div>'),
        "footer": page(article(), footer=f'<p class="summary">{other}</p>'),
        "after the body": page(article(after_body=f'<div class="summary">{other}</div>')),
        "caption in the header": page(article(
            f'<figure><img src="wall.jpg" alt=""><figcaption itemprop="description">{other}'
            "</figcaption></figure>")),
        "description outside the header": page(article(
            before_body=f'<p itemprop="description">{other}</p>')),
        "two deks": page(article(before_body=f'<p class="dek">{other}</p><p class="dek">{TEASERS[1]}</p>')),
        "two deks in the header": page(article(f'<p class="dek">{other}</p><p class="dek">{TEASERS[1]}</p>')),
    }[where]
    assert paragraphs(html) == BODY


def test_a_standfirst_already_in_the_body_is_not_repeated():
    # trafilatura keeps this one (the header holds headline and standfirst only).
    kept = page(f"<article><header><h1>{HEADLINE}</h1>{SHAPES['p.standfirst']}</header>"
                f"{body_html()}</article>")
    assert paragraphs(kept) == [f"# {HEADLINE}", STANDFIRST, *BODY]
    # The body opens with the standfirst's words, as some sites repeat it.
    repeated = page(article(SHAPES["div.c-dek"], body=body_html([STANDFIRST, *BODY])))
    assert paragraphs(repeated) == [STANDFIRST, *BODY]


def test_standfirst_with_a_list_or_of_odd_length_is_not_taken():
    too_short = page(article('<p class="standfirst">Storm shuts quay.</p>'))
    assert paragraphs(too_short) == BODY
    listed = page(article(f'<div class="summary"><ul><li>{TEASERS[0]}</li><li>{TEASERS[1]}</li>'
                          "</ul></div>"))
    assert paragraphs(listed) == BODY



# Not standfirsts, though marked much like one (review of the standfirst commit): each was put
# first in the article, a wrong paragraph in the outlet's text.
NOT_DEKS = {
    "teaser article before the story (<a><h2>)": page(
        '<div class="breaking-banner"><article><a href="/live/ferries"><h2>Ferry strike</h2></a>'
        f'<p class="summary">{TEASERS[0]}</p></article></div>' + article()),
    "teaser with its linked headline in a block beside": page(
        '<section class="top-story"><div class="story-header"><h3><a href="/x">Fares</a></h3></div>'
        f'<div class="story-body"><p class="summary">{TEASERS[0]}</p></div></section>' + article()),
    "intro block holding byline and date": page(article(
        '<div class="article-intro"><span class="author">By Tamsin Orle, Coastal Affairs</span> '
        "<time>12 March 2024, 18:04</time></div>")),
    "image description in the header": page(article(
        '<div class="lead-image"><img src="wall.jpg"><p class="image-description">The northern '
        "quay at low tide on Sunday. Photo: Bram Lute</p></div>")),
    "paywall notice": page(article(before_body=(
        '<div class="paywall"><p class="summary">You have read two of your four free stories '
        "this month.</p></div>"))),
    "newsletter sign-up": page(article(
        '<div class="signup-box"><p class="signup-summary">The harbour bulletin in your inbox '
        'every weekday at seven.</p><input type="email"></div>')),
    "audio player": page(article(
        '<div class="audio-player"><p class="audio-summary">Listen to this story, read by a '
        "synthetic voice (3 min)</p></div>")),
    "video blurb beside its player": page(article(
        '<div class="clip"><video src="quay.mp4"></video><p class="summary">Drone footage shows '
        "the shifted wall at first light on Monday.</p></div>")),
    "a dek-marked byline": page(article('<p class="dek">By Tamsin Orle, with reporting from '
                                        "the harbour office</p>")),
    "a dek-marked dateline": page(article('<p class="subtitle">Corvenna harbour office, updated '
                                          "12 March 2024 at 18:04</p>")),
}


@pytest.mark.parametrize("case", NOT_DEKS)
def test_text_about_the_page_or_another_story_is_not_a_standfirst(case):
    assert paragraphs(NOT_DEKS[case]) == BODY


@pytest.mark.parametrize("markup", [
    '<svg><title>icon</title></svg>' + STANDFIRST,
    "<label>Dek</label> " + STANDFIRST,
    STANDFIRST.replace("for at least a month", "from <time datetime='2024-03-11'>Monday</time>"),
])
def test_a_standfirst_kept_in_another_form_is_not_added_again(markup):
    # trafilatura keeps the standfirst but leaves out an icon's title or a <time>'s text: the
    # page's text of it differs from the kept one, yet it is there already.
    html = page(f'<article><h1>{HEADLINE}</h1><p class="standfirst">{markup}</p>'
                f"{body_html()}</article>")
    paras = paragraphs(html)
    assert paras[0] == f"# {HEADLINE}" and paras[2:] == BODY, paras
    assert len(paras) == len(BODY) + 2


def test_many_marked_elements_before_the_body_give_no_standfirst():
    # A header with a run of "summary" spans (a ticker) and a standfirst: which is the one is
    # not clear, none is taken. Past the first few, the rest are not looked at (a page with
    # 20,000 of them took 30 s, each tested against the whole body).
    spans = "".join(f'<span class="summary">Harbour notice number {i} for the coming week.</span>'
                    for i in range(8))
    html = page(article(f'<div class="ticker">{spans}</div>{SHAPES["p.standfirst"]}'))
    assert paragraphs(html) == BODY


# --- tables --------------------------------------------------------------------------------------

SIDEBAR = "Tide tables for the week ahead are printed on page four of the weekend edition."


def test_a_layout_table_reads_as_paragraphs():
    cell = f"<h1>{HEADLINE}</h1>{body_html()}"
    html = (f"<html><head><title>{HEADLINE}</title></head><body><table width='100%'><tr>"
            f"<td width='70%'>{cell}</td><td width='30%'><p>{SIDEBAR}</p></td></tr></table>"
            "</body></html>")
    assert paragraphs(html) == [f"# {HEADLINE}", *BODY, SIDEBAR]


def test_a_layout_cell_split_by_line_breaks_keeps_its_first_paragraph():
    # <br><br> between paragraphs: trafilatura makes <p>s of all but the first, left loose.
    cell = "<br><br>".join(BODY)
    html = f"<html><head><title>x</title></head><body><table><tr><td>{cell}</td></tr></table></body></html>"
    assert paragraphs(html) == BODY


def test_cells_of_long_prose_are_paragraphs():
    prose = [" ".join(BODY[:2]), " ".join(BODY[2:])]
    html = (f"<html><head><title>x</title></head><body><article><p>{SIDEBAR}</p><table><tr>"
            f"<td>{prose[0]}</td><td>{prose[1]}</td></tr></table></article></body></html>")
    assert paragraphs(html) == [SIDEBAR, *prose]


def test_a_data_table_still_reads_one_row_per_paragraph():
    rows = [("Quay", "Length (m)", "Built", "State"), ("North", "212", "1894", "closed"),
            ("South", "180", "1931", "open"), ("Marina", "95", "1988", "open, no charge")]
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    html = page(f"<article><h1>{HEADLINE}</h1><p>{BODY[0]}</p><table>{table}</table>"
                f"<p>{BODY[1]}</p></article>")
    assert paragraphs(html) == [f"# {HEADLINE}", BODY[0], *("; ".join(r) for r in rows), BODY[1]]



def data_table(rows, foot: str = "") -> str:
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return page(f"<article><h1>{HEADLINE}</h1><p>{BODY[0]}</p><table>{table}{foot}</table>"
                f"<p>{BODY[1]}</p></article>")


def test_a_data_table_with_two_blocks_a_cell_is_not_a_layout():
    # A figure and its share in two <p>s, a header cell in two <div>s: one row a paragraph, a
    # cell's blocks apart by a space.
    rows = [("<div>Quay</div><div>(name)</div>", "Berths", "Change"),
            ("North", "<p>12</p><p>(3%)</p>", "<p>-40</p><p>(closed)</p>"),
            ("South", "<p>340</p><p>(81%)</p>", "<p>+25</p><p>(up)</p>")]
    assert paragraphs(data_table(rows)) == [
        f"# {HEADLINE}", BODY[0], "Quay (name); Berths; Change", "North; 12 (3%); -40 (closed)",
        "South; 340 (81%); +25 (up)", BODY[1]]


@pytest.mark.parametrize("where", ["row", "tfoot"])
def test_a_data_table_with_a_long_source_note_is_not_a_layout(where):
    rows = [("Vessel", "Berth", "Tonnes"), ("Mira Lys", "North 4", "1,240"),
            ("Sable Hound", "South 2", "860"), ("Oriel", "Marina", "35")]
    note = ("Source: Corvenna harbour authority, berth register of 11 March. Tonnages are gross "
            "and rounded to the nearest five tonnes. Vessels under ten metres are not listed, and "
            "the register is revised at the end of every month.")
    foot = f'<tr><td colspan="3">{note}</td></tr>'
    html = data_table(rows, f"<tfoot>{foot}</tfoot>" if where == "tfoot" else foot)
    assert paragraphs(html) == [f"# {HEADLINE}", BODY[0], *("; ".join(r) for r in rows), note,
                                BODY[1]]


# --- end to end ----------------------------------------------------------------------------------


def test_the_standfirst_is_shared_with_another_outlet(tmp_path):
    post = page(article(SHAPES["guardian-like"]))
    gazette_body = [
        "Storm damage to the sea wall forces ferries to the southern quay for at least a month, "
        "the Corvenna harbour authority said on Monday.",
        "Divers found on Sunday that part of the wall had moved by close to a metre.",
    ]
    gazette = page(f"<article><h1>Corvenna quay closed</h1>{body_html(gazette_body)}</article>",
                   site="Western Gazette")
    (tmp_path / "post.html").write_text(post, encoding="utf-8")
    (tmp_path / "gazette.html").write_text(gazette, encoding="utf-8")
    c = compare_folder(tmp_path)
    ours = [s for s in c.source("post").sentences if s.text == STANDFIRST]
    theirs = [s for s in c.source("gazette").sentences if s.text.startswith("Storm damage")]
    assert ours and theirs, [s.text for s in c.all_sentences()]
    assert ours[0].paragraph == 0
    assert any(link.to == theirs[0].id for link in ours[0].links)
    assert any(link.to == ours[0].id for link in theirs[0].links)
    assert not re.search(r"Home|News", " ".join(s.text for s in c.source("post").sentences))
