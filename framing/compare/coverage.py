"""Coverage: the event's facts (clusters of aligned sentences) × articles, and omissions.

Aligned sentence pairs are joined into clusters (union-find); each cluster is a fact, each
unaligned sentence a fact that only one article carries. Only articles of the collection's main
event omit anything (``events``): a derived article what its source carries, an independent voice
what most (more than half) of the event's other independent voices carry, so a copy does not
outvote its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..report import Report
from .align import Alignment, Unit
from .lineage import Relation

if TYPE_CHECKING:
    from .events import EventRole


@dataclass(frozen=True)
class Fact:
    id: int
    label: str  # the wording of its most original teller (see ``facts``)
    members: tuple[tuple[str, int], ...]  # (article id, sentence index)

    def articles(self) -> set[str]:
        return {a for a, _ in self.members}


@dataclass(frozen=True)
class Omission:
    article: str
    fact: int
    carried_by: tuple[str, ...]
    reason: str  # "source" (its source carries it) or "others" (most of the event's other voices do)


def facts(
    report: Report, units: dict[str, list[Unit]], alignments: list[Alignment], relations: list[Relation] = ()
) -> list[Fact]:
    """Clusters of aligned sentences, each labelled with the wording of its most original teller:
    an article made from nothing else in the collection, then the earliest dated, then the sentence
    with the fewest loaded words, then the collection's order (so a rewrite's "assertively and
    influentially participated" never names the fact its source told plainly)."""
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
    derived = {r.derived for r in relations}
    by_id = {r.article.id: r for r in report.articles}

    def teller(key: tuple[str, int]):
        ident, index = key
        loaded = by_id[ident].sentences[index].counts.get("loaded", 0)
        published = by_id[ident].article.published or "9999"  # undated after dated
        return (ident in derived, published, loaded, rank[key])

    return [Fact(i, text[min(members, key=teller)], tuple(members)) for i, members in enumerate(groups.values())]


def omissions(
    report: Report, fact_list: list[Fact], relations: list[Relation], roles: list[EventRole]
) -> list[Omission]:
    """What each article of the main event leaves out: a derived article only what its source
    carries; an independent voice what most (more than half, and at least two) of the event's other
    voices carry. Articles of a related or different event omit nothing of this one."""
    order = {r.article.id: i for i, r in enumerate(report.articles)}
    source_of = {r.derived: r.source for r in relations}
    in_event = [e for e in roles if e.in_event]
    copies: dict[str, list[str]] = {}
    for e in in_event:
        if e.article in source_of:
            copies.setdefault(source_of[e.article], []).append(e.article)
    voices = {e.family: e.article for e in roles if e.voice}
    tellers = [e for e in in_event if e.article not in source_of]  # charged against the other voices
    out = []
    for fact in fact_list:
        carriers = fact.articles()
        for source in carriers:  # a copy is charged only what its source carries
            out.extend(Omission(c, fact.id, (source,), "source") for c in copies.get(source, ()) if c not in carriers)
        voiced = {family: voice for family, voice in voices.items() if voice in carriers}
        if len(voiced) < 2:
            continue
        for e in tellers:
            if e.article in carriers:
                continue
            others = len(voices) - (e.family in voices)
            carrying = sorted(v for f, v in voiced.items() if f != e.family)
            if len(carrying) * 2 > others and len(carrying) >= 2:
                out.append(Omission(e.article, fact.id, tuple(carrying), "others"))
    return sorted(out, key=lambda o: (order[o.article], o.fact))
