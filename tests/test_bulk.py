"""Bulk sources (issue 13): a source of more than BULK_SENTENCES sentences (a book, a log) is
compared with caps so that a 5 MB file stays within seconds: its figures are read only where
another source shares the sentence, it takes no part in partial claims, and its folder is
matched lexically. The threshold is lowered here so that a small folder shows the behaviour."""

from __future__ import annotations

import pytest

from sidebyside import model
from sidebyside.engine import compare_folder

BOOK = """The ferry company said 420 passengers were stranded at the harbour on Monday night.

The harbour master closed the port to all traffic after the storm broke the sea wall.

Fishermen said 37 boats had been damaged in the old marina near the lighthouse.

A council spokesman promised a report on the repairs within a fortnight.

The lighthouse keeper counted 12 broken windows in the keeper's cottage by dawn.
"""

ARTICLE = """Storm strands ferry passengers

The ferry company said 420 passengers were stranded at the harbour on Monday night.

Volunteers from the church served 300 hot meals to families waiting for news.
"""


def _folder(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "book.txt").write_text(BOOK, encoding="utf-8")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def _by_text(c, source_file: str, start: str):
    src = next(s for s in c.sources if s.file == source_file)
    return src, next(s for s in src.sentences if s.text.startswith(start))


def _figures(sentence) -> list[float]:
    return [q.value for q in sentence.numbers if q.kind != "date"]  # "Monday" is a date too


def test_a_small_folder_is_not_bulk(tmp_path, monkeypatch):
    monkeypatch.setenv("SIDEBYSIDE_SEMANTIC", "1")
    c = compare_folder(_folder(tmp_path), use_cache=False)
    assert not any(src.bulk for src in c.sources)
    _, boats = _by_text(c, "book.txt", "Fishermen")
    assert boats.status == "unique" and _figures(boats) == [37.0]
    assert c.semantic  # the shipped model is used when no source is bulk


def test_a_bulk_source_reads_figures_only_where_shared(tmp_path, monkeypatch):
    monkeypatch.setenv("SIDEBYSIDE_SEMANTIC", "1")
    monkeypatch.setattr(model, "BULK_SENTENCES", 3)
    c = compare_folder(_folder(tmp_path), use_cache=False)
    book, stranded = _by_text(c, "book.txt", "The ferry company")
    assert book.bulk
    assert stranded.status == "shared" and _figures(stranded) == [420.0]
    _, boats = _by_text(c, "book.txt", "Fishermen")
    assert boats.status == "unique" and boats.numbers == []  # not read: a bulk source's own
    article, meals = _by_text(c, "article.txt", "Volunteers")
    assert not article.bulk
    assert meals.status == "unique" and _figures(meals) == [300.0]
    assert not c.semantic  # a folder holding a bulk source is matched lexically
    assert all(s.parts == [] for s in book.sentences)  # no partial claims in a bulk source


@pytest.mark.parametrize("limit", [3, 10_000])
def test_the_shared_claim_is_found_either_way(tmp_path, monkeypatch, limit):
    monkeypatch.setattr(model, "BULK_SENTENCES", limit)
    c = compare_folder(_folder(tmp_path), use_cache=False)
    _, stranded = _by_text(c, "book.txt", "The ferry company")
    _, other = _by_text(c, "article.txt", "The ferry company")
    assert [link.to for link in stranded.links] == [other.id]


def test_the_brief_says_a_huge_source_was_compared_with_caps(tmp_path, monkeypatch):
    from sidebyside.report import to_markdown

    folder = _folder(tmp_path)
    monkeypatch.setattr(model, "BULK_SENTENCES", 3)
    brief = to_markdown(compare_folder(folder, use_cache=False))
    assert "book.txt has 5 sentences: a huge source is compared by words only" in brief
    monkeypatch.setattr(model, "BULK_SENTENCES", 10_000)
    assert "huge source" not in to_markdown(compare_folder(folder, use_cache=False))


def test_a_reporter_link_on_a_bulk_sentence_reads_its_figures_and_shows_the_conflict(
        tmp_path, monkeypatch):
    from sidebyside.annotations import NoteStore, anchor

    folder = _folder(tmp_path)
    (folder / "article.txt").write_text(
        ARTICLE + "\nBy Tuesday the insurers had listed 41 damaged boats.\n",
        encoding="utf-8")
    monkeypatch.setattr(model, "BULK_SENTENCES", 3)
    c = compare_folder(folder, use_cache=False)
    _, boats = _by_text(c, "book.txt", "Fishermen")
    _, counted = _by_text(c, "article.txt", "By Tuesday")
    # So small a folder links the two by "damaged boats": take that link away, as if never made.
    from sidebyside import findings

    boats.links, counted.links = [], []
    findings.set_statuses(c)
    findings.read_numbers(c)
    findings.find_disagreements(c)
    assert boats.numbers == [] and not c.disagreements  # never shared: never read
    store = NoteStore(tmp_path / "notes.json", str(folder))
    store.load()
    store.correct("link", boats, counted, c)
    anchor(c, store.live())
    assert _figures(boats) == [37.0] and boats.status == "shared"
    [d] = c.disagreements
    assert {side.text for side in d.sides} == {"37 boats", "41"} and d.kind == "value"
    # The link taken back: so are the figures read for it (a bulk source's own stay unread).
    store.delete(next(e for e in store.live() if e.kind == "link"))
    anchor(c, store.live())
    assert boats.numbers == [] and not c.disagreements
    assert "37 boats" not in [q.text for q in c.single_source_numbers()]
