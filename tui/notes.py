"""The app's side of the note store: open it, index notes by sentence, change them safely.

`NoteStore` (sidebyside.annotations) saves every change at once. This keeper adds what the UI
needs: which sentence carries which note, the orphaned ones, and changes that leave memory as
it was when a save fails (so what the screen shows is what is on disk, and nothing typed is
lost: the caller keeps the text and tells the user).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from sidebyside.annotations import (
    DEFAULT_STATUS,
    SCHEMA,
    STATUSES,
    Note,
    NoteStore,
    StoreError,
    anchor,
    default_store_path,
    is_note,
    next_status,
    shared_file_mode,
)
from sidebyside.corrections import describe
from sidebyside.files import write_text_atomic
from sidebyside.model import Annotation, Comparison
from sidebyside.safe import pictures


class NoteError(Exception):
    """A note could not be saved; memory is as it was before the change."""


@dataclass
class Change:
    """What a save did, in words for a notification."""

    kind: str  # added | updated | removed | unchanged | nothing
    message: str
    note: Note | None = None


def short(text: str, width: int = 60) -> str:
    text = pictures(" ".join(text.split()))  # shown on screen: no control characters
    return text if len(text) <= width else text[: width - 1] + "…"


class NoteKeeper:
    def __init__(self, folder: str, path: str | os.PathLike | None = None) -> None:
        self.folder = str(Path(folder).resolve())
        self.explicit = path is not None  # --notes FILE: created if missing
        self.path = Path(path).expanduser() if path is not None else default_store_path(folder)
        self.store = NoteStore(self.path, self.folder)
        self.messages: list[str] = []  # warnings for the user (corrupt store moved aside, ...)
        self.errors: list[str] = []  # the store could not be opened
        self.by_sentence: dict[str, list[Note]] = {}
        self.orphaned: list[Annotation] = []
        self.comparison: Comparison | None = None

    # ------------------------------------------------------------------ opening
    def open(self, comparison: Comparison) -> None:
        """Load the store (moving a corrupt one aside) and anchor its notes to `comparison`."""
        self.comparison = comparison
        try:
            self.store.load()
        except (StoreError, OSError) as exc:
            self.errors.append(f"notes cannot be read: {exc}")
        self.messages.extend(self.store.messages)
        self.store.messages.clear()
        if self.explicit and not self.errors:
            try:
                self._create_empty()
            except OSError as exc:
                self.errors.append(f"cannot create notes file {self.path}: {exc.strerror or exc}")
        try:
            self.reanchor()
        except Exception as exc:  # a bad note must not keep the comparison off the screen
            self.errors.append(f"notes could not be placed on their sentences: {exc}")

    def _create_empty(self) -> None:
        """Write an empty store where none exists yet (never over an existing file)."""
        if self.path.exists():
            return
        data = {"schema": SCHEMA, "folder": self.folder, "notes": []}
        write_text_atomic(self.path, json.dumps(data), exclusive=True, mode=shared_file_mode(),
                          prefix=self.path.name + ".")

    # ------------------------------------------------------------------ reading
    def reanchor(self) -> list[Annotation]:
        """Attach every live note to its sentence again (fills comparison.annotations)."""
        c = self.comparison
        if c is None:
            return []
        annotations = anchor(c, self.store.live())
        self.by_sentence = {}
        self.orphaned = []
        for a in annotations:
            if a.orphaned:
                self.orphaned.append(a)
                continue
            note = self.store.notes.get(a.note_id)
            if note is not None:
                self.by_sentence.setdefault(a.target, []).append(note)
        return annotations

    def refresh(self) -> bool:
        """Take in notes another instance saved meanwhile; True if any changed (the caller
        re-anchors, as after every change)."""
        changed = self.comparison is not None and not self.errors and self.store.refresh()
        self._collect()
        return changed

    def _collect(self) -> None:
        """What the store had to say while saving or reading (a backup kept aside, entries it
        could not read): passed on for the app to show."""
        self.messages.extend(self.store.messages)
        self.store.messages.clear()

    def notes_on(self, sid: str) -> list[Note]:
        return list(self.by_sentence.get(sid, []))

    def note_on(self, sid: str) -> Note | None:
        """The note a dialog edits and `m` cycles: the sentence's first."""
        notes = self.by_sentence.get(sid)
        return notes[0] if notes else None

    def marks(self) -> dict[str, str]:
        """Sentence id -> the status its marker shows."""
        return {sid: notes[0].status for sid, notes in self.by_sentence.items() if notes}

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.by_sentence.values()) + len(self.orphaned)

    # ------------------------------------------------------------------ changing
    def _add(self, sid: str, text: str, status: str) -> Note:
        c = self.comparison
        assert c is not None
        s = c.sentence(sid)
        before = set(self.store.notes)
        try:
            return self.store.add(s, c.source(s.source).file, c, text, status)
        except (StoreError, OSError) as exc:
            for key in set(self.store.notes) - before:  # not on disk: not in memory either
                del self.store.notes[key]
            raise NoteError(str(exc)) from exc

    def _update(self, note: Note, text: str | None = None, status: str | None = None) -> None:
        old = (note.note, note.status, note.updated)
        try:
            self.store.update(note, text=text, status=status)
        except (StoreError, OSError) as exc:
            note.note, note.status, note.updated = old
            raise NoteError(str(exc)) from exc

    def _delete(self, note: Note) -> None:
        old = (note.deleted, note.updated)
        try:
            self.store.delete(note)
        except (StoreError, OSError) as exc:
            note.deleted, note.updated = old
            raise NoteError(str(exc)) from exc

    def save(self, sid: str, text: str, status: str) -> Change:
        """What the note dialog's enter does. Raises NoteError (memory unchanged)."""
        text = text.strip()
        status = status if status in STATUSES else DEFAULT_STATUS
        note = self.note_on(sid)
        if note is None:
            if not text and status == DEFAULT_STATUS:
                return Change("nothing", "Nothing saved: the note is empty (m marks a status alone)")
            note = self._add(sid, text, status)
            change = Change("added", f"Note saved ({status})" if text else f"Status: {status}", note)
        elif not text and (note.note or note.status == status):
            # Clearing the text removes the note. A status-only note (made with m) whose status
            # was changed in the dialog keeps living with its new status.
            self._delete(note)
            change = Change("removed", "note removed", note)
        elif text == note.note and status == note.status:
            return Change("unchanged", "Note unchanged", note)
        else:
            self._update(note, text=text, status=status)
            change = Change("updated", f"Note updated ({status})", note)
        self.reanchor()
        self._collect()
        return change

    def cycle(self, sid: str) -> Change:
        """What `m` does: a new status-only note ("needs check"), else the next status."""
        note = self.note_on(sid)
        if note is None:
            note = self._add(sid, "", DEFAULT_STATUS)
            change = Change("added", f"Status: {DEFAULT_STATUS} (a adds a note)", note)
        else:
            new = next_status(note.status)
            self._update(note, status=new)
            change = Change("updated", f"Status: {new}", note)
        self.reanchor()
        self._collect()
        return change

    def remove(self, note_id: str) -> Change:
        note = self.store.notes.get(note_id)
        if note is None or note.deleted:
            return Change("nothing", "That note is already gone")
        self._delete(note)
        self.reanchor()
        self._collect()
        return Change("removed", "note removed", note)

    # ------------------------------------------------------------------ corrections
    def correct(self, kind: str, first: str, second: str, reason: str = "",
                figures: tuple[str, ...] = ()) -> Change:
        """Keep a correction of the findings (link | unlink | dismiss | conflict) of two
        sentences, saved at once and applied (corrections.apply, through reanchor). Raises
        NoteError (memory unchanged)."""
        c = self.comparison
        assert c is not None
        before = set(self.store.notes)
        try:
            entry = self.store.correct(kind, c.sentence(first), c.sentence(second), c,
                                       reason.strip(), figures)
        except (StoreError, OSError) as exc:
            for key in set(self.store.notes) - before:
                del self.store.notes[key]
            raise NoteError(str(exc)) from exc
        self.reanchor()
        self._collect()
        applied = next((k for k in c.corrections if k.id == entry.id), None)
        said = describe(applied) if applied is not None else kind
        return Change("added", f"{said[:1].upper()}{said[1:]} (ctrl+z undoes)", entry)

    def corrections(self) -> list[Note]:
        """The live corrections, oldest first."""
        live = [n for n in self.store.notes.values() if not n.deleted and not is_note(n)]
        return sorted(live, key=lambda n: (n.updated, n.created))

    def undo_correction(self) -> Change:
        """Take back the latest correction (the one changed last). Raises NoteError."""
        live = self.corrections()
        if not live:
            return Change("nothing", "No correction to undo")
        last = live[-1]
        c = self.comparison
        applied = next((k for k in c.corrections if k.id == last.id), None) if c else None
        self._delete(last)
        self.reanchor()
        self._collect()
        said = describe(applied) if applied is not None else last.kind
        return Change("removed", f"Undone: {said}", last)
