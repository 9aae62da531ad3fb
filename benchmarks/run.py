"""Engine speed and memory on the seeds, the demo and generated corpora, against two references.

    python -m benchmarks                 # seeds, demo, 10 x 1,500 words, a small growth curve
    python -m benchmarks --large         # also 50 x 3,000 and 200 x 1,000 words, a longer curve
    python -m benchmarks --lexical       # without the optional semantic model
    python -m benchmarks --markdown      # also print the results as a Markdown table

The corpora are generated, seeded (benchmarks/corpus.py): one invented event told by many
outlets, wire paragraphs reused across them (reordered, lightly edited, figures changed) between
each outlet's own reporting; and, for the growth curve, folders of unrelated stories that share
little. Each corpus is measured in a fresh process, so its peak memory is its own:

- engine: wall time of `compare_folder` per stage (load, segment, clean, match, align,
  findings) and in total, with the cache off: on small folders the best warm run (imports done,
  the semantic model loaded) and, apart, the cold first call in the process (the model loads);
  on big ones a single run. Reopen: the same folder again, through the comparison cache;
- peak RSS of the process (resource.getrusage) after the engine runs;
- ratios measured in the same process: a plain difflib.SequenceMatcher all-pairs sentence
  baseline (every sentence against every sentence of the other sources) over the engine, where it
  finishes within --budget seconds, else an estimate from a timed random sample of pairs (marked
  "est."); and the engine over the floor of only reading and sentence-splitting the files;
- ms per 1,000 words (the growth curve), and the links the matcher made.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from .corpus import write_corpus

SEEDS = Path(__file__).resolve().parents[1] / "seeds"  # the repository's own copy
DEFAULT_BUDGET = 30.0  # seconds for the difflib baseline before it is estimated instead
SAMPLE_PAIRS = 3000


def generate(folder: Path, sources: int, words: int, seed: int = 7) -> None:
    """A generated news corpus in `folder` (kept for benchmarks/quality.py)."""
    write_corpus(Path(folder), sources, words, seed=seed)


# --------------------------------------------------------------------------- in the child


def _sentences(folder: Path) -> tuple[float, list[tuple[int, str]]]:
    """The floor: read and sentence-split every file (time), and the sentences."""
    from sidebyside.load import load_folder
    from sidebyside.segment import paragraph_spans, sentence_spans

    t = time.perf_counter()
    docs, _ = load_folder(folder)
    sents: list[tuple[int, str]] = []
    for i, d in enumerate(docs):
        for a, b in paragraph_spans(d.text):
            for s, e in sentence_spans(d.text, a, b):
                sents.append((i, d.text[s:e]))
    return time.perf_counter() - t, sents


def difflib_baseline(sents: list[tuple[int, str]], budget: float) -> tuple[float, bool, int]:
    """(seconds, estimated?, pairs) of SequenceMatcher.ratio() on every pair of sentences from
    different sources. Estimated from a timed random sample when the full run would not finish
    within `budget` seconds (or does not, after all)."""
    by_source = Counter(i for i, _ in sents)
    n = len(sents)
    pairs = (n * n - sum(c * c for c in by_source.values())) // 2
    if pairs == 0:
        return 0.0, False, 0
    rng = random.Random(1)
    sample = []
    while len(sample) < min(SAMPLE_PAIRS, pairs):
        x, y = rng.randrange(n), rng.randrange(n)
        if sents[x][0] != sents[y][0]:
            sample.append((sents[x][1], sents[y][1]))
    t = time.perf_counter()
    for a, b in sample:
        difflib.SequenceMatcher(None, a, b).ratio()
    estimate = (time.perf_counter() - t) / len(sample) * pairs
    if estimate > budget:
        return estimate, True, pairs
    t = time.perf_counter()
    sm = difflib.SequenceMatcher(None)
    for y in range(n):
        sm.set_seq2(sents[y][1])  # SequenceMatcher caches what it learns about the second text
        src_y = sents[y][0]
        for x in range(y):
            if sents[x][0] != src_y:
                sm.set_seq1(sents[x][1])
                sm.ratio()
        if time.perf_counter() - t > 2 * budget:
            return estimate, True, pairs
    return time.perf_counter() - t, False, pairs


def _forget_sentences() -> None:
    """The transformer keeps each sentence's vector for the next comparison in the process; a
    warm run measures the engine on a folder it has not read, so they are dropped."""
    from sidebyside import transformer

    if transformer.load.cache_info().currsize:
        transformer.load().cache.clear()


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def measure(folder: Path, budget: float, repeat: int) -> dict:
    """Everything for one corpus, in this process (run it in a fresh one: see `_child`)."""
    from sidebyside import cache, semantic
    from sidebyside.engine import compare_folder
    from sidebyside.load import DEFAULT_MAX_BYTES
    from sidebyside.match import MIN_SCORE

    # The comparison cache goes to a private folder (the model stays where it is).
    os.environ.setdefault("SIDEBYSIDE_MODEL_DIR", str(semantic.model_dir()))
    cache_home = tempfile.mkdtemp(prefix="sbs-bench-cache-")
    os.environ["XDG_CACHE_HOME"] = cache_home

    t = time.perf_counter()
    c = compare_folder(folder, use_cache=False)
    cold = time.perf_counter() - t
    best, timings = cold, c.timings
    for _ in range(repeat):  # warm runs (none for big folders: there the model load is noise)
        _forget_sentences()  # warm: the models loaded, but no sentence read before (a new folder)
        t = time.perf_counter()
        c = compare_folder(folder, use_cache=False)
        total = time.perf_counter() - t
        if total < best or best == cold:
            best, timings = total, c.timings
    links = sum(len(s.links) for s in c.all_sentences()) // 2
    peak = _peak_rss_mb()
    key = cache.key_for(folder, min_score=MIN_SCORE, max_bytes=DEFAULT_MAX_BYTES, recursive=False)
    cache.store(key, c, {"semantic": c.semantic, "links": links})
    t = time.perf_counter()
    hit = compare_folder(folder)  # a cache hit
    reopen = time.perf_counter() - t
    assert "cache" in hit.timings, "the cache did not hit"

    shutil.rmtree(cache_home, ignore_errors=True)
    floor, sents = _sentences(folder)
    base, estimated, pairs = difflib_baseline(sents, budget)
    words = sum(len(s.text.split()) for s in c.sources)
    kinds = Counter(link.kind for s in c.all_sentences() for link in s.links)
    statuses = Counter(s.status for s in c.all_sentences())
    return {
        "sources": len(c.sources), "words": words, "sentences": len(c.all_sentences()),
        "cold": cold if repeat else None, "total": best, "stages": timings, "reopen": reopen, "peak_mb": peak,
        "floor": floor, "baseline": base, "baseline_estimated": estimated, "pairs": pairs,
        "links": links, "semantic": c.semantic,
        "kinds": {k: v // 2 for k, v in kinds.items()},  # each link is stored on both ends
        "shared": statuses.get("shared", 0), "unique": statuses.get("unique", 0),
        "disagreements": len(c.disagreements), "rows": len(c.rows),
    }


def _child(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--budget", type=float, default=DEFAULT_BUDGET)
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    print(json.dumps(measure(Path(args.folder), args.budget, args.repeat)))
    return 0


# --------------------------------------------------------------------------- in the parent


def _run_child(folder: Path, budget: float, repeat: int, lexical: bool) -> dict:
    env = dict(os.environ)
    if lexical:
        env["SIDEBYSIDE_SEMANTIC"] = "0"
    root = Path(__file__).resolve().parents[1]
    env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    out = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--child", str(folder), "--budget", str(budget),
         "--repeat", str(repeat)],
        capture_output=True, text=True, env=env, cwd=root,
    )
    if out.returncode != 0:
        raise RuntimeError(f"benchmark of {folder} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _fmt_s(x: float) -> str:
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"


def report(name: str, r: dict) -> None:
    total = r["total"]
    per_k = total / r["words"] * 1000 * 1000
    stages = " ".join(f"{k} {v * 1000:.0f}" for k, v in r["stages"].items())
    base = r["baseline"]
    est = " (est.)" if r["baseline_estimated"] else ""
    print(f"{name}: {r['sources']} sources, {r['words']:,} words, {r['sentences']:,} sentences"
          f"{'' if r['semantic'] else ' (lexical only)'}")
    cold = f"cold {_fmt_s(r['cold'])}" if r["cold"] is not None else "one run"
    print(f"  engine {_fmt_s(total)} ({per_k:.1f} ms per 1,000 words; {cold});"
          f" reopen (cache) {_fmt_s(r['reopen'])}; peak RSS {r['peak_mb']:.0f} MB")
    print(f"  stages (ms): {stages}")
    print(f"  links {r['links']:,} ({', '.join(f'{k} {v:,}' for k, v in sorted(r['kinds'].items()))});"
          f" {r['shared']:,} shared, {r['unique']:,} unique sentences; {r['disagreements']} disagreements")
    print(f"  read-and-split floor {_fmt_s(r['floor'])}: engine is {total / r['floor']:.0f}x the floor")
    print(f"  difflib all-pairs baseline{est}: {_fmt_s(base)} for {r['pairs']:,} pairs: engine is "
          f"{base / total:,.0f}x faster{est}")


def markdown(results: list[tuple[str, dict]]) -> str:
    lines = [
        "| corpus | words | engine | ms / 1k words | cold | reopen | peak RSS | links | "
        "vs difflib | vs floor | load | segment | clean | match | align | findings |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in results:
        st = r["stages"]
        est = " (est.)" if r["baseline_estimated"] else ""
        lines.append(
            f"| {name} | {r['words']:,} | {_fmt_s(r['total'])} | "
            f"{r['total'] / r['words'] * 1e6:.1f} | {_fmt_s(r['cold']) if r['cold'] else '–'} | "
            f"{_fmt_s(r['reopen'])} | "
            f"{r['peak_mb']:.0f} MB | {r['links']:,} | {r['baseline'] / r['total']:,.0f}x{est} | "
            f"{r['total'] / r['floor']:.0f}x | "
            + " | ".join(f"{st.get(k, 0) * 1000:.0f}" for k in
                         ("load", "segment", "clean", "match", "align", "findings"))
            + " |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return _child(argv[1:])
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--large", action="store_true",
                    help="also 50 x 3,000 and 200 x 1,000 words, and a longer growth curve")
    ap.add_argument("--lexical", action="store_true", help="without the optional semantic model")
    ap.add_argument("--budget", type=float, default=DEFAULT_BUDGET,
                    help=f"seconds the difflib baseline may run before it is estimated "
                    f"(default {DEFAULT_BUDGET:.0f})")
    ap.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    ap.add_argument("--only", metavar="NAME", help="only the corpora whose name contains NAME")
    args = ap.parse_args(argv)

    results: list[tuple[str, dict]] = []

    def run(name: str, folder: Path, repeat: int = 1) -> None:
        if args.only and args.only not in name:
            return
        r = _run_child(folder, args.budget, repeat, args.lexical)
        report(name, r)
        results.append((name, r))
        sys.stdout.flush()

    from sidebyside.engine import demo_folder

    if SEEDS.is_dir():
        run("seeds", SEEDS, repeat=3)
    run("demo", demo_folder(), repeat=3)
    sizes = [(10, 1500)] + ([(50, 3000), (200, 1000)] if args.large else [])
    growth = [10, 20, 40] + ([100, 200] if args.large else [])
    with tempfile.TemporaryDirectory(prefix="sbs-bench-") as tmp:
        for n, w in sizes:
            folder = Path(tmp) / f"news-{n}x{w}"
            write_corpus(folder, n, w)
            run(f"{n} x {w:,} words", folder, repeat=3 if n * w <= 20000 else 0)
        for n in growth:  # unrelated stories: cost per word should stay about flat
            folder = Path(tmp) / f"distinct-{n}x1000"
            write_corpus(folder, n, 1000, distinct=True)
            run(f"{n} unrelated x 1,000 words", folder, repeat=2 if n <= 20 else 0)
    if results:
        print()
        print("growth (ms per 1,000 words): " + "; ".join(
            f"{name} {r['total'] / r['words'] * 1e6:.1f}" for name, r in results))
    if args.markdown:
        print()
        print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
