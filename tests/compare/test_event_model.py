"""The event model and independent voices: which articles report the collection's main event, and
which count in its medians and omissions (framing/compare/events.py)."""

import dataclasses

import pandas as pd
import pytest

import framing
from conftest import ROOT, S000, S001, S002, S003, S004
from framing.compare import compare


def roles(comparison):
    return {e.article: e for e in comparison.events}


def test_seed_004_is_a_related_earlier_event_with_its_evidence(seed_comparison):
    e = roles(seed_comparison)[S004]
    assert (e.event, e.basis, e.voice) == ("related", "detected", False)
    assert e.days == -15 and "15 days before" in e.reason and "earlier event" in e.reason
    assert f"shares {e.shared_facts} of the event's" in e.reason and e.shared_facts >= 1
    assert {a for a, r in roles(seed_comparison).items() if r.event == "same"} == {S000, S001, S002, S003}


def test_copies_count_once_the_original_is_the_voice(seed_comparison):
    r = roles(seed_comparison)
    assert {a for a, e in r.items() if e.voice} == {S001, S003}
    assert r[S000].family == r[S002].family == S001  # the rewrite and the translation are CNN's voice


def test_a_related_event_is_not_set_against_the_medians_and_omits_nothing(seed_comparison, seed_report):
    framed = seed_comparison.reframe(seed_report)
    rel = framed.get(S004).relative["loaded_per_100w_rel"]
    assert rel.value is None and "related event" in rel.reason
    assert framed.get(S003).value("loaded_per_100w_rel") is not None
    omitted = {o.article for o in seed_comparison.omissions}
    assert S004 not in omitted
    # a copy is charged only what its source carries
    assert {o.reason for o in seed_comparison.omissions if o.article in (S000, S002)} == {"source"}


def test_copies_do_not_move_the_other_voices_medians(bridge):
    """Three more syndicated copies of the wire: the independent reports' relative scores stay."""
    report, comparison = bridge
    before = comparison.reframe(report)
    wire = report.get("wire").article
    copies = [dataclasses.replace(wire, id=f"copy{i}", outlet=f"Site {i}") for i in range(3)]
    more = framing.build_report([r.article for r in report.articles] + copies)
    after = compare(more).reframe(more)
    for ident in ("tribune", "herald"):
        for metric in ("loaded_per_100w_rel", "tone_mean_rel", "hedges_per_100w_rel"):
            assert after.get(ident).value(metric) == pytest.approx(before.get(ident).value(metric)), (ident, metric)
    # without the event model the copies do outvote: the plain median moves
    plain = framing.build_report([r.article for r in report.articles] + copies)
    assert plain.get("tribune").value("tone_mean_rel") != pytest.approx(before.get("tribune").value("tone_mean_rel"))


def test_bridge_events(bridge):
    _, comparison = bridge
    r = roles(comparison)
    assert r["football"].event == "different" and "shares no fact" in r["football"].reason
    assert r["inspection"].event == "related" and r["inspection"].days == -23
    assert {a for a, e in r.items() if e.event == "same"} == {"wire", "local_copy", "tribune", "herald"}
    assert {a for a, e in r.items() if e.voice} == {"wire", "tribune", "herald"}
    assert r["herald"].days == 1 and "1 day after" in r["herald"].reason


def test_the_user_overrides_the_detection_and_the_detection_stays_in_the_reason(seed_report):
    articles = [
        dataclasses.replace(r.article, event="same") if r.article.id == S004 else r.article
        for r in seed_report.articles
    ]
    report = framing.build_report(articles)
    comparison = compare(report)
    e = roles(comparison)[S004]
    assert (e.event, e.basis, e.voice) == ("same", "user", True)
    assert "set by the user" in e.reason and "detected: related" in e.reason
    assert comparison.reframe(report).get(S004).value("loaded_per_100w_rel") is not None


def test_an_event_column_in_the_sidecar_is_the_users_call(tmp_path):
    (tmp_path / "a.txt").write_text("The council met on Tuesday. It approved the budget.", encoding="utf-8")
    (tmp_path / "articles.csv").write_text("file,outlet,event\na.txt,Gazette,Related event\n", encoding="utf-8")
    (article,) = framing.analyze([tmp_path]).articles
    assert article.article.event == "related"


def test_a_fact_is_named_by_its_original_teller_not_the_rewrite(seed_comparison):
    for fact in seed_comparison.facts:
        tellers = {a for a, _ in fact.members}
        if {S000, S001} <= tellers:
            assert "assertively" not in fact.label and "influentially" not in fact.label


def test_a_newsroom_note_is_never_a_fact():
    note = "This is a developing story."
    text = f"Bridge falls in Millbrook\n\nThe Harlow Street bridge fell into the river on Saturday. {note}\n\n{note}\n"
    a = framing.article_from_text(text, ident="a", language="en")
    b = framing.article_from_text(text.replace("Saturday", "Sunday"), ident="b", language="en")
    report = framing.build_report([a, b])
    assert [x.rule for x in report.get("a").article.removed] == ["status_note"]  # the line of its own
    comparison = compare(report)
    assert comparison.facts and not any(note in f.label for f in comparison.facts)  # the one inside a paragraph


def test_cli_compare_writes_the_event_and_article_tables(tmp_path):
    from framing.cli import main

    events, articles = tmp_path / "events.csv", tmp_path / "articles.csv"
    args = [
        "compare",
        str(ROOT / "tests" / "fixtures" / "events" / "bridge"),
        "--out",
        str(tmp_path / "c.json"),
        "--events",
        str(events),
        "--articles",
        str(articles),
    ]
    assert main([*args, "-q"]) == 0
    table = pd.read_csv(events)
    assert dict(zip(table["article_id"], table["event"], strict=True))["football"] == "different"
    scores = pd.read_csv(articles).set_index("article_id")
    assert scores["loaded_per_100w_rel"].isna()["football"] and scores["loaded_per_100w_rel"].notna()["tribune"]


def test_what_the_swedish_translation_changed(seed_comparison):
    changes = [t for t in seed_comparison.translations if (t.derived, t.source) == (S002, S001)]
    added_hedges = [t for t in changes if t.kind == "hedge" and t.change.startswith("adds")]
    assert any("kunde" in t.derived_words for t in added_hedges)  # "kunde se ut": could look like
    assert {t.kind for t in changes} <= {"hedge", "booster", "loaded", "label", "attribution", "number"}
    table = seed_comparison.translation_table()
    assert len(table) == len(changes) and set(table["derived"]) == {S002}


def test_a_translation_is_compared_only_on_what_both_languages_score():
    from framing.compare.diff import translation_changes

    en = framing.build_report(
        [framing.article_from_text("The mayor may perhaps resign, officials said.", ident="en", language="en")]
    ).get("en")
    de = framing.build_report(
        [framing.article_from_text("Der Bürgermeister tritt zurück, sagten Beamte.", ident="de", language="de")]
    ).get("de")
    kinds = {t.kind for t in translation_changes(de, en, ((0, 0, 1.0),))}
    assert "hedge" not in kinds  # no German hedge lexicon: its absence is not a dropped hedge
