import pytest

from conftest import doc_of
from framing.config import DEFAULT_CONFIG
from framing.scorers import hedging


def hedges(text, language="en"):
    out = hedging.score(doc_of(text, language), DEFAULT_CONFIG)
    return [(e.text, e.category) for e in out.evidence], out.metrics


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The minister reportedly resigned.", [("reportedly", "epistemic")]),
        ("The deal appears to have collapsed.", [("appears to", "epistemic")]),
        ("He is also said to have met them.", [("is also said to", "epistemic")]),
        (
            "According to a source familiar with the situation, he left.",
            [("a source familiar with the situation", "anonymous_attribution")],
        ),
        (
            "Two people briefed on the matter confirmed it.",
            [("Two people briefed on the matter", "anonymous_attribution")],
        ),
        ("Insiders expect a deal.", [("Insiders", "anonymous_attribution")]),
        ("Analysts speculate about the outcome.", [("speculate", "speculation")]),
        ("The plan may fail.", [("may", "modal")]),
        ("The plan could have failed.", [("could", "modal")]),
    ],
)
def test_hedges_found(text, expected):
    assert hedges(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The election is in May next year.",  # month
        "He could not be reached for comment.",  # inability, not doubt
        "The country's military might is large.",  # noun
        "The Pentagon announced that it would pay for the service.",  # reported future
        "The minister said the plan was ready.",  # plain attribution is not a hedge
    ],
)
def test_non_hedging_uses_are_not_counted(text):
    assert hedges(text)[0] == []


def test_rate_is_per_100_words_by_category():
    _, metrics = hedges("The plan may fail. It reportedly costs more than planned, sources said.")
    words = 12
    assert metrics["hedges_per_100w"].value == pytest.approx(100 * 3 / words)
    assert metrics["hedges_modal_per_100w"].value == pytest.approx(100 / words)
    assert metrics["hedges_anonymous_per_100w"].value == pytest.approx(100 / words)


def test_swedish_hedges():
    found, _ = hedges("Han har enligt uppgift lämnat landet, vilket framgår av en källa som är bekant med saken.", "sv")
    assert ("enligt uppgift", "epistemic") in found
    assert ("en källa som är bekant med saken", "anonymous_attribution") in found


def test_unsupported_language_is_empty_with_reason_not_zero():
    _, metrics = hedges("Der Minister ist angeblich zurückgetreten.", "de")
    assert all(m.value is None for m in metrics.values())
    assert "no hedge lexicon for German (de)" in metrics["hedges_per_100w"].reason
