"""Help pages, the man page and the completion grammar, all read from one model of the command tree.

``describe`` reads the command objects typer builds (through their public attributes only:
``params``, ``opts``, ``help``, ``metavar``, ``type``, ...) into plain dataclasses; ``render``
lays a page out as text wrapped between words to the terminal, ``man_page`` as roff, and
``completion.grammar_source`` as the table shell completion answers from. Help, man page and
completion therefore cannot disagree about a command or an option.

Nothing here imports typer or click: the tree is handed in.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# What a value is, by the parameter's name: how completion finds candidates for it.
COMPLETES = {"role": "role", "roles": "roles", "section": "sections", "command": "commands",
             "data": "files", "files": "files", "source": "files"}
MAX_WIDTH = 80


@dataclass(frozen=True)
class Param:
    names: tuple[str, ...]  # option names, long ones last ("-s", "--section"); an argument's metavar
    metavar: str  # "" for a flag
    help: str
    completes: str = ""  # "role", "roles", "sections", "commands", "files" or "choices"
    choices: tuple[str, ...] = ()
    many: bool = False  # an argument taking several words

    @property
    def takes_value(self) -> bool:
        return bool(self.metavar)


@dataclass(frozen=True)
class Page:
    path: str  # "mlcareer show"
    name: str  # "show"; "" for the root
    usage: str
    summary: str
    description: str
    arguments: tuple[Param, ...] = ()
    options: tuple[Param, ...] = ()
    global_options: tuple[Param, ...] = ()
    examples: tuple[tuple[str, str], ...] = ()  # (what it does, the command)
    commands: tuple[tuple[str, str], ...] = ()  # (name, summary)
    subpages: tuple[Page, ...] = field(default=(), repr=False)


def _summary(command: Any) -> str:
    text = (command.help or "").strip()
    return " ".join(text.split("\n\n")[0].split())


def _metavar(param: Any) -> str:
    if param.param_type_name == "option" and getattr(param, "is_flag", False):
        return ""
    if param.metavar:
        return str(param.metavar)
    kind = getattr(param.type, "name", "")
    if kind.startswith("integer"):
        return "N"
    return str(param.name).upper()


def _choices(param: Any) -> tuple[str, ...]:
    return tuple(str(getattr(choice, "value", choice)) for choice in getattr(param.type, "choices", None) or ())


def _param(param: Any) -> Param:
    choices = _choices(param)
    helped = " ".join((getattr(param, "help", None) or "").split())
    default = getattr(param.default, "value", param.default)
    if choices and not all(re.search(rf"\b{re.escape(choice)}\b", helped) for choice in choices):
        helped = f"{helped} One of: {', '.join(choices)}." if helped else f"One of: {', '.join(choices)}."
    if choices and default not in (None, "") and "default" not in helped.lower():
        helped += f" Default: {default}." if helped.endswith(".") else f" (default: {default})"
    completes = "choices" if choices else COMPLETES.get(str(param.name), "")
    if param.param_type_name == "argument":
        metavar = _metavar(param)
        return Param((metavar,), metavar, helped, completes, choices, many=param.nargs == -1)
    names = sorted([*param.opts, *param.secondary_opts], key=lambda name: (name.startswith("--"), name))
    return Param(tuple(names), _metavar(param), helped, completes, choices)


def _usage(path: str, arguments: Iterable[Any], group: bool) -> str:
    words = [path, "[OPTIONS]"]  # every command has -h and the global options
    if group:
        words.append("COMMAND")
    for argument in arguments:
        metavar = _metavar(argument)
        if metavar.startswith("["):  # already says it is optional
            words.append(metavar)
            continue
        many = "..." if argument.nargs == -1 and not metavar.endswith("...") and "[" not in metavar else ""
        words.append(f"{metavar}{many}" if argument.required else f"[{metavar}]{many}")
    return " ".join(words)


def describe(command: Any, ctx: Any, examples: Mapping[str, Sequence[tuple[str, str]]]) -> Page:
    """The page of ``command`` (a click command of typer's tree, with its context), and of its
    subcommands when it is a group. ``examples`` maps a command name ("" for the root) to its
    (what it does, command line) pairs."""
    root = ctx.find_root()
    visible = [p for p in command.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [p for p in visible if p.param_type_name == "argument"]
    # the help option is every page's, added by each renderer
    options = tuple(_param(p) for p in visible if p.param_type_name == "option" and "--help" not in p.opts)
    path = ctx.command_path
    name = "" if ctx.parent is None else str(ctx.info_name)
    global_options: tuple[Param, ...] = ()
    if ctx.parent is not None:
        root_params = root.command.get_params(root)
        global_options = tuple(_param(p) for p in root_params if p.param_type_name == "option"
                               and not getattr(p, "is_eager", False) and not getattr(p, "hidden", False))
    group = hasattr(command, "list_commands")
    commands: list[tuple[str, str]] = []
    subpages: list[Page] = []
    if group:
        for sub_name in command.list_commands(ctx):
            sub = command.get_command(ctx, sub_name)
            if sub is None or sub.hidden:
                continue
            commands.append((sub_name, _summary(sub)))
            sub_ctx = type(ctx)(sub, info_name=sub_name, parent=ctx)
            subpages.append(describe(sub, sub_ctx, examples))
    description = (command.help or "").strip()
    return Page(path=path, name=name, usage=_usage(path, arguments, group),
                summary=_summary(command), description=description,
                arguments=tuple(_param(p) for p in arguments), options=options,
                global_options=global_options, examples=tuple(examples.get(name, ())),
                commands=tuple(commands), subpages=tuple(subpages))


# --- text -----------------------------------------------------------------------------------------

def _wrap(text: str, width: int, indent: str = "", first: str | None = None) -> list[str]:
    """Between words only: an option, slug, path or URL is never split."""
    return textwrap.wrap(text, max(width, 10), initial_indent=indent if first is None else first,
                         subsequent_indent=indent, break_long_words=False, break_on_hyphens=False) or [""]


def _option_label(param: Param) -> str:
    shorts = [n for n in param.names if not n.startswith("--")]
    longs = [n for n in param.names if n.startswith("--")]
    label = ", ".join([*shorts, *longs]) if shorts else "    " + ", ".join(longs)
    return f"{label} {param.metavar}" if param.metavar else label


def _column(rows: Sequence[tuple[str, str]], width: int) -> int:
    return min(max((len(term) for term, _ in rows), default=0) + 4, width * 2 // 5, 30)


def _definitions(rows: Sequence[tuple[str, str]], width: int, column: int = 0) -> list[str]:
    """Term and text side by side; a term too long for its column gets its own line."""
    column = column or _column(rows, width)
    lines: list[str] = []
    for term, text in rows:
        term = "  " + term
        if len(term) + 2 <= column:
            lines += _wrap(text, width, " " * column, first=term.ljust(column))
        else:
            lines.append(term)
            if text:
                lines += _wrap(text, width, " " * column)
    return [line.rstrip() for line in lines]


SHELL_WORD = re.compile(r"""(?:'[^']*'|"[^"]*"|[^\s'"])+""")


def _command_lines(line: str, width: int) -> list[str]:
    """``$ command``; too long for the width, it goes on between shell words, each line but the
    last ending in `` \\`` (as bash, zsh and fish read it), so it still pastes as one command."""
    lines, current = [], "  $"
    for word in SHELL_WORD.findall(line):
        if len(current) + 1 + len(word) + 2 > width and current.strip() not in ("$", ""):
            lines.append(current + " \\")
            current = "     "
        current = f"{current} {word}"
    return [*lines, current]


def _paragraphs(text: str, width: int, indent: str = "") -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        if lines:
            lines.append("")
        lines += _wrap(" ".join(paragraph.split()), width, indent)
    return lines


HELP_ROW = ("-h, --help", "Show this help and exit.")


def render(page: Page, columns: int) -> str:
    """The page as ``--help`` prints it, wrapped to ``columns`` (at most 80)."""
    width = max(min(columns, MAX_WIDTH) - 1, 20)
    lines = _wrap(page.usage, width, " " * 4, first="Usage: ")
    lines += [""] + _paragraphs(page.description, width)
    if page.commands:
        lines += ["", "Commands:"] + _definitions(list(page.commands), width)
    if page.arguments:
        lines += ["", "Arguments:"] + _definitions([(p.metavar, p.help) for p in page.arguments], width)
    options = [(_option_label(p), p.help) for p in page.options] + [HELP_ROW]
    inherited = [(_option_label(p), p.help) for p in page.global_options]
    column = _column(options + inherited, width)
    lines += ["", "Global options:" if not page.name else "Options:"] + _definitions(options, width, column)
    if inherited:
        lines += ["", "Global options:"] + _definitions(inherited, width, column)
    if page.examples:
        lines += ["", "Examples:"]
        for what, line in page.examples:
            lines += _wrap(what, width, "  # ")
            lines += _command_lines(line, width)
    more = ("Run 'mlcareer help COMMAND' for a command's options and examples; 'man mlcareer' (or "
            "'mlcareer help --man | man -l -') for the manual.") if not page.name else \
        "Run 'mlcareer --help' for every command."
    lines += [""] + _wrap(more, width)
    return "\n".join(line.rstrip() for line in lines)


# --- man -----------------------------------------------------------------------------------------

def _roff(text: str) -> str:
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + line if line[:1] in (".", "'") else line) for line in text.split("\n"))


def _man_options(params: Iterable[Param]) -> list[str]:
    lines: list[str] = []
    for param in params:
        names = ", ".join(f"\\fB{_roff(n)}\\fR" for n in param.names)
        label = f"{names} \\fI{_roff(param.metavar)}\\fR" if param.metavar else names
        lines += [".TP", label, _roff(param.help)]
    return lines


def _man_examples(examples: Iterable[tuple[str, str]]) -> list[str]:
    lines: list[str] = []
    for what, line in examples:
        lines += [".PP", _roff(what), ".RS 4", ".EX", _roff(f"$ {line}"), ".EE", ".RE"]
    return lines


def man_page(page: Page, version: str, exit_codes: Iterable[tuple[int, str]], environment:
             Iterable[tuple[str, str]]) -> str:
    """The manual, mlcareer(1), from the root ``page`` and its subpages."""
    # .nh and .ad l: no word is hyphenated or stretched, as in the terminal's help
    lines = [f'.TH MLCAREER 1 "" "mlcareer {version}" "User Commands"', ".nh", ".ad l", ".SH NAME",
             f"mlcareer \\- {_roff(page.summary[0].lower() + page.summary[1:].rstrip('.'))}",
             ".SH SYNOPSIS", "\\fBmlcareer\\fR [\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]...",
             ".SH DESCRIPTION"]
    lines += [_roff(" ".join(p.split())) + "\n.PP" for p in page.description.split("\n\n")]
    lines[-1] = lines[-1].removesuffix("\n.PP")
    lines += [".SH OPTIONS"] + _man_options(page.options) + [".TP", "\\fB\\-h\\fR, \\fB\\-\\-help\\fR",
                                                              "Show help and exit."]
    lines.append(".SH COMMANDS")
    for sub in page.subpages:
        lines += [".SS " + _roff(sub.name), f"\\fB{_roff(sub.usage)}\\fR", ".PP"]
        lines += [_roff(" ".join(p.split())) + "\n.PP" for p in sub.description.split("\n\n")]
        lines[-1] = lines[-1].removesuffix("\n.PP")
        if sub.arguments:
            lines += [".PP", "Arguments:"] + [line for p in sub.arguments
                                               for line in (".TP", f"\\fI{_roff(p.metavar)}\\fR", _roff(p.help))]
        if sub.options:
            lines += [".PP", "Options:"] + _man_options(sub.options)
        if sub.examples:
            lines += [".PP", "Examples:"] + _man_examples(sub.examples)
    lines += [".SH EXAMPLES"] + _man_examples(page.examples)
    lines += [".SH ENVIRONMENT"] + [line for name, what in environment
                                    for line in (".TP", f"\\fB{_roff(name)}\\fR", _roff(what))]
    lines += [".SH EXIT STATUS"] + [line for code, what in exit_codes for line in (".TP", str(code), _roff(what))]
    lines += [".SH SEE ALSO", "The README of mlcareer: the JSON output, the data files and the design."]
    return "\n".join(lines) + "\n"
