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
    """--min-score is the overlap floor; the probability bar the reports' scores are read
    against is stated beside it (a review read the two as one and found the help untrue)."""
    from sidebyside.match import MIN_SCORE, P_LINK, P_LINK_SEM

    with pytest.raises(SystemExit):
        main(["--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert f"default {MIN_SCORE}" in out
    assert f"of at least {P_LINK_SEM} ({P_LINK} with --lexical)" in out


# ---------------------------------------------------------------- odd input (an edge-case sweep)
STORY_A = "The council closed the bridge on Monday. About 12,000 drivers use it every day."
STORY_B = "The bridge was closed by the council on Monday. Some 12,000 drivers cross it daily."


def _two(tmp_path: Path, extra_a: str = "", extra_b: str = "") -> Path:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY_A + extra_a, encoding="utf-8")
    (folder / "b.txt").write_text(STORY_B + extra_b, encoding="utf-8")
    return folder


def test_absurdly_long_digit_runs_are_not_figures(tmp_path):
    folder = _two(tmp_path, " Only " + "9" * 400 + " people came.",
                  " It cost 1" + ",000" * 110 + " pounds, and " + "9" * 400 + ".5 percent more.")
    for fmt in ("json", "md", "html"):
        out = run_cli(str(folder), "--report", fmt)
        assert out.returncode == 0, out.stderr
    data = json.loads(run_cli(str(folder), "--report", "json").stdout,
                      parse_constant=lambda c: pytest.fail(f"{c} in the JSON"))
    assert {q["value"] for q in data["numbers"] if q["kind"] != "date"} == {12000}  # not "Monday"


def test_a_sentence_of_thousands_of_figures_is_read_without_pairing_them_all(tmp_path):
    folder = _two(tmp_path, " " + "a 1 b 2 c 3 " * 3000, " " + "a 1 b 2 c 3 " * 3000)
    out = run_cli(str(folder), "--report", "json")
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)["numbers"]) > 18000


def test_bad_option_values_get_one_line(tmp_path):
    folder = _two(tmp_path)
    assert_bad_input(run_cli(str(folder), "--min-score", "abc"), "--min-score")
    assert_bad_input(run_cli(str(folder), "--max-bytes", "9" * 30, "--report", "json"),
                     "--max-bytes")
    assert_bad_input(run_cli(str(tmp_path / "no\nsuch"), "--report", "json"), "not found")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_output_onto_a_device_or_pipe_is_refused_and_left_alone(tmp_path):
    folder = _two(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert_bad_input(run_cli(str(folder), "--report", "md", "-o", str(fifo)), "not a regular file")
    assert fifo.is_fifo()


@pytest.mark.skipif(sys.platform != "linux", reason="byte file names: Linux")
def test_a_file_name_that_is_not_utf8_gives_a_utf8_report(tmp_path):
    folder = _two(tmp_path)
    os.rename(folder / "a.txt", os.path.join(os.fsencode(folder), b"caf\xe9.txt"))
    out = subprocess.run([sys.executable, "-m", "sidebyside", str(folder), "--report", "json"],
                         capture_output=True, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout.decode("utf-8"))
    assert any(s["file"].startswith("caf") for s in data["sources"])
    written = tmp_path / "report.html"
    assert run_cli(str(folder), "--report", "html", "-o", str(written)).returncode == 0
    written.read_text(encoding="utf-8")


def test_reports_are_utf8_whatever_the_locale(tmp_path):
    folder = _two(tmp_path, " “Wir fahren nicht mehr”, sagte Müller — 北京.")
    env = dict(os.environ, PYTHONIOENCODING="ascii", LC_ALL="C")
    out = subprocess.run([sys.executable, "-m", "sidebyside", str(folder), "--report", "md"],
                         capture_output=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    assert "Müller — 北京" in out.stdout.decode("utf-8")


@pytest.mark.parametrize("report", [("--report", "json"), ()])
def test_one_good_file_names_the_file_it_rejected(tmp_path, seeds_dir, report):
    shutil.copy(next(seeds_dir.iterdir()), tmp_path / "good.txt")
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    result = run_cli(str(tmp_path), *report)
    assert_bad_input(result, "need at least two readable documents")
    assert "scan.png" in result.stderr and "unsupported" in result.stderr


def test_the_cache_key_covers_subpackages(tmp_path, monkeypatch):
    # The number reader lives in sidebyside/numbers/: a change there must not serve stale results.
    from sidebyside import cache

    root = Path(cache.__file__).resolve().parent
    files = {p.relative_to(root).as_posix() for p in root.rglob("*.py")}
    assert any(f.startswith("numbers/") for f in files)
    seen: list[str] = []
    real = Path.read_bytes

    def spy(self):
        seen.append(self.as_posix())
        return real(self)

    cache.engine_id.cache_clear()
    monkeypatch.setattr(Path, "read_bytes", spy)
    try:
        cache.engine_id()
    finally:
        cache.engine_id.cache_clear()
    assert any("/numbers/" in p for p in seen)


def test_a_huge_max_bytes_reads_the_folder_without_reserving_it(seeds_dir):
    # --max-bytes near its upper bound used to reserve that much memory up front (MemoryError).
    result = run_cli(str(seeds_dir), "--report", "json", "--max-bytes", str(10**12))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["sources"]) == 2


def test_a_huge_max_bytes_with_the_cache_on(seeds_dir, tmp_path):
    # The cache key read each file with read(max_bytes + 1) too: MemoryError with the cache on.
    env = {**os.environ, "SIDEBYSIDE_CACHE": "1", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for _ in range(2):  # computed, then read back from the cache
        result = subprocess.run(
            [sys.executable, "-m", "sidebyside", str(seeds_dir), "--report", "json",
             "--max-bytes", str(10**12)],
            capture_output=True, text=True, timeout=120, env=env,
        )
        assert result.returncode == 0, result.stderr
        assert len(json.loads(result.stdout)["sources"]) == 2


# ------------------------------------------------------------------ the folder, read once
def _story(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "story"
    shutil.copytree(seeds_dir, folder)
    return folder


def test_the_check_before_the_app_opens_no_file_and_decodes_none(tmp_path, seeds_dir,
                                                                 monkeypatch, capsys):
    # The app's engine reads the folder (once); the check before it looks at the listing and
    # each entry's stat only. (Under pytest there is no terminal: the check passes, then that.)
    from tests.test_cache import count_decodes, count_opens

    folder = _story(tmp_path, seeds_dir)
    (folder / "release.pdf").write_bytes(b"%PDF-1.4 never opened by the check")
    opened, decoded = count_opens(monkeypatch, folder), count_decodes(monkeypatch)
    assert main([str(folder)]) == 2
    assert "no terminal" in capsys.readouterr().err
    assert opened == {} and decoded == {}


def test_a_report_reads_each_file_once(tmp_path, seeds_dir, monkeypatch, capsys):
    from tests.test_cache import count_decodes, count_opens

    monkeypatch.setenv("SIDEBYSIDE_CACHE", "1")  # the cache on: its key reads nothing more
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = _story(tmp_path, seeds_dir)
    names = {p.name: 1 for p in folder.iterdir()}
    for run in ("computed", "from the cache"):
        with monkeypatch.context() as m:
            opened, decoded = count_opens(m, folder), count_decodes(m)
            assert main([str(folder), "--report", "json", "-o", str(tmp_path / "r.json")]) == 0
        assert opened == names, run
        assert decoded == (names if run == "computed" else {}), run
    assert capsys.readouterr().err.count("wrote ") == 2


@pytest.mark.parametrize("mode", [("--report", "json"), ()], ids=["report", "app"])
@pytest.mark.parametrize("case", ["missing", "file", "empty", "one", "one and a picture"])
def test_bad_folders_get_the_same_one_line_errors(tmp_path, seeds_dir, capsys, mode, case):
    folder = tmp_path / "in"
    if case == "file":
        folder.write_text("a file")
    elif case != "missing":
        folder.mkdir()
    if case.startswith("one"):
        shutil.copy(next(seeds_dir.iterdir()), folder / "good.txt")
    if case == "one and a picture":
        (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    expected = {
        "missing": f"folder not found: {folder}",
        "file": f"not a folder: {folder}",
        "empty": f"folder is empty: {folder}",
        "one": f"need at least two readable documents in {folder}, found 1",
        "one and a picture": f"need at least two readable documents in {folder}, found 1 "
                             "(skipped scan.png: unsupported file type .png)",
    }[case]
    assert main([str(folder), *mode]) == 2
    assert capsys.readouterr().err == f"sidebyside: error: {expected}\n"


def test_a_document_that_does_not_decode_is_named_in_the_error(tmp_path, seeds_dir, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(next(seeds_dir.iterdir()), folder / "good.txt")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02 binary \x00" * 50)
    assert main([str(folder), "--report", "md"]) == 2
    assert capsys.readouterr().err == (
        f"sidebyside: error: need at least two readable documents in {folder}, found 1 "
        "(skipped bad.txt: binary file (contains NUL bytes))\n")
