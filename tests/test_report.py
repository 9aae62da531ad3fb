"""The JSON report follows schema sidebyside.report/1 (SPEC.md)."""

from __future__ import annotations

import json
import re

import pytest

from sidebyside import report

STATUSES = {"shared", "partial", "unique", "unlinked", "boilerplate", "duplicate"}
KINDS = {"exact", "near", "paraphrase"}


def check_schema(data: dict) -> None:
    assert data["schema"] == "sidebyside.report/1"
    ids = {s["id"] for s in data["sources"]}
    for s in data["sources"]:
        assert set(s) >= {"id", "file", "title", "paragraphs", "sentences"}
        assert isinstance(s["paragraphs"], int) and isinstance(s["sentences"], int)
    for sk in data["skipped"]:
        assert set(sk) >= {"file", "reason"}
    by_id = {s["id"]: s for s in data["sentences"]}
    for s in data["sentences"]:
        assert set(s) >= {"id", "source", "paragraph", "index", "text", "start", "end", "status", "links"}
        assert s["source"] in ids
        assert s["status"] in STATUSES
        assert 0 <= s["start"] < s["end"]
        for link in s["links"]:
            assert link["kind"] in KINDS
            assert 0 <= link["score"] <= 1
            other = by_id[link["to"]]
            assert other["source"] != s["source"]
            assert any(back["to"] == s["id"] for back in other["links"]), "links appear on both ends"
    for row in data["rows"]:
        assert set(row) == ids
    for src in data["sources"]:
        placed = [row[src["id"]] for row in data["rows"] if row[src["id"]] is not None]
        assert placed == list(range(src["paragraphs"]))
    for q in data["numbers"]:
        assert q["sentence"] in by_id
        assert isinstance(q["value"], float | int)
        assert q["sources"] and set(q["sources"]) <= ids
        assert by_id[q["sentence"]]["source"] in q["sources"]
    for d in data["disagreements"]:
        assert d["kind"] in {"value", "qualifier", "unit", "date"}
        assert d["about"]
        assert len({by_id[side["sentence"]]["source"] for side in d["sides"]}) >= 2
        for side in d["sides"]:
            assert set(side) >= {"sentence", "text", "value", "qualifier"}
    for a in data["annotations"]:
        assert set(a) >= {"target", "status", "note", "orphaned"}


def test_seeds_json_schema(seeds):
    data = json.loads(report.to_json(seeds))
    check_schema(data)
    assert len(data["sources"]) == 2
    assert len(data["disagreements"]) == 1
    assert data["matching"] == {"semantic": False, "transformer": False, "transformer_part": False}


def test_demo_json_schema(demo):
    check_schema(json.loads(report.to_json(demo)))


def test_spans_index_the_original_text(seeds):
    for src in seeds.sources:
        for s in src.sentences:
            original = src.text[s.start : s.end]
            # The displayed text is the original with markup removed and spaces folded.
            assert s.text.replace(" ", "")[:20] in original.replace("*", "").replace("\n", "").replace(" ", "")


def test_json_is_the_report_dict_with_one_line_per_list_element(seeds):
    text = report.to_json(seeds)
    assert json.loads(text) == json.loads(json.dumps(report.to_dict(seeds)))
    lines = text.splitlines()
    # Every sentence (with its links) is one line, so `grep` finds a sentence with its links.
    for s in seeds.all_sentences():
        mine = [ln for ln in lines if ln.startswith(f'    {{"id": "{s.id}"')]
        assert len(mine) == 1
        assert json.loads(mine[0].rstrip(",")) == json.loads(json.dumps(report.to_dict(seeds)))[
            "sentences"][[x.id for x in seeds.all_sentences()].index(s.id)]
    assert lines[0] == "{" and lines[-1] == "}" and lines[1].startswith('  "schema": ')
    wide = next(ch for s in seeds.all_sentences() for ch in s.text if ord(ch) > 127)
    assert wide in text  # written as UTF-8, not escaped


# ------------------------------------------------- nothing in a note or a document acts on a reader
HOSTILE_NOTE = "<script>alert(1)</script> [see](javascript:alert(2)) \x1b]0;pwned\x07 \x9b2J\nline two"
RAW_CONTROL = __import__("re").compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _with_hostile_notes(comparison):
    import copy

    from sidebyside.model import Annotation

    c = copy.deepcopy(comparison)
    c.reindex()
    s = next(x for x in c.all_sentences() if x.claim and x.status == "unique")
    c.sources[0].title = "Title \x1b[2J <b>bold</b>"
    c.annotations = [
        Annotation(target=s.id, status="disputed\x1b[31m", note=HOSTILE_NOTE),
        Annotation(target="gone:9", status="checked", note=HOSTILE_NOTE, orphaned=True,
                   file="<x>.txt", text="[t](javascript:x) \x1b]8;;http://e\x07"),
    ]
    return c


def test_markdown_shows_notes_and_titles_as_inert_text(seeds):
    from markdown_it import MarkdownIt

    brief = report.to_markdown(_with_hostile_notes(seeds))
    assert not RAW_CONTROL.search(brief)
    assert "<script" not in brief and "<b>" not in brief
    assert "^\\[\\]0;pwned^G" in brief and "&lt;U+009B&gt;2J" in brief
    html = MarkdownIt("commonmark", {"html": True}).render(brief)
    assert "<script" not in html and "<a " not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[see](javascript:alert(2))" in html  # the text is there, as text
    assert "^[]0;pwned^G" in html and "&lt;U+009B&gt;2J" in html
    assert "line two" in html and "\nline two" not in brief  # a note stays on its list line


def test_md_escapes_markup_and_keeps_plain_text():
    assert report.md("AT&T <b> [x](y) *a* _b_ `c` \\") == (
        "AT&amp;T &lt;b&gt; \\[x\\](y) \\*a\\* \\_b\\_ \\`c\\` \\\\")
    assert report.md("Plain words, 12,000 troops (about).") == "Plain words, 12,000 troops (about)."
    assert report.md("a\x1b[2Jb\tc\r\nd") == "a^\\[\\[2Jb c d"  # shown as ^[[2J once rendered


def test_html_shows_notes_as_inert_text(seeds):
    from sidebyside.html_report import to_html

    page = to_html(_with_hostile_notes(seeds))
    assert not RAW_CONTROL.search(page)
    assert "<script>" not in page and "<b>bold" not in page
    assert "&lt;script&gt;" in page and "^[]0;pwned^G" in page


def test_json_keeps_notes_exact_and_escapes_every_control(seeds):
    c = _with_hostile_notes(seeds)
    text = report.to_json(c)
    assert not RAW_CONTROL.search(text)
    assert "\u202e" not in report.to_json(_rtl(c)) and "\\u202e" in report.to_json(_rtl(c))
    data = json.loads(text)
    assert data["annotations"][0]["note"] == HOSTILE_NOTE
    assert data["sources"][0]["title"] == "Title \x1b[2J <b>bold</b>"


def _rtl(c):
    c.sources[0].title = "evil\u202etxt.exe"
    return c


def test_the_brief_and_the_page_say_why_each_disagreement_is_shown(demo, tmp_path):
    from html import escape

    from sidebyside.export import write_export

    assert demo.disagreements and all(d.why for d in demo.disagreements)
    brief = write_export(demo, "md", tmp_path / "b.md").read_text(encoding="utf-8")
    page = write_export(demo, "html", tmp_path / "b.html").read_text(encoding="utf-8")
    for d in demo.disagreements:
        assert brief.count("*Why shown:*") == len(demo.disagreements)
        assert escape(d.why) in page


def test_the_counts_of_the_brief_and_the_page_say_one_note_not_one_notes(seeds):
    """"1 note", "1 numeric disagreement": the counts are read by people."""
    import dataclasses

    from sidebyside.html_report import to_html
    from sidebyside.model import Annotation
    from sidebyside.text import counted

    assert [counted(n, "note") for n in (0, 1, 2)] == ["0 notes", "1 note", "2 notes"]
    s = next(s for s in seeds.all_sentences() if s.claim)
    c = dataclasses.replace(seeds, annotations=[Annotation(target=s.id, status="checked", note="ok")])
    brief, page = report.to_markdown(c), to_html(c)
    assert "1 note." in report.to_markdown(c) and "1 notes" not in brief
    assert "✎ 1 note</span>" in page and "1 notes" not in page
    dis = len(c.disagreements)
    assert counted(dis, "numeric disagreement") in brief and counted(dis, "numeric disagreement") in page


@pytest.mark.parametrize("which", ["seeds", "demo"])
def test_each_source_s_section_of_the_brief_counts_every_sentence(which, request):
    """Shared, partly shared and unique claims, the sentences with no link not called unique,
    the headings and fragments with no link, and what is set aside add up to the sentences the
    source list gives (a reporter's read: headings and fragments went uncounted)."""
    c = request.getfixturevalue(which)
    md = report.to_markdown(c)
    for src in c.sources:
        section = md.split(f"## {src.id}: ", 1)[1].split("\n## ", 1)[0]
        heads = sum(int(n) for n in re.findall(r"^### [A-Za-z ]+ \((\d+)\)$", section, re.M))
        more = sum(int(n) for n in re.findall(r"^\*(\d+) (?:more )?sentences? ", section, re.M))
        assert heads + more == len(src.sentences), (src.id, heads, more)


def test_a_partial_claim_all_of_which_is_told_elsewhere_says_so(seeds):
    """The brief's partial line quotes the part another source tells; when the part is the whole
    sentence (it sits inside a longer sentence there) it says so, as the detail does, rather than
    quoting the whole sentence as a "part" (a reporter's read of real briefs)."""
    s = next(x for x in seeds.partial_sentences() if x.source == "001")
    part = s.parts[0]
    assert 'partly: "' in report.to_markdown(seeds)
    part.start, part.end = 0, len(s.text)
    other = seeds.sentence(part.to)
    line = next(ln for ln in report.to_markdown(seeds).splitlines() if ln.startswith("- " + s.text[:30]))
    assert f"all of it, within a longer sentence of {other.source} ¶{other.paragraph + 1}" in line
    assert "partly:" not in line


def test_the_brief_counts_one_sentence_set_aside_in_the_singular(tmp_path):
    from sidebyside.engine import compare_folder
    from sidebyside.report import to_markdown

    (tmp_path / "a.txt").write_text(
        "Ferry crews strike\n\nFerry crews walked out on Monday, halting all island crossings.\n\n"
        "(Reporting by Ann Lee; Editing by Tom Roe)\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Island ferries halted\n\nAll island crossings stopped on Monday when ferry crews walked "
        "out.\n", encoding="utf-8")
    brief = to_markdown(compare_folder(tmp_path, use_cache=False))
    assert "*1 sentence set aside as boilerplate or repeated text.*" in brief
    assert "1 sentences" not in brief


def test_a_shared_claim_whose_figures_disagree_is_not_told_as_confirmed():
    """A review: "2 sources, all independent" under a claim whose figures the other source
    disputes read as confirmation. The detail and the brief say the figures differ."""
    from sidebyside.engine import compare_folder, demo_folder
    from sidebyside.report import to_markdown
    from widgets.detail import status_line

    c = compare_folder(demo_folder(), use_cache=False)
    brief = to_markdown(c)
    differing = [s for s in c.shared_sentences() if c.figures_differ_with(s.id)]
    assert differing
    for s in differing:
        sides = [d for d in c.disagreements if s.id in {x.sentence for x in d.sides}]
        assert sides
        other = c.figures_differ_with(s.id)
        assert set(other) <= {x.source for d in sides for x in d.sides} - {s.source}
        assert status_line(c, s).endswith(f"but its figures differ from {', '.join(other)}'s (≠ below)")
        line = next(x for x in brief.splitlines() if x.startswith("- ") and s.text[:40] in x)
        assert f"its figures differ from {', '.join(other)}'s (≠)" in line
    agreeing = [s for s in c.shared_sentences() if not c.figures_differ_with(s.id)]
    assert agreeing and all("differ from" not in status_line(c, s) for s in agreeing)
    import json

    from sidebyside.report import to_json

    entries = {e["id"]: e for e in json.loads(to_json(c))["sentences"]}
    assert all(entries[s.id]["figures_differ"] == c.figures_differ_with(s.id) for s in differing)
    assert all(e["figures_differ"] == [] for sid, e in entries.items()
               if sid not in {s.id for s in differing})
    from sidebyside.html_report import to_html

    page = to_html(c)
    for s in differing:  # the page's hover on the sentence says it too
        attrs = page.split(f'id="{s.id}"', 1)[1].split(">", 1)[0]
        assert "its figures differ from" in attrs


def test_a_note_with_a_status_alone_reads_as_the_status():
    """The brief printed "✎ **verified**: " with nothing after it for a status with no words."""
    from sidebyside.engine import compare_folder, demo_folder
    from sidebyside.model import Annotation
    from sidebyside.report import to_markdown

    c = compare_folder(demo_folder(), use_cache=False)
    shared = c.shared_sentences()
    c.annotations += [Annotation(target=shared[0].id, status="verified", note=""),
                      Annotation(target=shared[1].id, status="disputed", note="call the board")]
    lines = to_markdown(c).splitlines()
    assert "  - ✎ **verified**" in lines and "  - ✎ **disputed**: call the board" in lines
    assert not any(ln.rstrip().endswith("**:") for ln in lines)
