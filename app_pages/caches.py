"""The dashboard's shared caches: scores per article, the collection's report, charts and the
comparison. Every key is built from ``framing.score_key`` (the article's content and the engine
fingerprint: package version, scoring settings, lexicon versions and contents), so a new
engine, setting or lexicon invalidates every cache at once. Scores of a saved collection's
articles also go to the database's score cache and survive a restart of the server.
"""

from __future__ import annotations

import functools
import json
from dataclasses import asdict, replace

import streamlit as st

import framing
from app_pages import deploy, session
from framing.corpus import Article
from framing.fingerprint import content_hash
from framing.report import ArticleReport, Report, with_id

# Articles scored and kept in the shared cache; a few hundred collections' worth.
SCORE_CACHE_ENTRIES = 20_000

# Hashing an article's content costs a JSON dump of its text: once per article object.
_score_key = functools.lru_cache(maxsize=SCORE_CACHE_ENTRIES)(framing.score_key)


def article_keys(items) -> tuple[str, ...]:
    """The score-cache keys of articles (content + engine fingerprint; not the id)."""
    fingerprint = framing.engine_fingerprint(deploy.config())
    return tuple(_score_key(a, fingerprint) for a in items)


def collection_key(items) -> tuple[tuple[str, str], ...]:
    """The key of collection-level caches: each article's id and score key, in order."""
    return tuple(zip((a.id for a in items), article_keys(items), strict=True))


@st.cache_resource(show_spinner=False, max_entries=SCORE_CACHE_ENTRIES)
def _score(key: str, _article: Article) -> ArticleReport:
    return framing.score_article(_article, deploy.config())


@st.cache_resource(show_spinner=False, max_entries=SCORE_CACHE_ENTRIES)
def _saved_score(key: str, database: str, _article: Article) -> ArticleReport:
    """A saved collection's article: from the database's score cache, else from memory (or scored)
    and written there, so the scores outlive the server process."""
    return deploy.store().score(_article, deploy.config(), compute=lambda: _score(key, _article))


def _scored(key: str, article: Article, saved: frozenset[str]) -> ArticleReport:
    if saved and content_hash(article) in saved:
        return with_id(_saved_score(key, deploy.store().engine.url.render_as_string(), article), article.id)
    return with_id(_score(key, article), article.id)


def score(article: Article) -> ArticleReport:
    return _scored(article_keys([article])[0], article, session.saved_hashes())


@st.cache_resource(show_spinner=False, max_entries=64)
def _collection_report(
    key: tuple[tuple[str, str], ...], saved: frozenset[str], _articles: tuple[Article, ...]
) -> Report:
    """``saved`` is part of the key: once articles are saved, their scores go to the database."""
    scored = [_scored(k, a, saved) for (_, k), a in zip(key, _articles, strict=True)]
    return framing.assemble_report(scored, (), deploy.config())


def report() -> Report:
    """The session's report: the shared, cached scores with this session's own load errors (which
    never enter a shared cache)."""
    current = tuple(session.articles())
    shared = _collection_report(collection_key(current), session.saved_hashes(), current)
    return replace(shared, errors=tuple(session.load_errors()))


@st.cache_resource(show_spinner=False, max_entries=64)
def _figure(key: tuple, name: str, args: tuple, _report: Report):
    from framing import charts

    return getattr(charts, name)(_report, *args)


def figure(rep: Report, name: str, *args):
    """A chart of framing.charts for the session's collection, built once per collection and arguments
    (thousands of articles take seconds to chart; every click reruns the page)."""
    return _figure(collection_key(session.articles()), name, args, rep)


@st.cache_resource(show_spinner="Comparing the articles…", max_entries=32)
def _comparison(key: tuple, actors_key: str, _report: Report, _actors):
    from framing.compare import compare

    return compare(_report, deploy.config(), actors=_actors)


def comparison(rep: Report):
    specs = session.actor_specs()
    actors_key = "auto" if specs is None else json.dumps([asdict(s) for s in specs], sort_keys=True)
    return _comparison(collection_key(session.articles()), actors_key, rep, specs)
