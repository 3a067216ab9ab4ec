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

from .catalog import STARTER_FILES, builtin_data_path
from .errors import DataError, ExitCode, SourceError, UsageError
from .fidelity import role_findings
from .loader import MAX_PROBLEMS, locate, parse, read_text
from .schema import check_document
from .sourcedoc import SourceDoc, contains, heading_key, normalise, read_source, sentences
from .text import shorten

ERROR, WARNING = "error", "warning"

# Every check has a code (README, "verify rules"): --select and --ignore take codes or their
# prefixes, and a role file accepts a reviewed warning with "# verify: accept CODE" on its line.
RULES: dict[str, tuple[str, str]] = {
    "V001": (ERROR, "the role file cannot be read, or breaks the schema (as validate says)"),
    "V101": (ERROR, "no source file given for a role's source"),
    "V102": (ERROR, "a quote is not verbatim in the source"),
    "V103": (ERROR, "a section names a heading the source does not have"),
    "V104": (ERROR, "a quote stands under another heading than its section"),
    "V105": (WARNING, "no section: the heading a quote stands under is not recorded (--fix adds it)"),
    "V106": (WARNING, "no quote: nothing to check against the source"),
    "V107": (WARNING, "the source's title differs from the role file's"),
    "V108": (WARNING, "the source is dated later than the role file says (--fix updates the date)"),
    "V109": (WARNING, "a source file is the source of no role checked"),
    "V201": (ERROR, "a number in a shown text is not in its quote"),
    "V202": (ERROR, "a pay figure is not in its quote"),
    "V203": (WARNING, "a pay qualifier, measure or basis is not in its quote"),
    "V204": (ERROR, "a pay estimate's source name is not in its quote"),
    "V301": (ERROR, "a related title is not in the source's list"),
    "V302": (ERROR, "a course's name or time is not in the source"),
    "V303": (ERROR, "a course's provider is not where the source shows the course"),
    "V304": (ERROR, "a course's skill is not where the source shows the course"),
    "V305": (ERROR, "an address is not among the source's links"),
    "V306": (ERROR, "a link's text is not in its quote"),
    "V401": (WARNING, "a shown text drops a hedge its quote has"),
    "V402": (WARNING, "a shown text joins two different measures into one range"),
    "V403": (WARNING, "a speaker is credited with a sentence the source gives as its own"),
    "V404": (ERROR, "a speaker is credited with words the source does not give as theirs"),
    "V405": (WARNING, "a quote holds someone's words, but the fact credits no speaker"),
    "V406": (WARNING, "a path step after the first has no order in its quote"),
    "V501": (ERROR, "a shown text has little to do with its quote"),
}


class Rules(NamedTuple):
    """Which rules run: codes or prefixes to select (none: all) and to ignore."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @classmethod
    def parse(cls, select: list[str], ignore: list[str]) -> Rules:
        def codes(values: list[str]) -> tuple[str, ...]:
            out = tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())
            bad = [c for c in out if not any(code.startswith(c) for code in RULES)]
            if bad:
                raise UsageError(f"No verify rule {', '.join(bad)} (rules: V001 to V501; README, 'verify rules').")
            return out

        return cls(codes(select), codes(ignore))

    def wants(self, code: str) -> bool:
        chosen = not self.select or any(code.startswith(c) for c in self.select)
        return chosen and not any(code.startswith(c) for c in self.ignore)


ALL_RULES = Rules()
_ACCEPT = re.compile(r"#\s*verify:\s*accept\s+([A-Z]\d{3}(?:\s*,\s*[A-Z]\d{3})*)", re.IGNORECASE)
CLOSE = 85  # similarity (0-100) from which the closest passage reads as "the article changed a word"
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")


class SourceSpec(NamedTuple):
    source_id: str | None
    path: str


def source_spec(value: str) -> SourceSpec:
    """``PATH`` or ``ID=PATH`` (a path that exists as given is always a path); UsageError for an
    empty one."""
    source_id, sep, path = value.partition("=")
    if not value.strip():
        raise UsageError("--source needs a path: --source PATH or --source ID=PATH.")
    if sep and SLUG.fullmatch(source_id) and not os.path.exists(value):
        if not path.strip():
            raise UsageError(f"--source {value}: give the path after '=' (--source {source_id}=PATH).")
        return SourceSpec(source_id, path)
    return SourceSpec(None, value)


class Closest(NamedTuple):
    text: str
    heading: str | None
    similarity: int  # 0-100
    changes: tuple[tuple[str, str], ...]  # (the quote's words, the source's words)


class Fix(NamedTuple):
    """What ``--fix`` writes: the field to set (or add) and its value."""

    field: tuple
    value: str
    add: bool = False  # a new key in the mapping at ``field[:-1]``


class Problem(NamedTuple):
    line: int | None
    field: str
    message: str
    severity: str  # ERROR or WARNING
    source: str | None = None  # the source file it was checked against
    closest: Closest | None = None
    code: str = "V001"
    fix: Fix | None = None


class FileResult(NamedTuple):
    path: str
    roles: int | None  # None: the file itself cannot be used (see problems)
    problems: tuple[Problem, ...]
    quotes: int = 0
    figures: int = 0
    derived: int = 0  # figures mlcareer derives (not in the data, so not checked)
    sources: tuple[str, ...] = ()  # source files its roles were checked against
    hidden: tuple[int, int] = (0, 0)  # errors and warnings past the first MAX_PROBLEMS, not listed
    accepted: int = 0  # problems the role file accepts ("# verify: accept CODE" on their line)
    text: str = ""  # the role file as read (for --fix and --diff)

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


class Finding(NamedTuple):
    field: tuple
    message: str
    severity: str
    source: str | None
    closest: Closest | None
    code: str
    fix: Fix | None


# --- the command's entry point --------------------------------------------------------------------

def verify(paths: list[str], specs: list[SourceSpec], strict: bool = False, source_format: str | None = None,
           rules: Rules = ALL_RULES, texts: dict[str, str] | None = None) -> Report:
    """Read every source (a ``SourceError`` stops all; ``source_format`` overrides what the content
    says), then check each role file against them (no paths: the built-in data, named from the
    current directory when it lies below it). Without sources, each role file's sources are read
    from the ``saved`` paths it records. ``texts`` checks a role file as if it held that text (the
    file after ``--diff``'s fixes, which are not written)."""
    docs = [(spec, read_source(spec.path, source_format)) for spec in specs]
    if not paths:
        builtin = builtin_data_path()
        relative = os.path.relpath(builtin)
        paths = [builtin if relative.startswith("..") else relative]
    results: list[FileResult] = []
    used: set[str] = set()
    read: list[SourceDoc] = [doc for _, doc in docs]
    for path in paths:
        result, saved = verify_file(path, docs, source_format, rules, (texts or {}).get(path))
        used.update(result.sources)
        read += [doc for doc in saved if doc not in read]
        results.append(result)
    # Which source file is nobody's can only be told when every role file could be read.
    complete = all(result.roles is not None for result in results)
    unmatched = tuple(doc.path for _, doc in docs if doc.path not in used) if complete and rules.wants("V109") else ()
    return Report(tuple(results), tuple(read), unmatched, strict)


def saved_sources(path: str, doc: dict, source_format: str | None) -> list[tuple[SourceSpec, SourceDoc]]:
    """The sources a role file records as saved copies (``sources[].saved``, relative to the file)."""
    base = os.path.dirname(os.path.abspath(path))
    found = []
    for entry in doc["sources"]:
        if not entry.get("saved"):
            continue
        saved = os.path.normpath(os.path.join(base, entry["saved"]))
        try:
            found.append((SourceSpec(entry["id"], saved), read_source(saved, source_format)))
        except SourceError as exc:
            # the user never typed this path: say where it comes from, and how to make it
            hint = f"{exc.message} (the path comes from the 'saved: {entry['saved']}' line of {path}"
            if os.path.basename(saved) == STARTER_FILES["source"][1]:
                hint += f"; 'mlcareer example-role --source > {STARTER_FILES['source'][1]}' writes it"
            raise SourceError(saved, hint + "; or give --source PATH)") from None
    return found


def verify_file(path: str, docs: list[tuple[SourceSpec, SourceDoc]], source_format: str | None = None,
                rules: Rules = ALL_RULES, text: str | None = None) -> tuple[FileResult, list[SourceDoc]]:
    try:
        if text is None:
            text, _ = read_text(path)
        raw = parse(path, text)
    except DataError as exc:
        return FileResult(path, None, (Problem(exc.line, exc.field, exc.message, ERROR),)), []
    doc, invalid = check_document(raw)
    if invalid:
        shown = locate(path, text, invalid[:MAX_PROBLEMS])
        return FileResult(path, None, tuple(Problem(p.line, p.field, p.message, ERROR) for p in shown)), []
    saved: list[tuple[SourceSpec, SourceDoc]] = []
    if not docs:
        saved = saved_sources(path, doc, source_format)
        if not saved:
            raise UsageError(f"verify needs a saved copy of the source: --source PATH, or a 'saved: PATH' "
                             f"in {path}'s sources (see 'mlcareer verify --help').")

    checker = _Checker(doc, raw, docs or saved)
    checker.run()
    wanted = [f for f in checker.findings if rules.wants(f.code)]
    findings = wanted[:MAX_PROBLEMS]
    located = locate(path, text, [(f.field, f.message) for f in findings])
    problems = [Problem(where.line, where.field, f.message, f.severity, f.source, f.closest, f.code, f.fix)
                for where, f in zip(located, findings)]
    lines = text.splitlines()
    kept = [p for p in problems if not _accepted(p, lines)]
    kept.sort(key=lambda problem: problem.line or 0)  # in file order, as an editor reads
    rest = [f.severity for f in wanted[MAX_PROBLEMS:]]
    return FileResult(path, len(doc["roles"]), tuple(kept), checker.quotes, checker.figures, checker.derived,
                      tuple(sorted(checker.used)), (rest.count(ERROR), rest.count(WARNING)),
                      len(problems) - len(kept), text), [d for _, d in saved]


def _accepted(problem: Problem, lines: list[str]) -> bool:
    """Whether the role file accepts this problem: "# verify: accept CODE" on its line (or on the
    key's line, for a value that starts on the next one)."""
    if not problem.line or problem.line > len(lines):
        return False
    at = [lines[problem.line - 1]]
    if problem.line > 1 and lines[problem.line - 2].split("#")[0].rstrip().endswith((":", ">-", "|", ">", "|-")):
        at.append(lines[problem.line - 2])
    for line in at:
        match = _ACCEPT.search(line)
        if match and problem.code in {c.strip().upper() for c in match.group(1).split(",")}:
            return True
    return False


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

_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?%?")
LEAD = "(before the first heading)"
CARD_BEFORE, CARD_AFTER = 200, 400  # characters of a course card around its description


def figures_in(text: str) -> list[str]:
    """Every number in ``text`` as written ("$129,000" is "129,000"; "80%" keeps its sign)."""
    return _NUMBER.findall(text)


def numbers(text: str) -> list[str]:
    """Every number in ``text``, in one form: 129,000 and 129000 are the same, 77.40 is 77.4;
    80% is not 80."""
    out = []
    for found in _NUMBER.findall(text):
        value, percent = found.replace(",", "").rstrip("%"), "%" if found.endswith("%") else ""
        if "." in value:
            value = value.rstrip("0").rstrip(".")
        out.append(value + percent)
    return out


def _has_figures(quote: str) -> str:
    shown = list(dict.fromkeys(figures_in(quote)))
    return f"the quote has {', '.join(shown)}" if shown else "the quote has no figure"


def _named_in(quotes: Any) -> str:
    """Who a pay quote credits: its leading capitalised name ("ZipRecruiter estimates ...")."""
    found = re.search(r"\b([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)\s+estimates\b", normalise(" ".join(quotes)))
    return _q(found.group(1)) if found else "no one by that name"


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

    def add(self, code: str, field: tuple, message: str, source: SourceDoc | None = None,
            closest: Closest | None = None, fix: Fix | None = None) -> None:
        self.findings.append(Finding(field, message, RULES[code][0], source.path if source else None, closest,
                                     code, fix))

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
                self.add("V101", ("roles", i, "source"), f"no --source is the source {_q(role['source'])}{where}; "
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
            self.add("V107", path + ("title",), f"{name} is titled {_q(source.title)}", source)
        for key in ("published", "modified"):
            stated = (getattr(source, key) or "")[:10]
            if stated and entry.get(key) and entry[key] != stated:
                self.add("V108", path + (key,), f"{name} says it was {key} on {stated}; re-check the quotes, "
                         f"then update this date", source, fix=Fix(path + (key,), stated))

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
                    self.add("V301", path + ("titles", "names", k, "name"),
                             f"not in {os.path.basename(source.path)}{under}", source=source)
        for k, course in enumerate(role.get("resources") or []):
            for key in ("name", "avg_time"):
                if course.get(key) and not source.mentions(normalise(course[key])):
                    self.add("V302", path + ("resources", k, key), f"not in {os.path.basename(source.path)}",
                             source=source)
            self.check_course(path + ("resources", k), course, source)
            self.check_url(path + ("resources", k, "url"), course.get("url"), source)
        for k, estimate in enumerate((role.get("salary") or {}).get("estimates") or []):
            self.check_url(path + ("salary", "estimates", k, "url"), estimate.get("url"), source)
            name = estimate.get("source") or ""
            stated = normalise(" ".join(estimate.get("quote") or ())).casefold()
            own = re.search(r"\b(our|we)\b", stated)  # the publisher's own figure: its label is the curator's
            if name and stated and not own and not contains(stated, normalise(name).casefold()):
                self.add("V204", path + ("salary", "estimates", k, "source"),
                         f"{_q(name)} is not in its quote, which credits the estimate to "
                         f"{_named_in(estimate.get('quote') or ())}", source)
        for field, node, _ in _quoted(role, raw_role, path):
            for k, link in enumerate(node.get("links") or []):
                stated = normalise(" ".join(node["quote"])).casefold()
                if link.get("text") and not contains(stated, normalise(link["text"]).casefold()):
                    self.add("V306", field + ("links", k, "text"), f"{_q(link['text'])} is not in its quote", source)
                self.check_url(field + ("links", k, "url"), link.get("url"), source)

    def check_course(self, path: tuple, course: dict, source: SourceDoc) -> None:
        """A course's provider and skills stand where the source shows the course (the passages
        holding its quote), or the provider is in its quote, its name or the source's publisher."""
        quote = normalise(" ".join(course.get("quote") or ()))
        if not quote:
            return
        at = source.text.find(quote)
        if at < 0:
            return  # the quote itself is reported missing
        # The card: its description (the quote), then its time and skills, before the next card.
        card = source.text[max(0, at - CARD_BEFORE):at + len(quote) + CARD_AFTER].casefold()
        own = f"{quote} {normalise(course.get('name') or '')}".casefold()
        publisher = next((e.get("publisher") for e in self.doc["sources"] if e.get("publisher")), None)
        provider = course.get("provider")
        if provider and not contains(own, normalise(provider).casefold()) and not (
                publisher and heading_key(provider) == heading_key(publisher)):
            self.add("V303", path + ("provider",), f"{_q(provider)} is not in the course's quote or name, nor is it "
                     f"the publisher; the source names it beside this course nowhere", source)
        for k, skill in enumerate(course.get("skills") or []):
            if not contains(card, normalise(skill).casefold()):
                self.add("V304", path + ("skills", k), f"{_q(skill)} is not among what "
                         f"{os.path.basename(source.path)} says of this course", source)

    def check_url(self, field: tuple, url: str | None, source: SourceDoc) -> None:
        # Only a source that keeps its links can show that one is missing (a plain rendering has none).
        if url and source.links and url not in source.links and not contains(source.text, url):
            self.add("V305", field, f"{os.path.basename(source.path)} has no link to this address", source=source)

    def check_quoted(self, path: tuple, node: dict, raw_node: dict, source: SourceDoc) -> None:
        name = os.path.basename(source.path)
        quotes, section = node["quote"], node.get("section")
        if not quotes:
            self.add("V106", path, "no quote: nothing to check against the source; give the sentence it came from",
                     source)
            return
        single = isinstance(raw_node.get("quote"), str)
        if section and not source.has_heading(section):
            self.add("V103", path + ("section",), self.missing_heading(section, source), source=source,
                     fix=self.renamed(section, quotes, source, path + ("section",)))
        found_under: list[str | None] = []
        for j, quote in enumerate(quotes):
            field = path + (("quote",) if single else ("quote", j))
            wanted = normalise(quote)
            where = source.where(wanted)
            if not where:
                # The closest passage costs a search of the whole source: only for what will be shown.
                closest = self.closest(wanted, source) if len(self.findings) < MAX_PROBLEMS else None
                self.add("V102", field, _not_found(name, closest), source=source, closest=closest)
                continue
            found_under += where
            if section and source.has_heading(section) and not any(
                    contains(span.text, wanted) for span in source.spans_named(section)):
                self.add("V104", path + ("section",), f"the quote{'' if single else f' [{j}]'} stands under "
                         f"{_heading(where[0])} in {name}, not under {_q(section)}{_guessed(source)}", source=source)
        if not section and found_under:
            self.add("V105", path, f"no section: the quote stands under {_heading(found_under[0])}", source,
                     fix=Fix(path + ("section",), found_under[0] or LEAD, add=True))
        self.check_numbers(path, node, raw_node, quotes)

    def check_numbers(self, path: tuple, node: dict, raw_node: dict, quotes: list[str]) -> None:
        joined = normalise(" ".join(quotes))
        stated = set(numbers(joined))
        has = _has_figures(joined)
        for key in ("text", "measure", "basis"):
            if isinstance(raw_node.get(key), str):
                missing = [shown for shown in figures_in(raw_node[key]) if numbers(shown)[0] not in stated]
                if missing:
                    self.add("V201", path + (key,), f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} "
                             f"not in its quote; {has}")
        for key in ("annual", "hourly"):
            if node.get(key) is not None and _figure(node[key]) not in stated:
                self.add("V202", path + (key,), f"{node[key]:,} is not in its quote; {has} (a figure the source "
                         "does not state is mlcareer's to derive: leave it out)")
        for key in ("annual_qualifier", "hourly_qualifier", "measure", "basis"):
            value = node.get(key)
            if value and not contains(joined.casefold(), normalise(value).casefold()):
                self.add("V203", path + (key,), f"{_q(value)} is not in its quote")

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
            return f"{name} has no heading {_q(section)} (it has no headings at all){_guessed(source)}"
        return (f"{name} has no heading {_q(section)}; the closest is {_q(best[0])} ({round(best[1])}% similar)"
                f"{_guessed(source)}")

    def renamed(self, section: str, quotes: list[str], source: SourceDoc, field: tuple) -> Fix | None:
        """The fix for a heading the source renamed: every quote found, all under one heading that
        is close to the old one."""
        from rapidfuzz import fuzz

        under = {h for q in quotes for h in source.where(normalise(q))}
        if len(under) != 1 or not all(source.where(normalise(q)) for q in quotes):
            return None
        heading = next(iter(under))
        if heading is None or fuzz.ratio(heading_key(section), heading_key(heading)) < 60:
            return None
        return Fix(field, heading)

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
        seen: set[tuple[tuple, str]] = set()
        # A quote already reported missing needs no second word from the speaker check.
        wrong = {f.field for f in self.findings if f.severity == ERROR and "quote" in f.field}
        for source in sources:
            for field, code, message in role_findings(_normalised_quotes(role), source.text, index):
                key = (parse_path(field), message)
                if key not in seen and key[0] not in wrong:
                    seen.add(key)
                    self.add(code, key[0], message, source)


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


def _guessed(source: SourceDoc) -> str:
    return (" (plain text marks no headings: mlcareer guessed them from short lines standing alone; "
            "a saved page, post or Markdown copy tells)") if source.guessed_headings else ""


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



# --- fixes: --fix writes them, --diff prints them -------------------------------------------------

class Edit(NamedTuple):
    """A role file's text before and after the fixes verify knows."""

    path: str
    before: str
    after: str
    fixed: int  # how many problems it fixes

    def write(self) -> None:
        with open(self.path, "w", encoding="utf-8", newline="") as handle:
            handle.write(self.after)


def fixes_for(report: Report) -> list[Edit]:
    """One edit per role file with a fixable problem: a missing ``section`` added, a heading the
    source renamed, a date the source moved on. The file's comments and layout stay as they are."""
    edits = []
    for result in report.files:
        fixes = list(dict.fromkeys(p.fix for p in result.problems if p.fix is not None))
        if not fixes or not result.text:
            continue
        after, done = _apply(result.text, fixes)
        if done:
            edits.append(Edit(result.path, result.text, after, done))
    return edits


def _apply(text: str, fixes: list[Fix]) -> tuple[str, int]:
    import yaml

    root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    lines = text.splitlines(keepends=True)
    changes: list[tuple[int, int, int, str]] = []  # (line, start column, end column or -1 to insert, text)
    for fix in fixes:
        node = _node(root, fix.field[:-1] if fix.add else fix.field)
        if node is None:
            continue
        if fix.add:
            if not isinstance(node, yaml.MappingNode) or not node.value:
                continue
            key = node.value[0][0]
            last = node.value[-1][1]
            line = last.end_mark.line if last.end_mark.column == 0 else last.end_mark.line + 1
            changes.append((line, 0, -1, " " * key.start_mark.column + f"{fix.field[-1]}: {_scalar(fix.value)}\n"))
        elif isinstance(node, yaml.ScalarNode) and node.start_mark.line == node.end_mark.line:
            changes.append((node.start_mark.line, node.start_mark.column, node.end_mark.column, _scalar(fix.value)))
    for line, start, end, new in sorted(changes, reverse=True):
        if end < 0:
            lines.insert(min(line, len(lines)), new)
        else:
            lines[line] = lines[line][:start] + new + lines[line][end:]
    return "".join(lines), len(changes)


def _node(node: Any, field: tuple) -> Any:
    for part in field:
        value = getattr(node, "value", None)
        if isinstance(part, int) and isinstance(value, list) and part < len(value) and not isinstance(value[part], tuple):
            node = value[part]
        elif isinstance(value, list):
            node = next((v for k, v in value if isinstance(k.value, str) and k.value == part), None)
        else:
            return None
        if node is None:
            return None
    return node


def _scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when that reads back the same, else double-quoted."""
    import json

    import yaml

    plain = value and not re.search(r"[:#]\s|^[\s\-?:,\[\]{}#&*!|>'\"%@`]|\s$|:$", value)
    if plain:
        try:
            if yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)
