"""Markdown: a shareable profile that cites its source, quotes as block quotes."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text import clean
from .blocks import Bars, Block, Bullets, Heading, Para, Table

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def esc(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", clean(text))


def render(blocks: Iterable[Block]) -> str:
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            parts.append("#" * block.level + " " + esc(block.text))
        elif isinstance(block, Para):
            parts.append(f"_{esc(block.text)}_" if block.style else esc(block.text))
        elif isinstance(block, Bullets):
            parts.append(_bullets(block))
        elif isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, Bars):
            continue
    return "\n\n".join(parts) + "\n"


def _bullets(block: Bullets) -> str:
    lines = [f"**{esc(block.title)}**", ""] if block.title else []
    for n, item in enumerate(block.items, 1):
        mark = f"{n}." if block.numbered else "-"
        label = f"**{esc(item.label)}:** " if item.label else ""
        lines.append(f"{mark} {label}{esc(item.text)}")
        for detail in item.details:
            lines.append(f"  {_detail(detail)}  ")
        if block.show_quotes:
            for quote in item.quote:
                if quote != item.text:
                    lines.append(f"\n   > {esc(quote)}\n")
    return "\n".join(lines)


def _detail(detail: str) -> str:
    """A detail line; a web address in it, alone or after ``label: ``, becomes a link."""
    label, sep, rest = detail.rpartition(": ")
    if detail.startswith("http"):
        return _link(detail)
    if sep and rest.startswith("http") and " " not in rest:
        return f"{esc(label)}: {_link(rest)}"
    return esc(detail)


def _link(url: str) -> str:
    return "<" + clean(url).replace(">", "%3E").replace(" ", "%20") + ">"


def _table(block: Table) -> str:
    def row(cells):
        return "| " + " | ".join(_link(c) if c.startswith("http") else esc(c) for c in cells) + " |"

    align = ["---:" if i in block.right else "---" for i in range(len(block.columns))]
    return "\n".join([row(block.columns), "| " + " | ".join(align) + " |", *(row(r) for r in block.rows)])
