"""The benchmark's synthetic corpora are deterministic and realistic (numbers come from the
bench command, not from timed tests)."""

from conftest import SEEDS
from framing.bench import WORDS_PER_ARTICLE, corpus


def test_synthetic_corpus_is_deterministic_and_article_sized():
    first, again = corpus(30, SEEDS), corpus(30, SEEDS)
    assert first == again
    assert len({r["id"] for r in first}) == 30
    words = [len(r["text"].split()) for r in first]
    assert min(words) >= WORDS_PER_ARTICLE and max(words) < WORDS_PER_ARTICLE * 1.3
    assert corpus(5, SEEDS, seed=1) != corpus(5, SEEDS, seed=2)
