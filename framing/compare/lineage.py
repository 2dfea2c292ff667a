"""Lineage: which article is a rewrite, translation or near copy of which, with evidence.

For two articles X and Y, coverage(X|Y) is the share of X's alignable sentences that have an
aligned partner in Y. A pair is related when either coverage reaches
``Config.lineage_min_coverage``. Direction: the earlier publication date is the source when
both dates are known and differ; otherwise the article more fully contained in the other is
the derived one (a rewrite keeps most of its source but drops parts of it, so
coverage(derived|source) > coverage(source|derived)). Kind: a translation when the languages
differ; a near copy when aligned sentences are nearly identical and each covers most of the
other; otherwise a rewrite. Each derived article keeps its best-covering source.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from statistics import fmean

from ..config import Config
from ..report import Report
from .align import Alignment

NEAR_COPY, REWRITE, TRANSLATION = "near_copy", "rewrite", "translation"


@dataclass(frozen=True)
class Relation:
    derived: str
    source: str
    kind: str
    coverage: float  # share of the derived article's sentences aligned to the source: the confidence
    source_coverage: float  # share of the source's sentences found in the derived article
    similarity: float  # mean similarity of the aligned pairs
    direction: str  # "date" or "coverage"
    evidence: tuple[tuple[int, int, float], ...]  # (derived sentence, source sentence, similarity)

    def explanation(self) -> str:
        how = {
            "date": "published earlier",
            "coverage": f"{self.coverage:.0%} of the derived text is in the source but only "
            f"{self.source_coverage:.0%} of the source is in the derived text",
        }[self.direction]
        return (
            f"{len(self.evidence)} aligned sentences, mean similarity {self.similarity:.2f}; "
            f"source chosen because {how}"
        )


def _pairs(alignments: list[Alignment]) -> dict[tuple[str, str], list[Alignment]]:
    by_pair: dict[tuple[str, str], list[Alignment]] = defaultdict(list)
    for a in alignments:
        by_pair[(a.a, a.b)].append(a)
    return by_pair


def lineage(report: Report, alignments: list[Alignment], unit_counts: dict[str, int], config: Config) -> list[Relation]:
    meta = {r.article.id: r.article for r in report.articles}
    candidates: dict[str, list[Relation]] = defaultdict(list)
    for (x, y), pairs in _pairs(alignments).items():
        if not unit_counts.get(x) or not unit_counts.get(y):
            continue
        cov_x, cov_y = len(pairs) / unit_counts[x], len(pairs) / unit_counts[y]
        if max(cov_x, cov_y) < config.lineage_min_coverage:
            continue
        dx, dy = meta[x].published, meta[y].published
        if dx and dy and dx != dy:
            derived, source, direction = (y, x, "date") if dx < dy else (x, y, "date")
        else:
            derived, source, direction = (x, y, "coverage") if cov_x >= cov_y else (y, x, "coverage")
        flip = derived != x
        evidence = tuple(
            (p.b_sentence, p.a_sentence, p.score) if flip else (p.a_sentence, p.b_sentence, p.score) for p in pairs
        )
        cov_derived, cov_source = (cov_y, cov_x) if flip else (cov_x, cov_y)
        similarity = fmean(p.score for p in pairs)
        if meta[x].language != meta[y].language:
            kind = TRANSLATION
        elif similarity >= config.near_copy_similarity and min(cov_derived, cov_source) >= config.near_copy_coverage:
            kind = NEAR_COPY
        else:
            kind = REWRITE
        candidates[derived].append(
            Relation(
                derived,
                source,
                kind,
                round(cov_derived, 4),
                round(cov_source, 4),
                round(similarity, 4),
                direction,
                tuple(sorted(evidence)),
            )
        )
    best = [max(options, key=lambda r: (r.coverage, r.similarity)) for options in candidates.values()]
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
