"""A fitted unique-claim decision, measured and not built (benchmarks/SEMANTIC.md, "A fitted
decision for unique claims"): a logistic regression that reads, for a claim no other source links
to, how likely it is that no outlet reports it.

    python -m benchmarks.fit_unique               # fit on BASIL dev, print the weights and fold E per bar
    python -m benchmarks.fit_unique --test 0.93   # ...and read the test clusters at one bar

Data, never the test split: the exhaustively labelled dev clusters of benchmarks/gold/
claims_real.jsonl, run through the engine as shipped (semantic matching, the transformer). Each
claim with no link nor partial link (status `unique` or `unlinked`) is one row: 1 when no
`same`/`partly` label pairs it with another outlet's sentence (an exclusive), 0 when one does
(reported elsewhere). The features are `echoes.FEATURES`: the share of its words no other source
uses (`novel`), the transformer's reading of the closest sentence elsewhere (the one the detail
and the reports name, two decimals), whether it has a name, figure or quote of its own
(`anchor`), and how far into its article it stands (paragraph, up to the tenth: ledes are the
most often reported).

Fitted on the BASIL dev clusters (folds A-C); the bar is chosen on the ECB+ dev
clusters (fold E), which neither this fit nor the transformer learnt from: two steps (0.02) above
the lowest bar at which at most 5% of the sentences called unique there are reported elsewhere
(ten clusters make a wide interval; a missing finding is better than a wrong one).
Newton's method (numpy only), a small L2 penalty on the standardised weights (not the intercept);
the weights are printed on the raw features, as echoes.py uses them.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

import numpy as np

from benchmarks import claims_real as CR
from benchmarks.quality import semantic_mode
from sidebyside import nearest
from sidebyside.model import UNIQUE, UNLINKED, Sentence

FEATURES = ("novel", "closest", "anchor", "paragraph")
L2 = 1.0
BARS = (0.96, 0.95, 0.94, 0.93, 0.92, 0.91, 0.90, 0.85)


def features(s: Sentence, similarity: float) -> list[float]:
    return [s.novel, round(similarity, 2), float(bool(s.anchor)), min(s.paragraph, 10) / 10]


def rows(split: str = "dev") -> list[dict]:
    """One row per claim with no link in the exhaustive clusters of `split`: its features, whether
    it is reported elsewhere, its cluster and how the engine marks it now."""
    header, labelled = CR.load_gold(split)
    exhaustive = set(header.get("exhaustive", []))
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for r in labelled:
        if r.get("cluster") in exhaustive:
            by_cluster[r["cluster"]].append(r)
    out = []
    for cluster, rs in sorted(by_cluster.items()):
        sides = {CR._key(r[x]) for r in rs for x in ("a", "b")}
        c, file_of, _ = CR._cluster_run(cluster, sides)
        reported = {CR._key(r[x]) for r in rs if r["label"] in CR.REPORTED for x in ("a", "b")}
        for s in c.all_sentences():
            if s.status not in (UNIQUE, UNLINKED) or not s.claim:
                continue
            found = nearest.elsewhere(c, s.id)
            if found is not None and found[1].by != "the transformer":
                continue  # the transformer did not read it: the lexical rule would stand
            hit = any(k[0] == file_of[s.source] and k[1] < s.end and s.start < k[2] for k in reported)
            out.append({"cluster": cluster, "x": features(s, found[1].similarity if found else 0.0),
                        "reported": hit, "unique": s.status == UNIQUE})
    return out


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Weights (intercept first) on the raw features."""
    mu, sd = x.mean(0), x.std(0) + 1e-12
    z = np.c_[np.ones(len(x)), (x - mu) / sd]
    w = np.zeros(z.shape[1])
    penalty = np.diag([0.0] + [L2] * x.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ w))
        grad = z.T @ (p - y) + penalty @ w
        hess = (z * (p * (1 - p))[:, None]).T @ z + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    raw = w[1:] / sd
    return np.r_[w[0] - (raw * mu).sum(), raw]


def _table(name: str, p: np.ndarray, own: np.ndarray, now: np.ndarray, bars) -> None:
    rep = own == 0
    print(f"{name}: {len(p)} claims with no link, {int(rep.sum())} reported elsewhere")
    print(f"  as the engine marks them: {int(now.sum())} unique, {int((now & rep).sum())} of them "
          f"reported, {int((now & ~rep).sum())} exclusives")
    for bar in bars:
        m = p >= bar
        print(f"  bar {bar:.2f}: {int(m.sum())} unique, {int((m & rep).sum())} reported "
              f"({(m & rep).sum() / max(1, m.sum()):.3f}), {int((m & ~rep).sum())} exclusives")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--test", type=float, metavar="BAR", help="also read the test clusters at BAR")
    args = ap.parse_args(argv)
    with semantic_mode(True):
        data = rows("dev")
    ecb = np.array([r["cluster"].startswith("topic") for r in data])
    x = np.array([r["x"] for r in data], dtype=float)
    own = np.array([not r["reported"] for r in data], dtype=float)
    w = fit(x[~ecb], own[~ecb])
    print("weights (intercept, " + ", ".join(FEATURES) + "):")
    print("  " + ", ".join(f"{v:.4f}" for v in w))

    def prob(x: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(np.c_[np.ones(len(x)), x] @ w)))

    p = prob(x)
    now = np.array([r["unique"] for r in data])
    for name, part in (("fold E (ECB+ dev, not fitted on)", ecb), ("BASIL dev (fitted on)", ~ecb)):
        _table(name, p[part], own[part], now[part], BARS)
    if args.test is not None:
        with semantic_mode(True):
            test = rows("test")
        tx = np.array([r["x"] for r in test], dtype=float)
        town = np.array([not r["reported"] for r in test], dtype=float)
        tnow = np.array([r["unique"] for r in test])
        tecb = np.array([r["cluster"].startswith("topic") for r in test])
        tp = prob(tx)
        for name, part in (("BASIL test", ~tecb), ("ECB+ test", tecb)):
            _table(name, tp[part], town[part], tnow[part], (args.test,))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
