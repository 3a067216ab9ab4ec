"""The answer to a question, decided once: which outcome, which sections of the profile answer
it, what the source does not cover, and what it says on the nearest topics instead.

Every view renders this same result (``views.blocks.answer_page`` for text and Markdown,
``views.data.answer`` for JSON), so the formats cannot disagree about what answers a topic.
"""

from __future__ import annotations

from typing import NamedTuple

from .ask import (
    ANSWERED,
    EMPTY,
    NOT_COVERED,
    NOT_UNDERSTOOD,
    RELATED,
    SENTENCE_END,
    VOCABULARY,
    Match,
    bears_on,
    family_of,
    match,
    questions_in,
    says_for,
    told_in,
)
from .catalog import Catalog
from .errors import ExitCode, UsageError
from .model import Role, Title
from .sections import BY_NAME, Section
from .text import clean
from .topics import BY_KEY, TOPICS, Topic
from .wording import other_language, words

OUTCOMES = (ANSWERED, NOT_COVERED, NOT_UNDERSTOOD, RELATED)
EXIT_CODES = {ANSWERED: ExitCode.OK, NOT_COVERED: ExitCode.NOT_FOUND, NOT_UNDERSTOOD: ExitCode.NOT_FOUND,
              RELATED: ExitCode.NOT_FOUND}
MAX_NEAREST = 2  # nearest topics shown for a subject the source does not cover
MAX_GUESSES = 3  # sections shown, as guesses, for a question not understood
MIN_GUESS = 0.05  # how likely the example questions must find a topic for it to be a guess


class Part(NamedTuple):
    """A section of the profile, shown as the answer to a topic."""

    topic: Topic
    section: Section
    leads: str | None = None  # the part of the section shown first (``Topic.leads``, ``Topic.asks_for``)


class Alternative(NamedTuple):
    topic: Topic
    score: float


class Answer(NamedTuple):
    question: str
    outcome: str  # one of OUTCOMES
    role: Role
    topic: Topic | None  # answered: the topic asked about
    parts: tuple[Part, ...]  # answered: what answers it; not covered: what the source says nearest;
    # not understood: the closest sections, as guesses
    not_covered: str | None  # not covered: what the source does not cover, in words
    message: str | None  # one sentence saying which outcome this is (None when answered)
    confidence: float
    alternatives: tuple[Alternative, ...] = ()
    related: Title | None = None
    basis: str = VOCABULARY  # what decided the outcome: the curated vocabulary or the example questions
    doubt: str | None = None  # not understood by the examples' doubt: "uncovered", or the topic they read instead
    also: tuple[Answer, ...] = ()  # the other questions of a post that asks two or more, each answered or declined
    subjects: tuple[str, ...] = ()  # not covered: the keys of the subjects in ``uncovered:``

    @property
    def exit_code(self) -> int:
        return int(EXIT_CODES[self.outcome])


def answer(catalog: Catalog, question: str, role_hint: str | None = None) -> Answer:
    """The answer to a question; UsageError when it has no words at all. A post that asks two or
    more questions ("what's the pay and what skills do I need?") is answered as a whole, then each
    question on its own: the answers on other topics come with it (``also``), and, with an answer,
    any question the source does not cover. The whole's outcome and exit code stand: a post not
    understood as a whole gets its guesses only, and no part is promoted to the answer (on the
    real development questions that answered two more right and three more wrongly). Except where
    each question is answered, or one sentence asks two things: then they lead in the order asked."""
    question = clean(question)  # no escape sequence reaches the matcher or a message
    whole = _one(catalog, question, role_hint)
    asked = questions_in(question)
    if len(asked) < 2:
        return whole
    if whole.outcome not in (ANSWERED, NOT_COVERED):  # not understood as a whole: its guesses say enough
        return whole
    told = told_in(question)  # each question is read with what the post says ("I'm in India.")
    parts = [_one(catalog, f"{told} {q}" if told else q, role_hint or whole.role.slug)._replace(question=q)
             for q in asked]
    parts = _unreferred(catalog, parts, role_hint or whole.role.slug)
    answered = [p for p in parts if p.outcome == ANSWERED]
    # Each question answered on its own: the questions are answered one by one, the first answer
    # first ("what's the pay and what skills do I need?" leads with the pay), whatever the whole
    # read as: declined ("how much do they make? do I need a PhD?" is not pay by degree) or a topic
    # none of them asks ("what skills do I need and how long does it take?" is not the courses).
    if len(answered) == len(parts):
        first, *rest = _distinct(answered)
        return first._replace(question=whole.question, also=tuple(rest))
    if whole.outcome == NOT_COVERED:  # what the whole declined is not answered by a part that lost its words
        # A part asked before any part the source does not cover lost none ("what's the yearly pay,
        # and does it differ between New York and Austin?" asks the pay, then pay by city).
        near = _near(catalog, whole)
        first_declined = next((n for n, p in enumerate(parts) if p.outcome == NOT_COVERED), len(parts))
        answered = [p for n, p in enumerate(parts)
                    if p.outcome == ANSWERED and (n < first_declined or _family(p.topic) not in near)]
        # Asked in one go, one part the source does not cover (``_one_asking``): each is answered or
        # declined in the order asked.
        if answered and first_declined < len(parts) and _one_asking(question, parts, first_declined):
            first, *rest = _distinct([p for p in parts if p in answered or p.outcome == NOT_COVERED])
            return first._replace(question=whole.question, also=tuple(rest))
    declined = [p for p in parts if p.outcome == NOT_COVERED] if whole.outcome == ANSWERED else []
    others = _distinct([whole, *answered])[1:] + declined
    return whole._replace(also=tuple(others)) if others else whole


def _one_asking(question: str, parts: list[Answer], declined: int) -> bool:
    """The post asks its questions in one go: one sentence ("what do ML engineers do, and do they
    work remotely?"), or its first question answered and the one declined after it going on from
    the one before with "and" ("what's the yearly pay? and do they get bonuses on top?"). Other
    posts of several sentences, on the real development posts, led with a part answered more wrongly."""
    if sum(1 for sentence in SENTENCE_END.split(question.strip()) if sentence.strip()) == 1:
        return True
    return (0 < declined < len(parts) and parts[0].outcome == ANSWERED
            and words(parts[declined].question)[:1] in (["and"], ["also"], ["plus"]))


REFERRING = frozenset(["they", "them", "their", "theirs", "it", "its", "those", "these", "that"])


def _unreferred(catalog: Catalog, parts: list[Answer], role: str) -> list[Answer]:
    """The questions of a post that can be answered on their own: not one that refers back ("their
    salary", "do they") after an earlier question about other jobs ("what are the related titles
    and what do they pay?") or one the source does not cover ("What do ML engineers at Google do?
    What's their salary?"): its answer would drop the words that made it another question; it is
    declined where, read with the question before it, the source does not cover it (the related
    titles' pay), and left out otherwise. One that refers back to an answered question is read with
    it too: "What do ML engineers do in healthcare? How much do they make?" asks pay in healthcare,
    which the source does not cover."""
    kept: list[Answer] = []
    elsewhere = False  # an earlier question asked about other jobs, or about what the source does not cover
    for n, part in enumerate(parts):
        referring = n > 0 and bool(REFERRING & set(words(part.question)))
        if referring and (elsewhere or part.outcome == ANSWERED):
            both = _one(catalog, f"{parts[n - 1].question} {part.question}", role)
            if both.outcome == NOT_COVERED and (elsewhere or _family(part.topic) in _near(catalog, both)):
                part = both._replace(question=part.question)
            elif elsewhere:  # not answered alone, and not declined as read with the question before it
                continue
        kept.append(part)
        elsewhere = elsewhere or part.outcome in (RELATED, NOT_COVERED) or (
            part.topic is not None and part.topic.key == "titles")
    return kept


def _near(catalog: Catalog, declined: Answer) -> set[str | None]:
    """The topic families the subjects a declined answer names bear on (pay in a given industry: pay)."""
    return {_family(BY_KEY.get(k)) for s in declined.subjects for k in bears_on(catalog.uncovered[s])}


def _family(topic: Topic | None) -> str | None:
    """One name for the topic's answer family (``ask.family_of``): its alphabetically first key."""
    return min(family_of(topic.key)) if topic else None


def _distinct(answers: list[Answer]) -> list[Answer]:
    """The answers, one per topic (a family counts as one), in order."""
    seen: dict[str | None, Answer] = {}
    for a in answers:
        seen.setdefault(_family(a.topic), a)
    return list(seen.values())


def _one(catalog: Catalog, question: str, role_hint: str | None) -> Answer:
    found = match(catalog, question, role_hint)
    if found.outcome == EMPTY or found.role is None:
        raise UsageError("Ask a question, e.g. mlcareer ask \"how much does an ML engineer make?\"")
    role = found.role
    alternatives = tuple(Alternative(BY_KEY[key], score) for key, score in found.alternatives)

    def result(outcome: str, message: str | None, topic: Topic | None = None, parts: tuple[Part, ...] = (),
               not_covered: str | None = None) -> Answer:
        return Answer(found.question, outcome, role, topic, parts, not_covered, message, found.confidence,
                      alternatives, found.related, found.basis, found.doubt, subjects=found.subjects)

    if found.outcome == ANSWERED and found.topic:
        topic = BY_KEY[found.topic]
        return result(ANSWERED, None, topic, (_part(topic, found.question),))
    if found.outcome == RELATED and found.related:
        return result(RELATED, _related_message(found))
    foreign = other_language(found.question)
    if found.outcome == NOT_COVERED:
        subject, nearest = _not_covered(catalog, found)
        message = f"The source does not cover {subject}." if found.subjects else f"The source never mentions {subject}."
        if foreign and not found.subjects:
            message = ""  # not "never mentions “combien” or “par”": words of another language, said so below
        says = [s for s in dict.fromkeys(says_for(catalog.uncovered[k], found.question) for k in found.subjects) if s]
        message = " ".join([*says, message, _in_english(foreign)]).strip()  # what it does say on the subject comes first
        return result(NOT_COVERED, message, None, tuple(_part(BY_KEY[k]) for k in nearest), subject)
    guesses = _guesses(found)
    message = " ".join([_in_english(foreign), _unsure_message(alternatives, found, guesses)]).strip()  # the likelier cause first
    return result(NOT_UNDERSTOOD, message, None, guesses)


def _in_english(foreign: list[str]) -> str:
    """What a declined question written partly in another language is told (``other_language``)."""
    if not foreign:
        return ""
    named = ", ".join(f"\u201c{w}\u201d" for w in foreign[:3])
    return (f"Some of its words read as another language ({named}); the source is in English, and so is "
            "what ask understands: asking in English may get an answer.")


def banner() -> str:
    """What the interactive prompt says first: the topics, from the one table of them, and how to leave."""
    return f"{topic_list()} {LEAVING}"


def topic_list() -> str:
    """The topics ``ask`` answers, from the one table of them (what ``?`` and ``help`` print)."""
    return "Ask about " + "; ".join(t.heading.lower() for t in TOPICS) + "."


LEAVING = "? or help lists the topics; q, quit, exit or Ctrl-D leaves."
HELP_WORDS = frozenset(["?", "help"])  # in the interactive prompt: list the topics
QUIT_WORDS = frozenset(["q", "quit", "exit"])  # in the interactive prompt: leave


def _part(topic: Topic, question: str = "") -> Part:
    """The section that answers a topic, and the part of it to show first: the one the question
    asks for in so many words, else the topic's own."""
    text = f" {' '.join(words(question))} "
    asked = next((part for part, said in topic.asks_for if any(f" {w} " in text for w in said)), None)
    return Part(topic, BY_NAME[topic.section], asked or topic.leads)


def _not_covered(catalog: Catalog, found: Match) -> tuple[str, list[str]]:
    """What the source does not cover, in words, and the topics whose facts come nearest: the
    topic the question asked about, if the subject is near it or refines it, else the subject's own."""
    solid = found.topic
    if found.subjects:
        subjects = [catalog.uncovered[key] for key in found.subjects]
        own = [k for s in subjects for k in s.get("nearest") or ()]
        related = set(own) | {k for s in subjects for k in s.get("refines") or ()}
        nearest = [solid] if solid in related else own  # "how long is the work week" is not the path
        text = ", nor ".join(dict.fromkeys(s["text"] for s in subjects))
        return text, [k for k in dict.fromkeys(nearest) if k in BY_KEY][:MAX_NEAREST]
    named = " or ".join(f"\u201c{w}\u201d" for w in found.unmentioned)
    return named, [solid] if solid else []


def _guesses(found: Match) -> tuple[Part, ...]:
    """The two or three sections closest to a question not understood: the readings that
    disagreed, the vocabulary's closest topics, then what the example questions find it most
    like; one topic per section."""
    keys = [found.topic, found.doubt] if found.doubt in BY_KEY else []
    keys += [key for key, _ in found.alternatives]
    keys += [key for key, p in found.likeliest if p >= MIN_GUESS]
    parts: list[Part] = []
    for key in dict.fromkeys(k for k in keys if k in BY_KEY):
        part = _part(BY_KEY[key])
        if all(p.section.key != part.section.key for p in parts):
            parts.append(part)
    return tuple(parts[:MAX_GUESSES])


def _related_message(found: Match) -> str:
    title, role = found.related, found.role
    assert title is not None and role is not None
    what = "no pay figures" if found.topic in ("salary", "hourly") else "no details"
    return (f"{title.shown} is one of the related job titles the {role.title} profile lists, but the source "
            f"has no profile for it and gives {what} for it.")


def _unsure_message(alternatives: tuple[Alternative, ...], found: Match, guesses: tuple[Part, ...]) -> str:
    named = "; ".join(p.topic.heading.lower() for p in guesses)
    closest = f" The closest the source comes is below, as guesses: {named}." if guesses else ""
    if found.doubt in BY_KEY and found.topic in BY_KEY:
        return (f"Not sure what you are asking: it reads as {BY_KEY[found.topic].heading.lower()} and as "
                f"{BY_KEY[found.doubt].heading.lower()}.{closest} Try naming one, e.g. 'what is the salary?'")
    if found.doubt:
        return ("Not sure the source answers this: it is most like questions about what the source does not "
                f"cover.{closest or ' No topic of the source comes close.'} 'mlcareer show' prints everything it says.")
    if not guesses:
        return ("Not sure what you are asking: no topic of the source comes close. "
                "'mlcareer show' prints everything it says.")
    return (f"Not sure; the closest the source comes is below, as guesses: {named}. "
            "Try naming one, e.g. 'what is the salary?'")
