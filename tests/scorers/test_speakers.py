"""Who speaks: speakers of attributed statements, their kinds and the distinct voices."""

import framing
from conftest import ROOT


def scored(text):
    return framing.build_report([framing.article_from_text(text, ident="a", language="en")]).get("a")


def speakers(report):
    return [(e.text, e.category, e.rule) for e in report.evidence if e.kind == "speaker"]


def test_an_aide_is_anonymous_and_counted_once():
    r = scored(
        "An aide to the president, who spoke on condition of anonymity, said preparations had begun in March. "
        "The aide said the president had asked for short briefings. Officials said the delegation would be small."
    )
    found = speakers(r)
    assert found[0][:2] == ("An aide to the president", "anonymous") and found[1][:2] == ("The aide", "anonymous")
    assert found[0][2] == found[1][2]  # one source: introduced, then referred back to
    assert found[2][1] == "anonymous"  # "officials said": unnamed
    assert r.metrics["voices"].value == 2 and r.metrics["anonymous_voice_share"].value == 1.0
    assert r.metrics["anonymous_share"].value == 1.0  # every attributed sentence is an unnamed source's
    cues = {e.text: e.category for e in r.evidence if e.kind == "attribution"}
    assert cues["said"] == "anonymous_source"


def test_named_official_and_organisation_speakers():
    r = scored(
        "Four cars fell into the water, fire chief Dana Kowalski told reporters. "
        "Twelve people were hurt, the city's fire department said. "
        "Two remained in serious condition, a hospital spokeswoman said. "
        "“We were told the bridge was safe,” said the mayor. "
        "Kowalski later said the divers had done well."
    )
    kinds = {text: (kind, voice) for text, kind, voice in speakers(r)}
    assert kinds["fire chief Dana Kowalski"][0] == "named"
    assert kinds["the city's fire department"][0] == "organisation"
    assert kinds["a hospital spokeswoman"][0] == "official"
    assert kinds["the mayor"][0] == "official"  # "“…,” said the mayor": the speaker after the verb
    assert kinds["Kowalski"][1] == kinds["fire chief Dana Kowalski"][1]  # one person, two spellings
    assert r.metrics["voices"].value == 4 and r.metrics["official_voice_share"].value == 0.75


def test_a_pronoun_speaks_for_the_person_named_before_it():
    r = scored(
        "Councillor Amira Haddad asked for the report. Mayor Peter Lindqvist repeated his promise of an inquiry. "
        "“The city will open an independent inquiry,” he said on Sunday. The newspaper's owner was silent, it said."
    )
    table = framing.build_report([r.article]).quote_table()
    assert table.loc[0, "voice"] == "named: Peter Lindqvist" and table.loc[0, "speaker_kind"] == "named"
    assert not any(text == "it" for text, _, _ in speakers(r))  # "it said": the text does not say who


def test_seed_anonymous_source_is_one_voice(seed):
    r = seed("001")
    anonymous = {voice for _, kind, voice in speakers(r) if kind == "anonymous"}
    texts = [text for text, kind, _ in speakers(r) if kind == "anonymous"]
    assert "The source" in texts  # "The source spoke to CNN …": the one "with knowledge of the situation"
    assert len(anonymous) < len(texts)


def test_quotes_csv_gives_each_quotation_its_speaker(tmp_path):
    from framing.cli import main

    out = tmp_path / "quotes.csv"
    bridge = ROOT / "tests" / "fixtures" / "events" / "bridge"
    assert main(["score", str(bridge), "--out", str(tmp_path / "a.csv"), "--quotes", str(out), "-q"]) == 0
    import pandas as pd

    table = pd.read_csv(out)
    wire = table[table["article_id"] == "wire"].iloc[0]
    assert wire["speaker"] == "Mayor Peter Lindqvist" and wire["speaker_kind"] == "named"
    assert wire["text"].startswith('"Our first thought')
    assert set(table.columns) == {
        "article_id",
        "start",
        "end",
        "text",
        "speaker",
        "speaker_kind",
        "voice",
        "sentence_index",
    }
