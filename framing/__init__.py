"""framing: compare how news outlets framed the same event, every score traced to the words.

>>> import framing
>>> report = framing.analyze(["seeds"])
>>> report.article_table()          # one row per article, every metric
>>> report.span_table()             # every evidence span with character offsets
>>> framing.tone_towards(text, start, end)   # a sentence's tone towards the mention text[start:end]

Errors: everything the library raises on purpose is a ``FramingError`` with a message for the
user: ``InputError`` (an input cannot become an article), ``LexiconError`` (a packaged lexicon is
malformed: file, line and problem), ``StoreError`` (a collection request cannot be carried out),
``FetchError`` (a URL was refused or could not be fetched) and ``UsageError`` (an argument the
function does not accept). Loading functions (``iter_paths``, ``load_paths``, ``parse_bytes``)
never raise for a bad input: it becomes a ``LoadError`` in its place.
"""

from .config import DEFAULT_CONFIG, Config
from .corpus import Article, LoadError, article_from_text, iter_paths, load_paths, parse_bytes
from .errors import FetchError, FramingError, InputError, LexiconError, StoreError, UsageError
from .fingerprint import engine_fingerprint, score_key
from .model import Evidence, MetricSpec, MetricValue
from .pipeline import analyze, assemble_report, build_report, score_article
from .report import ArticleReport, Report
from .scorers import METRICS
from .towards import Towards, tone_towards
from .version import __version__

__all__ = [
    "DEFAULT_CONFIG",
    "METRICS",
    "Article",
    "ArticleReport",
    "Config",
    "Evidence",
    "FetchError",
    "FramingError",
    "InputError",
    "LexiconError",
    "LoadError",
    "MetricSpec",
    "MetricValue",
    "Report",
    "StoreError",
    "Towards",
    "UsageError",
    "__version__",
    "analyze",
    "assemble_report",
    "article_from_text",
    "build_report",
    "engine_fingerprint",
    "iter_paths",
    "load_paths",
    "parse_bytes",
    "score_article",
    "score_key",
    "tone_towards",
]
