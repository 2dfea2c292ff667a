"""Tone: VADER compound score per sentence (English under a news layer; Swedish and German with
their own lexicons), with the words that produced it.

VADER (Hutto & Gilbert 2014) is validated for English; its Swedish translation (MIT) and
MLSA's German in-context word marks (CC BY-SA 3.0) are the lexicons here whose licences allow
shipping. Elsewhere a lexicon would be mostly silent and report a fake neutral 0, so tone is
empty with that reason.
The news layer (``lexicons/tone_news_en.tsv``) silences multi-word terms that state facts in
news ("super PAC", "national security", "intelligence officials") and sets news senses of
single words. Evidence is the computation: each word's contribution to VADER's sum after its
boosters, caps, negation and "but" rules (see ``NewsVader.explain``).
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from statistics import fmean

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    scalar_inc_dec,
)

from ..config import Config
from ..lang import language_name
from ..lexicon import Lexicon, available_lexicons, load_lexicon
from ..model import Evidence, MetricSpec, MetricValue, ScorerOutput
from ..text import ROLE_BODY, ROLE_HEADLINE, Doc

FAMILY = "tone"
READS = ("tone_news", "tone")  # news layers (tone_news_en, _sv); other languages' lexicons (tone_sv, tone_de)
LANGUAGES = ("en", "sv", "de")
METRICS = (
    MetricSpec(
        "tone_mean",
        FAMILY,
        "Tone (mean of body sentences)",
        "Mean VADER compound score (−1 … +1) of the body sentences, under the news layer (terms such as super PAC or national security carry no tone).",
        "compound −1…1",
        LANGUAGES,
        short="tone",
    ),
    MetricSpec(
        "tone_headline",
        FAMILY,
        "Headline tone",
        "VADER compound score (−1 … +1) of the headline, under the news layer.",
        "compound −1…1",
        LANGUAGES,
        short="headline tone",
    ),
    MetricSpec(
        "neg_share",
        FAMILY,
        "Negative sentence share",
        "Share of body sentences with compound ≤ −0.05 (VADER's threshold).",
        "share 0–1",
        LANGUAGES,
        short="neg. sentences",
    ),
    MetricSpec(
        "pos_share",
        FAMILY,
        "Positive sentence share",
        "Share of body sentences with compound ≥ 0.05 (VADER's threshold).",
        "share 0–1",
        LANGUAGES,
        short="pos. sentences",
    ),
)


@functools.cache
def analyzer(language: str = "en"):
    """The tone analyzer of a language: English VADER under the news layer (``tone_news_en``);
    elsewhere VADER's algorithm on the language's packaged lexicon (``tone_<lang>``: valences,
    negations, degree words, the word for "but") under its news layer if one is packaged; cached."""
    if language == "en":
        return NewsVader(load_lexicon("tone_news_en"))
    layer = f"tone_news_{language}"
    return LexiconVader(
        load_lexicon(f"tone_{language}"), load_lexicon(layer) if layer in available_lexicons() else None
    )


class NewsVader(SentimentIntensityAnalyzer):
    """VADER (vaderSentiment, unchanged algorithm) over a lexicon with a news layer, reporting each
    word's contribution to the score.

    ``explain`` runs VADER's own steps (booster and "kind of" words skipped, ``sentiment_valence``
    with its boosters, caps, negation and "least" rules, then the "but" rule) and keeps the list of
    per-word valences that VADER sums; the compound is VADER's ``score_valence`` of that list. So
    the contributions are the computation: their sum has the sign of the compound, and the words
    of a multi-word neutral term contribute nothing.
    """

    def __init__(self, layer: Lexicon, base: dict[str, float] | None = None):
        super().__init__()
        self.lexicon = dict(self.lexicon if base is None else base)
        terms: set[tuple[str, ...]] = set()
        for entry in layer.entries:
            if entry.category == "news_valence":
                for word in entry.cue.lower().split("|"):
                    self.lexicon[word] = entry.weight
            else:
                slots = [part.lower().split("|") for part in entry.cue.split()]
                terms.update(itertools.product(*slots))
        self.neutral_terms = frozenset(terms)
        self.term_starts = frozenset(t[0] for t in terms)  # a term can begin only at one of these
        self.longest_term = max((len(t) for t in terms), default=0)
        self.modifiers = frozenset(BOOSTER_DICT)  # degree words: they shift a neighbour, carry nothing
        self.but = "but"

    def _neutral_positions(self, lowered: list[str]) -> set[int]:
        covered: set[int] = set()
        for i in range(len(lowered)):
            if lowered[i] not in self.term_starts:
                continue
            for n in range(min(self.longest_term, len(lowered) - i), 1, -1):
                if tuple(lowered[i : i + n]) in self.neutral_terms:
                    covered.update(range(i, i + n))
                    break
        return covered

    def explain(self, text: str) -> tuple[float, list[tuple[str, float]]]:
        """VADER's compound for ``text`` and each word with its contribution (0 for most words)."""
        sentitext = SentiText(text)
        words = sentitext.words_and_emoticons
        lowered = [w.lower() for w in words]
        neutral = self._neutral_positions(lowered)
        sentiments: list[float] = []
        for i, low in enumerate(lowered):
            if (
                i in neutral
                or low not in self.lexicon  # VADER's sentiment_valence adds 0 for it: the common case
                or low in self.modifiers
                or (low == "kind" and i < len(words) - 1 and lowered[i + 1] == "of")
            ):
                sentiments.append(0)
                continue
            sentiments.append(self._valence(words, lowered, i, sentitext.is_cap_diff))
        sentiments = self._but_check(words, sentiments)
        compound = self.score_valence(sentiments, text)["compound"]
        return compound, list(zip(words, (float(v) for v in sentiments), strict=True))

    def _valence(self, words: list[str], lowered: list[str], i: int, is_cap_diff: bool) -> float:
        """VADER's ``sentiment_valence`` for the lexicon word ``words[i]`` ("no", capitals,
        boosters within three words, negation, idioms, "least"), step for step, reading the
        lower-cased words once per text instead of lower-casing the whole text at each step
        (tested against VADER's own method)."""
        lexicon = self.lexicon
        low = lowered[i]
        valence = lexicon[low]
        if low == "no" and i != len(words) - 1 and lowered[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lowered[i - 1] == "no")
            or (i > 1 and lowered[i - 2] == "no")
            or (i > 2 and lowered[i - 3] == "no" and lowered[i - 1] in ("or", "nor"))
        ):
            valence = lexicon[low] * N_SCALAR
        if words[i].isupper() and is_cap_diff:
            valence += C_INCR if valence > 0 else -C_INCR
        for start_i in range(3):
            if i > start_i and lowered[i - (start_i + 1)] not in lexicon:
                s = scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lowered, start_i, i)
                if start_i == 2:
                    valence = _special_idioms_check(valence, lowered, i)
        return self._least_check(valence, words, i)

    def polarity_scores(self, text: str) -> dict[str, float]:
        return {"compound": self.explain(text)[0]}


class LexiconVader(NewsVader):
    """VADER's algorithm on another language's lexicon (``tone_sv``: the Swedish VADER
    translation, MIT; ``tone_de``: MLSA's in-context word marks, CC BY-SA 3.0): the same
    valences, capitals, degree-word and "but" rules, and negation by the language's negations
    within three words (VADER's window and factor). VADER's English-only special cases ("kind
    of", "no" before a word, "least", idioms) do not apply."""

    def __init__(self, lexicon: Lexicon, layer: Lexicon | None):
        kinds = ("valence", "negation", "booster", "but")
        entries = {c: [e for e in lexicon.entries if e.category == c] for c in kinds}
        empty = Lexicon("none", lexicon.language, "tone", "", "", "", "", (), (), ())
        super().__init__(layer or empty, base={e.cue: e.weight for e in entries["valence"]})
        self.negations = frozenset(e.cue for e in entries["negation"])
        self.boosters = {e.cue: e.weight for e in entries["booster"]}
        self.modifiers = frozenset(self.boosters)
        self.but = next((e.cue for e in entries["but"]), "")

    def _valence(self, words: list[str], lowered: list[str], i: int, is_cap_diff: bool) -> float:
        valence = self.lexicon[lowered[i]]
        if words[i].isupper() and is_cap_diff:
            valence += C_INCR if valence > 0 else -C_INCR
        for distance, damp in enumerate((1.0, 0.95, 0.9)):
            if i <= distance:
                break
            before = lowered[i - distance - 1]
            if before in self.lexicon:
                continue
            scalar = self.boosters.get(before, 0.0) * damp
            valence += scalar if valence > 0 else -scalar
            if before in self.negations:
                valence *= N_SCALAR
        return valence

    def _but_check(self, words_and_emoticons, sentiments):
        lowered = [w.lower() for w in words_and_emoticons]
        if self.but in lowered:
            at = lowered.index(self.but)
            sentiments = [v * 0.5 if i < at else v * 1.5 if i > at else v for i, v in enumerate(sentiments)]
        return sentiments


_NEGATE = frozenset(NEGATE)


def _negated(word: str) -> bool:
    """VADER's ``negated`` for one lower-cased word."""
    return word in _NEGATE or "n't" in word


def _negation_check(valence: float, lowered: list[str], start_i: int, i: int) -> float:
    """VADER's ``_negation_check`` on the text's lower-cased words."""
    if start_i == 0 and _negated(lowered[i - 1]):
        valence = valence * N_SCALAR
    if start_i == 1:
        if lowered[i - 2] == "never" and (lowered[i - 1] == "so" or lowered[i - 1] == "this"):
            valence = valence * 1.25
        elif lowered[i - 2] == "without" and lowered[i - 1] == "doubt":
            pass
        elif _negated(lowered[i - 2]):
            valence = valence * N_SCALAR
    if start_i == 2:
        if (
            lowered[i - 3] == "never"
            and (lowered[i - 2] == "so" or lowered[i - 2] == "this")
            or (lowered[i - 1] == "so" or lowered[i - 1] == "this")
        ):
            valence = valence * 1.25
        elif lowered[i - 3] == "without" and (lowered[i - 2] == "doubt" or lowered[i - 1] == "doubt"):
            pass
        elif _negated(lowered[i - 3]):
            valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence: float, lowered: list[str], i: int) -> float:
    """VADER's ``_special_idioms_check`` on the text's lower-cased words (called with i >= 3)."""
    onezero = f"{lowered[i - 1]} {lowered[i]}"
    twoonezero = f"{lowered[i - 2]} {lowered[i - 1]} {lowered[i]}"
    twoone = f"{lowered[i - 2]} {lowered[i - 1]}"
    threetwoone = f"{lowered[i - 3]} {lowered[i - 2]} {lowered[i - 1]}"
    threetwo = f"{lowered[i - 3]} {lowered[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lowered) - 1 > i:
        zeroone = f"{lowered[i]} {lowered[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(lowered) - 1 > i + 1:
        zeroonetwo = f"{lowered[i]} {lowered[i + 1]} {lowered[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence


@dataclass(frozen=True)
class Contribution:
    """One word's share of VADER's sum for a text: ``text[start:end]`` with its lexicon valence
    (``prior``) and its valence in context (``value``: after boosters, capitals, negation, "but")."""

    start: int
    end: int
    word: str
    prior: float
    value: float

    @property
    def rule(self) -> str:
        shifted = abs(self.prior - self.value) > 1e-9
        return f"vader {self.word.lower()} {self.prior:+.1f}" + (f" → {self.value:+.2f} in context" if shifted else "")


@functools.lru_cache(maxsize=4096)  # the Actors page asks again for each mention of a scored sentence
def contributions(text: str, language: str = "en") -> tuple[float, tuple[Contribution, ...]]:
    """VADER's compound for ``text`` (news layer applied) and every word that contributed to it,
    located in ``text``."""
    vader = analyzer(language)
    compound, words = vader.explain(text)
    found, cursor = [], 0
    last = max((k for k, (_, value) in enumerate(words) if value != 0), default=-1)
    for word, value in words[: last + 1]:  # words after the last contributing one need no place
        at = text.find(word, cursor)
        if at < 0:
            continue  # never for plain text (VADER only strips punctuation from word edges)
        cursor = at + len(word)
        if value != 0:
            found.append(Contribution(at, at + len(word), word, vader.lexicon.get(word.lower(), value), value))
    return compound, tuple(found)


def _sentence_tone(doc: Doc, sentence) -> tuple[float, list[Evidence]]:
    """A sentence's compound and the evidence that produced it: each contributing word at its
    place in the text, weighted by its contribution."""
    compound, found = contributions(sentence.text, doc.language)
    evidence = []
    for c in found:
        start = sentence.start + c.start
        evidence.append(
            Evidence(
                start,
                sentence.start + c.end,
                doc.text[start : sentence.start + c.end],
                "tone",
                "positive" if c.value > 0 else "negative",
                round(c.value, 4),
                c.rule,
                sentence.index,
                doc.in_quote(start),
            )
        )
    return compound, evidence


def score(doc: Doc, config: Config) -> ScorerOutput:
    if doc.language not in LANGUAGES:
        reason = (
            f"no tone lexicon for {language_name(doc.language)} ({doc.language}) whose licence allows shipping; "
            "tone covers English, Swedish and German"
        )
        return ScorerOutput({m.name: MetricValue.empty(reason) for m in METRICS})
    tone, evidence = {}, []
    for sentence in doc.sentences:
        tone[sentence.index], found = _sentence_tone(doc, sentence)
        evidence.extend(found)
    body = [tone[s.index] for s in doc.sentences if s.role == ROLE_BODY]
    headline = [tone[s.index] for s in doc.sentences if s.role == ROLE_HEADLINE]
    metrics = {}
    if body:
        metrics["tone_mean"] = MetricValue.of(fmean(body))
        metrics["neg_share"] = MetricValue.of(sum(v <= config.tone_neg_threshold for v in body) / len(body))
        metrics["pos_share"] = MetricValue.of(sum(v >= config.tone_pos_threshold for v in body) / len(body))
    else:
        for name in ("tone_mean", "neg_share", "pos_share"):
            metrics[name] = MetricValue.empty("the text has no body sentences")
    if headline:
        metrics["tone_headline"] = MetricValue.of(fmean(headline))
    else:
        metrics["tone_headline"] = MetricValue.empty("no headline found in the text or its metadata")
    return ScorerOutput(metrics, tuple(evidence), tone)
