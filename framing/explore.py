"""Researcher tools over a collection's texts: search, keyword in context, and keyness.

All three read the cleaned texts the scores were computed on, so every hit carries the article,
the sentence and the character offsets the drill-down highlights.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from .lexicon import normalize_token, word_list
from .render import article_labels
from .report import Report
from .text import WORD_RE, is_word

# Characters of context on each side of a keyword-in-context hit.
CONTEXT_CHARS = 60
# Hits listed at most: a common word in 5,000 articles would otherwise fill memory and the page.
MAX_HITS = 2_000
# Keyness: words an outlet uses at least this often, the top few per outlet.
KEYNESS_MIN_COUNT = 2
KEYNESS_TOP = 10


@dataclass(frozen=True)
class Hit:
    article: str
    sentence: int
    start: int
    end: int


def _pattern(query: str, whole_words: bool) -> re.Pattern | None:
    words = query.split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w) for w in words)  # any run of white space between words
    if whole_words:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, re.IGNORECASE)


def search(report: Report, query: str, whole_words: bool = True, limit: int = MAX_HITS) -> list[Hit]:
    """Where ``query`` occurs in the collection's texts (case-insensitive; white space between
    its words may be any), in collection order, at most ``limit`` hits. The query is text, never
    a pattern."""
    pattern = _pattern(query[:200], whole_words)
    if pattern is None:
        return []
    hits = []
    for r in report.articles:
        for s in r.sentences:
            for m in pattern.finditer(s.text):
                hits.append(Hit(r.article.id, s.index, s.start + m.start(), s.start + m.end()))
                if len(hits) >= limit:
                    return hits
    return hits


def kwic(report: Report, hits: list[Hit], context: int = CONTEXT_CHARS) -> pd.DataFrame:
    """Keyword in context: one row per hit with its outlet, the words before, the hit and the
    words after (on one line), and where it is (article, sentence, offsets)."""
    labels = article_labels(report)
    rows = []
    for h in hits:
        text = report.get(h.article).article.text
        left = " ".join(text[max(0, h.start - context) : h.start].split())
        right = " ".join(text[h.end : h.end + context].split())
        rows.append(
            {
                "outlet": labels[h.article],
                "left": ("…" if h.start > context else "") + left,
                "match": text[h.start : h.end],
                "right": right + ("…" if h.end + context < len(text) else ""),
                "article_id": h.article,
                "sentence": h.sentence,
                "start": h.start,
                "end": h.end,
            }
        )
    columns = ["outlet", "left", "match", "right", "article_id", "sentence", "start", "end"]
    return pd.DataFrame(rows, columns=columns)


def _words(report: Report, ident: str, stop: frozenset[str]) -> Counter:
    r = report.get(ident)
    return Counter(
        norm
        for s in r.sentences
        for m in WORD_RE.finditer(s.text)
        if is_word(m.group(0))
        and not any(ch.isdigit() for ch in m.group(0))
        and (norm := normalize_token(m.group(0))) not in stop
    )


def _log_likelihood(a: int, b: int, c: int, d: int) -> float:
    """Dunning's log-likelihood (G²) of a word seen ``a`` times in ``c`` words of one part and
    ``b`` times in ``d`` words of the rest."""
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    return 2 * sum(o * math.log(o / e) for o, e in ((a, e1), (b, e2)) if o > 0)


def keyness(report: Report, top: int = KEYNESS_TOP, min_count: int = KEYNESS_MIN_COUNT) -> pd.DataFrame:
    """Distinctive words per outlet: words an outlet uses more often than the rest of the
    collection in its language (its function words, ``lexicons/stopwords_<language>.txt``, and
    numbers aside), ranked by Dunning's
    log-likelihood, with the counts behind it. An outlet alone in its language has no rest to be
    compared with and gets no rows."""
    outlets: dict[tuple[str, str], list[str]] = {}
    for r in report.articles:
        outlets.setdefault((r.article.outlet or r.article.id, r.article.language or "und"), []).append(r.article.id)
    counts = {}
    for (outlet, language), ids in outlets.items():
        stop = word_list(f"stopwords_{language}")
        total = Counter()
        for ident in ids:
            total.update(_words(report, ident, stop))
        counts[(outlet, language)] = total
    rows = []
    for (outlet, language), mine in counts.items():
        rest = Counter()
        for (other, lang), theirs in counts.items():
            if lang == language and other != outlet:
                rest.update(theirs)
        if not rest:
            continue
        c, d = sum(mine.values()), sum(rest.values())
        scored = []
        for word, a in mine.items():
            b = rest.get(word, 0)
            if a < min_count or a / c <= b / d:
                continue
            scored.append((_log_likelihood(a, b, c, d), word, a, b))
        for g2, word, a, b in sorted(scored, key=lambda x: (-x[0], x[1]))[:top]:
            rows.append(
                {
                    "outlet": outlet,
                    "language": language,
                    "word": word,
                    "count": a,
                    "per_10k": round(10_000 * a / c, 1),
                    "rest_count": b,
                    "rest_per_10k": round(10_000 * b / d, 1),
                    "log_likelihood": round(g2, 2),
                }
            )
    columns = ["outlet", "language", "word", "count", "per_10k", "rest_count", "rest_per_10k", "log_likelihood"]
    return pd.DataFrame(rows, columns=columns)
