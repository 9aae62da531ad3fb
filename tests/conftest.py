from __future__ import annotations

import os
import shutil
from pathlib import Path

# Tests run the lexical matcher, as CI does (it has no embedding model): a developer who built the
# optional semantic model gets the same results. tests/test_match.py turns it on where it tests it.
os.environ["SIDEBYSIDE_SEMANTIC"] = "0"
# Every test computes afresh and writes nothing to the user's cache (tests/test_cache.py turns
# the cache on in a temporary folder where it tests it).
os.environ["SIDEBYSIDE_CACHE"] = "0"

import pytest

from sidebyside.engine import compare_folder, demo_folder

ROOT = Path(__file__).resolve().parents[1]
SEEDS = (ROOT / "seeds").resolve()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    assert SEEDS.is_dir(), f"the seed articles are expected at {SEEDS}"
    return SEEDS


@pytest.fixture
def folder(tmp_path, seeds_dir) -> Path:
    """A copy of the seed articles (tmp_path/docs), to annotate, correct or edit freely."""
    out = tmp_path / "docs"
    out.mkdir()
    for f in sorted(seeds_dir.iterdir()):
        shutil.copyfile(f, out / f.name)
    return out


@pytest.fixture
def notes(tmp_path) -> Path:
    """Where a test's notes store goes (--notes FILE)."""
    return tmp_path / "notes.json"


@pytest.fixture
def private_data_dir(tmp_path, monkeypatch):
    """The app opens the default note store in the user data dir: never the real one in tests
    (modules that start the app use it: `pytestmark = pytest.mark.usefixtures(...)`)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture(scope="session")
def seeds(seeds_dir):
    return compare_folder(seeds_dir)


@pytest.fixture(scope="session")
def demo():
    return compare_folder(demo_folder())


def unlinked_status(s) -> str:
    """The status of a sentence with no link and no partial link: unique when it brings words
    and an anchor of its own (sidebyside/novelty.py) and no other source's sentence reads close
    to it (sidebyside/echoes.py), else `unlinked`."""
    from sidebyside.novelty import NOVEL_MIN

    return "unique" if s.novel >= NOVEL_MIN and s.anchor and not s.echo else "unlinked"


def find(comparison, source_prefix: str, fragment: str):
    """The one sentence of a source whose text contains `fragment` (not a duplicate copy)."""
    hits = [
        s
        for s in comparison.all_sentences()
        if s.source.startswith(source_prefix) and fragment in s.text and s.status != "duplicate"
    ]
    assert hits, f"no sentence in {source_prefix} contains {fragment!r}"
    return hits[0]
