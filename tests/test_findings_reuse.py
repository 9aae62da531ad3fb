"""The findings stage reads once what it used to read again for every pair (sentences of one
text, figures that read alike, a word's facts): the answers must be those read afresh."""

from __future__ import annotations

import copy
import dataclasses
import itertools
import sys
from pathlib import Path

from sidebyside import disagreements, findings
from sidebyside import numbers as N
from sidebyside.engine import compare_folder, demo_folder
from sidebyside.model import Quantity

C = sys.modules["sidebyside.numbers.compare"]
S = sys.modules["sidebyside.numbers.scope"]

SENTENCES = [
    "Some 600 North Korean troops were killed, officials said on Monday.",
    "More than 600 soldiers died in the fighting, the ministry said.",
    "About 15,000 troops were deployed to the border in 2019.",
    "The deal is worth $1.375 billion, up from $1.2 billion last year.",
    "The deal is worth about $1.4 billion.",
    "SARS has killed 296 people on the mainland.",
    "SARS has killed 300 people on the mainland.",
    "Prices rose 0.43 percent in March, the fastest pace in 5 years.",
    "Prices rose 0.4 per cent in March.",
    "The storm left between 5 and 7 people dead and dozens of children injured.",
    "Police arrested 12 protesters on Tuesday; 20,000 people marched in May 2020.",
    "The 5.6 magnitude quake struck 40 km from the city at 3 a.m. on March 3.",
]


def _figures():
    return [q for s in SENTENCES for q in N.read_quantities(s)]


def test_judge_and_same_thing_kept_by_fields_answer_as_afresh():
    qs = _figures()
    for a, b in itertools.product(qs, qs):
        C._judged.clear()
        C._things.clear()
        fresh_judge, fresh_same = N.judge(a, b), N.same_thing(a, b)
        assert (C._compare(a, b)[0], C._same_thing(a, b)) == (fresh_judge[0], fresh_same)
    # warm caches: every pair again, in another order
    for a, b in itertools.product(reversed(qs), qs):
        verdict, note = C._compare(a, b)
        assert N.judge(a, b) == (verdict, note or ("the same figure" if verdict is None else note))
        assert N.same_thing(a, b) is C._same_thing(a, b)


def test_a_figure_key_holds_every_field_judge_reads():
    """Two figures of the same key are judged alike against any third: only the trailing
    zeros of the text count ("300 people" / "300 troops" are alike, "300" / "296" are not)."""
    a = N.read_quantities("SARS has killed 300 people.")[0]
    b = dataclasses.replace(a, text="300 dead people")
    assert C.figure_key(a) == C.figure_key(b)
    c = dataclasses.replace(a, text="300.5 people")
    assert C.figure_key(a) != C.figure_key(c)
    other = N.read_quantities("SARS has killed 296 people.")[0]
    assert N.judge(a, other) == C._compare(b, other)


def test_a_reading_key_holds_every_field_but_where_and_who():
    """`_reading_key` decides that two sentences pair alike: it must name every field of a
    Quantity that pairing reads, that is every field but its sentence and sources."""
    q = _figures()[0]
    fields = {f.name for f in dataclasses.fields(Quantity)} - {"sentence", "sources"}
    assert len(disagreements._reading_key(q)) == len(fields)
    for name in fields:
        value = getattr(q, name)
        changed = dataclasses.replace(q, **{name: (value + 1) if isinstance(value, int | float)
                                            else f"{value}x"})
        assert disagreements._reading_key(changed) != disagreements._reading_key(q), name


def test_contexts_read_by_word_are_the_contexts_read_afresh():
    cases = ["  Smith said 600 troops were killed in Kyiv on Monday.",
             "Reuters: Fox's 41 percent and CNN’s 36 percent of viewers, so far, in total.",
             "In May 2020, 20,000 people marched; by mid-morning police had arrested 12.",
             "Shares closed at $3.01 on Friday, down 2 percent in intraday trading."]
    for text in cases:
        for q in N.read_quantities(text):
            got = S._context.__wrapped__(text, q.start, q.end, q.text)
            assert got == _context_afresh(text, q)
    smith = N.context(N.read_quantities(cases[0])[0], cases[0])
    assert "Smith" not in smith.names and "Kyiv" in smith.names


def _context_afresh(text: str, q: Quantity) -> N.Context:
    """The context as `_context` read it before it kept a word's facts: every word anew."""
    left_m = list(S._WORD_RE.finditer(text, 0, q.start))[-S.WINDOW:]
    right_m = list(S._WORD_RE.finditer(text, q.end))[:S.WINDOW]
    content = [m for m in left_m if m.group().isalpha() and m.group().lower() not in S.STOP
               and len(m.group()) > 2][-S.CLOSE:] + \
        [m for m in right_m if m.group().isalpha() and m.group().lower() not in S.STOP
         and len(m.group()) > 2][:S.CLOSE]
    close_ids = {id(m) for m in content}
    c = S._context.__wrapped__(text, q.start, q.end, q.text)
    words, close, names = set(), set(), set()
    for m in left_m + right_m:
        w = m.group()
        lw = w.lower().rstrip(".").removesuffix("'s").removesuffix("’s")
        name = w.rstrip(".").removesuffix("'s").removesuffix("’s")
        if (len(name) > 1 and name[:1].isupper() and name not in S._NOT_NAMES
                and name.replace("-", "").replace("&", "").isalpha() and text[: m.start()].strip()):
            names.add(name)
        if lw.isalpha() and lw not in S.STOP and len(lw) > 2:
            words.add(S.stem(lw))
            if id(m) in close_ids:
                close.add(S.stem(lw))
    for w in S._WORD_RE.findall(q.text):
        words.discard(S.stem(w))
        close.discard(S.stem(w))
    return dataclasses.replace(copy.deepcopy(c), words=words, close=close, names=names)


def test_sentences_told_twice_pair_as_sentences_told_once(tmp_path: Path, monkeypatch):
    """Sources repeating one another's sentences word for word (a wire story's rewrites) get
    the disagreements and shared figures they get when no two sentences are taken as one."""
    demo = sorted(demo_folder().glob("*"))
    for f in demo:
        (tmp_path / f.name).write_bytes(f.read_bytes())
        (tmp_path / f"again_{f.name}").write_bytes(f.read_bytes())
    c = compare_folder(tmp_path, use_cache=False)

    def outcome():
        return ([(d.kind, d.why, [(s.sentence, s.text) for s in d.sides]) for d in c.disagreements],
                [(q.sentence, q.text, list(q.sources)) for q in c.numbers])

    shared = outcome()
    assert shared[0]
    for q in c.numbers:
        q.sources = q.sources[:1]
    monkeypatch.setattr(disagreements, "_reading_key", lambda q: (id(q),))  # every sentence its own
    findings.find_disagreements(c)
    assert outcome() == shared
