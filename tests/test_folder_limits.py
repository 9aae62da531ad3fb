"""The folder's limits (issue 7): the size cap, subfolders only with --recursive, links that lead
outside, FIFOs and unreadable files, unsupported and old formats: each skipped with its reason."""


import json
import os
import subprocess
import sys
from pathlib import Path

from sidebyside.engine import compare_folder
from sidebyside.load import load_folder

# --- the story, five ways -----------------------------------------------------------------------


# --- limits -----------------------------------------------------------------------------------------


def test_size_cap_and_subfolders(tmp_path):
    (tmp_path / "a.txt").write_text("The bridge was closed on Tuesday after cracks were found.")
    (tmp_path / "b.txt").write_text("The bridge closed on Tuesday. " * 50)
    sub = tmp_path / "more"
    sub.mkdir()
    (sub / "c.md").write_text("# Bridge\n\nThe bridge is shut for six weeks.")
    (sub / ".hidden").mkdir()
    (sub / ".hidden" / "d.txt").write_text("hidden")
    docs, skipped = load_folder(tmp_path, max_bytes=500)
    assert [d.file for d in docs] == ["a.txt"]
    reasons = {s.file: s.reason for s in skipped}
    assert reasons["b.txt"].startswith("too large")
    assert "--recursive" in reasons["more"]
    docs, skipped = load_folder(tmp_path, recursive=True)
    assert [d.file for d in docs] == ["a.txt", "b.txt", "more/c.md"]
    assert skipped == []
    c = compare_folder(tmp_path, recursive=True)
    assert [s.file for s in c.sources] == ["a.txt", "b.txt", "more/c.md"]


def test_recursive_flag_on_the_command_line(tmp_path):
    (tmp_path / "a.txt").write_text("The bridge was closed on Tuesday after cracks were found.")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text("The bridge closed on Tuesday after cracks were found.")
    run = [sys.executable, "-m", "sidebyside", str(tmp_path), "--report", "json"]
    flat = subprocess.run(run, capture_output=True, text=True, timeout=60)
    assert flat.returncode == 2 and "at least two" in flat.stderr
    deep = subprocess.run([*run, "--recursive"], capture_output=True, text=True, timeout=60)
    assert deep.returncode == 0, deep.stderr
    assert [s["file"] for s in json.loads(deep.stdout)["sources"]] == ["a.txt", "sub/b.txt"]


def test_links_outside_fifos_and_unreadable_files_are_skipped(tmp_path, monkeypatch):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("The bridge was closed on Tuesday after cracks were found.")
    (folder / "b.txt").write_text("The bridge closed on Tuesday.")
    outside = tmp_path / "secret.txt"
    outside.write_text("Outside text.")
    (folder / "link.txt").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "a.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")  # reading it would block: never opened
    real_open = os.open

    def guarded_open(path, *args, **kwargs):
        if Path(path).name == "b.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    docs, skipped = load_folder(folder)
    assert [d.file for d in docs] == ["a.txt", "inside.txt"]
    reasons = {s.file: s.reason for s in skipped}
    assert reasons["link.txt"] == "link to a file outside the folder"
    assert reasons["gone.txt"] == "broken link"
    assert reasons["b.txt"] == "permission denied"
    if hasattr(os, "mkfifo"):
        assert reasons["pipe.txt"] == "not a regular file"


def test_unsupported_and_old_formats_have_reasons(tmp_path):
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 old word")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    docs, skipped = load_folder(tmp_path)
    reasons = {s.file: s.reason for s in skipped}
    assert "save it as .docx" in reasons["old.doc"]
    assert "unsupported" in reasons["photo.jpg"]
    assert reasons["blank.txt"] == "empty file"
