import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def test_word_evidence_is_the_computation_negation_and_but_included():
    out = tone.score(doc_of("The plan is not good. It is bad."), DEFAULT_CONFIG)
    found = {e.text: e for e in out.evidence}
    assert set(found) == {"good", "bad"}
    assert found["good"].weight < 0 and found["good"].category == "negative"  # negated by "not"
    assert "in context" in found["good"].rule
    # VADER gives this −0.49; the evidence must explain that sign, not contradict it
    doc = doc_of("The plan is great but the result is bad.")
    out = tone.score(doc, DEFAULT_CONFIG)
    assert out.sentence_tone[0] < 0
    assert sum(e.weight for e in out.evidence) < 0
    great = next(e for e in out.evidence if e.text == "great")
    assert 0 < great.weight < tone.analyzer().lexicon["great"]  # halved before "but"


@pytest.mark.parametrize(
    "text",
    [
        "It sparked concerns about national security and access to US intelligence.",
        "A super PAC paid for ads about the Supreme Court nominee.",
        "Several US intelligence officials expressed worries about the party leader.",
    ],
)
def test_news_terms_carry_no_tone(text):
    out = tone.score(doc_of(text), DEFAULT_CONFIG)
    positive = [e.text for e in out.evidence if e.weight > 0]
    assert positive == [] and out.sentence_tone[0] <= 0, (positive, out.sentence_tone)


def test_evidence_sign_equals_the_score_sign_on_thousands_of_news_sentences():
    """Property on real sentences (NYT editorial snippets and NewsMTSC news): the contributions
    the UI highlights sum to a value with the sign of the sentence's compound. Tolerance: VADER
    rounds the compound to four decimals, so a sum within 0.001 of zero may read as 0."""
    import json

    from conftest import SHARED_DATA

    nyt = (SHARED_DATA / "vader_icwsm2014/nytEditorialSnippets_GroundTruth.txt").read_text(encoding="utf-8")
    texts = [line.split("\t", 2)[2] for line in nyt.splitlines()[:2500] if line.count("\t") >= 2]
    with (SHARED_DATA / "newsmtsc_train/train.jsonl").open(encoding="utf-8") as handle:
        texts += [json.loads(line)["sentence_normalized"] for _, line in zip(range(2500), handle, strict=False)]
    contradicted, sentences = [], 0
    for text in texts:
        out = tone.score(doc_of(" ".join(text.split())), DEFAULT_CONFIG)  # what the UI highlights
        for index, compound in out.sentence_tone.items():
            sentences += 1
            net = sum(e.weight for e in out.evidence if e.sentence_index == index)
            if abs(net) < 0.001 and abs(compound) < 0.001:
                continue
            if (compound > 0) != (net > 0) or (compound < 0) != (net < 0):
                contradicted.append((text, compound, net))
    assert sentences >= 4000 and contradicted == []


def test_no_tone_where_no_lexicon_may_ship():
    out = tone.score(doc_of("Le plan est un grand succès.", "fr"), DEFAULT_CONFIG)
    assert all(m.value is None for m in out.metrics.values())
    assert "French (fr)" in out.metrics["tone_mean"].reason and "licence" in out.metrics["tone_mean"].reason
    assert out.evidence == ()


def test_german_tone_from_mlsa_marks_with_german_negation_and_aber():
    def compound(text):
        return tone.score(doc_of(text, "de"), DEFAULT_CONFIG).sentence_tone[0]

    assert compound("Der Plan ist gut.") > 0.05
    assert compound("Der Plan ist nicht gut.") < -0.05
    out = tone.score(doc_of("Der Plan ist gut, aber das Ergebnis ist schlecht.", "de"), DEFAULT_CONFIG)
    assert out.sentence_tone[0] < 0 and sum(e.weight for e in out.evidence) < 0


def test_swedish_tone_with_swedish_negation_degree_words_and_men():
    def compound(text):
        return tone.score(doc_of(text, "sv"), DEFAULT_CONFIG).sentence_tone[0]

    assert compound("Planen är bra.") > 0.05
    assert compound("Planen är inte bra.") < -0.05  # "inte" negates within three words
    assert compound("Planen är väldigt bra.") > compound("Planen är bra.")  # a degree word
    out = tone.score(doc_of("Planen är bra men resultatet är dåligt.", "sv"), DEFAULT_CONFIG)
    weights = {e.text: e.weight for e in out.evidence}
    assert out.sentence_tone[0] < 0 and 0 < weights["bra"] < 3 and weights["dåligt"] < -3  # "men" shifts the weight
    assert sum(weights.values()) < 0  # the evidence explains the sign


def test_translation_artefacts_of_swedish_vader_carry_no_tone():
    # the word-by-word translation gives "stor" (big) +3.0 and "Ryssland" -2.3
    out = tone.score(doc_of("Ryssland har en stor armé i Stockholm.", "sv"), DEFAULT_CONFIG)
    assert out.evidence == () and out.sentence_tone[0] == 0


# Words that exercise every rule of VADER's sentiment_valence: "no" before and as a lexicon word,
# negations (listed and "n't"), boosters and dampeners (also in capitals), "never so", "without
# doubt", "least" after "at"/"very", idioms and booster bigrams, and lexicon words in capitals.
_RULE_WORDS = [
    "no",
    "not",
    "never",
    "isn't",
    "shouldn't've",
    "cannot",
    "without",
    "doubt",
    "so",
    "this",
    "least",
    "at",
    "very",
    "kind",
    "of",
    "sort",
    "or",
    "nor",
    "but",
    "extremely",
    "barely",
    "hugely",
    "slightly",
    "EXTREMELY",
    "the",
    "shit",
    "bomb",
    "bus",
    "stop",
    "yeah",
    "right",
    "kiss",
    "death",
    "to",
    "die",
    "for",
    "good",
    "bad",
    "great",
    "terrible",
    "GOOD",
    "BAD",
    "love",
    "hate",
    "support",
    "attack",
    "plan",
    "vote",
    "it",
    "is",
    "a",
]  # noqa: SIM905 (a sentence's worth of words reads better as one)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_RULE_WORDS), min_size=1, max_size=9))
def test_each_words_valence_is_vaders_sentiment_valence(words):
    """The per-word valences summed into the compound are VADER's own method's, rule for rule."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer, SentiText

    vader = tone.analyzer("en")
    sentitext = SentiText(" ".join(words))
    tokens = sentitext.words_and_emoticons
    lowered = [w.lower() for w in tokens]
    for i, low in enumerate(lowered):
        if low in vader.lexicon:
            expected = SentimentIntensityAnalyzer.sentiment_valence(vader, 0, sentitext, tokens[i], i, [])[-1]
            assert vader._valence(tokens, lowered, i, sentitext.is_cap_diff) == expected
