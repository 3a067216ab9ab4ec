"""Terminal output: colour, tables and a bar chart, laid out for the terminal's width.

The layout is ours, not rich's: rich styles the text and finds word boundaries, and every line
is printed as it was laid out (``soft_wrap``), so nothing is cut, padded or folded behind our
back. The rules, at any width of 40 columns or more:

- text wraps between words only; a word, slug, number or URL is never split;
- a word too long for the line (in practice only a URL) sticks out rather than being broken,
  so it can still be copied, and URLs are OSC 8 hyperlinks where the terminal supports them;
- a table whose longest words do not fit side by side is printed stacked, one record at a time;
- no line carries trailing spaces.

Colour is the only thing ``NO_COLOR``, ``--color never`` and ``TERM=dumb`` take away. Data is
always passed as ``Text`` (never as markup), so a title like ``[bold]x[/bold]`` prints literally.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from ..text import clean
from .blocks import Bars, Block, Bullets, Heading, Para, Table, quotes_to_show

STYLES = {"": "", "dim": "dim", "note": "italic yellow", "warn": "yellow", "hint": "dim"}
INDENT = 2
GAP = 2  # spaces between table columns
MAX_CELL_LINES = 4  # a table whose cells would wrap more than this reads better stacked
_URL = re.compile(r"https?://\S+")


def console(stderr: bool = False, force: bool = False, no_color: bool | None = None) -> Console:
    out = Console(stderr=stderr, markup=False, emoji=False, highlight=False,
                  force_terminal=True if force else None, no_color=no_color)
    if out.is_dumb_terminal:
        # rich assumes 80 columns on TERM=dumb; the terminal still knows its own width
        import shutil

        out.size = shutil.get_terminal_size()
    return out


def render(blocks: Iterable[Block], out: Console) -> None:
    for line in layout(blocks, out):
        out.print(line, soft_wrap=True)


def layout(blocks: Iterable[Block], out: Console) -> list[Text]:
    """Every block as lines of styled text no wider than the console (URLs aside)."""
    width = max(out.width - 1, 20)  # the last column stays free: some terminals wrap a line that fills it
    dumb = out.is_dumb_terminal
    lines: list[Text] = []
    for block in blocks:
        if isinstance(block, Heading):
            if block.level != 1 or lines:  # a heading after text stands apart from it
                lines.append(Text())
            style = "bold cyan" if block.level == 1 else "bold magenta"
            lines += hang(out, styled(block.text, style), width)
        elif isinstance(block, Para):
            indent = 0 if block.style == "line" else INDENT
            lines += hang(out, styled(block.text, STYLES.get(block.style, "")), width, indent)
        elif isinstance(block, Bullets):
            lines += _bullets(out, block, width)
        elif isinstance(block, Table):
            lines += _table(out, block, width, dumb)
        elif isinstance(block, Bars):
            lines += _bars(block, width, dumb)
    return lines


def styled(text: str, style: str = "") -> Text:
    """Clean text with its URLs made hyperlinks."""
    out = Text(clean(text), style=style)
    for match in _URL.finditer(out.plain):
        out.stylize(Style(link=match.group().rstrip(".,;)")), match.start(), match.end())
    return out


def wrap(out: Console, text: Text, width: int) -> list[Text]:
    """Wrapped between words only; a word longer than the line stays whole."""
    if not text.plain:
        return [Text()]
    lines: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        for part in line.divide(line_breaks(line.plain, max(width, 1))):
            part.rstrip()
            lines.append(part)
    return lines


_WORD = re.compile(r"\s*\S+\s*")  # a word with the spaces around it (those before only at the start)


def line_breaks(plain: str, width: int) -> list[int]:
    """Where to break ``plain`` so that each line fits ``width`` cells, between words only: a
    word longer than the line starts a line of its own and sticks out. (rich's ``Text.wrap``
    would fold such a word, or not wrap at all.)"""
    breaks: list[int] = []
    used = 0
    for match in _WORD.finditer(plain):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if used and start and length > width - used:
            breaks.append(start)
            used = 0
        used += cell_len(word)
    return breaks


def hang(out: Console, body: Text, width: int, indent: int = 0, prefix: str = "",
         prefix_style: str = "") -> list[Text]:
    """``prefix`` then ``body``, wrapped; continuation lines line up under the body."""
    lead = indent + cell_len(prefix)
    lines = []
    for n, line in enumerate(wrap(out, body, width - lead)):
        start = Text(" " * indent) + (Text(prefix, style=prefix_style) if n == 0 else Text(" " * cell_len(prefix)))
        lines.append(start + line)
    return lines


def _bullets(out: Console, block: Bullets, width: int) -> list[Text]:
    lines: list[Text] = []
    indent = INDENT
    if block.title:
        lines += hang(out, styled(block.title, "bold"), width, INDENT)
        indent += 2
    quotes = quotes_to_show(block.items) if block.show_quotes else [()] * len(block.items)
    for n, (item, said) in enumerate(zip(block.items, quotes), 1):
        mark = (f"{n}." if block.numbered else "\u2022") + " "
        body = Text()
        if item.label:
            body.append(clean(item.label) + ": ", style="bold")
        body.append_text(styled(item.text))
        lines += hang(out, body, width, indent, mark, "cyan")
        pad = indent + cell_len(mark)
        for detail in item.details:
            lines += hang(out, styled(detail, "dim"), width, pad)
        for quote in said:
            lines += hang(out, styled(quoted(clean(quote)), "italic green"), width, pad)
    return lines


def longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def quoted(text: str) -> str:
    """The source's sentence in quotation marks, unless it holds its own: then as it stands,
    so that no mark is left open (its own marks are the article's, balanced)."""
    if any(mark in text for mark in "\u201c\u201d\""):
        return text
    return f"\u201c{text}\u201d"


def column_widths(cells: Sequence[Sequence[str]], room: int) -> list[int] | None:
    """Widths that fit ``room`` without splitting a word, or None when no such widths exist."""
    count = len(cells[0])
    least = [max(longest_word(row[i]) for row in cells) for i in range(count)]
    most = [max(cell_len(row[i]) for row in cells) for i in range(count)]
    room -= GAP * (count - 1)
    if sum(least) > room:
        return None
    widths = list(most)
    while sum(widths) > room:  # take a column at a time from the one with most to spare
        i = max(range(count), key=lambda c: widths[c] - least[c])
        widths[i] -= 1
    return widths


def _table(out: Console, block: Table, width: int, dumb: bool) -> list[Text]:
    used = [i for i in range(len(block.columns)) if any(row[i] for row in block.rows)]
    rows = [[clean(row[i]) for i in used] for row in (block.columns, *block.rows)]
    right = {n for n, i in enumerate(used) if i in block.right}
    widths = column_widths(rows, width - INDENT)
    if widths is not None:
        wrapped = [[wrap(out, styled(cell, "bold" if r == 0 else ""), w) for cell, w in zip(row, widths)]
                   for r, row in enumerate(rows)]
        if max(len(cell) for row in wrapped for cell in row) <= MAX_CELL_LINES:
            lines = []
            for r, row in enumerate(wrapped):
                for k in range(max(len(cell) for cell in row)):
                    line = Text(" " * INDENT)
                    for n, (cell, w) in enumerate(zip(row, widths)):
                        part = cell[k] if k < len(cell) else Text()
                        space = " " * max(w - part.cell_len, 0)
                        line += Text(space) + part if n in right else part + Text(space)
                        if n < len(row) - 1:
                            line += Text(" " * GAP)
                    line.rstrip()
                    lines.append(line)
                if r == 0:
                    rule = "-" if dumb else "\u2500"
                    lines.append(Text(" " * INDENT + rule * (sum(widths) + GAP * (len(widths) - 1)), style="dim"))
            return lines
    return _stacked(out, rows, width)


def _stacked(out: Console, rows: list[list[str]], width: int) -> list[Text]:
    """One record at a time: its first field, then ``Column: value`` lines."""
    header, body = rows[0], rows[1:]
    lines: list[Text] = []
    for n, row in enumerate(body):
        if n:
            lines.append(Text())
        lines += hang(out, styled(row[0], "bold"), width, INDENT)
        for name, cell in zip(header[1:], row[1:]):
            if not cell:
                continue
            label = f"{name}: " if name else ""
            if cell_len(label) > (width - INDENT) // 2:  # a long name gets its own line, the value the width
                lines += hang(out, Text(label.rstrip(), style="dim"), width, INDENT + 2)
                lines += hang(out, styled(cell), width, INDENT + 4)
            else:
                lines += hang(out, styled(cell), width, INDENT + 2, label, "dim")
    return lines + [Text()]


def _bars(block: Bars, width: int, dumb: bool) -> list[Text]:
    mark = "#" if dumb else "\u2588"
    labels = [clean(label) for label, _, _ in block.rows]
    shown = [clean(text) for _, _, text in block.rows]
    label_w = max(map(cell_len, labels), default=0)
    shown_w = max(map(cell_len, shown), default=0)
    peak = max((value for _, value, _ in block.rows), default=0) or 1
    # the last column stays free: a terminal that wraps on a full line (or draws the block
    # character wide) must not fold the chart
    bar_room = min(30, width - 1 - INDENT - label_w - shown_w - 2)
    stacked = bar_room < 10
    if stacked:
        bar_room = min(30, width - 1 - INDENT - 2)
    lines = []
    for label, (_, value, _), text in zip(labels, block.rows, shown):
        bar = Text(mark * max(1, round(bar_room * value / peak)), style="green")
        if stacked:
            lines.append(Text(" " * INDENT) + Text(label) + Text(" ") + Text(text))
            lines.append(Text(" " * (INDENT + 2)) + bar)
        else:
            line = Text(" " * INDENT + label.ljust(label_w) + " ") + bar
            line += Text(" " * (bar_room - bar.cell_len + 1) + text)
            lines.append(line)
    return lines
