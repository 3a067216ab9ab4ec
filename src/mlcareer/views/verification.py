"""What ``mlcareer verify`` prints: one line per problem, as ``validate`` does, then a summary; or JSON."""

from __future__ import annotations

import os

from ..text import clean, counted
from ..verify import ERROR, WARNING, Edit, Problem, Report

JSON_VERSION = 1


_plural = counted


def problem_line(path: str, problem: Problem) -> str:
    where = f"{path}:{problem.line}" if problem.line else path
    field = f" {problem.field}:" if problem.field else ""
    severity = " warning:" if problem.severity == WARNING else ""
    return clean(f"{where}:{field}{severity} {problem.message} [{problem.code}]")


def text(report: Report) -> str:
    lines = []
    for result in report.files:
        lines += [problem_line(result.path, problem) for problem in result.problems]
        errors, warnings = result.hidden
        if errors or warnings:
            more = [_plural(n, f"more {word}") for n, word in ((errors, "problem"), (warnings, "warning")) if n]
            lines.append(clean(f"{result.path}: and {' and '.join(more)}, not listed"))
        if not result.problems:
            against = ", ".join(os.path.basename(path) for path in result.sources)
            lines.append(clean(f"{result.path}: ok ({_plural(result.roles or 0, 'role')}, "
                               f"{_plural(result.quotes, 'quote')} and {_plural(result.figures, 'figure')} "
                               f"checked against {against})"))
    for path in report.unmatched:
        lines.append(clean(f"{path}: warning: is the source of no role in the files checked (give "
                           "--source ID=PATH to name it)"))
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def summary(report: Report) -> str:
    files = report.files
    errors, warnings = report.count(ERROR), report.count(WARNING)
    quotes, figures = sum(f.quotes for f in files), sum(f.figures for f in files)
    derived = sum(f.derived for f in files)
    parts = [f"verify: {_plural(len(files), 'file')}, {_plural(sum(f.roles or 0 for f in files), 'role')}",
             f"{_plural(quotes, 'quote')} and {_plural(figures, 'figure')} checked"]
    if derived:
        parts.append(f"{_plural(derived, 'derived figure')} not checked (mlcareer computes {'it' if derived == 1 else 'them'})")
    parts.append(f"{_plural(errors, 'problem')}, {_plural(warnings, 'warning')}"
                 + (" (--strict: warnings fail)" if report.strict and warnings else ""))
    accepted = sum(f.accepted for f in files)
    if accepted:
        parts.append(f"{accepted:,} accepted in the role file{'' if len(files) == 1 else 's'} (# verify: accept)")
    return clean("; ".join(parts))


def data(report: Report) -> dict:
    return {
        "version": JSON_VERSION,
        "ok": report.exit_code == 0,
        "exit_code": report.exit_code,
        "strict": report.strict,
        "errors": report.count(ERROR),
        "warnings": report.count(WARNING),
        "sources": [{"path": doc.path, "format": doc.format, "title": doc.title, "urls": list(doc.urls),
                     "modified": doc.modified, "headings": doc.headings(),
                     "used": doc.path not in report.unmatched} for doc in report.sources],
        "files": [{
            "path": result.path, "valid": result.roles is not None, "roles": result.roles,
            "quotes": result.quotes, "figures": result.figures, "derived_figures": result.derived,
            "sources": list(result.sources), "accepted": result.accepted,
            "not_listed": {"errors": result.hidden[0], "warnings": result.hidden[1]},
            "problems": [_problem(p) for p in result.problems],
        } for result in report.files],
    }


def _problem(problem: Problem) -> dict:
    closest = problem.closest
    return {
        "line": problem.line, "field": problem.field or None, "severity": problem.severity, "code": problem.code,
        "message": problem.message, "source": problem.source,
        "closest": None if closest is None else {
            "text": closest.text, "section": closest.heading, "similarity": closest.similarity,
            "changes": [{"quote": ours, "source": theirs} for ours, theirs in closest.changes]},
    }


def github(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per problem, on its file and line."""
    lines = []
    for result in report.files:
        for problem in result.problems:
            kind = "warning" if problem.severity == WARNING else "error"
            where = f"file={_escape(result.path, True)}" + (f",line={problem.line}" if problem.line else "")
            title = f"{problem.code} {problem.field}" if problem.field else problem.code
            lines.append(f"::{kind} {where},title={_escape(title, True)}::{_escape(clean(problem.message))}")
    for path in report.unmatched:
        lines.append(f"::warning file={_escape(path, True)},title=V109::{_escape('is the source of no role in the files checked')}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


def _escape(value: str, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property_value else value


def unified_diff(edits: list[Edit]) -> str:
    import difflib

    out: list[str] = []
    for edit in edits:
        out += difflib.unified_diff(edit.before.splitlines(keepends=True), edit.after.splitlines(keepends=True),
                                    f"a/{edit.path}", f"b/{edit.path}")
    return "".join(out)


def fixed(edits: list[Edit]) -> str:
    if not edits:
        return "verify --fix: nothing it knows how to fix"
    return "verify --fix: " + "; ".join(f"{_plural(e.fixed, 'fix', 'fixes')} written to {e.path}" for e in edits)


def remaining(report: Report) -> list[str]:
    """For ``--diff``: the problems the diff leaves (those it cannot fix), then the summary of the
    files as the diff would leave them."""
    lines = [problem_line(result.path, problem) for result in report.files for problem in result.problems]
    lines.append(summary(report).replace("verify:", "verify --diff: after the diff,", 1))
    return lines
