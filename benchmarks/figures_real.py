"""Numeric disagreements measured against hand-labelled figure pairs from real news.

    python -m benchmarks.figures_real [--split dev|test|all] [--engine-links] [-v]

Reads the labels in benchmarks/gold/figures_real.jsonl (how they were made: gold/FIGURES.md) and
the articles they point into from ../shared/devdata (or $SIDEBYSIDE_DEVDATA); the articles are
not in the repository. For every BASIL / ECB+ cluster a label refers to, the engine compares the
folder; for every MRPC pair, its two sentences are two one-sentence sources compared by the
engine's own findings (`_mrpc_comparison`: read_numbers, find_disagreements), linked as if the
engine had linked them (a harsh reading: every pair's figures are paired), or with
--engine-links as the engine links them when it matches the pairs as claims_real does (what the
app would show). Then:

- precision: of the shown disagreement pairs that match a label, how many are labelled conflict
  (shown pairs matching no label are listed, so they can be labelled);
- recall: of the labelled conflicts, how many are shown;
- not_a_quantity: labelled datelines, timestamps and designations the reader reads as quantities;
- both shares by corpus (the multi-outlet folders apart from MRPC's single sentences), and their
  95% intervals for the folders, for MRPC and for all, whole clusters and MRPC pairs resampled
  (benchmarks/intervals.py).

A shown disagreement with several sides counts as one pair per two sides from different sources
whose readings differ (value, hedge, or two different named units). A shown pair matches a label when both figures'
character spans overlap the labelled spans (in either order).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from benchmarks import intervals

GOLD = Path(__file__).resolve().parent / "gold" / "figures_real.jsonl"
DEVDATA = Path(os.environ.get("SIDEBYSIDE_DEVDATA") or Path(__file__).resolve().parents[2] / "shared" / "devdata")

# A span: (where, start, end); where is ("basil", cluster, file) or ("mrpc", pair_index, sentence).


def load_gold(split: str = "all") -> list[dict]:
    with open(GOLD, encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    return [i for i in items if split == "all" or i["split"] == split]


def _span(item: dict, side: str) -> tuple:
    s = item[side]
    if item["corpus"] == "mrpc":
        return (("mrpc", s["pair_index"], s["sentence"]), s["start"], s["end"])
    return ((item["corpus"], s["cluster"], s["file"]), s["start"], s["end"])


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def _file_span(comparison, sentence_id: str, start: int, end: int, text: str) -> tuple[str, int, int]:
    """A span in a sentence's display text -> the source file name and offsets into the file."""
    s = comparison.sentence(sentence_id)
    src = comparison.source(s.source)
    raw = src.text[s.start : s.end]
    if raw == s.text:
        return src.file, s.start + start, s.start + end
    i = raw.find(text)  # display text folds whitespace; the figure itself is usually unchanged
    return (src.file, s.start + i, s.start + i + len(text)) if i >= 0 else (src.file, s.start, s.end)


def _differ(x, y) -> bool:
    """Two sides of one disagreement that read differently: value, hedge, or two named units. A
    relative date is read as its words ("two years ago" / "more than two years ago")."""
    if x.qualifier == y.qualifier == "relative":
        return " ".join(x.text.lower().split()) != " ".join(y.text.lower().split())
    return x.value != y.value or x.qualifier != y.qualifier or bool(x.unit and y.unit and x.unit != y.unit)


def _shown_pairs(c, span) -> list[dict]:
    """The comparison's shown disagreements as pairs of sides from two sources that read
    differently (`_differ`), each side as a span (`span(side)`)."""
    return [{"a": span(x), "b": span(y), "texts": (x.text, y.text), "kind": d.kind}
            for d in c.disagreements for x, y in combinations(d.sides, 2)
            if x.source != y.source and _differ(x, y)]


def _cluster_run(corpus: str, cluster: str) -> tuple[list, list]:
    """Shown disagreement pairs and every quantity read, as spans, for one cluster folder."""
    from sidebyside.engine import compare_folder

    c = compare_folder(DEVDATA / corpus / "clusters" / cluster, use_cache=False)
    where = lambda file: (corpus, cluster, file)  # noqa: E731

    def span(side) -> tuple:
        f = _file_span(c, side.sentence, side.start, side.end, side.text)
        return (where(f[0]), f[1], f[2])

    pairs = _shown_pairs(c, span)
    read = []
    for s in c.all_sentences():
        for q in s.numbers:
            f = _file_span(c, s.id, q.start, q.end, q.text)
            read.append(((where(f[0]), f[1], f[2]), q.kind, q.text))
    return pairs, read


def _mrpc_sentences() -> dict[int, tuple[str, str]]:
    with open(DEVDATA / "mrpc" / "mrpc_train.tsv", encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {int(r["pair_index"]): (r["sentence1"], r["sentence2"]) for r in rows}


AS_IF_LINKED = 0.5  # the link MRPC pairs are paired at when all are read as if linked


def _mrpc_links(indices: list[int]) -> dict[int, float | None]:
    """The link the engine makes between each MRPC pair's two sentences when it matches them as
    `claims_real` does (folders of MRPC_FOLDER pairs, no leads), by its score; None when it
    makes none. A link the transformer turned down counts at its static score: the app still
    pairs its figures (`MatchRun.near`)."""
    from benchmarks import claims_real as CR
    from sidebyside import match as M

    want, out = set(indices), {}
    with CR.no_leads():
        for chunk, sources in CR.mrpc_folders(CR._mrpc_rows()):
            if not want & {int(r["pair_index"]) for r in chunk}:
                continue
            run = M.match(sources)
            score = {(s.id, ln.to): ln.score for s in sources[0].sentences for ln in s.links}
            for a, b, sc in run.near:
                score.setdefault((a, b), sc)
                score.setdefault((b, a), sc)
            for k, r in enumerate(chunk):
                if int(r["pair_index"]) in want:
                    out[int(r["pair_index"])] = score.get((f"a:{k}", f"b:{k}"))
    return out


def _mrpc_comparison(s1: str, s2: str, link: float | None):
    """A comparison of two sources of one sentence each, the two linked at `link` (None: not
    linked), with their figures read and compared by the engine's own findings
    (`read_numbers`, `find_disagreements`): what the app shows for these two sentences."""
    from sidebyside import findings as F
    from sidebyside.model import Comparison, Link, Paragraph, Sentence, Source

    sources = []
    for name, text in (("a", s1), ("b", s2)):
        sentence = Sentence(id=f"{name}:0", source=name, paragraph=0, index=0, text=text,
                            start=0, end=len(text))
        para = Paragraph(source=name, index=0, start=0, end=len(text), sentences=[sentence.id])
        sources.append(Source(id=name, file=f"{name}.txt", path=f"{name}.txt", title=name,
                              text=text, paragraphs=[para], sentences=[sentence]))
    a, b = sources[0].sentences[0], sources[1].sentences[0]
    if link is not None:
        a.links.append(Link(to=b.id, score=link, kind="near"))
        b.links.append(Link(to=a.id, score=link, kind="near"))
        a.status = b.status = F.SHARED
    c = Comparison(folder="mrpc", sources=sources)
    F.read_numbers(c)
    F.find_disagreements(c)
    return c


def _mrpc_run(index: int, s1: str, s2: str, link: float | None = AS_IF_LINKED) -> tuple[list, list]:
    """The number comparison on one MRPC pair, as the app makes it (`_mrpc_comparison`): its two
    sentences linked at `link`, or with link None not linked (the unlinked rules)."""
    c = _mrpc_comparison(s1, s2, link)
    where = {"a": ("mrpc", index, "sentence1"), "b": ("mrpc", index, "sentence2")}
    pairs = _shown_pairs(c, lambda side: (where[side.source], side.start, side.end))
    read = [((where[s.source], q.start, q.end), q.kind, q.text) for s in c.all_sentences() for q in s.numbers]
    return pairs, read


def _best_label(pair: dict, labels: list[dict]) -> dict | None:
    best, best_overlap = None, 0
    for item in labels:
        if "b" not in item:
            continue
        la, lb = _span(item, "a"), _span(item, "b")
        for x, y in ((la, lb), (lb, la)):
            if _overlaps(pair["a"], x) and _overlaps(pair["b"], y):
                ov = min(pair["a"][2], x[2]) - max(pair["a"][1], x[1]) + min(pair["b"][2], y[2]) - max(pair["b"][1], y[1])
                if ov > best_overlap:
                    best, best_overlap = item, ov
    return best


def evaluate(split: str = "dev", engine_links: bool = False) -> dict:
    """Precision, recall and not-a-quantity reads of the engine on the labelled pairs of `split`
    ("dev", "test" or "all"). MRPC pairs are read as if linked, or with `engine_links` as the
    engine links them (`_mrpc_links`). Raises FileNotFoundError when the devdata folder is
    missing."""
    if not DEVDATA.is_dir():
        raise FileNotFoundError(f"devdata not found at {DEVDATA} (set SIDEBYSIDE_DEVDATA)")
    items = load_gold(split)
    shown, read = [], []
    for corpus, cluster in sorted({(i["corpus"], i["cluster"]) for i in items if i["corpus"] != "mrpc"}):
        p, r = _cluster_run(corpus, cluster)
        shown += p
        read += r
    mrpc_indices = sorted({i["pair_index"] for i in items if i["corpus"] == "mrpc"})
    if mrpc_indices:
        sentences = _mrpc_sentences()
        links = _mrpc_links(mrpc_indices) if engine_links else {}
        for index in mrpc_indices:
            p, r = _mrpc_run(index, *sentences[index], links.get(index) if engine_links else AS_IF_LINKED)
            shown += p
            read += r

    matched, unmatched, shown_ids = [], [], set()
    for pair in shown:
        label = _best_label(pair, items)
        if label is None:
            unmatched.append(pair)
        else:
            matched.append((pair, label))
            shown_ids.add(label["id"])
    true_shown = [m for m in matched if m[1]["label"] == "conflict"]
    conflicts = [i for i in items if i["label"] == "conflict"]
    missed = [i for i in conflicts if i["id"] not in shown_ids]

    naq = [i for i in items if i["kind"] == "not_a_quantity"]
    naq_read = []
    for item in naq:
        spans = [_span(item, side) for side in ("a", "b") if side in item]
        hits = [(q, kind) for span in spans for (q, kind, _) in read
                if _overlaps(q, span) and kind not in item.get("read_ok", [])]
        if hits:
            naq_read.append((item, [t for (q, kind, t) in read if any(_overlaps(q, s) for s in spans)]))

    def ratio(a: int, b: int) -> float | None:
        return a / b if b else None

    # Each story's (or MRPC pair's) own tallies, for the intervals (benchmarks/intervals.py) and
    # the figures by corpus: folders of whole articles read apart from MRPC's single sentences.
    precision_by: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    recall_by: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _, label in matched:
        precision_by[_unit(label)][0] += label["label"] == "conflict"
        precision_by[_unit(label)][1] += 1
    for i in conflicts:
        recall_by[_unit(i)][0] += i["id"] in shown_ids
        recall_by[_unit(i)][1] += 1

    return {
        "split": split,
        "items": len(items),
        "shown_pairs": len(shown),
        "shown_matched": len(matched),
        "shown_true": len(true_shown),
        "precision": ratio(len(true_shown), len(matched)),
        "false_shown": [(p, label) for p, label in matched if label["label"] != "conflict"],
        "unmatched": unmatched,
        "conflicts": len(conflicts),
        "recalled": len(conflicts) - len(missed),
        "recall": ratio(len(conflicts) - len(missed), len(conflicts)),
        "missed": missed,
        "not_a_quantity": len(naq),
        "not_a_quantity_read": naq_read,
        "precision_by": {u: tuple(v) for u, v in precision_by.items()},
        "recall_by": {u: tuple(v) for u, v in recall_by.items()},
    }


def _unit(item: dict) -> str:
    """What a label belongs to when stories are resampled: its cluster, or its MRPC pair."""
    return f"mrpc:{item['pair_index']}" if item["corpus"] == "mrpc" else f"{item['corpus']}:{item['cluster']}"


def by_corpus(tallies: dict[str, tuple[int, int]]) -> str:
    """'basil 12/13, ecbplus 20/21, mrpc 30/40': the tallies summed per corpus."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for unit, (hits, total) in tallies.items():
        sums[unit.split(":")[0]][0] += hits
        sums[unit.split(":")[0]][1] += total
    return ", ".join(f"{corpus} {h}/{t}" for corpus, (h, t) in sorted(sums.items()))


def _where(span: tuple) -> str:
    (corpus, cluster, file), start, end = span
    return f"{corpus}:{cluster}/{file}[{start}:{end}]"


def _interval(tallies: dict[str, tuple[int, int]], keep=lambda unit: True) -> str:
    iv = intervals.interval({u: t for u, t in tallies.items() if keep(u)})
    return "n/a" if iv is None else f"{100 * iv[0]:.0f}-{100 * iv[1]:.0f}%"


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("-v", "--verbose", action="store_true", help="also list false and missed conflicts")
    ap.add_argument("--engine-links", action="store_true",
                    help="pair MRPC sentences as the engine links them (default: as if linked)")
    args = ap.parse_args(argv)
    try:
        r = evaluate(args.split, args.engine_links)
    except FileNotFoundError as e:
        print(f"figures_real: {e}", file=sys.stderr)
        return 2
    print(f"figure pairs ({r['split']}): {r['items']} labelled, {r['shown_pairs']} disagreement pairs shown")
    print(f"precision: {_pct(r['precision'])} ({r['shown_true']} of {r['shown_matched']} shown pairs that match a label are real conflicts)")
    print(f"recall:    {_pct(r['recall'])} ({r['recalled']} of {r['conflicts']} labelled conflicts shown)")
    print(f"not_a_quantity read as quantities: {len(r['not_a_quantity_read'])} of {r['not_a_quantity']}")
    print(f"by corpus: precision {by_corpus(r['precision_by'])}; recall {by_corpus(r['recall_by'])}")
    print("95% intervals, clusters and MRPC pairs resampled: " + "; ".join(
        f"{name} precision {_interval(r['precision_by'], keep)}, recall {_interval(r['recall_by'], keep)}"
        for name, keep in (("folders (BASIL, ECB+)", lambda u: not u.startswith("mrpc:")),
                           ("MRPC", lambda u: u.startswith("mrpc:")), ("all", lambda u: True))))
    if r["unmatched"]:
        print(f"\nshown pairs matching no label ({len(r['unmatched'])}), to be labelled:")
        for p in r["unmatched"]:
            print(f"  {p['kind']}: {p['texts'][0]!r} {_where(p['a'])} vs {p['texts'][1]!r} {_where(p['b'])}")
    if args.verbose:
        print("\nshown but labelled no_conflict:")
        for p, label in r["false_shown"]:
            print(f"  {label['id']} {label['kind']}: {p['texts'][0]!r} vs {p['texts'][1]!r} -- {label['why']}")
        print("\nlabelled conflicts not shown:")
        for i in r["missed"]:
            print(f"  {i['id']} {i['kind']}: {i['a']['text']!r} vs {i['b']['text']!r} -- {i['why']}")
        print("\nnot_a_quantity read as quantities:")
        for i, texts in r["not_a_quantity_read"]:
            print(f"  {i['id']}: {i['a']['text']!r} read as {texts} -- {i['why']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
