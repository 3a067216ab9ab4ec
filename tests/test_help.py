"""Help as a user reads it: the same shape for every command, no parser placeholders, the global
options everywhere, examples that run, and a manual page generated from the same tree."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest
from conftest import ARTICLE, NO_ARTICLE, ROOT, run_process, run_with_terminal_stdin

from mlcareer.cli import EXAMPLES, app_commands

COMMANDS = sorted(app_commands())
GLOBALS = ("--data PATH", "--color WHEN", "--no-pager")


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_help_has_usage_options_globals_and_examples(cli, name):
    result = cli(name, "--help")
    assert result.code == 0 and result.err == ""
    out = result.out
    assert out.startswith(f"Usage: mlcareer {name}")
    headings = re.findall(r"^([A-Z][\w ()]+):$", out, re.MULTILINE)
    assert headings[-2:] == ["Global options", "Examples"], headings
    assert all(option in out for option in GLOBALS)
    assert re.search(r"^  \$ mlcareer ", out, re.MULTILINE) or name == "completion"


def test_the_overview_lists_every_command_and_the_global_options(cli):
    out = cli("--help").out
    listed = re.findall(r"^  ([a-z][a-z-]*)  ", out.split("Commands:")[1].split("\n\n")[0], re.MULTILINE)
    assert listed == app_commands()
    assert all(option in out for option in (*GLOBALS, "--version", "--help"))
    assert "Examples:" in out


@pytest.mark.parametrize("name", ["", *COMMANDS])
def test_no_parser_placeholders_in_help(cli, name):
    out = cli(*([name] if name else []), "--help").out
    for placeholder in ("<int range>", "x>=1", "{shell}", "<bash|zsh|fish>", "<text|markdown|json>",
                        "<auto|always|never>", "TEXT", "INTEGER", "[required]"):
        assert placeholder not in out, f"{placeholder!r} in 'mlcareer {name} --help'"
    usage = out.splitlines()[0]
    assert usage == usage.replace("[role]", "")
    assert not re.search(r"\[[a-z]+\]", usage), usage  # metavars are upper case: [ROLE], not [role]


def test_help_names_values_as_a_reader_would(cli):
    assert "-n, --limit N " in cli("titles", "--help").out
    assert cli("completion", "--help").out.startswith("Usage: mlcareer completion [OPTIONS] SHELL\n")
    assert "Usage: mlcareer titles [OPTIONS] [ROLE]\n" in cli("help", "titles").out


def _examples() -> list[tuple[str, str]]:
    return [(name, line) for name, pairs in EXAMPLES.items() for _, line in pairs]


@pytest.mark.parametrize("name,line", _examples(), ids=[line for _, line in _examples()])
def test_every_example_runs(cli, name, line, tmp_path, monkeypatch):
    """Each example, as printed, succeeds (a piped one is run as far as mlcareer goes)."""
    if line.startswith("eval"):
        line = line.split('"$(', 1)[1].split(')"', 1)[0]
    argv = shlex.split(re.split(" [|>] ", line)[0])  # run as far as mlcareer goes: not the pipe or redirect
    assert argv[0] == "mlcareer"
    if "article.md" in argv:
        if not ARTICLE.exists():
            pytest.skip(NO_ARTICLE)
        shutil.copy(ARTICLE, tmp_path / "article.md")
    for file in ("my-roles.yaml", "my-source.md"):
        shutil.copy(ROOT / "examples" / file, tmp_path / file)
    monkeypatch.chdir(tmp_path)
    if argv[1:] in (["fit"], ["ask"]):  # asks its questions in a terminal: a user typing answers
        keys = {"fit": "y\n" * 12, "ask": "what do they do\n\x04"}[argv[1]]
        result = run_with_terminal_stdin(argv[1], keys=keys)
    else:
        result = cli(*argv[1:])
    assert result.code == 0, f"{line}: exit {result.code}: {result.err}"
    assert result.out


def test_examples_fit_and_paste_at_40_columns():
    out = run_process("show", "--help", env={"COLUMNS": "40"}).out
    block = out.split("Examples:\n", 1)[1]
    assert "  $ mlcareer show data-wrangler \\\n      --data my-roles.yaml\n" in block
    assert all(len(line) <= 40 for line in block.splitlines())


def test_help_is_wrapped_between_words_at_any_width():
    wide = run_process("titles", "--help", env={"COLUMNS": "500"}).out.split()
    for columns in (40, 60, 120):
        narrow = run_process("titles", "--help", env={"COLUMNS": str(columns)}).out
        assert all(len(line) <= columns for line in narrow.splitlines())
        assert set(narrow.split()) - {"\\"} <= set(wide), f"a word split at {columns} columns"


def test_the_man_page_is_the_help_tree(cli):
    man = cli("help", "--man").out
    assert man.startswith(".TH MLCAREER 1 ")
    for name in COMMANDS:
        assert ".SS " + name.replace("-", "\\-") + "\n" in man  # roff escapes a hyphen
    for option in ("\\-\\-data", "\\-\\-color", "\\-\\-no\\-pager", "\\-\\-section", "\\-\\-search", "\\-\\-man"):
        assert option in man
    assert ".SH EXIT STATUS" in man and ".SH EXAMPLES" in man


@pytest.mark.skipif(shutil.which("man") is None and shutil.which("groff") is None, reason="no man or groff")
def test_the_man_page_renders(tmp_path):
    import subprocess

    page = tmp_path / "mlcareer.1"
    page.write_text(run_process("help", "--man").out)
    tool = ["man", "-l", str(page)] if shutil.which("man") else ["groff", "-man", "-Tutf8", str(page)]
    proc = subprocess.run(tool, capture_output=True, text=True, env={"MANPAGER": "cat", "PATH": "/usr/bin:/bin",
                                                                   "MANWIDTH": "80"}, check=False)
    assert proc.returncode == 0 and "mlcareer" in proc.stdout and "--data" in proc.stdout.replace("\u2010", "-")


def test_the_man_page_environment_is_the_readmes():
    from test_docs import readme_section

    from mlcareer.cli import ENVIRONMENT

    documented = set(re.findall(r"^\| `([A-Z_]+)", readme_section("Commands").split("### Environment")[1],
                                re.MULTILINE))
    documented |= set(re.findall(r"`([A-Z_]+)`", " ".join(
        line.split("|")[1] for line in readme_section("Commands").split("### Environment")[1].splitlines()
        if line.startswith("| `"))))
    in_man = {name.strip() for names, _ in ENVIRONMENT for name in names.split(",")}
    assert documented == in_man


def test_every_choice_is_named_in_help(cli):
    """A value with fixed choices says what they are, whoever wrote its help."""
    from mlcareer.cli import root_page

    for page in root_page().subpages:
        text = cli(page.name, "--help").out
        for param in (*page.options, *page.arguments):
            assert all(choice in text for choice in param.choices), (page.name, param.names)


def test_resources_help_offers_no_quotes_example(cli):
    """resources prints each course's and link's own words: --quotes changes nothing, so no example offers it."""
    assert "mlcareer resources --quotes" not in cli("resources", "--help").out
    assert "mlcareer duties --quotes" in cli("duties", "--help").out
