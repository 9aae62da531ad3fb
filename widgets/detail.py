"""The detail of one sentence as Rich text: status, matches with a word diff, numbers, notes.

Plain functions, so the same text can be shown, tested and (later) exported. The diff marks
deleted words [-like this-] and inserted ones {+like this+}, so it reads without colour; the
styles are text attributes only unless the caller passes its own (the detail screen passes the
theme's colours, `DetailStyles.from_widget`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from rich.console import Group
from rich.padding import Padding
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from sidebyside import numbers as N
from sidebyside.corrections import describe
from sidebyside.disagreements import figures_told_apart
from sidebyside.families import confirmations
from sidebyside.furniture import post_frame
from sidebyside.model import (
    BOILERPLATE,
    DUPLICATE,
    PARTIAL,
    SHARED,
    UNIQUE,
    UNLINKED,
    Comparison,
    Part,
    Sentence,
)
from sidebyside.nearest import Closest, closest
from sidebyside.novelty import NOVEL_MIN
from sidebyside.readable import plain_why, quantity
from sidebyside.safe import pictures

from .layout import note_mark


@dataclass(frozen=True)
class DetailStyles:
    deleted: Style | str = "bold strike"
    inserted: Style | str = "bold underline"
    heading: Style | str = "bold"
    muted: Style | str = "dim"

    COMPONENTS = ("detail--deleted", "detail--inserted", "detail--heading", "detail--muted")

    @classmethod
    def from_widget(cls, widget: Widget) -> DetailStyles:
        """The styles of `widget`'s component classes (`COMPONENTS`), from the theme."""
        return cls(*(widget.get_component_rich_style(name, partial=True) for name in cls.COMPONENTS))


PLAIN = DetailStyles()


# Typography is not a change: curly and straight quotes, dashes and hyphens, odd spaces.
_TYPOGRAPHY = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "…": "...",
})


def _plain(word: str) -> str:
    return word.translate(_TYPOGRAPHY)


DIFF_MIN = 0.5  # the share of words two linked sentences have in common, in order, for a diff


def words_in_common(old: str, new: str) -> float:
    """The share of the two sentences' words that are the same, in order (difflib's ratio)."""
    return difflib.SequenceMatcher(a=[_plain(w) for w in old.split()],
                                   b=[_plain(w) for w in new.split()], autojunk=False).ratio()


def word_diff(old: str, new: str, styles: DetailStyles = PLAIN) -> Text:
    """Word-level diff from `old` to `new`: [-deleted-] {+inserted+}, shared words plain.
    Words that differ only in typography (quotes, dashes) count as the same."""
    a, b = old.split(), new.split()
    out = Text()
    matcher = difflib.SequenceMatcher(
        a=[_plain(w) for w in a], b=[_plain(w) for w in b], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if out:
            out.append(" ")
        if op == "equal":
            out.append(" ".join(a[i1:i2]))
            continue
        if op in ("delete", "replace"):
            out.append("[-" + " ".join(a[i1:i2]) + "-]", style=styles.deleted)
        if op == "replace":
            out.append(" ")
        if op in ("insert", "replace"):
            out.append("{+" + " ".join(b[j1:j2]) + "+}", style=styles.inserted)
    return out


def status_line(comparison: Comparison, s: Sentence) -> str:
    if s.status == SHARED:
        others = sorted({comparison.sentence(lk.to).source for lk in s.links})
        said = confirmations(s, comparison, comparison.families)
        by = " (linked by reporter)" if any(lk.by for lk in s.links) else ""
        differ = comparison.figures_differ_with(s.id)
        but = f", but its figures differ from {', '.join(differ)}'s (≠ below)" if differ else ""
        return f"shared with {', '.join(others)}{by} · {said}{but}"
    if s.status == PARTIAL and s.parts:
        return "partly reported: " + part_said(comparison, s, s.parts[0]) + (
            f" (and {len(s.parts) - 1} more)" if len(s.parts) > 1 else "")
    if s.status == UNIQUE:
        if not s.claim:
            if post_frame(s.text):
                return "only in this source (not a claim: an embedded post's frame)"
            return "only in this source (not a claim: heading, byline or fragment)"
        return "unique claim (no other source says this" + (
            f"; it has {s.anchor})" if s.anchor else ")")
    if s.status == UNLINKED:
        if s.echo:
            other = comparison.sentence(s.echo)
            return (f"no link, not called unique: the transformer reads it close to {other.id} "
                    f"({other.source} ¶{other.paragraph + 1})")
        if s.novel >= NOVEL_MIN and not s.anchor:
            return "no link, not called unique: no name, figure or quote in it is its own"
        # the bar, beside the share: "26%" read as low to a reporter (a hands-on review)
        return (f"no link, not called unique: other sources use {round(100 * (1 - s.novel))}% of "
                f"its words (a unique claim, at most {round(100 * (1 - NOVEL_MIN))}%)")
    if s.status == DUPLICATE:
        return f"duplicate of {s.duplicate_of}" if s.duplicate_of else "duplicate (repeated in this source)"
    if s.status == BOILERPLATE:
        return "boilerplate (not part of the story; never a finding)"
    return s.status


def part_said(comparison: Comparison, s: Sentence, part: Part) -> str:
    """“…the shared unit…” — also in nyt (nyt.txt) ¶3: which part of `s` and where."""
    return f"{part_which(s, part)} — also in {part_where(comparison, part)}"


def part_which(s: Sentence, part: Part) -> str:
    """The part of `s` another source reports, quoted (or 'all of it, ...')."""
    unit = s.text[part.start:part.end]
    whole = part.start == 0 and part.end >= len(s.text.rstrip())
    return "all of it, within a longer sentence" if whole else f"“{pictures(unit)}”"


def part_where(comparison: Comparison, part: Part) -> str:
    """nyt (nyt.txt) ¶3: where the other side of a partial link is."""
    other = comparison.sentence(part.to)
    src = comparison.source(other.source)
    return f"{src.id} ({pictures(src.file)}) ¶{other.paragraph + 1}"


def _told_alike(comparison: Comparison, s: Sentence, q, disputed: list[set]) -> list[str]:
    """How the linked sentences give the same figure another way: "nyt: “0.4 per cent”, the
    same figure rounded" (a figure the findings found in agreement, written otherwise).
    `disputed`: the (sentence, start) of the sides of each disagreement `s` takes part in."""
    notes = []
    for lk in s.links:
        t = comparison.sentence(lk.to)
        if t.source not in q.sources:
            continue
        for o in t.numbers:
            if o.kind != q.kind or o.unit != q.unit or s.source not in o.sources or o.text == q.text:
                continue
            if any({(s.id, q.start), (t.id, o.start)} <= sides for sides in disputed):
                continue  # a different hedge: shown as a disagreement, not as the same figure
            if not N.same_thing(q, o) or N.compare(q, o) is not None:
                continue  # another figure of that sentence ("killed 7" is not "injured 40")
            how = "rounded" if o.value != q.value else "written another way"
            notes.append(f"{t.source}: “{pictures(o.text)}”, the same figure {how}")
    return notes


def _quantity(q) -> str:
    return pictures(quantity(q.text, q.value, q.qualifier, q.unit, q.kind, q.event, q.high - q.low))


def detail_text(comparison: Comparison, sid: str, *,
                styles: DetailStyles = PLAIN, near: dict[str, Closest] | None = None) -> Text:
    """Everything about sentence `sid`. `near`: its closest sentences elsewhere, when the caller
    has them already (nearest.closest, the costly part: the transformer reads them)."""
    heading, muted = styles.heading, styles.muted
    s = comparison.sentence(sid)
    src = comparison.source(s.source)
    out = Text()
    out.append(f"{s.id}", style=heading)
    # where it stands, then the article's headline, said as such (beside the id, a bare
    # headline read as the sentence's own text)
    article = f" · in the article “{src.title}”" if src.title and src.title != src.file else ""
    out.append(f"  {src.file}, paragraph {s.paragraph + 1}{article}\n", style=muted)
    out.append("\n")
    out.append(pictures(s.text) + "\n")
    out.append("\n")
    out.append("Status: ", style=heading)
    out.append(status_line(comparison, s) + "\n")
    if s.status == UNLINKED and s.echo:
        out.append(f"No sentence of another source was close enough to link, but the transformer "
                   f"reads {s.echo} (below) close to it: another outlet may report it in other "
                   f"words. Read it before calling this an exclusive.\n")
    elif s.status == UNLINKED:
        out.append("No sentence of another source was close enough to link, but the others use "
                   "enough of its words (names, figures and rare words count most) to report it "
                   "in other words: read them before calling it an exclusive.\n")

    # Disagreements this sentence takes part in.
    mine = [d for d in comparison.disagreements if any(side.sentence == sid for side in d.sides)]
    if mine:
        out.append("\n")
        out.append("≠ Numbers that disagree\n", style=heading)
        for d in mine:
            style = "bold" if d.kind == "value" else "bold italic"
            out.append("  ≠ ", style=style)
            out.append(pictures(d.summary()) + "\n", style=style)
            out.append(("    " + pictures(d.why) + "\n") if d.why else "", style="italic")
            quoted: set[str] = {sid}
            for side in d.sides:
                out.append(f"    {side.source} ({side.sentence}): ", style="")
                read = quantity(side.text, side.value, side.qualifier, side.unit)
                out.append(pictures(read) + "\n")
                if side.sentence not in quoted:
                    # the other side's sentence, here: its pane may be hidden, and its match
                    # below may come after the closest sentences of other sources
                    quoted.add(side.sentence)
                    text = comparison.sentence(side.sentence).text
                    out.append(f"      “{pictures(text)}”\n", style=muted)

    # Matches in the other sources.
    out.append("\n")
    out.append("Matches in other sources\n", style=heading)
    by_source: dict[str, list] = {}
    for lk in sorted(s.links, key=lambda lk: -lk.score):
        by_source.setdefault(comparison.sentence(lk.to).source, []).append(lk)
    if near is None:
        near = closest(comparison, sid)
    scales_said: set[str] = set()  # what a similarity is measured against: said once
    for other in comparison.sources:
        if other.id == s.source:
            continue
        links = by_source.get(other.id, [])
        if not links:
            out.append(f"  {other.id}: ", style=heading)
            partly = any(comparison.sentence(p.to).source == other.id for p in s.parts)
            out.append("part of it only (below)\n" if partly else "no matching sentence\n",
                       style=muted)
            c = near.get(other.id)
            if c is not None:
                scale = "" if c.scale() in scales_said else c.scale()
                scales_said.add(c.scale())
                out.append(f"    closest, not linked: {c.sentence} (similarity {c.similarity:.2f} by "
                           f"{c.by}{scale})\n",
                           style=muted)
                out.append("    " + pictures(comparison.sentence(c.sentence).text) + "\n", style=muted)
                if c.second is not None:  # the claim is often the next one (sidebyside/nearest.py)
                    out.append(f"    next closest: {c.second.sentence} (similarity "
                               f"{c.second.similarity:.2f})\n", style=muted)
                    out.append("    " + pictures(comparison.sentence(c.second.sentence).text) + "\n",
                               style=muted)
            continue
        for lk in links:
            t = comparison.sentence(lk.to)
            out.append(f"  {t.id} ", style=heading)
            out.append(f"{lk.kind}, score {lk.score:.2f}", style="")
            why = "linked by reporter" if lk.by else plain_why(lk.why, s.text, t.text)
            if why:
                out.append(f" — {pictures(why)}", style=muted)
            out.append("\n")
            out.append("    " + pictures(t.text) + "\n")
            out.append("    diff: ", style=muted)
            if words_in_common(s.text, t.text) >= DIFF_MIN:
                out.append_text(word_diff(s.text, t.text, styles))
            else:  # a paraphrase: a diff of it would strike out nearly every word
                out.append("reworded (under half the words in common; both are shown above)",
                           style=muted)
            out.append("\n")

    if s.parts:
        out.append("\n")
        out.append("Partly reported elsewhere\n", style=heading)
        for part in s.parts:
            t = comparison.sentence(part.to)
            out.append("  " + part_said(comparison, s, part) + "\n")
            out.append(f"    {t.id} ", style=heading)
            out.append(f"partial, score {part.score:.2f}", style="")
            if part.why:
                out.append(f" — {pictures(part.why)}", style=muted)
            out.append("\n")
            out.append("    there: “" + pictures(t.text[part.to_start:part.to_end]) + "”\n")

    # Numbers read in this sentence and its matches.
    out.append("\n")
    out.append("Numbers\n", style=heading)
    if s.numbers:
        disputed = [{(side.sentence, side.start) for side in d.sides} for d in mine]
        for q in s.numbers:
            out.append(f"  {s.source}: {_quantity(q)}\n")
            for note in _told_alike(comparison, s, q, disputed):
                out.append(f"      {note}\n", style=muted)
    else:
        out.append(f"  {s.source}: none read\n", style=muted)
    for lk in s.links:
        t = comparison.sentence(lk.to)
        for q in t.numbers:
            out.append(f"  {t.source}: {_quantity(q)}\n")
    for q, r, why in figures_told_apart(comparison, s):
        # the link's why says "figures differ"; say why there is no ≠ (a hands-on review)
        out.append(f"  {q.text} vs {r.text} ({r.sources[0]}): no ≠, {why}\n", style=muted)

    out.append_text(corrections_text(comparison, sid, styles))
    out.append("\n")
    out.append_text(notes_text(comparison, sid, styles))
    return out


def corrections_text(comparison: Comparison, sid: str, styles: DetailStyles = PLAIN) -> Text:
    """The reporter's corrections made on this sentence, and the disagreements dismissed."""
    heading, muted = styles.heading, styles.muted
    dismissed = [d for d in comparison.dismissed if any(x.sentence == sid for x in d.sides)]
    # a dismissal is told once, by the disagreement it took off (with what it said), below
    mine = [k for k in comparison.corrections if sid in (k.a, k.b)
            and not (k.kind == "dismiss" and dismissed and k.applied and not k.orphaned)]
    out = Text()
    if not mine and not dismissed:
        return out
    out.append("\n")
    out.append("Corrections by the reporter\n", style=heading)
    for k in mine:
        out.append(f"  {pictures(describe(k))}\n")
    for d in dismissed:
        reason = f": {d.reason}" if d.reason else ""
        out.append(f"  ≠ dismissed by reporter{pictures(reason)} — ", style="")
        out.append(pictures(d.summary()) + "\n", style=muted)
    out.append("  ctrl+z undoes the latest correction\n", style=muted)
    return out


def notes_text(comparison: Comparison, sid: str, styles: DetailStyles = PLAIN) -> Text:
    """The notes on one sentence, each with its status in words (a marker letter too)."""
    heading, muted = styles.heading, styles.muted
    notes = [a for a in comparison.annotations if a.target == sid and not a.orphaned]
    out = Text()
    if not notes:
        out.append("Notes: ", style=heading)
        out.append("none yet (a adds one)\n", style=muted)
        return out
    out.append(f"Notes ({len(notes)})", style=heading)
    out.append("  a edits, m cycles the status\n", style=muted)
    for a in notes:
        out.append(f"  {note_mark(a.status)} ", style=heading)
        out.append(f"[{a.status}]", style=heading)
        out.append(" ")
        if a.note:
            out.append(pictures(a.note) + "\n")
        else:
            out.append("(status only, no text)\n", style=muted)
    return out


class _Hanging:
    """A line wrapped under its own indent; on a pane too narrow for the indent, less of it."""

    def __init__(self, line: Text, indent: int) -> None:
        self.line, self.indent = line, indent

    def __rich_console__(self, console, options):
        indent = min(self.indent, max(0, options.max_width - 10))
        yield Padding(self.line, (0, 0, 0, indent))


def hanging(text: Text) -> Group:
    """The detail as shown: each line wrapped under its own first word, so a long sentence,
    diff or note indented under its heading stays indented when it wraps."""
    lines = []
    for line in text.split("\n"):
        indent = len(line.plain) - len(line.plain.lstrip(" "))
        if indent and line.plain.strip():
            lines.append(_Hanging(line[indent:], indent))
        else:
            lines.append(line)
    return Group(*lines)
