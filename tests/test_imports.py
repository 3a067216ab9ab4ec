"""The import picture (scripts/imports.py): imports flow one way, down the declared layers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_script():
    spec = importlib.util.spec_from_file_location("imports_picture", ROOT / "scripts" / "imports.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_no_circles_and_no_arrow_back_up():
    imports = load_script()
    pic = imports.picture(ROOT / "src")
    assert pic.unplaced == [], "place every module in a layer of scripts/imports.py"
    assert pic.circles == []
    assert pic.up == []


def test_the_picture_sees_a_circle_and_an_arrow_back_up(tmp_path):
    """The check can fail: a lower module that imports a higher one is a circle and an arrow back up."""
    imports = load_script()
    package = tmp_path / "mlcareer"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "model.py").write_text("def f():\n    from .catalog import load_catalog\n")
    (package / "catalog.py").write_text("from .model import f\n")
    pic = imports.picture(tmp_path)
    assert pic.circles == [["mlcareer.catalog", "mlcareer.model"]]
    assert pic.up == [("mlcareer.model", "mlcareer.catalog")]
    assert "1 arrows back up" in imports.report(pic) and "1 circles" in imports.report(pic)


def test_every_function_level_import_says_why():
    """A function-level import of the package's own modules gives its reason (start-up time) in a
    comment; the cheap ones with no reason belong at module level."""
    imports = load_script()
    pic = imports.picture(ROOT / "src")
    assert [f"{i.source}:{i.line} -> {i.target}" for i in imports.unreasoned(pic)] == []


def test_the_picture_sees_a_function_level_import_without_a_reason(tmp_path):
    imports = load_script()
    package = tmp_path / "mlcareer"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "errors.py").write_text("")
    (package / "text.py").write_text("")
    (package / "model.py").write_text(
        "def f():\n    from .errors import E\n\n\n"
        "def g():\n    from .text import t  # start-up: a reason\n\n\n"
        "def h():\n    # start-up: one reason for the block\n    from .errors import E\n    from .text import t\n")
    pic = imports.picture(tmp_path)
    assert [(i.line, i.target) for i in imports.unreasoned(pic)] == [(2, "mlcareer.errors")]
    assert "4 function-level imports of the package's own modules, 1 without a reason" in imports.report(pic)
