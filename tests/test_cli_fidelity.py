"""What a user sees says what the article says: in text, Markdown and JSON, for every command.

Each test catches a kind of mistake, not one instance: a hedge lost anywhere a fact is shown, a
speaker credited with the source's framing or not credited at all, two measures shown as one
range, an order the article does not state, a heading it does not have, mlcareer's wording
passed off as the article's, a quotation mark left open.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

from mlcareer.fidelity import dropped_hedges, merged_ranges
from mlcareer.model import BEFORE_FIRST_HEADING
from mlcareer.sections import SECTIONS

EXAMPLE = ROOT / "examples" / "my-roles.yaml"
FORMATS = (("--format", "text"), ("--format", "markdown"))


def shown_facts(node, where=""):
    """Every fact in a JSON result: (where, fact) for each mapping with a text and a quote."""
    if isinstance(node, dict):
        if isinstance(node.get("text"), str) and node.get("quote"):
            yield where, node
        for key, value in node.items():
            yield from shown_facts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from shown_facts(value, f"{where}[{i}]")


def all_quotes(node):
    """Every quoted sentence in a JSON result."""
    if isinstance(node, dict):
        yield from node.get("quote") or () if isinstance(node.get("quote"), list) else ()
        for value in node.values():
            yield from all_quotes(value)
    elif isinstance(node, list):
        for value in node:
            yield from all_quotes(value)


def flat(text: str) -> str:
    """Output with its line breaks and indentation folded, for phrases a table may wrap."""
    return " ".join(text.split())


JSON_COMMANDS = [("show", "--json"), ("fit", "-a", "y,n,?,y,n,?", "--json"), ("path", "--json"),
                 ("skills", "--json"), ("salary", "--json")]


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=" ".join)
def test_no_shown_text_drops_a_hedge_of_its_quote(cli, args):
    facts = list(shown_facts(json.loads(cli(*args).out)))
    assert facts
    for where, fact in facts:
        lost = dropped_hedges(fact["text"], " ".join(fact["quote"]))
        assert not lost, f"{where}: {fact['text']!r} drops {lost}"


SPEAKER_SECTIONS = ["typical-day", "path", "skills", "careers", "pros-cons"]


@pytest.mark.parametrize("section", SPEAKER_SECTIONS)
@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f[1])
def test_a_speaker_is_credited_with_every_fact_of_his_in_every_format(cli, section, fmt):
    data = json.loads(cli("show", "-s", section, "--json").out)
    spoken = [f for _, f in shown_facts(data) if f.get("speaker")]
    assert spoken, section
    out = flat(cli("show", "-s", section, *fmt).out).replace("\\", "")
    named = [f for f in spoken if f["speaker"].split(",")[0].split()[-1] in f["text"]]  # "..., Weisgraeber says, ..."
    for fact in spoken:
        credit = f"(according to {fact['speaker']})"
        assert credit in out or fact in named, f"{section}: {fact['text']!r} is shown without its speaker"
    assert out.count("(according to ") == len(spoken) - len(named)


def test_fit_credits_the_speaker_in_text_and_json(cli):
    data = json.loads(cli("fit", "-a", "y,y,y,y,y,y", "--json").out)
    spoken = [a for a in data["answers"] if a["speaker"]]
    assert spoken
    out = flat(cli("fit", "-a", "y,y,y,y,y,y").out)
    named = [a for a in spoken if "Weisgraeber says" in a["text"]]  # the text itself says who said what
    assert out.count("(according to Robert Weisgraeber)") == len(spoken) - len(named)


@pytest.mark.parametrize("fmt", [(), ("--format", "markdown")], ids=["text", "markdown"])
def test_quote_lines_are_the_source_sentence_alone_never_credited_to_the_speaker(cli, fmt):
    """The quote holds the source's framing ("Weisgraeber says ..."): a speaker's name after
    it would credit him with Forage's words."""
    data = json.loads(cli("show", "--json").out)
    quotes = set(all_quotes(data))
    out = cli("show", "--quotes", *fmt).out.replace("\\", "")
    quote_lines = [line.strip()[2:] for line in out.splitlines() if line.strip().startswith("> ")]
    assert quote_lines
    for line in quote_lines:
        assert line in quotes or any(line in q for q in quotes), line
        assert "Weisgraeber)" not in line and not line.endswith("Weisgraeber")


def test_the_terminal_view_leaves_no_quotation_mark_open(cli):
    out = cli("--color", "always", "show", "--quotes").out
    text = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "I don’t know yet" in text
    assert text.count("\u201c") == text.count("\u201d")
    for paragraph in re.split(r"\n\s*\n", text):
        assert paragraph.count("\u201c") == paragraph.count("\u201d"), paragraph


def _estimates(data: dict) -> list[dict]:
    return [{"measure": e["measure"], "annual": (e["annual"] or {}).get("value"),
             "hourly": (e["hourly"] or {}).get("value")} for e in data["salary"]["estimates"]]


@pytest.mark.parametrize("args", [("salary",), ("show", "-s", "salary", "--format", "markdown"), ("show",),
                                  ("show", "--format", "markdown"), ("--color", "always", "salary"),
                                  ("--data", str(EXAMPLE), "compare", "mle", "data-wrangler")], ids=" ".join)
def test_two_measures_are_never_one_range(cli, args):
    estimates = _estimates(json.loads(cli("salary", "--json").out))
    assert len({e["measure"] for e in estimates}) == 2
    out = flat(re.sub(r"\x1b\[[0-9;]*m", "", cli(*args).out))
    assert "129,000" in out
    assert merged_ranges(out, estimates) == []


def test_no_json_result_merges_the_measures(cli):
    for args in (("salary", "--json"), ("show", "--json"),
                 ("--data", str(EXAMPLE), "compare", "mle", "data-wrangler", "--json")):
        raw = cli(*args).out
        assert '"range"' not in raw and '"min"' not in raw and '"max"' not in raw
        estimates = _estimates(json.loads(cli("salary", "--json").out))
        assert merged_ranges(raw, estimates) == []


def test_path_numbers_only_what_the_article_orders(cli):
    out = cli("path").out
    assert "Steps the source puts in order:" in out
    assert re.findall(r"^\s+(\d+)\. ", out, flags=re.MULTILINE) == ["1", "2"]
    assert "Also named as requirements (the source does not say at which point):" in out
    assert re.search(r"^\s+- Master's degree: Most machine learning jobs", out, flags=re.MULTILINE)
    md = cli("show", "-s", "path", "--format", "markdown").out
    assert re.findall(r"^(\d+)\. ", md, flags=re.MULTILINE) == ["1", "2"]
    assert "- **Master's degree:**" in md
    data = json.loads(cli("path", "--json").out)["path"]
    assert [s["step"] for s in data["steps"]] == [1, 2]
    assert [r["label"] for r in data["requirements"]] == ["Master's degree", "Related experience"]
    assert all("step" not in r for r in data["requirements"])


def test_compare_keeps_the_requirements_out_of_the_sequence(cli):
    out = flat(cli("--data", str(EXAMPLE), "compare", "mle", "data-wrangler").out)
    assert ("1. Most people earn an undergraduate degree in computer science, statistics, or data science; "
            "2. After that, they might work") in out
    assert ("also named as requirements, at no stated point: Most machine learning jobs require at least a "
            "master's degree") in out
    assert "You will also likely need several years of related experience" in out
    assert "3. Master's" not in out


def test_help_does_not_promise_an_order_the_article_does_not_give(cli):
    for args in (("--help",), ("path", "--help"), ("show", "--help")):
        out = flat(cli(*args).out)
        assert "ordered roadmap" not in out and "steps, in order" not in out
    assert "steps the source puts in order" in flat(cli("path", "--help").out)


def test_fit_claims_nothing_the_article_does_not_and_says_whose_questions_they_are(cli):
    out = flat(cli("fit", "-a", "n,n,n,n,n,n").out)
    assert "part of the job" not in out
    assert "The questions are mlcareer's, based on the article" in out
    # the Ph.D. is for some jobs only; the numbers are the article's condition for the advantage
    assert "and some even require a Ph.D." in out
    assert "The article puts it to those who enjoy working with numbers and large data sets" in out
    help_text = flat(cli("fit", "--help").out)
    assert "questions of mlcareer's, based on the article" in help_text
    assert "questions from the" not in help_text
    assert "mlcareer's" in json.loads(cli("fit", "-a", "y,y,y,y,y,y", "--json").out)["note"]
    # each text is labelled as mlcareer's summary, never as "the source", and keeps its quote's content
    assert "The source: " not in out and "Summary: " in out
    assert "needed to set up scenarios that allow you to interpret results correctly" in out


@pytest.mark.parametrize("fmt", [(), ("--format", "markdown"), ("--json",)], ids=["text", "markdown", "json"])
def test_the_opening_paragraphs_stand_under_no_invented_heading(cli, fmt):
    out = cli("show", "-s", "sources", "-s", "overview", *fmt).out.replace("\\", "")
    assert "Introduction" not in out
    assert BEFORE_FIRST_HEADING in out


DISPLAYED = "Computer and information research scientist"
LISTED = "Computer and information research science"


@pytest.mark.parametrize("args", [("show", "-s", "titles"), ("titles",), ("titles", "--search", "research scientist"),
                                  ("--data", str(EXAMPLE), "compare", "mle", "data-wrangler"),
                                  ("show", "-s", "titles", "--format", "markdown")], ids=" ".join)
def test_mlcareer_display_form_of_a_title_is_flagged_everywhere(cli, args):
    out = flat(cli(*args).out).replace("\\", "")
    assert DISPLAYED in out
    assert "mlcareer's form" in out and f"the source lists \u201c{LISTED}\u201d" in out


@pytest.mark.parametrize("args", [("show", "-s", "titles", "--json"), ("titles", "--json"),
                                  ("titles", "--search", "research scientist", "--json"),
                                  ("--data", str(EXAMPLE), "compare", "mle", "data-wrangler", "--json")],
                         ids=" ".join)
def test_json_flags_the_display_form_too(cli, args):
    raw = cli(*args).out
    entries = [e for e in re.findall(r"\{[^{}]*\"display\": \"[^\"]+\"[^{}]*\}", raw)]
    assert entries
    for entry in entries:
        data = json.loads(entry)
        assert data["name"] == LISTED and data["display"] == DISPLAYED
        assert "mlcareer's form" in data["display_note"]


@pytest.mark.parametrize("command,expected", [
    ("path", ["link on \u201ccertifications\u201d: https://cloud.google.com/certification/machine-learning-engineer",
              ("link on \u201ca bootcamp\u201d: https://pg-p.ctme.caltech.edu/ai-machine-learning-bootcamp-online-"
               "certification-course"),
              "Your skills and abilities will make a crucial difference in your job search",
              "rather than your certifications"]),
    ("titles", []),
    ("skills", ["Strong soft skills"]),
    ("resources", ["Free data or software engineering virtual job simulations",
                   "https://www.theforage.com/simulations?careers=data"]),
])
def test_facts_the_article_gives_are_shown(cli, command, expected):
    out = cli(command).out if command != "titles" else cli("show", "-s", "titles").out
    for text in expected:
        assert text in out, text
    if command == "titles":
        assert "you may find some overlap in machine learning job titles" in flat(out)


def test_markdown_links_the_articles_own_links(cli):
    md = cli("show", "-s", "path", "--format", "markdown").out
    assert "<https://cloud.google.com/certification/machine-learning-engineer>" in md
    data = json.loads(cli("path", "--json").out)["path"]
    links = [link for fact in data["alongside"] for link in fact["links"]]
    assert {"text": "a bootcamp",
            "url": "https://pg-p.ctme.caltech.edu/ai-machine-learning-bootcamp-online-certification-course"} in links


def test_every_section_json_fact_keeps_quote_and_section(cli):
    data = json.loads(cli("show", "--json").out)
    assert [s.key for s in SECTIONS] == data["sections"]
    for where, fact in shown_facts(data):
        assert fact["section"], where


def test_compare_credits_a_skill_that_is_someones_view(cli):
    out = flat(cli("--data", str(EXAMPLE), "compare", "mle", "data-wrangler").out)
    assert "all might still be true (according to Robert Weisgraeber)" in out  # as the article puts it, credited
    data = json.loads(cli("--data", str(EXAMPLE), "compare", "mle", "data-wrangler", "--json").out)
    speakers = data["skills"]["speakers"]["machine-learning-engineer"]
    assert speakers["Keeping old research in context"] == "Robert Weisgraeber"
    assert "Abstract thinking" not in speakers  # the article's own sentence, no one's view
