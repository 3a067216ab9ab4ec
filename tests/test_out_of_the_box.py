"""Issue 20: what a new user trips over, each reproduced as the user saw it, then fixed as gh,
git, ripgrep and httpie would have it."""

from __future__ import annotations

import json
import os
import re

import pytest
from conftest import ENV_VARS, ROOT, run_process
from test_terminal import COLOUR, EXAMPLE_PATH, run_in_terminal, visible


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ENV_VARS}


# --- terminal and pipe -----------------------------------------------------------------------


def test_term_dumb_in_a_terminal_starts_no_pager():
    pager = "python3 -c \"import sys; sys.stdout.write(''.join('PAGED:' + l for l in sys.stdin))\""
    paged = run_in_terminal(["show"], 80, env={"MLCAREER_PAGER": pager}, rows=24)
    assert "PAGED:" in paged.out  # the pager runs in an ordinary terminal...
    dumb = run_in_terminal(["show"], 80, env={"MLCAREER_PAGER": pager, "TERM": "dumb"}, rows=24)
    assert dumb.code == 0 and "PAGED:" not in dumb.out and "Courses and job simulations" in dumb.out  # ...not on a dumb one


def test_compare_in_a_pipe_pads_no_line(cli):
    result = cli("--data", EXAMPLE_PATH, "compare", "mle", "wrangler")
    assert result.code == 0
    for line in result.out.splitlines():
        assert "   " not in line.strip(), f"padded: {line[:80]!r}..."
    pay = next(line for line in result.out.splitlines() if line.startswith("  Pay per year"))
    assert pay.split("\t")[0].strip() == "Pay per year" and "$129,000" in pay.split("\t")[1]


def test_color_always_beats_no_color():
    result = run_in_terminal(["salary", "--color", "always"], 80, env={"NO_COLOR": "1"})
    assert COLOUR.search(result.out), "an explicit --color always must win over NO_COLOR"
    assert not COLOUR.search(run_in_terminal(["salary"], 80, env={"NO_COLOR": "1"}).out)


@pytest.mark.parametrize("columns", [60, 61, 45])
def test_the_pay_chart_fits_the_terminal_with_no_color(columns):
    screen = visible(run_in_terminal(["salary", "--no-pager"], columns, env={"NO_COLOR": "1"}).out)
    bars = [line for line in screen.splitlines() if "\u2588" in line]
    assert bars and all(len(line) < columns for line in bars), bars


# --- sections and formats --------------------------------------------------------------------

@pytest.mark.parametrize(("word", "heading"), [("education", "HOW TO BECOME ONE"), ("degree", "HOW TO BECOME ONE"),
                                               ("edu", "HOW TO BECOME ONE"), ("hourly", "PAY")])
def test_a_section_by_the_words_of_the_questions_it_answers(cli, word, heading):
    result = cli("show", "-s", word)
    assert result.code == 0 and heading in result.out and "DUTIES" not in result.out


def test_a_word_of_two_sections_names_both(cli):
    result = cli("show", "-s", "jobs")
    assert result.code == 2 and result.out == ""
    assert "careers" in result.err and "titles" in result.err and result.err.count("\n") == 1


def test_a_typo_of_a_section_word_suggests_its_section(cli):
    result = cli("show", "-s", "educaton")
    assert result.code == 2 and "Did you mean: path?" in result.err


def test_an_empty_section_name_is_a_usage_error(cli):
    result = cli("show", "-s", "")
    assert result.code == 2 and result.out == "" and "empty" in result.err


@pytest.mark.parametrize("other", ["text", "markdown"])
def test_json_and_another_format_conflict(cli, other):
    result = cli("show", "--json", "--format", other)
    assert result.code == 2 and "conflict" in result.err and result.err.count("\n") == 1
    assert cli("show", "--json", "--format", "json").code == 0


# --- names as users type them ----------------------------------------------------------------

@pytest.mark.parametrize("args", [["show", "machine", "learning", "engineer"], ["salary", "ML", "engineers"],
                                  ["duties", "ML", "engineer"], ["fit", "machine", "learning", "engineer",
                                                                  "-a", "y,n,u,y,y,n"]], ids=" ".join)
def test_a_role_name_of_several_words_needs_no_quotes(cli, args):
    result = cli(*args)
    assert result.code == 0 and result.out.startswith("Machine Learning Engineer") and result.err == ""


def test_an_unquoted_search_takes_the_words_after_it(cli):
    result = cli("titles", "--search", "data", "scientist", "--json")
    assert result.code == 0
    assert json.loads(result.out)["titles"][0]["name"] == "Data scientist"
    scoped = cli("titles", "--search", "data", "mle", "--json")  # a word that names a role scopes the search
    assert scoped.code == 0 and json.loads(scoped.out)["query"] == "data"


@pytest.mark.parametrize("query", ["ML", "mle", "MLE", "ML engineer"])
def test_a_search_by_the_roles_own_abbreviations_finds_it(cli, query):
    result = cli("titles", "--search", query, "--json")
    assert result.code == 0
    assert json.loads(result.out)["titles"][0]["name"] == "Machine learning engineer"
    assert "read as" in cli("titles", "--search", query).out.splitlines()[0]


# --- a role of one's own, from the installed package -----------------------------------------

def _follow(hint: str, cwd) -> None:
    """Run each command a hint names ("A, then: B"), as a user pasting it would."""
    import shlex
    import subprocess
    import sys

    for command in re.findall(r"mlcareer [^,]+", hint):
        words = shlex.split(command.rstrip("."))
        out = None
        if ">" in words:
            out = open(cwd / words[words.index(">") + 1], "w", encoding="utf-8")  # noqa: SIM115 - closed below
            words = words[:words.index(">")]
        proc = subprocess.run([sys.executable, "-m", "mlcareer", *words[1:]], cwd=cwd, stdout=out or subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, check=False, env=clean_env())
        if out:
            out.close()
        assert proc.returncode == 0, f"{command}: {proc.stderr}"


def test_compare_with_the_built_in_data_says_how_to_succeed_and_that_works(tmp_path):
    result = run_process("compare", "mle", cwd=tmp_path)
    assert result.code == 2 and result.err.count("\n") == 1
    assert "mlcareer example-role > my-roles.yaml" in result.err and "examples/" not in result.err
    _follow(result.err.split("Add one of your own: ", 1)[1], tmp_path)


def test_an_unknown_role_names_the_starter_file_command(tmp_path):
    result = run_process("show", "quantum-plumber", cwd=tmp_path)
    assert result.code == 1 and "mlcareer example-role > my-roles.yaml" in result.err
    assert "examples/" not in result.err


def test_the_starter_files_validate_and_verify_from_an_empty_folder(tmp_path):
    _follow("mlcareer example-role > my-roles.yaml, mlcareer example-role --source > my-source.md, "
            "mlcareer validate my-roles.yaml, mlcareer verify my-roles.yaml --source my-source.md, "
            "mlcareer --data my-roles.yaml show data-wrangler", tmp_path)
    assert (tmp_path / "my-roles.yaml").read_text(encoding="utf-8") == \
        (ROOT / "examples" / "my-roles.yaml").read_text(encoding="utf-8")


# --- validate --------------------------------------------------------------------------------

MISSPELT = """schema: 1
sources:
  - id: s
    title: T
    url: https://example.org
roles:
  - slug: x
    title: X
    source: s
    dutis:
      - text: a
    overview:
      - txt: hello
    salry: 3
  - slug: y
    titel: Y
    source: s
"""


def test_validate_lists_problems_in_line_order_and_names_the_field_meant(cli, tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text(MISSPELT, encoding="utf-8")
    result = cli("validate", str(path))
    assert result.code == 3
    lines = [int(line.split(":")[1]) for line in result.out.splitlines() if line.startswith(str(path) + ":")]
    assert lines and lines == sorted(lines), result.out
    assert "roles[0].dutis: unknown field; did you mean 'duties'?" in result.out
    assert "roles[0].salry: unknown field; did you mean 'salary'?" in result.out
    assert "roles[1].titel: unknown field; did you mean 'title'?" in result.out
    assert "roles[0].overview[0].txt: unknown field; did you mean 'text'?" in result.out


# --- the environment ---------------------------------------------------------------------------

def test_a_bad_mlcareer_data_is_named_as_the_variable(tmp_path):
    gone = str(tmp_path / "gone.yaml")
    result = run_process("show", env={"MLCAREER_DATA": gone})
    assert result.code == 3 and result.err == f"mlcareer: MLCAREER_DATA: {gone}: no such file\n"
    direct = run_process("--data", gone, "show")  # named on the command line: the path is enough
    assert direct.code == 3 and direct.err == f"mlcareer: {gone}: no such file\n"


# --- fit ---------------------------------------------------------------------------------------

def test_fit_counts_in_good_grammar(cli):
    result = cli("fit", "-a", "y")
    assert result.code == 2 and "got 1 answer." in result.err and "1 answers" not in result.err


def test_fit_stopped_part_way_keeps_the_answers_given():
    from conftest import run_with_terminal_stdin

    stopped = run_with_terminal_stdin("fit", keys="y\nn\n\x04", env={"NO_COLOR": "1"})
    assert stopped.code == 0 and "stopped after 2 answers of 6" in stopped.err
    assert "You said yes" in stopped.out and "You said no" in stopped.out and "You weren't sure" not in stopped.out


def test_fit_reads_answers_piped_one_a_line():
    piped = run_process("fit", "--json", input="y\nn\nunsure\ny\n\ny\nn\n")
    assert piped.code == 0 and [a["answer"] for a in json.loads(piped.out)["answers"]] == \
        ["yes", "no", "unsure", "yes", "yes", "no"]
    bad = run_process("fit", input="y\nperhaps\n")
    assert bad.code == 2 and "line 2" in bad.err and bad.err.count("\n") == 1
    part = run_process("fit", input="y\n")
    assert part.code == 0 and "You said yes" in part.out and "stopped after 1 answer of 6" in part.err


# --- Markdown --------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["salary"], ["titles"], ["titles", "--search", "data"], ["roles"],
                                  ["--data", EXAMPLE_PATH, "compare", "mle", "wrangler"]], ids=" ".join)
def test_markdown_tables_are_lists_commonmark_renders(cli, args):
    from markdown_it import MarkdownIt  # CommonMark; installed with rich

    doc = cli(*args, "--format", "markdown").out
    html = MarkdownIt("commonmark").render(doc)
    assert "| ---" not in doc and "<li>" in html
    assert "|" not in re.sub(r"<[^>]+>", "", html), "a pipe table CommonMark prints as text"
