"""Shared fixtures. The whole suite runs with the network blocked: any socket connection to an
address outside the loopback range fails the test that made it."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The seed articles' ids, by their number: S000 the content-site rewrite … S004 the German report.
S000, S001, S002, S003, S004 = (
    "000_e191cd35296de808",
    "001_7e04422d48fc93a1",
    "002_3bc9e1120b13250d",
    "003_c0d9206cdab6ac5a",
    "004_2eb790ead53fdb39",
)
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"


class NetworkBlocked(RuntimeError):
    pass


def _is_local(address) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True, scope="session")
def _block_network():
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex
    original_getaddrinfo = socket.getaddrinfo

    def guarded_connect(self, address):
        if not _is_local(address):
            raise NetworkBlocked(f"test tried to reach the network: {address!r}")
        return original_connect(self, address)

    def guarded_connect_ex(self, address):
        if not _is_local(address):
            raise NetworkBlocked(f"test tried to reach the network: {address!r}")
        return original_connect_ex(self, address)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if host not in (None, "localhost") and not _is_local((host,)):
            raise NetworkBlocked(f"test tried to resolve {host!r}")
        return original_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = guarded_connect
    socket.socket.connect_ex = guarded_connect_ex
    socket.getaddrinfo = guarded_getaddrinfo
    yield
    socket.socket.connect = original_connect
    socket.socket.connect_ex = original_connect_ex
    socket.getaddrinfo = original_getaddrinfo


@pytest.fixture(autouse=True, scope="session")
def _private_embedding_cache(tmp_path_factory):
    """The tests' sentence embeddings are cached in a folder of their own, never the user's."""
    import os

    os.environ["FRAMING_CACHE"] = str(tmp_path_factory.mktemp("cache") / "embeddings.sqlite3")
    yield


@pytest.fixture(autouse=True)
def _private_collection_store(tmp_path, monkeypatch):
    """Every test that opens the dashboard gets its own collections database, never the user's."""
    monkeypatch.setenv("FRAMING_DB", str(tmp_path / "collections.db"))


@pytest.fixture(scope="session")
def seed_report():
    import framing

    return framing.analyze([SEEDS])


@pytest.fixture(scope="session")
def seed(seed_report):
    """The ArticleReport of a seed by its number prefix: seed('000')."""

    def get(prefix: str):
        return next(r for r in seed_report.articles if r.article.id.startswith(prefix))

    return get


def doc_of(text: str, language: str = "en", title: str | None = None):
    from framing.config import DEFAULT_CONFIG
    from framing.text import make_doc

    return make_doc(text, language, title, DEFAULT_CONFIG)


def score_seeds(tmp_path, prefix: str, *extra: str) -> dict[str, Path]:
    """Run ``framing score`` on the seeds into three CSVs (articles, sentences, spans)."""
    from framing.cli import main

    out = {t: tmp_path / f"{prefix}{t}.csv" for t in ("articles", "sentences", "spans")}
    argv = [
        "score",
        str(SEEDS),
        "--out",
        str(out["articles"]),
        "--sentences",
        str(out["sentences"]),
        "--spans",
        str(out["spans"]),
        "-q",
        *extra,
    ]
    assert main(argv) == 0
    return out


def clear_lexicon_caches() -> None:
    """Forget every lexicon, word list and fingerprint read so far (they are cached for the life
    of the process because packaged files do not change; the tests below do change them)."""
    from framing import fingerprint, lexicon, text
    from framing.scorers import _lexical, tone

    for cached in (
        tone.analyzer,
        tone.contributions,
        lexicon.load_lexicon,
        lexicon.word_list,
        lexicon.available_lexicons,
        fingerprint.lexicon_manifest,
        fingerprint.engine_fingerprint,
        _lexical.matcher,
        _lexical.category_forms,
        text.abbreviations,
    ):
        cached.cache_clear()


@pytest.fixture
def lexicon_copy(tmp_path, monkeypatch):
    """A writable copy of the packaged lexicon folder that the library reads instead of its own;
    call ``edit(name, old, new)`` to change a file (the caches are cleared)."""
    import shutil

    from framing import lexicon

    folder = tmp_path / "lexicons"
    shutil.copytree(Path(lexicon.__file__).parent / "lexicons", folder)
    monkeypatch.setattr(lexicon, "lexicon_folder", lambda: folder)
    clear_lexicon_caches()

    def edit(name: str, old: str, new: str) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        clear_lexicon_caches()

    yield edit
    monkeypatch.undo()
    clear_lexicon_caches()


# A line that makes hedges_en.tsv malformed: "reportedly" is listed again (line 17 holds it first).
DUPLICATE_HEDGE = ("maybe\tepistemic\t1\n", "maybe\tepistemic\t1\nreportedly\tepistemic\t1\n")
