"""Quality: first on the hand-labelled sets from real news (benchmarks.claims_real and
benchmarks.figures_real, dev and test; they need ../shared/devdata), then on a gold set of
invented news stories the team wrote (secondary).

    python -m benchmarks.quality              # real sets, then the invented set, lexical
    python -m benchmarks.quality --semantic   # also with the optional embedding score, side by side
    python -m benchmarks.quality --min-score 0.35 --sweep   # threshold sweep on the gold set

The gold set (benchmarks/gold/, all text invented for this project):
- stories.json: 17 stories, each told by 2-3 short sources (sentences in order). Every sentence
  carries a claim id: sentences of different sources with the same claim id make the same claim
  (the complete link gold of the story). 343 hand-labelled pairs: same | related | unrelated, by
  category: paraphrase, near, numbers (same claim, other figures), names (same template, other
  names or things), quote (quote vs reported speech), headline (headline vs body sentence),
  common (sharing only the story's common words).
- clusters/*/: short full articles (with headlines, bylines, footers) run through the whole engine,
  with gold sentence links in gold.json.

Each story is matched as its own folder, so term weights come from that story alone, as they would
for a reporter's folder. Printed: recall, precision and F1 of the links the matcher makes at the
shipped threshold, and ROC AUC of the link score (same vs not same; and same vs related), per
category; the links of whole stories and clusters; links across two unrelated stories in one
folder; and the cost of the semantic extra.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from sidebyside import match as M
from sidebyside import semantic
from sidebyside.engine import compare_folder
from sidebyside.model import Sentence, Source

GOLD = Path(__file__).resolve().parent / "gold"
CATEGORIES = ("paraphrase", "near", "numbers", "names", "quote", "headline", "common")
# The slice CI runs (tests/test_quality.py): a fixed subset, small and fast.
SLICE_STORIES = ("ferry", "flood", "recount", "ward", "quake", "merger", "fraud", "drones", "mine")
SLICE_CLUSTERS = ("crane", "housing")


# --------------------------------------------------------------------------- data


def load_stories(names: tuple[str, ...] | None = None) -> list[dict]:
    data = json.loads((GOLD / "stories.json").read_text(encoding="utf-8"))
    stories = data["stories"]
    if names is not None:
        stories = [s for s in stories if s["id"] in names]
    return stories


def cluster_dirs(names: tuple[str, ...] | None = None) -> list[Path]:
    dirs = sorted(p for p in (GOLD / "clusters").iterdir() if (p / "gold.json").is_file())
    return [d for d in dirs if names is None or d.name in names]


def story_sources(story: dict, prefix: str = "") -> list[Source]:
    """One Source per source of the story; sentence ids are '<prefix><source>:<sentence id>'."""
    out: list[Source] = []
    for name, sentences in story["sources"].items():
        sid = prefix + name
        text, sents = "", []
        for k, x in enumerate(sentences):
            start = len(text)
            text += x["text"]
            sents.append(Sentence(f"{sid}:{x['id']}", sid, k, k, x["text"], start, len(text)))
            text += "\n\n"
        out.append(Source(sid, f"{sid}.txt", "", name, text, sentences=sents))
    return out


def _claims(story: dict, prefix: str = "") -> dict[str, str]:
    return {
        f"{prefix}{name}:{x['id']}": x["claim"]
        for name, sentences in story["sources"].items()
        for x in sentences
    }


@contextlib.contextmanager
def semantic_mode(on: bool) -> Iterator[None]:
    """Run with the semantic extra switched on (if available) or off."""
    old = os.environ.get(semantic.ENV_SWITCH)
    os.environ[semantic.ENV_SWITCH] = "1" if on else "0"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(semantic.ENV_SWITCH, None)
        else:
            os.environ[semantic.ENV_SWITCH] = old


# --------------------------------------------------------------------------- metrics


def auc(pos: list[float], neg: list[float]) -> float | None:
    """ROC AUC (probability a positive outscores a negative, ties count half)."""
    if not pos or not neg:
        return None
    ranked = sorted([(s, 1) for s in pos] + [(s, 0) for s in neg])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + j + 1) / 2  # average 1-based rank of the tie block
        rank_sum += mid * sum(1 for k in range(i, j) if ranked[k][1])
        i = j
    n_pos, n_neg = len(pos), len(neg)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def prf(tp: int, fp: int, fn: int) -> dict[str, float | None]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def _links(sources: list[Source]) -> set[frozenset[str]]:
    return {frozenset((s.id, link.to)) for src in sources for s in src.sentences for link in s.links}


# --------------------------------------------------------------------------- evaluation


def evaluate_stories(stories: list[dict], min_score: float = M.MIN_SCORE) -> dict:
    """Labelled pairs per category, and the complete links of every story."""
    rows: list[dict] = []  # one per labelled pair: category, label, score, linked
    tp = fp = fn = 0
    used = False
    for story in stories:
        sources = story_sources(story)
        used = M.match(sources, min_score=min_score).semantic or used
        linked = _links(sources)
        pairs = [(p["a"], p["b"]) for p in story["pairs"]]
        scores = M.score_pairs(sources, pairs)
        for p, score in zip(story["pairs"], scores, strict=True):
            rows.append({**p, "story": story["id"], "score": score,
                         "linked": frozenset((p["a"], p["b"])) in linked})
        claims = _claims(story)
        ids = list(claims)
        gold = {
            frozenset((a, b))
            for i, a in enumerate(ids)
            for b in ids[i + 1 :]
            if claims[a] == claims[b] and a.split(":")[0] != b.split(":")[0]
        }
        tp += len(linked & gold)
        fp += len(linked - gold)
        fn += len(gold - linked)
    per_cat: dict[str, dict] = {}
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r["category"]].append(r)
    groups["all"] = rows
    all_pos = [r["score"] for r in rows if r["label"] == "same"]
    all_neg = [r["score"] for r in rows if r["label"] != "same"]
    for cat, rs in groups.items():
        pos = [r["score"] for r in rs if r["label"] == "same"]
        neg = [r["score"] for r in rs if r["label"] != "same"]
        rel = [r["score"] for r in rs if r["label"] == "related"]
        # A category with one class only is ranked against the other class of the whole set.
        vs = "own" if pos and neg else ("all negatives" if pos else "all positives")
        a = auc(pos or all_pos, neg or all_neg)
        m = prf(
            sum(1 for r in rs if r["linked"] and r["label"] == "same"),
            sum(1 for r in rs if r["linked"] and r["label"] != "same"),
            sum(1 for r in rs if not r["linked"] and r["label"] == "same"),
        )
        per_cat[cat] = {**m, "n_same": len(pos), "n_other": len(neg), "auc": a, "auc_vs": vs,
                        "auc_related": auc(pos or all_pos, rel) if rel else None}
    return {"categories": per_cat, "stories": prf(tp, fp, fn), "pairs": rows, "semantic_used": used}


def _find(comparison, file: str, fragment: str) -> str:
    src = next(s for s in comparison.sources if s.file == file)
    hits = [s for s in src.sentences if fragment in s.text and s.status != "duplicate"]
    if not hits:
        raise ValueError(f"gold fragment not found in {file}: {fragment!r}")
    return hits[0].id


def evaluate_clusters(dirs: list[Path], min_score: float = M.MIN_SCORE) -> dict:
    """Whole articles through the whole engine; links against gold.json."""
    tp = fp = fn = 0
    misses: list[str] = []
    extras: list[str] = []
    for d in dirs:
        gold_spec = json.loads((d / "gold.json").read_text(encoding="utf-8"))
        c = compare_folder(d, min_score=min_score, use_cache=False)
        gold: set[frozenset[str]] = set()
        for members in gold_spec["claims"].values():
            ids = [(f, _find(c, f, frag)) for f, frag in members]
            for i, (fa, a) in enumerate(ids):
                for fb, b in ids[i + 1 :]:
                    if fa != fb:
                        gold.add(frozenset((a, b)))
        optional = {
            frozenset((_find(c, fa, xa), _find(c, fb, xb)))
            for (fa, xa), (fb, xb) in gold_spec.get("optional", [])
        }
        linked = {frozenset((s.id, link.to)) for s in c.all_sentences() for link in s.links}
        tp += len(linked & gold)
        fp += len(linked - gold - optional)
        fn += len(gold - linked)
        for pair in gold - linked:
            a, b = sorted(pair)
            misses.append(f"{d.name}: {c.sentence(a).text[:60]!r} ~ {c.sentence(b).text[:60]!r}")
        for pair in linked - gold - optional:
            a, b = sorted(pair)
            extras.append(f"{d.name}: {c.sentence(a).text[:60]!r} ~ {c.sentence(b).text[:60]!r}")
    return {**prf(tp, fp, fn), "misses": misses, "extras": extras}


def mixed_stories(stories: list[dict], min_score: float = M.MIN_SCORE) -> dict:
    """Two unrelated stories in one folder: how many links cross from one to the other."""
    total = cross = 0
    for a, b in zip(stories, stories[1:] + stories[:1], strict=True):
        if a is b:
            continue
        sources = story_sources(a, "a-") + story_sources(b, "b-")
        M.match(sources, min_score=min_score)
        for pair in _links(sources):
            total += 1
            x, y = sorted(pair)
            cross += x[0] != y[0]
    return {"links": total, "cross": cross, "share": cross / total if total else 0.0}


def mixed_clusters(dirs: list[Path], min_score: float = M.MIN_SCORE,
                   pairs: list[tuple[Path, Path]] | None = None) -> dict:
    """The same check through the whole engine: two clusters' files in one folder (each cluster
    and the next, or the given `pairs`)."""
    total = cross = 0
    for a, b in pairs if pairs is not None else zip(dirs, dirs[1:] + dirs[:1], strict=True):
        if a == b:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            for d in (a, b):
                for f in d.iterdir():
                    if f.name != "gold.json":
                        shutil.copy(f, Path(tmp) / f"{d.name}-{f.name}")
            c = compare_folder(tmp, min_score=min_score, use_cache=False)
            story = {s.id: c.source(s.source).file.split("-")[0] for s in c.all_sentences()}
            for s in c.all_sentences():
                for link in s.links:
                    if s.id < link.to:
                        total += 1
                        cross += story[s.id] != story[link.to]
    return {"links": total, "cross": cross, "share": cross / total if total else 0.0}


def evaluate(
    stories: tuple[str, ...] | None = None,
    clusters: tuple[str, ...] | None = None,
    min_score: float = M.MIN_SCORE,
    semantic_on: bool = False,
) -> dict:
    """Everything the harness measures, as one dict (what tests/test_quality.py asserts on)."""
    with semantic_mode(semantic_on):
        story_list = load_stories(stories)
        dirs = cluster_dirs(clusters)
        out = evaluate_stories(story_list, min_score)
        out["clusters"] = evaluate_clusters(dirs, min_score)
        out["mixed"] = mixed_stories(story_list, min_score)
        out["mixed_clusters"] = mixed_clusters(dirs, min_score)
    return out


# --------------------------------------------------------------------------- cost


def cost(semantic_on: bool) -> dict:
    """Engine time per 1,000 sentences on a generated 10 x 1,500-word folder and on all stories."""
    from benchmarks.run import generate

    with semantic_mode(semantic_on), tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), 10, 1500)
        compare_folder(tmp, use_cache=False)  # warm up (loads the model once)
        t = time.perf_counter()
        c = compare_folder(tmp, use_cache=False)
        engine = time.perf_counter() - t
        n = len(c.all_sentences())
        sources = [s for st in load_stories() for s in story_sources(st, st["id"] + "-")]
        m = sum(len(s.sentences) for s in sources)
        t = time.perf_counter()
        M.match(sources)
        story_match = time.perf_counter() - t
    return {"engine_ms_per_1000": 1000 * engine / n * 1000, "sentences": n,
            "match_ms_per_1000_stories": 1000 * story_match / m * 1000, "story_sentences": m}


# --------------------------------------------------------------------------- printing


def _f(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.3f}"


def report(results: dict[str, dict]) -> str:
    """Side-by-side table of one or more evaluate() results, keyed by a label."""
    lines: list[str] = []
    labels = list(results)
    head = f"{'category':<11}{'same':>5}{'other':>6}  " + "  ".join(
        f"{'[' + lab + ']':<36}" for lab in labels
    )
    lines.append(head)
    lines.append(" " * 24 + "  ".join(f"{'recall  prec    F1     AUC   AUCrel':<36}" for _ in labels))
    first = results[labels[0]]["categories"]
    for cat in (*CATEGORIES, "all"):
        if cat not in first:
            continue
        c0 = first[cat]
        cells = []
        for lab in labels:
            c = results[lab]["categories"][cat]
            auc_s = _f(c["auc"]) + ("*" if c["auc_vs"] != "own" else " ")
            cells.append(f"{_f(c['recall'])}  {_f(c['precision'])}  {_f(c['f1'])}  {auc_s} {_f(c['auc_related'])}  ")
        lines.append(f"{cat:<11}{c0['n_same']:>5}{c0['n_other']:>6}  " + "  ".join(cells))
    lines.append("  (* a one-class category is ranked against the other class of the whole set)")
    for key, title in (("stories", "all links of every story"), ("clusters", "full-article clusters (engine)")):
        cells = []
        for lab in labels:
            m = results[lab][key]
            cells.append(f"R {_f(m['recall'])} P {_f(m['precision'])} F1 {_f(m['f1'])} "
                         f"(tp {m['tp']} fp {m['fp']} fn {m['fn']})")
        lines.append(f"{title:<34}" + "   ".join(cells))
    for key, title in (("mixed", "two stories in one folder"), ("mixed_clusters", "two clusters in one folder")):
        cells = [f"{results[lab][key]['cross']}/{results[lab][key]['links']} links cross "
                 f"({100 * results[lab][key]['share']:.1f}%)" for lab in labels]
        lines.append(f"{title:<34}" + "   ".join(f"{c:<44}" for c in cells))
    return "\n".join(lines)


def real_figures() -> None:
    """The figures that count: the hand-labelled sets from real news (benchmarks/gold/CLAIMS.md
    and FIGURES.md), dev (tuned on) and test (not), with the default matching."""
    from benchmarks import claims_real, figures_real

    if not (claims_real.DEVDATA / "basil" / "sentences.tsv").is_file():
        print(f"real labelled sets: dev data not found at {claims_real.DEVDATA} "
              "(set SIDEBYSIDE_DEVDATA); see benchmarks/gold/")
        return
    on = semantic.available()
    print(f"Real news, hand-labelled ({'semantic' if on else 'lexical'} matching)")
    for split in ("dev", "test"):
        f = figures_real.evaluate(split)

        def pct(x):
            return "-" if x is None else f"{x:.0%}"

        print(f"  numeric disagreements [{split}]: precision {pct(f['precision'])} "
              f"({f['shown_true']} of {f['shown_matched']} shown), recall {pct(f['recall'])} "
              f"({f['recalled']} of {f['conflicts']}), not-a-quantity read "
              f"{len(f['not_a_quantity_read'])} of {f['not_a_quantity']}")
        res = claims_real.evaluate(split, semantic_on=on, mrpc=split == "dev")
        print(claims_real.report(res, f"same claim, {split}"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.quality")
    ap.add_argument("--semantic", action="store_true", help="also run with the embedding score")
    ap.add_argument("--min-score", type=float, default=M.MIN_SCORE)
    ap.add_argument("--slice", action="store_true", help="only the slice CI runs")
    ap.add_argument("--sweep", action="store_true", help="F1 over a range of thresholds")
    ap.add_argument("--errors", action="store_true", help="list the misjudged pairs")
    args = ap.parse_args(argv)
    stories = SLICE_STORIES if args.slice else None
    clusters = SLICE_CLUSTERS if args.slice else None

    if not args.slice:
        real_figures()
    print("\nThe invented gold set (written and tuned on by the team: secondary, optimistic)")
    results = {"lexical": evaluate(stories, clusters, args.min_score, semantic_on=False)}
    if args.semantic:
        if not semantic.available():
            print(f"semantic model not found in {semantic.model_dir()}")
            return 2
        results["semantic"] = evaluate(stories, clusters, args.min_score, semantic_on=True)
    print(f"threshold MIN_SCORE={args.min_score}  pairs={len(results['lexical']['pairs'])}  "
          f"stories={len(load_stories(stories))}")
    print(report(results))
    if args.errors:
        for lab, res in results.items():
            print(f"\n[{lab}] misjudged labelled pairs:")
            for r in sorted(res["pairs"], key=lambda r: (r["category"], r["story"])):
                if r["linked"] != (r["label"] == "same"):
                    print(f"  {r['category']:<10} {r['label']:<9} {r['score']:.3f} "
                          f"{'LINKED' if r['linked'] else 'missed'} {r['story']} {r['a']} ~ {r['b']}")
            for line in res["clusters"]["misses"]:
                print("  cluster miss ", line)
            for line in res["clusters"]["extras"]:
                print("  cluster extra", line)
    if args.sweep:
        modes = [False, True] if args.semantic else [False]
        for on in modes:
            print(f"\nthreshold sweep ({'semantic' if on else 'lexical'}): F1 labelled / stories / clusters")
            for k in range(16, 52, 2):
                t = k / 100
                r = evaluate(stories, clusters, t, semantic_on=on)
                print(f"  {t:.2f}  {_f(r['categories']['all']['f1'])}  {_f(r['stories']['f1'])}  "
                      f"{_f(r['clusters']['f1'])}   P {_f(r['stories']['precision'])} "
                      f"R {_f(r['stories']['recall'])}")
    print()
    for lab, on in (("lexical", False), ("semantic", True)):
        if lab not in results:
            continue
        c = cost(on)
        print(f"cost [{lab}]: engine {c['engine_ms_per_1000']:.0f} ms per 1,000 sentences "
              f"({c['sentences']} sentences, 10 x 1,500 words); match {c['match_ms_per_1000_stories']:.0f} ms "
              f"per 1,000 sentences (all {c['story_sentences']} story sentences in one folder)")
    if args.semantic:
        texts = [x["text"] for st in load_stories() for xs in st["sources"].values() for x in xs]
        texts = (texts * (1000 // len(texts) + 1))[:1000]
        semantic.embed(texts)
        t = time.perf_counter()
        semantic.embed(texts)
        embed_ms = 1000 * (time.perf_counter() - t)
        print(f"semantic model: {semantic.size_on_disk() / 1e6:.1f} MB on disk at {semantic.model_dir()}; "
              f"embedding 1,000 sentences takes {embed_ms:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
