from conftest import doc_of
from framing.config import DEFAULT_CONFIG
from framing.scorers import boosters


def test_certainty_markers():
    out = boosters.score(
        doc_of("He clearly lied. In fact, he expressly denied it, and of course nobody believed him."), DEFAULT_CONFIG
    )
    assert [e.text for e in out.evidence] == ["clearly", "In fact", "expressly", "of course"]


def test_no_booster_in_neutral_text():
    out = boosters.score(doc_of("The council met on Tuesday."), DEFAULT_CONFIG)
    assert out.evidence == () and out.metrics["boosters_per_100w"].value == 0.0
