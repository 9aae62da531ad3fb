"""Reports carry the notes; the HTML export is one self-contained page that a browser opens."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest

from sidebyside.annotations import NoteStore
from sidebyside.engine import compare_folder, demo_folder
from sidebyside.export import write_export
from sidebyside.html_report import to_html

from .conftest import find


@pytest.fixture
def noted(tmp_path, seeds_dir):
    folder = tmp_path / "docs"
    folder.mkdir()
    for f in seeds_dir.iterdir():
        shutil.copy(f, folder / f.name)
    notes = tmp_path / "notes.json"
    c = compare_folder(folder)
    store = NoteStore(notes, str(folder))
    store.load()
    s600 = find(c, "000", "some 600 North Korean troops")
    store.add(s600, c.source("000").file, c, "ask the NIS for the exact figure", "disputed")
    byline = find(c, "000", "By Stefan J. Bos")
    store.add(byline, c.source("000").file, c, "check the byline", "verified")
    orphan = store.add(find(c, "001", "Kommersant"), c.source("001").file, c, "find the Kommersant piece")
    orphan.text = "a sentence that no longer exists anywhere"
    orphan.occurrence = 0
    store.save(orphan)
    return folder, notes, s600.id


def run_report(folder: Path, notes: Path, fmt: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "sidebyside", str(folder), "--report", fmt, "--notes", str(notes)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_json_report_lists_notes_on_their_sentences(noted):
    folder, notes, sid = noted
    data = json.loads(run_report(folder, notes, "json"))
    by_note = {a["note"]: a for a in data["annotations"]}
    assert by_note["ask the NIS for the exact figure"] == {
        "target": sid, "status": "disputed", "note": "ask the NIS for the exact figure", "orphaned": False,
    }
    assert by_note["find the Kommersant piece"]["orphaned"] is True


def test_markdown_places_each_note_under_its_sentence(noted):
    folder, notes, _ = noted
    md = run_report(folder, notes, "md")
    lines = md.splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith("- Wednesday’s announcement"))
    assert lines[i + 1] == "  - ✎ **disputed**: ask the NIS for the exact figure"
    assert "## Notes on other sentences" in md and "check the byline" in md
    assert "## Orphaned notes" in md and "find the Kommersant piece" in md


def test_html_is_self_contained_with_highlights_and_notes(noted, tmp_path):
    folder, notes, sid = noted
    html = run_report(folder, notes, "html")
    assert html.startswith("<!DOCTYPE html>")
    for needle in ("http://", "https://", "<script", "<link", "@import", "url("):
        assert needle not in html, needle
    assert f'id="{sid}"' in html
    assert '<mark class="qualifier"' in html
    assert "ask the NIS for the exact figure" in html
    assert "Orphaned notes" in html
    assert html.count("<th>") == 2
    # the page is named after the comparison, not after one outlet's headline
    assert f"<title>sidebyside: {escape(folder.name)} · 2 sources</title>" in html


def test_write_export_is_atomic_and_reports_bad_paths(tmp_path):
    c = compare_folder(demo_folder())
    out = write_export(c, "html", tmp_path / "sub" / "demo.html")
    assert out.read_text(encoding="utf-8") == to_html(c)
    assert [p.name for p in out.parent.iterdir()] == ["demo.html"]
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OSError):
        write_export(c, "md", blocker / "x.md")


def test_report_html_to_file_via_cli(tmp_path):
    out = tmp_path / "demo.html"
    result = subprocess.run(
        [sys.executable, "-m", "sidebyside", "--demo", "--report", "html", "-o", str(out)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0 and out.exists()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_html_export_opens_in_headless_chromium(tmp_path):
    c = compare_folder(demo_folder())
    page = write_export(c, "html", tmp_path / "demo.html")
    shot = tmp_path / "demo.png"
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    )
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert c.disagreements and "<table>" in dom.stdout
    from html import escape

    first = c.disagreements[0].summary()  # the brief lists every disagreement, as the browser shows
    assert escape(first, quote=False) in dom.stdout or first in dom.stdout, first
    result = subprocess.run(
        [CHROMIUM, *flags, f"--screenshot={shot}", "--window-size=1400,1000", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0 and shot.stat().st_size > 10_000
