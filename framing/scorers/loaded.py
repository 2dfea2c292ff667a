"""Loaded language: editorializing wording in the outlet's own voice, quoted wording apart, and
the headline's framing on its own.

The cues come from the built lexicon ``loaded_<lang>`` (hand-written cues plus the words that
permissively licensed resources score as subjective or polar; see scripts/build_lexicons.py).
Context decides the rest: terms neutral in news absorb their words (weight-0 entries), a word
counted as a label is not loaded, and a collection's corrections (``Config.loaded_overrides``:
"not loaded here", "loaded") apply last, each with the rule ``user:…``.
"""

from __future__ import annotations

import functools
import re

from ..config import Config
from ..errors import InputError
from ..lang import language_name
from ..lexicon import Entry, Lexicon, PhraseMatcher, normalize_token
from ..model import Evidence, MetricSpec, MetricValue, ScorerOutput
from ..text import ROLE_HEADLINE, WORD_RE, Doc
from . import labels
from ._lexical import find_evidence, lexicon_name, match_evidence, per_100_words

FAMILY = "loaded"
READS = ("loaded", "labels")  # lexicon prefixes read
NOT_LOADED, LOADED = "not_loaded", "loaded"
USER_WEIGHT = 1.0
# A headline kicker: an all-caps word or run of words closed by a colon ("DESPERATION:").
KICKER = re.compile(r"^\W*([^\W\d_][^:]{2,40}?)\s*:\s*\w")
KICKER_MIN_LETTERS = 4  # "EU:" or "UK:" name a place; "DESPERATION:" frames
KICKER_WEIGHT, QUESTION_WEIGHT = 1.0, 0.5  # a question headline frames by implication, more weakly
METRICS = (
    MetricSpec(
        "loaded_per_100w",
        FAMILY,
        "Loaded wording per 100 words (own voice)",
        "Weighted editorializing words outside direct quotations, per 100 words: hand-written cues (weight 1, or "
        "0.5 where a news use is neutral) and words that subjectivity and sentiment lexicons agree on (0.5) or "
        "one of them marks (0.25), in all their forms; terms neutral in news and labels excluded.",
        "weighted per 100 words",
        requires=("loaded",),
        short="loaded",
    ),
    MetricSpec(
        "loaded_quoted_per_100w",
        FAMILY,
        "Loaded wording in quotations per 100 words",
        "The same cues inside direct quotations (the speaker's words, not the outlet's), per 100 words.",
        "weighted per 100 words",
        requires=("loaded",),
        short="loaded in quotes",
    ),
    MetricSpec(
        "loaded_headline",
        FAMILY,
        "Loaded wording in the headline",
        "Weighted loaded cues in the headline (outside quotations), plus the headline's own framing forms: an "
        "all-caps kicker closed by a colon (1) and a question headline (0.5).",
        "weighted cues",
        requires=("loaded",),
        short="loaded headline",
    ),
)


@functools.lru_cache(maxsize=64)  # one per collection's set of corrections; a hosted server sees many
def _user_matcher(phrases: tuple[str, ...]) -> PhraseMatcher:
    entries = tuple(Entry(cue=p, category="user", weight=USER_WEIGHT, line=i) for i, p in enumerate(phrases, 1))
    lexicon = Lexicon("user", "", "loaded", "", "", "the collection's corrections", "", ("user",), (), entries)
    return PhraseMatcher(lexicon)


def override_key(phrase: str) -> str:
    """The form a correction is stored, compared and matched in: the phrase's tokens as the
    document's tokens are normalised (case folded, punctuation between words dropped), so a
    correction is always a plain word sequence, never cue syntax."""
    return " ".join(WORD_RE.findall(normalize_token(phrase)))


MAX_OVERRIDE_CHARS = 200  # a word or an idiom, not a passage


def phrase_occurs(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as a run of whole tokens (the form the correction
    is matched in)."""
    key = override_key(phrase)
    return bool(key) and f" {key} " in f" {override_key(text)} "


def with_override(overrides, phrase: str, action: str | None) -> tuple[tuple[str, str], ...]:
    """``overrides`` with ``phrase`` marked ``action`` ("not_loaded" or "loaded"), or its
    correction removed when ``action`` is None; sorted, one action per phrase."""
    key = override_key(phrase)
    if action is not None:
        if action not in (NOT_LOADED, LOADED):
            raise InputError(f"unknown correction {action!r}: use {NOT_LOADED!r} or {LOADED!r}")
        if not re.search(r"\w", key):
            raise InputError("a correction needs a word")
        if len(key) > MAX_OVERRIDE_CHARS:
            raise InputError(f"a correction is a word or a phrase of at most {MAX_OVERRIDE_CHARS} characters")
    kept = {p: a for p, a in overrides if p != key}
    if action is not None:
        kept[key] = action
    return tuple(sorted(kept.items()))


def _overlaps(e: Evidence, others: list[Evidence]) -> bool:
    return any(o.start < e.end and e.start < o.end for o in others)


def _apply_overrides(doc: Doc, found: list[Evidence], overrides) -> list[Evidence]:
    dropped = {override_key(p) for p, action in overrides if action == NOT_LOADED}
    added = tuple(k for p, action in overrides if action == LOADED and (k := override_key(p)))
    kept = [e for e in found if override_key(e.text) not in dropped]
    if not added:
        return kept
    users = match_evidence(doc, _user_matcher(added), "loaded", lambda entry: f"user:loaded {entry.cue}")
    return sorted(kept + [e for e in users if not _overlaps(e, kept)], key=lambda e: (e.start, e.end))


def evidence(doc: Doc, config: Config) -> list[Evidence]:
    """Loaded cues of ``doc``: the lexicon's matches minus labels, then the collection's corrections."""
    lexicon = lexicon_name("loaded", doc.language)
    found = find_evidence(doc, lexicon, "loaded") if lexicon else []
    named = labels.evidence(doc)
    found = [e for e in found if not _overlaps(e, named)]
    return _apply_overrides(doc, found, config.loaded_overrides)


def _headline_forms(doc: Doc, headline, cues: list[Evidence]) -> list[Evidence]:
    """The headline's own framing forms: an all-caps kicker (unless a cue already counts it)
    and a question."""

    def form(start: int, end: int, weight: float, rule: str) -> Evidence:
        start, end = headline.start + start, headline.start + end
        return Evidence(start, end, doc.text[start:end], "loaded", "headline_form", weight, rule, headline.index, False)

    found = []
    text = headline.text
    kicker = KICKER.match(text)
    if kicker and kicker.group(1).isupper() and max(len(w) for w in kicker.group(1).split()) >= KICKER_MIN_LETTERS:
        candidate = form(kicker.start(1), kicker.end(1), KICKER_WEIGHT, "headline:caps_kicker")
        if not _overlaps(candidate, cues):
            found.append(candidate)
    stripped = text.rstrip()
    if stripped.endswith("?") and not doc.in_quote(headline.start + len(stripped) - 1):
        last = re.search(r"\w+\W*$", stripped)
        found.append(
            form(last.start() if last else len(stripped) - 1, len(stripped), QUESTION_WEIGHT, "headline:question")
        )
    return found


def score(doc: Doc, config: Config) -> ScorerOutput:
    if lexicon_name("loaded", doc.language) is None:
        reason = f"no loaded-language lexicon for {language_name(doc.language)} ({doc.language})"
        return ScorerOutput({m.name: MetricValue.empty(reason) for m in METRICS})
    found = evidence(doc, config)
    headlines = [s for s in doc.sentences if s.role == ROLE_HEADLINE]
    forms = [f for h in headlines for f in _headline_forms(doc, h, [e for e in found if e.sentence_index == h.index])]
    if headlines:
        in_headline = {h.index for h in headlines}
        headline_value = MetricValue.of(
            sum(e.weight for e in found + forms if e.sentence_index in in_headline and not e.in_quote)
        )
    else:
        headline_value = MetricValue.empty("no headline found")
    words = doc.word_count
    if words == 0:
        return ScorerOutput({m.name: MetricValue.empty("the text has no words") for m in METRICS}, tuple(found))
    return ScorerOutput(
        {
            "loaded_per_100w": MetricValue.of(per_100_words([e for e in found if not e.in_quote], words)),
            "loaded_quoted_per_100w": MetricValue.of(per_100_words([e for e in found if e.in_quote], words)),
            "loaded_headline": headline_value,
        },
        tuple(sorted(found + forms, key=lambda e: (e.start, e.end))),
    )
