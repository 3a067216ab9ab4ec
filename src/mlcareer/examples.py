"""A second opinion for ``mlcareer ask``, learnt from example questions.

``data/questions.yaml`` holds some 7,000 questions people asked, written from the article alone,
each under the topic that answers it or under ``uncovered`` (about something the article does not
cover, or no question about the job at all). A multinomial naive Bayes model over their word
stems and pairs of stems says, for a new question, which of those it is most like and how sure
that is. ``ask`` weighs this against its curated vocabulary (see ``ask.reconsider``); alone it
decides nothing.

Offline and deterministic: the model is counted from the file on first use (under a tenth of a
second), then read from the user's cache, and nothing is downloaded. A word the examples never use that is a close
misspelling of one they do ("responsiblities") counts as that word.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import NamedTuple

from . import cache
from .catalog import builtin_data_path
from .errors import DataError
from .topics import TOPIC_KEYS
from .wording import STOP_WORDS, TYPO_RATIO, stem, words

UNCOVERED = "uncovered"  # the label of questions the article does not answer
SMOOTHING = 0.05  # additive smoothing of the word counts (small: a word seen once under one topic says a lot)
# Question words kept although they name no subject: "how much", "per hour", "a day", "why".
KEPT = frozenset(["how", "much", "per", "hour", "day", "what", "why", "who", "where", "when", "do", "does",
                  "become", "pay", "paid"])
IGNORED = frozenset(["a", "an", "the"])


class Opinion(NamedTuple):
    label: str  # a topic key, or UNCOVERED
    probability: float  # how sure the model is, 0 to 1 (naive Bayes is overconfident: compare, don't trust)
    probabilities: dict[str, float]  # every label's

    def ranking(self, most: int = 3) -> tuple[str, ...]:
        """The likeliest topics, best first (not UNCOVERED)."""
        ranked = sorted((k for k in self.probabilities if k != UNCOVERED), key=lambda k: -self.probabilities[k])
        return tuple(ranked[:most])


def questions_path() -> str:
    """The packaged example questions; in a source checkout, the repository's ``data/questions.yaml``."""
    return builtin_data_path("questions.yaml")


def read_examples(path: str | None = None) -> dict[str, list[str]]:
    """The example questions by label: each topic key, and UNCOVERED. A file not in that shape
    (a damaged install) is a DataError, in one line."""
    import yaml

    path = path or questions_path()
    try:
        with open(path, encoding="utf-8") as handle:
            document = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        topics = document.get("topics") or {}
        out = {key: block.splitlines() for key, block in topics.items() if isinstance(block, str)}
        out[UNCOVERED] = document.get(UNCOVERED).splitlines()
    except (OSError, UnicodeError, yaml.YAMLError, AttributeError) as exc:
        raise DataError(path, f"not a file of example questions ({exc.__class__.__name__})") from exc
    if set(topics) != set(TOPIC_KEYS) or len(out) != len(TOPIC_KEYS) + 1:
        raise DataError(path, f"example questions need a block of text under each topic: {', '.join(TOPIC_KEYS)}")
    return {key: [q for q in questions if q.strip()] for key, questions in out.items()}


def stems(tokens: Sequence[str]) -> list[str]:
    """The words that say what a question asks, as stems: its subject words and a few question
    words; not "the", "please" or "really"."""
    return [stem(t) for t in tokens if t not in IGNORED and (t not in STOP_WORDS or t in KEPT)]


def name_pattern(names: Iterable[Sequence[str]]) -> re.Pattern[str]:
    """Role names as whole words, longest first (the examples name the role they ask about)."""
    spelt = sorted({" ".join(n) for n in names if n}, key=len, reverse=True)
    return re.compile(r"(?<!\S)(?:" + "|".join(map(re.escape, spelt)) + r")(?!\S)" if spelt else r"(?!)")


class Model:
    """Naive Bayes over stems and pairs of neighbouring stems, counted from labelled questions."""

    def __init__(self, counts: dict[str, dict[str, int]], sizes: dict[str, int],
                 features: frozenset[str] | None = None, spellings: list[str] | None = None) -> None:
        self.labels = sorted(k for k in counts if sizes.get(k))
        self.counts, self.sizes = counts, sizes
        total = sum(sizes[k] for k in self.labels)
        self.prior = {k: math.log(sizes[k] / total) for k in self.labels}
        # Derived from the counts; the cache keeps them too, since building them is half of a warm start.
        self.features = features if features is not None else frozenset().union(*(counts[k] for k in self.labels))
        self.spellings = spellings if spellings is not None else sorted(
            f for f in self.features if " " not in f and len(f) >= 5)
        size = len(self.features)
        self.denominator = {k: math.log(sum(counts[k].values()) + SMOOTHING * size) for k in self.labels}

    @classmethod
    def count(cls, examples: dict[str, list[str]], names: Iterable[Sequence[str]] = ()) -> Model:
        """The model of these examples; role names are set aside, as ``ask`` sets them aside."""
        pattern = name_pattern(names)
        counts: dict[str, dict[str, int]] = {}
        for key, questions in examples.items():
            found: Counter[str] = Counter()
            for question in questions:  # each feature once per question, as ``opinion`` reads them
                found.update(set(features(stems(pattern.sub(" ", " ".join(words(question))).split()))))
            counts[key] = dict(found)
        return cls(counts, {key: len(questions) for key, questions in examples.items()})

    def state(self) -> tuple[dict[str, dict[str, int]], dict[str, int], frozenset[str], list[str]]:
        """What ``Model(*state)`` rebuilds the model from (plain containers, for the cache)."""
        return self.counts, self.sizes, self.features, self.spellings

    def known(self, word: str) -> str:
        """The word, or the seen word it is a close misspelling of."""
        if word in self.features or len(word) < 5:
            return word
        from rapidfuzz import fuzz, process

        found = process.extractOne(word, self.spellings, scorer=fuzz.ratio, score_cutoff=TYPO_RATIO)
        return found[0] if found else word

    def opinion(self, tokens: Sequence[str]) -> Opinion | None:
        """The label the question is most like, and how sure; None when it has no word the examples use."""
        seen = [f for f in dict.fromkeys(features([self.known(w) for w in stems(tokens)])) if f in self.features]
        if not seen:
            return None
        scores = {k: self.prior[k] + sum(math.log(self.counts[k].get(f, 0) + SMOOTHING) - self.denominator[k]
                                         for f in seen) for k in self.labels}
        top = max(scores.values())
        weights = {k: math.exp(s - top) for k, s in scores.items()}
        total = sum(weights.values())
        best = max(weights, key=lambda k: weights[k])
        return Opinion(best, weights[best] / total, {k: w / total for k, w in weights.items()})


def load(names: Iterable[Sequence[str]] = ()) -> Model:
    """The model of the packaged example questions, from the cache when the file has not changed."""
    path = questions_path()
    names = sorted({" ".join(n) for n in names if n})
    key = "\n".join(names)
    state = cache.load_derived("questions", path, key)
    if state is not None:
        try:
            return Model(*state)
        except Exception:  # noqa: BLE001, S110 - a damaged entry is counted again
            pass
    model = Model.count(read_examples(path), [n.split() for n in names])
    cache.store_derived("questions", path, key, model.state())
    return model


def features(stemmed: Sequence[str]) -> list[str]:
    return [*stemmed, *(f"{a} {b}" for a, b in pairwise(stemmed))]
