"""One validated role file, indexed for the questions commands ask of it.

The index (role names, a name lookup, the title-search table) is computed once per file
version, and kept by ``cache`` beside the roles so that a warm run parses only what it needs.
"""

from __future__ import annotations

from typing import Any


def build_index(doc: dict) -> tuple[dict, dict, dict]:
    """(header index, title table, title lookup) for a normalised document.

    The title table is columnar and compact, because ``titles --search`` parses all of it:
    ``names`` and ``roles`` (the listing role's index) per title, ``extra`` (display name,
    aliases, profile slug) only for titles that have any, and ``choices``/``owners``: every
    searchable spelling, already in rapidfuzz's processed form, and the title it spells.
    """
    from rapidfuzz.utils import default_process

    from .text import normalise

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
    table = {"names": names, "roles": roles, "extra": extra, "choices": choices, "owners": owners}
    return header, table, title_lookup


def title_row(table: dict, index: int) -> tuple[int, str, str | None, list[str], str | None]:
    """(role index, name, display, aliases, profile slug) of one title in a title table."""
    display, aliases, profile = table["extra"].get(str(index)) or (None, [], None)
    return table["roles"][index], table["names"][index], display, aliases, profile


class Document:
    """A validated file in memory (just parsed, or the built-in one)."""

    def __init__(self, doc: dict) -> None:
        self._roles = doc["roles"]
        self.header, self._table, self._title_lookup = build_index(doc)

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

    def title_table(self) -> dict:
        return self._table

    def title_lookup(self) -> dict[str, int]:
        return self._title_lookup
