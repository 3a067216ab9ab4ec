"""The catalog: the built-in role file plus any user files, merged, cached and modelled.

Roles are built lazily: a catalog of a thousand roles only models the ones a command asks for.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from . import cache
from .loader import read_document, read_text
from .model import Course, Fact, Path, ProsCons, Role, Salary, SalaryEstimate, Source, Title, Titles

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


def load_document(path: str) -> dict:
    """A validated, normalised document, from the cache when the file has not changed."""
    try:
        st = os.stat(path)
    except OSError:
        st = None
    if st is not None:
        doc = cache.load(path, st)
        if doc is not None:
            return doc
    doc, st = read_document(path)
    cache.store(path, st, doc)
    return doc


def load_catalog(paths: Iterable[str] = (), *, builtin: bool = True) -> Catalog:
    """The built-in roles plus those in ``paths`` (later files override earlier slugs)."""
    documents = []
    if builtin:
        documents.append((BUILTIN, load_document(builtin_data_path())))
    for path in paths:
        documents.append((os.fspath(path), load_document(os.fspath(path))))
    return Catalog(documents)


class Catalog:
    """Roles by slug, in file order; user files override built-in slugs."""

    def __init__(self, documents: list[tuple[str, dict]]) -> None:
        self.origins = [origin for origin, _ in documents]
        self._entries: dict[str, tuple[dict, dict, str]] = {}
        self.overridden: dict[str, list[str]] = {}
        self.topics: dict[str, dict[str, list[str]]] = {}
        self._roles: dict[str, Role] = {}
        for origin, doc in documents:
            sources = {s["id"]: s for s in doc.get("sources", ())}
            for role in doc.get("roles", ()):
                slug = role["slug"]
                if slug in self._entries:
                    self.overridden.setdefault(slug, []).append(self._entries[slug][2])
                    del self._entries[slug]  # re-insert: an override takes the new file's place
                self._entries[slug] = (role, sources[role["source"]], origin)
            for topic, extra in (doc.get("topics") or {}).items():
                merged = self.topics.setdefault(topic, {"phrases": [], "keywords": []})
                merged["phrases"] += extra.get("phrases", [])
                merged["keywords"] += extra.get("keywords", [])

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
            raw, source, origin = self._entries[slug]
            role = self._roles[slug] = build_role(raw, source, origin)
        return role

    def roles(self) -> Iterator[Role]:
        return (self.role(slug) for slug in self._entries)

    def names(self) -> Iterator[tuple[str, str, list[str]]]:
        """(slug, title, aliases) for every role, without modelling them."""
        for slug, (raw, _, _) in self._entries.items():
            yield slug, raw["title"], raw["aliases"]

    def titles(self) -> Iterator[tuple[Title, str]]:
        """Every related title with the slug of the role that lists it, without modelling roles."""
        for slug, (raw, _, _) in self._entries.items():
            for title in (raw.get("titles") or {}).get("names", ()):
                yield Title.from_dict(title), slug


def _facts(items: Iterable[dict] | None) -> tuple[Fact, ...]:
    return tuple(Fact.from_dict(item) for item in items or ())


def _fact(item: dict | None) -> Fact | None:
    return Fact.from_dict(item) if item else None


def build_role(raw: dict[str, Any], source: dict[str, Any], origin: str) -> Role:
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
    )
