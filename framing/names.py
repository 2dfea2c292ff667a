"""What a capitalised name is: a place, an organisation or a person (framing.compare.actors finds
the names; framing.scorers.speakers types who speaks). Data: ``lexicons/places.txt`` (CLDR
territory names in four languages, US states, cities, regions, short forms), ``place_words.txt``
(Harlow Street, Ness River) and ``organisation_words.txt`` (Journal, Department, Kremlin)."""

from __future__ import annotations

import functools
import re

from .lexicon import word_list

PERSON, ORGANISATION, PLACE = "person", "organisation", "place"


@functools.cache
def places() -> dict[str, str]:
    """Each known place spelling (lower case) → the place's name: territory names of the CLDR in four
    languages, US states, cities and regions in the news, short forms ("US" → "United States")."""
    out = {}
    for line in word_list("places"):
        names = line.split("|")
        for name in names:
            out[name.lower()] = names[0]
    return out


def is_organisation(words: list[str]) -> bool:
    org = word_list("organisation_words")
    return any(w.lower() in org for w in words) or (
        len(words) == 1 and (re.fullmatch(r"[A-Z]{3,}", words[0]) or re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*", words[0]))
    )


def kind_of(words: list[str]) -> str | None:
    """PLACE, ORGANISATION or PERSON for a name's words; None for a single word that is none of
    them by itself (a surname, resolved against the people found)."""
    name = " ".join(words).lower()
    if name in places() or (len(words) >= 2 and words[-1].lower() in word_list("place_words")):
        return PLACE
    if is_organisation(words):
        return ORGANISATION
    return PERSON if len(words) >= 2 else None


@functools.cache
def role_words() -> frozenset[str]:
    """Role nouns that label a person (tycoon, president, spokesperson, director…), English and Swedish."""
    return word_list("roles_en") | word_list("roles_sv")
