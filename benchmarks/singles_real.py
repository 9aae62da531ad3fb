""""Figures only one source gives", measured against hand-labelled entries from real news.

    python -m benchmarks.singles_real [--split dev|test|all] [-v]

Every report ends with the figures only one source gives (`Comparison.single_source_numbers`):
what a reporter checks first when a figure rests on one outlet. The labels in
benchmarks/gold/singles_real.jsonl (how they were made: gold/SINGLES.md) say, for each entry the
engine listed on the labelled BASIL and ECB+ clusters, whether it belongs there:

- `exclusive`: a real quantity no other outlet gives (right to list);
- `elsewhere`: another outlet gives the same quantity, perhaps in other words (wrong);
- `conflicting`: another outlet gives the same quantity with another value (wrong: a missed
  disagreement, never one outlet's own figure);
- `not_a_figure`: an idiom, a pronoun "one", an ordinal meaning "earlier", a rhetorical amount, a
  listicle's count, a designation or a misreading (wrong).

The engine runs on each labelled cluster (articles from ../shared/devdata or $SIDEBYSIDE_DEVDATA;
they are not in the repository) and its list is matched to the labels by overlapping character
spans in the same file. It prints:

- precision: of the listed entries that match a label, the share labelled `exclusive` (a label
  two listed entries match counts once);
- kept: of the entries labelled `exclusive`, the share still listed (a rule that empties the
  list would score a perfect precision and keep nothing);
- the wrong entries by label, with 95% intervals (whole clusters resampled,
  benchmarks/intervals.py); listed entries matching no label are listed, to be labelled.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from benchmarks import intervals

GOLD = Path(__file__).resolve().parent / "gold" / "singles_real.jsonl"
RIGHT = "exclusive"
WRONG = ("elsewhere", "conflicting", "not_a_figure")


def load_gold(split: str = "dev") -> list[dict]:
    with open(GOLD, encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    return [i for i in items if split == "all" or i["split"] == split]


def listed(folder: Path) -> list[dict]:
    """The engine's "figures only one source gives" for one folder, each as its file, its
    character span in the file, its text and how it was read."""
    from benchmarks.figures_real import _file_span
    from sidebyside.engine import compare_folder

    c = compare_folder(folder, use_cache=False)
    out = []
    for q in c.single_source_numbers():
        file, start, end = _file_span(c, q.sentence, q.start, q.end, q.text)
        out.append({"file": file, "start": start, "end": end, "text": q.text,
                    "read_as": f"{q.kind} {q.unit or ''} {q.value:g} {q.qualifier or ''}".split()})
    return out


def _label_of(entry: dict, labels: list[dict]) -> dict | None:
    """The label whose span overlaps the entry's most (same file), or None."""
    best, overlap = None, 0
    for item in labels:
        if item["file"] == entry["file"]:
            ov = min(item["end"], entry["end"]) - max(item["start"], entry["start"])
            if ov > overlap:
                best, overlap = item, ov
    return best


def score(runs: dict[str, list[dict]], labels: list[dict]) -> dict:
    """The tallies for listed entries `runs` (cluster -> entries) against `labels`: precision,
    kept, wrong entries by label, unlabelled entries, and per-cluster tallies for intervals."""
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for item in labels:
        by_cluster[item["cluster"]].append(item)
    verdicts: Counter = Counter()
    wrong, unlabelled, dropped, reread = [], [], [], []
    precision_by: dict[str, tuple[int, int]] = {}
    kept_by: dict[str, tuple[int, int]] = {}
    for cluster, items in by_cluster.items():
        seen, right, matched = set(), 0, 0
        for entry in runs.get(cluster, []):
            label = _label_of(entry, items)
            if label is None:
                unlabelled.append((cluster, entry))
                continue
            if label.get("form") == "misread" and entry["read_as"] != label.get("read_as", "").split():
                # labelled "not a figure: misread", and read otherwise now ("215 pounds" was a
                # sum of money, now a weight): the label no longer says what is listed
                reread.append((cluster, entry, label))
                continue
            if id(label) in seen:
                continue  # one labelled figure listed twice (read in two pieces) counts once
            matched += 1
            verdicts[label["label"]] += 1
            seen.add(id(label))
            if label["label"] == RIGHT:
                right += 1
            else:
                wrong.append((cluster, entry, label))
        exclusive = [i for i in items if i["label"] == RIGHT]
        dropped += [i for i in exclusive if id(i) not in seen]
        precision_by[cluster] = (right, matched)
        kept_by[cluster] = (sum(id(i) in seen for i in exclusive), len(exclusive))
    matched = sum(t for _, t in precision_by.values())
    right = sum(h for h, _ in precision_by.values())
    exclusive = sum(t for _, t in kept_by.values())
    kept = sum(h for h, _ in kept_by.values())
    return {"labels": len(labels), "listed": sum(len(v) for v in runs.values()),
            "matched": matched, "right": right, "precision": right / matched if matched else None,
            "exclusive": exclusive, "kept": kept, "kept_share": kept / exclusive if exclusive else None,
            "verdicts": verdicts, "wrong": wrong, "unlabelled": unlabelled, "dropped": dropped,
            "reread": reread,
            "precision_by": precision_by, "kept_by": kept_by}


def evaluate(split: str = "dev") -> dict:
    """Run the engine on every cluster `split`'s labels name and score its lists. Raises
    FileNotFoundError when the dev data is missing."""
    from benchmarks.claims_real import cluster_dir

    labels = load_gold(split)
    runs = {}
    for cluster in sorted({i["cluster"] for i in labels}):
        folder = cluster_dir(cluster)
        if not folder.is_dir():
            raise FileNotFoundError(f"dev data not found: {folder} (set SIDEBYSIDE_DEVDATA)")
        runs[cluster] = listed(folder)
    return {"split": split, **score(runs, labels)}


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.0f}%"


def _interval(tallies: dict[str, tuple[int, int]]) -> str:
    iv = intervals.interval(tallies)
    return "n/a" if iv is None else f"{100 * iv[0]:.0f}-{100 * iv[1]:.0f}%"


def report(r: dict, verbose: bool = False) -> str:
    out = [f"figures only one source gives ({r['split']}): {r['labels']} labelled, {r['listed']} listed",
           f"precision: {_pct(r['precision'])} ({r['right']} of {r['matched']} listed entries that "
           f"match a label are exclusive; 95% interval {_interval(r['precision_by'])})",
           f"kept:      {_pct(r['kept_share'])} ({r['kept']} of {r['exclusive']} entries labelled "
           f"exclusive still listed)",
           "wrong, by label: " + ", ".join(f"{k} {r['verdicts'][k]}" for k in WRONG)]
    if r["unlabelled"]:
        out.append(f"\nlisted entries matching no label ({len(r['unlabelled'])}), to be labelled:")
        out += [f"  {cl}/{e['file']}[{e['start']}:{e['end']}] {e['text']!r} ({' '.join(e['read_as'])})"
                for cl, e in r["unlabelled"]]
    if r["reread"]:
        out.append(f"\nlabelled misread, read otherwise now ({len(r['reread'])}; not scored, to be "
                   "labelled again):")
        out += [f"  {cl}/{e['file']} {e['text']!r}: was {lab['read_as']!r}, now "
                f"{' '.join(e['read_as'])!r}" for cl, e, lab in r["reread"]]
    if verbose:
        out.append("\nlisted but not exclusive:")
        out += [f"  {cl}/{e['file']} {e['text']!r} {lab['label']}"
                f"{' (' + lab['form'] + ')' if lab.get('form') else ''}: {lab['why']}"
                for cl, e, lab in r["wrong"]]
        out.append("\nlabelled exclusive, no longer listed:")
        out += [f"  {i['cluster']}/{i['file']} {i['text']!r}: {i['why']}" for i in r["dropped"]]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("-v", "--verbose", action="store_true", help="also list the wrong entries")
    args = ap.parse_args(argv)
    try:
        r = evaluate(args.split)
    except FileNotFoundError as e:
        print(f"singles_real: {e}", file=sys.stderr)
        return 2
    print(report(r, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
