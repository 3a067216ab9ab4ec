"""Bring your own roles: --data, MLCAREER_DATA, overrides, validate, compare, Markdown, fit."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import ROOT, run_process, run_with_terminal_stdin

EXAMPLE = ROOT / "examples" / "my-roles.yaml"


def role_file(path: Path, slug: str, title: str, extra: str = "") -> Path:
    path.write_text(f"""\
sources:
  - id: src
    title: {title} notes
roles:
  - slug: {slug}
    title: {title}
    source: src
    overview:
      - text: {title} overview.
{extra}""", encoding="utf-8")
    return path


def test_the_example_file_is_valid_and_usable(cli):
    assert cli("validate", str(EXAMPLE)).out == f"{EXAMPLE}: ok (1 role)\n"
    result = cli("--data", str(EXAMPLE), "show", "data janitor", "-s", "overview")
    assert result.code == 0 and "Gets raw data into a shape" in result.out


def test_roles_shows_where_each_role_comes_from(cli):
    data = json.loads(cli("--data", str(EXAMPLE), "roles", "--json").out)
    origins = {r["slug"]: r["origin"] for r in data["roles"]}
    assert origins == {"machine-learning-engineer": "built-in", "data-wrangler": str(EXAMPLE)}


def test_several_files_and_the_environment_variable(cli, tmp_path, monkeypatch):
    one = role_file(tmp_path / "one.yaml", "role-one", "Role One")
    two = role_file(tmp_path / "two.yaml", "role-two", "Role Two")
    monkeypatch.setenv("MLCAREER_DATA", os.pathsep.join([str(one), str(EXAMPLE)]))
    slugs = [r["slug"] for r in json.loads(cli("--data", str(two), "roles", "--json").out)["roles"]]
    assert slugs == ["machine-learning-engineer", "role-one", "data-wrangler", "role-two"]


def test_a_user_role_overrides_a_builtin_slug(cli, tmp_path):
    mine = role_file(tmp_path / "mine.yaml", "machine-learning-engineer", "My ML Engineer")
    shown = cli("--data", str(mine), "show", "machine-learning-engineer", "-s", "overview")
    assert "My ML Engineer overview." in shown.out and "Trains artificial intelligence" not in shown.out
    role = json.loads(cli("--data", str(mine), "roles", "--json").out)["roles"][0]
    assert role["origin"] == str(mine) and role["overrides"] == ["built-in"]
    # the built-in aliases no longer lead to the built-in profile's facts
    assert "Trains artificial intelligence" not in cli("--data", str(mine), "show", "mle").out


def test_a_later_file_overrides_an_earlier_one(cli, tmp_path):
    first = role_file(tmp_path / "a.yaml", "same", "First Version")
    second = role_file(tmp_path / "b.yaml", "same", "Second Version")
    assert "Second Version overview." in cli("--data", str(first), "--data", str(second), "show", "same").out


@pytest.mark.parametrize("content,expected", [
    (("roles:\n  - slug: x\n    title: X\n    source: s\n    salary:\n      estimates:\n"
     "        - source: S\n          annual: lots\n          quote: q\n"),
     ":8: roles[0].salary.estimates[0].annual: expected a number, got text 'lots'"),
    ("roles:\n  - slug: Bad Slug\n    title: X\n    source: s\n", ":2: roles[0].slug: 'Bad Slug' is not a slug"),
    ("roles:\n  - title: X\n    source: s\n", ":2: roles[0].slug: required field is missing"),
    ("roles:\n  - slug: x\n    title: X\n    source: s\n    colour: red\n", ":5: roles[0].colour: unknown field"),
    ("roles: [unclosed\n", ": invalid YAML"),
])
def test_validate_names_file_line_field_and_exits_3(cli, tmp_path, content, expected):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content)
    result = cli("validate", str(bad))
    assert result.code == 3
    assert expected in result.out and result.out.startswith(str(bad))


def test_validate_lists_every_problem_and_every_file(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("roles:\n  - slug: x\n    title: 5\n    source: nowhere\n  - slug: x\n    title: Y\n    source: s\n")
    result = cli("validate", str(bad), str(EXAMPLE))
    lines = result.out.splitlines()
    assert result.code == 3
    assert any("roles[0].source: no source with id 'nowhere'" in line for line in lines)
    assert any("roles[1].slug: duplicate slug 'x'" in line for line in lines)
    assert lines[-1] == f"{EXAMPLE}: ok (1 role)"
    data = json.loads(cli("validate", "--json", str(bad), str(EXAMPLE)).out)
    assert data["valid"] is False and data["files"][1]["valid"] is True
    assert {p["line"] for p in data["files"][0]["problems"]} >= {4, 5}


def test_a_broken_user_file_is_one_line_and_exit_3_for_any_command(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("roles: [")
    for args in (["show"], ["titles"], ["salary"], ["roles"]):
        result = cli("--data", str(bad), *args)
        assert result.code == 3 and result.out == "" and result.err.count("\n") == 1
        assert str(bad) in result.err


def test_missing_user_file(cli, tmp_path):
    result = cli("--data", str(tmp_path / "nope.yaml"), "roles")
    assert result.code == 3 and "nope.yaml: no such file" in result.err


def test_compare_side_by_side(cli):
    result = cli("--data", str(EXAMPLE), "compare", "mle", "data-wrangler")
    assert result.code == 0
    # each estimate with its source and measure, never one range across two measures
    flat = " ".join(result.out.split())
    assert "$129,000 to" not in flat
    assert "just under $129,000 a year (ZipRecruiter, national average salary)" in flat
    assert "approximately $161,000 a year (Indeed, average base salary)" in flat
    assert "about $95,000 a year" in flat
    assert "Skills they share: Statistics, Data visualization, Communicating and collaborating." in result.out
    data = json.loads(cli("--data", str(EXAMPLE), "compare", "mle", "wrangler", "--json").out)
    assert data["skills"]["shared"] == ["Statistics", "Data visualization", "Communicating and collaborating"]
    assert "Math" in data["skills"]["distinct"]["machine-learning-engineer"]
    assert data["skills"]["distinct"]["data-wrangler"] == []
    assert [s["label"] for s in data["path"]["data-wrangler"]["steps"]] == ["Undergraduate degree"]


@pytest.mark.parametrize("args", [["compare", "mle"], ["compare", "mle", "MLE"]])
def test_compare_needs_two_different_roles(cli, args):
    result = cli(*args)
    assert result.code == 2 and result.out == ""


def test_compare_with_no_role_gives_the_same_advice_as_with_one(cli):
    none, one = cli("compare"), cli("compare", "mle")
    assert none.code == 2 and none.out == ""
    assert "mlcareer example-role > my-roles.yaml" in none.err and "Missing argument" not in none.err
    assert none.err == one.err


def test_markdown_export_of_a_user_role_cites_its_source(cli):
    out = cli("--data", str(EXAMPLE), "show", "wrangler", "--format", "markdown").out
    assert out.startswith("# Data Wrangler\n")
    assert "Notes from our data team" in out and "<https://example.org/careers/data-wrangler>" in out
    assert "   > Our 2024 survey puts the average at about $95,000 a year." in out
    assert "_The source does not cover this._" in out  # e.g. a typical day


def test_fit_with_answers(cli):
    result = cli("fit", "--answers", "yes,no,unsure,y,n,?")
    assert result.code == 0
    assert "You said yes:" in result.out and "You said no:" in result.out
    assert "> Most machine learning jobs require at least a master’s degree" in result.out
    assert "no score" in result.out
    data = json.loads(cli("fit", "-a", "y,y,y,y,y,y", "--json").out)
    assert [a["answer"] for a in data["answers"]] == ["yes"] * 6
    assert all(a["quote"] and a["section"] for a in data["answers"])


@pytest.mark.parametrize("answers", ["yes,no", "yes,no,maybe,perhaps,y,y", ""])
def test_fit_rejects_answers_that_do_not_fit(cli, answers):
    result = cli("fit", "--answers", answers)
    assert result.code == 2 and result.out == ""


def test_fit_interactive_reprompts_and_stops_on_eof():
    result = run_with_terminal_stdin("fit", keys="y\nwhat?\nn\n?\ny\nu\nn\n", env={"NO_COLOR": "1"})
    assert result.code == 0
    assert "please answer yes, no or unsure" in result.err
    assert "You said no" in result.out and "You weren't sure" in result.out
    assert "1. " in result.err and result.out.startswith("Machine Learning Engineer\n")  # questions: stderr
    stopped = run_with_terminal_stdin("fit", keys="y\n\x04", env={"NO_COLOR": "1"})  # the answer given is kept
    assert stopped.code == 0 and stopped.err.count("?") >= 2 and "stopped" in stopped.err
    assert "You said yes" in stopped.out and "You said no" not in stopped.out
    nothing = run_with_terminal_stdin("fit", keys="\x04", env={"NO_COLOR": "1"})
    assert nothing.code == 0 and "nothing to summarise" in nothing.err and nothing.out == ""


def test_fit_without_a_terminal_or_answers_is_a_usage_error():
    result = run_process("fit", "--json", input="")
    assert result.code == 2 and result.out.startswith("{") and "--answers" in result.err
    assert json.loads(result.out)["error"]["exit_code"] == 2


def test_fit_for_a_role_without_questions(cli):
    result = cli("--data", str(EXAMPLE), "fit", "wrangler", "-a", "y")
    assert result.code == 1 and "no questions" in result.err


def test_completion_offers_user_roles():
    from test_cli_conventions import complete

    assert "data-wrangler" in complete(f"mlcareer --data {EXAMPLE} show dat", 4)
    assert complete("mlcareer show dat", 2, env={"MLCAREER_DATA": str(EXAMPLE)}) == ["data-wrangler"]
