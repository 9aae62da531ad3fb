"""The sidebyside terminal app: the comparison of a folder, every source a pane, side by side.

It opens on the loading screen (tui/loading.py), which paints at once, and runs the engine in a
thread worker that posts its progress there. The same worker opens the note store (`--notes
FILE`, else one per folder in the user data dir) and anchors its notes, then posts the result;
the app switches to the comparison screen (tui/comparison.py), where everything else happens.
Keys typed meanwhile are held and delivered once there is somewhere for them to go
(tui/keyhold.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import get_current_worker

from sidebyside.engine import compare_folder, demo_folder
from sidebyside.load import DEFAULT_MAX_BYTES, InputError
from sidebyside.match import MIN_SCORE
from sidebyside.model import Comparison
from sidebyside.text import counted
from widgets.grid import AlignedGrid

from .bindings import KeyHelp, describe
from .comparison import ComparisonScreen
from .export_dialog import ExportDialog
from .keyhold import KeyHold
from .loading import LoadingScreen
from .messages import ComparisonFailed, ComparisonReady, Progress
from .notes import NoteKeeper
from .reason import ReasonDialog
from .screens import HelpScreen, NoteDialog
from .status import loading_title
from .toasts import Toasts


class Cancelled(Exception):
    """The comparison was abandoned (the app is quitting)."""


class SideBySideApp(KeyHold, Toasts, App[int]):
    """sidebyside FOLDER: see what every source says, what only one claims, where numbers differ."""

    CSS_PATH = "app.tcss"
    TITLE = "sidebyside"

    # The comparison screen adds its own (search, sources, notes, export, files).
    BINDINGS = [
        Binding("question_mark", "help", "Help", tooltip="Every key, and what the markers mean"),
        Binding("q", "quit", "Quit", tooltip="Quit"),
        Binding("escape", "dismiss_messages", "Dismiss messages", show=False,
                tooltip="Dismiss the messages in the corner (an export's path stays till then)"),
    ]

    NOTES_POLL = 2.0  # seconds between looks at the note store for another instance's changes

    def __init__(
        self,
        folder: str,
        max_bytes: int = DEFAULT_MAX_BYTES,
        min_score: float = MIN_SCORE,
        notes: str | None = None,
        recursive: bool = False,
        use_cache: bool = True,
    ) -> None:
        super().__init__()
        self.no_colour_at_all()
        self.folder = folder
        self.max_bytes = max_bytes
        self.min_score = min_score
        self.recursive = recursive
        self.use_cache = use_cache
        self.notes = notes
        self.keeper = NoteKeeper(folder, notes)
        self.comparison: Comparison | None = None
        self.error: str | None = None
        self.closing = False  # q was pressed: the app is on its way out
        self.loading = LoadingScreen(loading_title(self.folder_label()[0]), self.folder_label()[1])

    # ------------------------------------------------------------------ start: load, then show
    def on_mount(self) -> None:
        # Paint the loading screen first, then start the engine. Keys typed meanwhile are held
        # and delivered once the comparison shows (tui/keyhold.py).
        self.hold()
        self.push_screen(self.loading)
        self.set_class(self.size.width < 80 or self.size.height < 24, "-small")
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        self.run_worker(
            self._compare, thread=True, exclusive=True, exit_on_error=False, name="compare",
            group="engine", description=f"compare {self.folder}",
        )

    def _compare(self) -> None:
        """In the worker's thread: the engine, then the notes; the result is posted back."""
        worker = get_current_worker()

        def progress(stage: str, fraction: float) -> None:
            if worker.is_cancelled:  # quitting while the engine works: stop at the next stage
                raise Cancelled(stage)
            self.loading.post_message(Progress(stage, fraction))

        try:
            comparison = compare_folder(
                self.folder, progress=progress, max_bytes=self.max_bytes,
                min_score=self.min_score, recursive=self.recursive, use_cache=self.use_cache,
            )
            if worker.is_cancelled:
                return
            self.keeper.open(comparison)  # load, move a corrupt store aside, anchor the notes
        except Cancelled:
            return
        except Exception as exc:
            self.post_message(ComparisonFailed(exc))
            return
        self.post_message(ComparisonReady(comparison))

    def on_comparison_failed(self, message: ComparisonFailed) -> None:
        err = message.error
        self.error = str(err)
        code = 2 if isinstance(err, InputError) else 1
        self.exit(return_code=code, message=f"sidebyside: error: {err}")

    async def on_comparison_ready(self, message: ComparisonReady) -> None:
        self.comparison = message.comparison
        while self.screen is not self.loading:  # help, opened with the mouse meanwhile
            await self.pop_screen()
        main = ComparisonScreen(message.comparison, self.keeper, self.folder_label(), self.notes)
        await self.switch_screen(main)
        self._report_store()
        self.set_interval(self.NOTES_POLL, main.poll_notes, name="notes")
        self.release()  # keys typed while loading, now that there is somewhere for them to go
        # The comparison's objects (hundreds of thousands on a big folder) live as long as the
        # app: out of the cyclic collector's sight, its full passes stop pausing the UI.
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()  # see on_comparison_ready: what was frozen is ordinary garbage again

    def _report_store(self) -> None:
        """Say what happened opening the notes: a store moved aside, errors, orphaned notes."""
        k = self.keeper
        for message in k.messages:
            self.notify(message, title="Notes", severity="warning", timeout=12)
        k.messages.clear()
        for error in k.errors:
            self.notify(error, title="Notes", severity="error", timeout=12)
        if k.orphaned:
            n = len(k.orphaned)
            self.notify(
                f"{counted(n, 'note')} lost {'their' if n != 1 else 'its'} sentence "
                "(the text changed or is gone); kept as orphaned: A lists them",
                title="Notes",
                severity="warning",
                timeout=8,
            )

    # ------------------------------------------------------------------ keys and dialogs
    async def on_event(self, event: events.Event) -> None:
        if self.should_hold(event):
            if not (self.comparison is None and isinstance(event, events.Key)
                    and event.key == "q" and not self._held):
                self._held.append(event)
                return
        await super().on_event(event)

    def push_screen(self, screen, *args, **kwargs):
        """Every dialog of ours calls `release` once its input has focus: hold keys till then.
        Once quitting, no dialog opens (`q` then `e` crashed on a half-built export dialog)."""
        if self.closing:
            return None
        if getattr(screen, "RELEASES_KEYS", False):
            self.hold()
        return super().push_screen(screen, *args, **kwargs)

    async def action_quit(self) -> None:
        self.closing = True
        await super().action_quit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.closing and action != "quit":
            return False  # nothing starts while the app is closing
        if isinstance(self.screen, (NoteDialog, ExportDialog, ReasonDialog)) and action == "quit":
            return False  # q in a dialog never throws away what is being typed
        return True

    def on_resize(self) -> None:
        self.set_class(self.size.width < 80 or self.size.height < 24, "-small")

    def action_dismiss_messages(self) -> None:
        self.clear_notifications()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_help()))

    def folder_label(self) -> tuple[str, str]:
        """(short, long) names of the folder; the bundled demo is named as such."""
        try:
            if Path(self.folder).resolve() == demo_folder().resolve():
                return "demo", "the bundled demo"
        except OSError:
            pass
        return Path(self.folder).name or self.folder, str(self.folder)

    @property
    def grid(self) -> AlignedGrid:
        """The comparison's grid (under any dialog open on it)."""
        return next(s.grid for s in self.screen_stack if isinstance(s, ComparisonScreen))

    # ------------------------------------------------------------------ help and palette
    def key_help(self) -> list[KeyHelp]:
        """Every key, in the order a reader learns them: moving through the comparison, then
        the dialogs, then help and quit."""
        show = self.get_key_display
        grid_keys = describe(AlignedGrid.BINDINGS, "grid", show)
        screen_keys = describe(ComparisonScreen.BINDINGS, "screen", show)
        app_keys = describe(self.BINDINGS, "app", show)
        return grid_keys + screen_keys[:2] + app_keys[:2] + screen_keys[2:] + app_keys[2:]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for k in self.key_help():
            if k.target != "app" and not isinstance(screen, ComparisonScreen):
                continue
            # no square brackets: the palette reads titles as markup
            yield SystemCommand(k.help, f"key {k.keys}", self._command(k, screen))

    def _command(self, k: KeyHelp, screen: Screen):
        async def run() -> None:
            if isinstance(screen, ComparisonScreen) and k.target == "grid":
                await self.run_action(k.action, screen.grid)
            elif k.target == "screen":
                await self.run_action(k.action, screen)
            else:
                await self.run_action(k.action)

        return run
