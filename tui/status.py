"""The two lines of words around the grid: the title (what was compared, the counts, the notes)
and the status line (the sentence under the cursor). Plain functions of what they show."""

from __future__ import annotations

import re

from sidebyside.families import family_labels
from sidebyside.model import PARTIAL, SHARED, Comparison, Disagreement, Sentence
from sidebyside.text import counted
from widgets.detail import part_where, part_which, status_line

from .notes import NoteKeeper


def notes_summary(keeper: NoteKeeper, short: bool) -> str:
    n, orphaned = keeper.count, len(keeper.orphaned)
    if not n:
        return ""
    if short:
        return f" · ✎ {n}" + (f" ({orphaned} orphaned: A)" if orphaned else "")
    text = f" · ✎ {counted(n, 'note')}"
    if orphaned:
        text += f" ({orphaned} orphaned: A lists)"
    return text


def loading_title(name: str) -> str:
    return f"sidebyside · {name} · comparing…"


def title_text(c: Comparison, keeper: NoteKeeper, name: str, where: str, shown_panes: int | None,
               width: int) -> str:
    """The longest title that fits `width`: folder, sources, counts of findings, notes."""
    shared = sum(1 for s in c.all_sentences() if s.status == SHARED)
    unique = len(c.unique_claims())
    partial = len(c.partial_sentences())
    part = f" · ◐ {partial} partial" if partial else ""  # said only when there are some
    dis = len(c.disagreements)
    shown = ""
    if shown_panes is not None and shown_panes < len(c.sources):
        shown = f" ({shown_panes} shown, v picks)"
    counts = (
        f"{len(c.sources)} sources{shown} · {shared} shared{part} · ◆ {counted(unique, 'unique claim')}"
        f" · ≠ {counted(dis, 'disagreement')}"
    )
    if c.skipped:
        counts += f" · {len(c.skipped)} skipped (i lists)"
    copying = family_labels(c.families)
    if copying:
        counts += " · " + "; ".join(copying)
    if c.corrections:
        counts += f" · {counted(len(c.corrections), 'correction')}"
        orphaned = sum(1 for k in c.corrections if k.orphaned)
        if orphaned:
            counts += f" ({orphaned} orphaned: e exports the list)"
    if c.semantic:
        counts += " · meaning-aware matching" + (
            ", transformer-checked" if c.transformer
            else ", doubtful links transformer-checked" if c.transformer_part else "")
    elif any(src.bulk for src in c.sources):
        counts += " · word matching (a huge source)"
    short = f"{len(c.sources)} src{shown} · {shared} shared{part} · ◆ {unique} unique · ≠ {dis}"
    if c.skipped:
        short += f" · {len(c.skipped)} skipped"
    long_notes, short_notes = notes_summary(keeper, False), notes_summary(keeper, True)
    candidates = [
        f"sidebyside · {where} · {counts}{long_notes}",
        f"sidebyside · {name} · {counts}{long_notes}",
        f"sidebyside · {name} · {short}{long_notes}",
        f"sidebyside · {name} · {short}{short_notes}",
        f"{name} · {short}{short_notes}",
        f"{name} · {short.replace(shown, '')}{short_notes}",
    ]
    room = width - 2  # the title's padding
    return next((t for t in candidates if len(t) <= room), candidates[-1])


def sentence_status(c: Comparison, s: Sentence) -> str:
    """The sentence's status for the one-row status line: as in the detail, but a partial
    sentence says where first, so that a narrow terminal cuts the quote, not the place."""
    if s.status == PARTIAL and s.parts:
        more = f" (and {len(s.parts) - 1} more)" if len(s.parts) > 1 else ""
        return (f"partly reported in {part_where(c, s.parts[0])}{more}: "
                f"{part_which(s, s.parts[0])}")
    return status_line(c, s)


# A figure as the status line quotes it: up to its number and a scale word ("More than 40",
# "4.5 million", "until mid-2027"), not the noun after ("... North Korean troops").
_FIGURE_HEAD = re.compile(
    r"^.*?\d[\d,.:]*(?:\s*(?:%|(?:percent|per cent|thousand|million|mln|billion|bn|trillion|"
    r"[ap]\.\s?m\.|m)\b))?",
    re.I)


def _figure(text: str) -> str:
    m = _FIGURE_HEAD.match(text)
    return m.group(0) if m and len(m.group(0)) < len(text) else text


def short_summary(d: Disagreement, sid: str) -> str:
    """The disagreement as the status line says it, short enough for 80 columns to show the
    other side: this sentence's figure first, then each other source's ("Troops killed: some 600
    here, over 600 in 001 (qualifier)"). The detail (enter) gives them whole."""
    mine = next(side for side in d.sides if side.sentence == sid)
    said: dict[str, str] = {}
    for side in d.sides:
        if side.source != mine.source:
            said.setdefault(side.source, _figure(side.text))
    if _figure(mine.text) in said.values() or len(set(said.values())) < len(said):
        # cut short, two figures read alike ("about 50" miles / km): say them whole
        said = {src: next(x.text for x in d.sides if x.source == src) for src in said}
        here = mine.text
    else:
        here = _figure(mine.text)
    others = ", ".join(f"{fig} in {src}" for src, fig in said.items())
    about = d.about[:1].upper() + d.about[1:] if d.about else "Figure"
    return f"{about}: {here} here, {others} ({d.kind})"


def status_text(c: Comparison, keeper: NoteKeeper, sid: str, draft: bool,
                search: tuple[str, int, int, int] | None) -> str:
    """The status line for sentence `sid`: its notes, an unsaved draft, the first disagreement
    it takes part in (before its status: a narrow terminal cuts the status, not the ≠), its
    status, and where the search stands (query, i of n, hidden)."""
    s = c.sentence(sid)
    parts = [sid]
    notes = keeper.notes_on(sid)
    if notes:
        first = notes[0]
        said = f"✎ {first.status}" + (f": “{first.note}”" if first.note else "")
        if len(notes) > 1:
            said += f" (+{len(notes) - 1} more: enter)"
        parts.append(said)
    if draft:
        parts.append("✎ unsaved draft (a)")
    for d in c.disagreements:
        if any(side.sentence == sid for side in d.sides):
            parts.append("≠ " + short_summary(d, sid))
            break
    parts.append(sentence_status(c, s))
    if search is not None:
        query, i, n, hidden = search
        if i:
            found = f"match {i} of {n} for “{query}”"
        else:
            found = f"{counted(n, 'match', 'matches')} for “{query}”"
        if hidden:
            found += f" (+{hidden} in folded text or hidden sources: z, v)"
        parts.append(found)
    return " · ".join(parts)
