"""The event model: which articles of a collection report the same event, which a related one and
which another, and which of them are independent voices, with evidence a reader can check.

An article's event is what its lead says: its first ``Config.event_lead_units`` alignable
sentences (the headline and the first sentences of the body). Two articles report the same event
when one was made from the other (lineage), when their leads say the same thing (a sentence of
one lead is aligned with a sentence of the other, in any language), or when their leads are
worded alike (``Config.event_lead_similarity``). An article that only shares background with the
others (the seeds' 004 shares the Wall Street Journal's report on Musk and Putin, which CNN
mentions in its 25th sentence) does not report their event.

The main event is the largest group so joined, counted in independent voices (lineage families),
then in articles. Its date is the median date of the largest set of its dated articles that lie
within ``Config.event_max_days`` of each other; a member dated further away leaves it. Articles
outside the main event report a *related* event when they share a fact (an aligned sentence
anywhere) with it, else a *different* one. The user's call (``Article.event``: same, related or
different) overrides the detection, which stays in the reason.

Independent voices: each lineage family (an original with its rewrites, translations and copies)
is one voice, its original's, so a copy never outvotes its source; only voices of the main event
enter the collection's medians (``relative``) and its omissions (``coverage``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from statistics import median_low

import numpy as np

from ..config import Config
from ..corpus import EVENT_CHOICES
from ..report import Report
from .align import Alignment, Unit, _tfidf_vectors
from .coverage import Fact
from .lineage import Relation

SAME, RELATED, DIFFERENT = EVENT_CHOICES


@dataclass(frozen=True)
class EventRole:
    article: str
    event: str  # SAME, RELATED or DIFFERENT: relative to the collection's main event
    basis: str  # "detected" or "user"
    reason: str
    family: str  # the original of the article's lineage family (itself when it has no source here)
    voice: bool  # an independent voice of the main event: in it, and its family's original
    shared_facts: int  # facts it shares with the main event's other families
    days: int | None  # days from the main event's date (negative: earlier); None without dates

    @property
    def in_event(self) -> bool:
        return self.event == SAME


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _families(ids: list[str], relations: list[Relation]) -> dict[str, str]:
    """Each article's family original: follow 'derived from' to an article derived from nothing."""
    source = {r.derived: r.source for r in relations}
    out = {}
    for ident in ids:
        seen, current = {ident}, ident
        while current in source and source[current] not in seen:
            current = source[current]
            seen.add(current)
        out[ident] = current
    return out


def _groups(ids: list[str], links: list[tuple[str, str]]) -> list[set[str]]:
    parent = {i: i for i in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        parent[find(a)] = find(b)
    groups: dict[str, set[str]] = {}
    for i in ids:
        groups.setdefault(find(i), set()).add(i)
    return list(groups.values())


def _event_date(members: list[str], dates: dict[str, date | None], window: int) -> date | None:
    """The median date of the largest set of dated members within ``window`` days of one another."""
    dated = sorted(d for m in members if (d := dates[m]) is not None)
    best: list[date] = []
    for start in dated:
        inside = [d for d in dated if 0 <= (d - start).days <= window]
        if len(inside) > len(best):
            best = inside
    return median_low(best) if best else None


def _when(days: int) -> str:
    """'3 days before' or '1 day after' (a reason reads 'dated 3 days before the event's date')."""
    return f"{abs(days)} day{'s' if abs(days) != 1 else ''} {'before' if days < 0 else 'after'}"


def lead_similarities(report: Report, units: dict[str, list[Unit]], config: Config, block: int = 500):
    """(a, b, cosine) for same-language articles whose leads reach ``Config.event_lead_similarity``
    (TF-IDF of words and character n-grams, as sentences are aligned), in row blocks so a large
    collection never holds the whole similarity matrix."""
    by_language: dict[str, list[str]] = {}
    for r in report.articles:
        if units.get(r.article.id):
            by_language.setdefault(r.article.language or "und", []).append(r.article.id)
    for ids in by_language.values():
        if len(ids) < 2:
            continue
        vectors = _tfidf_vectors([" ".join(u.text for u in units[i][: config.event_lead_units]) for i in ids])
        for start in range(0, len(ids), block):
            scores = (vectors[start : start + block] @ vectors.T).toarray()
            for row, col in zip(*np.nonzero(scores >= config.event_lead_similarity), strict=True):
                if start + row < col:
                    yield ids[start + row], ids[col], float(scores[row, col])


def events(
    report: Report,
    units: dict[str, list[Unit]],
    alignments: list[Alignment],
    relations: list[Relation],
    fact_list: list[Fact],
    config: Config,
) -> list[EventRole]:
    ids = [r.article.id for r in report.articles]
    order = {ident: i for i, ident in enumerate(ids)}
    family = _families(ids, relations)
    lead = {ident: {u.sentence_index for u in items[: config.event_lead_units]} for ident, items in units.items()}
    # (a, b, strength, why a joins b): lineage first, then leads that say the same, then leads worded alike
    links: list[tuple[str, str, float, str]] = []
    for r in relations:
        links.append((r.derived, r.source, 3.0, f"{r.kind.replace('_', ' ')} of {r.source}"))
        links.append((r.source, r.derived, 3.0, f"the source of {r.derived}"))
    for a in alignments:
        if a.a_sentence in lead.get(a.a, ()) and a.b_sentence in lead.get(a.b, ()):
            for x, y, xs, ys in ((a.a, a.b, a.a_sentence, a.b_sentence), (a.b, a.a, a.b_sentence, a.a_sentence)):
                links.append(
                    (x, y, 2.0 + a.score, f"its lead says what {y}'s lead says (sentence {xs + 1} ~ {ys + 1})")
                )
    for a, b, similarity in lead_similarities(report, units, config):
        for x, y in ((a, b), (b, a)):
            links.append((x, y, 1.0 + similarity, f"its lead is worded like {y}'s (similarity {similarity:.2f})"))
    groups = _groups(ids, [(a, b) for a, b, _, _ in links])

    def weight(group: set[str]) -> tuple[int, int, int]:
        return (len({family[m] for m in group}), len(group), -min(order[m] for m in group))

    main = max(groups, key=weight)
    dates = {r.article.id: _date(r.article.published) for r in report.articles}
    event_date = _event_date(sorted(main, key=order.__getitem__), dates, config.event_max_days)
    days = {i: (d - event_date).days if d and event_date else None for i, d in dates.items()}
    off_date = {m for m in main if days[m] is not None and abs(days[m]) > config.event_max_days}
    main_now = main - off_date
    # why each member is in: its strongest link to another member, another family's first
    joined: dict[str, tuple[bool, float, str]] = {}
    for x, y, strength, why in links:
        if x in main_now and y in main_now:
            key = (family[x] != family[y], strength, why)
            if x not in joined or key[:2] > joined[x][:2]:
                joined[x] = key

    carriers: dict[str, set[int]] = {i: set() for i in ids}
    for fact in fact_list:
        for ident in fact.articles():
            carriers[ident].add(fact.id)
    main_facts: dict[int, set[str]] = {}
    for m in main_now:
        for f in carriers[m]:
            main_facts.setdefault(f, set()).add(family[m])
    n_main_facts = len(main_facts)

    detected = {}
    shared_of = {}
    for ident in ids:
        shared = sum(1 for f in carriers[ident] if main_facts.get(f, set()) - {family[ident]})
        shared_of[ident] = shared
        d = days[ident]
        if ident in main_now:
            reason = joined[ident][2] if ident in joined else "the only article of its event"
            if d is not None and event_date is not None:
                reason += f"; dated {_when(d) if d else 'on'} the event's date ({event_date.isoformat()})"
            detected[ident] = (SAME, reason)
        elif shared:
            facts = f"shares {shared} of the event's {n_main_facts} facts"
            if ident in off_date or (d is not None and abs(d) > config.event_max_days):
                when = "earlier" if d < 0 else "later"
                reason = (
                    f"dated {_when(d)} the event's reports ({event_date.isoformat()}), {facts}: a related, {when} event"
                )
            else:
                reason = f"{facts}, but its lead reports something else: a related event"
            detected[ident] = (RELATED, reason)
        else:
            reason = "shares no fact with the event's reports: another event"
            if d is not None and event_date is not None and abs(d) > config.event_max_days:
                reason = f"dated {_when(d)} the event's reports; " + reason
            detected[ident] = (DIFFERENT, reason)

    out = []
    for r in report.articles:
        ident, choice = r.article.id, r.article.event
        event, reason = detected[ident]
        basis = "detected"
        if choice in EVENT_CHOICES and choice != event:
            reason, event, basis = f"set by the user (detected: {event}, {reason})", choice, "user"
        elif choice in EVENT_CHOICES:
            basis = "user"
        out.append(EventRole(ident, event, basis, reason, family[ident], False, shared_of[ident], days[ident]))
    in_event = {e.article for e in out if e.event == SAME}
    voices = {}
    for e in sorted(out, key=lambda e: (e.family != e.article, order[e.article])):  # originals first
        if e.article in in_event:
            voices.setdefault(e.family, e.article)
    chosen = set(voices.values())
    return [replace(e, voice=e.article in chosen) for e in out]
