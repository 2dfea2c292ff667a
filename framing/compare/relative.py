"""Relative framing: each metric against the median of the *other* articles of the collection.

An outlet's tone is partly the event's tone: a war story is negative everywhere. Subtracting
the median of the other articles about the same event leaves what this outlet did
differently (``<metric>_rel``; positive = more than the others).

The median of the others is read off one sorted array per metric (remove the article's own
value by rank), so a collection of n articles costs O(n log n), not O(n²).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from ..model import MetricValue

if TYPE_CHECKING:
    from ..report import ArticleReport


def medians_without_self(values: Sequence[float | None]) -> list[float | None]:
    """For each present value, the median of all the other present values (None if none)."""
    present = np.array([v for v in values if v is not None], dtype=float)
    ordered = np.sort(present)
    n = len(ordered)
    out: list[float | None] = []
    for v in values:
        if v is None or n < 2:
            out.append(None)
            continue
        k = int(np.searchsorted(ordered, v, side="left"))  # rank of one occurrence of v
        m = n - 1
        if m % 2:
            out.append(_nth_without(ordered, k, m // 2))
        else:
            out.append((_nth_without(ordered, k, m // 2 - 1) + _nth_without(ordered, k, m // 2)) / 2)
    return out


def _nth_without(ordered: np.ndarray, k: int, i: int) -> float:
    """The i-th smallest value of ``ordered`` once the element at rank k is taken out."""
    return float(ordered[i] if i < k else ordered[i + 1])


def others_medians(columns: dict[str, list[float | None]]) -> list[dict[str, float | None]]:
    """Per article, per metric: the median of the other articles' values (from value columns only,
    so a streamed corpus needs to keep nothing else)."""
    medians = {name: medians_without_self(values) for name, values in columns.items()}
    n = len(next(iter(columns.values()), []))
    return [{name: medians[name][i] for name in columns} for i in range(n)]


def relative_of(metrics: dict[str, MetricValue], medians: dict[str, float | None]) -> dict[str, MetricValue]:
    """``<metric>_rel`` values of one article, given the others' medians."""
    from ..report import rel_name

    out = {}
    for name, median in medians.items():
        own = metrics[name].value
        if own is None:
            out[rel_name(name)] = MetricValue.empty(f"{name} is empty for this article")
        elif median is None:
            out[rel_name(name)] = MetricValue.empty(f"no other article in the collection has {name}")
        else:
            out[rel_name(name)] = MetricValue.of(own - median)
    return out


def relative_framing(reports: list[ArticleReport]) -> list[ArticleReport]:
    from ..report import RELATIVE_METRICS

    columns = {name: [r.metrics[name].value for r in reports] for name in RELATIVE_METRICS}
    medians = others_medians(columns) if reports else []
    return [replace(r, relative=relative_of(r.metrics, m)) for r, m in zip(reports, medians, strict=True)]
