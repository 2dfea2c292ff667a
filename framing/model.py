"""The result types every scorer speaks: evidence spans, metric values, metric definitions."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import UsageError

# Evidence kinds, in the order the UI layers and the CSV list them.
KINDS = ("hedge", "loaded", "label", "booster", "attribution", "speaker", "quote", "tone")


@dataclass(frozen=True)
class Evidence:
    """A span of ``Article.text`` that a scorer counted: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str
    kind: str
    category: str
    weight: float
    rule: str  # the lexicon entry ("hedges_en:12 reportedly") or rule id that fired
    sentence_index: int
    in_quote: bool


@dataclass(frozen=True)
class MetricValue:
    """A metric's value, or None with the reason it could not be computed (never a fake 0)."""

    value: float | None
    reason: str | None = None

    def __post_init__(self) -> None:
        if (self.value is None) == (self.reason is None):
            raise UsageError("a MetricValue has either a value or a reason, not both or neither")

    @staticmethod
    def of(value: float) -> MetricValue:
        return MetricValue(float(value))

    @staticmethod
    def empty(reason: str) -> MetricValue:
        return MetricValue(None, reason)


@dataclass(frozen=True)
class MetricSpec:
    """One metric's definition: the single source for CSV columns, docs and the Methods page."""

    name: str
    family: str
    label: str
    definition: str
    unit: str
    languages: tuple[str, ...] | None = None  # None: every language (derived from ``requires`` when set)
    short: str = ""  # compact label for chart axes; the label when empty
    requires: tuple[str, ...] = ()  # lexicon prefixes it needs: it applies where all are packaged

    @property
    def axis_label(self) -> str:
        return self.short or self.label


@dataclass(frozen=True)
class ScorerOutput:
    metrics: dict[str, MetricValue]
    evidence: tuple[Evidence, ...] = ()
    sentence_tone: dict[int, float] = field(default_factory=dict)
