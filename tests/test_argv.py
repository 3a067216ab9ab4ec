"""Global options go before or after the command: every case of the argv rewrite, then the same
cases end to end."""

from __future__ import annotations

import pytest

from mlcareer.cli import globals_first

CASES = [
    # (typed, what click is given)
    (["show"], ["show"]),
    ([], []),
    (["--data", "f.yaml", "show"], ["--data", "f.yaml", "show"]),
    (["show", "--data", "f.yaml"], ["--data", "f.yaml", "show"]),
    (["show", "-d", "f.yaml", "mle"], ["-d", "f.yaml", "show", "mle"]),
    (["show", "--data=f.yaml"], ["--data=f.yaml", "show"]),
    (["show", "-df.yaml"], ["-df.yaml", "show"]),
    (["show", "--color", "never", "-s", "pay"], ["--color", "never", "show", "-s", "pay"]),
    (["show", "--color=never"], ["--color=never", "show"]),
    (["salary", "--no-pager"], ["--no-pager", "salary"]),
    (["--no-pager", "titles", "--color", "always", "--search", "data"],
     ["--no-pager", "--color", "always", "titles", "--search", "data"]),
    (["show", "--data", "a.yaml", "mle", "--data", "b.yaml"], ["--data", "a.yaml", "--data", "b.yaml", "show", "mle"]),
    (["--data", "show", "show"], ["--data", "show", "show"]),  # a value that looks like a command
    (["show", "--data", "show"], ["--data", "show", "show"]),
    (["show", "--data"], ["--data"]),  # no value: mlcareer itself says so
    (["show", "mle", "-d"], ["-d"]),
    (["ask", "--", "--data", "x"], ["ask", "--", "--data", "x"]),  # after --, words are words
    (["--", "show", "--data", "x"], ["--", "show", "--data", "x"]),
    (["show", "--json", "--no-pager", "-q"], ["--no-pager", "show", "--json", "-q"]),
    (["show", "--version"], ["show", "--version"]),  # --version and --help stay where they are
    (["show", "--help", "--color", "never"], ["--color", "never", "show", "--help"]),
    (["show", "-"], ["show", "-"]),
    (["-", "show"], ["-", "show"]),
]


@pytest.mark.parametrize("typed,given", CASES, ids=[" ".join(typed) or "(nothing)" for typed, _ in CASES])
def test_global_options_move_before_the_command(typed, given):
    assert globals_first(typed) == given


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_work_on_either_side(cli, where):
    from conftest import ROOT

    example = str(ROOT / "examples" / "my-roles.yaml")
    globals_ = ["--data", example, "--color", "never", "--no-pager"]
    args = [*globals_, "roles"] if where == "before" else ["roles", *globals_]
    result = cli(*args)
    assert result.code == 0 and "data-wrangler" in result.out


def test_a_global_option_without_its_value_is_a_usage_error(cli):
    result = cli("show", "--data")
    assert result.code == 2 and "--data" in result.err and result.out == "" and result.err.count("\n") == 1
