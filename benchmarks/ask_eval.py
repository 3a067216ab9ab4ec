"""How well `mlcareer ask` answers, on labelled question sets.

    python benchmarks/ask_eval.py [SET.yaml ...] [--misses]

Labels: `topic: KEY` is right only when ask answers with that topic; `expect: not_covered` and
`expect: not_understood` (a question the source does not cover) are right when ask answers
either of them, that is, does not answer as if the source covered it; `expect: related` with
`title:` is right when ask says the source lists that title without a profile. Reported per set:
answerable accuracy, the share of uncovered questions declined, related titles, and the
questions answered confidently wrong (answered with another topic, or answered at all when the
source does not cover them) over all questions. Without arguments: the development set only.

ask learns from the example questions in `data/questions.yaml`, which hold every spent set. With
`--unseen`, each set is scored by a model counted without that set's questions: what ask would
do on them had it never seen them (the honest figure for a set already folded into the examples).
"""

from __future__ import annotations

import argparse
import os
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "tests" / "ask_eval.yaml"
DECLINED = ("not_covered", "not_understood", "empty")


class Empty(NamedTuple):
    outcome: str = "empty"
    topic: None = None
    related: None = None


EMPTY = Empty()


class Score(NamedTuple):
    name: str
    answerable: tuple[int, int]  # right, total
    declined: tuple[int, int]  # uncovered questions not answered, total
    related: tuple[int, int]
    wrong: int  # answered confidently and wrongly, over all questions
    total: int
    confusion: dict
    misses: list


def load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]


def score(name: str, questions: list[dict], catalog) -> Score:
    from mlcareer.answers import answer
    from mlcareer.errors import UsageError

    confusion: dict[str, Counter] = defaultdict(Counter)
    counts = Counter()
    misses = []
    for item in questions:
        try:
            result = answer(catalog, item["q"])
        except UsageError:  # no words at all: a usage error, declined like the not understood
            result = EMPTY
        got = result.topic.key if result.outcome == "answered" and result.topic else result.outcome
        if "topic" in item:
            right = got == item["topic"]
            confusion[item["topic"]][got] += 1
            counts["answerable"] += 1
            counts["answerable_right"] += right
            wrong = result.outcome == "answered" and not right
        elif item["expect"] == "related":
            right = result.outcome == "related" and result.related is not None and result.related.name == item["title"]
            counts["related"] += 1
            counts["related_right"] += right
            wrong = result.outcome == "answered"
        else:
            right = result.outcome in DECLINED
            counts["uncovered"] += 1
            counts["declined"] += right
            wrong = not right and result.outcome == "answered"
        counts["wrong"] += wrong
        if not right:
            expected = item.get("topic") or item["expect"]
            misses.append((item["q"], expected, got, "CONFIDENTLY WRONG" if wrong else ""))
    return Score(name, (counts["answerable_right"], counts["answerable"]), (counts["declined"], counts["uncovered"]),
                 (counts["related_right"], counts["related"]), counts["wrong"], len(questions), confusion, misses)


def without(catalog, questions: set[str]) -> None:
    """Make ask's example model one counted without these questions."""
    from mlcareer import ask
    from mlcareer.examples import Model, read_examples

    names = [ask.words(n) for _, title, aliases in catalog.names() for n in (title, *aliases)]
    names += [ask.words(slug.replace("-", " ")) for slug, _, _ in catalog.names()]
    examples = {key: [q for q in qs if q not in questions] for key, qs in read_examples().items()}
    ask._MODELS[catalog] = Model.count(examples, names)


def ratio(pair: tuple[int, int]) -> str:
    right, total = pair
    return f"{right}/{total} = {right / total:.1%}" if total else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=[DEV_SET])
    parser.add_argument("--unseen", action="store_true", help="score each set with a model counted "
                        "without its questions (leave one set out)")
    parser.add_argument("--misses", action="store_true", help="list every miss (do not use on held-out sets "
                        "you may still tune on)")
    args = parser.parse_args()
    os.environ.setdefault("MLCAREER_NO_CACHE", "1")
    from mlcareer import load_catalog

    catalog = load_catalog()
    results = []
    for path in args.sets:
        questions = load(path)
        if args.unseen:
            without(catalog, {" ".join(str(item["q"]).split()) for item in questions})
        results.append(score(path.name + (" (unseen)" if args.unseen else ""), questions, catalog))
    print("| question set | answerable right | uncovered declined | related titles | confidently wrong (all) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for r in results:
        print(f"| {r.name} | {ratio(r.answerable)} | {ratio(r.declined)} | {ratio(r.related)} | "
              f"{ratio((r.wrong, r.total))} |")
    confusion: dict[str, Counter] = defaultdict(Counter)
    for r in results:
        for topic, counts in r.confusion.items():
            confusion[topic].update(counts)
    print("\nPer topic (expected topic: how ask answered):\n")
    print("| topic | right | answered otherwise |")
    print("| --- | ---: | --- |")
    for topic in sorted(confusion):
        counts = confusion[topic]
        others = ", ".join(f"{k} {v}" for k, v in counts.most_common() if k != topic) or "-"
        print(f"| {topic} | {counts[topic]}/{sum(counts.values())} | {others} |")
    if args.misses:
        print("\nMisses:\n")
        for r in results:
            for question, expected, got, wrong in r.misses:
                print(f"- {r.name}: \u201c{question}\u201d: expected {expected}, got {got} {wrong}".rstrip())


if __name__ == "__main__":
    main()
