"""What a reporter's correction costs: the time to apply one (and to undo it) on generated folders.

    python -m benchmarks.corrections_bench              # 10 x 1,500 and 50 x 3,000 words
    python -m benchmarks.corrections_bench --sizes 10x1500

A link between two sentences that give no figure derives statuses and rows again; one whose
sentences give figures pairs the figures again too (the slow part on big folders). Dismissing a
disagreement changes only the list of disagreements. Times are wall seconds of `anchor()` (what
the app and the reports call after every change), best of three, the comparison computed once
(lexical matching, as the cost of corrections does not depend on it).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import write_corpus


def _best(fn, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def measure(sources: int, words: int) -> dict[str, float]:
    from sidebyside.annotations import NoteStore, anchor
    from sidebyside.engine import compare_folder

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        write_corpus(folder, sources, words)
        c = compare_folder(folder, use_cache=False)
        first, second = c.sources[0], c.sources[1]

        def pick(figures: bool):
            a = next(s for s in first.sentences if s.claim and bool(s.numbers) == figures)
            b = next(s for s in second.sentences
                     if s.claim and bool(s.numbers) == figures and all(k.to != s.id for k in a.links))
            return a, b

        out: dict[str, float] = {}
        for name, figures in (("link (no figures)", False), ("link (figures)", True)):
            store = NoteStore(Path(tmp) / f"{figures}.json", str(folder))
            store.load()
            a, b = pick(figures)
            entry = store.correct("link", a, b, c)

            def apply_and_undo(store=store, entry=entry):
                entry.deleted = False
                anchor(c, store.live())
                entry.deleted = True
                anchor(c, store.live())

            out[name + " + undo"] = _best(apply_and_undo)
        if c.disagreements:
            d = c.disagreements[0]
            one = d.sides[0]
            other = next(x for x in d.sides if x.source != one.source)
            store = NoteStore(Path(tmp) / "dismiss.json", str(folder))
            store.load()
            store.correct("dismiss", c.sentence(one.sentence), c.sentence(other.sentence), c,
                          figures=(one.text, other.text))
            out["dismiss"] = _best(lambda: anchor(c, store.live()))
        out["no corrections"] = _best(lambda: anchor(c, []))
        return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10x1500,50x3000",
                        help="comma-separated SOURCESxWORDS (default 10x1500,50x3000)")
    args = parser.parse_args(argv)
    os.environ.setdefault("SIDEBYSIDE_SEMANTIC", "0")
    os.environ.setdefault("SIDEBYSIDE_CACHE", "0")
    for size in args.sizes.split(","):
        n, w = (int(x) for x in size.lower().split("x"))
        for name, seconds in measure(n, w).items():
            print(f"{n:>3} x {w:>5} words  {name:<28} {seconds:7.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
