"""Plain text: no colours, no escape sequences, no box drawing; one fact a line, so it greps."""

from __future__ import annotations

from collections.abc import Iterable

from ..text import clean
from .blocks import Bars, Block, Bullets, Heading, Para, Table


def render(blocks: Iterable[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            text = clean(block.text)
            if block.level == 1:
                lines += [text, "=" * len(text)]
            else:
                lines += ["", text.upper()]
        elif isinstance(block, Para):
            lines.append(("  " if lines and lines[-1] != "" else "") + clean(block.text))
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
    for n, item in enumerate(block.items, 1):
        mark = f"{n}." if block.numbered else "-"
        label = f"{clean(item.label)}: " if item.label else ""
        lines.append(f"{indent}{mark} {label}{clean(item.text)}")
        pad = indent + " " * (len(mark) + 1)
        lines += [f"{pad}{clean(d)}" for d in item.details]
        if block.show_quotes:
            for quote in item.quote:
                if quote != item.text:
                    lines.append(f"{pad}> {clean(quote)}")
    return lines


MAX_GRID_WIDTH = 160  # a wider table is printed as records, one field a line


def _table(block: Table) -> list[str]:
    rows = [tuple(clean(c) for c in row) for row in (block.columns, *block.rows)]
    used = [i for i in range(len(block.columns)) if any(row[i] for row in rows[1:])]
    widths = {i: max(len(row[i]) for row in rows) for i in used}
    if sum(widths.values()) + 2 * len(used) > MAX_GRID_WIDTH:
        return _records(rows, used)
    out = []
    for row in rows:
        cells = [row[i].rjust(widths[i]) if i in block.right else row[i].ljust(widths[i]) for i in used]
        out.append(("  " + "  ".join(cells)).rstrip())
    return out


def _records(rows: list[tuple[str, ...]], used: list[int]) -> list[str]:
    """``label:`` then ``  column: value`` lines: for tables too wide to read as a grid."""
    header, body = rows[0], rows[1:]
    out = []
    for row in body:
        out.append(f"  {row[used[0]]}:")
        out += [f"    {header[i]}: {row[i]}" for i in used[1:] if row[i]]
    return out
