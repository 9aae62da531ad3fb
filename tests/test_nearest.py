"""The closest sentence of each source a sentence is not linked to (sidebyside/nearest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidebyside import nearest
from sidebyside import semantic as S
from sidebyside import transformer as TX
from sidebyside.engine import compare_folder
from sidebyside.model import BOILERPLATE

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

STORY_A = (
    "Harbour bridge delayed again\n\n"
    "The council said on Monday that the new harbour bridge in Portmere will not open before "
    "next spring.\n\n"
    "Engineers found cracks in two of the concrete piers during a routine inspection.\n\n"
    "The mayor, Anna Lind, called the delay deeply frustrating for commuters.\n"
)
STORY_B = (
    "Portmere bridge opening pushed back\n\n"
    "Inspectors discovered fractures in a pair of the bridge's concrete supports last week.\n\n"
    "The town's football club won its third match in a row on Saturday.\n\n"
    "Ferry operators expect their busiest summer in a decade.\n"
)


@pytest.fixture(autouse=True)
def semantic_on(monkeypatch):
    """Matching as the app ships it (tests/conftest.py runs the lexical matcher by default)."""
    monkeypatch.setenv(S.ENV_SWITCH, "1")
    monkeypatch.setenv(TX.ENV_SWITCH, "1")


def _folder(tmp_path: Path) -> Path:
    docs = tmp_path / "bridge"
    docs.mkdir()
    (docs / "a.txt").write_text(STORY_A, encoding="utf-8")
    (docs / "b.txt").write_text(STORY_B, encoding="utf-8")
    return docs


def _sentence(c, source: str, start: str):
    return next(s for s in c.source(source).sentences if s.text.startswith(start))


def _unlinked(c, s) -> None:
    """Take away the sentence's links and parts (both ends), as if matching had made none."""
    for other in c.all_sentences():
        other.links = [lk for lk in other.links if lk.to != s.id]
        other.parts = [p for p in other.parts if p.to != s.id]
    s.links, s.parts = [], []


def _crowded(tmp_path: Path, outlets: int):
    """The bridge story and `outlets` more outlets, each with one sentence of its own; the
    cracks sentence, unlinked."""
    docs = _folder(tmp_path)
    for k in range(outlets):
        (docs / f"x{k}.txt").write_text(
            f"Outlet {k}\n\nA choir from district {k} sang at the opening of the new library.\n",
            encoding="utf-8")
    c = compare_folder(docs, use_cache=False)
    s = _sentence(c, "a", "Engineers found cracks")
    _unlinked(c, s)
    return c, s


def _broken():
    raise OSError("model.onnx is damaged")


def test_the_closest_sentence_is_the_one_that_says_it_in_other_words(tmp_path):
    c = compare_folder(_folder(tmp_path), use_cache=False)
    assert c.semantic and c.transformer
    s = _sentence(c, "a", "Engineers found cracks")
    _unlinked(c, s)
    got = nearest.closest(c, s.id)
    assert set(got) == {"b"}
    assert c.sentence(got["b"].sentence).text.startswith("Inspectors discovered fractures")
    assert got["b"].by == "the transformer" and 0 < got["b"].similarity <= 1
    from sidebyside import match as M

    assert got["b"].scale() == (f"; it confirms likely links from {M.VETO_COS:.2f} and links on "
                                f"its own from {M.LIFT_COS:.2f}")  # the number's bars
    second = got["b"].second  # the next closest of that source, read the same way
    assert second is not None and second.by == "the transformer"
    assert c.sentence(second.sentence).source == "b" and second.sentence != got["b"].sentence
    assert second.similarity <= got["b"].similarity


def test_every_reading_falls_back_and_still_points_at_it(tmp_path):
    c = compare_folder(_folder(tmp_path), use_cache=False)
    s = _sentence(c, "a", "Engineers found cracks")
    _unlinked(c, s)
    c.transformer = False  # the static model alone
    got = nearest.closest(c, s.id)["b"]
    assert got.by == "meaning" and got.scale() == ""  # no bar on that scale to name
    assert c.sentence(got.sentence).text.startswith("Inspectors discovered fractures")
    c.semantic = False  # lexical matching: the words in common
    got = nearest.closest(c, s.id)["b"]
    assert got.by == "shared words" and 0 < got.similarity <= 1
    assert c.sentence(got.sentence).text.startswith("Inspectors discovered fractures")


def test_linked_sources_and_flagged_sentences_are_never_offered(tmp_path):
    c = compare_folder(_folder(tmp_path), use_cache=False)
    s = _sentence(c, "a", "Engineers found cracks")
    _unlinked(c, s)
    best = nearest.closest(c, s.id)["b"].sentence
    c.sentence(best).status = BOILERPLATE  # a flagged sentence is no counterpart
    assert nearest.closest(c, s.id)["b"].sentence != best
    c.sentence(best).status = "unique"
    other = c.sentence(best)
    from sidebyside.model import Link

    s.links = [Link(to=other.id, score=0.9, kind="paraphrase")]
    assert nearest.closest(c, s.id) == {}  # linked into b: nothing to point at there
    s.status = BOILERPLATE
    s.links = []
    assert nearest.closest(c, s.id) == {}  # a flagged sentence has no closest


def test_the_seeds_600_points_at_the_other_outlet_s_600():
    c = compare_folder(SEEDS, use_cache=False)
    some = next(s for s in c.all_sentences() if "some 600 North Korean troops" in s.text)
    assert not some.links  # unlinked: the reporter is pointed at the other outlet's telling
    (got,) = nearest.closest(c, some.id).values()
    assert "over 600 North Korean soldiers" in c.sentence(got.sentence).text


def test_only_the_closest_sources_are_named(tmp_path):
    c, s = _crowded(tmp_path, 6)
    every = nearest.closest(c, s.id, most=99)
    assert len(every) == 7
    named = nearest.closest(c, s.id)
    assert len(named) == nearest.MOST and "b" in named  # the source that tells it is among them
    assert min(x.similarity for x in named.values()) >= max(
        x.similarity for src, x in every.items() if src not in named)


def test_the_transformer_s_reading_is_what_is_shown_and_a_broken_model_falls_back(tmp_path, monkeypatch):
    c = compare_folder(_folder(tmp_path), use_cache=False)
    s = _sentence(c, "a", "Engineers found cracks")
    _unlinked(c, s)
    got = nearest.closest(c, s.id)["b"]
    cos = TX.load().cosines([s.text], [c.sentence(got.sentence).text])[0]
    assert got.similarity == round(float(cos), 2)  # the number shown is the scorer's own

    monkeypatch.setattr(TX, "load", _broken)
    got = nearest.closest(c, s.id)["b"]
    assert got.by == "meaning"  # the static reading stands
    assert c.sentence(got.sentence).text.startswith("Inspectors discovered fractures")


def test_a_broken_model_still_names_only_the_closest_sources(tmp_path, monkeypatch):
    c, s = _crowded(tmp_path, 8)
    monkeypatch.setattr(TX, "load", _broken)
    assert len(nearest.closest(c, s.id)) == nearest.MOST


def test_a_source_with_part_of_it_or_a_sentence_the_reporter_unlinked_is_not_offered(tmp_path):
    from sidebyside.model import Correction, Part

    c = compare_folder(_folder(tmp_path), use_cache=False)
    s = _sentence(c, "a", "Engineers found cracks")
    _unlinked(c, s)
    best = nearest.closest(c, s.id)["b"].sentence
    c.corrections = [Correction(kind="unlink", a=best, b=s.id)]  # "not the same claim"
    again = nearest.closest(c, s.id)["b"]
    assert again.sentence != best
    c.corrections = []
    s.parts = [Part(to=best, score=0.7, start=0, end=10, to_start=0, to_end=10)]
    assert nearest.closest(c, s.id) == {}  # partly reported there: the detail quotes that part


def test_the_closest_sentence_is_shown_as_text_never_as_markup(tmp_path, monkeypatch):
    from widgets.detail import detail_text

    docs = tmp_path / "markup"
    docs.mkdir()
    (docs / "a.txt").write_text(STORY_A, encoding="utf-8")
    (docs / "b.txt").write_text(
        "Portmere bridge\n\n[bold]Inspectors[/bold] discovered fractures in a pair of the "
        "bridge's concrete supports \x1b[31mlast week.\n", encoding="utf-8")
    c = compare_folder(docs, use_cache=False)
    s = _sentence(c, "a", "Engineers found cracks")
    _unlinked(c, s)
    text = detail_text(c, s.id).plain
    shown = text.split("closest, not linked: ", 1)[1].splitlines()[1]
    assert "[bold]Inspectors[/bold]" in shown and "\x1b" not in shown


def test_the_brief_points_each_unique_claim_at_the_closest_sentence_elsewhere(tmp_path):
    from sidebyside.report import to_markdown

    c = compare_folder(_folder(tmp_path), use_cache=False)
    unique = c.unique_claims()
    assert unique
    brief = to_markdown(c)
    section = brief.split("### Unique claims", 1)[1]
    for s in unique:
        t, found = nearest.elsewhere(c, s.id)
        src = t.source
        assert (f"*(closest elsewhere, not linked: {t.id} in {src} ¶{t.paragraph + 1}, similarity "
                f"{found.similarity:.2f} by the transformer") in section
    # what the similarity is measured against is said once, not under every claim (a review)
    assert brief.count("; it confirms likely links from") == 1


def test_the_json_and_html_reports_point_each_unique_claim_at_the_closest_sentence(tmp_path):
    import json

    from sidebyside.html_report import to_html
    from sidebyside.model import UNIQUE
    from sidebyside.report import to_json

    c = compare_folder(_folder(tmp_path), use_cache=False)
    unique = {s.id for s in c.unique_claims()}
    assert unique
    entries = {e["id"]: e for e in json.loads(to_json(c))["sentences"]}
    page = to_html(c)
    for sid, e in entries.items():
        if sid not in unique:  # shared, unlinked, headings: no pointer
            assert "closest" not in e
            continue
        t, found = nearest.elsewhere(c, sid)
        src = t.source
        assert e["status"] == UNIQUE and src != e["source"]
        assert e["closest"] == {"to": t.id, "source": src, "paragraph": t.paragraph,
                                "similarity": found.similarity, "by": "the transformer"}
        span = page.split(f'id="{sid}"', 1)[1].split("</span>", 2)[1]  # right after the claim
        assert span.startswith('<span class="near" title="it confirms likely links from')
        assert ('>closest elsewhere, not linked: '
                f'<a href="#{t.id.replace(":", "%3A")}">{src} ¶{t.paragraph + 1}</a>, similarity '
                f"{found.similarity:.2f} by the transformer") in span
    assert page.count('class="near"') == len(unique)
    assert page.count('>closest elsewhere') == len(unique)


def test_the_reports_name_the_closest_of_every_source_the_detail_reads(tmp_path):
    """With four outlets, the pointer is the closest sentence of all the sources the detail reads
    (the transformer's best), not the best of the two the static model ranks first."""
    docs = _folder(tmp_path)
    for k, text in enumerate((
            "Council news\n\nThe council approved a new budget for parks on Tuesday.\n",
            "Town notes\n\nA new cycle lane opened along the harbour road.\n")):
        (docs / f"c{k}.txt").write_text(text, encoding="utf-8")
    c = compare_folder(docs, use_cache=False)
    s = _sentence(c, "a", "Engineers found cracks")
    _unlinked(c, s)
    every = nearest.closest(c, s.id)
    assert len(every) >= 3
    t, found = nearest.elsewhere(c, s.id)
    assert found == max(every.values(), key=lambda x: x.similarity)
    assert t.id == found.sentence


def test_an_html_link_to_a_sentence_survives_a_tab_in_a_file_name(tmp_path):
    """Browsers drop tabs and line breaks from a URL: a link to "a<TAB>b:1" must not become one
    to "ab:1", another source's sentence. The fragment is percent-encoded."""
    from urllib.parse import unquote

    from sidebyside.html_report import _href

    assert _href("a\tb:1") == "#a%09b%3A1"
    assert unquote(_href("a\tb:1")[1:]) == "a\tb:1"
    assert _href('x"><img src=y>:2') == "#x%22%3E%3Cimg%20src%3Dy%3E%3A2"


def test_a_broken_model_is_tried_once_for_a_whole_report(tmp_path, monkeypatch):
    """A report asks for the closest sentence of every unique claim: a model that will not open
    costs one try, not one a claim, and the static reading names the sentences."""
    c, s = _crowded(tmp_path, 3)
    tries = []

    def broken():
        tries.append(1)
        raise OSError("model.onnx is damaged")

    monkeypatch.setattr(TX, "load", broken)
    others = [t for t in c.source("a").sentences if t.id != s.id]
    for sid in [s.id] + [t.id for t in others]:
        for found in nearest.closest(c, sid).values():
            assert found.by == "meaning"
    assert len(tries) == 1
    again = compare_folder(c.folder, use_cache=False)  # another comparison tries again
    nearest.closest(again, again.all_sentences()[0].id)
    assert len(tries) == 2


def test_the_detail_says_what_a_similarity_is_measured_against_once():
    """With several sources to point into, the scale of the transformer's similarity was
    repeated under each; it is said with the first."""
    from sidebyside.engine import demo_folder
    from widgets.detail import detail_text

    c = compare_folder(demo_folder(), use_cache=False)
    many = [s for s in c.all_sentences() if not s.links and s.claim and s.status != "boilerplate"
            and len(nearest.closest(c, s.id)) >= 2
            and all(x.by == "the transformer" for x in nearest.closest(c, s.id).values())]
    assert many
    text = detail_text(c, many[0].id).plain
    assert text.count("closest, not linked: ") >= 2
    assert text.count("; it confirms likely links from") == 1
