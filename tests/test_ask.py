"""`mlcareer ask`: the labelled evaluation set, and the command as a user sees it."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_process, run_with_terminal_stdin

EVAL = ROOT / "tests" / "ask_eval.yaml"  # the development set; held-out sets are measured by the lead only


def answered_as(cli, question: str) -> tuple[str, str | None]:
    """What ``ask --json`` makes of a question: its status and topic."""
    data = json.loads(cli("ask", "--json", question).out)
    return data["status"], data["topic"]


def load(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]


def dev_score(catalog):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from ask_eval import score
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return score(EVAL.name, load(EVAL), catalog)


def test_the_evaluation_set_is_large_and_covers_every_topic_and_outcome():
    from mlcareer.topics import TOPIC_KEYS

    questions = load(EVAL)
    labelled = [q for q in questions if "topic" in q]
    assert len(labelled) >= 150
    assert {t for q in labelled for t in q["topic"].split("|")} == set(TOPIC_KEYS)
    assert {q["expect"] for q in questions if "expect" in q} == {"related", "not_covered", "not_understood"}
    assert sum(q.get("expect") == "not_covered" for q in questions) >= 60
    assert len({q["q"].lower() for q in questions}) == len(questions)


def test_the_development_set_meets_the_goals(catalog):
    result = dev_score(catalog)
    right, total = result.answerable
    declined, uncovered = result.declined
    assert right / total >= 0.90
    assert declined / uncovered >= 0.90
    assert result.wrong / result.total <= 0.02
    assert result.related[0] == result.related[1]


def test_an_answer_is_only_that_topic_with_its_quote(cli):
    result = cli("ask", "how much does an ML engineer make?")
    assert result.code == 0 and result.err == ""
    assert result.out.startswith("Machine Learning Engineer: Pay\n")
    assert "> Indeed estimates the average base salary" in result.out
    assert "DUTIES" not in result.out and "Verifying data quality" not in result.out


def test_words_without_quotes_are_one_question(cli):
    assert cli("ask", "whats", "the", "hourly", "rate").out == cli("ask", "whats the hourly rate").out


@pytest.mark.parametrize(("question", "topic"), [
    ("my aunt wants the pay per hour rather than per year. what figure does the guide give?", "hourly"),
    ("give me the yearly pay rather than the hourly rate", "salary"),
])
def test_a_pay_period_set_aside_is_not_the_one_asked(cli, question, topic):
    assert answered_as(cli, question) == ("answered", topic)


@pytest.mark.parametrize(("question", "status"), [
    ("Getting out of the Army in 6 months. What's the yearly pay for an ML engineer?", "answered"),  # months of a story
    ("what's the salary each month", "not_covered"),  # pay per month
])
def test_months_are_a_pay_period_only_as_pay_per_month(cli, question, status):
    assert answered_as(cli, question)[0] == status


def test_hourly_answer_marks_derived_figures(cli):
    out = cli("ask", "how much per hour?").out
    assert "Machine Learning Engineer: Hourly pay" in out
    assert "$62" in out and "about $77.40 (derived)" in out and "2,080 hours" in out


def test_json_gives_topic_confidence_and_the_section_that_answers(cli):
    result = cli("ask", "--json", "do I need a masters degree")
    data = json.loads(result.out)
    assert result.code == 0 and data["status"] == "answered" and data["topic"] == "education"
    assert data["section"] == "path" and data["not_covered"] is None and data["nearest"] == []
    assert 0 < data["confidence"] <= 1
    assert data["answer"]["requirements"][0]["label"] == "Master's degree"
    assert data["source"]["publisher"] == "Forage"


FACT_KEYS = ("quote", "url", "name", "title")  # what a reader checks a fact by: its words, its links, its names


def quotes_in(value) -> list[str]:
    if isinstance(value, dict):
        return [q for k, v in value.items() if v
                for q in (([v] if isinstance(v, str) else v) if k in FACT_KEYS else quotes_in(v))]
    if isinstance(value, list):
        return [q for v in value for q in quotes_in(v)]
    return []


def squash(text: str) -> str:
    return " ".join(text.replace("\\", "").split())


ONE_PER_TOPIC = ["what does an ML engineer do", "what is an ML engineer", "what's the salary", "how much per hour",
                 "what does a typical day look like", "what industries hire them", "related job titles",
                 "how do I become one", "do I need a masters degree", "what skills do I need", "pros and cons",
                 "free courses", "are side projects worth it", "what kinds of jobs can they have",
                 "where is this information from"]
NOT_COVERED = ["salary in germany", "is demand growing", "what are the working hours", "do I need to know PyTorch"]


def test_the_consistency_questions_cover_every_topic(catalog):
    from mlcareer.answers import answer
    from mlcareer.topics import TOPIC_KEYS

    answered = [answer(catalog, q) for q in ONE_PER_TOPIC]
    assert all(a.outcome == "answered" for a in answered)
    assert sorted(a.topic.key for a in answered) == sorted(TOPIC_KEYS)


@pytest.mark.parametrize("question", ONE_PER_TOPIC + NOT_COVERED)
def test_text_markdown_and_json_carry_the_same_facts(cli, question):
    from mlcareer import load_catalog
    from mlcareer.answers import answer

    result = answer(load_catalog(), question)
    assert result.outcome in ("answered", "not_covered") and result.parts
    data = json.loads(cli("ask", "--json", question).out)
    values = [data["answer"]] if data["answer"] is not None else [n["value"] for n in data["nearest"]]
    quotes = [squash(q) for q in quotes_in(values)]
    assert quotes
    for fmt in ("text", "markdown"):
        shown = squash(cli("ask", "--format", fmt, question).out)
        assert all(q in shown for q in quotes), fmt
        shown_quotes = [squash(line.split("> ", 1)[1]) for line in cli("ask", "--format", fmt, question).out.splitlines()
                        if line.lstrip().startswith(">")]
        assert all(any(q[:60] in s for q in quotes) for s in shown_quotes), fmt  # and nothing JSON lacks


@pytest.mark.parametrize("question, subject", [
    ("what are the working hours like", "work schedules and hours"),
    ("how long is their work week", "work schedules and hours"),
    ("salary in germany", "by country, state or city"),
    ("what's the salary in Canada?", "it names no country"),  # "national average", of no named country
    ("how much does a senior ML engineer make", "by seniority"),
    ("starting pay for a junior", "by seniority"),
    ("do I need a license", "licenses"),
    ("do they get stock options", "benefits and perks"),
    ("which monitor should I get", "equipment"),
    ("what is the job outlook", "job outlook figures"),
    # the examples' education is the degrees the job asks for, never getting into a programme
    ("With a physics degree, am I going to get admitted for graduate studies in ML?", "getting into a school"),
    ("what GPA do I need to get accepted into an ML master's?", "getting into a school"),
    ("what should my daughter study in middle school to prepare for ML?", "school before university"),
    # the examples' path gives the steps, never how hard they are
    ("how hard will it be for young people to land entry level jobs in this field?", "how hard it is to get in"),
    ("will it get harder to get entry level jobs in this field?", "how hard it is to get in"),
    ("is it really hard to get a job as an ML engineer?", "how hard it is to get in"),
    ("Is there financial aid for a master's in ML?", "financial aid"),
    ("coding vs programming, is there a difference?", "what a term means"),
    ("how do I become a prompt engineer and what do they earn?", "other occupations"),
    ("How do I become a business analyst?", "other occupations"),
    # a US region, as a state or a city: the article names no place
    ("which ag-tech companies hire machine learning engineers in the midwest", "pay or jobs by country"),
    ("what is the salary of an ML engineer on the west coast?", "pay or jobs by country"),
    # the asker's age, however given: the article says nothing on it
    ("can I become an ML engineer at 55? I'm a theatre lighting designer", "age, gender and other personal"),
    ("I'm in my 50s, can I still become an ML engineer?", "age, gender and other personal"),
])
def test_a_subject_the_source_does_not_cover_is_never_answered_as_covered(cli, question, subject):
    result = cli("ask", question)
    assert result.code == 1 and result.err == ""
    assert "The source does not cover" in result.out and subject in result.out
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] == "not_covered" and data["answer"] is None and subject in data["not_covered"]
    # what the article does say on the subject, where the data gives it, comes first
    assert data["message"].startswith(("The source does not cover", "The article says: \u201c"))
    assert "The source does not cover" in data["message"]


def test_not_covered_shows_what_the_source_says_on_the_nearest_topic_labelled_as_such(cli):
    out = cli("ask", "what do ML engineers earn in London").out
    assert "What the source does say on the nearest topic: Pay".upper() in out
    assert "just under $129,000" in out
    data = json.loads(cli("ask", "--json", "what do ML engineers earn in London").out)
    assert [n["topic"] for n in data["nearest"]] == ["salary"]
    assert data["nearest"][0]["value"]["estimates"][0]["source"] == "ZipRecruiter"


def test_names_and_words_the_source_never_uses_are_not_covered(cli):
    named = json.loads(cli("ask", "--json", "is Zalando a good place for ML engineers").out)
    assert named["status"] == "not_covered" and "Zalando" in named["not_covered"]
    unknown = cli("ask", "what's the weather tomorrow")
    assert unknown.code == 1 and "The source never mentions \u201cweather\u201d" in unknown.out
    assert "Pay" not in unknown.out


@pytest.mark.parametrize("question", ["Is there anything you\u2019d strongly recommend doing (or avoiding) early on?",
                                      "What else can I be doing to kick start a career in ML? Any guidance?"])
def test_contractions_and_words_that_ask_nothing_are_not_unknown_names(cli, question):
    # "you'd" closes up to "youd", a word the source never uses but no subject either
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] != "not_covered" and data["not_covered"] is None


@pytest.mark.parametrize(("question", "topic"), [
    ("What other job titles should I search for? ClearanceJobs has almost nothing under 'machine learning engineer'",
     "titles"),
    ("Just ETS'd after 8 yrs. What IS an ML engineer, in plain english?", "overview"),
])
def test_a_name_only_in_what_the_post_tells_is_not_asked_about(cli, question, topic):
    assert answered_as(cli, question) == ("answered", topic)
    assert answered_as(cli, "Is Zalando a good place for ML engineers? I heard they pay well.")[0] == "not_covered"


@pytest.mark.parametrize("question", ["What Would a Typical Day of a Machine Learning Engineer Consist of, and How Does it Compare?",
                                      "A Typical Day Of An ML Engineer Compared"])
def test_a_capital_in_a_title_case_line_names_nothing(cli, question):
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] == "answered" and data["topic"] == "typical_day"


def test_a_capital_inside_a_sentence_or_word_is_still_a_name(cli):
    for question in ("Question: is Zalando a good place for ML engineers?", "Do ML Engineers Use PyTorch Or Not?"):
        data = json.loads(cli("ask", "--json", question).out)
        assert data["status"] == "not_covered"


@pytest.mark.parametrize("question", ["How to be a Machine Learning Engineer in 2025?", "how to be an ML engineer"])
def test_the_central_question_in_plain_words_is_the_path(cli, question):
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] == "answered" and data["topic"] == "path"


def test_a_title_without_profile_gets_an_honest_answer(cli):
    result = cli("ask", "How much does a data scientist make?")
    assert result.code == 1  # nothing found for that title: the same code as `salary "data scientist"`
    assert "Data scientist is one of the related job titles" in result.out
    assert "gives no pay figures for it" in result.out
    assert "$129,000" not in result.out
    assert cli("salary", "data scientist").code == result.code
    data = json.loads(cli("ask", "--json", "what does a data analyst earn").out)
    assert data["status"] == "related" and data["related_title"]["name"] == "Data analyst" and data["answer"] is None


@pytest.mark.parametrize("question", ["banana", "asdf qwer zxcv", "xyzzy plugh"])
def test_when_it_does_not_understand_it_says_so_without_a_fixed_menu(cli, question):
    result = cli("ask", question)
    assert result.code == 1 and result.err == ""
    assert "Not sure what you are asking: no topic of the source comes close." in result.out
    assert "A guess" not in result.out and "guesses" not in result.out  # nothing comes close: no made-up menu
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] == "not_understood" and data["alternatives"] == [] and data["nearest"] == []


def test_not_understood_names_the_real_closest_topics(cli):
    result = cli("ask", "--json", "ambiguous?")
    data = json.loads(result.out)
    assert result.code == 1 and data["status"] == "not_understood" and data["answer"] is None
    topics = [a["topic"] for a in data["alternatives"]]
    assert topics == ["resources"]  # "ambiguous client goals": only a course card says it
    assert data["nearest"][0]["topic"] == "resources"  # shown first among the guesses


@pytest.mark.parametrize("question", ["python?", "do I need Python", "which programming language should I learn"])
def test_python_is_answered_with_what_the_article_says_of_it(cli, question):
    """The article names Python twice: Weisgraeber's 'simple' Python scripts (a con) and the
    skills of BCG's GenAI course card; "do I need Python" shows both, never "not named"."""
    result = cli("ask", question)
    assert result.code == 1 and "mentions Python only" in result.out
    assert "\u2018simple\u2019 Python scripts" in result.out  # the con, quoted
    assert "Python, Jupyter, NLP" in result.out and "GenAI" in result.out  # the course card
    assert "does not cover specific programming languages" not in result.out


@pytest.mark.parametrize(("question", "says"), [
    ("is machine learning a growing field", "fast-growing and evolving field"),
    ("is machine learning a new field", "new and evolving field"),
    ("what future jobs are there", "may not exist yet"),
    ("who is the expert quoted", "Robert Weisgraeber, cofounder, managing director, and CTO of AX Semantics"),
    ("is the salary information reliable", "salary information is sparse"),
    ("how big are ml teams", "collaborate with a larger team that often includes data scientists"),
    ("what are the interviews like", "Technical Interview Prep"),
])
def test_questions_the_article_has_a_sentence_for_show_it(cli, question, says):
    assert says in " ".join(cli("ask", question).out.split())


def test_not_understood_shows_the_closest_sections_as_guesses_in_every_format(cli):
    text = cli("ask", "data?")
    assert text.code == 1 and text.err == ""
    assert "Machine Learning Engineer: not sure" in text.out
    assert "Not sure; the closest the source comes is below, as guesses: what the job is; duties" in text.out
    assert "A GUESS: WHAT THE JOB IS" in text.out and "A GUESS: DUTIES" in text.out
    assert "> " in text.out  # each guessed section with its quotes
    markdown = cli("ask", "--format", "markdown", "data?")
    assert markdown.code == 1 and "## A guess: What the job is" in markdown.out
    data = json.loads(cli("ask", "--json", "data?").out)
    assert data["status"] == "not_understood" and data["section"] is None and data["answer"] is None
    assert 2 <= len(data["nearest"]) <= 3
    assert len({n["section"] for n in data["nearest"]}) == len(data["nearest"])  # one guess per section
    assert all(n["value"] for n in data["nearest"])
    assert cli("ask", "ambiguous?").out.count("A GUESS") == 1  # only what comes close, never a fixed menu


def test_piped_questions_give_json_lines_only_on_stdout():
    result = run_process("ask", "--json", input="pay\nwhat do they do\n", env={"NO_COLOR": "1"})
    lines = result.out.splitlines()
    assert [json.loads(line)["topic"] for line in lines] == ["salary", "duties"]  # one compact document a line
    assert result.code == 0 and result.err == ""  # no banner, no prompt


@pytest.mark.parametrize("question", ["", "   ", "?!?", "..."])
def test_an_empty_question_is_a_usage_error(cli, question):
    result = cli("ask", question)
    assert result.code == 2 and "Ask a question" in result.err


def test_a_very_long_question_returns_promptly(cli):
    start = time.perf_counter()
    result = cli("ask", "salary " * 20_000)
    assert result.code in (0, 1)  # answered, or not sure
    assert time.perf_counter() - start < 10  # a guard against hanging, not a benchmark


def test_piped_questions_skip_blank_lines_and_punctuation_and_answer_all():
    result = run_process("ask", input="what is the salary\n\n   \n?!\nfree courses?\n", env={"NO_COLOR": "1"})
    assert result.code == 0 and result.err == ""
    assert "Machine Learning Engineer: Pay" in result.out and "Technical Interview Prep" in result.out


@pytest.mark.parametrize("piped", ["", "\n\n", "  \n?!\n..."])
def test_a_pipe_with_no_question_is_a_usage_error(piped):
    result = run_process("ask", "--json", input=piped, env={"NO_COLOR": "1"})
    assert result.code == 2 and result.out == ""
    assert len(result.err.splitlines()) == 1 and "No question on stdin" in result.err
    # Leaving at once is no mistake: nothing asked, nothing unanswered.
    assert run_process("ask", input="\nq\n", env={"NO_COLOR": "1"}).code == 0


def test_piped_questions_exit_1_when_any_was_not_answered():
    result = run_process("ask", "--json", input="pay\nwhat is the dress code\nskills\n", env={"NO_COLOR": "1"})
    assert result.code == 1
    assert [json.loads(line)["status"] for line in result.out.splitlines()] == ["answered", "not_covered", "answered"]


def test_piped_quit_leaves_and_help_is_skipped():
    result = run_process("ask", input="help\npay\nquit\nwhat do they do\n", env={"NO_COLOR": "1"})
    assert result.code == 0 and result.err == ""  # answers only: help lists the topics in a terminal
    assert "Machine Learning Engineer: Pay" in result.out and "Duties" not in result.out
    typed = run_with_terminal_stdin("ask", keys="help\nq\n", env={"NO_COLOR": "1"})
    assert typed.code == 0 and typed.err.count("Ask about what the job is; pay; hourly pay;") == 2  # banner, help


def test_interactive_prompt_ends_cleanly_on_eof():
    result = run_process("ask", input="typical day\n", env={"NO_COLOR": "1"})
    assert result.code == 0 and "A typical day" in result.out and "Traceback" not in result.err


@pytest.mark.parametrize("leave", ["q", "quit", "exit", "QUIT", "\x04"])
def test_in_a_terminal_the_prompt_lists_topics_and_leaves_on_q(leave):
    keys = "?\n\n...\nwhat is the salary\nbanana\n" + (leave if leave == "\x04" else leave + "\n") + "never read\n"
    result = run_with_terminal_stdin("ask", keys=keys, env={"NO_COLOR": "1"})
    assert result.code == 0  # a session in a terminal ends well, whatever was asked
    assert result.err.count("Ask about what the job is;") == 2  # the banner, then `?`
    assert "q, quit, exit or Ctrl-D leaves" in result.err and "ask> " in result.err
    assert "Type a question in words." in result.err  # punctuation alone: a hint, not an error
    assert "Machine Learning Engineer: Pay" in result.out and "not sure" in result.out
    assert "never read" not in result.out + result.err and "Traceback" not in result.err


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


def test_every_uncovered_subject_is_listed_in_the_profile_as_not_covered(catalog):
    listed = {entry.casefold() for entry in catalog.role("machine-learning-engineer").not_covered}
    assert catalog.uncovered
    for key, subject in catalog.uncovered.items():
        assert subject["text"].casefold() in listed, key


def test_a_user_file_can_name_a_subject_its_source_does_not_cover(cli, tmp_path):
    user = tmp_path / "subjects.yaml"
    user.write_text("uncovered:\n  pets:\n    text: bringing pets to work\n    nearest: [typical_day]\n"
                    "    keywords: [dog, dogs]\nroles: []\n")
    assert "bringing pets" not in cli("ask", "can I bring my dog").out
    result = cli("--data", str(user), "ask", "can I bring my dog")
    assert result.code == 1 and "The source does not cover bringing pets to work." in result.out
    assert "A typical day".upper() in result.out


def test_an_uncovered_subject_must_name_real_topics(cli, tmp_path):
    user = tmp_path / "bad.yaml"
    user.write_text("uncovered:\n  pets:\n    text: pets\n    nearest: [weather]\n  cats: [1, 2]\nroles: []\n")
    result = cli("validate", str(user))
    assert result.code == 3 and "uncovered.pets.nearest[0]: unknown topic" in result.out
    assert "uncovered.cats: expected a mapping" in result.out and "Traceback" not in result.err


def test_the_nearest_topic_of_an_uncovered_subject_is_its_own_unless_it_refines_the_one_asked(cli):
    hours = json.loads(cli("ask", "--json", "how long is their work week").out)
    assert [n["topic"] for n in hours["nearest"]] == ["typical_day"]  # not the path, though "long" is a path word
    senior = json.loads(cli("ask", "--json", "what does a senior ML engineer do").out)
    assert senior["status"] == "not_covered" and [n["topic"] for n in senior["nearest"]] == ["duties"]


@pytest.mark.parametrize("question, heading", [
    # the asker's background names no subject: it is neither unknown words nor the industry asked about
    ("im 52 and a plumber, what's the route into this job", "How to become one"),
    ("I work in retail, how do I become an ML engineer", "How to become one"),
    # common words that only qualify the question ("core", "bullet form") are not words the source never uses
    ("what are the core responsibilities, in bullet form", "Duties"),
    # "how much X" asks about X, not about pay
    ("how much schooling does it take", "Degrees and education"),
    ("how do i make myself a stronger candidate", "Advice: certifications, bootcamps, side projects"),  # "make" is not pay here
    # where a figure comes from is about the sources, whatever the figure
    ("where do the salary figures come from", "Sources"),
    # "worth it" judges what the question names
    ("is a bootcamp worth it", "Degrees and education"),  # ASK_LABELS: bootcamps and certifications are the degrees' row
    # whether the job will last is the article's "future proof" sentence
    ("will this job still exist in 20 years", "Pros and cons"),
])
def test_sloppy_and_personal_paraphrases_are_answered(cli, question, heading):
    result = cli("ask", question)
    assert result.code == 0 and result.err == ""
    assert result.out.startswith(f"Machine Learning Engineer: {heading}\n")
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] == "answered" and data["topic_heading"] == heading


def test_the_future_proof_answer_quotes_the_article(cli):
    assert "future proof job" in cli("ask", "will this job still exist in 20 years").out


@pytest.mark.parametrize("question, subject", [
    ("I'm in Germany, what's the salary", "by country, state or city"),  # a place in the background still counts
    ("I work at a bank, what's the pay like in finance", "industries the article does not name"),
    ("how many job openings are there", "job outlook figures"),  # demand and openings stay uncovered
    ("is demand for ML engineers shrinking", "job outlook figures"),
    ("Will there still be jobs for ML engineers in 10 years?", "job outlook figures"),  # not the careers (round 33)
    ("does the GenAI simulation give you a certificate when you finish?", "a certificate on completion"),  # round 33
])
def test_uncovered_questions_with_background_or_outlook_words_stay_declined(cli, question, subject):
    result = cli("ask", question)
    assert result.code == 1 and "The source does not cover" in result.out and subject in result.out


@pytest.mark.parametrize("question", ["recommend me a movie", "what's the average age of ML engineers",
                                      "is it ethical to build AI"])
def test_a_question_about_something_else_sharing_a_word_is_not_answered(cli, question):
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] in ("not_covered", "not_understood") and data["answer"] is None


def test_a_subject_marked_background_ignored_is_not_named_by_the_askers_background(cli, tmp_path):
    user = tmp_path / "subjects.yaml"
    user.write_text("uncovered:\n  farming:\n    text: farming\n    nearest: [industries]\n    keywords: [farm, farming]\n"
                    "    background: ignored\nroles: []\n")
    asked = cli("--data", str(user), "ask", "do ML engineers work in farming")
    assert asked.code == 1 and "The source does not cover farming." in asked.out
    background = cli("--data", str(user), "ask", "I work in farming, how do I become an ML engineer")
    assert background.code == 0 and background.out.startswith("Machine Learning Engineer: How to become one\n")
    bad = tmp_path / "bad.yaml"
    bad.write_text("uncovered:\n  farming:\n    text: farming\n    background: sometimes\nroles: []\n")
    result = cli("validate", str(bad))
    assert result.code == 3 and "uncovered.farming.background:" in result.out


@pytest.mark.parametrize("question", ["can you tell us what they earn", "give us the pay"])
def test_us_the_pronoun_is_no_place(cli, question):
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] == "answered" and data["topic"] == "salary"


def test_a_long_post_is_read_by_its_question_not_its_first_500_characters(cli):
    story = "I have worked as a nurse for ten years and I love helping people every day. " * 10
    for question, topic in (("What skills do I need to become an ML engineer?", "skills"),
                            ("How much do ML engineers make?", "salary")):
        data = json.loads(cli("ask", "--json", story + question + " Thanks in advance.").out)
        assert data["status"] == "answered" and data["topic"] == topic


@pytest.mark.parametrize(("question", "subject"), [
    ("How does a data science job look like?", "other fields and their jobs"),
    ("is it really that hard to land a job?", "any measure of how hard it is to get in"),
    ("what are my chances without a degree", "any measure of how hard it is to get in"),
    ("is it better for me to do a masters or a bootcamp?", "which of two options is better"),
    ("is data analytics a better field to break into than machine learning?", "which of two options is better"),
])
def test_another_field_difficulty_and_a_choice_are_not_answered_as_this_roles_facts(cli, question, subject):
    result = cli("ask", question)
    assert result.code == 1 and f"The source does not cover {subject}" in result.out
    assert "what the source does say on the nearest topic" in result.out.lower()  # the nearest facts, labelled


@pytest.mark.parametrize("question", [
    "how much does a nurse make", "how much do lawyers earn", "what does a teacher do", "what is the salary of a lawyer",
    "how do I become a doctor", "what skills does a web developer need",  # the examples never answer these with this role
    "how do i become a pilot", "how do I become a software engineer", "what skills does a product manager need",
    "Will AI replace radiologists?", "will AI take my truck driving job",  # AI and another job: not this role's prospects
    # the role named as what the asker is, the other occupation as what they would become
    "I'm an ML engineer. How do I become a lawyer?",
    "How do I become a doctor after working as a machine learning engineer for a few years?",
    # a goal or an occupation replaced, named by a word neither the source nor the vocabulary uses
    # (round 24): the examples read "how do I become" as this role's path
    "how do I become a sommelier", "I'm an ML engineer. How do I become a sommelier?", "how do I become a counselor?",
])
def test_another_occupation_is_not_answered_with_this_role(cli, question):
    """The article profiles the machine learning engineer only: a nurse's pay is not its pay."""
    result = cli("ask", "--json", question)
    data = json.loads(result.out)
    assert (data["status"], result.code) == ("not_covered", 1)
    assert "other occupations" in cli("ask", question).out


@pytest.mark.parametrize(("question", "status", "topic"), [
    ("How do I become a clinical informatician?", "not_covered", None),  # a goal the source never names
    ("how do I start working as a cartographer?", "not_covered", None),
    ("will AI replace librarians?", "not_covered", None),  # an occupation replaced, not this role's prospects
    ("I want to work as an ML practitioner, where do I start?", "answered", "path"),  # this role by another word
    ("how do I become a successful ML engineer", "answered", "path"),  # a word the source uses, and the role
    ("can i become a specialist instead of a manager", "answered", "careers"),
    ("how do I become a highly competent machine learning engineer", "answered", "path"),  # this role, qualified
    ("can a bootcamp replace a compsci degree", "answered", "education"),  # what replaces a degree
    ("how do I become a quant", "not_covered", None),
    ("What are the downsides of working as an ML engineer that nobody mentions?", "answered", "pros_cons"),
])
def test_what_the_asker_would_become_named_in_words_the_source_never_uses_is_another_occupation(cli, question, status, topic):
    assert answered_as(cli, question) == (status, topic)


@pytest.mark.parametrize(("question", "status", "topic"), [
    ("Do grades matter in data science?", "not_covered", None),
    ("Honestly, how well can you find a job with just an undergrad degree in Data Science?", "not_covered", None),
    ("I have a Master's in Data Science. What would you do next?", "not_covered", None),  # told, and asked about
    ("is a bachelor's in data science enough for ML?", "answered", "education"),  # the field beside this role's
    ("is a degree in data science enough to become a machine learning engineer", "answered", "education"),
    ("is there a data science job simulation I can try?", "answered", "resources"),  # the article's own courses
    ("where can I get a taste of data science work for free?", "answered", "resources"),  # trying the work (round 25)
    # MLOps, which the article never names, is a field of its own too, unless the question names this role
    ("what certifications do I need to get into MLOps?", "not_covered", None),
    ("I'm a sysadmin who wants to end up on the MLOps side. Any advice?", "not_covered", None),
    ("do I need a degree to become an ML engineer or MLOps engineer?", "answered", "education"),
])
def test_data_science_named_alone_is_another_field(cli, question, status, topic):
    """A question about data science, and about neither this role nor machine learning, is about
    another field; the same words beside the role ask about the role."""
    result = cli("ask", "--json", question)
    data = json.loads(result.out)
    assert (data["status"], data["topic"] if status == "answered" else None) == (status, topic)
    if status == "not_covered":
        assert result.code == 1 and "other fields" in cli("ask", question).out


@pytest.mark.parametrize(("question", "topic"), [
    ("can a teacher become a machine learning engineer", "path"),
    ("I'm a nurse, how do I become an ML engineer?", "path"),
    ("I'm a radiologist. How do I get into ML engineering?", "path"),
    ("Is ML engineering a good career for a sailor getting out of the navy?", "pros_cons"),  # what the asker leaves
    ("Nurse: what are the pros and cons of an ML career?", "pros_cons"),  # the asker as a label
    ("pros and cons for a web developer who wants to move into ML", "pros_cons"),  # the asker in the third person
    # whom the asker addresses: "industry" there is where they work, not what is asked
    ("Folks who work in the data science/machine learning industry in the real world - how much math do you need?",
     "skills"),
    # where the asker comes from, said with the move into this field
    ("could I switch into machine learning from marketing? what's the route", "path"),
    # the job as its abbreviation: a job the asker starts from, not a name the source never uses
    ("is MLE a good career move for an SDE?", "pros_cons"),
    ("For those who went from SWE to ML engineer: how did you get started?", "path"),
])
def test_an_occupation_beside_the_role_is_the_askers_start(cli, question, topic):
    data = json.loads(cli("ask", "--json", question).out)
    assert (data["status"], data["topic"]) == ("answered", topic)


@pytest.mark.parametrize(("question", "status"), [
    # what the asker says they want is what "any advice?" asks about, not their background
    ("I'm from Spain, and I want to publish my first paper on arXiv. What advice do you have for me?", "not_covered"),
    ("I'm from Spain and I want to publish my first paper on arXiv. Any advice?", "not_covered"),
    ("I\u2019d like to publish a paper on arXiv, any advice?", "not_covered"),
    # where they stand still is background, and a goal that is this role asks about this role
    ("I'm a nurse and I want to become an ML engineer. What are the steps?", "answered"),
    # what they are trying to do, or plan, is not what they ask
    ("Is ML engineering a good career? I'm trying to convince my nephew to take the junior opening we have.", "answered"),
    ("I hope to move to Canada. How do I become an ML engineer?", "answered"),
])
def test_what_the_asker_wants_is_asked_about(cli, question, status):
    assert answered_as(cli, question)[0] == status


def test_a_comparison_before_a_colon_is_what_is_asked_not_the_asker(cli):
    data = json.loads(cli("ask", "--json", "ml engineer vs web developer: which is easier to break into").out)
    assert data["status"] != "answered"


@pytest.mark.parametrize(("question", "guess"), [
    ("Is the tech industry still not recovered or I am that bad?", "industries"),
    ("Is machine learning the only way to earn a decent salary in this field?", "salary"),
])
def test_a_long_question_the_nearest_examples_do_not_back_is_not_sure_with_its_topic_as_a_guess(cli, question, guess):
    """Real questions share a word with a topic ('industry', 'salary') and ask something else:
    where the example questions nearest them lie elsewhere, ask says it is not sure, and shows
    the topic it found as a guess, labelled as one."""
    result = cli("ask", "--json", question)
    data = json.loads(result.out)
    assert result.code == 1 and data["status"] == "not_understood" and data["answer"] is None
    assert guess in [n["topic"] for n in data["nearest"]]
    text = cli("ask", question)
    assert text.code == 1 and "Not sure" in text.out and "as guesses" in text.out


@pytest.mark.parametrize(("question", "topic"), [
    ("How should you start a career in Machine Learning?", "path"),
    ("Required knowledge and education for a career in machine learning?", "education"),
    ("Can I learn and get a job in Machine Learning without studying CS Master and PhD?", "education"),
    ("What's an ML project that will really impress a hiring manager?", "advice"),
])
def test_a_long_question_the_gate_finds_likely_is_answered_though_the_nearest_examples_lie_elsewhere(
        cli, question, topic):
    """Real questions in plain words, which the nearest examples alone left not sure (round 22):
    the vocabulary's lead and the examples' model make the answer likely enough, and its
    confidence is how likely (the gate's probability, at least GATE_ALONE)."""
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] == "answered" and data["topic"] == topic
    assert 0.65 <= data["confidence"] <= 1


@pytest.mark.parametrize("question", [
    ("I started as a ML engineer (first job), and I mostly work on my own. ... My question is, how do you "
     "develop models in a productive way?"),
    "If i majored in Statistics, can i work in data field after graduation?",
    ("What kinds of roles are common (CV engineer, DSP engineer, ML vision, embedded vision, etc.) and which "
     "industries hire most people in this space (big tech, defence, medical, automotive, robotics, etc.)?"),
])
def test_a_long_question_the_gate_finds_unlikely_is_not_sure_though_a_reading_backs_it(cli, question):
    """Real questions the article does not answer, once answered confidently (the path at 0.99,
    industries at 1.0 and 0.3): the readings together make the answer unlikely, so ask says it
    is not sure, its topic a guess."""
    result = cli("ask", "--json", question)
    data = json.loads(result.out)
    assert result.code == 1 and data["status"] == "not_understood" and data["answer"] is None


def test_a_question_ending_in_a_stray_stop_is_read_whole(cli):
    """"... once they have collected it.. ?": the last sentence that asks holds no words, so the
    post has no question proper apart from the whole (it had been not sure)."""
    data = json.loads(cli("ask", "--json", "What does a machine learning engineer do with data once they have "
                                          "collected it.. ?").out)
    assert data["status"] == "answered" and data["topic"] == "duties"


@pytest.mark.parametrize(("question", "topic"), [
    ("how much do ML engineers make", "salary"),  # short: the vocabulary's word alone answers
    ("I have a biology degree and I am 30. What skills do I need to become a machine learning engineer?", "skills"),
    ("My son is in high school and loves computers. How much do machine learning engineers earn a year?", "salary"),
])
def test_a_question_the_nearest_examples_back_is_answered(cli, question, topic):
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] == "answered" and data["topic"] == topic


@pytest.mark.parametrize(("question", "topics"), [
    # Advice and the path are one section: words of both are no contest between them.
    ("Any tips for becoming an ML engineer?", {"advice", "path"}),
    ("what would you recommend for a backend developer who wants to move into ML engineering?", {"advice", "path"}),
    # The path and its degrees are one answer family: the examples choose between them, never doubt.
    ("Can you become a machine learning engineer without a degree?", {"education"}),
    ("What job should I take first after my degree if I want to end up in machine learning?", {"path"}),
])
def test_topics_of_one_section_do_not_contest_each_other(cli, question, topics):
    status, topic = answered_as(cli, question)
    assert status == "answered" and topic in topics


@pytest.mark.parametrize("question", ["the article says every ML engineer ends up a CTO, right?"])
def test_a_vocabulary_answer_the_examples_put_far_down_is_less_sure(cli, question):
    """Answered wrongly on a word or two of the vocabulary; the example questions read it as
    something else, and the confidence says so (it had been 0.77). Declined instead, it would pass
    too. (A question of more than eight words is scored by the gate instead, which weighs the
    nearest examples too: "Is it normal not to know what interests you in the field?" went from
    0.75 to 0.38 with this reading and back to 0.58 with the gate; BENCHMARKS.md, round 22.)"""
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] != "answered" or data["basis"] != "vocabulary" or data["confidence"] < 0.5
    sure = json.loads(cli("ask", "--json", "how much does a machine learning engineer earn per year").out)
    assert sure["basis"] == "vocabulary" and sure["confidence"] > 0.9


def test_the_confidence_is_the_lead_over_another_sections_topic(cli):
    """Advice and the path score alike on "any tips for becoming one?", and are one answer: the
    vocabulary's confidence is its lead over the pay, the skills and the rest, not over the path
    (0.46 when it was the lead over the path; the examples' probability for the section is
    averaged in, as for any question of two words or more beyond the role's name: 0.58 since
    the bootcamp and certification examples count as the degrees')."""
    data = json.loads(cli("ask", "--json", "Any tips for becoming an ML engineer?").out)
    assert data["basis"] == "vocabulary" and [a["topic"] for a in data["alternatives"]][:2] == ["advice", "path"]
    assert data["confidence"] > 0.5


@pytest.mark.parametrize(("question", "topic"), [
    ("Does a working side project improve my chances with employers?", "advice"),
    ("Is there a chance to move up without becoming a manager?", "careers"),
    ("What skills do I need to reach a level where companies hire me?", "skills"),
    ("is machine learning a better field to get into if I want something future proof?", "pros_cons"),
])
def test_words_near_a_subjects_that_ask_something_else_are_answered(cli, question, topic):
    """Chances that a side project improves are the advice, not how hard it is to get in; "a level"
    is not A levels."""
    assert answered_as(cli, question) == ("answered", topic)


@pytest.mark.parametrize(("question", "status", "title"), [
    ("how do I become a data scientist", "related", "Data scientist"),  # becoming that title, the role unnamed
    ("What degree does a data scientist need?", "related", "Data scientist"),  # that title's degree, not this role's
    ("any tips about becoming a data engineer?", "related", "Data engineer"),  # tips for the path: becoming that title
    ("how do I switch from data analyst to ML", "answered", None),  # where the asker starts: this role's path
    ("can a data scientist become a machine learning engineer", "answered", None),
])
def test_becoming_a_related_title_is_related_and_starting_from_one_is_this_roles_path(cli, question, status, title):
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] == status
    if title:
        assert data["related_title"]["name"] == title
    else:
        assert data["topic"] == "path"


def test_two_questions_in_one_are_each_answered(cli):
    """'what's the pay and what skills do I need': the pay and the skills, each under its question."""
    data = json.loads(cli("ask", "--json", "what's the pay and what skills do I need").out)
    assert data["status"] == "answered"
    assert {data["topic"], *(a["topic"] for a in data["also"])} == {"salary", "skills"}
    assert all(a["status"] == "answered" and a["answer"] for a in data["also"])


def test_the_question_of_a_post_the_source_does_not_cover_is_said_and_the_other_answered(cli):
    result = cli("ask", "how much do ML engineers make in germany and do I need a masters?")
    assert result.code == 1 and "The source does not cover pay or jobs by country" in result.out
    assert "You also asked \u201cdo I need a masters?\u201d: Degrees and education" in result.out
    markdown = cli("ask", "--format", "markdown", "how much do ML engineers make in germany and do I need a masters?")
    assert "You also asked" in markdown.out and "Degrees and education" in markdown.out


def test_each_question_of_a_post_is_read_with_what_the_post_says(cli):
    """'I'm in India': its pay question is pay in India, declined; its skills question is answered."""
    data = json.loads(cli("ask", "--json", "I'm in India. How much would I make? And what skills do I need?").out)
    assert data["status"] == "not_covered" and data["not_covered"].startswith("pay or jobs by country")
    assert [(a["status"], a["topic"]) for a in data["also"]] == [("answered", "skills")]


def test_a_question_that_lost_what_the_whole_was_declined_for_is_not_answered_alone(cli):
    data = json.loads(cli("ask", "--json", "What do senior ML engineers do? And how much do they make?").out)
    assert data["status"] == "not_covered" and all(a["topic"] != "salary" for a in data["also"])


@pytest.mark.parametrize(("question", "subject"), [
    ("What's the typical yearly pay of an ML engineer, and does it differ between Boston and Seattle?", "city"),
    ("what do ML engineers earn per year, and is that before or after tax?", "taxes"),
    ("What's the yearly pay of an ML engineer, and do they get bonuses on top?", "benefits"),
    ("what do ML engineers make a year? And do they get stock options too?", "benefits")])  # goes on: "And ..."
def test_a_question_asked_before_the_part_not_covered_is_answered(cli, question, subject):
    """The pay is asked first, then pay by city or after tax: the pay lost nothing to the second part."""
    result = cli("ask", "--json", question)
    data = json.loads(result.out)
    assert result.code == 0 and (data["status"], data["topic"]) == ("answered", "salary")
    assert [a["status"] for a in data["also"]] == ["not_covered"] and subject in data["also"][0]["not_covered"]


@pytest.mark.parametrize("question", ["what do they earn and do at Google?",
                                      "what do ML engineers earn and do day to day at Apple?"])
def test_a_place_said_once_for_two_verbs_is_asked_of_both(cli, question):
    """One question with two verbs, not two questions: the pay at Google, which the source does not cover."""
    assert answered_as(cli, question) == ("not_covered", None)


@pytest.mark.parametrize(("question", "topic"), [("what hours do they spend training models?", "duties")])
def test_hours_spent_on_the_work_are_not_the_schedule(cli, question, topic):
    assert answered_as(cli, question) == ("answered", topic)


@pytest.mark.parametrize(("question", "first", "then"), [
    ("how much do they make? do I need a PhD?", "salary", "education"),
    ("How much do ML engineers make, and do they need a PhD?", "salary", "education"),
    ("what skills do I need and how long does it take?", "skills", "path")])
def test_a_post_read_wrongly_only_as_a_whole_is_answered_question_by_question(cli, question, first, then):
    """Declined as pay by degree, or answered as the courses: an artefact of reading two questions as one."""
    result = cli("ask", "--json", question)
    data = json.loads(result.out)
    assert result.code == 0 and (data["status"], data["topic"]) == ("answered", first)
    assert [(a["status"], a["topic"]) for a in data["also"]] == [("answered", then)]
    assert data["question"] == question


def test_one_question_asks_nothing_else(cli):
    assert json.loads(cli("ask", "--json", "what skills do I need").out)["also"] == []


@pytest.mark.parametrize("question", [
    ("Hey everyone, long time lurker here. How much does an ML engineer make per hour if I want to freelance on Upwork "
    "on the side?"),
    ("I got into a masters program in statistics and one in computer science. Which one is better for becoming a "
    "machine learning engineer?"),
])
def test_a_subject_named_outright_in_a_long_post_is_not_answered_by_the_examples(cli, question):
    """A freelancer's rate is not the estimates' figure, and the article ranks no two degrees:
    however pay-like or education-like the example questions find the post."""
    result = cli("ask", "--json", question)
    assert (json.loads(result.out)["status"], result.code) == ("not_covered", 1)


def test_answers_read_from_a_pipe_are_set_apart_by_a_blank_line():
    result = run_process("ask", input="pay\n?!\nwhat do they do\n", env={"NO_COLOR": "1"})
    lines = result.out.splitlines()
    second = lines.index(next(line for line in lines if line.endswith(": Duties")))
    assert lines[0].endswith(": Pay") and lines[second - 1] == "" and lines[second - 2] != ""


def test_growing_older_is_a_personal_circumstance_the_source_does_not_cover(cli):
    data = json.loads(cli("ask", "--json", "I'm 45. Should I be worried about looking for ML jobs as I get older?").out)
    assert data["status"] == "not_covered" and data["not_covered"].startswith("age")


@pytest.mark.parametrize(("question", "topic"), [
    ("what skills does an ML engineer need? my sister in Porto Alegre asked me", "skills"),
    ("what skills does an ML engineer need? I already know Kotlin", "skills")])
def test_a_name_said_only_about_the_asker_is_background_not_the_question(cli, question, topic):
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] == "answered" and data["topic"] == topic


@pytest.mark.parametrize("question", ["At Google, what is the salary?",
                                      "I wonder whether my Kotlin experience counts, what skills does an ML engineer need?"])
def test_a_name_in_what_is_asked_is_still_not_covered(cli, question):
    assert json.loads(cli("ask", "--json", question).out)["status"] == "not_covered"


@pytest.mark.parametrize("question", ["Do you have to be good at statistics to work in machine learning?",
                                      "how much statistics is in a machine learning job"])
def test_the_skills_for_machine_learning_work_are_the_skills(cli, question):
    """"Machine learning" said in full, not the role's name: still the skills (four example questions say so)."""
    assert answered_as(cli, question) == ("answered", "skills")


def test_what_the_best_employers_want_is_still_asked(cli):
    """"the best employers" says who judges, not which employer is asked about (a review, round 26)."""
    assert answered_as(cli, "do the best employers care about certifications for ML") == ("answered", "advice")


def test_how_to_improve_ones_skills_is_not_the_list_of_skills(cli):
    """How to get better asks for the advice or the courses, not which skills (a review, round 26)."""
    assert answered_as(cli, "how to improve my machine learning skills")[1] != "skills"


@pytest.mark.parametrize("question", ["whose figures are the ML engineer pay numbers?", "whose data are the salary estimates?"])
def test_which_site_a_figure_is_from_is_the_sources(cli, question):
    """Where the pay comes from, not the pay."""
    assert answered_as(cli, question) == ("answered", "sources")


@pytest.mark.parametrize("question", ["explain the ML engineer job like I'm a bus driver",
                                      "explain ML engineering to a postman, no jargon"])
def test_whom_an_explanation_is_for_is_not_what_is_asked(cli, question):
    assert answered_as(cli, question) == ("answered", "overview")


@pytest.mark.parametrize("question", ["describe the job for a remote ML engineer",
                                      "explain the hourly rate to someone in Mexico",
                                      "describe the day-to-day for someone working remotely",
                                      "describe pay to someone who works part time",
                                      "explain the hourly pay for a 19 year old intern"])
def test_what_an_explanation_is_asked_of_is_still_asked(cli, question):
    """Remote work, a place, part-time hours: what is asked, not who listens (a review, round 25)."""
    assert answered_as(cli, question) == ("not_covered", None)


@pytest.mark.parametrize(("question", "subject"), [
    ("how much will I earn starting out", "pay by experience"),
    ("what is machine learning?", "other fields"),
    ("can I do this part time", "work schedules and hours"),
    ("What hours do ML engineers work?", "work schedules and hours"),  # hours worked, not the hourly pay
    ("Which companies are the best to work for as an ML engineer?", "named employers"),
    ("are people in their 50s hired as ML engineers?", "age, gender"),
    ("I live in Mexico. What's the hourly rate for an ML engineer?", "pay or jobs by country"),  # pay's family
    ("How many meetings does an ML engineer have?", "office culture"),
    ("how many years does a PhD take?", "which degree, school, bootcamp or certification to choose"),
    ("do i need to know linear algebra", "which areas of mathematics"),  # maths, not a tool
    ("what do ML engineers wear to work", "office culture"),
    ("how much time do they spend in meetings", "office culture"),
    ("how old are most ML engineers", "age, gender"),
    ("what is the salary of Robert Weisgraeber", "Robert Weisgraeber beyond"),
    ("what's the difference between machine learning and AI", "other fields"),
    ("how much did ML engineers make in 2020", "pay in a given year")])  # the estimates carry no year
def test_subjects_the_source_does_not_cover_found_by_review(cli, question, subject):
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] == "not_covered" and data["not_covered"].startswith(subject)


@pytest.mark.parametrize(("question", "topic"), [("What jobs lead to becoming an ML engineer?", "path"),
                                               ("Is data analyst a stepping stone to ML engineer?", "path")])
def test_the_jobs_before_this_one_are_the_path(cli, question, topic):
    """The article's path names the entry-level jobs that come first (programmer, data analyst)."""
    assert answered_as(cli, question) == ("answered", topic)


@pytest.mark.parametrize(("question", "topic"), [("Responsibilities of the role per Forage?", "duties"),
                                               ("what are the pros and cons, according to the article?", "pros_cons")])
def test_where_the_asker_read_it_is_not_what_they_ask(cli, question, topic):
    """"per Forage", "according to the article" frame the question; the answer is its topic, and
    the question is echoed as asked."""
    data = json.loads(cli("ask", "--json", question).out)
    assert (data["status"], data["topic"], data["question"]) == ("answered", topic, question)


@pytest.mark.parametrize(("question", "topic"), [("describe the job", "overview"), ("ml engineer salary package", "salary"), ("is an ms required for ml engineering?", "education"),
                                               ("Which math courses matter for machine learning?", "skills"),
                                               ("Which are the negative points of this profession?", "pros_cons"),
                                               ("What is the remuneration of an ML engineer?", "salary"),
                                               ("Which formation do I need for this job?", "education")])
def test_plain_and_second_language_wordings_are_understood(cli, question, topic):
    assert answered_as(cli, question) == ("answered", topic)


@pytest.mark.parametrize("question", ["why is salary info for ML engineers so sparse?",
                                      "Why are the two salary estimates so different?",
                                      "why do the two sites give such different pay figures?",
                                      "why do the sites show different pay?",
                                      "did the 161k number come from Indeed or from ZipRecruiter?",
                                      "are the pay numbers real or just a guess?", "is the salary made up?",
                                      # sparse in other words, and "how come" as "why"
                                      "why is the pay data so thin?",
                                      "how come there's so little salary data on ML engineers?"])
def test_how_far_to_trust_the_pay_figures_is_the_sources(cli, question):
    """The article says why pay data is sparse, and names where each estimate comes from: the
    sources, not the figures again."""
    assert answered_as(cli, question) == ("answered", "sources")


@pytest.mark.parametrize("question", ["Are ML engineers scarce?", "why do interns get so little pay?",
                                      "Why are entry-level ML postings so thin right now?"])
def test_scarce_or_thin_without_the_data_is_not_the_sources(cli, question):
    assert answered_as(cli, question)[1] != "sources"


def test_how_come_asks_why_for_the_examples_too(cli):
    """The example questions that say "how come" are about the pay data; as "why" they read this
    one as the titles, for which the article gives its reason (the overlap with larger fields)."""
    assert answered_as(cli, "How come there are so many job titles?") == ("answered", "titles")


@pytest.mark.parametrize(("question", "topic"), [("waht dose a ml enginer do", "duties"), ("hwo much do they make", "salary")])
def test_a_short_word_with_two_letters_swapped_is_still_that_word(cli, question, topic):
    data = json.loads(cli("ask", "--json", question).out)
    assert (data["status"], data["topic"]) == ("answered", topic)


@pytest.mark.parametrize(("declined", "subject", "answered", "topic"), [
    ("how do I get into data science?", "other fields",
     "should I get a master's in data science to become an ML engineer?", "education"),
    ("How much math I need for data science?", "other fields",
     "what skills will the bcg data science job sim build", "resources"),
    ("Do you have any advice for preparing for ML interviews?", "how job interviews",
     "is there a free course to prep for technical interviews?", "resources"),
])
def test_another_field_or_interviews_are_not_covered_but_what_the_article_says_near_them_is_answered(
        cli, declined, subject, answered, topic):
    """Another field, or job interviews, are declined; a degree in that field for this role, or the
    article's own courses (a data science simulation, an interview prep course), are answered."""
    other = json.loads(cli("ask", "--json", declined).out)
    assert other["status"] == "not_covered" and other["not_covered"].startswith(subject)
    near = json.loads(cli("ask", "--json", answered).out)
    assert (near["status"], near["topic"]) == ("answered", topic)


def test_chatgpt_is_named_in_passing_not_a_tool_the_article_leaves_unnamed(cli):
    data = json.loads(cli("ask", "--json", "do ML engineers use chatgpt").out)
    assert data["status"] == "not_covered"
    assert data["message"].startswith("The article names ChatGPT once, in passing: \u201cWith all the talk")
    assert "tools it does not name" not in data["message"]


def test_a_google_certification_is_the_certification_question_not_an_employer(cli):
    data = json.loads(cli("ask", "--json", "what is the google cert").out)
    assert data["status"] == "not_covered" and "cloud.google.com/certification" in data["message"]
    assert "named employers" not in data["not_covered"]


def test_what_the_article_says_of_certifications_is_said_only_to_a_question_about_them(cli):
    length = json.loads(cli("ask", "--json", "how long is a PhD").out)
    assert length["status"] == "not_covered" and length["message"].startswith("The source does not cover which degree")
    cert = json.loads(cli("ask", "--json", "which certification should I get").out)
    assert cert["status"] == "not_covered" and cert["message"].startswith("The article recommends no particular certification")


@pytest.mark.parametrize("question", ["I work at Google. How much would I make?", "what would I earn? I'm a senior engineer",
                                      "I have a PhD in physics. How much would I make?"])
def test_an_employer_or_level_the_asker_names_bears_on_the_pay_they_ask(cli, question):
    assert json.loads(cli("ask", "--json", question).out)["status"] == "not_covered"


@pytest.mark.parametrize(("question", "topic"), [("I work at Google. What skills do I need?", "skills"),
                                                 ("I'm a senior dev. How do I become an ML engineer?", "path")])
def test_an_employer_or_level_the_asker_names_does_not_bear_on_other_topics(cli, question, topic):
    assert answered_as(cli, question) == ("answered", topic)


@pytest.mark.parametrize("question", ["What are the related job titles and what do they pay?",
                                      "What do ML engineers at Google do? What's their salary?",
                                      "What do junior ML engineers do? And how much do they make?"])
def test_a_question_that_refers_back_to_another_job_or_an_uncovered_one_is_not_answered_as_pay(cli, question):
    data = json.loads(cli("ask", "--json", question).out)
    assert data["topic"] != "salary" and all(a["topic"] != "salary" for a in data["also"])


def test_a_question_that_refers_back_is_read_with_the_one_it_refers_to(cli):
    data = json.loads(cli("ask", "--json", "What do ML engineers do in healthcare? How much do they make?").out)
    assert data["status"] == "not_covered" and data["not_covered"].startswith("pay in a given industry")
    assert [(a["status"], a["topic"]) for a in data["also"]] == [("answered", "industries")]
    plain = json.loads(cli("ask", "--json", "What do ML engineers do? How much do they make?").out)
    assert {plain["topic"], *(a["topic"] for a in plain["also"])} == {"duties", "salary"}


def test_an_advice_question_shows_what_helps_before_the_steps_and_a_path_question_the_steps_first(cli):
    advice = cli("ask", "how do I stand out to employers")
    assert advice.code == 0 and "Advice" in advice.out.splitlines()[0]
    assert advice.out.index("Side projects") < advice.out.index("Steps the source puts in order")
    path = cli("ask", "how do I become a machine learning engineer")
    assert path.out.index("Steps the source puts in order") < path.out.index("Side projects")
    markdown = cli("ask", "--format", "markdown", "how do I stand out to employers").out
    assert markdown.index("Side projects") < markdown.index("Steps the source puts in order")


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_an_answer_about_a_related_title_names_its_source_like_every_answer(cli, fmt):
    result = cli("ask", "--format", fmt, "how much does a data scientist make")
    assert result.code == 1 and "Data scientist" in result.out.splitlines()[0]
    assert "Source: " in result.out and "theforage.com" in result.out


def test_the_related_titles_pay_is_declined_not_dropped(cli):
    """The titles are asked first and answered; what they pay, asked after, is declined, not dropped."""
    data = json.loads(cli("ask", "--json", "What are the related job titles and what do they pay?").out)
    assert (data["status"], data["topic"]) == ("answered", "titles")
    assert [a["status"] for a in data["also"]] == ["not_covered"]
    assert "pay for the related job titles" in data["also"][0]["not_covered"]


def test_a_post_whose_questions_are_each_answered_leads_with_the_first(cli):
    data = json.loads(cli("ask", "--json", "what's the pay and what skills do I need?").out)
    assert (data["topic"], [a["topic"] for a in data["also"]]) == ("salary", ["skills"])
    data = json.loads(cli("ask", "--json", "what skills do I need and what's the pay?").out)
    assert (data["topic"], [a["topic"] for a in data["also"]]) == ("skills", ["salary"])


@pytest.mark.parametrize(("question", "subject"), [
    ("how much per month?", "pay per month, week or day"),
    ("which pays more, ML engineer or data scientist?", "comparisons, rankings and counts"),
])
def test_pay_the_source_does_not_give_is_declined_not_shown_as_the_estimates(cli, question, subject):
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] == "not_covered" and data["not_covered"].startswith(subject)


def test_a_name_in_the_askers_own_line_is_not_what_they_ask_even_possessive_and_a_typo_of_what_asks_nothing(cli):
    data = json.loads(cli("ask", "--json", "I've been doing Andrew Ng's course at night. Do I need a master's degree?").out)
    assert "Ng" not in (data["not_covered"] or "") and "Ng" not in (data["message"] or "")
    assert json.loads(cli("ask", "--json", "wht do they do").out)["topic"] == "duties"


@pytest.mark.parametrize(("question", "topic"), [
    ("once you're a machine learning engineer, what sorts of jobs can you move into?", "careers"),
    ("what sorts of roles open up for someone with ML engineering experience", "careers"),
])
def test_the_plural_of_a_word_that_asks_nothing_is_no_misspelling(cli, question, topic):
    """"sorts" is not a typo of "sports" (an industry the source does not name): "sort" asks
    nothing, and so does its plural."""
    assert answered_as(cli, question) == ("answered", topic)


def test_the_google_ml_certification_is_the_one_the_article_links_to(cli):
    data = json.loads(cli("ask", "--json", "does the Google ML certification help?").out)
    assert data["status"] == "not_covered" and "cloud.google.com/certification" in data["message"]
    assert "named employers" not in data["not_covered"]


@pytest.mark.parametrize("question", ["what's the salary in the US?", "average ML engineer salary in america"])
def test_pay_in_the_us_is_the_two_estimates_alike_however_asked(cli, question):
    """The estimates are ZipRecruiter's "national average" and Indeed's, in dollars: the written
    sets, labelled from the article alone, read a question about pay in the US as the pay."""
    assert answered_as(cli, question) == ("answered", "salary")


def test_pay_in_an_industry_is_not_the_overall_estimates(cli):
    data = json.loads(cli("ask", "--json", "Does healthcare pay well?").out)
    assert data["status"] == "not_covered" and data["not_covered"].startswith("pay in a given industry")
    assert json.loads(cli("ask", "--json", "do ML engineers work in healthcare?").out)["topic"] == "industries"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_who_is_quoted_leads_with_the_people_the_source_quotes(cli, fmt):
    """An answer opens with the part of its section the question asks for: "who is ...?" the
    people quoted, not the page's details; "who wrote it?" the page's details (its author)."""
    who = cli("ask", "--format", fmt, "who is Weisgraeber?")
    assert who.code == 0 and who.out.index("People the source quotes") < who.out.index("Publisher")
    for question in ("who wrote this article?", "who is the author?"):
        wrote = cli("ask", "--format", fmt, question)
        assert wrote.code == 0 and wrote.out.index("Publisher") < wrote.out.index("People the source quotes")


@pytest.mark.parametrize("question", ["what is a hash table", "what's stochastics?", "define a matrix",
                                      "what is the difference between hard and soft skills"])
def test_a_term_the_article_names_but_does_not_define_is_not_covered(cli, question):
    """"Hash table" is a skill of a course card, "stochastics" a word of a quote: the article
    defines neither, so a question about what one is gets no answer passed off from its section."""
    result = cli("ask", "--json", question)
    assert (json.loads(result.out)["status"], result.code) == ("not_covered", 1)
    assert "defines none" in cli("ask", question).out
    assert json.loads(cli("ask", "--json", "is there a course on hash tables").out)["topic"] == "resources"


def test_books_are_not_the_article_s_courses(cli):
    """The article recommends no book; its resources are free courses and job simulations."""
    result = cli("ask", "--json", "is there a good textbook you'd recommend?")
    assert (json.loads(result.out)["status"], result.code) == ("not_covered", 1)
    assert "recommends none" in cli("ask", "best books to learn machine learning").out


def test_standing_out_is_the_advice_even_when_applying(cli):
    """How to stand out is the quoted advice (ASK_LABELS: advice); applying is only when."""
    assert answered_as(cli, "How can I stand out when applying for MLE roles if I have no master's?") == ("answered", "advice")


@pytest.mark.parametrize(("question", "expected"), [
    ("I got laid off from my bank job last month, what does an ML engineer earn a year?", ("answered", "salary")),
    ("tips for self-teaching machine learning while working full-time as a nurse", ("answered", "advice")),
    ("Are ML engineers getting laid off?", ("not_covered", None)),
    ("How much do ML engineers earn after being laid off?", ("not_covered", None)),
    ("Can I work part-time as an ML engineer?", ("not_covered", None)),
])
def test_a_layoff_or_a_job_the_asker_tells_of_is_background_not_the_subject(cli, question, expected):
    """Layoffs the asker went through and the job they keep while learning are their story: the
    job outlook and working hours are the subject only when asked about (round 24)."""
    assert answered_as(cli, question) == expected


@pytest.mark.parametrize("question", [
    "how much does an ML engineer make an hour in London", "income of ML engineer in Canada per year",
    "how much do ML engineers make a year at Google", "what's the hourly pay for a senior ML engineer",
    "how much does an ML intern make per hour", "what are the duties of a senior ML engineer",
    "what's the typical day of an ML intern",
])
def test_pay_at_a_place_an_employer_or_a_level_is_never_the_national_estimate(cli, question):
    """The example questions know "an hour" as hourly pay and "London" as not covered: read
    together, the many words of the pay outweigh the one of the place, so they do not answer
    where the vocabulary declined for the place, the employer or the level."""
    result = cli("ask", "--json", question)
    assert (json.loads(result.out)["status"], result.code) == ("not_covered", 1)


def test_a_voice_assistant_s_wake_words_name_no_employer(cli):
    assert answered_as(cli, "hey google how much does a machine learning engineer earn a year") == ("answered", "salary")


def test_a_sentence_longer_than_is_read_is_cut_at_a_word_and_says_so(cli):
    story = " ".join(["i", "have", "worked", "in", "retail", "for", "years"] * 20)
    data = json.loads(cli("ask", "--json", f"{story} what does an ML engineer earn?").out)
    assert data["question"].startswith("... ") and data["question"].endswith("what does an ML engineer earn?")
    first = data["question"].split()[1]
    assert first in story.split()  # a whole word, not the end of one


def test_a_portfolio_against_a_master_s_is_the_comparison_the_article_makes(cli):
    assert answered_as(cli, "is a portfolio more important than a master's thesis?") == ("answered", "advice")


def test_one_sentence_asking_two_things_is_answered_in_the_order_asked(cli):
    result = cli("ask", "--json", "what does an ML engineer do all week, and can they work from home?")
    data = json.loads(result.out)
    assert (result.code, data["status"], data["topic"]) == (0, "answered", "duties")
    assert [a["status"] for a in data["also"]] == ["not_covered"]
    # Two sentences: the whole's outcome stands.
    assert json.loads(cli("ask", "--json", "What does an ML engineer do? Can they work from home?").out)["status"] == "not_covered"


def test_big_tech_is_a_kind_of_company_not_a_named_employer(cli):
    """Where they work is the industries ("generally ... technology or software companies"); pay
    at a kind of company is still not covered."""
    assert answered_as(cli, "which companies hire ML engineers, only big tech?") == ("answered", "industries")
    assert json.loads(cli("ask", "--json", "ML engineer pay at startups").out)["status"] == "not_covered"


def test_what_they_do_on_the_job_is_the_duties_not_the_titles(cli):
    assert answered_as(cli, "what stuff does an ML engineer do on the job?") == ("answered", "duties")
    listed = json.loads(cli("ask", "--json", "list of things ML engineers do on the job").out)
    assert listed["topic"] != "titles"  # "list" alone does not make it the related titles


def test_which_is_easier_to_get_into_is_a_ranking_the_article_does_not_give(cli):
    result = cli("ask", "--json", "is data analytics easier to get into than ML engineering?")
    assert (json.loads(result.out)["status"], result.code) == ("not_covered", 1)


def test_open_source_is_not_where_the_figures_come_from(cli):
    for question in ("does open source count?", "open source projects for ml engineers"):
        data = json.loads(cli("ask", "--json", question).out)
        assert (data["status"], data["topic"]) == ("answered", "advice"), question  # side projects, tinkering
    assert json.loads(cli("ask", "--json", "where do I learn machine learning for free?").out)["topic"] == "resources"


def test_a_move_out_of_this_field_keeps_its_destination(cli):
    data = json.loads(cli("ask", "--json", "moving from ML research to data engineering, will my experience count?").out)
    assert data["status"] != "answered"


@pytest.mark.parametrize(("question", "expected"), [
    ("is it all sitting at a desk all day for ML engineers?", ("answered", "typical_day")),
    ("what computer should I buy to sit at and learn ML", ("not_covered", None)),  # the equipment asked about
])
def test_sitting_at_a_screen_all_day_is_the_typical_day(cli, question, expected):
    """How much of the day goes at a desk or a screen is what the day is like: the examples say so
    (round 25; keywords for it made "what's the salary for someone sitting at a computer" the day)."""
    assert answered_as(cli, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("is an ML engineer a programmer or a math person?", ("answered", "overview")),
    ("do I need to be a math person?", ("answered", "skills")),  # the asker's maths: the skills
    ("what kind of jobs can I get with ML skills", ("answered", "careers")),
    ("Is a machine learning engineer basically a coder or its own thing?", ("answered", "overview")),
    ("Do you need to be more than just a programmer to be an ML engineer?", ("answered", "skills")),  # the asker's
    ('is "AI engineer" just a fancy name for ML engineer?', ("answered", "titles")),  # two titles: their overlap
])
def test_what_kind_of_job_it_is_is_the_overview(cli, question, expected):
    """"A programmer or a math person?" asks what kind of job this is, not the skills it needs (round 25)."""
    assert answered_as(cli, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("any virtual work experience programme for data science I could try from home", ("answered", "resources")),
    ("Are there online simulations where I could try a data science project of the kind a consulting firm would do?",
     ("answered", "resources")),
    ("how much should I charge for freelance ML consulting as a beginner?", ("not_covered", None)),
])
def test_a_virtual_work_experience_is_the_article_s_simulations_and_a_consulting_firm_no_freelancing(
        cli, question, expected):
    assert answered_as(cli, question) == expected


def test_a_figure_said_to_come_from_a_named_source_asks_the_sources_not_the_figure(cli):
    assert answered_as(cli, "is this salary figure from ziprecruiter or from somewhere else") == ("answered", "sources")
    assert answered_as(cli, "is the hourly rate figure from ZipRecruiter or somewhere else?") != ("answered", "hourly")


@pytest.mark.parametrize(("question", "expected"), [
    ("Admin assistant with a history degree. What's the usual route people take into ML engineering?",
     ("answered", "path")),
    ("what's the route from academia into an ML engineering job?", ("answered", "path")),
    ("would they admit me to a CS masters without a CS degree", ("not_covered", None)),
    ("do ML engineers work in academia?", ("not_covered", None)),
])
def test_where_the_asker_starts_from_is_background_and_an_admin_is_not_an_admission(cli, question, expected):
    assert answered_as(cli, question) == expected


@pytest.mark.parametrize("question", [
    "Any tips for a pharmacist teaching themselves machine learning?",
    "any advice for someone trying to break into ML from a retail job",
])
def test_who_the_advice_is_for_and_where_they_break_in_from_is_background(cli, question):
    assert answered_as(cli, question) == ("answered", "advice")


@pytest.mark.parametrize(("question", "expected"), [
    ("how would I stand out applying for ML engineer roles with no CS degree?", ("answered", "advice")),
    ("which titles should I apply for besides ML engineer", ("answered", "titles")),
    ("how much does personality matter when applying for ML engineer jobs", ("answered", "advice")),
    ("how do I apply for ML engineer jobs?", ("not_covered", None)),
])
def test_applying_is_when_not_what_and_how_much_it_matters_is_no_amount(cli, question, expected):
    assert answered_as(cli, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    (("Warehouse supervisor for 10 years in Leicester, two kids, no degree. What's the route from here into "
      "machine learning engineering?"), ("answered", "path")),
    ("what's the route into management for ML engineers", ("answered", "careers")),
])
def test_the_route_in_is_the_path_and_the_route_into_management_the_career(cli, question, expected):
    assert answered_as(cli, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    (("My grandson wants to be an ML engineer. Could you explain what that role is, for someone who still prints "
      "out her emails?"), ("answered", "overview")),
    ("what skills does an ML engineer need? (I'm a teacher in Texas)", ("answered", "skills")),
])
def test_whom_an_explanation_is_for_after_a_comma_and_the_asker_in_brackets_are_background(cli, question, expected):
    assert answered_as(cli, question) == expected


def test_the_asker_in_brackets_names_no_subject(cli):
    assert answered_as(cli, "what does an ML engineer do all day (i work in a bank)")[0] != "not_covered"


@pytest.mark.parametrize(("question", "expected"), [
    ("can I make money consulting as an ML engineer?", ("not_covered", None)),
    ("what skills do I need for consulting in AI?", ("not_covered", None)),
    ("typical route into a data analyst job?", ("related", None)),
    ("applying for a PhD in machine learning, what do I need?", ("not_covered", None)),
    ("is it a good career for a woman looking to have kids?", ("not_covered", None)),
])
def test_consulting_a_related_title_as_the_goal_and_admissions_are_not_this_role_s_answers(cli, question, expected):
    assert answered_as(cli, question) == expected


def test_a_source_named_as_an_employer_is_not_the_sources(cli):
    assert answered_as(cli, "do ZipRecruiter or Indeed employees make more?") != ("answered", "sources")


@pytest.mark.parametrize(("question", "expected"), [
    ("how much do full time ml engineers earn a year", ("answered", "salary")),
    ("what's the hourly pay for a full time mle", ("answered", "hourly")),
    ("do full-time ML engineers get paid overtime?", ("not_covered", None)),
    ("is contract work or full-time employment more common for ml engineers", ("not_covered", None)),
    ("can I work part-time instead of full time as an MLE?", ("not_covered", None)),
])
def test_full_time_pay_is_the_pay_and_full_time_work_the_schedule(cli, question, expected):
    """An annual salary is full-time pay; the hours themselves, overtime or a contract, the source does not cover."""
    assert answered_as(cli, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("what does a data engineer do? similar to an ML engineer?", ("related", "Data engineer")),
    ("Do data scientists need a PhD, or is that only for ML engineers?", ("related", "Data scientist")),
    ("Is starting as a data engineer a good path to become an ML engineer later?", ("answered", None)),
    ("data analyst at a retailer - what industries is ML engineering concentrated in?", ("answered", None)),
    ("my dad says AI engineers earn 200k. what's the real average annual pay for ML engineers?", ("answered", None)),
    ("Everyone at work keeps saying 'data engineer'. What does a data engineer actually do?", ("related", "Data engineer")),
    ("Applied research scientist: what does that job involve day to day?", ("related", "Applied research scientist")),
    ("My cousin's badge says 'big data engineer'. What does that job involve?", ("related", "Big data engineer")),
    ("I'm a data analyst now. What skills do I need?", ("answered", None)),
    ("data engineer here. what does the job involve day to day?", ("answered", None)),
    ("what does the title research scientist mean?", ("related", "Research scientist")),
    ("what is a big data engineer? is it easier to get into than ML engineering?", ("related", "Big data engineer")),
    ("Data engineer with 5 yrs. Are bootcamps worth it?", ("answered", None)),
    ("A friend who is a research scientist told me ML engineers need a PhD. Do they?", ("answered", None)),
    ("data analyst: are specialist careers valued in ML?", ("answered", None)),
])
def test_a_related_title_asked_about_before_the_role_is_that_title(cli, question, expected):
    """The role named after a related title is a comparison, not what is asked about; a title the
    asker starts from, wears as a label or is told of is not asked about (round 28). A title the
    post tells of, as a heading or someone else's, and then asks about is, and so is what the title
    is or means (round 33)."""
    data = json.loads(cli("ask", "--json", question).out)
    assert data["status"] == expected[0]
    if expected[1]:
        assert data["related_title"]["name"] == expected[1]


@pytest.mark.parametrize(("question", "expected"), [
    ("how to become a data analyst and later an ML engineer", ("answered", "path")),
    ("Should I become a data engineer if I want to end up an ML engineer?", ("answered", "path")),
    ("hello, data analyst here, what skills for ML engineer?", ("answered", "skills")),
    ("what skills do full time ml engineers need", ("answered", "skills")),
    ("full-time machine learning engineer salary", ("answered", "salary")),
    ("do ML engineers get benefits?", ("not_covered", None)),
])
def test_a_title_on_the_way_a_greeted_label_and_a_full_time_role_are_not_the_subject(cli, question, expected):
    """A related title the role comes after is a step on the way, one after a greeting the asker's
    label; a full-time ML engineer is the role; getting benefits is the perks (round 28's review)."""
    assert answered_as(cli, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("is a bootcamp enough to become an ML engineer?", ("answered", "education")),
    ("can I do a bootcamp instead of college for ML engineer?", ("answered", "education")),
    ("are certifications worth doing for ML engineering?", ("answered", "education")),
    ("Do ML employers care more about certs or about what you can actually build?", ("answered", "advice")),
    ("what's the best ML bootcamp right now?", ("not_covered", None)),
])
def test_bootcamps_and_certifications_are_the_degrees_row_what_employers_value_the_advice(cli, question, expected):
    """ASK_LABELS puts bootcamps and certifications beside degrees; what employers value in them is
    Weisgraeber's advice; which one is best the source does not say (round 29)."""
    assert answered_as(cli, question) == expected


def test_a_bootcamp_question_shows_the_bootcamp_line_first(cli):
    """Answered as the degrees, a question about bootcamps still opens on what the source says of them."""
    out = cli("ask", "is a bootcamp enough to become an ML engineer?").out
    assert "Degrees and education" in out
    assert out.index("Certifications or a bootcamp") < out.index("Undergraduate degree")


@pytest.mark.parametrize(("question", "expected"), [
    ("I'm hiring for an ML team. Should I care whether candidates have certifications, or look at what they've built?",
     ("answered", "advice")),
    ("ml engineer bootcamp length?", ("not_covered", None)),
    ("recommended bootcamps for aspiring ML engineers", ("not_covered", None)),
])
def test_how_employers_treat_a_certification_is_the_advice_and_a_bootcamp_s_length_not_covered(cli, question, expected):
    """Round 29's review: a hiring manager asking whether to care is what employers value; a
    bootcamp's length, or which ones are recommended, the source does not give."""
    assert answered_as(cli, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("Librarian here; my manager keeps mentioning 'ML engineers' in meetings - what actually is one?",
     ("answered", "overview")),
    ("ML engineer role explained for a nurse please", ("answered", "overview")),
    ("bus driver, 47, from leeds. explain ml engineering to me like im a kid", ("answered", "overview")),
    ("ML engineering explained pls", ("answered", "overview")),
    ("quick one for a school project: what is a machine learning engineer", ("answered", "overview")),
    ("farmer from Iowa - in two sentences what is an ML engineer", ("answered", "overview")),
    ("school librarian - what does the title ML engineer actually refer to", ("answered", "overview")),
    ("what kind of companies hire ML engineers?", ("answered", "industries")),
    ("is machine learning engineering a coding job or a math job or a mix of all?", ("answered", "overview")),
    ("do I need to be a math person for this?", ("answered", "skills")),
    ("Is ML engineering a software job, a statistics job or a bit of both?", ("answered", "overview")),
    ("For the careers fair I need the hourly wage of an ML engineer. What is it?", ("answered", "hourly")),
    ("what's a machine learning engineer in a nutshell, before I spend a year on it", ("answered", "overview")),
    ("I label images all day, but what is an ML engineer really, is it the same work?", ("answered", "overview")),
    ("An ML engineer on a podcast kept saying stochastics. Can you tell me what that is?", ("not_understood", None)),
])
def test_what_the_role_is_asked_amid_a_story_is_the_overview(cli, question, expected):
    """A clause that asks what the role is and nothing more, or asks for it explained to someone,
    is the overview whatever story comes with it; "what is it?" after the pay still asks the pay (round 30).
    So does a clause that opens with "but", or asks for the role "in a nutshell"; "can you tell me
    what that is?" may point at anything the post names, and is not (round 34)."""
    assert answered_as(cli, question) == expected


@pytest.mark.parametrize(("question", "expected"), [
    ("what source is the $65/hr number from?", ("answered", "sources")),
    ("which source gave the 62 dollar an hour rate?", ("answered", "sources")),
    ("who said ML engineering is future proof?", ("answered", "sources")),
    ("according to whom do ML engineers earn 129k?", ("answered", "sources")),
    ("who gave the $129,000 figure?", ("answered", "sources")),
    ("whose opinion is it that the job is future proof?", ("answered", "sources")),
    ("where do ML engineers get their training data from?", ("not_understood", None)),
    ("which job sites are the annual pay estimates based on?", ("answered", "sources")),
    ("which job websites produced the hourly and yearly pay estimates?", ("answered", "sources")),
    ("what's indeed's number for the base salary?", ("answered", "salary")),
    ("where does the $62 an hour rate come from?", ("answered", "sources")),
    ("who came up with the $161,000 salary estimate?", ("answered", "sources")),
    ("what data is behind the $129,000 figure?", ("answered", "sources")),
    ("who came up with the idea of machine learning?", ("not_understood", None)),
    ("what do ML engineers make by hour?", ("answered", "hourly")),
    ("how accurate are ML models usually?", ("not_understood", None)),
    ("who came up with the job title machine learning engineer", ("not_understood", None)),
    ("how reliable is the hourly figure", ("answered", "sources")),
    ("where did you get $62 an hour from", ("answered", "sources")),
    ("does the source list an hourly wage for ML engineers?", ("answered", "hourly")),
    ("someone told me ML engineers spend all day cleaning data. is that an accurate picture of their day?",
     ("answered", "typical_day")),
    ("is the yearly salary from glassdoor?", ("answered", "sources")),
    ("Indeed or ZipRecruiter: which one gave the hourly rate?", ("answered", "sources")),
    ("is the salary from indeed higher than the other one?", ("answered", "salary")),
    ("is the pay from indeed and ziprecruiter the same?", ("answered", "salary")),
    ("is the salary from 2023?", ("not_covered", None)),
    ("how much do ML engineers earn per our?", ("answered", "hourly")),
    ("as per our talk, what do ML engineers earn a year?", ("answered", "salary")),
])
def test_where_a_figure_or_a_claim_comes_from_is_the_sources(cli, question, expected):
    """Asked where a figure comes from, how far to trust it or who said a claim, the answer is the
    sources, whatever the figure or the claim is about; "the source" as the article, an accurate
    picture of a day, and who came up with machine learning are not (rounds 30 to 33); nor is the
    pay from a source compared, or the pay of a year. Pay "by hour", or dictated "per our", is the
    hourly pay."""
    assert answered_as(cli, question) == expected


@pytest.mark.parametrize("question", [
    "cuánto gana un ingeniero de machine learning?",
    "combien ils gagnent par an les machine learning engineers?",
    "ano ba talaga ang ginagawa ng ML engineer?",
])
def test_a_question_in_another_language_is_told_the_source_reads_english(cli, question):
    """Declined as before, a question written in another language is told so, with its words,
    rather than that the source never mentions them."""
    result = cli("ask", "--json", question)
    data = json.loads(result.out)
    assert result.code == 1 and data["status"] in ("not_covered", "not_understood")
    assert "another language" in data["message"] and "in English" in data["message"]
    assert "never mentions" not in data["message"]
    assert "\u201c" + question.split()[0] + "\u201d" in data["message"]


def test_an_english_question_with_words_the_source_never_uses_is_not_called_another_language(cli):
    data = json.loads(cli("ask", "--json", "recommend a good pizza place near the office").out)
    assert "another language" not in data["message"]


@pytest.mark.parametrize(("question", "expected"), [
    ("where can my nephew try data science work for free?", ("answered", "resources")),
    ("where can I practise data science skills online without paying?", ("answered", "resources")),
    ("do grades matter in data science?", ("not_covered", None)),
    ("is ML engineering hands-on or mostly theory?", ("not_understood", None)),
])
def test_where_to_try_or_practise_for_free_is_the_courses_whatever_field_they_name(cli, question, expected):
    """The article's free simulations include data science ones: where to try or practise it for
    free is the courses; data science asked about as a field is still not covered (round 31)."""
    assert answered_as(cli, question) == expected
