"""Annotations that are never lost: a JSON store written atomically, merged under a file lock,
anchored to sentence text so notes follow their sentence when documents change.

Store format (schema "sidebyside.notes/1"):
    {"schema": ..., "folder": abs path, "notes": [{"id", "file", "text", "occurrence", "sentence",
     "status", "note", "created", "updated", "deleted"}]}
`file` + `text` (the sentence's normalized text) + `occurrence` (which copy of that text in the
file) anchor a note; `sentence` is the id it last attached to. A note whose sentence is gone is
kept and reported as orphaned; nothing is ever dropped:

- only a regular file (or a new path) is read or written: a device, a pipe or a folder given as
  the store is refused before it is opened (no lock file beside it either);
- an entry that cannot be read is kept in the file exactly as it was, and reported;
- a damaged store (cut short, not UTF-8) is moved aside (`.corrupt-*`, never deleted) and what
  can be read of it is merged with the backup (`.bak`) into a new store, and reported;
- the backup is the previous version of the store, made atomically, and never replaced by a
  version that lacks some of its notes (that backup is kept under a dated name instead);
- a store written by a newer sidebyside is read but never written;
- a store that cannot be locked (a read-only folder) is still read.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
import time
from pathlib import Path

from filelock import FileLock, Timeout
from platformdirs import user_data_dir

from .anchors import FUZZY_ANCHOR, Finder, anchor_of  # noqa: F401  (FUZZY_ANCHOR: imported from here)
from .files import NotARegularFile, file_kind, writable_target, write_text_atomic
from .model import Annotation, Comparison, Sentence
from .store_entries import (  # noqa: F401  (the store's vocabulary, imported from here too)
    CORRECTION_KINDS,
    DEFAULT_STATUS,
    NOTE,
    SCHEMA,
    SCHEMA_CORRECTIONS,
    SCHEMA_PREFIX,
    SCHEMAS,
    STATUSES,
    VERSION,
    Note,
    _entry,
    _merge_newest,
    _Read,
    _read_entries,
    _salvage,
    _schema_version,
    is_note,
    schema_for,
)
from .text import counted

MAX_STORE_BYTES = 64 * 1024 * 1024  # a notes file is small; anything bigger is not one
STALE_TEMP_SECONDS = 60.0  # a store's temporary file this old is left by an interrupted save
_NO_LOCK = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT}  # no lock file possible: read only


class StoreError(Exception):
    """The store cannot be read or written (not a file, permissions, disk, a newer format): the
    caller must tell the user (one line)."""


def shared_file_mode() -> int:
    """The mode a newly created file gets under the user's umask (usually 0644)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def default_store_path(folder: str | os.PathLike) -> Path:
    """One store per compared folder, keyed by its absolute path, in the user data dir."""
    absolute = str(Path(folder).expanduser().resolve())
    digest = hashlib.sha256(absolute.encode("utf-8")).hexdigest()[:16]
    name = re.sub(r"[^\w.-]+", "_", Path(absolute).name)[:40] or "folder"
    return Path(user_data_dir("sidebyside", appauthor=False)) / "notes" / f"{name}-{digest}.json"


def read_bounded(path: str | os.PathLike, limit: int | None = None) -> bytes | None:
    """The bytes of a regular file, at most `limit` (MAX_STORE_BYTES) of them; None if there is
    no such file.
    The type is checked before opening and again on the open file, which is opened without
    blocking (a FIFO never hangs, a device is never read). Raises NotARegularFile or
    OSError (EFBIG when larger than `limit`)."""
    limit = MAX_STORE_BYTES if limit is None else limit
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        raise NotARegularFile(path, file_kind(st.st_mode))
    if st.st_size > limit:
        raise OSError(errno.EFBIG, f"larger than {limit // (1024 * 1024)} MB", str(path))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotARegularFile(path, file_kind(st.st_mode))
        chunks = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise OSError(errno.EFBIG, f"larger than {limit // (1024 * 1024)} MB", str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


class NoteStore:
    """The notes of one comparison, saved on every change."""

    def __init__(self, path: str | os.PathLike, folder: str = "") -> None:
        self.path = Path(path).expanduser()
        # Reads and writes go to the file a link points to (the link stays a link).
        self.target = Path(os.path.realpath(self.path))
        self.folder = folder
        self.notes: dict[str, Note] = {}
        self.messages: list[str] = []  # one-line reports for the user (e.g. a damaged store)
        self._lock = FileLock(str(self.target) + ".lock", timeout=10)
        self._seen: tuple[int, int, int] | None = None  # the file as we last read or wrote it
        self._kept: list = []  # entries on disk this version cannot read: written back as they are
        self._newer: str | None = None  # the schema of a store written by a newer sidebyside
        self._had_entries = False  # whether the store on disk held any entry when last read
        self._mode_from: tuple[Path, ...] = ()  # where a recovered store takes its mode from

    @property
    def backup_path(self) -> Path:
        return self.target.with_name(self.target.name + ".bak")

    def _signature(self) -> tuple[int, int, int] | None:
        try:
            st = self.target.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _check_target(self) -> None:
        """Refuse, before any lock file is made or anything opened, a store that is not a
        regular file (a device, a FIFO, a folder, a link to nowhere)."""
        try:
            writable_target(self.path)
        except NotARegularFile as exc:
            raise self._not_a_file(exc) from None
        except OSError as exc:
            raise StoreError(f"cannot open notes {self.path}: {exc.strerror or exc}") from exc

    def _not_a_file(self, exc: NotARegularFile) -> StoreError:
        return StoreError(
            f"notes file {self.path} is {exc.kind}, not a regular file; give --notes a file name"
        )

    def _acquire(self, timeout: float) -> bool:
        """Take the lock; False when the lock file cannot be made (a read-only folder or
        file system): the store is then read without it (and cannot be written)."""
        try:
            self._lock.acquire(timeout=timeout)
        except Timeout:
            raise
        except OSError as exc:
            if exc.errno in _NO_LOCK:
                return False
            raise
        return True

    # -- reading -------------------------------------------------------------------------------

    def _bytes(self, path: Path) -> bytes | None:
        try:
            return read_bounded(path)
        except NotARegularFile as exc:
            raise self._not_a_file(exc) from None
        except OSError as exc:
            raise StoreError(f"cannot read notes {self.path}: {exc.strerror or exc}") from exc

    def _read_backup(self) -> _Read | None:
        """What the backup holds, or None (missing, not a regular file, not readable)."""
        try:
            raw = read_bounded(self.backup_path)
        except OSError:
            return None
        if raw is None:
            return None
        text = raw.decode("utf-8-sig", "replace")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            version = _schema_version(text)
            return _read_entries(_salvage(text)) if version in (1, VERSION) else None
        if not isinstance(data, dict) or data.get("schema") not in SCHEMAS:
            return None
        items = data.get("notes")
        return _read_entries(items if isinstance(items, list) else [])

    def _read(self, held: bool = True) -> dict[str, Note]:
        """The notes on disk. A store we cannot read whole is moved aside, never overwritten,
        and what can be read of it and of its backup becomes the store again (when `held`,
        i.e. under the lock; without it nothing is written)."""
        self._newer = None
        self._kept = []
        self._had_entries = False
        raw = self._bytes(self.target)
        if raw is None:
            return self._recover_missing(held)
        try:
            text, bad_bytes = raw.decode("utf-8-sig"), 0
        except UnicodeDecodeError:
            text = raw.decode("utf-8-sig", "replace")
            bad_bytes = max(1, text.count("\ufffd") - raw.decode("utf-8", "ignore").count("\ufffd"))
        body = text.lstrip("\ufeff \t\r\n")
        if not body:
            return self._recover_damaged("it is empty", [], held)
        if not body.startswith("{"):
            # Not JSON at all: another file given as --notes (an article, a report). Left
            # exactly where it is; nothing is read from it or written to it.
            raise StoreError(
                f"{self.path} is not a sidebyside notes file; give --notes a new file name"
            )
        version = _schema_version(text)
        if version is not None and version > VERSION:
            return self._read_newer(text, version)
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return self._recover_damaged("it is cut short or not valid JSON", _salvage(text), held)
        ours = isinstance(data, dict) and (
            (isinstance(data.get("schema"), str) and data["schema"].startswith(SCHEMA_PREFIX))
            or ("schema" not in data and isinstance(data.get("notes"), list))
        )
        if not ours:
            raise StoreError(
                f"{self.path} is not a sidebyside notes file; give --notes a new file name"
            )
        if data.get("schema") not in (None, *SCHEMAS):
            # "sidebyside.notes/<something else>": not a version we know how to write over.
            return self._read_newer(text, None)
        items = data.get("notes")
        items = items if isinstance(items, list) else ([] if items is None else [items])
        if bad_bytes:
            return self._recover_damaged(
                f"{counted(bad_bytes, 'byte')} not UTF-8, replaced", items, held
            )
        found = _read_entries(items)
        self._kept = found.kept
        self._had_entries = bool(items)
        self._report_kept(found, self.path.name)
        return found.notes

    def _report_kept(self, found: _Read, where: str) -> None:
        if not found.kept:
            return
        message = (
            f"{counted(len(found.kept), 'note')} could not be read "
            f"({'; '.join(found.why[:3])}{'; …' if len(found.why) > 3 else ''}), "
            f"kept as written in {where}"
        )
        if message not in self.messages:  # read again at every save: said once
            self.messages.append(message)

    def _read_newer(self, text: str, version: int | None) -> dict[str, Note]:
        """A store of a newer schema: what this version understands of it is shown; the file is
        never written (saving raises StoreError)."""
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            raise StoreError(
                f"notes file {self.path} was written by a newer sidebyside and cannot be read "
                "by this one; it is left as it is (update sidebyside)"
            ) from None
        self._newer = str(data.get("schema")) if isinstance(data, dict) else f"version {version}"
        items = data.get("notes") if isinstance(data, dict) else None
        found = _read_entries(items if isinstance(items, list) else [])
        message = (
            f"notes file {self.path} was written by a newer sidebyside ({self._newer}): its notes "
            "are shown but it will not be changed (update sidebyside)"
        )
        if message not in self.messages:
            self.messages.append(message)
        return found.notes

    def _recover_missing(self, held: bool) -> dict[str, Note]:
        """No store: start from the backup if one holds notes (the store was lost)."""
        backup = self._read_backup()
        if backup is None or not (backup.notes or backup.kept):
            return {}
        self._kept = backup.kept
        message = (
            f"notes file {self.path} was missing; "
            f"{counted(len(backup.notes), 'note')} recovered from {self.backup_path.name}"
        )
        if held:
            self._had_entries, self._mode_from = True, (self.backup_path,)
            message += self._write_recovered(backup.notes)
        self.messages.append(message)
        return backup.notes

    def _recover_damaged(self, why: str, items: list, held: bool) -> dict[str, Note]:
        """A store that cannot be read whole: what can be read of it, merged with the backup
        (newer versions of a note win). Under the lock the damaged file is moved aside (kept,
        never deleted) and the recovered notes written as the store."""
        found = _read_entries(items)
        backup = self._read_backup()
        notes: dict[str, Note] = {}
        if backup is not None:
            _merge_newest(notes, backup.notes)
        _merge_newest(notes, found.notes)
        self._kept = list(found.kept)
        for item in backup.kept if backup is not None else []:
            if item not in self._kept:
                self._kept.append(item)
        from_backup = len(set(notes) - set(found.notes))
        if notes or self._kept:
            recovered = f"{counted(len(notes), 'note')} recovered ({len(found.notes)} from it"
            recovered += f", {from_backup} more from {self.backup_path.name})" if backup else ")"
        else:
            recovered = "no notes could be recovered, starting fresh"
        if not held:
            self.messages.append(
                f"notes file {self.path} is damaged ({why}); {recovered}; left as it is "
                "(no write access)"
            )
            return notes
        aside = self._move_aside(keep_original=bool(notes or self._kept))
        message = f"notes file {self.path} was damaged ({why}): moved aside to {aside.name}; "
        message += recovered
        if notes or self._kept:
            self._had_entries, self._mode_from = True, (aside, self.backup_path)
            message += self._write_recovered(notes)
        self.messages.append(message)
        self._report_kept(found, aside.name)
        return notes

    def _write_recovered(self, notes: dict[str, Note]) -> str:
        try:
            self._write(notes, rotate=False)
        except (OSError, StoreError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            return f" (not yet saved: {reason})"
        return ""

    def _move_aside(self, keep_original: bool) -> Path:
        """Keep the store under a new `.corrupt-<time>` name. With `keep_original` the store
        stays in place too (as a hard link, to be replaced atomically by the recovered store),
        so a failure to write that never leaves no store at all."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.target.with_name(f"{self.target.name}.corrupt-{stamp}")
        n = 1
        while True:
            try:
                writable_target(self.target)  # still a regular file of ours
                os.link(self.target, aside)
            except FileExistsError:
                aside = self.target.with_name(f"{self.target.name}.corrupt-{stamp}-{n}")
                n += 1
                continue
            except NotARegularFile as exc:
                raise StoreError(f"notes file {self.path} is not a regular file") from exc
            except OSError:
                break  # no hard links here: renamed instead, below
            if not keep_original:
                os.unlink(self.target)
            return aside
        try:
            while aside.exists():
                aside = self.target.with_name(f"{self.target.name}.corrupt-{stamp}-{n}")
                n += 1
            os.rename(self.target, aside)
        except OSError as exc:
            raise StoreError(
                f"notes file {self.path} is unreadable and cannot be moved aside: "
                f"{exc.strerror or exc}"
            ) from exc
        return aside

    def load(self) -> list[Note]:
        self._check_target()
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # no store there yet and none can be made: read as empty, saving says why
        try:
            held = self._acquire(timeout=10)
            try:
                self.notes = self._read(held)
                self._seen = self._signature()
            finally:
                if held:
                    self._lock.release()
        except Timeout as exc:
            raise StoreError(f"notes file {self.path} is locked by another program") from exc
        except OSError as exc:
            raise StoreError(f"cannot open notes {self.path}: {exc.strerror or exc}") from exc
        return self.live()

    def refresh(self) -> bool:
        """Take in what another instance wrote since we last read or wrote the store (newer
        versions of a note win, as in `save`). Cheap when nothing changed (one stat); never waits
        for the lock or raises: a busy or unreadable store is tried again next time. Returns
        whether any note changed."""
        if self._signature() == self._seen:
            return False
        try:
            self._check_target()
            held = self._acquire(timeout=0.1)
            try:
                on_disk = self._read(held)
                self._seen = self._signature()
            finally:
                if held:
                    self._lock.release()
        except (Timeout, StoreError, OSError):
            return False
        changed = False
        for note in on_disk.values():
            mine = self.notes.get(note.id)
            if mine is None or note.updated > mine.updated:
                self.notes[note.id] = note
                changed = True
        return changed

    def live(self) -> list[Note]:
        return [n for n in self.notes.values() if not n.deleted]

    # -- writing -------------------------------------------------------------------------------

    def _mode(self) -> int:
        """One mode for the store and its backup: the store's own once it holds notes (a user
        who made it private keeps it private), else the shared mode (a notes file is for
        sharing; an empty store made in a hurry, e.g. by mkstemp, may be 0600)."""
        if not self._had_entries:
            return shared_file_mode()
        for path in (self.target, *self._mode_from):  # a recovered store keeps its old mode
            try:
                return stat.S_IMODE(os.stat(path).st_mode)
            except OSError:
                continue
        return shared_file_mode()

    def _may_rotate(self, notes: dict[str, Note]) -> bool:
        """Whether the store on disk may become the backup. A backup holding notes the new
        store lacks is never replaced: it is kept under a dated name first (or, if that
        fails, left as the backup). A damaged backup is moved aside, never overwritten."""
        bak = self.backup_path
        try:
            st = os.lstat(bak)
        except FileNotFoundError:
            return True
        except OSError:
            return False
        if not stat.S_ISREG(st.st_mode):
            return False  # not ours to replace
        backup = self._read_backup()
        if backup is not None and set(backup.notes) <= set(notes):
            return True
        stamp = time.strftime("%Y%m%d-%H%M%S")
        label = "corrupt" if backup is None else "kept"
        keep = bak.with_name(f"{bak.name}.{label}-{stamp}")
        n = 1
        while keep.exists():
            keep = bak.with_name(f"{bak.name}.{label}-{stamp}-{n}")
            n += 1
        try:
            os.rename(bak, keep)
        except OSError:
            return False
        if backup is None:
            self.messages.append(f"backup {bak.name} was damaged; moved aside to {keep.name}")
        else:
            lacking = len(set(backup.notes) - set(notes))
            self.messages.append(
                f"backup {bak.name} held {counted(lacking, 'note')} the notes file lacks; "
                f"kept as {keep.name}"
            )
        return True

    def _write(self, notes: dict[str, Note], *, rotate: bool = True) -> None:
        if self._newer is not None:
            raise StoreError(
                f"notes file {self.path} was written by a newer sidebyside ({self._newer}); "
                "it is not changed (update sidebyside)"
            )
        data = {
            "schema": schema_for(notes.values()),
            "folder": self.folder,
            "notes": [_entry(n) for n in sorted(notes.values(), key=lambda n: n.created)]
            + self._kept,
        }
        payload = json.dumps(data, ensure_ascii=False, indent=1)
        exists = os.path.lexists(self.target)
        backup = rotate and exists and self._may_rotate(notes)
        # A notes file is for sharing (mode); the last good version stays as .bak.
        try:
            write_text_atomic(self.target, payload, mode=self._mode(), backup=backup,
                              prefix=self.target.name + ".", stale_after=STALE_TEMP_SECONDS)
        except NotARegularFile as exc:
            raise StoreError(f"notes file {self.path} is not a regular file; not written") from exc

    def save(self, changed: Note) -> None:
        """Merge with what is on disk (another instance may have written) and write at once."""
        changed.updated = time.time()
        self._check_target()
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            with self._lock:
                merged = self._read()
                for note in self.notes.values():
                    on_disk = merged.get(note.id)
                    if on_disk is None or note.updated >= on_disk.updated:
                        merged[note.id] = note
                merged[changed.id] = changed
                self._write(merged)
                self._seen = self._signature()
                self.notes = merged
        except Timeout as exc:
            raise StoreError(f"notes file {self.path} is locked by another program") from exc
        except OSError as exc:
            raise StoreError(f"cannot save notes to {self.path}: {exc.strerror or exc}") from exc

    def add(self, sentence: Sentence, source_file: str, comparison: Comparison, note: str,
            status: str = DEFAULT_STATUS) -> Note:
        at = anchor_of(comparison, sentence)
        n = Note(source_file, at.text, at.occurrence, sentence.id, status, note)
        self.notes[n.id] = n
        self.save(n)
        return n

    def correct(self, kind: str, first: Sentence, second: Sentence, comparison: Comparison,
                reason: str = "", figures: tuple[str, ...] = ()) -> Note:
        """Keep a reporter's correction (link | unlink | dismiss | conflict) of two sentences
        of different sources, saved at once like a note; `delete` undoes it."""
        if kind not in CORRECTION_KINDS:
            raise ValueError(f"not a correction: {kind!r}")
        a, b = anchor_of(comparison, first), anchor_of(comparison, second)
        n = Note(a.file, a.text, a.occurrence, a.sentence, "", reason, kind=kind,
                 other=b.as_dict(), figures=list(figures))
        self.notes[n.id] = n
        self.save(n)
        return n

    def update(self, note: Note, *, text: str | None = None, status: str | None = None) -> None:
        if text is not None:
            note.note = text
        if status is not None:
            note.status = status
        self.save(note)

    def delete(self, note: Note) -> None:
        note.deleted = True  # a tombstone, so a merge never brings it back
        self.save(note)


def next_status(status: str) -> str:
    i = STATUSES.index(status) if status in STATUSES else -1
    return STATUSES[(i + 1) % len(STATUSES)]


def anchor(comparison: Comparison, entries: list[Note]) -> list[Annotation]:
    """Attach every live note to a sentence of the comparison (`comparison.annotations`) and
    apply every live correction to it (`comparison.corrections`, sidebyside/corrections.py)."""
    from . import corrections

    finder = Finder(comparison)
    out: list[Annotation] = []
    for note in entries:
        if note.deleted or not is_note(note):
            continue
        target = finder.find(note.file, note.text, note.occurrence)
        if target is not None:
            note.sentence = target.id
            out.append(
                Annotation(target.id, note.status, note.note, False, note.id, note.file, note.text)
            )
        else:
            out.append(
                Annotation(note.sentence, note.status, note.note, True, note.id, note.file, note.text)
            )
    comparison.annotations = out
    corrections.apply(comparison, [e for e in entries if not e.deleted and not is_note(e)], finder)
    return out
