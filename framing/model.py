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
class Unit:
    """How a unit is read and shown: ``kind`` is "share" (0-1, shown as %), "count" (whole
    numbers), "compound" (VADER, −1…1) or "rate"/"score" (decimals); ``noise`` is the stated
    smallest difference between two articles that is read as a difference of framing, in the
    unit itself (below it, charts grey the difference out)."""

    kind: str
    noise: float
    decimals: int = 2


# Every metric unit, and why its noise level is what it is.
UNITS = {
    # a VADER compound moves by about 0.1 when one mildly polar word is added to a sentence
    "compound −1…1": Unit("compound", 0.10),
    # ten percentage points: one sentence or voice in ten
    "share 0–1": Unit("share", 0.10, 0),
    # one cue more in a 600-word article is 0.17 per 100 words: three cues make a difference
    "per 100 words": Unit("rate", 0.5),
    "weighted per 100 words": Unit("rate", 0.5),
    "weighted cues": Unit("count", 1, 1),
    "sentences": Unit("count", 1, 0),
    "voices": Unit("count", 1, 0),
    # lengths differ between outlets by house style, not framing
    "words": Unit("count", 100, 0),
    # a sentence of two words more on average is a change of style a reader notices
    "words per sentence": Unit("rate", 2, 1),
    # Flesch and LIX move by several points between paragraphs of one article
    "score": Unit("score", 5, 1),
    "grade": Unit("score", 1, 1),
}


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

    @property
    def scale(self) -> Unit:
        return UNITS[self.unit]

    def display(self, value: float | None, signed: bool = False) -> str:
        """A value (or, ``signed``, a difference) in the metric's unit as a reader reads it:
        shares as %, counts as whole numbers, the rest with their decimals."""
        if value is None:
            return "—"
        sign = "+" if signed else ""
        if self.scale.kind == "share":
            return f"{100 * value:+.0f} pts" if signed else f"{100 * value:.0f}%"
        return f"{value:{sign},.{self.scale.decimals}f}"

    @property
    def shown_unit(self) -> str:
        """The unit its values are shown in: shares as %."""
        return "%" if self.scale.kind == "share" else self.unit


@dataclass(frozen=True)
class ScorerOutput:
    metrics: dict[str, MetricValue]
    evidence: tuple[Evidence, ...] = ()
    sentence_tone: dict[int, float] = field(default_factory=dict)
