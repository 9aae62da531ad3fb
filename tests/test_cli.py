"""The command line: reports, and bad input that gets one line on stderr and exit code 2."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sidebyside.cli import main


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sidebyside", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def assert_bad_input(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert words in lines[0]


def test_missing_folder(tmp_path):
    assert_bad_input(run_cli(str(tmp_path / "nope"), "--report", "json"), "not found")


def test_missing_folder_without_report_also_fails_before_the_ui(tmp_path):
    assert_bad_input(run_cli(str(tmp_path / "nope")), "not found")


def test_empty_folder(tmp_path):
    assert_bad_input(run_cli(str(tmp_path), "--report", "md"), "empty")


def test_one_document_is_not_enough(tmp_path, seeds_dir):
    shutil.copy(next(seeds_dir.iterdir()), tmp_path / "only.txt")
    assert_bad_input(run_cli(str(tmp_path), "--report", "json"), "at least two")


def test_a_file_not_a_folder(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("hello")
    assert_bad_input(run_cli(str(f), "--report", "json"), "not a folder")


def test_no_arguments():
    assert_bad_input(run_cli(), "no folder given")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_permission_denied_file_is_skipped(tmp_path, seeds_dir):
    for f in seeds_dir.iterdir():
        shutil.copy(f, tmp_path / f.name)
    locked = tmp_path / "locked.txt"
    locked.write_text("secret text")
    locked.chmod(0)
    report = json.loads(run_cli(str(tmp_path), "--report", "json").stdout)
    assert {"file": "locked.txt", "reason": "permission denied"} in report["skipped"]


def test_bad_files_are_skipped_with_a_reason_and_the_rest_compared(tmp_path, seeds_dir):
    for f in seeds_dir.iterdir():
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 200)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners in the r\xe9gion said little.".encode("latin-1"))
    (tmp_path / ".hidden.txt").write_text("hidden")
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    result = run_cli(str(tmp_path), "--report", "json", "--max-bytes", "4000")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    skipped = {s["file"]: s["reason"] for s in report["skipped"]}
    assert "unsupported" in skipped["image.png"]
    assert "binary" in skipped["binary.txt"]
    assert "too large" in skipped["big.txt"]
    assert ".hidden.txt" not in skipped
    files = [s["file"] for s in report["sources"]]
    assert "latin1.txt" in files
    latin = next(s for s in report["sentences"] if s["source"] == "latin1")
    assert "Café" in latin["text"]


def test_report_to_file_and_md(tmp_path, seeds_dir):
    out = tmp_path / "brief.md"
    assert main([str(seeds_dir), "--report", "md", "-o", str(out)]) == 0
    text = out.read_text()
    assert "# Comparison brief" in text
    assert "over 600" in text and "qualifier" in text
    assert "Unique claims" in text
    assert "Kommersant" in text


def test_demo_report_runs():
    result = run_cli("--demo", "--report", "json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["sources"]) == 3


def test_report_json_does_not_import_textual(seeds_dir):
    code = (
        "import sys; from sidebyside.cli import main; import io, contextlib\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main([{str(seeds_dir)!r}, '--report', 'json'])\n"
        "assert not any(m == 'textual' or m.startswith('textual.') for m in sys.modules), 'textual imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_engine_imports_nothing_from_textual():
    code = (
        "import sys, sidebyside.engine, sidebyside.report, sidebyside.model\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'tui', 'widgets')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_help_states_the_shipped_link_threshold(capsys):
    from sidebyside.match import MIN_SCORE

    with pytest.raises(SystemExit):
        main(["--help"])
    assert f"default {MIN_SCORE}" in " ".join(capsys.readouterr().out.split())
