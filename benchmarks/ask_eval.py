"""How well `mlcareer ask` answers, on labelled question sets, beside the previous build and a baseline.

    python benchmarks/ask_eval.py [SET.yaml ...] [--unseen] [--previous REV] [--baseline] [--curves] [--misses]

Two shapes of set are read:

- **Labelled by /work/shared/ASK_LABELS.md** (`label: "a|b"`, the real sets): a question's first
  label decides what it is: a topic key (answerable), `none` (not covered), `related`; `outlook`
  reads as `none|pros_cons`, as the rubric asks. Scored exactly as ASK_LABELS says: answerable
  questions are right when answered with a topic one of their labels names (`path` and
  `education` are one family, `salary` and `hourly` too); not-covered ones when not answered with
  a topic (`not_covered`, `not_understood` and `related` all decline); related ones when answered
  `related`; and, over the whole set, confidently wrong is answered with a topic none of the labels
  names (the same families).
- **Written sets** (`topic: KEY` / `expect: ...`), scored as since issue 10: `topic: KEY` is right
  only when ask answers with that topic; `expect: not_covered` and `expect: not_understood` are
  right when ask does not answer; `expect: related` with `title:` when ask names that title as
  listed without a profile; confidently wrong is answered with another topic, or answered at all
  when the source does not cover the question.

Each set is scored for this checkout; with `--previous REV`, also for that commit's build (its
`src` and `data`, taken with `git archive` into benchmarks/out and run in a subprocess with this
script), and with `--baseline`, for TF-IDF and logistic regression trained on the same example
questions (`benchmarks/baseline.py`, scikit-learn: `pip install -e '.[eval]'`). `--curves` adds,
per set, answered-right and confidently-wrong as a confidence threshold moves (an answer below
it counts as declined) and the answerable share right within a confidently-wrong budget.

ask learns from the example questions in `data/questions.yaml`, which hold every spent set. With
`--unseen`, each set is scored by models counted without that set's questions (ask's examples,
the previous build's, the baseline's): what they would do on them had they never seen them.
Without arguments: the development set only.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEV_SET = ROOT / "tests" / "ask_eval.yaml"
DECLINED = ("not_covered", "not_understood", "empty")
FAMILY = {"education": "path", "hourly": "salary"}  # ASK_LABELS: one family each for "answered right"
EXPANDED = {"outlook": ("none", "pros_cons")}  # ASK_LABELS: outlook questions are none|pros_cons
THRESHOLDS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99)
BUDGETS = (0.01, 0.02, 0.05)  # confidently-wrong budgets the curve summary reads at


class Item(NamedTuple):
    q: str
    labels: tuple[str, ...]  # the first decides: a topic key, "none" or "related"
    title: str | None = None  # written sets: the related title expected
    rubric: bool = False  # scored by ASK_LABELS (families), not the written sets' exact topic


class Pred(NamedTuple):
    outcome: str
    topic: str | None  # answered: the topic
    related: str | None  # related: the title's name
    confidence: float


EMPTY = Pred("empty", None, None, 0.0)


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
    return yaml.safe_load(path.read_text(encoding="utf-8"))["questions"] or []


def item(raw: dict) -> Item:
    """A set's question in one shape, whichever shape the set is written in."""
    q = str(raw["q"])
    if "label" in raw or "|" in str(raw.get("topic", "")):  # written sets may give two topics too (`topic: a|b`)
        labels: list[str] = []
        for label in str(raw.get("label", raw.get("topic"))).split("|"):
            labels += EXPANDED.get(label.strip(), (label.strip(),))
        return Item(q, tuple(dict.fromkeys(labels)), None, True)
    if "topic" in raw:
        return Item(q, (raw["topic"],))
    if raw["expect"] == "related":
        return Item(q, ("related",), raw.get("title"))
    return Item(q, ("none",))


def _family(key: str | None) -> str | None:
    return FAMILY.get(key, key) if key else key


def judge(it: Item, pred: Pred) -> tuple[str, bool, bool]:
    """The question's kind (answerable, uncovered, related), whether the prediction is right for
    that kind, and whether it is confidently wrong."""
    answered = pred.outcome == "answered"
    if it.rubric:
        named = {_family(label) for label in it.labels}
        wrong = answered and _family(pred.topic) not in named
    else:
        wrong = answered and pred.topic != it.labels[0]
    first = it.labels[0]
    if first == "none":
        return "uncovered", pred.outcome != "answered", wrong
    if first == "related":
        right = pred.outcome == "related" and (it.title is None or pred.related == it.title)
        return "related", right, wrong
    return "answerable", answered and not wrong if it.rubric else pred.topic == first and answered, wrong


def tally(name: str, items: Sequence[Item], preds: Sequence[Pred]) -> Score:
    confusion: dict[str, Counter] = defaultdict(Counter)
    counts: Counter[str] = Counter()
    misses = []
    for it, pred in zip(items, preds):
        kind, right, wrong = judge(it, pred)
        got = pred.topic if pred.outcome == "answered" and pred.topic else pred.outcome
        counts[kind] += 1
        counts[kind + "_right"] += right
        counts["wrong"] += wrong
        if kind == "answerable":
            confusion[it.labels[0]][got if not right else it.labels[0]] += 1
        if not right or wrong:
            misses.append((it.q, "|".join(it.labels), got, "CONFIDENTLY WRONG" if wrong else ""))
    return Score(name, (counts["answerable_right"], counts["answerable"]), (counts["uncovered_right"], counts["uncovered"]),
                 (counts["related_right"], counts["related"]), counts["wrong"], len(items), confusion, misses)


# --- predictors: this checkout, a previous build, the baseline ------------------------------------

def _words(text: str) -> list[str]:
    try:
        from mlcareer.ask import words
    except ImportError:  # the word tools moved below ask and examples
        from mlcareer.wording import words  # type: ignore[no-redef]
    return words(text)


def without(catalog, questions: set[str]) -> None:
    """Make ask's example model one counted without these questions."""
    from mlcareer import ask
    from mlcareer.examples import Model, read_examples

    names = [_words(n) for _, title, aliases in catalog.names() for n in (title, *aliases)]
    names += [_words(slug.replace("-", " ")) for slug, _, _ in catalog.names()]
    examples = {key: [q for q in qs if " ".join(q.split()) not in questions] for key, qs in read_examples().items()}
    ask._MODELS[catalog] = Model.count(examples, names)
    if hasattr(ask, "_NEIGHBOURS"):  # builds before round 5 have no nearest-examples index
        from mlcareer.neighbours import Index

        ask._NEIGHBOURS[catalog] = Index.build(examples)


def predict_ask(catalog, questions: Iterable[str]) -> list[Pred]:
    from mlcareer.answers import answer
    from mlcareer.errors import UsageError

    out = []
    for q in questions:
        try:
            result = answer(catalog, q)
        except UsageError:  # no words at all: a usage error, declined like the not understood
            out.append(EMPTY)
            continue
        out.append(Pred(result.outcome, result.topic.key if result.topic and result.outcome == "answered" else None,
                        result.related.name if result.related else None, float(result.confidence)))
    return out


def score(name: str, questions: list[dict], catalog) -> Score:
    """This checkout's ask on a set (the tests keep floors on it)."""
    items = [item(raw) for raw in questions]
    return tally(name, items, predict_ask(catalog, [it.q for it in items]))


def previous_build(rev: str) -> Path:
    """The ``src`` and ``data`` of a commit, unpacked once into benchmarks/out/build-REV."""
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", rev], capture_output=True, text=True,
                         check=True).stdout.strip()
    where = ROOT / "benchmarks" / "out" / f"build-{sha}"
    if not (where / "src" / "mlcareer").is_dir():
        where.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", sha, "src", "data"], capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(where)], input=archive, check=True)
    return where


def predict_previous(build: Path, questions: list[str], exclude: set[str] | None) -> list[Pred]:
    """The previous build's answers, from this script run in a subprocess on that build's package."""
    env = {**os.environ, "PYTHONPATH": str(build / "src"), "MLCAREER_NO_CACHE": "1"}
    run = subprocess.run([sys.executable, __file__, "--predict"], input=json.dumps(
        {"questions": questions, "exclude": sorted(exclude) if exclude is not None else None}),
        capture_output=True, text=True, env=env, check=False)
    if run.returncode:
        sys.exit(f"ask_eval: the previous build failed:\n{run.stderr}")
    return [Pred(*p) for p in json.loads(run.stdout)]


def _predict_main() -> None:
    """``--predict``: read {"questions", "exclude"} as JSON on stdin, print the answers as JSON."""
    import mlcareer
    from mlcareer import load_catalog

    request = json.load(sys.stdin)
    catalog = load_catalog()
    if request["exclude"] is not None:
        without(catalog, set(request["exclude"]))
    print(f"ask_eval: previous build from {Path(mlcareer.__file__).parent}", file=sys.stderr)
    json.dump([list(p) for p in predict_ask(catalog, request["questions"])], sys.stdout)


# --- reports ---------------------------------------------------------------------------------------

def ratio(pair: tuple[int, int]) -> str:
    right, total = pair
    return f"{right}/{total} = {right / total:.1%}" if total else "-"


def at_threshold(items: Sequence[Item], preds: Sequence[Pred], threshold: float) -> Score:
    """The score when an answer less sure than ``threshold`` is declined instead."""
    held = [p if p.outcome != "answered" or p.confidence >= threshold else p._replace(outcome="not_understood", topic=None)
            for p in preds]
    return tally("", items, held)


def within_budget(items: Sequence[Item], preds: Sequence[Pred], budget: float) -> tuple[float, float] | None:
    """The highest answerable share right at any threshold whose confidently-wrong share is within
    the budget, and the lowest such threshold; None when no threshold keeps within it. (Raising
    the threshold only turns answers into declines, so each answer's judgement is made once.)"""
    judged = [(p.confidence, *judge(it, p)) for it, p in zip(items, preds) if p.outcome == "answered"]
    answerable = sum(judge(it, p)[0] == "answerable" for it, p in zip(items, preds))
    best: tuple[float, float] | None = None
    for threshold in sorted({0.0, *(c for c, *_ in judged), float("inf")}):
        kept = [(kind, right, wrong) for c, kind, right, wrong in judged if c >= threshold]
        if len(items) and sum(w for _, _, w in kept) / len(items) <= budget + 1e-12:
            share = sum(k == "answerable" and r for k, r, _ in kept) / answerable if answerable else 0.0
            if best is None or share > best[0]:
                best = (share, threshold)
    return best


def _pct(pair: tuple[int, int]) -> str:
    return f"{pair[0] / pair[1]:.1%}" if pair[1] else "-"


def curves(name: str, items: Sequence[Item], systems: dict[str, list[Pred]]) -> list[str]:
    lines = [f"\n{name}: answerable right / not covered declined / confidently wrong, as the threshold moves\n",
             "| threshold | " + " | ".join(systems) + " |", "| ---: |" + " ---: |" * len(systems)]
    for threshold in THRESHOLDS:
        cells = []
        for preds in systems.values():
            s = at_threshold(items, preds, threshold)
            cells.append(f"{_pct(s.answerable)} / {_pct(s.declined)} / {_pct((s.wrong, s.total))}")
        lines.append(f"| {threshold:g} | " + " | ".join(cells) + " |")
    lines.append("| **answerable right within confidently wrong " + ", ".join(f"{b:.0%}" for b in BUDGETS) + "** | "
                 + " | ".join(", ".join("-" if (r := within_budget(items, preds, b)) is None else f"{r[0]:.1%}"
                                        for b in BUDGETS) for preds in systems.values()) + " |")
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=[DEV_SET])
    parser.add_argument("--unseen", action="store_true", help="score each set with models counted "
                        "without its questions (leave one set out)")
    parser.add_argument("--previous", metavar="REV", help="also score the build of this commit (e.g. 27be5ab)")
    parser.add_argument("--baseline", action="store_true", help="also score TF-IDF + logistic regression "
                        "trained on the same examples (needs scikit-learn: pip install -e '.[eval]')")
    parser.add_argument("--curves", action="store_true", help="answered right and confidently wrong as the "
                        "confidence threshold moves, per set and system")
    parser.add_argument("--misses", action="store_true", help="list every miss of this checkout (do not use on "
                        "held-out sets you may still tune on)")
    parser.add_argument("--predict", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ.setdefault("MLCAREER_NO_CACHE", "1")
    if args.predict:
        _predict_main()
        return
    from mlcareer import load_catalog

    catalog = load_catalog()
    build = previous_build(args.previous) if args.previous else None
    rows: list[tuple[str, str, Score]] = []
    all_curves: list[str] = []
    misses: list[tuple[str, tuple]] = []
    confusion: dict[str, Counter] = defaultdict(Counter)
    suffix = " (unseen)" if args.unseen else ""
    for path in args.sets:
        items = [item(raw) for raw in load(path)]
        questions = [it.q for it in items]
        exclude = {" ".join(q.split()) for q in questions} if args.unseen else None
        if exclude is not None:
            without(catalog, exclude)
        systems = {"ask": predict_ask(catalog, questions)}
        if build is not None:
            systems[f"previous ({args.previous})"] = predict_previous(build, questions, exclude)
        if args.baseline:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from baseline import predict_baseline

            systems["baseline"] = predict_baseline(questions, exclude or set())
        for system, preds in systems.items():
            result = tally(path.name + suffix, items, preds)
            rows.append((path.name + suffix, system, result))
            if system == "ask":
                misses += [(result.name, m) for m in result.misses]
                for topic, counts in result.confusion.items():
                    confusion[topic].update(counts)
        if args.curves:
            all_curves += curves(path.name + suffix, items, systems)
    several = build is not None or args.baseline
    print("| question set | " + ("matcher | " if several else "") +
          "answerable right | not covered declined | related titles | confidently wrong (all) |")
    print("| --- | " + ("--- | " if several else "") + "---: | ---: | ---: | ---: |")
    for name, system, r in rows:
        print(f"| {name} | " + (f"{system} | " if several else "") + f"{ratio(r.answerable)} | {ratio(r.declined)} | "
              f"{ratio(r.related)} | {ratio((r.wrong, r.total))} |")
    print("\nPer topic, this checkout (first label: how ask answered):\n")
    print("| topic | right | answered otherwise |")
    print("| --- | ---: | --- |")
    for topic in sorted(confusion):
        counts = confusion[topic]
        others = ", ".join(f"{k} {v}" for k, v in counts.most_common() if k != topic) or "-"
        print(f"| {topic} | {counts[topic]}/{sum(counts.values())} | {others} |")
    for line in all_curves:
        print(line)
    if args.misses:
        print("\nMisses of this checkout:\n")
        for name, (question, expected, got, wrong) in misses:
            q = " ".join(question.split())
            print(f"- {name}: \u201c{q}\u201d: expected {expected}, got {got} {wrong}".rstrip())


if __name__ == "__main__":
    main()
