"""framing: compare how news outlets framed the same event, every score traced to the words.

>>> import framing
>>> report = framing.analyze(["seeds"])
>>> report.article_table()          # one row per article, every metric
>>> report.span_table()             # every evidence span with character offsets
"""

from .config import DEFAULT_CONFIG, Config
from .corpus import Article, LoadError, article_from_text, iter_paths, load_paths, parse_bytes
from .model import Evidence, MetricSpec, MetricValue
from .pipeline import analyze, build_report, score_article
from .report import ENGINE_VERSION, ArticleReport, Report
from .scorers import METRICS

__version__ = ENGINE_VERSION
__all__ = [
    "DEFAULT_CONFIG",
    "ENGINE_VERSION",
    "METRICS",
    "Article",
    "ArticleReport",
    "Config",
    "Evidence",
    "LoadError",
    "MetricSpec",
    "MetricValue",
    "Report",
    "analyze",
    "article_from_text",
    "build_report",
    "iter_paths",
    "load_paths",
    "parse_bytes",
    "score_article",
]
