"""The curated data against the article: verbatim quotes, in their sections, every figure."""

from __future__ import annotations

import copy
import json
import re

import pytest
import yaml
from conftest import ARTICLE, ARTICLE_FILES, NO_ARTICLE, ROOT

from mlcareer.fidelity import article_sections, role_facts, role_warnings, states_order
from mlcareer.model import BEFORE_FIRST_HEADING

DATA = ROOT / "data" / "roles.yaml"


def raw_data() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def quotes_in(node, where=""):
    """Yield (where, quote, section) for every quoted thing in the raw file."""
    if isinstance(node, dict):
        if "quote" in node:
            quotes = [node["quote"]] if isinstance(node["quote"], str) else node["quote"]
            for q in quotes:
                yield where, q, node.get("section")
        for key, value in node.items():
            yield from quotes_in(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from quotes_in(value, f"{where}[{i}]")


def section_spans(article: str) -> dict[str, str]:
    """Each heading's text; the opening paragraphs under the documented no-heading marker."""
    return article_sections(article)


ALL_QUOTES = list(quotes_in(raw_data()))


def test_the_data_has_quotes_everywhere():
    assert len(ALL_QUOTES) >= 40


@pytest.mark.parametrize("where,quote,section", ALL_QUOTES, ids=[w for w, _, _ in ALL_QUOTES])
def test_every_quote_stands_verbatim_in_its_section(article, where, quote, section):
    assert quote in article, f"{where}: not verbatim in the article: {quote!r}"
    spans = section_spans(article)
    assert section in spans, f"{where}: no article section {section!r}"
    assert quote in spans[section], f"{where}: quote is not under {section!r}"


def test_every_fact_has_quote_and_section(mle):
    facts = [*mle.overview, *mle.duties, *mle.typical_day, *mle.industries, *mle.careers, *mle.skills,
             *mle.pros_cons.intro, *mle.pros_cons.pros, *mle.pros_cons.cons, *mle.path.steps, *mle.path.alongside,
             *mle.salary.estimates, *mle.resources]
    assert facts
    for fact in facts:
        assert fact.quote and fact.section, fact


def test_source_matches_the_article_header(article, mle):
    header = dict(line.split(": ", 1) for line in article.splitlines()[:5])
    assert mle.source.title == header["title"] == "How to Become a Machine Learning Engineer"
    assert mle.source.publisher == header["publisher"] == "Forage"
    assert mle.source.url == header["url"]
    assert mle.source.published == header["published"][:10] == "2023-03-10"
    assert mle.source.modified == header["modified"][:10] == "2024-07-11"


def list_after(article: str, heading: str) -> list[str]:
    body = section_spans(article)[heading]
    return re.findall(r"^- (.+)$", body, flags=re.MULTILINE)


def test_all_nine_titles_exactly_as_listed(article, mle):
    listed = list_after(article, "Machine Learning Job Titles")
    assert len(listed) == 9
    assert [t.name for t in mle.titles.names] == listed
    assert "Computer and information research science" in [t.name for t in mle.titles.names]


def test_six_additional_duties_exactly_as_listed(article, mle):
    listed = list_after(article, "What Does a Machine Learning Engineer Do?")
    assert [d.text for d in mle.duties if d.label == "additional"] == listed
    assert len(listed) == 6


def test_salary_figures_are_the_articles(mle):
    by_source = {e.source: e for e in mle.salary.estimates}
    assert set(by_source) == {"ZipRecruiter", "Indeed"}
    zip_, indeed = by_source["ZipRecruiter"], by_source["Indeed"]
    assert (zip_.annual, zip_.annual_qualifier, zip_.hourly) == (129000, "just under", 62)
    assert "just under $129,000 per year (or $62 an hour)" in zip_.quote[0]
    assert (indeed.annual, indeed.annual_qualifier, indeed.hourly) == (161000, "approximately", None)
    assert "approximately $161,000 per year" in indeed.quote[0]
    assert indeed.measure == "average base salary" and zip_.measure == "national average salary"


def course_cards(article: str) -> list[dict]:
    cards = re.findall(r"\[course card \d\]\n(.*?)\[end of course card", article, flags=re.DOTALL)
    out = []
    for card in cards:
        lines = card.strip().splitlines()
        fields = dict(line.split(": ", 1) for line in lines if ": " in line and not line.startswith(("Get", "Solve", "See")))
        fields["description"] = lines[1]
        out.append(fields)
    return out


def test_three_free_courses_match_the_course_cards(article, mle):
    cards = course_cards(article)
    from_cards = [c for c in mle.resources if c.avg_time]
    assert len(cards) == len(from_cards) == 3
    for card, course in zip(cards, from_cards):
        assert course.name == card["course"]
        assert course.avg_time == card["Avg. Time"]
        assert ", ".join(course.skills) == card["Skills you’ll build"]
        assert course.url == card["link"]
        assert course.provider and course.provider in (card["description"] + card["course"])


def test_education_steps_in_order_and_requirements_without_one(mle):
    assert [s.label for s in mle.path.steps] == ["Undergraduate degree", "Entry-level job"]
    assert [s.label for s in mle.path.requirements] == ["Master's degree", "Related experience"]
    assert "computer science, statistics, or data science" in mle.path.steps[0].quote[0]
    assert "programmer or data analyst" in mle.path.steps[1].quote[0]
    assert "Ph.D." in mle.path.requirements[0].quote[0]
    assert [a.label for a in mle.path.alongside] == [
        "Certifications or a bootcamp", "Skills and abilities", "Side projects", "Tinkering", "Online material"]


def test_only_what_the_article_puts_in_order_is_a_step(catalog):
    """A step after the first must be placed by its own quote ("After that, ..."); a requirement
    the article does not place in a sequence belongs in ``requirements``."""
    for role in (catalog.role(slug) for slug in catalog.slugs()):
        for step in role.path.steps[1:]:
            assert states_order(" ".join(step.quote)), f"{role.slug}: {step.label} is not placed in order"
    assert not any(states_order(" ".join(r.quote)) for r in role.path.requirements)


def test_skills_cover_every_kind_the_article_names(mle):
    labels = {s.kind: [] for s in mle.skills}
    for s in mle.skills:
        labels[s.kind].append(s.label)
    assert labels["hard"] == ["Data science", "Computing (like software development)", "Math", "Statistics",
                              "Data visualization"]
    assert labels["soft"] and labels["thinking"] == [
        "Abstract thinking", "Understanding how models work", "Thinking logically and abstractly"]
    assert labels["perspective"] == ["Keeping old research in context"]


def test_slugs_are_unique_and_the_file_validates():
    from mlcareer.loader import validate_file

    assert validate_file(str(DATA)) == (1, [])
    slugs = [r["slug"] for r in raw_data()["roles"]]
    assert len(slugs) == len(set(slugs))


# --- paraphrases say what their quote says ------------------------------------------------------

def normalised_roles() -> list[dict]:
    from mlcareer.schema import check_document

    doc, problems = check_document(raw_data())
    assert not problems
    return doc["roles"]


def test_no_text_drops_a_hedge_credits_a_speaker_wrongly_or_merges_two_measures(article):
    """Every shown text against its quote: hedges kept, a speaker credited only with sentences
    that are his (in quotation marks, or naming him) and always where a quote holds speech, and
    no two estimates of different measures joined into one range."""
    for index, role in enumerate(normalised_roles()):
        assert role_warnings(role, article, index) == []


def test_the_checks_would_catch_each_kind_in_this_data(article):
    """Reintroduce one mistake of each kind the review found, and the check sees it."""
    role = normalised_roles()[0]
    bad = copy.deepcopy(role)
    bad["path"]["steps"][0]["text"] = "An undergraduate degree in computer science, statistics, or data science."
    bad["skills"][8]["speaker"] = "Robert Weisgraeber"  # Forage's "This requires you to think ..."
    bad["fit"][0]["speaker"] = None  # his words, uncredited
    bad["salary"]["note"]["text"] = "Just under $129,000 to approximately $161,000."
    bad["path"]["steps"].append(bad["path"]["requirements"][0])  # the master's as step 3
    found = dict(role_warnings(bad, article))
    assert "no order" in found["roles[0].path.steps[2]"]
    assert "most" in found["roles[0].path.steps[0].text"]
    assert "not as Robert Weisgraeber's words" in found["roles[0].skills[8].quote"]
    assert "credits no speaker" in found["roles[0].fit[0].quote"]
    assert "one range" in found["roles[0].salary.note.text"]


def test_the_opening_paragraphs_have_the_documented_marker_not_an_invented_heading(article):
    sections = {section for _, _, section in ALL_QUOTES}
    headings = set(re.findall(r"^#{2,3} (.+)$", article, flags=re.MULTILINE))
    assert sections - headings == {BEFORE_FIRST_HEADING}
    assert "Introduction" not in sections


RAW_POST = ARTICLE.with_name(ARTICLE_FILES[1])


def test_every_link_is_the_articles_own_on_its_own_words():
    if not RAW_POST.exists():
        pytest.skip(NO_ARTICLE)
    html = json.loads(RAW_POST.read_text(encoding="utf-8"))["content"]["rendered"]
    anchors = {(url, text) for url, text in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', html)}
    links = [(link, node) for _, node in role_facts(normalised_roles()[0]) for link in node["links"]]
    assert {link["url"] for link, _ in links} >= {
        "https://cloud.google.com/certification/machine-learning-engineer",
        "https://pg-p.ctme.caltech.edu/ai-machine-learning-bootcamp-online-certification-course"}
    for link, node in links:
        assert (link["url"], link["text"]) in anchors, link
        assert link["text"] in " ".join(node["quote"]), link
    for course in normalised_roles()[0]["resources"]:
        assert any(url == course["url"] for url, _ in anchors) or course["avg_time"], course["name"]


@pytest.mark.parametrize("sentence", [
    "your skills and abilities will make a crucial difference in your job search",
    "you may find some overlap in machine learning job titles",
    "machine learning engineers need strong soft skills",
    "Enroll in one of our free data or software engineering virtual job simulations today!",
    "In addition to your formal education, you can also pursue certifications",
])
def test_facts_once_missing_are_quoted(sentence):
    assert any(sentence in quote for _, quote, _ in ALL_QUOTES), sentence


# --- issue 18: what the fidelity read found, each with the test that would have caught it --------

def test_a_condition_in_the_articles_voice_is_not_credited_to_the_speaker(cli):
    """'But if you enjoy working with numbers ..., he says ...': the condition is Forage's framing.
    The text says so and names the speaker for his words only; no credit is appended over it."""
    for command in (("show", "mle", "--section", "pros"), ("fit", "mle", "--answers", "y,y,y,y,y,y")):
        out = " ".join(cli(*command).out.split())
        assert "The article puts it to those who enjoy working with numbers and large data sets; to them, " \
               "Weisgraeber says" in out
        assert "building the future.\" (according to" not in out
        assert "If you enjoy working with numbers and large data sets, the advantage" not in out


def test_titles_keeps_the_framing_sentence_show_keeps(cli):
    framing = "you may find some overlap in machine learning job titles"
    assert framing in cli("show", "mle", "--section", "titles").out
    assert framing in " ".join(cli("titles", "mle").out.split())
    assert framing in json.loads(cli("titles", "mle", "--json").out)["intros"]["machine-learning-engineer"]


def test_compare_keeps_the_derived_note_and_the_skills_hedges(cli):
    out = " ".join(cli("--data", str(ROOT / "examples" / "my-roles.yaml"), "compare", "mle", "wrangler").out.split())
    assert "Derived figures are computed by mlcareer, not stated by the source" in out
    assert "A deep understanding of statistics." in out and "a working knowledge of statistics" in out
    assert "Exceptional data science skills." in out


def test_no_heading_calls_a_thing_free_or_a_course_that_the_article_does_not():
    from mlcareer.sections import BY_NAME
    from mlcareer.topics import BY_KEY

    for heading in (BY_NAME["resources"].heading, BY_KEY["resources"].heading):
        assert "free" not in heading.casefold()  # the BCG Data Science card is not called free
        assert "simulation" in heading.casefold()  # the closing line's "virtual job simulations" are no courses


def test_the_new_and_evolving_field_sentences_are_shown(cli):
    out = " ".join(cli("show", "mle").out.split())
    for sentence in ("This speaks to how new machine learning is!",
                     "Though machine learning is a new and evolving field, like any career path, it has pros and cons.",
                     "Because machine learning is a fast-growing and evolving field, salary information is sparse."):
        assert sentence.replace("\u2019", "'") in out.replace("\u2019", "'") or sentence in cli("show", "mle", "--quotes").out


def test_the_readme_says_which_links_are_kept_and_that_more_reads_are_left_out():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "the \">>MORE\" lines are related reads" in readme and "left out on purpose" in readme
