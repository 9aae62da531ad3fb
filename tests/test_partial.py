"""Claim units and partial links (issue 15, "Claims, not sentences"): a sentence packing two
claims, one of which another source reports in a sentence of its own, is `partial`, with the
shared part's span; it survives the cache, the reports and the reporter's corrections. The
articles are fictional, written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sidebyside import cache_codec
from sidebyside.annotations import NoteStore, anchor
from sidebyside.claim_units import MIN_CONTENT, split
from sidebyside.engine import compare_folder
from sidebyside.html_report import to_html
from sidebyside.model import PARTIAL, Status
from sidebyside.report import to_dict, to_markdown

from .conftest import unlinked_status

LEDE_A = ("The Port Authority closed the Harbor Bridge to trucks, buses, taxis and delivery vans on "
          "Tuesday after divers from the Coast Guard discovered a deep gash in the granite north "
          "pier beside the marina and the old lighthouse, and Mayor Ellen Ruiz said the crossing "
          "would stay shut until March.")
LEDE_B = ("Police Chief Dana Okafor and her emergency crews set up detours around the old fish "
          "market, the cathedral, the zoo and the football stadium on Wednesday morning as sirens "
          "wailed, while Mayor Ellen Ruiz said the crossing would stay shut until March.")
SHARED_PART = "Mayor Ellen Ruiz said the crossing would stay shut until March."
ARTICLES = {
    "a.txt": f"Harbor Bridge closes for repairs\n\n{LEDE_A}\n\n"
             "Engineers found the cracks during a routine inspection last week.\n\n"
             "Commuters were told to use the ferry service instead.\n",
    "b.txt": "Cracked cables close Harbor Bridge\n\n"
             "Engineers found cracks in the cables of the Harbor Bridge during a routine "
             f"inspection last week.\n\n{LEDE_B}\n\n"
             "The ferry service will add extra boats for commuters.\n",
}


@pytest.fixture
def bridge(tmp_path) -> Path:
    out = tmp_path / "bridge"
    out.mkdir()
    for name, text in ARTICLES.items():
        (out / name).write_text(text, encoding="utf-8")
    return out


def units(text: str) -> list[str]:
    return [text[a:b] for a, b in split(text)]


# --------------------------------------------------------------------------- the splitter


def test_a_compound_sentence_is_cut_into_its_claims():
    assert units(LEDE_A)[-1] == SHARED_PART
    assert len(units(LEDE_A)) == 2
    assert units(LEDE_B)[-1] == SHARED_PART
    assert units("The council approved the budget on Monday; the mayor vetoed it on Friday "
                 "after a long debate.") == [
        "The council approved the budget on Monday",
        "the mayor vetoed it on Friday after a long debate."]
    assert units("Rescuers pulled six miners from the shaft overnight, but two workers remain "
                 "trapped below the flooded tunnel.") == [
        "Rescuers pulled six miners from the shaft overnight",
        "two workers remain trapped below the flooded tunnel."]
    assert units("The two countries have begun building a road bridge across the river despite "
                 "reports that hundreds of their soldiers have died in the war.") == [
        "The two countries have begun building a road bridge across the river",
        "hundreds of their soldiers have died in the war."]
    assert len(units("Fans queued despite the rain for the opening of the new stadium on Monday.")) == 1


def test_the_splitter_is_conservative():
    one = "Rescuers pulled six miners from the flooded shaft overnight."
    assert units(one) == [one]  # one claim
    # Never a unit of fewer than MIN_CONTENT content words.
    short = "The bridge closed, and traffic stopped while the divers from the Coast Guard searched."
    assert all(len(u.split()) >= MIN_CONTENT for u in units(short))
    assert units("Tired, and hungry, the climbers from the northern valley finally reached the "
                 "summit camp on Sunday.")[0].startswith("Tired")
    # Nothing inside a quotation is cut.
    quoted = ("“We will rebuild the pier, and we will reopen the crossing before the spring "
              "floods arrive,” the mayor told reporters at city hall.")
    assert units(quoted) == [quoted]
    # A list's commas are not clauses; paired dashes set off an aside.
    listed = ("The contenders include the former port director, the harbor pilot, the city "
              "treasurer and the retired ferry captain.")
    assert units(listed) == [listed]
    aside = ("The bridge — the oldest crossing in the city and its busiest — will stay closed "
             "until the engineers finish their survey of the piers.")
    assert units(aside) == [aside]
    # A comma and a noun phrase is not a new clause (no verb after it).
    assert len(units("The divers found a gash in the north pier, and a crack in the granite "
                     "footing of the old lighthouse tower.")) == 1


# --------------------------------------------------------------------------- the engine


def test_a_sentence_holding_another_sources_claim_among_others_is_partial(bridge):
    c = compare_folder(bridge, use_cache=False)
    assert PARTIAL == Status.PARTIAL == "partial"
    a = next(s for s in c.source("a").sentences if s.text == LEDE_A)
    b = next(s for s in c.source("b").sentences if s.text == LEDE_B)
    assert a.links == [] and b.links == []  # the whole sentences make different claims...
    assert a.status == b.status == "partial"  # ...but each holds one the other makes
    (pa,), (pb,) = a.parts, b.parts
    assert (pa.to, pb.to) == (b.id, a.id)
    assert a.text[pa.start:pa.end] == SHARED_PART == b.text[pb.start:pb.end]
    assert b.text[pa.to_start:pa.to_end] == SHARED_PART
    assert pa.score >= 0.6 and pa.score == pb.score and "ruiz" in pa.why.lower()
    assert a not in c.unique_claims() and a in c.partial_sentences()
    # The other sentences are untouched: shared with a link, no parts.
    for s in c.all_sentences():
        if s not in (a, b):
            assert s.status == "shared" and not s.parts


def test_the_seeds_one_partial_is_the_bridge_begun_in_000_s_lede(seeds):
    """000's lede packs two claims, cut at "despite reports that": the bridge begun, and the
    soldiers killed. 001's "North Korea has announced the commencement of construction ..." is
    partly reported there (the first); nothing else in the seeds is partial."""
    (s,) = seeds.partial_sentences()
    assert s.source == "001" and s.text.startswith("North Korea has announced the commencement")
    (part,) = s.parts
    there = seeds.sentence(part.to)
    assert there.source == "000" and there.text[part.to_start:part.to_end].startswith(
        "Russia and North Korea have begun constructing a road bridge")
    assert "despite" not in there.text[part.to_start:part.to_end]
    assert [x.id for x in seeds.all_sentences() if x.parts] == [there.id, s.id]  # both ends
    assert there.status == "shared"  # linked whole to 001's "A landmark development ..."


def test_partial_links_survive_the_cache_codec(bridge):
    c = compare_folder(bridge, use_cache=False)
    back = cache_codec.decode(json.loads(json.dumps(cache_codec.encode(c))))
    assert [(s.id, s.status, s.parts) for s in back.all_sentences()] == [
        (s.id, s.status, s.parts) for s in c.all_sentences()]


# --------------------------------------------------------------------------- reports


def test_the_json_report_has_the_status_and_the_shared_part(bridge):
    c = compare_folder(bridge, use_cache=False)
    report = json.loads(json.dumps(to_dict(c)))
    by_id = {e["id"]: e for e in report["sentences"]}
    a = next(e for e in report["sentences"] if e["text"] == LEDE_A)
    b = next(e for e in report["sentences"] if e["text"] == LEDE_B)
    assert a["status"] == b["status"] == "partial" and a["links"] == []
    (part,) = a["parts"]
    assert part["text"] == SHARED_PART == a["text"][part["start"]:part["end"]]
    assert part["to"] == b["id"] and part["to_source"] == "b"
    assert part["to_text"] == SHARED_PART == by_id[b["id"]]["text"][part["to_start"]:part["to_end"]]
    assert 0.6 <= part["score"] <= 1.0 and isinstance(part["why"], str)
    assert all("parts" not in e for e in report["sentences"] if e["status"] != "partial")


def test_markdown_and_html_count_partial_claims(bridge):
    c = compare_folder(bridge, use_cache=False)
    md = to_markdown(c)
    assert "2 partly shared" in md
    assert "### Partly shared claims (1)" in md
    assert f'partly: "{SHARED_PART}" also in b' in md
    html = to_html(c)
    assert "◐ 2 partly shared" in html
    assert 'class="s partial claim"' in html
    assert "Statuses: shared, partial, unique" in html


# --------------------------------------------------------------------------- corrections


def test_a_reporter_link_on_a_partial_sentence_makes_it_shared_and_undo_restores_it(bridge, tmp_path):
    c = compare_folder(bridge, use_cache=False)
    a = next(s for s in c.source("a").sentences if s.text == LEDE_A)
    b = next(s for s in c.source("b").sentences if s.text == LEDE_B)
    store = NoteStore(tmp_path / "notes.json", str(bridge))
    store.load()
    entry = store.correct("link", a, b, c)
    anchor(c, store.live())
    assert a.status == b.status == "shared" and a.links[0].by == "reporter"
    store.delete(entry)  # undo
    anchor(c, store.live())
    assert a.status == b.status == "partial" and a.links == [] and len(a.parts) == 1
    # Unlinked by the reporter (not the same claim, not in part either): unique; undo: partial.
    entry = store.correct("unlink", a, b, c, reason="different closures")
    anchor(c, store.live())
    assert (a.status, b.status) == (unlinked_status(a), unlinked_status(b)) and a.parts == [] and b.parts == []
    store.delete(entry)
    anchor(c, store.live())
    assert a.status == b.status == "partial"
    assert b.text[a.parts[0].to_start:a.parts[0].to_end] == SHARED_PART


# --------------------------------------------------------------------------- quotations

QUOTE_FULL = ("“We will rebuild the pier stone by stone and reopen the crossing before the spring "
              "floods,” Mayor Ellen Ruiz told the council on Monday.")
QUOTE_PART = ("Ruiz, who faces re-election in November after a bruising budget fight with the harbor "
              "unions and the port pilots, promised to “reopen the crossing before the spring "
              "floods” in a short televised address.")


def test_a_quotation_given_in_full_by_one_source_and_in_part_by_another_is_partial(tmp_path):
    from sidebyside import quote_parts

    (tmp_path / "a.txt").write_text(f"Mayor vows to rebuild Harbor Bridge\n\n{QUOTE_FULL}\n\n"
                                    "Engineers found the cracks during a routine inspection last "
                                    "week.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Harbor Bridge to stay closed\n\n{QUOTE_PART}\n\n"
                                    "Engineers found cracks in the cables of the Harbor Bridge "
                                    "during a routine inspection last week.\n", encoding="utf-8")
    c = compare_folder(tmp_path, use_cache=False)
    a = next(s for s in c.all_sentences() if s.text == QUOTE_FULL)
    b = next(s for s in c.all_sentences() if s.text == QUOTE_PART)
    assert a.status == b.status == "partial"
    (part,) = a.parts
    said = "reopen the crossing before the spring floods"
    assert a.text[part.start:part.end] == said == b.text[part.to_start:part.to_end]
    assert part.score == 1.0 and part.why.startswith("same quotation")
    # Words outside quotation marks are not a quotation; a few shared words are not one either.
    assert quote_parts.shared("He said the crossing would reopen before the spring floods.",
                              QUOTE_PART) is None
    assert quote_parts.shared("“Reopen the crossing,” they chanted outside city hall on Monday.",
                              QUOTE_PART) is None
