"""Where output goes and in what form: decided once, here.

Rich (colour, tables) only when stdout is a terminal, NO_COLOR is unset and TERM isn't dumb,
or when ``--color always`` asks for it; otherwise plain text. Data goes to stdout, messages to
stderr, both free of control characters from data or input.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable

from .text import clean

# JSON escapes C0 controls itself; these it would print raw.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def use_rich(color: str = "auto") -> bool:
    if color == "always":
        return True
    if color == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def blocks(items: Iterable, color: str = "auto") -> None:
    if use_rich(color):
        from .views import rich_view

        rich_view.render(items, rich_view.console(force=color == "always"))
    else:
        from .views import plain

        sys.stdout.write(plain.render(items))


def text(content: str) -> None:
    sys.stdout.write(content)


def as_json(data) -> None:
    import json

    dumped = json.dumps(data, indent=2, ensure_ascii=False)
    sys.stdout.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped) + "\n")


def error(message: str) -> None:
    """One line on stderr."""
    sys.stderr.write(f"mlcareer: {clean(message)}\n")
    sys.stderr.flush()
