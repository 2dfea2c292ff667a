"""The session's collection: its articles, the inputs that failed, and saving and opening
saved collections. Uploads stay private to the browser session until saved."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import framing
from app_pages import deploy
from framing.corpus import Article, LoadError, edit_metadata, unique_id
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


SEED_NAME = "Seed collection"
NEW_NAME = "New collection (not saved)"


def reset_to_seeds() -> None:
    seeds, errors = seed_collection()
    _start(SEED_NAME)
    st.session_state["articles"] = list(seeds)
    st.session_state["load_errors"] = list(errors)


def _start(name: str) -> None:
    """A fresh collection in this session: no saved collection open, no corrections or actor edits."""
    for key in ("collection", "saved_hashes", "actor_specs"):
        st.session_state.pop(key, None)
    st.session_state["loaded_overrides"] = ()
    st.session_state["collection_label"] = name
    st.session_state["articles"] = []
    st.session_state["load_errors"] = []


def start_new(new_articles: list[Article], errors: list[LoadError]) -> list[Article]:
    """Begin a new (unsaved) collection with these articles; returns them as added."""
    _start(NEW_NAME)
    return add(new_articles, errors)


def name() -> str:
    """The name of the collection this session works on: the saved collection's, else what it is."""
    articles()
    opened = st.session_state.get("collection")
    return opened[1] if opened else st.session_state.get("collection_label", SEED_NAME)


def collection_id() -> int | None:
    opened = st.session_state.get("collection")
    return opened[0] if opened else None


def overrides() -> tuple[tuple[str, str], ...]:
    """The collection's corrections of loaded wording ("not loaded here", "loaded")."""
    return st.session_state.get("loaded_overrides", ())


def config(corrections: tuple[tuple[str, str], ...] | None = None) -> framing.Config:
    """The scoring configuration of this session's collection (or of one with ``corrections``):
    the deployment's, with the collection's corrections (they change its scores and so its cache
    keys, no one else's)."""
    return deploy.config().with_(loaded_overrides=overrides() if corrections is None else corrections)


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
    detection)."""
    update_metadata({article_id: {"event": choice}})


def update_metadata(changes: dict[str, dict[str, object]]) -> None:
    """The user's metadata edits by article id (``framing.corpus.EDITABLE_METADATA``); what depends
    on them is rescored, as every cache key holds the article's content. Raises InputError for a
    value that is not a date, language code or event call, and then changes nothing. Written
    through to the open saved collection when this user may edit it."""
    from app_pages import access

    edited = {a.id: edit_metadata(a, changes[a.id]) for a in articles() if a.id in changes}
    st.session_state["articles"] = [edited.get(a.id, a) for a in articles()]
    opened = st.session_state.get("collection")
    if edited and opened and access.can_edit():
        deploy.store().update_articles(opened[0], list(edited.values()))
        st.session_state["saved_hashes"] = saved_hashes() | {content_hash(a) for a in edited.values()}


def event_calls() -> tuple[tuple[str, str], ...]:
    """The user's event calls in this collection, as part of every cache key that depends on them."""
    return calls_of(articles())


def calls_of(items) -> tuple[tuple[str, str], ...]:
    return tuple((a.id, a.event) for a in items if a.event)


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
    db = deploy.store()
    stored = db.articles(collection_id)
    st.session_state["articles"] = stored
    st.session_state["load_errors"] = []
    st.session_state["collection"] = (collection_id, name)
    st.session_state["saved_hashes"] = frozenset(content_hash(a) for a in stored)
    st.session_state["loaded_overrides"] = db.overrides(collection_id)
    set_actor_specs(_specs_from_json(db.setting(collection_id, ACTORS_SETTING)), write_through=False)


ACTORS_SETTING = "actors"


def _specs_from_json(value):
    from framing.compare.actors import ActorSpec

    if not value:
        return None
    return [ActorSpec(str(a["name"]), str(a["kind"]), tuple(str(x) for x in a["aliases"])) for a in value]


def _specs_to_json(specs) -> list[dict] | None:
    return None if specs is None else [{"name": s.name, "kind": s.kind, "aliases": list(s.aliases)} for s in specs]


def set_actor_specs(specs, write_through: bool = True) -> None:
    """The user's actor list (None: the automatic one). Written through to the open saved
    collection when this user may edit it."""
    from app_pages import access

    if specs is None:
        st.session_state.pop("actor_specs", None)
    else:
        st.session_state["actor_specs"] = specs
    opened = st.session_state.get("collection")
    if write_through and opened and access.can_edit():
        deploy.store().set_setting(opened[0], ACTORS_SETTING, _specs_to_json(specs))


def save_to_collection(collection_id: int) -> list[str]:
    """Save the session's collection. To the collection it opened: the stored one becomes the
    session's (articles removed here are removed there, edited ones updated, new ones added,
    with the corrections and the actor list). To another collection: the articles it does not
    hold yet (by content) are added, and this session's corrections and actor list join its.
    The session then works on the collection as stored. Returns the ids of the articles added.
    Raises StoreError when the collection would grow
    past its limit."""
    db = deploy.store()
    stored = db.articles(collection_id)
    opened = st.session_state.get("collection")
    mirror = bool(opened) and opened[0] == collection_id
    if mirror:
        ids = {a.id for a in articles()}
        held_ids = {a.id for a in stored}
        new = [a for a in articles() if a.id not in held_ids]
        kept = len(held_ids & ids)
    else:
        held = {content_hash(a) for a in stored}
        new = [a for a in articles() if content_hash(a) not in held]
        kept = len(stored)
    limit = deploy.max_collection_articles()
    if kept + len(new) > limit:
        raise framing.StoreError(f"the collection would hold {kept + len(new):,} articles, over the limit of {limit:,}")
    if mirror:
        db.remove_articles(collection_id, held_ids - ids)
        db.update_articles(collection_id, [a for a in articles() if a.id in held_ids])
        merged = overrides()
    else:
        db.update_articles(collection_id, [a for a in articles() if content_hash(a) in held])  # calls made here
        merged = tuple(sorted({**dict(db.overrides(collection_id)), **dict(overrides())}.items()))
    added = db.add_articles(collection_id, new)
    db.set_overrides(collection_id, merged)
    st.session_state["loaded_overrides"] = merged
    if mirror or actor_specs() is not None:
        db.set_setting(collection_id, ACTORS_SETTING, _specs_to_json(actor_specs()))
    name = next((c.name for c in db.collections() if c.id == collection_id), str(collection_id))
    open_collection(collection_id, name)  # the session now works on the collection as stored
    return added
