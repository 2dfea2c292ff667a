"""Sourcing: attributed statements, named versus anonymous sources, and direct quotation.

A sentence is an attributed statement when it holds an attribution cue (a reporting verb or
source phrase from ``attribution_<lang>``). It is anonymous when the same sentence names its
source only as an unnamed one: a cue of the ``anonymous_attribution`` category of the hedge
lexicon (one list serves both scorers) or when its speaker is one (``speakers``: "an aide said").
Every attribution cue becomes evidence with the category of its speaker (``named_source``,
``anonymous_source``, ``official_source``, ``organisation_source``); every speaker the text names
becomes ``speaker`` evidence whose category is its kind and whose rule is its voice, and the
distinct voices make ``voices`` and the shares of anonymous and official ones; every direct
quotation becomes ``quote`` evidence.
"""

from __future__ import annotations

from dataclasses import replace

from ..config import Config
from ..lang import language_name
from ..model import Evidence, MetricSpec, MetricValue, ScorerOutput
from ..text import ROLE_BODY, Doc
from ._lexical import find_evidence, lexicon_name
from .hedging import evidence as hedge_evidence
from .speakers import ANONYMOUS, OFFICIAL, ORGANISATION, UNKNOWN, find_speakers

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
        "voices",
        FAMILY,
        "Distinct voices",
        "Distinct speakers the article gives a statement to: a person however spelled, an office, an organisation, "
        "an anonymous source once from its introduction (a source … the source).",
        "voices",
        requires=("attribution", "hedges"),
        short="voices",
    ),
    MetricSpec(
        "anonymous_voice_share",
        FAMILY,
        "Share of voices unnamed",
        "Share of the distinct voices that are anonymous sources (an aide, a source familiar with, officials).",
        "share 0–1",
        requires=("attribution", "hedges"),
        short="anonymous voices",
    ),
    MetricSpec(
        "official_voice_share",
        FAMILY,
        "Share of voices official",
        "Share of the distinct voices that are offices or organisations without a person's name (the mayor, "
        "a White House spokesperson, the fire department).",
        "share 0–1",
        requires=("attribution", "hedges"),
        short="official voices",
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
        metrics.update(
            {
                name: MetricValue.empty(reason)
                for name in (
                    "attributions",
                    "anonymous_share",
                    "voices",
                    "anonymous_voice_share",
                    "official_voice_share",
                )
            }
        )
        return ScorerOutput(metrics, tuple(quotes))
    hedge_cues = hedge_evidence(doc, hedges, config)
    anonymous_spans = [(e.start, e.end) for e in hedge_cues if e.category == "anonymous_attribution"]
    found = find_evidence(doc, lexicon, "attribution")
    speakers = find_speakers(doc, found, anonymous_spans)
    anonymous_sentences = {e.sentence_index for e in hedge_cues if e.category == "anonymous_attribution"}

    def category(e) -> str:
        speaker = speakers.get(e.start)
        if speaker is not None and speaker.kind != UNKNOWN:
            return f"{speaker.kind}_source"
        return "anonymous_source" if e.sentence_index in anonymous_sentences else "named_source"

    cues = [replace(e, category=category(e)) for e in found]
    voices = {sp.voice: sp.kind for sp in speakers.values() if sp.kind != UNKNOWN}
    spoken = [
        Evidence(
            sp.start,
            sp.end,
            sp.text,
            "speaker",
            sp.kind,
            1.0,
            sp.voice,
            sp.sentence_index,
            doc.in_quote(sp.start),
        )
        for sp in speakers.values()
        if sp.kind != UNKNOWN and sp.end > sp.start and doc.text[sp.start : sp.end] == sp.text
    ]
    attributed = {e.sentence_index for e in cues}
    anonymous = {e.sentence_index for e in cues if e.category == "anonymous_source"}
    metrics["attributions"] = MetricValue.of(len(attributed))
    if attributed:
        metrics["anonymous_share"] = MetricValue.of(len(attributed & anonymous) / len(attributed))
    else:
        metrics["anonymous_share"] = MetricValue.empty("no attributed statements")
    metrics["voices"] = MetricValue.of(len(voices))
    if voices:
        kinds = list(voices.values())
        metrics["anonymous_voice_share"] = MetricValue.of(kinds.count(ANONYMOUS) / len(kinds))
        metrics["official_voice_share"] = MetricValue.of(
            (kinds.count(OFFICIAL) + kinds.count(ORGANISATION)) / len(kinds)
        )
    else:
        reason = "no statement is given to a speaker the text names"
        metrics["anonymous_voice_share"] = MetricValue.empty(reason)
        metrics["official_voice_share"] = MetricValue.empty(reason)
    return ScorerOutput(metrics, tuple(sorted(cues + spoken, key=lambda e: e.start) + quotes))
