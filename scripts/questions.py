"""Fold labelled question sets into `data/questions.yaml`, the examples `mlcareer ask` learns from.

    python3 scripts/questions.py [--into FILE] SET.yaml [SET.yaml ...]

A set is the shape `benchmarks/ask_eval.py` reads: `questions:` items with `q` and either
`topic: KEY` (or `topic: KEY|OTHER`, filed under the first; `topic: none` or `topic: related` as
the expects below) or `expect: not_covered | not_understood | related`. Each question goes under its
topic, or under `uncovered` (not covered, not understood); questions about related titles are
left out (ask recognises those by the titles' names). A question already in the file is kept once;
one the sets label two ways is left out and named. Only a set that has been measured (spent) is
ever folded in: a held-out set folded in before it is measured measures nothing. Nor is any
question of a held-out set in `HELD_OUT` an example, whichever set it comes from: people type the
same short questions ("mle hourly"), and a held-out question already among the examples would
make the held-out set measure less than it claims.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "data" / "questions.yaml"
# Held-out sets: written ones not yet measured (once measured, take them off; they may then be folded in),
# and every real set, which stays off the examples even when spent (they test what people write).
HELD_OUT = (
    "tests/ask_real_dev.yaml",
    "tests/ask_real_heldout1.yaml",
    "tests/ask_real_heldout2.yaml",
    "tests/ask_real_heldout3.yaml",
    "tests/ask_real_heldout4.yaml",
    "tests/ask_real_heldout5.yaml",
    "tests/ask_real_heldout6.yaml",
    "tests/ask_real_heldout7.yaml",
    "tests/ask_real_heldout8.yaml",
    "tests/ask_real_heldout9.yaml",
    "tests/ask_real_heldout10.yaml",
    "tests/ask_real_heldout11.yaml",
    "tests/ask_real_heldout12.yaml",
    "tests/ask_real_heldout13.yaml",
    "tests/ask_real_heldout14.yaml",
    "tests/ask_real_heldout15.yaml",
    "tests/ask_real_heldout16.yaml",
    "tests/ask_real_heldout17.yaml",
    "tests/ask_real_heldout18.yaml",
    "tests/ask_real_heldout19.yaml",
    "tests/ask_real_heldout20.yaml",
    "tests/ask_real_heldout21.yaml",
    "tests/ask_real_heldout22.yaml",
    "tests/ask_real_heldout23.yaml",
    "tests/ask_real_heldout24.yaml",
    "tests/ask_real_heldout25.yaml",
    "tests/ask_real_heldout26.yaml",
    "tests/ask_real_heldout27.yaml",
    "tests/ask_real_heldout28.yaml",
    "tests/ask_real_heldout29.yaml",
    "tests/ask_real_heldout30.yaml",
    "tests/ask_real_heldout31.yaml",
    "tests/ask_real_heldout32.yaml",
    "tests/ask_real_heldout33.yaml",
    "tests/ask_real_heldout34.yaml",
    "tests/ask_real_other_languages.yaml",
    "tests/ask_real_other_languages2.yaml",
    "tests/ask_real_other_languages3.yaml",
    "tests/ask_real_other_languages4.yaml",
    "tests/ask_real_other_languages5.yaml",
    "tests/ask_real_other_languages6.yaml",
    "tests/ask_real_other_languages7.yaml",
    "tests/ask_real_other_languages8.yaml",
    "tests/ask_real_other_languages9.yaml",
    "tests/ask_real_other_languages10.yaml",
)
UNCOVERED = "uncovered"
HEADER = """\
# Example questions for `mlcareer ask`, one per line, under the topic that answers them (or under
# `uncovered`: about something the article does not cover, or no question about the job at all).
# ask learns from them, as a second opinion on its vocabulary (README, "How ask decides"). They
# come from labelled question sets written from the article alone; a held-out set is folded in
# only after it has been measured, by `python3 scripts/questions.py SET.yaml`.
"""


def label(item: dict) -> str | None:
    if "topic" in item:  # the first of `topic: a|b`; a set may say `topic: none` or `topic: related` too
        first = str(item["topic"]).split("|")[0].strip()
        return UNCOVERED if first == "none" else None if first == "related" else first
    return UNCOVERED if item.get("expect") in ("not_covered", "not_understood", "unsure") else None


def read_set(path: Path) -> list[str]:
    return [" ".join(str(item["q"]).split()) for item in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]]


def main(argv: list[str]) -> int:
    if {"-h", "--help"} & set(argv):
        print(__doc__)
        return 0
    from mlcareer.topics import TOPIC_KEYS  # after the usage: importing mlcareer is not needed to print it

    target = TARGET
    if argv[:1] == ["--into"]:
        target, argv = Path(argv[1]), argv[2:]

    subjects = yaml.safe_load((ROOT / "data" / "roles.yaml").read_text(encoding="utf-8"))["uncovered"]
    current = yaml.safe_load(target.read_text(encoding="utf-8")) if target.exists() else {}
    labelled: dict[str, set[str]] = {}
    order: list[str] = []
    for key, block in [*((current.get("topics") or {}).items()), (UNCOVERED, current.get(UNCOVERED) or "")]:
        for line in block.splitlines():
            labelled.setdefault(line, set()).add(key)
            order.append(line)
    held_out = {question.lower() for path in HELD_OUT for question in read_set(ROOT / path)}
    for path in argv:
        for item in yaml.safe_load(Path(path).read_text(encoding="utf-8"))["questions"]:
            key = label(item)
            question = " ".join(str(item["q"]).split())
            if key is None or not question or question.lower() in held_out:
                continue
            if key in subjects:  # labelled before the data listed it as a subject the article does not cover
                key = UNCOVERED
            if key != UNCOVERED and key not in TOPIC_KEYS:
                raise SystemExit(f"{path}: unknown topic {key!r}")
            labelled.setdefault(question, set()).add(key)
            order.append(question)
    groups: dict[str, list[str]] = {key: [] for key in (*TOPIC_KEYS, UNCOVERED)}
    for question in dict.fromkeys(order):
        if question.lower() in held_out:
            continue
        keys = labelled[question]
        if len(keys) > 1:
            print(f"left out, labelled {' and '.join(sorted(keys))}: {question}", file=sys.stderr)
            continue
        groups[next(iter(keys))].append(question)
    lines = [HEADER, "topics:"]
    for key in TOPIC_KEYS:
        lines.append(f"  {key}: |")
        lines += [f"    {q}" for q in groups[key]]
    lines.append(f"{UNCOVERED}: |")
    lines += [f"  {q}" for q in groups[UNCOVERED]]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = ", ".join(f"{key} {len(qs)}" for key, qs in groups.items())
    print(f"{target}: {sum(map(len, groups.values()))} questions ({counts})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
