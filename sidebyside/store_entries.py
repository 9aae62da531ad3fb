"""The entries of a notes store, as stored: a note, or a reporter's correction.

Every entry anchors to a sentence by `file` + `text` (the sentence's normalized text) +
`occurrence` (which copy of that text in the file); `sentence` is the id it last attached to.
A correction (`kind` link | unlink | dismiss | conflict, sidebyside/corrections.py) anchors a
second sentence the same way in `other`, names the figures it is about in `figures`, and keeps
its reason in `note`. A note is `kind` "note" (the field is not written for notes, so a store of
notes alone stays readable by sidebyside versions that know only notes).

Reading is forgiving: an entry of the wrong shape is kept exactly as it was and reported, one
with a field of the wrong type is mended (its words kept under "mended").
"""

from __future__ import annotations

import json
import math
import re
import time
import uuid
from dataclasses import dataclass, field

from .model import CorrectionKind, NoteStatus

SCHEMA_PREFIX = "sidebyside.notes/"
SCHEMA = SCHEMA_PREFIX + "1"  # notes only (what versions before corrections write too)
SCHEMA_CORRECTIONS = SCHEMA_PREFIX + "2"  # notes and corrections
SCHEMAS = (SCHEMA, SCHEMA_CORRECTIONS)
VERSION = 2
STATUSES = tuple(m.value for m in NoteStatus)
DEFAULT_STATUS = NoteStatus.NEEDS_CHECK.value
NOTE = "note"
CORRECTION_KINDS = tuple(m.value for m in CorrectionKind)


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
    kind: str = NOTE  # note | link | unlink | dismiss | conflict
    other: dict = field(default_factory=dict)  # a correction's second sentence: file, text, ...
    figures: list = field(default_factory=list)  # a correction's figures, as written
    # Fields of the stored entry this version does not know, written back as they were.
    extra: dict = field(default_factory=dict, repr=False, compare=False)


_FIELDS = tuple(name for name in Note.__dataclass_fields__ if name != "extra")


def _mend(note: Note) -> None:
    """Give a hand-edited note's fields their types back (its words are kept, never dropped:
    a value that had to be replaced is kept in the entry under "mended")."""
    original: dict[str, object] = {}

    def replace(name: str, value: object) -> None:
        original[name] = getattr(note, name)
        setattr(note, name, value)

    if isinstance(note.occurrence, bool) or not isinstance(note.occurrence, int) \
            or note.occurrence < 0:
        replace("occurrence", 0)
    if not isinstance(note.sentence, str):
        replace("sentence", "")
    if not isinstance(note.status, str) or not note.status:
        replace("status", DEFAULT_STATUS)
    if not isinstance(note.note, str):
        replace("note", "" if note.note is None else json.dumps(note.note, ensure_ascii=False))
    if not isinstance(note.id, str) or not note.id:
        replace("id", str(note.id) if note.id not in (None, "", False) else uuid.uuid4().hex)
    for name in ("created", "updated"):
        value = getattr(note, name)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            replace(name, 0.0)
    if not isinstance(note.deleted, bool):
        replace("deleted", bool(note.deleted))
    if not isinstance(note.kind, str) or not note.kind:
        replace("kind", NOTE)
    if not isinstance(note.other, dict):
        replace("other", {})
    if not isinstance(note.figures, list) or not all(isinstance(f, str) for f in note.figures):
        replace("figures", [])
    if original:
        mended = note.extra.get("mended")
        note.extra["mended"] = {**original, **(mended if isinstance(mended, dict) else {})}


def _entry(note: Note) -> dict:
    """A note as stored."""
    data = {name: getattr(note, name) for name in _FIELDS}
    if note.kind == NOTE:  # written as versions that know only notes write them
        for name in ("kind", "other", "figures"):
            del data[name]
    return {**note.extra, **data}


def _note_from(item: object) -> tuple[Note | None, str]:
    """A stored entry as a Note, or (None, why it cannot be read)."""
    if not isinstance(item, dict):
        return None, "null" if item is None else f"a {type(item).__name__}, not an object"
    for name in ("file", "text"):
        if name not in item:
            return None, f'no "{name}"'
        if not isinstance(item[name], str):
            return None, f'"{name}" is not text'
    note = Note(**{k: item[k] for k in _FIELDS if k in item})
    note.extra = {k: v for k, v in item.items() if k not in _FIELDS}
    _mend(note)
    return note, ""


@dataclass
class _Read:
    """What was read from one store file."""

    notes: dict[str, Note] = field(default_factory=dict)
    kept: list = field(default_factory=list)  # entries that could not be read, as they were
    why: list[str] = field(default_factory=list)  # why each kept entry could not be read


def _read_entries(items: list) -> _Read:
    out = _Read()
    for i, item in enumerate(items):
        note, why = _note_from(item)
        if note is None:
            out.kept.append(item)
            out.why.append(f"entry {i + 1}: {why}")
            continue
        if note.id in out.notes:  # the same id twice: both kept, the second under a new id
            base, n = note.id, i + 1
            while f"{base}-{n}" in out.notes or any(
                    isinstance(it, dict) and it.get("id") == f"{base}-{n}" for it in items):
                n += 1  # never a name another note has or will have
            note.id = f"{base}-{n}"
        out.notes[note.id] = note
    return out


def _salvage(text: str) -> list:
    """The whole entries at the start of a store's notes list that is cut short or damaged."""
    m = re.search(r'"notes"\s*:\s*\[', text)
    if m is None:
        return []
    decoder = json.JSONDecoder()
    items: list = []
    pos = m.end()
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return items
        try:
            item, pos = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):
            return items
        items.append(item)


def _schema_version(text: str) -> int | None:
    m = re.search(r'"schema"\s*:\s*"' + re.escape(SCHEMA_PREFIX) + r'(\d{1,9})"', text[:4096])
    return int(m.group(1)) if m else None


def _merge_newest(into: dict[str, Note], notes: dict[str, Note]) -> None:
    for note in notes.values():
        mine = into.get(note.id)
        if mine is None or note.updated > mine.updated:
            into[note.id] = note


def is_note(entry: Note) -> bool:
    return entry.kind == NOTE


def schema_for(entries) -> str:
    """The schema a store is written under: the notes-only one while it holds no correction."""
    return SCHEMA_CORRECTIONS if any(e.kind != NOTE for e in entries) else SCHEMA
