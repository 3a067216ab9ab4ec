"""Hostile and broken input never hurts: each case is a file a user might point mlcareer at."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

MINIMAL = "sources:\n  - id: s\n    title: S\nroles:\n  - slug: r\n    title: {title}\n    source: s\n"


def laughs(levels: int = 10) -> str:
    """A billion laughs inside `roles`: each entry is nine of the one before."""
    lines = ["roles:", '  - &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"  - &l{i} [" + ",".join([f"*l{i-1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def merge_bomb() -> str:
    text = "a0: &a0 {x: 1}\n"
    for i in range(1, 20):
        text += f"a{i}: &a{i}\n  <<: [*a{i-1}, *a{i-1}]\n"
    return text + "roles: []\n"


# (case id, file content as str or bytes, expected exit code, a fragment of the one-line message)
CASES = [
    ("python-apply-tag", "roles: !!python/object/apply:os.system ['touch {marker}']\n", 3, "is not allowed"),
    ("python-name-tag", "roles: !!python/name:os.system\n", 3, "is not allowed"),
    ("python-object-tag", "roles:\n  - !!python/object:collections.OrderedDict {}\n", 3, "is not allowed"),
    ("binary-tag", "roles: !!binary aGVsbG8=\n", 3, "is not allowed"),
    ("set-tag", "roles: !!set {a, b}\n", 3, "is not allowed"),
    ("custom-tag", "roles: !mine [1]\n", 3, "is not allowed"),
    ("billion-laughs", laughs(), 3, "expected a mapping"),
    ("merge-key-bomb", merge_bomb(), 3, "merge keys"),
    # libyaml's scanner refuses this one itself, before our depth check: the wording is ours all the same
    ("deep-flow-nesting", "roles: " + "[" * 200_000 + "]" * 200_000 + "\n", 3, "nested too deeply (more than 64"),
    ("flow-nesting-past-ours", "roles: " + "[" * 100 + "]" * 100 + "\n", 3, "nested too deeply (more than 64"),
    ("deep-block-nesting", "roles:\n" + "".join("  " * i + "- \n" for i in range(1, 120)), 3, "nested too deeply"),
    ("empty", "", 3, "the file is empty"),
    ("only-whitespace", "   \n\n\t\n", 3, "the file is empty"),
    ("only-comments", "# nothing here\n# at all\n", 3, "must be a mapping"),
    ("latin-1", "roles:\n  - title: Caf\xe9\n".encode("latin-1"), 3, "not UTF-8"),
    ("utf-16", "roles: []\n".encode("utf-16"), 3, "not UTF-8"),
    ("nul-bytes", b"roles: [\x00]\n", 3, "invalid YAML"),
    ("random-bytes", bytes(range(256)) * 4, 3, "not UTF-8"),
    ("top-level-list", "- a\n- b\n", 3, "must be a mapping"),
    ("top-level-scalar", "just words\n", 3, "must be a mapping"),
    ("roles-not-a-list", "roles: yes\n", 3, "expected a list"),
    ("role-is-a-string", "roles: [hello]\n", 3, "expected a mapping"),
    ("salary-as-word", MINIMAL.format(title="X") + "    salary:\n      estimates:\n"
     "        - {source: S, annual: plenty, quote: q}\n", 3, "expected a number, got text 'plenty'"),
    ("salary-nan", MINIMAL.format(title="X") + "    salary:\n      estimates:\n"
     "        - {source: S, annual: .nan, quote: q}\n", 3, "expected a number"),
    ("salary-huge", MINIMAL.format(title="X") + "    salary:\n      estimates:\n"
     "        - {source: S, annual: " + "9" * 400 + ", quote: q}\n", 3, "out of range"),
    ("duplicate-slug", MINIMAL.format(title="X") + "  - slug: r\n    title: Y\n    source: s\n", 3, "duplicate slug"),
    ("unknown-source", "roles:\n  - slug: r\n    title: X\n    source: nope\n", 3, "no source with id 'nope'"),
    ("two-documents", "roles: []\n---\nroles: []\n", 3, "single document"),
    ("undefined-alias", "roles: *nothing\n", 3, "alias"),
    ("tab-indentation", "roles:\n\t- slug: x\n", 3, "invalid YAML"),
    ("unclosed-quote", "roles: [\"unclosed]\n", 3, "invalid YAML"),
    ("impossible-date", "sources:\n  - id: s\n    title: S\n    published: 2023-02-30\nroles: []\n", 3, "not a valid"),
    ("complex-key", "? [a, b]\n: 1\nroles: []\n", 3, "cannot be a key"),
    ("very-long-title", MINIMAL.format(title="x" * 30_000), 3, "longer than 20000 characters"),
    ("unknown-schema-version", "schema: 99\nroles: []\n", 3, "unsupported schema version"),
    ("many-bad-entries", "roles: [" + ", ".join(["1"] * 5000) + "]\n", 3, "expected a mapping"),
    ("bom-utf8", "\ufeff" + MINIMAL.format(title="Fine"), 0, ""),
    ("crlf", MINIMAL.format(title="Fine").replace("\n", "\r\n"), 0, ""),
]


@pytest.mark.parametrize("case_id,content,code,message", CASES, ids=[c[0] for c in CASES])
def test_hostile_file(cli, tmp_path, case_id, content, code, message):
    marker = tmp_path / "pwned"
    path = tmp_path / f"{case_id}.yaml"
    if isinstance(content, str):
        content = content.replace("{marker}", str(marker)).encode("utf-8")
    path.write_bytes(content)
    before = path.read_bytes()
    start = time.perf_counter()
    result = cli("--data", str(path), "roles")
    elapsed = time.perf_counter() - start
    assert result.code == code, result.err
    assert "Traceback" not in result.err and "Traceback" not in result.out
    if code:
        assert result.out == "" and result.err.count("\n") == 1
        assert result.err.startswith(f"mlcareer: {path}")
        assert message in result.err
    assert not marker.exists()  # nothing in the file ran
    assert path.read_bytes() == before  # and the file is untouched
    assert elapsed < 10  # rejected promptly; a guard against hanging, not a benchmark


def test_validate_caps_the_problems_it_lists(cli, tmp_path):
    path = tmp_path / "many.yaml"
    path.write_text("roles: [" + ", ".join(["1"] * 5000) + "]\n")
    lines = cli("validate", str(path)).out.splitlines()
    assert len(lines) == 101 and lines[-1].endswith("and 4,900 more problems")


@pytest.mark.parametrize("make,message", [
    (lambda p: p.mkdir(), "is a directory"),
    (lambda p: None, "no such file"),
    (lambda p: os.mkfifo(p), "is not a regular file"),
    (lambda p: p.write_bytes(b"") or os.truncate(p, 40 * 2**20), "file is too large"),
])
def test_paths_that_are_not_role_files(cli, tmp_path, make, message):
    path = tmp_path / "target.yaml"
    make(path)
    result = cli("--data", str(path), "roles")
    assert result.code == 3 and message in result.err and result.err.count("\n") == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads unreadable files")
def test_an_unreadable_file(cli, tmp_path):
    path = tmp_path / "secret.yaml"
    path.write_text("roles: []\n")
    path.chmod(0)
    result = cli("--data", str(path), "roles")
    assert result.code == 3 and "permission denied" in result.err


# --- terminal safety -----------------------------------------------------------------------------

NASTY = {
    "markup": "[bold red]x[/bold red]",
    "escape": "\x1b[31mred\x1b[0m \x1b]0;title\x07 \x9b2J",
    "bidi": "abc\u202edcba",
}
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def nasty_file(tmp_path: Path, text: str) -> Path:
    escaped = text.encode("unicode_escape").decode("ascii").replace('"', '\\"').replace("\\x1b", "\\e")
    path = tmp_path / "nasty.yaml"
    path.write_text(
        f'sources:\n  - id: s\n    title: "{escaped}"\nroles:\n  - slug: nasty\n    title: "{escaped}"\n    aliases: [nasty one]\n'
        f'    source: s\n    titles:\n      names:\n        - name: "{escaped}"\n')
    return path


@pytest.mark.parametrize("kind", NASTY)
@pytest.mark.parametrize("args", [["show", "nasty"], ["titles"], ["roles"], ["--color", "always", "show", "nasty"],
                                  ["--color", "always", "titles"], ["show", "nasty", "--format", "markdown"],
                                  ["show", "nasty", "--json"]])
def test_data_never_reaches_the_terminal_raw(cli, tmp_path, kind, args):
    path = nasty_file(tmp_path, NASTY[kind])
    result = cli("--data", str(path), *args)
    assert result.code == 0, result.err
    if "--color" in args:  # rich's own styling escapes are fine; the data's are not
        visible = re.sub(r"\x1b\[[0-9;]*m", "", result.out)
        assert "\x1b]" not in visible and "\x9b" not in visible and "\x1b" not in visible
        assert "[31m" not in visible and "[0m" not in visible  # no remnant of the data's own codes
        assert not RAW_CONTROL.search(visible)
    else:
        assert not RAW_CONTROL.search(result.out)
    if kind == "markup" and "--json" not in args and "markdown" not in args:
        # printed literally, not as red text (a terminal layout may wrap it between words)
        words = re.sub(r"\x1b\[[0-9;]*m", "", result.out).split()
        assert {"[bold", "red]x[/bold", "red]"} <= set(words)


@pytest.mark.parametrize("args", [["show", "\x1b[31mevil\x1b[0m"], ["titles", "--search", "\x1b]0;x\x07zzzz"],
                                  ["show", "-s", "[bold]x[/bold]\x07"], ["ask", "\x1b[2J\x9b"]])
def test_arguments_never_reach_stderr_raw(cli, args):
    result = cli(*args)
    assert result.code in (1, 2)
    assert not RAW_CONTROL.search(result.err) and result.err.count("\n") == 1


def test_an_escape_sequence_leaves_no_remnant_in_a_message(cli):
    """The whole sequence goes, not just its escape character: no "[31m" left in the message."""
    result = cli("show", "\x1b[31mevil\x1b[0m")
    assert result.code == 1 and "evil" in result.err
    assert "[31m" not in result.err and "[0m" not in result.err


# --- CLI robustness ------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["show", "x" * 100_000], ["titles", "--search", "data " * 20_000],
                                  ["show", "-s", "y" * 100_000], ["ask", "q" * 100_000],
                                  ["compare", "mle", "z" * 100_000]])
def test_very_long_arguments_return_promptly(cli, args):
    start = time.perf_counter()
    result = cli(*args)
    assert result.code in (0, 1, 2)
    assert len(result.err) < 500
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize("env", [{"COLUMNS": "12"}, {"TERM": "dumb"}, {"NO_COLOR": "1"}, {"COLUMNS": "1"}])
def test_narrow_dumb_and_colourless_terminals(cli, monkeypatch, env):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    for args in (["show"], ["salary"], ["--color", "always", "salary"], ["--color", "always", "titles", "--search", "data"]):
        result = cli(*args)
        assert result.code == 0 and "Traceback" not in result.err


def test_piping_into_head_ends_quietly(tmp_path):
    import subprocess
    import sys

    big = tmp_path / "big.yaml"
    names = "\n".join(f"        - name: Title number {i}" for i in range(20_000))
    big.write_text(MINIMAL.format(title="Big") + "    titles:\n      names:\n" + names + "\n")
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    proc = subprocess.run(f'"{sys.executable}" -m mlcareer --data "{big}" titles | head -n 2',
                          shell=True, check=False, capture_output=True, text=True, env=env, timeout=120)
    assert proc.stdout.count("\n") == 2
    assert proc.stderr == ""


def test_ctrl_c_exits_130_without_a_traceback():
    import signal
    import subprocess
    import sys

    # The child gets default SIGINT handling even when pytest runs with SIGINT ignored (a
    # background job, some CI runners), which a child would otherwise inherit.
    # (a signal set to default stays default across exec; an ignored one would stay ignored).
    default_sigint = ("import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
                      "os.execv(sys.executable, [sys.executable, '-m', 'mlcareer', 'ask'])")
    proc = subprocess.Popen([sys.executable, "-c", default_sigint], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # Piped questions get no banner: ask one, and interrupt while the next is awaited.
        proc.stdin.write("pay\n")
        proc.stdin.flush()
        deadline = time.time() + 30
        seen = ""
        while "Pay" not in seen and time.time() < deadline:
            seen += proc.stdout.read(1)
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_a_permission_error_on_reading_is_a_data_error(cli, tmp_path, monkeypatch):
    """The unreadable-file path, exercised even where tests run as root."""
    import builtins

    path = tmp_path / "locked.yaml"
    path.write_text("roles: []\n")
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    result = cli("--data", str(path), "roles")
    assert result.code == 3 and result.err == f"mlcareer: {path}: permission denied\n"


def test_pyyaml_has_its_c_loader():
    """Start-up speed and the event-based safe loader rely on libyaml; without it the code would
    fall back to the pure-Python parser silently, many times slower."""
    import yaml

    assert getattr(yaml, "__with_libyaml__", False), "PyYAML was installed without libyaml (its C loader)"
    assert hasattr(yaml, "CSafeLoader")
