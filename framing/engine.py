"""Scoring engines for large inputs: one process, local worker processes, or a Dask cluster.

Every engine maps ``score_article`` over articles in input order and yields the same
``ArticleReport``s; the collection-relative metrics are added afterwards from the metric
values alone, so nothing but those values is held for the whole corpus.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
from collections.abc import Iterable, Iterator

from .config import DEFAULT_CONFIG, Config
from .corpus import Article, LoadError
from .pipeline import score_article
from .report import ArticleReport

# Articles handed to a worker at a time: large enough to amortise pickling, small enough to
# keep every worker busy until the end of the corpus and memory flat.
CHUNK = 32


def _score_chunk(args: tuple[list[Article], Config]) -> list[ArticleReport]:
    articles, config = args
    return [score_article(a, config) for a in articles]


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


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

    if engine == "dask":
        results = _dask_map(_chunks(articles(), CHUNK), config, scheduler, workers)
    elif workers <= 1:
        results = ([score_article(a, config)] for a in articles())
    else:
        context = multiprocessing.get_context("spawn")
        pool = context.Pool(workers)
        try:
            results = pool.imap(_score_chunk, ((chunk, config) for chunk in _chunks(articles(), CHUNK)))
            yield from _interleave(results, pending_errors)
        finally:
            pool.close()
            pool.join()
        return
    yield from _interleave(results, pending_errors)


def _interleave(results: Iterable[list[ArticleReport]], errors: list[LoadError]) -> Iterator[ArticleReport | LoadError]:
    for chunk in results:
        while errors:
            yield errors.pop(0)
        yield from chunk
    while errors:
        yield errors.pop(0)


def _dask_map(chunks: Iterable[list[Article]], config: Config, scheduler: str | None, workers: int):
    """Score chunks on a Dask cluster: the one at ``scheduler``, else a LocalCluster of ``workers``.

    At most ``2 × workers`` chunks are in flight at a time, so a corpus streams through the
    cluster instead of being submitted whole; results come back in input order.
    """
    from dask.distributed import Client, LocalCluster, as_completed

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
        iterator = iter(chunks)
        futures: dict = {}
        next_index, emitted, done = 0, 0, {}
        for chunk in itertools.islice(iterator, max(2, 2 * max(1, workers))):
            futures[client.submit(_score_chunk, (chunk, config), pure=False)] = next_index
            next_index += 1
        pool = as_completed(list(futures))
        for future in pool:
            done[futures.pop(future)] = future.result()
            future.release()
            for chunk in itertools.islice(iterator, 1):
                new = client.submit(_score_chunk, (chunk, config), pure=False)
                futures[new] = next_index
                next_index += 1
                pool.add(new)
            while emitted in done:
                yield done.pop(emitted)
                emitted += 1
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        logging.disable(previous)
