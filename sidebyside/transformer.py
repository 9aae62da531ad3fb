"""A second reading of borderline links by the MiniLM transformer (int8 ONNX, shipped).

The static model (sidebyside/semantic.py) finds and scores candidate links fast; it is distilled
from all-MiniLM-L6-v2 and loses some of what the transformer reads in context. Measured on real
news (benchmarks/SEMANTIC.md, "The transformer as a second tier"): as a veto on the weaker links
the transformer tells "same claim" from "same story, other claim" better than anything else the
engine has, on the dev labels, on test, and on six clusters labelled after it was chosen. Since
the ninth session it is fine-tuned on real same-claim labels (the dev clusters, all three folds
since the eleventh, and MRPC's even pairs: benchmarks/train_transformer.py) and also lifts candidates the
static decision turned down (`match._lift`; SEMANTIC.md, "Ninth session"). It is slow (some 50-200 sentences a second
on two cores, and ~0.3 s to open), so it reads only the sentences of links whose fitted
probability is under `match.P_SURE` and of the likeliest candidates turned down, and only when
they are at most `MAX_SENTENCES` (a story of a few outlets; a big folder keeps the static
model's decisions).

The model (sidebyside/models/minilm-int8/: model.onnx, vocab.txt, MODEL.json with how it was
trained and built and each file's sha256) runs with onnxruntime; the word pieces are cut by
`semantic.WordPiece`, as the source tokenizer cuts them. Nothing is downloaded.

SIDEBYSIDE_TRANSFORMER=0 turns the second reading off (the engine then links as the static model
decides, at the static bar); `--lexical` / SIDEBYSIDE_SEMANTIC=0 turn off both models.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import semantic as S

MODEL_NAME = "minilm-int8"
MODEL_DIR = Path(__file__).resolve().parent / "models" / MODEL_NAME
ONNX = "model.onnx"
VOCAB = "vocab.txt"
META = "MODEL.json"
ENV_SWITCH = "SIDEBYSIDE_TRANSFORMER"  # "0" turns the second reading off
MAX_PIECES = 256  # word pieces a sentence is read with, [CLS] and [SEP] included
# One sentence a run: the int8 model quantizes its activations over the whole input, so a
# sentence read in a batch (with others, and padding) gets a vector that depends on its batch
# mates, and a link could turn on what else the folder, or the process, held.
BATCH = 1
THREADS = 2
MAX_SENTENCES = 120  # the most texts one comparison has the transformer read for the veto,
# and as many again for the lift (`match._lift`): ~0.5-2 s each
CACHE_MAX = 20_000  # sentence vectors kept for the next comparison in the same process


# A wire dateline opening a sentence: a place in capitals, maybe a date and an agency in brackets,
# then a dash ("LINDMOOR, March 10 (Coastal Wire) -", "WASHINGTON ―", "MOSCOW/SEOUL (AP) –"). It
# says where the story was filed, not what happened; read, it pulls two outlets' ledes apart.
_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z.'’/ -]{2,40}(?:,\s*[A-Z][a-z]{2,9}\.?(?:\s+\d{1,2})?(?:,\s*\d{4})?)?"
    r"\s*(?:\([^()]{1,40}\))?\s*[-–—―]+\s+(?=[A-Z\"“‘'])")


def _without_dateline(text: str) -> str:
    m = _DATELINE_RE.match(text)
    return text[m.end():] if m else text


def enabled() -> bool:
    return S.enabled() and os.environ.get(ENV_SWITCH, "1").strip().lower() not in (
        "0", "false", "no", "off")


def available() -> bool:
    """The model files are there, onnxruntime imports, and neither switch turns it off."""
    if not (enabled() and (MODEL_DIR / ONNX).is_file() and (MODEL_DIR / VOCAB).is_file()):
        return False
    try:  # found, not imported: a cache hit must not pay for the import (sidebyside/cache.py)
        return importlib.util.find_spec("onnxruntime") is not None
    except (ImportError, ValueError):
        return False


def metadata() -> dict:
    return json.loads((MODEL_DIR / META).read_text(encoding="utf-8"))


class Transformer:
    """The ONNX session and the tokenizer, opened once a process (`load`)."""

    def __init__(self, path: Path) -> None:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = THREADS
        opts.inter_op_num_threads = 1
        opts.log_severity_level = 3  # errors only: nothing on a user's terminal
        self.session = ort.InferenceSession(str(path / ONNX), opts,
                                            providers=["CPUExecutionProvider"])
        vocab = (path / VOCAB).read_text(encoding="utf-8").splitlines()
        self.pieces = S.WordPiece(vocab)
        self.cls, self.sep = self.pieces.ids["[CLS]"], self.pieces.ids["[SEP]"]
        self.names = [i.name for i in self.session.get_inputs()]
        self.cache: dict[str, np.ndarray] = {}  # a sentence's vector, by its text
        self.lock = threading.Lock()  # two comparisons in one process (threads) share the cache

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors (float32), one row per text; each text is read once a process, and its
        vector depends on its text alone."""
        with self.lock:
            return self._encode(texts)

    def _encode(self, texts: list[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if len(self.cache) + len(todo) > CACHE_MAX:  # a long session opening many folders
            self.cache.clear()
            todo = list(dict.fromkeys(texts))
        if todo:
            ids = [[self.cls, *self.pieces.encode(_without_dateline(t))[: MAX_PIECES - 2], self.sep]
                   for t in todo]
            order = np.argsort([len(x) for x in ids], kind="stable")  # batches of like lengths
            for lo in range(0, len(order), BATCH):
                chunk = order[lo : lo + BATCH]
                width = max(len(ids[i]) for i in chunk)
                tokens = np.zeros((len(chunk), width), dtype=np.int64)
                mask = np.zeros((len(chunk), width), dtype=np.int64)
                for row, i in enumerate(chunk):
                    tokens[row, : len(ids[i])] = ids[i]
                    mask[row, : len(ids[i])] = 1
                given = {"input_ids": tokens, "attention_mask": mask,
                         "token_type_ids": np.zeros_like(tokens)}
                feeds = {name: given[name] for name in self.names}
                hidden = self.session.run(None, feeds)[0]
                pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
                pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
                for row, i in enumerate(chunk):
                    self.cache[todo[i]] = pooled[row].astype(np.float32)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.cache[t] for t in texts])

    def cosines(self, a: list[str], b: list[str]) -> np.ndarray:
        """The cosine of each pair a[k], b[k]."""
        va, vb = self.encode(a), self.encode(b)
        return (va * vb).sum(axis=1)


@lru_cache(maxsize=1)
def load() -> Transformer:
    return Transformer(MODEL_DIR)
