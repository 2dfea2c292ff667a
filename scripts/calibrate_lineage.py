#!/usr/bin/env python
"""Fit the lineage confidence model (``Config.lineage_weights``) on MIT-licensed data.

    python scripts/calibrate_lineage.py [--data ../shared/data]

Pairs of articles that align on at least one sentence (quotations apart), labelled:

- independent: NewsMTSC's AllSides events (outlets of the left, centre and right on the same
  story; events of the dev split) and the NYT editorial snippets joined into articles (dev split,
  collections of 25);
- derived: synthetic rewrites and excerpts (``framing.evaluate.derive``: a random share of the
  sentences kept, synonyms swapped and words dropped at random rates, up to three sentences of
  another article inserted) of one article per AllSides event and of 8 per NYT collection, put in
  the same collection as their source.

A logistic regression with balanced class weights on log(1 + aligned sentences), log(1 + aligned
characters) and coverage; it prints the weights to paste into ``framing/config.py`` and the
reliability on these dev pairs. Held-out figures (MBIC, AllSides test) come from
``python -m framing evaluate --signals lineage``. MBIC is never read here (AGPL: nothing shipped
may derive from it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def labelled_pairs(data: Path):
    from framing.compare.lineage import features
    from framing.evaluate import allsides_events, lineage_run, nyt_articles, split_of, with_derived

    collections = [items for event, items in allsides_events(data).items() if split_of(event) == "dev"]
    nyt = [item for item in nyt_articles(data) if split_of(item[0]) == "dev"]
    collections += [nyt[i : i + 25] for i in range(0, len(nyt), 25)]
    rows, labels = [], []
    for k, items in enumerate(collections):
        collection, truth = with_derived(items, 1 if len(items) < 10 else 8, f"calibrate-{k}")
        for c in lineage_run(collection).candidates:
            rows.append(features(len(c.evidence), c.aligned_chars, c.coverage))
            labels.append(truth.get(c.derived) == c.source or truth.get(c.source) == c.derived)
    return np.array(rows), np.array(labels)


def main(argv=None) -> int:
    from sklearn.linear_model import LogisticRegression

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args(argv)
    x, y = labelled_pairs(args.data)
    model = LogisticRegression(class_weight="balanced").fit(x, y)
    weights = (float(model.intercept_[0]), *(float(w) for w in model.coef_[0]))
    print(f"{len(y)} aligned pairs: {int(y.sum())} derived, {int((~y).sum())} independent")
    print("lineage_weights = (" + ", ".join(f"{w:.3f}" for w in weights) + ")")
    p = model.predict_proba(x)[:, 1]
    for lo in np.arange(0, 1, 0.2):
        inside = (p >= lo) & (p < lo + 0.2)
        if inside.any():
            print(f"  confidence {lo:.1f}-{lo + 0.2:.1f}: {inside.sum():4d} pairs, derived {y[inside].mean():.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
