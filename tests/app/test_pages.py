"""AppTest: every page renders on the seeds, uploads keep good files, downloads match the CLI.

These check wiring; the numbers themselves are checked by the library's tests.
"""

from __future__ import annotations

import re

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

import framing
from app_helpers import add_files, collection_name, frame_with, html_of, load_errors, run_page, submit
from conftest import DUPLICATE_HEDGE, score_seeds


@pytest.fixture
def downloads(monkeypatch):
    """The bytes of every file the app offers for download, by file name (built as a click would)."""
    captured: dict[str, bytes] = {}
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        data = data_callable()
        captured[file_name] = data.encode() if isinstance(data, str) else data
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    return captured


def test_overview_shows_the_table_and_three_charts():
    at = run_page()
    assert at.title[0].value == "Seed collection"  # the open collection's name
    table = at.dataframe[0].value
    assert len(table) == 5 and "loaded_per_100w" in table.columns
    assert len(at.get("plotly_chart")) == 3


def test_the_first_screen_answers_with_findings_and_headlines_side_by_side():
    at = run_page()
    findings = [m.value.replace("\\", "").replace("\u2060", "") for m in at.markdown if m.value[:1].isdigit()]
    assert 3 <= len(findings) <= 5
    assert findings[0].startswith("1. Content-site rewrite is a rewrite of Local TV station (CNN wire)")
    assert "3 in its headline" in findings[0] and "“assertively”" in findings[0]
    assert any("German report (English translation) reports a related event" in f for f in findings)
    page = html_of(at)
    # the roundup: every headline, its loaded words marked, each card saying where the article stands
    assert page.count('class="fr-text"') >= 5
    assert re.search(r'<span class="fr-ev fr-loaded"[^>]*>assertively</span>', page)
    notes = [c.value for c in at.caption]
    assert any(n.startswith("rewrite of Local TV station") for n in notes)
    assert any(n.startswith("translation of Local TV station") for n in notes)
    assert any(n.startswith("related event") for n in notes)
    # a finding opens the words it rests on: the rewrite's headline, its loaded words alone highlighted
    at.button(key="finding-1").click().run()
    assert at.query_params["article"] == "000_e191cd35296de808" and at.query_params["sentence"] == "0"
    assert at.query_params["highlight"] == "loaded"
    drill = html_of(at)
    assert re.search(r'class="fr-s fr-focus[^"]*" data-sentence="0"', drill)
    assert "fr-ev fr-loaded" in drill and "fr-ev fr-hedge" not in drill  # 000 has hedges: only the finding's kind


def test_article_drill_down_highlights_the_000_headline():
    at = run_page("article", {"article": "000_e191cd35296de808"})
    assert at.selectbox(key="drill_article").value == "000_e191cd35296de808"
    page = html_of(at)
    for word in ("assertively", "influentially", "pivotal"):
        assert re.search(rf'<span class="fr-ev fr-loaded"[^>]*data-kinds="loaded"[^>]*>{word}</span>', page), word
    assert "000_e191cd35296de808" in str(at.query_params["article"])
    # removed boilerplate is viewable, cue table is there
    assert any("removed before scoring" in e.label for e in at.expander)
    assert {"kind", "category", "cue", "count"} <= set(frame_with(at, "cue").columns)


def test_article_notes_why_a_metric_is_empty():
    at = run_page("article", {"article": "002_3bc9e1120b13250d"})
    scores = frame_with(at, "vs. others' median")
    flesch = scores[scores["metric"] == "Flesch Reading Ease"].iloc[0]
    assert flesch["value"] == ""  # empty, not 0
    assert "English only" in flesch["note"]
    tone = scores[scores["metric"] == "Tone (mean of body sentences)"].iloc[0]
    assert tone["value"] not in ("", "0") and tone["unit"] == "compound −1…1"  # the Swedish article has a tone
    share = scores[scores["metric"] == "Share in direct quotation"].iloc[0]
    assert share["value"].endswith("%") and share["unit"] == "%"  # shares read as percentages


def test_switching_the_drill_down_article_updates_the_url():
    at = run_page("article", {"article": "000_e191cd35296de808"})
    at.selectbox(key="drill_article").set_value("004_2eb790ead53fdb39").run()
    assert not at.exception
    assert "apparently" in html_of(at)
    assert "004_2eb790ead53fdb39" in str(at.query_params["article"])


def test_compare_shows_both_articles_and_their_differences():
    at = run_page("compare", {"a": "001_7e04422d48fc93a1", "b": "000_e191cd35296de808"})
    metrics = frame_with(at, "right − left")
    loaded = metrics[metrics["metric"].str.startswith("Loaded wording per 100 words (own")].iloc[0]
    difference = float(loaded["right − left"])
    assert difference == pytest.approx(float(loaded["right"]) - float(loaded["left"]), abs=0.011) and difference > 0
    assert loaded["right − left"].startswith("+")  # a difference is signed
    page = html_of(at)
    # both full texts are rendered: the last sentence of each (the same quotation) ends each text
    assert page.count("“space as well as current and future technologies.”</span></span></div>") >= 2
    assert "This is a developing story" not in page  # the newsroom's note was cleaned away


def test_methods_lists_every_metric_and_lexicon():
    from framing.scorers import METRICS

    at = run_page("methods")
    shown = set()
    for table in at.table:  # static tables: their definitions wrap rather than being cut off
        if "metric" in table.value.columns:
            shown.update(table.value["metric"])
    assert shown == {m.name for m in METRICS}
    assert any("hedges_en" in set(t.value.get("name", [])) for t in at.table)


def test_upload_of_a_good_and_a_bad_file_shows_one_error_and_keeps_the_good_one():
    at = run_page("data")
    good = (
        "good.txt",
        b"Council passes budget\n\nThe council passed the budget on Tuesday, officials said.",
        "text/plain",
    )
    add_files(at, [good, ("bad.txt", b"\x00\x01\x02\x03" * 50, "text/plain")])
    assert not at.exception
    errors = load_errors(at)
    assert len(errors) == 1 and "bad" in errors[0] and "binary" in errors[0]
    # the seeds are one collection among others: a first upload starts a new one
    assert list(frame_with(at, "removed_parts")["article_id"]) == ["good"]
    assert collection_name(at) == "New collection (not saved)"


def test_an_upload_joins_the_current_collection_when_asked():
    at = run_page("data")
    good = (
        "good.txt",
        b"Council passes budget\n\nThe council passed the budget on Tuesday, officials said.",
        "text/plain",
    )
    add_files(at, [good], join=True)
    ids = list(frame_with(at, "removed_parts")["article_id"])
    assert len(ids) == 6 and ids[-1] == "good"
    assert collection_name(at) == "Seed collection"
    # a further upload is offered to the collection it is working on first
    assert at.radio(key="upload_target").value.startswith("Add them to")


def test_paste_remove_and_reset():
    at = run_page("data")
    at.text_area(key="paste_text").input("Mayor quits\n\nThe mayor reportedly resigned on Monday.")
    at.text_input(key="paste_outlet").input("Town paper")
    submit(at, "paste_submit")
    ids = list(frame_with(at, "removed_parts")["article_id"])
    assert "pasted-6" in ids
    at.multiselect(key="remove_ids").set_value(["pasted-6", "000_e191cd35296de808"])
    submit(at, "remove_button")
    assert len(frame_with(at, "removed_parts")) == 4
    at.button(key="reset_seeds").click().run()
    assert len(frame_with(at, "removed_parts")) == 5


def test_empty_collection_shows_a_clear_empty_state():
    at = run_page("data")
    at.multiselect(key="remove_ids").set_value(list(frame_with(at, "removed_parts")["article_id"]))
    submit(at, "remove_button")
    at.switch_page("app_pages/overview.py").run()
    assert not at.exception
    assert "collection is empty" in at.info[0].value


def test_csv_downloads_equal_the_cli_output(tmp_path, downloads):
    run_page("data")
    paths = {f"{table}.csv": path for table, path in score_seeds(tmp_path, "cli-").items()}
    for name, path in paths.items():
        assert downloads[name] == path.read_bytes(), name
    assert b'"engine_version"' in downloads["report.json"]


def test_upload_of_mixed_hostile_files_keeps_every_good_one():
    html = (
        b"<!doctype html><html><head><title>Budget vote</title><script>alert(1)</script></head><body>"
        b"<article><h1>Budget vote</h1><p>The council approved the budget on Tuesday after a long debate.</p>"
        b"<script>document.write('x')</script><p>Critics said the plan was rushed, officials said.</p></article>"
        b"</body></html>"
    )
    at = run_page("data")
    add_files(
        at,
        [
            ("page.html", html, "text/html"),
            ("empty.txt", b"", "text/plain"),
            ("scan.pdf", b"%PDF-1.7 binary", "application/pdf"),
            ("batch.jsonl", b'{"text": "One article here. It is short."}\n{oops\n', "application/json"),
        ],
        join=True,
    )
    assert not at.exception
    errors = " | ".join(load_errors(at))
    assert "empty" in errors and "PDF" in errors and "line 2" in errors
    ids = list(frame_with(at, "removed_parts")["article_id"])
    assert "page" in ids and "batch-1" in ids and len(ids) == 7
    at.switch_page("app_pages/article.py")
    at.query_params["article"] = "page"
    at.run()
    page = html_of(at)
    assert "approved the budget" in page and "alert(1)" not in page and "document.write" not in page


def test_relations_page_shows_lineage_coverage_and_omissions():
    at = run_page("relations")
    lineage = frame_with(at, "relation")
    status = dict(zip(lineage["article"], lineage["status"], strict=True))
    assert status["Content-site rewrite"].startswith("rewrite of 001")
    assert status["Swedish-language site"].startswith("translation of 001")
    assert status["Outlet citing The New York Times"] == "independent"
    assert len(at.get("plotly_chart")) == 2
    omitted = frame_with(at, "carried_by")
    assert any("Crimean coast" in label for label in omitted["label"])
    events = frame_with(at, "call")
    event = dict(zip(events["article"], events["event"], strict=True))
    assert event["German report (English translation)"] == "related"
    assert {event[name] for name in status if name != "German report (English translation)"} == {"same"}


def test_compare_shows_aligned_passages_with_the_wording_diff():
    at = run_page("compare", {"a": "001_7e04422d48fc93a1", "b": "000_e191cd35296de808"})
    page = html_of(at)
    assert '<span class="fr-del" title="in the source">joined Trump-Zelensky</span>' in page
    assert re.search(
        r'<span class="fr-ins" title="in this article">assertively and influentially participated in a '
        r'pivotal</span><span class="fr-tag">loaded</span>',
        page,
    )
    assert any("rewrite of" in c.value for c in at.caption)


def test_actors_page_lists_labels_and_accepts_an_edited_list():
    at = run_page("actors")
    table = frame_with(at, "labels")
    musk = table[(table["actor"] == "Elon Musk") & (table["outlet"] == "Local TV station (CNN wire)")].iloc[0]
    assert "tech tycoon" in musk["labels"]
    editor = at.get("arrow_data_editor") or at.get("data_editor")
    assert editor
    at.session_state["actor_specs"] = []
    at.run()
    assert not at.exception
    assert any("No actors found" in c.value for c in at.caption)


def test_drill_down_opened_at_a_sentence_outlines_it():
    at = run_page("article", {"article": "001_7e04422d48fc93a1", "sentence": "19"})
    assert re.search(r'class="fr-s fr-focus[^"]*" data-sentence="19"', html_of(at))
    assert "Walter Isaacson" in at.info[0].value


def test_collections_are_created_saved_reopened_renamed_and_deleted():
    at = run_page("data")
    at.text_input(key="collection_name").input("Musk call")
    submit(at, "collection_create")
    assert not at.exception
    assert "Musk call" in at.info[0].value
    # a fresh session starts on the seeds; its upload stays private until saved
    other = run_page("data")
    other.multiselect(key="remove_ids").set_value(list(frame_with(other, "removed_parts")["article_id"])[1:])
    submit(other, "remove_button")
    assert len(frame_with(other, "removed_parts")) == 1
    other.button(key="collection_open").click().run()
    assert len(frame_with(other, "removed_parts")) == 5  # the saved collection, not the other session's edits
    other.text_input(key="collection_new_name").input("Musk–Zelensky call")
    other.button(key="collection_rename").click().run()
    assert "Musk–Zelensky call (5 articles)" in other.selectbox(key="collection_pick").options[0]
    other.button(key="collection_delete").click().run()
    assert not other.exception
    assert not other.get("selectbox") or all(s.key != "collection_pick" for s in other.selectbox)


def test_saving_twice_adds_only_new_articles():
    at = run_page("data")
    at.text_input(key="collection_name").input("Event")
    submit(at, "collection_create")
    at.button(key="collection_save").click().run()
    assert "Event (5 articles)" in at.selectbox(key="collection_pick").options[0]


def test_a_malformed_lexicon_stops_the_dashboard_with_file_line_and_problem(lexicon_copy):
    lexicon_copy("hedges_en.tsv", *DUPLICATE_HEDGE)
    for page in (None, "article", "methods"):
        at = run_page(page)
        errors = [e.value.replace("\\", "").replace("\u2060", "") for e in at.error]  # as shown
        assert errors == [
            "The scoring engine cannot start: lexicons/hedges_en.tsv:24: duplicate cue 'reportedly' "
            "(first on line 17); remove one of them"
        ]
        assert not at.dataframe  # nothing rendered from a broken engine


def test_a_saved_collections_scores_survive_a_server_restart_and_uploads_stay_out(monkeypatch):
    import os

    import streamlit as st
    from sqlalchemy import create_engine, text

    import framing

    at = run_page("data")
    at.text_area(key="paste_text").input("A private draft the visitor never saved. It may stay here.")
    submit(at, "paste_submit")
    at.text_input(key="collection_name").input("Persisted")
    submit(at, "collection_create")  # saves the seeds and the pasted article
    fresh = run_page("data")
    pasted_only = fresh.text_area(key="paste_text")
    pasted_only.input("Another visitor's unsaved text. It should never reach the database.")
    submit(fresh, "paste_submit")
    database = create_engine(f"sqlite:///{os.environ['FRAMING_DB']}")
    with database.connect() as conn:
        stored = [row[0] for row in conn.execute(text("SELECT report FROM scores"))]
    assert len(stored) == 6 and not any("never reach the database" in r for r in stored)
    from collections import OrderedDict

    from app_pages import caches

    monkeypatch.setattr(caches, "_SHARED", caches.Lru(caches.CACHE_MB * 1_000_000))  # a restarted server:
    monkeypatch.setattr(caches, "_PERSISTED", OrderedDict())  # every in-memory cache empty
    st.cache_resource.clear()
    calls = []
    original = framing.score_article
    monkeypatch.setattr(
        framing, "score_article", lambda a, c=framing.DEFAULT_CONFIG: calls.append(a.id) or original(a, c)
    )
    at.run()
    assert len(frame_with(at, "removed_parts")) == 6 and calls == []


def test_a_sessions_failed_files_never_reach_another_sessions_downloads(downloads):
    """Two visitors with the same articles and different failed files: each downloads only their
    own failures (the shared report cache holds no session's errors)."""

    def upload(names: list[tuple[str, bytes]]):
        at = run_page("data")
        at.file_uploader[0].set_value([(name, data, "text/plain") for name, data in names]).run()
        at.button(key="add_files").click().run()
        return at

    good = ("good.txt", b"Council passes budget\n\nThe council passed the budget on Tuesday, officials said.")
    first = upload([good, ("=HYPERLINK(planted).txt", b"")])
    first_csv = downloads["articles.csv"].decode()
    second = upload([good, ("mine.txt", b"\x00\x01" * 50)])
    second_csv = downloads["articles.csv"].decode()
    assert not first.exception and not second.exception
    assert "planted" in first_csv and "mine.txt" not in first_csv
    assert "mine.txt" in second_csv and "planted" not in second_csv


def test_a_collection_deleted_by_another_session_is_said_and_never_saved_into_silently():
    at = run_page("data")
    for name in ("Other event", "Working on"):
        at.text_input(key="collection_name").input(name)
        submit(at, "collection_create")
    assert "Working on" in at.info[0].value
    import os

    from framing.store import Store

    db = Store(f"sqlite:///{os.environ['FRAMING_DB']}")
    doomed = next(c for c in db.collections() if c.name == "Working on")
    db.delete_collection(doomed.id)  # another session deletes it
    at.run()
    assert any("no longer exists (another session deleted it)" in w.value for w in at.warning)
    assert not any("Working on" in i.value for i in at.info)
    save = at.button(key="collection_save")
    assert "Other event" in save.label  # the button names where a save would go


@pytest.mark.parametrize("sentence", ["²", "9" * 5000, "-1", "1e3", "٣"])
def test_a_malformed_sentence_in_the_address_opens_the_article_without_focus(sentence):
    at = run_page("article", {"article": "001_7e04422d48fc93a1", "sentence": sentence})
    assert not re.search(r"fr-s fr-focus", html_of(at))


def test_an_actor_edited_to_a_blank_name_is_dropped_and_every_page_still_works():
    from framing.compare.actors import PERSON, ActorSpec

    at = run_page("actors")
    at.session_state["actor_specs"] = [ActorSpec("Elon Musk", PERSON, ("Musk", " ", ""))]
    for page in ("overview", "compare", "relations", "actors"):
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, page
    with pytest.raises(framing.UsageError, match="needs a name"):
        ActorSpec("  ", PERSON, ("x",))


def _loaded_value(at) -> float:
    scores = frame_with(at, "vs. others' median")
    return float(scores[scores["metric"] == "Loaded wording per 100 words (own voice)"].iloc[0]["value"])


def test_correcting_a_flag_rescores_the_collection_and_is_saved_with_it(downloads):
    import json
    import os

    from sqlalchemy import create_engine, text

    at = run_page("article", {"article": "000_e191cd35296de808"})
    before = _loaded_value(at)
    at.selectbox(key="fix_flagged").set_value("pivotal").run()
    at.button(key="fix_not_loaded").click().run()
    assert not at.exception
    assert not re.search(r"fr-loaded[^>]*>pivotal</span>", html_of(at))
    after_removal = _loaded_value(at)
    assert after_removal < before
    at.text_input(key="fix_phrase").input("no such phrase here").run()
    at.button(key="fix_loaded").click().run()
    assert any("does not occur in this article" in e.value for e in at.error)
    at.text_input(key="fix_phrase").input("Zelensky").run()
    at.button(key="fix_loaded").click().run()
    assert re.search(r"fr-loaded[^>]*>Zelensky</span>", html_of(at))
    assert _loaded_value(at) > after_removal
    # the Methods page lists the collection's corrections
    at.switch_page("app_pages/methods.py")
    at.run()
    corrections = frame_with(at, "correction")
    assert set(zip(corrections["word or phrase"], corrections["correction"], strict=True)) == {
        ("pivotal", "not loaded"),
        ("zelensky", "loaded"),
    }
    # the exports carry them: the spans with the user rule, the JSON with the list
    at.switch_page("app_pages/data.py")
    at.run()
    spans = downloads["spans.csv"].decode()
    assert "user:loaded zelensky" in spans and ",pivotal," not in spans.replace('"', "")
    exported = json.loads(downloads["report.json"])
    assert {(o["phrase"], o["action"]) for o in exported["loaded_overrides"]} == {
        ("pivotal", "not_loaded"),
        ("zelensky", "loaded"),
    }
    # saved with the collection; another session, and another collection, are not affected
    at.text_input(key="collection_name").input("Corrected")
    submit(at, "collection_create")
    database = create_engine(f"sqlite:///{os.environ['FRAMING_DB']}")
    with database.connect() as conn:
        stored = set(conn.execute(text("SELECT phrase, action FROM overrides")))
    assert stored == {("pivotal", "not_loaded"), ("zelensky", "loaded")}
    other = run_page("article", {"article": "000_e191cd35296de808"})
    assert _loaded_value(other) == pytest.approx(before)
    other.switch_page("app_pages/data.py")
    other.run()
    other.button(key="collection_open").click().run()
    other.switch_page("app_pages/article.py")
    other.query_params["article"] = "000_e191cd35296de808"
    other.run()
    assert _loaded_value(other) == pytest.approx(_loaded_value(at.switch_page("app_pages/article.py").run()))


def test_a_correction_made_of_markup_is_shown_as_text():
    at = run_page("data")
    at.text_area(key="paste_text").input("Headline\n\nThe <b>bold</b> plan was announced.")
    at.text_input(key="paste_language").input("en")
    submit(at, "paste_submit")
    at.switch_page("app_pages/article.py")
    at.query_params["article"] = "pasted-6"
    at.run()
    at.text_input(key="fix_phrase").input("<b>bold</b>").run()
    at.button(key="fix_loaded").click().run()
    assert not at.exception
    shown = [m.value for m in at.markdown if "loaded" in m.value and "bold" in m.value]
    assert shown and all("<b>" not in v for v in shown)  # folded to its words: "b bold b"
    assert not re.search(r"<b>bold</b>", html_of(at))  # the article's markup stays text in the highlight


def test_compare_puts_the_source_on_the_left_and_swaps_on_request():
    at = run_page("compare")  # no pair chosen: the first lineage pair, source on the left
    assert (str(at.query_params["a"]), str(at.query_params["b"])) == ("001_7e04422d48fc93a1", "000_e191cd35296de808")
    at = run_page("compare", {"a": "000_e191cd35296de808", "b": "001_7e04422d48fc93a1"})
    assert str(at.query_params["a"]) == "001_7e04422d48fc93a1"  # the rewrite was on the left: swapped
    at.button(key="compare_swap").click().run()
    assert str(at.query_params["a"]) == "000_e191cd35296de808" and str(at.query_params["order"]) == "mine"
    assert not at.exception


def test_compare_shows_no_word_diff_for_unrelated_articles():
    at = run_page("compare", {"a": "003_c0d9206cdab6ac5a", "b": "004_2eb790ead53fdb39"})
    page = html_of(at)
    assert 'class="fr-del"' not in page and 'class="fr-ins"' not in page  # no struck or marked words
    assert any("not related by lineage" in c.value for c in at.caption)


def test_compare_warns_about_the_same_article_twice_and_about_unknown_ids():
    at = run_page("compare", {"a": "001_7e04422d48fc93a1", "b": "001_7e04422d48fc93a1"})
    assert any("same article" in w.value for w in at.warning)
    at = run_page("compare", {"a": "no-such-article", "b": "000_e191cd35296de808"})
    assert any("No article no-such-article" in w.value.replace("\\", "") for w in at.warning)  # Markdown-escaped


def test_saving_mirrors_removals_and_the_actor_list_and_a_reopening_restores_them():
    import os

    from framing.compare.actors import PERSON, ActorSpec
    from framing.store import Store

    at = run_page("data")
    at.text_input(key="collection_name").input("Mirrored")
    submit(at, "collection_create")
    at.multiselect(key="remove_ids").set_value(["000_e191cd35296de808"])
    submit(at, "remove_button")
    at.session_state["actor_specs"] = [ActorSpec("Elon Musk", PERSON, ("Elon Musk", "Musk"))]
    at.run()
    at.button(key="collection_save").click().run()
    assert not at.exception
    stored = next(c for c in Store(f"sqlite:///{os.environ['FRAMING_DB']}").collections() if c.name == "Mirrored")
    assert stored.articles == 4  # the removal is saved, not only the additions
    other = run_page("data")
    other.selectbox(key="collection_pick").set_value(stored.id).run()
    other.button(key="collection_open").click().run()
    assert sorted(frame_with(other, "removed_parts")["article_id"]) == sorted(
        frame_with(at, "removed_parts")["article_id"]
    )
    assert [s.name for s in other.session_state["actor_specs"]] == ["Elon Musk"]
    assert collection_name(other) == "Mirrored"


def test_explore_lists_every_use_of_a_cue_by_outlet_and_each_outlets_distinctive_words():
    at = run_page("explore", {"q": "historic"})
    assert not at.exception
    uses = frame_with(at, "match")
    assert len(uses) >= 2 and set(uses["match"].str.lower()) == {"historic"}
    assert uses["outlet"].nunique() >= 2  # across the collection, named by outlet
    words = frame_with(at, "log_likelihood")
    assert {"outlet", "word", "count", "rest_count"} <= set(words.columns)
    at.text_input(key="explore_query").input("no such words anywhere").run()
    assert any("does not occur" in i.value for i in at.info)


def test_the_data_page_offers_the_html_report():
    at = run_page("data")
    assert any(b.label == "report.html" for b in at.get("download_button"))


def test_a_new_collection_of_records_without_headlines_or_dates_gets_an_editable_table():
    at = run_page("data")
    records = b"\n".join(b'{"text": "Record %d: the council met on Tuesday."}' % i for i in range(3))
    add_files(at, [("records.jsonl", records, "application/json")])
    assert not at.exception, [e.value for e in at.exception]
    assert (at.get("arrow_data_editor") or at.get("data_editor")) and len(frame_with(at, "removed_parts")) == 3
