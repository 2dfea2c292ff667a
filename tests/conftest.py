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
    from framing.text import analyse

    return analyse(text, language, title, DEFAULT_CONFIG)


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
