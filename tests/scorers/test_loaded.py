import pytest

from conftest import doc_of
from framing.config import DEFAULT_CONFIG
from framing.scorers import labels, loaded


def flagged(text, config=DEFAULT_CONFIG, language="en"):
    return {e.text: e for e in loaded.score(doc_of(text, language), config).evidence}


def test_own_voice_and_quoted_loaded_words_are_counted_apart():
    text = "The beleaguered minister slashed the budget. “It is a disastrous plan,” the critic said."
    out = loaded.score(doc_of(text), DEFAULT_CONFIG)
    found = {(e.text, e.in_quote) for e in out.evidence}
    assert found == {("beleaguered", False), ("slashed", False), ("disastrous", True)}
    own = sum(e.weight for e in out.evidence if not e.in_quote)
    quoted = sum(e.weight for e in out.evidence if e.in_quote)
    words = 14
    assert out.metrics["loaded_per_100w"].value == pytest.approx(100 * own / words)
    assert out.metrics["loaded_quoted_per_100w"].value == pytest.approx(100 * quoted / words)


def test_every_flag_names_its_rule_category_source_and_weight():
    e = flagged("It was a scathing verdict.")["scathing"]
    assert e.rule.startswith("loaded_en:") and "(hand)" in e.rule and e.category and e.weight == 1.0
    resource = flagged("The plan was a horrendous mess.")["horrendous"]
    assert "(" in resource.rule and resource.weight > 0


def test_other_forms_of_listed_words_are_flagged():
    # the hand list has the adverbs; the adjectives come from the build's morphology
    for text, word in [
        ("It was an egregious error.", "egregious"),
        ("A flagrant breach.", "flagrant"),
        ("He egregiously ignored it.", "egregiously"),
        ("The senator caved to the lobby.", "caved to"),
        ("The lobbying group met.", None),
    ]:
        if word is None:  # a noun cue (lobby) is not inflected as a verb
            assert flagged(text) == {}, (text, flagged(text))
        else:
            assert word in flagged(text), (text, flagged(text))


def test_idioms_are_flagged_as_one_span():
    assert {"smoking gun", "stinging rebuke"} <= set(flagged("The memo is a smoking gun and a stinging rebuke."))


def test_terms_neutral_in_news_absorb_their_words():
    text = (
        "The Supreme Court heard the super PAC case on national security, and the intelligence "
        "community noted that the claims were under review."
    )
    assert flagged(text) == {}


def test_the_reporting_verb_claimed_is_loaded_but_the_noun_claims_is_not():
    assert "claimed" in flagged("The minister claimed the figures were wrong.")
    assert "claims" not in flagged("The minister rejected the claims on Tuesday.")


def test_labels_are_their_own_signal_and_never_loaded():
    doc = doc_of("The billionaire backed the conservative candidate and far-left zealots protested.")
    found_labels = {e.text for e in labels.score(doc, DEFAULT_CONFIG).evidence}
    found_loaded = {e.text for e in loaded.score(doc, DEFAULT_CONFIG).evidence}
    assert found_labels == {"billionaire", "conservative", "far-left"}
    assert found_loaded == {"zealots"}  # the evaluative name counts as loaded


def test_neutral_reporting_has_no_loaded_words():
    out = loaded.score(doc_of("The council voted five to two on Tuesday to approve the budget."), DEFAULT_CONFIG)
    assert out.evidence == () and out.metrics["loaded_per_100w"].value == 0.0


def test_headline_framing_kicker_question_and_cues():
    out = loaded.score(
        doc_of("DESPERATION: Trump Caves To Democrats\n\nThe president signed the bill."), DEFAULT_CONFIG
    )
    rules = {e.text: e.rule for e in out.evidence}
    assert rules["DESPERATION"].startswith("loaded_en:") or rules["DESPERATION"] == "headline:caps_kicker"
    assert "Caves To" in rules or "Caves" in rules
    assert out.metrics["loaded_headline"].value >= 2
    kicker = loaded.score(doc_of("BOMBSHELL REPORT: Senate Votes on Budget\n\nThe vote was held."), DEFAULT_CONFIG)
    assert [e.rule for e in kicker.evidence if e.category == "headline_form"] == []  # the cue already counts
    plain = loaded.score(doc_of("SHOCKER: Senate Votes on Budget\n\nThe vote was held."), DEFAULT_CONFIG)
    assert [e.text for e in plain.evidence if e.rule == "headline:caps_kicker"] == ["SHOCKER"]
    place = loaded.score(doc_of("EU: Ministers Meet on Budget\n\nThe vote was held."), DEFAULT_CONFIG)
    assert place.metrics["loaded_headline"].value == 0.0
    question = loaded.score(doc_of("Is the Budget Doomed?\n\nThe vote was held."), DEFAULT_CONFIG)
    assert [e.rule for e in question.evidence if e.category == "headline_form"] == ["headline:question"]


def test_loaded_headline_is_empty_without_a_headline():
    out = loaded.score(doc_of("The council voted on Tuesday. It approved the budget."), DEFAULT_CONFIG)
    assert out.metrics["loaded_headline"].value is None
    assert out.metrics["loaded_headline"].reason == "no headline found"


def test_a_collections_corrections_apply_with_user_rules():
    text = "The pivotal vote was a Hail Mary for the tech mogul."
    before = flagged(text)
    assert "pivotal" in before and "Hail Mary" not in before
    config = DEFAULT_CONFIG.with_(loaded_overrides=(("Pivotal", "not_loaded"), ("hail  mary", "loaded")))
    after = flagged(text, config)
    assert "pivotal" not in after
    assert after["Hail Mary"].rule == "user:loaded hail mary" and after["Hail Mary"].category == "user"
    out = loaded.score(doc_of(text), config)
    assert out.metrics["loaded_per_100w"].value == pytest.approx(100 * 1.0 / 11)


def test_a_language_without_a_loaded_lexicon_gets_empty_metrics_with_the_reason():
    out = loaded.score(doc_of("Ministeri sanoi, että suunnitelma oli katastrofaalinen.", "fi"), DEFAULT_CONFIG)
    assert out.metrics["loaded_per_100w"].value is None
    assert "Finnish (fi)" in out.metrics["loaded_per_100w"].reason


@pytest.mark.parametrize(
    "language, text, loaded_words, label_words",
    [
        ("sv", "Miljardären kallade planen katastrofal och ett fiasko.", {"katastrofal", "fiasko"}, {"Miljardären"}),
        (
            "fr",
            "Le milliardaire a qualifié ce plan de désastreux et de mascarade.",
            {"désastreux", "mascarade"},
            {"milliardaire"},
        ),
        (
            "de",
            "Der Milliardär nannte den Plan katastrophal und ein Fiasko.",
            {"katastrophal", "Fiasko"},
            {"Milliardär"},
        ),
    ],
)
def test_swedish_french_and_german_have_loaded_and_label_lexicons(language, text, loaded_words, label_words):
    doc = doc_of(text, language)
    assert {e.text for e in loaded.score(doc, DEFAULT_CONFIG).evidence} == loaded_words
    assert {e.text for e in labels.score(doc, DEFAULT_CONFIG).evidence} == label_words


def test_everyday_words_of_translated_lexicons_are_not_loaded():
    # the word-by-word Swedish VADER and AFINN score "ha" (have), "trots" (despite), "typ" (type)
    out = loaded.score(doc_of("Vi har haft typ samma regler trots allt, sa hon.", "sv"), DEFAULT_CONFIG)
    assert out.evidence == ()


def test_corrections_are_validated_folded_and_one_per_phrase():
    from framing.errors import InputError
    from framing.scorers.loaded import phrase_occurs, with_override

    fixed = with_override((), "  Hail   MARY ", "loaded")
    assert fixed == (("hail mary", "loaded"),)
    assert with_override(fixed, "hail mary", "not_loaded") == (("hail mary", "not_loaded"),)
    assert with_override(fixed, "Hail Mary", None) == ()
    for phrase, action in [("   ", "loaded"), ("...", "loaded"), ("x" * 201, "loaded"), ("word", "maybe")]:
        with pytest.raises(InputError):
            with_override((), phrase, action)
    assert phrase_occurs("It was a Hail\nMary pass.", "hail mary")
    assert not phrase_occurs("It was a Hail Maryland pass.", "hail mary")
