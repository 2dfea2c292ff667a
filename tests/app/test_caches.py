"""The dashboard's caches are its own (a visitor's "clear cache" message costs nothing), bounded
by memory, and keep what one visitor's huge upload costs inside that visitor's session."""

from __future__ import annotations

import pytest
import streamlit as st

import framing
from app_helpers import add_files, frame_with, run_page, submit
from app_pages import caches


@pytest.fixture
def scored(monkeypatch):
    """The ids of the articles the dashboard scores from now on."""
    calls: list[str] = []
    original = framing.score_article
    monkeypatch.setattr(
        framing, "score_article", lambda a, c=framing.DEFAULT_CONFIG: calls.append(a.id) or original(a, c)
    )
    return calls


def test_a_clients_clear_cache_message_does_not_make_the_server_rescore(scored):
    run_page()
    run_page("article")
    before = len(scored)
    st.cache_data.clear()  # what Streamlit does on any browser's clear_cache message
    st.cache_resource.clear()
    run_page()
    run_page("article")
    assert len(scored) == before


def test_the_cache_is_bounded_by_the_memory_it_holds():
    lru = caches.Lru(max_bytes=1000)
    for i in range(10):
        assert lru.get(i, lambda i=i: f"value {i}", lambda _: 300) == f"value {i}"
    assert lru.held_bytes <= 1000 and len(lru) == 3
    made = []
    assert lru.get(9, lambda: made.append(1) or "new", lambda _: 300) == "value 9" and not made  # a hit
    assert lru.get("big", lambda: "huge", lambda _: 5000) == "huge" and "big" not in lru._items  # never held


def test_a_huge_article_stays_in_its_own_session(scored):
    text = "A very long report\n\n" + "The council met and voted on the budget again today. " * 5000
    assert len(text) > caches.PRIVATE_ARTICLE_CHARS
    held = caches.shared().held_bytes
    first = run_page("data")
    first.text_area(key="paste_text").input(text)
    submit(first, "paste_submit")
    assert "pasted-6" in set(frame_with(first, "removed_parts")["article_id"])
    assert caches.shared().held_bytes - held < 1_000_000  # its ~5 MB of scores are not shared
    assert scored.count("pasted-6") == 1
    second = run_page("data")
    second.text_area(key="paste_text").input(text)
    submit(second, "paste_submit")
    assert scored.count("pasted-6") == 2  # scored again for the other visitor: nothing was shared


def test_an_upload_is_not_parsed_or_scored_past_the_collection_limit(scored):
    import json

    from streamlit.testing.v1 import AppTest

    from app_helpers import APP, load_errors

    records = "\n".join(
        json.dumps({"id": f"r{i}", "text": f"Record {i} says the council met."}) for i in range(100_000)
    )
    at = AppTest.from_file(APP, default_timeout=300)
    at.secrets["framing"] = {"max_collection_articles": 20}
    at.switch_page("app_pages/data.py")
    at.run()
    add_files(at, [("many.jsonl", records.encode(), "application/json")], join=True)
    assert not at.exception
    assert len(frame_with(at, "removed_parts")) == 20  # 5 seeds and the first 15 records
    assert len([i for i in scored if i.startswith("r")]) == 15  # nothing past the limit was scored
    assert load_errors(at) == ["many.jsonl: not read further: the collection had room for 15 more article(s)"]
