import pytest

from conftest import doc_of
from framing.config import DEFAULT_CONFIG
from framing.scorers import tone


def test_body_mean_and_shares_use_vader_thresholds():
    doc = doc_of("Budget chaos\n\nThe plan is a great success. The delay is terrible. The vote is on Friday.")
    out = tone.score(doc, DEFAULT_CONFIG)
    vader = tone.analyzer()
    body = [vader.polarity_scores(s.text)["compound"] for s in doc.sentences[1:]]
    assert body[0] > 0.05 and body[1] < -0.05 and body[2] == 0
    assert out.metrics["tone_mean"].value == pytest.approx(sum(body) / 3)
    assert out.metrics["pos_share"].value == pytest.approx(1 / 3)
    assert out.metrics["neg_share"].value == pytest.approx(1 / 3)
    assert out.metrics["tone_headline"].value == pytest.approx(vader.polarity_scores("Budget chaos")["compound"])


def test_word_evidence_marks_negation():
    out = tone.score(doc_of("The plan is not good. It is bad."), DEFAULT_CONFIG)
    found = {e.text: e.category for e in out.evidence}
    assert found == {"good": "negated", "bad": "negative"}
    good = next(e for e in out.evidence if e.text == "good")
    assert good.weight < 0


def test_no_english_tone_on_other_languages():
    out = tone.score(doc_of("Planen är en stor framgång.", "sv"), DEFAULT_CONFIG)
    assert all(m.value is None for m in out.metrics.values())
    assert "VADER is English-only" in out.metrics["tone_mean"].reason
    assert out.evidence == ()
