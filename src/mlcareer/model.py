"""The domain model: plain, typed, immutable records named after the field.

Built from validated, normalised dictionaries (see ``schema``), so ``Fact(**d)`` never fails.
Records are ``NamedTuple``s rather than frozen dataclasses: as immutable and typed, and four
times cheaper to define, which every run of the CLI pays at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any, NamedTuple


class Source(NamedTuple):
    """Where a role's facts come from: one article or page."""

    id: str
    title: str
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    modified: str | None = None


# The ``section`` of a fact from the article's opening paragraphs, which stand under no heading.
BEFORE_FIRST_HEADING = "(before the first heading)"


# How a title's ``display`` form is flagged: it is mlcareer's wording, not the source's.
DISPLAY_FLAG = "mlcareer's form"


class Link(NamedTuple):
    """A link the source gives in a quoted sentence: its anchor text, verbatim, and address."""

    text: str
    url: str


class Fact(NamedTuple):
    """One statement, with the verbatim sentence(s) it came from and their section.

    ``speaker`` is the person the source credits with it; ``text`` is mlcareer's paraphrase,
    ``quote`` the source's own sentences (its framing included, "Weisgraeber says ...").
    """

    text: str
    quote: tuple[str, ...] = ()
    section: str | None = None
    label: str | None = None
    kind: str | None = None
    speaker: str | None = None
    links: tuple[Link, ...] = ()

    @classmethod
    def from_dict(cls, d: dict) -> Fact:
        links = tuple(Link(x["text"], x["url"]) for x in d.get("links") or ())
        return cls(d["text"], tuple(d["quote"]), d["section"], d["label"], d["kind"], d["speaker"], links)


def facts_of(items: Iterable[dict] | None) -> tuple[Fact, ...]:
    return tuple(Fact.from_dict(item) for item in items or ())


def fact_of(item: dict | None) -> Fact | None:
    return Fact.from_dict(item) if item else None


# An education or career step is a fact whose label names the step.
EducationStep = Fact


class SalaryEstimate(NamedTuple):
    """A pay figure as one source states it; figures the source did not state are None."""

    source: str
    annual: float | None
    hourly: float | None
    quote: tuple[str, ...]
    section: str | None = None
    url: str | None = None
    measure: str | None = None
    annual_qualifier: str | None = None
    hourly_qualifier: str | None = None
    basis: str | None = None

    @classmethod
    def from_dict(cls, d: dict) -> SalaryEstimate:
        return cls(
            d["source"], d["annual"], d["hourly"], tuple(d["quote"]), d["section"], d["url"],
            d["measure"], d["annual_qualifier"], d["hourly_qualifier"], d["basis"],
        )


class Salary(NamedTuple):
    currency: str
    estimates: tuple[SalaryEstimate, ...]
    note: Fact | None = None

    @classmethod
    def from_dict(cls, d: dict | None) -> Salary | None:
        if not d:
            return None
        return cls(d.get("currency") or "USD", tuple(SalaryEstimate.from_dict(e) for e in d.get("estimates", ())),
                   fact_of(d.get("note")))

    def cited(self) -> list[SalaryEstimate | Fact]:
        return [*self.estimates, *((self.note,) if self.note else ())]


class Title(NamedTuple):
    """A related job title as the source lists it; ``role`` is the slug when it has a profile."""

    name: str
    display: str | None = None
    aliases: tuple[str, ...] = ()
    role: str | None = None

    @property
    def shown(self) -> str:
        return self.display or self.name

    @property
    def display_note(self) -> str | None:
        """Says that ``display`` is mlcareer's form of the name, and gives the source's."""
        if not self.display or self.display == self.name:
            return None
        return f"{DISPLAY_FLAG}; the source lists \u201c{self.name}\u201d"

    @classmethod
    def from_dict(cls, d: dict) -> Title:
        return cls(d["name"], d["display"], tuple(d["aliases"]), d["role"])


class Titles(NamedTuple):
    names: tuple[Title, ...]
    intro: Fact | None = None

    @classmethod
    def from_dict(cls, d: dict | None) -> Titles:
        d = d or {}
        quote = d.get("quote") or []
        intro = Fact(" ".join(quote), tuple(quote), d.get("section")) if quote else None
        return cls(tuple(Title.from_dict(t) for t in d.get("names", ())), intro)


class Course(NamedTuple):
    """A free course the source promotes."""

    name: str
    provider: str | None
    avg_time: str | None
    skills: tuple[str, ...]
    url: str | None
    quote: tuple[str, ...]
    section: str | None = None
    link_on: str | None = None  # the words of its quote that carry the link, where the source says which

    @classmethod
    def from_dict(cls, d: dict) -> Course:
        return cls(d["name"], d["provider"], d["avg_time"], tuple(d["skills"]), d["url"],
                   tuple(d["quote"]), d["section"], d.get("link_on"))


class Path(NamedTuple):
    """How to become one: the steps the source puts in order, what it requires without
    placing it in that order, and what helps alongside them."""

    steps: tuple[EducationStep, ...]
    alongside: tuple[Fact, ...] = ()
    intro: Fact | None = None
    requirements: tuple[EducationStep, ...] = ()

    @classmethod
    def from_dict(cls, d: dict | None) -> Path:
        d = d or {}
        return cls(facts_of(d.get("steps")), facts_of(d.get("alongside")), fact_of(d.get("intro")),
                   facts_of(d.get("requirements")))

    def cited(self) -> list[Fact]:
        return [f for f in (self.intro, *self.steps, *self.requirements, *self.alongside) if f is not None]


class ProsCons(NamedTuple):
    pros: tuple[Fact, ...]
    cons: tuple[Fact, ...]
    intro: tuple[Fact, ...] = ()  # how the source frames them (is it a smart move, and on what terms)

    @classmethod
    def from_dict(cls, d: dict | None) -> ProsCons:
        d = d or {}
        return cls(facts_of(d.get("pros")), facts_of(d.get("cons")), facts_of(d.get("intro")))


class FitQuestion(NamedTuple):
    """A question of ``mlcareer fit``, and what the source says about it."""

    question: str
    fact: Fact


class Role(NamedTuple):
    """One occupation profile: its name and source, then one field per section that holds data
    of its own, named by its key and in the order of ``sections.SECTIONS`` (``FROM_FIELD`` builds
    them), then the questions of ``mlcareer fit``."""

    slug: str
    title: str
    aliases: tuple[str, ...]
    source: Source
    origin: str
    overview: tuple[Fact, ...] = ()
    duties: tuple[Fact, ...] = ()
    typical_day: tuple[Fact, ...] = ()
    industries: tuple[Fact, ...] = ()
    path: Path = Path(())
    skills: tuple[Fact, ...] = ()
    salary: Salary | None = None
    careers: tuple[Fact, ...] = ()
    titles: Titles = Titles(())
    pros_cons: ProsCons = ProsCons((), ())
    resources: tuple[Course, ...] = ()
    not_covered: tuple[str, ...] = ()
    fit: tuple[FitQuestion, ...] = ()


# The sections that are a plain list of facts (``[FACT]`` in a role file and in JSON); the schema
# and the JSON read this too. tests/test_sections.py checks it against Role's fields.
FACT_LISTS = ("overview", "duties", "typical_day", "industries", "skills", "careers")

# How a validated role-file field becomes its section's Role field, by section key (a section
# not here, such as ``sources``, is derived from the rest and is not in role files).
FROM_FIELD: dict[str, Callable[[Any], Any]] = {
    **dict.fromkeys(FACT_LISTS, facts_of),
    "path": Path.from_dict,
    "salary": Salary.from_dict,
    "titles": Titles.from_dict,
    "pros_cons": ProsCons.from_dict,
    "resources": lambda raw: tuple(Course.from_dict(c) for c in raw or ()),
    "not_covered": lambda raw: tuple(raw or ()),
}

# A section's records that name the source heading they stand under (their ``section``), by key.
CITED: dict[str, Callable[[Role], Iterable[Any]]] = {
    **{key: attrgetter(key) for key in FACT_LISTS},
    "path": lambda role: role.path.cited(),
    "salary": lambda role: role.salary.cited() if role.salary else [],
    "titles": lambda role: [role.titles.intro] if role.titles.intro else [],
    "pros_cons": lambda role: [*role.pros_cons.intro, *role.pros_cons.pros, *role.pros_cons.cons],
    "resources": attrgetter("resources"),
}
