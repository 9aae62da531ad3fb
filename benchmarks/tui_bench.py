"""How fast the app answers keys on a big folder, driven through Textual's Pilot.

    python -m benchmarks.tui_bench                    # 50 sources x 1,500 words, 160 x 50 terminal
    python -m benchmarks.tui_bench --sources 50 --words 3000 --presses 20

Opens a generated corpus (benchmarks/corpus.py) in the app with `run_test`, waits for the
comparison to show, then times `pilot.press("pagedown")` (scroll a page) and `pilot.press("n")`
(jump to the next finding) several times each: each timing covers the key, its handler and the
repaint the press waits for; the same through a key bound to nothing gives the Pilot's own floor
(it waits for the app to go idle in 20 ms steps). And it times the app's work alone: the action,
then every widget on screen redrawn from scratch. Prints median and max per key; the target is
under 50 ms each.
Also prints the time to the first paint (the loading screen) and until the grid is on screen.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from .corpus import write_corpus

TARGET_MS = 50.0
FLOOR_KEY = "f12"  # bound to nothing: what the Pilot's own waiting costs per press
ACTIONS = {"pagedown": "page(1)", "n": "jump('finding', 1)", "d": "jump('disagreement', 1)",
           "j": "move(1)", "tab": "pane(1)"}


async def _bench(folder: Path, presses: int, size: tuple[int, int], keys: list[str],
                 freeze: bool = False) -> dict:
    from textual.geometry import Region

    from tui.app import SideBySideApp
    from widgets.grid import AlignedGrid

    app = SideBySideApp(folder=str(folder))
    out: dict = {}
    t0 = time.perf_counter()
    async with app.run_test(size=size) as pilot:
        # run_test hands over once the first screen (the loading screen) is composed and shown.
        out["first_paint_s"] = time.perf_counter() - t0
        out["loading_shown"] = bool(app.screen.query("#loading")) or bool(app.screen.query(AlignedGrid))
        for _ in range(6000):
            if app.screen.query(AlignedGrid) and app.grid.layout_model is not None:
                break
            await pilot.pause(0.01)
        else:
            raise RuntimeError("the comparison never showed")
        await pilot.pause()
        out["ready_s"] = time.perf_counter() - t0
        grid = app.grid
        if freeze:  # what the app could do once the comparison is on screen (see --freeze)
            import gc

            gc.freeze()
        out["panes"] = len(grid.layout_model.sources)
        out["lines"] = grid.layout_model.height
        for key in [*keys, FLOOR_KEY]:
            times = []
            for _ in range(presses):
                t = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()  # let the repaint the key asked for happen
                times.append((time.perf_counter() - t) * 1000)
            out[key] = times
        # The app's own work per key, without the Pilot's idle waits: the action, then every
        # widget on screen redrawn from scratch (what the compositor asks of them after a key).
        for key, action in ACTIONS.items():
            if key not in keys:
                continue
            times = []
            for _ in range(presses):
                t = time.perf_counter()
                await grid.run_action(action)
                for widget in app.screen.walk_children(with_self=False):
                    if widget.display and widget.size.area:
                        widget._styles_cache.clear()
                        widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
                times.append((time.perf_counter() - t) * 1000)
            out["work:" + key] = times
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.tui_bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=int, default=50)
    ap.add_argument("--words", type=int, default=1500)
    ap.add_argument("--presses", type=int, default=15)
    ap.add_argument("--width", type=int, default=160)
    ap.add_argument("--height", type=int, default=50)
    ap.add_argument("--keys", default="pagedown,n", help="comma-separated keys to time")
    ap.add_argument("--profile", metavar="FILE", help="write a cProfile of the key presses")
    ap.add_argument("--freeze", action="store_true",
                    help="gc.freeze() once the comparison shows: a full collection of the cyclic "
                    "garbage collector rescans every object of a big comparison (about 100 ms)")
    ap.add_argument("--folder", metavar="DIR",
                    help="open this folder instead of generating one (reopening it uses the cache)")
    args = ap.parse_args(argv)
    os.environ.setdefault("SIDEBYSIDE_CACHE", "1")
    with tempfile.TemporaryDirectory(prefix="sbs-tui-") as tmp:
        if args.folder:
            folder = Path(args.folder)
            words = sum(len(p.read_text(encoding="utf-8", errors="replace").split())
                        for p in folder.iterdir() if p.is_file())
        else:
            folder = Path(tmp) / "news"
            words = write_corpus(folder, args.sources, args.words)
        data_home = Path(tmp) / "data"  # the app's note store: never the real one
        os.environ["XDG_DATA_HOME"] = str(data_home)
        coro = _bench(folder, args.presses, (args.width, args.height), args.keys.split(","),
                      args.freeze)
        if args.profile:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
            r = asyncio.run(coro)
            prof.disable()
            prof.dump_stats(args.profile)
        else:
            r = asyncio.run(coro)
    print(f"{args.sources} sources x {args.words:,} words ({words:,} words), terminal "
          f"{args.width}x{args.height}: {r['panes']} panes shown, {r['lines']:,} grid lines")
    print(f"  first paint {r['first_paint_s'] * 1000:.0f} ms; comparison on screen after "
          f"{r['ready_s']:.2f} s")
    floor = statistics.median(r[FLOOR_KEY])
    print(f"  Pilot floor (a key bound to nothing, {FLOOR_KEY}): median {floor:.1f} ms (Textual's "
          f"pilot waits for idle in 20 ms steps: not the app's time)")
    worst = 0.0
    for key in args.keys.split(","):
        times = r[key]
        med, mx = statistics.median(times), max(times)
        line = (f"  {key!r}: through the Pilot median {med:.1f} ms, max {mx:.1f} ms over {len(times)}"
                f" presses; {med - floor:.1f} ms above the floor")
        work = r.get("work:" + key)
        if work:
            wmed, wmax = statistics.median(work), max(work)
            worst = max(worst, wmed)
            line += f"; app work (action + full redraw) median {wmed:.1f} ms, max {wmax:.1f} ms"
            line += " (ok)" if wmed < TARGET_MS else f" (OVER {TARGET_MS:.0f} ms)"
        print(line)
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
