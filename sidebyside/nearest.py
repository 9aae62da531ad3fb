"""The closest sentence of each other source that a sentence is not linked to: where a reporter
looks before calling it an exclusive.

No link is not proof that no other outlet says it: on the real three- and four-outlet stories
of the team's dev set, 7% to 12% of the sentences marked unique, and a third of those left
`unlinked`, are reported by another outlet in other words (benchmarks/gold/CLAIMS.md). So the
detail of a sentence names, for each source it has no link into, that source's closest sentence
and how close it reads, and leaves the judgement to the reporter; it names the next closest too (`second`). On the
unique and unlinked claims of dev fold E (ECB+, which no model learnt from) that another outlet
reports, the closest sentence of that outlet, as ranked here, is one the labellers named in 160
of 242 cases, the closest or the next in 195 (the static model's closest alone, 116); on the
test clusters, read once after, 428 and 551 of 792 (benchmarks/SEMANTIC.md, "Twelfth session").

The ranking follows the comparison's own matching: with the transformer, the static model's
PREFILTER nearest sentences of each source are read again by the transformer; with the static
model alone, its cosine; lexical matching (`--lexical`), rapidfuzz's token set ratio (the words
in common; 1.0 when one sentence's words are all in the other). Only the MOST closest sources are
named, so a detail stays short. The static vectors of a comparison are worked out once, on the
first detail opened (about 0.3 s for 50 sources of 3,000 words, 1 s for 56,000 sentences), then
reused. Flagged sentences (boilerplate, copies) are never offered, nor a sentence the reporter
unlinked from this one (a correction says they do not make the same claim).
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

from .model import BOILERPLATE, DUPLICATE, Comparison, CorrectionKind, Sentence

PREFILTER = 8  # the static model's nearest sentences of a source the transformer reads again
MOST = 5  # sources a detail names a closest sentence for: the closest ones (a folder of fifty
# sources would list fifty sentences, and the transformer would read hundreds)


@dataclass(frozen=True)
class Closest:
    sentence: str  # its id
    similarity: float  # 0..1 as the scorer reads it (`by`)
    by: str  # how it was read: "the transformer", "meaning" (the static model) or "shared words"
    second: Closest | None = None  # the source's next closest, read the same way

    def scale(self) -> str:
        """What the number is against, where the engine has bars on that scale: the transformer
        keeps a link the other evidence makes likely from match.VETO_COS up, and makes one on its
        own from match.LIFT_COS (so "0.56" beside "from 0.55" is no link the others missed)."""
        if self.by == "the transformer":
            from .match import LIFT_COS, VETO_COS

            alone = f" and links on its own from {LIFT_COS:.2f}" if LIFT_COS is not None else ""
            return f"; it confirms likely links from {VETO_COS:.2f}{alone}"
        return ""


def closest(comparison: Comparison, sid: str, most: int = MOST) -> dict[str, Closest]:
    """For the `most` other sources closest to sentence `sid` among those it has no link into
    (nor a partial link), each one's closest unflagged sentence, by source id. Empty for a
    flagged sentence."""
    s = comparison.sentence(sid)
    if s.status in (BOILERPLATE, DUPLICATE):
        return {}
    linked = {comparison.sentence(lk.to).source for lk in s.links}
    linked |= {comparison.sentence(p.to).source for p in s.parts}
    rejected = {c.b if c.a == sid else c.a for c in comparison.corrections
                if c.kind == CorrectionKind.UNLINK and sid in (c.a, c.b) and not c.orphaned}
    pools = {src.id: [t for t in src.sentences
                      if t.status not in (BOILERPLATE, DUPLICATE) and t.id not in rejected]
             for src in comparison.sources if src.id != s.source and src.id not in linked}
    pools = {k: v for k, v in pools.items() if v}
    if not pools:
        return {}
    if comparison.semantic:
        from . import semantic as S

        if S.available():
            return _by_meaning(comparison, s, pools, most)
    from rapidfuzz import fuzz

    best = {}
    for src, pool in pools.items():
        ratios = [fuzz.token_set_ratio(s.text, t.text) / 100 for t in pool]
        best[src] = _two(sorted(zip(ratios, pool, strict=True), key=lambda x: -x[0]), "shared words")
    return _closest_sources(best, most)


def elsewhere(comparison: Comparison, sid: str) -> tuple[Sentence, Closest] | None:
    """The one closest sentence of the other sources that `sid` has no link into, with how it
    was read: the pointer the reports give each unique claim (brief, JSON, HTML)."""
    near = closest(comparison, sid)  # the MOST closest sources, as the detail reads them:
    if not near:  # with most=1 the transformer would read only two sources
        return None
    found = max(near.values(), key=lambda c: c.similarity)
    return comparison.sentence(found.sentence), found


def _two(ranked: list[tuple[float, Sentence]], by: str) -> Closest:
    """The closest of `ranked` (best first), with the next one as its `second`."""
    second = Closest(ranked[1][1].id, _unit(ranked[1][0]), by) if len(ranked) > 1 else None
    return Closest(ranked[0][1].id, _unit(ranked[0][0]), by, second)


def _by_meaning(comparison: Comparison, s: Sentence, pools: dict[str, list[Sentence]],
                most: int) -> dict[str, Closest]:
    """The static model's closest sentence of each source, the `most` closest sources; when the
    comparison's matching used the transformer, the static model's PREFILTER nearest of each of
    its 2 * `most` closest sources read again by it, and the `most` closest by its reading."""
    from . import transformer as TX

    flat = [t for pool in pools.values() for t in pool]
    vectors = _vectors(comparison)
    sims = (vectors([t.id for t in flat]) @ vectors([s.id])[0]).tolist()
    ranked: dict[str, list[tuple[float, Sentence]]] = {}
    for t, sim in zip(flat, sims, strict=True):
        ranked.setdefault(t.source, []).append((sim, t))
    for src in ranked:
        ranked[src].sort(key=lambda x: -x[0])
    static = {src: _two(r, "meaning") for src, r in ranked.items()}
    if not (comparison.transformer and TX.available()) or _failed(comparison):
        return _closest_sources(static, most)
    best = _closest_sources(static, 2 * most)  # the transformer picks the `most` among these
    tops = {src: [t for _, t in ranked[src][:PREFILTER]] for src in best}
    texts = [t.text for top in tops.values() for t in top]
    try:
        cos = iter(TX.load().cosines([s.text] * len(texts), texts).tolist())
    except Exception:  # noqa: BLE001 -- a model that will not open: the static reading stands
        _failed(comparison, now=True)  # (and is not tried again for this comparison's report)
        return _closest_sources(best, most)
    out = {}
    for src, top in tops.items():
        read = sorted(((next(cos), t) for t in top), key=lambda x: -x[0])
        out[src] = _two(read, "the transformer")
    return _closest_sources(out, most)


_FAILED: weakref.ref | None = None  # the last comparison the transformer would not read for


def _failed(comparison: Comparison, now: bool = False) -> bool:
    """Did the transformer fail for this comparison already (`now`: it just did)? A report asks
    for the closest sentence of every unique claim: a model that will not open is tried once,
    not once a claim (held weakly, for the last comparison only)."""
    global _FAILED
    if now:
        _FAILED = weakref.ref(comparison)
    return _FAILED is not None and _FAILED() is comparison


_LOCK = threading.Lock()
_LAST: tuple[weakref.ref, int, object] | None = None  # the last comparison's vectors


def _vectors(comparison: Comparison):
    """A function from sentence ids to the static model's unit vectors (rows), for every
    sentence of `comparison`, embedded once per comparison (the last one is kept, weakly)."""
    global _LAST
    from . import semantic as S

    with _LOCK:
        sentences = comparison.all_sentences()
        if _LAST is not None and _LAST[0]() is comparison and _LAST[1] == len(sentences):
            return _LAST[2]
        row = {t.id: i for i, t in enumerate(sentences)}
        matrix = S.embed([t.text for t in sentences])

        def rows(ids: list[str]):
            return matrix[[row[i] for i in ids]]

        _LAST = (weakref.ref(comparison), len(sentences), rows)
        return rows


def _closest_sources(best: dict[str, Closest], most: int) -> dict[str, Closest]:
    keep = sorted(best, key=lambda src: -best[src].similarity)[:most]
    return {src: best[src] for src in best if src in keep}


def _unit(x: float) -> float:
    return round(min(1.0, max(0.0, float(x))), 2)
