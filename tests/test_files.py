"""sidebyside/files.py: the one atomic write the note store, the exports and the cache use."""

from __future__ import annotations

import gc
import os
import stat

import pytest

from sidebyside.files import READ_FLAGS, gc_paused, read_upto, write_atomic, write_text_atomic


def test_replaces_whole_keeps_a_backup_and_sets_the_mode(tmp_path):
    path = tmp_path / "notes.json"
    write_text_atomic(path, "first")
    write_text_atomic(path, "second ✓", backup=True, mode=0o644)
    assert path.read_text(encoding="utf-8") == "second ✓"
    assert (tmp_path / "notes.json.bak").read_text() == "first"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json", "notes.json.bak"]


def test_a_failing_write_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "report.md"
    path.write_text("old")

    def broken(fh) -> None:
        fh.write(b"half of a rep")
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        write_atomic(path, broken, backup=True)
    assert path.read_text() == "old"
    assert os.listdir(tmp_path) == ["report.md"]


def test_gc_paused_restores_the_collector():
    assert gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def _read(path, limit, size=0) -> bytes:
    fd = os.open(path, READ_FLAGS)
    try:
        return read_upto(fd, limit, size)
    finally:
        os.close(fd)


def test_read_upto_reads_the_whole_file_or_one_byte_past_the_limit(tmp_path):
    path = tmp_path / "a.txt"
    data = bytes(range(256)) * 5000  # 1.28 MB: more than one piece when the size is not given
    path.write_bytes(data)
    assert _read(path, len(data), len(data)) == data
    assert _read(path, len(data)) == data
    assert _read(path, 10**12, len(data)) == data  # a huge limit reserves nothing like it
    assert _read(path, 100) == data[:101]  # over the limit: one byte more says so
    assert _read(path, 100, len(data)) == data[:101]
    assert _read(path, 0) == data[:1]
    path.write_bytes(b"")
    assert _read(path, 100) == b""


def test_read_upto_reads_past_a_stale_size(tmp_path):
    # The file grew after its size was taken: the rest is read too, up to the limit.
    path = tmp_path / "grown.txt"
    path.write_bytes(b"x" * 3000)
    assert _read(path, 10_000, size=10) == b"x" * 3000
    assert len(_read(path, 2000, size=10)) == 2001


def test_an_exclusive_write_creates_but_never_replaces(tmp_path):

    new = tmp_path / "new.json"
    write_text_atomic(new, "{}", exclusive=True)
    assert new.read_text() == "{}"
    write_text_atomic(new, "[1]", exclusive=True)  # another program's file is left as it is
    assert new.read_text() == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.json"]  # no temporary left
