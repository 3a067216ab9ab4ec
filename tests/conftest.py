"""Shared fixtures: run the CLI as a user would, in-process (fast) or as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The saved article, for the fidelity and verify tests: the folder named by MLCAREER_SOURCES, else
# shared/sources beside the repository or beside one of its parents (a worktree sits deeper).
SOURCES_ENV = "MLCAREER_SOURCES"
ARTICLE_FILES = ("machine-learning-engineer.md", "machine-learning-engineer.wp.json")


def find_sources() -> Path:
    explicit = os.environ.get(SOURCES_ENV)
    if explicit:
        return Path(explicit).expanduser().resolve()
    shared = [parent / "shared" / "sources" for parent in (ROOT, *ROOT.parents)]
    return next((folder for folder in shared if (folder / ARTICLE_FILES[0]).is_file()), shared[1])


SOURCES = find_sources()
ARTICLE = SOURCES / ARTICLE_FILES[0]
NO_ARTICLE = (f"no saved article in {SOURCES}: save {' and '.join(ARTICLE_FILES)} in a folder and set "
              f"{SOURCES_ENV} to it (README, 'Tests against the article')")
ENV_VARS = ("NO_COLOR", "FORCE_COLOR", "MLCAREER_DATA", "MLCAREER_NO_CACHE", "TERM", "COLUMNS")


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def isolated(tmp_path_factory, monkeypatch):
    """Each test gets its own cache directory and a clean environment."""
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("MLCAREER_CACHE_DIR", str(cache))
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    return cache


@pytest.fixture
def cli(capsys):
    """``cli("show", "mle")``: run the command in-process; stdout is not a terminal."""
    from mlcareer.cli import main

    def run(*args: str) -> Result:
        capsys.readouterr()
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def run_process(*args: str, env: dict | None = None, input: str | None = None, cwd=None, timeout=60) -> Result:
    """Run ``python -m mlcareer`` as a separate process."""
    full_env = {k: v for k, v in os.environ.items() if k not in ENV_VARS}
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-m", "mlcareer", *args], capture_output=True, text=True, check=False,
                          env=full_env, input=input, cwd=cwd, timeout=timeout)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def run_with_terminal_stdin(*args: str, keys: str, env: dict | None = None, timeout=60) -> Result:
    """Run ``python -m mlcareer`` with a terminal (a pty) on stdin, as a user typing ``keys``;
    stdout and stderr are pipes. Ctrl-D is ``\x04``."""
    import pty

    full_env = {k: v for k, v in os.environ.items() if k not in ENV_VARS}
    full_env.update(env or {})
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "mlcareer", *args], stdin=slave, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=full_env, text=True)
        os.close(slave)
        os.write(master, keys.encode())
        out, err = proc.communicate(timeout=timeout)
    finally:
        os.close(master)
    return Result(proc.returncode, out, err)


@pytest.fixture
def article() -> str:
    if not ARTICLE.exists():
        pytest.skip(NO_ARTICLE)
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def catalog():
    from mlcareer import load_catalog

    return load_catalog()


@pytest.fixture
def mle(catalog):
    return catalog.role("machine-learning-engineer")
