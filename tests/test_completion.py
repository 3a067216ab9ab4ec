"""Tab completion as a user meets it: in bash itself (the script ``mlcareer completion bash`` prints,
then a Tab), and through the protocol for every kind of word."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys

import pytest
from conftest import ROOT, run_process
from test_cli_conventions import complete

from mlcareer.cli import app_commands

EXAMPLE = ROOT / "examples" / "my-roles.yaml"


@pytest.fixture(scope="module")
def bash_tab(tmp_path_factory):
    """``tab("mlcareer help ")``: what bash offers on Tab at the end of that line, in a folder
    holding the file ``notes.yaml``."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    home = tmp_path_factory.mktemp("tab")
    bin_dir = tmp_path_factory.mktemp("bin")
    launcher = bin_dir / "mlcareer"
    launcher.write_text(f'#!/bin/sh\nexec {sys.executable} -m mlcareer "$@"\n')
    launcher.chmod(launcher.stat().st_mode | stat.S_IEXEC)
    (home / "notes.yaml").write_text("x\n")
    script = run_process("completion", "bash").out
    env = {k: v for k, v in os.environ.items() if k not in ("MLCAREER_DATA", "NO_COLOR")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"

    def tab(line: str) -> list[str]:
        program = (f"{script}\nCOMP_LINE={line!r}; read -ra COMP_WORDS <<< \"$COMP_LINE\"; "
                   f"[[ \"$COMP_LINE\" == *' ' ]] && COMP_WORDS+=(''); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 )); "
                   "_mlcareer_completion mlcareer; printf '%s\\n' \"${COMPREPLY[@]}\"")
        proc = subprocess.run(["bash", "--norc", "--noprofile", "-c", program], capture_output=True, text=True,
                              cwd=home, env=env, check=False, timeout=60)
        assert proc.returncode == 0, proc.stderr
        return [line for line in proc.stdout.splitlines() if line]

    return tab


def test_bash_completes_commands_roles_and_files_only_where_a_file_goes(bash_tab):
    assert bash_tab("mlcareer help ") == app_commands()  # command names, not files
    assert bash_tab("mlcareer show mach") == ["machine-learning-engineer"]
    assert bash_tab("mlcareer show machine-learning-engineer ") == []  # a finished role: no files
    assert bash_tab("mlcareer salary mle ") == []
    assert bash_tab("mlcareer --data no") == ["notes.yaml"]
    assert bash_tab("mlcareer validate ") == ["notes.yaml"]
    assert bash_tab("mlcareer --color ") == ["auto", "always", "never"]


def test_bash_offers_the_global_options_after_a_command(bash_tab):
    offered = bash_tab("mlcareer show --")
    assert {"--data", "--color", "--no-pager", "--section", "--json", "--help"} <= set(offered)


def test_data_after_the_command_is_read_for_role_names():
    assert complete(f"mlcareer show dat --data {EXAMPLE}", 2) == ["data-wrangler"]
    assert complete(f"mlcareer compare mle dat -d {EXAMPLE}", 3) == ["data-wrangler"]
    assert complete(f"mlcareer --data={EXAMPLE} show dat", 3) == ["data-wrangler"]
    assert complete(f"mlcareer show -d{EXAMPLE} dat", 3) == ["data-wrangler"]
    assert complete("mlcareer show dat", 2) == []


@pytest.mark.parametrize("line,cword,expected", [
    ("mlcareer completion ", 2, ["bash", "zsh", "fish"]),
    ("mlcareer show --format m", 3, ["markdown"]),
    ("mlcareer show -f ", 3, ["text", "markdown", "json"]),
    ("mlcareer --color=al", 1, ["--color=always"]),
    ("mlcareer ask --role ma", 3, ["machine-learning-engineer"]),
    ("mlcareer titles --search ", 3, []),  # free text: nothing to offer
    ("mlcareer titles -n ", 3, []),
    ("mlcareer help sh", 2, ["show"]),
    ("mlcareer help show ", 3, []),
    ("mlcareer compare mle ma", 3, ["machine-learning-engineer"]),  # every word of compare is a role
    ("mlcareer nosuch ", 2, []),
    ("mlcareer show -- --da", 3, []),  # after --, not an option
])
def test_completion_candidates(line, cword, expected):
    assert complete(line, cword) == expected


def test_options_of_a_command_and_the_global_ones():
    offered = complete("mlcareer titles --", 2)
    assert {"--search", "--limit", "--json", "--format", "--data", "--color", "--no-pager", "--help"} == set(offered)
    assert "--section" not in offered


def test_zsh_and_fish_answers_carry_descriptions():
    zsh = run_process(env={"_MLCAREER_COMPLETE": "complete_zsh", "COMP_WORDS": "mlcareer sal", "COMP_CWORD": "1"})
    assert zsh.out.startswith("salary:Pay estimates per source")
    fish = run_process(env={"_MLCAREER_COMPLETE": "complete_fish", "COMP_WORDS": "mlcareer\nsal", "COMP_CWORD": "1"})
    assert fish.out.startswith("salary\tPay estimates per source")


def test_a_tab_imports_neither_typer_nor_rich():
    code = ("import os, sys; os.environ.update(_MLCAREER_COMPLETE='complete_bash', COMP_WORDS='mlcareer show ',"
            " COMP_CWORD='2'); sys.argv=['mlcareer']\nfrom mlcareer.__main__ import run\ntry: run()\n"
            "except SystemExit: pass\nprint(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich',"
            " 'click')), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.split() == ["machine-learning-engineer"]
    assert proc.stderr.strip() == "[]"


def test_click_style_request_for_the_script_prints_it():
    result = run_process(env={"_MLCAREER_COMPLETE": "bash_source"})
    assert result.code == 0 and result.out == run_process("completion", "bash").out
