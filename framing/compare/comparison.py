"""The comparison of a collection: one result with its tables and a JSON form that round-trips."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace

import pandas as pd

from ..config import DEFAULT_CONFIG, Config
from ..report import Report
from .actors import ActorSpec, Mention, discover, mentions, summary
from .align import HEADLINE, TFIDF, Alignment, align, units
from .coverage import Fact, Omission, facts, omissions
from .diff import Change, SentenceDiff, TranslationChange, diff_sentences, translation_changes
from .events import EventRole, events
from .lineage import TRANSLATION, Relation, lineage, roles
from .relative import relative_framing


@dataclass(frozen=True)
class Comparison:
    alignments: tuple[Alignment, ...]
    relations: tuple[Relation, ...]
    events: tuple[EventRole, ...]
    facts: tuple[Fact, ...]
    omissions: tuple[Omission, ...]
    diffs: tuple[SentenceDiff, ...]  # aligned same-language sentences of each derived article and its source
    translations: tuple[TranslationChange, ...]  # what each translation adds or drops, per aligned pair
    actors: tuple[ActorSpec, ...]
    mentions: tuple[Mention, ...]
    cross_language: str
    article_ids: tuple[str, ...]

    # --- tables -----------------------------------------------------------------------

    def alignment_table(self) -> pd.DataFrame:
        return pd.DataFrame(
            [asdict(a) for a in self.alignments], columns=["a", "a_sentence", "b", "b_sentence", "score", "method"]
        )

    def lineage_table(self, report: Report) -> pd.DataFrame:
        status = roles(report, list(self.relations))
        derived = {r.derived: r for r in self.relations}
        rows = []
        for ident in self.article_ids:
            rel = derived.get(ident)
            rows.append(
                {
                    "article_id": ident,
                    "status": status[ident],
                    "relation": rel.kind if rel else None,
                    "source": rel.source if rel else None,
                    "confidence": rel.confidence if rel else None,
                    "coverage": rel.coverage if rel else None,
                    "source_coverage": rel.source_coverage if rel else None,
                    "similarity": rel.similarity if rel else None,
                    "direction": rel.direction if rel else None,
                    "aligned_sentences": len(rel.evidence) if rel else None,
                    "aligned_chars": rel.aligned_chars if rel else None,
                    "shared_quotes": rel.shared_quotes if rel else None,
                    "explanation": rel.explanation() if rel else None,
                }
            )
        return pd.DataFrame(rows)

    def event_table(self, report: Report) -> pd.DataFrame:
        """One row per article: the event it reports (same/related/different from the main one),
        whether that was detected or set by the user, why, and whether it is an independent voice."""
        outlets = {r.article.id: r.article.outlet for r in report.articles}
        return pd.DataFrame(
            [
                {
                    "article_id": e.article,
                    "outlet": outlets[e.article],
                    "event": e.event,
                    "basis": e.basis,
                    "independent_voice": e.voice,
                    "family": e.family,
                    "shared_facts": e.shared_facts,
                    "days_from_event": e.days,
                    "reason": e.reason,
                }
                for e in self.events
            ],
            columns=[
                "article_id",
                "outlet",
                "event",
                "basis",
                "independent_voice",
                "family",
                "shared_facts",
                "days_from_event",
                "reason",
            ],
        ).astype({"days_from_event": "Int64"})

    def reframe(self, report: Report) -> Report:
        """The report with its relative metrics set against the main event's independent voices."""
        return replace(report, articles=tuple(relative_framing(list(report.articles), list(self.events))))

    def coverage_table(self) -> pd.DataFrame:
        """Facts × articles: per article, whether it carries the fact (1/0) and in which sentence."""
        rows = []
        for fact in self.facts:
            row = {"fact": fact.id, "label": fact.label, "articles": len(fact.articles())}
            members = dict(fact.members)
            for ident in self.article_ids:
                row[ident] = int(ident in members)
                row[f"{ident} sentence"] = members.get(ident)
            rows.append(row)
        columns = [c for ident in self.article_ids for c in (ident, f"{ident} sentence")]
        frame = pd.DataFrame(rows, columns=["fact", "label", "articles", *columns])
        return frame.astype({f"{ident} sentence": "Int64" for ident in self.article_ids})

    def omission_table(self) -> pd.DataFrame:
        labels = {f.id: f.label for f in self.facts}
        return pd.DataFrame(
            [
                {
                    "article_id": o.article,
                    "fact": o.fact,
                    "label": labels[o.fact],
                    "reason": o.reason,
                    "carried_by": "; ".join(o.carried_by),
                }
                for o in self.omissions
            ],
            columns=["article_id", "fact", "label", "reason", "carried_by"],
        )

    def translation_table(self) -> pd.DataFrame:
        """Per aligned sentence pair of a translation and its source: each kind of wording (hedges,
        boosters, loaded words, labels, attributions, numbers) the translation adds or drops."""
        return pd.DataFrame(
            [
                {
                    "derived": t.derived,
                    "derived_sentence": t.derived_sentence,
                    "source": t.source,
                    "source_sentence": t.source_sentence,
                    "kind": t.kind,
                    "change": t.change,
                    "derived_words": "; ".join(t.derived_words),
                    "source_words": "; ".join(t.source_words),
                }
                for t in self.translations
            ],
            columns=[
                "derived",
                "derived_sentence",
                "source",
                "source_sentence",
                "kind",
                "change",
                "derived_words",
                "source_words",
            ],
        )

    def actor_table(self, report: Report) -> pd.DataFrame:
        kinds = {a.name: a.kind for a in self.actors}
        aliases = {a.name: "; ".join(a.aliases) for a in self.actors}
        rows = [
            {
                "actor": r["actor"],
                "kind": kinds[r["actor"]],
                "aliases": aliases[r["actor"]],
                **{k: v for k, v in r.items() if k != "actor"},
            }
            for r in summary(report, list(self.mentions))
        ]
        frame = pd.DataFrame(
            rows,
            columns=[
                "actor",
                "kind",
                "aliases",
                "article_id",
                "outlet",
                "mentions",
                "labels",
                "tone_mean",
                "tone_mentions",
            ],
        )
        # most-named actors first; within an actor, the collection's article order
        total = frame.groupby("actor")["mentions"].transform("sum")
        position = frame["article_id"].map({ident: i for i, ident in enumerate(self.article_ids)})
        return (
            frame.assign(_total=total, _position=position)
            .sort_values(["_total", "actor", "_position"], ascending=[False, True, True])
            .drop(columns=["_total", "_position"])
            .reset_index(drop=True)
        )

    # --- JSON ----------------------------------------------------------------------------

    def to_dict(self) -> dict:
        return asdict(self)

    @staticmethod
    def from_dict(data: dict) -> Comparison:
        def rel(d):
            return Relation(**{**d, "evidence": tuple(tuple(e) for e in d["evidence"])})

        def fact(d):
            return Fact(d["id"], d["label"], tuple(tuple(m) for m in d["members"]))

        def sdiff(d):
            return SentenceDiff(
                d["a"],
                d["a_sentence"],
                d["b"],
                d["b_sentence"],
                tuple(
                    Change(**{**c, "a_kinds": tuple(c["a_kinds"]), "b_kinds": tuple(c["b_kinds"])})
                    for c in d["changes"]
                ),
            )

        return Comparison(
            alignments=tuple(Alignment(**a) for a in data["alignments"]),
            relations=tuple(rel(r) for r in data["relations"]),
            events=tuple(EventRole(**e) for e in data["events"]),
            facts=tuple(fact(f) for f in data["facts"]),
            omissions=tuple(Omission(**{**o, "carried_by": tuple(o["carried_by"])}) for o in data["omissions"]),
            diffs=tuple(sdiff(d) for d in data["diffs"]),
            translations=tuple(
                TranslationChange(
                    **{**t, "derived_words": tuple(t["derived_words"]), "source_words": tuple(t["source_words"])}
                )
                for t in data["translations"]
            ),
            actors=tuple(ActorSpec(**{**a, "aliases": tuple(a["aliases"])}) for a in data["actors"]),
            mentions=tuple(Mention(**m) for m in data["mentions"]),
            cross_language=data["cross_language"],
            article_ids=tuple(data["article_ids"]),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    @staticmethod
    def from_json(text: str) -> Comparison:
        return Comparison.from_dict(json.loads(text))


def headline_alignments(report: Report, alignments: list[Alignment], relations: list[Relation]) -> list[Alignment]:
    """Once lineage says B was made from A, B's headline is the rewrite of A's headline, however
    far the wording moved ("joined" → "assertively and influentially participated in a pivotal
    call"): pair them unless the derived headline is already aligned (the source's may also be
    aligned to a standfirst that repeats it)."""
    taken = {(a.a, a.a_sentence) for a in alignments} | {(a.b, a.b_sentence) for a in alignments}
    out = []
    for rel in relations:
        heads = []
        for ident in (rel.source, rel.derived):
            heads.append(next((s.index for s in report.get(ident).sentences if s.role == "headline"), None))
        if None in heads or (rel.derived, heads[1]) in taken:
            continue
        out.append(Alignment(rel.source, heads[0], rel.derived, heads[1], 0.0, HEADLINE))
    return out


def compare(
    report: Report,
    config: Config = DEFAULT_CONFIG,
    actors: list[ActorSpec] | None = None,
    cross_language: str | None = None,
) -> Comparison:
    """Align, trace lineage, find the main event and its independent voices, cluster facts, diff
    wording and follow actors across a collection."""
    by_article = units(report, config)
    alignments = align(report, config, cross_language)
    relations = lineage(report, alignments, {k: len(v) for k, v in by_article.items()}, config)
    alignments += headline_alignments(report, alignments, relations)
    fact_list = facts(report, by_article, alignments, relations)
    event_roles = events(report, by_article, alignments, relations, fact_list, config)
    derived_of = {(r.derived, r.source) for r in relations}
    diffs = []
    for a in alignments:
        if a.method not in (TFIDF, HEADLINE) or report.get(a.a).article.language != report.get(a.b).article.language:
            continue
        if (a.b, a.a) in derived_of:  # a is the source, b the rewrite
            diffs.append(diff_sentences(report.get(a.a), a.a_sentence, report.get(a.b), a.b_sentence))
        elif (a.a, a.b) in derived_of:
            diffs.append(diff_sentences(report.get(a.b), a.b_sentence, report.get(a.a), a.a_sentence))
    specs = actors if actors is not None else discover(report, config)
    method = cross_language or ("multilingual" if any(a.method == "multilingual" for a in alignments) else "anchors")
    return Comparison(
        alignments=tuple(alignments),
        relations=tuple(relations),
        events=tuple(event_roles),
        facts=tuple(fact_list),
        omissions=tuple(omissions(report, fact_list, relations, event_roles)),
        diffs=tuple(diffs),
        translations=tuple(
            change
            for r in relations
            if r.kind == TRANSLATION
            for change in translation_changes(report.get(r.derived), report.get(r.source), r.evidence)
        ),
        actors=tuple(specs),
        mentions=tuple(mentions(report, specs, config)),
        cross_language=method,
        article_ids=tuple(r.article.id for r in report.articles),
    )
