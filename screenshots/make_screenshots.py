"""Write the README's screenshots by driving the real app on the seed articles and the demo.

    python screenshots/make_screenshots.py        # writes screenshots/*.svg

seeds.svg (the two real seed articles at 120x36, the cursor on their disagreement, its
counterpart brought beside it), main.svg (the demo at 160x45, on a numeric disagreement), detail.svg (that disagreement's detail),
help.svg (every key), small.svg (80x24), note.svg (a disputed note's marker, and the note dialog
open on the next sentence), and html-export.png (the demo's HTML export in headless Chromium, when
Chromium is installed). Notes go to a throwaway store, never the user's.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from sidebyside.engine import demo_folder  # noqa: E402
from tui.app import SideBySideApp  # noqa: E402
from widgets.grid import AlignedGrid  # noqa: E402


async def _ready(pilot) -> None:
    app = pilot.app
    for _ in range(500):
        if app.screen.query(AlignedGrid) and app.grid.layout_model is not None:
            break
        await pilot.pause(0.01)
    await pilot.pause()


async def shoot(name: str, size: tuple[int, int], keys: tuple[str, ...] = (),
                folder: Path | None = None) -> Path:
    with tempfile.TemporaryDirectory() as tmp:
        app = SideBySideApp(folder=str(folder or demo_folder()), notes=str(Path(tmp) / "notes.json"))
        async with app.run_test(size=size) as pilot:
            await _ready(pilot)
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            app.clear_notifications()
            await pilot.pause()
            app.save_screenshot(filename=f"{name}.svg", path=str(HERE))
    return HERE / f"{name}.svg"


async def main() -> None:
    os.chdir(HERE.parent)  # the repository root, where `sidebyside seeds/` is run
    shots = [
        await shoot("seeds", (120, 36), ("d",), folder=Path("seeds")),  # as a user types it
        await shoot("main", (160, 45), ("d",)),
        await shoot("detail", (160, 45), ("d", "enter")),
        await shoot("help", (160, 45), ("question_mark",)),
        await shoot("small", (80, 24), ("d",)),
        await shoot(
            "note",
            (160, 45),
            ("d", "a", *"Police say 1,200: ask the Water Board", "tab", "d", "enter",
             "j", "a", *"Hospital: call the press office"),
        ),
    ]
    page = html_export()
    for path in shots + ([page] if page else []):
        print(f"wrote {path.relative_to(HERE.parent)}")


def html_export() -> Path | None:
    """The demo's HTML export as headless Chromium shows it (None without Chromium)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("Chromium not found: html-export.png left as it is")
        return None
    from sidebyside.engine import compare_folder
    from sidebyside.export import write_export

    with tempfile.TemporaryDirectory() as tmp:
        page = write_export(compare_folder(demo_folder()), "html", Path(tmp) / "demo.html")
        out = HERE / "html-export.png"
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={Path(tmp) / 'profile'}", f"--screenshot={out}",
             "--window-size=1400,1000", page.as_uri()],
            capture_output=True, timeout=120, check=True,
        )
    return out


if __name__ == "__main__":
    asyncio.run(main())
