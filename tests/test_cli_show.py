"""`mlcareer show` and the section commands, as a user sees them."""

from __future__ import annotations

import json
import re

import pytest

from mlcareer.sections import SECTIONS

ANSI = re.compile(r"\x1b\[")


def test_show_prints_every_section_in_the_fixed_order(cli):
    result = cli("show", "machine-learning-engineer")
    assert result.code == 0 and result.err == ""
    headings = [s.heading.upper() for s in SECTIONS]
    positions = [result.out.index("\n" + h + "\n") for h in headings]
    assert positions == sorted(positions)
    assert result.out.startswith("Machine Learning Engineer\n")
    assert "Source: “How to Become a Machine Learning Engineer”, Forage, published 2023-03-10" in result.out


def test_show_defaults_to_the_ml_engineer(cli):
    assert cli("show").out == cli("show", "machine-learning-engineer").out


@pytest.mark.parametrize("name", ["machine learning engineer", "ML engineer", "mle", "MLE",
                                  "Machine-Learning-Engineer", "  ml   ENGINEER "])
def test_show_accepts_title_and_aliases_in_any_case(cli, name):
    result = cli("show", name, "-s", "overview")
    assert result.code == 0
    assert "Trains artificial intelligence (AI)." in result.out


def test_unknown_role_suggests_and_exits_1(cli):
    result = cli("show", "learning engineer")
    assert result.code == 1 and result.out == ""
    assert result.err.count("\n") == 1
    assert "No role matches" in result.err and "Did you mean: machine-learning-engineer?" in result.err
    assert "--data" in result.err  # how to add a role of one's own


@pytest.mark.parametrize("name", ["machine learning engineers", "ML engineers", "MLEs", "Machine-Learning-Engineers"])
def test_plural_role_names_resolve(cli, name):
    result = cli("salary", name)
    assert result.code == 0 and result.err == "" and "$129,000" in result.out


@pytest.mark.parametrize("name", ["machine-learning-enginer", "machin lerning engineer"])
def test_a_typo_close_to_one_role_resolves_with_a_note(cli, name):
    result = cli("salary", name)
    assert result.code == 0 and "$129,000" in result.out
    assert result.err.startswith("mlcareer: note: ") and "machine-learning-engineer" in result.err
    assert result.err.count("\n") == 1


def test_a_related_title_is_not_a_profile_and_says_so(cli):
    result = cli("show", "data scientist")
    assert result.code == 1
    assert "related job title" in result.err and "no profile" in result.err


def test_section_option_selects_and_orders_as_asked(cli):
    result = cli("show", "-s", "salary", "--section", "titles")
    assert result.code == 0
    assert "\nPAY\n" in result.out and "\nRELATED JOB TITLES\n" in result.out
    assert "\nDUTIES\n" not in result.out
    assert result.out.index("\nPAY\n") < result.out.index("\nRELATED JOB TITLES\n")


@pytest.mark.parametrize("spelling", ["pros-cons", "pros_cons", "PROS-CONS", "Pros and cons"])
def test_section_names_in_any_spelling(cli, spelling):
    result = cli("show", "-s", spelling)
    assert result.code == 0 and "\nPROS AND CONS\n" in result.out


def test_unknown_section_is_a_usage_error_with_suggestions(cli):
    result = cli("show", "-s", "salery")
    assert result.code == 2 and result.out == ""
    assert "No section named 'salery'" in result.err and "Did you mean: salary" in result.err


def test_show_json_holds_every_section(cli):
    result = cli("show", "--json")
    data = json.loads(result.out)
    assert data["sections"] == [s.key for s in SECTIONS]
    for section in SECTIONS:
        assert data[section.key], section.key
    assert data["slug"] == "machine-learning-engineer"
    assert data["source"]["url"] == "https://www.theforage.com/blog/careers/machine-learning-engineer"
    assert len(data["duties"]) == 8 and all(d["quote"] and d["section"] for d in data["duties"])
    assert [t["name"] for t in data["titles"]["names"]][3] == "Computer and information research science"
    assert data["path"]["steps"][0]["step"] == 1


def test_format_json_equals_json_flag(cli):
    assert cli("show", "--format", "json").out == cli("show", "--json").out


def test_markdown_profile_cites_its_source(cli):
    result = cli("show", "--format", "markdown")
    assert result.code == 0
    assert result.out.startswith("# Machine Learning Engineer\n")
    assert "## Pay" in result.out and "## Source" in result.out
    assert "   > However, ZipRecruiter estimates" in result.out
    assert "<https://www.theforage.com/blog/careers/machine-learning-engineer>" in result.out


def test_quotes_flag_shows_the_source_sentence(cli):
    plain = cli("show", "-s", "overview").out
    quoted = cli("show", "-s", "overview", "--quotes").out
    assert "> A machine learning engineer trains artificial intelligence (AI)." not in plain
    assert "> They work at the intersection of data science" in quoted


def test_piped_output_is_plain_and_no_color_too(cli, monkeypatch):
    assert not ANSI.search(cli("show").out)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not ANSI.search(cli("salary").out)


def test_color_always_forces_rich_output(cli):
    out = cli("--color", "always", "salary").out
    assert ANSI.search(out)
    assert "\u2588" in out  # the bar chart


def test_typical_day_shows_the_quoted_explanation(cli):
    out = cli("show", "-s", "typical-day").out
    assert "data wrangling:" in out and "business analysis:" in out
    assert "> Even if you have data, your data may not be in an ideal format." in out


@pytest.mark.parametrize("command,expected", [
    ("duties", ["Verifying data quality", "Identifying and correcting distribution errors"]),
    ("path", ["1. Undergraduate degree", "2. Entry-level job", "- Master's degree", "- Related experience",
              "Certifications or a bootcamp"]),
    ("skills", ["Hard skills:", "A deep understanding of data visualization", "Soft skills:", "Keep" if False else "old research"]),
    ("resources", ["Technical Interview Prep", "provider: Girls Who Code", "average time: 3-4 hours",
                   "https://www.theforage.com/simulations/bcg/gen-ai-anlo"]),
    ("sources", ["Published  2023-03-10", "Updated    2024-07-11", "Pay estimates the source cites:",
                 "Machine Learning Job Titles"]),
])
def test_section_commands(cli, command, expected):
    result = cli(command)
    assert result.code == 0
    for text in expected:
        assert text in result.out, text


def test_section_command_json_is_show_section_json(cli):
    assert cli("duties", "--json").out == cli("show", "-s", "duties", "--json").out


def test_roles_lists_the_builtin_role(cli):
    result = cli("roles")
    assert "machine-learning-engineer" in result.out and "built-in" in result.out
    data = json.loads(cli("roles", "--json").out)
    assert data["roles"][0]["slug"] == "machine-learning-engineer"
    assert "MLE" in data["roles"][0]["aliases"]
