"""Tone towards one mention: how a sentence speaks of the actor named at ``text[start:end]``.

A sentence's tone is about many things at once ("Putin's troops shelled the city as Zelensky
thanked his allies"); tone towards an actor keeps the words that speak of that actor. It reuses
VADER's own per-word contributions (``framing.scorers.tone.contributions``, news layer
included) and weighs each by where it stands relative to the mention:

- the mention's own words never count ("Liberty University" is not praise of it);
- a word in the mention's clause counts fully;
- a word in another clause (past a comma, semicolon, colon, dash or bracket, or a "but",
  "while", "although", "though", "whereas", "however") counts at
  ``Config.towards_other_clause_weight``.

The weighted sum is normalised as VADER normalises its sum (x / sqrt(x² + 15)), so the value
lies in −1…1 and shares VADER's neutral band. Every word that counted is evidence, with its
contribution, its weight and why. English, Swedish and German, like the tone it builds on.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .config import DEFAULT_CONFIG, Config
from .errors import UsageError
from .lang import language_name
from .model import Evidence
from .scorers import tone
from .text import make_doc

# VADER's normalisation constant: compound = sum / sqrt(sum² + ALPHA).
ALPHA = 15
CLAUSE_BREAK = re.compile(r"[,;:()\[\]\u2013\u2014]|\b(?:but|while|although|though|whereas|however)\b", re.I)


@dataclass(frozen=True)
class Towards:
    """Tone towards a mention (−1…1), or None with the reason; the words that carry it."""

    value: float | None
    reason: str | None
    evidence: tuple[Evidence, ...] = ()


def tone_towards(text: str, start: int, end: int, language: str = "en", config: Config = DEFAULT_CONFIG) -> Towards:
    """The tone of the sentence around ``text[start:end]`` towards that mention.

    >>> text = "Critics slammed the corrupt mayor, but residents praised the new park."
    >>> t = tone_towards(text, text.index("mayor"), text.index("mayor") + 5)
    >>> round(t.value, 2), [(e.text, e.weight) for e in t.evidence]
    (-0.17, [('Critics', -0.6), ('slammed', -0.9), ('praised', 0.825)])

    ("praised" is in another clause, so it counts a quarter; towards "residents" the same
    sentence gives +0.60.)
    """
    if not (0 <= start < end <= len(text)) or not text[start:end].strip():
        raise UsageError(f"the mention {start}:{end} is not a non-empty span of the text ({len(text)} characters)")
    if language not in tone.LANGUAGES:
        return Towards(
            None, f"no tone lexicon for {language_name(language)} ({language}); tone covers English, Swedish and German"
        )
    doc = make_doc(text, language, None, config)
    sentence = next((s for s in doc.sentences if start < s.end), None)  # the sentence the mention starts in
    if sentence is None:
        return Towards(None, "the mention is outside every sentence of the text")
    return towards_in_sentence(
        sentence.text, sentence.start, start, end, sentence.index, config, quoted=doc.in_quote, language=language
    )


def towards_in_sentence(
    sentence: str,
    offset: int,
    start: int,
    end: int,
    index: int = 0,
    config: Config = DEFAULT_CONFIG,
    quoted=lambda _: False,
    language: str = "en",
) -> Towards:
    """Tone towards the mention ``[start, end)`` (offsets in the document) inside one sentence
    that starts at ``offset`` of the document; for callers that have the sentences already."""
    lo, hi = max(0, start - offset), min(len(sentence), end - offset)
    _, found = tone.contributions(sentence, language)
    total, evidence = 0.0, []
    for c in found:
        if c.start < hi and lo < c.end:
            continue  # the mention's own words
        between = sentence[c.end : lo] if c.end <= lo else sentence[hi : c.start]
        same_clause = CLAUSE_BREAK.search(between) is None
        weight = 1.0 if same_clause else config.towards_other_clause_weight
        if weight == 0:
            continue
        total += weight * c.value
        where = "in the mention's clause" if same_clause else f"in another clause (× {weight:g})"
        evidence.append(
            Evidence(
                offset + c.start,
                offset + c.end,
                sentence[c.start : c.end],
                "tone",
                "towards",
                round(weight * c.value, 4),
                f"{c.rule} · {where}",
                index,
                quoted(offset + c.start),
            )
        )
    return Towards(total / math.sqrt(total * total + ALPHA), None, tuple(evidence))
