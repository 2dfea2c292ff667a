"""Boosters: certainty markers (clearly, undeniably, in fact, expressly)."""

from __future__ import annotations

from ..config import Config
from ..lang import language_name
from ..model import MetricSpec, MetricValue, ScorerOutput
from ..text import Doc
from ._lexical import find_evidence, lexicon_name, per_100_words

FAMILY = "boosters"
READS = ("boosters",)  # lexicon prefixes read
METRICS = (
    MetricSpec(
        "boosters_per_100w",
        FAMILY,
        "Boosters per 100 words",
        "Certainty markers (clearly, undeniably, in fact, expressly; weight 1, conversational emphasis 0.5) per 100 words.",
        "weighted per 100 words",
        requires=("boosters",),
        short="boosters",
    ),
)


def score(doc: Doc, config: Config) -> ScorerOutput:
    lexicon = lexicon_name("boosters", doc.language)
    if lexicon is None:
        reason = f"no booster lexicon for {language_name(doc.language)} ({doc.language})"
        return ScorerOutput({"boosters_per_100w": MetricValue.empty(reason)})
    evidence = find_evidence(doc, lexicon, "booster")
    words = doc.word_count
    if words == 0:
        return ScorerOutput({"boosters_per_100w": MetricValue.empty("the text has no words")}, tuple(evidence))
    return ScorerOutput({"boosters_per_100w": MetricValue.of(per_100_words(evidence, words))}, tuple(evidence))
