"""Annotations that are never lost: a JSON store written atomically, merged under a file lock,
anchored to sentence text so notes follow their sentence when documents change.

Store format (schema "sidebyside.notes/1"):
    {"schema": ..., "folder": abs path, "notes": [{"id", "file", "text", "occurrence", "sentence",
     "status", "note", "created", "updated", "deleted"}]}
`file` + `text` (the sentence's normalized text) + `occurrence` (which copy of that text in the
file) anchor a note; `sentence` is the id it last attached to. A note whose sentence is gone is
kept and reported as orphaned; nothing is ever dropped.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from filelock import FileLock, Timeout
from platformdirs import user_data_dir
from rapidfuzz import fuzz, process

from . import text as T
from .files import write_text_atomic
from .model import Annotation, Comparison, Sentence

SCHEMA = "sidebyside.notes/1"
STATUSES = ("needs check", "verified", "disputed", "follow up")
DEFAULT_STATUS = "needs check"
FUZZY_ANCHOR = 85  # a lightly edited sentence (0-100 similarity) keeps its note


class StoreError(Exception):
    """The store cannot be written (permissions, disk): the caller must tell the user."""


@dataclass
class Note:
    file: str
    text: str  # normalized text of the sentence it anchors to
    occurrence: int = 0
    sentence: str = ""  # the sentence id it last attached to
    status: str = DEFAULT_STATUS
    note: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created: float = field(default_factory=time.time)
    updated: float = field(default_factory=time.time)
    deleted: bool = False


def _mend(note: Note) -> None:
    """Give a hand-edited note's fields their types back (its words are kept, never dropped)."""
    if not isinstance(note.occurrence, int) or note.occurrence < 0:
        note.occurrence = 0
    if not isinstance(note.sentence, str):
        note.sentence = ""
    if not isinstance(note.status, str) or not note.status:
        note.status = DEFAULT_STATUS
    if not isinstance(note.note, str):
        note.note = "" if note.note is None else json.dumps(note.note, ensure_ascii=False)
    if not isinstance(note.id, str) or not note.id:
        note.id = str(note.id) if note.id else uuid.uuid4().hex
    for name in ("created", "updated"):
        value = getattr(note, name)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            setattr(note, name, 0.0)
    note.deleted = bool(note.deleted)


def shared_file_mode() -> int:
    """The mode a newly created file gets under the user's umask (usually 0644)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def default_store_path(folder: str | os.PathLike) -> Path:
    """One store per compared folder, keyed by its absolute path, in the user data dir."""
    absolute = str(Path(folder).resolve())
    digest = hashlib.sha256(absolute.encode("utf-8")).hexdigest()[:16]
    name = re.sub(r"[^\w.-]+", "_", Path(absolute).name)[:40] or "folder"
    return Path(user_data_dir("sidebyside", appauthor=False)) / "notes" / f"{name}-{digest}.json"


class NoteStore:
    """The notes of one comparison, saved on every change."""

    def __init__(self, path: str | os.PathLike, folder: str = "") -> None:
        self.path = Path(path)
        self.folder = folder
        self.notes: dict[str, Note] = {}
        self.messages: list[str] = []  # one-line reports for the user (e.g. a corrupt store)
        self._lock = FileLock(str(self.path) + ".lock", timeout=10)
        self._seen: tuple[int, int, int] | None = None  # the file as we last read or wrote it

    def _signature(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    # -- reading -------------------------------------------------------------------------------

    def _read(self) -> dict[str, Note]:
        """The notes on disk. A store we cannot read is moved aside, never overwritten."""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise StoreError(f"cannot read notes {self.path}: {exc.strerror or exc}") from exc
        try:
            data = json.loads(raw)
            if not isinstance(data, dict) or data.get("schema") != SCHEMA:
                raise ValueError("not a sidebyside notes file")
            notes = {}
            for item in data.get("notes", []):
                note = Note(**{k: item[k] for k in Note.__dataclass_fields__ if k in item})
                if not isinstance(note.file, str) or not isinstance(note.text, str):
                    raise ValueError("bad note")
                _mend(note)
                notes[note.id] = note
            return notes
        except (ValueError, TypeError, KeyError):
            if raw.strip() and not raw.lstrip("\ufeff \t\r\n").startswith("{"):
                # Not JSON at all: another file given as --notes (an article, a report). Left
                # exactly where it is; nothing is read from it or written to it.
                raise StoreError(
                    f"{self.path} is not a sidebyside notes file; give --notes a new file name"
                ) from None
            stamp = time.strftime("%Y%m%d-%H%M%S")
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
            n = 1
            while aside.exists():
                aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
                n += 1
            try:
                os.replace(self.path, aside)
            except OSError as exc:
                raise StoreError(
                    f"notes file {self.path} is unreadable and cannot be moved aside: "
                    f"{exc.strerror or exc}"
                ) from exc
            self.messages.append(
                f"notes file {self.path} was unreadable; moved aside to {aside.name}, starting fresh"
            )
            return {}

    def load(self) -> list[Note]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock:
                self.notes = self._read()
                self._seen = self._signature()
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
            with self._lock.acquire(timeout=0.1):
                on_disk = self._read()
                self._seen = self._signature()
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

    def _write(self, notes: dict[str, Note]) -> None:
        data = {
            "schema": SCHEMA,
            "folder": self.folder,
            "notes": [asdict(n) for n in sorted(notes.values(), key=lambda n: n.created)],
        }
        payload = json.dumps(data, ensure_ascii=False, indent=1)
        # A notes file is for sharing (mode); the last good version stays as .bak.
        write_text_atomic(self.path, payload, mode=shared_file_mode(), backup=True,
                          prefix=self.path.name + ".")

    def save(self, changed: Note) -> None:
        """Merge with what is on disk (another instance may have written) and write at once."""
        changed.updated = time.time()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
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
        text = T.normalized(sentence.text)
        occurrence = sum(
            1
            for s in comparison.source(sentence.source).sentences
            if s.index < sentence.index and T.normalized(s.text) == text
        )
        n = Note(source_file, text, occurrence, sentence.id, status, note)
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


def anchor(comparison: Comparison, notes: list[Note]) -> list[Annotation]:
    """Attach every live note to a sentence of the comparison; fill `comparison.annotations`."""
    by_file = {src.file: src for src in comparison.sources}
    out: list[Annotation] = []
    for note in notes:
        if note.deleted:
            continue
        src = by_file.get(note.file)
        target = None
        if src is not None:
            norms = [T.normalized(s.text) for s in src.sentences]
            same = [s for s, n in zip(src.sentences, norms, strict=True) if n == note.text]
            if same:
                target = same[min(note.occurrence, len(same) - 1)]
            elif src.sentences:
                best = process.extractOne(
                    note.text, norms, scorer=fuzz.ratio, score_cutoff=FUZZY_ANCHOR
                )
                if best is not None:
                    target = src.sentences[best[2]]
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
    return out
