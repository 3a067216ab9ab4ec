"""JSON-ready forms of model records and query results: the shapes documented in README.md
("JSON output"). The sections' JSON (``sections.Section.data``) and ``views.data`` use them, so a
record has one JSON form wherever it appears.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Course, Fact, Source, Title
    from .queries import Figure, SalarySummary


def fact(f: Fact) -> dict:
    return {"text": f.text, "label": f.label, "kind": f.kind, "speaker": f.speaker,
            "quote": list(f.quote), "section": f.section,
            "links": [{"text": link.text, "url": link.url} for link in f.links]}


def facts(items: Iterable[Fact]) -> list[dict]:
    return [fact(f) for f in items]


def optional_fact(f: Fact | None) -> dict | None:
    return None if f is None else fact(f)


def source(s: Source) -> dict:
    return s._asdict()


def course(c: Course) -> dict:
    return {"name": c.name, "provider": c.provider, "avg_time": c.avg_time, "skills": list(c.skills),
            "url": c.url, "quote": list(c.quote), "section": c.section}


def title_entry(t: Title) -> dict:
    """A title's name as the source lists it, mlcareer's display form, and the flag saying so."""
    return {"name": t.name, "display": t.display, "display_note": t.display_note}


def title(t: Title) -> dict:
    """A related title; ``role`` is the slug of its own profile (the role-file field's name)."""
    return {**title_entry(t), "aliases": list(t.aliases), "role": t.role}


def figure(f: Figure | None) -> dict | None:
    if f is None:
        return None
    return {"value": f.value, "qualifier": f.qualifier, "derived": f.derived, "formula": f.formula}


def salary(summary: SalarySummary) -> dict | None:
    from .queries import ASSUMPTION, HOURS_PER_WEEK, WEEKS_PER_YEAR

    role = summary.role
    if role.salary is None:
        return None
    return {
        "currency": summary.currency,
        "assumption": {"hours_per_week": HOURS_PER_WEEK, "weeks_per_year": WEEKS_PER_YEAR, "text": ASSUMPTION},
        "estimates": [
            {"source": r.estimate.source, "url": r.estimate.url, "measure": r.estimate.measure,
             "basis": r.estimate.basis, "annual": figure(r.annual), "hourly": figure(r.hourly),
             "quote": list(r.estimate.quote), "section": r.estimate.section}
            for r in summary.rows
        ],
        "note": optional_fact(role.salary.note),
    }
