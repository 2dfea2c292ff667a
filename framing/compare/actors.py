"""Actors: people, organisations and places named across a collection, and how each outlet labels them.

Found automatically (editable: pass your own ``ActorSpec`` list):

- names are runs of capitalised words inside a sentence, without honorifics (Mr. Kim → Kim), leading
  role, origin and evaluative words ("US President-elect Donald Trump" → Donald Trump,
  "Obstructionist Democrats" → Democrats, split off as a label), the first word of a sentence or
  quotation when it is an ordinary word ("Have I…"), title-case fragments ("Alleging Conspiracy
  In"), ordinary words in capitals ("World Peace") and nationalities used as adjectives ("North
  Korean leader");
- each is typed: a place when the places list knows it (CLDR territory names in four languages,
  US states, cities and regions: ``lexicons/places.txt``) or it ends in a place word (Harlow
  Street, Ness River); an organisation when a word of it is an organisation word (Journal,
  Department, Kremlin, White House) or it is an acronym or CamelCase (CNN, SpaceX); a person when
  it has two or more words. Actors of different kinds are never merged;
- a person's spellings are merged when surname and first name agree (accents aside, or a
  spelling in another language: Zelensky / Selenskyj), so Hillary and Bill Clinton stay two; a
  single word names the one person whose surname (else first name: Mr. Kim) it is, and a
  surname two people share names neither; the canonical name is the most frequent full name;
- actors named fewer than ``Config.actor_min_mentions`` times in the collection are dropped.

Labels of a mention: role-noun phrases before the name ("tech tycoon Elon Musk"; only modifier
words may precede the role noun, so "hosting Japanese Prime Minister" gives "Japanese Prime
Minister"), in apposition after it ("Elon Musk, teknik-tyckonen,"), and stand-alone descriptions
("the billionaire") resolved to the actor whose labels share words with them (a description
that names no office, "The wealthy entrepreneur", else to the person most mentioned in that
article). Role nouns and modifiers are data files (``lexicons/roles_<lang>.txt``,
``label_modifiers.txt``). Precision on a hand-made gold standard: ``scripts/actor_precision.py``.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from statistics import fmean

from ..config import DEFAULT_CONFIG, Config
from ..errors import UsageError
from ..lexicon import load_lexicon, word_list
from ..names import ORGANISATION, PERSON, PLACE, is_organisation, kind_of, places, role_words
from ..report import ArticleReport, Report
from ..scorers import tone
from ..towards import towards_in_sentence
from .align import name_key

_TOKEN = re.compile(r"[^\W\d_][\w.'\u2019-]*|\d+|[^\w\s]", re.UNICODE)
_POSSESSIVE = re.compile(r"['\u2019]s$")


@dataclass(frozen=True)
class ActorSpec:
    name: str
    kind: str
    aliases: tuple[str, ...]

    def __post_init__(self) -> None:
        """A user's edit may leave a name or an alias blank: a blank alias would match everywhere."""
        if not self.name.strip():
            raise UsageError("an actor needs a name")
        object.__setattr__(self, "aliases", tuple(a for a in self.aliases if a.strip()) or (self.name,))


@dataclass(frozen=True)
class Mention:
    actor: str
    article: str
    sentence_index: int
    start: int
    end: int
    text: str
    label: str | None  # the outlet's words for the actor at this mention, if any
    tone: float | None  # tone of the sentence towards this mention (framing.tone_towards; English only)


@functools.cache
def _function_words() -> frozenset[str]:
    return word_list("actor_stop") | word_list("function_words")


def _is_role(word: str) -> bool:
    w = _POSSESSIVE.sub("", word.lower())
    roles = role_words()
    return w in roles or w.split("-")[-1] in roles


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() and token[:1].isalpha()


def _origin(token: str) -> bool:
    """Words that qualify a role: nationality adjectives, acronyms, names used attributively."""
    return _is_capitalised(token) and token.lower() not in word_list("actor_stop")


@functools.cache
def _modifiers() -> frozenset[str]:
    """Lower-case words a label may carry before its role noun ("former", "tech", "wealthy", and every
    loaded or label word), so a verb before a name ("hosting", "meet") never joins its label."""
    words = set(word_list("label_modifiers"))
    for name in ("loaded_en", "labels_en", "loaded_sv", "labels_sv"):
        for entry in load_lexicon(name).entries:
            if entry.weight > 0:
                words.update(w for w in entry.cue.split("|") if re.fullmatch(r"[\w-]+", w))
    return frozenset(words)


@functools.cache
def _descriptive() -> frozenset[str]:
    """Words that describe a person rather than name an office: descriptive role nouns and label words."""
    words = set(word_list("roles_descriptive"))
    for name in ("labels_en", "labels_sv"):
        words.update(w for e in load_lexicon(name).entries for w in e.cue.split("|") if re.fullmatch(r"[\w-]+", w))
    return frozenset(words)


_DEMONYM = re.compile(r"(an|ian|ese|ish|i|ch|ic)$")
# A capitalised word joined to a participle is an adjective, not a name: "Russia-occupied",
# "Kremlin-backed", "Texas-based" (but "Jae-in" is a name).
_PARTICIPLE = re.compile(r"^[A-Z][\w'’]*-(?:\w+ed|based|led|run|born|made|owned|backed|linked|allied|aligned)$")
_OPENERS = frozenset("\"'“‘„«»(:–—-[")


def _runs(text: str, common: frozenset[str] = frozenset()) -> list[tuple[int, int, list[str]]]:
    """Runs of capitalised tokens that can be names, as (start, end, words).

    Left out: a sentence's (or quotation's) first word when it is an ordinary word seen in lower case
    in the collection (``common``: "With Trump's style…", "“Have I…"); the pronoun I; honorifics
    (Mr. Kim → Kim) and leading role and origin words ("US President-elect Donald Trump" → Donald
    Trump), evaluative words ("Obstructionist Democrats" → Democrats); runs in title case ("Alleging
    Conspiracy In": a capitalised function word inside); a nationality used as an adjective
    ("North Korean leader")."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    stop, function = word_list("actor_stop"), _function_words()
    runs, current = [], []
    for i, (s, e, tok) in enumerate(tokens):
        initial = i == 0 or tokens[i - 1][2] in _OPENERS
        ordinary = initial and (tok.lower() in stop or tok.lower() in common)
        if _is_capitalised(tok) and tok != "I" and not ordinary and not _PARTICIPLE.match(tok):
            current.append((i, s, e, tok))
            if _POSSESSIVE.search(tok):
                runs.append(current)
                current = []
        elif (
            tok in ("of", "for")  # "Department of Defense", "Korea Institute for National Unification"
            and current
            and current[-1][3].lower() in word_list("organisation_words")
            and i + 1 < len(tokens)
            and _is_capitalised(tokens[i + 1][2])
        ):
            current.append((i, s, e, tok))
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    honorifics, evaluative = word_list("honorifics"), _modifiers()
    out = []
    for run in runs:
        if any(t[3][:1].isupper() and t[3].lower() in function for t in run[1:]):
            continue  # title case: "Alleging Conspiracy In", "Lord Of The Rings"
        roles_at = [
            k
            for k, t in enumerate(run[:-1])
            if _is_role(t[3])
            or t[3].lower() in stop
            or t[3].lower().rstrip(".") in honorifics
            or t[3].lower() in evaluative
        ]
        name = run[roles_at[-1] + 1 :] if roles_at else run
        while name and name[-1][3].lower() in function:
            name = name[:-1]
        words = [_POSSESSIVE.sub("", t[3]) for t in name]
        if words and words[-1].endswith(".") and "." not in words[-1][:-1] and len(words[-1]) > 2:
            words[-1] = words[-1][:-1]  # the sentence's full stop, not an abbreviation's (U.S.)
        if not words or all(w.lower() in stop for w in words):
            continue
        if len(words) > 1 and _DEMONYM.search(words[0]) and " ".join(words[1:]).lower() in places():
            words, name = words[1:], name[1:]  # "Russian Black Sea": the Black Sea
        if all(w.lower() in common or w.lower() in function for w in words) and kind_of(words) in (None, PERSON):
            continue  # ordinary words written with capitals: "World Peace"
        following = tokens[name[-1][0] + 1][2] if name[-1][0] + 1 < len(tokens) else ""
        attributive = following[:1].islower() and following.isalpha()
        if attributive and _DEMONYM.search(words[-1]) and kind_of(words) != PLACE and not is_organisation(words):
            continue  # "North Korean leader", "Japanese Prime Minister": an origin, not an actor
        out.append((name[0][1], name[-1][1] + len(words[-1]), words))
    return out


def _common_words(report: Report) -> frozenset[str]:
    return frozenset(m.group(0) for r in report.articles for m in re.finditer(r"\b[a-zåäöéü]+\b", r.article.text))


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names of one person: the same surname (accents aside, or a spelling of it in another
    language: Zelensky / Selenskyj) and the same first name by the same test (Hillary and Bill Clinton
    are two people)."""

    def same(x: str, y: str) -> bool:
        return _fold(x) == _fold(y) or (len(x) >= 4 and len(y) >= 4 and name_key(x) == name_key(y))

    return same(a[-1], b[-1]) and same(a[0], b[0])


def discover(report: Report, config: Config) -> list[ActorSpec]:
    """People, organisations and places named in the collection, with their spellings as aliases."""
    found: dict[str, Counter[tuple[str, ...]]] = {PERSON: Counter(), ORGANISATION: Counter(), PLACE: Counter()}
    singles: Counter[str] = Counter()
    common = _common_words(report)
    titled = frozenset(
        m.group(0) for r in report.articles for m in re.finditer(r"\b[A-ZÅÄÖ][a-zåäöéü]+\b", r.article.text)
    )
    for r in report.articles:
        for s in r.sentences:
            if s.role != "body":  # headings are in title case: every word would look like a name
                continue
            for _, _, words in _runs(s.text, common):
                if len(words) == 1 and len(words[0]) > 3 and words[0].isupper() and words[0].title() in titled:
                    words = [words[0].title()]  # a dateline's capitals ("MILLBROOK —"), not an acronym
                kind = kind_of(words)
                if kind is None:
                    singles[words[0]] += 1
                else:
                    found[kind][tuple(words)] += 1
    people: list[list[tuple[str, ...]]] = []  # the variants of each person, most named first
    surnames = {_fold(words[-1]) for words in found[PERSON]}
    for words, _ in found[PERSON].most_common():
        if len(words) > 3 or (words[0].endswith("s") and _fold(words[0][:-1]) in surnames):
            continue  # a Swedish or German genitive before a thing: "Musks Starlink-tjänst"
        home = next((p for p in people if any(_same_person(words, v) for v in p)), None)
        if home is None:
            people.append([words])
        else:
            home.append(words)
    specs = []
    for variants in people:
        canonical = max(variants, key=lambda v: (found[PERSON][v], -variants.index(v)))
        specs.append(ActorSpec(" ".join(canonical), PERSON, tuple(" ".join(v) for v in variants)))
    # a single word names the one person whose surname it is (else whose first name: Mr. Kim is
    # Kim Jong Un); a surname two people share (Clinton) names neither
    for word in singles:
        base = _fold(word[:-1]) if word.endswith("s") and _fold(word[:-1]) in surnames else _fold(word)  # Musks
        for position in (-1, 0):
            owners = [s for s, v in zip(specs, people, strict=True) if any(_fold(x[position]) == base for x in v)]
            if len(owners) == 1:
                owner = owners[0]
                specs[specs.index(owner)] = ActorSpec(owner.name, PERSON, (*owner.aliases, word))
            if owners:
                break
    generic = word_list("organisation_heads")
    organisations = [
        words for words, _ in found[ORGANISATION].most_common() if not (len(words) == 1 and words[0].lower() in generic)
    ]  # "the Department", "the Committee": some department
    # the last word of a name of three or more words names it alone ("the Journal"); of two it is too
    # generic ("House" is not the White House)
    long_names = {words[-1]: words for words in organisations if len(words) > 2}
    for words in organisations:
        if len(words) == 1 and words[0] in long_names:
            continue  # "Journal" is the Wall Street Journal
        shorter = tuple(
            w
            for w, full_name in long_names.items()
            if full_name == words and w.lower() in word_list("organisation_words") and w.lower() not in generic
        )
        specs.append(ActorSpec(" ".join(words), ORGANISATION, (" ".join(words), *shorter)))
    spellings_of: dict[str, set[str]] = defaultdict(set)
    for words, _ in found[PLACE].most_common():
        spelled = " ".join(words)
        spellings_of[places().get(spelled.lower(), spelled)].add(spelled)
    specs.extend(ActorSpec(name, PLACE, tuple(sorted(spellings))) for name, spellings in spellings_of.items())
    specs = [ActorSpec(s.name, s.kind, tuple(sorted(set(s.aliases), key=lambda a: (-len(a), a)))) for s in specs]
    mentions = mention_counts(report, specs)
    return [s for s in specs if mentions[s.name] >= config.actor_min_mentions]


def _alias_pattern(spec: ActorSpec) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(a) for a in sorted(spec.aliases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:['\u2019]s)?(?![\w-])")


def mention_counts(report: Report, specs: list[ActorSpec]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for spec in specs:
        pattern = _alias_pattern(spec)
        counts[spec.name] = sum(len(pattern.findall(r.article.text)) for r in report.articles)
    return counts


def _label_before(text: str, start: int, config: Config) -> str | None:
    """Role-noun phrase ending right before ``start``: "tech tycoon", "US President-elect"."""
    tokens = [m for m in _TOKEN.finditer(text[:start])]
    i = len(tokens) - 1
    if i < 0 or not _is_role(tokens[i].group(0)):
        return None
    first = i
    while first - 1 >= 0 and first > i - config.label_modifiers - 1:
        prev = tokens[first - 1].group(0)
        if _is_role(prev) or _origin(prev) or (prev.islower() and prev in _modifiers()):
            first -= 1
        else:
            break
    return text[tokens[first].start() : tokens[i].end()]


def _label_after(text: str, end: int) -> str | None:
    """An appositive role phrase after the name: ", teknik-tyckonen," or ", former spokesperson for …"."""
    m = re.match(r",\s+((?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?[\w-]+)(?=[,.;])", text[end:])
    if not m:
        return None
    phrase = m.group(1)
    words = phrase.split()
    return phrase if _is_role(words[-1]) or any(_is_role(w) for w in words[-2:]) else None


_STANDALONE = re.compile(r"\b(?:[Tt]he|[Dd]en|[Dd]et)\s+((?:[\w'\u2019-]+\s+){0,2}[\w'\u2019-]+)")
# A stand-alone description is read as naming an actor only in subject position: at the start
# of a sentence or clause ("The wealthy entrepreneur did not respond", "said the billionaire
# secretly ordered"), never as a predicate ("is the head of SpaceX", "admired the autocrat").
_SUBJECT_BEFORE = re.compile(r"(^|[,;:(]\s*|\b(?:that|said|says|when|while|and|but|because)\s+)$", re.IGNORECASE)


def mentions(report: Report, specs: list[ActorSpec], config: Config = DEFAULT_CONFIG) -> list[Mention]:
    found: list[Mention] = []
    persons = [s for s in specs if s.kind == PERSON]
    patterns = {s.name: _alias_pattern(s) for s in specs}
    for r in report.articles:
        found.extend(_article_mentions(r, specs, patterns, config))
    labels_by_actor: dict[str, set[str]] = defaultdict(set)
    for m in found:
        if m.label:
            labels_by_actor[m.actor].update(w.lower() for w in m.label.split())
    named: dict[str, list[Mention]] = defaultdict(list)
    for m in found:
        named[m.article].append(m)
    for r in report.articles:
        found.extend(_descriptions(r, persons, labels_by_actor, named[r.article.id], config))
    return sorted(found, key=lambda m: (m.article, m.start))


def _article_mentions(r: ArticleReport, specs: list[ActorSpec], patterns, config: Config) -> list[Mention]:
    text = r.article.text
    starts = [s.start for s in r.sentences]
    out = []
    taken: list[tuple[int, int]] = []
    for spec in sorted(specs, key=lambda s: -max(len(a) for a in s.aliases)):
        for m in patterns[spec.name].finditer(text):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            k = bisect.bisect_right(starts, m.start()) - 1
            sentence = r.sentences[k] if k >= 0 and m.start() < r.sentences[k].end else None
            if sentence is None:
                continue
            label = _label_before(text[sentence.start : m.start()], m.start() - sentence.start, config) or _label_after(
                text[: sentence.end], m.end() - len(_POSSESSIVE.findall(m.group(0))) * 2
            )
            towards = _towards(r, sentence, m.start(), m.end(), config)
            out.append(Mention(spec.name, r.article.id, sentence.index, m.start(), m.end(), m.group(0), label, towards))
    return out


def _towards(r: ArticleReport, sentence, start: int, end: int, config: Config) -> float | None:
    """The sentence's tone towards the mention at ``start:end`` (None where tone does not apply)."""
    if r.article.language not in tone.LANGUAGES:
        return None
    language = r.article.language
    return towards_in_sentence(
        sentence.text, sentence.start, start, end, sentence.index, config, language=language
    ).value


def _descriptions(
    r: ArticleReport, persons: list[ActorSpec], labels_by_actor, named: list[Mention], config: Config
) -> list[Mention]:
    """Stand-alone descriptions ("the billionaire") resolved to an actor."""
    if not persons:
        return []
    salience = Counter(m.actor for m in named if any(p.name == m.actor for p in persons))
    text = r.article.text
    out = []
    for sentence in r.sentences:
        for m in _STANDALONE.finditer(sentence.text):
            words = m.group(1).split()
            last_role = max((i for i, w in enumerate(words) if _is_role(w)), default=-1)
            if last_role < 0 or any(w.lower() in _function_words() for w in words[:last_role]):
                continue
            words = words[: last_role + 1]
            phrase_end = m.start(1) + len(" ".join(words))
            after = sentence.text[phrase_end:].lstrip()
            if after[:1].isupper() or after.startswith("of ") or not _SUBJECT_BEFORE.search(sentence.text[: m.start()]):
                continue  # a label before a name (handled above), "the head of …", or not a subject
            wanted = {_POSSESSIVE.sub("", w.lower()) for w in words}
            scored = [(len(wanted & labels_by_actor.get(p.name, set())), salience[p.name], p.name) for p in persons]
            best = max(scored)
            if best[0] == 0 and not (best[1] and wanted & _descriptive()):
                continue  # an office no actor was labelled with: "the president" may be anyone
            start = sentence.start + m.start()
            end = sentence.start + phrase_end
            towards = _towards(r, sentence, start, end, config)
            out.append(
                Mention(best[2], r.article.id, sentence.index, start, end, text[start:end], text[start:end], towards)
            )
    return out


def summary(report: Report, found: list[Mention]) -> list[dict]:
    """Per actor and article: mentions, labels with counts, mean tone towards the actor over the
    mentions that have one, and how many those are."""
    rows = []
    outlets = {r.article.id: r.article.outlet for r in report.articles}
    grouped: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in found:
        grouped[(m.actor, m.article)].append(m)
    for (actor, article), items in sorted(grouped.items()):
        labels = Counter(_POSSESSIVE.sub("", m.label.lower()) for m in items if m.label)
        tones = [m.tone for m in items if m.tone is not None]
        rows.append(
            {
                "actor": actor,
                "article_id": article,
                "outlet": outlets.get(article, ""),
                "mentions": len(items),
                "labels": "; ".join(f"{label} ({n})" for label, n in labels.most_common()) or None,
                "tone_mean": fmean(tones) if tones else None,
                "tone_mentions": len(tones),
            }
        )
    return rows
