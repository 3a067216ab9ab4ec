"""Shell completion: the scripts ``mlcareer completion SHELL`` prints, and the answer to a Tab.

A Tab runs ``mlcareer`` with ``_MLCAREER_COMPLETE=complete_SHELL`` and the words typed so far in
``COMP_WORDS`` (``COMP_CWORD`` is the index of the word being completed). The answer comes from
``grammar`` (every command, option and argument, generated from the click tree by
``scripts/generate.py``), so a Tab imports neither typer nor rich and builds no command tree: only
role names need the catalog. Completion of file names is left to the shell (the answer is the line
``@files``), so a word that is not a file name never offers files.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

from .grammar import GRAMMAR

COMPLETE_VAR = "_MLCAREER_COMPLETE"
FILES = "@files"  # the answer that means: let the shell complete a file name

_BASH = r"""_mlcareer_completion() {
    local IFS=$'\n'
    local answer
    answer=$(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD="$COMP_CWORD" %(var)s=complete_bash "$1" 2>/dev/null)
    if [[ "$answer" == "@files" ]]; then
        COMPREPLY=( $(compgen -f -- "${COMP_WORDS[COMP_CWORD]}") )
        compopt -o filenames 2>/dev/null
    else
        COMPREPLY=( $answer )
    fi
    return 0
}

complete -F _mlcareer_completion mlcareer
"""

_ZSH = r"""#compdef mlcareer

_mlcareer_completion() {
    local -a candidates
    local answer
    answer=$(env COMP_WORDS="${(pj:\n:)words[1,CURRENT]}" COMP_CWORD=$((CURRENT - 1)) %(var)s=complete_zsh mlcareer 2>/dev/null)
    if [[ "$answer" == "@files" ]]; then
        _files
        return
    fi
    candidates=("${(@f)answer}")
    [[ -n "$answer" ]] && _describe 'mlcareer' candidates
}

compdef _mlcareer_completion mlcareer
"""

_FISH = r"""function __mlcareer_complete
    set -l words (commandline -opc) (commandline -ct)
    set -l answer (env COMP_WORDS=(string join \n -- $words | string collect) COMP_CWORD=(math (count $words) - 1) %(var)s=complete_fish mlcareer 2>/dev/null)
    if test "$answer" = "@files"
        __fish_complete_path (commandline -ct)
    else
        string join \n -- $answer
    end
end
complete --command mlcareer --no-files --arguments "(__mlcareer_complete)"
"""

SCRIPTS = {"bash": _BASH, "zsh": _ZSH, "fish": _FISH}


def script(shell: str) -> str:
    return SCRIPTS[shell] % {"var": COMPLETE_VAR}


def split_words(joined: str) -> list[str]:
    """``COMP_WORDS`` as the shell gave it (one word a line, or spaces), each word unquoted."""
    import shlex

    parts = joined.split("\n") if "\n" in joined else joined.split(" ")
    words = []
    for part in parts:
        try:
            unquoted = shlex.split(part)
            words.append(" ".join(unquoted) if unquoted else "")
        except ValueError:  # a quote not yet closed: the word being typed
            words.append(part.lstrip("'\""))
    return words


class Spot:
    """Where the word being completed stands: which command, whether an option wants its value,
    which positional argument it would be, and the ``--data`` files named so far."""

    def __init__(self, grammar: Mapping, words: Sequence[str]) -> None:
        self.command: str | None = None
        self.pending: Mapping | None = None  # the option whose value is being typed
        self.positional = 0
        self.data: list[str] = []
        self.after_dashes = False
        options = grammar["options"]
        i = 0
        while i < len(words):
            word = words[i]
            if word == "--" and not self.after_dashes:
                self.after_dashes = True
            elif word.startswith("-") and len(word) > 1 and not self.after_dashes:
                name, eq, value = word.partition("=")
                found = self.option(grammar, name)
                if found is None and not word.startswith("--"):  # -dFILE
                    name, value, eq = word[:2], word[2:], "=" if word[2:] else ""
                    found = self.option(grammar, name)
                if found is not None and found["value"] and not eq:
                    if i + 1 == len(words):
                        self.pending = found
                        break
                    i += 1
                    value = words[i]
                if found is not None and found.get("completes") == "files" and name in options:
                    self.data.append(value)
            elif self.command is None:
                self.command = word
            else:
                self.positional += 1
            i += 1

    def option(self, grammar: Mapping, name: str) -> Mapping | None:
        command = grammar["commands"].get(self.command or "")
        if command and name in command["options"]:
            return command["options"][name]
        return grammar["options"].get(name)


def _roles(data: list[str]) -> list[str]:
    try:
        # start-up: a Tab reads the catalog only to complete a role
        from .catalog import env_data_paths, load_catalog

        # the shell has not expanded a ~ in a word still being typed
        return list(load_catalog([*env_data_paths(), *map(os.path.expanduser, data)]).slugs())
    except Exception:  # noqa: BLE001 - a completion must never print an error
        return []


def _values(param: Mapping, spot: Spot, first_word: bool) -> list[tuple[str, str]] | str:
    """An argument of several words (``help COMMAND...``, a role's name) is completed at its first
    word only, unless each word is one of its kind (``compare ROLE ROLE``, ``validate FILE...``)."""
    kind = param.get("completes", "")
    if not first_word and kind not in ("roles", "files"):
        return []
    if kind == "files":
        return FILES
    if kind in ("role", "roles"):
        return [(slug, "") for slug in _roles(spot.data)]
    return [(choice, "") for choice in param.get("choices", ())]


def candidates(grammar: Mapping, words: Sequence[str], incomplete: str,
               after: Sequence[str] = ()) -> list[tuple[str, str]] | str:
    """What may stand at the cursor: (word, description) pairs, or ``FILES``. ``after`` are the
    words after the cursor: a ``--data`` there counts too."""
    spot = Spot(grammar, words)
    spot.data = Spot(grammar, [*words, *after]).data if after else spot.data
    if spot.pending is not None:
        found = _values(spot.pending, spot, True)
    elif incomplete.startswith("-") and not spot.after_dashes:
        command = grammar["commands"].get(spot.command or "")
        inherited = grammar["options"] if spot.command is None else \
            {name: grammar["options"][name] for name in grammar["after_command"]}
        options = {**(command["options"] if command else {}), **inherited}
        found = [(name, option["help"]) for name, option in options.items()]
        if "=" in incomplete:  # --color=al
            name = incomplete.split("=", 1)[0]
            option = options.get(name)
            values = _values(option, spot, True) if option else []
            if isinstance(values, str):
                return values
            found = [(f"{name}={value}", what) for value, what in values]
    elif spot.command is None:
        found = [(name, command["help"]) for name, command in grammar["commands"].items()]
    else:
        command = grammar["commands"].get(spot.command)
        found = []
        if command:
            at = spot.positional
            for argument in command["arguments"]:
                if at == 0 or argument["many"]:
                    found = _values(argument, spot, first_word=at == 0)
                    break
                at -= 1
    if isinstance(found, str):
        return found
    return [(word, what) for word, what in found if word.startswith(incomplete)]


def respond(environ: Mapping[str, str]) -> str:
    """The answer to one Tab, in the form the shell's script reads."""
    shell = environ.get(COMPLETE_VAR, "").removeprefix("complete_")
    if shell.endswith("_source") and shell.removesuffix("_source") in SCRIPTS:  # click's way to ask for the script
        return script(shell.removesuffix("_source"))
    words = split_words(environ.get("COMP_WORDS", ""))
    try:
        cword = int(environ.get("COMP_CWORD", "") or len(words) - 1)
    except ValueError:
        cword = len(words) - 1
    incomplete = words[cword] if 0 <= cword < len(words) else ""
    found = candidates(GRAMMAR, words[1:cword], incomplete, words[cword + 1:])
    if isinstance(found, str):
        return found + "\n"
    if shell == "zsh":
        lines = [word.replace(":", "\\:") + (":" + what if what else "") for word, what in found]
    elif shell == "fish":
        lines = [word + ("\t" + what if what else "") for word, what in found]
    else:
        lines = [word for word, _ in found]
    return "".join(line + "\n" for line in lines)


def main() -> None:
    """Answer the Tab the environment describes, and exit."""
    import contextlib

    with contextlib.suppress(Exception):  # a completion must never print a traceback into the prompt
        sys.stdout.write(respond(os.environ))
        sys.stdout.flush()
    sys.exit(0)


def first_sentence(text: str) -> str:
    """A description short enough for a completion menu."""
    sentence = text.split(". ")[0]
    return (sentence if sentence.count("(") == sentence.count(")") else text).rstrip(".")


def grammar_source(page, sections: Sequence[str]) -> str:
    """The Python source of ``mlcareer/grammar.py`` for the root help ``page`` (``helptext.Page``):
    one line per option or argument, each option once with all its names."""
    static = {"sections": tuple(sections), "commands": tuple(name for name, _ in page.commands)}

    def entry(p, **extra) -> str:
        fields: dict = {"names": p.names, "help": first_sentence(p.help), "value": p.takes_value, **extra}
        if p.completes:
            fields["completes"] = p.completes
        choices = p.choices or static.get(p.completes, ())
        if choices:
            fields["choices"] = tuple(choices)
        return repr(fields)

    inherited = {name for p in (page.subpages[0].global_options if page.subpages else ()) for name in p.names}
    help_names = ("-h", "--help")
    lines = ['"""The command line\'s grammar for shell completion. Generated by scripts/generate.py from',
             'the click tree; do not edit (tests/test_generated.py checks that it is current)."""', "",
             "from typing import Any", "", "# mlcareer's own options; after_command: also allowed after the command",
             "OPTIONS: list[dict[str, Any]] = ["]
    lines += [f"    {entry(p, after_command=bool(inherited & set(p.names)))}," for p in page.options]
    lines += [f"    {{'names': {help_names!r}, 'help': 'Show help and exit', 'value': False, 'after_command': True}},",
              "]", "", "COMMANDS: dict[str, dict[str, Any]] = {"]
    for sub in page.subpages:
        lines.append(f"    {sub.name!r}: {{'help': {first_sentence(sub.summary)!r}, 'options': [")
        lines += [f"        {entry(p)}," for p in sub.options]
        lines.append("    ], 'arguments': [")
        lines += [f"        {entry(p, many=p.many)}," for p in sub.arguments]
        lines.append("    ]},")
    lines += ["}", "", "", "def _by_name(entries: list) -> dict:",
              "    return {name: entry for entry in entries for name in entry['names']}", "", "",
              "GRAMMAR: dict[str, Any] = {",
              "    'options': _by_name(OPTIONS),",
              "    'after_command': [name for entry in OPTIONS if entry['after_command'] for name in entry['names']],",
              "    'commands': {name: {**command, 'options': _by_name(command['options'])}",
              "                 for name, command in COMMANDS.items()},", "}"]
    return "\n".join(lines) + "\n"
