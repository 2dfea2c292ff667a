"""Result types and their DataFrame, CSV, JSON and Parquet forms.

``Report`` holds one ``ArticleReport`` per scored article plus the files that failed. Its
three tables (articles, sentences, spans) are what the CLI writes and the dashboard offers
for download; ``Report.to_dict``/``from_dict`` round-trip exactly.
"""

from __future__ import annotations

import functools
import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import pandas as pd

from .corpus import Article, LoadError, article_from_dict
from .errors import UsageError
from .model import KINDS, Evidence, MetricValue
from .scorers import METRIC_NAMES
from .version import __version__

FORMATS = ("csv", "json", "parquet")
# Spreadsheet programs run a cell that starts with one of these as a formula (OWASP "CSV
# injection"); such text cells are written with a leading apostrophe.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

ARTICLE_COLUMNS = (
    "article_id",
    "status",
    "error",
    "source",
    "outlet",
    "title",
    "published",
    "url",
    "language",
    "language_source",
    "encoding",
    "authors",
    "removed_parts",
    "removed_chars",
    "warnings",
)
SENTENCE_COLUMNS = (
    "article_id",
    "sentence_index",
    "start",
    "end",
    "role",
    "is_headline",
    "tone",
    *(f"{kind}_count" for kind in KINDS),
    "text",
)
SPAN_COLUMNS = (
    "article_id",
    "start",
    "end",
    "text",
    "kind",
    "category",
    "weight",
    "rule",
    "sentence_index",
    "in_quote",
)
QUOTE_COLUMNS = ("article_id", "start", "end", "text", "speaker", "speaker_kind", "voice", "sentence_index")
RELATIVE_METRICS = METRIC_NAMES  # every metric gets its *_rel column


def rel_name(metric: str) -> str:
    return f"{metric}_rel"


@dataclass(frozen=True)
class SentenceScore:
    index: int
    start: int
    end: int
    text: str
    role: str
    tone: float | None
    counts: dict[str, int]

    @property
    def is_headline(self) -> bool:
        return self.role == "headline"


@dataclass(frozen=True)
class ArticleReport:
    article: Article
    metrics: dict[str, MetricValue]
    sentences: tuple[SentenceScore, ...]
    evidence: tuple[Evidence, ...]
    relative: dict[str, MetricValue] = field(default_factory=dict)

    def value(self, metric: str) -> float | None:
        source = self.relative if metric.endswith("_rel") else self.metrics
        mv = source.get(metric)
        return None if mv is None else mv.value

    def empty_reasons(self) -> dict[str, str]:
        return {name: mv.reason for name, mv in {**self.metrics, **self.relative}.items() if mv.reason}

    def to_dict(self) -> dict:
        return {
            "article": asdict(self.article),
            "metrics": {k: asdict(v) for k, v in self.metrics.items()},
            "relative": {k: asdict(v) for k, v in self.relative.items()},
            "sentences": [asdict(s) for s in self.sentences],
            "evidence": [asdict(e) for e in self.evidence],
        }

    @staticmethod
    def from_dict(data: dict) -> ArticleReport:
        return ArticleReport(
            article=article_from_dict(data["article"]),
            metrics={k: MetricValue(**v) for k, v in data["metrics"].items()},
            relative={k: MetricValue(**v) for k, v in data.get("relative", {}).items()},
            sentences=tuple(SentenceScore(**s) for s in data["sentences"]),
            evidence=tuple(Evidence(**e) for e in data["evidence"]),
        )


def for_article(report: ArticleReport, article: Article) -> ArticleReport:
    """The same scores under ``article``'s id and event call (a score cache keys by content, and
    neither the id nor the user's call on the event is content)."""
    if (report.article.id, report.article.event) == (article.id, article.event):
        return report
    return replace(report, article=replace(report.article, id=article.id, event=article.event))


@dataclass(frozen=True)
class Report:
    articles: tuple[ArticleReport, ...]
    errors: tuple[LoadError, ...] = ()
    engine_version: str = __version__
    fingerprint: str = ""  # the engine fingerprint the scores were made under (framing.fingerprint)
    # The collection's corrections of loaded wording the scores include (Config.loaded_overrides).
    overrides: tuple[tuple[str, str], ...] = ()

    @functools.cached_property
    def _by_id(self) -> dict[str, ArticleReport]:
        out: dict[str, ArticleReport] = {}
        for report in self.articles:
            out.setdefault(report.article.id, report)  # the first of repeated ids, as before
        return out

    def get(self, article_id: str) -> ArticleReport:
        report = self._by_id.get(article_id)
        if report is None:
            raise UsageError(f"no article {article_id[:80]!r} in this report")
        return report

    # --- tables ------------------------------------------------------------------------

    def article_table(self) -> pd.DataFrame:
        return article_frame([article_row(r) for r in self.articles] + [error_row(e) for e in self.errors])

    def sentence_table(self) -> pd.DataFrame:
        return sentence_frame([row for r in self.articles for row in sentence_rows(r)])

    def span_table(self) -> pd.DataFrame:
        return span_frame([row for r in self.articles for row in span_rows(r)])

    def quote_table(self) -> pd.DataFrame:
        return quote_frame([row for r in self.articles for row in quote_rows(r)])

    # --- JSON ----------------------------------------------------------------------------

    def to_dict(self) -> dict:
        return {
            "engine_version": self.engine_version,
            "fingerprint": self.fingerprint,
            "loaded_overrides": [{"phrase": p, "action": a} for p, a in self.overrides],
            "articles": [r.to_dict() for r in self.articles],
            "errors": [asdict(e) for e in self.errors],
        }

    @staticmethod
    def from_dict(data: dict) -> Report:
        return Report(
            articles=tuple(ArticleReport.from_dict(a) for a in data["articles"]),
            errors=tuple(LoadError(**e) for e in data.get("errors", ())),
            engine_version=data.get("engine_version", ""),
            fingerprint=data.get("fingerprint", ""),
            overrides=tuple((o["phrase"], o["action"]) for o in data.get("loaded_overrides", ())),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    @staticmethod
    def from_json(text: str) -> Report:
        return Report.from_dict(json.loads(text))


# --- rows and frames (one definition, used for whole reports and for streamed chunks) ----------

ARTICLE_TABLE_COLUMNS = (*ARTICLE_COLUMNS, *METRIC_NAMES, *(rel_name(n) for n in RELATIVE_METRICS), "empty_reasons")
_ARTICLE_NUMERIC = (*METRIC_NAMES, *(rel_name(n) for n in RELATIVE_METRICS), "removed_parts", "removed_chars")


def article_row(r: ArticleReport) -> dict:
    a = r.article
    row = {
        "article_id": a.id,
        "status": "ok",
        "error": None,
        "source": a.source,
        "outlet": a.outlet,
        "title": a.title,
        "published": a.published,
        "url": a.url,
        "language": a.language,
        "language_source": a.language_source,
        "encoding": a.encoding,
        "authors": "; ".join(a.authors) or None,
        "removed_parts": len(a.removed),
        "removed_chars": sum(x.end - x.start if x.start >= 0 else len(x.text) for x in a.removed),
        "warnings": "; ".join(a.warnings) or None,
    }
    row.update({name: r.value(name) for name in METRIC_NAMES})
    row.update({rel_name(name): r.value(rel_name(name)) for name in RELATIVE_METRICS})
    reasons = r.empty_reasons()
    row["empty_reasons"] = "; ".join(f"{k}: {v}" for k, v in reasons.items()) or None
    return row


def error_row(e: LoadError) -> dict:
    return {"article_id": None, "status": "error", "error": e.message, "source": e.source}


def article_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(ARTICLE_TABLE_COLUMNS))
    frame[list(_ARTICLE_NUMERIC)] = frame[list(_ARTICLE_NUMERIC)].astype("float64")
    return frame


def sentence_rows(r: ArticleReport) -> list[dict]:
    return [
        {
            "article_id": r.article.id,
            "sentence_index": s.index,
            "start": s.start,
            "end": s.end,
            "role": s.role,
            "is_headline": s.is_headline,
            "tone": s.tone,
            **{f"{kind}_count": s.counts.get(kind, 0) for kind in KINDS},
            "text": s.text,
        }
        for s in r.sentences
    ]


def sentence_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
    frame["tone"] = frame["tone"].astype("float64")
    return frame


def span_rows(r: ArticleReport) -> list[dict]:
    return [{"article_id": r.article.id, **asdict(e)} for e in r.evidence]


def quote_rows(r: ArticleReport) -> list[dict]:
    """Every direct quotation with its speaker where the text says it: the speaker the sourcing
    scorer found in the same sentence (the nearest one), else none ("unattributed")."""
    speakers: dict[int, list[Evidence]] = {}
    for e in r.evidence:
        if e.kind == "speaker":
            speakers.setdefault(e.sentence_index, []).append(e)
    rows = []
    for e in r.evidence:
        if e.kind != "quote":
            continue
        near = sorted(
            speakers.get(e.sentence_index, ()), key=lambda sp: min(abs(sp.start - e.end), abs(e.start - sp.end))
        )
        speaker = near[0] if near else None
        rows.append(
            {
                "article_id": r.article.id,
                "start": e.start,
                "end": e.end,
                "text": e.text,
                "speaker": speaker.text if speaker else None,
                "speaker_kind": speaker.category if speaker else "unattributed",
                "voice": speaker.rule if speaker else None,
                "sentence_index": e.sentence_index,
            }
        )
    return rows


def quote_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(QUOTE_COLUMNS))


def span_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(SPAN_COLUMNS))
    frame["weight"] = frame["weight"].astype("float64")
    return frame


def _inert(value):
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) else value


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells and column names (the coverage table's are article ids) that a spreadsheet would
    run as a formula get a leading apostrophe."""
    out = frame.copy()
    out.columns = [_inert(c) for c in out.columns]
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(_inert)
    return out


def table_to_csv(frame: pd.DataFrame, header: bool = True) -> str:
    """The CSV text the CLI writes and the dashboard offers: UTF-8, formulas neutralised.

    ``header=False`` gives the rows alone, to append a chunk of a streamed table."""
    return neutralize_formulas(frame).to_csv(index=False, header=header, lineterminator="\n")


def write_table(frame: pd.DataFrame, path: str | Path, fmt: str) -> None:
    path = Path(path)
    if fmt == "csv":
        path.write_text(table_to_csv(frame), encoding="utf-8")
    elif fmt == "json":
        path.write_text(frame.to_json(orient="records", force_ascii=False, indent=1), encoding="utf-8")
    elif fmt == "parquet":
        frame.to_parquet(path, index=False)
    else:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
