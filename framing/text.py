"""Sentences, tokens and direct quotations with character offsets into the cleaned text.

Every structure here is a view onto ``Doc.text``: ``text[s.start:s.end] == s.text`` holds for
sentences, tokens and quotes alike.

Segmentation works block by block (a block is a line; a soft-wrapped line that continues in
lower case is joined to the next). Inside a block a sentence ends at ``.``, ``!``, ``?`` or
``…`` (plus closing quotes or brackets) followed by white space and a capital, digit or opening
quote — unless the word before the full stop is a known abbreviation of the language, a single
initial, or a dotted acronym (U.S.) that the next word does not clearly start a new sentence
after. Abbreviation lists are data files under ``framing/lexicons/``.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from dataclasses import dataclass
from typing import NamedTuple

from .config import Config
from .lexicon import PREFIX_KEY, normalize_token, word_list

ROLE_HEADLINE = "headline"
ROLE_HEADING = "heading"  # kicker, standfirst, subheading: the outlet's display type
ROLE_BODY = "body"

WORD_RE = re.compile(r"\w+(?:[-'\u2019.]\w+)*", re.UNICODE)
_BOUNDARY_RE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s)")
_OPENING = "\"'\u201c\u2018\u201e\u00ab\u00bb(["
_TERMINAL_STOP = ".:;,"
# Characters looked back from a full stop for the word it ends: longer than any abbreviation or
# dotted acronym (a longer "word" is not one, and the stop ends the sentence).
_LOOKBACK_CHARS = 64
_NEXT_WORD_RE = re.compile(r"[\w'\u2019]+")


class Token(NamedTuple):  # a NamedTuple, not a dataclass: documents hold thousands and build fast
    start: int
    end: int
    text: str
    norm: str
    sentence: int


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    role: str
    block: int


@dataclass(frozen=True)
class Doc:
    text: str
    language: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    quotes: tuple[tuple[int, int], ...]

    @functools.cached_property
    def _token_ranges(self) -> dict[int, tuple[int, int]]:
        # tokens are in sentence order: each sentence's tokens are one run, found by bisection
        of_sentence = list(map(operator.itemgetter(4), self.tokens))
        ranges: dict[int, tuple[int, int]] = {}
        for sentence in self.sentences:
            lo = bisect.bisect_left(of_sentence, sentence.index)
            hi = bisect.bisect_right(of_sentence, sentence.index, lo)
            if hi > lo:
                ranges[sentence.index] = (lo, hi)
        return ranges

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        lo, hi = self._token_ranges.get(index, (0, 0))
        return self.tokens[lo:hi]

    @functools.cached_property
    def _sentence_norms(self) -> dict[int, tuple[list[str], frozenset[str], frozenset[str]]]:
        out = {}
        for index, (lo, hi) in self._token_ranges.items():
            norms = list(map(operator.itemgetter(3), self.tokens[lo:hi]))
            out[index] = (norms, frozenset(norms), frozenset(n[:PREFIX_KEY] for n in norms))
        return out

    def sentence_norms(self, index: int) -> tuple[list[str], frozenset[str], frozenset[str]]:
        """A sentence's normalised tokens, their set and the set of their first letters (as many
        as a lexicon prefix is keyed by): made once, read by every lexicon."""
        return self._sentence_norms.get(index, ([], frozenset(), frozenset()))

    @functools.cached_property
    def word_count(self) -> int:
        """Words in the whole text (the denominator of every per-100-words rate)."""
        return len(self.words())

    @functools.cached_property
    def _cue_cache(self) -> dict:
        return {}

    def cues(self, lexicon: str, compute):
        """Memoised matches of one lexicon, shared by the scorers that read it (hedging, sourcing)."""
        if lexicon not in self._cue_cache:
            self._cue_cache[lexicon] = compute()
        return self._cue_cache[lexicon]

    @functools.cached_property
    def _words(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if is_word(t.text))

    def words(self, roles: tuple[str, ...] | None = None) -> list[Token]:
        if roles is None:
            return list(self._words)
        keep = {s.index for s in self.sentences if s.role in roles}
        return [t for t in self._words if t.sentence in keep]

    @functools.cached_property
    def _quote_starts(self) -> list[int]:
        return [start for start, _ in self.quotes]

    def in_quote(self, offset: int) -> bool:
        # quotations are in text order and never overlap (find_quotes): only the last one
        # opening at or before the offset can hold it
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and offset < self.quotes[i][1]


def is_word(token: str) -> bool:
    """A token with a letter or a digit (WORD_RE tokens are \\w runs, so only "_" runs fail)."""
    return bool(token.strip("_-'\u2019."))


@functools.cache
def abbreviations(language: str) -> frozenset[str]:
    """Lower-cased abbreviations (without the final full stop): the language's and the common."""
    words = word_list(f"abbreviations_{language}") | word_list("abbreviations_common")
    return frozenset(w.lower().rstrip(".") for w in words)


def sentence_starters(language: str) -> frozenset[str]:
    """Words that, capitalised after a dotted acronym, start a new sentence."""
    return word_list(f"starters_{language}")


def blocks(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end), soft-wrapped continuation lines joined."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            spans.append((-1, -1))  # paragraph break marker
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        spans.append((start + lead, end - trail))
    merged: list[tuple[int, int]] = []
    spaces = 0  # spaces in the last merged block, counted once per line (not per merge)
    for span in spans:
        if span[0] < 0:
            merged.append(span)
            continue
        prev = merged[-1] if merged else None
        line_spaces = text.count(" ", span[0], span[1])
        if prev and prev[0] >= 0 and _continues(text, prev, span, spaces):
            merged[-1] = (prev[0], span[1])
            spaces += line_spaces
        else:
            merged.append(span)
            spaces = line_spaces
    return [s for s in merged if s[0] >= 0]


def _continues(text: str, prev: tuple[int, int], cur: tuple[int, int], prev_spaces: int) -> bool:
    """A line that starts in lower case after a line (of at least seven words) without final
    punctuation is a wrap."""
    last = text[prev[1] - 1]
    first = text[cur[0]]
    return last.isalnum() and first.islower() and prev_spaces >= 6


def _is_boundary(block: str, stop: int, nxt: int, language: str) -> bool:
    """Whether the punctuation run ending at ``stop`` ends a sentence; ``nxt`` starts the next."""
    if nxt >= len(block):
        return True
    following = block[nxt]
    if not (following.isupper() or following.isdigit() or following in _OPENING):
        return False
    # Only the word before the stop matters: look back a bounded stretch, never the whole block
    # (a one-line text with thousands of sentences would otherwise be rescanned at each stop).
    run = block[max(0, stop - _LOOKBACK_CHARS) : stop].rstrip("\"'\u201d\u2019\u00bb)]")
    if not run.endswith("."):
        return True  # ! ? … end sentences regardless
    before = run[:-1]
    if not before.strip() or before != before.rstrip():
        return True
    word = before.rsplit(None, 1)[-1]
    if len(word) == len(before) and stop > _LOOKBACK_CHARS:
        return True  # no space within the look-back: a "word" this long is no abbreviation
    word = word.lstrip(_OPENING)
    lowered = word.lower()
    if lowered in abbreviations(language):
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. Smith"
    if re.fullmatch(r"(?:\w\.)+\w", word):  # dotted acronym: U.S. a.m.
        next_word = _NEXT_WORD_RE.match(block, nxt)
        return bool(next_word and next_word.group(0) in sentence_starters(language))
    return True


def split_block(block: str, language: str) -> list[tuple[int, int]]:
    """Sentence spans (relative to the block), trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(block):
        nxt = match.end()
        while nxt < len(block) and block[nxt].isspace():
            nxt += 1
        if _is_boundary(block, match.end(), nxt, language):
            spans.append((start, match.end()))
            start = nxt
    if start < len(block):
        spans.append((start, len(block)))
    out = []
    for s, e in spans:
        while s < e and block[s].isspace():
            s += 1
        while e > s and block[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


_WORD_SPAN_RE = re.compile(r"\S+")


def bound_length(block: str, span: tuple[int, int], max_words: int) -> list[tuple[int, int]]:
    """Cut a run-on span into pieces of at most ``max_words`` words, at the last comma or
    semicolon of each window when there is one, else after its last word."""
    start, end = span
    if end - start < 2 * max_words + 1:
        return [span]  # n words need at least 2n - 1 characters: this span cannot hold more
    words = [(m.start(), m.end()) for m in _WORD_SPAN_RE.finditer(block, start, end)]
    if len(words) <= max_words:
        return [span]
    pieces, i = [], 0
    while len(words) - i > max_words:
        window = words[i : i + max_words]
        cut = next(
            (k for k in range(len(window) - 1, len(window) // 2, -1) if block[window[k][1] - 1] in ",;"),
            len(window) - 1,
        )
        pieces.append((window[0][0], window[cut][1]))
        i += cut + 1
    pieces.append((words[i][0], end))
    return pieces


def is_heading_like(block: str, config: Config) -> bool:
    """A line that reads as display type: short and without a closing full stop."""
    stripped = block.rstrip()
    if not stripped or stripped[-1] in _TERMINAL_STOP:
        return False
    if stripped[-1] in '"\u201d\u2019' and len(stripped) > 1 and stripped[-2] in ".,":
        return False
    words = WORD_RE.findall(stripped)
    return 0 < len(words) <= config.heading_max_words and len(split_block(stripped, "common")) == 1


def _same_title(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return " ".join(WORD_RE.findall(normalize_token(s)))

    return bool(key(a)) and key(a) == key(b)


_QUOTE_OR_LINE_RE = re.compile('[\n"\u201c\u201d\u201e\u00ab\u00bb]')


def find_quotes(text: str) -> tuple[tuple[int, int], ...]:
    """Direct quotations as (start, end) spans including the quote marks.

    Handles “…”, „…“, «…», »…«, ”…” (Swedish) and "…". A quotation left open at the end of a
    paragraph ends there (the newsroom convention for multi-paragraph quotes).
    """
    spans: list[tuple[int, int]] = []
    open_at = -1
    for match in _QUOTE_OR_LINE_RE.finditer(text):  # nothing else changes the state below
        i, ch = match.start(), match.group()
        if ch == "\n":
            if open_at >= 0:
                end = i
                while end > open_at + 1 and text[end - 1].isspace():
                    end -= 1
                spans.append((open_at, end))
                open_at = -1
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if open_at < 0:
            can_open = not after.isspace() and (before.isspace() or before in "([-\u2014\u2013:")
            if ch == "\u201d" and not can_open:
                continue
            if can_open or ch in "\u201c\u201e\u00ab":
                open_at = i
        else:
            can_close = not before.isspace() or after.isspace()
            if can_close and ch in '"\u201d\u201c\u00bb\u00ab':
                spans.append((open_at, i + 1))
                open_at = -1
    if open_at >= 0:
        end = len(text)
        while end > open_at + 1 and text[end - 1].isspace():
            end -= 1
        spans.append((open_at, end))
    return tuple((s, e) for s, e in spans if e - s > 2)


def make_doc(text: str, language: str, title: str | None, config: Config) -> Doc:
    """Split ``text`` into sentences with roles, tokens and quotations."""
    lang = language if sentence_starters(language) else "en"
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    headline_seen = False
    body_started = False
    norms: dict[str, str] = {}  # normalize_token once per distinct word
    for block_index, (b_start, b_end) in enumerate(blocks(text)):
        block = text[b_start:b_end]
        # a block that is the article's known title is its headline, whatever its punctuation
        titled = title is not None and not headline_seen and not body_started and _same_title(block, title)
        heading = titled or is_heading_like(block, config)
        if heading and not body_started:
            if title is not None:
                is_headline = not headline_seen and _same_title(block, title)
            else:
                is_headline = not headline_seen
            role = ROLE_HEADLINE if is_headline else ROLE_HEADING
            headline_seen = headline_seen or is_headline
            parts = [(0, len(block))]
        else:
            role = ROLE_HEADING if heading else ROLE_BODY
            body_started = body_started or not heading
            parts = [(0, len(block))] if heading else split_block(block, lang)
            parts = [piece for part in parts for piece in bound_length(block, part, config.max_sentence_words)]
        for s, e in parts:
            index = len(sentences)
            start, end = b_start + s, b_start + e
            sentences.append(Sentence(index, start, end, text[start:end], role, block_index))
            for m in WORD_RE.finditer(text, start, end):
                word = m.group(0)
                norm = norms.get(word)
                if norm is None:
                    norm = norms[word] = normalize_token(word)
                tokens.append(Token(m.start(), m.end(), word, norm, index))
    return Doc(text, language, tuple(sentences), tuple(tokens), find_quotes(text))
