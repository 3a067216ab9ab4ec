"""Answering a question in plain English: which role, which topic, how sure.

Offline and deterministic: the question's words are matched against each topic's curated
keywords (stems, plurals and typos tolerated, with rapidfuzz) and phrasings (word order
tolerated); role names are recognised and set aside first. A refinement (hourly pay) beats
the topic it refines (pay) when both match. When no topic stands out, the result says so
and lists the closest ones instead of guessing.
"""

from __future__ import annotations

from typing import NamedTuple

from .catalog import Catalog
from .model import Role, Title
from .queries import DEFAULT_ROLE, MAX_QUERY
from .topics import BY_KEY, TOPICS

MIN_PHRASE = 0.72  # phrase similarity that answers a question without any keyword
MIN_LEAD = 0.15  # how far the best topic must lead the next one (and at least 10% of its score)
TYPO_RATIO = 84  # rapidfuzz ratio at which a word counts as a misspelt keyword
# Questions about these topics are about one occupation: asked of a title without a
# profile, the honest answer is that the source has nothing on it.
# Words that ask nothing by themselves: a question of only these and a role's name ("what is
# an MLE?", "tell me about ML engineers") is about the role itself.
FUNCTION_WORDS = frozenset(["a", "an", "the", "is", "are", "what", "whats", "who", "which", "tell", "me", "about", "please", "explain", "describe", "mean", "means", "of", "this", "that", "it", "its", "job", "role", "career"])
ABOUT_AN_OCCUPATION = {"overview", "salary", "hourly", "duties", "typical_day", "industries", "skills",
                       "pros_cons", "careers", "outlook"}


class Answer(NamedTuple):
    question: str
    status: str  # "answer", "related" (a title without a profile), "unsure" or "empty"
    role: Role | None
    topic: str | None
    confidence: float
    alternatives: tuple[tuple[str, float], ...] = ()
    related: Title | None = None


def words(text: str) -> list[str]:
    from rapidfuzz.utils import default_process

    return default_process(text.replace("'", "").replace("\u2019", "")).split()


def _same_word(word: str, keyword: str) -> bool:
    """Whether a question word is the keyword: the same, a plural, a misspelling (one edit in a
    stem, a close match in a longer word; typos in the first letter are rare, so it must agree)."""
    if keyword.endswith("*"):
        stem = keyword[:-1]
        if word.startswith(stem):
            return True
        # A word no longer than the stem that differs from it is another word ("still" is not
        # "skill*"); a longer one may be a misspelling ("salery" for "salar*").
        if len(stem) >= 5 and len(word) > len(stem) and word[0] == stem[0]:
            from rapidfuzz.distance import Levenshtein

            return Levenshtein.distance(word[: len(stem)], stem) <= 1
        return False
    if word == keyword or word.rstrip("s") == keyword.rstrip("s"):
        return True
    if len(keyword) >= 5 and len(word) >= 4 and word[0] == keyword[0]:
        from rapidfuzz.fuzz import ratio

        return ratio(word, keyword) >= TYPO_RATIO
    return False


def _find(tokens: list[str], phrase: list[str]) -> int:
    """Where ``phrase`` (keyword words) starts in ``tokens``, or -1."""
    n = len(phrase)
    for start in range(len(tokens) - n + 1):
        if all(_same_word(tokens[start + i], phrase[i]) for i in range(n)):
            return start
    return -1


def _remove(tokens: list[str], names: list[list[str]]) -> tuple[list[str], bool]:
    """Tokens without any of ``names`` (longest first); whether any was found."""
    found = False
    for name in sorted(names, key=len, reverse=True):
        start = _find(tokens, name)
        while name and start >= 0:
            tokens = tokens[:start] + tokens[start + len(name):]
            found = True
            start = _find(tokens, name)
    return tokens, found


def keyword_words(keyword: str) -> list[str]:
    """A keyword as words; a trailing * (a stem) survives the processing."""
    out: list[str] = []
    for part in keyword.split():
        processed = words(part)  # "future-proof" is two words
        if processed:
            out += processed
            if part.endswith("*"):
                out[-1] += "*"
    return out


def _keyword_score(tokens: list[str], vocabulary: dict[str, list[str]]) -> float:
    score = 0.0
    for weight, field in ((1.0, "keywords"), (2.0, "strong")):
        for keyword in vocabulary.get(field, ()):
            phrase = keyword_words(keyword)
            if phrase and _find(tokens, phrase) >= 0:
                score += weight * (1 + 0.25 * (len(phrase) - 1))
    return score


def _phrase_score(text: str, phrases: list[str], role_names: list[list[str]]) -> float:
    """Similarity to the closest phrasing, both without role names, word order ignored."""
    from rapidfuzz import fuzz, process

    if not text or not phrases:
        return 0.0
    stripped = [" ".join(_remove(words(p), role_names)[0]) for p in phrases]
    best = process.extractOne(text, stripped, scorer=fuzz.token_sort_ratio)
    return best[1] / 100 if best else 0.0


def ask(catalog: Catalog, question: str, role_hint: str | None = None) -> Answer:
    """Work out the role and the topic of a question."""
    question = question[:MAX_QUERY]
    tokens = words(question)
    if not tokens:
        return Answer(question, "empty", None, None, 0.0)

    role, tokens, named = _role_in(catalog, tokens, role_hint)
    related, tokens = _related_title(role, tokens)
    text = " ".join(tokens)
    role_names = _names(role)

    scores: dict[str, float] = {}
    keywords: dict[str, float] = {}
    for topic in TOPICS:
        vocabulary = catalog.topics.get(topic.key, {})
        keyword = keywords[topic.key] = _keyword_score(tokens, vocabulary)
        phrase = _phrase_score(text, vocabulary.get("phrases", []), role_names)
        scores[topic.key] = keyword + phrase if keyword else (phrase if phrase >= MIN_PHRASE else 0.0)
    for topic in TOPICS:  # a refinement whose words appear outranks what it refines
        if topic.parent and keywords[topic.key] > 0:
            scores[topic.key] += scores[topic.parent]

    if named and related is None and all(t in FUNCTION_WORDS for t in tokens):
        scores["overview"] = max(scores["overview"], 2.0)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    alternatives = tuple((key, round(score, 2)) for key, score in ranked[:3] if score > 0)
    confidence = round(top / (top + second + 0.5), 2) if top else 0.0

    if related is not None and not named and (top == 0 or best in ABOUT_AN_OCCUPATION):
        return Answer(question, "related", role, best if top else None, confidence, alternatives, related)
    if top == 0 or top - second < max(MIN_LEAD, 0.1 * top):
        return Answer(question, "unsure", role, None, confidence, alternatives, related)
    return Answer(question, "answer", role, best, confidence, alternatives, related)


def _names(role: Role) -> list[list[str]]:
    return [words(n) for n in (role.title, *role.aliases, role.slug.replace("-", " "))]


def _role_in(catalog: Catalog, tokens: list[str], hint: str | None) -> tuple[Role, list[str], bool]:
    """The role the question names (else the hint or the default) and the tokens without it."""
    from .queries import resolve_role

    for slug, title, aliases in catalog.names():
        remaining, found = _remove(tokens, [words(n) for n in (title, *aliases, slug.replace("-", " "))])
        if found:
            return catalog.role(slug), remaining, True
    return resolve_role(catalog, hint or (DEFAULT_ROLE if DEFAULT_ROLE in catalog else None)), tokens, False


def _related_title(role: Role, tokens: list[str]) -> tuple[Title | None, list[str]]:
    """A listed title without a profile that the question names, and the tokens without it."""
    best: tuple[int, Title, list[str]] | None = None
    for title in role.titles.names:
        if title.role:
            continue
        for spelling in (title.name, title.shown, *title.aliases):
            name = words(spelling)
            if name and _find(tokens, name) >= 0 and (best is None or len(name) > best[0]):
                best = (len(name), title, name)
    if best is None:
        return None, tokens
    remaining, _ = _remove(tokens, [best[2]])
    return best[1], remaining


def topic_heading(key: str) -> str:
    return BY_KEY[key].heading
