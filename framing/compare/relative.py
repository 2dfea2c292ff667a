"""Relative framing: each metric against the median of the *other* articles of the collection.

An outlet's tone is partly the event's tone: a war story is negative everywhere. Subtracting
the median of the other articles about the same event leaves what this outlet did
differently (``<metric>_rel``; positive = more than the others).

The median of the others is read off one sorted array per metric (remove the article's own
value by rank), so a collection of n articles costs O(n log n), not O(n²). Once the collection is
compared, the event model (``events``) says which articles report the main event and which are
independent voices: the medians are then taken over the event's other voices only (``reframe``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from ..model import MetricValue

if TYPE_CHECKING:
    from ..report import ArticleReport
    from .events import EventRole


def medians_without_self(values: Sequence[float | None]) -> list[float | None]:
    """For each present value, the median of all the other present values (None if none)."""
    ordered = np.sort(np.array([v for v in values if v is not None], dtype=float))
    return [None if v is None else _median_without(ordered, v) for v in values]


def _median_without(ordered: np.ndarray, v: float | None) -> float | None:
    """The median of ``ordered`` with one occurrence of ``v`` taken out (all of it when ``v`` is
    None); None when nothing is left."""
    if v is None:
        return float(np.median(ordered)) if len(ordered) else None
    n = len(ordered)
    if n < 2:
        return None
    k = int(np.searchsorted(ordered, v, side="left"))  # rank of one occurrence of v
    m = n - 1
    if m % 2:
        return _nth_without(ordered, k, m // 2)
    return (_nth_without(ordered, k, m // 2 - 1) + _nth_without(ordered, k, m // 2)) / 2


def _nth_without(ordered: np.ndarray, k: int, i: int) -> float:
    """The i-th smallest value of ``ordered`` once the element at rank k is taken out."""
    return float(ordered[i] if i < k else ordered[i + 1])


def others_medians(columns: dict[str, list[float | None]]) -> list[dict[str, float | None]]:
    """Per article, per metric: the median of the other articles' values (from value columns only,
    so a streamed corpus needs to keep nothing else)."""
    medians = {name: medians_without_self(values) for name, values in columns.items()}
    n = len(next(iter(columns.values()), []))
    return [{name: medians[name][i] for name in columns} for i in range(n)]


def relative_of(
    metrics: dict[str, MetricValue], medians: dict[str, float | None], others: str = "other article in the collection"
) -> dict[str, MetricValue]:
    """``<metric>_rel`` values of one article, given the others' medians."""
    from ..report import rel_name

    out = {}
    for name, median in medians.items():
        own = metrics[name].value
        if own is None:
            out[rel_name(name)] = MetricValue.empty(f"{name} is empty for this article")
        elif median is None:
            out[rel_name(name)] = MetricValue.empty(f"no {others} has {name}")
        else:
            out[rel_name(name)] = MetricValue.of(own - median)
    return out


def relative_framing(reports: list[ArticleReport], roles: list[EventRole] | None = None) -> list[ArticleReport]:
    """Each metric against the median of the other articles; with the event model's ``roles``,
    against the median of the main event's *other independent voices* (one per lineage family,
    its original's value: a rewrite or translation does not outvote its source), and empty for
    articles of a related or different event."""
    from ..report import RELATIVE_METRICS, rel_name

    if roles is None:
        columns = {name: [r.metrics[name].value for r in reports] for name in RELATIVE_METRICS}
        medians = others_medians(columns) if reports else []
        return [replace(r, relative=relative_of(r.metrics, m)) for r, m in zip(reports, medians, strict=True)]
    role = {e.article: e for e in roles}
    voice_of = {e.family: e.article for e in roles if e.voice}
    voices = [r for r in reports if role[r.article.id].voice]
    ordered = {
        name: np.sort(np.array([v for r in voices if (v := r.metrics[name].value) is not None], dtype=float))
        for name in RELATIVE_METRICS
    }
    by_id = {r.article.id: r for r in reports}
    out = []
    for r in reports:
        e = role[r.article.id]
        if not e.in_event:
            reason = f"reports a {e.event} event, not the collection's main one: not set against its medians"
            out.append(replace(r, relative={rel_name(n): MetricValue.empty(reason) for n in RELATIVE_METRICS}))
            continue
        voice = by_id[voice_of[e.family]]
        medians = {n: _median_without(ordered[n], voice.metrics[n].value) for n in RELATIVE_METRICS}
        out.append(replace(r, relative=relative_of(r.metrics, medians, "other independent voice of this event")))
    return out
