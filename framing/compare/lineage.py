"""Lineage: which article is a rewrite, translation or near copy of which, with evidence and a
calibrated confidence.

Evidence is the aligned sentence pairs of two articles, minus pairs that are mostly quotation:
two independent reports that quote the same statement align on the quote, which says nothing
about who wrote from whom. For two articles X and Y, coverage(X|Y) is the share of X's alignable
sentences that have such a partner in Y (the set-aside quotations counted on neither side).

A pair is related when the evidence is enough in absolute terms (``Config.lineage_min_sentences``
pairs and ``lineage_min_chars`` characters of the derived article, so two lines of a short text
never suffice) and its confidence reaches ``lineage_min_confidence``. The confidence is a
logistic model of the evidence (``confidence``), fitted on pairs of independent reports of the
same event and pairs of derived texts (``scripts/calibrate_lineage.py``; its reliability on held-out
data is in docs/validation.md).

Direction: the earlier publication date is the source when both dates are known and differ;
otherwise the article more fully contained in the other is the derived one (a rewrite keeps most
of its source but drops parts of it, so coverage(derived|source) > coverage(source|derived));
when each holds the other about equally (a full copy) the texts cannot say, and the article that
comes first in the collection is taken as the source, marked as such.
Kind: a translation when the languages differ; a near copy when aligned sentences are nearly
identical and each covers most of the other; otherwise a rewrite. Each derived article keeps its
most confident source.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from statistics import fmean

from ..config import Config
from ..report import ArticleReport, Report
from .align import Alignment

NEAR_COPY, REWRITE, TRANSLATION = "near_copy", "rewrite", "translation"


@dataclass(frozen=True)
class Relation:
    derived: str
    source: str
    kind: str
    confidence: float  # calibrated probability that the derived article was made from the source
    coverage: float  # share of the derived article's sentences aligned to the source
    source_coverage: float  # share of the source's sentences found in the derived article
    similarity: float  # mean similarity of the aligned pairs, in [0, 1]
    aligned_chars: int  # characters of the derived article's aligned sentences
    shared_quotes: int  # aligned pairs left out as evidence because they are quotation
    direction: str  # "date", "coverage" or "order" (undecided: the collection's order)
    evidence: tuple[tuple[int, int, float], ...]  # (derived sentence, source sentence, similarity)

    def explanation(self) -> str:
        how = {
            "date": "published earlier",
            "coverage": f"{self.coverage:.0%} of the derived text is in the source but only "
            f"{self.source_coverage:.0%} of the source is in the derived text",
            "order": "it comes first in the collection (no dates, and each text holds the other about equally: "
            "the texts do not say which came first)",
        }[self.direction]
        plural = "s" if self.shared_quotes > 1 else ""
        quotes = f" ({self.shared_quotes} shared quotation{plural} not counted)" if self.shared_quotes else ""
        return (
            f"confidence {self.confidence:.0%}: {len(self.evidence)} aligned sentences, "
            f"{self.aligned_chars:,} characters, {self.coverage:.0%} of the derived text, "
            f"mean similarity {self.similarity:.2f}{quotes}; source chosen because {how}"
        )


def features(sentences: int, chars: int, coverage: float) -> tuple[float, float, float]:
    """What the confidence model reads of a pair's evidence (fitted by scripts/calibrate_lineage.py)."""
    return math.log1p(sentences), math.log1p(chars), min(1.0, coverage)


def confidence(sentences: int, chars: int, coverage: float, config: Config) -> float:
    """Probability that a pair with this much evidence is a derivation, not two independent
    reports: logistic in log sentences, log characters and coverage (``Config.lineage_weights``)."""
    intercept, *weights = config.lineage_weights
    z = intercept + sum(w * x for w, x in zip(weights, features(sentences, chars, coverage), strict=True))
    return 1 / (1 + math.exp(-z))


def quoted_shares(article: ArticleReport) -> dict[int, float]:
    """Per sentence, the share of its characters inside direct quotations."""
    quotes = [(e.start, e.end) for e in article.evidence if e.kind == "quote"]
    out = {}
    for s in article.sentences:
        inside = sum(max(0, min(s.end, b) - max(s.start, a)) for a, b in quotes)
        out[s.index] = inside / max(1, s.end - s.start)
    return out


def _pairs(alignments: list[Alignment]) -> dict[tuple[str, str], list[Alignment]]:
    by_pair: dict[tuple[str, str], list[Alignment]] = defaultdict(list)
    for a in alignments:
        by_pair[(a.a, a.b)].append(a)
    return by_pair


def candidates(report: Report, alignments: list[Alignment], unit_counts: dict[str, int], config: Config):
    """Every article pair with aligned sentences, as a Relation of its evidence whatever its strength
    (``lineage`` keeps those with enough; the calibration script fits the confidence on all)."""
    meta = {r.article.id: r.article for r in report.articles}
    order = {r.article.id: i for i, r in enumerate(report.articles)}
    shares: dict[str, dict[int, float]] = {}

    def quoted(ident: str, index: int) -> bool:
        if ident not in shares:
            shares[ident] = quoted_shares(report.get(ident))
        return shares[ident].get(index, 0.0) >= config.lineage_quote_share

    for (x, y), pairs in _pairs(alignments).items():
        if not unit_counts.get(x) or not unit_counts.get(y):
            continue
        kept = [p for p in pairs if not (quoted(x, p.a_sentence) or quoted(y, p.b_sentence))]
        if not kept:
            continue
        set_aside = len(pairs) - len(kept)  # shared quotations count neither way
        cov_x = len(kept) / max(1, unit_counts[x] - set_aside)
        cov_y = len(kept) / max(1, unit_counts[y] - set_aside)
        dx, dy = meta[x].published, meta[y].published
        if dx and dy and dx != dy:
            derived, source, direction = (y, x, "date") if dx < dy else (x, y, "date")
        elif abs(cov_x - cov_y) >= config.lineage_direction_margin:
            derived, source, direction = (x, y, "coverage") if cov_x > cov_y else (y, x, "coverage")
        else:  # each holds the other about equally (a full copy): nothing in the texts says which came first
            derived, source, direction = (y, x, "order") if order[x] < order[y] else (x, y, "order")
        flip = derived != x
        evidence = tuple(
            sorted(
                (p.b_sentence, p.a_sentence, p.score) if flip else (p.a_sentence, p.b_sentence, p.score) for p in kept
            )
        )
        cov_derived, cov_source = (cov_y, cov_x) if flip else (cov_x, cov_y)
        sentences = report.get(derived).sentences
        chars = sum(len(sentences[d].text) for d, _, _ in evidence)
        similarity = fmean(p.score for p in kept)
        if meta[x].language != meta[y].language:
            kind = TRANSLATION
        elif similarity >= config.near_copy_similarity and cov_derived >= config.near_copy_coverage:
            kind = NEAR_COPY
        else:
            kind = REWRITE
        yield Relation(
            derived,
            source,
            kind,
            round(confidence(len(evidence), chars, min(1.0, cov_derived), config), 4),
            round(min(1.0, cov_derived), 4),
            round(min(1.0, cov_source), 4),
            round(similarity, 4),
            chars,
            set_aside,
            direction,
            evidence,
        )


def enough(relation: Relation, config: Config) -> bool:
    """Enough evidence in absolute terms, and confident enough."""
    return (
        len(relation.evidence) >= config.lineage_min_sentences
        and relation.aligned_chars >= config.lineage_min_chars
        and relation.coverage >= config.lineage_min_coverage
        and relation.confidence >= config.lineage_min_confidence
    )


def lineage(report: Report, alignments: list[Alignment], unit_counts: dict[str, int], config: Config) -> list[Relation]:
    options: dict[str, list[Relation]] = defaultdict(list)
    for relation in candidates(report, alignments, unit_counts, config):
        if enough(relation, config):
            options[relation.derived].append(relation)
    best = [max(found, key=lambda r: (r.confidence, r.coverage, r.similarity)) for found in options.values()]
    order = {r.article.id: i for i, r in enumerate(report.articles)}
    return sorted(best, key=lambda r: order[r.derived])


def roles(report: Report, relations: list[Relation]) -> dict[str, str]:
    """A one-line lineage status per article: original, rewrite/translation/near copy of X, independent."""
    derived = {r.derived: r for r in relations}
    sources = {r.source for r in relations}
    out = {}
    for r in report.articles:
        ident = r.article.id
        if ident in derived:
            rel = derived[ident]
            out[ident] = f"{rel.kind.replace('_', ' ')} of {rel.source}"
        elif ident in sources:
            out[ident] = "original"
        else:
            out[ident] = "independent"
    return out
