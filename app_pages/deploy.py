"""Deployment wiring: secrets, the settings a deployment may adjust, and the collection store."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

import framing
from framing.config import LOADING_LIMITS
from framing.fetch import FetchPolicy

# Where collections are kept when no database is configured in secrets ([connections.framing]
# url = "postgresql+psycopg://…"): a SQLite file, FRAMING_DB to move it.
DEFAULT_DB = Path.home() / ".local" / "share" / "framing" / "framing.db"
# Articles a collection (the session's or a saved one) may hold, unless secrets say otherwise:
# the Overview renders 200 articles in 1.5 s and comparison runs O(n log n) per article, so
# 5,000 keeps one collection usable while bounding what one visitor can make the server hold.
MAX_COLLECTION_ARTICLES = 5000
# Collections the Overview sets against the event model (framing.compare: 500 articles compare in
# about 25 s, once per collection); above it the medians are over all articles, and it says so.
MAX_COMPARED_ARTICLES = 500


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


def max_compared_articles() -> int:
    return int(secret_section("framing").get("max_compared_articles", MAX_COMPARED_ARTICLES))


def fetch_policy() -> FetchPolicy:
    """Add-by-URL limits; [framing] fetch_allow_networks opens trusted non-public networks."""
    section = secret_section("framing")
    return FetchPolicy(
        allow_networks=tuple(section.get("fetch_allow_networks", ())), ca_file=section.get("fetch_ca_file")
    )


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
