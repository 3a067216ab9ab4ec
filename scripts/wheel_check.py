"""Build the wheel, install it in a fresh virtual environment, and run, from an empty folder, the
README's commands and the commands the hints suggest: what a user has after ``pip install``,
with no repository beside it (issue 20). Exits 1 naming each command that fails.

    python scripts/wheel_check.py            # uses requirements/lock.txt for the dependencies
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Commands the README shows that need what only a checkout has (the article beside the repository)
# or that wait for a person at a terminal.
NEEDS_CHECKOUT = ("--source ../shared/", "mlcareer ask\n", "mlcareer fit\n", "| man -l -", "| source")
PLACEHOLDERS = re.compile(r"\b[A-Z]{2,}\b|\.\.\.|\[|\\\||my-page\.html|^mlcareer \S+ --json$|^mlcareer verify(?: --strict| --json)?$")


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found: list[str] = []
    for block in re.findall(r"```(?:sh|console|bash)\n(.*?)```", text, re.DOTALL):
        found += [line.removeprefix("$ ").strip() for line in block.splitlines()
                  if line.removeprefix("$ ").startswith("mlcareer ")]
    found += [c for c in re.findall(r"`(mlcareer [^`]+)`", text) if not PLACEHOLDERS.search(c)]
    return [c for c in dict.fromkeys(found) if not any(skip in c + "\n" for skip in NEEDS_CHECKOUT)]


def run(command: str, cwd: Path, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(command, shell=True, cwd=cwd, env=env, input=stdin, capture_output=True, text=True,
                          check=False, timeout=120, executable="/bin/bash")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="mlcareer-wheel-") as tmp:
        base = Path(tmp)
        subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(base / "dist"), str(ROOT)],
                       check=True)
        wheel = next((base / "dist").glob("mlcareer-*.whl"))
        subprocess.run([sys.executable, "-m", "venv", str(base / "venv")], check=True)
        subprocess.run([str(base / "venv" / "bin" / "pip"), "install", "-q", "-c", str(ROOT / "requirements" / "lock.txt"),
                        str(wheel)], check=True)
        empty = base / "empty"
        empty.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MLCAREER_", "VIRTUAL_ENV", "PYTHON"))}
        env.update({"PATH": f"{base / 'venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}",
                    "MLCAREER_CACHE_DIR": str(base / "cache"), "MLCAREER_PAGER": "cat"})
        failed = []
        # what the hints say to do first, so the README's commands that use the starter file run too
        for command in ("mlcareer example-role > my-roles.yaml", "mlcareer example-role --source > my-source.md"):
            if run(command, empty, env).returncode:
                failed.append(command)
        hint = run("mlcareer compare mle", empty, env).stderr
        suggested = re.findall(r"mlcareer [^,]+", hint.split("Add one of your own: ", 1)[-1])
        unknown = run("mlcareer show quantum-plumber", empty, env).stderr
        if not suggested or "examples/" in hint + unknown or "mlcareer example-role" not in unknown:
            failed.append(f"hints name no starter command: {hint.strip()} / {unknown.strip()}")
        for command in [*suggested, *readme_commands()]:
            result = run(command.rstrip("."), empty, env, stdin="y\n" * 6)
            status = "ok" if result.returncode in (0, 1) and not result.stderr.startswith("Traceback") else "FAILED"
            if command.startswith("mlcareer ask \"how much does a data scientist"):  # exit 1 by design: no profile
                status = "ok" if result.returncode == 1 else "FAILED"
            elif result.returncode != 0 and "ask" not in command:
                status = "FAILED"
            print(f"{status:6} {command}")
            if status != "ok":
                failed.append(f"{command}: exit {result.returncode}: {result.stderr.strip()[:200]}")
        for problem in failed:
            print(f"FAILED: {problem}", file=sys.stderr)
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
