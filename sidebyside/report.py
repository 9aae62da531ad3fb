"""Headless reports: JSON (schema "sidebyside.report/1", a stable interface) and a Markdown brief."""

from __future__ import annotations

import json

from .model import DUPLICATE, SHARED, Comparison, Sentence

SCHEMA = "sidebyside.report/1"


def to_dict(c: Comparison) -> dict:
    sources = []
    for src in c.sources:
        sources.append(
            {
                "id": src.id,
                "file": src.file,
                "title": src.title,
                "paragraphs": len(src.paragraphs),
                "sentences": len(src.sentences),
                "encoding": src.encoding,
            }
        )
    sentences = []
    for s in c.all_sentences():
        entry = {
            "id": s.id,
            "source": s.source,
            "paragraph": s.paragraph,
            "index": s.index,
            "text": s.text,
            "start": s.start,
            "end": s.end,
            "status": s.status,
            "links": [
                {"to": link.to, "score": link.score, "kind": link.kind, "why": link.why}
                for link in s.links
            ],
            "claim": s.claim,
        }
        if s.duplicate_of:
            entry["duplicate_of"] = s.duplicate_of
        sentences.append(entry)
    numbers = [
        {
            "sentence": q.sentence,
            "text": q.text,
            "value": q.value,
            "qualifier": q.qualifier,
            "unit": q.unit,
            "sources": list(q.sources),
            "kind": q.kind,
            "event": q.event,
            "noun": q.noun,
            "low": q.low,
            "high": q.high,
        }
        for q in c.numbers
    ]
    labels = {src.id: src.id for src in c.sources}
    disagreements = [
        {
            "kind": d.kind,
            "about": d.about,
            "sides": [
                {
                    "sentence": side.sentence,
                    "text": side.text,
                    "value": side.value,
                    "qualifier": side.qualifier,
                    "source": side.source,
                }
                for side in d.sides
            ],
            "summary": d.summary(labels),
        }
        for d in c.disagreements
    ]
    annotations = [
        {"target": a.target, "status": a.status, "note": a.note, "orphaned": a.orphaned}
        for a in c.annotations
    ]
    return {
        "schema": SCHEMA,
        "sources": sources,
        "skipped": [{"file": s.file, "reason": s.reason} for s in c.skipped],
        "sentences": sentences,
        "rows": [dict(row) for row in c.rows],
        "numbers": numbers,
        "disagreements": disagreements,
        "annotations": annotations,
        "matching": {"semantic": c.semantic},
    }


def to_json(c: Comparison) -> str:
    """The report as JSON laid out for reading and grepping: one top-level field per line, and
    one line per element of a list (a source, a sentence with its links, a row, a number...).
    Written by the C encoder, line by line: an indented dump of a 50-source report took 3 s."""
    fields = list(to_dict(c).items())
    lines = ["{"]
    for k, (key, value) in enumerate(fields):
        comma = "," if k < len(fields) - 1 else ""
        if isinstance(value, list) and value:
            inner = ",\n".join("    " + json.dumps(v, ensure_ascii=False) for v in value)
            lines.append(f"  {json.dumps(key)}: [\n{inner}\n  ]{comma}")
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _quote(s: Sentence) -> str:
    return s.text.replace("\n", " ")


def to_markdown(c: Comparison) -> str:
    """A brief a journalist can read: per source, shared claims, unique claims; then conflicts."""
    labels = {src.id: src.title or src.file for src in c.sources}
    notes: dict[str, list] = {}
    for ann in c.annotations:
        if not ann.orphaned:
            notes.setdefault(ann.target, []).append(ann)
    placed: set[str] = set()

    def with_notes(line: str, s: Sentence) -> list[str]:
        placed.add(s.id)
        return [line] + [f"  - ✎ **{a.status}**: {a.note}" for a in notes.get(s.id, [])]

    out = ["# Comparison brief", ""]
    out.append(f"Folder: `{c.folder}`  ")
    out.append(
        f"{len(c.sources)} sources, {len(c.shared_sentences())} shared sentences, "
        f"{len(c.unique_claims())} unique claims, {len(c.disagreements)} numeric disagreements, "
        f"{len(c.annotations)} notes."
        + (" Matching used the optional meaning-aware (semantic) score." if c.semantic else "")
    )
    out.append("")
    out.append("## Sources")
    out.append("")
    for src in c.sources:
        out.append(f"- **{src.id}**: {src.title} (`{src.file}`, {len(src.sentences)} sentences)")
    for sk in c.skipped:
        out.append(f"- skipped `{sk.file}`: {sk.reason}")
    out.append("")
    out.append("## Numeric disagreements")
    out.append("")
    if not c.disagreements:
        out.append("None found.")
    for d in c.disagreements:
        out.append(f"- **{d.summary()}**")
        for side in d.sides:
            s = c.sentence(side.sentence)
            out.append(f"  - {side.source} ({labels[side.source]}): \"{_quote(s)}\"")
    out.append("")
    for src in c.sources:
        out.append(f"## {src.id}: {src.title}")
        out.append("")
        shared = [s for s in src.sentences if s.status == SHARED]
        unique = [s for s in src.sentences if s.status == "unique" and s.claim]
        out.append(f"### Shared claims ({len(shared)})")
        out.append("")
        for s in shared:
            others = sorted({c.sentence(link.to).source for link in s.links})
            why = f": {s.links[0].why}" if s.links[0].why else ""
            out += with_notes(f"- {_quote(s)} *(also in {', '.join(others)}{why})*", s)
        out.append("")
        out.append(f"### Unique claims ({len(unique)})")
        out.append("")
        for s in unique:
            out += with_notes(f"- {_quote(s)}", s)
        folded = [s for s in src.sentences if s.status in ("boilerplate", DUPLICATE)]
        if folded:
            out.append("")
            out.append(
                f"*{len(folded)} sentences set aside as boilerplate or repeated text.*"
            )
        out.append("")
    rest = [a for a in c.annotations if not a.orphaned and a.target not in placed]
    orphaned = [a for a in c.annotations if a.orphaned]
    if rest:
        out.append("## Notes on other sentences")
        out.append("")
        for a in rest:
            out.append(f"- {a.target}: \"{_quote(c.sentence(a.target))}\"")
            out.append(f"  - ✎ **{a.status}**: {a.note}")
        out.append("")
    if orphaned:
        out.append("## Orphaned notes (their sentence is gone)")
        out.append("")
        for a in orphaned:
            out.append(f"- ✎ **{a.status}**: {a.note} *({a.file}: \"{a.text}\")*")
        out.append("")
    singles = c.single_source_numbers()
    out.append("## Figures only one source gives")
    out.append("")
    if not singles:
        out.append("None.")
    for q in singles:
        out.append(f"- {q.sources[0]}: {q.text} — \"{_quote(c.sentence(q.sentence))}\"")
    out.append("")
    return "\n".join(out)
