"""`ask` learns from example questions: the file, what the examples may and may not decide, the cache."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

QUESTIONS = ROOT / "data" / "questions.yaml"
SCRIPT = ROOT / "scripts" / "questions.py"


def held_out() -> tuple[str, ...]:
    """The held-out sets not yet measured, as the script that writes the examples lists them."""
    import runpy

    return runpy.run_path(str(SCRIPT))["HELD_OUT"]


def examples() -> dict[str, list[str]]:
    from mlcareer.examples import read_examples

    return read_examples(str(QUESTIONS))


def ask_json(cli, question: str) -> dict:
    result = cli("ask", "--json", question)
    data = json.loads(result.out)
    assert result.code == (0 if data["status"] == "answered" else 1)
    return data


def test_every_topic_has_examples_and_every_question_one_label():
    from mlcareer.topics import TOPIC_KEYS

    found = examples()
    assert set(found) == {*TOPIC_KEYS, "uncovered"}
    assert all(len(found[key]) >= 100 for key in TOPIC_KEYS)
    everything = [q for questions in found.values() for q in questions]
    assert len(everything) == len(set(everything))
    assert all(q == " ".join(q.split()) and q for q in everything)


def test_no_question_of_a_held_out_set_is_an_example():
    sets = held_out()
    assert sets, "a held-out set is written before the matcher changes"
    for path in sets:
        questions = {" ".join(item["q"].split()).lower()
                     for item in yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))["questions"]}
        assert len(questions) >= (50 if "real" not in path else 1)  # written sets hold 150-210; a real one, what a split gave
        assert not questions & {q.lower() for qs in examples().values() for q in qs}


def test_the_file_is_in_the_form_the_script_writes(tmp_path):
    copy = tmp_path / "questions.yaml"
    copy.write_bytes(QUESTIONS.read_bytes())
    run = subprocess.run([sys.executable, str(SCRIPT), "--into", str(copy)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert copy.read_bytes() == QUESTIONS.read_bytes()


def test_the_script_folds_a_set_in_and_leaves_out_a_question_labelled_two_ways(tmp_path):
    spent = tmp_path / "spent.yaml"
    spent.write_text(yaml.safe_dump({"questions": [
        {"q": "how  much do the robots pay", "topic": "salary"},
        {"q": "what is the dress code", "expect": "not_covered"},
        {"q": "what does a data engineer do", "expect": "related", "title": "Data engineer"},
        {"q": "is robot herding a good job", "topic": "pros_cons"},
        {"q": "is robot herding a good job", "topic": "careers"},
    ]}))
    copy = tmp_path / "questions.yaml"
    copy.write_bytes(QUESTIONS.read_bytes())
    run = subprocess.run([sys.executable, str(SCRIPT), "--into", str(copy), str(spent)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert "left out, labelled careers and pros_cons: is robot herding a good job" in run.stderr
    from mlcareer.examples import read_examples

    folded, before = read_examples(str(copy)), examples()
    assert folded["salary"] == [*before["salary"], "how much do the robots pay"]
    assert folded["uncovered"] == [*before["uncovered"], "what is the dress code"]
    assert sum(map(len, folded.values())) == sum(map(len, before.values())) + 2


def test_the_examples_generalise_to_the_development_set_unseen(catalog):
    """A model counted without the development set's questions still meets the goals on them."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from ask_eval import load, score, without
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    dev = load(ROOT / "tests" / "ask_eval.yaml")
    without(catalog, {" ".join(item["q"].split()) for item in dev})
    result = score("dev", dev, catalog)
    right, total = result.answerable
    declined, uncovered = result.declined
    assert right / total >= 0.90
    assert declined / uncovered >= 0.90
    assert result.wrong / result.total <= 0.02


@pytest.mark.parametrize(("question", "like"), [
    ("who signs their paychecks", "what industries hire them"),
    ("what do they need up their sleeve", "what skills do I need"),
])
def test_the_examples_answer_what_the_vocabulary_does_not(cli, question, like):
    data = ask_json(cli, question)
    assert data["status"] == "answered" and data["basis"] == "examples"
    assert data["topic"] == ask_json(cli, like)["topic"]
    assert 0 < data["confidence"] <= 1
    assert cli("ask", question).out == cli("ask", like).out


@pytest.mark.parametrize("question", ["ml engineer salary in germany", "how much does Zalando pay ML engineers",
                                      "do they get stock options", "what are the working hours like",
                                      "how much does a senior ML engineer make"])
def test_a_subject_the_source_does_not_cover_stays_not_covered(cli, question):
    data = ask_json(cli, question)
    assert data["status"] == "not_covered" and data["basis"] == "vocabulary"
    assert data["not_covered"]


def test_the_examples_can_doubt_an_answer(cli):
    question = "How many applications should I send?"
    data = ask_json(cli, question)
    assert data["status"] == "not_understood" and data["basis"] == "examples"
    assert data["alternatives"] and data["message"].startswith("Not sure the source answers this")
    result = cli("ask", question)
    assert result.code == 1 and result.err == ""
    assert "Not sure the source answers this" in result.out and "A GUESS: " in result.out


def test_two_readings_that_disagree_name_both_topics(cli):
    data = ask_json(cli, "what kind of employers are looking for machine learning engineers")
    assert data["status"] == "not_understood" and data["basis"] == "examples"
    headings = {a["heading"].lower() for a in data["alternatives"]}
    assert {"industries", "advice: certifications, bootcamps, side projects"} <= headings
    assert all(heading in data["message"] for heading in ("industries", "advice"))


def test_the_vocabulary_decides_when_the_examples_agree(cli):
    data = ask_json(cli, "how much does an ML engineer make?")
    assert data["status"] == "answered" and data["topic"] == "salary" and data["basis"] == "vocabulary"


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("questions-*.cache"))


def test_the_model_is_cached_and_a_damaged_entry_is_counted_again(cli, isolated, monkeypatch):
    from mlcareer import examples

    first = cli("ask", "who signs their paychecks").out
    [entry] = _entries(isolated)
    counted = []
    real = examples.Model.count.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(examples.Model, "count", classmethod(lambda cls, *a: counted.append(1) or real(cls, *a)))
    from mlcareer import ask

    ask._MODELS.clear()
    assert cli("ask", "who signs their paychecks").out == first and counted == []
    entry.write_bytes(entry.read_bytes()[:200] + b"garbage")
    ask._MODELS.clear()
    assert cli("ask", "who signs their paychecks").out == first and counted == [1]
    assert _entries(isolated) == [entry]


def test_no_model_is_cached_when_the_cache_is_off(cli, isolated, monkeypatch):
    monkeypatch.setenv("MLCAREER_NO_CACHE", "1")
    assert cli("ask", "who signs their paychecks").code == 0
    assert _entries(isolated) == []


def test_the_readme_states_the_thresholds_ask_uses():
    import re

    from mlcareer import ask

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| the vocabulary | the examples | the outcome |"):]
    table = table[:table.index("\n\n")]
    stated = [float(p) / 100 for p in re.findall(r"at least ([0-9.]+)% sure", table)]
    assert stated == [ask.SECOND_UNSURE, ask.SECOND_UNKNOWN, ask.SECOND_SUBJECT, ask.SECOND_DOUBT,
                      ask.SECOND_OVERRULE, ask.SECOND_CONTEST]
    assert ask.SECOND_REFINER == ask.SECOND_SUBJECT  # the README's one row for both


@pytest.mark.parametrize(("question", "topic"), [
    ("how much do ml engineers make", "salary"), ("what do mles earn", "salary"), ("wages", "salary"),
    ("mle $/hr avg", "hourly"), ("hrly pay??", "hourly"), ("what do they earn for one hour of work", "hourly"),
])
def test_hourly_pay_needs_its_own_words_whatever_the_examples_say(cli, question, topic):
    data = ask_json(cli, question)
    assert data["status"] == "answered" and data["topic"] == topic


@pytest.mark.parametrize("question", ["how much do they get paid", "what do ml engineers get paid",
                                      "how much do ml engineers get paid", "what is the typical salary"])
def test_a_plain_pay_question_is_never_doubted(cli, question):
    data = ask_json(cli, question)
    assert data["status"] == "answered" and data["topic"] == "salary"


@pytest.mark.parametrize(("question", "topic"), [
    ("I'm a student in India, how do I become an ML engineer?", "path"),
    ("I live in Germany. What skills do I need?", "skills"),
    ("I'm a senior software engineer. How do I become an ML engineer?", "path"),
])
def test_what_the_asker_says_of_themselves_is_not_the_question(cli, question, topic):
    data = ask_json(cli, question)
    assert data["status"] == "answered" and data["topic"] == topic


@pytest.mark.parametrize("question", ["I live in Germany. What would I earn?",
                                      "I'm a nurse in Texas. What would an ML engineer earn in Texas?"])
def test_a_background_that_bears_on_the_question_still_declines_it(cli, question):
    data = ask_json(cli, question)
    assert data["status"] == "not_covered" and "country, state or city" in data["not_covered"]


@pytest.mark.parametrize("question", ["monthly salary", "how much do they make a month", "how much a day"])
def test_pay_per_month_week_or_day_is_not_covered(cli, question):
    data = ask_json(cli, question)
    assert data["status"] == "not_covered" and data["not_covered"].startswith("pay per month, week or day")
    assert [part["topic"] for part in data["nearest"]] == ["salary"]


@pytest.mark.parametrize("question", ["who signs their paychecks", "How many applications should I send?",
                                      "what kind of employers are looking for machine learning engineers"])
def test_an_outcome_the_examples_decide_is_scored_by_them(cli, question):
    data = ask_json(cli, question)
    assert data["basis"] == "examples"
    scores = [a["score"] for a in data["alternatives"]]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    if data["status"] == "answered":
        assert data["alternatives"][0] == {"topic": data["topic"], "heading": data["topic_heading"],
                                           "score": data["confidence"]}
    else:
        assert data["doubt"] and data["confidence"] >= max(scores)


def test_damaged_example_questions_are_a_data_error(cli, monkeypatch, tmp_path):
    from mlcareer import ask, examples

    bad = tmp_path / "questions.yaml"
    bad.write_text("topics:\n  salaries: |\n    how much\nuncovered: |\n  what\n", encoding="utf-8")
    monkeypatch.setattr(examples, "questions_path", lambda: str(bad))
    ask._MODELS.clear()
    result = cli("ask", "who signs their paychecks")
    ask._MODELS.clear()
    assert result.code == 3 and result.out == ""
    assert result.err.count("\n") == 1 and str(bad) in result.err


def test_the_nearest_examples_index_is_cached_and_a_damaged_entry_is_built_again(cli, isolated):
    from mlcareer import ask

    question = "My son is in high school and loves computers. How much do machine learning engineers earn a year?"
    ask._NEIGHBOURS.clear()
    first = cli("ask", question).out
    [entry] = sorted(isolated.glob("neighbours-*.cache"))
    ask._NEIGHBOURS.clear()
    assert cli("ask", question).out == first
    entry.write_bytes(entry.read_bytes()[:200] + b"garbage")
    ask._NEIGHBOURS.clear()
    assert cli("ask", question).out == first
    assert sorted(isolated.glob("neighbours-*.cache")) == [entry]
