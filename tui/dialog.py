"""The base of every modal screen of ours: keys typed while it opens are held and delivered
once its input has focus (tui/keyhold.py), and the dialogs' common look."""

from __future__ import annotations

from textual.screen import ModalScreen, ScreenResultType


class Dialog(ModalScreen[ScreenResultType]):
    """A modal screen of ours: keys typed while it opens are held by the app and delivered once
    its own on_mount has put the focus where typing belongs (tui/keyhold.py)."""

    RELEASES_KEYS = True

    # Every dialog's look (app.tcss narrows them on small terminals).
    DEFAULT_CSS = """
    Dialog {
        align: center middle;
        background: $background 60%;
    }

    #detail-box, #help-box, #files-box {
        width: 90%;
        max-width: 120;
        height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }

    #picker-box {
        width: 80%;
        max-width: 100;
        height: auto;
        max-height: 80%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }

    #note-box, #export-box, #reason-box {
        width: 90%;
        max-width: 100;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }

    #notes-box {
        width: 90%;
        max-width: 120;
        height: 80%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }

    #notes-list {
        height: 1fr;
    }

    #note-sentence {
        color: $text-muted;
        margin-bottom: 1;
    }

    #note-status, #export-format {
        margin-top: 1;
    }

    #note-hint, #export-hint, #reason-hint {
        color: $text-muted;
        margin-top: 1;
        width: 100%;  /* wraps at 80 columns rather than cutting "ctrl+z undoes it later" */
    }

    #export-path {
        margin-top: 1;
    }

    #detail-title, #help-title, #files-title, #picker-title, #note-title, #notes-title, #export-title,
    #reason-title {
        text-style: bold;
        color: $text-accent;
        margin-bottom: 1;
        width: 100%;
    }

    #detail-scroll, #help-scroll, #files-scroll {
        height: 1fr;
    }

    #picker-list {
        height: auto;
        max-height: 20;
    }

    #help-legend {
        margin-top: 1;
    }
    """

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The grid's a and m act on `screen.`: under a dialog that is the dialog, which has no
        # such action (they are not offered from under it, nor shown in the footer behind).
        return hasattr(self, f"action_{action}")

    def on_mount(self) -> None:
        # Textual runs this after the subclass's on_mount, whose focus() is itself deferred
        # through call_later: the release, also through call_later, comes after it.
        release = getattr(self.app, "release", None)
        if release is not None:
            release()
