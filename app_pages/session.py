"""The session's collection: its articles, the inputs that failed, and saving and opening
saved collections. Uploads stay private to the browser session until saved."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import framing
from app_pages import deploy
from framing.corpus import Article, LoadError, unique_id
from framing.fingerprint import content_hash

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@st.cache_resource(show_spinner=False)
def seed_collection() -> tuple[tuple[Article, ...], tuple[LoadError, ...]]:
    result = framing.load_paths([SEEDS], framing.DEFAULT_CONFIG)
    return tuple(result.articles), tuple(result.errors)


def articles() -> list[Article]:
    if "articles" not in st.session_state:
        reset_to_seeds()
    return st.session_state["articles"]


def load_errors() -> list[LoadError]:
    articles()
    return st.session_state["load_errors"]


def reset_to_seeds() -> None:
    seeds, errors = seed_collection()
    st.session_state["articles"] = list(seeds)
    st.session_state["load_errors"] = list(errors)
    st.session_state["loaded_overrides"] = ()


def overrides() -> tuple[tuple[str, str], ...]:
    """The collection's corrections of loaded wording ("not loaded here", "loaded")."""
    return st.session_state.get("loaded_overrides", ())


def config() -> framing.Config:
    """The scoring configuration of this session's collection: the deployment's, with the
    collection's corrections (they change its scores and so its cache keys, no one else's)."""
    return deploy.config().with_(loaded_overrides=overrides())


def correct(phrase: str, action: str | None) -> None:
    """Mark ``phrase`` "not_loaded" or "loaded" in this collection (None: undo). Written through
    to the open saved collection when this user may edit it. Raises InputError for a bad phrase."""
    from app_pages import access
    from framing.scorers.loaded import with_override

    st.session_state["loaded_overrides"] = with_override(overrides(), phrase, action)
    opened = st.session_state.get("collection")
    if opened and access.can_edit():
        deploy.store().set_overrides(opened[0], overrides())


def add(new_articles: list[Article], errors: list[LoadError]) -> list[Article]:
    """Add articles to the session's collection (ids made unique) up to its size limit; the
    articles past the limit become errors. Returns the articles added, as stored."""
    from dataclasses import replace

    existing = articles()
    limit = deploy.max_collection_articles()
    room = max(0, limit - len(existing))
    if len(new_articles) > room:
        errors = [
            *errors,
            *(
                LoadError(a.source, f"not added: the collection is at its limit of {limit:,} articles")
                for a in new_articles[room:]
            ),
        ]
        new_articles = new_articles[:room]
    taken = {a.id for a in existing}
    start = len(existing)
    for article in new_articles:
        ident = unique_id(article.id, taken)
        taken.add(ident)
        existing.append(article if ident == article.id else replace(article, id=ident))
    st.session_state["load_errors"] = load_errors() + list(errors)
    return existing[start:]


def set_event(article_id: str, choice: str | None) -> None:
    """The user's call on an article's event ("same", "related", "different"; None leaves it to the
    detection). Written through to the open saved collection when this user may edit it."""
    from dataclasses import replace

    from app_pages import access

    changed = [replace(a, event=choice) if a.id == article_id else a for a in articles()]
    st.session_state["articles"] = changed
    opened = st.session_state.get("collection")
    if opened and access.can_edit():
        deploy.store().update_articles(opened[0], [a for a in changed if a.id == article_id])


def event_calls() -> tuple[tuple[str, str], ...]:
    """The user's event calls in this collection, as part of every cache key that depends on them."""
    return tuple((a.id, a.event) for a in articles() if a.event)


def remove(ids: set[str]) -> None:
    st.session_state["articles"] = [a for a in articles() if a.id not in ids]


def actor_specs():
    """The user's edited actor list for this session, or None for the automatic one."""
    return st.session_state.get("actor_specs")


def saved_hashes() -> frozenset[str]:
    """Content hashes of the open saved collection's articles: their scores are kept in the
    database's score cache, so they survive a restart of the server; the session's own uploads
    never are."""
    return st.session_state.get("saved_hashes", frozenset())


def open_collection(collection_id: int, name: str) -> None:
    stored = deploy.store().articles(collection_id)
    st.session_state["articles"] = stored
    st.session_state["load_errors"] = []
    st.session_state["collection"] = (collection_id, name)
    st.session_state["saved_hashes"] = frozenset(content_hash(a) for a in stored)
    st.session_state["loaded_overrides"] = deploy.store().overrides(collection_id)


def save_to_collection(collection_id: int) -> list[str]:
    """Store the session's articles that the collection does not hold yet (by content).
    Raises StoreError when the collection would grow past its limit."""
    db = deploy.store()
    held = {content_hash(a) for a in db.articles(collection_id)}
    new = [a for a in articles() if content_hash(a) not in held]
    limit = deploy.max_collection_articles()
    if len(held) + len(new) > limit:
        raise framing.StoreError(
            f"the collection holds {len(held):,} articles; adding {len(new):,} would pass the limit of {limit:,}"
        )
    stored = db.add_articles(collection_id, new)
    db.update_articles(collection_id, [a for a in articles() if content_hash(a) in held])  # calls made here
    merged = tuple(sorted({**dict(db.overrides(collection_id)), **dict(overrides())}.items()))
    db.set_overrides(collection_id, merged)  # the collection's corrections and this session's
    st.session_state["loaded_overrides"] = merged
    st.session_state["saved_hashes"] = frozenset(held | {content_hash(a) for a in new})  # the session now works on it
    return stored
