"""Hostile input and odd plumbing for the command line (issue 13): nothing is written over what
is not ours, nothing hangs, nothing in a document acts on a terminal or a Markdown viewer, and
every failure is one line on stderr, never a traceback.

No real device file is touched: pipes, FIFOs and links are made in tmp_path, and a full disk is
a file-size limit (RLIMIT_FSIZE) on a file in tmp_path.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sidebyside.load import decode_counted, load_file

POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file descriptors and signals")
LINUX = pytest.mark.skipif(sys.platform != "linux", reason="Linux: /proc/self/fd, byte file names")

STORY_A = "The council closed the bridge on Monday. About 12,000 drivers use it every day."
STORY_B = "The bridge was closed by the council on Monday. Some 12,000 drivers cross it daily."
# What a terminal acts on: C0 controls but tab and newline, DEL, C1 (0x9b is a one-byte CSI).
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ENV = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")


def two(tmp_path: Path, extra_a: str = "", extra_b: str = "", name_a: str = "a.txt") -> Path:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / name_a).write_text(STORY_A + extra_a, encoding="utf-8")
    (folder / "b.txt").write_text(STORY_B + extra_b, encoding="utf-8")
    return folder


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """The CLI with stdio redirected (never a terminal), bytes in and out."""
    if "stdout" not in kwargs:
        kwargs["stdout"] = subprocess.PIPE
    kwargs.setdefault("stderr", subprocess.PIPE)
    kwargs.setdefault("env", ENV)
    kwargs.setdefault("timeout", 120)
    kwargs.setdefault("input", b"")
    return subprocess.run([sys.executable, "-m", "sidebyside", *args], **kwargs)


def one_line(result: subprocess.CompletedProcess, code: int, words: str = "") -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert result.returncode == code, (result.returncode, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert words in lines[0], lines[0]
    return lines[0]


# ------------------------------------------------------------------------------ output files
def test_dash_writes_the_report_to_stdout(tmp_path):
    folder = two(tmp_path)
    out = run(str(folder), "--report", "md", "-o", "-", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode().startswith("# Comparison brief")
    assert not (tmp_path / "-").exists()


@LINUX
def test_a_link_to_our_stdout_is_written_through_not_replaced(tmp_path):
    """`-o /dev/stdout > out.md`: /dev/stdout is a link to /proc/self/fd/1; a link made here to
    the same place stands in for it."""
    folder = two(tmp_path)
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    out_file = tmp_path / "out.md"
    with open(out_file, "wb") as fh:
        result = run(str(folder), "--report", "md", "-o", str(link), stdout=fh)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"
    assert out_file.read_text(encoding="utf-8").startswith("# Comparison brief")


@LINUX
def test_a_link_to_stdout_that_is_a_pipe_writes_to_the_pipe(tmp_path):
    folder = two(tmp_path)
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    result = run(str(folder), "--report", "json", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["schema"] == "sidebyside.report/1"
    assert link.is_symlink()


def test_a_link_to_a_file_replaces_the_file_and_keeps_the_link(tmp_path):
    folder = two(tmp_path)
    real = tmp_path / "reports" / "brief.md"
    real.parent.mkdir()
    real.write_text("old brief")
    link = tmp_path / "brief.md"
    link.symlink_to(real)
    result = run(str(folder), "--report", "md", "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("# Comparison brief")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_or_a_folder_is_refused_before_any_work(tmp_path):
    folder = two(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    one_line(run(str(folder), "--report", "md", "-o", str(fifo)), 2, "not a regular file")
    assert fifo.is_fifo()
    one_line(run(str(folder), "--report", "md", "-o", str(tmp_path)), 2, "a folder")
    link = tmp_path / "to-pipe"
    link.symlink_to(fifo)
    one_line(run(str(folder), "--report", "md", "-o", str(link)), 2, "not a regular file")
    assert link.is_symlink() and fifo.is_fifo()


def test_output_without_report_is_refused(tmp_path):
    folder = two(tmp_path)
    one_line(run(str(folder), "-o", str(tmp_path / "x.md")), 2, "--report")
    assert not (tmp_path / "x.md").exists()


# ---------------------------------------------------------------------- no terminal, no hang
def test_the_app_without_a_terminal_says_so_and_exits(tmp_path):
    folder = two(tmp_path)
    with open(tmp_path / "out", "wb") as fh:
        result = run(str(folder), stdout=fh, timeout=60)
    one_line(result, 2, "no terminal")
    assert "--report" in result.stderr.decode()


# ------------------------------------------------------------- stdout that cannot be written
@POSIX
def test_stdout_closed_is_one_line(tmp_path):
    folder = two(tmp_path)
    result = run(str(folder), "--report", "md", stdout=None, pass_fds=(),
                 preexec_fn=lambda: os.close(1))
    one_line(result, 2, "standard output is closed")


@POSIX
def test_stdout_on_a_full_disk_is_one_line(tmp_path):
    """A file-size limit makes writes past 200 bytes fail as a full disk (/dev/full) does."""
    import resource

    folder = two(tmp_path)

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))

    env = dict(ENV, SIDEBYSIDE_CACHE="0")
    with open(tmp_path / "out.md", "wb") as fh:
        result = run(str(folder), "--report", "md", stdout=fh, preexec_fn=limit, env=env)
    one_line(result, 2, "cannot write the report to standard output")


@POSIX
def test_a_reader_that_goes_away_ends_it_quietly(tmp_path):
    folder = two(tmp_path)
    read, write = os.pipe()
    os.close(read)
    try:
        result = run(str(folder), "--report", "json", stdout=write)
    finally:
        os.close(write)
    assert result.returncode == 0
    assert result.stderr == b""


@POSIX
def test_ctrl_c_during_a_report_is_exit_130_and_one_line(tmp_path):
    folder = two(tmp_path)
    code = (
        "import os, signal, sys, time\n"
        "from sidebyside import engine\n"
        "def slow(*args, **kwargs):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    time.sleep(30)\n"
        "engine.compare_folder = slow\n"
        "from sidebyside.cli import main\n"
        f"sys.exit(main([{str(folder)!r}, '--report', 'md']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], stdin=subprocess.PIPE,
                            capture_output=True, timeout=60, env=ENV)
    one_line(result, 130, "interrupted")
    assert result.stdout == b""


# -------------------------------------------------------------------------- hostile folders
def _deep(folder: Path, depth: int = 25) -> None:
    """Folders nested past the system's path limit (made relative to a folder descriptor)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir("d" * 200, dir_fd=fd)
            inner = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        out = os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, b"A deep story about the bridge.")
        os.close(out)
    finally:
        os.close(fd)


@LINUX
def test_paths_over_the_system_limit_are_skipped_with_recursive(tmp_path):
    folder = two(tmp_path)
    _deep(folder)
    result = run(str(folder), "--recursive", "--report", "json")
    assert b"Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr
    skipped = json.loads(result.stdout)["skipped"]
    assert any(s["reason"] == "path too long for the system" for s in skipped), skipped


def test_a_deeply_nested_notes_file_is_no_traceback(tmp_path):
    folder = two(tmp_path)
    notes = tmp_path / "notes.json"
    notes.write_text("[" * 200_000 + "]" * 200_000)
    result = run(str(folder), "--report", "md", "--notes", str(notes))
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and result.returncode in (0, 2), err
    assert all(line.startswith("sidebyside") for line in err.splitlines()), err


def test_notes_path_expands_the_home_folder(tmp_path, monkeypatch):
    from sidebyside.annotations import NoteStore
    from sidebyside.engine import compare_folder

    home = tmp_path / "home"
    home.mkdir()
    folder = two(tmp_path)
    comparison = compare_folder(folder)
    store = NoteStore(home / "n.json", str(folder.resolve()))
    sentence = next(s for s in comparison.all_sentences() if s.claim)
    store.add(sentence, comparison.source(sentence.source).file, comparison, "rang the council")
    result = run(str(folder), "--report", "md", "--notes", "~/n.json", env=dict(ENV, HOME=str(home)))
    assert result.returncode == 0, result.stderr
    assert "rang the council" in result.stdout.decode()


# --------------------------------------------------------------- nothing acts on a terminal
HOSTILE = (
    " \x1b]0;pwned\x07 \x1b[2J \x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\ \x9b31m"
    " <script>alert(1)</script> [click](javascript:alert(1)) <javascript:alert(2)>"
    " ![img](javascript:alert(3)) <img src=x onerror=alert(4)> &amp; `code` *bold*"
)


@LINUX
def test_reports_of_a_hostile_folder_emit_no_control_bytes(tmp_path):
    folder = two(tmp_path, extra_a=HOSTILE, name_a="a\x1b]0;title\x07.txt")
    for fmt in ("md", "html", "json"):
        result = run(str(folder), "--report", fmt)
        assert result.returncode == 0, result.stderr
        text = result.stdout.decode("utf-8")
        assert not RAW_CONTROL.search(text), (fmt, RAW_CONTROL.findall(text)[:5])
        assert not RAW_CONTROL.search(result.stderr.decode("utf-8"))
    data = json.loads(run(str(folder), "--report", "json").stdout)
    # JSON escapes them and keeps them: the data is exact.
    assert any("\x1b]0;pwned\x07" in s["text"] and "\x9b31m" in s["text"] for s in data["sentences"])
    assert any(s["file"] == "a\x1b]0;title\x07.txt" for s in data["sources"])


def test_the_markdown_brief_renders_no_html_and_no_links(tmp_path):
    from markdown_it import MarkdownIt

    folder = two(tmp_path, extra_a=HOSTILE, name_a="a<b>[x](javascript:y).txt")
    result = run(str(folder), "--report", "md")
    assert result.returncode == 0, result.stderr
    brief = result.stdout.decode("utf-8")
    assert "<script" not in brief and "<img" not in brief and "<javascript" not in brief
    html = MarkdownIt("commonmark", {"html": True, "linkify": False}).render(brief)
    assert "<script" not in html and "<img" not in html
    assert not re.search(r"<(a|img|script)\b", html), html
    # The text is still there to read.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;javascript:alert(2)&gt;" in html and "a&lt;b&gt;[x](javascript:y).txt" in html


def test_the_html_report_escapes_attributes_and_links(tmp_path):
    folder = two(tmp_path, extra_a=HOSTILE + ' "onmouseover="alert(5)', name_a="a'\"<x>.txt")
    result = run(str(folder), "--report", "html")
    assert result.returncode == 0, result.stderr
    page = result.stdout.decode("utf-8")
    assert "<script>" not in page and "<img" not in page and "onmouseover=\"alert" not in page
    assert "javascript:" not in "".join(re.findall(r'href="([^"]*)"', page))
    assert all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', page))


def test_error_messages_show_controls_in_names(tmp_path):
    name = "no\x1b]0;pwned\x07such\x9b2J"
    line = one_line(run(str(tmp_path / name), "--report", "json"), 2, "not found")
    assert "\x1b" not in line and "\x07" not in line and "\x9b" not in line
    assert "^[]0;pwned^G" in line


# ------------------------------------------------------------------------------------ decoding
def test_one_bad_byte_in_utf8_text_is_replaced_not_a_whole_other_encoding(tmp_path):
    good = "Russia says Ukraine—an ally—was warned: “leave now”, officials said. " * 40
    data = good.encode("utf-8")
    data = data[:500] + b"\xff" + data[500:]
    text, encoding, replaced = decode_counted(data)
    assert replaced == 1 and "1 invalid byte replaced" in encoding
    assert text.count("\ufffd") == 1 and "Ukraine—an ally—was" in text
    assert text.replace("\ufffd", "") == good
    path = tmp_path / "one.txt"
    path.write_bytes(data)
    doc = load_file(path, "one.txt")
    assert doc.text == text and "1 invalid" in doc.meta["replaced_bytes"]


def test_text_in_another_encoding_is_still_detected():
    latin = "Le café du régiment a fermé ses portes après l'été. " * 20
    text, encoding, replaced = decode_counted(latin.encode("cp1252"))
    assert replaced == 0 and not encoding.startswith("utf-8") and "\ufffd" not in text
    assert "Le café du régiment a fermé" in text


@LINUX
def test_a_name_that_is_not_utf8_comes_back_byte_for_byte(tmp_path):
    folder = two(tmp_path)
    raw = b"caf\xe9 \xff.txt"
    os.rename(folder / "a.txt", os.path.join(os.fsencode(folder), raw))
    (folder / "junk.png").write_bytes(b"x")
    os.rename(folder / "junk.png", os.path.join(os.fsencode(folder), b"j\xfank.png"))
    result = run(str(folder), "--report", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.decode("utf-8"))
    src = next(s for s in data["sources"] if s["file"].startswith("caf"))
    assert src["file"] == "caf\ufffd \ufffd.txt"
    assert bytes.fromhex(src["file_bytes"]) == raw
    assert (folder / os.fsdecode(bytes.fromhex(src["file_bytes"]))).is_file()
    junk = next(s for s in data["skipped"] if s["file"].startswith("j"))
    assert bytes.fromhex(junk["file_bytes"]) == b"j\xfank.png"
    assert all("file_bytes" not in s for s in data["sources"] if s["file"] == "b.txt")
