"""Labeling: how an outlet names people and groups ("tech mogul", "the conservative").

A label characterises without evaluating; it is its own signal, and a word counted as a label is
never counted as loaded wording (``loaded`` drops loaded matches that overlap a label).
"""

from __future__ import annotations

from ..config import Config
from ..lang import language_name
from ..model import Evidence, MetricSpec, MetricValue, ScorerOutput
from ..text import Doc
from ._lexical import find_evidence, lexicon_name, per_100_words

FAMILY = "labels"
READS = ("labels",)  # lexicon prefixes read
METRICS = (
    MetricSpec(
        "labels_per_100w",
        FAMILY,
        "Labels per 100 words (own voice)",
        "Descriptive and ideological labels for people and groups (billionaire, the conservative, far-right, "
        "activist) outside direct quotations, per 100 words. Evaluative names (zealot, thug, regime) count as "
        "loaded wording instead.",
        "per 100 words",
        requires=("labels",),
        short="labels",
    ),
)


def evidence(doc: Doc) -> list[Evidence]:
    """Label matches of ``doc`` (empty where no labels lexicon is packaged)."""
    lexicon = lexicon_name("labels", doc.language)
    return [] if lexicon is None else find_evidence(doc, lexicon, "label")


def score(doc: Doc, config: Config) -> ScorerOutput:
    if lexicon_name("labels", doc.language) is None:
        reason = f"no labels lexicon for {language_name(doc.language)} ({doc.language})"
        return ScorerOutput({"labels_per_100w": MetricValue.empty(reason)})
    found = evidence(doc)
    if doc.word_count == 0:
        return ScorerOutput({"labels_per_100w": MetricValue.empty("the text has no words")}, tuple(found))
    own = [e for e in found if not e.in_quote]
    return ScorerOutput({"labels_per_100w": MetricValue.of(per_100_words(own, doc.word_count))}, tuple(found))
