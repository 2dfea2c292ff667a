"""The scorer registry: one module per signal, each a pure ``score(doc, config)`` function.

The metric list, the CSV columns, the README table and the Methods page are all derived from
``SCORERS`` — a new signal is added here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..config import Config
from ..model import MetricSpec, ScorerOutput
from ..text import Doc
from . import boosters, hedging, loaded, readability, sourcing, tone


@dataclass(frozen=True)
class Scorer:
    family: str
    metrics: tuple[MetricSpec, ...]
    score: Callable[[Doc, Config], ScorerOutput]
    lexicons: tuple[str, ...]  # lexicon name prefixes it reads (for provenance)


SCORERS: tuple[Scorer, ...] = (
    Scorer(tone.FAMILY, tone.METRICS, tone.score, ()),
    Scorer(hedging.FAMILY, hedging.METRICS, hedging.score, ("hedges", "modal_rules")),
    Scorer(loaded.FAMILY, loaded.METRICS, loaded.score, ("loaded",)),
    Scorer(boosters.FAMILY, boosters.METRICS, boosters.score, ("boosters",)),
    Scorer(sourcing.FAMILY, sourcing.METRICS, sourcing.score, ("attribution", "hedges")),
    Scorer(readability.FAMILY, readability.METRICS, readability.score, ()),
)
METRICS: tuple[MetricSpec, ...] = tuple(m for s in SCORERS for m in s.metrics)
METRIC_NAMES: tuple[str, ...] = tuple(m.name for m in METRICS)
