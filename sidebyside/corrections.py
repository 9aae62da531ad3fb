"""The reporter's hand on the findings: corrections applied to a comparison.

A correction is kept in the notes store (sidebyside/annotations.py, `NoteStore.correct`), with
the notes' promises, anchored to its two sentences' text (sidebyside/anchors.py). `apply` puts
every live correction on a comparison, in the order they were made:

- `link`: the two sentences make the same claim: a link `by` "reporter" (score 1) joins them,
  replacing the engine's link between them if there was one;
- `unlink`: they do not: every link between them is taken off, and a partial link (`parts`);
  neither is named again as the other's closest sentence, nor its echo (sidebyside/echoes.py);
- `dismiss`: the disagreement between their figures is not a conflict: it moves from
  `comparison.disagreements` to `comparison.dismissed`, with the reason;
- `conflict`: their figures conflict although the engine did not say so: a disagreement `by`
  "reporter" is added.

When links change, statuses, echoes and rows are derived again from the links, as the engine
derives them, and the figures of two linked sentences are paired as the engine pairs figures on a sure
link (an unlinked pair's disagreements go), so every view and export shows the corrected
findings; the engine's other pairings stand (a full pass over the figures takes seconds on a big
folder, benchmarks/corrections_bench.py). `apply` can be
called again and again on one comparison (after an undo, or a colleague's change): it first
takes back what it did, so the result depends only on the corrections given. A correction whose
sentence is gone is kept, listed `orphaned`, and not applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import echoes, figure_pairs, findings
from . import numbers as N
from . import text as T
from .align import align
from .anchors import Finder
from .model import (
    EXACT,
    PARAPHRASE,
    UNIQUE,
    VALUE,
    Comparison,
    Correction,
    CorrectionKind,
    Disagreement,
    Link,
    Part,
    Quantity,
    Sentence,
    Side,
)
from .store_entries import Note

LINK, UNLINK, DISMISS, CONFLICT = KINDS = tuple(m.value for m in CorrectionKind)
REPORTER = "reporter"
LINKED_WHY = "linked by reporter"


@dataclass
class _Taken:
    """What `apply` did to a comparison's links, so that it can take it back."""

    added: set[str] = field(default_factory=set)  # sentences holding a reporter's link
    removed: list[tuple[str, Link]] = field(default_factory=list)  # engine links taken off
    parts: list[tuple[str, Part]] = field(default_factory=list)  # partial links taken off
    signature: tuple = ()  # the link changes in force, in the order they were made
    disagreements: list[Disagreement] = field(default_factory=list)  # the engine's
    sources: dict[int, tuple[Quantity, list[str]]] = field(default_factory=dict)  # as they were
    read: list[str] = field(default_factory=list)  # bulk sentences whose figures a link read
    echoed: dict[str, bool] = field(default_factory=dict)  # unlinks that took an echo off, by id


def _taken(comparison: Comparison) -> _Taken | None:
    # Kept on the comparison object itself (not a field: it is never stored or exported).
    return comparison.__dict__.get("_reporter_taken")


def apply(comparison: Comparison, entries: list[Note], finder: Finder | None = None
          ) -> list[Correction]:
    """Apply the live corrections among `entries` (notes are ignored); fills
    `comparison.corrections` and `comparison.dismissed` and returns the corrections."""
    entries = [e for e in entries if e.kind in KINDS and not e.deleted]
    taken = _taken(comparison)
    if taken is None:
        if not entries:
            comparison.corrections, comparison.dismissed = [], []
            return []
        taken = _Taken(disagreements=list(comparison.disagreements))
        comparison.__dict__["_reporter_taken"] = taken
    _take_back(comparison, taken)
    finder = finder or Finder(comparison)
    out: list[Correction] = []
    placed: list[tuple[Correction, Sentence, Sentence]] = []
    for e in sorted(entries, key=lambda e: (e.created, e.id)):
        other = e.other if isinstance(e.other, dict) else {}
        a = finder.find(e.file, e.text, e.occurrence)
        b = finder.find(other.get("file"), other.get("text"), other.get("occurrence", 0))
        c = Correction(
            kind=e.kind, a=a.id if a else e.sentence,
            b=b.id if b else str(other.get("sentence", "")), reason=e.note,
            figures=[f for f in e.figures if isinstance(f, str)][:2], id=e.id,
        )
        c.orphaned = a is None or b is None or a.source == b.source
        out.append(c)
        if c.orphaned:
            c.applied = False
            continue
        e.sentence = a.id
        placed.append((c, a, b))
    changes = []
    for c, a, b in placed:
        if c.kind == LINK:
            c.applied = _link(comparison, a, b, taken)
        elif c.kind == UNLINK:
            c.applied = _detach(a, b, taken)
        if c.kind in (LINK, UNLINK):
            # every unlink, applied or not, counts: the pairs it rejects are never named as
            # each other's echo; and the order counts (a link, then an unlink of one pair)
            changes.append((c.kind, *sorted((a.id, b.id))))
    signature = tuple(changes)
    comparison.corrections = out  # (the rejected pairs: nearest.closest, echoes.read)
    if signature != taken.signature:
        findings.set_statuses(comparison)
        echoes.read(comparison)
        comparison.rows = align(comparison)
        taken.signature = signature
        taken.echoed = {c.id: _took_echo(comparison, c, a, b) for c, a, b in placed
                        if c.kind == UNLINK and not c.applied}
    for c, _, _ in placed:
        if c.kind == UNLINK and not c.applied:
            c.applied = taken.echoed.get(c.id, False)
    shown = list(taken.disagreements)
    for c, a, b in placed:
        if c.applied and c.kind == LINK:
            for s in (a, b):  # a bulk source's sentence: never read before
                if findings.read_late(comparison, s):
                    taken.read.append(s.id)
        if c.applied and c.kind == LINK and a.numbers and b.numbers:
            _pair_figures(a, b, shown, taken)
        elif c.applied and c.kind == UNLINK:
            shown = [d for d in shown if not {x.sentence for x in d.sides} <= {a.id, b.id}]
    _figures(comparison, shown, placed)
    return out


def _take_back(comparison: Comparison, taken: _Taken) -> None:
    for sid in taken.added:
        s = comparison.sentence(sid)
        s.links = [link for link in s.links if link.by != REPORTER]
    for sid, link in taken.removed:
        comparison.sentence(sid).links.append(link)
    for sid in {sid for sid, _ in taken.removed}:
        comparison.sentence(sid).links.sort(key=lambda link: -link.score)
    for sid, part in taken.parts:
        comparison.sentence(sid).parts.append(part)
    for sid in {sid for sid, _ in taken.parts}:
        comparison.sentence(sid).parts.sort(key=lambda part: -part.score)
    for q, sources in taken.sources.values():
        q.sources = sources
    if taken.read:  # figures read only for a reporter's link, which is taken back
        late = {id(q) for sid in taken.read for q in comparison.sentence(sid).numbers}
        comparison.numbers = [q for q in comparison.numbers if id(q) not in late]
        for sid in taken.read:
            comparison.sentence(sid).numbers = []
    taken.added, taken.removed, taken.parts, taken.sources, taken.read = set(), [], [], {}, []


def _detach(a: Sentence, b: Sentence, taken: _Taken) -> bool:
    """Take every link between a and b off both, and the partial links (`parts`): not the
    same claim, nor in part; True if there was one."""
    found = False
    for s, other in ((a, b), (b, a)):
        for part in s.parts:
            if part.to == other.id:
                found = True
                taken.parts.append((s.id, part))
        s.parts = [part for part in s.parts if part.to != other.id]
        keep = []
        for link in s.links:
            if link.to == other.id:
                found = True
                if link.by != REPORTER:
                    taken.removed.append((s.id, link))
            else:
                keep.append(link)
        s.links = keep
    return found


def _link(comparison: Comparison, a: Sentence, b: Sentence, taken: _Taken) -> bool:
    _detach(a, b, taken)
    kind = EXACT if T.normalized(a.text) == T.normalized(b.text) else PARAPHRASE
    for s, other in ((a, b), (b, a)):
        s.links.insert(0, Link(other.id, 1.0, kind, LINKED_WHY, REPORTER))
        taken.added.add(s.id)
    return True


def _took_echo(comparison: Comparison, c: Correction, a: Sentence, b: Sentence) -> bool:
    """Does an unlink of two sentences with no link between them keep the echo check from
    naming one as the other's echo (sidebyside/echoes.py)? Read with every other correction in
    force and this one left out, so a second unlink, of the sentence the check named once the
    first was made, counts as the first does."""
    if not echoes.checked(comparison):
        return False
    kept = comparison.corrections
    comparison.corrections = [x for x in kept if x is not c]
    try:
        return any((s.echo or s.status == UNIQUE) and s.claim and echoes.named(comparison, s) == other.id
                   for s, other in ((a, b), (b, a)))
    finally:
        comparison.corrections = kept


def _pair_figures(a: Sentence, b: Sentence, shown: list[Disagreement], taken: _Taken) -> None:
    """The figures of two sentences a reporter linked, paired as the engine pairs figures on a
    sure link: each pair in conflict is a disagreement (unless one already holds both), each
    pair that agrees is a figure both sources give. Only these two sentences' figures are
    looked at: the engine's other pairings stand (a full pass takes seconds on big folders)."""
    for qa, qb, _ in figure_pairs._admitted(a.numbers, b.numbers, 1.0, (a.text, b.text)):
        verdict, note = N.judge(qa, qb)
        if verdict is None:
            for q, other in ((qa, qb), (qb, qa)):
                if other.sources[0] not in q.sources:
                    taken.sources.setdefault(id(q), (q, list(q.sources)))
                    q.sources = [*q.sources, other.sources[0]]
            continue
        if any(_has_side(d, a.id, qa.text) and _has_side(d, b.id, qb.text) for d in shown):
            continue
        shown.append(Disagreement(
            kind=verdict.value, about=N.about([qa, qb]), sides=[_side(a, qa), _side(b, qb)],
            why=f"{a.source} says “{qa.text}”, {b.source} says “{qb.text}”. Paired because the "
                f"reporter linked the sentences. Verdict: {verdict.value}, {note}.",
        ))


def _figure(s: Sentence, text: str | None) -> Quantity | None:
    for q in s.numbers:
        if text is None or q.text == text:
            return q
    return None


def _has_side(d: Disagreement, sentence: str, figure: str | None) -> bool:
    return any(side.sentence == sentence and (figure is None or side.text == figure)
               for side in d.sides)


def _figures(comparison: Comparison, base: list[Disagreement],
             placed: list[tuple[Correction, Sentence, Sentence]]) -> None:
    """The disagreements under the links in force (`base`), less the dismissed, plus the
    marked."""
    shown, dismissed = [], []
    dismissals = [(c, a, b) for c, a, b in placed if c.kind == DISMISS]
    for c, _, _ in dismissals:
        c.applied = False
    for d in base:
        d.reason = ""
        for c, a, b in dismissals:
            fa, fb = (c.figures + [None, None])[:2]
            if _has_side(d, a.id, fa) and _has_side(d, b.id, fb):
                d.reason, c.applied = c.reason, True
                dismissed.append(d)
                break
        else:
            shown.append(d)
    for c, a, b in placed:
        if c.kind != CONFLICT:
            continue
        fa, fb = (c.figures + [None, None])[:2]
        qa, qb = _figure(a, fa), _figure(b, fb)
        c.applied = qa is not None and qb is not None
        if not c.applied:
            continue
        verdict, _ = N.judge(qa, qb)
        reason = f": {c.reason}" if c.reason else ""
        shown.append(Disagreement(
            kind=verdict.value if verdict else VALUE,
            about=N.about([qa, qb]),
            sides=[_side(a, qa), _side(b, qb)],
            why=f"Marked a conflict by the reporter{reason}. {a.source} says “{qa.text}”, "
                f"{b.source} says “{qb.text}”.",
            by=REPORTER, reason=c.reason,
        ))
    order = {src.id: i for i, src in enumerate(comparison.sources)}
    shown.sort(key=lambda d: (order[d.sides[0].source],
                              comparison.sentence(d.sides[0].sentence).index))
    comparison.disagreements = shown
    comparison.dismissed = dismissed


def _side(s: Sentence, q: Quantity) -> Side:
    return Side(sentence=s.id, source=s.source, text=q.text, value=q.value,
                qualifier=q.qualifier, unit=q.unit, start=q.start, end=q.end)


def describe(c: Correction) -> str:
    """The correction in plain words, as the detail and the exports say it."""
    reason = f": {c.reason}" if c.reason else ""
    figures = " vs ".join(f"“{f}”" for f in c.figures)
    what = {
        LINK: f"linked by reporter ({c.a} ↔ {c.b})",
        UNLINK: f"unlinked by reporter ({c.a} ↮ {c.b})",
        DISMISS: f"dismissed by reporter{reason} ({figures or c.a + ' vs ' + c.b})",
        CONFLICT: f"conflict marked by reporter{reason} ({figures or c.a + ' vs ' + c.b})",
    }.get(c.kind, c.kind)
    if c.kind in (LINK, UNLINK) and c.reason:
        what += reason
    if c.orphaned:
        what += " — orphaned: a sentence it was made on is gone"
    elif not c.applied:
        what += " — changes nothing now"
    return what
