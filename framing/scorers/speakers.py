"""Who speaks: the speaker of each attributed statement, and the distinct voices of an article.

For each attribution cue (a reporting verb or "according to", from ``attribution_<lang>``) the
speaker is the phrase the sentence gives it where the text says it:

- "according to X": the phrase after the cue;
- "X said …" / "“…,” X told reporters": the noun phrase before the verb, back to the last
  clause boundary (a comma, a quotation mark, "that", "and"), skipping a relative clause or an
  appositive ("An aide to the president, who spoke on condition of anonymity, said" → "An aide to
  the president"; "Dana Kowalski, the fire chief, said" → "Dana Kowalski");
- "“…,” said X": the phrase after the verb, when nothing stands between the quotation and it;
- "he said", "she told": the last named or official speaker before it in the article.

Each speaker is one of four kinds: **anonymous** (an unnamed source, aide, official, insider,
person: "an aide said", "a source familiar with the situation", "officials said", or any phrase
the hedge lexicon marks as an anonymous attribution), **named** (a person's name), **official**
(an office without a name: "the mayor", "a White House spokesperson"), **organisation** (CNN, the
fire department). Distinct voices: a named person once however spelled (Peter Lindqvist,
Lindqvist), an office or organisation once, and an anonymous source once from its introduction
("a source familiar with the situation" … "the source said" is one voice).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..lexicon import word_list
from ..names import ORGANISATION as ORGANISATION_NAME
from ..names import PERSON, kind_of, role_words
from ..text import Doc

NAMED, ANONYMOUS, OFFICIAL, ORGANISATION, UNKNOWN = "named", "anonymous", "official", "organisation", "unknown"  # noqa: E501
SPEAKER_KINDS = (NAMED, ANONYMOUS, OFFICIAL, ORGANISATION)

_UNNAMED = re.compile(
    r"\b(sources?|aides?|officials?|insiders?|person|persons|people|individuals?|diplomats?|employees?|"
    r"residents|witnesses|källor|källan|källa|tjänstemän|quellen|quelle|insidern)\b",
    re.IGNORECASE,
)
_DOCUMENT = re.compile(
    r"\b(report|reports|statement|documents?|study|survey|filing|biography|memo|letter|newspaper|rapport|"
    r"uttalande|bericht)\b",
    re.IGNORECASE,
)
_ORG_HINT = re.compile(
    r"\b(department|ministry|police|office|agency|company|council|committee|commission|government|"
    r"administration|service|court|army|authority|authorities|network|hospital|university)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(he|she|they|it|we|i|han|hon|de|er|sie|il|elle)$", re.IGNORECASE)
_PERSONAL = re.compile(r"^(he|she|han|hon|er|sie|il|elle)$", re.IGNORECASE)  # a person: resolved to the last one
_DEFINITE = re.compile(r"^(the|that|this|these|those|den|det|der|die|das|le|la|les)\b", re.IGNORECASE)
_BOUNDARY = re.compile(
    r"[,;:\u201c\u201d\"\u00ab\u00bb()\u2014\u2013]|\b(?:that|and|but|as|when|while|after|because|att|och|men|när|eftersom)\b"
)
# Words after the speaker and before its verb ("Kerry also said", "Trump on Thursday said").
_TRAILING = re.compile(
    r"(\s+(also|later|earlier|previously|repeatedly|expressly|again|then|reportedly|recently|first|too|"
    r"had|has|have|would|will|has not|had not|did not|not|yet|on \w+day|last (week|month|year)|this (week|month|year)|"
    r"in (a|an) \w+|in [A-Z][\w.]*( [A-Z][\w.]*)*))+$"
)
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "one",
        "two",
        "three",
        "several",
        "some",
        "many",
        "another",
        "other",
        "den",
        "det",
        "en",
        "ett",
        "de",
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "le",
        "la",
        "les",
        "un",
        "une",
    ]
)
_PREPOSITIONS = frozenset(
    ["of", "at", "to", "for", "from", "with", "on", "in", "by", "för", "från", "med", "på", "i", "av", "vid"]
)
MAX_SPEAKER_WORDS = 10


@dataclass(frozen=True)
class Speaker:
    start: int  # the speaker phrase's offsets in the article text
    end: int
    text: str
    kind: str  # one of SPEAKER_KINDS, or UNKNOWN
    voice: str  # the distinct voice it belongs to ("named: Peter Lindqvist", "anonymous 1", …)
    sentence_index: int


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of text[start:end] without surrounding spaces and punctuation."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


@functools.cache
def _stop() -> frozenset[str]:
    return word_list("actor_stop") | word_list("function_words") | word_list("honorifics")


def _is_head(word: str) -> bool:
    """A word a speaker phrase can end on: a name, an office, a source, an organisation, a document."""
    if re.search(r"['\u2019]s?$", word.strip(".,")):
        return False  # a possessive qualifies what follows it: "Musk's biography"
    bare = word.strip(".,")
    lower = bare.lower()
    return bool(
        (bare[:1].isupper() and lower not in _stop())
        or lower in role_words()
        or lower.split("-")[-1] in role_words()
        or _UNNAMED.fullmatch(bare)
        or _ORG_HINT.fullmatch(bare)
        or _DOCUMENT.fullmatch(bare)
        or _PRONOUN.match(bare)
    )


def _office(word: str) -> bool:
    lower = word.strip(".,").lower()
    return lower in role_words() or bool(_ORG_HINT.fullmatch(lower))


def _noun_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The speaker noun phrase that ends ``text[start:end]``: trailing adverbs and times cut off, the
    last word a head, and leftwards only words a noun phrase is made of."""
    start, end = _trim(text, start, end)
    trailing = _TRAILING.search(text[start:end])
    if trailing and trailing.start() > 0:
        end = start + trailing.start()
    words = [(m.start() + start, m.end() + start, m.group(0)) for m in re.finditer(r"\S+", text[start:end])]
    if not words or not _is_head(words[-1][2]):
        return None
    first = len(words) - 1
    for k in range(len(words) - 2, -1, -1):
        word = words[k][2].strip(".,")
        lower = re.sub(r"['\u2019]s$", "", word).lower()
        compound = word.isalpha() and word.islower() and _office(words[k + 1][2])
        if (
            compound  # "the city's fire department", "a hospital spokeswoman"
            or _is_head(word)
            or lower in _DETERMINERS
            or lower in _PREPOSITIONS
            or lower in word_list("label_modifiers")
            or lower.isdigit()
            or "-" in lower
            or lower.endswith(("'s", "\u2019s"))
        ):
            first = k
        else:
            break
    while first < len(words) - 1 and words[first][2].lower() in _PREPOSITIONS:
        first += 1
    if len(words) - first > MAX_SPEAKER_WORDS:
        return None
    return words[first][0], words[-1][1]


def _before(sentence: str, cue_at: int, anonymous: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The speaker before a reporting verb, as offsets into ``sentence``: an anonymous source the
    hedge lexicon found in the clause, else the noun phrase that ends the clause (an appositive or a
    relative clause between a short name and its verb skipped)."""
    left = sentence[:cue_at]
    cuts = [0, *(m.end() for m in _BOUNDARY.finditer(left)), len(left)]
    segments = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if left[a:b].strip(' ,;:\u201c\u201d"')]
    if not segments:
        return None
    a, b = segments[-1]
    phrase = left[a:b].strip(" ,")
    if len(segments) > 1:
        pa, pb = segments[-2]
        before = left[pa:pb].strip(" ,")
        if (
            re.match(r"(who|which|whose)\b", phrase, re.IGNORECASE)
            or (re.match(r"(the|a|an)\b", phrase, re.IGNORECASE) or phrase[:1].islower())
            and (len(before.split()) <= 5 and _name_in(before))
        ):  # "An aide, who spoke …, said"
            a, b = pa, pb
    for x, y in anonymous:
        if a <= x and y <= b + 1 and _UNNAMED.search(left[x:y]):
            found = _noun_phrase(left, a, y)
            return (min(found[0], x), y) if found else (x, y)
    return _noun_phrase(left, a, b)


def _after(sentence: str, cue_end: int) -> tuple[int, int] | None:
    """The phrase after the cue: "according to X", "“…,” said X"."""
    m = re.match(r"\s*([^,.;:!?\u201c\u201d\"]+)", sentence[cue_end:])
    if not m:
        return None
    words = m.group(1).split()
    if not words or len(words) > MAX_SPEAKER_WORDS:
        return None
    return _noun_phrase(sentence, cue_end + m.start(1), cue_end + m.end(1))


def _kind(phrase: str, anonymous: bool) -> str:
    if anonymous:
        return ANONYMOUS
    if _DOCUMENT.fullmatch(phrase.split()[-1].strip(".,")):
        return ORGANISATION  # a report, a statement, a biography: the publication speaks
    if _name_in(phrase):
        return NAMED
    if _UNNAMED.search(phrase):
        return ANONYMOUS
    words = [re.sub(r"['\u2019]s$", "", w).strip(".,").lower() for w in phrase.split()]
    if any(w in role_words() or w.split("-")[-1] in role_words() for w in words):
        return OFFICIAL
    if (
        _ORG_HINT.search(phrase)
        or _DOCUMENT.search(phrase)
        or any(re.fullmatch(r"[A-Z]{2,}|[A-Z][a-z]+[A-Z]\w*", w) for w in phrase.split())
        or any(w[:1].isupper() and w.lower() not in _stop() for w in phrase.split())
    ):
        return ORGANISATION
    return UNKNOWN


def _name_in(phrase: str) -> str | None:
    """A person's name in the phrase: two or more capitalised words that are not an office, a
    place or an organisation ("Kremlin spokesman Dmitry Peskov" → Dmitry Peskov; "Secretary of State
    John Kerry" → John Kerry), else a lone capitalised word that can only be a surname
    ("Kowalski told reporters")."""
    tokens = phrase.split()
    runs: list[list[str]] = []
    run: list[str] = []
    after_of = False
    for token in tokens:
        word = re.sub(r"['\u2019]s$", "", token).strip(".,")
        lower = word.lower()
        name_like = (
            word[:1].isupper()
            and lower not in role_words()
            and lower not in _stop()
            and not _UNNAMED.fullmatch(word)
            and not _DOCUMENT.fullmatch(word)
            and not _ORG_HINT.fullmatch(word)
        )
        if name_like:
            if not run and after_of:
                run.append("")  # the tail of a title: "Secretary of State John Kerry"
            run.append(word)
        elif lower in ("of", "for") and run and kind_of([w for w in run if w]) == ORGANISATION_NAME:
            run.append("")  # "the Korea Institute for National Unification" stays one organisation
            run.append(lower)
        else:
            if run:
                runs.append([w for w in run if w])
            run = []
        after_of = lower == "of"
    if run:
        runs.append([w for w in run if w])
    for words in reversed(runs):
        if kind_of(words) == ORGANISATION_NAME or any(w in ("of", "for") for w in words):
            continue
        if len(words) >= 3 and words[0] in ("State", "Defense", "Justice", "Health", "Commerce"):
            words = words[1:]
        if len(words) >= 2 and kind_of(words) == PERSON:
            return " ".join(words)
        lone = len(words) == 1 and kind_of(words) is None and not words[0].isupper() and len(words[0]) > 2
        if lone and (len(tokens) == 1 or not tokens[0].startswith(words[0])):  # not a sentence's first word
            return words[0]
    return None


def find_speakers(doc: Doc, cues: list, anonymous_spans: list[tuple[int, int]]) -> dict[int, Speaker]:
    """The speaker of each attribution cue (by the cue's start offset), with its voice."""
    out: dict[int, Speaker] = {}
    last_person: Speaker | None = None
    anonymous_voices: list[tuple[str, str]] = []  # (head noun, voice) of the sources introduced so far
    named_voices: dict[str, str] = {}
    for cue in sorted(cues, key=lambda e: e.start):
        sentence = doc.sentences[cue.sentence_index]
        at, end_at = cue.start - sentence.start, cue.end - sentence.start
        local = [
            (a - sentence.start, b - sentence.start) for a, b in anonymous_spans if sentence.start <= a < sentence.end
        ]
        if cue.text.lower().startswith(("according to", "enligt", "laut", "selon")):
            span = next(((x, y) for x, y in local if x >= end_at), None) or _after(sentence.text, end_at)
        elif sentence.text[:at].rstrip().endswith(("\u201d", '"')):  # "“…,” said the mayor"
            span = _after(sentence.text, end_at)
        else:
            span = _before(sentence.text, at, local)
        if span is None:
            continue
        start, end = sentence.start + span[0], sentence.start + span[1]
        phrase = doc.text[start:end]
        if _PRONOUN.match(phrase):
            if not _PERSONAL.match(phrase):
                continue  # "it said", "they said": the text does not say who
            # "he said": the last person named before it, in this sentence or the one before
            before = [sentence.text[:at]] + ([doc.sentences[cue.sentence_index - 1].text] if cue.sentence_index else [])
            name = next((n for text in before if (n := _name_in(text))), None)
            if name is not None:
                voice = named_voices.setdefault(name.split()[-1], f"named: {name}")
                out[cue.start] = Speaker(start, end, phrase, NAMED, voice, cue.sentence_index)
            elif last_person is not None:
                out[cue.start] = Speaker(start, end, phrase, last_person.kind, last_person.voice, cue.sentence_index)
            continue
        anonymous = any(a < end and b > start for a, b in anonymous_spans)
        kind = _kind(phrase, anonymous)
        if kind == ANONYMOUS:
            head = (_UNNAMED.findall(phrase) or ["source"])[-1].lower().rstrip("s")
            known = next((v for h, v in reversed(anonymous_voices) if h == head), None) or (
                anonymous_voices[-1][1] if anonymous_voices else None
            )
            if _DEFINITE.match(phrase) and known:  # "the source", "the individual": the one introduced
                voice = known
            else:
                voice = f"anonymous {len(anonymous_voices) + 1}"
                anonymous_voices.append((head, voice))
        elif kind == NAMED:
            name = _name_in(phrase) or phrase
            surname = name.split()[-1]
            voice = named_voices.setdefault(surname, f"named: {name}")
        elif kind in (OFFICIAL, ORGANISATION):
            voice = (
                f"{kind}: " + _DEFINITE.sub("", re.sub(r"^(a|an)\s+", "", phrase, flags=re.IGNORECASE)).strip().lower()
            )
        else:
            voice = ""
        speaker = Speaker(start, end, phrase, kind, voice, cue.sentence_index)
        out[cue.start] = speaker
        if kind in (NAMED, OFFICIAL):
            last_person = speaker
    return out
