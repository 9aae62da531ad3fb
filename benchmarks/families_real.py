"""Source families (issue 17) measured on real news: copies found, independent outlets kept apart.

    python -m benchmarks.families_real                  # dev and test split, default settings
    python -m benchmarks.families_real --sweep          # dev: the share gap for shingle sizes 3..8
    python -m benchmarks.families_real --timing         # seconds for 50 x 3,000 and 200 x 1,000 words

Reads real articles from the team's dev data (SIDEBYSIDE_DEVDATA, default ../shared/devdata) and
writes the folders it builds only to a temporary directory: no article text goes into the
repository. Two kinds of folder, from the 60 BASIL clusters (Fox News, New York Times, HuffPost on
one event):

(a) copies: a story, two rewrites of it (`rewrite`: a fifth of the sentences reworded, sentences
    and paragraphs reordered, the second one also cut short) and the report of another outlet on
    the same event -> expected two families, {story, rewrite 1, rewrite 2} and {other outlet}.
    Every outlet of a cluster takes the story's place once (the next outlet is the other report):
    three folders per cluster.
(b) independent: the cluster's three outlets -> expected three singletons.

Printed per split: how often the families come out exactly right, and the distribution of the
pair share max(share(a, b), share(b, a)) for independent pairs (the three outlets, and each rewrite
against the other outlet) and for rewrite pairs (story-rewrite and rewrite-rewrite), so the
threshold can sit in the gap. ECB+ clusters (four web outlets on one event, unlabelled: some may
really be wire copies) are listed with their highest shares, for information.

Split (benchmarks/gold/CLAIMS.md, shared by every real-data benchmark): BASIL clusters sorted by
name, within each year the first 4 are dev (tune on them), the last 2 test (report only).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np

from benchmarks import figures_real
from sidebyside import clean, segment
from sidebyside import families as F
from sidebyside.load import Document, load_folder
from sidebyside.model import Link, Source

DEVDATA = figures_real.DEVDATA
REWORDED = 0.2  # share of a rewrite's sentences reworded

# --------------------------------------------------------------------------- rewrites

_SWAPS = {
    "said": "stated", "says": "states", "told": "informed", "announced": "declared",
    "officials": "authorities", "people": "individuals", "president": "leader",
    "government": "administration", "government's": "administration's", "big": "large",
    "large": "sizeable", "after": "following", "before": "ahead of", "about": "roughly",
    "more than": "over", "because": "since", "also": "additionally", "but": "yet",
    "plan": "proposal", "plans": "proposals", "new": "fresh", "help": "assist",
    "week": "seven days", "began": "started", "start": "begin", "end": "finish",
    "show": "demonstrate", "shows": "demonstrates", "support": "backing", "call": "demand",
    "called": "described", "make": "create", "made": "produced", "like": "such as",
    "many": "numerous", "important": "significant", "decision": "ruling", "meeting": "session",
    "asked": "questioned", "vote": "ballot", "voted": "cast ballots", "law": "legislation",
    "bill": "measure", "country": "nation", "state": "province", "city": "town",
    "house": "chamber", "left": "departed", "killed": "slain", "hit": "struck",
}
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")


def _sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(paragraph.strip()) if s]


def reword(sentence: str, rng: random.Random) -> str:
    """One sentence reworded the way a desk rewrites wire copy: the clauses around the first comma
    swapped, words swapped for synonyms, about one word in four dropped."""
    body = sentence.rstrip()
    end = body[-1] if body and body[-1] in ".!?" else ""
    body = body[: len(body) - len(end)]
    head, sep, tail = body.partition(", ")
    if sep and len(head.split()) >= 3 and len(tail.split()) >= 3:
        body = f"{tail[:1].upper()}{tail[1:]}, {head[:1].lower()}{head[1:]}"
    out = []
    for i, w in enumerate(body.split()):
        key = w.lower().strip(",;:")
        if key in _SWAPS:
            w = _SWAPS[key] + w[len(key):] if w.lower().startswith(key) else _SWAPS[key]
        elif i and rng.random() < 0.25 and not w[:1].isupper():
            continue
        out.append(w)
    return " ".join(out) + (end or ".")


def rewrite(text: str, seed: int | str, reworded: float = REWORDED, cut: float = 0.0) -> str:
    """A rewrite of a story (paragraphs separated by blank lines, first line the headline): a new
    headline, `reworded` of the sentences reworded (`reword`), the sentences of about a third of the
    paragraphs put in another order, neighbouring paragraphs swapped, and the last `cut` of the
    paragraphs dropped. Deterministic for a given seed."""
    rng = random.Random(f"rewrite-{seed}")
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    headline, body = paragraphs[0], paragraphs[1:]
    keep = max(1, round(len(body) * (1 - cut)))
    body = [_sentences(p) for p in body[:keep]]
    slots = [(i, j) for i, p in enumerate(body) for j in range(len(p))]
    for i, j in rng.sample(slots, round(len(slots) * reworded)):
        body[i][j] = reword(body[i][j], rng)
    for p in body:
        if len(p) > 1 and rng.random() < 0.35:
            rng.shuffle(p)
    order = list(range(len(body)))
    for i in range(0, len(order) - 1, 2):
        if rng.random() < 0.5:
            order[i], order[i + 1] = order[i + 1], order[i]
    new_headline = reword(headline, rng).rstrip(".")
    return "\n\n".join([new_headline] + [" ".join(body[i]) for i in order]) + "\n"


# --------------------------------------------------------------------------- data


def basil_clusters(split: str = "dev") -> list[str]:
    """BASIL cluster names of a split (dev | test | all): sorted, per year the first 4 dev, the
    last 2 test (the rule of benchmarks/gold/CLAIMS.md; checked against the labelled sets)."""
    names = sorted(p.name for p in (DEVDATA / "basil" / "clusters").iterdir() if p.is_dir())
    by_year: dict[str, list[str]] = defaultdict(list)
    for n in names:
        by_year[n.split("_")[0]].append(n)
    dev = {n for year in by_year.values() for n in year[:4]}
    labelled = {(i["cluster"], i["split"]) for i in figures_real.load_gold("all") if i["corpus"] == "basil"}
    assert all((c in dev) == (s == "dev") for c, s in labelled), "split rule disagrees with the gold sets"
    return [n for n in names if split == "all" or (n in dev) == (split == "dev")]


def sources_of(files: dict[str, str], tmp: Path | None = None) -> list[Source]:
    """Sources as the engine builds them before matching (segmented, boilerplate and repeats
    flagged): all `copied_shares` reads. With `tmp`, the files are written to a new folder in it
    and read back by the engine's loader, as `sidebyside FOLDER` would."""
    if tmp is None:
        docs = [Document(name, name, text, "utf-8") for name, text in sorted(files.items())]
    else:
        folder = Path(tempfile.mkdtemp(dir=tmp))
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        docs, _ = load_folder(folder)
    sources = segment.build_sources(docs)
    clean.flag_sources(sources, docs)
    return sources


def _read(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


# --------------------------------------------------------------------------- measure


def _pair_shares(sources: list[Source], k: int, quotes: bool = False) -> dict[frozenset[str], float]:
    """max(share(a, b), share(b, a)) of every pair of sources, as measured (before MIN_COVERED,
    which `families` also needs)."""
    share, _ = F.share_matrix([F.prose_terms(s, quotes) for s in sources], k)
    return {frozenset((a.id, b.id)): float(max(share[i, j], share[j, i]))
            for (i, a), (j, b) in combinations(enumerate(sources), 2)}


def evaluate(clusters: list[str], k: int = F.SHINGLE, threshold: float = F.THRESHOLD,
             reworded: float = REWORDED, quotes: bool = False) -> dict:
    """Both kinds of folder for every cluster: families right, and the pair shares."""
    with tempfile.TemporaryDirectory(prefix="families_real-") as tmp:
        return _evaluate(clusters, k, threshold, Path(tmp), reworded, quotes)


def _evaluate(clusters: list[str], k: int, threshold: float, tmp: Path, reworded: float,
              quotes: bool) -> dict:
    independent: list[tuple[float, str]] = []
    rewrites: list[tuple[float, str]] = []
    right = {"copies": [0, 0], "independent": [0, 0]}
    wrong: list[str] = []
    for cluster in clusters:
        files = _read(DEVDATA / "basil" / "clusters" / cluster)
        outlets = sorted(files)
        # (b) the three outlets
        srcs = sources_of(files, tmp)
        shares = _pair_shares(srcs, k, quotes)
        for pair, s in shares.items():
            independent.append((s, f"{cluster} {'~'.join(sorted(pair))}"))
        got = F.families(srcs, F.copied_shares(srcs, k=k, quotes=quotes), threshold)
        ok = all(len(f) == 1 for f in got)
        right["independent"][0] += ok
        right["independent"][1] += 1
        if not ok:
            wrong.append(f"{cluster} outlets: {got}")
        # (a) a story, two rewrites, another outlet
        for n, story in enumerate(outlets):
            other = outlets[(n + 1) % len(outlets)]
            folder = {
                "a_story.txt": files[story],
                "b_rewrite.txt": rewrite(files[story], f"{cluster}-{story}-1", reworded),
                "c_rewrite.txt": rewrite(files[story], f"{cluster}-{story}-2", reworded, cut=0.15),
                "d_other.txt": files[other],
            }
            srcs = sources_of(folder, tmp)
            shares = _pair_shares(srcs, k, quotes)
            for pair, s in shares.items():
                label = f"{cluster} {story[:-4]}+{other[:-4]} {'~'.join(sorted(pair))}"
                (independent if "d" in pair else rewrites).append((s, label))
            got = F.families(srcs, F.copied_shares(srcs, k=k, quotes=quotes), threshold)
            ok = got == [["a", "b", "c"], ["d"]]
            right["copies"][0] += ok
            right["copies"][1] += 1
            if not ok:
                wrong.append(f"{cluster} {story} + {other}: {got}")
    return {"independent": independent, "rewrites": rewrites, "right": right, "wrong": wrong}


def ecb_shares(k: int = F.SHINGLE) -> tuple[list[tuple[float, str]], list[str]]:
    """ECB+ (four web outlets per cluster, no copy labels): every pair's share, and the families
    of several sources found."""
    out, found = [], []
    root = DEVDATA / "ecbplus" / "clusters"
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        srcs = sources_of(_read(folder))
        for pair, s in _pair_shares(srcs, k).items():
            out.append((s, f"{folder.name} {'~'.join(sorted(pair))}"))
        found += [f"{folder.name}: {', '.join(f)}"
                  for f in F.families(srcs, F.copied_shares(srcs, k=k)) if len(f) > 1]
    return out, found


def _dist(values: list[float]) -> str:
    v = np.array(values)
    q = np.quantile(v, [0.0, 0.5, 0.9, 0.99, 1.0]) if len(v) else [float("nan")] * 5
    return "min {:.3f}  median {:.3f}  p90 {:.3f}  p99 {:.3f}  max {:.3f}  (n={})".format(*q, len(v))


def report(res: dict, label: str, show: int = 5) -> str:
    ind = sorted(res["independent"], reverse=True)
    rew = sorted(res["rewrites"])
    (ca, cn), (ia, inn) = res["right"]["copies"], res["right"]["independent"]
    lines = [
        f"[{label}]",
        f"  story + 2 rewrites + other outlet -> 2 families: {ca}/{cn} ({ca / max(cn, 1):.1%})",
        f"  three independent outlets -> 3 singletons:       {ia}/{inn} ({ia / max(inn, 1):.1%})",
        f"  share, independent pairs: {_dist([s for s, _ in ind])}",
        f"  share, rewrite pairs:     {_dist([s for s, _ in rew])}",
        f"  gap: highest independent {ind[0][0]:.3f}, lowest rewrite {rew[0][0]:.3f}" if ind and rew else "",
        "  highest independent pairs: " + "; ".join(f"{s:.3f} {n}" for s, n in ind[:show]),
        "  lowest rewrite pairs: " + "; ".join(f"{s:.3f} {n}" for s, n in rew[:show]),
    ]
    lines += [f"  wrong: {w}" for w in res["wrong"][:10]]
    return "\n".join(line for line in lines if line)


def sweep() -> None:
    dev = basil_clusters("dev")
    print("dev: shingle size -> highest independent share, lowest rewrite share, p99 independent")
    for k in range(3, 9):
        res = evaluate(dev, k=k)
        ind = [s for s, _ in res["independent"]]
        rew = [s for s, _ in res["rewrites"]]
        print(f"  k={k}: independent max {max(ind):.3f} p99 {np.quantile(ind, 0.99):.3f}, "
              f"rewrite min {min(rew):.3f} p1 {np.quantile(rew, 0.01):.3f}")


# --------------------------------------------------------------------------- timing


def timing() -> None:
    from benchmarks.corpus import generate_corpus

    for n, words in ((50, 3000), (200, 1000)):
        corpus = generate_corpus(n, words)
        srcs = sources_of(corpus.files)
        # Links as a matched folder has them: every sentence linked to a few of other sources.
        rng = random.Random(1)
        ids = [s.id for src in srcs for s in src.sentences]
        for src in srcs:
            for s in src.sentences:
                s.links = [Link(rng.choice(ids), 0.9, "near") for _ in range(3)]
        from sidebyside.model import Comparison

        comparison = Comparison(folder="", sources=srcs)
        wall = cpu = float("inf")
        for _ in range(5):
            t, c = time.perf_counter(), time.process_time()
            copied = F.copied_shares(srcs)
            fams = F.families(srcs, copied)
            F.independent_counts(comparison, fams)
            F.family_labels(fams)
            wall = min(wall, time.perf_counter() - t)
            cpu = min(cpu, time.process_time() - c)
        print(f"{n} sources x {words:,} words ({corpus.words:,} words, {len(ids):,} sentences): "
              f"{wall:.3f} s wall, {cpu:.3f} s CPU (best of 5; copied_shares + families + "
              f"independent_counts + labels; {len(copied)} copied entries, "
              f"{sum(len(f) > 1 for f in fams)} families of several)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.families_real")
    ap.add_argument("--split", choices=("dev", "test", "all", "both"), default="both")
    ap.add_argument("--sweep", action="store_true", help="dev: share gap per shingle size")
    ap.add_argument("--timing", action="store_true", help="seconds on generated big folders")
    ap.add_argument("--ecb", action="store_true", help="also list the ECB+ clusters' highest shares")
    ap.add_argument("--reworded", type=float, default=REWORDED, help="share of a rewrite's sentences reworded")
    ap.add_argument("--threshold", type=float, default=F.THRESHOLD, help="family threshold to try")
    ap.add_argument("--keep-quotes", action="store_true", help="measure with quotations kept in the prose")
    args = ap.parse_args(argv)
    if args.timing:
        timing()
        return 0
    if not (DEVDATA / "basil" / "clusters").is_dir():
        print(f"dev data not found at {DEVDATA} (set SIDEBYSIDE_DEVDATA)")
        return 2
    if args.sweep:
        sweep()
        return 0
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    for split in splits:
        res = evaluate(basil_clusters(split), threshold=args.threshold, reworded=args.reworded,
                       quotes=args.keep_quotes)
        print(report(res, f"BASIL {split}, shingle {F.SHINGLE}, threshold {args.threshold}, "
                          f"{args.reworded:.0%} reworded" + (", quotations kept" if args.keep_quotes else "")))
    if args.ecb:
        ecb, found = ecb_shares()
        ecb.sort(reverse=True)
        print(f"[ECB+, unlabelled] pair shares: {_dist([s for s, _ in ecb])}")
        print("  at or above 0.1: " + "; ".join(f"{s:.3f} {n}" for s, n in ecb if s >= 0.1))
        print("  families of several sources: " + "; ".join(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
