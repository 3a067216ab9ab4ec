"""`mlcareer salary` and `mlcareer titles`."""

from __future__ import annotations

import json

import pytest


def test_salary_table_marks_derived_figures_and_states_the_assumption(cli):
    result = cli("salary")
    assert result.code == 0
    lines = result.out.splitlines()
    zip_row = next(line for line in lines if line.strip().startswith("ZipRecruiter  "))
    indeed_row = next(line for line in lines if line.strip().startswith("Indeed  "))
    assert "just under $129,000" in zip_row and "$62" in zip_row and "derived" not in zip_row
    assert "approximately $161,000" in indeed_row and "about $77.40 (derived)" in indeed_row
    assert "assume 40 hours a week, 52 weeks a year (2,080 hours)" in result.out
    # Two averages of two different measures: never one range (the article gives none).
    assert "Range" not in result.out and "$129,000 to" not in result.out
    assert "national average salary" in zip_row and "average base salary" in indeed_row
    assert "salary information is sparse" in result.out
    assert "> Indeed estimates the average base salary" in result.out


def test_salary_json_labels_derived_numbers(cli):
    data = json.loads(cli("salary", "--json").out)
    estimates = {e["source"]: e for e in data["salary"]["estimates"]}
    assert estimates["ZipRecruiter"]["annual"] == {"value": 129000, "qualifier": "just under", "derived": False,
                                                   "formula": None}
    assert estimates["ZipRecruiter"]["hourly"]["derived"] is False
    hourly = estimates["Indeed"]["hourly"]
    assert hourly["derived"] is True and hourly["value"] == round(161000 / 2080, 2)
    assert "2,080" in hourly["formula"]
    assert "range" not in data["salary"]
    assert {e["measure"] for e in data["salary"]["estimates"]} == {"national average salary", "average base salary"}
    assert data["salary"]["assumption"]["hours_per_week"] == 40
    assert data["source"]["publisher"] == "Forage"


def test_titles_lists_all_nine(cli):
    result = cli("titles")
    assert result.code == 0
    for name in ["Machine learning engineer", "Artificial intelligence engineer", "Big data engineer",
                 "Computer and information research scientist", "Data analyst", "Data engineer",
                 "Data scientist", "Research scientist", "Applied research scientist"]:
        assert name in result.out


@pytest.mark.parametrize("query,first", [
    ("enginer data", "Data engineer"),
    ("data engineer", "Data engineer"),
    ("reserch scientst", "Research scientist"),
    ("AI engineer", "Artificial intelligence engineer"),
    ("scientist data", "Data scientist"),
    ("information research scientist", "Computer and information research scientist"),
])
def test_search_tolerates_typos_and_word_order(cli, query, first):
    data = json.loads(cli("titles", "--search", query, "--json").out)
    shown = data["titles"][0]["display"] or data["titles"][0]["name"]
    assert shown == first
    assert 0 < data["titles"][0]["score"] <= 100


def test_search_shows_the_score_and_ranks(cli):
    result = cli("titles", "--search", "data")
    assert result.code == 0
    assert "Score" in result.out
    names = {"Big data engineer", "Data analyst", "Data engineer", "Data scientist"}
    assert all(n in result.out for n in names)
    assert "Research scientist" not in result.out


def test_search_limit(cli):
    data = json.loads(cli("titles", "--search", "data", "-n", "2", "--json").out)
    assert data["count"] == 2 and len(data["titles"]) == 2


def test_no_match_is_a_clear_error(cli):
    result = cli("titles", "--search", "zzzz qqqq")
    assert result.code == 1 and result.out == ""
    assert "No related title matches 'zzzz qqqq'" in result.err


def test_limit_must_be_positive(cli):
    result = cli("titles", "-n", "0")
    assert result.code == 2 and "--limit" in result.err
