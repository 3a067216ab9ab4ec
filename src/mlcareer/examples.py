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
from array import array
from bisect import bisect_left
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
    """Naive Bayes over stems and pairs of neighbouring stems, counted from labelled questions.

    Kept packed, as the cache stores it: the features sorted in one string, and each feature's
    count under every label in one array, found by bisection. A warm start reads a few long
    strings instead of building 20,000 dictionary entries, and a question looks up only its own
    features."""

    def __init__(self, labels: str, sizes: list[int], features: str, counts: bytes, totals: list[int]) -> None:
        self.labels = labels.split("\n")
        self.sizes = dict(zip(self.labels, sizes))
        self._features = features.split("\n") if features else []
        self._counts = array("I")
        self._counts.frombytes(counts)
        total = sum(sizes)
        self.prior = {k: math.log(n / total) for k, n in self.sizes.items()}
        size = len(self._features)
        self.denominator = {k: math.log(t + SMOOTHING * size) for k, t in zip(self.labels, totals)}
        self._totals = totals
        self._spellings: list[str] | None = None

    @classmethod
    def count(cls, examples: dict[str, list[str]], names: Iterable[Sequence[str]] = ()) -> Model:
        """The model of these examples; role names are set aside, as ``ask`` sets them aside."""
        pattern = name_pattern(names)
        counted: dict[str, Counter[str]] = {}
        for key, questions in examples.items():
            found: Counter[str] = Counter()
            for question in questions:  # each feature once per question, as ``opinion`` reads them
                found.update(set(features(stems(pattern.sub(" ", " ".join(words(question))).split()))))
            counted[key] = found
        labels = sorted(k for k, questions in examples.items() if questions)
        ordered = sorted(set().union(*(counted[k] for k in labels)))
        place = {f: i for i, f in enumerate(ordered)}
        n = len(labels)
        counts = array("I", [0]) * (n * len(ordered))  # zeros, then each label's counts in place
        for j, key in enumerate(labels):
            for f, c in counted[key].items():
                counts[place[f] * n + j] = c
        return cls("\n".join(labels), [len(examples[k]) for k in labels], "\n".join(ordered), counts.tobytes(),
                   [sum(counted[k].values()) for k in labels])

    def state(self) -> tuple[str, list[int], str, bytes, list[int]]:
        """What ``Model(*state)`` rebuilds the model from (strings, bytes and lists, for the cache)."""
        return ("\n".join(self.labels), [self.sizes[k] for k in self.labels], "\n".join(self._features),
                self._counts.tobytes(), self._totals)

    def _place(self, feature: str) -> int:
        i = bisect_left(self._features, feature)
        return i if i < len(self._features) and self._features[i] == feature else -1

    def known(self, word: str) -> str:
        """The word, or the seen word it is a close misspelling of."""
        if len(word) < 5 or self._place(word) >= 0:
            return word
        from rapidfuzz import fuzz, process

        if self._spellings is None:
            self._spellings = [f for f in self._features if " " not in f and len(f) >= 5]
        found = process.extractOne(word, self._spellings, scorer=fuzz.ratio, score_cutoff=TYPO_RATIO)
        return found[0] if found else word

    def opinion(self, tokens: Sequence[str]) -> Opinion | None:
        """The label the question is most like, and how sure; None when it has no word the examples use."""
        places = [p for p in (self._place(f) for f in dict.fromkeys(features([self.known(w) for w in stems(tokens)])))
                  if p >= 0]
        if not places:
            return None
        n = len(self.labels)
        scores = {k: self.prior[k] + sum(math.log(self._counts[p * n + j] + SMOOTHING) - self.denominator[k]
                                         for p in places) for j, k in enumerate(self.labels)}
        top = max(scores.values())
        weights = {k: math.exp(s - top) for k, s in scores.items()}
        total = sum(weights.values())
        best = max(weights, key=lambda k: weights[k])
        return Opinion(best, weights[best] / total, {k: w / total for k, w in weights.items()})


def load(names: Iterable[Sequence[str]] = ()) -> Model:
    """The model of the packaged example questions, from the cache when the file has not changed."""
    path = questions_path()
    names = sorted({" ".join(n) for n in names if n})
    key = "packed-1\n" + "\n".join(names)  # the packed state (a cache of the older shape is not read)
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
