"""sidebyside/files.py: the one atomic write the note store, the exports and the cache use."""

from __future__ import annotations

import gc
import os
import stat

import pytest

from sidebyside.files import gc_paused, write_atomic, write_text_atomic


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
