"""Search across all sources: the box under the panes, enter for the next match (the box stays
open), esc to close it and clear the search. A mixin of the comparison screen, which owns the
grid (`grid`, `last_query`, `say`, `update_status`)."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchInput(Input):
    BINDINGS = [Binding("escape", "cancel", "Cancel search", show=False)]

    class Cancelled(Message):
        pass

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())


class SearchMixin:
    """The screen's search: `/` opens the box; the handlers below follow its keys."""

    def action_search(self) -> None:
        search = self.query_one(SearchInput)
        search.value = self.last_query
        search.display = True
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """enter goes to the next match and the box stays open (so the next enter goes on, as
        its placeholder says); esc closes it and clears the search."""
        if event.input.id != "search":
            return
        grid = self.grid
        query = event.value.strip()
        self.last_query = query
        if query != grid.query_text:
            grid.query_text = query
        if not query:
            self._search_cancelled()
            return
        target, wrapped = grid.find_next("search", 1)
        if target is None:
            hidden = grid.hidden_matches()
            where = f"; {hidden} in folded text or hidden sources (z, v)" if hidden else ""
            self.say(f"No match for “{query}” in the text on show{where}")
            self.update_status()
            return
        if wrapped:
            self.say("Wrapped to the top")
        grid.set_cursor(target)
        i, n = grid.search_position()
        self.update_status()
        self.say(f"match {i} of {n}")

    def on_search_input_cancelled(self, _: SearchInput.Cancelled) -> None:
        self._search_cancelled()

    def _search_cancelled(self) -> None:
        search = self.query_one(SearchInput)
        search.display = False
        self.grid.query_text = ""  # no highlight, no "matches for …" lingering in the status line
        self.update_status()
        self.grid.focus()

