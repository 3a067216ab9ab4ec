"""Rich output for terminals: colour, tables, a bar chart. Data is always passed as ``Text``
(never as markup), so a title like ``[bold]x[/bold]`` prints literally."""

from __future__ import annotations

from collections.abc import Iterable

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table as RichTable
from rich.text import Text

from ..text import clean
from .blocks import Bars, Block, Bullets, Heading, Para, Table

STYLES = {"": "", "dim": "dim", "note": "italic yellow", "warn": "yellow"}


def console(stderr: bool = False, force: bool = False) -> Console:
    return Console(stderr=stderr, markup=False, emoji=False, highlight=False,
                   force_terminal=True if force else None)


def render(blocks: Iterable[Block], out: Console) -> None:
    for block in blocks:
        if isinstance(block, Heading):
            if block.level == 1:
                out.print(Text(clean(block.text), style="bold cyan"))
            else:
                out.print()
                out.print(Text(clean(block.text), style="bold magenta"))
        elif isinstance(block, Para):
            out.print(Padding(Text(clean(block.text), style=STYLES.get(block.style, "")), (0, 0, 0, 2)))
        elif isinstance(block, Bullets):
            out.print(Padding(_bullets(block), (0, 0, 0, 2)))
        elif isinstance(block, Table):
            out.print(Padding(_table(block), (0, 0, 0, 2)))
        elif isinstance(block, Bars):
            out.print(Padding(_bars(block), (0, 0, 0, 2)))


def _bullets(block: Bullets):
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="cyan")
    grid.add_column(overflow="fold")
    for n, item in enumerate(block.items, 1):
        body = Text()
        if item.label:
            body.append(clean(item.label) + ": ", style="bold")
        body.append(clean(item.text))
        for detail in item.details:
            body.append("\n" + clean(detail), style="dim")
        if block.show_quotes:
            for quote in item.quote:
                if quote != item.text:
                    body.append("\n" + quoted(clean(quote)), style="italic green")
        grid.add_row(f"{n}." if block.numbered else "\u2022", body)
    if block.title:
        return Group(Text(clean(block.title), style="bold"), grid)
    return grid


def quoted(text: str) -> str:
    """The source's sentence in quotation marks, unless it holds its own: then as it stands,
    so that no mark is left open (its own marks are the article's, balanced)."""
    if any(mark in text for mark in "\u201c\u201d\""):
        return text
    return f"\u201c{text}\u201d"


def _table(block: Table):
    table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
    for i, name in enumerate(block.columns):
        table.add_column(name, justify="right" if i in block.right else "left", overflow="fold")
    for row in block.rows:
        table.add_row(*(Text(clean(cell)) for cell in row))
    return table


def _bars(block: Bars, width: int = 30):
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    grid.add_column()
    peak = max((value for _, value, _ in block.rows), default=0) or 1
    for label, value, shown in block.rows:
        grid.add_row(Text(clean(label)), Text("\u2588" * max(1, round(width * value / peak)), style="green"),
                     Text(clean(shown)))
    return grid
