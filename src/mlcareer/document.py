"""One validated role file, indexed for the questions commands ask of it.

The index (role names, a name lookup, the title tables) is computed once per file version,
and kept by ``cache`` beside the roles so that a warm run parses only what it needs. A
``Document`` is the in-memory form; ``cache.CachedDocument`` reads the same parts lazily from a
cache entry and raises ``Stale`` for a part it cannot use, so its owner (the catalog) can read
the file again.
"""

from __future__ import annotations

from typing import Any


class Stale(Exception):
    """A part of a cached document cannot be used (damaged, or built by another rapidfuzz)."""


def build_index(doc: dict) -> tuple[dict, dict, dict, dict]:
    """(header, title table, title lookup, search choices) for a normalised document.

    The title table is columnar and compact: ``names`` and ``roles`` (the listing role's
    index) per title, and ``extra`` (display name, aliases, profile slug) only for titles that
    have any. The search choices are every searchable spelling, already in rapidfuzz's
    processed form (``choices``), and the title each spells (``owners``); ``rapidfuzz`` is the
    version that processed them, since another version may process differently.
    """
    import rapidfuzz  # start-up: indexing runs on a cache miss only; a cached run needs none of these
    from rapidfuzz.utils import default_process

    from .text import normalise  # start-up: a Tab reads titles from the cache without loading text

    heads = [[r["slug"], r["title"], r["aliases"], r["source"]] for r in doc["roles"]]
    lookup: dict[str, int] = {}
    for i, (slug, title, aliases, _) in enumerate(heads):
        for name in (slug, title, *aliases):
            lookup.setdefault(normalise(name), i)
    names: list[str] = []
    roles: list[int] = []
    extra: dict[str, list] = {}
    choices: list[str] = []
    owners: list[int] = []
    title_lookup: dict[str, int] = {}
    for i, role in enumerate(doc["roles"]):
        for t in (role.get("titles") or {}).get("names", ()):
            index = len(names)
            names.append(t["name"])
            roles.append(i)
            if t["display"] or t["aliases"] or t["role"]:
                extra[str(index)] = [t["display"], t["aliases"], t["role"]]
            for spelling in dict.fromkeys((t["name"], t["display"] or t["name"], *t["aliases"])):
                choices.append(default_process(spelling))
                owners.append(index)
                title_lookup.setdefault(normalise(spelling), index)
    header = {"sources": {s["id"]: s for s in doc["sources"]}, "topics": doc.get("topics") or {},
              "uncovered": doc.get("uncovered") or {},
              "heads": heads, "lookup": lookup}
    table = {"names": names, "roles": roles, "extra": extra}
    search = {"rapidfuzz": rapidfuzz.__version__, "choices": choices, "owners": owners}
    return header, table, title_lookup, search


def title_row(table: dict, index: int) -> tuple[int, str, str | None, list[str], str | None]:
    """(role index, name, display, aliases, profile slug) of one title in a title table."""
    display, aliases, profile = table["extra"].get(str(index)) or (None, [], None)
    return table["roles"][index], table["names"][index], display, aliases, profile


class Document:
    """A validated file in memory: ``path`` is where it was read from."""

    def __init__(self, path: str, header: dict, roles: list[dict] | None = None,
                 title_table: dict | None = None, title_lookup: dict | None = None,
                 search: dict | None = None) -> None:
        self.path = path
        self.header = header
        self._roles = roles or []
        self._table = title_table or {}
        self._title_lookup = title_lookup or {}
        self._search = search or {}

    @classmethod
    def from_validated(cls, path: str, doc: dict) -> Document:
        """Index a normalised document (as ``loader.read_document`` returns it)."""
        header, table, title_lookup, search = build_index(doc)
        return cls(path, header, doc["roles"], table, title_lookup, search)

    @property
    def heads(self) -> list[list]:
        return self.header["heads"]

    @property
    def lookup(self) -> dict[str, int]:
        return self.header["lookup"]

    @property
    def sources(self) -> dict[str, dict]:
        return self.header["sources"]

    @property
    def topics(self) -> dict[str, Any]:
        return self.header["topics"]

    @property
    def uncovered(self) -> dict[str, Any]:
        return self.header.get("uncovered") or {}

    def role(self, index: int) -> dict:
        return self._roles[index]

    def roles(self) -> list[dict]:
        return self._roles

    def title_table(self) -> dict:
        return self._table

    def title_lookup(self) -> dict[str, int]:
        return self._title_lookup

    def search_choices(self) -> dict:
        return self._search
