"""JSON-ready forms of model records, query results and sections: the shapes documented in
README.md ("JSON output"). ``views.data`` uses them, so a record has one JSON form wherever it
appears; a section's JSON is ``SECTION_JSON[key]`` (keys from ``sections.SECTIONS``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .model import FACT_LISTS, Course, Fact, Role, Source, Title
from .queries import (
    ASSUMPTION,
    HOURS_PER_WEEK,
    WEEKS_PER_YEAR,
    Figure,
    SalarySummary,
    quoted_people,
    salary_summary,
    section_origins,
)


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
            "url": c.url, "link_on": c.link_on, "quote": list(c.quote), "section": c.section}


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


# --- sections: each one's JSON, by key ---------------------------------------------------------

def _fact_list(key: str) -> Callable[[Role], list[dict]]:
    return lambda role: facts(getattr(role, key))


def _path(role: Role) -> dict:
    path = role.path
    return {"intro": optional_fact(path.intro),
            "steps": [{"step": n, **fact(s)} for n, s in enumerate(path.steps, 1)],
            "requirements": facts(path.requirements), "alongside": facts(path.alongside)}


def _sources(role: Role) -> dict:
    return {"source": source(role.source), "sections": section_origins(role),
            "cited": [{"name": e.source, "url": e.url} for e in (role.salary.estimates if role.salary else ())],
            "pay_note": optional_fact(role.salary.note if role.salary else None),
            "quoted": [{"speaker": f.speaker, "quote": list(f.quote), "section": f.section} for f in quoted_people(role)]}


SECTION_JSON: dict[str, Callable[[Role], Any]] = {
    **{key: _fact_list(key) for key in FACT_LISTS},
    "path": _path,
    "salary": lambda role: salary(salary_summary(role)),
    "titles": lambda role: {"intro": optional_fact(role.titles.intro), "names": [title(t) for t in role.titles.names]},
    "pros_cons": lambda role: {"intro": facts(role.pros_cons.intro), "pros": facts(role.pros_cons.pros),
                               "cons": facts(role.pros_cons.cons)},
    "resources": lambda role: [course(c) for c in role.resources],
    "not_covered": lambda role: list(role.not_covered),
    "sources": _sources,
}
