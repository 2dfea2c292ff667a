"""Regression gate: a fast, deterministic sample of every evaluation must stay above pinned floors.

The floors sit a little below the figures measured on this sample when they were pinned (in
the comment of each). Lowering a floor is an explicit, visible change to this table, to be
justified in its commit. The data come from ../shared/data; without it the gate fails.
"""

from pathlib import Path

import pytest

from conftest import SHARED_DATA
from framing.evaluate import evaluate

SAMPLE = 600  # test items per corpus: the whole gate runs in a few seconds
FLOORS = {
    ("NYT editorial snippets", "Pearson r with the human mean"): 0.47,  # 0.498
    ("Szeged FactBank news", "sentence F1 (uncertain)"): 0.70,  # 0.732
    ("Szeged FactBank news", "cue F1 (cue words overlap)"): 0.62,  # 0.667
    ("Szeged Wikipedia", "sentence F1 (uncertain)"): 0.70,  # 0.728
    ("BABE (SG2)", "word-level F1 vs. annotators' biased words"): 0.30,  # 0.321
    ("PTC Loaded_Language", "sentence F1 (BABE-dev thresholds, not re-tuned)"): 0.38,  # 0.419
    ("PTC Loaded_Language", "expert-span F1 (a flagged word inside a gold span)"): 0.22,  # 0.255
}
BABE_SENTENCE_FLOOR = 0.61  # 0.630; the measure's name carries the dev-tuned thresholds


@pytest.fixture(scope="module")
def rows():
    assert Path(SHARED_DATA).is_dir(), f"evaluation data missing: {SHARED_DATA} (shared/data beside the project)"
    return evaluate(Path(SHARED_DATA), limit=SAMPLE)


def test_every_pinned_measure_stays_above_its_floor(rows):
    measured = {(r.dataset, r.measure): r.ours for r in rows}
    for key, floor in FLOORS.items():
        assert key in measured, f"measure {key} disappeared from the evaluation"
        assert measured[key] >= floor, f"{key}: {measured[key]:.3f} fell below the floor {floor}"
    babe = next(r for r in rows if r.dataset == "BABE (SG2)" and r.measure.startswith("sentence macro-F1"))
    assert babe.ours >= BABE_SENTENCE_FLOOR


# The headline measure of each corpus must beat the naive baseline of the same run. Not held
# to it, as measured: VADER's 3-class F1 on NYT (0.527 vs 0.516 on the full test split, below
# the baseline on this sample). Every baseline is tuned on the same dev split as ours.
MUST_BEAT_BASELINE = (
    ("NYT editorial snippets", "Pearson r with the human mean"),
    ("Szeged FactBank news", "sentence F1 (uncertain)"),
    ("Szeged Wikipedia", "sentence F1 (uncertain)"),
    ("PTC Loaded_Language", "sentence F1 (BABE-dev thresholds, not re-tuned)"),
    ("PTC Loaded_Language", "expert-span F1 (a flagged word inside a gold span)"),
    ("BABE (SG2)", "word-level F1 vs. annotators' biased words"),
)


def test_headline_measures_beat_their_naive_baselines(rows):
    by_key = {(r.dataset, r.measure): r for r in rows}
    babe = next(r for r in rows if r.dataset == "BABE (SG2)" and r.measure.startswith("sentence macro-F1"))
    for r in [by_key[k] for k in MUST_BEAT_BASELINE] + [babe]:
        assert r.ours > r.baseline, f"{r.dataset} / {r.measure}: {r.ours:.3f} vs baseline {r.baseline:.3f}"


def test_splits_are_fixed_and_disjoint():
    from framing.evaluate import split_of

    ids = [f"item-{i}" for i in range(2000)]
    first = [split_of(i) for i in ids]
    assert first == [split_of(i) for i in ids]
    dev_share = first.count("dev") / len(first)
    assert 0.25 < dev_share < 0.35


def test_lineage_links_no_independent_outlets_and_finds_derived_texts(rows):
    """Independent outlets on one topic or event (MBIC excerpts, AllSides events) must stay apart,
    while the old rule (half of either text aligned) linked some; derived texts are still found."""
    lineage = {r.dataset.split(",")[0]: r for r in rows if r.signal == "lineage"}
    for name in ("MBIC 600-character excerpts", "NewsMTSC AllSides events (test split)"):
        assert lineage[name].ours <= 1 < lineage[name].baseline, name  # 0 and 0, against 2 and 9
    assert lineage["synthetic rewrites and excerpts of MBIC articles"].ours >= 0.5  # 0.650
