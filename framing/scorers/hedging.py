"""Hedging: epistemic modals, epistemic adverbs/adjectives/verbs, anonymous attribution, speculation.

Cues come from ``hedges_<lang>`` lexicons. English modals (may, might, could, would) count
only in their hedging use, as far as rules without a parser can tell:

- ``modal_month``: "May" capitalised inside a sentence is the month;
- ``modal_negated``: "could not", "would never" express inability or refusal, not doubt
  (``may not`` / ``might not`` stay hedges);
- ``modal_noun``: "military might" — "might" after a determiner or noun-context word;
- ``modal_no_verb``: no verb follows within ``Config.modal_verb_window`` tokens;
- ``modal_reported_future``: "would" after a reporting verb ("announced that it would pay")
  is the future in reported speech.
"""

from __future__ import annotations

from ..config import Config
from ..lang import language_name
from ..lexicon import Match
from ..model import MetricSpec, MetricValue, ScorerOutput
from ..text import Doc, Token
from ._lexical import category_forms, find_evidence, lexicon_name, per_100_words

FAMILY = "hedging"
# Lexicon prefixes read: the cues, the modal rules' word classes, the reporting verbs.
READS = ("hedges", "modal_rules", "attribution")
_METRIC_OF = {
    "modal": "hedges_modal_per_100w",
    "epistemic": "hedges_epistemic_per_100w",
    "anonymous_attribution": "hedges_anonymous_per_100w",
    "speculation": "hedges_speculation_per_100w",
}

METRICS = (
    MetricSpec(
        "hedges_per_100w",
        FAMILY,
        "Hedges per 100 words",
        "Hedge cues (epistemic modals, epistemic adverbs/adjectives/verbs, anonymous attribution, speculation) per 100 words of the cleaned text.",
        "per 100 words",
        requires=("hedges",),
        short="hedges",
    ),
    MetricSpec(
        "hedges_modal_per_100w",
        FAMILY,
        "Modal hedges per 100 words",
        "Epistemic modals (may, might, could, would) in their hedging use, per 100 words.",
        "per 100 words",
        requires=("hedges",),
        short="modal hedges",
    ),
    MetricSpec(
        "hedges_epistemic_per_100w",
        FAMILY,
        "Epistemic hedges per 100 words",
        "Epistemic adverbs, adjectives and verbs (reportedly, allegedly, apparently, appears to, is said to) per 100 words.",
        "per 100 words",
        requires=("hedges",),
        short="epistemic hedges",
    ),
    MetricSpec(
        "hedges_anonymous_per_100w",
        FAMILY,
        "Anonymous attributions per 100 words",
        "Attributions to unnamed sources (a source familiar with, people briefed on the matter, insiders, on condition of anonymity) per 100 words.",
        "per 100 words",
        requires=("hedges",),
        short="anonymous attrib.",
    ),
    MetricSpec(
        "hedges_speculation_per_100w",
        FAMILY,
        "Speculation per 100 words",
        "Speculation markers (speculate, rumoured, unconfirmed, remains to be seen) and, at half weight, conditionals and indirect questions (if, unless, whether), per 100 words.",
        "per 100 words",
        requires=("hedges",),
        short="speculation",
    ),
)


def _modal_rule(doc: Doc, config: Config, tokens: tuple[Token, ...], match: Match) -> str | None:
    """None when a modal match is a hedge, else the id of the rule that rejects it."""
    if match.entry.category != "modal" or doc.language != "en":
        return None
    i = match.start
    token = tokens[i]
    if token.text == "May" and i > 0:
        return "modal_month"
    following = [t.norm for t in tokens[i + 1 : i + 1 + config.modal_verb_window]]
    negations = category_forms("modal_rules_en", "negation")
    if following and following[0] in negations and token.norm in {"could", "would"}:
        return "modal_negated"
    if token.norm == "might" and i > 0 and tokens[i - 1].norm in category_forms("modal_rules_en", "noun_context"):
        return "modal_noun"
    if not following or following[0] in category_forms("modal_rules_en", "non_verb_follower"):
        return "modal_no_verb"
    if not any(t.isalpha() and t.islower() for t in (x.text for x in tokens[i + 1 : i + 1 + config.modal_verb_window])):
        return "modal_no_verb"
    if token.norm == "would":
        reporting = category_forms("attribution_en", "reporting_verb")
        if any(t.norm in reporting for t in tokens[max(0, i - config.reported_future_window) : i]):
            return "modal_reported_future"
    return None


def evidence(doc: Doc, lexicon: str, config: Config):
    """Hedge evidence with the modal rules applied, matched once per document (sourcing reads
    its anonymous attributions too)."""
    return doc.cues(
        (lexicon, "hedge", config.modal_verb_window),
        lambda: find_evidence(doc, lexicon, "hedge", keep=lambda toks, m: _modal_rule(doc, config, toks, m)),
    )


def score(doc: Doc, config: Config) -> ScorerOutput:
    lexicon = lexicon_name("hedges", doc.language)
    if lexicon is None:
        reason = f"no hedge lexicon for {language_name(doc.language)} ({doc.language})"
        return ScorerOutput({m.name: MetricValue.empty(reason) for m in METRICS})
    words = doc.word_count
    found = evidence(doc, lexicon, config)
    if words == 0:
        return ScorerOutput({m.name: MetricValue.empty("the text has no words") for m in METRICS}, tuple(found))
    metrics = {"hedges_per_100w": MetricValue.of(per_100_words(found, words))}
    for category, name in _METRIC_OF.items():
        metrics[name] = MetricValue.of(per_100_words([e for e in found if e.category == category], words))
    return ScorerOutput(metrics, tuple(found))
