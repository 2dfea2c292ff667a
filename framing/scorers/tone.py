"""Tone: VADER compound score per sentence (English only), with the words that drove it.

VADER (Hutto & Gilbert 2014) is validated for English; on other languages its lexicon is
mostly silent and would report a fake neutral 0, so tone is empty there with that reason.
Evidence: every token found in VADER's lexicon, weighted by its valence, scaled by VADER's
own negation factor when one of VADER's negations precedes it within
``Config.tone_negation_window`` tokens (category ``negated``). The sentence compound itself
is VADER's, unchanged.
"""

from __future__ import annotations

import functools
from statistics import fmean

from ..config import Config
from ..lang import language_name
from ..model import Evidence, MetricSpec, MetricValue, ScorerOutput
from ..text import ROLE_BODY, ROLE_HEADLINE, Doc

FAMILY = "tone"
READS = ()  # VADER's own lexicon, from the vaderSentiment package
LANGUAGES = ("en",)
METRICS = (
    MetricSpec(
        "tone_mean",
        FAMILY,
        "Tone (mean of body sentences)",
        "Mean VADER compound score (−1 … +1) of the body sentences.",
        "compound −1…1",
        LANGUAGES,
        short="tone",
    ),
    MetricSpec(
        "tone_headline",
        FAMILY,
        "Headline tone",
        "VADER compound score (−1 … +1) of the headline.",
        "compound −1…1",
        LANGUAGES,
        short="headline tone",
    ),
    MetricSpec(
        "neg_share",
        FAMILY,
        "Negative sentence share",
        "Share of body sentences with compound ≤ −0.05 (VADER's threshold).",
        "share 0–1",
        LANGUAGES,
        short="neg. sentences",
    ),
    MetricSpec(
        "pos_share",
        FAMILY,
        "Positive sentence share",
        "Share of body sentences with compound ≥ 0.05 (VADER's threshold).",
        "share 0–1",
        LANGUAGES,
        short="pos. sentences",
    ),
)


@functools.cache
def analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@functools.cache
def _negations() -> frozenset[str]:
    from vaderSentiment.vaderSentiment import NEGATE

    return frozenset(NEGATE)


def _word_evidence(doc: Doc, config: Config) -> list[Evidence]:
    from vaderSentiment.vaderSentiment import N_SCALAR

    lexicon = analyzer().lexicon
    negations = _negations()
    out = []
    for sentence in doc.sentences:
        tokens = doc.sentence_tokens(sentence.index)
        for i, token in enumerate(tokens):
            valence = lexicon.get(token.norm)
            if valence is None:
                continue
            window = tokens[max(0, i - config.tone_negation_window) : i]
            negated = any(t.norm in negations or t.norm.endswith("n't") for t in window)
            weight = valence * N_SCALAR if negated else valence
            category = "negated" if negated else ("positive" if valence > 0 else "negative")
            out.append(
                Evidence(
                    token.start,
                    token.end,
                    token.text,
                    "tone",
                    category,
                    round(weight, 4),
                    f"vader_lexicon {token.norm} {valence:+.1f}",
                    sentence.index,
                    doc.in_quote(token.start),
                )
            )
    return out


def score(doc: Doc, config: Config) -> ScorerOutput:
    if doc.language not in LANGUAGES:
        reason = f"no validated tone lexicon for {language_name(doc.language)} ({doc.language}); VADER is English-only"
        return ScorerOutput({m.name: MetricValue.empty(reason) for m in METRICS})
    vader = analyzer()
    tone = {s.index: vader.polarity_scores(s.text)["compound"] for s in doc.sentences}
    body = [tone[s.index] for s in doc.sentences if s.role == ROLE_BODY]
    headline = [tone[s.index] for s in doc.sentences if s.role == ROLE_HEADLINE]
    metrics = {}
    if body:
        metrics["tone_mean"] = MetricValue.of(fmean(body))
        metrics["neg_share"] = MetricValue.of(sum(v <= config.tone_neg_threshold for v in body) / len(body))
        metrics["pos_share"] = MetricValue.of(sum(v >= config.tone_pos_threshold for v in body) / len(body))
    else:
        for name in ("tone_mean", "neg_share", "pos_share"):
            metrics[name] = MetricValue.empty("the text has no body sentences")
    if headline:
        metrics["tone_headline"] = MetricValue.of(fmean(headline))
    else:
        metrics["tone_headline"] = MetricValue.empty("no headline found in the text or its metadata")
    return ScorerOutput(metrics, tuple(_word_evidence(doc, config)), tone)
