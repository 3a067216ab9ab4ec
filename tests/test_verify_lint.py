"""verify as a curator lives with it: the real article saved every usual way gives no false
problem; each mistake that misleads a reader is caught; rule codes, accepting a reviewed warning,
a saved path in the role file, GitHub annotations, --fix and --diff."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import ARTICLE, ROOT

HERE = Path(__file__).parent / "sources"
DATA = ROOT / "data" / "roles.yaml"
POST = ARTICLE.with_name("machine-learning-engineer.wp.json")


def saved_copies(tmp_path: Path) -> list[str]:
    """The article as people save it: a page whose <title> has the site's name (" | Forage" and
    " - Forage"), the WordPress post under a .txt name, the Markdown rendering, and a text copy
    (with and without look-alike dashes and a link line)."""
    page = (HERE / "forage-mle.html").read_text(encoding="utf-8")
    (tmp_path / "dash.html").write_text(page.replace(" | Forage</title>", " - Forage</title>"), encoding="utf-8")
    shutil.copy(POST, tmp_path / "post.txt")
    copy = (HERE / "forage-mle-copy.txt").read_text(encoding="utf-8")
    typography = copy.replace(" \u2014 ", " - ").replace("science-related", "science\u2011related").replace(
        "fast-growing", "fast\u2011growing").replace(
        "Enroll Now\n\nAvg. Time: 5-6 hours", "Enroll Now\n\nhttps://www.theforage.com/simulations\n\nAvg. Time: 5-6 hours")
    (tmp_path / "typography.txt").write_text(typography, encoding="utf-8")
    return [str(HERE / "forage-mle.html"), str(tmp_path / "dash.html"), str(tmp_path / "post.txt"), str(ARTICLE),
            "forage-mle=" + str(HERE / "forage-mle-copy.txt"), "forage-mle=" + str(tmp_path / "typography.txt")]


def test_the_article_saved_every_usual_way_gives_no_false_problem(cli, tmp_path):
    for source in saved_copies(tmp_path):
        result = cli("verify", "--strict", "--source", source)
        assert result.code == 0, (source, result.out)
        assert result.out.splitlines()[-1].endswith("0 problems, 0 warnings"), source


def test_content_beats_the_file_name_and_source_format_overrides(cli, tmp_path):
    shutil.copy(POST, tmp_path / "post.txt")
    report = json.loads(cli("verify", "--json", "--source", str(tmp_path / "post.txt")).out)
    assert report["sources"][0]["format"] == "wordpress" and report["ok"]
    forced = json.loads(cli("verify", "--json", "--source-format", "text", "--source",
                            "forage-mle=" + str(tmp_path / "post.txt")).out)
    assert forced["sources"][0]["format"] == "text" and not forced["ok"]


def test_a_guessed_heading_is_said_to_be_guessed(cli, tmp_path):
    altered = tmp_path / "roles.yaml"
    altered.write_text(DATA.read_text(encoding="utf-8").replace(
        "section: Machine Learning Job Titles", "section: Machine Learning Job Names"), encoding="utf-8")
    out = cli("verify", str(altered), "--source", "forage-mle=" + str(HERE / "forage-mle-copy.txt")).out
    assert "no heading \"Machine Learning Job Names\"" in out and "guessed" in out


def test_verify_checks_the_data_option_and_variable(cli, monkeypatch):
    guide, source = str(HERE / "guide.yaml"), str(HERE / "guide.md")
    by_option = cli("--data", guide, "verify", "--source", source)
    assert by_option.code == 0 and by_option.out.startswith(f"{guide}: ok")
    monkeypatch.setenv("MLCAREER_DATA", guide)
    assert cli("verify", "--source", source).out.startswith(f"{guide}: ok")


@pytest.mark.parametrize("args", [("--source", ""), ("--source", "forage-mle="), ("--select", "X9"),
                                  ("--fix", "--diff", "--source", str(ARTICLE))])
def test_usage_mistakes_exit_2(cli, args):
    result = cli("verify", *args)
    assert result.code == 2 and result.err.startswith("mlcareer: ") and "Traceback" not in result.err


def test_format_json_and_github(cli):
    as_json = json.loads(cli("verify", "--format", "json", "--source", str(ARTICLE)).out)
    assert as_json["ok"] and as_json["files"][0]["problems"] == []


def mutated(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    text = DATA.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path = tmp_path / "roles.yaml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


def problems(cli, path: Path, *args: str, source: Path = ARTICLE) -> list[dict]:
    report = json.loads(cli("verify", str(path), "--json", "--source", str(source), *args).out)
    return [p for f in report["files"] for p in f["problems"]]


@pytest.mark.parametrize(("old", "new", "code"), [
    ("        speaker: Robert Weisgraeber\n        quote: >-\n          Even if", "        speaker: Jane Doe\n        quote: >-\n          Even if", "V404"),
    ("        - source: ZipRecruiter\n", "        - source: Glassdoor\n", "V204"),
    ("        provider: Girls Who Code\n", "        provider: Coursera\n", "V303"),
    ("        skills: [Python, Jupyter, NLP, data extraction, chatbot development]",
     "        skills: [Python, Jupyter, SQL, data extraction, chatbot development]", "V304"),
    ("              url: https://cloud.google.com/certification/machine-learning-engineer",
     "              url: https://example.com/certification", "V305"),
    ("            - text: a bootcamp\n", "            - text: a course\n", "V306"),
    ("      - text: Trains artificial intelligence (AI).\n", "      - text: Works at technology or software companies that specialize in AI.\n", "V501"),
])
def test_a_mistake_that_misleads_is_caught(cli, tmp_path, old, new, code):
    found = problems(cli, mutated(tmp_path, old, new), source=POST)  # the post keeps its links
    assert code in {p["code"] for p in found}, found
    bad = [p for p in found if p["code"] == code]
    assert all(p["severity"] == "error" for p in bad)


def test_speaker_messages_are_neutral_and_say_what_the_source_does(cli, tmp_path):
    fact = "      - label: Thinking logically and abstractly\n        kind: thinking\n"
    found = problems(cli, mutated(tmp_path, fact, fact + "        speaker: Jane Roe\n"))
    message = next(p["message"] for p in found if p["field"].startswith("roles[0].skills[8]"))
    assert "never names Jane Roe" in message and " him" not in message


def test_figure_messages_say_what_the_quote_has(cli, tmp_path):
    found = problems(cli, mutated(tmp_path, "annual: 129000", "annual: 129500"))
    assert any("129,500 is not in its quote; the quote has 129,000, 62" in p["message"] for p in found)


def test_a_percentage_is_named_with_its_sign(cli, tmp_path):
    found = problems(cli, mutated(tmp_path, "text: You will also likely need several years of related experience.",
                                  "text: You will also likely need several years (80%) of related experience."))
    assert any(p["message"].startswith("80% is not in its quote") for p in found)


def test_duplicate_titles_and_facts_are_problems_in_validate_and_verify(cli, tmp_path):
    path = mutated(tmp_path, "        - name: Data analyst\n", "        - name: Data analyst\n        - name: data analyst\n")
    assert cli("validate", str(path)).code == 3
    assert "duplicate title" in cli("verify", str(path), "--source", str(ARTICLE)).out
    duty = "      - quote: Verifying data quality\n        label: additional\n        section: What Does a Machine Learning Engineer Do?\n"
    path = mutated(tmp_path, duty, duty + duty)
    assert "duplicate fact" in cli("validate", str(path)).out


def test_select_ignore_and_an_accepted_warning(cli, tmp_path):
    path = mutated(tmp_path, "text: Most people earn an undergraduate degree", "text: People earn an undergraduate degree")
    assert [p["code"] for p in problems(cli, path)] == ["V401"]
    assert problems(cli, path, "--ignore", "V4") == [] and problems(cli, path, "--select", "V1") == []
    text = path.read_text(encoding="utf-8").replace(
        "text: People earn an undergraduate degree in computer science, statistics, or data science.",
        "text: People earn an undergraduate degree in computer science, statistics, or data science.  # verify: accept V401")
    path.write_text(text, encoding="utf-8")
    result = cli("verify", str(path), "--strict", "--source", str(ARTICLE))
    assert result.code == 0 and "1 accepted" in result.out


def test_a_saved_path_in_the_role_file_and_github_annotations(cli, tmp_path):
    shutil.copy(ARTICLE, tmp_path / "article.md")
    path = mutated(tmp_path, "    modified: \"2024-07-11\"\n", "    modified: \"2024-07-11\"\n    saved: article.md\n")
    assert cli("verify", str(path), "--strict").code == 0
    altered = path.read_text(encoding="utf-8").replace("text: Most people earn", "text: People earn")
    path.write_text(altered, encoding="utf-8")
    github = cli("verify", str(path), "--format", "github").out.splitlines()
    assert github[0].startswith(f"::warning file={path},line=") and "title=V401 roles[0].path.steps[0].text" in github[0]


def test_fix_and_diff(cli, tmp_path):
    path, text = fixable_and_not(tmp_path)
    diff = cli("verify", str(path), "--diff", "--source", str(ARTICLE))
    assert path.read_text(encoding="utf-8") == text  # --diff writes nothing
    assert '+    modified: "2024-07-11"' in diff.out or "+    modified: 2024-07-11" in diff.out
    assert "+        section: What Does a Machine Learning Engineer Do?" in diff.out
    assert "+        section: What Industries Do Machine Learning Engineers Work In?" in diff.out
    cli("verify", str(path), "--fix", "--source", str(ARTICLE))
    assert cli("verify", str(path), "--strict", "--source", str(ARTICLE)).code == 0


def fixable_and_not(tmp_path: Path) -> tuple[Path, str]:
    """The built-in data with three fixable problems (an old date, a missing section, a renamed
    heading in three facts): five fixes."""
    text = DATA.read_text(encoding="utf-8").replace('    modified: "2024-07-11"', '    modified: "2024-01-01"')
    duty = "      - quote: Verifying data quality\n        label: additional\n"
    text = text.replace(duty + "        section: What Does a Machine Learning Engineer Do?\n", duty)
    text = text.replace("section: What Industries Do Machine Learning Engineers Work In?",
                        "section: What Industries Do ML Engineers Work In?")
    path = tmp_path / "roles.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_fix_reports_the_file_as_fixed(cli, tmp_path):
    path, _ = fixable_and_not(tmp_path)
    fixed = cli("verify", str(path), "--fix", "--source", str(ARTICLE))
    assert fixed.code == 0 and fixed.out.startswith(f"{path}: ok"), fixed.out
    assert fixed.out.splitlines()[-1].endswith("0 problems, 0 warnings")
    assert f"5 fixes written to {path}" in fixed.err
    again = cli("verify", str(path), "--fix", "--source", str(ARTICLE))
    assert again.code == 0 and "nothing it knows how to fix" in again.err


def test_fix_leaves_what_it_cannot_fix_and_fails(cli, tmp_path):
    path, text = fixable_and_not(tmp_path)
    path.write_text(text.replace("quote: Verifying data quality", "quote: Verifying data quantity", 1), encoding="utf-8")
    fixed = cli("verify", str(path), "--fix", "--source", str(ARTICLE), "--json")
    report = json.loads(fixed.out)
    assert fixed.code == 5 and [p["code"] for p in report["files"][0]["problems"]] == ["V102"]


def test_diff_shows_what_it_cannot_fix_and_fails(cli, tmp_path):
    path, text = fixable_and_not(tmp_path)
    text = text.replace("quote: Verifying data quality", "quote: Verifying data quantity", 1)
    text = text.replace("text: Most people earn", "text: People earn")
    path.write_text(text, encoding="utf-8")
    diff = cli("verify", str(path), "--diff", "--source", str(ARTICLE))
    assert path.read_text(encoding="utf-8") == text  # --diff writes nothing
    assert diff.code == 5
    assert diff.out.startswith(f"--- a/{path}") and "[V" not in diff.out  # stdout is the patch alone
    left = diff.err.splitlines()
    assert [line[line.rindex("["):] for line in left[:-1]] == ["[V102]", "[V401]"], diff.err
    assert left[-1].startswith("verify --diff: after the diff,") and left[-1].endswith("1 problem, 1 warning")
    warning_only = text.replace("quote: Verifying data quantity", "quote: Verifying data quality", 1)
    path.write_text(warning_only, encoding="utf-8")
    assert cli("verify", str(path), "--diff", "--source", str(ARTICLE)).code == 0
    assert cli("verify", str(path), "--diff", "--strict", "--source", str(ARTICLE)).code == 5


def test_the_starter_file_without_its_source_says_where_the_path_comes_from(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my-roles.yaml").write_text(cli("example-role").out, encoding="utf-8")
    missing = cli("verify", "my-roles.yaml")
    assert missing.code == 4 and len(missing.err.splitlines()) == 1
    assert "no such file" in missing.err and "'saved: my-source.md' line of my-roles.yaml" in missing.err
    assert "mlcareer example-role --source > my-source.md" in missing.err
    (tmp_path / "my-source.md").write_text(cli("example-role", "--source").out, encoding="utf-8")
    assert cli("verify", "my-roles.yaml").code == 0  # the README's steps, as written
