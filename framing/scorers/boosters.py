"""Boosters: certainty markers (clearly, undeniably, in fact, it is clear that) and degree
intensifiers (extremely, thoroughly). A negated booster ("not clearly", "never entirely")
asserts nothing and is not counted."""

from __future__ import annotations

from ..config import Config
from ..lang import language_name
from ..lexicon import Match
from ..model import MetricSpec, MetricValue, ScorerOutput
from ..text import Doc, Token
from ._lexical import category_forms, find_evidence, lexicon_name, per_100_words

FAMILY = "boosters"
READS = ("boosters", "modal_rules")  # lexicon prefixes read (modal_rules: the negation words)
METRICS = (
    MetricSpec(
        "boosters_per_100w",
        FAMILY,
        "Boosters per 100 words",
        "Certainty markers (clearly, undeniably, in fact, it is clear that; weight 1, conversational emphasis 0.5) "
        "and degree intensifiers (extremely, thoroughly; 0.5), not negated, per 100 words.",
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
    rules = lexicon_name("modal_rules", doc.language)
    negations = category_forms(rules, "negation") if rules else frozenset()
    evidence = find_evidence(doc, lexicon, "booster", keep=lambda tokens, match: _negated(tokens, match, negations))
    words = doc.word_count
    if words == 0:
        return ScorerOutput({"boosters_per_100w": MetricValue.empty("the text has no words")}, tuple(evidence))
    return ScorerOutput({"boosters_per_100w": MetricValue.of(per_100_words(evidence, words))}, tuple(evidence))


def _negated(tokens: tuple[Token, ...], match: Match, negations: frozenset[str]) -> str | None:
    """The rule id when the word before the booster negates it ("not entirely"), else None."""
    before = tokens[match.start - 1].norm if match.start else ""
    return "booster_negated" if before in negations or before.endswith("n't") else None
