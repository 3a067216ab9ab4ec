"""A third reading for ``mlcareer ask``: the example questions most like the one asked.

The curated vocabulary decides what a question is about, and the examples' naive Bayes model
(``examples.py``) may overrule it. Naive Bayes is sure of itself on questions unlike any example,
which is what real people write (a story, then a question about their own situation), so its
probability cannot tell a right answer from a confident wrong one. The examples nearest the
question can: ``ask`` weighs how much of the nearest examples' similarity lies with the topic it
found (``ask.gate``), and where the answer is not likely enough says it is not sure and shows that
topic as a guess.

Nearest by cosine similarity of TF-IDF vectors over words and pairs of words (sublinear counts,
smoothed inverse document frequency, unit length), as the standard baseline in
``benchmarks/baseline.py`` weighs words. Written here, not taken from scikit-learn: that is a
development dependency only, and importing it (with NumPy and SciPy) would cost more than a whole
``ask``. The index is built from ``data/questions.yaml`` on first use and kept in the user's cache.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import pairwise

from . import cache, examples

NEAREST = 25  # how many of the most similar examples vote
TOKEN = re.compile(r"\b\w\w+\b")  # words of two or more letters or digits, as the baseline reads them


def terms(text: str) -> list[str]:
    """The question's words (lower case, accents stripped) and pairs of neighbouring words."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    found = TOKEN.findall(text)
    return [*found, *(f"{a} {b}" for a, b in pairwise(found))]


def _vector(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    weights = {t: (1.0 + math.log(n)) * idf[t] for t, n in counts.items() if t in idf}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {t: w / norm for t, w in weights.items()}


class Index:
    """The example questions as unit TF-IDF vectors, looked up term by term. Each term's entry is
    packed in one run of bytes (its idf, then the examples that use it and its weight in each, as
    machine arrays), all runs in one ``bytes``, found by the term's place among the sorted terms:
    the cache reads a few long strings many times faster than 20,000 short ones or 100,000
    floats, and a question unpacks only its own terms."""

    def __init__(self, labels: str, terms: str, blob: bytes, offsets: bytes) -> None:
        self.labels = labels.split("\n")
        self.terms = terms.split("\n")  # sorted
        self.blob = blob
        self.offsets = array("I")
        self.offsets.frombytes(offsets)  # where each term's run starts, and where the last ends

    @classmethod
    def build(cls, labelled: dict[str, list[str]]) -> Index:
        labels: list[str] = []
        documents: list[Counter[str]] = []
        for label, questions in labelled.items():
            for question in questions:
                labels.append(label)
                documents.append(Counter(terms(question)))
        frequency: Counter[str] = Counter()
        for document in documents:
            frequency.update(document.keys())
        n = len(documents)
        idf = {t: math.log((1 + n) / (1 + df)) + 1.0 for t, df in frequency.items()}
        postings: dict[str, tuple[array, array]] = defaultdict(lambda: (array("I"), array("f")))
        for i, document in enumerate(documents):
            for term, weight in _vector(document, idf).items():
                ids, weights = postings[term]
                ids.append(i)
                weights.append(weight)
        ordered = sorted(postings)
        runs = [array("f", [idf[t]]).tobytes() + postings[t][0].tobytes() + postings[t][1].tobytes() for t in ordered]
        offsets = array("I", [0])
        for run in runs:
            offsets.append(offsets[-1] + len(run))
        return cls("\n".join(labels), "\n".join(ordered), b"".join(runs), offsets.tobytes())

    def state(self) -> tuple[str, str, bytes, bytes]:
        return "\n".join(self.labels), "\n".join(self.terms), self.blob, self.offsets.tobytes()

    def _place(self, term: str) -> int:
        """The term's place among the sorted terms, or -1."""
        i = bisect_left(self.terms, term)
        return i if i < len(self.terms) and self.terms[i] == term else -1

    def _entry(self, place: int) -> tuple[float, array, array]:
        blob = self.blob[self.offsets[place]:self.offsets[place + 1]]
        n = (len(blob) - 4) // 8
        idf, ids, weights = array("f"), array("I"), array("f")
        idf.frombytes(blob[:4])
        ids.frombytes(blob[4:4 + 4 * n])
        weights.frombytes(blob[4 + 4 * n:])
        return idf[0], ids, weights

    def shares(self, question: str, nearest: int = NEAREST, ignore: str | None = None) -> dict[str, float] | None:
        """Each label's share of the similarity of the ``nearest`` examples most like the question
        (examples labelled ``ignore`` left out); None when the question has no term any example uses."""
        places = {t: self._place(t) for t in dict.fromkeys(terms(question))}
        entries = {t: self._entry(place) for t, place in places.items() if place >= 0}
        query = _vector(Counter(t for t in terms(question) if t in entries), {t: e[0] for t, e in entries.items()})
        if not query:
            return None
        # one slot per example (a list is several times faster to add into than a dict), and the
        # nearest by a heap, not a sort of every example touched: the same sums in the same order
        similarity = [0.0] * len(self.labels)
        for term, weight in query.items():
            _, ids, weights = entries[term]
            for i, w in zip(ids, weights):
                similarity[i] += weight * w
        labels = self.labels
        best = heapq.nsmallest(nearest, ((-s, i) for i, s in enumerate(similarity) if s and labels[i] != ignore))
        total = sum(-s for s, _ in best)
        if total <= 0:
            return None
        shares: dict[str, float] = defaultdict(float)
        for s, i in best:
            shares[labels[i]] += -s / total
        return dict(shares)


def load() -> Index:
    """The index of the packaged example questions, from the cache when the file has not changed."""
    path = examples.questions_path()
    state = cache.load_derived("neighbours", path, "tfidf-3")
    if state is not None:
        try:
            return Index(*state)
        except Exception:  # noqa: BLE001, S110 - a damaged entry is built again
            pass
    index = Index.build(examples.read_examples(path))
    cache.store_derived("neighbours", path, "tfidf-3", index.state())
    return index


def share(shares: dict[str, float] | None, keys: Iterable[str]) -> float:
    return sum((shares or {}).get(k, 0.0) for k in keys)
