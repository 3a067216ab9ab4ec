"""JSON-ready data for ``--json``: the shapes documented in README.md ("JSON output").

Keys come from the model and ``sections``; every result carries its source.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Course, Fact, Role, Source
from ..queries import (
    ASSUMPTION,
    HOURS_PER_WEEK,
    WEEKS_PER_YEAR,
    Comparison,
    Figure,
    SalarySummary,
    TitleMatch,
    section_origins,
)
from ..sections import SECTIONS, Section

SECTION_BY_KEY = {s.key: s for s in SECTIONS}

JSON_VERSION = 1


def fact(f: Fact) -> dict:
    return {"text": f.text, "label": f.label, "kind": f.kind, "speaker": f.speaker,
            "quote": list(f.quote), "section": f.section}


def facts(items) -> list[dict]:
    return [fact(f) for f in items]


def optional_fact(f: Fact | None) -> dict | None:
    return None if f is None else fact(f)


def source(s: Source) -> dict:
    return s._asdict()


def course(c: Course) -> dict:
    return {"name": c.name, "provider": c.provider, "avg_time": c.avg_time, "skills": list(c.skills),
            "url": c.url, "quote": list(c.quote), "section": c.section}


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


def section_value(role: Role, section: Section):
    from ..queries import salary_summary

    key = section.key
    if key == "salary":
        return salary(salary_summary(role))
    if key == "titles":
        return {"intro": optional_fact(role.titles.intro),
                "names": [{"name": t.name, "display": t.display, "aliases": list(t.aliases), "role": t.role}
                          for t in role.titles.names]}
    if key == "pros_cons":
        return {"pros": facts(role.pros_cons.pros), "cons": facts(role.pros_cons.cons)}
    if key == "path":
        return {"intro": optional_fact(role.path.intro), "steps": [{"step": n, **fact(s)} for n, s in enumerate(role.path.steps, 1)],
                "alongside": facts(role.path.alongside)}
    if key == "resources":
        return [course(c) for c in role.resources]
    if key == "not_covered":
        return list(role.not_covered)
    if key == "sources":
        return {"source": source(role.source), "sections": section_origins(role),
                "cited": [{"name": e.source, "url": e.url} for e in (role.salary.estimates if role.salary else ())]}
    return facts(getattr(role, key))


def role_head(role: Role) -> dict:
    return {"version": JSON_VERSION, "slug": role.slug, "title": role.title, "aliases": list(role.aliases),
            "origin": role.origin, "source": source(role.source)}


def profile(role: Role, sections: Sequence[Section] = SECTIONS) -> dict:
    out = role_head(role)
    out["sections"] = [s.key for s in sections]
    for section in sections:
        out[section.key] = section_value(role, section)
    return out


def salary_result(summary: SalarySummary) -> dict:
    """What ``mlcareer salary --json`` prints: the role, its source, and the pay."""
    return {**role_head(summary.role), "salary": salary(summary)}


def titles(matches: list[TitleMatch], query: str | None, total: int, role_titles: dict | None = None) -> dict:
    return {"version": JSON_VERSION, "query": query, "count": len(matches), "total": total, "titles": [
        {"name": m.title.name, "display": m.title.display, "aliases": list(m.title.aliases),
         "profile": m.title.role, "listed_by": m.listed_by, "score": m.score}
        for m in matches
    ]}


def roles(entries) -> dict:
    return {"version": JSON_VERSION, "roles": [
        {"slug": slug, "title": title, "aliases": list(aliases), "origin": origin, "overrides": over}
        for slug, title, aliases, origin, over in entries
    ]}


def compare(comparison: Comparison) -> dict:
    return {
        "version": JSON_VERSION,
        "roles": [role_head(r) for r in comparison.roles],
        "salary": {p.role.slug: salary(p) for p in comparison.pay},
        "path": {r.slug: section_value(r, SECTION_BY_KEY["path"]) for r in comparison.roles},
        "skills": {"shared": list(comparison.shared_skills),
                   "distinct": {r.slug: list(d) for r, d in zip(comparison.roles, comparison.distinct_skills)}},
        "duties": {r.slug: facts(r.duties) for r in comparison.roles},
        "titles": {r.slug: [t.shown for t in r.titles.names] for r in comparison.roles},
    }


def fit(role: Role, answers: list[str]) -> dict:
    return {**role_head(role), "answers": [
        {"label": q.fact.label, "question": q.question, "answer": a, **fact(q.fact)}
        for q, a in zip(role.fit, answers)
    ], "note": "No score: the answers stand next to what the source says."}


def validation(results: list[tuple[str, int | None, list]]) -> dict:
    return {"version": JSON_VERSION, "valid": all(not problems for _, _, problems in results), "files": [
        {"path": path, "valid": not problems, "roles": roles,
         "problems": [{"line": p.line, "field": p.field or None, "message": p.message} for p in problems]}
        for path, roles, problems in results
    ]}


def answer(result) -> dict:
    """``mlcareer ask --json``: the outcome, and the sections the query layer chose."""
    role = result.role

    def part(p) -> dict:
        return {"topic": p.topic.key, "heading": p.topic.heading, "section": p.section.key,
                "value": section_value(role, p.section)}

    answered = result.outcome == "answered"
    return {"version": JSON_VERSION, "question": result.question, "status": result.outcome,
            "role": role.slug, "topic": result.topic.key if result.topic else None,
            "topic_heading": result.topic.heading if result.topic else None,
            "confidence": result.confidence, "message": result.message,
            "alternatives": [{"topic": a.topic.key, "heading": a.topic.heading, "score": a.score}
                             for a in result.alternatives],
            "related_title": ({"name": result.related.name, "display": result.related.display}
                              if result.related else None),
            "not_covered": result.not_covered,
            "section": result.parts[0].section.key if answered else None,
            "answer": section_value(role, result.parts[0].section) if answered else None,
            "nearest": [] if answered else [part(p) for p in result.parts],
            "source": source(role.source)}
