"""One engine fingerprint keys every cache of scores: it follows the package version, every
scoring setting and every packaged lexicon, and nothing else; a change to any of them misses
every cache (library, database, dashboard)."""

from __future__ import annotations

import pytest

import framing
from conftest import DUPLICATE_HEDGE, SEEDS
from framing.config import DEFAULT_CONFIG, LOADING_LIMITS

VERSION_LINE = ("# version: 1.1.0\n", "# version: 1.2.0\n")


def fingerprint(config=DEFAULT_CONFIG) -> str:
    return framing.engine_fingerprint(config)


def test_loading_limits_do_not_change_the_fingerprint_but_scoring_settings_do():
    base = fingerprint()
    for name in LOADING_LIMITS:
        assert fingerprint(DEFAULT_CONFIG.with_(**{name: getattr(DEFAULT_CONFIG, name) * 2})) == base
    assert fingerprint(DEFAULT_CONFIG.with_(tone_pos_threshold=0.1)) != base
    assert fingerprint(DEFAULT_CONFIG.with_(max_sentence_words=60)) != base


def test_the_package_version_is_part_of_the_fingerprint(monkeypatch):
    import framing.fingerprint as module

    base = fingerprint()
    monkeypatch.setattr(module, "__version__", "99.0.0")
    module.engine_fingerprint.cache_clear()
    assert fingerprint() != base
    monkeypatch.undo()
    module.engine_fingerprint.cache_clear()


@pytest.mark.parametrize(
    "name, change",
    [
        ("hedges_en.tsv", VERSION_LINE),  # a lexicon's declared version
        ("boosters_en.tsv", ("\n", "\n# note: an edited comment\n")),  # a lexicon's content, version unchanged
        ("starters_en.txt", ("\n", "\n# an edited word list\n")),  # a word list (no version of its own)
    ],
)
def test_every_packaged_lexicon_and_word_list_is_part_of_the_fingerprint(lexicon_copy, name, change):
    base = fingerprint()
    lexicon_copy(name, *change)
    assert fingerprint() != base


def test_a_lexicon_change_misses_the_database_score_cache(lexicon_copy, tmp_path, monkeypatch):
    import framing.pipeline as pipeline
    from framing.store import Store

    calls = []
    original = pipeline.score_article
    monkeypatch.setattr(pipeline, "score_article", lambda a, c=DEFAULT_CONFIG: calls.append(a.id) or original(a, c))
    store = Store(f"sqlite:///{tmp_path / 'cache.db'}")
    article = framing.article_from_text("The minister reportedly resigned. Critics said it was overdue.", ident="a")
    store.score(article)
    store.score(article)
    assert calls == ["a"]
    lexicon_copy("hedges_en.tsv", *VERSION_LINE)
    store.score(article)
    assert calls == ["a", "a"]


def test_a_lexicon_change_rescores_the_dashboard(lexicon_copy, monkeypatch):
    from app_helpers import run_page

    run_page()  # the seeds, scored and cached
    calls = []
    original = framing.score_article
    monkeypatch.setattr(framing, "score_article", lambda a, c=DEFAULT_CONFIG: calls.append(a.id) or original(a, c))
    run_page()
    assert calls == []  # cached
    lexicon_copy("hedges_en.tsv", *VERSION_LINE)
    run_page()
    assert len(calls) == len(list(SEEDS.glob("*.txt")))  # every seed rescored


def test_a_malformed_lexicon_is_an_error_naming_file_line_and_problem(lexicon_copy):
    lexicon_copy("hedges_en.tsv", *DUPLICATE_HEDGE)
    with pytest.raises(
        framing.LexiconError, match=r"hedges_en\.tsv:24: duplicate cue 'reportedly' \(first on line 17\)"
    ):
        framing.build_report([framing.article_from_text("It may rain.", language="en")])
    with pytest.raises(framing.LexiconError, match="hedges_en.tsv:24"):
        fingerprint()
