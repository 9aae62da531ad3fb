"""Engine timings on the seeds, the demo and generated corpora, against two references.

    python -m benchmarks            # seeds, demo, 10 x 1,500 words
    python -m benchmarks --large    # also 50 x 3,000 words

For each corpus: wall time per stage, total, peak memory (tracemalloc), and two ratios measured in
the same run: the engine against a plain difflib.SequenceMatcher all-pairs sentence baseline, and
against the floor of only reading and sentence-splitting the files.
"""

from __future__ import annotations

import argparse
import difflib
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

from sidebyside.engine import compare_folder, demo_folder
from sidebyside.load import load_folder
from sidebyside.segment import paragraph_spans, sentence_spans

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"

_WORDS = (
    "officials council harbour river bridge minister police residents report said the a of in "
    "to and on for with after before emergency water board inquiry budget army village town "
    "region agency company market price shares court judge ruling election vote party leader"
).split()


def _sentence(rng: random.Random) -> str:
    n = rng.randint(12, 28)
    words = [rng.choice(_WORDS) for _ in range(n)]
    words.insert(rng.randint(0, n), f"{rng.randint(2, 9000):,}")
    words.insert(rng.randint(0, n), rng.choice(["Lindmoor", "Pellmouth", "Tarrow", "Cullen", "Oakhurst"]) + str(rng.randint(0, 400)))
    return " ".join(words).capitalize() + "."


def generate(folder: Path, sources: int, words: int, seed: int = 7) -> None:
    """News-style corpus: a pool of wire paragraphs reused across sources, reordered, lightly
    edited, with numbers changed, plus each source's own paragraphs."""
    rng = random.Random(seed)
    pool = [" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(words // 25)]
    for i in range(sources):
        paras: list[str] = []
        count = 0
        while count < words:
            if rng.random() < 0.6:
                p = rng.choice(pool)
                if rng.random() < 0.3:
                    p = p.replace("a ", "one ", 1)
            else:
                p = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
            paras.append(p)
            count += len(p.split())
        (folder / f"src{i:03d}.txt").write_text("\n\n".join(paras), encoding="utf-8")


def floor(folder: Path) -> float:
    t = time.perf_counter()
    docs, _ = load_folder(folder)
    for d in docs:
        for a, b in paragraph_spans(d.text):
            sentence_spans(d.text, a, b)
    return time.perf_counter() - t


def difflib_baseline(folder: Path, budget: float = 60.0) -> float | None:
    """All-pairs SequenceMatcher over sentences of different sources; None if over budget."""
    docs, _ = load_folder(folder)
    sents = []
    for i, d in enumerate(docs):
        for a, b in paragraph_spans(d.text):
            for s, e in sentence_spans(d.text, a, b):
                sents.append((i, d.text[s:e]))
    t = time.perf_counter()
    for x in range(len(sents)):
        for y in range(x + 1, len(sents)):
            if sents[x][0] != sents[y][0]:
                difflib.SequenceMatcher(None, sents[x][1], sents[y][1]).ratio()
        if time.perf_counter() - t > budget:
            return None
    return time.perf_counter() - t


def measure(name: str, folder: Path, baseline: bool = True) -> None:
    compare_folder(folder)  # warm caches and imports
    tracemalloc.start()
    t = time.perf_counter()
    c = compare_folder(folder)
    total = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    t = time.perf_counter()
    c = compare_folder(folder)  # timed again without tracemalloc, which slows Python down
    total = time.perf_counter() - t
    words = sum(len(s.text.split()) for s in c.sources)
    fl = floor(folder)
    base = difflib_baseline(folder) if baseline else None
    stages = " ".join(f"{k}={v * 1000:.0f}ms" for k, v in c.timings.items())
    print(f"{name}: {len(c.sources)} sources, {words:,} words")
    print(f"  total {total:.3f}s ({total / words * 1000 * 1000:.1f} ms per 1,000 words); peak {peak:.0f} MB")
    print(f"  stages: {stages}")
    print(f"  vs read-and-split floor ({fl:.3f}s): {total / fl:.1f}x")
    if base is not None:
        print(f"  difflib all-pairs baseline {base:.2f}s: engine is {base / total:.0f}x faster")
    elif baseline:
        print("  difflib all-pairs baseline: over 60 s, not finished")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks")
    ap.add_argument("--large", action="store_true", help="also run 50 sources x 3,000 words")
    args = ap.parse_args(argv)
    if SEEDS.is_dir():
        measure("seeds", SEEDS)
    measure("demo", demo_folder())
    sizes = [(10, 1500)] + ([(50, 3000)] if args.large else [])
    for n, w in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            generate(Path(tmp), n, w)
            measure(f"generated {n} x {w:,} words", Path(tmp), baseline=n <= 10)
    return 0
