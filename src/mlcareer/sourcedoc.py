"""Reading a saved source for ``mlcareer verify``: its text, passage by passage, under its headings.

A source is a saved web page (HTML), a WordPress post as JSON (the REST API's shape, HTML inside),
Markdown or plain text; the format is detected from the content (the file name is a hint). Text on
both sides of a comparison goes through ``normalise``: entities, curly quotes, non-breaking and
other odd spaces, and line breaks count for nothing.

Hostile files get the loader's limits (size, UTF-8, one-line error) plus their own: binary data,
HTML nested deeper than ``MAX_HTML_DEPTH`` elements, JSON nested too deep. Every failure is a
``SourceError`` (exit code 4), never a traceback.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from typing import Any, NamedTuple

from .errors import DataError, SourceError
from .loader import read_text
from .model import BEFORE_FIRST_HEADING

MAX_SOURCE_BYTES = 8 * 1024 * 1024  # a saved page, scripts and all; a post's JSON is some 40 KB
MAX_SOURCE_CHARS = 2_000_000  # of text, once read: one article, not a site (a long one has 100,000)
MAX_HTML_DEPTH = 1_000  # open elements; real pages stay under ~60, and the cap bounds the work per tag
# What a role file may call the text before the first heading (besides the page's title).
LEAD_NAMES = (BEFORE_FIRST_HEADING, "Introduction")

# --- normalisation --------------------------------------------------------------------------------

_CHARS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None,
    "\u2026": "...", "\u2010": "-", "\u2011": "-", "\u2212": "-",
})
_SPACE = re.compile(r"\s+")
# Dashes that look alike: an en or em dash, spaced or not, and a spaced hyphen read as one mark;
# between figures ("5\u20136 hours") an en dash is a hyphen.
_RANGE_DASH = re.compile(r"(?<=\d)[\u2012\u2013](?=\d)")
_DASH = re.compile(r"\s*[\u2012\u2013\u2014\u2015]\s*|\s+--?\s+")


def normalise(text: str) -> str:
    """One form for comparing: entities decoded, straight quotes, one kind of dash (hyphens that
    do not break, en and em dashes, a spaced hyphen), single spaces, NFC."""
    text = unicodedata.normalize("NFC", html.unescape(text)).translate(_CHARS)
    text = _DASH.sub(" \u2014 ", _RANGE_DASH.sub("-", text))
    return _SPACE.sub(" ", text).strip()


def heading_key(heading: str) -> str:
    """Headings compare without case, quotes style or spacing."""
    return normalise(heading).casefold()


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9$])")


def sentences(text: str) -> list[str]:
    """A passage cut after each full stop, question or exclamation mark that starts a new sentence."""
    out, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        out.append(text[start:match.start()].strip() + match.group().strip())
        start = match.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def contains(haystack: str, needle: str) -> bool:
    """``needle`` stands in ``haystack`` as whole words (both already normalised)."""
    if not needle:
        return False
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        before = haystack[start - 1] if start else " "
        after = haystack[end] if end < len(haystack) else " "
        if not (before.isalnum() and needle[0].isalnum()) and not (after.isalnum() and needle[-1].isalnum()):
            return True
        start = haystack.find(needle, start + 1)
    return False


# --- the result -----------------------------------------------------------------------------------

class Span(NamedTuple):
    """Consecutive paragraphs under one heading (None: the lead, before any heading)."""

    heading: str | None
    paragraphs: tuple[str, ...]  # each normalised
    within: tuple[str, ...] = ()  # the article's headings around a local one (a course card's name)

    @property
    def text(self) -> str:
        return " ".join(self.paragraphs)


Block = tuple["str | None", str, tuple[str, ...]]  # (heading, text, the headings it is within)


@dataclass(frozen=True, eq=False)
class SourceDoc:
    path: str
    format: str  # "html", "wordpress", "markdown" or "text"
    title: str | None
    urls: tuple[str, ...]  # canonical, og:url, WordPress link, Markdown url: line
    slug: str | None
    published: str | None
    modified: str | None
    spans: tuple[Span, ...]
    links: frozenset[str]  # hyperlink targets (HTML href, Markdown [text](url)); empty when it has none
    outline: tuple[str, ...] = field(default=())  # every heading in order, also those with no text of their own

    @property
    def guessed_headings(self) -> bool:
        """Whether the headings are mlcareer's guess (plain text marks none)."""
        return self.format == "text"

    def mentions(self, words: str) -> bool:
        """``words`` (normalised) stand in the text or in a heading, in any case (a name in a role
        file may be capitalised where the article runs it into a sentence)."""
        words = words.casefold()
        return contains(self.folded, words) or any(contains(h.casefold(), words) for h in self.outline)

    @cached_property
    def text(self) -> str:
        return " ".join(span.text for span in self.spans)

    @cached_property
    def folded(self) -> str:
        return self.text.casefold()

    @cached_property
    def _keys(self) -> tuple[frozenset[str | None], ...]:
        return tuple(frozenset([None if span.heading is None else heading_key(span.heading),
                                *(heading_key(h) for h in span.within)]) for span in self.spans)

    @cached_property
    def _outline_keys(self) -> frozenset[str]:
        return frozenset(heading_key(h) for h in self.outline)

    def headings(self) -> list[str]:
        seen: dict[str, str] = {}
        for heading in self.outline or [span.heading for span in self.spans if span.heading is not None]:
            seen.setdefault(heading_key(heading), heading)
        return list(seen.values())

    def spans_named(self, heading: str) -> list[Span]:
        """The spans under ``heading``; the lead answers to ``LEAD_NAMES`` and to the title."""
        key = heading_key(heading)
        lead = key in {heading_key(name) for name in (*LEAD_NAMES, self.title) if name}
        return [span for span, keys in zip(self.spans, self._keys) if key in keys or (lead and None in keys)]

    def has_heading(self, heading: str) -> bool:
        return bool(self.spans_named(heading)) or heading_key(heading) in self._outline_keys

    def where(self, passage: str) -> list[str | None]:
        """The headings of the spans that hold ``passage`` (normalised), in order, without repeats."""
        found: list[str | None] = []
        if not contains(self.text, passage):
            return found
        for span in self.spans:
            if contains(span.text, passage) and span.heading not in found:
                found.append(span.heading)
        return found


# --- reading --------------------------------------------------------------------------------------

FORMATS = ("html", "wordpress", "markdown", "text")


def read_source(path: str, source_format: str | None = None) -> SourceDoc:
    """Read and parse one source file (in ``source_format``, one of ``FORMATS``, or as its content
    says); any failure is a one-line ``SourceError``."""
    try:
        text, _ = read_text(path, "a saved page or text file", MAX_SOURCE_BYTES)
    except DataError as exc:
        where = f" (line {exc.line})" if exc.line else ""
        hint = "; save the page as UTF-8" if exc.message.startswith("not UTF-8") else ""
        raise SourceError(path, exc.message + where + hint) from None
    if "\x00" in text[:65536]:
        raise SourceError(path, "binary data, not a saved page, WordPress JSON, Markdown or text")
    kind = {"wordpress": "json"}.get(source_format or "", source_format) or detect_format(path, text)
    readers = {"json": _wordpress, "html": _html_document, "markdown": _markdown, "text": _plain}
    doc = readers[kind](path, text)
    if len(doc.text) > MAX_SOURCE_CHARS:
        raise SourceError(path, f"holds more than {MAX_SOURCE_CHARS:,} characters of text; verify reads one "
                          "article, not a site")
    return doc


def detect_format(path: str, text: str) -> str:
    """"json", "html", "markdown" or "text", from the content: a WordPress post saved as
    ``post.txt`` is still JSON. The file name only decides between Markdown and plain text when
    the content has no Markdown headings (a ``.md`` file is Markdown)."""
    head = text.lstrip("\ufeff \t\r\n")[:2048]
    if re.match(r"[{\[]\s*[\"{\[\]}]", head) or (head[:1] != "" and head[:1] in "{[" and path.lower().endswith(".json")):
        return "json"
    if re.match(r"<(!doctype|html|head|body|\?xml|!--)", head, re.IGNORECASE):
        return "html"
    markdown = re.search(r"^(#{1,6} \S|\S.*\n(=+|-+)[ \t]*$)", text, re.MULTILINE) is not None
    if not markdown and re.search(r"<(p|div|h[1-6]|article|section|main)\b[^>]*>", head, re.IGNORECASE):
        return "html"
    if markdown or path.lower().endswith((".md", ".markdown")):
        return "markdown"
    return "text"


def _wordpress(path: str, text: str) -> SourceDoc:
    import json

    try:
        data = json.loads(text)
    except RecursionError:
        raise SourceError(path, "JSON nested too deep") from None
    except ValueError as exc:
        line = getattr(exc, "lineno", None)
        raise SourceError(path, f"not valid JSON: {getattr(exc, 'msg', exc)}" + (f" (line {line})" if line else "")) from None
    if isinstance(data, list):
        if len(data) != 1:
            raise SourceError(path, f"a JSON list of {len(data)} items; save one WordPress post")
        data = data[0]
    content = data.get("content") if isinstance(data, dict) else None
    rendered = content.get("rendered") if isinstance(content, dict) else content
    if not isinstance(rendered, str):
        raise SourceError(path, "JSON, but not a WordPress post (no content.rendered)")
    outline = _parse_html(path, rendered)
    yoast = data.get("yoast_head_json") if isinstance(data.get("yoast_head_json"), dict) else {}
    urls = [data.get("link"), yoast.get("canonical"), yoast.get("og_url")]
    title = _title(_rendered(data.get("title"))) or outline.title
    return SourceDoc(
        path, "wordpress", title,
        _unique(urls), _text(data.get("slug")), _text(data.get("date")), _text(data.get("modified")),
        outline.spans(title), frozenset(outline.links), tuple(outline.outline),
    )


def _html_document(path: str, text: str) -> SourceDoc:
    outline = _parse_html(path, text)
    meta = outline.meta
    title = _title(meta.get("og:title")) or _without_site(outline.title, outline.first_h1, meta.get("og:site_name"))
    return SourceDoc(
        path, "html", title, _unique([outline.canonical, meta.get("og:url")]), None,
        meta.get("article:published_time"), meta.get("article:modified_time"),
        outline.spans(title), frozenset(outline.links), tuple(outline.outline),
    )


def _title_heading(first_h1: str | None, title: str | None) -> str | None:
    """The first h1 when it names the page (a <title> may add "| Site" after it), else None."""
    if first_h1 is None or title is None:
        return first_h1
    return first_h1 if heading_key(title).startswith(heading_key(first_h1)) else None


_SITE_SUFFIX = re.compile(r"\s+[|\u2013\u2014\u00b7\u2022:-]\s+[^|\u2013\u2014\u00b7\u2022]{1,60}$")


def _without_site(title: str | None, first_h1: str | None, site: str | None) -> str | None:
    """The page's title without the site's name that a <title> adds (" | Forage", " - Forage"):
    the h1 when the <title> starts with it, else the <title> less a suffix naming the site."""
    if not title:
        return _title(first_h1)
    if first_h1 and heading_key(title).startswith(heading_key(first_h1)):
        return _title(first_h1)
    match = _SITE_SUFFIX.search(title)
    if match and (not site or heading_key(site) in heading_key(match.group())):
        return _title(title[:match.start()])
    return _title(title)


def _rendered(value: Any) -> Any:
    return value.get("rendered") if isinstance(value, dict) else value


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _title(value: Any) -> str | None:
    text = _text(value)
    return normalise(re.sub(r"<[^>]*>", "", text)) if text else None


def _unique(urls: list[Any]) -> tuple[str, ...]:
    out: list[str] = []
    for url in urls:
        if isinstance(url, str) and url.strip() and url.strip() not in out:
            out.append(url.strip())
    return tuple(out)


# --- HTML -----------------------------------------------------------------------------------------

_VOID = frozenset([
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr"
])
_SKIP = frozenset([
    "script", "style", "noscript", "template", "svg", "math", "head", "iframe", "object", "select", "button"
])
_BLOCK = frozenset([
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul"
])
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_CLOSES_P = _BLOCK - {"br", "body", "td", "th", "tr", "tbody", "thead", "tfoot"}
_SIBLINGS = {"li": ("ul", "ol"), "dt": ("dl",), "dd": ("dl",), "tr": ("table", "tbody", "thead", "tfoot"),
             "td": ("tr",), "th": ("tr",), "option": ("select",), "p": ()}


class _Heading:
    __slots__ = ("depth", "followed", "level", "text")

    def __init__(self, text: str, level: int, depth: int) -> None:
        self.text, self.level, self.depth = text, level, depth
        self.followed = False  # text has come under it


class _Outline(HTMLParser):
    """Paragraphs under headings. A heading inside a container with text of its own (a course card,
    a sidebar) speaks for the rest of that container only; after it, the heading before it applies
    again."""

    def __init__(self, path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.stack: list[str] = []
        self.headings: list[_Heading] = []  # the open headings, innermost last
        self.pieces: list[str] = []
        self.heading_pieces: list[str] | None = None
        self.blocks: list[Block] = []
        self.skipping = 0
        self.in_title = False
        self.title: str | None = None
        self.title_pieces: list[str] = []
        self.canonical: str | None = None
        self.meta: dict[str, str] = {}
        self.links: set[str] = set()
        self.first_h1: str | None = None
        self.outline: list[str] = []

    # structure
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"])
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href")
        elif tag == "a" and values.get("href"):
            self.links.add(values["href"].strip())
        elif tag == "title" and not self.skipping_head_content():
            self.in_title = True
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._flush()
            return
        if tag == "body" and "head" in self.stack:
            self.handle_endtag("head")
        self._implied_close(tag)
        if tag in _BLOCK:
            self._flush()
        self.stack.append(tag)
        if len(self.stack) > MAX_HTML_DEPTH:
            raise SourceError(self.path, f"HTML nested more than {MAX_HTML_DEPTH:,} elements deep")
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _HEADINGS and self.heading_pieces is None and not self.skipping:
            self.heading_pieces = []

    def skipping_head_content(self) -> bool:
        return self.skipping > 0 and "head" not in self.stack

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            if self.title is None and self.title_pieces:
                self.title = normalise("".join(self.title_pieces)) or None
        if tag not in self.stack or tag in _VOID:
            if tag in ("br", "p"):
                self._flush()
            return
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag in _SKIP:
                self.skipping -= 1
            if open_tag in _BLOCK:
                self._flush()
            if open_tag in _HEADINGS and self.heading_pieces is not None and not self.skipping:
                self._end_heading(open_tag)
            if open_tag == tag:
                break
        self._close_headings()

    def _close_headings(self) -> None:
        """A heading whose container has closed: done if text followed it there (a course card,
        a sidebar); if the container held the heading alone (a wrapper, a link), it goes on to
        head what follows."""
        closed = []
        while self.headings and self.headings[-1].depth > len(self.stack):
            closed.append(self.headings.pop())
        if closed and not closed[0].followed:
            self._push(closed[0].text, closed[0].level)

    def _implied_close(self, tag: str) -> None:
        if self.stack and self.stack[-1] == "p" and tag in _CLOSES_P:
            self.handle_endtag("p")
        parents = _SIBLINGS.get(tag)
        if parents is not None and tag != "p":
            for open_tag in reversed(self.stack):
                if open_tag == tag:
                    self.handle_endtag(tag)
                    break
                if open_tag in parents:
                    break

    def _end_heading(self, tag: str) -> None:
        text = normalise("".join(self.heading_pieces or []))
        self.heading_pieces = None
        if not text:
            return
        level = _HEADINGS[tag]
        if level == 1 and self.first_h1 is None:
            self.first_h1 = text
        self.outline.append(text)
        self._push(text, level)

    def _push(self, text: str, level: int) -> None:
        depth = len(self.stack)
        while self.headings and self.headings[-1].depth == depth and self.headings[-1].level >= level:
            self.headings.pop()  # a sibling heading of the same or a lower rank ends its section
        self.headings.append(_Heading(text, level, depth))

    # text
    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_pieces.append(data)
            return
        if self.skipping:
            return
        if self.heading_pieces is not None:
            self.heading_pieces.append(data)
        else:
            self.pieces.append(data)

    def _flush(self) -> None:
        if self.heading_pieces is not None:
            return
        text = normalise("".join(self.pieces))
        self.pieces = []
        if text:
            if self.headings:
                self.headings[-1].followed = True
            self.blocks.append((self.headings[-1].text if self.headings else None, text, self._within()))

    def _within(self) -> tuple[str, ...]:
        """The headings a local heading (one in a container deeper than the heading before it)
        stands within; a quote under a course card's name stands under the article's heading too."""
        out = []
        for inner, outer in zip(self.headings[::-1], self.headings[-2::-1]):
            if inner.depth <= outer.depth:
                break
            out.append(outer.text)
        return tuple(out)

    def spans(self, title: str | None) -> tuple[Span, ...]:
        """The passages; the first h1 heads the lead when it is the page's title (or there is none)."""
        self._flush()
        return _group(self.blocks, _title_heading(self.first_h1, title))


def defuse(html_text: str) -> str:
    """The HTML with every ``<`` that starts no complete tag or comment written as ``&lt;``.

    html.parser re-scans an unfinished tag or comment to the end of the input each time it meets
    one, which is quadratic on malformed input (``<a<a<a...`` takes minutes at a few MB). One pass
    here, with look-ahead pointers that only move forward, leaves it nothing unfinished to re-scan.
    """
    size = len(html_text)

    def find(what: str, start: int) -> int:
        found = html_text.find(what, start)
        return size if found < 0 else found  # "none" is the end, so a pointer never looks again

    out: list[str] = []
    done = 0  # html_text[:done] is in ``out``
    next_lt = next_gt = next_end = -1
    position = find("<", 0)
    while position < size:
        if html_text.startswith("<!--", position):
            if next_end < position + 4:
                next_end = find("-->", position + 4)
            if next_end < size:
                position = find("<", next_end + 3)
                continue
        else:
            if next_gt <= position:
                next_gt = find(">", position)
            if next_lt <= position:
                next_lt = find("<", position + 1)
            if next_gt < next_lt:
                position = next_lt
                continue
        out.append(html_text[done:position])
        out.append("&lt;")
        done = position + 1
        position = find("<", position + 1)
    out.append(html_text[done:])
    return "".join(out)


def _parse_html(path: str, text: str) -> _Outline:
    outline = _Outline(path)
    try:
        outline.feed(defuse(text))
        outline.close()
    except SourceError:
        raise
    except (AssertionError, ValueError, RecursionError) as exc:  # html.parser's own complaints
        raise SourceError(path, f"cannot parse the HTML: {exc}") from None
    return outline


def _group(blocks: list[Block], title_heading: str | None = None) -> tuple[Span, ...]:
    """Consecutive blocks under one heading as a span; text under the title heading (the first h1)
    is the lead, as is text before any heading."""
    spans: list[Span] = []
    past_title = False  # a later heading worded like the title is a heading of its own
    for heading, text, within in blocks:
        past_title = past_title or (heading is not None and heading != title_heading)
        if heading is not None and heading == title_heading and not past_title:
            heading = None
        within = tuple(h for h in within if h != title_heading)
        if spans and spans[-1].heading == heading and spans[-1].within == within:
            spans[-1] = Span(heading, (*spans[-1].paragraphs, text), within)
        else:
            spans.append(Span(heading, (text,), within))
    return tuple(spans)


# --- Markdown and plain text ----------------------------------------------------------------------

_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+")
_META = re.compile(r"^([A-Za-z][\w-]*):[ \t]+(.+)$")
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: their alt text
    (re.compile(r"\[([^\]]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)"), r"\1"),  # links: their text
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)([^_]+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"<[^>\n]+>"), ""),
)
_MD_LINK = re.compile(r"\[[^\]]+\]\(([^)\s]+)")


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return normalise(text)


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """``key: value`` lines at the top (between --- fences, or bare as in a plain rendering)."""
    meta: dict[str, str] = {}
    if lines and lines[0].strip() == "---":
        for end, line in enumerate(lines[1:], 1):
            if line.strip() in ("---", "..."):
                for item in lines[1:end]:
                    if match := _META.match(item.strip()):
                        meta.setdefault(match.group(1).lower(), match.group(2).strip().strip("\"'"))
                return meta, end + 1
        return {}, 0
    start = 0
    for start, line in enumerate(lines):
        match = _META.match(line)
        if not match or match.group(1).lower() not in {"title", "url", "publisher", "author", "published",
                                                       "modified", "date", "link", "canonical", "source"}:
            break
        meta.setdefault(match.group(1).lower(), match.group(2).strip())
    else:
        start = len(lines)
    return meta, start


def _markdown(path: str, text: str) -> SourceDoc:
    lines = text.lstrip("\ufeff").splitlines()
    meta, start = _front_matter(lines)
    blocks: list[Block] = []
    heading: str | None = None
    paragraph: list[str] = []
    first_h1: str | None = None
    outline: list[str] = []

    def flush() -> None:
        if paragraph:
            joined = _inline(" ".join(paragraph))
            if joined:
                blocks.append((heading, joined, ()))
            paragraph.clear()

    fenced = False
    for index in range(start, len(lines)):
        line = lines[index]
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            flush()
            continue
        if fenced:
            paragraph.append(line)
            continue
        atx = _ATX.match(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if atx or (line.strip() and not paragraph and _SETEXT.match(following) and not _ITEM.match(line)):
            flush()
            heading = _inline(atx.group(2) if atx else line)
            outline.append(heading)
            level_one = atx is not None and len(atx.group(1)) == 1 or atx is None and following.strip()[0] == "="
            if first_h1 is None and level_one and not blocks:  # a title comes before any text
                first_h1 = heading
            continue
        if _SETEXT.match(line):
            flush()
            continue  # the underline of a heading just read, or a thematic break
        if not line.strip():
            flush()
            continue
        if _ITEM.match(line):
            flush()
            line = _ITEM.sub("", line)
        line = re.sub(r"^ {0,3}>[ \t]?", "", line)
        paragraph.append(line.strip())
    flush()
    links = frozenset(_MD_LINK.findall(text))
    title = meta.get("title") or first_h1
    first_h1 = _title_heading(first_h1, normalise(title) if title else None)
    return SourceDoc(path, "markdown", normalise(title) if title else None,
                     _unique([meta.get("url"), meta.get("canonical"), meta.get("link")]), None,
                     meta.get("published") or meta.get("date"), meta.get("modified"), _group(blocks, first_h1), links,
                     tuple(outline))


_NOT_A_HEADING = re.compile(
    r"^(\W|.*(://|www\.|:\s|\b(19|20)\d\d\b))"  # ">>MORE: ...", a link, "Avg. Time: 5 hours", a date
    r"|^(enroll|sign up|subscribe|read more|learn more|share|apply|register|start|get started)\b",
    re.IGNORECASE)


def _reads_as_prose(paragraph: str) -> bool:
    one = paragraph.strip()
    return "\n" in one or bool(re.search(r"[.!:\"\u201d)]$", one))  # "...?" alone may be the next heading


def _guessed_heading(paragraph: str, following: str | None) -> bool:
    """A single short line standing alone, not ending like a sentence, that a paragraph of prose
    follows; never a link, a label ("Avg. Time: ..."), a date line, a ">>MORE" line or a button."""
    one = paragraph.strip()
    return ("\n" not in one and len(one.split()) <= 15 and following is not None
            and not re.search(r"[.,;:!\"')\u201d]$", one) and not _NOT_A_HEADING.search(one)
            and _reads_as_prose(following))


def _major(heading: str) -> bool:
    """A guessed heading that ends the ones before it: a question, or five words or more. A
    shorter one ("GenAI", "Pay") may be a card's name within the heading before it."""
    return heading.endswith("?") or len(re.findall(r"[A-Za-z]\w*", heading)) >= 5


def _plain(path: str, text: str) -> SourceDoc:
    """Paragraphs split by blank lines; headings are guessed (see ``_guessed_heading``). A short
    guessed heading stands within the headings before it, back to the last major one."""
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text.lstrip("\ufeff").replace("\r\n", "\n")) if p.strip()]
    blocks: list[Block] = []
    heading: str | None = None
    within: tuple[str, ...] = ()
    title: str | None = None
    outline: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if _guessed_heading(paragraph, following):
            new = normalise(paragraph)
            if index == 0:
                title = new
            elif heading is not None and not _major(new) and heading != title:
                within = (heading, *within)
            else:
                within = ()
            heading = new
            outline.append(heading)
            continue
        for line in (paragraph.splitlines() if _looks_listed(paragraph) else [paragraph]):
            if normalise(line):
                blocks.append((heading, normalise(_ITEM.sub("", line)), within))
    return SourceDoc(path, "text", title, (), None, None, None, _group(blocks, title), frozenset(), tuple(outline))


def _looks_listed(paragraph: str) -> bool:
    return all(_ITEM.match(line) for line in paragraph.strip().splitlines()[1:])
