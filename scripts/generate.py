"""Write the files generated from the click tree, so that help, man page and completion agree:

    python scripts/generate.py          # writes man/mlcareer.1 and src/mlcareer/grammar.py
    python scripts/generate.py --check  # exit 1 (and say which) when either is out of date

tests/test_generated.py runs the check; run this after adding or changing a command or option.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def generated() -> dict[Path, str]:
    from mlcareer.cli import man_page, root_page
    from mlcareer.completion import grammar_source
    from mlcareer.sections import SECTION_NAMES

    return {ROOT / "man" / "mlcareer.1": man_page(),
            ROOT / "src" / "mlcareer" / "grammar.py": grammar_source(root_page(), SECTION_NAMES)}


def main() -> None:
    check = "--check" in sys.argv[1:]
    stale = []
    for path, text in generated().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path.relative_to(ROOT))
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if check and stale:
        sys.exit(f"out of date: {', '.join(map(str, stale))} (run: python scripts/generate.py)")
    for path in stale:
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
