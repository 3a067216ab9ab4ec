"""The import picture of the mlcareer package, drawn from its own imports, against a declared order.

    python3 scripts/imports.py            # rooms, arrows, circles, arrows back up
    python3 scripts/imports.py --verbose  # and every arrow back up, circle and function-level import
    python3 scripts/imports.py --unreasoned  # only the function-level imports that give no reason
    python3 scripts/imports.py --src DIR  # another tree (e.g. an older commit's, from git archive)

A room is a module; an arrow is "module A imports module B" (once per pair, whether at module
level, inside a function or only for type checking); a circle is a set of rooms that reach each
other along arrows; an arrow back up goes from a lower layer of ``LAYERS`` to a higher one. The
one arrow back up allowed is the package's lazy ``__getattr__`` (``from mlcareer import
load_catalog`` without importing the catalog on every run). Standard library only: the test
suite runs it (tests/test_imports.py), and so can anyone without the package installed.

A function-level import gives its reason (start-up time) in a comment on its own lines, or in a
comment line heading the block of imports it stands in.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "mlcareer"

# The layers, lowest first: a module may import from its own layer and the ones before it.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("mlcareer", "errors", "text", "wording", "topics", "sections", "model", "yamlsafe", "grammar")),
    ("schema", ("schema",)),
    ("files", ("loader", "sourcedoc", "document", "cache")),
    ("catalog", ("catalog",)),
    ("queries", ("queries", "export", "examples", "neighbours", "ask", "answers", "fidelity", "verify")),
    ("views", ("views", "views.blocks", "views.data", "views.markdown", "views.plain", "views.rich_view",
               "views.verification")),
    ("output", ("output", "helptext")),
    ("cli", ("cli", "completion", "__main__")),
)
# Arrows back up allowed, with the reason.
ALLOWED_UP = {("mlcareer", "mlcareer.catalog"): "the package's lazy __getattr__ for load_catalog"}


class Import(NamedTuple):
    source: str  # the importing module
    target: str  # the imported module
    line: int
    where: str  # "module", "function" or "typing" (under ``if TYPE_CHECKING``)
    reason: str = ""  # a function-level import's comment, on its lines or heading its block


class Picture(NamedTuple):
    rooms: list[str]
    imports: list[Import]
    arrows: set[tuple[str, str]]
    circles: list[list[str]]
    up: list[tuple[str, str]]  # arrows back up, the allowed ones left out
    unplaced: list[str]  # modules not in LAYERS


def module_name(path: Path, src: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def resolve(current: str, is_package: bool, node: ast.ImportFrom, modules: set[str]) -> list[str]:
    """The package's modules an ``from ... import ...`` names (``from . import cache`` is the
    module ``mlcareer.cache``; ``from . import __version__`` is the package)."""
    if node.level:
        base = current.split(".") if is_package else current.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        prefix = ".".join(base + ([node.module] if node.module else []))
    else:
        prefix = node.module or ""
    if prefix != PACKAGE and not prefix.startswith(PACKAGE + "."):
        return []
    found = [f"{prefix}.{alias.name}" for alias in node.names if f"{prefix}.{alias.name}" in modules]
    if len(found) < len(node.names):
        found.append(prefix)
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _comment(line: str) -> str:
    """The comment on a line of source ("" if none); good enough for import lines and comment lines."""
    return line.split("#", 1)[1].strip() if "#" in line else ""


def reason_of(lines: list[str], node: ast.stmt) -> str:
    """The comment on an import's own lines, else the comment line heading its block of imports."""
    for number in range(node.lineno, (node.end_lineno or node.lineno) + 1):
        if found := _comment(lines[number - 1]):
            return found
    number = node.lineno - 1
    while number >= 1:
        line = lines[number - 1].strip()
        if line.startswith("#"):
            return line.lstrip("#").strip()
        if not line.startswith(("from ", "import ")) and not line.endswith((",", "(")) and line not in (")", ""):
            return ""  # a continuation line of a wrapped import is skipped with its import
        number -= 1
    return ""


def imports_of(path: Path, name: str, modules: set[str]) -> list[Import]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, str(path))
    is_package = path.name == "__init__.py"
    found: list[Import] = []

    def visit(node: ast.AST, where: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = where
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                inner = "function"
            elif isinstance(child, ast.If) and _is_type_checking(child) and where == "module":
                for stmt in child.body:
                    visit_one(stmt, "typing")
                for stmt in child.orelse:
                    visit_one(stmt, where)
                continue
            visit_one(child, inner)

    def visit_one(node: ast.AST, where: str) -> None:
        if isinstance(node, ast.ImportFrom):
            reason = reason_of(lines, node) if where == "function" else ""
            for target in resolve(name, is_package, node, modules):
                found.append(Import(name, target, node.lineno, where, reason))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == PACKAGE or alias.name.startswith(PACKAGE + "."):
                    target = alias.name
                    while target not in modules and "." in target:
                        target = target.rsplit(".", 1)[0]
                    found.append(Import(name, target, node.lineno, where, reason_of(lines, node) if where == "function" else ""))
        else:
            visit(node, where)

    visit(tree, "module")
    return found


def circles(arrows: set[tuple[str, str]], rooms: list[str]) -> list[list[str]]:
    """Strongly connected components of more than one room (Tarjan's algorithm), the allowed
    arrows back up left out."""
    graph: dict[str, list[str]] = {room: [] for room in rooms}
    for source, target in sorted(arrows):
        if source != target and (source, target) not in ALLOWED_UP:  # a lazy import closes no loop at import time
            graph[source].append(target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(room: str) -> None:
        index[room] = low[room] = len(index)
        stack.append(room)
        on_stack.add(room)
        for nxt in graph[room]:
            if nxt not in index:
                connect(nxt)
                low[room] = min(low[room], low[nxt])
            elif nxt in on_stack:
                low[room] = min(low[room], index[nxt])
        if low[room] == index[room]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == room:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for room in rooms:
        if room not in index:
            connect(room)
    return sorted(found)


def layer_of() -> dict[str, int]:
    return {(PACKAGE if m == PACKAGE else f"{PACKAGE}.{m}"): n for n, (_, members) in enumerate(LAYERS) for m in members}


def picture(src: Path) -> Picture:
    files = sorted((src / PACKAGE).rglob("*.py"))
    names = {module_name(f, src): f for f in files}
    modules = set(names)
    found = [imp for name, path in names.items() for imp in imports_of(path, name, modules)]
    arrows = {(i.source, i.target) for i in found if i.source != i.target}
    layers = layer_of()
    up = sorted((s, t) for s, t in arrows
                if s in layers and t in layers and layers[s] < layers[t] and (s, t) not in ALLOWED_UP)
    rooms = sorted(modules)
    return Picture(rooms, found, arrows, circles(arrows, rooms), up, [m for m in rooms if m not in layers])


def short(module: str) -> str:
    return module.removeprefix(PACKAGE + ".") if module != PACKAGE else f"{PACKAGE} (__init__)"


def unreasoned(pic: Picture) -> list[Import]:
    """The function-level imports that give no reason for not being at module level."""
    return [i for i in pic.imports if i.where == "function" and not i.reason]


def report(pic: Picture, verbose: bool = False, only_unreasoned: bool = False) -> str:
    allowed = sorted(a for a in pic.arrows if a in ALLOWED_UP)
    function_level = [i for i in pic.imports if i.where == "function"]
    without = unreasoned(pic)
    lines = [(f"{len(pic.rooms)} rooms, {len(pic.arrows)} arrows, {len(pic.up)} arrows back up"
              f" (+{len(allowed)} allowed), {len(pic.circles)} circles;"
              f" {len(function_level)} function-level imports of the package's own modules,"
              f" {len(without)} without a reason")]
    if pic.unplaced:
        lines.append("not in LAYERS: " + ", ".join(short(m) for m in pic.unplaced))
    for circle in pic.circles:
        lines.append("circle: " + " <-> ".join(short(m) for m in circle))
    for source, target in pic.up:
        lines.append(f"back up: {short(source)} -> {short(target)}")
    if verbose:
        for source, target in allowed:
            lines.append(f"allowed back up: {short(source)} -> {short(target)} ({ALLOWED_UP[(source, target)]})")
    if verbose or only_unreasoned:
        for imp in without if only_unreasoned else function_level:
            why = f"  # {imp.reason}" if imp.reason else "  (no reason given)"
            lines.append(f"function-level: {short(imp.source)}:{imp.line} -> {short(imp.target)}{why}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the folder that holds the package")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--unreasoned", action="store_true",
                        help="list only the function-level imports without a reason comment (exit 1 if any)")
    args = parser.parse_args(argv)
    pic = picture(args.src)
    print(report(pic, args.verbose, args.unreasoned))
    return 1 if pic.circles or pic.up or pic.unplaced or (args.unreasoned and unreasoned(pic)) else 0


if __name__ == "__main__":
    sys.exit(main())
