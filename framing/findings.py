"""Findings: what a reader should know first about a collection, in plain language, each with
the article and sentence whose words it rests on.

Every finding is computed from the ``Report`` and its ``Comparison`` (never typed by hand), and
names the evidence behind it: ``article`` and ``sentence`` open the drill-down there and
``highlight`` says which evidence to show. Candidates are ranked by kind (how the collection
came to be first: copies and other events; then how the voices differ) and the first few kept.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

from .compare import Comparison
from .lang import language_name
from .model import Evidence
from .render import article_labels
from .report import ArticleReport, Report
from .text import ROLE_HEADLINE

# How many findings the first screen shows: enough for the main differences, few enough to read.
MAX_FINDINGS = 5
# The smallest difference in loaded words per 100 words worth a finding: below it, one cue more
# or less in a 600-word article (0.17 per 100) would read as a difference of framing.
LOADED_MARGIN = 0.5
# The smallest spread of headline tone (VADER compound) worth a finding.
TONE_SPREAD = 0.3
# Quoted words named in a finding, at most.
MAX_WORDS_NAMED = 3

KIND_ORDER = ("lineage", "event", "loaded", "coverage", "tone", "sourcing")


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KIND_ORDER
    text: str  # plain language; articles named by their display labels
    article: str  # the article whose words the finding rests on
    sentence: int | None  # the sentence to open it at (None: the article's top)
    highlight: str | None = None  # the evidence kind to highlight there (None: every kind)


def _quoted(words: list[str]) -> str:
    unique = list(dict.fromkeys(w.lower() for w in words))
    shown = ", ".join(f"“{w}”" for w in unique[:MAX_WORDS_NAMED])
    return shown + (" …" if len(unique) > MAX_WORDS_NAMED else "")


def _own_loaded(r: ArticleReport) -> list[Evidence]:
    return [e for e in r.evidence if e.kind == "loaded" and not e.in_quote]


# Translation changes worth a first-screen mention, most telling first (numbers are compared
# as written, which a translation may legitimately change, so they are left to the Compare page).
TRANSLATION_ORDER = ("hedge", "loaded", "label", "booster", "attribution")
NOUNS = {
    "hedge": "hedge",
    "loaded": "loaded word",
    "label": "label",
    "booster": "booster",
    "attribution": "reporting cue",
}


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _translation_changes(changes) -> list[tuple[str, int]]:
    """'N hedges where its source has M (…)' for each kind whose totals differ over the aligned
    pairs, most telling kind first, with the first sentence to open."""
    out = []
    for kind in TRANSLATION_ORDER:
        mine = [t for t in changes if t.kind == kind]
        derived = [w for t in mine for w in t.derived_words]
        source = [w for t in mine for w in t.source_words]
        if len(derived) != len(source):
            examples = " against ".join(_quoted(words) for words in (derived, source) if words)
            out.append(
                (
                    f"{_count(len(derived), NOUNS[kind])} where its source has {len(source)} ({examples})",
                    mine[0].derived_sentence,
                )
            )
    return out


def _lineage(report: Report, comparison: Comparison, names: dict[str, str]) -> list[Finding]:
    out = []
    for rel in comparison.relations:
        derived, source = report.get(rel.derived), report.get(rel.source)
        who, whom = names[rel.derived], names[rel.source]
        if rel.kind == "translation":
            pairs = [t for t in comparison.translations if t.derived == rel.derived and t.source == rel.source]
            changes = _translation_changes(pairs)
            said = "; ".join(text for text, _ in changes[:2])
            text = (
                f"{who} is a {language_name(derived.article.language)} translation of {whom} "
                f"(lineage confidence {rel.confidence:.2f})"
                + (
                    f": in the sentences it translates it has {said}."
                    if said
                    else ", with its hedges, loaded words and labels."
                )
            )
            out.append(Finding("lineage", text, rel.derived, changes[0][1] if changes else None))
            continue
        theirs = Counter(e.text.lower() for e in _own_loaded(source))
        added = []
        for e in _own_loaded(derived):  # the derived article's loaded words its source does not have
            if theirs[e.text.lower()] > 0:
                theirs[e.text.lower()] -= 1
            else:
                added.append(e)
        dropped = sum(theirs.values())
        what = "a near copy" if rel.kind == "near_copy" else "a rewrite"
        text = f"{who} is {what} of {whom} (lineage confidence {rel.confidence:.2f}), so it counts as one voice with it"
        sentence = None
        if added:
            in_headline = [e for e in added if derived.sentences[e.sentence_index].role == ROLE_HEADLINE]
            where = ""
            if in_headline:
                where = (
                    ", all in its headline"
                    if len(in_headline) == len(added)
                    else f", {len(in_headline)} in its headline"
                )
            text += f"; it uses {_count(len(added), 'loaded word')} its source does not{where} ({_quoted([e.text for e in added])})"
            text += f" and leaves out {dropped} of its source's" if dropped else ""
            sentence = (in_headline or added)[0].sentence_index
        out.append(Finding("lineage", text + ".", rel.derived, sentence, "loaded" if added else None))
    return out


def _events(comparison: Comparison, names: dict[str, str]) -> list[Finding]:
    return [
        Finding("event", f"{names[e.article]} reports a {e.event} event, not this one: {e.reason}.", e.article, None)
        for e in comparison.events
        if not e.in_event
    ]


def _voices(report: Report, comparison: Comparison) -> list[ArticleReport]:
    voices = {e.article for e in comparison.events if e.voice}
    return [r for r in report.articles if r.article.id in voices] if voices else list(report.articles)


def _loaded(voices: list[ArticleReport], names: dict[str, str]) -> list[Finding]:
    rates = [(r, r.value("loaded_per_100w")) for r in voices]
    rates = [(r, v) for r, v in rates if v is not None]
    if len(rates) < 2:
        return []
    top, value = max(rates, key=lambda rv: rv[1])
    others = statistics.median(v for r, v in rates if r is not top)
    cues = _own_loaded(top)
    if value - others < LOADED_MARGIN or len(cues) < 2:
        return []
    text = (
        f"{names[top.article.id]} uses the most loaded wording of the {len(rates)} independent voices: "
        f"{value:.1f} loaded words per 100 against a median of {others:.1f} for the others ({_quoted([e.text for e in cues])})."
    )
    return [Finding("loaded", text, top.article.id, cues[0].sentence_index, "loaded")]


def _coverage(report: Report, comparison: Comparison, voices: list[ArticleReport], names) -> list[Finding]:
    if len(voices) < 2:
        return []
    family = {e.article: e.family for e in comparison.events}
    voice_ids = {r.article.id for r in voices}
    only: dict[str, list[tuple[str, int]]] = {}
    for fact in comparison.facts:
        families = {family.get(a, a) for a in fact.articles()}
        if len(families) == 1:
            (owner,) = families
            if owner in voice_ids:
                told = next(m for m in fact.members if family.get(m[0], m[0]) == owner)
                only.setdefault(owner, []).append(told)
    if not only:
        return []
    owner, told = max(only.items(), key=lambda kv: len(kv[1]))
    article, sentence = next(((a, s) for a, s in told if a == owner), told[0])
    example = report.get(article).sentences[sentence].text
    short = example if len(example) <= 140 else example[:137].rsplit(" ", 1)[0] + " …"
    text = f"Only {names[owner]} reports {len(told)} of the event's facts the other voices leave out, such as “{short}”"
    return [Finding("coverage", text, article, sentence)]


def _tone(voices: list[ArticleReport], names: dict[str, str]) -> list[Finding]:
    tones = [(r, r.value("tone_headline")) for r in voices]
    tones = [(r, v) for r, v in tones if v is not None]
    if len(tones) < 2:
        return []
    low, high = min(tones, key=lambda rv: rv[1]), max(tones, key=lambda rv: rv[1])
    if high[1] - low[1] < TONE_SPREAD:
        return []
    headline = next((s.index for s in low[0].sentences if s.role == ROLE_HEADLINE), None)
    text = (
        f"The headlines differ in tone: {names[low[0].article.id]}'s is the "
        f"{'most negative' if low[1] < 0 else 'least positive'} ({low[1]:+.2f}), "
        f"{names[high[0].article.id]}'s the {'most positive' if high[1] > 0 else 'least negative'} ({high[1]:+.2f}) "
        "on a scale of −1 to +1."
    )
    return [Finding("tone", text, low[0].article.id, headline)]


def _sourcing(voices: list[ArticleReport], names: dict[str, str]) -> list[Finding]:
    anonymous = [(r, [e for e in r.evidence if e.kind == "speaker" and e.category == "anonymous"]) for r in voices]
    relying = [(r, found) for r, found in anonymous if found]
    if not relying or len(relying) == len(voices) or len(voices) < 2:
        return []
    r, found = max(relying, key=lambda rf: len(rf[1]))
    few = "the only voice" if len(relying) == 1 else f"one of {len(relying)} voices of {len(voices)}"
    text = f"{names[r.article.id]} is {few} citing anonymous sources: {_quoted([e.text for e in found])}."
    return [Finding("sourcing", text, r.article.id, found[0].sentence_index, "speaker")]


def findings(report: Report, comparison: Comparison, limit: int = MAX_FINDINGS) -> list[Finding]:
    """The collection's main findings, most telling first, at most ``limit`` and at most two of
    a kind."""
    if not report.articles:
        return []
    names = article_labels(report)
    voices = [r for r in _voices(report, comparison)]
    candidates = [
        *_lineage(report, comparison, names),
        *_events(comparison, names),
        *_loaded(voices, names),
        *_coverage(report, comparison, voices, names),
        *_tone(voices, names),
        *_sourcing(voices, names),
    ]
    kept, per_kind = [], {}
    for finding in sorted(candidates, key=lambda f: KIND_ORDER.index(f.kind)):
        if per_kind.get(finding.kind, 0) < 2:
            kept.append(finding)
            per_kind[finding.kind] = per_kind.get(finding.kind, 0) + 1
    if len(kept) > limit:  # keep the variety: one of each kind first, then the seconds
        firsts = [f for i, f in enumerate(kept) if f.kind not in {g.kind for g in kept[:i]}]
        kept = (firsts + [f for f in kept if f not in firsts])[:limit]
        kept.sort(key=lambda f: KIND_ORDER.index(f.kind))
    return kept


@dataclass(frozen=True)
class Headline:
    """One article's place in the headline roundup."""

    article: str
    label: str  # the article's display label
    published: str | None
    language: str | None
    note: str  # its place in the collection: "original report", "rewrite of …", "related event" …
    in_event: bool


def roundup(report: Report, comparison: Comparison | None) -> list[Headline]:
    """The articles in roundup order: the main event's independent voices, each followed by its
    copies, rewrites and translations, then the articles on other events. Without a comparison
    (a collection too large to trace), in the collection's order."""
    names = article_labels(report)
    if comparison is None:
        return [
            Headline(r.article.id, names[r.article.id], r.article.published, r.article.language, "", True)
            for r in report.articles
        ]
    source_of = {rel.derived: rel for rel in comparison.relations}
    roles = {e.article: e for e in comparison.events}
    order = {r.article.id: i for i, r in enumerate(report.articles)}

    def note(ident: str) -> str:
        role, rel = roles.get(ident), source_of.get(ident)
        if role is not None and not role.in_event:
            return f"{role.event} event"
        if rel is not None:
            what = {"near_copy": "near copy", "translation": "translation"}.get(rel.kind, rel.kind)
            return f"{what} of {names[rel.source]}"
        return "independent voice"

    def key(ident: str):
        role = roles.get(ident)
        family = role.family if role else ident
        return (0 if role is None or role.in_event else 1, order[family], ident != family, order[ident])

    ids = sorted(order, key=key)
    return [
        Headline(
            i,
            names[i],
            report.get(i).article.published,
            report.get(i).article.language,
            note(i),
            roles[i].in_event if i in roles else True,
        )
        for i in ids
    ]
