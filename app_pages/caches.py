"""The dashboard's caches: scores per article, the collection's report, charts and the comparison.

Every key is built from ``framing.score_key`` (the article's content and the engine fingerprint:
package version, scoring settings, lexicon versions and contents), so a new engine, setting or
lexicon invalidates every cache at once. Scores of a saved collection's articles also go to the
database's score cache and survive a restart of the server.

The caches are the app's own, not Streamlit's: any visitor's browser can send Streamlit's
"clear cache" message, which empties every ``st.cache_*`` of the server, and here it costs
nothing but the seed collection's reload. They are bounded by an estimate of the memory they
hold (``[framing] cache_mb``). Only what every visitor may see is shared: the seeds and saved
collections. What is built from an unsaved upload (its scores, and every chart, table and
comparison of a collection holding it) is cached in the uploading session alone, so what one
visitor uploads, however large or hostile, is dropped once their session has been disconnected
for about Streamlit's reconnect window; the session is then closed and the heap trimmed. Two
sessions asking for the same shared value at once wait for one computation of it.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import uuid
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import asdict, replace
from typing import NamedTuple

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

import framing
from app_pages import allocator, deploy, session
from framing.corpus import Article
from framing.fingerprint import content_hash
from framing.report import ArticleReport, Report, for_article

# Memory the shared caches may hold, in MB, unless secrets say otherwise ([framing] cache_mb):
# about 25,000 scored news articles of 5,000 characters. Each session's own cache has the same bound.
CACHE_MB = 600
# Bytes a scored article holds per character of its text (raw and cleaned text, sentences,
# evidence): measured with tracemalloc on a 1M-character article, 25; rounded up.
BYTES_PER_CHAR = 12  # counted on raw and cleaned text, i.e. 24 per character of the article
BYTES_PER_ITEM = 250  # each sentence and evidence span, beyond its text
# Keys of articles already written to the database's score cache, remembered per database.
PERSISTED_KEYS = 100_000


def approx_bytes(report: ArticleReport) -> int:
    a = report.article
    return BYTES_PER_CHAR * (len(a.raw_text) + len(a.text)) + BYTES_PER_ITEM * (
        len(report.sentences) + len(report.evidence)
    )


class _Pending:
    """A value being made by one thread, which others asking for the same key wait for."""

    def __init__(self):
        self.done = threading.Event()
        self.value: object = None
        self.made = False


class Lru:
    """A thread-safe least-recently-used cache bounded by the bytes its values are estimated to
    hold. ``get(key, make, size)`` returns the cached value or makes it, outside the lock; other
    threads asking for a key being made wait for that value rather than make it again (ten
    visitors opening a collection at once compare it once). Should the maker fail (a rerun
    stops its script), the next waiter makes it."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._items: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._pending: dict[Hashable, _Pending] = {}
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], object], size: Callable[[object], int]):
        while True:
            with self._lock:
                if key in self._items:
                    self._items.move_to_end(key)
                    return self._items[key][0]
                pending = self._pending.get(key)
                if pending is None:
                    pending = self._pending[key] = _Pending()
                    break
            pending.done.wait()
            if pending.made:
                return pending.value
        try:
            pending.value = make()
            pending.made = True
            self._hold(key, pending.value, size(pending.value))
            return pending.value
        finally:
            with self._lock:
                del self._pending[key]
            pending.done.set()

    def _hold(self, key: Hashable, value: object, cost: int) -> None:
        if cost > self.max_bytes:
            return  # larger than the whole cache: never held
        with self._lock:
            if key not in self._items:
                self._items[key] = (value, cost)
                self._bytes += cost
            while self._bytes > self.max_bytes:
                _, (_, evicted) = self._items.popitem(last=False)
                self._bytes -= evicted

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._items

    @property
    def held_bytes(self) -> int:
        return self._bytes

    def __len__(self) -> int:
        return len(self._items)


_SHARED = Lru(CACHE_MB * 1_000_000)
_PERSISTED: OrderedDict[tuple[str, str], None] = OrderedDict()
_KEYS: weakref.WeakKeyDictionary[Article, tuple[str, str]] = weakref.WeakKeyDictionary()
_HASHES: weakref.WeakKeyDictionary[Article, str] = weakref.WeakKeyDictionary()
_KEYS_LOCK = threading.Lock()


def shared() -> Lru:
    """The cache all sessions share, sized by [framing] cache_mb."""
    _SHARED.max_bytes = int(deploy.secret_section("framing").get("cache_mb", CACHE_MB)) * 1_000_000
    return _SHARED


# Each session's own cache, by session id. Not in the session's state: Streamlit keeps a
# disconnected session for reconnecting (server.disconnectedSessionTTL) in a store whose entries
# expire without the session being shut down, so a closed visitor's uploads, downloads and
# tables stayed in memory (each 2-million-character upload about 120 MB). A janitor drops the own
# cache of a session disconnected for nearly that window and has Streamlit close the session
# while its store still holds it (see close_sessions).
# Keyed by (Streamlit's session id, a token in the session's state): under test every script
# run has one session id, while each test session has its own state.
_OWN: dict[tuple[str, str], Lru] = {}
_OWN_SEEN: dict[tuple[str, str], float] = {}  # when each session was last seen connected
_OWN_LOCK = threading.Lock()
SWEEP_SECONDS = 10.0


def _own() -> Lru:
    """This session's own cache, for what is built from its unsaved uploads (dropped by the
    janitor once the session has been disconnected for the reconnect window)."""
    key = (get_script_run_ctx().session_id, st.session_state.setdefault("own_cache_token", uuid.uuid4().hex))
    with _OWN_LOCK:
        if key not in _OWN:
            _OWN[key] = Lru(shared().max_bytes)
            _OWN_SEEN[key] = time.monotonic()
            _start_janitor()
        return _OWN[key]


def sweep(now: float, connected: Callable[[str], bool], window: float) -> list[tuple[str, str]]:
    """Drop the own caches of sessions not connected for longer than ``window`` seconds and
    return their keys."""
    with _OWN_LOCK:
        for key in _OWN:
            if connected(key[0]):
                _OWN_SEEN[key] = now
        gone = [key for key in _OWN if now - _OWN_SEEN[key] > window]
        for key in gone:
            del _OWN[key], _OWN_SEEN[key]
    return gone


_JANITOR: list[threading.Thread] = []
CLOSE_WAIT_SECONDS = 5.0


def close_sessions(runtime, session_ids: list[str]) -> list[str]:
    """Have Streamlit close stored, disconnected sessions, then empty the state of each one it
    closed; returns those ids. Streamlit's own thread-safe close (what it does at logout) runs on
    its event loop and shuts the session down: its uploaded files, downloads and table data go,
    not its state. That is enough, except for the last session the server sent messages to: the
    runtime's loop keeps it in a local variable until another visitor's messages are sent, so on
    a quiet server its state stayed, with the pages' results its widgets refer to (a 5,000-record
    upload kept 5,000 scored articles). A session that reconnected in the meantime is not closed
    and keeps its state."""
    sessions = {sid: runtime._session_mgr.get_session_info(sid) for sid in session_ids}
    for session_id in sessions:
        runtime._close_inactive_session_on_event_loop(session_id)
    deadline = time.monotonic() + CLOSE_WAIT_SECONDS
    closed: list[str] = []
    for session_id, info in sessions.items():
        while runtime._session_mgr.get_session_info(session_id) is not None and time.monotonic() < deadline:
            time.sleep(0.05)
        if info is not None and runtime._session_mgr.get_session_info(session_id) is None:
            state = info.session.session_state
            state.clear()
            # what clear() leaves: each widget's metadata, whose callbacks and formatters hold the
            # globals of the page that made the widget
            state._new_widget_state.widget_metadata.clear()
            closed.append(session_id)
    return closed


def _start_janitor() -> None:
    """Start, once per server, the thread that sweeps own caches (called under _OWN_LOCK).
    Without a server runtime (the app under test) there are no connections to follow."""
    from streamlit.runtime import Runtime

    if _JANITOR or not Runtime.exists():
        return
    runtime = Runtime.instance()

    def run() -> None:
        while True:
            time.sleep(SWEEP_SECONDS)
            # Sessions are seen every SWEEP_SECONDS: closed at most two sweeps before Streamlit's
            # store would forget them, never after.
            window = max(0.0, st.get_option("server.disconnectedSessionTTL") - 2 * SWEEP_SECONDS)
            gone = sweep(time.monotonic(), runtime.is_active_session, window)
            if gone:
                close_sessions(runtime, [session_id for session_id, _ in gone])
                allocator.release()

    _JANITOR.append(threading.Thread(target=run, name="own-cache-janitor", daemon=True))
    _JANITOR[0].start()


class Scope(NamedTuple):
    """A collection as its cached values depend on it: its articles, the scoring configuration
    (the deployment's, with the collection's corrections), the user's event calls, the content
    hashes of the open saved collection's articles (their scores go to the database) and the
    edited actor list (None: the automatic one)."""

    articles: tuple[Article, ...]
    config: framing.Config
    event_calls: tuple[tuple[str, str], ...]
    saved: frozenset[str]
    actor_specs: object

    def fingerprint(self) -> str:
        return framing.engine_fingerprint(self.config)


def _session_scope() -> Scope:
    """This session's collection."""
    return Scope(
        tuple(session.articles()),
        session.config(),
        session.event_calls(),
        session.saved_hashes(),
        session.actor_specs(),
    )


def seed_scope() -> Scope:
    """The seed collection as a new session opens it: no corrections, calls, saved articles or
    actor edits."""
    seeds = session.seed_collection()[0]
    return Scope(seeds, session.config(()), session.calls_of(seeds), frozenset(), None)


def _is_private(article: Article, saved: frozenset[str]) -> bool:
    """Whether an article is this session's alone: neither a seed nor in the saved collection."""
    return article not in set(session.seed_collection()[0]) and not (saved and _content_hash(article) in saved)


def _content_hash(article: Article) -> str:
    """An article's content hash, computed once per article object."""
    with _KEYS_LOCK:
        known = _HASHES.get(article)
    if known is None:
        known = content_hash(article)
        with _KEYS_LOCK:
            _HASHES[article] = known
    return known


def _key(article: Article, fingerprint: str) -> str:
    """An article's score key, computed once per article object (hashing its content costs a
    JSON dump of its text) and forgotten with the object."""
    with _KEYS_LOCK:
        known = _KEYS.get(article)
    if known and known[0] == fingerprint:
        return known[1]
    key = framing.score_key(article, fingerprint)
    with _KEYS_LOCK:
        _KEYS[article] = (fingerprint, key)
    return key


def article_keys(items, fingerprint: str) -> tuple[str, ...]:
    """The score-cache keys of articles (content + engine fingerprint; not the id)."""
    return tuple(_key(a, fingerprint) for a in items)


def collection_key(scope: Scope) -> tuple[tuple[str, str], ...]:
    """The key of collection-level caches: each article's id and score key, in order."""
    items = scope.articles
    return tuple(zip((a.id for a in items), article_keys(items, scope.fingerprint()), strict=True))


def _scored(key: str, article: Article, scope: Scope, made: ArticleReport | None = None) -> ArticleReport:
    """An article's scores: from memory, else (a saved collection's article) from the database's
    score cache, else ``made`` (scored apart) or scored now; a saved article's scores are written
    to the database once."""
    persist = bool(scope.saved) and _content_hash(article) in scope.saved
    database = deploy.store().engine.url.render_as_string() if persist else ""

    def compute() -> ArticleReport:
        return made if made is not None else framing.score_article(article, scope.config)

    def make() -> ArticleReport:
        if persist:
            _remember(key, database)
            return deploy.store().score(article, scope.config, compute=compute)
        return compute()

    cache = _own() if _is_private(article, scope.saved) else shared()
    report = cache.get(("score", key), make, approx_bytes)
    if persist and (key, database) not in _PERSISTED:
        deploy.store().score(article, scope.config, compute=lambda: report)
        _remember(key, database)
    return for_article(report, article)


def _remember(key: str, database: str) -> None:
    _PERSISTED[(key, database)] = None
    while len(_PERSISTED) > PERSISTED_KEYS:
        _PERSISTED.popitem(last=False)


def score(article: Article, made: ArticleReport | None = None) -> ArticleReport:
    """An article's scores, cached; ``made``: its scores computed elsewhere (in a process apart),
    held unless the cache has them already."""
    scope = _session_scope()
    return _scored(article_keys([article], scope.fingerprint())[0], article, scope, made)


def unscored(articles: list[Article]) -> list[Article]:
    """The articles whose scores no cache in memory holds."""
    scope = _session_scope()
    keys = article_keys(articles, scope.fingerprint())
    return [
        a
        for a, k in zip(articles, keys, strict=True)
        if ("score", k) not in (_own() if _is_private(a, scope.saved) else shared())
    ]


def _collection_cache(scope: Scope) -> Lru:
    return _own() if any(_is_private(a, scope.saved) for a in scope.articles) else shared()


def _report_bytes(rep: Report) -> int:
    return sum(approx_bytes(r) for r in rep.articles)


def _report(scope: Scope) -> Report:
    """A collection's report as every session with it shares it (no load errors)."""
    key = collection_key(scope)

    def make() -> Report:
        scored = [_scored(k, a, scope) for (_, k), a in zip(key, scope.articles, strict=True)]
        return framing.assemble_report(scored, (), scope.config)

    # ``saved`` is part of the key: once articles are saved, their scores go to the database.
    return _collection_cache(scope).get(("report", key, scope.event_calls, scope.saved), make, _report_bytes)


def report() -> Report:
    """The session's report: the cached scores with this session's own load errors (which never
    enter a shared cache)."""
    return replace(_report(_session_scope()), errors=tuple(session.load_errors()))


def _derived(module, rep: Report, name: str, args: tuple):
    """``module.name(rep, *args)`` for the session's collection, computed once per collection and
    arguments: every click reruns the page, and over thousands of articles these take seconds."""
    scope = _session_scope()
    return _collection_cache(scope).get(
        (module.__name__, collection_key(scope), scope.event_calls, name, args),
        lambda: getattr(module, name)(rep, *args),
        lambda _: BYTES_PER_ITEM * 8 * len(rep.articles),
    )


def figure(rep: Report, name: str, *args):
    """A chart of framing.charts for the session's collection."""
    from framing import charts

    return _derived(charts, rep, name, args)


def explored(rep: Report, name: str, *args):
    """A search or keyness table of framing.explore for the session's collection."""
    from framing import explore

    return _derived(explore, rep, name, args)


def event_model_applies(rep: Report) -> bool:
    """Whether the Overview sets this collection against the event model: two articles or more,
    and no more than the deployment compares for a first screen."""
    return 1 < len(rep.articles) <= deploy.max_compared_articles()


def framed(rep: Report) -> Report:
    """The report with its relative metrics set against the main event's independent voices, where
    the event model applies; else as scored (medians over all the other articles)."""
    if not event_model_applies(rep):
        return rep
    return replace(_framed(_session_scope()), errors=rep.errors)


def _framed(scope: Scope, say: bool = True) -> Report:
    """A collection's relative framing as every session with it shares it (no load errors)."""
    from framing.report import RELATIVE_METRICS

    rep = _report(scope)
    comparison = _comparison(rep, scope, say)
    return _collection_cache(scope).get(
        ("framed", *_comparison_key(scope)),
        lambda: comparison.reframe(rep),
        lambda _: BYTES_PER_ITEM * len(RELATIVE_METRICS) * len(rep.articles),  # texts are shared with ``rep``
    )


def _comparison_key(scope: Scope) -> tuple:
    specs = scope.actor_specs
    actors_key = "auto" if specs is None else json.dumps([asdict(s) for s in specs], sort_keys=True)
    return collection_key(scope), scope.event_calls, actors_key


def _comparison(rep: Report, scope: Scope, say: bool = True):
    """The comparison of a collection (framing.compare); ``say``: with a spinner while it runs."""
    from framing.compare import compare

    def make():
        with st.spinner("Comparing the articles…") if say else contextlib.nullcontext():
            return compare(rep, scope.config, actors=scope.actor_specs)

    return _collection_cache(scope).get(
        ("comparison", *_comparison_key(scope)),
        make,
        lambda _: BYTES_PER_ITEM * 4 * sum(len(r.sentences) for r in rep.articles),
    )


def comparison(rep: Report):
    """The comparison of the session's collection."""
    return _comparison(rep, _session_scope())


def warm() -> None:
    """Score and compare the seed collection into the shared cache: what the first visitor after
    a start would otherwise wait for (imports, lexicons, models, scores, the comparison and the
    relative framing). The server runs it in a thread as it starts (app.py); a visitor arriving
    meanwhile waits for the same computation instead of starting another."""
    scope = seed_scope()
    if event_model_applies(_report(scope)):
        _framed(scope, say=False)


def html_report(rep: Report) -> str:
    """The collection's self-contained HTML report (framing.html_report), under its name."""
    from pathlib import Path

    from framing.html_report import collection_html

    validation = Path(__file__).resolve().parent.parent / "docs" / "validation.md"
    return collection_html(rep, comparison(rep) if event_model_applies(rep) else None, session.name(), validation)
