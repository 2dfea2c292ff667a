"""Sourcing: attributed statements, named versus anonymous sources, and direct quotation.

A sentence is an attributed statement when it holds an attribution cue (a reporting verb or
source phrase from ``attribution_<lang>``). It is anonymous when the same sentence names its
source only as an unnamed one: a cue of the ``anonymous_attribution`` category of the hedge
lexicon (one list serves both scorers). Every attribution cue becomes evidence with category
``named_source`` or ``anonymous_source``; every direct quotation becomes ``quote`` evidence.
"""

from __future__ import annotations

from ..config import Config
from ..lang import language_name
from ..model import Evidence, MetricSpec, MetricValue, ScorerOutput
from ..text import ROLE_BODY, Doc
from ._lexical import find_evidence, lexicon_name
from .hedging import evidence as hedge_evidence

FAMILY = "sourcing"
# Lexicon prefixes read: reporting verbs and source phrases, and the hedge evidence (its anonymous
# sources, matched with the modal rules' word classes).
READS = ("attribution", "hedges", "modal_rules")
METRICS = (
    MetricSpec(
        "attributions",
        FAMILY,
        "Attributed statements",
        "Sentences that attribute what they say to a source (said, told, according to, wrote, stated…).",
        "sentences",
        requires=("attribution", "hedges"),
        short="attributions",
    ),
    MetricSpec(
        "anonymous_share",
        FAMILY,
        "Share attributed to unnamed sources",
        "Share of attributed sentences whose source is unnamed (a source familiar with, insiders, people briefed on the matter).",
        "share 0–1",
        requires=("attribution", "hedges"),
        short="anonymous share",
    ),
    MetricSpec(
        "quote_share",
        FAMILY,
        "Share in direct quotation",
        'Share of body characters inside direct quotation marks (“…”, "…", «…», ”…”).',
        "share 0–1",
        short="quote share",
    ),
)


def _quote_evidence(doc: Doc) -> list[Evidence]:
    out = []
    for start, end in doc.quotes:
        index = next((s.index for s in doc.sentences if s.start <= start < s.end), -1)
        out.append(
            Evidence(start, end, doc.text[start:end], "quote", "direct_quote", 1.0, "quotation_marks", index, True)
        )
    return out


def _quote_share(doc: Doc) -> MetricValue:
    body = [(s.start, s.end) for s in doc.sentences if s.role == ROLE_BODY]
    total = sum(e - s for s, e in body)
    if total == 0:
        return MetricValue.empty("the text has no body sentences")
    inside = 0
    for s, e in body:
        for qs, qe in doc.quotes:
            inside += max(0, min(e, qe) - max(s, qs))
    return MetricValue.of(inside / total)


def score(doc: Doc, config: Config) -> ScorerOutput:
    quotes = _quote_evidence(doc)
    metrics = {"quote_share": _quote_share(doc)}
    lexicon = lexicon_name("attribution", doc.language)
    hedges = lexicon_name("hedges", doc.language)
    if lexicon is None or hedges is None:
        missing = "attribution" if lexicon is None else "hedge"
        reason = f"no {missing} lexicon for {language_name(doc.language)} ({doc.language})"
        metrics.update(attributions=MetricValue.empty(reason), anonymous_share=MetricValue.empty(reason))
        return ScorerOutput(metrics, tuple(quotes))
    anonymous_sentences = {
        e.sentence_index for e in hedge_evidence(doc, hedges, config) if e.category == "anonymous_attribution"
    }
    cues = [
        Evidence(
            **{
                **e.__dict__,
                "category": "anonymous_source" if e.sentence_index in anonymous_sentences else "named_source",
            }
        )
        for e in find_evidence(doc, lexicon, "attribution")
    ]
    attributed = {e.sentence_index for e in cues}
    metrics["attributions"] = MetricValue.of(len(attributed))
    if attributed:
        metrics["anonymous_share"] = MetricValue.of(len(attributed & anonymous_sentences) / len(attributed))
    else:
        metrics["anonymous_share"] = MetricValue.empty("no attributed statements")
    return ScorerOutput(metrics, tuple(cues + quotes))
