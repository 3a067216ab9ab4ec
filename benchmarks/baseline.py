"""The standard baseline `mlcareer ask` is measured against: TF-IDF and logistic regression.

    python benchmarks/ask_eval.py SET.yaml ... --baseline [--curves] [--unseen]

Trained on the same example questions as ask's second reading (`data/questions.yaml`: each topic,
and `uncovered`), on words and word pairs (TF-IDF, sublinear counts) with a multinomial logistic
regression. A question whose likeliest label is a topic is answered with it, its probability as
the confidence; one whose likeliest label is `uncovered` is declined (`not_covered`). It has no
notion of a related title. scikit-learn is a development dependency only (`pip install -e
'.[eval]'`); nothing in `src/` imports it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ask_eval import Pred

# Chosen once, on the spent written sets left out in turn (BENCHMARKS.md), as ask's thresholds were.
C = 10.0
NGRAMS = (1, 2)


@lru_cache(maxsize=64)
def _model(exclude: frozenset[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from mlcareer.examples import read_examples

    texts, labels = [], []
    for label, questions in read_examples().items():
        for q in questions:
            if " ".join(q.split()) not in exclude:
                texts.append(q)
                labels.append(label)
    model = make_pipeline(TfidfVectorizer(ngram_range=NGRAMS, sublinear_tf=True, strip_accents="unicode"),
                          LogisticRegression(C=C, max_iter=3000))
    model.fit(texts, labels)
    return model


def predict_baseline(questions: Sequence[str], exclude: set[str] = frozenset()) -> list[Pred]:  # type: ignore[assignment]
    from mlcareer.examples import UNCOVERED

    model = _model(frozenset(exclude))
    probabilities = model.predict_proba(list(questions))
    classes = list(model.classes_)
    out = []
    for row in probabilities:
        best = int(row.argmax())
        label, p = classes[best], float(row[best])
        out.append(Pred("not_covered", None, None, p) if label == UNCOVERED else Pred("answered", label, None, p))
    return out
