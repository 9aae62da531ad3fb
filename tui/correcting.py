"""The reporter's corrections on the comparison screen (issue 17): link two sentences the engine
missed, unlink a false link, dismiss a false ≠, mark a conflict the engine missed, undo.

Linking (and marking a conflict) picks the second sentence with the cursor: the key starts on
the first, the cursor moves (tab to the other pane, j/k), enter confirms, esc cancels. Each
correction is saved at once with the notes (tui/notes.py) and applied to the comparison
(sidebyside/corrections.py); the grid, the overview and the counts redraw.
"""

from __future__ import annotations

from textual.binding import Binding

from sidebyside.model import Comparison, Disagreement

from .notes import Change, NoteError, NoteKeeper, short
from .reason import ReasonDialog

BINDINGS = [
    Binding("L", "link", "Link", show=False,
            tooltip="Same claim: link this sentence to one you pick in another pane (enter)"),
    Binding("x", "unlink", "Unlink", show=False,
            tooltip="Not the same claim: take off this sentence's link (or its echo)"),
    Binding("c", "dismiss", "Not a conflict", show=False,
            tooltip="Not a conflict: dismiss this sentence's ≠, with a reason"),
    Binding("C", "mark_conflict", "Mark conflict", show=False,
            tooltip="A conflict the engine missed: pick the other figure's sentence (enter)"),
    Binding("ctrl+z", "undo_correction", "Undo correction", show=False,
            tooltip="Take back the latest correction (link, unlink, dismiss, conflict)"),
    Binding("escape", "cancel_pick", "Cancel", show=False, tooltip="Stop picking a sentence"),
]

PROMPTS = {
    "link": "Link {sid}: move to the same claim in another pane (tab, j/k), enter links, esc cancels",
    "unlink": "Unlink {sid}: move to the linked sentence to take off (tab), enter, esc cancels",
    "conflict": "Conflict with {sid}: move to the other figure's sentence (tab, j/k), enter, "
                "esc cancels",
}


class CorrectingMixin:
    """For ComparisonScreen: its grid, comparison, keeper, notify and redraws."""

    comparison: Comparison
    keeper: NoteKeeper
    picking: tuple[str, str] | None = None  # (kind, the first sentence's id) while picking

    # ------------------------------------------------------------------ keys
    def action_link(self) -> None:
        self._start_pick("link")

    def action_mark_conflict(self) -> None:
        sid = self.grid.cursor
        if sid and not self.comparison.sentence(sid).numbers:
            self.notify(f"{sid} gives no figure to mark", severity="warning", timeout=3)
            return
        self._start_pick("conflict")

    def action_unlink(self) -> None:
        sid = self.grid.cursor
        if sid is None:
            return
        s = self.comparison.sentence(sid)
        # Its links, its partial links (a part of it another source reports), and its echo (the
        # sentence the transformer reads close to it, which keeps it from being called unique).
        targets = list(dict.fromkeys([link.to for link in s.links] + [p.to for p in s.parts]
                                     + ([s.echo] if s.echo else [])))
        if not targets:
            self.notify(f"{sid} is not linked to any sentence", severity="warning", timeout=3)
            return
        shown = [to for to in targets if to in self.grid.peers]
        if len(targets) == 1 or len(shown) == 1:
            self._correct("unlink", sid, shown[0] if shown else targets[0])
            return
        self._start_pick("unlink")

    def action_dismiss(self) -> None:
        sid = self.grid.cursor
        if sid is None:
            return
        d = self._disagreement_on(sid)
        if d is None:
            self.notify(f"No ≠ on {sid} to dismiss", severity="warning", timeout=3)
            return
        one = next(x for x in d.sides if x.sentence == sid)
        other = next((x for x in d.sides if x.source != one.source), None)
        if other is None:
            return
        figures = (one.text, other.text)
        self._ask_reason(
            "dismiss", sid, other.sentence, figures,
            f"Not a conflict: {one.text} ({one.source}) vs {other.text} ({other.source})",
            "why not (same figure rounded, different things counted…)",
        )

    def action_undo_correction(self) -> None:
        try:
            change = self.keeper.undo_correction()
        except NoteError as exc:
            self.notify(f"NOT undone: {exc}", severity="error", timeout=10)
            return
        self._changed(change)

    def action_cancel_pick(self) -> None:
        if self.picking is not None:
            self.picking = None
            self.notify("Picking cancelled", timeout=2)
            self.update_status()

    # ------------------------------------------------------------------ picking
    def _start_pick(self, kind: str) -> None:
        sid = self.grid.cursor
        if sid is None:
            return
        self.picking = (kind, sid)
        self.notify(PROMPTS[kind].format(sid=sid), timeout=6)
        self.update_status()

    def pick_prompt(self) -> str:
        """What the status line says while picking."""
        if self.picking is None:
            return ""
        kind, first = self.picking
        return PROMPTS[kind].format(sid=first)

    def finish_pick(self, sid: str) -> None:
        """Enter on `sid` while picking: the correction between the first sentence and it."""
        assert self.picking is not None
        kind, first = self.picking
        c = self.comparison
        if c.sentence(sid).source == c.sentence(first).source:
            self.notify("Pick a sentence in another source (tab moves between panes)",
                        severity="warning", timeout=4)
            return
        self.picking = None
        if kind == "unlink" and all(link.to != sid for link in c.sentence(first).links) and all(
                p.to != sid for p in c.sentence(first).parts) and c.sentence(first).echo != sid:
            self.notify(f"{first} and {sid} are not linked", severity="warning", timeout=4)
            self.update_status()
            return
        if kind == "conflict":
            a, b = c.sentence(first), c.sentence(sid)
            if not b.numbers:
                self.notify(f"{sid} gives no figure", severity="warning", timeout=4)
                self.update_status()
                return
            fa, fb = self._figure(a), self._figure(b)
            self._ask_reason("conflict", first, sid, (fa, fb),
                             f"Conflict: {fa} ({a.source}) vs {fb} ({b.source})",
                             "what to check (optional)")
            return
        self._correct(kind, first, sid)

    def _figure(self, s) -> str:
        """The sentence's figure a conflict is about: the one in a disagreement already, else
        the first read."""
        for d in self.comparison.disagreements:
            for side in d.sides:
                if side.sentence == s.id:
                    return side.text
        return s.numbers[0].text

    def _disagreement_on(self, sid: str) -> Disagreement | None:
        return next((d for d in self.comparison.disagreements
                     if any(x.sentence == sid for x in d.sides)), None)

    # ------------------------------------------------------------------ saving
    def _ask_reason(self, kind: str, first: str, second: str, figures: tuple[str, str],
                    title: str, placeholder: str) -> None:
        c = self.comparison
        about = [c.sentence(first).text, c.sentence(second).text]

        def done(reason: str | None) -> None:
            if reason is not None:
                self._correct(kind, first, second, reason, figures)

        self.app.push_screen(ReasonDialog(title, about, placeholder), done)

    def _correct(self, kind: str, first: str, second: str, reason: str = "",
                 figures: tuple[str, ...] = ()) -> None:
        try:
            change = self.keeper.correct(kind, first, second, reason, figures)
        except NoteError as exc:
            self.notify(f"Correction NOT saved: {exc}", severity="error", timeout=10)
            return
        self._changed(change)

    def _changed(self, change: Change) -> None:
        severity = "warning" if change.kind == "nothing" else "information"
        self.notify(short(change.message, 200), severity=severity, timeout=4)
        if change.kind != "nothing":
            self.findings_changed()
