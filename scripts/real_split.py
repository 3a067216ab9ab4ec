"""Split collected real questions (ask_real_*.yaml) by thread: dev (half), held-out 1 and 2 (a quarter each).

Questions not in English go to their own part (ask reads English), measured apart.

The part a question goes to is fixed by a hash of its thread's URL, decided before any question
was read, so the split does not depend on what is collected or when.

    python3 scripts/real_split.py COLLECTED_DIR OUT_DIR [--held-out]

reads every COLLECTED_DIR/*.yaml (shape of tests/ask_real_dev.yaml) and writes dev.yaml, heldout1.yaml,
heldout2.yaml and other_languages.yaml to OUT_DIR, each with a one-line header to replace. With
`--held-out` (a round that already has its development questions) there is no dev part: the threads
are halved between heldout1 and heldout2, by the same hash.
"""
import hashlib
import re
import sys
from pathlib import Path

import yaml

ARGS = [a for a in sys.argv[1:] if a != "--held-out"]
HELD_OUT_ONLY = "--held-out" in sys.argv[1:]
SRC = Path(ARGS[0] if ARGS else "/work/realq")
OUT = Path(ARGS[1]) if len(ARGS) > 1 else SRC / "split"


def thread(url: str) -> str:
    url = url.strip().split("#")[0]
    m = re.search(r"/r/([^/]+)/comments/([a-z0-9]+)", url, re.IGNORECASE)
    if m:
        return f"reddit:{m.group(2).lower()}"
    m = re.search(r"news\.ycombinator\.com/item\?id=(\d+)", url)
    if m:
        return f"hn:{m.group(1)}"
    m = re.search(r"github\.com/([^/]+/[^/]+)/(issues|pull|discussions)/(\d+)", url)
    if m:
        return f"gh:{m.group(1).lower()}#{m.group(3)}"
    m = re.search(r"stackexchange\.com/questions/(\d+)|stackoverflow\.com/questions/(\d+)", url)
    if m:
        host = re.sub(r"^https?://", "", url).split("/")[0]
        return f"se:{host}:{m.group(1) or m.group(2)}"
    return re.sub(r"^https?://(www\.)?", "", url.split("?")[0]).rstrip("/").lower()


EN = frozenset((
    "the", "a", "an", "is", "are", "do", "does", "i", "you", "to", "of", "in", "for", "and", "or", "what", "how",
    "should", "can", "it", "my", "me", "be", "with", "on", "at", "this", "that", "which", "as", "not", "if", "will",
    "would", "have", "has", "about", "from",
))


def english(q: str) -> bool:
    """A question in English: mostly Latin letters and some of English's commonest words."""
    letters = re.findall(r"[^\W\d_]", q)
    other = [c for c in letters if ord(c) > 0x24F]
    ws = re.findall(r"[a-zA-Z']+", q.lower())
    return len(other) <= 0.2 * max(1, len(letters)) and sum(w in EN for w in ws) >= 0.12 * max(1, len(ws))


def part(url: str) -> str:
    h = int(hashlib.sha1(thread(url).encode()).hexdigest(), 16) % 4
    if HELD_OUT_ONLY:
        return "heldout1" if h % 2 == 0 else "heldout2"
    return {0: "dev", 1: "dev", 2: "heldout1", 3: "heldout2"}[h]


def main() -> None:
    parts: dict[str, list] = {"dev": [], "heldout1": [], "heldout2": [], "other_languages": []}
    if HELD_OUT_ONLY:
        del parts["dev"]
    seen = set()
    for f in sorted(SRC.glob("*.yaml")):
        for item in yaml.safe_load(f.read_text())["questions"] or []:
            key = " ".join(item["q"].lower().split())
            if key in seen:
                continue
            seen.add(key)
            parts[part(item["url"]) if english(item["q"]) else "other_languages"].append(item)
    for name, items in parts.items():
        head = ("# Real questions about becoming an ML engineer, copied as posted, with their URLs; labelled "
                f"by ASK_LABELS.md. Part '{name}' of a split by thread (a hash of the thread's URL).\n")
        text = yaml.safe_dump({"questions": items}, sort_keys=False, allow_unicode=True, width=100)
        (OUT / f"{name}.yaml").write_text(head + text)
        print(name, len(items), file=sys.stderr)


if __name__ == "__main__":
    main()
