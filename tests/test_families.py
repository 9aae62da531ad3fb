"""Source families (issue 17): copies found, independent outlets kept apart, independent counts.

Built from the real seed articles in seeds/ (two outlets on one event) and the fictional demo; the
rewrites are made by the benchmark's `rewrite` (a fifth of the sentences reworded, sentences and
paragraphs reordered). Nothing here reads the team's dev data: the figures on real news are in
benchmarks/FAMILIES.md (python -m benchmarks.families_real).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from benchmarks.families_real import reword, rewrite, sources_of
from sidebyside import families as F
from sidebyside.engine import compare_documents, demo_folder
from sidebyside.load import Document
from sidebyside.model import Link, Sentence

ROOT = Path(__file__).resolve().parents[1]
SEED_A = (ROOT / "seeds" / "000_916253fb8a4547ac.txt").read_text(encoding="utf-8")
SEED_B = (ROOT / "seeds" / "001_8599a7e53875829e.txt").read_text(encoding="utf-8")
DEMO = {p.name: p.read_text(encoding="utf-8") for p in sorted(demo_folder().iterdir())
        if p.suffix in (".txt", ".md")}


def copies_folder() -> dict[str, str]:
    """Seed article 000, two rewrites of it, and the other outlet's report of the same event."""
    return {
        "000_story.txt": SEED_A,
        "r1_rewrite.txt": rewrite(SEED_A, "r1"),
        "r2_rewrite.txt": rewrite(SEED_A, "r2", cut=0.15),
        "001_other.txt": SEED_B,
    }


@pytest.fixture(scope="module")
def copies():
    docs = [Document(name, name, text, "utf-8") for name, text in sorted(copies_folder().items())]
    return compare_documents(docs)


def _share(copied: list[F.Copied], a: str, b: str) -> float:
    return next((c.share for c in copied if (c.a, c.b) == (a, b)), 0.0)


# --------------------------------------------------------------------------- the rewrites


def test_rewrite_rewords_a_fifth_and_reorders_deterministically():
    one, again, other = rewrite(SEED_A, "r1"), rewrite(SEED_A, "r1"), rewrite(SEED_A, "r2")
    assert one == again and one != other
    original = {s for p in SEED_A.split("\n\n") for s in p.split(". ")}
    kept = {s for p in one.split("\n\n") for s in p.split(". ")}
    assert 0.6 < len(original & kept) / len(original) < 0.95  # most sentences as written, not all
    assert SEED_A.split("\n\n")[1:4] != one.split("\n\n")[1:4]  # paragraphs moved
    sentence = "The mayor said on Monday, after the meeting, that the roads would close."
    assert reword(sentence, random.Random(1)) != sentence


# --------------------------------------------------------------------------- families


def test_story_two_rewrites_and_another_outlet_make_two_families(copies):
    copied = F.copied_shares(copies.sources)
    assert F.families(copies.sources, copied) == [["000", "r1", "r2"], ["001"]]
    # Most of each rewrite comes from the story; little of the other outlet comes from anyone.
    for r in ("r1", "r2"):
        assert _share(copied, r, "000") > 0.6
        assert _share(copied, "000", r) > 0.5
    for other in ("000", "r1", "r2"):
        assert _share(copied, "001", other) < 0.15
        assert _share(copied, other, "001") < 0.15


def test_families_order_follows_the_sources():
    srcs = sources_of({"z_other.txt": SEED_B, **{f"{k}_copy.txt": t for k, t in
                       zip("bca", list(copies_folder().values())[:3], strict=True)}})
    assert [s.id for s in srcs] == ["a", "b", "c", "z"]  # sorted by file name
    assert F.families(srcs, F.copied_shares(srcs)) == [["a", "b", "c"], ["z"]]
    assert F.families(list(reversed(srcs)), F.copied_shares(srcs)) == [["z"], ["c", "b", "a"]]


def test_the_two_seed_outlets_are_separate_families():
    srcs = sources_of({"000.txt": SEED_A, "001.txt": SEED_B})
    copied = F.copied_shares(srcs)
    assert all(c.share < F.THRESHOLD for c in copied)
    assert F.families(srcs, copied) == [["000"], ["001"]]


def test_the_demo_outlets_are_independent():
    srcs = sources_of(DEMO)
    assert F.families(srcs, F.copied_shares(srcs)) == [["coastal"], ["harbour"], ["valley"]]


def test_a_shared_quotation_does_not_make_a_family():
    """The other outlet quotes every quotation of the seed story (with its own attribution): its
    prose is still its own. Counted as prose, the quotations would make both shares grow."""
    quotations = re.findall(r"“[^”]+”", SEED_A.split("Copyright")[0])
    assert sum(len(q.split()) for q in quotations) > 40
    own = SEED_B.rstrip("\n") + "\n\n" + "\n\n".join(
        f"{q} an official told our correspondent in Seoul." for q in quotations) + "\n"
    srcs = sources_of({"000.txt": SEED_A, "001.txt": own})
    stripped, kept = F.copied_shares(srcs), F.copied_shares(srcs, quotes=True)
    assert F.families(srcs, stripped) == [["000"], ["001"]]
    assert _share(stripped, "001", "000") < F.REPORTED < 0.1 < _share(kept, "001", "000")
    assert _share(kept, "000", "001") > _share(stripped, "000", "001") + 0.08


def test_a_short_rewrite_is_mostly_the_story_but_not_the_other_way():
    wire = DEMO["coastal_wire.md"]
    srcs = sources_of({"a.md": wire, "b.txt": rewrite(wire, "short", cut=0.6)})
    copied = F.copied_shares(srcs)
    assert _share(copied, "b", "a") > 0.7
    assert _share(copied, "b", "a") > _share(copied, "a", "b") + 0.3
    assert F.families(srcs, copied) == [["a", "b"]]


def test_shares_are_fractions_and_every_source_is_in_one_family(copies):
    copied = F.copied_shares(copies.sources, minimum=0.0)
    ids = [s.id for s in copies.sources]
    assert copied and all(0.0 <= c.share <= 1.0 and c.a != c.b for c in copied)
    assert all(c.a in ids and c.b in ids for c in copied)
    for threshold in (0.0, 0.1, F.THRESHOLD, 0.9, 1.01):
        fams = F.families(copies.sources, copied, threshold)
        members = [sid for f in fams for sid in f]
        assert sorted(members) == sorted(ids)  # each exactly once
    assert len(F.families(copies.sources, copied, 1.01)) == len(ids)  # nothing that high: singletons


def test_deterministic_and_independent_of_the_sources_order(copies):
    once = F.copied_shares(copies.sources)
    assert F.copied_shares(copies.sources) == once
    backwards = list(reversed(copies.sources))
    assert {(c.a, c.b, c.share) for c in F.copied_shares(backwards)} == {(c.a, c.b, c.share) for c in once}
    assert sorted(map(sorted, F.families(backwards, F.copied_shares(backwards)))) == sorted(
        map(sorted, F.families(copies.sources, once)))
    assert F.families(["x", "y", "z"], [F.Copied("z", "x", 0.9)]) == [["x", "z"], ["y"]]


def test_copied_leaves_out_small_shares_and_few_words():
    srcs = sources_of({"000.txt": SEED_A, "001.txt": SEED_B})
    share, covered = F.share_matrix([F.prose_terms(s) for s in srcs])
    assert 0 < share[0, 1] < F.REPORTED * 2  # the two outlets share a few phrases
    assert F.copied_shares(srcs, minimum=share[0, 1] + 0.001) == []
    tiny = sources_of({"a.txt": "One two three four five six seven eight.\n",
                       "b.txt": "One two three four five six seven eight.\n"})
    assert F.share_matrix([F.prose_terms(s) for s in tiny])[0][0, 1] == 1.0
    assert F.copied_shares(tiny) == []  # fewer than MIN_COVERED terms: no evidence of copying


def test_nothing_to_compare():
    assert F.copied_shares([]) == [] and F.families([], []) == []
    one = sources_of({"a.txt": SEED_A})
    assert F.copied_shares(one) == [] and F.families(one, []) == [["a"]]
    empty = sources_of({"a.txt": SEED_A, "b.txt": "Copyright 2025 Nobody. All rights reserved.\n"})
    assert F.prose_terms(empty[1]) == []
    assert F.copied_shares(empty, minimum=0.0) == []
    assert F.families(empty, F.copied_shares(empty)) == [["a"], ["b"]]


# --------------------------------------------------------------------------- prose


def test_strip_quotes():
    assert F.strip_quotes('He said "we will rebuild" on Monday.') == "He said   on Monday."
    assert F.strip_quotes("She said “it is over” and “done”.") == "She said   and  ."
    assert F.strip_quotes('"It goes on into the next paragraph') == ""
    assert F.strip_quotes("No quotes, it's plain.") == "No quotes, it's plain."


def test_prose_leaves_out_boilerplate_and_repeats():
    src = sources_of({"000.txt": SEED_A})[0]
    terms = F.prose_terms(src)
    assert "copyright" not in terms  # the footer is boilerplate
    assert "bournemouth" not in terms  # the "More Worthy News" headlines too
    assert "mishustin" in terms


# --------------------------------------------------------------------------- counts and labels


def test_independent_count_on_a_compared_folder(copies):
    fams = F.families(copies.sources, F.copied_shares(copies.sources))
    singletons = [[s.id] for s in copies.sources]
    # A claim both outlets report: four sources, two independent.
    some600 = next(s for s in copies.source("000").sentences if "some 600 North Korean troops" in s.text)
    linked = {copies.sentence(ln.to).source for ln in some600.links}
    assert "001" in linked and linked & {"r1", "r2"}, linked
    assert F.independent_count(some600, copies, fams) == 2
    assert F.independent_count(some600, copies, singletons) == 1 + len(linked)
    # A claim only the wire family has: repeated, one source.
    inept = next(s for s in copies.source("000").sentences if "less inept" in s.text)
    assert {copies.sentence(ln.to).source for ln in inept.links} == {"r1", "r2"}
    assert F.independent_count(inept, copies, fams) == 1
    assert F.independent_count(inept, copies, singletons) == 3
    assert F.confirmations(some600, copies, fams) == f"{1 + len(linked)} sources, 2 independent"
    assert F.confirmations(inept, copies, fams) == "3 sources, one source repeated"
    assert F.confirmations(inept, copies, singletons) == "3 sources, all independent"
    assert F.reporting_sources(inept, copies) == {"000", "r1", "r2"}
    counts = F.independent_counts(copies, fams)
    assert set(counts) == {s.id for s in copies.all_sentences()}
    assert counts[some600.id] == 2 and counts[inept.id] == 1
    assert all(1 <= n <= len(fams) for n in counts.values())


def test_independent_count_by_ids_and_lookup():
    s = Sentence("ap:3", "ap", 0, 3, "x", 0, 1, links=[
        Link("herald:1", 0.9, "near"), Link("gazette:7", 0.8, "near"), Link("times:2", 0.7, "near")])
    fams = [["ap", "herald", "gazette"], ["times"]]
    assert F.independent_count(s, None, fams) == 2
    assert F.independent_count(s, None, F.family_of(fams)) == 2
    assert F.independent_count(s, {}, [["ap"], ["herald"], ["gazette"], ["times"]]) == 4
    assert F.independent_count(Sentence("ap:1", "ap", 0, 1, "y", 0, 1), None, fams) == 1
    assert F.confirmations(Sentence("ap:1", "ap", 0, 1, "y", 0, 1), None, fams) == "1 source"
    assert F.confirmations(s, None, fams) == "4 sources, 2 independent"
    lookup = {"herald:1": Sentence("herald:1", "times", 0, 1, "z", 0, 1)}  # the lookup wins over the id
    assert F.independent_count(Sentence("ap:2", "ap", 0, 2, "w", 0, 1, links=[Link("herald:1", 1, "exact")]),
                               lookup, fams) == 2


def test_family_labels():
    assert F.family_label(["ap", "herald", "gazette"]) == "wire: ap, herald, gazette"
    assert F.family_label(["ap"]) == "ap"
    assert F.family_label(["a", "b"], {"a": "AP", "b": "Herald"}) == "wire: AP, Herald"
    assert F.family_labels([["ap", "herald"], ["times"]]) == ["wire: ap, herald"]
    assert F.family_labels([["ap"], ["times"]]) == []
