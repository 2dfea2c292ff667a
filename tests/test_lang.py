import pytest

from framing.config import DEFAULT_CONFIG
from framing.lang import detect


def test_seeds_languages(seed_report):
    langs = {r.article.id[:3]: (r.article.language, r.article.language_source) for r in seed_report.articles}
    assert langs["002"][0] == "sv"
    assert {langs[k][0] for k in ("000", "001", "003", "004")} == {"en"}


def test_swedish_seed_is_detected_as_swedish_without_metadata():
    from conftest import SEEDS

    text = (SEEDS / "002_3bc9e1120b13250d.txt").read_text(encoding="utf-8")
    assert detect(text, DEFAULT_CONFIG) == "sv"


@pytest.mark.parametrize(
    "text, code",
    [
        ("The council approved the new budget after a long debate on Tuesday.", "en"),
        ("Der Stadtrat hat den Haushalt nach langer Debatte am Dienstag beschlossen.", "de"),
        ("12345 678 !!! ???", "und"),
        # a name alone has no language: no clear winner
        ("Trump", "und"),
    ],
)
def test_detect(text, code):
    assert detect(text, DEFAULT_CONFIG) == code


def _own_paragraphs():
    import json
    from pathlib import Path

    own = json.loads((Path(__file__).parent / "fixtures" / "languages.json").read_text(encoding="utf-8"))
    return [(code, " ".join(sentences)) for code, sentences in own.items() if not code.startswith("_")]


@pytest.mark.parametrize("code, paragraph", _own_paragraphs())
def test_paragraphs_in_ten_more_languages(code, paragraph):
    # The low-accuracy detector keeps every language: a Spanish or Polish article is named as
    # such (its language-specific metrics then say they do not apply), not taken for French.
    assert detect(paragraph, DEFAULT_CONFIG) == code
