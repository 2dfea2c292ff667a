"""Language detection with lingua (offline: its models ship inside the wheel)."""

from __future__ import annotations

import functools

from .config import Config

UNDETERMINED = "und"

LANGUAGE_NAMES = {
    "en": "English",
    "sv": "Swedish",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "da": "Danish",
    "nb": "Norwegian Bokmål",
    "nn": "Norwegian Nynorsk",
    "fi": "Finnish",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "uk": "Ukrainian",
    UNDETERMINED: "an undetermined language",
}


def language_name(code: str | None) -> str:
    if not code:
        return "an unknown language"
    return LANGUAGE_NAMES.get(code, code)


@functools.cache
def _detector():
    """All 75 languages in lingua's low-accuracy mode, models loaded as texts need them.

    lingua reads only trigrams of any text of 120 letters or more in either mode, so for an
    article the decision is the high-accuracy detector's; what the mode leaves out is the 1-, 2-,
    4- and 5-gram models that only shorter texts use: 1.2 GB with every language preloaded, against
    about 90 MB here. On texts under 120 letters the decision differs from the high-accuracy
    detector's on about 2 % of our test sentences (scripts/language_detection.py)."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect(text: str, config: Config) -> str:
    """ISO 639-1 code of the text's language, or ``und`` when lingua has no clear winner."""
    return decide(_detector(), text, config)


def decide(detector, text: str, config: Config) -> str:
    """The decision rule over any lingua detector: the top language when its confidence is at
    least ``config.language_min_ratio`` times the runner-up's, else ``und``."""
    sample = text[: config.language_sample_chars]
    if not any(ch.isalpha() for ch in sample):
        return UNDETERMINED
    values = detector.compute_language_confidence_values(sample)
    if not values or values[0].value <= 0:
        return UNDETERMINED
    runner_up = values[1].value if len(values) > 1 else 0.0
    if values[0].value < config.language_min_ratio * runner_up:
        return UNDETERMINED
    return values[0].language.iso_code_639_1.name.lower()
