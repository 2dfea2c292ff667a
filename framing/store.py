"""Persistent collections (one per event) and a score cache, on any SQLAlchemy database.

Local use: a SQLite file. Hosted use: any SQLAlchemy URL, PostgreSQL first. The schema is
created and migrated on open (``framing_meta.schema_version``). Scores are cached by the
article's content hash and the engine fingerprint (package version, scoring settings, lexicon
versions and contents: ``framing.fingerprint``), so upgrading the engine rescores automatically. Adding articles is safe under concurrency: each article is
inserted in its own savepoint, and an id taken meanwhile by another session is retried with a
``~N`` suffix, so two sessions adding to one collection at once lose nothing.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError

from .config import DEFAULT_CONFIG, Config
from .corpus import Article, article_from_dict, unique_id
from .errors import StoreError
from .fingerprint import content_hash, engine_fingerprint
from .report import ArticleReport, for_article

SCHEMA_VERSION = 4
# How many ids to try for one article before giving up: each failed try means another session
# inserted the same id after this batch read the collection's ids.
MAX_ID_RETRIES = 50
# Articles added per transaction: short enough that a concurrent writer waits well under
# SQLite's 30 s lock timeout, long enough that 5,000 articles take 25 transactions.
ADD_BATCH = 200
# Longest collection name: an event's name, not a text ("Musk–Zelensky call, November 2024").
MAX_NAME_CHARS = 120
# Longest corrected phrase: a word or an idiom, not a passage.
MAX_PHRASE_CHARS = 200

metadata = MetaData()
meta_table = Table("framing_meta", metadata, Column("key", String(64), primary_key=True), Column("value", Text))
collections_table = Table(
    "collections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
articles_table = Table(
    "collection_articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("collection_id", Integer, ForeignKey("collections.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("article_id", String(300), nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("payload", Text, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("collection_id", "article_id", name="uq_collection_article"),
)
scores_table = Table(
    "scores",
    metadata,
    Column("content_hash", String(64), primary_key=True),
    Column("fingerprint", String(32), primary_key=True),  # the engine fingerprint (framing.fingerprint)
    Column("report", Text, nullable=False),
)


overrides_table = Table(
    "overrides",
    metadata,
    Column("collection_id", Integer, ForeignKey("collections.id", ondelete="CASCADE"), primary_key=True),
    Column("phrase", String(MAX_PHRASE_CHARS), primary_key=True),
    Column("action", String(16), nullable=False),
)


settings_table = Table(
    "collection_settings",
    metadata,
    Column("collection_id", Integer, ForeignKey("collections.id", ondelete="CASCADE"), primary_key=True),
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),  # JSON
)


def _scores_by_fingerprint(conn) -> None:
    """Schema 1 keyed scores by engine version and configuration but not by the lexicons; the
    cache is dropped and recreated keyed by the engine fingerprint (scores are recomputed on use)."""
    conn.execute(text("DROP TABLE IF EXISTS scores"))
    scores_table.create(conn)


def _add_overrides(conn) -> None:
    """Schema 3 stores each collection's corrections of loaded wording."""
    overrides_table.create(conn, checkfirst=True)


def _add_settings(conn) -> None:
    """Schema 4 stores each collection's settings, such as the user's actor list."""
    settings_table.create(conn, checkfirst=True)


# Migrations from each schema version to the next, as functions of a connection.
MIGRATIONS = {1: _scores_by_fingerprint, 2: _add_overrides, 3: _add_settings}


@dataclass(frozen=True)
class Collection:
    id: int
    name: str
    articles: int
    updated_at: datetime


def _database_errors(method):
    """Database failures become a ``StoreError`` that says what the user can do about them."""

    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except DBAPIError as exc:
            detail = " ".join(str(exc.orig or exc).split())[:200]
            lowered = detail.lower()
            if "readonly" in lowered or "read-only" in lowered or "read only" in lowered:
                raise StoreError(
                    "the collections database is read-only: collections can be opened, not changed"
                ) from None
            if "locked" in lowered or "busy" in lowered:
                raise StoreError("the collections database is busy (another session is writing); try again") from None
            if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
                raise StoreError(f"the collections database is damaged and cannot be read ({detail})") from None
            raise StoreError(f"the collections database failed ({detail})") from None

    return wrapper


def collection_name(name: str) -> str:
    """A collection name as stored: Unicode-normalised (NFKC: full-width and other compatibility
    forms folded), without control or format characters (NUL, bidi overrides, zero-width), white
    space collapsed. Raises StoreError when nothing is left or it is too long."""
    folded = unicodedata.normalize("NFKC", str(name))
    kept = "".join(
        ch for ch in folded if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn") or ch.isspace()
    )
    cleaned = " ".join(kept.split())
    if not cleaned:
        raise StoreError("a collection needs a name")
    if len(cleaned) > MAX_NAME_CHARS:
        raise StoreError(f"a collection name has at most {MAX_NAME_CHARS} characters (this one {len(cleaned):,})")
    return cleaned


def _now() -> datetime:
    return datetime.now(timezone.utc)


class Store:
    @_database_errors
    def __init__(self, url: str | None = None, engine=None):
        """Open the store at a SQLAlchemy ``url``, or on an existing ``engine`` (a Streamlit
        ``st.connection("framing", type="sql").engine``, configured through secrets)."""
        if engine is None:
            connect_args = {"timeout": 30} if url.startswith("sqlite") else {}
            engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
        self.engine = engine
        if engine.dialect.name == "sqlite":
            from sqlalchemy import event

            @event.listens_for(self.engine, "connect")
            def _sqlite_pragmas(connection, _record):  # foreign keys (cascade) and concurrent readers
                cursor = connection.cursor()
                cursor.execute("PRAGMA foreign_keys=ON")
                with contextlib.suppress(sqlite3.DatabaseError):  # read-only or damaged: reported on use
                    cursor.execute("PRAGMA journal_mode=WAL")
                cursor.close()

        self.migrate()

    # --- schema ----------------------------------------------------------------------------

    @_database_errors
    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            row = conn.execute(select(meta_table.c.value).where(meta_table.c.key == "schema_version")).first()
        return int(row[0]) if row else 0

    def migrate(self) -> None:
        """Create the tables of a new database; bring an older schema up to ``SCHEMA_VERSION``.
        A current database is only read, so a read-only one opens."""
        if inspect(self.engine).has_table(meta_table.name) and self.schema_version() == SCHEMA_VERSION:
            return
        metadata.create_all(self.engine)
        with self.engine.begin() as conn:
            row = conn.execute(select(meta_table.c.value).where(meta_table.c.key == "schema_version")).first()
            version = int(row[0]) if row else SCHEMA_VERSION  # a new database is created current
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"the database has schema {version}, newer than this engine's {SCHEMA_VERSION}; upgrade"
                )
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](conn)
                version += 1
            if row:
                conn.execute(update(meta_table).where(meta_table.c.key == "schema_version").values(value=str(version)))
            else:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(meta_table).values(key="schema_version", value=str(version)))
                except IntegrityError:
                    pass  # another process created it first

    # --- collections -----------------------------------------------------------------------

    @_database_errors
    def create_collection(self, name: str) -> Collection:
        name = collection_name(name)
        self._refuse_look_alike(name, collection_id=None)
        now = _now()
        try:
            with self.engine.begin() as conn:
                new_id = conn.execute(
                    insert(collections_table).values(name=name, created_at=now, updated_at=now)
                ).inserted_primary_key[0]
        except IntegrityError as exc:
            raise StoreError(f"a collection named {name!r} already exists") from exc
        return Collection(new_id, name, 0, now)

    def _refuse_look_alike(self, name: str, collection_id: int | None) -> None:
        """Names that differ only in case are one name (the unique index compares exactly)."""
        for other in self.collections():
            if other.id != collection_id and other.name.casefold() == name.casefold():
                raise StoreError(f"a collection named {other.name!r} already exists")

    @_database_errors
    def rename_collection(self, collection_id: int, name: str) -> None:
        name = collection_name(name)
        self._refuse_look_alike(name, collection_id)
        try:
            with self.engine.begin() as conn:
                done = conn.execute(
                    update(collections_table)
                    .where(collections_table.c.id == collection_id)
                    .values(name=name, updated_at=_now())
                )
        except IntegrityError as exc:
            raise StoreError(f"a collection named {name!r} already exists") from exc
        if done.rowcount == 0:
            raise StoreError(f"no collection {collection_id}")

    @_database_errors
    def delete_collection(self, collection_id: int) -> None:
        with self.engine.begin() as conn:
            for table in (articles_table, overrides_table, settings_table):
                conn.execute(delete(table).where(table.c.collection_id == collection_id))
            conn.execute(delete(collections_table).where(collections_table.c.id == collection_id))

    @_database_errors
    def collections(self) -> list[Collection]:
        counts = (
            select(articles_table.c.collection_id, func.count().label("n"))
            .group_by(articles_table.c.collection_id)
            .subquery()
        )
        query = (
            select(
                collections_table.c.id,
                collections_table.c.name,
                func.coalesce(counts.c.n, 0),
                collections_table.c.updated_at,
            )
            .outerjoin(counts, counts.c.collection_id == collections_table.c.id)
            .order_by(collections_table.c.name)
        )
        with self.engine.connect() as conn:
            return [Collection(*row) for row in conn.execute(query)]

    # --- articles ------------------------------------------------------------------------------

    @_database_errors
    def add_articles(self, collection_id: int, articles: Iterable[Article]) -> list[str]:
        """Add articles; returns the ids they were stored under (``~N`` added to taken ids).

        Articles go in in batches of ``ADD_BATCH``, each its own short transaction, so other
        sessions' writes wait at most one batch. The ids the collection holds are read once per
        batch, so a thousand articles with one base id cost no more than any others; an id taken
        meanwhile by another session is retried with the next suffix. A collection deleted in the
        meantime stops the add with a ``StoreError`` saying how many were added before."""
        stored: list[str] = []
        iterator = iter(articles)
        while batch := list(itertools.islice(iterator, ADD_BATCH)):
            with self.engine.begin() as conn:
                if not self._exists(conn, collection_id):
                    gone = f"no collection {collection_id}: it does not exist (deleted by another session?)"
                    raise StoreError(f"{gone}; {len(stored)} article(s) were added before" if stored else gone)
                taken = set(
                    conn.execute(
                        select(articles_table.c.article_id).where(articles_table.c.collection_id == collection_id)
                    ).scalars()
                )
                for article in batch:
                    stored.append(self._insert(conn, collection_id, article, taken))
                conn.execute(
                    update(collections_table).where(collections_table.c.id == collection_id).values(updated_at=_now())
                )
        return stored

    @staticmethod
    def _exists(conn, collection_id: int) -> bool:
        query = select(collections_table.c.id).where(collections_table.c.id == collection_id)
        return conn.execute(query).first() is not None

    def _insert(self, conn, collection_id: int, article: Article, taken: set[str]) -> str:
        digest = content_hash(article)
        for _ in range(MAX_ID_RETRIES):
            ident = unique_id(article.id, taken)
            taken.add(ident)
            payload = json.dumps(asdict(article) | {"id": ident}, ensure_ascii=False)
            try:
                with conn.begin_nested():
                    conn.execute(
                        insert(articles_table).values(
                            collection_id=collection_id,
                            article_id=ident,
                            content_hash=digest,
                            payload=payload,
                            added_at=_now(),
                        )
                    )
                return ident
            except IntegrityError:
                if not self._exists(conn, collection_id):
                    raise StoreError(
                        f"the collection {collection_id} was deleted while articles were being added"
                    ) from None
                continue  # another session took this id meanwhile: the next suffix
        raise StoreError(f"{article.id}: another session kept taking the same ids; try again")

    @_database_errors
    def update_articles(self, collection_id: int, articles: Iterable[Article]) -> int:
        """Store new metadata of articles the collection holds (matched by id): the user's event
        call, an edited outlet or date. Returns how many were updated."""
        done = 0
        with self.engine.begin() as conn:
            for article in articles:
                result = conn.execute(
                    update(articles_table)
                    .where(articles_table.c.collection_id == collection_id, articles_table.c.article_id == article.id)
                    .values(
                        content_hash=content_hash(article),
                        payload=json.dumps(asdict(article), ensure_ascii=False),
                    )
                )
                done += result.rowcount
        return done

    @_database_errors
    def remove_articles(self, collection_id: int, ids: set[str]) -> int:
        with self.engine.begin() as conn:
            done = conn.execute(
                delete(articles_table).where(
                    articles_table.c.collection_id == collection_id, articles_table.c.article_id.in_(sorted(ids))
                )
            )
        return done.rowcount

    @_database_errors
    def articles(self, collection_id: int) -> list[Article]:
        query = (
            select(articles_table.c.payload)
            .where(articles_table.c.collection_id == collection_id)
            .order_by(articles_table.c.id)
        )
        with self.engine.connect() as conn:
            return [article_from_dict(json.loads(row[0])) for row in conn.execute(query)]

    # --- corrections -------------------------------------------------------------------------------

    @_database_errors
    def overrides(self, collection_id: int) -> tuple[tuple[str, str], ...]:
        """The collection's corrections of loaded wording, as ``Config.loaded_overrides``."""
        query = (
            select(overrides_table.c.phrase, overrides_table.c.action)
            .where(overrides_table.c.collection_id == collection_id)
            .order_by(overrides_table.c.phrase)
        )
        with self.engine.connect() as conn:
            return tuple((row[0], row[1]) for row in conn.execute(query))

    @_database_errors
    def set_overrides(self, collection_id: int, overrides: Iterable[tuple[str, str]]) -> None:
        """Replace the collection's corrections (one transaction)."""
        rows = [{"collection_id": collection_id, "phrase": p, "action": a} for p, a in dict(overrides).items()]
        if any(len(r["phrase"]) > MAX_PHRASE_CHARS for r in rows):
            raise StoreError(f"a corrected phrase is longer than {MAX_PHRASE_CHARS} characters")
        with self.engine.begin() as conn:
            if not self._exists(conn, collection_id):
                raise StoreError(f"no collection {collection_id}")
            conn.execute(delete(overrides_table).where(overrides_table.c.collection_id == collection_id))
            if rows:
                conn.execute(insert(overrides_table), rows)

    @_database_errors
    def setting(self, collection_id: int, key: str):
        """A collection's setting (any JSON value), or None when it has none."""
        query = select(settings_table.c.value).where(
            settings_table.c.collection_id == collection_id, settings_table.c.key == key
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else json.loads(row[0])

    @_database_errors
    def set_setting(self, collection_id: int, key: str, value) -> None:
        """Store a collection's setting (JSON); None removes it."""
        with self.engine.begin() as conn:
            if not self._exists(conn, collection_id):
                raise StoreError(f"no collection {collection_id}")
            conn.execute(
                delete(settings_table).where(
                    settings_table.c.collection_id == collection_id, settings_table.c.key == key
                )
            )
            if value is not None:
                conn.execute(
                    insert(settings_table).values(
                        collection_id=collection_id, key=key, value=json.dumps(value, ensure_ascii=False)
                    )
                )

    # --- score cache -----------------------------------------------------------------------------

    @_database_errors
    def score(self, article: Article, config: Config = DEFAULT_CONFIG, compute=None) -> ArticleReport:
        """The article's scores from the cache, or scored now and cached, keyed by its content and
        the engine fingerprint (a new version, setting or lexicon misses the cache). ``compute``
        gives the scores on a miss when the caller holds them already (default: score now)."""
        from .pipeline import score_article

        key = {"content_hash": content_hash(article), "fingerprint": engine_fingerprint(config)}
        query = select(scores_table.c.report).filter_by(**key)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is not None:
            return for_article(ArticleReport.from_dict(json.loads(row[0])), article)
        report = compute() if compute is not None else score_article(article, config)
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(scores_table).values(**key, report=json.dumps(report.to_dict(), ensure_ascii=False))
                )
        except IntegrityError:
            pass  # scored by another session at the same time: same content, same result
        return for_article(report, article)
