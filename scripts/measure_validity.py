#!/usr/bin/env python
"""Measure the scorers against the human-annotated corpora in ../shared/data and write
docs/validation.md. Whole corpora, no tuning split: a first measurement, not a tuned result.

    python scripts/measure_validity.py [--data ../shared/data] [--out docs/validation.md]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from framing.config import DEFAULT_CONFIG  # noqa: E402
from framing.scorers import hedging, loaded, tone  # noqa: E402
from framing.text import analyse  # noqa: E402

# Annotated items are single sentences: no line may be read as a headline.
SENTENCE_CONFIG = DEFAULT_CONFIG.with_(heading_max_words=0)


def doc(text: str):
    return analyse(" ".join(str(text).split()), "en", None, SENTENCE_CONFIG)


def prf(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    tp = int((pred & gold).sum())
    p = tp / pred.sum() if pred.sum() else 0.0
    r = tp / gold.sum() if gold.sum() else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def macro_f1(pred: np.ndarray, gold: np.ndarray) -> float:
    return float(np.mean([prf(pred == c, gold == c)[2] for c in (True, False)]))


def hyland_baseline(texts, data: Path) -> np.ndarray:
    words = {
        w.strip().lower()
        for w in (data / "recasens2013_bias_lexicons/hedges_hyland2005.txt").read_text().split("\n")
        if w.strip() and not w.startswith("#")
    }
    return np.array([bool(words & set(" ".join(str(t).lower().split()).split())) for t in texts])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--data", default=str(root.parent / "shared" / "data"))
    parser.add_argument("--out", default=str(root / "docs" / "validation.md"))
    args = parser.parse_args(argv)
    data = Path(args.data)
    rows = []

    nyt = pd.read_csv(
        data / "vader_icwsm2014/nytEditorialSnippets_GroundTruth.txt",
        sep="\t",
        header=None,
        names=["id", "mean", "text"],
        quoting=3,
    )
    vader = tone.analyzer()
    pred = np.array([vader.polarity_scores(str(t))["compound"] for t in nyt["text"]])
    r = float(np.corrcoef(pred, nyt["mean"])[0, 1])
    rows.append(
        (
            "tone (VADER compound)",
            f"NYT editorial snippets, {len(nyt):,} sentences",
            f"Pearson r = {r:.3f}",
            "—",
            "VADER paper: r = 0.492; individual humans r = 0.745",
        )
    )

    for part, label, published in (
        ("factbank", "FactBank news", "—"),
        ("wiki", "Wikipedia", "CoNLL-2010 best ≈ 0.60 (different annotation)"),
    ):
        frame = pd.read_csv(data / f"szeged_uncertainty/{part}_sentences.tsv", sep="\t", quoting=3)
        gold = (frame["label"] == "uncertain").to_numpy()
        ours = np.array([bool(hedging.score(doc(t), SENTENCE_CONFIG).evidence) for t in frame["text"].fillna("")])
        p, rec, f = prf(ours, gold)
        bp, brec, bf = prf(hyland_baseline(frame["text"].fillna(""), data), gold)
        rows.append(
            (
                "hedging (sentence has a cue)",
                f"Szeged uncertainty, {label}, {len(frame):,} sentences",
                f"F1 = {f:.3f} (P {p:.3f}, R {rec:.3f})",
                f"Hyland list: F1 = {bf:.3f} (P {bp:.3f}, R {brec:.3f})",
                published,
            )
        )

    babe = pd.read_csv(data / "babe_mbic/final_labels_SG2.csv", sep=";")
    babe = babe[babe["label_bias"].isin(["Biased", "Non-biased"])]
    gold = (babe["label_bias"] == "Biased").to_numpy()
    ours = np.array([any(not e.in_quote for e in loaded.score(doc(t), SENTENCE_CONFIG).evidence) for t in babe["text"]])
    rows.append(
        (
            "loaded (sentence has an own-voice cue)",
            f"BABE SG2, {len(babe):,} sentences",
            f"macro-F1 = {macro_f1(ours, gold):.3f}",
            f"majority class: macro-F1 = {macro_f1(np.ones_like(gold), gold):.3f}",
            "strong-subjectivity lexicon ≈ 0.61; fine-tuned RoBERTa 0.804",
        )
    )

    lines = [
        "# Validation",
        "",
        "Written by `python scripts/measure_validity.py` from the annotated corpora in `../shared/data`",
        "(their SOURCE.md files give licences and the published figures). Whole corpora, no tuning",
        "split: a first measurement of the shipped lexicons, not a tuned result.",
        "",
        "| signal | data | ours | naive baseline (same run) | published |",
        "| --- | --- | --- | --- | --- |",
        *(f"| {' | '.join(row)} |" for row in rows),
        "",
    ]
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
