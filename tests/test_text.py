from conftest import doc_of
from framing.text import ROLE_BODY, ROLE_HEADING, ROLE_HEADLINE


def sentences(text, language="en", title=None):
    return [s.text for s in doc_of(text, language, title).sentences]


def test_abbreviations_do_not_split():
    text = "Mr. Smith met Dr. Jones at 9 a.m. on Tuesday in the U.S. capital. They talked for an hour."
    assert sentences(text) == [
        "Mr. Smith met Dr. Jones at 9 a.m. on Tuesday in the U.S. capital.",
        "They talked for an hour.",
    ]


def test_dotted_acronym_at_sentence_end_splits_before_a_sentence_starter():
    assert sentences("He moved to the U.S. The move was quick.") == ["He moved to the U.S.", "The move was quick."]


def test_initials_do_not_split():
    assert sentences("The report by J. R. Smith was published. It was long.") == [
        "The report by J. R. Smith was published.",
        "It was long.",
    ]


def test_quotes_stay_with_their_sentence():
    text = "“We agreed to keep talking,” he said. “It was good.” Then he left."
    assert sentences(text) == ["“We agreed to keep talking,” he said.", "“It was good.”", "Then he left."]


def test_headline_without_final_punctuation_is_its_own_sentence_and_role():
    doc = doc_of(
        "Council passes budget\n\nThe council passed the budget. It was close.\n\nWhat comes next\n\nA vote in May."
    )
    assert [(s.role, s.text) for s in doc.sentences] == [
        (ROLE_HEADLINE, "Council passes budget"),
        (ROLE_BODY, "The council passed the budget."),
        (ROLE_BODY, "It was close."),
        (ROLE_HEADING, "What comes next"),
        (ROLE_BODY, "A vote in May."),
    ]


def test_metadata_title_picks_the_headline_among_display_lines():
    doc = doc_of(
        "Connection to the Kremlin?\nMusk had contact with Putin\nThe report said so.",
        title="Musk had contact with Putin",
    )
    assert [s.role for s in doc.sentences] == [ROLE_HEADING, ROLE_HEADLINE, ROLE_BODY]


def test_swedish_sentences_and_abbreviations():
    text = "Han kom bl.a. från Sverige, dvs. från Malmö. Det var kl. 9 på morgonen. Sedan åkte han hem."
    assert sentences(text, "sv") == [
        "Han kom bl.a. från Sverige, dvs. från Malmö.",
        "Det var kl. 9 på morgonen.",
        "Sedan åkte han hem.",
    ]


def test_soft_wrapped_lines_are_joined():
    text = "The council approved the budget on Tuesday after a\nlong debate that lasted until midnight."
    assert len(doc_of(text).sentences) == 1


def test_quotes_found_in_several_styles():
    for text, quoted in [
        ("He said “no way” twice.", "“no way”"),
        ('He said "no way" twice.', '"no way"'),
        ("Han sa ”ingen chans” två gånger.", "”ingen chans”"),
        ("Il a dit « non » deux fois.", "« non »"),
        ("Er sagte „nein“ zweimal.", "„nein“"),
    ]:
        doc = doc_of(text)
        assert [doc.text[s:e] for s, e in doc.quotes] == [quoted], text


def test_unclosed_quote_ends_at_paragraph_end():
    doc = doc_of('He said: "We will fight on.\n\nThe vote is Friday.')
    assert [doc.text[s:e] for s, e in doc.quotes] == ['"We will fight on.']


def test_offsets_are_views_onto_the_text():
    text = "Title line\n\nFirst sentence here. Second one, with “a quote.”\nThird."
    doc = doc_of(text)
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text
    for t in doc.tokens:
        assert text[t.start : t.end] == t.text


def test_run_on_text_is_cut_into_bounded_sentences_at_commas():
    from framing.config import DEFAULT_CONFIG

    line = "the council met, the mayor spoke and the vote was held " * 100  # 1,100 words, no full stop
    doc = doc_of(line.strip())
    assert len(doc.sentences) > 1
    assert all(len(s.text.split()) <= DEFAULT_CONFIG.max_sentence_words for s in doc.sentences)
    assert all(s.text.endswith(",") for s in doc.sentences[:-1])  # cut at clause boundaries
    assert all(doc.text[s.start : s.end] == s.text for s in doc.sentences)
