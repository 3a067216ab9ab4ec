"""Where output goes and in what form: decided once, here.

Two separate choices:

- **Layout** follows where stdout goes. A terminal gets the terminal layout (wrapped to its
  width, tables, a bar chart; ``views.rich_view``); a pipe or a file gets plain text, one fact or
  one table row a line and never wrapped, so ``grep`` and ``cut`` see whole records
  (``views.plain``). ``--color always`` asks for the terminal layout anywhere (for ``less -R``).
- **Colour** is on in a terminal unless ``NO_COLOR`` is set, ``TERM`` is ``dumb`` or
  ``--color never`` is given; they take away colour and nothing else. An explicit
  ``--color always`` wins over ``NO_COLOR`` (no-color.org: a flag the user typed wins).

Long terminal output goes through a pager (``$MLCAREER_PAGER``, else ``$PAGER``, else
``less -R``) when stdout is a terminal, unless ``--no-pager`` or ``TERM=dumb``. Data goes to stdout, messages to
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
DEFAULT_PAGER = "less -R"


def stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def stdin_is_terminal() -> bool:
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def terminal_layout(color: str = "auto") -> bool:
    return color == "always" or stdout_is_terminal()


def blocks(items: Iterable, color: str = "auto", pager: bool = True) -> None:
    if not terminal_layout(color):
        # start-up: only the view that prints loads (rich only in a terminal)
        from .views import plain

        sys.stdout.write(plain.render(items))
        return
    # start-up: only the view that prints loads (rich only in a terminal)
    from .views import rich_view

    # an explicit --color beats NO_COLOR (no-color.org); auto leaves it to rich, which reads NO_COLOR
    out = rich_view.console(force=color == "always", no_color={"always": False, "never": True}.get(color))
    command = pager_command() if pager and stdout_is_terminal() and not dumb_terminal() else None
    if command is None:
        rich_view.render(items, out)
        return
    with out.capture() as captured:
        rich_view.render(items, out)
    page(captured.get(), command, out.height)


def dumb_terminal() -> bool:
    """``TERM=dumb`` (Emacs shells, some CI logs): no pager, as less cannot run there."""
    return os.environ.get("TERM") == "dumb"


def pager_command() -> list[str] | None:
    """The pager to use, or None: ``MLCAREER_PAGER``, ``PAGER``, ``less -R``; empty or ``cat`` is none."""
    import shlex

    chosen = os.environ.get("MLCAREER_PAGER", os.environ.get("PAGER", DEFAULT_PAGER))
    try:
        words = shlex.split(chosen)
    except ValueError:
        return None
    return None if not words or words == ["cat"] else words


def page(content: str, command: list[str], height: int) -> None:
    """Through the pager when it is longer than the screen, else straight to stdout."""
    import subprocess

    if content.count("\n") < height - 1:
        sys.stdout.write(content)
        return
    sys.stdout.flush()
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # as git does: quit if one screen, keep colours, leave the screen as it is
    try:
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except OSError:
        sys.stdout.write(content)
        return
    import signal

    assert proc.stdin is not None
    # Ctrl-C belongs to the pager while it runs (as in git): it must not end mlcareer under it
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        proc.stdin.write(content.encode("utf-8", "replace"))
        proc.stdin.close()
    except BrokenPipeError:  # the user quit the pager early: that is fine
        pass
    finally:
        proc.wait()
        signal.signal(signal.SIGINT, previous)


def text(content: str) -> None:
    sys.stdout.write(content)


def records(content: str, color: str = "auto") -> None:
    """Lines that are records (``file:line: message``): in a pipe one a line, as they are; in the
    terminal layout each wrapped to the width between words (the terminal would fold it mid-word),
    its continuation lines indented."""
    if not terminal_layout(color):
        sys.stdout.write(content)
        return
    sys.stdout.write("".join("\n".join(_wrapped(line, indent="  ") or [line]) + "\n"
                             for line in content.splitlines()))


def as_json(data, compact: bool = False) -> None:
    """A JSON document on stdout; ``compact``: on one line (JSON Lines, one document per result)."""
    import json

    dumped = json.dumps(data, indent=None if compact else 2, ensure_ascii=False, separators=(",", ":") if compact else None)
    sys.stdout.write(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped) + "\n")


def error(message: str) -> None:
    """One line on stderr; in a terminal, wrapped between words to its width (the terminal would
    otherwise fold it mid-word), its continuation lines indented."""
    line = f"mlcareer: {clean(message)}"
    if sys.stderr.isatty():
        line = "\n".join(_wrapped(line, indent="  ")) or line
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _wrapped(text: str, indent: str = "") -> list[str]:
    import shutil
    import textwrap

    width = max(shutil.get_terminal_size().columns - 1, 20)
    return textwrap.wrap(text, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


def note(message: str) -> None:
    """A remark on stderr that does not stop the command (``mlcareer: note: ...``)."""
    error(f"note: {message}")


def prompt(text: str, end: str = "\n") -> None:
    """A prompt or banner on stderr; in a terminal, wrapped to its width between words (a long
    line would otherwise be folded by the terminal mid-word)."""
    text = clean(text)
    if sys.stderr.isatty():
        text = "\n".join(_wrapped(text)) or text
    sys.stderr.write(text + end)
    sys.stderr.flush()
