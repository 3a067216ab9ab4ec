"""A curator's mutation run: mistakes made on purpose in the built-in role file, each one that
changes what a reader is told, and whether ``mlcareer verify --strict`` catches it.

    python benchmarks/verify_mutations.py [--sample N] [--list]

Every mutation edits one field of ``data/roles.yaml`` (a word in a quote, a hedge dropped, a
section moved, a figure, a pay source, a provider or skill of a course, a speaker, a text swapped
for another fact's, a title, a link); the file is checked against the Markdown rendering and the
WordPress post together (the post keeps the article's links). Caught: at least one problem or
warning in the mutated field or below it. The unmutated file must give none (a false problem).
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "roles.yaml"
SOURCES = next(p for p in (ROOT.parent / "shared" / "sources", ROOT.parent.parent / "shared" / "sources",
                           Path(os.environ.get("MLCAREER_SOURCES", "/nonexistent"))) if p.exists())
HEDGES = ("most", "may", "might", "likely", "often", "some", "generally", "much", "a lot", "several",
          "at least", "definitely", "really", "very", "can", "could", "approximately", "just under")
HEADINGS = ("What Is a Machine Learning Engineer?", "How Much Does a Machine Learning Engineer Make?",
            "What Does a Machine Learning Engineer Do?", "What Industries Do Machine Learning Engineers Work In?",
            "Pros and Cons of Working in Machine Learning", "What Skills Does a Machine Learning Engineer Need?")


class Mutation(NamedTuple):
    kind: str
    field: tuple
    doc: dict


def _facts(role: dict) -> Iterator[tuple[tuple, dict]]:
    for key in ("overview", "duties", "typical_day", "industries", "careers", "skills", "fit"):
        for i, fact in enumerate(role.get(key) or ()):
            yield (key, i), fact
    for group, keys in (("pros_cons", ("pros", "cons")), ("path", ("steps", "requirements", "alongside"))):
        for key in keys:
            for i, fact in enumerate((role.get(group) or {}).get(key) or ()):
                yield (group, key, i), fact


def _at(doc: dict, field: tuple) -> Any:
    node: Any = doc["roles"][0]
    for part in field:
        node = node[part]
    return node


def mutations(original: dict) -> Iterator[Mutation]:
    role = original["roles"][0]

    def make(kind: str, field: tuple, change) -> Mutation:
        doc = copy.deepcopy(original)
        change(_at(doc, field))
        return Mutation(kind, field, doc)

    quoted = [(f, fact) for f, fact in _facts(role) if fact.get("quote")]
    for field, fact in quoted:
        quote = fact["quote"] if isinstance(fact["quote"], str) else fact["quote"][0]
        word = max(quote.split(), key=len)

        def reword(node, word=word):
            if isinstance(node["quote"], str):
                node["quote"] = node["quote"].replace(word, "frequently", 1)
            else:
                node["quote"][0] = node["quote"][0].replace(word, "frequently", 1)
        yield make("a word changed in a quote", field, reword)
        if fact.get("section"):
            other = next(h for h in HEADINGS if h != fact["section"])
            yield make("a section moved to another heading", field, lambda n, other=other: n.update(section=other))
        text = fact.get("text") or ""
        hedge = next((h for h in HEDGES if f" {h} " in f" {text.lower()} "), None)
        if hedge:
            def unhedge(node, hedge=hedge):
                import re
                node["text"] = re.sub(rf"\b{hedge}\b ?", "", node["text"], count=1, flags=re.IGNORECASE)
            yield make("a hedge dropped from a text", field, unhedge)
        if fact.get("speaker"):
            yield make("a speaker the source never names", field, lambda n: n.update(speaker="Jane Doe"))
    texts = [(f, fact) for f, fact in quoted if fact.get("text")]
    for (field, fact), (_, other) in zip(texts, texts[len(texts) // 2:] + texts[:len(texts) // 2]):
        if other["text"] != fact["text"]:
            yield make("a text swapped for another fact's", field, lambda n, t=other["text"]: n.update(text=t))
    for k, estimate in enumerate(role["salary"]["estimates"]):
        for key in ("annual", "hourly"):
            if estimate.get(key):
                yield make("a pay figure mistyped", ("salary", "estimates", k),
                           lambda n, key=key: n.update({key: n[key] + (1000 if key == "annual" else 3)}))
        yield make("a pay estimate credited to another company", ("salary", "estimates", k),
                   lambda n: n.update(source="Glassdoor"))
    for k, course in enumerate(role["resources"]):
        yield make("a course credited to another provider", ("resources", k), lambda n: n.update(provider="Coursera"))
        for j, _ in enumerate(course.get("skills") or ()):
            yield make("a course skill the card does not list", ("resources", k),
                       lambda n, j=j: n["skills"].__setitem__(j, "Kubernetes"))
    for k, _ in enumerate(role["titles"]["names"]):
        yield make("a related title renamed", ("titles", "names", k), lambda n: n.update(name=n["name"] + " lead"))
    for field, fact in quoted:
        for j, _ in enumerate(fact.get("links") or ()):
            yield make("a link's address changed", field + ("links", j),
                       lambda n: n.update(url="https://example.com/elsewhere"))
            yield make("a link's text changed", field + ("links", j), lambda n: n.update(text="an online degree"))


def check(doc: dict, workdir: str) -> int:
    from mlcareer.verify import SourceSpec, verify

    path = os.path.join(workdir, "roles.yaml")
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(doc, handle, allow_unicode=True, sort_keys=False, width=1000)
    specs = [SourceSpec(None, str(SOURCES / "machine-learning-engineer.md")),
             SourceSpec(None, str(SOURCES / "machine-learning-engineer.wp.json"))]
    report = verify([path], specs, strict=True)
    return sum(len(f.problems) + sum(f.hidden) for f in report.files) + (5 if report.files[0].roles is None else 0)


def run(sample: int = 0, show: bool = False) -> tuple[int, int, int, Counter, list[Mutation]]:
    original = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    every = list(mutations(original))
    chosen = every
    if sample:  # spread over the kinds: the i-th of each kind in turn
        by_kind: dict[str, list[Mutation]] = {}
        for mutation in every:
            by_kind.setdefault(mutation.kind, []).append(mutation)
        chosen = []
        while len(chosen) < min(sample, len(every)):
            for group in by_kind.values():
                if group and len(chosen) < sample:
                    chosen.append(group.pop(len(group) // 2))
    missed: list[Mutation] = []
    kinds: Counter = Counter()
    with tempfile.TemporaryDirectory() as workdir:
        false_problems = check(original, workdir)
        for mutation in chosen:
            kinds[mutation.kind] += 1
            if not check(mutation.doc, workdir):
                missed.append(mutation)
            elif show:
                print(f"caught: {mutation.kind} at {mutation.field}")
    return len(chosen), len(chosen) - len(missed), false_problems, kinds, missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=0, help="about this many, spread over the kinds")
    parser.add_argument("--list", action="store_true", help="list every mutation caught")
    args = parser.parse_args(argv)
    total, caught, false_problems, kinds, missed = run(args.sample, args.list)
    for kind, count in sorted(kinds.items()):
        print(f"{kind}: {count - sum(m.kind == kind for m in missed)}/{count}")
    for mutation in missed:
        print(f"MISSED: {mutation.kind} at {mutation.field}")
    print(f"mutations caught: {caught}/{total}; problems on the unmutated file: {false_problems}")
    return 0 if caught == total and not false_problems else 1


if __name__ == "__main__":
    sys.exit(main())
