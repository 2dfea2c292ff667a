"""Actors: people and organisations named across a collection, and how each outlet labels them.

Found automatically (editable: pass your own ``ActorSpec`` list):

- names are runs of capitalised words inside a sentence; leading role and origin words
  ("US President-elect", "Kremlin spokesman") are split off as a label;
- a run is an organisation when a word of it is an organisation word (Journal, Times,
  Department…) or it is an acronym or CamelCase (CNN, SpaceX); a person when it has two or
  more words; single words are kept only as the surname of a person (Musk → Elon Musk);
- spellings across languages are merged by a spelling-tolerant key of the surname
  (Zelensky / Selenskyj), see ``align.name_key``;
- actors named fewer than ``Config.actor_min_mentions`` times in the collection are dropped.

Labels of a mention: role-noun phrases before the name ("tech tycoon Elon Musk"), in
apposition after it ("Elon Musk, teknik-tyckonen,"), and stand-alone descriptions ("the
billionaire", "The wealthy entrepreneur") resolved to the actor whose labels share the most
words with them, else to the person most mentioned in that article. Role nouns are data
files (``lexicons/roles_<lang>.txt``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from statistics import fmean

from ..config import DEFAULT_CONFIG, Config
from ..errors import UsageError
from ..lexicon import word_list
from ..report import ArticleReport, Report
from ..scorers import tone
from ..towards import towards_in_sentence
from .align import name_key

PERSON, ORGANISATION = "person", "organisation"
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


def _function_words() -> frozenset[str]:
    return word_list("actor_stop") | word_list("function_words")


def _roles() -> frozenset[str]:
    return word_list("roles_en") | word_list("roles_sv")


def _is_role(word: str) -> bool:
    w = _POSSESSIVE.sub("", word.lower())
    roles = _roles()
    return w in roles or w.split("-")[-1] in roles


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() and token[:1].isalpha()


def _origin(token: str) -> bool:
    """Words that qualify a role: nationality adjectives, acronyms, names used attributively."""
    return _is_capitalised(token) and token.lower() not in word_list("actor_stop")


def _organisation(words: list[str]) -> bool:
    org = word_list("organisation_words")
    return any(w.lower() in org for w in words) or (
        len(words) == 1 and (re.fullmatch(r"[A-Z]{3,}", words[0]) or re.fullmatch(r"[A-Z][a-z]+[A-Z]\w*", words[0]))
    )


def _runs(text: str, common: frozenset[str] = frozenset()) -> list[tuple[int, int, list[str]]]:
    """Runs of capitalised tokens as (start, end, words), possessive 's stripped.

    ``common``: words seen in lower case in the collection; capitalised at the start of a
    sentence they are ordinary words ("With Trump's unorthodox style…"), not part of a name.
    """
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    runs, current = [], []
    for i, (s, e, tok) in enumerate(tokens):
        if _is_capitalised(tok) and not (i == 0 and (tok.lower() in word_list("actor_stop") or tok.lower() in common)):
            current.append((s, e, tok))
            if _POSSESSIVE.search(tok):
                runs.append(current)
                current = []
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    out = []
    for run in runs:
        # split off leading role and origin words: "US President-elect Donald Trump" -> "Donald Trump"
        roles_at = [i for i, t in enumerate(run[:-1]) if _is_role(t[2]) or t[2].lower() in word_list("actor_stop")]
        name = run[roles_at[-1] + 1 :] if roles_at else run
        words = [_POSSESSIVE.sub("", t[2]) for t in name]
        if all(w.lower() in word_list("actor_stop") for w in words):
            continue
        out.append((name[0][0], name[-1][0] + len(words[-1]), words))
    return out


def _common_words(report: Report) -> frozenset[str]:
    return frozenset(m.group(0) for r in report.articles for m in re.finditer(r"\b[a-zåäöéü]+\b", r.article.text))


def discover(report: Report, config: Config) -> list[ActorSpec]:
    """People and organisations named in the collection, with their spellings as aliases."""
    full: Counter[tuple[str, ...]] = Counter()
    singles: Counter[str] = Counter()
    common = _common_words(report)
    for r in report.articles:
        for s in r.sentences:
            if s.role != "body":  # headings are in title case: every word would look like a name
                continue
            for _, _, words in _runs(s.text, common):
                if _organisation(words) or len(words) >= 2:
                    full[tuple(words)] += 1
                else:
                    singles[words[0]] += 1
    people: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    organisations: list[tuple[str, ...]] = []
    for words, _ in full.most_common():
        if _organisation(list(words)):
            organisations.append(words)
        elif len(words) <= 3:
            people[name_key(words[-1])].append(words)
    specs = []
    for key, variants in people.items():
        counts = {v: full[v] for v in variants}
        canonical = max(variants, key=lambda v: (counts[v], -variants.index(v)))
        surnames = {v[-1] for v in variants} | {w for w in singles if name_key(w) == key and len(w) >= 3}
        aliases = tuple(sorted({" ".join(v) for v in variants} | surnames, key=lambda a: (-len(a), a)))
        specs.append(ActorSpec(" ".join(canonical), PERSON, aliases))
    long_names = {words[-1]: words for words in organisations if len(words) > 1}
    for words in organisations:
        if len(words) == 1 and words[0] in long_names:
            continue  # "Journal" is the Wall Street Journal
        shorter = tuple(w for w, full_name in long_names.items() if full_name == words)
        specs.append(ActorSpec(" ".join(words), ORGANISATION, (" ".join(words), *shorter)))
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
        if (
            _is_role(prev)
            or _origin(prev)
            or (prev.isalpha() and prev.islower() and len(prev) > 1 and prev not in _function_words())
        ):
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
    for r in report.articles:
        found.extend(
            _descriptions(r, persons, labels_by_actor, [m for m in found if m.article == r.article.id], config)
        )
    return sorted(found, key=lambda m: (m.article, m.start))


def _article_mentions(r: ArticleReport, specs: list[ActorSpec], patterns, config: Config) -> list[Mention]:
    text = r.article.text
    out = []
    taken: list[tuple[int, int]] = []
    for spec in sorted(specs, key=lambda s: -max(len(a) for a in s.aliases)):
        for m in patterns[spec.name].finditer(text):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            sentence = next((s for s in r.sentences if s.start <= m.start() < s.end), None)
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
            if best[0] == 0 and best[1] == 0:
                continue
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
