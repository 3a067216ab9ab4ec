"""Terminal-grade output: every command at 40, 60, 80 and 120 columns through the terminal layout,
a sample of them in a real terminal (a pty, and tmux where installed), in a pipe and with
NO_COLOR; shells (bash, zsh, fish) for what users paste; the pager; help.

What is checked is what a user sees: no word, slug, number or URL split across lines, no line
wider than the terminal but for a URL that cannot be broken, no stray escape codes.

A real terminal costs two processes per command and width, so the pty pass samples one command
per width (``TERMINAL_SAMPLE``) and every command meets every width in-process, as
``--color always`` with ``COLUMNS`` set: the same terminal layout at that width (the two gave the
same text for all 88 pairs when the pass was split), at a tenth of the cost.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from conftest import ARTICLE, ENV_VARS, NO_ARTICLE, ROOT, Result, run_process

EXAMPLE = "examples/my-roles.yaml"  # processes here run in the project's directory
EXAMPLE_PATH = str(ROOT / EXAMPLE)  # for in-process runs
WIDTHS = (40, 60, 80, 120)
SGR = re.compile(r"\x1b\[[0-9;]*m")
OSC8 = re.compile(r"\x1b\]8;[^\x1b\x07]*(?:\x1b\\|\x07)")
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")
URL = re.compile(r"https?://\S+")
BOX = re.compile("[\u2500-\u257f\u2580-\u259f]")  # box drawing and block elements

# Every command, as a user would type it (the in-process pass runs each at every width).
COMMANDS = [
    ["show"], ["show", "--quotes"], ["salary"], ["titles"], ["titles", "--search", "data eng"], ["duties"],
    ["path"], ["skills"], ["resources"], ["sources"], ["roles"], ["--data", EXAMPLE, "roles"],
    ["--data", EXAMPLE, "compare", "mle", "wrangler"], ["fit", "--answers", "y,n,u,y,y,n"],
    ["validate", EXAMPLE], ["ask", "how much do they make?"], ["ask", "do I need a PhD?"],
    ["--help"], ["help", "show"], ["titles", "--help"], ["fit", "--help"], ["completion", "--help"],
]


def _env(extra: dict | None = None) -> dict:
    """A clean environment; a value of None in ``extra`` removes that variable."""
    env = {k: v for k, v in os.environ.items() if k not in ENV_VARS}
    env.update({"TERM": "xterm-256color", "MLCAREER_PAGER": "cat"})
    env.update(extra or {})
    return {k: v for k, v in env.items() if v is not None}


def run_in_terminal(args: list[str], columns: int, env: dict | None = None, rows: int = 50,
                    keys: bytes = b"") -> Result:
    """Run ``python -m mlcareer`` with a pty of ``columns`` x ``rows`` as its terminal (stdin,
    stdout and stderr); ``out`` is everything the terminal received, escape codes and all."""
    import pty

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "mlcareer", *args], stdin=slave, stdout=slave, stderr=slave,
                            env=_env(env), close_fds=True, cwd=ROOT)
    os.close(slave)
    if keys:
        os.write(master, keys)
    chunks = []
    deadline = time.time() + 60
    while time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # the child has gone and closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(master)
    proc.wait(timeout=30)
    out = b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")
    return Result(proc.returncode, out, "")


def visible(text: str) -> str:
    return OSC8.sub("", SGR.sub("", text))


def words(text: str) -> set[str]:
    """Words as a reader compares them: without the punctuation and quotes layouts add."""
    found = set()
    for token in text.split():
        token = token.strip("\u201c\u201d\"'()\u2014:,.;!?*_\\<>|").lower()
        if token and not BOX.search(token) and token not in {"-", "\u2022"}:
            found.add(token)
    return found


def assert_fits(text: str, columns: int, where: str) -> None:
    for line in text.splitlines():
        assert line == line.rstrip(), f"{where}: trailing spaces: {line!r}"
        if len(line) >= columns:  # the last column stays free; only a word too long for any line (a URL) sticks out
            indent = len(line) - len(line.lstrip())
            assert any(len(word) > columns - indent - 10 for word in line.split()), \
                f"{where}: wider than {columns} columns: {line!r}"


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_in_a_pipe_output_is_plain(args):
    result = run_process(*args, env={"COLUMNS": "1000"}, cwd=ROOT)
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and not BOX.search(result.out), "escape codes or box drawing in a pipe"
    assert all(line == line.rstrip() for line in result.out.splitlines())


def unwrapped_words(cli, monkeypatch, args: list[str]) -> set[str]:
    """The words of the command's output where it is not wrapped (not a terminal; help as wide
    as it goes): what no layout may split."""
    with monkeypatch.context() as wide:
        wide.setenv("COLUMNS", "500" if args[-1] == "--help" or args[0] == "help" else "1000")
        return words(cli(*args).out)


def assert_whole(shown: str, reference: set[str], columns: int, where: str) -> None:
    assert "\x1b" not in shown, f"{where}: an escape code other than colour, style or hyperlink"
    assert_fits(shown, columns, where)
    split = words(shown) - reference
    assert not split, f"{where}: words the unwrapped output does not have (split or cut?): {sorted(split)[:10]}"


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_at_any_width_no_word_is_split_and_nothing_is_too_wide(cli, monkeypatch, args, columns):
    monkeypatch.chdir(ROOT)
    reference = unwrapped_words(cli, monkeypatch, args)
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli("--color", "always", *args)
    assert result.code == 0, result.err
    assert_whole(visible(result.out), reference, columns, f"{' '.join(args)} at {columns}")


# One command per width in a real terminal: a narrow profile, a stacked table, an answer, help.
TERMINAL_SAMPLE = [(["show", "--quotes"], 40), (["--data", EXAMPLE, "compare", "mle", "wrangler"], 60),
                   (["ask", "how much do they make?"], 80), (["--help"], 120)]


@pytest.mark.parametrize("args,columns", TERMINAL_SAMPLE, ids=[f"{' '.join(a)}-{c}" for a, c in TERMINAL_SAMPLE])
def test_in_a_real_terminal_no_word_is_split_and_no_color_only_takes_colour(cli, monkeypatch, args, columns):
    coloured = run_in_terminal(args, columns)
    assert coloured.code == 0, coloured.out
    shown = visible(coloured.out)
    monkeypatch.chdir(ROOT)
    assert_whole(shown, unwrapped_words(cli, monkeypatch, args), columns, f"{' '.join(args)} at {columns}")
    # NO_COLOR takes away colour and nothing else: the same text, the same layout
    plain = run_in_terminal(args, columns, env={"NO_COLOR": "1"})
    assert plain.code == 0
    assert not COLOUR.search(plain.out), "colour despite NO_COLOR"
    assert visible(plain.out) == shown


@pytest.mark.parametrize("how", [{"TERM": "dumb"}, {"args": ["--color", "never"]}])
def test_term_dumb_and_color_never_keep_the_layout_without_colour(how):
    args = [*how.get("args", []), "salary"]
    normal = run_in_terminal(["salary"], 60)
    result = run_in_terminal(args, 60, env={k: v for k, v in how.items() if k != "args"})
    assert result.code == 0 and not COLOUR.search(result.out)
    assert visible(normal.out).split() [:12] == visible(result.out).split()[:12]
    assert "Per year: just under $129,000" in visible(result.out)  # the stacked table, as in colour
    assert_fits(visible(result.out), 60, f"{how} at 60 columns")  # the terminal's width, not an assumed 80


def test_urls_are_whole_and_clickable_in_a_terminal():
    result = run_in_terminal(["salary"], 40)
    url = "https://www.ziprecruiter.com/Salaries/Machine-Learning-Engineer-Salary"
    assert any(line.strip() == url for line in visible(result.out).splitlines())  # on one line, unbroken
    assert any(link.endswith(";" + url + "\x1b\\") for link in OSC8.findall(result.out))  # an OSC 8 hyperlink
    dumb = run_in_terminal(["salary"], 40, env={"TERM": "dumb"})
    assert "\x1b" not in dumb.out and url in dumb.out


def test_narrow_tables_stack_rather_than_split_words():
    narrow = visible(run_in_terminal(["salary"], 60).out)
    assert "Per year: just under $129,000" in narrow and "Basis: based on location" in narrow
    wide = visible(run_in_terminal(["salary"], 120).out)
    assert re.search(r"ZipRecruiter +national average salary +just under \$129,000 +\$62", wide)
    roles = visible(run_in_terminal(["roles"], 40).out)
    assert "machine-learning-engineer" in roles.split()


def test_help_in_a_terminal_does_not_shorten_options():
    for columns in (40, 60):
        shown = visible(run_in_terminal(["--help"], columns).out)
        assert "--data PATH" in shown and "--color WHEN" in shown and "--no-pager" in shown
        assert not re.search(r"-[\w-]*(\.\.\.|\u2026)", shown)  # no option cut short
        assert not BOX.search(shown)


# --- pipes, JSON and exit codes -------------------------------------------------------------------

def _closed_pipe_run(*args: str) -> subprocess.CompletedProcess:
    read, write = os.pipe()
    os.close(read)  # the reader has gone before mlcareer writes a byte
    try:
        return subprocess.run([sys.executable, "-m", "mlcareer", *args], stdout=write, stderr=subprocess.PIPE,
                              env=_env(), check=False, timeout=60)
    finally:
        os.close(write)


@pytest.mark.parametrize("args", [["titles"], ["titles", "--json"], ["--help"], ["show", "--help"], ["help"],
                                  ["show", "--format", "markdown"], ["--version"], ["completion", "fish"]])
def test_a_reader_gone_is_exit_141_and_silent(args):
    proc = _closed_pipe_run(*args)
    assert proc.returncode == 141 and proc.stderr == b""


@pytest.mark.parametrize("args", [["titles", "--search", "xyzzy"], ["salary", "nope"], ["show", "-s", "nope"],
                                  ["fit", "--answers", "y"], ["compare", "mle"], ["salary", "data scientist"]])
def test_every_json_command_prints_json_on_every_path(cli, args):
    result = cli(*args, "--json")
    assert result.code in (1, 2) and result.err.startswith("mlcareer: ") and result.err.count("\n") == 1
    document = json.loads(result.out)
    assert document["version"] == 1


def test_an_empty_search_is_an_empty_list_and_exit_1(cli):
    result = cli("titles", "--search", "xyzzy", "--json")
    assert result.code == 1 and json.loads(result.out)["titles"] == [] and "xyzzy" in result.err
    text = cli("titles", "--search", "xyzzy")
    assert text.code == 1 and text.out == ""


def test_a_related_title_without_a_profile_is_exit_1_everywhere(cli):
    assert cli("salary", "data scientist").code == 1
    assert cli("ask", "how much does a data scientist make?").code == 1
    assert cli("ask", "how much does a data scientist make?", "--json").code == 1


def test_fit_json_without_a_terminal_or_answers_is_a_usage_error():
    result = run_process("fit", "--json", input="")
    assert result.code == 2 and json.loads(result.out)["error"]["exit_code"] == 2
    assert "--answers" in result.err


@pytest.mark.parametrize("args,keys", [(["ask"], b"q\n"), (["fit"], b"y\nn\nu\ny\ny\nn\n")], ids=["ask", "fit"])
def test_prompts_wrap_between_words_in_a_narrow_terminal(args, keys):
    """The banner and the questions are wrapped by us, not folded mid-word by the terminal."""
    result = run_in_terminal([*args, "--no-pager"], 40, keys=keys)
    assert result.code == 0
    # up to the second question: the answers were typed ahead, so later prompts follow on one line
    prompts = visible(result.out).split("{")[0].split(" 2. ")[0]
    for line in prompts.splitlines():
        assert len(line.rstrip()) <= 40, line


def test_fit_prompts_go_to_stderr_in_a_terminal():
    result = run_in_terminal(["fit", "--json"], 80, keys=b"y\nn\nu\ny\ny\nn\n")
    assert result.code == 0
    body = result.out[result.out.index("{"):]
    assert json.loads(body[: body.rindex("}") + 1])["answers"][2]["answer"] == "unsure"


def test_fit_answers_need_no_glob_characters(cli):
    for answers in ("y,n,u,y,y,n", "yes,no,unsure,yes,yes,no", "y,n,?,y,y,n"):
        data = json.loads(cli("fit", "--answers", answers, "--json").out)
        assert [a["answer"] for a in data["answers"]][2] == "unsure"


# --- shell habits ----------------------------------------------------------------------------

@pytest.mark.parametrize("order", [
    ["--data", EXAMPLE_PATH, "show", "wrangler"], ["show", "wrangler", "--data", EXAMPLE_PATH],
    ["show", f"--data={EXAMPLE_PATH}", "wrangler"], ["-d", EXAMPLE_PATH, "salary", "wrangler"],
    ["salary", "wrangler", "-d", EXAMPLE_PATH, "--color", "never", "--no-pager"]])
def test_global_options_before_or_after_the_command(cli, order):
    result = cli(*order)
    assert result.code == 0, result.err
    assert "Data Wrangler" in result.out


def test_the_same_file_twice_is_loaded_once(cli):
    result = cli("--data", EXAMPLE_PATH, "--data", EXAMPLE_PATH, "roles", "--json")
    assert result.code == 0 and [r["overrides"] for r in json.loads(result.out)["roles"]] == [[], []]


@pytest.mark.parametrize("given,expected", [("courses", "COURSES AND JOB SIMULATIONS"), ("pros", "PROS AND CONS"),
                                            ("cons", "PROS AND CONS"), ("Courses and job simulations", "COURSES AND JOB SIMULATIONS"),
                                            ("day", "A TYPICAL DAY")])
def test_sections_by_the_words_of_their_heading(cli, given, expected):
    result = cli("show", "-s", given)
    assert result.code == 0 and expected in result.out


def test_sections_as_a_comma_list(cli):
    data = json.loads(cli("show", "-s", "salary,path", "--json").out)
    assert data["sections"] == ["salary", "path"]


def test_s_means_section_only(cli):
    assert cli("titles", "-s", "data").code == 2  # no longer --search: one letter, one meaning
    assert cli("titles", "--search", "data").code == 0


SHELLS = ["bash", "zsh", "fish"]


def _argv_in(shell: str, command: str) -> list[str]:
    """The words ``shell`` makes of ``command`` (a command line a user pastes)."""
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")
    show = "import sys, json; print(json.dumps(sys.argv[1:]))"
    words_ = command.split(" ", 1)[1]  # what follows 'mlcareer'
    proc = subprocess.run([shell, "-c", f"{sys.executable} -c '{show}' {words_}"], capture_output=True, text=True,
                          check=False, timeout=30, env={**os.environ, "HOME": str(Path.cwd())})
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("shell", SHELLS)
def test_suggested_commands_paste_into_every_shell(cli, shell):
    said = cli("salary", "Data scientist").err
    suggested = re.search(r"Try: (mlcareer .*?)(?:$|\. |\n)", said).group(1)
    assert _argv_in(shell, suggested) == ["titles", "--search", "Data scientist"]
    answer = cli("ask", "how much does a data scientist make?").out
    see = re.search(r"See: (mlcareer .*?), or ask", answer).group(1)
    assert _argv_in(shell, see) == ["titles", "--search", "Data scientist"]


@pytest.mark.parametrize("shell", SHELLS)
def test_completion_script_is_the_shells_own(cli, shell):
    result = cli("completion", shell)
    assert result.code == 0 and "_MLCAREER_COMPLETE" in result.out
    marker = {"bash": "complete -F", "zsh": "#compdef mlcareer", "fish": "complete --command mlcareer"}[shell]
    assert marker in result.out
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed to parse the script")
    check = {"bash": ["bash", "-n"], "zsh": ["zsh", "-n"], "fish": ["fish", "--no-execute"]}[shell]
    proc = subprocess.run([*check], input=result.out, capture_output=True, text=True, check=False, timeout=30)
    assert proc.returncode == 0, proc.stderr


def test_completion_of_an_unknown_shell_is_a_usage_error(cli):
    assert cli("completion", "tcsh").code == 2


@pytest.mark.parametrize("args", [["help"], ["help", "titles"]])
def test_help_command(cli, args):
    result = cli(*args)
    expected = cli(*args[1:], "--help")
    assert result.code == 0 and result.out == expected.out


def test_help_of_an_unknown_command(cli):
    result = cli("help", "shwo")
    assert result.code == 2 and result.out == "" and "shwo" in result.err


# --- pager -----------------------------------------------------------------------------------

def test_long_output_goes_through_the_pager_only_in_a_terminal(tmp_path):
    pager = f"{sys.executable} -c \"import sys; sys.stdout.write(''.join('PAGED:' + l for l in sys.stdin))\""
    paged = run_in_terminal(["show"], 80, env={"MLCAREER_PAGER": pager}, rows=24)
    assert "PAGED:Machine Learning Engineer" in visible(paged.out)
    not_paged = run_in_terminal(["show", "--no-pager"], 80, env={"MLCAREER_PAGER": pager}, rows=24)
    assert "PAGED:" not in not_paged.out and "Machine Learning Engineer" in not_paged.out
    short = run_in_terminal(["titles", "--search", "data eng"], 80, env={"MLCAREER_PAGER": pager}, rows=24)
    assert "PAGED:" not in short.out  # fits the screen
    in_a_pipe = run_process("show", env={"MLCAREER_PAGER": pager, "PAGER": pager})
    assert "PAGED:" not in in_a_pipe.out


def test_pager_is_mlcareer_pager_else_pager():
    pager = f"{sys.executable} -c \"import sys; sys.stdout.write(''.join('VIA-PAGER:' + l for l in sys.stdin))\""
    result = run_in_terminal(["show"], 80, env={"PAGER": pager, "MLCAREER_PAGER": ""}, rows=24)
    assert "VIA-PAGER:" not in result.out  # an empty MLCAREER_PAGER means no pager
    result = run_in_terminal(["show"], 80, env={"PAGER": pager}, rows=24)
    assert "VIA-PAGER:" not in result.out  # MLCAREER_PAGER (cat here) comes first
    result = run_in_terminal(["show"], 80, env={"PAGER": pager, "MLCAREER_PAGER": None}, rows=24)
    assert "VIA-PAGER:Machine Learning Engineer" in visible(result.out)


# --- Markdown --------------------------------------------------------------------------------

def test_markdown_renders_in_commonmark(cli):
    from markdown_it import MarkdownIt  # CommonMark; installed with rich

    doc = cli("show", "--format", "markdown").out
    html = MarkdownIt("commonmark").render(doc)
    assert "Technical Interview Prep<br />\nprovider: Girls Who Code<br />" in html
    assert "ZipRecruiter<br />\n<a href=\"https://www.ziprecruiter.com" in html
    assert "mlcareer show" not in doc and "--limit" not in doc and "mlcareer titles" not in doc
    skills = doc[doc.index("## Skills"):doc.index("## Pay")]
    assert skills.count("exceptional data science and computing skills") == 1


# --- tmux: at 60 and 120 columns in a real terminal emulator ------------------------------------

# One command per width (the in-process pass has every command at every width).
TMUX_SAMPLE = [(["salary"], 60), (["titles"], 120)]


@pytest.mark.parametrize("args,columns", TMUX_SAMPLE, ids=[f"{' '.join(a)}-{c}" for a, c in TMUX_SAMPLE])
def test_in_tmux(args, columns, tmp_path):
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    socket = str(tmp_path / "tmux.sock")
    done = tmp_path / "done"
    command = " ".join([sys.executable, "-m", "mlcareer", "--no-pager", *args]) + f"; touch {done}"
    env = _env({"TMUX": ""})
    subprocess.run(["tmux", "-S", socket, "-f", "/dev/null", "new-session", "-d", "-x", str(columns), "-y", "200",
                    "-c", str(ROOT), command + "; sleep 30"], env=env, check=True, timeout=30)
    try:
        deadline = time.time() + 30
        while not done.exists() and time.time() < deadline:
            time.sleep(0.1)
        screen = subprocess.run(["tmux", "-S", socket, "capture-pane", "-p", "-J", "-S", "-200"], env=env,
                                capture_output=True, text=True, check=True, timeout=30).stdout
    finally:
        subprocess.run(["tmux", "-S", socket, "kill-server"], env=env, check=False, timeout=30)
    text = "\n".join(line.rstrip() for line in screen.rstrip().splitlines())
    assert_fits(text, columns, f"tmux {columns}")
    reference = run_process(*args, env={"COLUMNS": "500"}, cwd=ROOT).out
    assert not words(text) - words(reference)


def test_the_readme_shows_salary_as_a_60_column_terminal_does():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```text\n", readme.index("in a terminal 60 columns wide")) + len("```text\n")
    shown = readme[start:readme.index("```", start)]
    assert visible(run_in_terminal(["salary"], 60).out) == shown


def test_plain_tables_keep_one_record_a_line_however_wide(cli):
    result = cli("--data", EXAMPLE_PATH, "compare", "mle", "wrangler")
    row = [line for line in result.out.splitlines() if line.startswith("  Pay per year")]
    assert len(row) == 1 and "$129,000" in row[0] and "$95,000" in row[0] and len(row[0]) > 160


def test_the_default_pager_is_less():
    if shutil.which("less") is None:
        pytest.skip("less is not installed")
    result = run_in_terminal(["show"], 80, env={"MLCAREER_PAGER": None, "PAGER": None, "LESS": None}, rows=24,
                             keys=b"q")
    assert result.code == 0
    screen = visible(result.out)
    assert "Machine Learning Engineer" in screen
    assert "Courses and job simulations" not in screen  # less showed the first screen only, and q left it


@pytest.mark.parametrize("columns", [40, 60])
def test_a_long_message_on_stderr_wraps_between_words_in_a_terminal(columns):
    # (ask's "not sure" is on stdout now, with its guesses; a role with no profile is still a message)
    question = "data scientist"
    result = run_in_terminal(["salary", question], columns)
    said = visible(result.out).strip()
    assert result.code == 1 and " ".join(said.split()).startswith("mlcareer: 'Data scientist' is a related job title")
    assert len(said.splitlines()) > 1
    assert_fits(said, columns, f"salary at {columns} columns")
    piped = run_process("salary", question, cwd=ROOT)
    assert piped.err.count("\n") == 1 and words(piped.err) == words(said)


@pytest.mark.skipif(not ARTICLE.exists(), reason=NO_ARTICLE)
@pytest.mark.parametrize("columns", (40, 60))
def test_verify_wraps_between_words_in_a_terminal(cli, monkeypatch, tmp_path, columns):
    """verify's records (file:line: message) wrap between words in a terminal and stay one a line in a pipe."""
    data = (ROOT / "data" / "roles.yaml").read_text(encoding="utf-8")
    path = tmp_path / "roles.yaml"
    path.write_text(data.replace("quote: Verifying data quality", "quote: Verifying data quantity", 1), encoding="utf-8")
    args = ["verify", str(path), "--source", str(ARTICLE)]
    piped = cli(*args)
    assert piped.code == 5 and len(piped.out.splitlines()) == 2  # the problem and the summary, one a line
    reference = words(piped.out)
    monkeypatch.setenv("COLUMNS", str(columns))
    shown = cli("--color", "always", *args)
    assert shown.code == 5 and len(shown.out.splitlines()) > 2
    assert_whole(visible(shown.out), reference, columns, f"verify at {columns}")
    real = run_in_terminal(args, columns)
    assert real.code == 5
    assert_whole(visible(real.out), reference, columns, f"verify in a terminal at {columns}")
