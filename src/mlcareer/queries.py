"""Questions over a loaded catalog, as pure functions: easy to test without a CLI."""

from __future__ import annotations

from typing import NamedTuple

from .catalog import Catalog
from .errors import NotFoundError
from .model import Role, SalaryEstimate, Title
from .text import money, normalise, shorten

DEFAULT_ROLE = "machine-learning-engineer"
HOURS_PER_WEEK = 40
WEEKS_PER_YEAR = 52
HOURS_PER_YEAR = HOURS_PER_WEEK * WEEKS_PER_YEAR
ASSUMPTION = f"{HOURS_PER_WEEK} hours a week, {WEEKS_PER_YEAR} weeks a year ({HOURS_PER_YEAR:,} hours)"
TITLE_SCORE_CUTOFF = 75.0
SEARCH_LIMIT = 20  # titles a search shows unless --limit says otherwise
MAX_QUERY = 500  # characters of a search that are looked at; the rest cannot change the match


# --- roles -----------------------------------------------------------------------------------

def resolve_role(catalog: Catalog, query: str | None) -> Role:
    """A role by slug, title or alias in any case; otherwise NotFoundError with suggestions."""
    if query is None:
        query = DEFAULT_ROLE if DEFAULT_ROLE in catalog else next(iter(catalog.slugs()), "")
    wanted = normalise(query[:MAX_QUERY])
    slug = catalog.find(wanted)
    if slug is not None:
        return catalog.role(slug)
    related = catalog.find_title(wanted)
    if related is not None:
        title, listed_by = related
        raise NotFoundError(
            f"{title.shown!r} is a related job title listed in the {catalog.role(listed_by).title} profile, "
            f"but the source has no profile of its own for it. "
            f"Try: mlcareer titles --search {shorten(query, 40)!r}"
        )
    raise NotFoundError(f"No role matches {shorten(query)!r}.", suggest_roles(catalog, query))


def suggest_roles(catalog: Catalog, query: str, limit: int = 3) -> tuple[str, ...]:
    from rapidfuzz import fuzz, process, utils

    choices: dict[str, str] = {}
    for slug, title, aliases in catalog.names():
        for name in (slug, title, *aliases):
            choices.setdefault(name, slug)
    found = process.extract(query[:MAX_QUERY], list(choices), scorer=fuzz.WRatio,
                            processor=utils.default_process, limit=limit * 4, score_cutoff=60)
    slugs = list(dict.fromkeys(choices[name] for name, _, _ in found))
    return tuple(slugs[:limit])


# --- titles ----------------------------------------------------------------------------------

class TitleMatch(NamedTuple):
    title: Title
    listed_by: str  # slug of the role whose profile lists the title
    score: float | None = None  # fuzzy score 0-100 when searching


def list_titles(catalog: Catalog, role: Role | None = None) -> list[TitleMatch]:
    return [TitleMatch(t, slug) for t, slug in catalog.titles(role.slug if role else None)]


def search_titles(catalog: Catalog, query: str, role: Role | None = None,
                  limit: int | None = SEARCH_LIMIT) -> tuple[list[TitleMatch], int]:
    """The best titles by fuzzy match on name, display name and aliases (typos, word order),
    best first, equal scores in catalog order; and how many titles matched in all.

    rapidfuzz scores every spelling in one call. A title's score is that of its best spelling;
    the count and the ranking take no Python-level pass over all hits (a query can match
    tens of thousands): the count is a set built in C, and the ranking reads hits, best first,
    only until it has ``limit`` titles from each file.
    """
    from operator import itemgetter

    from rapidfuzz import fuzz, process
    from rapidfuzz.utils import default_process

    processed = default_process(query[:MAX_QUERY])
    ranked: list[tuple[float, int, int]] = []  # (-score, file, title): sorts best first, ties in order
    total = 0
    for part in catalog.title_choices(role.slug if role else None):
        hits = process.extract(processed, part.choices, scorer=fuzz.WRatio, processor=None, limit=None,
                               score_cutoff=TITLE_SCORE_CUTOFF)
        matched = set(map(part.owners.__getitem__, map(itemgetter(2), hits)))
        total += len(matched - part.hidden)
        # Hits come best first, ties in choice order (which is title order): a title's first hit is its best.
        taken: set[int] = set()
        for _, score, position in hits:
            if limit is not None and len(taken) >= limit:
                break
            title = part.owners[position]
            if title not in taken and title not in part.hidden:
                taken.add(title)
                ranked.append((-score, part.document, title))
    ranked.sort()
    matches = []
    for negative_score, number, index in ranked[:limit]:
        found = catalog.title_at(number, index)
        if found is not None:
            matches.append(TitleMatch(found[0], found[1], round(-negative_score, 1)))
    return matches, total


# --- pay -------------------------------------------------------------------------------------

class Figure(NamedTuple):
    """A pay figure: as the source states it, or derived by this program (then with its formula)."""

    value: float
    qualifier: str | None = None
    derived: bool = False
    formula: str | None = None

    def describe(self, currency: str = "USD", per: str = "") -> str:
        text = money(self.value, currency) + per
        if self.qualifier:
            text = f"{self.qualifier} {text}"
        return text + (" (derived)" if self.derived else "")


class SalaryRow(NamedTuple):
    estimate: SalaryEstimate
    annual: Figure | None
    hourly: Figure | None


class SalarySummary(NamedTuple):
    role: Role
    currency: str
    rows: tuple[SalaryRow, ...]
    assumption: str = ASSUMPTION

    @property
    def has_derived(self) -> bool:
        return any(f is not None and f.derived for row in self.rows for f in (row.annual, row.hourly))


def salary_summary(role: Role) -> SalarySummary:
    """Each estimate with annual and hourly figures; missing ones derived and marked as such."""
    if role.salary is None:
        return SalarySummary(role, "USD", ())
    rows = []
    for estimate in role.salary.estimates:
        annual = hourly = None
        if estimate.annual is not None:
            annual = Figure(estimate.annual, estimate.annual_qualifier)
        if estimate.hourly is not None:
            hourly = Figure(estimate.hourly, estimate.hourly_qualifier)
        if hourly is None and annual is not None:
            hourly = Figure(round(annual.value / HOURS_PER_YEAR, 2), _derived_qualifier(annual), True,
                            f"{money(annual.value)} / {HOURS_PER_YEAR:,} hours")
        if annual is None and hourly is not None:
            annual = Figure(round(hourly.value * HOURS_PER_YEAR, 2), _derived_qualifier(hourly), True,
                            f"{money(hourly.value)} x {HOURS_PER_YEAR:,} hours")
        rows.append(SalaryRow(estimate, annual, hourly))
    return SalarySummary(role, role.salary.currency, tuple(rows))


def _derived_qualifier(figure: Figure) -> str | None:
    # "just under $129,000" a year is about, not just under, a given hourly rate.
    return "about" if figure.qualifier else None


# --- sources ---------------------------------------------------------------------------------

def section_origins(role: Role) -> dict[str, list[str]]:
    """For each profile section, the source headings its facts were taken from, in order."""
    from .sections import SECTIONS

    return {s.key: list(dict.fromkeys(i.section for i in s.cited(role) if getattr(i, "section", None)))
            for s in SECTIONS if s.cited}


# --- compare ---------------------------------------------------------------------------------

class Comparison(NamedTuple):
    roles: tuple[Role, ...]
    pay: tuple[SalarySummary, ...]
    shared_skills: tuple[str, ...]
    distinct_skills: tuple[tuple[str, ...], ...]  # per role, in role order


def skill_names(role: Role) -> list[str]:
    return list(dict.fromkeys(s.label or s.text for s in role.skills))


def skill_speakers(role: Role) -> dict[str, str]:
    """Skill name -> the person the source credits it to, for skills that are someone's view."""
    return {s.label or s.text: s.speaker for s in role.skills if s.speaker}


def compare_roles(roles: list[Role]) -> Comparison:
    """Side by side: pay, skills shared by all and those only one role has."""
    from .errors import UsageError

    slugs = [r.slug for r in roles]
    if len(set(slugs)) != len(slugs):
        raise UsageError("Name each role once to compare them.")
    names = [skill_names(r) for r in roles]
    keys = [{normalise(n) for n in role_names} for role_names in names]
    shared_keys = set.intersection(*keys) if keys else set()
    shared = tuple(n for n in names[0] if normalise(n) in shared_keys)
    distinct = tuple(tuple(n for n in role_names if normalise(n) not in shared_keys) for role_names in names)
    return Comparison(tuple(roles), tuple(salary_summary(r) for r in roles), shared, distinct)


# --- fit -------------------------------------------------------------------------------------

ANSWER_WORDS = {"y": "yes", "yes": "yes", "n": "no", "no": "no", "?": "unsure", "u": "unsure",
                "unsure": "unsure", "maybe": "unsure", "not sure": "unsure", "dunno": "unsure"}


def parse_answer(text: str) -> str | None:
    return ANSWER_WORDS.get(" ".join(text.strip().lower().split()))


def parse_answers(text: str, count: int) -> list[str]:
    """``"yes,no,?"`` into answers, one per question; UsageError if the list does not fit."""
    from .errors import UsageError

    parts = [p for p in text.replace(";", ",").split(",")]
    answers = [parse_answer(p) for p in parts]
    bad = [shorten(p, 20) for p, a in zip(parts, answers) if a is None]
    if bad:
        raise UsageError(f"Answers are yes, no or unsure (y, n, ?); not: {', '.join(bad)}.")
    if len(answers) != count:
        raise UsageError(f"There are {count} questions; got {len(answers)} answers.")
    return answers  # type: ignore[return-value]
