"""The profile's sections, in the fixed order ``show`` prints them (after the U.S. Occupational
Outlook Handbook: what they do, work environment, how to become one, pay, outlook, similar jobs).

One registry that everything reads: each section's key (the JSON key, the ``Role`` field and the
role-file field), its ``--section`` name, heading and summary, the rule its field follows in a
role file (``schema``), how the validated field becomes the ``Role`` field (``model``), its JSON
(``data``) and the records whose ``section`` names the source heading they stand under
(``cited``). Only the rendering lives elsewhere (``views.blocks.BUILDERS``, by key).

This module is imported by every run of the CLI (for ``--help`` and completion), so the schema,
model and JSON helpers it uses are imported inside the functions, when a section is built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from .model import Fact, Role
    from .schema import Spec


class Section(NamedTuple):
    key: str  # JSON key, Role field and role-file field
    heading: str  # heading in text and Markdown output
    summary: str  # one line for --help and completion
    data: Callable[[Role], Any]  # the section of a role, JSON-ready
    schema: Callable[[], Spec] | None = None  # the role-file field's rule; None: derived, not in files
    model: Callable[[Any], Any] | None = None  # validated field (or None) -> the Role field's value
    cited: Callable[[Role], Iterable[Any]] | None = None  # records that name their source heading

    @property
    def name(self) -> str:
        """The command-line spelling."""
        return self.key.replace("_", "-")


# --- the shapes sections share (imports inside: see the module's docstring) ------------------

def _facts_schema() -> Spec:
    from .schema import FACTS

    return FACTS


def _facts(items: Iterable[dict] | None) -> tuple[Fact, ...]:
    from .model import Fact

    return tuple(Fact.from_dict(item) for item in items or ())


def _fact(item: dict | None) -> Fact | None:
    from .model import Fact

    return Fact.from_dict(item) if item else None


def fact_list(key: str, heading: str, summary: str) -> Section:
    """A section that is a list of facts (``[FACT]`` in a role file and in JSON)."""

    def data(role: Role) -> list[dict]:
        from .export import facts

        return facts(getattr(role, key))

    return Section(key, heading, summary, data, _facts_schema, _facts, attrgetter(key))


# --- path ------------------------------------------------------------------------------------

def _path_schema() -> Spec:
    from .schema import FACTS, FactSpec, Obj

    # steps: what the source puts in order; requirements: what it requires but does not order
    return Obj({"intro": FactSpec(), "steps": FACTS, "requirements": FACTS, "alongside": FACTS})


def _path_model(raw: dict | None) -> Any:
    from .model import Path

    raw = raw or {}
    return Path(_facts(raw.get("steps")), _facts(raw.get("alongside")), _fact(raw.get("intro")),
                _facts(raw.get("requirements")))


def _path_data(role: Role) -> dict:
    from .export import fact, facts, optional_fact

    path = role.path
    return {"intro": optional_fact(path.intro),
            "steps": [{"step": n, **fact(s)} for n, s in enumerate(path.steps, 1)],
            "requirements": facts(path.requirements), "alongside": facts(path.alongside)}


def _path_cited(role: Role) -> list[Fact]:
    path = role.path
    return [f for f in (path.intro, *path.steps, *path.requirements, *path.alongside) if f is not None]


# --- salary ----------------------------------------------------------------------------------

def _salary_schema() -> Spec:
    from .schema import ESTIMATE, FactSpec, ListOf, Obj, Str

    return Obj({"currency": Str(r"[A-Z]{3}", "a currency code such as USD"), "note": FactSpec(),
                "estimates": ListOf(ESTIMATE)})


def _salary_model(raw: dict | None) -> Any:
    from .model import Salary, SalaryEstimate

    if not raw:
        return None
    return Salary(raw.get("currency") or "USD",
                  tuple(SalaryEstimate.from_dict(e) for e in raw.get("estimates", ())), _fact(raw.get("note")))


def _salary_data(role: Role) -> dict | None:
    from .export import salary
    from .queries import salary_summary

    return salary(salary_summary(role))


def _salary_cited(role: Role) -> list[Any]:
    salary = role.salary
    return [*salary.estimates, *((salary.note,) if salary.note else ())] if salary else []


# --- titles ----------------------------------------------------------------------------------

def _titles_schema() -> Spec:
    from .schema import TITLE, ListOf, Obj, OneOrMany, Str

    return Obj({"section": Str(), "quote": OneOrMany(Str()), "names": ListOf(TITLE)})


def _titles_model(raw: dict | None) -> Any:
    from .model import Fact, Title, Titles

    raw = raw or {}
    quote = raw.get("quote") or []
    intro = Fact(" ".join(quote), tuple(quote), raw.get("section")) if quote else None
    return Titles(tuple(Title.from_dict(t) for t in raw.get("names", ())), intro)


def _titles_data(role: Role) -> dict:
    from .export import optional_fact, title

    return {"intro": optional_fact(role.titles.intro), "names": [title(t) for t in role.titles.names]}


# --- pros and cons ---------------------------------------------------------------------------

def _pros_cons_schema() -> Spec:
    from .schema import FACTS, Obj

    return Obj({"pros": FACTS, "cons": FACTS})


def _pros_cons_model(raw: dict | None) -> Any:
    from .model import ProsCons

    raw = raw or {}
    return ProsCons(_facts(raw.get("pros")), _facts(raw.get("cons")))


def _pros_cons_data(role: Role) -> dict:
    from .export import facts

    return {"pros": facts(role.pros_cons.pros), "cons": facts(role.pros_cons.cons)}


# --- free courses ----------------------------------------------------------------------------

def _resources_schema() -> Spec:
    from .schema import COURSE, ListOf

    return ListOf(COURSE)


def _resources_model(raw: list[dict] | None) -> Any:
    from .model import Course

    return tuple(Course.from_dict(c) for c in raw or ())


def _resources_data(role: Role) -> list[dict]:
    from .export import course

    return [course(c) for c in role.resources]


# --- what the source does not cover, and the source itself ----------------------------------

def _not_covered_schema() -> Spec:
    from .schema import ListOf, Str

    return ListOf(Str())


def _sources_data(role: Role) -> dict:
    from .export import optional_fact, source
    from .queries import quoted_people, section_origins

    return {"source": source(role.source), "sections": section_origins(role),
            "cited": [{"name": e.source, "url": e.url} for e in (role.salary.estimates if role.salary else ())],
            "pay_note": optional_fact(role.salary.note if role.salary else None),
            "quoted": [{"speaker": f.speaker, "quote": list(f.quote), "section": f.section} for f in quoted_people(role)]}


SECTIONS: tuple[Section, ...] = (
    fact_list("overview", "What they do", "what the role is"),
    fact_list("duties", "Duties", "main and additional duties"),
    fact_list("typical_day", "A typical day", "what a day looks like"),
    fact_list("industries", "Industries", "where they work"),
    Section("path", "How to become one", "the steps the source puts in order, the requirements it names, what helps",
            _path_data, _path_schema, _path_model, _path_cited),
    fact_list("skills", "Skills", "hard, soft and thinking skills"),
    Section("salary", "Pay", "salary estimates per source",
            _salary_data, _salary_schema, _salary_model, _salary_cited),
    fact_list("careers", "Jobs and career paths", "kinds of jobs and how careers evolve"),
    Section("titles", "Related job titles", "job titles you may run into",
            _titles_data, _titles_schema, _titles_model, lambda role: [role.titles.intro] if role.titles.intro else []),
    Section("pros_cons", "Pros and cons", "advantages and drawbacks",
            _pros_cons_data, _pros_cons_schema, _pros_cons_model,
            lambda role: [*role.pros_cons.pros, *role.pros_cons.cons]),
    Section("resources", "Free courses", "courses the source promotes",
            _resources_data, _resources_schema, _resources_model, lambda role: role.resources),
    Section("not_covered", "Not covered by the source", "what the source does not say",
            lambda role: list(role.not_covered), _not_covered_schema, lambda raw: tuple(raw or ())),
    Section("sources", "Source", "where the facts come from", _sources_data),
)
SECTION_NAMES = tuple(s.name for s in SECTIONS)
BY_NAME = {s.name: s for s in SECTIONS} | {s.key: s for s in SECTIONS}


def find_sections(names: list[str]) -> list[Section]:
    """Sections as the user types them: repeated or comma-separated (``salary,path``), each once."""
    wanted = [part for name in names for part in name.split(",") if part.strip()]
    return list(dict.fromkeys(find_section(name) for name in wanted))


_SMALL_WORDS = {"a", "and", "the", "by", "to", "of", "one", "what", "they", "do"}


def find_section(name: str) -> Section:
    """A section by its name (``pros-cons``), key (``pros_cons``) or heading, in any case, or
    by a word of its heading that no other heading has (``courses``, ``pros``, ``day``)."""
    wanted = " ".join(name.strip().lower().replace("_", " ").replace("-", " ").split())
    for section in SECTIONS:
        if wanted in (section.key.replace("_", " "), section.heading.lower()):
            return section
    word = wanted[:-1] if wanted.endswith("s") and len(wanted) > 3 else wanted
    owners = [s for s in SECTIONS for w in s.heading.lower().split()
              if w not in _SMALL_WORDS and {w, w.rstrip("s")} & {wanted, word}]
    if len(set(owners)) == 1:
        return owners[0]
    from rapidfuzz import process

    close = process.extract(wanted, SECTION_NAMES, limit=3, score_cutoff=60)
    from .errors import UsageError
    from .text import shorten

    raise UsageError(
        f"No section named {shorten(name)!r} (sections: {', '.join(SECTION_NAMES)}).",
        tuple(c for c, _, _ in close),
    )
