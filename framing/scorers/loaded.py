"""Loaded language: editorializing wording in the outlet's own voice, quoted wording apart."""

from __future__ import annotations

from ..config import Config
from ..lang import language_name
from ..model import MetricSpec, MetricValue, ScorerOutput
from ..text import Doc
from ._lexical import find_evidence, lexicon_name, per_100_words

FAMILY = "loaded"
READS = ("loaded",)  # lexicon prefixes read
METRICS = (
    MetricSpec(
        "loaded_per_100w",
        FAMILY,
        "Loaded wording per 100 words (own voice)",
        "Weighted editorializing words (intensifying adverbs, evaluative adjectives, loaded verbs, labels; weight 1 or 0.5) outside direct quotations, per 100 words.",
        "weighted per 100 words",
        requires=("loaded",),
        short="loaded",
    ),
    MetricSpec(
        "loaded_quoted_per_100w",
        FAMILY,
        "Loaded wording in quotations per 100 words",
        "The same cues inside direct quotations (the speaker's words, not the outlet's), per 100 words.",
        "weighted per 100 words",
        requires=("loaded",),
        short="loaded in quotes",
    ),
)


def score(doc: Doc, config: Config) -> ScorerOutput:
    lexicon = lexicon_name("loaded", doc.language)
    if lexicon is None:
        reason = f"no loaded-language lexicon for {language_name(doc.language)} ({doc.language})"
        return ScorerOutput({m.name: MetricValue.empty(reason) for m in METRICS})
    evidence = find_evidence(doc, lexicon, "loaded")
    words = doc.word_count
    if words == 0:
        return ScorerOutput({m.name: MetricValue.empty("the text has no words") for m in METRICS}, tuple(evidence))
    return ScorerOutput(
        {
            "loaded_per_100w": MetricValue.of(per_100_words([e for e in evidence if not e.in_quote], words)),
            "loaded_quoted_per_100w": MetricValue.of(per_100_words([e for e in evidence if e.in_quote], words)),
        },
        tuple(evidence),
    )
