"""Fit the link model of sidebyside/evidence.py: a logistic regression over `evidence.FEATURES`.

    python -m benchmarks.fit_links            # fit, print coefficients and dev figures per threshold
    python -m benchmarks.fit_links --write    # ...and write them into sidebyside/evidence.py

Training data, never the test split:
- the dev split of benchmarks/gold/claims_real.jsonl: each labelled pair runs through the engine
  (compare_folder, lexical) and is described by the engine sentences overlapping its two sides (the
  pair of them with the highest overlap score); `same` is 1, `event`/`unrelated` 0, `partly` 1 at
  half weight (a sentence holding the other's claim among others is reported elsewhere, but less
  surely the same claim);
- the MRPC train pairs (label_paraphrase), in folders of MRPC_FOLDER pairs as benchmarks.claims_real
  scores them.
Dev pairs weigh DEV_WEIGHT each (448 hand-labelled pairs against 3,940 MRPC pairs: the real-news
labels are what the product is for). Fitted with Newton's method (numpy only), with a small L2
penalty (not on the intercept). The probability is calibrated on the training data by construction
(a logistic regression's mean prediction equals the weighted share of positives).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from benchmarks import claims_real as CR
from benchmarks.quality import auc, semantic_mode
from benchmarks.train_transformer import corpus_of
from sidebyside import evidence as E
from sidebyside import match as M

DEV_WEIGHT = 10.0
PARTLY_WEIGHT = 0.5
L2 = 1.0
EVIDENCE_PY = Path(E.__file__)
# Left at 0: fitted, they took the sign against their meaning (a name clash is already a factor of
# the overlap score; actions differing is collinear with cover and words), which ranked "same
# template, other names" pairs of the invented gold set above real links.
UNUSED = ("name_clash", "action_differs", "cover_short", "length_ratio", "figure_agrees", "negation_differs")


def dev_rows(split: str = "dev", partly_weight: float | None = None,
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[dict]]:
    """Features, labels (1 same/partly, 0 event/unrelated), weights, and the labelled rows. The
    ECB+ clusters (fold E) are left out: no model learns from them."""
    _, rows = CR.load_gold(split)
    rows = [r for r in rows if corpus_of(r["cluster"]) == "basil"]
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_cluster[r["cluster"]].append(r)
    feats, labels, weights, kept = [], [], [], []
    for cluster, rs in sorted(by_cluster.items()):
        sides = {CR._key(r[x]) for r in rs for x in ("a", "b")}
        c, _, overlap = CR._cluster_run(cluster, sides)
        combos = []
        for r in rs:
            combos.append([(a, b) for a in sorted(overlap[CR._key(r["a"])])
                           for b in sorted(overlap[CR._key(r["b"])]) if a != b])
        flat = [p for cs in combos for p in cs]
        score, fs, equal, found = M.pair_evidence(c.sources, flat)
        at = np.cumsum(found) - 1  # row of each found pair
        k = 0
        for r, cs in zip(rs, combos, strict=True):
            best = pick = None
            for pair in cs:
                if found[k] and (best is None or score[at[k]] > score[best]):
                    best, pick = at[k], pair
                k += 1
            if best is None or not labelled_alone(c, r, pick):
                continue
            row = fs[best].copy()
            if equal[best]:
                continue  # identical sentences link whatever the model says
            feats.append(row)
            labels.append(0.0 if r["label"] in CR.NEGATIVE else 1.0)
            part = PARTLY_WEIGHT if partly_weight is None else partly_weight
            weights.append(DEV_WEIGHT * (part if r["label"] == "partly" else 1.0))
            kept.append(r)
    return np.array(feats), np.array(labels), np.array(weights), kept


def labelled_alone(c, r: dict, pair: tuple[str, str]) -> bool:
    """The engine sentences are the labelled ones, not merged with a neighbour (a label on one
    sentence says nothing about the pair of the merged ones: left out of the fit)."""
    return not (CR._wider(c.sentence(pair[0]), r["a"]) or CR._wider(c.sentence(pair[1]), r["b"]))


def mrpc_rows() -> tuple[np.ndarray, np.ndarray]:
    feats, labels = [], []
    for chunk, sources in CR.mrpc_folders(CR._mrpc_rows()):
        pairs = [(f"a:{k}", f"b:{k}") for k in range(len(chunk))]
        _, fs, equal, found = M.pair_evidence(sources, pairs)
        j = 0
        for r, f in zip(chunk, found, strict=True):
            if f:
                if not equal[j]:
                    feats.append(fs[j])
                    labels.append(float(r["label_paraphrase"] == "1"))
                j += 1
    return np.array(feats), np.array(labels)


def fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = L2, iters: int = 50):
    """Weighted L2 logistic regression by Newton's method: (intercept, coefficients)."""
    A = np.column_stack([np.ones(len(X)), X])
    beta = np.zeros(A.shape[1])
    pen = np.full(A.shape[1], l2)
    pen[0] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(A @ beta, -30, 30)))
        grad = A.T @ (w * (p - y)) + pen * beta
        H = (A * (w * p * (1 - p))[:, None]).T @ A + np.diag(pen)
        step = np.linalg.solve(H, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(beta[0]), beta[1:]


def write(intercept: float, coef: np.ndarray, semantic: bool = False) -> None:
    src = EVIDENCE_PY.read_text(encoding="utf-8")
    body = "\n".join(f"    {c:+.4f},  # {name}" for name, c in zip(E.FEATURES, coef, strict=True))
    sfx = "_SEM" if semantic else ""
    src = re.sub(rf"INTERCEPT{sfx} = .*?\nCOEF{sfx} = np\.(?:zeros|array)\((?:.|\n)*?\)\n",
                 f"INTERCEPT{sfx} = {intercept:+.4f}\nCOEF{sfx} = np.array([\n{body}\n])\n", src,
                 count=1)
    EVIDENCE_PY.write_text(src, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.fit_links")
    ap.add_argument("--write", action="store_true", help="write the coefficients into evidence.py")
    ap.add_argument("--semantic", action="store_true",
                    help="fit INTERCEPT_SEM/COEF_SEM, with the embedding similarity as a feature")
    ap.add_argument("--partly", type=float, default=PARTLY_WEIGHT,
                    help=f"weight of a `partly` pair against a `same` one (default {PARTLY_WEIGHT})")
    args = ap.parse_args(argv)
    with semantic_mode(args.semantic):
        Xd, yd, wd, kept = dev_rows("dev", args.partly)
        Xm, ym = mrpc_rows()
    X = np.vstack([Xd, Xm])
    y = np.concatenate([yd, ym])
    w = np.concatenate([wd, np.ones(len(ym))])
    # Leads (match.LEAD) are a rule of semantic matching only.
    unused = UNUSED if args.semantic else (*UNUSED, "semantic", "lead_pair")
    use = np.array([f not in unused for f in E.FEATURES])
    intercept, coef_used = fit(X[:, use], y, w)
    coef = np.zeros(len(E.FEATURES))
    coef[use] = coef_used
    print(f"dev pairs {len(yd)} (positive {int(yd.sum())}), MRPC pairs {len(ym)} (positive {int(ym.sum())})")
    print(f"INTERCEPT = {intercept:+.4f}")
    for name, c in zip(E.FEATURES, coef, strict=True):
        print(f"  {name:18s} {c:+.4f}")
    if args.semantic:
        E.INTERCEPT_SEM, E.COEF_SEM = intercept, coef
    else:
        E.INTERCEPT, E.COEF = intercept, coef
    pd, pm = E.probability(Xd, args.semantic), E.probability(Xm, args.semantic)
    same = np.array([r["label"] == "same" for r in kept])
    neg = np.array([r["label"] in CR.NEGATIVE for r in kept])
    print(f"MRPC AUC (train pairs, before acceptance rules) {auc(pm[ym == 1].tolist(), pm[ym == 0].tolist()):.3f}")
    print(f"dev AUC same vs event/unrelated {auc(pd[same].tolist(), pd[neg].tolist()):.3f}")
    print("threshold  dev same>=t  dev negative>=t  MRPC paraphrase>=t  (pairs, before acceptance rules)")
    for t in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7):
        print(f"  {t:.2f}      {np.mean(pd[same] >= t):.3f}       {np.mean(pd[neg] >= t):.3f}"
              f"            {np.mean(pm[ym == 1] >= t):.3f}")
    if args.write:
        write(intercept, coef, args.semantic)
        print(f"written to {EVIDENCE_PY}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
