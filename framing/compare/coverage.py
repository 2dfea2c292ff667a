"""Coverage: the event's facts (clusters of aligned sentences) × articles, and omissions.

Aligned sentence pairs are joined into clusters (union-find); each cluster is a fact, each
unaligned sentence a fact that only one article carries. An article omits a fact that its
source carries (for a derived article) or that most (more than half) of the other articles carry.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..report import Report
from .align import Alignment, Unit
from .lineage import Relation


@dataclass(frozen=True)
class Fact:
    id: int
    label: str  # the text of its first sentence, in collection order
    members: tuple[tuple[str, int], ...]  # (article id, sentence index)

    def articles(self) -> set[str]:
        return {a for a, _ in self.members}


@dataclass(frozen=True)
class Omission:
    article: str
    fact: int
    carried_by: tuple[str, ...]
    reason: str  # "source" (its source carries it) or "others" (most other articles do)


def facts(report: Report, units: dict[str, list[Unit]], alignments: list[Alignment]) -> list[Fact]:
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    text = {(u.article_id, u.sentence_index): u.text for us in units.values() for u in us}
    for a in alignments:  # endpoints paired by lineage rather than similarity may be short headlines
        for ident, index in ((a.a, a.a_sentence), (a.b, a.b_sentence)):
            text.setdefault((ident, index), report.get(ident).sentences[index].text)
    article_order = {r.article.id: i for i, r in enumerate(report.articles)}
    order = sorted(text, key=lambda key: (article_order[key[0]], key[1]))
    rank = {key: i for i, key in enumerate(order)}
    for key in order:
        parent[key] = key
    for a in alignments:
        x, y = find((a.a, a.a_sentence)), find((a.b, a.b_sentence))
        if x != y:
            parent[max(x, y, key=rank.__getitem__)] = min(x, y, key=rank.__getitem__)
    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for key in order:
        groups.setdefault(find(key), []).append(key)
    return [Fact(i, text[members[0]], tuple(members)) for i, members in enumerate(groups.values())]


def omissions(report: Report, fact_list: list[Fact], relations: list[Relation]) -> list[Omission]:
    source_of = {r.derived: r.source for r in relations}
    ids = [r.article.id for r in report.articles]
    out = []
    for article in ids:
        others = len(ids) - 1
        for fact in fact_list:
            carriers = fact.articles()
            if article in carriers:
                continue
            if source_of.get(article) in carriers:
                out.append(Omission(article, fact.id, tuple(sorted(carriers)), "source"))
            elif others and len(carriers) * 2 > others and len(carriers) >= 2:
                out.append(Omission(article, fact.id, tuple(sorted(carriers)), "others"))
    return out
