"""Accuracy and per-topic confusion of `mlcareer ask` on the labelled question sets.

    python benchmarks/ask_eval.py [tests/ask_eval.yaml ...] [--markdown]

Top-1 accuracy counts a topic question as right only when ask answers (not "not sure") with
that topic. "related" and "unsure" questions are scored on their own.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = [ROOT / "tests" / name for name in ("ask_eval.yaml", "ask_heldout.yaml", "ask_heldout2.yaml")]


def evaluate(path: Path, catalog) -> dict:
    from mlcareer.ask import ask

    questions = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    confusion: dict[str, Counter] = defaultdict(Counter)
    right = total = wrong_answers = 0
    special_right = special_total = 0
    misses = []
    for item in questions:
        result = ask(catalog, item["q"])
        if "topic" in item:
            got = result.topic if result.status == "answer" else result.status
            confusion[item["topic"]][got] += 1
            total += 1
            right += got == item["topic"]
            if got != item["topic"]:
                misses.append((item["q"], item["topic"], got))
                wrong_answers += result.status == "answer"
        else:
            special_total += 1
            ok = result.status == item["expect"] and (
                item["expect"] != "related" or result.related.name == item["title"])
            special_right += ok
            if not ok:
                misses.append((item["q"], item["expect"], result.status))
    return {"name": path.name, "right": right, "total": total, "wrong_answers": wrong_answers,
            "special": (special_right, special_total), "confusion": confusion, "misses": misses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=SETS)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("MLCAREER_NO_CACHE", "1")
    from mlcareer import load_catalog

    catalog = load_catalog()
    results = [evaluate(path, catalog) for path in args.sets]
    print("| question set | top-1 accuracy | confidently wrong | unsure | related titles and nonsense |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for r in results:
        unsure = r["total"] - r["right"] - r["wrong_answers"]
        print(f"| {r['name']} | {r['right']}/{r['total']} = {r['right'] / r['total']:.1%} | {r['wrong_answers']} | "
              f"{unsure} | {r['special'][0]}/{r['special'][1]} |")
    confusion: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        for topic, counts in r["confusion"].items():
            confusion[topic].update(counts)
    print("\nPer topic, all sets (expected topic: how ask answered):\n")
    print("| topic | right | answered otherwise |")
    print("| --- | ---: | --- |")
    for topic in sorted(confusion):
        counts = confusion[topic]
        total = sum(counts.values())
        others = ", ".join(f"{k} {v}" for k, v in counts.most_common() if k != topic) or "-"
        print(f"| {topic} | {counts[topic]}/{total} | {others} |")
    print("\nMisses:\n")
    for r in results:
        for question, expected, got in r["misses"]:
            print(f"- {r['name']}: \u201c{question}\u201d: expected {expected}, got {got}")


if __name__ == "__main__":
    main()
