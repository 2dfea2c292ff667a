"""Small multi-outlet events written for the tests (tests/fixtures/events): one news event told
by a wire report, an explainer and two partisan outlets. The signals must rank them as a reader
would, and the neutral reports must carry (almost) no flags at all."""

import pytest

from conftest import ROOT
from framing import analyze

EVENTS = ROOT / "tests" / "fixtures" / "events"


@pytest.fixture(scope="module")
def shutdown():
    report = analyze([EVENTS / "shutdown"])
    return {r.article.id: r for r in report.articles}


def value(report, metric):
    return report.metrics[metric].value


def test_partisan_outlets_are_far_more_loaded_than_the_wire_and_the_explainer(shutdown):
    neutral = max(value(shutdown[i], "loaded_per_100w") for i in ("wire", "explainer"))
    for partisan in ("partisan_right", "partisan_left"):
        assert value(shutdown[partisan], "loaded_per_100w") > 5 * max(neutral, 0.5)


def test_factual_news_terms_are_not_loaded(shutdown):
    # "disaster aid", "border security", "spending cuts": the neutral reports' words are facts
    for ident in ("wire", "explainer"):
        own = [e.text for e in shutdown[ident].evidence if e.kind == "loaded" and not e.in_quote]
        assert own == [], (ident, own)


def test_headline_framing_is_scored_apart(shutdown):
    assert value(shutdown["partisan_right"], "loaded_headline") >= 2  # DESPERATION: … Caves To
    assert value(shutdown["partisan_left"], "loaded_headline") >= 1  # Extremists …
    assert value(shutdown["wire"], "loaded_headline") == 0
    kicker = [e.text for e in shutdown["partisan_right"].evidence if e.sentence_index == 0 and e.kind == "loaded"]
    assert kicker[:2] == ["DESPERATION", "Caves To"]


def test_the_partisan_right_pieces_editorial_words_are_found(shutdown):
    found = {e.text.lower() for e in shutdown["partisan_right"].evidence if e.kind == "loaded"}
    for word in ("desperate", "smoking gun", "humiliating", "bloated", "sham", "gloated", "so-called"):
        assert word in found, word
