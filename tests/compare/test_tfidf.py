"""The alignment's TF-IDF is written out (scikit-learn's import costs a fresh process 2.5 s);
its vectors must stay scikit-learn's, which the thresholds were tuned on."""

import re
import subprocess
import sys
from pathlib import Path

import numpy as np

from framing.compare.align import _tfidf_vectors

ROOT = Path(__file__).resolve().parents[2]


def _sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures" / "events").rglob("*.txt"))]
    sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+|\n+", t) if s.strip()]
    # edge cases of the analyzers: one letter, words shorter than a gram, runs of spaces, accents, symbols
    # and a "word" longer than any whose grams are remembered
    long_word = "https://example.org/" + "x" * 60
    return sentences + ["a", "I", "x  y\t\tz", "Åsa's 3.5% öl — ‘quoted’", "e-mail: a@b.c", "ab ab ab", long_word]


def test_vectors_are_scikit_learns():
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    texts = _sentences()
    assert len(texts) > 100
    words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b")
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=1)
    theirs = normalize(hstack([words.fit_transform(texts), chars.fit_transform(texts)]).tocsr())
    ours = _tfidf_vectors(texts)
    assert ours.shape == theirs.shape
    np.testing.assert_allclose((ours @ ours.T).toarray(), (theirs @ theirs.T).toarray(), rtol=0, atol=1e-12)


def test_scoring_and_comparing_import_no_heavy_libraries():
    """The first screen's cost in a fresh process: neither nltk (textstat's downloader) nor
    scikit-learn and scipy.stats are imported to score and compare the seeds."""
    script = (
        "import sys, framing\n"
        "from framing.config import Config\n"
        "from framing.corpus import load_paths\n"
        "from framing.compare import compare\n"
        "config = Config()\n"
        "reports = [framing.score_article(a, config) for a in load_paths(['seeds'], config).articles]\n"
        "compare(framing.assemble_report(reports, (), config), config, cross_language='anchors')\n"
        "print(sorted(m for m in ('nltk', 'sklearn', 'scipy.stats') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_long_run_without_spaces_is_not_remembered():
    """A hostile upload's 100,000 characters without a space would keep 300,000 grams for as
    long as the server runs: only words of ordinary length are remembered."""
    from framing.compare.align import _char_grams, _word_char_grams

    before = _word_char_grams.cache_info().currsize
    grams = _char_grams("q" * 100_000 + " budget")
    assert len(grams) == 3 * 100_002 - 9 + 3 * len(" budget ") - 9
    assert _word_char_grams.cache_info().currsize <= before + 1  # "budget" at most
