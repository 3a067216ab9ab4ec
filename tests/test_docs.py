"""The README cannot drift from the program: its command reference against the ``--help`` tree,
its exit-code table against ``ExitCode``.

The command tree is walked from typer's ``get_command``, so a command or option added later is
checked without touching this file. Failures name exactly what is missing and where.
"""

from __future__ import annotations

import re

from conftest import ROOT

README = ROOT / "README.md"


def readme_section(title: str) -> str:
    """The text under a ``## title`` heading, up to the next heading of that level."""
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.DOTALL | re.MULTILINE)
    assert match, f"README.md has no '## {title}' section"
    return match.group(1)


def command_tree() -> dict[str, list[str]]:
    """Every command path (``mlcareer``, ``mlcareer show``, ...) and the options its --help lists,
    each by its long name (its short one when it has no long name)."""
    from typer.main import get_command

    from mlcareer.cli import app

    root = get_command(app)
    tree: dict[str, list[str]] = {}

    # typer bundles its own click: reached through the command objects, never imported.
    def walk(command, path: str, parent) -> None:
        ctx = command.context_class(command, info_name=path.rsplit(" ", 1)[-1], parent=parent)
        options = []
        for param in command.get_params(ctx):
            if param.param_type_name == "option" and not getattr(param, "hidden", False):
                names = [*param.opts, *param.secondary_opts]
                options += [n for n in names if n.startswith("--")] or names[:1]
        tree[path] = options
        if hasattr(command, "list_commands"):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                if sub is not None and not sub.hidden:
                    walk(sub, f"{path} {name}", ctx)

    walk(root, "mlcareer", None)
    return tree


def mentions(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def test_every_command_and_option_in_help_is_in_the_readme_reference():
    reference = readme_section("Commands")
    missing = []
    for path, options in command_tree().items():
        if path != "mlcareer" and f"`{path}" not in reference:
            missing.append(f"command `{path}` is not in README.md '## Commands'")
        missing += [f"option {option} of `{path}` is not in README.md '## Commands'"
                    for option in options if not mentions(reference, option)]
    assert not missing, "\n".join(missing)


def test_every_command_and_option_in_the_readme_reference_exists():
    reference = readme_section("Commands")
    tree = command_tree()
    commands = {path.split(" ", 2)[1] for path in tree if " " in path}
    options = {option for names in tree.values() for option in names}
    unknown = [f"README.md '## Commands' names `mlcareer {name}`, which --help does not list"
               for name in sorted(set(re.findall(r"`mlcareer ([a-z][a-z-]*)", reference)) - commands)]
    unknown += [f"README.md '## Commands' names {option}, which no command's --help lists"
                for option in sorted(set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", reference)) - options)]
    assert not unknown, "\n".join(unknown)


def test_the_readme_exit_code_table_is_exit_code():
    from mlcareer.errors import ExitCode

    table = readme_section("Commands").split("### Exit codes", 1)[-1]
    documented = [int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)]
    assert sorted(documented) == sorted(int(code) for code in ExitCode), (
        f"README.md 'Exit codes' lists {sorted(documented)}; ExitCode defines "
        f"{sorted(int(code) for code in ExitCode)}")


def test_the_readme_names_every_section():
    from mlcareer.sections import SECTION_NAMES

    reference = readme_section("Commands")
    missing = [name for name in SECTION_NAMES if f"`{name}`" not in reference]
    assert not missing, f"README.md '## Commands' does not list the sections {missing} (show --section NAME)"
