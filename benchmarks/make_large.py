"""Write a synthetic role file: N roles (default 1,000) with 20 related titles each.

Deterministic, schema-valid, and shaped like the built-in role (every section filled), so it
measures what a big user file costs. Usage: python make_large.py OUT.yaml [--roles N] [--title-prefix TEXT]
"""

from __future__ import annotations

import argparse
import random

WORDS = ["data", "model", "pipeline", "research", "cloud", "vision", "language", "robotics", "audio", "signal", "platform", "security", "quality", "analytics", "product", "search", "ranking", "forecasting", "health", "finance", "retail"]
TITLES = ["engineer", "scientist", "analyst", "architect", "researcher", "developer", "specialist", "manager", "lead", "consultant"]


def role(i: int, rng: random.Random, title_prefix: str = "") -> str:
    field = rng.choice(WORDS)
    lines = [
        f"  - slug: synthetic-role-{i:04d}",
        f"    title: Synthetic {field.title()} Role {i}",
        f"    aliases: [synthetic {i}, {field} role {i}]",
        "    source: bench",
    ]
    for section in ("overview", "duties", "typical_day", "industries", "careers", "skills"):
        lines.append(f"    {section}:")
        for j in range(4):
            words = " ".join(rng.choice(WORDS) for _ in range(12))
            lines += [f"      - text: {section} point {j} about {words}.",
                      f"        quote: A quoted sentence {j} for {section} mentioning {words}.",
                      f"        section: Section {section}",
                      f"        label: {rng.choice(WORDS)}"]
    lines.append("    path:\n      steps:")
    for j in range(4):
        lines += [f"        - label: Step {j + 1}", f"          text: Do step {j + 1} in {field}.",
                  f"          quote: Step {j + 1} is needed for {field} work."]
    lines += [
        "    salary:\n      currency: USD\n      estimates:",
        (f"        - source: Survey {i % 7}\n          annual: {60000 + 1000 * (i % 90)}\n"
        f"          quote: Survey {i % 7} estimates the pay."),
        "    titles:\n      names:",
    ]
    for j in range(20):
        lines.append(f"        - name: {title_prefix}{rng.choice(WORDS).title()} {rng.choice(WORDS)} {rng.choice(TITLES)} {i}-{j}")
    lines += [
        "    resources:",
        (f"      - name: Course {i}\n        provider: Provider {i % 13}\n        avg_time: 3-4 hours\n"
        f"        skills: [{field}, python]\n        url: https://example.org/course/{i}\n"
        f"        quote: A course about {field}."),
        "    not_covered: [Nothing in particular]",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--title-prefix", default="", metavar="TEXT",
                        help="start every related title with TEXT (e.g. 'Data ': a search for it matches them all)")
    args = parser.parse_args()
    rng = random.Random(1234)
    head = ("schema: 1\nsources:\n  - id: bench\n    title: Synthetic benchmark data\n"
            "    publisher: mlcareer benchmarks\nroles:\n")
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write(head + "\n".join(role(i, rng, args.title_prefix) for i in range(args.roles)) + "\n")


if __name__ == "__main__":
    main()
