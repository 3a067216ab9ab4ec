"""JSON-ready data for ``--json``: the shapes documented in README.md ("JSON output").

Keys come from ``sections`` and ``export`` (a section's JSON is ``export.SECTION_JSON``, a
record's is ``export``'s function of its name); every result carries its source.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..export import SECTION_JSON, course, fact, facts, figure, optional_fact, salary, source, title, title_entry
from ..model import Role
from ..queries import Comparison, FileCheck, RoleEntry, SalarySummary, TitleResult, skill_speakers
from ..sections import SECTIONS, Section

SECTION_BY_KEY = {s.key: s for s in SECTIONS}
__all__ = ["course", "fact", "facts", "figure", "optional_fact", "salary", "source", "title_entry"]  # record shapes: ..export

JSON_VERSION = 1


def section_value(role: Role, section: Section):
    return SECTION_JSON[section.key](role)


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


def titles(result: TitleResult) -> dict:
    matches, query, total, _, intros, _ = result
    return {"version": JSON_VERSION, "query": query, "count": len(matches), "total": total, "intros": intros, "titles": [
        {**title(m.title), "listed_by": m.listed_by, "score": m.score}
        for m in matches
    ]}


def roles(entries: list[RoleEntry]) -> dict:
    return {"version": JSON_VERSION, "roles": [
        {"slug": slug, "title": title, "aliases": list(aliases), "origin": origin, "overrides": list(over)}
        for slug, title, aliases, origin, over in entries
    ]}


def compare(comparison: Comparison) -> dict:
    return {
        "version": JSON_VERSION,
        "roles": [role_head(r) for r in comparison.roles],
        "salary": {p.role.slug: salary(p) for p in comparison.pay},
        "path": {r.slug: section_value(r, SECTION_BY_KEY["path"]) for r in comparison.roles},
        "skills": {"shared": list(comparison.shared_skills),
                   "distinct": {r.slug: list(d) for r, d in zip(comparison.roles, comparison.distinct_skills)},
                   "speakers": {r.slug: skill_speakers(r) for r in comparison.roles}},
        "duties": {r.slug: facts(r.duties) for r in comparison.roles},
        "titles": {r.slug: [title_entry(t) for t in r.titles.names] for r in comparison.roles},
    }


def fit(role: Role, answers: list[str]) -> dict:
    return {**role_head(role), "answers": [
        {"label": q.fact.label, "question": q.question, "answer": a, **fact(q.fact)}
        for q, a in zip(role.fit, answers)
    ], "note": "No score: the answers stand next to what the source says. The questions are mlcareer's, "
               "based on the article; each text is mlcareer's summary of its quote, which is the article's own words."}


def validation(results: list[FileCheck]) -> dict:
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
            "confidence": result.confidence, "basis": result.basis, "doubt": result.doubt,
            "message": result.message,
            "alternatives": [{"topic": a.topic.key, "heading": a.topic.heading, "score": a.score}
                             for a in result.alternatives],
            "related_title": ({"name": result.related.name, "display": result.related.display}
                              if result.related else None),
            "not_covered": result.not_covered,
            "section": result.parts[0].section.key if answered else None,
            "answer": section_value(role, result.parts[0].section) if answered else None,
            "nearest": [] if answered else [part(p) for p in result.parts],
            "also": [{k: v for k, v in answer(other).items() if k not in ("version", "role", "source")}
                     for other in result.also],
            "source": source(role.source)}


def error(message: str, code: int, suggestions: tuple[str, ...] = ()) -> dict:
    """What ``--json`` prints when a command fails: still a JSON document."""
    return {"version": JSON_VERSION, "error": {"message": message, "exit_code": code,
                                               "suggestions": list(suggestions)}}
