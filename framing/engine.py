"""Scoring engines for large inputs: one process, local worker processes, or a Dask cluster,
and the one streaming path from inputs to the article, sentence and span tables on disk.

Every engine maps ``score_article`` over articles in input order and yields the same
``ArticleReport``s; the collection-relative metrics are added afterwards from the metric
values alone, so nothing but those values is held for the whole corpus.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import logging
import multiprocessing
import operator
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, fields, replace
from pathlib import Path

from .compare.relative import others_medians, relative_of
from .config import DEFAULT_CONFIG, Config
from .corpus import Article, LoadError
from .model import Evidence, MetricValue
from .pipeline import assemble_report, score_article
from .report import (
    RELATIVE_METRICS,
    ArticleReport,
    SentenceScore,
    article_frame,
    article_row,
    error_row,
    quote_frame,
    quote_rows,
    sentence_frame,
    sentence_rows,
    span_frame,
    span_rows,
    table_to_csv,
    write_table,
)

# Articles handed to a worker at a time: large enough to amortise pickling, small enough to
# keep every worker busy until the end of the corpus and memory flat.
CHUNK = 32


# What a worker sends back for a scored article: the article, its metric values, and its
# sentences and evidence as tuples of their fields without their text, which is the slice
# ``article.text[start:end]`` of each (a property test holds every scorer to that). Unpickling
# dataclasses sets each one's fields from a pickled dict; tuples of plain values load in half the
# time, and sending no text a second time halves what is pickled. On two cores the parent's
# share of the CPU is what the workers do not get.
_SENTENCE_FIELDS = tuple(f.name for f in fields(SentenceScore) if f.name != "text")
_EVIDENCE_FIELDS = tuple(f.name for f in fields(Evidence) if f.name != "text")
_sentence_values = operator.attrgetter(*_SENTENCE_FIELDS)
_evidence_values = operator.attrgetter(*_EVIDENCE_FIELDS)


def _pack(report: ArticleReport) -> tuple:
    return (
        report.article,
        {name: (mv.value, mv.reason) for name, mv in report.metrics.items()},
        {name: (mv.value, mv.reason) for name, mv in report.relative.items()},
        tuple(map(_sentence_values, report.sentences)),
        tuple(map(_evidence_values, report.evidence)),
    )


def _views(cls: type, names: tuple[str, ...], rows: tuple[tuple, ...], text: str) -> tuple:
    """``cls`` instances from their packed fields, each with its text sliced from ``text``: built
    as unpickling builds a dataclass (a new instance whose fields are set, no ``__init__``)."""
    out = []
    for row in rows:
        view = object.__new__(cls)
        state = view.__dict__
        state.update(zip(names, row, strict=True))
        state["text"] = text[state["start"] : state["end"]]
        out.append(view)
    return tuple(out)


def _unpack(packed: tuple) -> ArticleReport:
    article, metrics, relative, sentences, evidence = packed
    return ArticleReport(
        article,
        {name: MetricValue(*pair) for name, pair in metrics.items()},
        _views(SentenceScore, _SENTENCE_FIELDS, sentences, article.text),
        _views(Evidence, _EVIDENCE_FIELDS, evidence, article.text),
        {name: MetricValue(*pair) for name, pair in relative.items()},
    )


def _score_chunk(args: tuple[list[Article], Config]) -> list[tuple]:
    articles, config = args
    return [_pack(score_article(a, config)) for a in articles]


def _unpacked_chunk(chunk: list[tuple]) -> list[ArticleReport]:
    """The reports of a chunk that a worker scored and packed."""
    return list(map(_unpack, chunk))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


@contextlib.contextmanager
def process_pool(workers: int = 1) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` fresh processes that ends on exit, and with it everything its work
    allocated (a server that reads and scores uploads apart keeps none of their churn in its own
    heap). Spawned, not forked: a server's threads and locks stay behind. A worker that dies (the
    system's out-of-memory killer, a crash in a parser) fails what it was doing with
    BrokenProcessPool instead of leaving its caller waiting. Should the caller stop early, work not
    yet started is cancelled."""
    pool = ProcessPoolExecutor(max(1, workers), mp_context=multiprocessing.get_context("spawn"))
    finished = False
    try:
        yield pool
        finished = True
    finally:
        pool.shutdown(wait=finished, cancel_futures=not finished)


def score_on(
    pool: Executor, articles: Iterable[Article], config: Config, in_flight: int = 2
) -> Iterator[list[ArticleReport]]:
    """Score articles on a pool of processes, a chunk at a time, in input order; at most
    ``in_flight`` chunks are submitted ahead, so a corpus streams through instead of being read
    whole (four per worker keep each one busy)."""
    pending: collections.deque[Future] = collections.deque()
    for chunk in _chunks(articles, CHUNK):
        pending.append(pool.submit(_score_chunk, (chunk, config)))
        if len(pending) >= in_flight:
            yield _unpacked_chunk(pending.popleft().result())
    while pending:
        yield _unpacked_chunk(pending.popleft().result())


def score_stream(
    items: Iterable[Article | LoadError],
    config: Config = DEFAULT_CONFIG,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> Iterator[ArticleReport | LoadError]:
    """Score articles as they stream in; errors pass through in their place, order is kept."""
    pending_errors: list[LoadError] = []

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, LoadError):
                pending_errors.append(item)
            else:
                yield item

    if engine != "dask" and workers <= 1:
        yield from _interleave(([score_article(a, config)] for a in articles()), pending_errors)
        return
    pool = dask_pool(scheduler, workers) if engine == "dask" else process_pool(workers)
    with pool as executor:
        yield from _interleave(score_on(executor, articles(), config, 4 * max(1, workers)), pending_errors)


def _interleave(results: Iterable[list[ArticleReport]], errors: list[LoadError]) -> Iterator[ArticleReport | LoadError]:
    for chunk in results:
        while errors:
            yield errors.pop(0)
        yield from chunk
    while errors:
        yield errors.pop(0)


@contextlib.contextmanager
def dask_pool(scheduler: str | None, workers: int) -> Iterator[Executor]:
    """A Dask cluster as an executor for ``score_on``: the one at ``scheduler``, else a
    LocalCluster of ``workers`` processes that ends on exit. A task's result is released on the
    cluster once it has been handed back."""
    from dask.distributed import Client, LocalCluster

    previous = logging.root.manager.disable
    logging.disable(logging.INFO)  # the cluster's INFO chatter would drown the CLI's own output
    cluster = None
    if not scheduler:
        cluster = LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            scheduler_kwargs={"dashboard": False},
        )
    client = Client(scheduler or cluster)
    try:
        yield client.get_executor(pure=False)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        logging.disable(previous)


# Articles whose sentence and span rows are written to disk together: one pandas frame per
# batch instead of per article (the per-article frames doubled the run time of 10,000 articles).
WRITE_BATCH = 256


@dataclass(frozen=True)
class Outputs:
    """Where ``write_scores`` puts its tables (``fmt`` csv, json or parquet) and the JSON report."""

    articles: Path
    fmt: str = "csv"
    sentences: Path | None = None
    spans: Path | None = None
    report: Path | None = None
    quotes: Path | None = None


@dataclass(frozen=True)
class Written:
    scored: int
    errors: tuple[LoadError, ...]


def _slim(report: ArticleReport) -> ArticleReport:
    """What the articles table needs of a scored article: metadata and metrics, no text or spans."""
    article = replace(
        report.article,
        raw_text="",
        text="",
        removed=tuple(replace(r, text="") if r.start >= 0 else r for r in report.article.removed),
    )
    return replace(report, article=article, sentences=(), evidence=())


def write_scores(
    items: Iterable[Article | LoadError],
    outputs: Outputs,
    config: Config = DEFAULT_CONFIG,
    *,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Callable[[Iterator], Iterable] = iter,
) -> Written:
    """Score a stream of inputs and write the tables of ``outputs``.

    With CSV tables the corpus streams: sentence and span rows go to disk in batches as articles
    are scored, each scored article (without its text and spans) is parked in a temporary file,
    and only its metric values stay in memory until the others' medians are known; the articles
    table is then written from the parked file, so memory stays flat however long the corpus.
    JSON and Parquet tables and the JSON report are built in memory through ``assemble_report``.
    ``progress`` wraps the stream of results (a progress bar)."""
    errors: list[LoadError] = []
    streaming = outputs.fmt == "csv"
    full: list[ArticleReport] = []
    columns: dict[str, list[float | None]] = {name: [] for name in RELATIVE_METRICS}
    count = 0
    with contextlib.ExitStack() as stack:
        parked = stack.enter_context(tempfile.TemporaryFile())
        tables = []
        for path, frame, rows in (
            (outputs.sentences, sentence_frame, sentence_rows),
            (outputs.spans, span_frame, span_rows),
            (outputs.quotes, quote_frame, quote_rows),
        ):
            if streaming and path:
                handle = stack.enter_context(Path(path).open("w", encoding="utf-8", newline=""))
                handle.write(table_to_csv(frame([])))
                tables.append((handle, frame, rows, []))

        def flush():
            for handle, frame, _, pending in tables:
                if pending:
                    handle.write(table_to_csv(frame(pending), header=False))
                    pending.clear()

        for item in progress(score_stream(items, config, workers, engine, scheduler)):
            if isinstance(item, LoadError):
                errors.append(item)
                continue
            count += 1
            for _, _, rows, pending in tables:
                pending.extend(rows(item))
            if count % WRITE_BATCH == 0:
                flush()
            if streaming:
                for name in RELATIVE_METRICS:
                    columns[name].append(item.metrics[name].value)
                pickle.dump(_slim(item), parked)
            if outputs.report or not streaming:
                full.append(item)
        flush()
        if streaming:  # the articles table too, in batches, from the parked articles
            medians = others_medians(columns) if count else []
            parked.seek(0)
            with Path(outputs.articles).open("w", encoding="utf-8", newline="") as out:
                out.write(table_to_csv(article_frame([])))
                batch = []
                for median in medians:
                    slim = pickle.load(parked)
                    batch.append(article_row(replace(slim, relative=relative_of(slim.metrics, median))))
                    if len(batch) == WRITE_BATCH:
                        out.write(table_to_csv(article_frame(batch), header=False))
                        batch.clear()
                batch += [error_row(e) for e in errors]
                if batch:
                    out.write(table_to_csv(article_frame(batch), header=False))
    if outputs.report or not streaming:
        report = assemble_report(full, errors, config)
        if not streaming:
            tables_out = [(outputs.articles, report.article_table())]
            if outputs.sentences:
                tables_out.append((outputs.sentences, report.sentence_table()))
            if outputs.spans:
                tables_out.append((outputs.spans, report.span_table()))
            if outputs.quotes:
                tables_out.append((outputs.quotes, report.quote_table()))
            for path, frame in tables_out:
                write_table(frame, path, outputs.fmt)
        if outputs.report:
            Path(outputs.report).write_text(report.to_json(), encoding="utf-8")
    return Written(count, tuple(errors))
