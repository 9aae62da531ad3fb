"""The transformer's check on unique claims (sidebyside/echoes.py): a sentence with no link that
another source says in other words is not called unique; an outlet's own news still is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sidebyside import semantic as S
from sidebyside import transformer as TX
from sidebyside.annotations import NoteStore, anchor
from sidebyside.engine import compare_folder
from sidebyside.model import SHARED, UNIQUE, UNLINKED
from sidebyside.report import to_dict
from widgets.detail import detail_text, status_line

STORY_A = (
    "Harbour bridge delayed again\n\n"
    "The council said on Monday that the new harbour bridge in Portmere will not open before "
    "next spring.\n\n"
    "Engineers found cracks in two of the concrete piers during a routine inspection.\n\n"
    "The mayor, Anna Lind, called the delay deeply frustrating for commuters.\n\n"
    "Local fishermen, led by skipper Tom Brack, plan to hold a regatta in August.\n"
)
STORY_B = (
    "Portmere bridge opening pushed back\n\n"
    "The new harbour bridge in Portmere will not open until next spring, the council said on "
    "Monday.\n\n"
    "Inspectors discovered fractures in a pair of the bridge's concrete supports last week.\n\n"
    "Commuters face months more of waiting, and the town's leader says she is exasperated.\n\n"
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


def test_a_claim_told_otherwise_elsewhere_is_not_unique_and_an_exclusive_still_is(tmp_path):
    c = compare_folder(_folder(tmp_path), use_cache=False)
    assert c.transformer
    mayor = _sentence(c, "a", "The mayor, Anna Lind")
    cracks = _sentence(c, "a", "Engineers found cracks")
    regatta = _sentence(c, "a", "Local fishermen")
    # Each has words and an anchor of its own, and no link: unique before the check.
    for s in (mayor, cracks, regatta):
        assert not s.links and s.novel >= 0.8 and s.anchor
    assert mayor.status == UNLINKED
    assert c.sentence(mayor.echo).text.startswith("Commuters face months more")
    assert cracks.status == UNLINKED
    assert c.sentence(cracks.echo).text.startswith("Inspectors discovered fractures")
    assert regatta.status == UNIQUE and regatta.echo == ""


def test_without_the_transformer_nothing_is_checked(tmp_path, monkeypatch):
    monkeypatch.setenv(TX.ENV_SWITCH, "0")
    c = compare_folder(_folder(tmp_path), use_cache=False)
    assert not c.transformer
    assert all(s.echo == "" for s in c.all_sentences())
    assert _sentence(c, "a", "The mayor, Anna Lind").status == UNIQUE


def test_a_model_that_will_not_open_leaves_the_statuses_as_they_were(tmp_path, monkeypatch):
    def broken():
        raise OSError("model.onnx is damaged")

    monkeypatch.setattr(TX, "load", broken)
    c = compare_folder(_folder(tmp_path), use_cache=False)
    assert all(s.echo == "" for s in c.all_sentences())
    assert _sentence(c, "a", "The mayor, Anna Lind").status == UNIQUE


def test_the_detail_and_the_json_name_the_sentence_that_reads_close(tmp_path):
    c = compare_folder(_folder(tmp_path), use_cache=False)
    mayor = _sentence(c, "a", "The mayor, Anna Lind")
    other = c.sentence(mayor.echo)
    line = status_line(c, mayor)
    assert line.startswith("no link, not called unique: the transformer reads it close to")
    assert f"{other.id} (b ¶{other.paragraph + 1})" in line
    detail = detail_text(c, mayor.id).plain
    assert f"the transformer reads {other.id} (below) close to it" in detail
    assert other.text in detail  # under "Matches in other sources", as the closest
    report = to_dict(c)
    entry = next(e for e in report["sentences"] if e["id"] == mayor.id)
    assert entry["status"] == "unlinked" and entry["echo"] == other.id
    regatta = next(e for e in report["sentences"] if e["text"].startswith("Local fishermen"))
    assert regatta["status"] == "unique" and regatta["echo"] is None
    json.dumps(report)  # plain values


def test_a_reporter_link_makes_it_shared_and_undone_it_is_unlinked_again(tmp_path):
    folder = _folder(tmp_path)
    c = compare_folder(folder, use_cache=False)
    mayor = _sentence(c, "a", "The mayor, Anna Lind")
    other = c.sentence(mayor.echo)
    store = NoteStore(tmp_path / "notes.json", str(folder))
    store.load()
    entry = store.correct("link", mayor, other, c)
    anchor(c, store.live())
    assert mayor.status == SHARED and mayor.echo == ""  # linked: nothing to point to
    store.delete(entry)
    anchor(c, store.live())
    assert mayor.status == UNLINKED and mayor.echo == other.id


def test_a_reporter_who_rejects_the_echo_is_never_pointed_back_to_it(tmp_path):
    folder = _folder(tmp_path)
    c = compare_folder(folder, use_cache=False)
    mayor = _sentence(c, "a", "The mayor, Anna Lind")
    other = c.sentence(mayor.echo)
    store = NoteStore(tmp_path / "notes.json", str(folder))
    store.load()
    entry = store.correct("unlink", mayor, other, c)
    anchor(c, store.live())
    (correction,) = c.corrections
    assert correction.applied  # it changed what the engine said
    assert mayor.echo != other.id
    # read again without the rejected sentence: the next closest, or a unique claim
    assert mayor.status == (UNLINKED if mayor.echo else UNIQUE)
    line = status_line(c, mayor)
    detail = detail_text(c, mayor.id).plain
    assert other.id not in line and other.text not in detail  # not offered as the closest
    assert f"unlinked by reporter ({mayor.id} ↮ {other.id})" in detail
    entry_json = next(e for e in to_dict(c)["sentences"] if e["id"] == mayor.id)
    assert entry_json["echo"] != other.id
    store.delete(entry)
    anchor(c, store.live())
    assert mayor.status == UNLINKED and mayor.echo == other.id


def test_the_check_gives_the_same_result_however_often_it_runs(tmp_path):
    from sidebyside import echoes

    c = compare_folder(_folder(tmp_path), use_cache=False)
    before = [(s.id, s.status, s.echo) for s in c.all_sentences()]
    assert any(echo for _, _, echo in before)
    echoes.read(c)
    echoes.read(c)
    assert [(s.id, s.status, s.echo) for s in c.all_sentences()] == before


def test_the_echo_is_kept_in_the_cache(tmp_path, monkeypatch):
    from sidebyside import engine

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(engine.CACHE_ENV, raising=False)  # tests/conftest.py turns it off
    folder = _folder(tmp_path)
    first = compare_folder(folder, use_cache=True)
    again = compare_folder(folder, use_cache=True)
    assert "cache" in again.timings and "cache" not in first.timings  # read back, not compared
    assert [(s.id, s.echo, s.status) for s in again.all_sentences()] == \
        [(s.id, s.echo, s.status) for s in first.all_sentences()]
    assert any(s.echo for s in again.all_sentences())


def test_a_folder_past_the_bound_is_not_checked(tmp_path, monkeypatch):
    from sidebyside import echoes

    monkeypatch.setattr(echoes, "MAX_STORY", 9)  # the bridge story has ten sentences
    c = compare_folder(_folder(tmp_path), use_cache=False)
    assert c.transformer
    assert all(s.echo == "" for s in c.all_sentences())
    assert _sentence(c, "a", "The mayor, Anna Lind").status == UNIQUE


def _reloaded(folder: Path, notes_file: Path):
    """The comparison as a reporter reopening the folder sees it: compared afresh, the saved
    corrections applied once."""
    c = compare_folder(folder, use_cache=False)
    store = NoteStore(notes_file, str(folder))
    store.load()
    anchor(c, store.live())
    return c


def _state(c) -> list[tuple]:
    return [(s.id, s.status, s.echo, sorted(lk.to for lk in s.links)) for s in c.all_sentences()]


def test_an_unlink_of_the_echo_named_after_a_first_unlink_counts_too(folder, tmp_path):
    """A reporter rejects a sentence's echo, the check names the next closest, and the reporter
    rejects that one too (a review's case, on the seeds): neither is named again, the second
    correction is applied like the first, and reopening the folder shows the same."""
    c = compare_folder(folder, use_cache=False)
    s = next(x for x in c.all_sentences() if x.echo)
    notes_file = tmp_path / "notes.json"
    store = NoteStore(notes_file, str(folder))
    store.load()
    rejected = []
    for _ in range(2):
        if not s.echo:
            break
        rejected.append(s.echo)
        store.correct("unlink", s, c.sentence(s.echo), c)
        anchor(c, store.live())
        assert s.echo not in rejected
    assert len(rejected) == 2, "the seeds' sentence is expected to have a second echo"
    assert [k.applied for k in c.corrections] == [True, True]
    assert _state(c) == _state(_reloaded(folder, notes_file))


def test_a_link_and_an_unlink_of_one_pair_end_as_the_latest_says(folder, tmp_path):
    """Two changes to one pair, in either order, taken in one pass (a colleague's notes read at
    once): the later one stands, as on reopening the folder."""
    c = compare_folder(folder, use_cache=False)
    s = next(x for x in c.all_sentences() if x.echo)
    echo = c.sentence(s.echo)
    notes_file = tmp_path / "notes.json"
    store = NoteStore(notes_file, str(folder))
    store.load()
    first = store.correct("unlink", s, echo, c)
    store.correct("link", s, echo, c)
    anchor(c, store.live())
    assert s.status == SHARED
    store.delete(first)
    store.correct("unlink", s, echo, c)  # now after the link
    anchor(c, store.live())
    assert not s.links and s.status != SHARED and s.echo != echo.id
    assert _state(c) == _state(_reloaded(folder, notes_file))
