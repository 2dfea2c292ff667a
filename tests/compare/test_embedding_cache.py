"""Sentence embeddings kept on disk are the model's own: a comparison from the cache is the
computed one; a cache that cannot be written costs only time."""

import numpy as np
import pytest

from framing.compare import align

pytestmark = pytest.mark.skipif(not align.multilingual_available(), reason="the multilingual model is not installed")

TEXTS = ["Elon Musk joined the call.", "Elon Musk deltog i samtalet.", "The council met on Tuesday."]


def test_cached_vectors_are_the_computed_ones_and_are_read_back(tmp_path, monkeypatch):
    monkeypatch.setattr(align, "_embedding_cache", lambda: align.EmbeddingCache(tmp_path / "e.sqlite3", "m"))
    fresh = align.embed(TEXTS)
    direct = np.asarray(align._encoder().passage(TEXTS), dtype=np.float32)
    assert np.array_equal(fresh, direct)
    calls = []
    original = align._encoder

    class Counting:
        def passage(self, texts):
            calls.append(list(texts))
            return original().passage(texts)

    monkeypatch.setattr(align, "_encoder", lambda: Counting())
    again = align.embed([*TEXTS, "A new sentence here."])
    assert calls == [["A new sentence here."]]  # only what the cache lacked was embedded
    assert np.array_equal(again[:3], fresh)


def test_a_cache_that_cannot_be_written_costs_only_time(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    cache = align.EmbeddingCache(blocked / "e.sqlite3", "m")  # its folder cannot be made
    monkeypatch.setattr(align, "_embedding_cache", lambda: cache)
    vectors = align.embed(TEXTS)
    assert vectors.shape == (3, align.DIM) and cache.get(TEXTS) == {}
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    monkeypatch.setattr(align, "_embedding_cache", lambda: align.EmbeddingCache(damaged, "m"))
    assert np.array_equal(align.embed(TEXTS), vectors)


def test_the_cache_stops_growing_at_its_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(align, "EMBEDDING_CACHE_ROWS", 2)
    cache = align.EmbeddingCache(tmp_path / "e.sqlite3", "m")
    cache.put(TEXTS, np.ones((3, align.DIM), dtype=np.float32))
    assert len(cache.get(TEXTS)) == 2
