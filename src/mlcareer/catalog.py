"""The catalog: the built-in role file plus any user files, merged, cached and modelled.

Roles are built lazily: a catalog of a thousand roles only models the ones a command asks for.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from . import cache
from .document import Document, title_row

if TYPE_CHECKING:
    from .model import Role, Title

BUILTIN = "built-in"
DATA_ENV = "MLCAREER_DATA"


def builtin_data_path() -> str:
    """The packaged data file; in a source checkout, the repository's ``data/roles.yaml``."""
    here = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(here, "data", "roles.yaml")
    if os.path.exists(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(here)), "data", "roles.yaml")


def env_data_paths() -> list[str]:
    """Paths from ``MLCAREER_DATA`` (joined by the OS path separator)."""
    return [p for p in os.environ.get(DATA_ENV, "").split(os.pathsep) if p]


def load_document(path: str) -> Document:
    """A validated, indexed document, from the cache when the file has not changed."""
    try:
        st = os.stat(path)
    except OSError:
        st = None
    if st is not None:
        cached = cache.load(path, st)
        if cached is not None:
            return cached
    from .loader import read_document  # only on a cache miss: it brings yaml and the schema

    doc, st = read_document(path)
    return cache.store(path, st, doc)


def load_catalog(paths: Iterable[str] = (), *, builtin: bool = True) -> Catalog:
    """The built-in roles plus those in ``paths`` (later files override earlier slugs)."""
    documents = []
    if builtin:
        documents.append((BUILTIN, load_document(builtin_data_path())))
    for path in paths:
        documents.append((os.fspath(path), load_document(os.fspath(path))))
    return Catalog(documents)


class Catalog:
    """Roles by slug, in file order; a later file's role overrides an earlier one's slug."""

    def __init__(self, documents: list[tuple[str, Document]]) -> None:
        self._documents = documents
        self._entries: dict[str, tuple[Document, int, str]] = {}
        self.overridden: dict[str, list[str]] = {}
        self.topics: dict[str, dict[str, list[str]]] = {}
        self.uncovered: dict[str, dict[str, Any]] = {}  # subject -> its text, nearest topics, words
        self._roles: dict[str, Role] = {}
        for origin, document in documents:
            for index, head in enumerate(document.heads):
                slug = head[0]
                if slug in self._entries:
                    self.overridden.setdefault(slug, []).append(self._entries[slug][2])
                    del self._entries[slug]  # re-insert: an override takes the new file's place
                self._entries[slug] = (document, index, origin)
            for topic, extra in document.topics.items():
                merged = self.topics.setdefault(topic, {"phrases": [], "keywords": [], "strong": []})
                for field in merged:
                    merged[field] += extra.get(field) or []
            for key, subject in document.uncovered.items():
                known = self.uncovered.setdefault(key, {})
                for field, value in subject.items():
                    if isinstance(value, list):
                        known[field] = known.get(field, []) + value
                    elif value is not None:
                        known[field] = value

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, slug: object) -> bool:
        return slug in self._entries

    def slugs(self) -> list[str]:
        return list(self._entries)

    def origin(self, slug: str) -> str:
        return self._entries[slug][2]

    def role(self, slug: str) -> Role:
        role = self._roles.get(slug)
        if role is None:
            document, index, origin = self._entries[slug]
            raw = document.role(index)
            role = self._roles[slug] = build_role(raw, document.sources[raw["source"]], origin)
        return role

    def names(self) -> Iterator[tuple[str, str, list[str]]]:
        """(slug, title, aliases) for every role, without modelling them."""
        for slug, (document, index, _) in self._entries.items():
            _, title, aliases, _ = document.heads[index]
            yield slug, title, aliases

    def _current(self, document: Document, index: int) -> str | None:
        """The slug of a document's role if that role is the one in force (not overridden)."""
        slug = document.heads[index][0]
        entry = self._entries.get(slug)
        return slug if entry is not None and entry[0] is document and entry[1] == index else None

    def find(self, wanted: str) -> str | None:
        """The slug whose slug, title or alias normalises to ``wanted`` (a normalised name)."""
        for _, document in reversed(self._documents):
            index = document.lookup.get(wanted)
            if index is not None:
                return document.heads[index][0]
        return None

    def find_title(self, wanted: str) -> tuple[Title, str] | None:
        """A related title (and the slug listing it) whose spelling normalises to ``wanted``."""
        for _, document in reversed(self._documents):
            index = document.title_lookup().get(wanted)
            if index is not None:
                row = title_row(document.title_table(), index)
                slug = self._current(document, row[0])
                if slug:
                    return _title(row), slug
        return None

    def titles(self, slug: str | None = None) -> Iterator[tuple[Title, str]]:
        """Related titles with the slug of the role listing them (of one role, or all)."""
        for document, indexes in self._title_indexes(slug):
            table = document.title_table()
            for index in indexes:
                row = title_row(table, index)
                owner = self._current(document, row[0])
                if owner:
                    yield _title(row), owner

    def search_titles(self, query: str, slug: str | None, cutoff: float,
                      limit: int | None = None) -> tuple[list[tuple[float, Title, str]], int]:
        """The best titles with a spelling scoring at least ``cutoff`` as (score, title, listing
        slug), best first, equal scores in catalog order; and how many titles matched in all."""
        from rapidfuzz import fuzz, process
        from rapidfuzz.utils import default_process

        processed = default_process(query)
        candidates: list[tuple[float, int, int, Document]] = []
        for doc_number, (document, indexes) in enumerate(self._title_indexes(slug)):
            table = document.title_table()
            choices, owners = table["choices"], table["owners"]
            if slug is not None:
                wanted = set(indexes)
                keep = [i for i, owner in enumerate(owners) if owner in wanted]
                choices, owners = [choices[i] for i in keep], [owners[i] for i in keep]
            seen: set[int] = set()
            # Results come best first, ties in choice order: a title's first hit is its best.
            for _, score, position in process.extract(processed, choices, scorer=fuzz.WRatio, processor=None,
                                                      limit=None, score_cutoff=cutoff):
                owner = owners[position]
                if owner not in seen:
                    seen.add(owner)
                    if not self.overridden or self._current(document, table["roles"][owner]):
                        candidates.append((-score, doc_number, owner, document))
        candidates.sort(key=lambda c: c[:3])
        results = []
        for negative_score, _, index, document in candidates[:limit]:
            row = title_row(document.title_table(), index)
            results.append((-negative_score, _title(row), document.heads[row[0]][0]))
        return results, len(candidates)

    def _title_indexes(self, slug: str | None) -> Iterator[tuple[Document, range | list[int]]]:
        if slug is not None:
            document, index, _ = self._entries[slug]
            roles = document.title_table()["roles"]
            yield document, [i for i, role in enumerate(roles) if role == index]
            return
        for _, document in self._documents:
            yield document, range(len(document.title_table()["names"]))


def _title(row: tuple) -> Title:
    from .model import Title

    _, name, display, aliases, profile = row
    return Title(name, display, tuple(aliases), profile)


def build_role(raw: dict[str, Any], source: dict[str, Any], origin: str) -> Role:
    """Model one validated role (the model is imported here: completion never needs it)."""
    from .model import Course, Fact, FitQuestion, Path, ProsCons, Role, Salary, SalaryEstimate, Source, Title, Titles

    def _facts(items):
        return tuple(Fact.from_dict(item) for item in items or ())

    def _fact(item):
        return Fact.from_dict(item) if item else None

    titles = raw.get("titles") or {}
    intro_quote = titles.get("quote") or []
    pros_cons = raw.get("pros_cons") or {}
    path = raw.get("path") or {}
    salary = raw.get("salary")
    return Role(
        slug=raw["slug"],
        title=raw["title"],
        aliases=tuple(raw["aliases"]),
        source=Source(**source),
        origin=origin,
        overview=_facts(raw["overview"]),
        duties=_facts(raw["duties"]),
        typical_day=_facts(raw["typical_day"]),
        industries=_facts(raw["industries"]),
        careers=_facts(raw["careers"]),
        titles=Titles(
            tuple(Title.from_dict(t) for t in titles.get("names", ())),
            Fact(" ".join(intro_quote), tuple(intro_quote), titles.get("section")) if intro_quote else None,
        ),
        pros_cons=ProsCons(_facts(pros_cons.get("pros")), _facts(pros_cons.get("cons"))),
        path=Path(_facts(path.get("steps")), _facts(path.get("alongside")), _fact(path.get("intro"))),
        skills=_facts(raw["skills"]),
        salary=Salary(
            salary.get("currency") or "USD",
            tuple(SalaryEstimate.from_dict(e) for e in salary.get("estimates", ())),
            _fact(salary.get("note")),
        ) if salary else None,
        resources=tuple(Course.from_dict(c) for c in raw["resources"]),
        not_covered=tuple(raw["not_covered"]),
        fit=tuple(FitQuestion(q["question"], Fact.from_dict(q)) for q in raw.get("fit") or ()),
    )
