"""The role-file schema: checks a parsed YAML document and returns it normalised.

Normalised means JSON-ready (lists, str, numbers, None) with every optional field present,
so the model can be built with no further checks and the cache can store it as JSON.
Problems are collected, not raised one by one, so ``mlcareer validate`` can list them all.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable
from typing import Any

from . import SCHEMA_VERSION
from .model import FACT_LISTS
from .sections import SECTIONS
from .topics import TOPIC_KEYS

MAX_TEXT = 20_000  # characters in one string field
MAX_ITEMS = 200_000  # entries in one list

Problem = tuple[tuple, str]  # (path, message)
Path = tuple


class Spec:
    """A field's rule. ``check`` returns the normalised value or records a problem."""

    def check(self, value: Any, path: Path, problems: list[Problem]) -> Any:  # pragma: no cover
        raise NotImplementedError

    def default(self) -> Any:
        return None


def _type_name(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", type(None): "empty"}.get(
        type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__
    )


class Str(Spec):
    def __init__(self, pattern: str | None = None, hint: str = "", max_len: int = MAX_TEXT) -> None:
        self.pattern = re.compile(pattern) if pattern else None
        self.hint = hint
        self.max_len = max_len

    def check(self, value, path, problems):
        if isinstance(value, (_dt.date, _dt.datetime)):
            value = value.isoformat()[:10]
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            problems.append((path, f"expected text, got {_type_name(value)}"))
            return None
        value = str(value).strip()
        if not value:
            problems.append((path, "must not be empty"))
            return None
        if len(value) > self.max_len:
            problems.append((path, f"longer than {self.max_len} characters"))
            return None
        if self.pattern and not self.pattern.fullmatch(value):
            problems.append((path, f"{value[:60]!r} is not {self.hint}"))
            return None
        return value


class Number(Spec):
    def check(self, value, path, problems):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (isinstance(value, float) and math.isnan(value)):
            shown = f" {value[:40]!r}" if isinstance(value, str) else ""
            problems.append((path, f"expected a number, got {_type_name(value)}{shown}"))
            return None
        if value < 0 or value > 1e9:
            problems.append((path, f"{value} is out of range (0 to 1,000,000,000)"))
            return None
        return value


class ListOf(Spec):
    def __init__(self, item: Spec, max_items: int = MAX_ITEMS) -> None:
        self.item = item
        self.max_items = max_items

    def check(self, value, path, problems):
        if not isinstance(value, list):
            problems.append((path, f"expected a list, got {_type_name(value)}"))
            return []
        if len(value) > self.max_items:
            problems.append((path, f"more than {self.max_items} entries"))
            return []
        out = [self.item.check(v, path + (i,), problems) for i, v in enumerate(value)]
        return [v for v in out if v is not None]

    def default(self):
        return []


class OneOrMany(ListOf):
    """A single string or a list of strings; always a list once normalised."""

    def check(self, value, path, problems):
        return super().check([value] if isinstance(value, str) else value, path, problems)


def unknown_field(key: object, known: Iterable[str]) -> str:
    """The message for a field the schema does not know, naming the field meant when the key is
    a misspelling of one (``dutis``: duties), as git suggests a command."""
    from rapidfuzz import fuzz, process  # start-up: only a file with an unknown field needs it

    names = list(known)
    close = process.extractOne(str(key), names, scorer=fuzz.ratio, score_cutoff=70)
    meant = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown field; {meant}(known: {', '.join(names)})"


class Obj(Spec):
    def __init__(self, fields: dict[str, Spec], required: tuple[str, ...] = (), one_of: tuple[str, ...] = ()):
        self.fields = fields
        self.required = required
        self.one_of = one_of

    def check(self, value, path, problems):
        if not isinstance(value, dict):
            problems.append((path, f"expected a mapping, got {_type_name(value)}"))
            return None
        out = {}
        for key in value:
            if key not in self.fields:
                problems.append((path + (key,), unknown_field(key, self.fields)))
        for name, spec in self.fields.items():
            if name in value and value[name] is not None:
                out[name] = spec.check(value[name], path + (name,), problems)
            elif name in self.required:
                problems.append((path + (name,), "required field is missing"))
                out[name] = spec.default()
            else:
                out[name] = spec.default()
        if self.one_of and not any(value.get(k) is not None for k in self.one_of):
            problems.append((path, f"needs one of: {', '.join(self.one_of)}"))
        return self.finish(out)

    def finish(self, out: dict) -> dict:
        return out


class FactSpec(Obj):
    """A statement; without ``text`` the quote is the text, or failing that the label.

    ``links`` are the article's own links in the quoted sentence: its anchor text and address.
    """

    def __init__(self, **extra: Spec) -> None:
        super().__init__(
            {"text": Str(), "quote": OneOrMany(Str()), "section": Str(), "label": Str(),
             "kind": Str(), "speaker": Str(), "links": ListOf(LINK), **extra},
            required=tuple(extra),
            one_of=("text", "quote", "label"),
        )

    def finish(self, out):
        if out["text"] is None:
            out["text"] = " ".join(out["quote"]) or out["label"] or ""
        return out


URL = Str(r"https?://\S+", "a web address (http:// or https://)")
LINK = Obj({"text": Str(), "url": URL}, required=("text", "url"))
SLUG = Str(r"[a-z0-9][a-z0-9-]{0,79}", "a slug (lowercase letters, digits and hyphens)")
DATE = Str(r"\d{4}-\d{2}-\d{2}", "a date (YYYY-MM-DD)")
FACTS = ListOf(FactSpec())

SOURCE = Obj(
    {"id": SLUG, "title": Str(), "publisher": Str(), "author": Str(), "url": URL,
     "published": DATE, "modified": DATE, "saved": Str()},  # saved: a saved copy, for verify
    required=("id", "title"),
)

TITLE = Obj({"name": Str(), "display": Str(), "aliases": ListOf(Str()), "role": SLUG}, required=("name",))

ESTIMATE = Obj(
    {"source": Str(), "url": URL, "measure": Str(), "annual": Number(), "annual_qualifier": Str(),
     "hourly": Number(), "hourly_qualifier": Str(), "basis": Str(), "quote": OneOrMany(Str()),
     "section": Str()},
    required=("source", "quote"),
    one_of=("annual", "hourly"),
)

COURSE = Obj(
    {"name": Str(), "provider": Str(), "avg_time": Str(), "skills": ListOf(Str()), "url": URL,
     "link_on": Str(), "quote": OneOrMany(Str()), "section": Str()},
    required=("name",),
)


# The rule each section's field follows in a role file, by section key (a section not here, such
# as ``sources``, is derived and not in role files).
SECTION_SPECS: dict[str, Spec] = {
    **dict.fromkeys(FACT_LISTS, FACTS),
    # steps: what the source puts in order; requirements: what it requires but does not order
    "path": Obj({"intro": FactSpec(), "steps": FACTS, "requirements": FACTS, "alongside": FACTS}),
    "salary": Obj({"currency": Str(r"[A-Z]{3}", "a currency code such as USD"), "note": FactSpec(),
                   "estimates": ListOf(ESTIMATE)}),
    "titles": Obj({"section": Str(), "quote": OneOrMany(Str()), "names": ListOf(TITLE)}),
    "pros_cons": Obj({"intro": FACTS, "pros": FACTS, "cons": FACTS}),
    "resources": ListOf(COURSE),
    "not_covered": ListOf(Str()),
}

# A role: its name and source, a field per section that role files hold (in the sections' order), and ``fit``.
ROLE = Obj(
    {"slug": SLUG, "title": Str(), "aliases": ListOf(Str()), "source": SLUG,
     **{s.key: SECTION_SPECS[s.key] for s in SECTIONS if s.key in SECTION_SPECS},
     "fit": ListOf(FactSpec(question=Str()))},
    required=("slug", "title", "source"),
)

TOPIC = Obj({"phrases": ListOf(Str()), "keywords": ListOf(Str()), "strong": ListOf(Str())})
# A subject the source does not cover: what to call it, the topics whose facts come nearest, and
# the words that name it (``refiners`` only count in a question that also matches ``refines``;
# ``background: ignored``: not when the asker names it as their own background, "I work in retail, ...";
# ``with_role: ignored``: not in a question that names the role, "can a teacher become an ML engineer";
# ``stated``: pairs of keywords the article itself compares, whose refiners then do not count;
# ``examples: ignored``: named outright, the example questions never answer instead, "how do I become a doctor";
# ``examples: weighed``: they answer instead only where they do not read the subject's words, alone, as
# uncovered ("an hour in London": the examples know "an hour" as hourly pay and "London" as uncovered);
# ``says_when``: words the question must have for ``says`` to be said, "certifications"; ``yields``:
# topics whose strong words in the question keep the subject from applying, "a data science job simulation";
# ``alone``: words that name the subject only in a question that names neither the role nor any of ``unless``,
# "do grades matter in data science" but not "is a data science degree enough for ML").
SUBJECT = Obj({"text": Str(), "says": Str(), "says_when": ListOf(Str()), "nearest": ListOf(Str()), "phrases": ListOf(Str()), "keywords": ListOf(Str()),
               "strong": ListOf(Str()), "refines": ListOf(Str()), "refiners": ListOf(Str()),
               "stated": ListOf(ListOf(Str())), "yields": ListOf(Str()),
               "alone": ListOf(Str()), "unless": ListOf(Str()),
               "background": Str(pattern="ignored", hint="'ignored'"),
               "with_role": Str(pattern="ignored", hint="'ignored'"),
               "examples": Str(pattern="ignored|weighed", hint="'ignored' or 'weighed'")},
              required=("text",))

DOCUMENT = Obj(
    {"schema": Number(), "sources": ListOf(SOURCE), "roles": ListOf(ROLE),
     "topics": None,  # type: ignore[dict-item]  # replaced below: a mapping of topic -> TOPIC
     "uncovered": None},  # type: ignore[dict-item]  # replaced below: a mapping of subject -> SUBJECT
    required=("roles",),
)


class NamedMap(Spec):
    """A mapping of names to entries, each checked by ``entry``."""

    def check(self, value, path, problems):
        if not isinstance(value, dict):
            problems.append((path, f"expected a mapping, got {_type_name(value)}"))
            return {}
        out = {}
        for key, spec in value.items():
            checked = self.entry(str(key), spec, path + (str(key),), problems)
            if checked is not None:
                out[str(key)] = checked
        return out

    def entry(self, key: str, spec: Any, path: Path, problems: list[Problem]) -> dict | None:
        raise NotImplementedError  # pragma: no cover

    def default(self):
        return {}


class TopicMap(NamedMap):
    """``topics:`` maps a question topic to extra phrasings and keywords for ``mlcareer ask``."""

    def entry(self, key, spec, path, problems):
        if key not in TOPIC_KEYS:
            problems.append((path, f"unknown topic (topics: {', '.join(TOPIC_KEYS)})"))
            return None
        return TOPIC.check(spec, path, problems)


class SubjectMap(NamedMap):
    """``uncovered:`` maps a subject the source does not cover to the words that name it."""

    def entry(self, key, spec, path, problems):
        subject = SUBJECT.check(spec, path, problems)
        for field in ("nearest", "refines", "yields"):
            for i, topic in enumerate((subject or {}).get(field) or ()):
                if topic not in TOPIC_KEYS:
                    problems.append((path + (field, i), f"unknown topic (topics: {', '.join(TOPIC_KEYS)})"))
        return subject


DOCUMENT.fields["topics"] = TopicMap()
DOCUMENT.fields["uncovered"] = SubjectMap()


def check_document(data: Any) -> tuple[dict, list[Problem]]:
    """Validate a parsed file; returns (normalised document, problems)."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        problems.append(((), f"the file must be a mapping with a 'roles' list, got {_type_name(data)}"))
        return {}, problems
    doc = DOCUMENT.check(data, (), problems)
    if doc["schema"] not in (None, SCHEMA_VERSION):
        problems.append((("schema",), f"unsupported schema version {doc['schema']} (this mlcareer reads {SCHEMA_VERSION})"))
    _check_references(data, doc, problems)
    return doc, problems


def _check_references(raw: dict, doc: dict, problems: list[Problem]) -> None:
    ids = [s["id"] for s in doc["sources"] if s and s["id"]]
    for i, source_id in enumerate(ids):
        if source_id in ids[:i]:
            problems.append((("sources", i, "id"), f"duplicate source id {source_id!r}"))
    seen: set[str] = set()
    for i, role in enumerate(doc["roles"]):
        if not role:
            continue
        if role["slug"] in seen:
            problems.append((("roles", i, "slug"), f"duplicate slug {role['slug']!r}"))
        seen.add(role["slug"])
        _check_duplicates(role, i, problems)
        if role["source"] and role["source"] not in ids:
            known = ", ".join(ids) or "none"
            problems.append((("roles", i, "source"), f"no source with id {role['source']!r} in this file (sources: {known})"))


def _check_duplicates(role: dict, index: int, problems: list[Problem]) -> None:
    """A related title listed twice, or the same fact (text and quote) twice in one list."""
    names: dict[str, int] = {}
    for k, title in enumerate(((role.get("titles") or {}).get("names")) or ()):
        key = " ".join(str(title.get("name") or "").casefold().split())
        if key in names:
            problems.append((("roles", index, "titles", "names", k, "name"),
                             f"duplicate title {title.get('name')!r} (also names[{names[key]}])"))
        names.setdefault(key, k)
    lists: list[tuple[tuple[str, ...], Any]] = [
        ((key,), role.get(key)) for key in FACT_LISTS]
    lists += [((group, key), (role.get(group) or {}).get(key)) for group, key in (
        ("pros_cons", "intro"), ("pros_cons", "pros"), ("pros_cons", "cons"), ("path", "steps"), ("path", "requirements"), ("path", "alongside"))]
    for where, facts in lists:
        seen: dict[tuple, int] = {}
        for k, fact in enumerate(facts or ()):
            if not isinstance(fact, dict):
                continue
            same = (fact.get("label"), " ".join(str(fact.get("text") or "").split()), tuple(fact.get("quote") or ()))
            if same in seen:
                problems.append((("roles", index, *where, k), f"duplicate fact: the same text and quote as [{seen[same]}]"))
            seen.setdefault(same, k)


def format_path(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"
