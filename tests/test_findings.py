"""The first screen's findings: each is true of the collection and rests on words one click away."""

import re
from pathlib import Path

import pytest

import framing
from framing.compare import compare
from framing.findings import KIND_ORDER, MAX_FINDINGS, findings, roundup

EVENTS = Path(__file__).parent / "fixtures" / "events"


@pytest.fixture(scope="module")
def seeds(seed_report):
    return seed_report, compare(seed_report)


def _collection(name):
    report = framing.analyze([EVENTS / name])
    return report, compare(report)


def _quoted(text):
    return re.findall(r"“([^”]+)”", text)


@pytest.mark.parametrize("name", ["seeds", "shutdown", "bridge", "summit"])
def test_every_finding_points_at_words_that_carry_it(name, seeds):
    report, comparison = seeds if name == "seeds" else _collection(name)
    found = findings(report, comparison)
    assert 1 <= len(found) <= MAX_FINDINGS
    assert [f.kind for f in found] == sorted((f.kind for f in found), key=KIND_ORDER.index)
    for f in found:
        article = report.get(f.article)
        if f.sentence is not None:
            assert 0 <= f.sentence < len(article.sentences)
        if f.highlight is not None:  # the sentence it opens holds evidence of the kind it highlights
            assert any(e.kind == f.highlight and e.sentence_index == f.sentence for e in article.evidence), f.text
            words = {e.text.lower() for e in article.evidence if e.kind == f.highlight}
            assert set(w.lower() for w in _quoted(f.text)) <= words | {"…"}, f.text


def test_the_seeds_findings_name_the_rewrite_the_translation_and_the_earlier_event(seeds):
    report, comparison = seeds
    found = {f.kind: [] for f in findings(report, comparison)}
    for f in findings(report, comparison):
        found[f.kind].append(f)
    rewrite, translation = found["lineage"]
    assert rewrite.article == "000_e191cd35296de808" and rewrite.sentence == 0  # its headline
    assert "3 in its headline" in rewrite.text
    assert {"assertively", "influentially", "pivotal"} <= set(_quoted(rewrite.text))
    assert translation.article == "002_3bc9e1120b13250d" and "Swedish translation" in translation.text
    assert "“kunde”" in translation.text  # the hedge the translation adds
    (event,) = found["event"]
    assert event.article == "004_2eb790ead53fdb39" and "related event" in event.text


def test_a_loaded_outlier_and_another_event_are_found_on_fixture_events():
    report, comparison = _collection("shutdown")
    loaded = [f for f in findings(report, comparison) if f.kind == "loaded"]
    assert [f.article for f in loaded] == ["partisan_right"]
    report, comparison = _collection("bridge")
    events = {f.article: f.text for f in findings(report, comparison) if f.kind == "event"}
    assert "different event" in events["football"] and "related event" in events["inspection"]


def test_headline_tone_is_named_by_its_sign(tmp_path):
    # Two voices on one vote, a neutral headline and a glowing one: neither headline is negative.
    body = "The city council voted seven to two on Tuesday to pass the budget, the clerk said."
    (tmp_path / "wire_budget.txt").write_text(f"Budget approved\n\n{body}", encoding="utf-8")
    (tmp_path / "daily_budget.txt").write_text(
        f"A great win: council passes excellent budget\n\n{body}", encoding="utf-8"
    )
    report = framing.analyze([tmp_path])
    (tone,) = [f for f in findings(report, compare(report)) if f.kind == "tone"]
    assert "wire's is the least positive (+" in tone.text and "daily's the most positive" in tone.text
    assert "negative" not in tone.text


def test_the_roundup_puts_each_copy_under_its_source_and_other_events_last():
    report, comparison = _collection("bridge")
    cards = roundup(report, comparison)
    order = [c.article for c in cards]
    assert order.index("local_copy") == order.index("wire") + 1
    assert [c.in_event for c in cards][-2:] == [False, False]
    assert next(c.note for c in cards if c.article == "local_copy") == "near copy of Wire"
    assert sorted(order) == sorted(r.article.id for r in report.articles)
