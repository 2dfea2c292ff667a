"""Wording diff of aligned passages: what a rewrite inserted, removed or changed.

Word-level diff (difflib) of two aligned sentences. Each change carries the character spans
on both sides (offsets into each article's cleaned text) and the evidence kinds it touches:
a loaded word the rewrite inserted, a hedge or attribution it removed, a number it changed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..report import ArticleReport
from ..text import WORD_RE

INSERT, DELETE, REPLACE = "insert", "delete", "replace"
_DIGITS = re.compile(r"\d[\d.,]*")


@dataclass(frozen=True)
class Change:
    op: str  # insert (only in b), delete (only in a), replace
    a_start: int
    a_end: int
    a_text: str
    b_start: int
    b_end: int
    b_text: str
    a_kinds: tuple[str, ...]  # evidence kinds in the a-side words (e.g. a hedge that was dropped)
    b_kinds: tuple[str, ...]  # evidence kinds in the b-side words (e.g. loaded words inserted)
    number_changed: bool


@dataclass(frozen=True)
class SentenceDiff:
    a: str
    a_sentence: int
    b: str
    b_sentence: int
    changes: tuple[Change, ...]


def _tokens(report: ArticleReport, sentence: int) -> list[tuple[int, int, str]]:
    s = report.sentences[sentence]
    return [(s.start + m.start(), s.start + m.end(), m.group(0)) for m in WORD_RE.finditer(s.text)]


def _kinds(report: ArticleReport, start: int, end: int) -> tuple[str, ...]:
    found = {e.kind for e in report.evidence if e.start < end and e.end > start and e.kind not in ("tone", "quote")}
    return tuple(sorted(found))


def diff_sentences(a: ArticleReport, a_sentence: int, b: ArticleReport, b_sentence: int) -> SentenceDiff:
    """Changes that turn sentence ``a_sentence`` of ``a`` into sentence ``b_sentence`` of ``b``."""
    ta, tb = _tokens(a, a_sentence), _tokens(b, b_sentence)
    matcher = difflib.SequenceMatcher(a=[t[2].lower() for t in ta], b=[t[2].lower() for t in tb], autojunk=False)
    changes = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        a_start, a_end = (
            (ta[i1][0], ta[i2 - 1][1])
            if i2 > i1
            else ((ta[i1][0],) * 2 if i1 < len(ta) else (a.sentences[a_sentence].end,) * 2)
        )
        b_start, b_end = (
            (tb[j1][0], tb[j2 - 1][1])
            if j2 > j1
            else ((tb[j1][0],) * 2 if j1 < len(tb) else (b.sentences[b_sentence].end,) * 2)
        )
        a_text, b_text = a.article.text[a_start:a_end], b.article.text[b_start:b_end]
        numbers_a, numbers_b = set(_DIGITS.findall(a_text)), set(_DIGITS.findall(b_text))
        changes.append(
            Change(
                op={"insert": INSERT, "delete": DELETE}.get(op, REPLACE),
                a_start=a_start,
                a_end=a_end,
                a_text=a_text,
                b_start=b_start,
                b_end=b_end,
                b_text=b_text,
                a_kinds=_kinds(a, a_start, a_end) if a_end > a_start else (),
                b_kinds=_kinds(b, b_start, b_end) if b_end > b_start else (),
                number_changed=bool(numbers_a or numbers_b) and numbers_a != numbers_b,
            )
        )
    return SentenceDiff(a.article.id, a_sentence, b.article.id, b_sentence, tuple(changes))


# What a translation can add or drop that a reader of one language cannot see: the evidence kinds
# of the scorers, each from its language's own lexicon (compared only where both languages have
# one), and the numbers.
KIND_LEXICONS = {
    "hedge": "hedges",
    "booster": "boosters",
    "loaded": "loaded",
    "label": "labels",
    "attribution": "attribution",
}
TRANSLATION_KINDS = (*KIND_LEXICONS, "number")


@dataclass(frozen=True)
class TranslationChange:
    """In one aligned sentence pair of a translation and its source, a kind of wording that the two
    carry in different amounts: words cannot be matched across languages, so both sides' words are
    given (numbers are compared as they are written, separators aside)."""

    derived: str
    derived_sentence: int
    source: str
    source_sentence: int
    kind: str  # one of TRANSLATION_KINDS
    derived_words: tuple[str, ...]
    source_words: tuple[str, ...]

    @property
    def change(self) -> str:
        if self.kind == "number":
            added = sorted(set(self.derived_words) - set(self.source_words))
            dropped = sorted(set(self.source_words) - set(self.derived_words))
            return "; ".join(
                filter(None, (added and f"adds {', '.join(added)}", dropped and f"drops {', '.join(dropped)}"))
            )
        more = len(self.derived_words) - len(self.source_words)
        noun = "loaded word" if self.kind == "loaded" else self.kind
        return f"{'adds' if more > 0 else 'drops'} {abs(more)} {noun}{'s' if abs(more) > 1 else ''}"


def _words(report: ArticleReport, sentence: int, kind: str) -> tuple[str, ...]:
    if kind == "number":
        text = report.sentences[sentence].text
        return tuple(sorted({re.sub(r"[.,]", "", n) for n in _DIGITS.findall(text)}))
    return tuple(e.text for e in report.evidence if e.sentence_index == sentence and e.kind == kind)


def translation_changes(
    derived: ArticleReport, source: ArticleReport, pairs: tuple[tuple[int, int, float], ...]
) -> list[TranslationChange]:
    """Per aligned sentence pair (derived sentence, source sentence), each kind whose amount differs,
    among the kinds both languages score."""
    from ..scorers import languages_of

    languages = {derived.article.language, source.article.language}
    kinds = [k for k in TRANSLATION_KINDS if k == "number" or languages <= set(languages_of((KIND_LEXICONS[k],)))]
    out = []
    for d, s, _ in pairs:
        for kind in kinds:
            dw, sw = _words(derived, d, kind), _words(source, s, kind)
            if (set(dw) != set(sw)) if kind == "number" else (len(dw) != len(sw)):
                out.append(TranslationChange(derived.article.id, d, source.article.id, s, kind, dw, sw))
    return out
