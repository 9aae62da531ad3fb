"""Headless reports: JSON (schema "sidebyside.report/1", a stable interface) and a Markdown brief.

Nothing in a document reaches a reader's terminal or viewer as anything but text:

- JSON escapes every control character: C0 by `json` itself, DEL, C1 and the bidirectional
  overrides here (as \\u escapes, so the values are unchanged). A file name that is not UTF-8
  (a byte the file system gives Python as a lone surrogate) is written as `file` with each such
  byte shown as U+FFFD, plus `file_bytes`: the name's exact bytes in hex, so it can be opened
  (`bytes.fromhex`). `file_bytes` appears only for such names (sources and skipped files).
- The Markdown brief shows controls and escape sequences (sidebyside.safe), escapes `&`, `<` and
  `>` as entities (many Markdown viewers render HTML: `<script>` stays text) and backslash-escapes
  what would make a link, an image, emphasis or code of document text (`[x](javascript:...)`).
"""

from __future__ import annotations

import json
import re

from .corrections import describe
from .families import confirmations, family_labels, family_of, independent_count
from .model import (
    BOILERPLATE,
    DUPLICATE,
    PARTIAL,
    SHARED,
    UNIQUE,
    UNLINKED,
    Comparison,
    Sentence,
    is_unique_claim,
)
from .nearest import elsewhere
from .safe import line
from .text import counted

SCHEMA = "sidebyside.report/1"
# What JSON leaves raw but a terminal may act on, or shows misleadingly: DEL, C1, bidi overrides.
_JSON_RAW_CONTROLS = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def _name_fields(name: str) -> dict[str, str]:
    """`file`, and `file_bytes` (hex) for a name that is not valid UTF-8."""
    if not _SURROGATES.search(name):
        return {"file": name}
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        raw = name.encode("utf-8", "surrogatepass")
    return {"file": raw.decode("utf-8", "replace"), "file_bytes": raw.hex()}


def to_dict(c: Comparison) -> dict:
    sources = []
    for src in c.sources:
        sources.append(
            {
                "id": src.id,
                **_name_fields(src.file),
                "title": src.title,
                "paragraphs": len(src.paragraphs),
                "sentences": len(src.sentences),
                "encoding": src.encoding,
            }
        )
    sentences = []
    family = family_of(c.families)
    differ = c.figures_differ()
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
                {"to": link.to, "score": link.score, "kind": link.kind, "why": link.why,
                 **({"by": link.by} if link.by else {})}
                for link in s.links
            ],
            "claim": s.claim,
            "novel": s.novel,
            "anchor": s.anchor,
            "echo": s.echo or None,
            "independent": independent_count(s, c, family),
            "figures_differ": differ.get(s.id, []),
        }
        if s.parts:  # partial links: the part of this sentence another source reports
            entry["parts"] = [
                {"text": s.text[p.start:p.end], "start": p.start, "end": p.end, "to": p.to,
                 "to_source": c.sentence(p.to).source,
                 "to_text": c.sentence(p.to).text[p.to_start:p.to_end],
                 "to_start": p.to_start, "to_end": p.to_end, "score": p.score, "why": p.why}
                for p in s.parts
            ]
        if s.duplicate_of:
            entry["duplicate_of"] = s.duplicate_of
        if is_unique_claim(s) and (near := elsewhere(c, s.id)) is not None:
            t, found = near  # where to look before printing it as an exclusive
            entry["closest"] = {"to": t.id, "source": t.source, "paragraph": t.paragraph,
                                "similarity": found.similarity, "by": found.by}
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

    def disagreement(d) -> dict:
        return {
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
            "why": d.why,
            **({"by": d.by} if d.by else {}),
            **({"reason": d.reason} if d.reason else {}),
        }

    corrections = [
        {"kind": k.kind, "a": k.a, "b": k.b, "reason": k.reason, "figures": list(k.figures),
         "orphaned": k.orphaned, "applied": k.applied}
        for k in c.corrections
    ]
    annotations = [
        {"target": a.target, "status": a.status, "note": a.note, "orphaned": a.orphaned}
        for a in c.annotations
    ]
    return {
        "schema": SCHEMA,
        "sources": sources,
        "skipped": [{**_name_fields(s.file), "reason": s.reason} for s in c.skipped],
        "sentences": sentences,
        "rows": [dict(row) for row in c.rows],
        "numbers": numbers,
        "disagreements": [disagreement(d) for d in c.disagreements],
        "annotations": annotations,
        "corrections": corrections,
        "dismissed": [disagreement(d) for d in c.dismissed],
        "matching": {"semantic": c.semantic, "transformer": c.transformer,
                     "transformer_part": c.transformer_part},
        "families": [list(fam) for fam in c.families],
        "copied": [{"a": k.a, "b": k.b, "share": k.share} for k in c.copied],
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
    # Only inside strings can these characters occur (json writes nothing else non-ASCII).
    return _JSON_RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", "\n".join(lines) + "\n")


# Markdown punctuation that turns text into a link, an image, emphasis or code, and the HTML
# metacharacters: shown as themselves (backslash escapes and entities), never acted on.
_MD_SPECIAL = re.compile(r"[\\`*_\[\]<>&]")
_MD_REPLACE = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_BREAKS = re.compile(r"\r\n|[\r\n\t]")


def md(text: object) -> str:
    """Document text, a note or a file name as one line of inert Markdown: controls shown (safe),
    line breaks as spaces, HTML and link syntax escaped."""
    shown = line(_BREAKS.sub(" ", str(text)))
    return _MD_SPECIAL.sub(lambda m: _MD_REPLACE.get(m.group(), "\\" + m.group()), shown)


def _quote(s: Sentence) -> str:
    return md(s.text)


def _corrections_md(c: Comparison) -> list[str]:
    """The reporter's corrections, each with the sentences it was made on."""
    out = ["## Reporter's corrections", ""]
    for k in c.corrections:
        out.append(f"- {md(describe(k))}")
        if not k.orphaned:
            for sid in (k.a, k.b):
                out.append(f"  - {md(sid)}: \"{_quote(c.sentence(sid))}\"")
    out.append("")
    return out


def _closest_elsewhere(c: Comparison, s: Sentence, scales_said: set[str]) -> str:
    """Where to look before printing a claim as an exclusive: the closest sentence of the other
    sources (sidebyside/nearest.py), as a short pointer. What a similarity is measured against
    is said the first time only (`scales_said` keeps track): the same words under every claim
    were noise."""
    near = elsewhere(c, s.id)
    if near is None:
        return ""
    t, found = near
    scale = found.scale()
    if scale in scales_said:
        scale = ""
    scales_said.add(scale)
    return (f" *(closest elsewhere, not linked: {md(t.id)} in {md(t.source)} ¶{t.paragraph + 1}, similarity "
            f"{found.similarity:.2f} by {found.by}{scale})*")


def to_markdown(c: Comparison) -> str:
    """A brief a journalist can read: per source, shared claims, unique claims; then conflicts.
    Every text from a document, a note or a file name goes through `md` (inert Markdown)."""
    labels = {src.id: src.title or src.file for src in c.sources}
    notes = c.notes_by_sentence()
    placed: set[str] = set()
    scales_said: set[str] = set()
    figures_differ = c.figures_differ()

    def note_line(a) -> str:
        # a status with no words is the status alone (no colon left hanging)
        return f"  - ✎ **{md(a.status)}**: {md(a.note)}" if a.note.strip() else f"  - ✎ **{md(a.status)}**"

    def with_notes(text: str, s: Sentence) -> list[str]:
        placed.add(s.id)
        return [text] + [note_line(a) for a in notes.get(s.id, [])]

    out = ["# Comparison brief", ""]
    out.append(f"Folder: {md(c.folder)}  ")
    out.append(
        f"{counted(len(c.sources), 'source')}, {counted(len(c.shared_sentences()), 'shared sentence')}, "
        f"{len(c.partial_sentences())} partly shared, {counted(len(c.unique_claims()), 'unique claim')}, "
        f"{counted(len(c.disagreements), 'numeric disagreement')}, {counted(len(c.annotations), 'note')}."
        + (" Matching used the bundled meaning-aware (semantic) model" if c.semantic else "")
        + (", and the bundled transformer checked the weaker links." if c.semantic and c.transformer
           else ", and the bundled transformer checked the most doubtful links as far as its budget"
           " goes (a story of many sources)." if c.semantic and c.transformer_part
           else "." if c.semantic else "")
        + "".join(f" {md(src.file)} has {len(src.sentences):,} sentences: a huge source is compared"
                  " by words only, and its figures are read only where another source shares them."
                  for src in c.sources if src.bulk)
    )
    copying = family_labels(c.families)
    if copying:
        out.append("Sources that copy one another (one source, repeated): "
                   + "; ".join(md(label) for label in copying) + ".")
    out.append("")
    out.append("## Sources")
    out.append("")
    family = family_of(c.families)
    for src in c.sources:
        out.append(f"- **{md(src.id)}**: {md(src.title)} ({md(src.file)}, {len(src.sentences)} sentences)")
    for sk in c.skipped:
        out.append(f"- skipped {md(sk.file)}: {md(sk.reason)}")
    out.append("")
    out.append("## Numeric disagreements")
    out.append("")
    if not c.disagreements:
        out.append("None found." if not c.dismissed else
                   f"None left: {len(c.dismissed)} dismissed by the reporter (see Reporter's corrections).")
    for d in c.disagreements:
        by = " *(marked by reporter)*" if d.by else ""
        out.append(f"- **{md(d.summary())}**{by}")
        for side in d.sides:
            s = c.sentence(side.sentence)
            out.append(f"  - {md(side.source)} ({md(labels[side.source])}): \"{_quote(s)}\"")
        if d.why:
            out.append(f"  - *Why shown:* {md(d.why)}")
    out.append("")
    if c.corrections:
        out += _corrections_md(c)
    for src in c.sources:
        out.append(f"## {md(src.id)}: {md(src.title)}")
        out.append("")
        # Shared claims by independent confirmations: three outlets running one wire story are
        # one source, not three.
        shared = sorted((s for s in src.sentences if s.status == SHARED),
                        key=lambda s: -independent_count(s, c, family))
        unique = [s for s in src.sentences if is_unique_claim(s)]
        out.append(f"### Shared claims ({len(shared)})")
        out.append("")
        for s in shared:
            others = sorted({c.sentence(link.to).source for link in s.links})
            why = f": {md(s.links[0].why)}" if s.links[0].why else ""
            said = confirmations(s, c, family)
            differ = figures_differ.get(s.id)
            but = f"; its figures differ from {md(', '.join(differ))}'s (≠)" if differ else ""
            out += with_notes(f"- {_quote(s)} *({said}: also in {md(', '.join(others))}{why}{but})*", s)
        out.append("")
        partial = [s for s in src.sentences if s.status == PARTIAL]
        if partial:
            out.append(f"### Partly shared claims ({len(partial)})")
            out.append("")
            for s in partial:
                p = s.parts[0]
                other = c.sentence(p.to)
                where = f"{md(other.source)} ¶{other.paragraph + 1}"
                if p.start == 0 and p.end >= len(s.text.rstrip()):
                    # all of it, inside a longer sentence there (the detail says the same)
                    said = f"all of it, within a longer sentence of {where}"
                else:
                    said = f"partly: \"{md(s.text[p.start:p.end])}\" also in {where}"
                out += with_notes(f"- {_quote(s)} *({said})*", s)
            out.append("")
        out.append(f"### Unique claims ({len(unique)})")
        out.append("")
        for s in unique:
            out += with_notes(f"- {_quote(s)}{_closest_elsewhere(c, s, scales_said)}", s)
        unlinked = sum(1 for s in src.sentences if s.status == UNLINKED and s.claim)
        if unlinked:
            out.append("")
            out.append(f"*{unlinked} more sentence has no link but is not called unique: the other "
                       "sources use enough of its words to say it otherwise, no name, figure or "
                       "quote in it is its own, or the transformer reads another source's sentence "
                       "close to it.*" if unlinked == 1 else
                       f"*{unlinked} more sentences have no link but are not called unique: the other "
                       "sources use enough of their words to say them otherwise, no name, figure "
                       "or quote in them is their own, or the transformer reads another source's "
                       "sentence close to them.*")
        # headings, bylines and fragments with no link: no claims, never unique (so every
        # sentence of the source is counted in one of the lines above or below)
        others = sum(1 for s in src.sentences if s.status in (UNIQUE, UNLINKED) and not s.claim)
        if others:
            out.append("")
            out.append(f"*{others} more sentence has no link and is no claim (a heading, byline or "
                       "fragment), so it is never called unique.*" if others == 1 else
                       f"*{others} more sentences have no link and are no claims (headings, bylines "
                       "or fragments), so they are never called unique.*")
        folded = [s for s in src.sentences if s.status in (BOILERPLATE, DUPLICATE)]
        if folded:
            out.append("")
            out.append(
                f"*{len(folded)} {'sentence' if len(folded) == 1 else 'sentences'} set aside as "
                "boilerplate or repeated text.*"
            )
        out.append("")
    rest = [a for a in c.annotations if not a.orphaned and a.target not in placed]
    orphaned = [a for a in c.annotations if a.orphaned]
    if rest:
        out.append("## Notes on other sentences")
        out.append("")
        for a in rest:
            out.append(f"- {md(a.target)}: \"{_quote(c.sentence(a.target))}\"")
            out.append(note_line(a))
        out.append("")
    if orphaned:
        out.append("## Orphaned notes (their sentence is gone)")
        out.append("")
        for a in orphaned:
            said = f": {md(a.note)}" if a.note.strip() else ""
            out.append(f"- ✎ **{md(a.status)}**{said} *({md(a.file)}: \"{md(a.text)}\")*")
        out.append("")
    singles = c.single_source_numbers()
    out.append("## Figures only one source gives")
    out.append("")
    if not singles:
        out.append("None.")
    # One line a figure: a source that gives it in several sentences ("about six months", "six
    # months") is listed at the first, with how many more.
    lines: dict[tuple, list] = {}
    for q in singles:
        lines.setdefault((q.sources[0], q.kind, q.value, q.unit), []).append(q)
    for q, *more in lines.values():
        also = f" *(and {len(more)} more sentence{'s' if len(more) > 1 else ''})*" if more else ""
        out.append(f"- {md(q.sources[0])}: {md(q.text)} — \"{_quote(c.sentence(q.sentence))}\"{also}")
    out.append("")
    return "\n".join(out)
