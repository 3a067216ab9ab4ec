"""Does a shown text say what its quote says? Pure checks, no I/O, shared by tests and ``verify``.

A paraphrase may say no more and no less than its quote. These functions catch the kinds of
mistake that are easy to make and hard to see:

``HEDGES``
    The hedges and qualifiers the article uses ("most", "may", "likely", "a lot", "at least", ...).
``dropped_hedges(shown, quote) -> list[str]``
    Hedges present in ``quote`` that ``shown`` lost (an accepted equivalent counts as kept:
    "might" for "may", "usually" for "generally", ...). In the order the quote has them.
``speaker_problems(quote, speaker, source_text) -> list[str]``
    Sentences of ``quote`` that are credited to ``speaker`` but are not his words: in the
    source they stand neither inside quotation marks nor in a sentence naming him ("Weisgraeber
    says ...", "According to Weisgraeber, ...", or "he says"/"he continues"). Also a problem:
    a quote that is not in the source at all.
``unattributed_speech(quote, source_text, speakers) -> bool``
    True when ``quote`` holds someone's words (inside quotation marks in the source, or a
    sentence naming one of ``speakers``), so the fact showing it must credit a speaker.
``merged_ranges(shown, estimates) -> list[str]``
    Places where ``shown`` presents the figures of two estimates of *different* measures as one
    range ("$129,000 to $161,000", "129,000-161,000", "between ... and ..."). ``estimates`` are
    normalised salary estimates (mappings with ``measure``, ``annual``, ``hourly``).
``article_sections(markdown) -> dict[str, str]``
    The article's text under each heading (``## ``/``### ``), keyed by heading; the opening
    paragraphs, which stand under no heading, are keyed ``BEFORE_FIRST_HEADING``
    (``"(before the first heading)"``), the ``section`` the data gives their facts.
``states_order(quote) -> bool``
    Whether a quote places what it says after something else ("After that", "then", "next",
    ...). A path step after the first needs one; what the article requires without placing it
    in the sequence belongs in ``path.requirements``.
``role_warnings(raw_role, source_text=None, index=0) -> list[tuple[str, str]]``
    Every warning for one role as the loader normalises it (``Document.role(index)``, see
    ``schema.ROLE``): ``(field path, message)``, the path in ``validate``'s spelling, for
    example ``roles[0].path.steps[1].text`` (``index`` names the role's place in the file).
    The speaker checks need the text of the role's own source (pass it only for roles whose
    ``source`` it is; a quote not found in it is reported): without ``source_text`` they are
    skipped. ``role_facts(raw_role, where)`` lists the facts it walks, with their paths.

Typical use (as the tests do)::

    doc, problems = schema.check_document(yaml_data)
    for index, role in enumerate(doc["roles"]):
        for path, message in role_warnings(role, article_text, index):
            print(f"{path}: {message}")

A fact's shown text is its ``text``; where ``text`` was missing the loader made it the joined
quote, which says exactly what the quote says and is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .model import BEFORE_FIRST_HEADING

HEDGES: tuple[str, ...] = (
    "most", "some", "many", "much", "several", "a few", "a lot", "fair amount", "at least",
    "just under", "approximately", "may", "might", "could", "can", "should", "likely", "seem",
    "often", "generally", "usually", "very", "really", "definitely",
)

# A shown text keeps a hedge when it has the hedge itself or one of these.
EQUIVALENTS: dict[str, tuple[str, ...]] = {
    "may": ("may", "might", "could"),
    "might": ("might", "may", "could"),
    "could": ("could", "might", "may"),
    "can": ("can", "could"),
    "likely": ("likely", "probably"),
    "generally": ("generally", "usually", "typically"),
    "usually": ("usually", "generally", "typically"),
    "often": ("often", "frequently"),
    "a lot": ("a lot", "lots", "many", "much"),
    "approximately": ("approximately", "about", "around", "roughly"),
    "just under": ("just under", "a little under", "just below"),
}

_SPEECH_VERBS = ("says", "said", "continues", "explains", "adds", "points out", "recommends", "notes")
_OPEN = "\u201c"
_CLOSE = "\u201d"


def _phrase(words: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(w) for w in words.split())
    return re.compile(rf"(?<![\w\u2019']){body}(?![\w\u2019'])", re.IGNORECASE)


def _has(text: str, words: str) -> bool:
    return _phrase(words).search(text) is not None


def _count(text: str, words: str) -> int:
    return len(_phrase(words).findall(text))


def dropped_hedges(shown: str, quote: str) -> list[str]:
    """Hedges the quote has and the shown text lost, in the quote's order.

    A hedge the quote uses twice ("very flexible ... very valued") must be kept twice.
    """
    found = []
    for hedge in HEDGES:
        match = _phrase(hedge).search(quote)
        if match is None:
            continue
        # The hedge and its equivalents are counted together on both sides: "may ... might" in
        # the quote needs two of may/might/could in the text, not one "might" for both.
        alternatives = EQUIVALENTS.get(hedge, (hedge,))
        kept = sum(_count(shown, alt) for alt in alternatives)
        if kept < max(_count(quote, hedge), sum(_count(quote, alt) for alt in alternatives)):
            found.append((match.start(), hedge))
    return [hedge for _, hedge in sorted(found)]


def article_sections(markdown: str) -> dict[str, str]:
    """Each heading's text up to the next heading; the part before the first heading too."""
    parts = re.split(r"^(#{2,3} .+)$", markdown, flags=re.MULTILINE)
    spans = {BEFORE_FIRST_HEADING: parts[0]}
    for heading, body in zip(parts[1::2], parts[2::2]):
        spans[heading.lstrip("# ").strip()] = body
    return spans


# --- speakers -----------------------------------------------------------------------------------

def speaker_names(speaker: str) -> tuple[str, ...]:
    """The words that name a speaker in a sentence: his full name and surname.

    ``"Robert Weisgraeber, cofounder ... of AX Semantics"`` -> ``("Robert Weisgraeber", "Weisgraeber")``.
    """
    name = speaker.split(",")[0].strip()
    parts = name.split()
    return tuple(dict.fromkeys(p for p in (name, parts[-1] if parts else "") if p))


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of ``text``; a closing quotation mark stays with it."""
    out = []
    start = 0
    for match in re.finditer(r"(?<=[.!?])[\u201d\"\u2019]?\s+(?=[\u201c\"\[A-Z])", text):
        end = match.start() + len(match.group().rstrip())
        out.append((start, text[start:end]))
        start = match.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return out


def _quote_depth(source_text: str, position: int) -> int:
    """How many quotation marks are open at ``position`` of the source."""
    before = source_text[:position]
    return before.count(_OPEN) - before.count(_CLOSE) + before.count('"') % 2


def _names(sentence: str, speaker: str) -> bool:
    if any(_has(sentence, n) for n in speaker_names(speaker)):
        return True
    return any(_has(sentence, f"{pronoun} {verb}") for pronoun in ("he", "she", "they") for verb in _SPEECH_VERBS)


def _in_quotation(source_text: str, at: int, sentence: str) -> bool:
    first = re.search(r"\w", sentence)
    return _quote_depth(source_text, at + (first.start() if first else 0)) > 0


# How far before quoted words (a course card may stand between a name and "he says") and after
# them ("..., says Weisgraeber.") the source names who said them.
ATTRIBUTION_REACH = 1500
ATTRIBUTION_AFTER = 300


def speaker_findings(quote: str, speaker: str, source_text: str) -> list[tuple[str, str]]:
    """(code, message) for each sentence of ``quote`` credited to ``speaker`` that the source does
    not give as theirs: "V404" when the source never names them, or names them nowhere near these
    words; "V403" for a sentence in the source's own voice (no quotation marks, naming no one)."""
    name = speaker_names(speaker)[0] if speaker_names(speaker) else speaker
    at = source_text.find(quote)
    if at < 0:
        return [("V404", f"not found in the source: {quote[:60]!r}")]
    if not any(_has(source_text, n) for n in speaker_names(speaker)):
        return [("V404", f"the source never names {name}: these words cannot be credited to them")]
    out = []
    for offset, sentence in sentences(quote):
        start = at + offset
        quoted = _in_quotation(source_text, start, sentence) or _OPEN in sentence
        if not quoted and not _names(sentence, speaker):
            out.append(("V403", (f"the source gives this sentence in its own voice, not as {name}'s words "
                                f"(no quotation marks, and it names no speaker): {sentence[:70]!r}")))
            continue
        around = source_text[max(0, start - ATTRIBUTION_REACH):start + len(sentence) + ATTRIBUTION_AFTER]
        if not any(_has(around, n) for n in speaker_names(speaker)):
            how = "in quotation marks" if quoted else "given as someone's words"
            out.append(("V404", (f"{how}, but the source does not credit them to {name} (it names "
                                f"{name} nowhere near them): {sentence[:70]!r}")))
    return out


def speaker_problems(quote: str, speaker: str, source_text: str) -> list[str]:
    """Sentences of ``quote`` credited to ``speaker`` that the source does not give as theirs."""
    return [message for _, message in speaker_findings(quote, speaker, source_text)]


def unattributed_speech(quote: str, source_text: str, speakers: Sequence[str] = ()) -> bool:
    """Whether ``quote`` holds someone's words: quoted speech, or a sentence naming a speaker."""
    at = source_text.find(quote)
    if at < 0:
        return False
    for offset, sentence in sentences(quote):
        if _in_quotation(source_text, at + offset, sentence) or _OPEN in sentence:
            return True
        if any(_names(sentence, s) for s in speakers):
            return True
    return False


# --- ranges -------------------------------------------------------------------------------------

def _figure(value: float) -> str:
    """A pattern for a figure as people write it: 129000, 129,000, $129,000, 129k."""
    whole = int(value)
    forms = {f"{whole:,}", str(whole)}
    if whole >= 1000 and whole % 1000 == 0:
        forms.add(f"{whole // 1000}k")
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return rf"(?<![\d,.])\$?(?:{alternatives})(?![\d,])"


_GAP = r"[^.;()\n]{0,40}?"
_JOIN = r"(?:\bto\b|\u2013|\u2014|-|\band\b)"


def merged_ranges(shown: str, estimates: Sequence[Mapping[str, Any]]) -> list[str]:
    """Where ``shown`` joins figures of two different measures into one range."""
    found = []
    for field in ("annual", "hourly"):
        figures: list[tuple[str | None, float]] = [
            (e.get("measure"), float(e[field])) for e in estimates if e.get(field) is not None]
        for i, (measure_a, a) in enumerate(figures):
            for measure_b, b in figures[i + 1:]:
                if measure_a == measure_b:
                    continue
                for first, second in ((a, b), (b, a)):
                    pattern = _figure(first) + _GAP + _JOIN + _GAP + _figure(second)
                    match = re.search(pattern, shown, re.IGNORECASE)
                    if match:
                        found.append(f"{match.group()!r} joins a {measure_a or 'figure'} and a "
                                     f"{measure_b or 'figure'} into one range")
    return found


# --- order -------------------------------------------------------------------------------------

ORDER_WORDS = re.compile(r"\b(after that|afterwards?|then|next|once you|later|first|before that)\b", re.IGNORECASE)


UNORDERED_STEP = ("its quote puts it in no order after the step before; a requirement without an order "
                  "belongs in path.requirements")


def states_order(quote: str) -> bool:
    """Whether ``quote`` places what it says in a sequence."""
    return ORDER_WORDS.search(quote) is not None


# --- one role -----------------------------------------------------------------------------------

FACT_LISTS = ("overview", "duties", "typical_day", "industries", "careers", "skills", "fit")


def role_facts(raw_role: Mapping[str, Any], where: str = "roles[0]") -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(field path, fact) for every fact of a normalised role."""
    for key in FACT_LISTS:
        for i, fact in enumerate(raw_role.get(key) or ()):
            yield f"{where}.{key}[{i}]", fact
    for group, keys in (("pros_cons", ("intro", "pros", "cons")), ("path", ("steps", "requirements", "alongside"))):
        holder = raw_role.get(group) or {}
        for key in keys:
            for i, fact in enumerate(holder.get(key) or ()):
                yield f"{where}.{group}.{key}[{i}]", fact
    for group, key in (("path", "intro"), ("salary", "note")):
        fact = (raw_role.get(group) or {}).get(key)
        if fact:
            yield f"{where}.{group}.{key}", fact


_CONTENT = re.compile(r"[a-z][a-z'’-]{3,}")
_COMMON = frozenset(["that", "this", "with", "from", "have", "they", "their", "will", "your", "also", "what", "when", "which", "about", "into", "there", "these", "those", "them", "than", "then", "more", "most", "much", "many", "some", "such", "even", "very", "only", "just", "like", "would", "could", "should", "need", "needs", "being", "been", "were", "does", "make", "made"])


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _CONTENT.findall(text.casefold()) if w not in _COMMON}


def unrelated_text(text: str, quote: str) -> bool:
    """Whether a shown text has little to do with its quote: under a third of its content words
    (stems of four letters or more) are in the quote (another fact's quote pasted on, say)."""
    own = _stems(text)
    return len(own) >= 3 and len(own & _stems(quote)) / len(own) < 0.34


def role_warnings(raw_role: Mapping[str, Any], source_text: str | None = None,
                  index: int = 0) -> list[tuple[str, str]]:
    """Every fidelity warning for one normalised role, as (field path, message)."""
    return [(path, message) for path, _, message in role_findings(raw_role, source_text, index)]


def role_findings(raw_role: Mapping[str, Any], source_text: str | None = None,
                  index: int = 0) -> list[tuple[str, str, str]]:
    """Every fidelity finding for one normalised role, as (field path, rule code, message); the
    codes are ``verify``'s (README, "verify rules")."""
    where = f"roles[{index}]"
    estimates = list((raw_role.get("salary") or {}).get("estimates") or ())
    speakers = [f["speaker"] for _, f in role_facts(raw_role, where) if f.get("speaker")]
    out: list[tuple[str, str, str]] = []
    steps = (raw_role.get("path") or {}).get("steps") or ()
    for i, step in enumerate(steps[1:], 1):
        if step.get("quote") and not states_order(" ".join(step["quote"])):
            out.append((f"{where}.path.steps[{i}]", "V406", UNORDERED_STEP))
    for path, fact in role_facts(raw_role, where):
        quotes = list(fact.get("quote") or ())
        text = fact.get("text") or ""
        joined = " ".join(quotes)
        if quotes and text and text != joined:
            lost = dropped_hedges(text, joined)
            if lost:
                out.append((f"{path}.text", "V401", "drops the hedge(s) its quote has: " + ", ".join(lost)))
            if unrelated_text(text, joined):
                out.append((f"{path}.text", "V501", ("has little to do with its quote: most of its words are not "
                            f"in it (is the quote another fact's?): {joined[:70]!r}")))
        for problem in merged_ranges(text, estimates):
            out.append((f"{path}.text", "V402", problem))
        if source_text is None:
            continue
        speaker = fact.get("speaker")
        for i, quote in enumerate(quotes):
            spot = f"{path}.quote" + (f"[{i}]" if len(quotes) > 1 else "")
            if speaker:
                out += [(spot, code, problem) for code, problem in speaker_findings(quote, speaker, source_text)]
            elif unattributed_speech(quote, source_text, speakers):
                out.append((spot, "V405", "holds a speaker's words, but the fact credits no speaker"))
    return out
