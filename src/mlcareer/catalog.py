"""The catalog: the built-in role file plus any user files, merged, cached and modelled.

Roles are built lazily: a catalog of a thousand roles only models the ones a command asks for.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from . import cache
from .document import Document, Stale, title_row
from .sections import SECTIONS

if TYPE_CHECKING:
    from .model import Role, Title

T = TypeVar("T")
BUILTIN = "built-in"
DATA_ENV = "MLCAREER_DATA"


def builtin_data_path(name: str = "roles.yaml") -> str:
    """A packaged data file; in a source checkout, the repository's ``data/NAME``."""
    here = os.path.dirname(os.path.abspath(__file__))
    packaged = os.path.join(here, "data", name)
    if os.path.exists(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(here)), "data", name)


STARTER_FILES = {"role": ("example-role.yaml", "my-roles.yaml"), "source": ("example-source.md", "my-source.md")}


def starter_path(kind: str = "role") -> str:
    """A starter file ``mlcareer example-role`` prints (``role`` or ``source``): packaged as
    ``data/example-*``; in a source checkout, the repository's ``examples/my-*`` it is built from."""
    packaged, in_repository = STARTER_FILES[kind]
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "data", packaged)
    if os.path.exists(path):
        return path
    return os.path.join(os.path.dirname(os.path.dirname(here)), "examples", in_repository)


def env_data_paths() -> list[str]:
    """Paths from ``MLCAREER_DATA`` (joined by the OS path separator)."""
    return [p for p in os.environ.get(DATA_ENV, "").split(os.pathsep) if p]


def load_named(data: list[str]) -> Catalog:
    """The catalog a command reads: the built-in roles, then the files ``MLCAREER_DATA`` names,
    then ``data`` (``--data``), each file once. A file that cannot be used because the variable
    names it says so (``MLCAREER_DATA: /gone.yaml: no such file``): a user who set it long ago
    should not hunt for where the path came from."""
    from .errors import DataError  # start-up: a Tab reads the catalog without loading errors

    env = env_data_paths()
    try:
        return load_catalog(once([*env, *data]))
    except DataError as exc:
        if exc.path in env and exc.path not in data:
            raise DataError(f"{DATA_ENV}: {exc.path}", exc.message, exc.line, exc.field) from None
        raise


def once(paths: list[str]) -> list[str]:
    """Each file once, however often it is named (``--data f --data f``), at its first place."""
    seen: dict[str, str] = {}
    for path in paths:
        seen.setdefault(os.path.realpath(path), path)
    return list(seen.values())


def load_document(path: str, *, cached: bool = True) -> Document:
    """A validated, indexed document: from the cache when the file has not changed (and
    ``cached``), else read from the file and cached for next time."""
    if cached:
        try:
            st = os.stat(path)
        except OSError:
            st = None
        if st is not None:
            found = cache.load(path, st)
            if found is not None:
                return found
    from .loader import read_document  # only on a cache miss: it brings yaml and the schema

    doc, st = read_document(path)
    document = Document.from_validated(path, doc)
    cache.store(st, document)
    return document


def load_catalog(paths: Iterable[str] = (), *, builtin: bool = True) -> Catalog:
    """The built-in roles plus those in ``paths`` (later files override earlier slugs)."""
    documents = []
    if builtin:
        documents.append((BUILTIN, load_document(builtin_data_path())))
    for path in paths:
        documents.append((os.fspath(path), load_document(os.fspath(path))))
    return Catalog(documents)


class TitleChoices:
    """One file's searchable title spellings, for ``queries.search_titles``.

    A plain class, not a NamedTuple: it is defined on every run (completion included) and
    used only by a search; a NamedTuple costs ten times as much to define.
    """

    __slots__ = ("choices", "document", "hidden", "owners")

    def __init__(self, document: int, choices: list[str], owners: list[int], hidden: set[int]) -> None:
        self.document = document  # the file's position in the catalog
        self.choices = choices  # every spelling, processed for rapidfuzz (``default_process``)
        self.owners = owners  # for each spelling, the title it spells
        self.hidden = hidden  # titles listed by a role that a later file overrides


class Catalog:
    """Roles by slug, in file order; a later file's role overrides an earlier one's slug.

    Files are read from the cache when they can be; a cached part that cannot be used
    (``document.Stale``) is read again from its file, here, once.
    """

    def __init__(self, documents: list[tuple[str, Document]]) -> None:
        self._documents = documents
        self._entries: dict[str, tuple[int, int]] = {}  # slug -> (document number, role index)
        self.overridden: dict[str, list[str]] = {}
        self.topics: dict[str, dict[str, list[str]]] = {}
        self.uncovered: dict[str, dict[str, Any]] = {}  # subject -> its text, nearest topics, words
        self._roles: dict[str, Role] = {}
        for number, (origin, document) in enumerate(documents):
            for index, head in enumerate(document.heads):
                slug = head[0]
                if slug in self._entries:
                    self.overridden.setdefault(slug, []).append(self.origin(slug))
                    del self._entries[slug]  # re-insert: an override takes the new file's place
                self._entries[slug] = (number, index)
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
        return self._documents[self._entries[slug][0]][0]

    def _read(self, number: int, part: Callable[[Document], T]) -> T:
        """A part of a document; if its cached form cannot be used, the file is read again."""
        try:
            return part(self._documents[number][1])
        except Stale:
            origin, old = self._documents[number]
            fresh = load_document(old.path, cached=False)
            if fresh.heads != old.heads:
                from .errors import DataError  # start-up: only a file changed mid-read needs it

                raise DataError(old.path, "the file changed while it was being read; run the command again") from None
            self._documents[number] = (origin, fresh)
            return part(fresh)

    def role(self, slug: str) -> Role:
        role = self._roles.get(slug)
        if role is None:
            number, index = self._entries[slug]
            raw = self._read(number, lambda d: d.role(index))
            document = self._documents[number][1]
            role = self._roles[slug] = build_role(raw, document.sources[raw["source"]], self.origin(slug))
        return role

    def names(self) -> Iterator[tuple[str, str, list[str]]]:
        """(slug, title, aliases) for every role, without modelling them."""
        for slug, (number, index) in self._entries.items():
            _, title, aliases, _ = self._documents[number][1].heads[index]
            yield slug, title, aliases

    def _current(self, number: int, index: int) -> str | None:
        """The slug of a document's role if that role is the one in force (not overridden)."""
        slug = self._documents[number][1].heads[index][0]
        return slug if self._entries.get(slug) == (number, index) else None

    def find(self, wanted: str) -> str | None:
        """The slug whose slug, title or alias normalises to ``wanted`` (a normalised name)."""
        for _, document in reversed(self._documents):
            index = document.lookup.get(wanted)
            if index is not None:
                return document.heads[index][0]
        return None

    def find_title(self, wanted: str) -> tuple[Title, str] | None:
        """A related title (and the slug listing it) whose spelling normalises to ``wanted``."""
        for number in reversed(range(len(self._documents))):
            index = self._read(number, lambda d: d.title_lookup()).get(wanted)
            if index is not None:
                found = self.title_at(number, index)
                if found is not None:
                    return found
        return None

    def title_at(self, number: int, index: int) -> tuple[Title, str] | None:
        """Title ``index`` of document ``number`` and the slug listing it; None if overridden."""
        return self._title_in(number, self._read(number, lambda d: d.title_table()), index)

    def _title_in(self, number: int, table: dict, index: int) -> tuple[Title, str] | None:
        row = title_row(table, index)
        slug = self._current(number, row[0])
        return (_title(row), slug) if slug else None

    def titles(self, slug: str | None = None) -> Iterator[tuple[Title, str]]:
        """Related titles with the slug of the role listing them (of one role, or all)."""
        for number, indexes in self._title_indexes(slug):
            table = self._read(number, lambda d: d.title_table())
            for index in indexes:
                found = self._title_in(number, table, index)
                if found is not None:
                    yield found

    def title_choices(self, slug: str | None = None) -> Iterator[TitleChoices]:
        """Each file's searchable title spellings (only those of role ``slug``, if given)."""
        for number, indexes in self._title_indexes(slug):
            search = self._read(number, lambda d: d.search_choices())
            choices, owners = search["choices"], search["owners"]
            if slug is not None:
                wanted = set(indexes)
                keep = [i for i, owner in enumerate(owners) if owner in wanted]
                choices, owners = [choices[i] for i in keep], [owners[i] for i in keep]
            yield TitleChoices(number, choices, owners, self._hidden_titles(number) if self.overridden else set())

    def _hidden_titles(self, number: int) -> set[int]:
        heads = self._documents[number][1].heads
        stale = {i for i in range(len(heads)) if not self._current(number, i)}
        roles = self._read(number, lambda d: d.title_table())["roles"]
        return {title for title, role in enumerate(roles) if role in stale} if stale else set()

    def _title_indexes(self, slug: str | None) -> Iterator[tuple[int, range | list[int]]]:
        if slug is not None:
            number, index = self._entries[slug]
            roles = self._read(number, lambda d: d.title_table())["roles"]
            yield number, [i for i, role in enumerate(roles) if role == index]
            return
        for number in range(len(self._documents)):
            yield number, range(len(self._read(number, lambda d: d.title_table())["names"]))


def _title(row: tuple) -> Title:
    from .model import Title  # start-up: completion never needs the model

    _, name, display, aliases, profile = row
    return Title(name, display, tuple(aliases), profile)


def build_role(raw: dict[str, Any], source: dict[str, Any], origin: str) -> Role:
    """Model one validated role, each section's field by the model's ``FROM_FIELD``."""
    from .model import FROM_FIELD, Fact, FitQuestion, Role, Source  # start-up: completion never needs the model

    return Role(
        slug=raw["slug"],
        title=raw["title"],
        aliases=tuple(raw["aliases"]),
        source=Source(**{k: v for k, v in source.items() if k != "saved"}),  # saved: verify's, not shown
        origin=origin,
        **{s.key: FROM_FIELD[s.key](raw.get(s.key)) for s in SECTIONS if s.key in FROM_FIELD},
        fit=tuple(FitQuestion(q["question"], Fact.from_dict(q)) for q in raw.get("fit") or ()),
    )
