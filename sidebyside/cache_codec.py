"""A Comparison as plain JSON values and back, for the cache (sidebyside/cache.py).

Nothing in this format can run code when it is read: it is `json` of lists, strings, numbers,
booleans and None, turned back into the model's dataclasses by this module alone. Each dataclass
is stored as the list of its fields' values in declaration order (smaller and faster to read than
an object per instance), and a list of objects that hold no others (a sentence's links and
figures, a source's paragraphs) as one list per field, read back a column at a time (a large
folder has hundreds of thousands of links). The field names of every class are stored once, in
`schema`; an entry whose names differ from the model's is refused (the model changed: recompute).

The round trip is exact: every field of every object compares equal, floats keep every bit
(`json` writes the shortest repr that reads back the same, and NaN/Infinity as such), strings
keep lone surrogates (file names that are not UTF-8: `json` escapes them as \\udcXX), and a
quantity listed both on its sentence and in `Comparison.numbers` is one object again after
loading (stored once, referred to by sentence id and position).

`decode` checks the shape and the type of every value as it builds the objects, and raises
`ValueError` on anything else, so a damaged or foreign entry is a cache miss, never a half-built
comparison.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import fields
from typing import Any

from .model import (
    Annotation,
    Comparison,
    Copied,
    Disagreement,
    Link,
    Paragraph,
    Part,
    Quantity,
    Sentence,
    Side,
    Skipped,
    Source,
)

FORMAT = "sidebyside.cache/1"

# Nested lists of dataclasses, encoded recursively; every other field is a plain value.
_NESTED: dict[tuple[type, str], type] = {
    (Source, "paragraphs"): Paragraph,
    (Source, "sentences"): Sentence,
    (Sentence, "links"): Link,
    (Sentence, "parts"): Part,
    (Sentence, "numbers"): Quantity,
    (Disagreement, "sides"): Side,
}
_CLASSES = (Source, Paragraph, Sentence, Link, Part, Quantity, Skipped, Side, Disagreement,
            Annotation, Copied)
_COMPARISON_FIELDS = ("folder", "sources", "skipped", "rows", "numbers", "disagreements",
                      "annotations", "timings", "semantic", "transformer", "transformer_part",
                      "families", "copied", "corrections", "dismissed")
# Not stored: "corrections" and "dismissed" (the reporter's corrections, applied from the notes
# store after every load, sidebyside/corrections.py).
# The values each plain field may hold, from the model's annotations (str, int, float, bool,
# "X | None", list[str]).
_STR, _INT, _FLOAT, _BOOL, _STRS = "str", "int", "float", "bool", "list[str]"


def _kind(annotation: str) -> tuple[str, bool]:
    text = str(annotation).replace(" ", "")
    optional = text.endswith("|None")
    base = text[: -len("|None")] if optional else text
    return base, optional


def _names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]


def schema() -> dict[str, list[str]]:
    """Every stored class's field names, in the order their values are stored."""
    out = {cls.__name__: _names(cls) for cls in _CLASSES}
    out["Comparison"] = _names(Comparison)
    return out


# ----------------------------------------------------------------------------------- encoding
def _plain(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)  # a numpy float64 is a float: stored as one
    if isinstance(value, list):
        return [_plain(v) for v in value]
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _encode(obj: Any) -> list:
    cls = type(obj)
    row = []
    for name in _names(cls):
        value = getattr(obj, name)
        inner = _NESTED.get((cls, name))
        if inner is not None and _has_nested(inner):
            row.append([_encode(v) for v in value])
        elif inner is not None:
            row.append(_columns(inner, value))
        else:
            row.append(_plain(value))
    return row


def _has_nested(cls: type) -> bool:
    return any(owner is cls for owner, _ in _NESTED)


def _columns(cls: type, objs: list) -> list:
    """A list of objects of a class with no nested objects, one column per field: a sentence's
    links are read back column by column (hundreds of thousands of them in a large folder)."""
    if any(type(o) is not cls for o in objs):
        raise TypeError(f"a list of {cls.__name__} holds something else")
    return [[_plain(getattr(o, name)) for o in objs] for name in _names(cls)]


def encode(c: Comparison) -> dict:
    """The comparison as JSON-ready values (see the module docstring)."""
    if list(_COMPARISON_FIELDS) != _names(Comparison):
        raise TypeError("the Comparison's fields changed: update cache_codec")
    where: dict[int, list] = {}  # id(quantity) -> [sentence id, position]
    for src in c.sources:
        for s in src.sentences:
            for k, q in enumerate(s.numbers):
                where.setdefault(id(q), [s.id, k])
    numbers = []
    for q in c.numbers:
        ref = where.get(id(q))
        numbers.append({"ref": ref} if ref is not None else {"q": _encode(q)})
    rows = []
    for row in c.rows:
        if not all(isinstance(k, str) for k in row):
            raise TypeError("a row keyed by something other than source ids")
        rows.append({k: _plain(v) for k, v in row.items()})
    return {
        "format": FORMAT,
        "schema": schema(),
        "folder": c.folder,
        "sources": [_encode(src) for src in c.sources],
        "skipped": [_encode(sk) for sk in c.skipped],
        "rows": rows,
        "numbers": numbers,
        "disagreements": [_encode(d) for d in c.disagreements],
        "annotations": [_encode(a) for a in c.annotations],
        "timings": {str(k): float(v) for k, v in c.timings.items()},
        "semantic": bool(c.semantic),
        "transformer": bool(c.transformer),
        "transformer_part": bool(c.transformer_part),
        "families": [[str(sid) for sid in fam] for fam in c.families],
        "copied": [_encode(k) for k in c.copied],
    }


# ----------------------------------------------------------------------------------- decoding
def _bad(what: str) -> ValueError:
    return ValueError(f"not a cached comparison: {what}")


_TYPES = {_STR: (str,), _INT: (int,), _FLOAT: (float, int), _BOOL: (bool,), _STRS: (list,)}


def _check(value: Any, kind: str, optional: bool, where: str) -> Any:
    if type(value) in _TYPES[kind] or (optional and value is None):
        if kind == _STRS and not all(type(v) is str for v in value):
            raise _bad(f"{where} holds something other than text")
        return value
    raise _bad(f"{where} is a {type(value).__name__}")


class _Decoder:
    """Builds the dataclasses from their stored rows, checking each row's shape and types at
    once: the tuple of its values' types must be one the model allows (a set lookup per object:
    a large folder's entry has hundreds of thousands of them)."""

    def __init__(self) -> None:
        self.allowed: dict[type, frozenset[tuple[type, ...]]] = {}
        self.nested: dict[type, list[tuple[int, type]]] = {}
        self.strlists: dict[type, list[int]] = {}
        self.column_types: dict[type, list[frozenset[type]]] = {}
        for cls in _CLASSES:
            options: list[tuple[type, ...]] = []
            self.nested[cls] = []
            self.strlists[cls] = []
            for k, f in enumerate(fields(cls)):
                inner = _NESTED.get((cls, f.name))
                if inner is not None:
                    self.nested[cls].append((k, inner))
                    options.append((list,))
                    continue
                kind, optional = _kind(f.type)
                if kind not in _TYPES:
                    raise TypeError(f"{cls.__name__}.{f.name}: {f.type} cannot be cached")
                if kind == _STRS:
                    self.strlists[cls].append(k)
                options.append(_TYPES[kind] + ((type(None),) if optional else ()))
            self.allowed[cls] = frozenset(itertools.product(*options))
            self.column_types[cls] = [frozenset(o) for o in options]

    def many(self, cls: type, rows: Any) -> list:
        """Objects stored one row each (see `_encode`)."""
        if type(rows) is not list:
            raise _bad(f"a list of {cls.__name__} is a {type(rows).__name__}")
        allowed = self.allowed[cls]
        nested = self.nested[cls]
        strlists = self.strlists[cls]
        out = []
        for row in rows:
            if type(row) is not list or tuple(map(type, row)) not in allowed:
                raise _bad(f"a {cls.__name__} of the wrong shape or types")
            for k in strlists:
                if not all(type(v) is str for v in row[k]):
                    raise _bad(f"a {cls.__name__} lists something other than text")
            for k, inner in nested:
                row[k] = self.many(inner, row[k]) if self.nested[inner] else self.columns(inner, row[k])
            out.append(cls(*row))
        return out

    def columns(self, cls: type, cols: Any) -> list:
        """Objects stored column by column (see `_columns`)."""
        types = self.column_types[cls]
        if type(cols) is not list or len(cols) != len(types):
            raise _bad(f"the {cls.__name__} columns")
        if not all(type(col) is list for col in cols) or len({len(col) for col in cols}) != 1:
            raise _bad(f"the {cls.__name__} columns differ in length")
        for col, allowed in zip(cols, types, strict=True):
            if not set(map(type, col)) <= allowed:
                raise _bad(f"a {cls.__name__} column of the wrong type")
        for k in self.strlists[cls]:
            if not all(type(v) is str for item in cols[k] for v in item):
                raise _bad(f"a {cls.__name__} lists something other than text")
        return list(map(cls, *cols))


def decode(data: Any) -> Comparison:
    """The Comparison `encode` stored. Raises ValueError on anything that is not exactly that."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _bad("another format")
    if data.get("schema") != schema():
        raise _bad("stored by another version of the model")
    dec = _Decoder()

    def many(key: str, cls: type) -> list:
        return dec.many(cls, data.get(key))

    folder = _check(data.get("folder"), _STR, False, "folder")
    sources = many("sources", Source)
    skipped = many("skipped", Skipped)
    disagreements = many("disagreements", Disagreement)
    annotations = many("annotations", Annotation)
    by_id = {s.id: s for src in sources for s in src.sentences}
    numbers = []
    raw_numbers = data.get("numbers")
    if not isinstance(raw_numbers, list):
        raise _bad("numbers is not a list")
    for item in raw_numbers:
        if isinstance(item, dict) and set(item) == {"ref"}:
            ref = item["ref"]
            if not (isinstance(ref, list) and len(ref) == 2 and isinstance(ref[0], str)
                    and isinstance(ref[1], int) and not isinstance(ref[1], bool)):
                raise _bad("a number's reference")
            s = by_id.get(ref[0])
            if s is None or not 0 <= ref[1] < len(s.numbers):
                raise _bad("a number refers to no sentence's figure")
            numbers.append(s.numbers[ref[1]])
        elif isinstance(item, dict) and set(item) == {"q"}:
            numbers += dec.many(Quantity, [item["q"]])
        else:
            raise _bad("a number")
    rows = data.get("rows")
    if not isinstance(rows, list):
        raise _bad("rows is not a list")
    for row in rows:
        if not isinstance(row, dict) or not all(
            v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in row.values()
        ):
            raise _bad("a row")
    timings = data.get("timings")
    if not isinstance(timings, dict) or not all(
        isinstance(v, float | int) and not isinstance(v, bool) for v in timings.values()
    ):
        raise _bad("timings")
    semantic = _check(data.get("semantic"), _BOOL, False, "semantic")
    transformer = _check(data.get("transformer", False), _BOOL, False, "transformer")
    transformer_part = _check(data.get("transformer_part", False), _BOOL, False, "transformer_part")
    families = data.get("families")
    if not isinstance(families, list) or not all(
        isinstance(fam, list) and all(isinstance(sid, str) for sid in fam) for fam in families
    ):
        raise _bad("families")
    copied = many("copied", Copied)
    return Comparison(
        folder=folder, sources=sources, skipped=skipped, rows=[dict(r) for r in rows],
        numbers=numbers, disagreements=disagreements, annotations=annotations,
        timings=dict(timings),
        semantic=semantic, transformer=transformer, transformer_part=transformer_part,
        families=[list(fam) for fam in families], copied=copied,
    )


def same(a: Any, b: Any, where: str = "comparison") -> list[str]:
    """Where two comparisons (or any model values) differ, field by field, as paths; [] when
    they are equal in every field and every float bit. For tests and checks."""
    out: list[str] = []
    if type(a) is not type(b):
        return [f"{where}: {type(a).__name__} != {type(b).__name__}"]
    if hasattr(a, "__dataclass_fields__"):
        for f in fields(a):
            out += same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, list):
        if len(a) != len(b):
            return [f"{where}: {len(a)} items != {len(b)}"]
        for k, (x, y) in enumerate(zip(a, b, strict=True)):
            out += same(x, y, f"{where}[{k}]")
    elif isinstance(a, dict):
        if list(a) != list(b):
            return [f"{where}: keys differ"]
        for k in a:
            out += same(a[k], b[k], f"{where}[{k!r}]")
    elif isinstance(a, float):
        if not (a == b or (math.isnan(a) and math.isnan(b))) or math.copysign(1, a) != math.copysign(1, b):
            out.append(f"{where}: {a!r} != {b!r}")
    elif a != b:
        out.append(f"{where}: {a!r} != {b!r}")
    return out
