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
from ..lexicon import Lexicon, PhraseMatcher, normalize_token
from ..model import Evidence, MetricSpec, MetricValue, ScorerOutput
from ..text import ROLE_HEADLINE, Doc
from . import labels
from ._lexical import find_evidence, lexicon_name, per_100_words

FAMILY = "loaded"
READS = ("loaded", "labels")  # lexicon prefixes read
NOT_LOADED, LOADED = "not_loaded", "loaded"
USER_WEIGHT = 1.0
# A headline kicker: an all-caps word or run of words closed by a colon ("DESPERATION:").
KICKER = re.compile(r"^\W*([^\W\d_][^:]{2,40}?)\s*:\s*\w")
KICKER_MIN_LETTERS = 4  # "EU:" or "UK:" name a place; "DESPERATION:" frames
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


@functools.cache
def _user_matcher(phrases: tuple[str, ...]) -> PhraseMatcher:
    from ..lexicon import Entry

    entries = tuple(Entry(cue=p, category="user", weight=USER_WEIGHT, line=i) for i, p in enumerate(phrases, 1))
    lexicon = Lexicon("user", "", "loaded", "", "", "the collection's corrections", "", ("user",), (), entries)
    return PhraseMatcher(lexicon)


def override_key(phrase: str) -> str:
    """The form a correction is stored and compared in (case and spacing folded)."""
    return " ".join(normalize_token(phrase).split())


MAX_OVERRIDE_CHARS = 200  # a word or an idiom, not a passage


def phrase_occurs(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words (case and spacing folded)."""
    words = override_key(phrase).split()
    if not words:
        return False
    pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"
    return re.search(pattern, normalize_token(text)) is not None


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


def _apply_overrides(doc: Doc, found: list[Evidence], overrides) -> list[Evidence]:
    dropped = {override_key(p) for p, action in overrides if action == NOT_LOADED}
    added = tuple(override_key(p) for p, action in overrides if action == LOADED)
    kept = [e for e in found if override_key(e.text) not in dropped]
    if not added:
        return kept
    taken = [(e.start, e.end) for e in kept]
    matcher = _user_matcher(added)
    for sentence in doc.sentences:
        tokens = doc.sentence_tokens(sentence.index)
        for match in matcher.find([t.norm for t in tokens]):
            start, end = tokens[match.start].start, tokens[match.end - 1].end
            if any(s < end and start < e for s, e in taken):
                continue
            kept.append(
                Evidence(
                    start,
                    end,
                    doc.text[start:end],
                    "loaded",
                    "user",
                    USER_WEIGHT,
                    f"user:loaded {match.entry.cue}",
                    sentence.index,
                    doc.in_quote(start),
                )
            )
    return sorted(kept, key=lambda e: (e.start, e.end))


def evidence(doc: Doc, config: Config) -> list[Evidence]:
    """Loaded cues of ``doc``: the lexicon's matches minus labels, then the collection's corrections."""
    lexicon = lexicon_name("loaded", doc.language)
    found = find_evidence(doc, lexicon, "loaded") if lexicon else []
    label_spans = [(e.start, e.end) for e in labels.evidence(doc)]
    found = [e for e in found if not any(s < e.end and e.start < t for s, t in label_spans)]
    return _apply_overrides(doc, found, config.loaded_overrides)


def _headline_forms(doc: Doc, headline, cues: list[Evidence]) -> list[Evidence]:
    """The headline's own framing forms: an all-caps kicker and a question."""
    found = []
    text = headline.text
    kicker = KICKER.match(text)
    if kicker and kicker.group(1).isupper() and max(len(w) for w in kicker.group(1).split()) >= KICKER_MIN_LETTERS:
        start, end = headline.start + kicker.start(1), headline.start + kicker.end(1)
        if not any(e.start < end and start < e.end for e in cues):
            found.append(
                Evidence(
                    start,
                    end,
                    doc.text[start:end],
                    "loaded",
                    "headline_form",
                    1.0,
                    "headline:caps_kicker",
                    headline.index,
                    False,
                )
            )
    stripped = text.rstrip()
    if stripped.endswith("?") and not doc.in_quote(headline.start + len(stripped) - 1):
        words = list(re.finditer(r"\w+\W*$", stripped))
        start = headline.start + (words[-1].start() if words else len(stripped) - 1)
        end = headline.start + len(stripped)
        found.append(
            Evidence(
                start,
                end,
                doc.text[start:end],
                "loaded",
                "headline_form",
                0.5,
                "headline:question",
                headline.index,
                False,
            )
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
