"""Text that is safe to print: no control characters or escape sequences from data or input.

Every string from a data file or an argument goes through ``clean`` before it reaches a
terminal, in every output format, error messages included.
"""

from __future__ import annotations

import re

# C0 controls (but tab and newline), DEL, C1 controls, and bidirectional overrides/isolates
# (which can make text display in a different order from how it reads).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Whole escape sequences first (CSI such as colour codes, OSC such as titles and links), so no
# "[31m" is left behind when the escape character itself is dropped.
_ESCAPES = re.compile("\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\][^\x07\x1b]*(?:\x07|\x1b\\\\)?|\x9b[0-?]*[ -/]*[@-~]")
_SPACES = re.compile(r"\s+")


def clean(text: str, *, multiline: bool = False) -> str:
    """Drop unsafe characters; unless ``multiline``, fold all white space to single spaces."""
    text = _UNSAFE.sub("", _ESCAPES.sub("", str(text)))
    return text if multiline else _SPACES.sub(" ", text).strip()


def shorten(text: str, width: int = 60) -> str:
    """A cleaned, one-line string of at most ``width`` characters, for messages."""
    text = clean(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def counted(count: int, word: str, plural: str | None = None) -> str:
    """``1 answer``, ``2 answers``, ``2 fixes``: a count with its noun in the right number
    (``plural`` where adding an s is wrong)."""
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


def money(value: float, currency: str = "USD") -> str:
    symbol = "$" if currency == "USD" else currency + " "
    if float(value).is_integer():
        return f"{symbol}{value:,.0f}"
    return f"{symbol}{value:,.2f}"


def normalise(text: str) -> str:
    """For exact matching of names: case, hyphens, underscores and spacing don't count."""
    return " ".join(clean(text).casefold().replace("-", " ").replace("_", " ").split())


def shell_command(*words: str) -> str:
    """A command to paste into bash, zsh or fish: each word quoted only if it must be, with
    straight single quotes (curly quotes would become part of the word)."""
    import shlex

    return " ".join(shlex.quote(clean(word)) for word in words)
