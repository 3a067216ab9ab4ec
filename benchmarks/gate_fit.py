"""Fit the gate `mlcareer ask` applies to a question of more than eight words (`ask.GATE_WEIGHTS`).

    python benchmarks/gate_fit.py SET.yaml ... [--dump FILE.json]

For every question of the sets whose answer reaches the gate, the readings the gate weighs
(`ask.gate_readings`: the nearest examples' shares, naive Bayes's probability, the vocabulary's
lead, the length) are recorded with models counted without the question's own set (as
`ask_eval.py --unseen` does), and whether answering it would be right by the set's labels
(`ask_eval.judge`). A logistic regression (scikit-learn, a development dependency only:
`pip install -e '.[eval]'`) is fitted on all of them to predict a right answer; the script prints
its weights in the shape `ask.py` keeps them, then, with each set left out of the fit in turn,
what the gate (`ask.passes_gate`, its thresholds as they stand) would answer on that set beside
what the nearest examples alone would (right answers, wrong answers, among the questions that
reach the gate), summed over the real sets and over the written ones, and how often the answers
it lets stand are right at each level of its probability (the JSON confidence). Real and written
questions count alike in the fit. Paste the weights into `ask.py` only when the left-out figures
beat the nearest examples alone: fewer wrong answers for as many right ones.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ask_eval  # beside this script, not a package

C = 1.0  # the regression's regularisation: scikit-learn's default, not tuned


def record(paths: list[Path]) -> list[tuple[str, dict[str, float], bool, bool, bool]]:
    """(set, readings, right, wrong, answered now) for each question that reaches the gate."""
    from mlcareer import ask, load_catalog

    catalog = load_catalog()
    seen: list[tuple[dict[str, float], str | None]] = []
    readings = ask.gate_readings

    def recording(found, opinions, shares, lengths):
        out = readings(found, opinions, shares, lengths)
        seen.append((out, found.topic))
        return out

    ask.gate_readings = recording  # this module's own function, wrapped to see what the gate weighs
    rows = []
    try:
        for path in paths:
            items = [ask_eval.item(raw) for raw in ask_eval.load(path)]
            ask_eval.without(catalog, {" ".join(it.q.split()) for it in items})
            for it in items:
                seen.clear()
                found = ask.match(catalog, it.q)
                if not seen:
                    continue
                features, topic = seen[-1]
                _, right, wrong = ask_eval.judge(it, ask_eval.Pred("answered", topic, None, 1.0))
                rows.append((path.name, features, right, wrong, found.outcome == ask.ANSWERED))
    finally:
        ask.gate_readings = readings
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--dump", type=Path, help="write every recorded question's readings and judgement here (JSON)")
    args = parser.parse_args(argv)

    import numpy as np  # scikit-learn needs it, so the eval extra brings it
    from sklearn.linear_model import LogisticRegression

    from mlcareer import ask

    rows = record(args.sets)
    if args.dump:
        args.dump.write_text(json.dumps(rows))
    names = list(ask.GATE_WEIGHTS)
    x = np.array([[features[n] for n in names] for _, features, *_ in rows])
    y = np.array([right for _, _, right, _, _ in rows], dtype=int)
    sets = np.array([name for name, *_ in rows])

    real = np.array(["real" in name for name in sets])
    # Real and written questions count alike in the fit, whichever kind the sets hold more of:
    # written ones outnumber real ones six to one, and the probability would speak for them.
    weight = np.where(real, (~real).sum() / max(real.sum(), 1), 1.0)

    def fit(keep):
        return LogisticRegression(C=C, max_iter=5000).fit(x[keep], y[keep], sample_weight=weight[keep])

    model = fit(np.ones(len(rows), dtype=bool))
    print("GATE_WEIGHTS = {")
    for name, coefficient in zip(names, model.coef_[0]):
        print(f'    "{name}": {coefficient:.3f},')
    print("}")
    print(f"GATE_BIAS = {model.intercept_[0]:.3f}")

    left_out = np.zeros(len(rows))
    for name in sorted(set(sets)):
        kept = sets != name
        left_out[~kept] = fit(kept).predict_proba(x[~kept])[:, 1]
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for (name, features, right, wrong, _), p in zip(rows, left_out):
        alone = features["best_share"] >= ask.AGREE  # the nearest examples alone (round 5)
        passes = ask.passes_gate(features, p)
        t = totals["real" if "real" in name else "written"]
        t[0] += 1
        t[1] += right and alone
        t[2] += wrong and alone
        t[3] += right and passes
        t[4] += wrong and passes
    print("\nQuestions reaching the gate, each set left out of the fit in turn (ask.passes_gate):\n")
    print("| sets | questions | nearest examples alone: right, wrong | fitted gate: right, wrong |")
    print("| --- | ---: | ---: | ---: |")
    for kind, (n, r0, w0, r1, w1) in sorted(totals.items()):
        print(f"| {kind} | {n} | {r0}, {w0} | {r1}, {w1} |")
    print("\nHow often an answer the fitted gate lets stand is right, by its probability (each set left out):\n")
    print("| probability | real: answers, right | written: answers, right |")
    print("| --- | ---: | ---: |")
    stands = np.array([ask.passes_gate(features, p) for (_, features, *_), p in zip(rows, left_out)])
    for low, high in pairwise((0.0, 0.5, 0.65, 0.8, 0.9, 1.01)):
        cells = []
        for kind in (real, ~real):
            band = kind & stands & (left_out >= low) & (left_out < high)
            cells.append(f"{band.sum()}, {y[band].sum()}" + (f" ({y[band].mean():.0%})" if band.sum() else ""))
        print(f"| {low:g} to {min(high, 1):g} | {cells[0]} | {cells[1]} |")

if __name__ == "__main__":
    main()
