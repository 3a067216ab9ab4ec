"""A neutral document (headings, paragraphs, lists, tables, bars) and the builders that turn
roles and query results into it. Nothing here knows about terminals or formats."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..model import DISPLAY_FLAG, Course, Fact, FitQuestion, Role, Title
from ..queries import (
    Comparison,
    FileCheck,
    RoleEntry,
    SalarySummary,
    TitleResult,
    quoted_people,
    salary_summary,
    section_origins,
    skill_speakers,
)
from ..sections import SECTIONS, Section
from ..text import normalise, shell_command


class Heading(NamedTuple):
    text: str
    level: int = 2


class Para(NamedTuple):
    text: str
    style: str = ""  # "", "dim", "note", "warn", "hint" (a CLI hint: not in shared documents) or "line" (unindented)


class Hint(str):
    """A detail that is a command-line hint: shown in a terminal, left out of shared documents."""


class Item(NamedTuple):
    """A listed thing; ``quote`` holds the source's own sentences, shown as they stand."""

    text: str
    label: str | None = None
    quote: tuple[str, ...] = ()
    details: tuple[str, ...] = ()


class Bullets(NamedTuple):
    items: tuple[Item, ...]
    numbered: bool = False
    title: str | None = None
    show_quotes: bool = False


class Table(NamedTuple):
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    right: frozenset[int] = frozenset()


class Bars(NamedTuple):
    """A small bar chart, for terminals only: (label, value, value as text)."""

    rows: tuple[tuple[str, float, str], ...]


Block = Heading | Para | Bullets | Table | Bars


def quotes_to_show(items: Sequence[Item]) -> list[tuple[str, ...]]:
    """Each item's quotes, except that items in a row sharing one quote (three skills from one
    sentence) show it once, under the last of them."""
    shown = []
    for n, it in enumerate(items):
        following = items[n + 1].quote if n + 1 < len(items) else None
        shown.append(() if it.quote and it.quote == following else
                     tuple(q for q in it.quote if q != it.text))
    return shown


SILENT = "The source does not cover this."
SKILL_KINDS = {"hard": "Hard skills", "soft": "Soft skills", "thinking": "Thinking", "perspective": "Perspective"}


def credited(fact: Fact) -> str:
    """The fact's text with the person the source credits it to, whenever there is one.

    The credit goes on our text, not on the quote: the quote is the source's sentence, and its
    framing ("According to ...", "Weisgraeber says ...") is the source's, not the speaker's.
    """
    if not fact.speaker or fact.speaker.split(",")[0].split()[-1] in fact.text:
        return fact.text  # no one to credit, or the text says who said what (the article's framing apart)
    text, stop = (fact.text[:-1], ".") if fact.text.endswith(".") else (fact.text, "")
    return f"{text} (according to {fact.speaker}){stop}"


def link_details(fact: Fact) -> tuple[str, ...]:
    """The source's own links in the quoted sentence: anchor text, then address."""
    return tuple(f"link on \u201c{link.text}\u201d: {link.url}" for link in fact.links)


def item(fact: Fact, label: bool = True) -> Item:
    return Item(credited(fact), fact.label if label else None, fact.quote, link_details(fact))


def facts(items: Iterable[Fact], quotes: bool, title: str | None = None, label: bool = True) -> list[Block]:
    listed = tuple(item(f, label) for f in items)
    return [Bullets(listed, title=title, show_quotes=quotes)] if listed else []


def grouped(items: Sequence[Fact], quotes: bool, names: dict[str, str], key=lambda f: f.label) -> list[Block]:
    groups: dict[str | None, list[Fact]] = {}
    for fact in items:
        groups.setdefault(key(fact), []).append(fact)
    out: list[Block] = []
    for group, members in groups.items():
        title = names.get(group or "", (group or "").capitalize() or None)
        out += facts(members, quotes, title, label=False)
    return out


def source_line(role: Role) -> str:
    src = role.source
    parts = [f"\u201c{src.title}\u201d"]
    if src.publisher:
        parts.append(src.publisher)
    dates = ", ".join(x for x in (src.published and f"published {src.published}",
                                   src.modified and f"updated {src.modified}") if x)
    if dates:
        parts.append(dates)
    return "Source: " + ", ".join(parts) + (f". {src.url}" if src.url else "")


def role_header(role: Role) -> list[Block]:
    return [Heading(role.title, 1), Para(source_line(role), "dim")]


# --- one builder per section -------------------------------------------------------------------

def _overview(role: Role, quotes: bool) -> list[Block]:
    return facts(role.overview, quotes, label=False)


def _duties(role: Role, quotes: bool) -> list[Block]:
    return grouped(role.duties, quotes, {"main": "Main duties", "additional": "Additional duties"})


def _labelled(attr: str):
    return lambda role, quotes: facts(getattr(role, attr), quotes)


PATH_ORDERED = "Steps the source puts in order"
PATH_UNORDERED = "Also named as requirements (the source does not say at which point)"
PATH_ALONGSIDE = "Alongside"
PATH_ALONGSIDE_FIRST = "Alongside the steps below"


def _path(role: Role, quotes: bool, leads: str | None = None) -> list[Block]:
    """The path: its intro, the ordered steps, the requirements, what helps alongside; what helps
    first when the question asks for it (``leads``, the advice)."""
    path = role.path
    first = leads == "alongside" and bool(path.alongside)
    out: list[Block] = facts(path.alongside, quotes, PATH_ALONGSIDE_FIRST) if first else []
    out += [Para(path.intro.text)] if path.intro else []
    if path.steps:
        out.append(Bullets(tuple(item(f) for f in path.steps), numbered=len(path.steps) > 1,
                           title=PATH_ORDERED, show_quotes=quotes))
    out += facts(path.requirements, quotes, PATH_UNORDERED)
    if not first:
        out += facts(path.alongside, quotes, PATH_ALONGSIDE)
    return out


def _skills(role: Role, quotes: bool) -> list[Block]:
    skills = [s._replace(text=s.label or s.text, label=None) if s.text == " ".join(s.quote) else s
              for s in role.skills]
    return grouped(skills, quotes, SKILL_KINDS, key=lambda f: f.kind)


def _salary(role: Role, quotes: bool, summary: SalarySummary | None = None, chart: bool = False) -> list[Block]:
    summary = summary or salary_summary(role)
    if not summary.rows:
        return []
    cur = summary.currency
    rows = tuple(
        (r.estimate.source, r.estimate.measure or "",
         r.annual.describe(cur) if r.annual else "-", r.hourly.describe(cur) if r.hourly else "-",
         r.estimate.basis or "")
        for r in summary.rows
    )
    out: list[Block] = [Table(("Source", "Measure", "Per year", "Per hour", "Basis"), rows, frozenset({2, 3}))]
    if len(summary.rows) > 1:
        out.append(Para("Each source measures something different (see Measure): the figures are separate "
                        "estimates, not a range.", "note"))
    if summary.has_derived:
        out.append(Para(derived_note(summary), "note"))
    if chart:
        peak = [(r.estimate.source, r.annual.value, r.annual.describe(cur)) for r in summary.rows if r.annual]
        out.append(Bars(tuple(peak)))
    if role.salary and role.salary.note:
        out.append(Para(role.salary.note.text, "dim"))
    out.append(Bullets(tuple(Item(r.estimate.source, quote=r.estimate.quote,
                                  details=(r.estimate.url,) if r.estimate.url else ()) for r in summary.rows),
                       title="As the source states it", show_quotes=True))
    return out


def _quoted(attr: str):
    """Sections that are mostly an expert's words: their quotes are always shown."""
    return lambda role, quotes: facts(getattr(role, attr), True)


def _titles(role: Role, quotes: bool) -> list[Block]:
    names = role.titles.names
    if not names:
        return []
    out: list[Block] = [Para(role.titles.intro.text)] if role.titles.intro else []
    listed = []
    for title in names:
        details = []
        if title.display_note:
            details.append(title.display_note)
        if title.role:
            details.append(Hint(f"profiled: mlcareer show {title.role}"))
        listed.append(Item(title.shown, details=tuple(details)))
    return out + [Bullets(tuple(listed))]


def _pros_cons(role: Role, quotes: bool) -> list[Block]:
    return (facts(role.pros_cons.intro, True, "How the source frames them", label=False)
            + facts(role.pros_cons.pros, True, "Pros", label=False)
            + facts(role.pros_cons.cons, True, "Cons", label=False))


def course_item(course: Course) -> Item:
    details = tuple(d for d in (
        course.provider and f"provider: {course.provider}",
        course.avg_time and f"average time: {course.avg_time}",
        course.skills and "skills: " + ", ".join(course.skills),
        course.url and (f"link on \u201c{course.link_on}\u201d: {course.url}" if course.link_on else course.url),
    ) if d)
    return Item(course.name, quote=course.quote, details=details)


def _resources(role: Role, quotes: bool) -> list[Block]:
    return [Bullets(tuple(course_item(c) for c in role.resources), show_quotes=True)] if role.resources else []


def _not_covered(role: Role, quotes: bool) -> list[Block]:
    if not role.not_covered:
        return []
    return [Para("The source gives no information on:"), Bullets(tuple(Item(t) for t in role.not_covered))]


def _sources(role: Role, quotes: bool, leads: str | None = None) -> list[Block]:
    """Where the facts come from: the page, the pay estimates' sources, the people quoted, the
    source's headings; the people first when the question asks who (``leads``)."""
    src = role.source
    rows = [("Title", src.title), ("Publisher", src.publisher), ("Author", src.author), ("URL", src.url),
            ("Published", src.published), ("Updated", src.modified)]
    out: list[Block] = [Table(("Field", "Value"), tuple((k, v) for k, v in rows if v))]
    cited = [(e.source, e.url) for e in (role.salary.estimates if role.salary else ()) if e.url]
    if cited:
        out.append(Bullets(tuple(Item(name, details=(url,)) for name, url in cited),
                           title="Pay estimates the source cites"))
    if role.salary and role.salary.note:  # how far the source says its own pay figures go
        out.append(Bullets((Item(role.salary.note.text, quote=role.salary.note.quote),),
                           title="What the source says of its pay figures"))
    people = quoted_people(role)
    if people:
        quoted = Bullets(tuple(Item(f.speaker or "", quote=f.quote) for f in people), show_quotes=True,
                         title="People the source quotes")
        out.insert(0 if leads == "people" else len(out), quoted)
    origins = section_origins(role)
    by_section = {s.key: s for s in SECTIONS}
    rows2 = tuple((by_section[key].heading, "; ".join(heads)) for key, heads in origins.items() if heads)
    if rows2:
        out.append(Para("Where each section's facts stand in the source (its headings):"))
        out.append(Table(("Section", "Source heading"), rows2))
    return out


# One renderer per section, by its key (sections.SECTIONS holds everything else about a section;
# tests/test_sections.py checks that the two list the same keys in the same order).
BUILDERS = {
    "overview": _overview,
    "duties": _duties,
    "typical_day": _quoted("typical_day"),
    "industries": _labelled("industries"),
    "path": _path,
    "skills": _skills,
    "salary": _salary,
    "careers": _quoted("careers"),
    "titles": _titles,
    "pros_cons": _pros_cons,
    "resources": _resources,
    "not_covered": _not_covered,
    "sources": _sources,
}


# Sections an answer may open with one of their parts (``Part.leads``): the path's advice, the
# people the source quotes.
LEADING = {"path": _path, "sources": _sources}


def section_blocks(role: Role, section: Section, quotes: bool = False, heading: bool = True,
                   leads: str | None = None) -> list[Block]:
    """A section's blocks; ``leads``: the part an answer to a topic shows first (``LEADING``)."""
    led = LEADING.get(section.key) if leads else None
    body = led(role, quotes, leads) if led else BUILDERS[section.key](role, quotes)
    if not body and section.key != "not_covered":
        body = [Para(SILENT, "warn")]
    return ([Heading(section.heading)] if heading and body else []) + body


def profile(role: Role, sections: Sequence[Section] = SECTIONS, quotes: bool = False) -> list[Block]:
    out = role_header(role)
    for section in sections:
        out += section_blocks(role, section, quotes)
    return out


def salary_page(summary: SalarySummary, chart: bool = True) -> list[Block]:
    role = summary.role
    body = _salary(role, True, summary, chart) or [Para(SILENT + " (no pay figures)", "warn")]
    return role_header(role) + [Heading("Pay")] + body


def titles_page(result: TitleResult) -> list[Block]:
    matches, query, total, role_titles, intros, read_as = result
    if not matches:
        return []  # the reason goes to stderr
    many = len({m.listed_by for m in matches}) > 1
    columns = (("Score",) if query else ()) + ("Title",) + (("Listed in",) if many else ()) + ("Profile",)
    rows = []
    for m in matches:
        row = ((f"{m.score:.0f}",) if query else ()) + (flagged(m.title, short=True),)
        row += (role_titles.get(m.listed_by, m.listed_by),) if many else ()
        row += (Hint(f"mlcareer show {m.title.role}") if m.title.role else "-",)
        rows.append(row)
    heading = f"Related job titles matching \u201c{query}\u201d" if query else "Related job titles"
    if read_as:
        heading += f" (read as \u201c{read_as}\u201d)"
    page: list[Block] = [Heading(heading, 1)]
    page += [Para(f"{role_titles.get(slug, slug)}: {text}" if len(intros) > 1 else text) for slug, text in intros.items()]
    page.append(Table(columns, tuple(rows), frozenset({0}) if query else frozenset()))
    page += [Para(f"{m.title.shown}: {m.title.display_note}.", "dim") for m in matches if m.title.display_note]
    if total > len(matches):
        page.append(Para(f"{total - len(matches):,} more; use --limit N to see more.", "hint"))
    return page


def flagged(title: Title, short: bool = False) -> str:
    """A title as shown, with mlcareer's own display form flagged as such (``short``: the flag
    alone, for a table followed by the full note)."""
    if not title.display_note:
        return title.shown
    return f"{title.shown} ({DISPLAY_FLAG})" if short else f"{title.shown} ({title.display_note})"


def roles_page(entries: list[RoleEntry]) -> list[Block]:
    rows = tuple((slug, title, ", ".join(aliases), origin + (f" (overrides {', '.join(over)})" if over else ""))
                 for slug, title, aliases, origin, over in entries)
    return [Heading("Roles", 1), Table(("Slug", "Title", "Also known as", "From"), rows)]


def validation_page(checks: list[FileCheck]) -> list[Block]:
    """``file:line: field: message`` for each problem, ``file: ok (N roles)`` for a valid file."""
    lines = []
    for path, roles, problems in checks:
        if problems:
            lines += [str(problem) for problem in problems]
        else:
            lines.append(f"{path}: ok ({roles} role{'s' if roles != 1 else ''})")
    return [Para(line, "line") for line in lines]



def pay_estimates(summary: SalarySummary, field: str) -> str:
    """Each source's figure with its measure, never merged into one range."""
    per = " a year" if field == "annual" else " an hour"
    shown = [f"{figure.describe(summary.currency)}{per} ({row.estimate.source}"
             + (f", {row.estimate.measure})" if row.estimate.measure else ")")
             for row in summary.rows if (figure := getattr(row, field)) is not None]
    return "; ".join(shown) or "not in the source"


def education_path(role: Role) -> str:
    """The ordered steps numbered, then the requirements the source does not place in that order;
    each in its shown text, so the source's hedges (most, might, likely, some) stay with it."""
    path = role.path

    def said(fact: Fact) -> str:
        return unstopped(credited(fact))

    shown = "; ".join(f"{n}. {said(s)}" for n, s in enumerate(path.steps, 1))
    if path.requirements:
        also = "; ".join(said(s) for s in path.requirements)
        shown = f"{shown}; also named as requirements, at no stated point: {also}" if shown else also
    return shown


def unstopped(text: str) -> str:
    """A sentence without its full stop, to join it to others with semicolons; an abbreviation
    keeps its own ("some even require a Ph.D.")."""
    last = text.rsplit(None, 1)[-1] if text.strip() else ""
    return text if last.count(".") > 1 else text.removesuffix(".")


def derived_note(summary: SalarySummary) -> str:
    return f"Derived figures are computed by mlcareer, not stated by the source; they assume {summary.assumption}."


def skill_texts(role: Role, names: Sequence[str]) -> list[str]:
    """The skills as the source puts them, hedges kept ("a deep understanding of math"), credited."""
    wanted = {normalise(n) for n in names}
    return list(dict.fromkeys(credited(s) for s in role.skills if normalise(s.label or s.text) in wanted))


def skill_credit(role: Role, names: Sequence[str]) -> list[str]:
    speakers = skill_speakers(role)
    return [f"{n} (according to {speakers[n]})" if n in speakers else n for n in names]


def compare_page(comparison: Comparison) -> list[Block]:
    roles = comparison.roles

    def row(name: str, values) -> tuple[str, ...]:
        return (name, *(v or "not in the source" for v in values))

    rows = (
        row("Source", [f"{r.source.title}" + (f" ({r.source.publisher})" if r.source.publisher else "") for r in roles]),
        row("Pay per year", [pay_estimates(p, "annual") for p in comparison.pay]),
        row("Pay per hour", [pay_estimates(p, "hourly") for p in comparison.pay]),
        row("Education path", [education_path(r) for r in roles]),
        row("Skills only here", [" ".join(skill_texts(r, d)) or "none"
                                 for r, d in zip(roles, comparison.distinct_skills)]),
        row("Skills they share, as each source puts them", [" ".join(skill_texts(r, comparison.shared_skills)) or "none"
                                                            for r in roles]),
        row("Duties", ["; ".join(unstopped(d.text) for d in r.duties) for r in roles]),
        row("Related titles", [", ".join(flagged(t) for t in r.titles.names) for r in roles]),
    )
    shared = ", ".join(skill_credit(roles[0], comparison.shared_skills)) or "none"
    out: list[Block] = [Heading("Compared: " + " / ".join(r.title for r in roles), 1),
                        Table(("", *(r.title for r in roles)), rows),
                        Para(f"Skills they share: {shared}.")]
    if any(p.has_derived for p in comparison.pay):
        out.append(Para(derived_note(next(p for p in comparison.pay if p.has_derived)), "note"))
    return out


FIT_NOTE = ("The questions are mlcareer's, based on the article. Under each: mlcareer's summary of what "
            "the article says, then the article's own words.")


def fit_page(role: Role, answers: list[str]) -> list[Block]:
    groups: dict[str, list[FitQuestion]] = {"yes": [], "no": [], "unsure": []}
    for question, answer in zip(role.fit, answers):
        groups[answer].append(question)
    titles = {"yes": "You said yes", "no": "You said no", "unsure": "You weren't sure"}
    out: list[Block] = role_header(role) + [Heading("Is it for you? Your answers, and what the source says"),
                                            Para(FIT_NOTE, "dim")]
    for answer in ("yes", "no", "unsure"):
        if groups[answer]:
            items = tuple(Item(q.question, quote=q.fact.quote,
                               details=("Summary: " + credited(q.fact),) + link_details(q.fact)
                               + ((f"section: {q.fact.section}",) if q.fact.section else ()))
                          for q in groups[answer])
            out.append(Bullets(items, title=titles[answer], show_quotes=True))
    out.append(Para("This is not a test and there is no score: it only puts your answers next to what the "
                    "source says, so you can weigh them yourself.", "note"))
    return out


def answer_page(answer) -> list[Block]:
    """The blocks for one answer of ``mlcareer ask`` (an ``answers.Answer``): its message, then the
    sections the query layer chose, each as ``show`` prints it, with quotes."""
    # start-up: show and the other pages do not load the ask layer
    from ..answers import NOT_COVERED, NOT_UNDERSTOOD, RELATED

    role = answer.role
    if answer.outcome == RELATED:
        title = answer.related
        return [Heading(title.shown, 1), Para(source_line(role), "dim"), Para(answer.message),
                Para(f"See: {shell_command('mlcareer', 'titles', '--search', title.shown)}, or ask about the {role.title}.",
                     "hint")]
    if answer.outcome == NOT_UNDERSTOOD:
        heading = f"{role.title}: not sure"
    else:
        heading = f"{role.title}: {answer.topic.heading}" if answer.topic else f"{role.title}: not covered"
    out: list[Block] = [Heading(heading, 1), Para(source_line(role), "dim")]
    if answer.message:
        out.append(Para(answer.message, "warn"))
    for part in answer.parts:
        if answer.outcome == NOT_COVERED:
            out.append(Heading(f"What the source does say on the nearest topic: {part.topic.heading}"))
        elif answer.outcome == NOT_UNDERSTOOD:
            out.append(Heading(f"A guess: {part.topic.heading}"))
        out += section_blocks(role, part.section, quotes=True, heading=False, leads=part.leads) or [
            Para(SILENT, "warn")]
    for other in answer.also:  # a post's other questions: each with its own answer or why there is none
        page = answer_page(other)
        said = page[0].text.split(": ", 1)[-1] if isinstance(page[0], Heading) else ""
        out.append(Heading(f"You also asked \u201c{other.question}\u201d: {said}", 1))
        out += page[2:] if page[1:2] == [Para(source_line(role), "dim")] else page[1:]  # the source line is said once
    return out
