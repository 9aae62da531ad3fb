"""The comparison cache: reopening an unchanged folder skips the work; anything else recomputes."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sidebyside import cache, clean, engine
from sidebyside import match as M
from sidebyside.annotations import NoteStore, anchor
from sidebyside.export import render


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    """A cache dir of the test's own (the semantic model dir is unaffected: conftest turns the
    extra off, and SIDEBYSIDE_MODEL_DIR pins it where it was)."""
    from sidebyside import semantic

    monkeypatch.setenv("SIDEBYSIDE_MODEL_DIR", str(semantic.model_dir()))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(engine.CACHE_ENV, raising=False)
    return tmp_path / "cache"


@pytest.fixture
def folder(tmp_path, seeds_dir) -> Path:
    f = tmp_path / "story"
    shutil.copytree(seeds_dir, f)
    return f


def _entries() -> list[Path]:
    d = cache.cache_dir()
    return sorted(d.glob("*" + cache.SUFFIX)) if d.is_dir() else []


def _forbid_work(monkeypatch) -> None:
    def boom(*args, **kwargs):
        raise AssertionError("the engine ran on a cache hit")

    monkeypatch.setattr(clean, "build_source", boom)
    monkeypatch.setattr(M, "match", boom)
    monkeypatch.setattr(engine, "load_folder", boom)


def test_second_run_is_a_hit(private_cache, folder, monkeypatch):
    first = engine.compare_folder(folder)
    assert cache.cache_dir().is_relative_to(private_cache)
    assert len(_entries()) == 1
    links = M.last_run.links
    M.last_run = M.MatchRun()
    _forbid_work(monkeypatch)
    stages: list[str] = []
    second = engine.compare_folder(folder, progress=lambda stage, f: stages.append(stage))
    assert "cache" in second.timings
    assert stages[-1] == "done"
    assert M.last_run.links == links  # what the matcher reported comes back too
    assert render(second, "json") == render(first, "json")
    assert second.sentence(second.sources[0].sentences[0].id) is second.sources[0].sentences[0]


def test_a_changed_file_is_a_miss(private_cache, folder):
    engine.compare_folder(folder)
    target = sorted(folder.iterdir())[0]
    target.write_text(target.read_text(encoding="utf-8") + "\n\nA new closing line was added.\n",
                      encoding="utf-8")
    again = engine.compare_folder(folder)
    assert "cache" not in again.timings
    assert any("A new closing line was added." in s.text for s in again.all_sentences())
    assert len(_entries()) == 2


def test_renamed_file_and_other_options_are_misses(private_cache, folder):
    engine.compare_folder(folder)
    assert "cache" not in engine.compare_folder(folder, min_score=0.5).timings
    assert "cache" not in engine.compare_folder(folder, max_bytes=10**6).timings
    first = sorted(folder.iterdir())[0]
    first.rename(folder / ("zz_" + first.name))
    assert "cache" not in engine.compare_folder(folder).timings
    assert "cache" in engine.compare_folder(folder).timings


def test_no_cache_neither_reads_nor_writes(private_cache, folder, monkeypatch):
    engine.compare_folder(folder, use_cache=False)
    assert _entries() == []
    monkeypatch.setenv(engine.CACHE_ENV, "0")
    engine.compare_folder(folder)
    assert _entries() == []


@pytest.mark.parametrize("damage", ["garbage", "truncated", "wrong type", "other engine", "empty"])
def test_a_corrupt_or_stale_entry_is_ignored_and_replaced(private_cache, folder, damage):
    first = engine.compare_folder(folder)
    (entry,) = _entries()
    data = entry.read_bytes()
    if damage == "garbage":
        entry.write_bytes(b"\x80\x05not a pickle at all")
    elif damage == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "wrong type":
        entry.write_bytes(pickle.dumps(["a list", "not an entry"]))
    elif damage == "other engine":
        stored = pickle.loads(data)
        stored["engine"] = "0" * 32
        entry.write_bytes(pickle.dumps(stored))
    else:
        entry.write_bytes(b"")
    again = engine.compare_folder(folder)
    assert "cache" not in again.timings  # recomputed, not trusted
    assert render(again, "json") == render(first, "json")
    (replaced,) = _entries()
    assert replaced == entry and pickle.loads(entry.read_bytes())["engine"] == cache.engine_id()
    assert "cache" in engine.compare_folder(folder).timings


def test_annotations_are_not_cached(private_cache, folder, tmp_path):
    first = engine.compare_folder(folder)
    store = NoteStore(tmp_path / "notes.json", str(folder.resolve()))
    sent = next(s for s in first.all_sentences() if s.claim)
    store.add(sent, first.source(sent.source).file, first, "checked with the council")
    anchor(first, store.load())
    assert first.annotations
    second = engine.compare_folder(folder)
    assert "cache" in second.timings
    assert second.annotations == []


def test_the_cache_keeps_only_the_most_recent_entries(private_cache, folder, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    for score in (0.3, 0.4, 0.5, 0.6, 0.7):
        engine.compare_folder(folder, min_score=score)
    assert len(_entries()) == 3
    assert "cache" in engine.compare_folder(folder, min_score=0.7).timings
    assert "cache" not in engine.compare_folder(folder, min_score=0.3).timings


def test_an_unwritable_cache_never_stops_the_comparison(private_cache, folder):
    private_cache.parent.mkdir(parents=True, exist_ok=True)
    private_cache.write_text("a file where the cache folder should be")
    comparison = engine.compare_folder(folder)
    assert comparison.sources and "cache" not in comparison.timings


def test_cli_no_cache_flag(private_cache, folder):
    env = dict(os.environ)
    run = [sys.executable, "-m", "sidebyside", str(folder), "--report", "json"]
    out = subprocess.run([*run, "--no-cache"], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert _entries() == []
    out2 = subprocess.run(run, capture_output=True, text=True, env=env, timeout=120)
    assert out2.returncode == 0, out2.stderr
    assert len(_entries()) == 1
    out3 = subprocess.run(run, capture_output=True, text=True, env=env, timeout=120)
    assert out3.stdout == out2.stdout == out.stdout
