"""Issue 13, the notes promises at the edges: never write over what is not ours (devices, pipes,
links to nowhere), and no note lost from a damaged, BOM-prefixed, partly invalid or newer store.

No real device file is opened or written here: a FIFO is made with os.mkfifo in a temporary
folder, and "a device" is a symbolic link in a temporary folder to /dev/null or /dev/zero, which
the code may resolve and stat but must never open for writing, rename or put a lock beside.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from sidebyside import annotations as A
from sidebyside.annotations import SCHEMA, Note, NoteStore, StoreError, default_store_path
from sidebyside.files import NotARegularFile, write_atomic, write_text_atomic

ROOT = Path(__file__).resolve().parents[1]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _store_file(path: Path, entries: list, schema: str = SCHEMA, prefix: str = "") -> None:
    text = json.dumps({"schema": schema, "folder": "/f", "notes": entries}, ensure_ascii=False)
    path.write_text(prefix + text, encoding="utf-8")


def _entry(i: int, **fields) -> dict:
    base = {"id": f"n{i}", "file": "a.txt", "text": f"sentence {i}", "note": f"note {i}",
            "status": "verified", "created": 1000.0 + i, "updated": 1000.0 + i}
    base.update(fields)
    return base


def _ids(path: Path) -> set[str]:
    return {n["id"] for n in json.loads(path.read_text(encoding="utf-8"))["notes"]
            if isinstance(n, dict) and "id" in n}


def _add(store: NoteStore, text: str) -> Note:
    note = Note("a.txt", text, note=text)
    store.notes[note.id] = note
    store.save(note)
    return note


def _run(code: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter (a hang or a runaway read stays in that process)."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
        timeout=timeout, cwd=ROOT,
    )


# ---------------------------------------------------------------- never write over what is not ours


def test_a_store_that_is_a_link_to_dev_null_is_refused_untouched_and_gets_no_lock(tmp_path):
    link = tmp_path / "notes.json"
    link.symlink_to("/dev/null")
    store = NoteStore(link)
    with pytest.raises(StoreError, match="character device, not a regular file"):
        store.load()
    with pytest.raises(StoreError, match="not a regular file"):
        store.save(Note("a.txt", "x"))
    assert link.is_symlink() and os.readlink(link) == "/dev/null"  # not renamed, not replaced
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json"]  # nothing moved aside
    assert not os.path.lexists("/dev/null.lock")  # checked by name only; /dev is not written


def test_a_fifo_as_the_store_is_refused_at_once_not_waited_on(tmp_path):
    fifo = tmp_path / "notes.json"
    os.mkfifo(fifo)
    started = time.monotonic()
    done = _run(f"""
        from sidebyside.annotations import NoteStore, StoreError
        try:
            NoteStore({str(fifo)!r}).load()
        except StoreError as exc:
            print("refused:", exc)
    """, timeout=60)
    assert "refused:" in done.stdout and "named pipe" in done.stdout, done.stderr
    assert time.monotonic() - started < 30
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # left as it was
    assert not list(tmp_path.glob("notes.json.corrupt-*"))


def test_the_cli_refuses_a_fifo_given_as_notes_in_one_line_with_exit_2(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    (docs / "b.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    fifo = tmp_path / "notes.json"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "sidebyside", str(docs), "--report", "json", "--notes", str(fifo)],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert done.returncode == 2
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_link_to_dev_zero_is_not_read_and_a_huge_file_is_read_only_up_to_the_cap(
    tmp_path, monkeypatch
):
    link = tmp_path / "notes.json"
    link.symlink_to("/dev/zero")
    # In a child with a memory limit: reading /dev/zero "until memory runs out" fails fast there.
    done = _run(f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))
        from sidebyside.annotations import NoteStore, StoreError
        try:
            NoteStore({str(link)!r}).load()
        except StoreError as exc:
            print("refused:", exc)
    """, timeout=60)
    assert "refused:" in done.stdout and "character device" in done.stdout, done.stderr
    assert os.readlink(link) == "/dev/zero"

    big = tmp_path / "big.json"
    _store_file(big, [_entry(i, note="x" * 200) for i in range(50)])
    monkeypatch.setattr(A, "MAX_STORE_BYTES", 4096)
    read: list[int] = []
    real_read = os.read
    monkeypatch.setattr(A.os, "read", lambda fd, n: read.append(n) or real_read(fd, n))
    with pytest.raises(StoreError, match="larger than"):
        NoteStore(big).load()
    assert sum(read) <= 4097
    assert big.exists() and not list(tmp_path.glob("big.json.corrupt-*"))  # left as it is


def test_atomic_writes_refuse_devices_pipes_and_dangling_links_and_write_through_good_links(
    tmp_path,
):
    to_null = tmp_path / "out.md"
    to_null.symlink_to("/dev/null")
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    dangling = tmp_path / "gone.md"
    dangling.symlink_to(tmp_path / "nowhere" / "x.md")
    folder = tmp_path / "dir.md"
    folder.mkdir()
    for target, kind in [(to_null, "character device"), (fifo, "named pipe"),
                         (dangling, "link to a missing file"), (folder, "folder")]:
        with pytest.raises(NotARegularFile, match=kind) as caught:
            write_text_atomic(target, "report", backup=True)
        assert isinstance(caught.value, OSError) and caught.value.strerror  # one line for the CLI
    assert os.readlink(to_null) == "/dev/null" and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert os.readlink(dangling) == str(tmp_path / "nowhere" / "x.md")
    assert not (tmp_path / "nowhere").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.md", "gone.md", "out.md", "pipe.md"]

    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert write_text_atomic(link, "new") == real
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"

    # Where a link is not ours to follow (a cache folder), the link itself is replaced.
    assert write_text_atomic(link, "entry", follow_links=False) == link
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "entry"
    assert real.read_text(encoding="utf-8") == "new"
    with pytest.raises(NotARegularFile):
        write_text_atomic(fifo, "entry", follow_links=False)


# ---------------------------------------------------------------- notes never lost


def _store_with_backup(tmp_path: Path, n: int = 6) -> tuple[Path, set[str]]:
    path = tmp_path / "notes.json"
    store = NoteStore(path, "/f")
    store.load()
    ids = {_add(store, f"note {i}").id for i in range(n)}
    return path, ids


def test_a_truncated_store_is_recovered_from_itself_and_the_backup_and_kept_aside(tmp_path):
    path, ids = _store_with_backup(tmp_path)
    original = path.read_bytes()
    bak = path.with_name("notes.json.bak")
    backed_up = _ids(bak)  # all but the last note added
    path.write_bytes(original[: len(original) // 2])  # cut short mid-note
    store = NoteStore(path, "/f")
    notes = store.load()
    # The first half from the store itself, the rest from the .bak: all but the last note,
    # which is only in the damaged copy kept aside (the message says how many came from where).
    assert {n.id for n in notes} == backed_up and len(backed_up) == len(ids) - 1
    assert len(store.messages) == 1
    assert "damaged" in store.messages[0] and "moved aside" in store.messages[0]
    assert "notes.json.bak" in store.messages[0] and "recovered" in store.messages[0]
    [aside] = tmp_path.glob("notes.json.corrupt-*")
    assert aside.read_bytes() == original[: len(original) // 2]  # kept, untouched
    assert _ids(path) == backed_up  # the store holds them again, before any change
    # Two saves later, every note is still in the store and in its backup.
    _add(store, "later 1")
    _add(store, "later 2")
    assert backed_up <= _ids(path) and backed_up <= _ids(bak)
    assert aside.exists()


def test_a_store_cut_after_its_last_note_loses_none_of_them(tmp_path):
    path, ids = _store_with_backup(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex("}", 0, text.rindex("]")) + 1], encoding="utf-8")
    store = NoteStore(path, "/f")
    assert {n.id for n in store.load()} == ids
    assert f"{len(ids)} notes recovered ({len(ids)} from it" in store.messages[0]


def test_an_empty_store_file_is_recovered_from_the_backup_and_the_backup_is_never_rotated_away(
    tmp_path,
):
    path, ids = _store_with_backup(tmp_path)
    backed_up = _ids(path.with_name("notes.json.bak"))
    assert len(backed_up) == len(ids) - 1
    path.write_bytes(b"")  # what a crash or a full disk can leave
    store = NoteStore(path, "/f")
    assert {n.id for n in store.load()} == backed_up
    assert "recovered" in store.messages[0]
    for i in range(3):
        _add(store, f"after {i}")
        assert backed_up <= _ids(path.with_name("notes.json.bak"))


def test_a_backup_with_notes_the_store_lacks_is_kept_not_replaced(tmp_path):
    path = tmp_path / "notes.json"
    bak = tmp_path / "notes.json.bak"
    _store_file(bak, [_entry(i) for i in range(5)])  # the good backup (e.g. an older run lost them)
    _store_file(path, [_entry(9)])
    store = NoteStore(path, "/f")
    store.load()
    _add(store, "one")
    _add(store, "two")
    kept = list(tmp_path.glob("notes.json.bak.kept-*"))
    assert len(kept) == 1 and _ids(kept[0]) == {f"n{i}" for i in range(5)}
    assert any("kept as notes.json.bak.kept-" in m for m in store.messages)


def test_every_corrupt_copy_is_kept(tmp_path):
    path, ids = _store_with_backup(tmp_path, 2)
    for damage in (b"{\"schema\": \"sidebyside.notes/1\", \"notes\": [{\"id", b"", b"{"):
        path.write_bytes(damage)
        NoteStore(path, "/f").load()
    asides = sorted(tmp_path.glob("notes.json.corrupt-*"))
    assert len(asides) == 3
    assert sorted(p.read_bytes() for p in asides) == sorted([
        b"{\"schema\": \"sidebyside.notes/1\", \"notes\": [{\"id", b"", b"{"])
    assert _ids(path.with_name("notes.json.bak")) <= _ids(path)  # the backup's notes are back


def test_bad_entries_are_kept_as_written_and_reported_and_the_rest_read(tmp_path):
    path = tmp_path / "notes.json"
    bad = [_entry(5, text=12345), {k: v for k, v in _entry(6).items() if k != "file"}, None]
    _store_file(path, [_entry(1), bad[0], _entry(2), bad[1], bad[2], _entry(3)])
    store = NoteStore(path, "/f")
    assert {n.id for n in store.load()} == {"n1", "n2", "n3"}
    [message] = store.messages
    assert message.startswith("3 notes could not be read") and "kept as written in notes.json" in message
    assert not list(tmp_path.glob("notes.json.corrupt-*"))  # the store itself was not moved
    _add(store, "new")
    stored = json.loads(path.read_text(encoding="utf-8"))["notes"]
    assert all(b in stored for b in bad)  # kept exactly, to be mended by hand or a later version
    assert len(stored) == 7


def test_mended_fields_unknown_fields_and_duplicate_ids_lose_nothing(tmp_path):
    path = tmp_path / "notes.json"
    _store_file(path, [
        _entry(1, status=5, created="yesterday", source_url="https://example.org"),
        _entry(2, id="same", note="first"),
        _entry(3, id="same", note="second"),
    ])
    store = NoteStore(path, "/f")
    assert sorted(n.note for n in store.load()) == ["first", "note 1", "second"]
    _add(store, "new")
    stored = {n["note"]: n for n in json.loads(path.read_text(encoding="utf-8"))["notes"]}
    assert stored["note 1"]["source_url"] == "https://example.org"
    assert stored["note 1"]["mended"] == {"status": 5, "created": "yesterday"}
    assert {"first", "second"} <= set(stored)


def test_a_store_with_a_utf8_bom_is_read(tmp_path):
    path = tmp_path / "notes.json"
    _store_file(path, [_entry(1), _entry(2)], prefix="\ufeff")  # what Notepad saves
    store = NoteStore(path, "/f")
    assert {n.id for n in store.load()} == {"n1", "n2"} and not store.messages
    assert not list(tmp_path.glob("notes.json.corrupt-*"))


def test_bytes_that_are_not_utf8_do_not_hide_the_notes_and_the_original_is_kept(tmp_path):
    path = tmp_path / "notes.json"
    _store_file(path, [_entry(1, note="caf\u00e9"), _entry(2)])
    raw = path.read_bytes().replace("caf\u00e9".encode(), b"caf\xe9")  # a Latin-1 hand edit
    path.write_bytes(raw)
    store = NoteStore(path, "/f")
    notes = {n.id: n for n in store.load()}
    assert set(notes) == {"n1", "n2"} and notes["n1"].note == "caf\ufffd"
    assert "not UTF-8" in store.messages[0]
    [aside] = tmp_path.glob("notes.json.corrupt-*")
    assert aside.read_bytes() == raw


def test_a_newer_schema_is_read_but_never_overwritten(tmp_path):
    path = tmp_path / "notes.json"
    _store_file(path, [_entry(1), _entry(2, colour="red")], schema="sidebyside.notes/3")
    before = path.read_bytes()
    store = NoteStore(path, "/f")
    assert {n.id for n in store.load()} == {"n1", "n2"}
    assert "newer sidebyside" in store.messages[0]
    with pytest.raises(StoreError, match="newer sidebyside"):
        _add(store, "would overwrite")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json", "notes.json.lock"]


def test_a_deeply_nested_store_is_one_message_not_a_traceback(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text('{"schema": "sidebyside.notes/1", "notes": [' + "[" * 200_000,
                    encoding="utf-8")
    store = NoteStore(path, "/f")
    assert store.load() == []
    assert "damaged" in store.messages[0]
    assert len(list(tmp_path.glob("notes.json.corrupt-*"))) == 1


def test_a_missing_store_is_recovered_from_its_backup(tmp_path):
    path, ids = _store_with_backup(tmp_path, 3)
    backed_up = _ids(path.with_name("notes.json.bak"))
    path.unlink()  # e.g. moved aside by an older sidebyside
    store = NoteStore(path, "/f")
    assert {n.id for n in store.load()} == backed_up
    assert "missing" in store.messages[0] and "recovered" in store.messages[0]
    assert _ids(path) == backed_up


def test_a_full_disk_while_backing_up_leaves_the_old_backup_whole(tmp_path, monkeypatch):
    path, _ = _store_with_backup(tmp_path, 3)
    bak = path.with_name("notes.json.bak")
    bak_before, store_before = bak.read_bytes(), path.read_bytes()

    def half_then_full(src, dst, *args, **kwargs):
        with open(src, "rb") as s, open(dst, "wb") as d:
            d.write(s.read()[:10])
        raise OSError(28, "No space left on device")

    def link_unsupported(*args, **kwargs):
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(shutil, "copyfile", half_then_full)  # what a copy in place would do
    monkeypatch.setattr(os, "link", link_unsupported)  # and force the copying fallback
    real_copy = shutil.copyfileobj

    def copy_then_full(src, dst, *args):
        real_copy(src, dst, *args)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copyfileobj", copy_then_full)
    store = NoteStore(path, "/f")
    store.load()
    with pytest.raises(StoreError, match="No space left"):
        _add(store, "one more")
    assert bak.read_bytes() == bak_before and path.read_bytes() == store_before
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "notes.json", "notes.json.bak", "notes.json.lock"]  # no temporary left either


def test_the_backup_is_a_new_file_renamed_into_place_not_a_copy_over_the_old_one(tmp_path):
    path, _ = _store_with_backup(tmp_path, 2)
    bak = path.with_name("notes.json.bak")
    old_bak_inode, store_inode = bak.stat().st_ino, path.stat().st_ino
    store = NoteStore(path, "/f")
    store.load()
    _add(store, "third")
    assert bak.stat().st_ino != old_bak_inode
    assert bak.stat().st_ino == store_inode  # the previous store itself became the backup


def test_stale_temporaries_of_interrupted_writes_are_removed_fresh_ones_are_not(tmp_path):
    path, _ = _store_with_backup(tmp_path, 1)
    stale, fresh = tmp_path / "notes.json.abcd1234.tmp", tmp_path / "notes.json.wxyz5678.tmp"
    mine = tmp_path / "notes.json.my-draft.tmp"  # not a name write_atomic makes: not ours
    for p in (stale, fresh, mine):
        p.write_text("{half", encoding="utf-8")
    old = time.time() - 3 * 3600
    os.utime(stale, (old, old))
    os.utime(mine, (old, old))
    store = NoteStore(path, "/f")
    store.load()
    _add(store, "two")
    assert not stale.exists() and fresh.exists() and mine.exists()

    report = tmp_path / "report.md"
    left = tmp_path / ".report.md.k3j4h5g6.tmp"
    left.write_text("half a rep", encoding="utf-8")
    os.utime(left, (old, old))
    write_atomic(report, lambda fh: fh.write(b"whole"))
    assert not left.exists() and report.read_bytes() == b"whole"


def test_the_store_and_its_backup_keep_one_mode(tmp_path):
    path, _ = _store_with_backup(tmp_path, 2)
    os.chmod(path, 0o600)  # the user made the notes private
    store = NoteStore(path, "/f")
    store.load()
    _add(store, "private")
    _add(store, "still private")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.with_name("notes.json.bak").stat().st_mode) == 0o600


def test_an_empty_private_store_takes_the_shared_mode_at_its_first_note(tmp_path):
    path = tmp_path / "notes.json"
    _store_file(path, [])  # what the app writes when it opens --notes NEW (through mkstemp)
    os.chmod(path, 0o600)
    store = NoteStore(path, "/f")
    store.load()
    _add(store, "first")
    assert stat.S_IMODE(path.stat().st_mode) == A.shared_file_mode()


def test_a_store_whose_lock_cannot_be_made_is_still_read(tmp_path, monkeypatch):
    path = tmp_path / "notes.json"
    _store_file(path, [_entry(1), _entry(2)])
    store = NoteStore(path, "/f")

    def read_only(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path) + ".lock")

    monkeypatch.setattr(store._lock, "acquire", read_only)
    assert {n.id for n in store.load()} == {"n1", "n2"}
    with pytest.raises(StoreError, match="Permission denied"):
        _add(store, "cannot be saved here")
    assert _ids(path) == {"n1", "n2"}


def _without_root_powers() -> list[str] | None:
    """A command prefix that runs a child without the powers that let root write anywhere
    (empty when not root); None when that cannot be done here."""
    if not IS_ROOT:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    caps = "-dac_override,-dac_read_search,-fowner"
    prefix = [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]
    try:
        ok = subprocess.run([*prefix, "true"], capture_output=True, timeout=30).returncode == 0
    except OSError:
        return None
    return prefix if ok else None


def test_a_store_in_a_read_only_folder_is_read(tmp_path):
    prefix = _without_root_powers()
    if prefix is None:
        pytest.skip("running as root and setpriv cannot drop CAP_DAC_OVERRIDE here: root "
                    "writes into a read-only folder anyway (the lock failure is simulated in "
                    "test_a_store_whose_lock_cannot_be_made_is_still_read)")
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "notes.json"
    _store_file(path, [_entry(1)])
    folder.chmod(0o555)
    code = f"""
        from sidebyside.annotations import Note, NoteStore, StoreError
        store = NoteStore({str(path)!r}, "/f")
        print("read", [n.id for n in store.load()])
        try:
            note = Note("a.txt", "x")
            store.notes[note.id] = note
            store.save(note)
        except StoreError as exc:
            print("refused", exc)
    """
    try:
        done = subprocess.run([*prefix, sys.executable, "-c", textwrap.dedent(code)],
                              capture_output=True, text=True, timeout=60, cwd=ROOT)
    finally:
        folder.chmod(0o755)
    assert "read ['n1']" in done.stdout, done.stderr
    assert "refused" in done.stdout and "Traceback" not in done.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["notes.json"]


def test_a_damaged_store_that_cannot_be_locked_is_read_and_left_as_it_is(tmp_path, monkeypatch):
    path, ids = _store_with_backup(tmp_path, 3)
    path.write_bytes(path.read_bytes()[:-30])
    backed_up = _ids(path.with_name("notes.json.bak"))
    before = sorted(p.name for p in tmp_path.iterdir())
    store = NoteStore(path, "/f")
    monkeypatch.setattr(store._lock, "acquire",
                        lambda *a, **k: (_ for _ in ()).throw(PermissionError(13, "denied")))
    assert {n.id for n in store.load()} >= backed_up and backed_up
    assert "left as it is" in store.messages[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_tilde_is_expanded_in_store_paths(tmp_path, monkeypatch):
    home, cwd = tmp_path / "home", tmp_path / "cwd"
    home.mkdir()
    cwd.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(cwd)
    store = NoteStore("~/n.json", "/f")
    store.load()
    _add(store, "at home")
    assert _ids(home / "n.json") and not (cwd / "~").exists()
    assert default_store_path("~/docs") == default_store_path(home / "docs")


def test_a_repeated_id_never_takes_the_name_of_another_note(tmp_path):
    # ids [a, a-3, a]: the second "a" was renamed "a-3" and overwrote the note already so named.
    path = tmp_path / "notes.json"
    _store_file(path, [_entry(1, id="a", note="one"), _entry(2, id="a-3", note="three"),
                       _entry(3, id="a", note="two")])
    store = NoteStore(path)
    store.load()
    assert sorted(n.note for n in store.notes.values()) == ["one", "three", "two"]


def test_a_private_store_stays_private_after_recovery(tmp_path):
    import stat as st

    path = tmp_path / "notes.json"
    _store_file(path, [_entry(i) for i in range(6)])
    os.chmod(path, 0o600)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # cut short: recovered from what is left
    store = NoteStore(path)
    store.load()
    assert store.notes and st.S_IMODE(os.stat(path).st_mode) == 0o600
