"""``mlcareer verify``: a role file's quotes, headings and figures, checked against a saved source.

For every quoted thing (fact, pay estimate, course, title list) each quote must stand verbatim in
the source, under the heading its ``section`` names; where it does not, the closest passage and its
similarity say whether the article changed a word or the quote was never there. Every number in a
shown text, and every pay figure, must stand in its quote (figures mlcareer derives are not in the
data, so they are counted, not checked). The trust checks of ``fidelity`` come as warnings.

Which source a role is checked against follows its ``source`` id: the source file whose URL is the
one in the data (or, for a post that moved host, whose slug and title agree), or ``--source ID=PATH``.
Line numbers come from the loader, as for ``validate``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from .errors import DataError, ExitCode
from .loader import MAX_PROBLEMS, locate, parse, read_text
from .sourcedoc import SourceDoc, contains, heading_key, normalise, read_source, sentences

ERROR, WARNING = "error", "warning"
CLOSE = 85  # similarity (0-100) from which the closest passage reads as "the article changed a word"
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")


class SourceSpec(NamedTuple):
    source_id: str | None
    path: str


def source_spec(value: str) -> SourceSpec:
    """``PATH`` or ``ID=PATH`` (a path that exists as given is always a path)."""
    source_id, sep, path = value.partition("=")
    if sep and SLUG.fullmatch(source_id) and path and not os.path.exists(value):
        return SourceSpec(source_id, path)
    return SourceSpec(None, value)


class Closest(NamedTuple):
    text: str
    heading: str | None
    similarity: int  # 0-100
    changes: tuple[tuple[str, str], ...]  # (the quote's words, the source's words)


class Problem(NamedTuple):
    line: int | None
    field: str
    message: str
    severity: str  # ERROR or WARNING
    source: str | None = None  # the source file it was checked against
    closest: Closest | None = None


class FileResult(NamedTuple):
    path: str
    roles: int | None  # None: the file itself cannot be used (see problems)
    problems: tuple[Problem, ...]
    quotes: int = 0
    figures: int = 0
    derived: int = 0  # figures mlcareer derives (not in the data, so not checked)
    sources: tuple[str, ...] = ()  # source files its roles were checked against
    hidden: tuple[int, int] = (0, 0)  # errors and warnings past the first MAX_PROBLEMS, not listed

    def count(self, severity: str) -> int:
        return sum(p.severity == severity for p in self.problems) + self.hidden[severity == WARNING]


class Report(NamedTuple):
    files: tuple[FileResult, ...]
    sources: tuple[SourceDoc, ...]
    unmatched: tuple[str, ...]  # source files that matched no source in any role file
    strict: bool = False

    def count(self, severity: str) -> int:
        return sum(f.count(severity) for f in self.files) + (len(self.unmatched) if severity == WARNING else 0)

    @property
    def exit_code(self) -> int:
        if any(f.roles is None for f in self.files):
            return int(ExitCode.DATA)
        if self.count(ERROR) or (self.strict and self.count(WARNING)):
            return int(ExitCode.UNVERIFIED)
        return int(ExitCode.OK)


Finding = tuple[tuple, str, str, "str | None", "Closest | None"]  # (field path, message, severity, source, closest)


# --- the command's entry point --------------------------------------------------------------------

def verify(paths: list[str], specs: list[SourceSpec], strict: bool = False) -> Report:
    """Read every source (a ``SourceError`` stops all), then check each role file against them
    (no paths: the built-in data, named from the current directory when it lies below it)."""
    docs = [(spec, read_source(spec.path)) for spec in specs]
    if not paths:
        from .catalog import builtin_data_path

        builtin = builtin_data_path()
        relative = os.path.relpath(builtin)
        paths = [builtin if relative.startswith("..") else relative]
    results: list[FileResult] = []
    used: set[str] = set()
    for path in paths:
        result = verify_file(path, docs)
        used.update(result.sources)
        results.append(result)
    # Which source file is nobody's can only be told when every role file could be read.
    complete = all(result.roles is not None for result in results)
    unmatched = tuple(doc.path for _, doc in docs if doc.path not in used) if complete else ()
    return Report(tuple(results), tuple(doc for _, doc in docs), unmatched, strict)


def verify_file(path: str, docs: list[tuple[SourceSpec, SourceDoc]]) -> FileResult:
    from .schema import check_document

    try:
        text, _ = read_text(path)
        raw = parse(path, text)
    except DataError as exc:
        return FileResult(path, None, (Problem(exc.line, exc.field, exc.message, ERROR),))
    doc, invalid = check_document(raw)
    if invalid:
        shown = locate(path, text, invalid[:MAX_PROBLEMS])
        return FileResult(path, None, tuple(Problem(p.line, p.field, p.message, ERROR) for p in shown))

    checker = _Checker(doc, raw, docs)
    checker.run()
    findings = checker.findings[:MAX_PROBLEMS]
    located = locate(path, text, [(field, message) for field, message, *_ in findings])
    problems = sorted((Problem(where.line, where.field, message, severity, source, closest)
                       for where, (_, message, severity, source, closest) in zip(located, findings)),
                      key=lambda problem: problem.line or 0)  # in file order, as an editor reads
    rest = [severity for _, _, severity, *_ in checker.findings[MAX_PROBLEMS:]]
    return FileResult(path, len(doc["roles"]), tuple(problems), checker.quotes, checker.figures, checker.derived,
                      tuple(sorted(checker.used)), (rest.count(ERROR), rest.count(WARNING)))


# --- matching a role's source to a source file ----------------------------------------------------

def same_page(a: str, b: str) -> bool:
    """Two URLs of one page: scheme, ``www.``, case of the host, a trailing slash, query and
    fragment do not count."""
    def key(url: str) -> tuple[str, str]:
        parts = urlsplit(url.strip())
        host = parts.netloc.lower().removeprefix("www.")
        return host, parts.path.rstrip("/")

    return key(a) == key(b)


def _last_segment(url: str | None) -> str | None:
    return urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] or None if url else None


def match(spec: SourceSpec, entry: dict, doc: SourceDoc) -> str | None:
    """How ``doc`` is the source ``entry`` of a role file names, or None."""
    if spec.source_id is not None:
        return "--source" if spec.source_id == entry["id"] else None
    url = entry.get("url")
    if not url:
        return None
    if any(same_page(url, other) for other in doc.urls):
        return "url"
    slug = doc.slug or next((_last_segment(u) for u in doc.urls), None)
    titles_agree = bool(doc.title and entry.get("title") and heading_key(doc.title) == heading_key(entry["title"]))
    if slug and slug == _last_segment(url) and titles_agree:
        return "slug and title"  # the same post at another address (a staging host, a moved blog)
    return None


# --- the checks -----------------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


def numbers(text: str) -> list[str]:
    """Every number in ``text``, in one form: 129,000 and 129000 are the same, 77.40 is 77.4."""
    out = []
    for found in _NUMBER.findall(text):
        value = found.replace(",", "")
        if "." in value:
            value = value.rstrip("0").rstrip(".")
        out.append(value)
    return out


def _figure(value: float) -> str:
    return numbers(f"{value:f}")[0]


class _Checker:
    """Collects findings for one validated role file against the matching source files."""

    def __init__(self, doc: dict, raw: dict, docs: list[tuple[SourceSpec, SourceDoc]]) -> None:
        self.doc, self.raw, self.docs = doc, raw, docs
        self.findings: list[Finding] = []
        self.quotes = self.figures = self.derived = 0
        self.used: set[str] = set()
        self._windows: dict[tuple[int, int], tuple[list[str], list[str | None]]] = {}

    def add(self, field: tuple, message: str, severity: str = ERROR, source: SourceDoc | None = None,
            closest: Closest | None = None) -> None:
        self.findings.append((field, message, severity, source.path if source else None, closest))

    def run(self) -> None:
        matched: dict[str, list[SourceDoc]] = {}
        for k, entry in enumerate(self.doc["sources"]):
            for spec, source in self.docs:
                how = match(spec, entry, source)
                if how:
                    matched.setdefault(entry["id"], []).append(source)
                    self.check_source_entry(("sources", k), entry, source)
        for i, role in enumerate(self.doc["roles"]):
            sources = matched.get(role["source"], [])
            if not sources:
                named: dict = next((s for s in self.doc["sources"] if s["id"] == role["source"]), {})
                where = f" ({named['url']})" if named.get("url") else ""
                self.add(("roles", i, "source"), f"no --source is the source {_q(role['source'])}{where}; "
                         f"give --source {role['source']}=PATH")
                continue
            for source in sources:
                self.used.add(source.path)
                self.check_role(("roles", i), role, self.raw["roles"][i], source)
            self.count(role, self.raw["roles"][i])
            self.trust(i, role, sources)

    def check_source_entry(self, path: tuple, entry: dict, source: SourceDoc) -> None:
        name = os.path.basename(source.path)
        if source.title and entry.get("title") and heading_key(source.title) != heading_key(entry["title"]):
            self.add(path + ("title",), f"{name} is titled {_q(source.title)}", WARNING, source)
        for key in ("published", "modified"):
            stated = (getattr(source, key) or "")[:10]
            if stated and entry.get(key) and entry[key] != stated:
                self.add(path + (key,), f"{name} says it was {key} on {stated}; re-check the quotes, "
                         f"then update this date", WARNING, source)

    def check_role(self, path: tuple, role: dict, raw_role: dict, source: SourceDoc) -> None:
        for field, node, raw_node in _quoted(role, raw_role, path):
            self.check_quoted(field, node, raw_node, source)
        titles = role.get("titles")
        if titles:
            within = source.spans_named(titles["section"]) if titles.get("section") else []
            for k, title in enumerate(titles["names"]):
                wanted = normalise(title["name"])
                if not any(contains(span.text, wanted) for span in within or source.spans):
                    under = f" under {_q(titles['section'])}" if within else ""
                    self.add(path + ("titles", "names", k, "name"),
                             f"not in {os.path.basename(source.path)}{under}", source=source)
        for k, course in enumerate(role.get("resources") or []):
            for key in ("name", "avg_time"):
                if course.get(key) and not source.mentions(normalise(course[key])):
                    self.add(path + ("resources", k, key), f"not in {os.path.basename(source.path)}", source=source)
            self.check_url(path + ("resources", k, "url"), course.get("url"), source)
        for k, estimate in enumerate((role.get("salary") or {}).get("estimates") or []):
            self.check_url(path + ("salary", "estimates", k, "url"), estimate.get("url"), source)

    def check_url(self, field: tuple, url: str | None, source: SourceDoc) -> None:
        # Only a source that keeps its links can show that one is missing (a plain rendering has none).
        if url and source.links and url not in source.links and not contains(source.text, url):
            self.add(field, f"{os.path.basename(source.path)} has no link to this address", source=source)

    def check_quoted(self, path: tuple, node: dict, raw_node: dict, source: SourceDoc) -> None:
        name = os.path.basename(source.path)
        quotes, section = node["quote"], node.get("section")
        if not quotes:
            self.add(path, "no quote: nothing to check against the source; give the sentence it came from",
                     WARNING, source)
            return
        single = isinstance(raw_node.get("quote"), str)
        if section and not source.has_heading(section):
            self.add(path + ("section",), self.missing_heading(section, source), source=source)
        found_under: list[str | None] = []
        for j, quote in enumerate(quotes):
            field = path + (("quote",) if single else ("quote", j))
            wanted = normalise(quote)
            where = source.where(wanted)
            if not where:
                # The closest passage costs a search of the whole source: only for what will be shown.
                closest = self.closest(wanted, source) if len(self.findings) < MAX_PROBLEMS else None
                self.add(field, _not_found(name, closest), source=source, closest=closest)
                continue
            found_under += where
            if section and source.has_heading(section) and not any(
                    contains(span.text, wanted) for span in source.spans_named(section)):
                self.add(path + ("section",), f"the quote{'' if single else f' [{j}]'} stands under "
                         f"{_heading(where[0])} in {name}, not under {_q(section)}", source=source)
        if not section and found_under:
            self.add(path, f"no section: the quote stands under {_heading(found_under[0])}", WARNING, source)
        self.check_numbers(path, node, raw_node, quotes)

    def check_numbers(self, path: tuple, node: dict, raw_node: dict, quotes: list[str]) -> None:
        stated = set(numbers(normalise(" ".join(quotes))))
        for key in ("text", "measure", "basis"):
            if isinstance(raw_node.get(key), str):
                missing = [n for n in numbers(raw_node[key]) if n not in stated]
                if missing:
                    self.add(path + (key,), f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} "
                             "not in its quote")
        for key in ("annual", "hourly"):
            if node.get(key) is not None and _figure(node[key]) not in stated:
                self.add(path + (key,), f"{node[key]:,} is not in its quote (mlcareer derives a figure the "
                         "source does not state: leave it out)")
        for key in ("annual_qualifier", "hourly_qualifier", "measure", "basis"):
            value = node.get(key)
            if value and not contains(normalise(" ".join(quotes)).casefold(), normalise(value).casefold()):
                self.add(path + (key,), f"{_q(value)} is not in its quote", WARNING)

    def count(self, role: dict, raw_role: dict) -> None:
        """Quotes and figures checked (once, however many sources), and figures mlcareer derives."""
        for _, node, _ in _quoted(role, raw_role, ()):
            self.quotes += len(node["quote"])
        for estimate in (role.get("salary") or {}).get("estimates") or []:
            stated = [estimate.get(key) is not None for key in ("annual", "hourly")]
            self.figures += sum(stated)
            self.derived += stated.count(True) == 1

    def missing_heading(self, section: str, source: SourceDoc) -> str:
        from rapidfuzz import fuzz, process

        name = os.path.basename(source.path)
        best = process.extractOne(section, source.headings(), scorer=fuzz.ratio, processor=heading_key)
        if best is None:
            return f"{name} has no heading {_q(section)} (it has no headings at all)"
        return f"{name} has no heading {_q(section)}; the closest is {_q(best[0])} ({round(best[1])}% similar)"

    def closest(self, quote: str, source: SourceDoc) -> Closest | None:
        from rapidfuzz import fuzz, process

        candidates, headings = self.windows(source, len(sentences(quote)))
        best = process.extractOne(quote, candidates, scorer=fuzz.ratio)
        if best is None:
            return None
        text, score, index = best
        return Closest(text, headings[index], round(score), _changes(quote, text))

    def windows(self, source: SourceDoc, size: int) -> tuple[list[str], list[str | None]]:
        """Runs of ``size - 1`` to ``size + 1`` consecutive sentences within one heading's text."""
        key = (id(source), size)
        if key not in self._windows:
            texts: list[str] = []
            headings: list[str | None] = []
            for span in source.spans:
                cut = [s for paragraph in span.paragraphs for s in sentences(paragraph)]
                for width in range(max(1, size - 1), size + 2):
                    for start in range(max(1, len(cut) - width + 1)):
                        texts.append(" ".join(cut[start:start + width]))
                        headings.append(span.heading)
            self._windows[key] = (texts, headings)
        return self._windows[key]

    def trust(self, index: int, role: dict, sources: list[SourceDoc]) -> None:
        """The fidelity checks (dropped hedges, speakers, merged ranges), as warnings, once per role
        and source; quotes and source text normalised alike, so curly and straight quotes agree."""
        from .fidelity import role_warnings

        seen: set[tuple[tuple, str]] = set()
        # A quote already reported missing needs no second word from the speaker check.
        wrong = {field for field, _, severity, *_ in self.findings if severity == ERROR and "quote" in field}
        for source in sources:
            for field, message in role_warnings(_normalised_quotes(role), source.text, index):
                key = (parse_path(field), message)
                if key not in seen and key[0] not in wrong:
                    seen.add(key)
                    self.add(key[0], message, WARNING, source)


def _normalised_quotes(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: [normalise(q) for q in value] if key == "quote" and isinstance(value, list)
                else _normalised_quotes(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_normalised_quotes(value) for value in node]
    return node


def parse_path(field: str) -> tuple:
    """``roles[0].path.steps[1].text`` -> ``("roles", 0, "path", "steps", 1, "text")`` (the inverse of
    ``schema.format_path``, for checks that name fields as ``validate`` prints them)."""
    return tuple(int(part) if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", field))


def _quoted(node: Any, raw: Any, path: tuple) -> Iterator[tuple[tuple, dict, dict]]:
    """(field path, normalised node, raw node) for every mapping with a ``quote`` field."""
    if isinstance(node, dict):
        if "quote" in node and isinstance(raw, dict):
            yield path, node, raw
        for key, value in node.items():
            if isinstance(raw, dict) and key in raw:
                yield from _quoted(value, raw[key], path + (key,))
    elif isinstance(node, list) and isinstance(raw, list):
        for i, value in enumerate(node):
            yield from _quoted(value, raw[i] if i < len(raw) else None, path + (i,))


def _heading(heading: str | None) -> str:
    return _q(heading) if heading is not None else "the introduction (before the first heading)"


def _q(text: str) -> str:
    return f'"{text}"'


def _changes(quote: str, passage: str, limit: int = 3) -> tuple[tuple[str, str], ...]:
    """The word-level differences, as (the quote's words, the source's words); empty means added."""
    from difflib import SequenceMatcher

    ours, theirs = quote.split(), passage.split()
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ours, theirs, autojunk=False).get_opcodes():
        if tag != "equal":
            out.append((" ".join(ours[i1:i2]), " ".join(theirs[j1:j2])))
    return tuple(out[:limit])


def _not_found(name: str, closest: Closest | None) -> str:
    from .text import shorten

    if closest is None:
        return f"not in {name}"
    under = _heading(closest.heading)
    if closest.similarity >= CLOSE:
        changed = "; ".join(_describe(ours, theirs) for ours, theirs in closest.changes)
        return (f"not verbatim in {name}; the closest passage, {closest.similarity}% similar, under {under}, "
                f"{changed}: \"{shorten(closest.text, 120)}\"")
    return (f"not in {name}, nor anything close: the closest passage, under {under}, is only "
            f"{closest.similarity}% similar: \"{shorten(closest.text, 120)}\"")


def _describe(ours: str, theirs: str) -> str:
    if not ours:
        return f"adds \"{theirs}\""
    if not theirs:
        return f"lacks \"{ours}\""
    return f"has \"{theirs}\" where the quote has \"{ours}\""

