"""Questions over a loaded catalog, as pure functions: easy to test without a CLI."""

from __future__ import annotations

from operator import itemgetter
from typing import NamedTuple

from .catalog import Catalog
from .errors import NotFoundError, UsageError
from .model import CITED, Fact, Role, SalaryEstimate, Title
from .sections import SECTIONS
from .text import counted, money, normalise, shell_command, shorten

DEFAULT_ROLE = "machine-learning-engineer"
HOURS_PER_WEEK = 40
WEEKS_PER_YEAR = 52
HOURS_PER_YEAR = HOURS_PER_WEEK * WEEKS_PER_YEAR
ASSUMPTION = f"{HOURS_PER_WEEK} hours a week, {WEEKS_PER_YEAR} weeks a year ({HOURS_PER_YEAR:,} hours)"
TITLE_SCORE_CUTOFF = 75.0
# Each word of a search must be in a title, typos allowed (its best fuzzy alignment inside the title
# scores this much): "software engineer" shares only "engineer" with "AI engineer", and is no match.
TITLE_WORD_CUTOFF = 75.0
# Words a search may carry that no title needs to contain ("the data engineer", "data jobs").
SEARCH_FILLER = frozenset({"a", "an", "the", "of", "and", "or", "for", "in", "to", "as", "at",
                           "job", "jobs", "title", "titles", "role", "roles"})
SEARCH_LIMIT = 20  # titles a search shows unless --limit says otherwise
MAX_QUERY = 500  # characters of a search that are looked at; the rest cannot change the match


# --- roles -----------------------------------------------------------------------------------

class Resolved(NamedTuple):
    role: Role
    note: str | None = None  # set when the name was taken as a close match: say so on stderr


def resolve_role(catalog: Catalog, query: str | None) -> Role:
    """A role by slug, title or alias in any case; otherwise NotFoundError with suggestions."""
    return find_role(catalog, query).role


def find_role(catalog: Catalog, query: str | None) -> Resolved:
    """A role by slug, title or alias, in any case, singular or plural ("ML engineers"); a name
    with a typo is taken as the one role it is close to, with a note saying so. Otherwise
    NotFoundError: a related title without a profile says exactly that; an unknown name
    gets suggestions and how to add a role of one's own."""
    if query is None:
        query = DEFAULT_ROLE if DEFAULT_ROLE in catalog else next(iter(catalog.slugs()), "")
    wanted = normalise(query[:MAX_QUERY])
    if not wanted and catalog.slugs():
        raise UsageError("The role name is empty; name a role (see 'mlcareer roles') or leave it out.")
    for form in (wanted, singular(wanted)):
        slug = catalog.find(form)
        if slug is not None:
            return Resolved(catalog.role(slug))
    for form in (wanted, singular(wanted)):
        related = catalog.find_title(form)
        if related is not None:
            title, listed_by = related
            raise NotFoundError(
                f"{title.shown!r} is a related job title listed in the {catalog.role(listed_by).title} profile, "
                f"but the source has no profile of its own for it. "
                f"Try: {shell_command('mlcareer', 'titles', '--search', shorten(query, 40))}"
            )
    close = suggest_roles(catalog, query, score_cutoff=CLOSE_ROLE_SCORE, whole=True)
    if len(close) == 1:
        role = catalog.role(close[0])
        return Resolved(role, f"no role is named {shorten(query)!r}; showing the closest, {role.slug}")
    raise NotFoundError(
        f"No role matches {shorten(query)!r}. To add a role of your own: {STARTER}, edit it, "
        f"and pass it with --data my-roles.yaml.", suggest_roles(catalog, query))


STARTER = "mlcareer example-role > my-roles.yaml"  # how every hint says to start a role file
STARTER_ROLE = "data-wrangler"  # the role in that file
CLOSE_ROLE_SCORE = 90.0  # a typo this close to exactly one role's whole name is taken as that role


def singular(name: str) -> str:
    """Each word's plural ending dropped: "machine learning engineers" -> "... engineer"."""
    words = []
    for word in name.split():
        if len(word) > 3 and word.endswith("ies"):
            word = word[:-3] + "y"
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return " ".join(words)


def suggest_roles(catalog: Catalog, query: str, limit: int = 3, score_cutoff: float = 60,
                  whole: bool = False) -> tuple[str, ...]:
    """Roles whose names are close to ``query``; ``whole`` compares whole names only (for
    typos), not a word of a name (``engineer`` is not close to "machine learning engineer")."""
    from rapidfuzz import fuzz, process, utils  # start-up: only a name that matches no role needs rapidfuzz

    choices: dict[str, str] = {}
    for slug, title, aliases in catalog.names():
        for name in (slug, title, *aliases):
            choices.setdefault(name, slug)
    found = process.extract(query[:MAX_QUERY], list(choices), scorer=fuzz.ratio if whole else fuzz.WRatio,
                            processor=utils.default_process, limit=limit * 4, score_cutoff=score_cutoff)
    slugs = list(dict.fromkeys(choices[name] for name, _, _ in found))
    return tuple(slugs[:limit])


class RoleEntry(NamedTuple):
    slug: str
    title: str
    aliases: tuple[str, ...]
    origin: str  # "built-in" or the file it comes from
    overrides: tuple[str, ...]  # the files whose role of the same slug it replaces


def list_roles(catalog: Catalog) -> list[RoleEntry]:
    return [RoleEntry(slug, title, tuple(aliases), catalog.origin(slug), tuple(catalog.overridden.get(slug, [])))
            for slug, title, aliases in catalog.names()]


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
    a spelling counts only when each word of the search (but filler) is in it, typos allowed.
    The count and the ranking take no Python-level pass over all choices (a query can match
    tens of thousands): the count is a set built in C, and the ranking reads hits, best first,
    only until it has ``limit`` titles from each file.
    """
    from rapidfuzz import fuzz, process  # start-up: rapidfuzz loads only for a search
    from rapidfuzz.utils import default_process

    processed = default_process(query[:MAX_QUERY])
    words = [word for word in dict.fromkeys(processed.split()) if word not in SEARCH_FILLER]
    ranked: list[tuple[float, int, int]] = []  # (-score, file, title): sorts best first, ties in order
    total = 0
    for part in catalog.title_choices(role.slug if role else None):
        hits = process.extract(processed, part.choices, scorer=fuzz.WRatio, processor=None, limit=None,
                               score_cutoff=TITLE_SCORE_CUTOFF)
        hits = _every_word_in(hits, words)
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


def _every_word_in(hits: list[tuple[str, float, int]], words: list[str]) -> list[tuple[str, float, int]]:
    """The hits whose spelling holds each of ``words``, in their order: a word is in a spelling
    when it is part of it as typed, or when its best fuzzy alignment inside it scores
    TITLE_WORD_CUTOFF or more (the spellings without the word as typed are scored in one call)."""
    from rapidfuzz import fuzz, process  # start-up: rapidfuzz loads only for a search

    if len(words) < 2:  # one word: the whole search's score already says whether it is in the title
        return hits
    for word in words:
        if not hits:
            break
        typo = {position: choice for choice, _, position in hits if word not in choice}
        if typo:
            near = set(map(itemgetter(2), process.extract(word, typo, scorer=fuzz.partial_ratio, processor=None,
                                                          limit=None, score_cutoff=TITLE_WORD_CUTOFF)))
            hits = [hit for hit in hits if hit[2] not in typo or hit[2] in near]
    return hits


class TitleResult(NamedTuple):
    """What ``mlcareer titles`` shows: the titles, the search (if any), how many in all."""

    matches: list[TitleMatch]
    query: str | None
    total: int
    role_titles: dict[str, str]  # slug -> title, to name the role that lists each title
    intros: dict[str, str]  # slug -> the source's sentences that frame its list (as ``show`` keeps them)
    read_as: str | None = None  # the search with the roles' abbreviations spelt out, when they were

    @property
    def missing(self) -> str | None:
        """Why nothing is shown, when nothing is; for stderr and the exit code."""
        if self.matches:
            return None
        if self.query is not None:
            return (f"No related title matches {shorten(self.query)!r}. Try fewer or other words; "
                    "the full list: mlcareer titles")
        return "No related titles in the catalog."


def find_titles(catalog: Catalog, query: str | None = None, role: Role | None = None,
                limit: int | None = None) -> TitleResult:
    """A role's titles (or every role's): ranked by fuzzy match when there is a query (the best
    SEARCH_LIMIT unless ``limit`` says otherwise), else all of them, or the first ``limit``."""
    names = {slug: title for slug, title, _ in catalog.names()}
    if query is not None and query.strip():
        read_as = spelt_out(query, abbreviations(catalog))
        matches, total = search_titles(catalog, read_as, role, limit or SEARCH_LIMIT)
        return TitleResult(matches, query, total, names, _intros(catalog, matches),
                           read_as if read_as != query else None)
    every = list_titles(catalog, role)
    return TitleResult(every[:limit], None, len(every), names, _intros(catalog, every[:limit]))


def _intros(catalog: Catalog, matches: list[TitleMatch]) -> dict[str, str]:
    """The framing sentences of each role whose titles are shown ("you may find some overlap")."""
    out = {}
    for slug in dict.fromkeys(m.listed_by for m in matches):
        role = catalog.role(slug)
        if role.titles.intro:
            out[slug] = role.titles.intro.text
    return out


def abbreviations(catalog: Catalog) -> dict[str, str]:
    """What the roles' own aliases abbreviate: the alias "ML engineer" of "Machine learning
    engineer" makes "ml" stand for "machine learning", the alias "MLE" for the whole title. An
    alias's first word counts when it is the initials of the title's words it stands in for."""
    found: dict[str, str] = {}
    for _, title, aliases in catalog.names():
        full = normalise(title).split()
        for alias in aliases:
            head, *tail = normalise(alias).split() or [""]
            stands_for = len(full) - len(tail)
            if (stands_for >= 2 and full[stands_for:] == tail
                    and head == "".join(word[0] for word in full[:stands_for])):
                found.setdefault(head, " ".join(full[:stands_for]))
    return found


def spelt_out(query: str, short_forms: dict[str, str]) -> str:
    """``query`` with each word that is a known abbreviation spelt out ("ML ops" -> "machine learning ops")."""
    words = query.split()
    spelt = [short_forms.get(normalise(word), word) for word in words]
    return " ".join(spelt) if spelt != words else query


def names_a_role(catalog: Catalog, name: str) -> bool:
    """Whether ``name`` is a role's slug, title or alias (any case, singular or plural), exactly."""
    wanted = normalise(name[:MAX_QUERY])
    return any(catalog.find(form) is not None for form in (wanted, singular(wanted)))


def titles_words(catalog: Catalog, search: str | None, words: list[str]) -> tuple[str | None, str | None]:
    """``titles [WORDS...] --search QUERY`` as (search, role): the words are the role they name;
    with a search, words that name no role are the rest of an unquoted search
    (``--search data scientist``), as the words of ``ask`` are one question."""
    if search is not None and not search.strip():
        raise UsageError("The search is empty; give words to look for, e.g. --search data.")
    name = " ".join(words) or None
    if name is None or search is None or names_a_role(catalog, name):
        return search, name
    return f"{search} {name}", None


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
    return {s.key: list(dict.fromkeys(i.section for i in CITED[s.key](role) if getattr(i, "section", None)))
            for s in SECTIONS if s.key in CITED}


def quoted_people(role: Role) -> list[Fact]:
    """One fact per person the source quotes: the one that credits them most fully (name, then
    role and company, as the source introduces them), for "who is the expert quoted"."""
    best: dict[str, Fact] = {}
    for fact in facts_with_speakers(role):
        name = (fact.speaker or "").split(",")[0].strip()
        if name not in best or len(fact.speaker or "") > len(best[name].speaker or ""):
            best[name] = fact
    return list(best.values())


def facts_with_speakers(role: Role) -> list[Fact]:
    cited = [item for s in SECTIONS if s.key in CITED for item in CITED[s.key](role)]
    cited += [q.fact for q in role.fit]
    return [f for f in cited if isinstance(f, Fact) and f.speaker]


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


def compare_needs_two(catalog: Catalog, given: int) -> None:
    """UsageError unless at least two roles are named, saying what to type: with one role in the
    catalog (the built-in data alone), how to add a second from the starter file."""
    if given >= 2:
        return
    slugs = catalog.slugs()
    if len(slugs) >= 2:
        raise UsageError(f"compare needs two or more roles, e.g. {shell_command('mlcareer', 'compare', *slugs[:2])}")
    raise UsageError(f"compare needs two or more roles, and the catalog has one ({', '.join(slugs)}). "
                     f"Add one of your own: {STARTER}, then: mlcareer --data my-roles.yaml compare mle {STARTER_ROLE}")


def compare_roles(roles: list[Role]) -> Comparison:
    """Side by side: pay, skills shared by all and those only one role has."""
    slugs = [r.slug for r in roles]
    if len(set(slugs)) != len(slugs):
        raise UsageError("Name each role once to compare them.")
    names = [skill_names(r) for r in roles]
    keys = [{normalise(n) for n in role_names} for role_names in names]
    shared_keys = set.intersection(*keys) if keys else set()
    shared = tuple(n for n in names[0] if normalise(n) in shared_keys)
    distinct = tuple(tuple(n for n in role_names if normalise(n) not in shared_keys) for role_names in names)
    return Comparison(tuple(roles), tuple(salary_summary(r) for r in roles), shared, distinct)


# --- validate --------------------------------------------------------------------------------

class FileCheck(NamedTuple):
    path: str
    roles: int | None  # None when the file could not be read at all
    problems: list  # DataError, each with its line and field


def check_files(paths: list[str]) -> list[FileCheck]:
    from .loader import validate_file  # start-up: the schema loads only for ``validate``

    return [FileCheck(path, *validate_file(path)) for path in paths]


# --- fit -------------------------------------------------------------------------------------

ANSWER_WORDS = {"y": "yes", "yes": "yes", "n": "no", "no": "no", "u": "unsure", "unsure": "unsure",
                "?": "unsure", "maybe": "unsure", "not sure": "unsure", "dunno": "unsure"}
ANSWER_HELP = "yes, no or unsure (y, n, u)"  # '?' works too, but is a glob in zsh and fish


def parse_answer(text: str) -> str | None:
    return ANSWER_WORDS.get(" ".join(text.strip().lower().split()))


def parse_answers(text: str, count: int) -> list[str]:
    """``"yes,no,u"`` into answers, one per question; UsageError if the list does not fit."""
    if not text.strip():
        raise UsageError(f"The answers are empty; give one per question, each {ANSWER_HELP}.")
    parts = [p for p in text.replace(";", ",").split(",")]
    answers = [parse_answer(p) for p in parts]
    bad = [shorten(p, 20) for p, a in zip(parts, answers) if a is None]
    if bad:
        raise UsageError(f"Answers are {ANSWER_HELP}; not: {', '.join(bad)}.")
    if len(answers) != count:
        raise UsageError(f"There are {counted(count, 'question')}; got {counted(len(answers), 'answer')}.")
    return answers  # type: ignore[return-value]


def answers_from_lines(lines: list[str], count: int) -> list[str]:
    """Answers piped in, one a line (``printf 'y\\nn\\n' | mlcareer fit``); blank lines skipped.
    Fewer than ``count`` is fine (the summary covers those); more, or one that is not an answer,
    is a UsageError naming its line."""
    given = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        answer = parse_answer(line)
        if answer is None:
            raise UsageError(f"Answers are {ANSWER_HELP}; line {number} of stdin is {shorten(line.strip(), 20)!r}.")
        given.append(answer)
    if len(given) > count:
        raise UsageError(f"There are {counted(count, 'question')}; got {counted(len(given), 'answer')}.")
    return given
