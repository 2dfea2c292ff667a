"""Comparison across a collection. Relative framing: each metric against the others' median.

An outlet's tone is partly the event's tone: a war story is negative everywhere. Subtracting
the median of the *other* articles about the same event leaves what this outlet did
differently (``<metric>_rel``; positive = more than the others).
"""

from __future__ import annotations

from dataclasses import replace
from statistics import median
from typing import TYPE_CHECKING

from ..model import MetricValue

if TYPE_CHECKING:
    from ..report import ArticleReport


def relative_framing(reports: list[ArticleReport]) -> list[ArticleReport]:
    from ..report import RELATIVE_METRICS, rel_name

    out = []
    for i, report in enumerate(reports):
        relative = {}
        for name in RELATIVE_METRICS:
            own = report.metrics[name].value
            others = [
                r.metrics[name].value for j, r in enumerate(reports) if j != i and r.metrics[name].value is not None
            ]
            if own is None:
                relative[rel_name(name)] = MetricValue.empty(f"{name} is empty for this article")
            elif not others:
                relative[rel_name(name)] = MetricValue.empty(f"no other article in the collection has {name}")
            else:
                relative[rel_name(name)] = MetricValue.of(own - median(others))
        out.append(replace(report, relative=relative))
    return out
