"""`mlcareer ask`: the labelled evaluation set, and the command as a user sees it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_process

EVAL = ROOT / "tests" / "ask_eval.yaml"
HELD_OUT = [ROOT / "tests" / "ask_heldout.yaml", ROOT / "tests" / "ask_heldout2.yaml"]


def load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]


def accuracy(catalog, questions: list[dict]) -> float:
    from mlcareer.ask import ask

    labelled = [q for q in questions if "topic" in q]
    right = 0
    for q in labelled:
        result = ask(catalog, q["q"])
        right += result.status == "answer" and result.topic == q["topic"]
    return right / len(labelled)


def test_the_evaluation_set_is_large_and_covers_every_topic():
    from mlcareer.topics import TOPIC_KEYS

    questions = load(EVAL)
    labelled = [q for q in questions if "topic" in q]
    assert len(labelled) >= 100
    assert {q["topic"] for q in labelled} == set(TOPIC_KEYS)
    assert len({q["q"].lower() for q in questions}) == len(questions)


def test_top1_accuracy_is_at_least_90_percent(catalog):
    assert accuracy(catalog, load(EVAL)) >= 0.90


def test_accuracy_over_all_labelled_sets_is_at_least_90_percent(catalog):
    every = load(EVAL) + [q for path in HELD_OUT for q in load(path)]
    assert accuracy(catalog, every) >= 0.90


@pytest.mark.parametrize("item", [q for path in [EVAL, *HELD_OUT] for q in load(path) if "expect" in q],
                         ids=lambda q: q["q"])
def test_unprofiled_titles_and_nonsense(catalog, item):
    from mlcareer.ask import ask

    result = ask(catalog, item["q"])
    assert result.status == item["expect"]
    if item["expect"] == "related":
        assert result.related.name == item["title"]


def test_an_answer_is_only_that_topic_with_its_quote(cli):
    result = cli("ask", "how much does an ML engineer make?")
    assert result.code == 0 and result.err == ""
    assert result.out.startswith("Machine Learning Engineer: Pay\n")
    assert "> Indeed estimates the average base salary" in result.out
    assert "DUTIES" not in result.out and "Verifying data quality" not in result.out


def test_words_without_quotes_are_one_question(cli):
    assert cli("ask", "whats", "the", "hourly", "rate").out == cli("ask", "whats the hourly rate").out


def test_hourly_answer_marks_derived_figures(cli):
    out = cli("ask", "how much per hour?").out
    assert "$62 an hour" in out and "about $77.40 an hour (derived)" in out and "2,080 hours" in out


def test_json_gives_topic_confidence_and_answer(cli):
    data = json.loads(cli("ask", "--json", "do I need a masters degree").out)
    assert data["status"] == "answer" and data["topic"] == "education"
    assert 0 < data["confidence"] <= 1
    assert data["answer"]["requirements"][0]["label"] == "Master's degree"
    assert data["source"]["publisher"] == "Forage"


def test_a_title_without_profile_gets_an_honest_answer(cli):
    result = cli("ask", "How much does a data scientist make?")
    assert result.code == 1  # nothing found for that title: the same code as `salary "data scientist"`
    assert "Data scientist is one of the related job titles" in result.out
    assert "gives no pay figures for it" in result.out
    assert "$129,000" not in result.out
    data = json.loads(cli("ask", "--json", "what does a data analyst earn").out)
    assert data["status"] == "related" and data["related_title"]["name"] == "Data analyst" and data["answer"] is None


@pytest.mark.parametrize("question", ["banana", "asdf qwer zxcv", "what's the weather tomorrow"])
def test_when_unsure_it_says_so_and_offers_topics(cli, question):
    result = cli("ask", question)
    assert result.code == 1 and result.out == ""
    assert result.err.startswith("mlcareer: Not sure what you are asking. Closest topics:")


def test_unsure_json_still_prints_alternatives(cli):
    result = cli("ask", "--json", "will I have to become a manager or earn more")
    data = json.loads(result.out)
    if data["status"] == "unsure":
        assert result.code == 1 and len(data["alternatives"]) >= 2 and data["answer"] is None
    else:
        assert result.code == 0


@pytest.mark.parametrize("question", ["", "   ", "?!?", "..."])
def test_an_empty_question_is_a_usage_error(cli, question):
    result = cli("ask", question)
    assert result.code == 2 and "Ask a question" in result.err


def test_a_very_long_question_returns_promptly(cli):
    start = time.perf_counter()
    result = cli("ask", "salary " * 20_000)
    assert result.code in (0, 1)
    assert time.perf_counter() - start < 10  # a guard against hanging, not a benchmark


def test_interactive_prompt_answers_until_an_empty_line():
    result = run_process("ask", input="what is the salary\nfree courses?\n\nnever read\n", env={"NO_COLOR": "1"})
    assert result.code == 0
    assert "Machine Learning Engineer: Pay" in result.out and "Technical Interview Prep" in result.out
    assert "Ctrl-D" in result.err


def test_interactive_prompt_ends_cleanly_on_eof():
    result = run_process("ask", input="typical day\n", env={"NO_COLOR": "1"})
    assert result.code == 0 and "A typical day" in result.out and "Traceback" not in result.err


def test_a_user_file_extends_the_vocabulary(cli, tmp_path):
    user = tmp_path / "slang.yaml"
    user.write_text("topics:\n  salary:\n    strong: [moolah]\nroles: []\n")
    assert cli("ask", "what about the moolah").code == 1
    result = cli("--data", str(user), "ask", "what about the moolah")
    assert result.code == 0 and "Machine Learning Engineer: Pay" in result.out


def test_role_named_in_the_question_or_by_option(cli):
    example = str(ROOT / "examples" / "my-roles.yaml")
    by_name = cli("--data", example, "ask", "what does a data wrangler earn")
    assert "Data Wrangler: Pay" in by_name.out and "about $95,000" in by_name.out
    by_option = cli("--data", example, "ask", "--role", "wrangler", "salary?")
    assert by_option.out == by_name.out
