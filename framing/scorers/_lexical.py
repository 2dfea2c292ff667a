"""Shared machinery for lexicon-based scorers: cue matching to evidence, rates per 100 words."""

from __future__ import annotations

import functools

from ..lexicon import Lexicon, PhraseMatcher, available_lexicons, load_lexicon
from ..model import Evidence
from ..text import Doc

PER_WORDS = 100


@functools.cache
def matcher(name: str) -> PhraseMatcher:
    """A compiled matcher for a packaged lexicon (cached: lexicons are immutable)."""
    return PhraseMatcher(load_lexicon(name))


@functools.cache
def category_forms(name: str, category: str) -> frozenset[str]:
    """Single-token cue forms of one category of a lexicon (for rules that consult word classes)."""
    lexicon: Lexicon = load_lexicon(name)
    forms: set[str] = set()
    for entry in lexicon.entries:
        if entry.category == category and " " not in entry.cue.strip():
            forms.update(a for a in entry.cue.lower().split("|") if not a.endswith("*"))
    return frozenset(forms)


def lexicon_name(prefix: str, language: str) -> str | None:
    """``prefix_language`` if such a lexicon is packaged, else None. Availability is decided by the
    packaged file list alone: a packaged lexicon that is malformed raises ``LexiconError`` when it
    is loaded, it never reads as a missing language."""
    name = f"{prefix}_{language}"
    return name if name in available_lexicons() else None


def find_evidence(doc: Doc, lexicon: str, kind: str, keep=None) -> list[Evidence]:
    """Evidence for every cue of ``lexicon`` found in ``doc`` (memoised per document when no
    veto rule applies, so two scorers reading one lexicon match it once)."""
    if keep is None:
        return doc.cues((lexicon, kind), lambda: _find_evidence(doc, lexicon, kind, None))
    return _find_evidence(doc, lexicon, kind, keep)


def _find_evidence(doc: Doc, lexicon: str, kind: str, keep) -> list[Evidence]:
    """Evidence for every cue of ``lexicon`` found in ``doc``; its rule names the entry and source."""

    def rule(entry) -> str:
        return f"{lexicon}:{entry.line} {entry.cue}" + (f" ({entry.source})" if entry.source else "")

    return match_evidence(doc, matcher(lexicon), kind, rule, keep)


def match_evidence(doc: Doc, phrases: PhraseMatcher, kind: str, rule, keep=None) -> list[Evidence]:
    """Evidence for every match of ``phrases`` in ``doc``, sentence by sentence, with the rule
    ``rule(entry)``.

    ``keep(sentence_tokens, match)`` may veto a match; it returns None to keep it or the id of
    the rule that rejected it. An entry of weight 0 (a term neutral in news, "Supreme Court") is
    matched like any cue, so it absorbs the cue words inside it, and is never evidence.
    """
    found: list[Evidence] = []
    for sentence in doc.sentences:
        norms, forms, heads = doc.sentence_norms(sentence.index)
        if not phrases.could_match(forms, heads):
            continue
        tokens = doc.sentence_tokens(sentence.index)
        for match in phrases.find(norms):
            if match.entry.weight == 0 or (keep is not None and keep(tokens, match) is not None):
                continue
            start, end = tokens[match.start].start, tokens[match.end - 1].end
            entry = match.entry
            found.append(
                Evidence(
                    start=start,
                    end=end,
                    text=doc.text[start:end],
                    kind=kind,
                    category=entry.category,
                    weight=entry.weight,
                    rule=rule(entry),
                    sentence_index=sentence.index,
                    in_quote=doc.in_quote(start),
                )
            )
    return found


def per_100_words(evidence: list[Evidence], words: int) -> float:
    return PER_WORDS * sum(e.weight for e in evidence) / words
