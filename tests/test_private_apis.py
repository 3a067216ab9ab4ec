"""No module reaches into typer's, click's or rich's private parts (a name with a leading
underscore): only their public hooks, which survive their upgrades."""

from __future__ import annotations

import ast

import pytest
from conftest import ROOT

LIBRARIES = ("typer", "click", "rich")
# benchmarks/out holds virtual environments: only the project's own files count
FILES = sorted([*(p for folder in ("src", "tests", "scripts") for p in (ROOT / folder).rglob("*.py")),
                *(ROOT / "benchmarks").glob("*.py")])


def private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_uses(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        uses: list[str] = []
        if isinstance(node, ast.Import):
            uses = [alias.name for alias in node.names
                    if alias.name.split(".")[0] in LIBRARIES and any(map(private, alias.name.split(".")))]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in LIBRARIES:
            parts = node.module.split(".")
            uses = [f"{node.module}.{alias.name}" for alias in node.names if any(map(private, [*parts, alias.name]))]
        elif isinstance(node, ast.Attribute) and private(node.attr):
            base = node.value
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name) and base.id in LIBRARIES:
                uses = [ast.unparse(node)]
        found += [f"line {node.lineno}: {use}" for use in uses]  # type: ignore[attr-defined]
    return found


def test_the_checker_sees_every_form():
    code = ("from typer._click import core\nimport rich._wrap\nfrom typer import _completion_shared\n"
            "x = typer._click.formatting\nfrom typer.core import TyperGroup\nimport click\n")
    assert len(private_uses(ast.parse(code))) == 4


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_no_private_imports_from_typer_click_or_rich(path):
    uses = private_uses(ast.parse(path.read_text(encoding="utf-8")))
    assert not uses, f"{path.relative_to(ROOT)} uses private names: {uses}"
