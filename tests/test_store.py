"""Persistent collections and the score cache, on SQLite and on a real PostgreSQL server that
the tests start themselves (initdb/pg_ctl in a temporary directory, loopback only)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

import framing
from framing.store import SCHEMA_VERSION, Store, StoreError

PG_BIN_CANDIDATES = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/local/bin", "/usr/bin")


def _pg_tool(name: str) -> str:
    for folder in PG_BIN_CANDIDATES:
        path = os.path.join(folder, name)
        if os.access(path, os.X_OK):
            return path
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed (Debian package postgresql)")
    return found


def _as_postgres_user(command: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the postgres system user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="session")
def postgres_url():
    # not under pytest's tmp_path: its parent is private to root, and the server runs as postgres
    folder = Path(tempfile.mkdtemp(prefix="framing-pg-"))
    data, sockets = folder / "data", folder / "sock"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
    subprocess.run(
        _as_postgres_user([_pg_tool("initdb"), "-D", str(data), "-A", "trust", "-U", "framing"]),
        check=True,
        capture_output=True,
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        _as_postgres_user(
            [_pg_tool("pg_ctl"), "-D", str(data), "-o", options, "-w", "-t", "60", "-l", str(folder / "log"), "start"]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://framing@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_postgres_user([_pg_tool("pg_ctl"), "-D", str(data), "-m", "fast", "stop"]), capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        yield Store(f"sqlite:///{tmp_path / 'framing.db'}")
        return
    url = request.getfixturevalue("postgres_url")
    s = Store(url)
    yield s
    for c in s.collections():
        s.delete_collection(c.id)
    s.engine.dispose()


def article(ident: str, text: str = "The council met on Tuesday. It approved the budget.") -> framing.Article:
    return framing.article_from_text(text, outlet="Daily", ident=ident, language="en")


def test_collections_are_created_renamed_listed_and_deleted(store):
    first = store.create_collection("Budget vote")
    store.create_collection("Flood")
    assert [c.name for c in store.collections()] == ["Budget vote", "Flood"]
    store.rename_collection(first.id, "City budget")
    with pytest.raises(StoreError, match="already exists"):
        store.create_collection("Flood")
    with pytest.raises(StoreError, match="already exists"):
        store.rename_collection(first.id, "Flood")
    store.delete_collection(first.id)
    assert [c.name for c in store.collections()] == ["Flood"]


def test_articles_round_trip_and_taken_ids_get_a_suffix(store):
    c = store.create_collection("Event")
    a = framing.load_paths([os.path.join(os.path.dirname(__file__), "..", "seeds")]).articles
    assert store.add_articles(c.id, a) == [x.id for x in a]
    assert store.articles(c.id) == a
    assert store.add_articles(c.id, [a[0]]) == [f"{a[0].id}~2"]
    assert store.collections()[0].articles == 6
    assert store.remove_articles(c.id, {a[1].id, "missing"}) == 1
    assert [x.id for x in store.articles(c.id)][:2] == [a[0].id, a[2].id]


def test_deleting_a_collection_deletes_its_articles(store):
    c = store.create_collection("Gone")
    store.add_articles(c.id, [article("x")])
    store.delete_collection(c.id)
    other = store.create_collection("Kept")
    assert store.articles(other.id) == [] and store.articles(c.id) == []


def test_two_sessions_adding_at_once_lose_nothing(store):
    c = store.create_collection("Busy")
    url = store.engine.url.render_as_string(hide_password=False)
    errors = []

    def session(n):
        try:
            mine = Store(url)
            for i in range(15):
                mine.add_articles(c.id, [article("story", f"Session {n} article {i}. The council met.")])
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=session, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    stored = store.articles(c.id)
    assert len(stored) == 30
    assert len({a.id for a in stored}) == 30
    texts = {a.raw_text for a in stored}
    assert all(f"Session {n} article {i}. The council met." in texts for n in range(2) for i in range(15))


def test_scores_are_cached_and_rescored_after_an_engine_upgrade(store, monkeypatch):
    import framing.fingerprint as fingerprint
    import framing.pipeline as pipeline

    calls = []
    original = pipeline.score_article
    monkeypatch.setattr(
        pipeline, "score_article", lambda a, c=framing.DEFAULT_CONFIG: calls.append(a.id) or original(a, c)
    )
    a = article("one")
    first = store.score(a)
    again = store.score(a)
    assert calls == ["one"] and again == first
    renamed = store.score(replace(a, id="two"))  # same content under another id: cached, id carried over
    assert calls == ["one"] and renamed.article.id == "two"
    monkeypatch.setattr(fingerprint, "__version__", "99.0.0")
    fingerprint.engine_fingerprint.cache_clear()
    store.score(a)
    assert calls == ["one", "one"]
    monkeypatch.undo()
    fingerprint.engine_fingerprint.cache_clear()


def test_schema_is_versioned_and_reopening_is_idempotent(store):
    url = store.engine.url.render_as_string(hide_password=False)
    assert store.schema_version() == SCHEMA_VERSION
    assert Store(url).schema_version() == SCHEMA_VERSION


def test_a_schema_1_database_keeps_its_collections_and_rekeys_its_score_cache(tmp_path):
    from sqlalchemy import create_engine, inspect, text

    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = Store(url)
    kept = old.create_collection("Kept")
    old.add_articles(kept.id, [article("x")])
    with old.engine.begin() as conn:  # the schema-1 score cache: keyed by engine version and config
        conn.execute(text("DROP TABLE scores"))
        conn.execute(
            text(
                "CREATE TABLE scores (content_hash VARCHAR(64), engine_version VARCHAR(32), config VARCHAR(32), "
                "report TEXT, PRIMARY KEY (content_hash, engine_version, config))"
            )
        )
        conn.execute(text("INSERT INTO scores VALUES ('h', '0.1.0', 'c', '{}')"))
        conn.execute(text("DROP TABLE overrides"))  # schema 3 added it
        conn.execute(text("DROP TABLE collection_settings"))  # schema 4 added it
        conn.execute(text("UPDATE framing_meta SET value = '1' WHERE key = 'schema_version'"))
    old.engine.dispose()
    migrated = Store(url)
    assert migrated.schema_version() == SCHEMA_VERSION == 4
    assert migrated.overrides(kept.id) == ()
    assert migrated.setting(kept.id, "actors") is None
    columns = {c["name"] for c in inspect(create_engine(url)).get_columns("scores")}
    assert columns == {"content_hash", "fingerprint", "report"}
    assert [a.id for a in migrated.articles(kept.id)] == ["x"]
    assert migrated.score(article("y")).article.id == "y"


def test_an_unknown_collection_is_a_clear_error(store):
    with pytest.raises(StoreError, match="no collection"):
        store.add_articles(12345, [article("x")])


def test_postgres_server_is_real(postgres_url):
    from sqlalchemy import create_engine, text

    engine = create_engine(postgres_url)
    with engine.connect() as conn:
        assert conn.execute(text("select version()")).scalar().startswith("PostgreSQL")
    engine.dispose()
    time.sleep(0)


def test_a_thousand_and_more_articles_with_one_id_are_all_saved(store):
    event = store.create_collection("Pasted")
    ids = store.add_articles(event.id, [article("pasted", f"Note {i}. The council met.") for i in range(1_500)])
    assert len(set(ids)) == 1_500 and ids[0] == "pasted" and ids[-1] == "pasted~1500"


def test_a_collection_deleted_while_adding_stops_the_add_with_a_clear_error(store, monkeypatch):
    import framing.store as module

    monkeypatch.setattr(module, "ADD_BATCH", 10)
    event = store.create_collection("Doomed")

    def articles():
        for i in range(30):
            if i == 15:
                store.delete_collection(event.id)  # another session deletes it between two batches
            yield article(f"a{i}")

    with pytest.raises(
        StoreError, match=r"does not exist \(deleted by another session\?\); 10 article\(s\) were added"
    ):
        store.add_articles(event.id, articles())
    assert all(c.id != event.id for c in store.collections())


def test_a_read_only_database_opens_and_refuses_changes_clearly(tmp_path):
    path = tmp_path / "shared.db"
    writable = Store(f"sqlite:///{path}")
    event = writable.create_collection("Kept")
    writable.add_articles(event.id, [article("x")])
    writable.engine.dispose()
    read_only = Store(f"sqlite:///file:{path}?mode=ro&uri=true")
    assert [c.name for c in read_only.collections()] == ["Kept"]
    assert [a.id for a in read_only.articles(event.id)] == ["x"]
    with pytest.raises(StoreError, match="read-only: collections can be opened, not changed"):
        read_only.create_collection("New")


def test_a_damaged_database_is_a_clear_error(tmp_path):
    path = tmp_path / "damaged.db"
    path.write_bytes(b"this is not a database at all " * 100)
    with pytest.raises(StoreError, match="damaged and cannot be read"):
        Store(f"sqlite:///{path}")


def test_collection_names_are_normalised_bounded_and_unique_across_look_alikes(store):
    created = store.create_collection("  Ｂudget\x00 vote\u202e  2024\t")
    assert created.name == "Budget vote 2024"  # full-width folded, NUL and bidi override dropped
    with pytest.raises(StoreError, match="already exists"):
        store.create_collection("BUDGET VOTE 2024")
    with pytest.raises(StoreError, match="at most 120 characters"):
        store.create_collection("x" * 121)
    with pytest.raises(StoreError, match="needs a name"):
        store.create_collection("\x00\u200b ")
    other = store.create_collection("Flood")
    with pytest.raises(StoreError, match="already exists"):
        store.rename_collection(other.id, "budget vote 2024")


def test_a_collections_corrections_are_stored_replaced_and_deleted_with_it(store):
    event, other = store.create_collection("Event"), store.create_collection("Other")
    store.set_overrides(event.id, [("pivotal", "not_loaded"), ("hail mary", "loaded")])
    assert store.overrides(event.id) == (("hail mary", "loaded"), ("pivotal", "not_loaded"))
    assert store.overrides(other.id) == ()
    store.set_overrides(event.id, [("pivotal", "not_loaded")])
    assert store.overrides(event.id) == (("pivotal", "not_loaded"),)
    with pytest.raises(StoreError, match="longer than"):
        store.set_overrides(event.id, [("x" * 201, "loaded")])
    assert store.overrides(event.id) == (("pivotal", "not_loaded"),)  # nothing half-written
    store.delete_collection(event.id)
    with pytest.raises(StoreError, match="no collection"):
        store.set_overrides(event.id, [("pivotal", "not_loaded")])


def test_an_event_call_is_stored_with_the_article_and_leaves_its_scores_cached(store):
    collection = store.create_collection("Calls").id
    article = framing.article_from_text("The council met on Tuesday. It approved the budget.", ident="a", language="en")
    (ident,) = store.add_articles(collection, [article])
    first = store.score(store.articles(collection)[0])
    called = replace(store.articles(collection)[0], event="related")
    assert store.update_articles(collection, [called]) == 1
    (stored,) = store.articles(collection)
    assert stored.id == ident and stored.event == "related"
    again = store.score(stored)  # the call is no content: the same cached scores, under the call
    assert again.metrics == first.metrics and again.article.event == "related"


def test_a_collections_settings_are_json_replaced_removed_and_deleted_with_it(store):
    kept = store.create_collection("Settings")
    assert store.setting(kept.id, "actors") is None
    store.set_setting(kept.id, "actors", [{"name": "Elon Musk", "kind": "person", "aliases": ["Musk"]}])
    store.set_setting(kept.id, "actors", [{"name": "Volodymyr Zelensky", "kind": "person", "aliases": []}])
    assert store.setting(kept.id, "actors") == [{"name": "Volodymyr Zelensky", "kind": "person", "aliases": []}]
    store.set_setting(kept.id, "actors", None)
    assert store.setting(kept.id, "actors") is None
    store.set_setting(kept.id, "actors", ["x"])
    store.delete_collection(kept.id)
    again = store.create_collection("Settings")
    assert store.setting(again.id, "actors") is None
    with pytest.raises(StoreError):
        store.set_setting(10_000, "actors", [])
