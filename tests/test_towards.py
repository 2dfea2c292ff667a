"""framing.tone_towards: the tone of a sentence towards one mention, with its evidence."""

import doctest

import pytest

import framing
from framing import towards
from framing.compare import compare
from framing.compare.actors import PERSON, ActorSpec
from framing.corpus import article_from_text
from framing.pipeline import assemble_report, score_article

TEXT = "Critics slammed the corrupt mayor, but residents praised the new park."


def at(text: str, mention: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return start, start + len(mention)


def test_the_same_sentence_speaks_differently_of_two_actors():
    mayor = framing.tone_towards(TEXT, *at(TEXT, "mayor"))
    residents = framing.tone_towards(TEXT, *at(TEXT, "residents"))
    assert mayor.value < 0 < residents.value
    reasons = {e.text: e.rule for e in residents.evidence}
    assert "in the mention's clause" in reasons["praised"] and "another clause" in reasons["slammed"]
    assert {e.text: e.weight for e in residents.evidence}["praised"] > 0


def test_the_docstring_example_holds():
    assert doctest.testmod(towards, raise_on_error=False).failed == 0


def test_the_mentions_own_words_are_not_tone_towards_it():
    text = "Liberty University announced the schedule on Monday."
    result = framing.tone_towards(text, *at(text, "Liberty University"))
    assert result.value == 0 and result.evidence == ()


def test_the_sentence_of_the_mention_is_used_in_a_longer_text():
    text = "The mayor was praised by everyone. Later, the governor faced angry protests."
    governor = framing.tone_towards(text, *at(text, "governor"))
    assert governor.value < 0 and "angry" in {e.text for e in governor.evidence}
    assert all(e.start > text.index("Later") for e in governor.evidence)  # "praised" is another sentence


def test_bad_spans_and_other_languages():
    with pytest.raises(framing.UsageError):
        framing.tone_towards(TEXT, 10, 5)
    with pytest.raises(framing.UsageError):
        framing.tone_towards(TEXT, 7, 8)  # a space is not a mention
    french = framing.tone_towards("Le ministre a été salué.", 3, 10, language="fr")
    assert french.value is None and "French (fr)" in french.reason
    swedish = "Kritiker sågade borgmästaren, men invånarna var glada."
    assert framing.tone_towards(swedish, *at(swedish, "invånarna"), language="sv").value > 0


def test_the_actors_table_uses_tone_towards_each_mention():
    text = (
        "War update\n\nPutin's troops shelled the city, while Zelensky thanked his loyal allies. "
        "Putin ordered more attacks. Zelensky praised the brave volunteers. Putin was condemned abroad."
    )
    report = assemble_report([score_article(article_from_text(text, outlet="war", language="en"))])
    specs = [ActorSpec("Putin", PERSON, ("Putin",)), ActorSpec("Zelensky", PERSON, ("Zelensky",))]
    comparison = compare(report, actors=specs)
    table = comparison.actor_table(report).set_index("actor")
    assert table.loc["Zelensky", "tone_mean"] > 0 > table.loc["Putin", "tone_mean"]
    assert table.loc["Zelensky", "tone_mentions"] == 2 and table.loc["Putin", "tone_mentions"] == 3
    first = report.articles[0].sentences[1]  # "Putin's troops shelled the city, while Zelensky thanked …"
    putin = next(m for m in comparison.mentions if m.actor == "Putin" and m.sentence_index == first.index)
    zelensky = next(m for m in comparison.mentions if m.actor == "Zelensky" and m.sentence_index == first.index)
    assert first.tone > 0.5 and zelensky.tone > 0.5  # the sentence's praise is Zelensky's …
    assert putin.tone < first.tone / 2  # … and reaches Putin only from another clause
