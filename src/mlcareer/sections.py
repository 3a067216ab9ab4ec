"""The profile's sections, in the fixed order ``show`` prints them (after the U.S. Occupational
Outlook Handbook: what they do, work environment, how to become one, pay, outlook, similar jobs).

The registry is plain data at the bottom of the package: each section's key (the JSON key, the
``Role`` field and the role-file field), its ``--section`` name, heading and summary. Each layer
owns its part of a section and looks it up by key: the role-file rule in ``schema.SECTION_SPECS``,
the ``Role`` field in ``model.FROM_FIELD`` (and the records that name their source heading in
``model.CITED``), the JSON in ``export.SECTION_JSON``, the rendering in ``views.blocks.BUILDERS``.
This module imports none of them, so every layer can read it (tests/test_sections.py checks that
each table holds the keys it should, in this order).

Every run of the CLI imports this module (for ``--help`` and completion): it defines data only.
"""

from __future__ import annotations

from typing import NamedTuple


class Section(NamedTuple):
    key: str  # JSON key, Role field and role-file field
    heading: str  # heading in text and Markdown output
    summary: str  # one line for --help and completion

    @property
    def name(self) -> str:
        """The command-line spelling."""
        return self.key.replace("_", "-")


SECTIONS: tuple[Section, ...] = (
    Section("overview", "What they do", "what the role is"),
    Section("duties", "Duties", "main and additional duties"),
    Section("typical_day", "A typical day", "what a day looks like"),
    Section("industries", "Industries", "where they work"),
    Section("path", "How to become one", "the steps the source puts in order, the requirements it names, what helps"),
    Section("skills", "Skills", "hard, soft and thinking skills"),
    Section("salary", "Pay", "salary estimates per source"),
    Section("careers", "Jobs and career paths", "kinds of jobs and how careers evolve"),
    Section("titles", "Related job titles", "job titles you may run into"),
    Section("pros_cons", "Pros and cons", "advantages and drawbacks"),
    Section("resources", "Courses and job simulations", "the courses and job simulations the source promotes"),
    Section("not_covered", "Not covered by the source", "what the source does not say"),
    Section("sources", "Source", "where the facts come from"),
)
SECTION_NAMES = tuple(s.name for s in SECTIONS)
BY_NAME = {s.name: s for s in SECTIONS} | {s.key: s for s in SECTIONS}


def find_sections(names: list[str]) -> list[Section]:
    """Sections as the user types them: repeated or comma-separated (``salary,path``), each once.
    A name that is empty (``-s ""``) is a usage error, not "every section"."""
    wanted = [part for name in names for part in name.split(",") if part.strip()]
    if names and not wanted:
        from .errors import UsageError  # start-up: a Tab and most runs load sections without errors

        raise UsageError(f"The section name is empty; name one of: {', '.join(SECTION_NAMES)}.")
    return list(dict.fromkeys(find_section(name) for name in wanted))


_SMALL_WORDS = {"a", "and", "the", "by", "to", "of", "one", "what", "they", "do", "is", "on", "side"}


def _words(section: Section) -> set[str]:
    """The words that name a section: those of its heading, and those of the ``ask`` topics that
    refine it ("Degrees and education" and "Advice: certifications, bootcamps" are the path)."""
    from .topics import TOPICS  # start-up: read only when a name is not a section's own

    headings = [section.heading] + [t.heading for t in TOPICS if t.section == section.key and t.key != t.section]
    return {word.strip(",:") for heading in headings for word in heading.lower().split()} - _SMALL_WORDS


def find_section(name: str) -> Section:
    """A section by its name (``pros-cons``), key (``pros_cons``) or heading, in any case, or
    by a word of its heading that no other heading has (``courses``, ``pros``, ``day``), or of
    an ``ask`` topic under it (``education``, ``degree``, ``hourly``). A word that several
    sections share is a usage error naming them (``jobs``: careers or titles)."""
    wanted = " ".join(name.strip().lower().replace("_", " ").replace("-", " ").split())
    for section in SECTIONS:
        if wanted in (section.key.replace("_", " "), section.heading.lower()):
            return section
    word = wanted[:-1] if wanted.endswith("s") and len(wanted) > 3 else wanted
    words = {section: _words(section) for section in SECTIONS}
    owners = [s for s in SECTIONS if any({w, w.rstrip("s")} & {wanted, word} for w in words[s])]
    if not owners and len(wanted) >= 3:  # the start of a word: "edu", "qualif"
        owners = [s for s in SECTIONS if any(w.startswith(wanted) for w in words[s])]
    if len(owners) == 1:
        return owners[0]
    from .errors import UsageError  # start-up: errors, text and rapidfuzz load only for a name not found
    from .text import shorten  # start-up: as above

    if owners:
        raise UsageError(f"{shorten(name)!r} is a word of more than one section.", tuple(s.name for s in owners))
    from rapidfuzz import process

    # a typo of a name or of a word that names a section: "educaton" is close to "education"
    spellings = {s.name: s.name for s in SECTIONS} | {w: s.name for s in SECTIONS for w in words[s]}
    close = process.extract(wanted, list(spellings), limit=6, score_cutoff=75)
    raise UsageError(
        f"No section named {shorten(name)!r} (sections: {', '.join(SECTION_NAMES)}).",
        tuple(dict.fromkeys(spellings[c] for c, _, _ in close))[:3],
    )
