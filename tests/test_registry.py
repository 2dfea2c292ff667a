"""The scorer registry says what each scorer reads and where each metric applies, and that is
what happens: the lexicons a scorer loads while scoring are the ones it declares, and a metric
is empty for want of a lexicon exactly in the languages the registry leaves out."""

from __future__ import annotations

import pytest

from conftest import clear_lexicon_caches, doc_of
from framing import lexicon
from framing.config import DEFAULT_CONFIG
from framing.scorers import SCORERS

TEXTS = {
    "en": "Officials said the plan may fail and would cost more. It was a truly shameful and reckless decision, critics argued.",
    "sv": "Tjänstemän sade att planen kanske misslyckas. Det var definitivt ett skamligt beslut, enligt kritiker.",
    "de": "Beamte sagten, der Plan könnte scheitern. Es war eine beschämende Entscheidung, sagten Kritiker.",
    "fr": "Les responsables ont dit que le plan pourrait échouer. Une décision honteuse, selon les critiques.",
}


class _Recording:
    """The packaged lexicon folder, noting the name of every lexicon file opened."""

    def __init__(self, folder, opened: set[str]):
        self._folder, self._opened = folder, opened

    def iterdir(self):
        return self._folder.iterdir()

    def joinpath(self, name: str):
        if name.endswith(".tsv"):
            self._opened.add(name.removesuffix(".tsv").rsplit("_", 1)[0])
        return self._folder.joinpath(name)


@pytest.mark.parametrize("scorer", SCORERS, ids=lambda s: s.family)
def test_each_scorer_reads_exactly_the_lexicons_it_declares(scorer, monkeypatch):
    real = lexicon.lexicon_folder()
    opened: set[str] = set()
    docs = {language: doc_of(text, language) for language, text in TEXTS.items()}
    monkeypatch.setattr(lexicon, "lexicon_folder", lambda: _Recording(real, opened))
    clear_lexicon_caches()
    try:
        for doc in docs.values():
            scorer.score(doc, DEFAULT_CONFIG)
    finally:
        monkeypatch.undo()
        clear_lexicon_caches()
    assert opened == set(scorer.lexicons)


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_a_metric_lacks_a_lexicon_exactly_outside_its_registered_languages(language):
    doc = doc_of("A headline on the plan\n\n" + TEXTS[language], language)
    for scorer in SCORERS:
        values = scorer.score(doc, DEFAULT_CONFIG).metrics
        for spec in scorer.metrics:
            value = values[spec.name]
            if spec.languages is None or language in spec.languages:
                assert value.value is not None, (spec.name, language, value.reason)
            else:
                assert value.value is None, (spec.name, language)
