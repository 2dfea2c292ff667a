import pytest

from conftest import doc_of
from framing.config import DEFAULT_CONFIG
from framing.scorers import sourcing


def test_named_and_anonymous_attributions():
    text = "The mayor said the plan was ready. A source familiar with the talks said it was not. The vote is on Friday."
    out = sourcing.score(doc_of(text), DEFAULT_CONFIG)
    cues = [(e.text, e.category) for e in out.evidence if e.kind == "attribution"]
    assert cues == [("said", "official_source"), ("said", "anonymous_source")]  # each cue: its speaker's kind
    speakers = [(e.text, e.category) for e in out.evidence if e.kind == "speaker"]
    assert speakers == [("The mayor", "official"), ("A source familiar with the talks", "anonymous")]
    assert out.metrics["attributions"].value == 2
    assert out.metrics["anonymous_share"].value == pytest.approx(0.5)


def test_quote_share_counts_characters_inside_quotes():
    text = "“Yes,” he said."
    out = sourcing.score(doc_of(text), DEFAULT_CONFIG)
    assert out.metrics["quote_share"].value == pytest.approx(len("“Yes,”") / len(text))
    quotes = [e for e in out.evidence if e.kind == "quote"]
    assert [q.text for q in quotes] == ["“Yes,”"]


def test_no_attribution_means_empty_share_not_zero():
    out = sourcing.score(doc_of("The river rose overnight."), DEFAULT_CONFIG)
    assert out.metrics["attributions"].value == 0
    assert out.metrics["anonymous_share"].value is None
    assert out.metrics["anonymous_share"].reason == "no attributed statements"
