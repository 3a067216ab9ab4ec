"""What a user reads, against the article: the findings of the fidelity read of 2026-12-06
(notes/fidelity_read.md), each as the check that would have caught it."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ARTICLE, ARTICLE_FILES, NO_ARTICLE, ROOT

SMART_MOVE = "becoming a machine learning engineer may seem like the smart career move"
CERTIFICATION_URL = "https://cloud.google.com/certification/machine-learning-engineer"


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_smart_move_sentence_frames_the_pros_and_cons_not_what_the_job_is(cli):
    # M1: the opening paragraph is about whether the career is a good move, not what the job is
    assert "smart career move" not in flat(cli("show", "-s", "overview").out)
    pros_cons = flat(cli("show", "-s", "pros-cons").out)
    assert SMART_MOVE in pros_cons  # L12: with its subject, as the article has it
    assert "might be, if you're willing to build up your skill set and have the patience" in pros_cons
    assert pros_cons.index(SMART_MOVE) < pros_cons.index("Pros:")  # framing first
    answer = flat(cli("ask", "is it a good career choice?").out)
    assert SMART_MOVE in answer and "(ChatGPT anyone?)" in answer  # and its quote
    exported = json.loads(cli("show", "--json").out)
    assert "smart career move" not in json.dumps(exported["overview"])
    assert exported["pros_cons"]["intro"][0]["section"] == "(before the first heading)"


def test_fit_question_on_data_cleaning_says_only_what_weisgraeber_says(cli):
    # M9: no "much of your time" (the typical day gives that to something else), no added "often"
    out = flat(cli("fit", "--answers", "y,y,y,y,y,y").out)
    assert "Are you fine spending time with 'simple' Python scripts, aggregating and cleaning data?" in out
    assert "much of your time" not in out and "often with simple scripts" not in out


def test_fit_summary_of_the_path_implies_no_reason(cli):
    # L11: two separate paragraphs of the article, so no colon linking them as cause and effect
    out = flat(cli("fit", "--answers", "y,y,y,y,y,y").out)
    assert "The path is long. Most machine learning jobs require at least a master's degree" in out
    assert "The path is long:" not in out


def test_the_data_wrangling_list_stays_open_as_he_leaves_it(cli):
    # L1: "cleaned, tuned, reformatted, etc." is an open list
    assert "cleaned, tuned, reformatted and so on in preparation" in flat(cli("show", "-s", "typical-day").out)


def test_no_two_career_items_share_a_label(cli, catalog):
    # L2: two items both labelled "a new field"
    labels = [f.label for f in catalog.role("machine-learning-engineer").careers]
    assert len(labels) == len(set(labels)), labels
    out = cli("show", "-s", "careers").out
    assert out.count("A new field") + out.count("a new field") == 1


def test_compare_keeps_the_period_of_an_abbreviation(cli):
    # L4: "some even require a Ph.D." lost its final period when items were joined
    out = flat(cli("--data", str(ROOT / "examples" / "my-roles.yaml"), "compare",
                   "machine-learning-engineer", "data-wrangler").out)
    assert "some even require a Ph.D.;" in out and "Ph.D;" not in out


def test_the_simulations_link_says_which_word_it_is_on(cli):
    # L5: the link is on "data" only; "software engineering" has none
    out = cli("resources").out
    assert "link on \u201cdata\u201d: https://www.theforage.com/simulations?careers=data" in out


def test_the_reasoning_skill_does_not_pick_what_this_refers_to(cli):
    # L13: "This requires ..." follows two items; the text must not choose one ("That understanding")
    out = flat(cli("show", "-s", "skills").out)
    assert "That understanding" not in out
    assert "Thinking logically about the math and abstractly about how the model comes to a conclusion" in out


def test_the_not_covered_list_does_not_deny_what_the_article_says(cli):
    out = flat(cli("show", "-s", "not-covered").out)
    assert "retail" not in out and "chatbots for e-commerce sites" in out  # L10
    # L16: it does compare twice and give two reasons
    assert "a side project vs. a master's thesis; skill vs. certifications" in out
    assert "beyond the two reasons it gives" in out and "it gives no ranking or reason" not in out
    assert "beyond saying" in out or "any measure of how hard" in out.lower()  # M3


def test_how_hard_leads_with_what_the_article_says_then_says_it_gives_no_measure(cli):
    # M3
    result = cli("ask", "--json", "how hard is it to become a machine learning engineer?")
    data = json.loads(result.out)
    message = data["message"]
    assert data["status"] == "not_covered" and result.code == 1
    assert message.startswith("The article says: \u201cThe path to becoming a machine learning engineer is long.\u201d")
    assert "have the patience to pursue an advanced education" in message
    assert message.index("patience") < message.index("The source does not cover any measure of how hard")
    text = flat(cli("ask", "how hard is it to become a machine learning engineer?").out)
    assert "The article says: \u201cThe path to becoming a machine learning engineer is long.\u201d" in text


def test_which_certification_leads_with_the_one_the_article_links(cli):
    # M8
    result = cli("ask", "--json", "which certification should I get?")
    data = json.loads(result.out)
    assert data["status"] == "not_covered" and result.code == 1
    assert data["message"].startswith("The article recommends no particular certification")
    assert data["message"].index(CERTIFICATION_URL) < data["message"].index("The source does not cover")
    assert CERTIFICATION_URL in flat(cli("ask", "which certification should I get?").out)


def _raw_post_anchors() -> set[tuple[str, str]]:
    raw = ARTICLE.with_name(ARTICLE_FILES[1])
    if not raw.exists():
        pytest.skip(NO_ARTICLE)
    html = json.loads(raw.read_text(encoding="utf-8"))["content"]["rendered"]
    return {(url, text) for url, text in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', html)}


def test_what_a_not_covered_answer_says_first_is_the_articles_own(article, catalog):
    """Every quotation in a subject's ``says`` stands verbatim in the article, and every address
    is one of the article's links, on the word it names."""
    anchors = _raw_post_anchors()
    said = [(key, s["says"]) for key, s in catalog.uncovered.items() if s.get("says")]
    assert {key for key, _ in said} >= {"difficulty", "study_details"}
    for key, says in said:
        for quoted in re.findall("\u201c(.+?)\u201d", says):
            assert quoted in article, (key, quoted)
        for url in re.findall(r"https?://\S+", says):
            words = re.findall("on the word \u201c(.+?)\u201d", says)
            assert (url, words[0] if words else "") in anchors, (key, url)


def test_a_courses_link_text_is_the_articles_anchor(catalog):
    anchors = _raw_post_anchors()
    linked = [c for c in catalog.role("machine-learning-engineer").resources if c.link_on]
    assert linked
    for course in linked:
        assert (course.url, course.link_on) in anchors and course.link_on in " ".join(course.quote)


def test_the_not_covered_list_says_the_article_gives_no_total_time(cli):
    # L7 (in part): the article gives no total duration, only that the path is long and the
    # experience likely several years; ask's "how long" answers are the matcher's (left alone)
    out = flat(cli("show", "-s", "not-covered").out)
    assert ("How long the path takes in all (it says the path is long, and that you will also likely need "
            "several years of related experience)") in out


def ask_json(cli, question: str) -> tuple[dict, int]:
    result = cli("ask", "--json", question)
    return json.loads(result.out), result.code


@pytest.mark.parametrize(("question", "nearest"), [("why do most jobs require a master's?", "education"),
                                                   ("why is a PhD required?", "education"),
                                                   ("why do ml engineers get paid so much", "salary"),
                                                   ("how come most jobs want a master's degree?", "education")])
def test_a_why_the_article_gives_no_reason_for_is_not_covered(cli, question, nearest):
    # M5: the path's facts (or the pay figures) are not the reason; they are shown as the nearest topic
    data, code = ask_json(cli, question)
    assert data["status"] == "not_covered" and code == 1, data["status"]
    assert "why things are as they are" in data["not_covered"]
    assert [n["topic"] for n in data["nearest"]] == [nearest]


@pytest.mark.parametrize(("question", "topic", "because"), [
    # the pay section and the sources both give the reason (ASK_LABELS: "how reliable the pay data is" is the sources)
    ("why is salary information sparse", {"salary", "sources"},
     "Because machine learning is a fast-growing and evolving field, salary information is sparse."),
    ("why do job titles overlap", {"titles"},
     "Because machine learning is a smaller part of the larger fields of data science and computer science"),
    ("how come there's not much salary data on this job?", {"salary", "sources"},
     "Because machine learning is a fast-growing and evolving field, salary information is sparse."),
])
def test_a_why_the_article_gives_a_reason_for_is_answered_with_it(cli, question, topic, because):
    data, code = ask_json(cli, question)
    assert data["status"] == "answered" and code == 0 and data["topic"] in topic
    assert because in flat(cli("ask", question).out)


def test_a_company_the_article_only_names_is_not_covered(cli):
    # M6: AX Semantics is named only in Weisgraeber's title; not the typical day
    data, code = ask_json(cli, "what does AX Semantics do?")
    assert data["status"] == "not_covered" and code == 1 and data["topic"] != "typical_day"
    assert data["message"].startswith("The article names AX Semantics only in the title of Robert Weisgraeber")
    assert [n["topic"] for n in data["nearest"]] == ["sources"]
    who, code = ask_json(cli, "who is Robert Weisgraeber?")
    assert who["status"] == "answered" and code == 0 and who["topic"] == "sources"


@pytest.mark.parametrize("question", ["do they work with data scientists?",
                                      "do ML engineers collaborate with data scientists?",
                                      "are data scientists on their team?"])
def test_working_with_data_scientists_is_the_team_the_overview_names(cli, question):
    # M7: not the related-title intercept
    data, code = ask_json(cli, question)
    assert data["status"] == "answered" and code == 0 and data["topic"] == "overview"
    assert "often includes data scientists and programmers" in flat(cli("ask", question).out)


@pytest.mark.parametrize("question", ["what does a data scientist do", "how much do data scientists earn",
                                      "do they work with data analysts?"])
def test_a_question_about_a_related_title_itself_stays_related(cli, question):
    data, code = ask_json(cli, question)
    assert data["status"] == "related" and code == 1


def test_the_comparison_the_article_states_is_answered_with_it(cli):
    # M4: Weisgraeber compares a side project with a master's thesis
    data, code = ask_json(cli, "is a side project better than a master's degree?")
    assert data["status"] == "answered" and code == 0 and data["topic"] == "advice"
    assert "more interesting than your master\u2019s thesis" in cli("ask", "is a side project better than a master's degree?").out


@pytest.mark.parametrize("question", ["is a bootcamp better than a master's degree?", "is a phd better than a masters?"])
def test_comparisons_the_article_does_not_make_stay_declined(cli, question):
    data, code = ask_json(cli, question)
    assert data["status"] == "not_covered" and code == 1 and "comparisons" in data["not_covered"]


def test_is_it_growing_leads_with_the_articles_fast_growing_sentence(cli):
    # M2 (second read): the article calls the field fast-growing, without figures
    result = cli("ask", "--json", "is machine learning engineering a growing field?")
    data = json.loads(result.out)
    assert data["status"] == "not_covered" and result.code == 1
    assert data["message"].startswith(
        "The article says: \u201cBecause machine learning is a fast-growing and evolving field, salary information is sparse.\u201d")
