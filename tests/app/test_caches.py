"""The dashboard's caches are its own (a visitor's "clear cache" message costs nothing), bounded
by memory, shared only for what every visitor sees (seeds, saved collections), and made once."""

from __future__ import annotations

import contextlib
import os
import threading

import pytest
import streamlit as st

import framing
from app_helpers import add_files, collection_name, frame_with, load_errors, run_page, submit
from app_pages import caches
from framing import corpus, engine


@pytest.fixture
def scored(monkeypatch):
    """The ids of the articles the dashboard scores from now on, in this process or apart."""
    calls: list[str] = []
    original, original_on = framing.score_article, engine.score_on

    def on(pool, articles, *rest):
        articles = list(articles)
        calls.extend(a.id for a in articles)
        return original_on(pool, articles, *rest)

    monkeypatch.setattr(
        framing, "score_article", lambda a, c=framing.DEFAULT_CONFIG: calls.append(a.id) or original(a, c)
    )
    monkeypatch.setattr(engine, "score_on", on)
    return calls


def test_uploads_are_read_and_scored_in_a_process_apart(monkeypatch):
    # What a large upload allocates, however hostile, goes with the process that read and
    # scored it: this one neither parses nor scores it (either would raise here).
    assert not run_page("overview").exception  # the seeds, scored here and shared
    at = run_page("data")

    def refuse(*args, **kwargs):
        raise AssertionError("read or scored in the server's own process")

    monkeypatch.setattr(corpus, "parse_bytes", refuse)
    monkeypatch.setattr(framing, "score_article", refuse)
    body = "The council met and voted on the budget on Tuesday. " * 200  # 10 KB, 2,000 words
    files = [(f"outlet{i}_budget.txt", f"Budget passes {i}\n\n{body}".encode(), "text/plain") for i in range(60)]
    assert sum(len(data) for _, data, _ in files) >= 500_000  # large enough to go apart (data.APART_BYTES)
    add_files(at, files)
    assert not at.exception
    at.switch_page("app_pages/overview.py").run()
    assert not at.exception
    table = frame_with(at, "outlet")
    assert sorted(table["article_id"]) == sorted(f"outlet{i}_budget" for i in range(60))
    assert set(table["words"]) == {2_003}


def test_an_upload_whose_process_dies_gets_an_error_and_adds_nothing(monkeypatch):
    # The process apart is killed (as the system's out-of-memory killer would) before it answers.
    original = engine.process_pool

    @contextlib.contextmanager
    def dying(workers=1):
        with original(workers) as pool:
            pool.submit(os._exit, 9)
            yield pool

    monkeypatch.setattr(engine, "process_pool", dying)
    at = run_page("data")
    before = collection_name(at)
    add_files(at, [("huge.txt", b"Budget passes\n\n" + b"The council met. " * 40_000, "text/plain")])
    assert not at.exception
    assert any("stopped before it finished" in e.value and "nothing was added" in e.value for e in at.error)
    assert collection_name(at) == before and "huge" not in set(frame_with(at, "removed_parts")["article_id"])


def test_a_clients_clear_cache_message_does_not_make_the_server_rescore(scored):
    run_page()
    run_page("article")
    before = len(scored)
    st.cache_data.clear()  # what Streamlit does on any browser's clear_cache message
    st.cache_resource.clear()
    run_page()
    run_page("article")
    assert len(scored) == before


def test_the_seeds_warmed_at_server_start_are_what_the_first_visitor_uses(monkeypatch, scored):
    # app.py's server runs caches.warm in a thread as it starts: the first Overview must find the
    # seeds' scores and comparison made under the keys its session asks for, not make them again.
    from framing import compare
    from framing.compare.comparison import Comparison

    monkeypatch.setattr(caches, "_SHARED", caches.Lru(caches.CACHE_MB * 1_000_000))
    compared, reframed = [], []
    original, original_reframe = compare.compare, Comparison.reframe
    monkeypatch.setattr(compare, "compare", lambda *a, **k: compared.append(1) or original(*a, **k))
    monkeypatch.setattr(Comparison, "reframe", lambda self, r: reframed.append(1) or original_reframe(self, r))
    caches.warm()
    assert len(scored) == len(caches.seed_scope().articles) == 5 and compared == reframed == [1]
    at = run_page()
    run_page()  # a second visitor
    assert len(scored) == 5 and compared == reframed == [1]
    assert len(frame_with(at, "outlet")) == 5


def test_a_sessions_failed_inputs_never_enter_a_shared_value():
    from framing.report import Report

    at = run_page("data")
    add_files(at, [("broken.json", b"[" * 100, "application/json")], join=True)
    assert load_errors(at) and collection_name(at) == "Seed collection"  # the seeds, shared, with an error
    at.switch_page("app_pages/overview.py").run()
    assert not at.exception
    shared = [value for value, _ in caches.shared()._items.values() if isinstance(value, Report)]
    assert len(shared) >= 2  # the seeds' report and their relative framing
    assert not any(value.errors for value in shared)


def test_the_cache_is_bounded_by_the_memory_it_holds():
    lru = caches.Lru(max_bytes=1000)
    for i in range(10):
        assert lru.get(i, lambda i=i: f"value {i}", lambda _: 300) == f"value {i}"
    assert lru.held_bytes <= 1000 and len(lru) == 3
    made = []
    assert lru.get(9, lambda: made.append(1) or "new", lambda _: 300) == "value 9" and not made  # a hit
    assert lru.get("big", lambda: "huge", lambda _: 5000) == "huge" and "big" not in lru._items  # never held


def test_an_unsaved_upload_stays_in_its_own_session(scored):
    text = "A council report\n\n" + "The council met and voted on the budget again today. " * 40
    for page in ("data", "overview"):  # what the seed collection shares is cached first, whatever ran before
        assert not run_page(page).exception
    held = caches.shared().held_bytes
    first = run_page("data")
    first.text_area(key="paste_text").input(text)
    submit(first, "paste_submit")
    assert "pasted-6" in set(frame_with(first, "removed_parts")["article_id"])
    first.switch_page("app_pages/overview.py").run()
    assert not first.exception and first.get("plotly_chart")
    assert caches.shared().held_bytes == held  # neither its scores nor the joined collection's are shared
    assert scored.count("pasted-6") == 1
    second = run_page("data")
    second.text_area(key="paste_text").input(text)
    submit(second, "paste_submit")
    assert scored.count("pasted-6") == 2  # scored again for the other visitor: nothing was shared


def test_a_closed_sessions_own_cache_is_dropped_after_the_reconnect_window(scored):
    """Streamlit keeps a disconnected session for reconnecting in a store whose entries expire
    without the session being shut down: what it built from its uploads must not wait for that."""
    text = "A council report\n\n" + "The council met and voted on the budget once more. " * 40
    visitor = run_page("data")
    visitor.text_area(key="paste_text").input(text)
    submit(visitor, "paste_submit")
    mine = (visitor.session_state["own_cache_token"],)
    own = [key for key in caches._OWN if key[1] in mine]
    assert own and caches._OWN[own[0]].held_bytes, "the paste's scores are in the session's own cache"
    t = caches._OWN_SEEN[own[0]]
    assert caches.sweep(t + 60, lambda sid: True, window=120) == []  # connected: kept
    assert own[0] not in caches.sweep(t + 170, lambda sid: False, window=120)  # disconnected 110 s ago: kept
    assert own[0] in caches.sweep(t + 300, lambda sid: False, window=120)  # 130 s: dropped
    assert own[0] not in caches._OWN
    before = scored.count("pasted-6")
    visitor.switch_page("app_pages/overview.py").run()  # reconnected after all: scored again, not lost
    assert not visitor.exception and scored.count("pasted-6") == before + 1


def test_the_janitor_empties_the_state_of_each_session_streamlit_closed():
    """Streamlit's runtime loop keeps the last session it served in a local variable: closed, its
    state (the upload, the pages' results its widgets refer to) would stay on a quiet server. The
    janitor empties it once the close has run on the event loop; a session that reconnected in
    the meantime is not closed and keeps its state."""
    import threading
    from types import SimpleNamespace

    from streamlit.runtime import Runtime
    from streamlit.runtime.state import SessionState
    from streamlit.runtime.websocket_session_manager import WebsocketSessionManager

    # the private parts of Streamlit the janitor uses
    assert callable(Runtime._close_inactive_session_on_event_loop)
    assert callable(WebsocketSessionManager.get_session_info)

    class Server:  # the runtime's interface as the janitor uses it; closes run later, on "the event loop"
        def __init__(self, reconnected: set[str]):
            self.states = {sid: SessionState() for sid in ("left", "returned")}
            for state in self.states.values():
                state["upload"] = "an uploaded article"
                # a widget's metadata: its callbacks hold the globals of the page that made it
                state._new_widget_state.widget_metadata["$$ID-multiselect"] = "the page's results"
            self.stored = {
                sid: SimpleNamespace(session=SimpleNamespace(session_state=st_)) for sid, st_ in self.states.items()
            }
            self._session_mgr = SimpleNamespace(get_session_info=self.stored.get)
            self.reconnected = reconnected

        def _close_inactive_session_on_event_loop(self, session_id: str) -> None:
            if session_id not in self.reconnected:
                threading.Timer(0.2, self.stored.pop, (session_id,)).start()

    server = Server(reconnected={"returned"})
    assert caches.close_sessions(server, ["left", "returned"]) == ["left"]
    assert "upload" not in server.states["left"]
    assert not server.states["left"]._new_widget_state.widget_metadata
    assert server.states["returned"]["upload"] == "an uploaded article"
    assert server.states["returned"]._new_widget_state.widget_metadata


def test_concurrent_requests_for_one_value_make_it_once():
    lru = caches.Lru(max_bytes=10_000)
    started, release, made = threading.Event(), threading.Event(), []

    def make():
        made.append(1)
        started.set()
        release.wait(5)
        return "compared"

    results = []
    threads = [threading.Thread(target=lambda: results.append(lru.get("k", make, lambda _: 10))) for _ in range(5)]
    threads[0].start()
    started.wait(5)
    for t in threads[1:]:
        t.start()
    release.set()
    for t in threads:
        t.join(5)
    assert results == ["compared"] * 5 and len(made) == 1


def test_a_waiter_makes_the_value_when_its_maker_fails():
    lru = caches.Lru(max_bytes=10_000)
    started, release = threading.Event(), threading.Event()

    def interrupted():
        started.set()
        release.wait(5)
        raise RuntimeError("the maker's script was stopped")

    def first():
        with contextlib.suppress(RuntimeError):
            lru.get("k", interrupted, lambda _: 10)

    maker = threading.Thread(target=first)
    maker.start()
    started.wait(5)
    results = []
    waiter = threading.Thread(target=lambda: results.append(lru.get("k", lambda: "made again", lambda _: 10)))
    waiter.start()
    release.set()
    maker.join(5)
    waiter.join(5)
    assert results == ["made again"] and lru.get("k", lambda: "not again", lambda _: 10) == "made again"


def test_an_upload_is_not_parsed_or_scored_past_the_collection_limit(scored):
    import json

    from streamlit.testing.v1 import AppTest

    from app_helpers import APP

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
