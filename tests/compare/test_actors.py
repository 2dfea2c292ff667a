"""Actors and how each outlet labels them, on the seeds."""

import pytest

from conftest import S000, S001, S002, S003, S004
from framing.compare.actors import ActorSpec, mentions


def labels_of(comparison, actor, article):
    return {
        m.label.lower().replace("’s", "")
        for m in comparison.mentions
        if m.actor == actor and m.article == article and m.label
    }


def test_people_are_found_with_their_spellings_across_languages(seed_comparison):
    actors = {a.name: a for a in seed_comparison.actors}
    assert {"Elon Musk", "Donald Trump", "Vladimir Putin", "Volodymyr Zelensky"} <= set(actors)
    assert {"Zelensky", "Selenskyj"} <= set(actors["Volodymyr Zelensky"].aliases)
    assert actors["Wall Street Journal"].kind == "organisation"


def test_each_outlet_labels_musk_its_own_way(seed_comparison):
    assert "tech tycoon" in labels_of(seed_comparison, "Elon Musk", S001)
    assert "tech mogul" in labels_of(seed_comparison, "Elon Musk", S000)
    assert "teknik-tyckonen" in labels_of(seed_comparison, "Elon Musk", S002)
    assert "tech billionaire" in labels_of(seed_comparison, "Elon Musk", S003)
    four = labels_of(seed_comparison, "Elon Musk", S004)
    assert {"trump supporter", "the wealthy entrepreneur", "the billionaire"} <= four
    assert "the billionaire" in labels_of(seed_comparison, "Elon Musk", S001)


def test_predicates_are_not_labels(seed_comparison):
    # "Musk is the head of SpaceX", "publicly admired the autocrat" (Putin, not Musk)
    assert not any("head" in label or "autocrat" in label for label in labels_of(seed_comparison, "Elon Musk", S004))


def test_mentions_point_at_their_text_and_carry_tone_towards_them(seed_comparison, seed_report):
    import framing

    for m in seed_comparison.mentions:
        report = seed_report.get(m.article)
        assert report.article.text[m.start : m.end] == m.text
        # the public function on the article's text gives the same value (English and Swedish)
        language = report.article.language
        expected = framing.tone_towards(report.article.text, m.start, m.end, language=language).value
        assert m.tone == pytest.approx(expected)


def test_user_edited_actor_list_is_used(seed_report):
    edited = [ActorSpec("Starlink", "organisation", ("Starlink",))]
    found = mentions(seed_report, edited)
    assert found and {m.actor for m in found} == {"Starlink"}
    assert {m.article for m in found} >= {S000, S001, S002, S004}
