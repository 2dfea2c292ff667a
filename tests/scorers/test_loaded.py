import pytest

from conftest import doc_of
from framing.config import DEFAULT_CONFIG
from framing.scorers import loaded


def test_own_voice_and_quoted_loaded_words_are_counted_apart():
    text = "The beleaguered minister slashed the budget. “It is a disastrous plan,” the critic said."
    out = loaded.score(doc_of(text), DEFAULT_CONFIG)
    found = {(e.text, e.in_quote) for e in out.evidence}
    assert found == {("beleaguered", False), ("slashed", False), ("disastrous", True)}
    words = 14
    assert out.metrics["loaded_per_100w"].value == pytest.approx(100 * 2 / words)
    assert out.metrics["loaded_quoted_per_100w"].value == pytest.approx(100 * 1 / words)


def test_weights_distinguish_strong_and_mild_words():
    out = loaded.score(doc_of("The autocrat met the tycoon."), DEFAULT_CONFIG)
    assert {e.text: e.weight for e in out.evidence} == {"autocrat": 1.0, "tycoon": 0.5}


def test_neutral_reporting_has_no_loaded_words():
    out = loaded.score(doc_of("The council voted five to two on Tuesday to approve the budget."), DEFAULT_CONFIG)
    assert out.evidence == () and out.metrics["loaded_per_100w"].value == 0.0


def test_swedish_has_no_loaded_lexicon_so_metric_is_empty():
    out = loaded.score(doc_of("Ministern sa att planen var katastrofal.", "sv"), DEFAULT_CONFIG)
    assert out.metrics["loaded_per_100w"].value is None
    assert "Swedish (sv)" in out.metrics["loaded_per_100w"].reason
