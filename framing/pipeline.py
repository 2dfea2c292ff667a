"""The public entry point: articles in, ``Report`` out. Small pure steps chained in one place.

files → Article → clean → language → sentences/tokens → scorers → relative framing → Report
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from .clean import clean
from .compare import relative_framing
from .config import DEFAULT_CONFIG, Config
from .corpus import Article, LoadError, iter_paths
from .fingerprint import engine_fingerprint
from .lang import detect
from .model import KINDS, Evidence, MetricValue
from .report import ArticleReport, Report, SentenceScore
from .scorers import SCORERS
from .text import ROLE_HEADLINE, make_doc
from .version import __version__


def score_article(article: Article, config: Config = DEFAULT_CONFIG) -> ArticleReport:
    """Clean, segment and score one article (without the collection-relative metrics)."""
    cleaned = clean(article, config)
    if cleaned.language:
        language, source = cleaned.language, cleaned.language_source or "metadata"
    else:
        language, source = detect(cleaned.text, config), "detected"
    doc = make_doc(cleaned.text, language, cleaned.title, config)
    title = cleaned.title or next((s.text for s in doc.sentences if s.role == ROLE_HEADLINE), None)
    cleaned = replace(cleaned, language=language, language_source=source, title=title)

    metrics: dict[str, MetricValue] = {}
    evidence: list[Evidence] = []
    tone: dict[int, float] = {}
    for scorer in SCORERS:
        output = scorer.score(doc, config)
        metrics.update(output.metrics)
        evidence.extend(output.evidence)
        tone.update(output.sentence_tone)
    evidence.sort(key=lambda e: (e.start, KINDS.index(e.kind), e.end))
    counts: dict[int, dict[str, int]] = {}
    for e in evidence:
        per_kind = counts.setdefault(e.sentence_index, {})
        per_kind[e.kind] = per_kind.get(e.kind, 0) + 1
    sentences = tuple(
        SentenceScore(s.index, s.start, s.end, s.text, s.role, tone.get(s.index), counts.get(s.index, {}))
        for s in doc.sentences
    )
    ordered = {m.name: metrics[m.name] for scorer in SCORERS for m in scorer.metrics}
    return ArticleReport(cleaned, ordered, sentences, tuple(evidence))


def assemble_report(
    scored: Iterable[ArticleReport], errors: Iterable[LoadError] = (), config: Config = DEFAULT_CONFIG
) -> Report:
    """The one place scored articles become a ``Report``: the collection-relative metrics are
    added and the report is stamped with the engine fingerprint its scores were made under."""
    return Report(
        tuple(relative_framing(list(scored))),
        tuple(errors),
        engine_version=__version__,
        fingerprint=engine_fingerprint(config),
        overrides=config.loaded_overrides,
    )


def build_report(
    articles: Iterable[Article], errors: Iterable[LoadError] = (), config: Config = DEFAULT_CONFIG
) -> Report:
    """Score articles and assemble their report."""
    return assemble_report((score_article(a, config) for a in articles), errors, config)


def analyze(paths: Iterable[str | Path], config: Config = DEFAULT_CONFIG) -> Report:
    """Load files and folders, score every article, and compare them: the whole pipeline."""
    articles, errors = [], []
    for item in iter_paths(paths, config):
        (articles if isinstance(item, Article) else errors).append(item)
    return build_report(articles, errors, config)
