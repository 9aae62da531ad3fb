"""Links against ECB+'s gold event coreference: a second real check of what matching links.

    python -m benchmarks.events_real                 # dev: clusters of even topic numbers
    python -m benchmarks.events_real --split test    # odd topic numbers (report only)

ECB+ (the team's dev data, SIDEBYSIDE_DEVDATA; see its README) gives, for 20 clusters of 4 news
articles about one real event, the sentences that mention an annotated event and the pairs of
sentences of two articles that mention the same event instance (`crossdoc_event_sentence_links`).
Its files hold one sentence a line, so a line is an engine paragraph and the engine sentences of
a line are that gold sentence.

Sharing an event is looser than making the same claim ("the Academy picked Ellen DeGeneres" and
"the Academy's pick drew cheers" share the pick), so this is no recall target: recall here is the
share of event pairs linked. Precision is the telling figure: of the engine's links between two
annotated sentences, the share whose sentences share an event instance. A link between two
annotated sentences that share none joins two different events: almost surely a false link.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import defaultdict
from pathlib import Path

from benchmarks.quality import semantic_mode
from sidebyside import semantic
from sidebyside.engine import compare_folder

DEVDATA = Path(os.environ.get("SIDEBYSIDE_DEVDATA", "/work/shared/devdata"))


def _rows(name: str) -> list[dict]:
    with open(DEVDATA / "ecbplus" / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _in_split(cluster: str, split: str) -> bool:
    even = int(cluster[5:7]) % 2 == 0  # topicNN_...
    return split == "all" or (split == "dev") == even


def evaluate(split: str = "dev") -> dict:
    annotated: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for r in _rows("sentences.tsv"):
        if r["has_crossdoc_event_mention"] == "yes" and _in_split(r["cluster"], split):
            annotated[r["cluster"]].add((r["file"], int(r["paragraph_index"])))
    gold: dict[str, set[frozenset]] = defaultdict(set)
    for r in _rows("crossdoc_event_sentence_links.tsv"):
        if _in_split(r["cluster"], split):
            gold[r["cluster"]].add(frozenset(((r["file1"], int(r["paragraph_index1"])),
                                              (r["file2"], int(r["paragraph_index2"])))))
    links = right = linked_gold = gold_total = 0
    clusters = sorted(set(annotated) | set(gold))
    for cluster in clusters:
        c = compare_folder(DEVDATA / "ecbplus" / "clusters" / cluster, use_cache=False)
        file_of = {src.id: src.file for src in c.sources}
        line = {s.id: (file_of[s.source], s.paragraph) for s in c.all_sentences()}
        pairs = {frozenset((line[s.id], line[ln.to])) for s in c.all_sentences() for ln in s.links}
        pairs = {p for p in pairs if len(p) == 2}
        for p in pairs:
            if all(side in annotated[cluster] for side in p):
                links += 1
                right += p in gold[cluster]
        gold_total += len(gold[cluster])
        linked_gold += len(gold[cluster] & pairs)
    return {"clusters": len(clusters), "links": links, "right": right,
            "precision": right / links if links else None,
            "gold": gold_total, "linked_gold": linked_gold,
            "recall": linked_gold / gold_total if gold_total else None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.events_real")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    args = ap.parse_args(argv)
    if not (DEVDATA / "ecbplus" / "sentences.tsv").is_file():
        print(f"dev data not found at {DEVDATA} (set SIDEBYSIDE_DEVDATA)")
        return 2
    modes = [("lexical", False)] + ([("semantic", True)] if semantic.available() else [])
    for label, on in modes:
        with semantic_mode(on):
            r = evaluate(args.split)
        print(f"[{label}, {args.split}] {r['clusters']} ECB+ clusters")
        print(f"  links between annotated sentences that share an event: "
              f"{r['precision']:.3f} ({r['right']}/{r['links']})")
        print(f"  event pairs linked: {r['recall']:.3f} ({r['linked_gold']}/{r['gold']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
