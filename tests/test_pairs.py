"""The bulk (numpy) candidate generation and scoring in sidebyside/pairs.py agree with the plain
per-pair definitions in sidebyside/match.py, and the matcher's output does not depend on Python's
string hashing (it once did: figure order came from a set)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from itertools import chain
from pathlib import Path

import numpy as np
import pytest

from benchmarks.corpus import write_corpus
from sidebyside import clean, segment
from sidebyside import match as M
from sidebyside import pairs as P
from sidebyside.engine import demo_folder
from sidebyside.load import load_folder

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wire(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("wire")
    write_corpus(folder, 8, 900, seed=3)
    return folder


def _folder(path: Path):
    docs, _ = load_folder(path)
    sources = segment.build_sources(docs)
    clean.flag_sources(sources, docs)
    folder = M._prepare(M._eligible(sources, set()))
    return folder, M._arrays(folder)


def _reference_candidates(folder, keys: int, common: int, cap: int) -> set[tuple[int, int]]:
    """The per-sentence Counter the matcher used before it went to arrays."""
    items, df = folder.items, folder.df
    postings: dict[str, list[int]] = {}
    key_terms: list[list[str]] = []
    for k, it in enumerate(items):
        weight = {**it.terms, **it.figures, **it.years}
        usable = [t for t in weight if 2 <= df[t] <= common]
        for t in usable:
            postings.setdefault(t, []).append(k)
        key_terms.append(sorted(usable, key=lambda t: (-weight[t], t))[:keys])
    out = set()
    for a, it in enumerate(items):
        hits = Counter(chain.from_iterable(postings[t] for t in key_terms[a]))
        cands = [b for b, _ in hits.most_common(cap)] if len(hits) > cap else list(hits)
        for b in cands:
            if items[b].source_index != it.source_index:
                out.add((min(a, b), max(a, b)))
    return out


@pytest.mark.parametrize("cap", [M.MAX_CANDIDATES, 12])
def test_candidates_are_the_counter_lookup(wire, cap):
    folder, arrays = _folder(wire)
    common = min(max(40, folder.n // 10), M.MAX_POSTING)
    codes = P.candidates(arrays, M.CANDIDATE_TERMS, common, cap)
    got = {(int(c) // folder.n, int(c) % folder.n) for c in codes}
    want = _reference_candidates(folder, M.CANDIDATE_TERMS, common, cap)
    assert len(want) > 500
    assert got == want
    assert list(codes) == sorted(set(codes.tolist()))  # sorted, no repeats
    # Only the first sentence of each text looking its keys up (its copies meeting the same
    # sentences) gives the same candidates.
    twin = M._twins(folder.items)
    assert twin is not None
    assert np.array_equal(P.candidates(arrays, M.CANDIDATE_TERMS, common, cap, twin), codes)


@pytest.mark.parametrize("where", ["demo", "wire"])
def test_bulk_scores_equal_the_per_pair_score(wire, where):
    folder, arrays = _folder(demo_folder() if where == "demo" else wire)
    n = folder.n
    # Every pair of sentences from different sources, not just the candidates.
    x, y = np.triu_indices(n, 1)
    codes = (x * n + y)[arrays.source[x] != arrays.source[y]]
    sc = P.overlap(arrays, codes)
    matched = sc.matched.copy()
    for k in np.flatnonzero(sc.needs_slot):
        matched[k] += M._slot(folder.items[sc.x[k]], folder.items[sc.y[k]])
    # The bound used to skip pairs never undercuts what the slots really add.
    assert np.all(sc.matched + M.FIGURE_SLOT * sc.slot_bound >= matched - 1e-12)
    bulk = M._vector_score(arrays, sc.x, sc.y, matched, sc.clash, sc.equal)
    one_by_one = [M._lexical(folder.items[a], folder.items[b]) for a, b in zip(sc.x, sc.y, strict=True)]
    assert np.allclose(bulk, [s for s, _ in one_by_one], rtol=0, atol=1e-12)
    shared = np.array([len(sh) for _, sh in one_by_one])
    assert np.array_equal(sc.shared[~sc.equal], shared[~sc.equal])
    assert (bulk >= M.MIN_SCORE).sum() > 10


def _reference_accept(x, y, score, evidence, source):
    ranked: dict[tuple[int, int], list[tuple[float, int]]] = {}
    for a, b, s in zip(x, y, score, strict=True):
        ranked.setdefault((a, source[b]), []).append((s, b))
        ranked.setdefault((b, source[a]), []).append((s, a))
    for lst in ranked.values():
        lst.sort(key=lambda t: (-t[0], t[1]))

    def accepts(a, b, s):
        lst = ranked[(a, source[b])]
        return any(c == b for _, c in lst[: M.PER_SOURCE]) and s >= lst[0][0] * M.NEAR_BEST

    def best(a, b):
        return ranked[(a, source[b])][0][1] == b

    return [
        s >= M.STRONG or (s >= M.MIN_SCORE and accepts(a, b, s) and accepts(b, a, s))
        or (best(a, b) and best(b, a) and e >= 2)
        for a, b, s, e in zip(x, y, score, evidence, strict=True)
    ]


def test_acceptance_rules_in_bulk_equal_the_rules_one_by_one():
    rng = np.random.default_rng(5)
    n, sources = 300, 6
    source = rng.integers(0, sources, n)
    x, y = rng.integers(0, n, 4000), rng.integers(0, n, 4000)
    ok = (source[x] != source[y]) & (x < y)
    codes = np.unique(x[ok] * n + y[ok])
    x, y = codes // n, codes % n
    score = np.round(rng.uniform(0.15, 0.8, len(x)), 2)  # rounded: ties happen
    evidence = rng.integers(0, 4, len(x))
    got = P.accept(x, y, score, evidence, source, M.PER_SOURCE, M.NEAR_BEST, M.STRONG, M.MIN_SCORE)
    want = _reference_accept(x.tolist(), y.tolist(), score.tolist(), evidence.tolist(), source.tolist())
    assert got.tolist() == want
    assert 0 < got.sum() < len(x)


def test_empty_and_tiny_inputs():
    arrays = P.build([], {}, set())
    assert len(P.candidates(arrays, 8, 40, 250)) == 0
    sc = P.overlap(arrays, np.zeros(0, dtype=np.int64))
    assert len(sc.matched) == 0
    assert not P.accept(sc.x, sc.y, sc.matched, sc.evidence, arrays.source, 3, 0.5, 0.6, 0.28).any()


_DUMP = """
import json, sys
from sidebyside.engine import compare_folder
c = compare_folder(sys.argv[1], use_cache=False)
print(json.dumps(sorted((s.id, l.to, l.score, l.kind, l.why) for s in c.all_sentences() for l in s.links)))
"""


def test_links_do_not_depend_on_string_hashing(tmp_path):
    folder = tmp_path / "unrelated"
    write_corpus(folder, 12, 700, seed=11, distinct=True)
    outputs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed, SIDEBYSIDE_SEMANTIC="0", SIDEBYSIDE_CACHE="0")
        run = subprocess.run([sys.executable, "-c", _DUMP, str(folder)], capture_output=True,
                             text=True, env=env, cwd=ROOT, check=True)
        outputs.append(json.loads(run.stdout))
    assert len(outputs[0]) > 50
    assert outputs[0] == outputs[1]


def test_progress_moves_through_the_match_stage(wire):
    from sidebyside.engine import compare_folder

    seen: list[tuple[str, float]] = []
    compare_folder(wire, progress=lambda stage, f: seen.append((stage, f)), use_cache=False)
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    inside = [f for stage, f in seen if stage == "match"]
    assert len(inside) >= 4 and 0.4 <= min(inside) and max(inside) < 0.8
    assert [s for s, _ in seen][-4:] == ["align", "findings", "families", "done"]


def test_candidates_beside_a_long_document_are_the_counter_lookup(wire, tmp_path):
    """A long document whose sentences mostly share no key with any other source: those are not
    looked up at all, and the candidates are still exactly the per-sentence Counter's."""
    from benchmarks.hostile import generate

    for f in wire.iterdir():
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "zz-long.txt").write_text(generate("short_paragraphs", 150_000), encoding="utf-8")
    folder, arrays = _folder(tmp_path)
    common = min(max(40, folder.n // 10), M.MAX_POSTING)
    for cap in (M.MAX_CANDIDATES, 12):
        codes = P.candidates(arrays, M.CANDIDATE_TERMS, common, cap)
        got = {(int(c) // folder.n, int(c) % folder.n) for c in codes}
        assert got == _reference_candidates(folder, M.CANDIDATE_TERMS, common, cap)
