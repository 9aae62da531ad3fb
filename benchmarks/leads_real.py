"""Headlines and ledes on the labelled clusters: how each labelled pair of two leads is labelled,
whether the engine links it, and the transformer's cosine of those it leaves unlinked
(benchmarks/SEMANTIC.md, "Thirteenth session").

    python -m benchmarks.leads_real [--split dev|test] [--fold A|B|C|E] [--model DIR]

Pair kinds: HH two headlines, HL a headline and another outlet's first sentence, LL two first
sentences (ECB+ articles have no headline apart: their first line is their first sentence).
`--model`: another transformer folder (e.g. one trained without the fold read, so its cosines
are not inflated by having learnt these very pairs). Reads ../shared/devdata.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

LABELS = ("same", "partly", "event", "unrelated")
BARS = (0.5, 0.6)


def _kind(side: dict) -> str | None:
    if side["paragraph_index"] == -1:
        return "H"
    if side["paragraph_index"] == 0 and side["sentence_index"] == 0:
        return "L"
    return None


def measure(split: str, only_fold: str | None) -> tuple[Counter, dict]:
    """(kind, label, linked) counts, and the cosines of the unlinked pairs by (kind, label)."""
    from benchmarks import claims_real as CR
    from benchmarks.train_transformer import fold
    from sidebyside import transformer as TX

    _, rows = CR.load_gold(split)
    if only_fold:
        keep = fold({r["cluster"] for r in rows}, only_fold)
        rows = [r for r in rows if r["cluster"] in keep]
    by_cluster: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for r in rows:
        ka, kb = _kind(r["a"]), _kind(r["b"])
        if ka and kb:
            by_cluster[r["cluster"]].append(("".join(sorted(ka + kb)), r))
    model = TX.load()
    counts: Counter = Counter()
    cosines: dict[tuple[str, str], list[float]] = defaultdict(list)
    for cluster, rs in sorted(by_cluster.items()):
        sides = {CR._key(r[x]) for _, r in rs for x in ("a", "b")}
        c, _, overlap = CR._cluster_run(cluster, sides)
        linked_ids = {frozenset((s.id, ln.to)) for s in c.all_sentences() for ln in s.links}
        for kind, r in rs:
            xa, xb = overlap[CR._key(r["a"])], overlap[CR._key(r["b"])]
            linked = any(frozenset((x, y)) in linked_ids for x in xa for y in xb)
            counts[(kind, r["label"], linked)] += 1
            if not linked and xa and xb:
                ta = " ".join(c.sentence(x).text for x in sorted(xa))
                tb = " ".join(c.sentence(y).text for y in sorted(xb))
                cosines[(kind, r["label"])].append(float(model.cosines([ta], [tb])[0]))
    return counts, cosines


def report(counts: Counter, cosines: dict) -> str:
    out = ["pairs: kind label linked/all; unlinked with cosine >= " + ", ".join(map(str, BARS))]
    for kind in ("HH", "HL", "LL"):
        for label in LABELS:
            linked, unlinked = counts[(kind, label, True)], counts[(kind, label, False)]
            if not linked + unlinked:
                continue
            over = " ".join(f"{sum(x >= b for x in cosines[(kind, label)])}" for b in BARS)
            out.append(f"  {kind} {label:9} {linked}/{linked + unlinked}  unlinked over bars: {over}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--fold", choices=["A", "B", "C", "E"])
    ap.add_argument("--model", type=Path, help="another transformer folder (model.onnx, vocab.txt)")
    args = ap.parse_args(argv)
    if args.model:
        from sidebyside import transformer as TX

        TX.MODEL_DIR = args.model
    print(report(*measure(args.split, args.fold)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
