"""mlcareer verify: role files against saved sources, as a curator and a maintainer use it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ARTICLE_FILES, NO_ARTICLE, ROOT, SOURCES, run_process
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

HERE = Path(__file__).resolve().parent / "sources"
GUIDE = HERE / "guide.yaml"
DATA = ROOT / "data" / "roles.yaml"
ARTICLE = "machine-learning-engineer"


@pytest.fixture
def sources(monkeypatch) -> Path:
    """The saved article; the tests run from the repository root, where the built-in data is
    named ``data/roles.yaml``."""
    if not all((SOURCES / name).is_file() for name in ARTICLE_FILES):
        pytest.skip(NO_ARTICLE)
    monkeypatch.chdir(ROOT)
    return SOURCES


def _builtin_as_shown() -> str:
    """How verify names the built-in data: the repository's data/roles.yaml from a checkout, the
    packaged copy's path when mlcareer is installed (as in CI)."""
    from mlcareer.catalog import builtin_data_path

    relative = os.path.relpath(builtin_data_path())
    return builtin_data_path() if relative.startswith("..") else relative


SHOWN = _builtin_as_shown()


def line_of(path: Path, pattern: str, key: str) -> int:
    """The line of the ``key:`` that holds the first text matching ``pattern`` (a folded value
    starts on the key's line)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    hit = next(i for i, line in enumerate(lines) if re.search(pattern, line))
    return next(i for i in range(hit, -1, -1) if re.match(rf"\s*(- )?{key}:", lines[i])) + 1


# --- the built-in data against the real article -----------------------------------------------------

@pytest.mark.parametrize("suffix", [".wp.json", ".md"])
def test_builtin_data_verifies_clean_against_the_article(cli, sources, suffix):
    result = cli("verify", "--strict", "--source", str(sources / f"{ARTICLE}{suffix}"))
    assert result.code == 0, result.out
    assert result.out.splitlines()[0].startswith(f"{SHOWN}: ok (1 role, ")
    assert "0 problems, 0 warnings" in result.out.splitlines()[-1]
    assert result.err == ""


def test_builtin_json_counts_quotes_and_figures(cli, sources):
    result = cli("verify", "--json", "--source", str(sources / f"{ARTICLE}.wp.json"))
    report = json.loads(result.out)
    assert result.code == 0 and report["ok"] and report["errors"] == report["warnings"] == 0
    (checked,) = report["files"]
    assert checked["quotes"] >= 55 and checked["problems"] == []
    assert checked["figures"] == 3  # just under $129,000, $62 an hour, approximately $161,000
    assert checked["derived_figures"] == 1  # Indeed's hourly pay, computed by mlcareer: not checked
    assert report["sources"][0]["format"] == "wordpress"
    assert "Machine Learning Job Titles" in report["sources"][0]["headings"]


# --- the article changes: one word, a heading, a hedge ----------------------------------------------

def changed_copy(sources: Path, tmp_path: Path, suffix: str, old: str, new: str) -> Path:
    text = (sources / f"{ARTICLE}{suffix}").read_text(encoding="utf-8")
    assert old in text
    copy = tmp_path / f"{ARTICLE}{suffix}"
    copy.write_text(text.replace(old, new), encoding="utf-8")
    return copy


@pytest.mark.parametrize("suffix", [".wp.json", ".md"])
def test_one_word_changed_in_a_quoted_sentence(cli, sources, tmp_path, suffix):
    copy = changed_copy(sources, tmp_path, suffix, "to research, build, and refine", "to research, create, and refine")
    result = cli("verify", "--source", str(copy))
    line = line_of(DATA, "research, build, and refine", "quote")
    assert result.code == 5
    (problem,) = [out for out in result.out.splitlines() if out.startswith(f"{SHOWN}:")]
    assert problem.startswith(f"{SHOWN}:{line}: roles[0].overview[1].quote: not verbatim in {copy.name}; ")
    assert 'under "What Is a Machine Learning Engineer?"' in problem
    assert 'has "create," where the quote has "build,"' in problem
    assert re.search(r"\d+% similar", problem)
    assert result.out.splitlines()[-1].endswith("1 problem, 0 warnings")


@pytest.mark.parametrize("suffix", [".wp.json", ".md"])
def test_a_heading_renamed(cli, sources, tmp_path, suffix):
    copy = changed_copy(sources, tmp_path, suffix, "Machine Learning Job Titles", "Machine Learning Job Names")
    result = cli("verify", "--source", str(copy))
    line = line_of(DATA, "section: Machine Learning Job Titles", "section")
    assert result.code == 5
    assert (f'{SHOWN}:{line}: roles[0].titles.section: {copy.name} has no heading "Machine Learning Job Titles"; '
            'the closest is "Machine Learning Job Names"') in result.out


def test_formats_are_detected_from_the_content(cli, tmp_path):
    args = []
    for name in ("guide.html", "guide.wp.json", "guide.md"):
        copy = tmp_path / name.replace(".", "-")  # no extension to go by
        copy.write_bytes((HERE / name).read_bytes())
        args += ["--source", str(copy)]
    report = json.loads(cli("verify", str(GUIDE), "--json", "--strict", *args).out)
    assert [s["format"] for s in report["sources"]] == ["html", "wordpress", "markdown"]
    assert report["ok"]


def edited(original: Path, tmp_path: Path, old: str, new: str) -> Path:
    """A copy of a role file with one edit."""
    text = original.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / original.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_a_hedge_dropped_from_a_text(cli, sources, tmp_path):
    altered = edited(DATA, tmp_path, "text: Most people earn an undergraduate degree",
                     "text: People earn an undergraduate degree")
    line = line_of(altered, "text: People earn an undergraduate degree", "text")
    source = str(sources / f"{ARTICLE}.md")

    result = cli("verify", str(altered), "--source", source)
    assert result.code == 0  # a warning, not a problem
    assert f"{altered}:{line}: roles[0].path.steps[0].text: warning: drops the hedge" in result.out
    assert "most" in result.out.split("warning: drops the hedge")[1].splitlines()[0]
    assert result.out.splitlines()[-1].endswith("0 problems, 1 warning")
    assert cli("verify", str(altered), "--strict", "--source", source).code == 5


def test_a_speaker_credited_with_words_outside_his_quotation_marks(cli, sources, tmp_path):
    fact = "      - label: Thinking logically and abstractly\n        kind: thinking\n"
    altered = edited(DATA, tmp_path, fact, fact + "        speaker: Robert Weisgraeber\n")
    result = cli("verify", str(altered), "--source", str(sources / f"{ARTICLE}.md"))
    warnings = [line for line in result.out.splitlines() if ": warning: " in line]
    assert len(warnings) == 1 and "quote: warning: " in warnings[0] and "Weisgraeber" in warnings[0]


def test_two_measures_shown_as_one_range(cli, sources, tmp_path):
    note = "      note:\n"
    altered = edited(DATA, tmp_path, note, note + "        text: \"Salary information is sparse, $129,000 to $161,000.\"\n")
    result = cli("verify", str(altered), "--source", str(sources / f"{ARTICLE}.md"))
    assert re.search(r"roles\[0\]\.salary\.note\.text: warning: .*one range", result.out)
    assert re.search(r"roles\[0\]\.salary\.note\.text: 129,000, 161,000 are not in its quote; the quote has no figure", result.out)
    assert result.code == 5


# --- figures, sections, sources: the small guide saved four ways --------------------------------------

GUIDE_SOURCES = ["guide.html", "guide.wp.json", "guide.md", "guide=" + str(HERE / "guide.txt")]


@pytest.mark.parametrize("source", GUIDE_SOURCES)
def test_every_format_verifies_the_same_facts(cli, source):
    path = source if "=" in source else str(HERE / source)
    result = cli("verify", str(GUIDE), "--strict", "--source", path)
    assert result.code == 0, result.out
    assert result.out.startswith(f"{GUIDE}: ok (1 role, 5 quotes and 1 figure checked against ")
    assert result.out.splitlines()[-1].endswith("0 problems, 0 warnings")


def test_formats_are_detected(cli):
    report = json.loads(cli("verify", str(GUIDE), "--json", *[arg for s in GUIDE_SOURCES for arg in
                                                              ("--source", s if "=" in s else str(HERE / s))]).out)
    assert [s["format"] for s in report["sources"]] == ["html", "wordpress", "markdown", "text"]
    for source in report["sources"]:
        assert source["headings"][-3:] == ["What Does a Data Wrangler Do?", "Pay", "Related Titles"] or \
            "Wrangling 101" in source["headings"]


def edited_guide(tmp_path: Path, old: str, new: str) -> Path:
    return edited(GUIDE, tmp_path, old, new)


def test_a_figure_not_in_its_quote(cli, tmp_path):
    path = edited_guide(tmp_path, "annual: 84000", "annual: 85000")
    result = cli("verify", str(path), "--source", str(HERE / "guide.md"))
    assert result.code == 5
    assert f"{path}:{line_of(path, 'annual: 85000', 'annual')}: roles[0].salary.estimates[0].annual: 85,000 is not in its quote" in result.out


def test_a_number_in_a_text_not_in_its_quote(cli, tmp_path):
    path = edited_guide(tmp_path, "text: Most of the day goes to fixing formats.",
                        "text: Most of the day (6 hours) goes to fixing formats.")
    result = cli("verify", str(path), "--source", str(HERE / "guide.html"))
    assert f"{path}:{line_of(path, '6 hours', 'text')}: roles[0].duties[0].text: 6 is not in its quote" in result.out


def test_a_quote_under_another_heading(cli, tmp_path):
    path = edited_guide(tmp_path, "        section: Pay\n", "        section: What Does a Data Wrangler Do?\n")
    result = cli("verify", str(path), "--source", str(HERE / "guide.wp.json"))
    assert ('roles[0].salary.estimates[0].section: the quote stands under "Pay" in guide.wp.json, '
            'not under "What Does a Data Wrangler Do?"') in result.out
    assert result.code == 5


def test_a_quote_never_there(cli, tmp_path):
    path = edited_guide(tmp_path, "Job ads use several names:", "Recruiters love long titles.")
    result = cli("verify", str(path), "--source", str(HERE / "guide.md"))
    assert "roles[0].titles.quote: not in guide.md, nor anything close" in result.out
    closest = json.loads(cli("verify", str(path), "--json", "--source", str(HERE / "guide.md")).out)
    (problem,) = closest["files"][0]["problems"]
    assert problem["severity"] == "error" and problem["closest"]["similarity"] < 85


def test_a_title_missing_from_the_list(cli, tmp_path):
    path = edited_guide(tmp_path, "name: Data janitor", "name: Data custodian")
    result = cli("verify", str(path), "--source", str(HERE / "guide.html"))
    assert 'roles[0].titles.names[0].name: not in guide.html under "Related Titles"' in result.out


def test_a_source_that_matches_no_role(cli, tmp_path):
    result = cli("verify", str(GUIDE), "--source", str(HERE / "guide.txt"))  # plain text: no URL to match
    assert result.code == 5
    assert (f"{GUIDE}:{line_of(GUIDE, 'source: guide', 'source')}: roles[0].source: no --source is the source "
            '"guide" (https://example.org/guide/data-wrangler); give --source guide=PATH') in result.out
    assert f"{HERE / 'guide.txt'}: warning: is the source of no role" in result.out


def test_a_newer_source_asks_for_a_recheck(cli, tmp_path):
    post = json.loads((HERE / "guide.wp.json").read_text(encoding="utf-8"))
    post["modified"] = "2025-03-01T10:00:00"
    saved = tmp_path / "post.json"
    saved.write_text(json.dumps(post), encoding="utf-8")
    path = edited_guide(tmp_path, '    published: "2024-01-15"\n', '    published: "2024-01-15"\n    modified: "2024-01-15"\n')
    result = cli("verify", str(path), "--source", str(saved))
    assert f"{path}:{line_of(path, 'modified:', 'modified')}: sources[0].modified: warning: post.json says it was " \
           "modified on 2025-03-01" in result.out


def test_two_sources_at_once(cli):
    both = ["--source", str(HERE / "guide.html"), "--source", str(HERE / "guide.md")]
    report = json.loads(cli("verify", str(GUIDE), "--json", *both).out)
    assert report["ok"] and [s["used"] for s in report["sources"]] == [True, True]
    assert report["files"][0]["quotes"] == 5  # counted once, checked against each


def test_a_source_error_with_json_is_still_json(cli, tmp_path):
    result = cli("verify", "--json", "--source", str(tmp_path / "gone.html"))
    assert result.code == 4
    assert json.loads(result.out)["error"]["exit_code"] == 4


def test_an_unusable_data_file_with_json_is_json_not_a_traceback(cli, tmp_path):
    result = cli("--data", str(tmp_path / "gone.yaml"), "show", "--json")
    assert result.code == 3 and json.loads(result.out)["error"]["exit_code"] == 3
    assert "Traceback" not in result.err


def test_the_example_role_file_verifies_clean(cli):
    example = ROOT / "examples" / "my-roles.yaml"
    result = cli("verify", str(example), "--strict", "--source", str(ROOT / "examples" / "my-source.md"))
    assert result.code == 0, result.out
    assert result.out.splitlines()[-1].endswith("0 problems, 0 warnings")


# --- usage, role files, hostile sources ---------------------------------------------------------------

def test_verify_needs_a_source(cli):
    result = cli("verify")
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("mlcareer: verify needs a saved copy of the source: --source PATH")


def test_an_invalid_role_file_is_reported_like_validate(cli, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("roles:\n  - slug: Not A Slug\n    title: X\n    source: s\n", encoding="utf-8")
    result = cli("verify", str(path), "--source", str(HERE / "guide.md"))
    assert result.code == 3
    assert f"{path}:2: roles[0].slug: " in result.out


def one_line_error(result, path: Path, words: str) -> None:
    assert result.code == 4, (result.out, result.err)
    assert result.out == ""
    assert result.err.count("\n") == 1 and result.err.startswith(f"mlcareer: {path}: ")
    assert words in result.err
    assert "Traceback" not in result.err


def test_hostile_source_too_large(cli, tmp_path):
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:
        handle.truncate(9 * 1024 * 1024)
    one_line_error(cli("verify", "--source", str(path)), path, "too large")


def test_hostile_source_binary(cli, tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(b"<html>\x00\x01\x02" * 100)
    one_line_error(cli("verify", "--source", str(path)), path, "binary")


def test_hostile_source_wrong_encoding(cli, tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes("<p>caf\u00e9 cr\u00e8me</p>".encode("latin-1"))
    one_line_error(cli("verify", "--source", str(path)), path, "not UTF-8")


def test_hostile_source_deeply_nested_html(cli, tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 50_000 + "x" + "</span>" * 50_000, encoding="utf-8")
    one_line_error(cli("verify", "--source", str(path)), path, "nested more than")


def test_hostile_source_deeply_nested_json(cli, tmp_path):
    path = tmp_path / "post.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    one_line_error(cli("verify", "--source", str(path)), path, "nested too deep")


@pytest.mark.parametrize("content,words", [
    ('{"title": "x"', "not valid JSON"),
    ('{"title": {"rendered": "x"}}', "not a WordPress post"),
    ("[1, 2]", "save one WordPress post"),
])
def test_json_that_is_no_post(cli, tmp_path, content, words):
    path = tmp_path / "post.json"
    path.write_text(content, encoding="utf-8")
    one_line_error(cli("verify", "--source", str(path)), path, words)


def test_missing_source_and_directory(cli, tmp_path):
    one_line_error(cli("verify", "--source", str(tmp_path / "nope.html")), tmp_path / "nope.html", "no such file")
    one_line_error(cli("verify", "--source", str(tmp_path)), tmp_path, "is a directory")


def test_malformed_html_ends_cleanly(tmp_path):
    """Unfinished tags make html.parser quadratic; the source is defused first (real process,
    bounded by a generous timeout that only a hang would reach)."""
    path = tmp_path / "broken.html"
    path.write_text("<html><body><p>" + "<a" * 300_000, encoding="utf-8")
    result = run_process("verify", str(GUIDE), "--source", str(path), timeout=120)
    assert result.code in (4, 5) and "Traceback" not in result.err


def test_verify_is_not_imported_at_start_up():
    code = ("import sys, mlcareer.cli; print(sorted(m for m in ('mlcareer.verify', 'mlcareer.sourcedoc', "
            "'mlcareer.fidelity', 'html.parser', 'rapidfuzz') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_at_most_a_hundred_problems_a_file(cli, tmp_path):
    facts = "".join(f"      - quote: Nothing of the sort, number {n}.\n        section: Pay\n" for n in range(150))
    path = edited(GUIDE, tmp_path, "    overview:\n", "    overview:\n" + facts)
    result = cli("verify", str(path), "--source", str(HERE / "guide.md"))
    lines = [line for line in result.out.splitlines() if line.startswith(str(path))]
    assert len(lines) == 101 and lines[-1] == f"{path}: and 50 more problems, not listed"
    assert result.code == 5 and result.out.splitlines()[-1].endswith("150 problems, 0 warnings")


def test_markdown_underlined_headings_wrapped_lines_and_markup(cli, tmp_path):
    """An h1 after text is a section, not the title; wrapped lines join; markup is not text."""
    path = tmp_path / "wrapped.yaml"
    path.write_text("""\
sources: [{id: a, title: A Title, url: "https://x.org/a"}]
roles:
  - slug: a
    title: A
    source: a
    overview:
      - {quote: Intro text that is hard wrapped over lines., section: (before the first heading)}
      - {quote: Some emphasis and code and a link., section: Section One}
      - {quote: A quoted line continues here., section: Section One}
      - {quote: Second item, section: Section One}
      - {quote: Text * with stars * here and snake_case_name., section: Section Two}
""", encoding="utf-8")
    result = cli("verify", str(path), "--strict", "--source", str(HERE / "wrapped.md"))
    assert result.code == 0, result.out


# --- properties: any bytes end in a source or a one-line error; a sentence survives any saving ------

PROPERTY = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])
TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<h2>", "</h2>", "<li>", "<a href='x'>", "</a>",
                        "<script>", "</script>", "<!--", "-->", "<", ">", "&amp;", "&#8217;", "&nbsp;", "\n"])


@PROPERTY
@given(st.lists(st.one_of(TAGS, st.text(max_size=8)), max_size=40),
       st.sampled_from([".html", ".json", ".md", ".txt", ""]))
def test_any_source_reads_or_fails_in_one_line(tmp_path, pieces, suffix):
    from mlcareer.errors import SourceError
    from mlcareer.sourcedoc import read_source

    path = tmp_path / f"source{suffix}"
    path.write_text("".join(pieces), encoding="utf-8", errors="surrogatepass")
    try:
        doc = read_source(str(path))
    except SourceError as exc:
        assert "\n" not in str(exc)
    else:
        assert all(span.text == span.text.strip() for span in doc.spans)


WORDS = st.lists(st.sampled_from(["data", "it's", "“quoted”", "‘single’", "A&B", "models", "café", "—", "x<y"]),
                 min_size=1, max_size=12)


@PROPERTY
@given(WORDS)
def test_a_sentence_is_found_however_the_page_wrote_it(tmp_path, words):
    """Entities, curly or straight quotes, non-breaking spaces and line breaks do not count."""
    import html

    from mlcareer.sourcedoc import contains, normalise, read_source

    sentence = " ".join(words)
    page = "<h2>Here</h2><p>" + html.escape(sentence).replace(" ", "&nbsp;\n", 1) + "</p>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    typed = sentence.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    doc = read_source(str(path))
    assert doc.spans_named("Here") and contains(doc.spans_named("Here")[0].text, normalise(typed))


@pytest.mark.parametrize("section", ["What Does a Data Wrangler Do?", "Wrangling 101"])
def test_a_course_card_heading_is_local_to_its_card(cli, tmp_path, section):
    """Text in a card stands under the card's name and under the article's heading around it;
    after the card, the article's heading goes on (a wrapped heading, like "Pay", is not local)."""
    path = edited_guide(tmp_path, "    salary:\n",
                        f"    careers:\n      - quote: A free course.\n        section: {section}\n    salary:\n")
    result = cli("verify", str(path), "--strict", "--source", str(HERE / "guide.html"))
    assert result.code == 0, result.out
