"""Session state, caching and navigation shared by the pages. Holds no scoring logic.

The collection (a list of ``Article``) lives in the user's session: uploads stay private to
it. Scores are cached per article by a hash of the article's content and metadata, the
configuration and the engine version, so reruns and other sessions never rescore the same
text; the collection-level report (with relative framing) is cached by its articles' keys.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import asdict, replace
from pathlib import Path

import streamlit as st

import framing
from framing.compare import relative_framing
from framing.config import LOADING_LIMITS
from framing.corpus import Article, LoadError
from framing.fetch import FetchPolicy
from framing.render import article_labels
from framing.report import ENGINE_VERSION, ArticleReport, Report

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAGES = {
    "overview": "app_pages/overview.py",
    "article": "app_pages/article.py",
    "compare": "app_pages/compare.py",
    "relations": "app_pages/relations.py",
    "actors": "app_pages/actors.py",
    "data": "app_pages/data.py",
    "methods": "app_pages/methods.py",
}
# Where collections are kept when no database is configured in secrets ([connections.framing]
# url = "postgresql+psycopg://…"): a SQLite file, FRAMING_DB to move it.
DEFAULT_DB = Path.home() / ".local" / "share" / "framing" / "framing.db"
# Articles scored and kept in the shared cache; a few hundred collections' worth.
SCORE_CACHE_ENTRIES = 20_000


# Articles a collection (the session's or a saved one) may hold, unless secrets say otherwise:
# the Overview renders 200 articles in 1.5 s and comparison runs O(n log n) per article, so
# 5,000 keeps one collection usable while bounding what one visitor can make the server hold.
MAX_COLLECTION_ARTICLES = 5000


def secret_section(name: str) -> dict:
    """A section of secrets.toml as a plain dict; empty when there is no secrets file."""
    try:
        return dict(st.secrets.get(name, {}))
    except Exception:  # no secrets file at all
        return {}


def config() -> framing.Config:
    """The packaged configuration, with the loading limits a deployment set in [framing]."""
    section = secret_section("framing")
    return framing.DEFAULT_CONFIG.with_(**{k: int(section[k]) for k in LOADING_LIMITS if k in section})


def max_collection_articles() -> int:
    return int(secret_section("framing").get("max_collection_articles", MAX_COLLECTION_ARTICLES))


def fetch_policy() -> FetchPolicy:
    """Add-by-URL limits; [framing] fetch_allow_networks opens trusted non-public networks."""
    section = secret_section("framing")
    return FetchPolicy(
        allow_networks=tuple(section.get("fetch_allow_networks", ())), ca_file=section.get("fetch_ca_file")
    )


@st.cache_resource(show_spinner=False)
def seed_collection() -> tuple[tuple[Article, ...], tuple[LoadError, ...]]:
    result = framing.load_paths([SEEDS], framing.DEFAULT_CONFIG)
    return tuple(result.articles), tuple(result.errors)


def _secrets_configured() -> bool:
    return "framing" in secret_section("connections")


@st.cache_resource(show_spinner=False)
def _store(url: str | None):
    from framing.store import Store

    if url is None:
        return Store(engine=st.connection("framing", type="sql").engine)
    Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    return Store(engine=st.connection("framing", type="sql", url=url).engine)


def store():
    """The collection store: the database configured in secrets, else the local SQLite file."""
    if _secrets_configured():
        return _store(None)
    return _store(f"sqlite:///{os.environ.get('FRAMING_DB', DEFAULT_DB)}")


def open_collection(collection_id: int, name: str) -> None:
    st.session_state["articles"] = store().articles(collection_id)
    st.session_state["load_errors"] = []
    st.session_state["collection"] = (collection_id, name)


def open_from_link() -> None:
    """Open the saved collection named in the address (``?collection=ID``), so a link can share it."""
    wanted = st.query_params.get("collection")
    if wanted is None:
        return
    opened = st.session_state.get("collection")
    if opened and str(opened[0]) == wanted:
        return
    found = next((c for c in store().collections() if str(c.id) == wanted), None)
    if found is None:
        st.warning(
            f"There is no saved collection {md(wanted)} (it may have been deleted); showing this session's articles."
        )
        st.query_params.pop("collection")
        return
    open_collection(found.id, found.name)


def save_to_collection(collection_id: int) -> list[str]:
    """Store the session's articles that the collection does not hold yet (by content).
    Raises ValueError when the collection would grow past its limit."""
    from framing.store import content_hash

    db = store()
    held = {content_hash(a) for a in db.articles(collection_id)}
    new = [a for a in articles() if content_hash(a) not in held]
    limit = max_collection_articles()
    if len(held) + len(new) > limit:
        raise ValueError(
            f"the collection holds {len(held):,} articles; adding {len(new):,} would pass the limit of {limit:,}"
        )
    return db.add_articles(collection_id, new)


@functools.lru_cache(maxsize=SCORE_CACHE_ENTRIES)
def _content_digest(article: Article) -> str:
    """SHA-256 of an article's content and metadata, computed once per article object."""
    return hashlib.sha256(json.dumps(asdict(article), sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def article_keys(items) -> tuple[str, ...]:
    """Cache keys of articles' scores: content, configuration and engine version."""
    salt = (config().fingerprint() + ENGINE_VERSION).encode()
    return tuple(hashlib.sha256(_content_digest(a).encode() + salt).hexdigest() for a in items)


@st.cache_resource(show_spinner=False, max_entries=SCORE_CACHE_ENTRIES)
def _score(key: str, _article: Article) -> ArticleReport:
    return framing.score_article(_article, config())


def score(article: Article) -> ArticleReport:
    return _score(article_keys([article])[0], article)


@st.cache_resource(show_spinner=False, max_entries=64)
def _collection_report(keys: tuple[str, ...], _articles: tuple[Article, ...], _errors: tuple[LoadError, ...]) -> Report:
    reports = [_score(k, a) for k, a in zip(keys, _articles, strict=True)]
    return Report(tuple(relative_framing(reports)), _errors, config_fingerprint=config().fingerprint())


@st.cache_resource(show_spinner=False, max_entries=64)
def _figure(keys: tuple[str, ...], name: str, args: tuple, _report: Report):
    from framing import charts

    return getattr(charts, name)(_report, *args)


def figure(rep: Report, name: str, *args):
    """A chart of framing.charts for the session's collection, built once per collection and arguments
    (thousands of articles take seconds to chart; every click reruns the page)."""
    return _figure(article_keys(articles()), name, args, rep)


def clickable_chart(rep: Report, key: str, name: str, *args) -> None:
    """A chart whose points open their article's drill-down when clicked."""
    event = st.plotly_chart(
        figure(rep, name, *args), on_select="rerun", selection_mode="points", key=f"{key}-{nonce()}"
    )
    if target := selected_article(event):
        open_article(target)


def download(where, name: str, make, key: str) -> None:
    """A download button whose file is built only when it is clicked: exporting a large collection
    takes seconds, and every rerun of the page would otherwise pay for every file."""
    mime = "application/json" if name.endswith(".json") else "text/csv"
    where.download_button(name, make, name, mime, key=key)


_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~$:&")


def md(text: object) -> str:
    """User text made inert for Streamlit markdown: every markdown/HTML special is escaped."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in str(text))


@st.cache_resource(show_spinner="Comparing the articles…", max_entries=32)
def _comparison(keys: tuple[str, ...], actors_key: str, _report: Report, _actors):
    from framing.compare import compare

    return compare(_report, config(), actors=_actors)


def actor_specs():
    """The user's edited actor list for this session, or None for the automatic one."""
    return st.session_state.get("actor_specs")


def comparison(rep: Report):
    specs = actor_specs()
    actors_key = "auto" if specs is None else json.dumps([asdict(s) for s in specs], sort_keys=True)
    return _comparison(article_keys(articles()), actors_key, rep, specs)


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


def add(new_articles: list[Article], errors: list[LoadError]) -> list[Article]:
    """Add articles to the session's collection (ids made unique) up to its size limit; the
    articles past the limit become errors. Returns the articles added, as stored."""
    existing = articles()
    room = max(0, max_collection_articles() - len(existing))
    if len(new_articles) > room:
        errors = [
            *errors,
            *(
                LoadError(
                    a.source, f"not added: the collection is at its limit of {max_collection_articles():,} articles"
                )
                for a in new_articles[room:]
            ),
        ]
        new_articles = new_articles[:room]
    taken = {a.id for a in existing}
    start = len(existing)
    for article in new_articles:
        ident, n = article.id, 1
        while ident in taken:
            n += 1
            ident = f"{article.id}~{n}"
        taken.add(ident)
        existing.append(article if ident == article.id else replace(article, id=ident))
    st.session_state["load_errors"] = load_errors() + list(errors)
    return existing[start:]


def remove(ids: set[str]) -> None:
    st.session_state["articles"] = [a for a in articles() if a.id not in ids]


def report() -> Report:
    current = tuple(articles())
    errors = tuple(load_errors())
    return _collection_report(article_keys(current), current, errors)


def open_article(article_id: str, sentence: int | None = None) -> None:
    """Go to the drill-down of an article (at a sentence); the ids travel in the URL so the link can be shared."""
    st.session_state["nav_nonce"] = st.session_state.get("nav_nonce", 0) + 1
    query = {"article": article_id, **({"sentence": str(sentence)} if sentence is not None else {})}
    st.switch_page(PAGES["article"], query_params=query)


def nonce() -> int:
    """Changes on every navigation, so chart selections do not survive a return to the page."""
    return st.session_state.get("nav_nonce", 0)


def selected_point(event) -> list | None:
    """The customdata of the first selected point of a plotly selection event, if any."""
    if not event:
        return None
    points = event.get("selection", {}).get("points", []) if isinstance(event, dict) else event.selection.points
    for point in points:
        custom = point.get("customdata")
        if custom:
            return custom
    return None


def selected_article(event) -> str | None:
    """The article id of the first point of a plotly selection event, if any."""
    custom = selected_point(event)
    return custom[0] if custom else None


def empty_state() -> None:
    st.info("The collection is empty. Add articles on the Data page, or go back to the seed collection.")
    left, right = st.columns([1, 3])
    left.page_link(PAGES["data"], label="Add articles", icon=":material/upload:")
    if right.button("Reset to the seed collection", key="empty_reset"):
        reset_to_seeds()
        st.rerun()
    st.stop()


def _sync_param(param: str, key: str) -> None:
    st.query_params[param] = st.session_state[key]
    if param == "article":  # a sentence focus belongs to the article it was set for
        st.query_params.pop("sentence", None)


def pick_article(rep: Report, label: str, param: str, key: str, default_index: int = 0) -> ArticleReport:
    """A select box bound to a URL query parameter (the source of truth), so a choice can be shared."""
    ids = [r.article.id for r in rep.articles]
    names = article_labels(rep)
    wanted = st.query_params.get(param)
    if wanted not in ids:
        wanted = ids[min(default_index, len(ids) - 1)]
    st.session_state[key] = wanted
    if st.query_params.get(param) != wanted:
        st.query_params[param] = wanted
    st.selectbox(
        label, ids, format_func=lambda i: f"{names[i]} · {i}", key=key, on_change=_sync_param, args=(param, key)
    )
    return rep.get(wanted)
