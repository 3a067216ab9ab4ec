"""Plain text: no colours, no escape sequences, no box drawing; one fact a line, so it greps."""

from __future__ import annotations

from collections.abc import Iterable

from ..text import clean
from .blocks import Bars, Block, Bullets, Heading, Para, Table, quotes_to_show


def render(blocks: Iterable[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            text = clean(block.text)
            if block.level == 1:
                lines += ["", text, "=" * len(text)] if lines else [text, "=" * len(text)]
            else:
                lines += ["", text.upper()]
        elif isinstance(block, Para):
            flush = block.style == "line" or not lines or lines[-1] == ""
            lines.append(("" if flush else "  ") + clean(block.text))
        elif isinstance(block, Bullets):
            lines += _bullets(block)
        elif isinstance(block, Table):
            lines += _table(block)
        elif isinstance(block, Bars):
            continue  # a chart says nothing the table doesn't; pipes get the table alone
    return "\n".join(lines) + "\n"


def _bullets(block: Bullets) -> list[str]:
    lines = [f"  {clean(block.title)}:"] if block.title else []
    indent = "    " if block.title else "  "
    quotes = quotes_to_show(block.items) if block.show_quotes else [()] * len(block.items)
    for n, (item, said) in enumerate(zip(block.items, quotes), 1):
        mark = f"{n}." if block.numbered else "-"
        label = f"{clean(item.label)}: " if item.label else ""
        lines.append(f"{indent}{mark} {label}{clean(item.text)}")
        pad = indent + " " * (len(mark) + 1)
        lines += [f"{pad}{clean(d)}" for d in item.details]
        for quote in said:
            lines.append(f"{pad}> {clean(quote)}")
    return lines


MAX_ALIGNED = 100  # columns before the last padded to at most this in all; a wider table is tab-separated


def _table(block: Table) -> list[str]:
    """One row a line however wide, so ``grep`` and ``cut`` see whole records (scripts that
    want fields by name should read ``--json``). Columns are aligned with spaces while that
    takes no more than MAX_ALIGNED characters before the last column; a table of long cells
    (``compare``) has its cells separated by a tab instead, as gh prints tables into a pipe,
    rather than lines padded to hundreds of characters (``cut -f2`` reads a column)."""
    rows = [tuple(clean(c) for c in row) for row in (block.columns, *block.rows)]
    used = [i for i in range(len(block.columns)) if any(row[i] for row in rows[1:])]
    widths = {i: max(len(row[i]) for row in rows) for i in used}
    if sum(widths[i] + 2 for i in used[:-1]) > MAX_ALIGNED:
        return [("  " + "\t".join(row[i] for i in used)).rstrip() for row in rows]
    out = []
    for row in rows:
        cells = [row[i].rjust(widths[i]) if i in block.right else row[i].ljust(widths[i]) for i in used]
        out.append(("  " + "  ".join(cells)).rstrip())
    return out

