"""The scorer registry: one module per signal, each a pure ``score(doc, config)`` function.

The metric list, the CSV columns, the README table and the Methods page are all derived from
``SCORERS`` — a new signal is added here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..config import Config
from ..lexicon import available_lexicons
from ..model import MetricSpec, ScorerOutput
from ..text import Doc
from . import boosters, hedging, labels, loaded, readability, sourcing, tone


@dataclass(frozen=True)
class Scorer:
    family: str
    metrics: tuple[MetricSpec, ...]
    score: Callable[[Doc, Config], ScorerOutput]
    lexicons: tuple[str, ...]  # lexicon name prefixes it reads (for provenance)


def languages_of(requires: tuple[str, ...]) -> tuple[str, ...]:
    """The languages for which every required lexicon prefix is packaged (``hedges_sv.tsv`` …)."""
    packaged = set(available_lexicons())
    found = {name.rsplit("_", 1)[1] for name in packaged if name.rsplit("_", 1)[0] == requires[0]}
    return tuple(sorted(lang for lang in found if all(f"{p}_{lang}" in packaged for p in requires)))


def _scorer(module) -> Scorer:
    """A scorer from its module: FAMILY, METRICS, score and READS (the lexicon prefixes it reads);
    a metric's languages are those whose required lexicons are packaged, never typed twice."""
    metrics = tuple(replace(m, languages=languages_of(m.requires)) if m.requires else m for m in module.METRICS)
    return Scorer(module.FAMILY, metrics, module.score, module.READS)


SCORERS: tuple[Scorer, ...] = tuple(
    _scorer(m) for m in (tone, hedging, loaded, labels, boosters, sourcing, readability)
)
METRICS: tuple[MetricSpec, ...] = tuple(m for s in SCORERS for m in s.metrics)
METRIC_NAMES: tuple[str, ...] = tuple(m.name for m in METRICS)
