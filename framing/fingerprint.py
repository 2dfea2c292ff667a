"""The engine fingerprint: one key for every cache of scores.

A score depends on the text, the engine's code, the configuration and the packaged lexicons and
word lists. ``engine_fingerprint(config)`` hashes the last three (the package version, every
scoring setting of the ``Config``, and each packaged lexicon file's name, declared version and
content hash), and ``score_key(article, fingerprint)`` adds the article's content. The
dashboard's score cache, the database's score cache and the collection-level caches built on
them are all keyed by it, so a new engine version, a changed setting or an edited lexicon
rescoring everything is a property of the key, not something to remember.

Computing the fingerprint parses every packaged lexicon, so a malformed one fails loudly (with
file, line and problem) the first time anything is scored or cached, in the library, the CLI
and the dashboard alike.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import asdict

from .config import LOADING_SETTINGS, Config
from .corpus import Article
from .lexicon import available_lexicons, load_lexicon, packaged_files
from .version import __version__


@functools.cache
def lexicon_manifest() -> tuple[tuple[str, str, str], ...]:
    """(file name, declared version, SHA-256 of the content) of every packaged lexicon and word
    list, parsing each lexicon (a malformed one raises ``LexiconError``). Word lists have no
    version header: their content hash stands for it."""
    versions = {f"{name}.tsv": load_lexicon(name).version for name in available_lexicons()}
    return tuple(
        (name, versions.get(name, "-"), hashlib.sha256(content).hexdigest()) for name, content in packaged_files()
    )


def scoring_settings(config: Config) -> dict[str, object]:
    """Every setting of ``config`` that can change a score (the loading limits decide only
    whether an input is accepted, so a deployment may change them without rescoring)."""
    return {k: v for k, v in asdict(config).items() if k not in LOADING_SETTINGS}


@functools.lru_cache(maxsize=64)
def engine_fingerprint(config: Config) -> str:
    """A short stable hash of the package version, the scoring settings and the lexicons."""
    blob = json.dumps(
        {"version": __version__, "config": scoring_settings(config), "lexicons": lexicon_manifest()},
        sort_keys=True,
    ).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def content_hash(article: Article) -> str:
    """SHA-256 of an article's content and metadata, its id and event call left out: the same
    text under another id is the same article (for de-duplication and for the score caches)."""
    fields = asdict(article) | {"id": None}
    del fields["event"]  # the user's call on the event model: the comparison's input, not the article's
    blob = json.dumps(fields, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()


def score_key(article: Article, fingerprint: str) -> str:
    """The key of an article's scores in every cache: its content and the engine fingerprint."""
    return hashlib.sha256(f"{content_hash(article)}:{fingerprint}".encode()).hexdigest()
