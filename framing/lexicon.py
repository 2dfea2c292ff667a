"""Lexicons: versioned data files with provenance headers, and a phrase matcher over tokens.

A lexicon file (``framing/lexicons/*.tsv``) starts with ``# key: value`` header lines (name,
language, kind, version, date, source, licence, categories, changelog) followed by one cue per
line: ``cue<TAB>category<TAB>weight`` and optionally ``<TAB>source`` (where the entry comes
from: ``hand``, or a resource and its score, for built lexicons). A cue is a phrase of space-separated token patterns:

- ``word``        the token, case-insensitively (typographic apostrophes count as ``'``)
- ``speculat*``   any token starting with ``speculat`` (prefix of at least three characters)
- ``a|an|one``    any of the alternatives (each may end in ``*``)
- ``pattern?``    the slot is optional
- ``~2``          up to two arbitrary tokens

Loading rejects duplicate cues, unknown categories and malformed lines, naming file and line.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Sequence
from dataclasses import dataclass

from .errors import LexiconError

_REQUIRED_HEADER = ("name", "language", "kind", "version", "date", "source", "licence", "categories")
_MIN_PREFIX = 3
PREFIX_KEY = _MIN_PREFIX  # prefix cues are indexed by their first letters, this many


@dataclass(frozen=True)
class Slot:
    exact: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    gap: int = 0  # >0: this slot skips 0..gap arbitrary tokens

    def accepts(self, token: str) -> bool:
        return token in self.exact or any(token.startswith(p) for p in self.prefixes)


@dataclass(frozen=True)
class Entry:
    cue: str
    category: str
    weight: float
    line: int
    source: str = ""


@dataclass(frozen=True)
class Lexicon:
    name: str
    language: str
    kind: str
    version: str
    date: str
    source: str
    licence: str
    categories: tuple[str, ...]
    changelog: tuple[str, ...]
    entries: tuple[Entry, ...]

    @property
    def size(self) -> int:
        return len(self.entries)

    def provenance(self) -> dict[str, object]:
        return {
            "name": self.name,
            "language": self.language,
            "kind": self.kind,
            "version": self.version,
            "date": self.date,
            "source": self.source,
            "licence": self.licence,
            "entries": self.size,
            "categories": list(self.categories),
        }


def normalize_token(token: str) -> str:
    """The form tokens and cues are compared in: lower case, straight apostrophes."""
    return token.lower().replace("\u2019", "'").replace("\u2018", "'")


def parse_lexicon(text: str, origin: str) -> Lexicon:
    header: dict[str, str] = {}
    changelog: list[str] = []
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    in_changelog = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            body = line[1:].strip()
            if in_changelog and line.startswith("#  "):
                changelog.append(body)
                continue
            key, sep, value = body.partition(":")
            if sep and key.strip().isidentifier():
                key = key.strip().lower()
                in_changelog = key == "changelog"
                if not in_changelog:
                    header[key] = value.strip()
            continue
        parts = line.split("\t")
        if len(parts) not in (3, 4):
            raise LexiconError(f"{origin}:{lineno}: expected 'cue<TAB>category<TAB>weight[<TAB>source]', got {line!r}")
        cue, category, weight_text, source = (p.strip() for p in (*parts, "")[:4])
        try:
            weight = float(weight_text)
        except ValueError as exc:
            raise LexiconError(f"{origin}:{lineno}: weight {weight_text!r} is not a number") from exc
        key = " ".join(normalize_token(cue).split())
        if key in seen:
            raise LexiconError(
                f"{origin}:{lineno}: duplicate cue {cue!r} (first on line {seen[key]}); remove one of them"
            )
        seen[key] = lineno
        compile_cue(cue, f"{origin}:{lineno}")  # validate now, not at first match
        entries.append(Entry(cue=cue, category=category, weight=weight, line=lineno, source=source))
    missing = [k for k in _REQUIRED_HEADER if k not in header]
    if missing:
        raise LexiconError(f"{origin}: header lacks {', '.join(missing)}")
    categories = tuple(c.strip() for c in header["categories"].split(",") if c.strip())
    for entry in entries:
        if entry.category not in categories:
            raise LexiconError(
                f"{origin}:{entry.line}: category {entry.category!r} is not declared in the "
                f"header (declared: {', '.join(categories)})"
            )
    return Lexicon(
        name=header["name"],
        language=header["language"],
        kind=header["kind"],
        version=header["version"],
        date=header["date"],
        source=header["source"],
        licence=header["licence"],
        categories=categories,
        changelog=tuple(changelog),
        entries=tuple(entries),
    )


def lexicon_folder():
    """The packaged lexicon folder (``framing/lexicons``), the only place lexicons are read from."""
    return importlib.resources.files("framing.lexicons")


@functools.cache
def load_lexicon(name: str) -> Lexicon:
    """Load ``framing/lexicons/<name>.tsv`` (cached: lexicons are immutable). Only packaged
    lexicons: a name is never used to build a path (it may come from an article's metadata)."""
    if name not in available_lexicons():
        raise LexiconError(f"no lexicon named {name[:60]!r} in framing/lexicons")
    resource = lexicon_folder().joinpath(f"{name}.tsv")
    return parse_lexicon(resource.read_text(encoding="utf-8"), f"lexicons/{name}.tsv")


@functools.cache
def word_list(name: str) -> frozenset[str]:
    """A plain word list ``framing/lexicons/<name>.txt`` (``#`` comments); empty if absent."""
    folder = lexicon_folder()
    if f"{name}.txt" not in {p.name for p in folder.iterdir()}:
        return frozenset()
    resource = folder.joinpath(f"{name}.txt")
    lines = resource.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def packaged_files() -> list[tuple[str, bytes]]:
    """(name, content) of every packaged lexicon (.tsv) and word list (.txt), by name."""
    items = [p for p in lexicon_folder().iterdir() if p.name.endswith((".tsv", ".txt"))]
    return [(p.name, p.read_bytes()) for p in sorted(items, key=lambda p: p.name)]


@functools.cache
def available_lexicons() -> tuple[str, ...]:
    folder = lexicon_folder()
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".tsv")))


def compile_cue(cue: str, origin: str) -> tuple[tuple[Slot, ...], ...]:
    """Compile a cue into its variants (one per choice of optional slots)."""
    variants: list[list[Slot]] = [[]]
    for part in cue.split():
        optional = part.endswith("?") and len(part) > 1
        if optional:
            part = part[:-1]
        if part.startswith("~"):
            if not part[1:].isdigit() or int(part[1:]) < 1:
                raise LexiconError(f"{origin}: gap {part!r} must be ~N with N >= 1")
            slot = Slot(gap=int(part[1:]))
        else:
            exact, prefixes = set(), []
            for alt in part.split("|"):
                alt = normalize_token(alt)
                if not alt:
                    raise LexiconError(f"{origin}: empty alternative in {cue!r}")
                if alt.endswith("*"):
                    if len(alt) - 1 < _MIN_PREFIX:
                        raise LexiconError(f"{origin}: prefix {alt!r} is shorter than {_MIN_PREFIX} letters")
                    prefixes.append(alt[:-1])
                else:
                    exact.add(alt)
            slot = Slot(exact=frozenset(exact), prefixes=tuple(prefixes))
        if optional:
            variants = [v + [slot] for v in variants] + [list(v) for v in variants]
        else:
            variants = [v + [slot] for v in variants]
    out = []
    for variant in variants:
        if not variant:
            continue
        if variant[0].gap or variant[-1].gap:
            raise LexiconError(f"{origin}: cue {cue!r} may not start or end with a gap")
        out.append(tuple(variant))
    if not out:
        raise LexiconError(f"{origin}: cue {cue!r} matches nothing")
    return tuple(out)


@dataclass(frozen=True)
class Match:
    start: int  # index of the first token
    end: int  # index one past the last token
    entry: Entry


Variant = tuple[Entry, tuple[Slot, ...]]


class _Heads:
    """The cue variants that begin with one first-token form, indexed by what their second slot
    accepts, so that a frequent first word ("the", "a") only tries the variants its next token
    can continue."""

    def __init__(self) -> None:
        self.any: list[Variant] = []  # one slot, or a gap second: matched from the second token on
        self.exact: dict[str, list[Variant]] = {}
        self.prefix: dict[str, list[tuple[str, Entry, tuple[Slot, ...]]]] = {}

    def add(self, entry: Entry, slots: tuple[Slot, ...]) -> None:
        if len(slots) == 1 or slots[1].gap:
            self.any.append((entry, slots))
            return
        for form in slots[1].exact:
            self.exact.setdefault(form, []).append((entry, slots))
        for prefix in slots[1].prefixes:
            self.prefix.setdefault(prefix[:_MIN_PREFIX], []).append((prefix, entry, slots))

    def candidates(self, following: str | None) -> tuple[list[Variant], list[Variant]]:
        """Variants to match from the second token on, and variants whose second slot
        ``following`` (the next token, None at the end) already satisfies."""
        if following is None:
            return self.any, []
        second = self.exact.get(following, [])
        prefixed = self.prefix.get(following[:_MIN_PREFIX])
        if prefixed:
            second = second + [(entry, slots) for prefix, entry, slots in prefixed if following.startswith(prefix)]
        return self.any, second


class PhraseMatcher:
    """Finds lexicon cues in a token sequence: longest match first, left to right."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._by_exact: dict[str, _Heads] = {}
        self._by_prefix: dict[str, list[tuple[str, _Heads]]] = {}
        prefixed: dict[str, _Heads] = {}
        for entry in lexicon.entries:
            for slots in compile_cue(entry.cue, f"{lexicon.name}:{entry.line}"):
                first = slots[0]
                for form in first.exact:
                    self._by_exact.setdefault(form, _Heads()).add(entry, slots)
                for prefix in first.prefixes:
                    if prefix not in prefixed:
                        prefixed[prefix] = _Heads()
                        self._by_prefix.setdefault(prefix[:_MIN_PREFIX], []).append((prefix, prefixed[prefix]))
                    prefixed[prefix].add(entry, slots)
        self._exact_keys = frozenset(self._by_exact)
        self._prefix_keys = frozenset(self._by_prefix)

    def could_match(self, forms: frozenset[str], heads: frozenset[str]) -> bool:
        """False when no cue can start at any of these token forms (whose first ``PREFIX_KEY``
        letters are ``heads``): a set test that spares ``find`` its walk over the tokens."""
        return not (forms.isdisjoint(self._exact_keys) and heads.isdisjoint(self._prefix_keys))

    def _heads(self, token: str) -> list[_Heads]:
        found = [heads for prefix, heads in self._by_prefix.get(token[:_MIN_PREFIX], ()) if token.startswith(prefix)]
        exact = self._by_exact.get(token)
        return found + [exact] if exact is not None else found

    @staticmethod
    def _match(slots: tuple[Slot, ...], tokens: Sequence[str], si: int, ti: int) -> int:
        """Longest end index for slots[si:] matched from tokens[ti:], or -1."""
        if si == len(slots):
            return ti
        slot = slots[si]
        if slot.gap:
            best = -1
            for skip in range(slot.gap + 1):
                if ti + skip > len(tokens):
                    break
                best = max(best, PhraseMatcher._match(slots, tokens, si + 1, ti + skip))
            return best
        if ti < len(tokens) and slot.accepts(tokens[ti]):
            return PhraseMatcher._match(slots, tokens, si + 1, ti + 1)
        return -1

    def find(self, tokens: Sequence[str]) -> list[Match]:
        """Non-overlapping matches in ``tokens`` (already normalised with normalize_token)."""
        matches: list[Match] = []
        by_exact, by_prefix = self._by_exact, self._by_prefix
        n = len(tokens)
        i = 0
        while i < n:
            token = tokens[i]
            if token not in by_exact and token[:_MIN_PREFIX] not in by_prefix:
                i += 1  # the common case: no cue starts here
                continue
            following = tokens[i + 1] if i + 1 < n else None
            best_end, best_entry = -1, None
            for heads in self._heads(token):
                for from_slot, variants in enumerate(heads.candidates(following), start=1):
                    for entry, slots in variants:
                        end = self._match(slots, tokens, from_slot, i + from_slot)
                        if end > best_end or (
                            end == best_end and best_entry is not None and entry.line < best_entry.line
                        ):
                            best_end, best_entry = end, entry
            if best_entry is not None and best_end > i:
                matches.append(Match(i, best_end, best_entry))
                i = best_end
            else:
                i += 1
        return matches
