"""The comparison cache: reopening an unchanged folder skips the work; anything else recomputes."""

from __future__ import annotations

import builtins
import io
import json
import os
import pickle
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from sidebyside import cache, engine, formats, load, segment
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

    monkeypatch.setattr(segment, "build_source", boom)
    monkeypatch.setattr(M, "match", boom)
    monkeypatch.setattr(engine, "decode_scan", boom)


def test_second_run_is_a_hit(private_cache, folder, monkeypatch):
    first = engine.compare_folder(folder)
    assert cache.cache_dir().is_relative_to(private_cache)
    assert len(_entries()) == 1
    _forbid_work(monkeypatch)
    stages: list[str] = []
    second = engine.compare_folder(folder, progress=lambda stage, f: stages.append(stage))
    assert "cache" in second.timings
    assert stages[-1] == "done"
    assert second.semantic == first.semantic  # what the matcher reported comes back too
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


@pytest.mark.parametrize(
    "damage", ["garbage", "truncated", "wrong type", "other engine", "empty", "bad field", "nested"])
def test_a_corrupt_or_stale_entry_is_ignored_and_replaced(private_cache, folder, damage):
    first = engine.compare_folder(folder)
    (entry,) = _entries()
    data = entry.read_bytes()
    stored = json.loads(data)
    if damage == "garbage":
        entry.write_bytes(b"\x80\x05not json at all")
    elif damage == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "wrong type":
        entry.write_text(json.dumps(["a list", "not an entry"]))
    elif damage == "other engine":
        stored["engine"] = "0" * 32
        entry.write_text(json.dumps(stored))
    elif damage == "bad field":  # a sentence's offset that is text: refused, not half-built
        stored["comparison"]["sources"][0][7][0][5] = "twelve"
        entry.write_text(json.dumps(stored))
    elif damage == "nested":
        entry.write_text("[" * 100_000 + "]" * 100_000)
    else:
        entry.write_bytes(b"")
    again = engine.compare_folder(folder)
    assert "cache" not in again.timings  # recomputed, not trusted
    assert render(again, "json") == render(first, "json")
    (replaced,) = _entries()
    assert replaced == entry and json.loads(entry.read_bytes())["engine"] == cache.engine_id()
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


# ------------------------------------------------------------- a cache that cannot run code
class _Planted:
    """A pickle that, when loaded, creates a file: what a planted cache entry could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def _key(folder: Path, **options) -> str:
    opts = {"min_score": M.MIN_SCORE, "max_bytes": 5 * 1024 * 1024, "recursive": False} | options
    return cache.key_for(folder, **opts)


def test_a_planted_pickle_never_runs(private_cache, folder, tmp_path):
    marker = tmp_path / "pwned"
    key = _key(folder)
    cache.cache_dir().mkdir(parents=True, mode=0o700)
    for path in (cache._path(key), cache.cache_dir() / f"{key}.pickle"):
        path.write_bytes(pickle.dumps({"format": 1, "comparison": _Planted(marker)}))
        path.chmod(0o600)
    comparison = engine.compare_folder(folder)
    assert not marker.exists(), "loading the cache ran code"
    assert "cache" not in comparison.timings
    assert "cache" in engine.compare_folder(folder).timings
    assert not (cache.cache_dir() / f"{key}.pickle").exists()  # an old-format entry is pruned


def test_entries_are_json_in_a_private_folder(private_cache, folder):
    engine.compare_folder(folder)
    (entry,) = _entries()
    stored = json.loads(entry.read_bytes())
    assert stored["format"] == cache.CACHE_VERSION and stored["comparison"]["format"]
    if hasattr(os, "getuid"):
        assert entry.stat().st_mode & 0o777 == 0o600
        assert cache.cache_dir().stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("which", ["seeds", "demo"])
def test_a_cached_comparison_equals_the_fresh_one_field_by_field(private_cache, tmp_path, which,
                                                                 seeds_dir):
    from sidebyside.cache_codec import same

    src = seeds_dir if which == "seeds" else engine.demo_folder()
    folder = tmp_path / which
    shutil.copytree(src, folder)
    fresh = engine.compare_folder(folder)
    cached = engine.compare_folder(folder)
    assert "cache" in cached.timings and "cache" not in fresh.timings
    fresh.timings = cached.timings = {}
    assert same(fresh, cached) == []
    # A quantity on a sentence and in the folder's list of figures is one object, as computed.
    for q in cached.numbers:
        assert any(q is other for other in cached.sentence(q.sentence).numbers)
    assert cached.sentence(cached.sources[0].sentences[0].id) is cached.sources[0].sentences[0]


def test_round_trip_keeps_odd_values(private_cache):
    from sidebyside.cache_codec import decode, encode, same
    from sidebyside.model import Comparison, Quantity, Sentence, Skipped, Source

    q = Quantity("some 600", 0, 8, 600.0, -0.0, float("inf"), "about", None, "count",
                 sources=["caf\udce9"])
    s = Sentence("caf\udce9:0", "caf\udce9", 0, 0, "some 600 \x1b[2J", 0, 8, numbers=[q])
    src = Source("caf\udce9", "caf\udce9.txt", "/x/caf\udce9.txt", "", "some 600 \x1b[2J",
                 sentences=[s])
    loose = Quantity("1.5", 0, 3, 0.1 + 0.2, float("nan"), 1e308, None, "%", "percent")
    c = Comparison("/x", [src], skipped=[Skipped("b\udcff.txt", "empty file")],
                   rows=[{"caf\udce9": 0}], numbers=[q, loose], timings={"load": 0.5})
    data = json.dumps(encode(c), ensure_ascii=False).encode("utf-8", "surrogatepass")
    back = decode(json.loads(data.decode("utf-8", "surrogatepass")))
    assert same(c, back) == []
    assert back.numbers[0] is back.sources[0].sentences[0].numbers[0]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="owners and modes: POSIX")
def test_a_cache_folder_others_can_write_is_not_read(private_cache, folder):
    engine.compare_folder(folder)
    d = cache.cache_dir()
    d.chmod(0o777)
    assert "cache" not in engine.compare_folder(folder).timings  # skipped, and made private
    assert d.stat().st_mode & 0o777 == 0o700
    assert "cache" in engine.compare_folder(folder).timings
    (entry,) = _entries()
    entry.chmod(0o666)
    assert "cache" not in engine.compare_folder(folder).timings


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="owners and modes: POSIX")
def test_an_entry_that_is_a_link_is_not_followed(private_cache, folder, tmp_path):
    engine.compare_folder(folder)
    (entry,) = _entries()
    elsewhere = tmp_path / "elsewhere.json"
    shutil.move(entry, elsewhere)
    entry.symlink_to(elsewhere)
    assert "cache" not in engine.compare_folder(folder).timings


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a file to another account needs root")
def test_an_entry_or_folder_of_another_account_is_not_read(private_cache, folder):
    engine.compare_folder(folder)
    (entry,) = _entries()
    os.chown(entry, 12345, 12345)
    assert "cache" not in engine.compare_folder(folder).timings
    engine.compare_folder(folder)
    os.chown(cache.cache_dir(), 12345, 12345)
    assert "cache" not in engine.compare_folder(folder).timings
    assert _entries()  # nothing was written into a folder of someone else's


def test_the_key_follows_a_readers_availability(private_cache, tmp_path, monkeypatch):
    """Installing, removing or breaking the HTML reader (or a piece of it) changes the key, so a
    cached "HTML support is not installed" is not served after the user installs it."""
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.txt").write_text("The bridge closed on Monday.", encoding="utf-8")
    (folder / "b.html").write_text("<p>The bridge closed on Monday.</p>", encoding="utf-8")
    before = _key(folder)
    assert _key(folder) == before
    with monkeypatch.context() as m:  # not importable at all
        m.setitem(sys.modules, "trafilatura", None)
        assert _key(folder) != before
    assert _key(folder) == before
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "trafilatura.py").write_text("raise ImportError('a piece is missing')\n")
    with monkeypatch.context() as m:  # found, but another (broken) copy
        m.syspath_prepend(str(shadow))
        broken = _key(folder)
        assert broken != before
        time.sleep(0.01)
        (shadow / "lxml_html_clean.py").write_text("")  # the missing piece installed
        assert _key(folder) != broken
    text_only = tmp_path / "text"
    text_only.mkdir()
    for name in ("a.txt", "b.txt"):
        (text_only / name).write_text("The bridge closed on Monday.", encoding="utf-8")
    plain = _key(text_only)
    with monkeypatch.context() as m:  # a folder without pages does not depend on the reader
        m.setitem(sys.modules, "trafilatura", None)
        assert _key(text_only) == plain


def test_the_key_follows_the_semantic_model(tmp_path, monkeypatch):
    # With semantic matching on by default, a rebuilt or missing model must not serve comparisons
    # made with another one (the key looked for the old extra's file names: always "no model").
    import shutil

    from sidebyside import cache, semantic

    monkeypatch.setenv("SIDEBYSIDE_SEMANTIC", "1")
    shipped = cache._semantic_state()
    assert not shipped.startswith("no model") and shipped != "off"
    copy = tmp_path / "model"
    shutil.copytree(semantic.model_dir(), copy)
    monkeypatch.setenv("SIDEBYSIDE_MODEL_DIR", str(copy))
    record = json.loads((copy / "MODEL.json").read_text(encoding="utf-8"))
    first = cache._semantic_state()
    record["sha256"] = {k: "0" * 64 for k in record["sha256"]}
    (copy / "MODEL.json").write_text(json.dumps(record), encoding="utf-8")
    assert cache._semantic_state() != first
    (copy / semantic.VECTORS).unlink()
    assert cache._semantic_state().startswith("no model")
    monkeypatch.setenv("SIDEBYSIDE_SEMANTIC", "0")
    assert cache._semantic_state() == "off"


# ------------------------------------------------------------------- the folder, read once
def count_opens(monkeypatch, folder: Path) -> Counter:
    """How many times each file under `folder` is opened from now on (os.open, io.open and
    open: every way the package reads a file), by name within the folder."""
    opened: Counter = Counter()
    root = os.path.realpath(folder) + os.sep
    real_os_open, real_io_open = os.open, io.open

    def note(path) -> None:
        if isinstance(path, (str, bytes, os.PathLike)):
            full = os.path.realpath(os.fsdecode(path))
            if full.startswith(root):
                opened[full[len(root):]] += 1

    def os_open(path, *args, **kwargs):
        if kwargs.get("dir_fd") is None:
            note(path)
        return real_os_open(path, *args, **kwargs)

    def io_open(file, *args, **kwargs):
        note(file)
        return real_io_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(io, "open", io_open)
    monkeypatch.setattr(builtins, "open", io_open)
    return opened


def count_decodes(monkeypatch) -> Counter:
    """How many times each file is decoded (its text detected or extracted), by name."""
    decoded: Counter = Counter()
    real = load.decode_file

    def spy(entry):
        decoded[entry.name] += 1
        return real(entry)

    monkeypatch.setattr(load, "decode_file", spy)
    return decoded


def test_a_compare_reads_each_file_once_and_a_reopen_decodes_none(private_cache, folder,
                                                                  monkeypatch):
    names = sorted(p.name for p in folder.iterdir())
    with monkeypatch.context() as m:
        opened, decoded = count_opens(m, folder), count_decodes(m)
        first = engine.compare_folder(folder)  # a miss: scanned, hashed, decoded, stored
    assert "cache" not in first.timings and len(_entries()) == 1
    assert opened == Counter(names)  # once each: not again for the key, nor to see a change
    assert decoded == Counter(names)
    with monkeypatch.context() as m:
        opened, decoded = count_opens(m, folder), count_decodes(m)
        second = engine.compare_folder(folder)  # a hit: the bytes hashed, nothing decoded
    assert "cache" in second.timings
    assert opened == Counter(names) and decoded == Counter()


def test_a_pdf_is_decoded_once_per_compare(private_cache, tmp_path, monkeypatch):
    from sidebyside.formats_base import Extracted

    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text("The bridge closed on Monday after engineers found cracks.",
                                  encoding="utf-8")
    (folder / "b.pdf").write_bytes(b"%PDF-1.4 a release in a format of its own")
    calls: list[bytes] = []

    def reader(data: bytes) -> Extracted:
        calls.append(data)
        return Extracted("The ministry said the bridge closed on Monday.", encoding="pdf")

    monkeypatch.setitem(formats.READERS, ".pdf", reader)
    comparison = engine.compare_folder(folder)
    assert [s.file for s in comparison.sources] == ["a.txt", "b.pdf"]
    assert calls == [(folder / "b.pdf").read_bytes()]
    assert "cache" in engine.compare_folder(folder).timings
    assert len(calls) == 1  # the reopen hashed the bytes and extracted nothing
    engine.compare_folder(folder, use_cache=False)
    assert len(calls) == 2


@pytest.mark.parametrize("change", ["appended", "rewritten", "replaced", "removed"])
def test_a_file_changed_while_comparing_is_not_cached(private_cache, folder, change):
    target = sorted(folder.iterdir())[0]
    original = target.read_bytes()

    def edit() -> None:
        if change == "appended":
            with open(target, "ab") as fh:
                fh.write(b"\n\nA late paragraph.\n")
        elif change == "rewritten":  # same size, in place: its change time moves
            target.write_bytes(original.replace(b"e", b"E", 1))
            st = target.stat()
            os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
        elif change == "replaced":  # same size, another file renamed over it (a new inode)
            spare = target.with_name(".spare")
            spare.write_bytes(original.replace(b"e", b"E", 1))
            os.replace(spare, target)
        else:
            target.unlink()

    edited: list[str] = []

    def progress(stage: str, fraction: float) -> None:
        if stage == "match" and not edited:  # after the scan, before the result is stored
            edited.append(stage)
            edit()

    comparison = engine.compare_folder(folder, progress=progress)
    assert edited and comparison.sources and "cache" not in comparison.timings
    assert _entries() == []  # compared, not stored
    if change != "removed":
        assert "cache" not in engine.compare_folder(folder).timings  # computed again, stored
        assert "cache" in engine.compare_folder(folder).timings


def test_an_unchanged_folder_is_stored_under_the_key_of_its_scan(private_cache, folder):
    engine.compare_folder(folder)
    (entry,) = _entries()
    assert entry.name == _key(folder) + cache.SUFFIX  # what key_for gives (the benchmarks use it)
    scan = load.scan_folder(folder)
    assert cache.key_of(scan, M.MIN_SCORE) == _key(folder)


def test_the_key_follows_every_byte_and_every_entry(private_cache, folder):
    before = _key(folder)
    target = sorted(folder.iterdir())[0]
    original = target.read_bytes()
    target.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))  # one bit, same size
    assert _key(folder) != before
    target.write_bytes(original)
    assert _key(folder) == before
    (folder / ".hidden.txt").write_text("not a document")  # the loader ignores it: so does the key
    assert _key(folder) == before
    (folder / "notes.png").write_bytes(b"\x89PNG")  # skipped, but listed with its reason
    assert _key(folder) != before
    assert _key(folder, recursive=True) != _key(folder)


def test_a_scan_without_reading_opens_no_file(folder, monkeypatch):
    opened = count_opens(monkeypatch, folder)
    scan = load.scan_folder(folder, read=False)
    assert opened == Counter()
    assert [e.name for e in scan.readable()] == sorted(p.name for p in folder.iterdir())
    assert all(e.data == b"" for e in scan.entries)


def test_a_scan_lets_its_bytes_go_once_decoded(folder):
    scan = load.scan_folder(folder)
    key = cache.key_of(scan, M.MIN_SCORE)
    assert all(e.data for e in scan.readable())
    docs, _ = load.decode_scan(scan)
    assert len(docs) == 2 and all(e.data == b"" for e in scan.entries)
    assert not scan.changed()
    with pytest.raises(ValueError):
        load.decode_scan(scan)  # decoding it again would decode nothing
    with pytest.raises(ValueError):
        cache.key_of(scan, M.MIN_SCORE)  # nor may its key be made from bytes let go
    assert cache.key_of(load.scan_folder(folder), M.MIN_SCORE) == key
