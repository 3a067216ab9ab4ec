"""CLI conventions: version, help, exit codes, python -m, completion, streams."""

from __future__ import annotations

import json
import os

import pytest
from conftest import run_process


def test_version(cli):
    from mlcareer import __version__

    result = cli("--version")
    assert result.code == 0 and result.out == f"mlcareer {__version__}\n"


def test_no_arguments_prints_help(cli):
    result = cli()
    assert result.code == 0 and "show" in result.out and "salary" in result.out


def test_unknown_option_is_a_one_line_usage_error(cli):
    result = cli("show", "--bogus")
    assert result.code == 2 and result.out == ""
    # The middle is click's wording; what we own is the one line, the prefix, the name and the pointer.
    assert result.err.startswith("mlcareer: ") and result.err.count("\n") == 1
    assert "--bogus" in result.err and result.err.endswith(" (see 'mlcareer show --help')\n")


@pytest.mark.parametrize(("args", "fixed"), [
    (["--json", "show", "machine-learning-engineer"], "mlcareer show --json machine-learning-engineer"),
    (["--format", "json", "salary"], "mlcareer salary --format json"),
])
def test_a_commands_option_before_the_command_says_where_it_goes(cli, args, fixed):
    """gh and git take a command's options after it; given before it, the error shows the line
    that works, ready to paste."""
    result = cli(*args)
    assert result.code == 2 and result.out == "" and result.err.count("\n") == 1
    assert result.err.startswith("mlcareer: ") and f"({fixed})" in result.err


def test_unknown_command(cli):
    result = cli("shwo")
    assert result.code == 2 and "shwo" in result.err
    assert result.err.startswith("mlcareer: ") and result.err.count("\n") == 1


def test_python_dash_m_works_as_a_process():
    result = run_process("titles", "--search", "data", env={"NO_COLOR": "1"})
    assert result.code == 0 and "Data engineer" in result.out and "\x1b[" not in result.out


def test_data_file_error_has_its_own_exit_code(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("roles:\n  - slug: x\n    title: X\n    source: nowhere\n")
    result = cli("--data", str(bad), "roles")
    assert result.code == 3 and result.out == ""
    assert result.err.startswith(f"mlcareer: {bad}:4: roles[0].source: no source with id 'nowhere'")
    assert result.err.count("\n") == 1


def complete(words: str, cword: int, env: dict | None = None) -> list[str]:
    result = run_process(env={"_MLCAREER_COMPLETE": "complete_bash", "COMP_WORDS": words,
                              "COMP_CWORD": str(cword), **(env or {})})
    assert result.code == 0, result.err
    return result.out.split()


def test_completion_of_role_names():
    assert complete("mlcareer show mach", 2) == ["machine-learning-engineer"]
    assert complete("mlcareer salary zz", 2) == []


def test_completion_of_section_names():
    assert complete("mlcareer show --section pr", 3) == ["pros-cons"]
    assert set(complete("mlcareer show -s s", 3)) == {"skills", "salary", "sources"}


def test_completion_of_commands():
    assert {"show", "salary", "skills", "sources"} <= set(complete("mlcareer s", 1))


def test_the_builtin_data_ships_inside_the_package():
    import mlcareer
    from mlcareer.catalog import builtin_data_path

    path = builtin_data_path()
    assert os.path.exists(path)
    package_dir = os.path.dirname(mlcareer.__file__)
    if "site-packages" in package_dir:  # installed non-editable, as CI does
        assert path.startswith(package_dir)


def test_an_empty_role_name_is_a_usage_error(cli):
    result = cli("show", "")
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("mlcareer: ") and result.err.count("\n") == 1


@pytest.mark.parametrize("args,named", [(("validate", ""), "validate's FILE"), (("--data", "", "show"), "--data"),
                                        (("verify", " "), "verify's FILE"), (("-d", "", "roles", "--json"), "--data")])
def test_an_empty_file_name_is_a_usage_error_naming_it(cli, args, named):
    result = cli(*args)
    assert result.code == 2 and result.err == f"mlcareer: {named} is empty; give a file name.\n", result.err


def test_ask_in_a_pipe_skips_help_silently():
    piped = run_process("ask", input="pay\n?\nhelp\n")
    alone = run_process("ask", input="pay\n")
    assert piped.code == 0 and piped.err == "" and piped.out == alone.out


def test_ctrl_c_at_the_ask_prompt_ends_the_line_and_exits_130():
    import pty
    import select
    import signal
    import subprocess
    import sys
    import time

    from conftest import ENV_VARS

    env = {k: v for k, v in os.environ.items() if k not in ENV_VARS}
    master, slave = pty.openpty()
    # default SIGINT handling even where pytest runs with it ignored (test_hostile's Ctrl-C test says why)
    proc = subprocess.Popen([sys.executable, "-m", "mlcareer", "ask"], stdin=slave, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # noqa: PLW1509 - no threads here
    os.close(slave)
    try:
        assert proc.stderr is not None
        err = b""
        deadline = time.time() + 30
        while not err.endswith(b"ask> ") and time.time() < deadline:
            if select.select([proc.stderr], [], [], 0.5)[0]:
                err += os.read(proc.stderr.fileno(), 65536)
        proc.send_signal(signal.SIGINT)
        rest = proc.communicate(timeout=30)[1]
    finally:
        proc.kill()
        os.close(master)
    assert proc.returncode == 130
    assert (err + rest).decode().endswith("ask> \n"), "the shell prompt would follow 'ask> ' on its line"


@pytest.mark.parametrize("args", [
    ("ask", "--role", "", "pay"), ("ask", "--role", " ", "--json", "pay"), ("titles", ""), ("titles", "--json", ""),
    ("--data", "", "roles", "--json"), ("--data", "", "roles"), ("help", "--man", "show"),
])
def test_an_empty_name_or_a_word_with_help_man_is_a_usage_error(cli, args):
    result = cli(*args)
    assert result.code == 2 and result.err.count("\n") == 1 and "Traceback" not in result.err
    if "--json" in args:
        assert json.loads(result.out)["error"]["exit_code"] == 2
    else:
        assert result.out == ""


def test_an_empty_mlcareer_data_names_no_file(cli, monkeypatch):
    monkeypatch.setenv("MLCAREER_DATA", "")
    assert cli("roles").code == 0


@pytest.mark.parametrize(("args", "says"), [
    (["titles", "--search", ""], "The search is empty"),
    (["fit", "--answers", ""], "The answers are empty")])
def test_an_empty_search_or_answer_list_is_a_usage_error_that_says_so(cli, args, says):
    result = cli(*args)
    assert result.code == 2 and result.err.startswith(f"mlcareer: {says}") and result.out == ""


def test_an_unknown_command_points_to_help_within_its_sentence():
    result = run_process("bogus")
    assert result.code == 2
    assert result.err.strip() == "mlcareer: No such command 'bogus' (see 'mlcareer --help')."


def test_a_markdown_profile_links_its_source():
    out = run_process("show", "--format", "markdown").out
    source = next(line for line in out.splitlines() if line.startswith("_Source:"))
    assert source.endswith(". <https://www.theforage.com/blog/careers/machine-learning-engineer>_")
