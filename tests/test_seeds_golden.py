"""Golden fixtures: for each seed, phrases that must and must not be flagged, per evidence kind."""

import pytest


def flagged(report, kind, category=None):
    return [e for e in report.evidence if e.kind == kind and (category is None or e.category == category)]


def texts(report, kind, category=None):
    return [e.text for e in flagged(report, kind, category)]


def test_000_headline_flags_the_injected_loaded_words(seed):
    r = seed("000")
    headline = next(s for s in r.sentences if s.is_headline)
    in_headline = [e.text for e in r.evidence if e.kind == "loaded" and e.sentence_index == headline.index]
    assert in_headline == ["assertively", "influentially", "pivotal"]


def test_000_anonymous_attribution(seed):
    r = seed("000")
    phrase = "According to a source familiar with the situation"
    start = r.article.text.index(phrase)
    inside = [e for e in flagged(r, "hedge", "anonymous_attribution") if start <= e.start < start + len(phrase)]
    assert [e.text for e in inside] == ["a source familiar with the situation"]
    attribution = [e for e in flagged(r, "attribution") if e.start == start]
    assert attribution and attribution[0].category == "anonymous_source"


def test_000_rewrite_is_more_loaded_than_its_source_001(seed):
    assert seed("000").metrics["loaded_per_100w"].value > seed("001").metrics["loaded_per_100w"].value


def test_the_translated_german_report_no_longer_outranks_the_rewrite_on_labels(seed):
    # 004 names people by labels (billionaire, conservative); those are labels, not loaded wording
    assert seed("004").metrics["labels_per_100w"].value > seed("000").metrics["labels_per_100w"].value
    assert seed("000").metrics["loaded_per_100w"].value > seed("004").metrics["loaded_per_100w"].value


def test_000_headline_is_scored_on_its_own(seed):
    assert seed("000").metrics["loaded_headline"].value == 3.0  # assertively, influentially, pivotal
    assert seed("001").metrics["loaded_headline"].value == 0.0


@pytest.mark.parametrize(
    "prefix, kind, must, must_not",
    [
        ("000", "loaded", ["coerce"], ["participated", "call", "Zelensky", "mogul"]),
        ("000", "label", ["mogul"], []),
        ("000", "hedge", ["alleged", "might"], ["stated", "said"]),
        ("001", "loaded", ["precarious", "beleaguered", "slash"], ["joined", "pressure", "tycoon", "billionaire"]),
        ("001", "label", ["tycoon", "billionaire"], []),
        (
            "001",
            "hedge",
            ["a source with knowledge of", "an official familiar with the matter", "could", "may"],
            ["would"] * 0 + ["said"],
        ),
        ("003", "hedge", ["reportedly", "insiders", "Speculation", "appears poised", "seemingly"], ["U.S."]),
        ("004", "loaded", ["pumps", "pumped", "explosive"], ["donated", "billionaire", "conservative", "autocrat"]),
        ("004", "label", ["billionaire", "conservative", "right-wing", "autocrat"], []),
        ("004", "hedge", ["apparently", "reportedly", "two people briefed on the matter", "is also said to"], []),
        ("004", "booster", ["expressly", "actually"], []),
    ],
)
def test_must_and_must_not(seed, prefix, kind, must, must_not):
    found = texts(seed(prefix), kind)
    for phrase in must:
        assert phrase in found, f"{prefix}: {phrase!r} should be flagged as {kind}; got {found}"
    for phrase in must_not:
        assert phrase not in found, f"{prefix}: {phrase!r} must not be flagged as {kind}"


def test_001_reported_future_would_is_not_a_hedge(seed):
    r = seed("001")
    pentagon = next(s for s in r.sentences if s.text.startswith("The Pentagon later announced"))
    assert not [e for e in r.evidence if e.kind == "hedge" and e.sentence_index == pentagon.index]


def test_004_negated_modal_in_quote_is_not_a_hedge(seed):
    r = seed("004")
    assert "would" not in texts(r, "hedge")


def test_swedish_seed_gets_swedish_tone_hedges_and_lix(seed):
    r = seed("002")
    for name in ("tone_mean", "tone_headline", "neg_share", "pos_share"):
        assert r.metrics[name].value is not None
    assert all(s.tone is not None for s in r.sentences)
    words = texts(r, "tone")
    assert "oro" in words and "Ryssland" not in words  # Swedish evidence; a translation artefact silenced
    assert "en källa som är bekant med situationen" in texts(r, "hedge", "anonymous_attribution")
    assert r.metrics["lix"].value is not None
    assert r.metrics["flesch_reading_ease"].value is None


def test_every_seed_has_every_metric_or_a_reason(seed_report):
    assert len(seed_report.articles) == 5
    for r in seed_report.articles:
        for name, mv in {**r.metrics, **r.relative}.items():
            assert (mv.value is None) != (mv.reason is None), name


def test_003_has_no_headline_and_says_so(seed):
    r = seed("003")
    assert not any(s.is_headline for s in r.sentences)
    assert r.metrics["tone_headline"].reason == "no headline found in the text or its metadata"


def test_relative_framing_is_deviation_from_the_others_median(seed_report):
    from statistics import median

    values = {r.article.id: r.metrics["loaded_per_100w"].value for r in seed_report.articles}
    for r in seed_report.articles:
        own = values[r.article.id]
        others = [v for k, v in values.items() if k != r.article.id and v is not None]
        rel = r.relative["loaded_per_100w_rel"]
        if own is None:
            assert rel.value is None
        else:
            assert rel.value == pytest.approx(own - median(others))
