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


def test_predicative_certainty_and_intensifiers_count_and_negated_boosters_do_not():
    text = "It is clear that the plan failed. It was thoroughly reviewed, but not entirely, and he doesn't really care."
    out = boosters.score(doc_of(text), DEFAULT_CONFIG)
    found = {e.text: e for e in out.evidence}
    assert set(found) == {"It is clear that", "thoroughly"}
    assert found["thoroughly"].category == "intensifier" and found["thoroughly"].weight == 0.5
    assert "vader booster" in found["thoroughly"].rule


def test_a_word_counted_as_loaded_is_not_also_a_booster():
    from framing.scorers import loaded

    doc = doc_of("The plan was utterly reckless.")
    assert [e.text for e in loaded.score(doc, DEFAULT_CONFIG).evidence] == ["utterly", "reckless"]
    assert boosters.score(doc, DEFAULT_CONFIG).evidence == ()
