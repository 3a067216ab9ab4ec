"""Markdown: a shareable profile that cites its source, quotes as block quotes."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text import clean
from .blocks import Bars, Block, Bullets, Heading, Hint, Para, Table, quotes_to_show

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_URL = re.compile(r"(https?://[^\s<>]*[^\s<>.,;:!?)\]])")  # an address, without the full stop after it


def esc(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", clean(text))


def render(blocks: Iterable[Block]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            parts.append("#" * block.level + " " + esc(block.text))
        elif isinstance(block, Para):
            if block.style == "hint":
                continue  # a shared document holds no command-line hints
            parts.append(f"_{_inline(block.text)}_" if block.style else _inline(block.text))
        elif isinstance(block, Bullets):
            parts.append(_bullets(block))
        elif isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, Bars):
            continue
    return "\n\n".join(parts) + "\n"


def _bullets(block: Bullets) -> str:
    lines = [f"**{esc(block.title)}**", ""] if block.title else []
    quotes = quotes_to_show(block.items) if block.show_quotes else [()] * len(block.items)
    for n, (item, said) in enumerate(zip(block.items, quotes), 1):
        mark = f"{n}." if block.numbered else "-"
        label = f"**{esc(item.label)}:** " if item.label else ""
        pad = " " * (len(mark) + 1)
        details = [_detail(d) for d in item.details if not isinstance(d, Hint)]
        # a backslash at the end of a line is CommonMark's hard line break: each detail on its own line
        lines.append(f"{mark} {label}{esc(item.text)}" + "".join(f"\\\n{pad}{d}" for d in details))
        for quote in said:
            lines.append(f"\n   > {esc(quote)}\n")  # inside the item, after "- " or "1. "
    return "\n".join(lines)


def _detail(detail: str) -> str:
    """A detail line; a web address in it, alone or after ``label: ``, becomes a link."""
    label, sep, rest = detail.rpartition(": ")
    if detail.startswith("http"):
        return _link(detail)
    if sep and rest.startswith("http") and " " not in rest:
        return f"{esc(label)}: {_link(rest)}"
    return esc(detail)


def _inline(text: str) -> str:
    """Text whose web addresses are links (a profile's "Source: ... https://..." line)."""
    pieces = _URL.split(clean(text))
    return "".join(_link(p) if n % 2 else _SPECIAL.sub(r"\\\1", p) for n, p in enumerate(pieces))


def _link(url: str) -> str:
    return "<" + clean(url).replace(">", "%3E").replace(" ", "%20") + ">"


def _table(block: Table) -> str:
    """A table as a list, one item a row: CommonMark has no tables (pipe tables are a GitHub
    extension that other renderers print as text), and a list reads the same everywhere. The
    row's name (its first column that is not a number, such as a score) leads, in bold; each
    other cell follows on its own line as ``Column: value``."""
    lead = next((i for i in range(len(block.columns)) if i not in block.right), 0)
    items = []
    for row in block.rows:
        cells = [(block.columns[i], cell) for i, cell in enumerate(row)
                 if i != lead and cell and not isinstance(cell, Hint)]
        lines = [f"- **{esc(row[lead])}**"] + [f"  {esc(name)}: {_cell(cell)}" if name else f"  {_cell(cell)}"
                                                for name, cell in cells]
        items.append("\\\n".join(lines))
    return "\n".join(items)


def _cell(cell: str) -> str:
    return _link(cell) if cell.startswith("http") else esc(cell)
