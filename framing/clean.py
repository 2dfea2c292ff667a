"""Boilerplate removal that records what it removed.

Cleaning works on lines of ``Article.raw_text``. Each rule is a named pattern; a line that a
rule claims is removed and recorded as ``Removed(start, end, text, rule)`` in raw-text
offsets. Two scopes:

- line rules apply anywhere: navigation links, promos ("Also Read: …"), copyright lines,
  comment counters and forms, topic tags, wire/feed credits, author boxes, repeated lines;
  bylines and contributor credits are moved into metadata;
- tail rules apply only to the run of lines at the end of the article that are all
  boilerplate (comment policies, newsletter and story-tip invitations), so that a body
  sentence mentioning "comments" is never touched.

A leading ``date YYYY-MM-DD`` marker (as in exported corpora) becomes the publication date.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from .config import DEFAULT_CONFIG, Config
from .corpus import Article, Removed, parse_date
from .text import WORD_RE, _same_title

_I = re.IGNORECASE

# A newsroom's note on the story itself, never a fact of it: removed as a line by cleaning, and
# never aligned as a fact when it sits inside a paragraph (framing.compare.align.units).
STATUS_NOTE = re.compile(
    r"^\W*(this (is a )?(developing|breaking)( news)? story"
    r"|this (story|article|report) (is developing|has been updated|will be updated|is being updated)"
    r"|(check|come) back (later |soon )?for (more |the latest )?updates|more (details )?to (come|follow)"
    r"|updates? to follow|(developing|breaking)( story| news)?(?=\W*$)"
    r"|denna (artikel|text) (uppdateras|kommer att uppdateras)|artikeln uppdateras"
    r"|dieser artikel wird (laufend )?aktualisiert|cet article (sera|est) mis à jour)\b[^.!?]*([.!?]\W*)?$",
    _I,
)
# Line rules: (rule id, pattern). Matched against the stripped line. Ordered: first match wins.
LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "navigation",
        re.compile(r"^(skip (to|navigation)( (main )?content)?|jump to (main )?content|back to top|menu)$", _I),
    ),
    (
        "promo",
        re.compile(
            r"^(also read|read also|read more|more on this|related( stories| articles)?|recommended"
            r"|see also|don'?t miss|watch|listen|läs (också|mer)|lesen sie auch|mehr zum thema"
            r"|weiterlesen|à lire aussi|lire aussi)\s*[:：|–-]\s*\S",
            _I,
        ),
    ),
    ("copyright", re.compile(r"(©|\(c\)\s*\d{4}|^copyright\b|all rights reserved|alla rättigheter förbehållna)", _I)),
    (
        "comment_counter",
        re.compile(
            r"^((\d+\s+)?(comments?|kommentare|kommentarer|kommentar|commentaires?)(\s*\(\d+\))?"
            r"|jump to comments\b.*|(show|view|load|read) (all )?comments\b.*)$",
            _I,
        ),
    ),
    (
        "comment_form",
        re.compile(
            r"^(leave a (reply|comment)|post a comment|(post|submit) comment|cancel reply)$"
            r"|your email address will not be published|required fields are marked",
            _I,
        ),
    ),
    (
        "topic_tags",
        re.compile(r"^(article )?(topics?|tags?|categor(y|ies)|filed under|ämnen|themen)( follows)?\s*:", _I),
    ),
    ("status_note", STATUS_NOTE),
    ("feed_credit", re.compile(r"^[\w&'\u2019. -]{0,40}?[\s-](news?\s?source|newswire|wire|news service)$", _I)),
    (
        "social",
        re.compile(
            r"^(share( this( article| story)?)?|tweet|email|print|follow us( on \w+)?|"
            r"(subscribe|sign up)( to| for)?( our)?( newsletter)?)$",
            _I,
        ),
    ),
)
BYLINE = re.compile(
    r"^(?i:by|av|von|par|por|di)\s+[A-ZÅÄÖÉ][\w.'\u2019-]+(,?\s+(and\s+|och\s+|und\s+)?[\w.'\u2019-]+){0,16}$"
)
CREDIT = re.compile(
    r"\b(contributed (reporting|to this (report|story|article))|additional reporting by"
    r"|bidrog till (rapporteringen|denna artikel)|mitarbeit:)",
    _I,
)
AUTHOR_COUNT = re.compile(r"^(articles|posts|stories|artiklar|artikel)\s*:\s*[\d,. ]+$", _I)
# Tail rules: only in the trailing run of boilerplate lines.
TAIL_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "comment_policy",
        re.compile(
            r"(community guidelines|click(ing)? here|submit it here|story (idea|tip)|"
            r"(be part of|join) the conversation|forum for (civil|constructive)|"
            r"keep (your )?comments|comment(ing)? policy|comments? (are|is) (closed|moderated))",
            _I,
        ),
    ),
    ("newsletter", re.compile(r"\b(newsletter|subscribe|nyhetsbrev|prenumerera)\b", _I)),
)
DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+", _I)


@dataclass
class _Line:
    start: int
    end: int
    text: str
    rule: str | None = None

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _lines(raw: str, offset: int) -> list[_Line]:
    out, pos = [], offset
    for line in raw[offset:].split("\n"):
        out.append(_Line(pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _key(text: str) -> str:
    return " ".join(WORD_RE.findall(text.lower()))


_AND = re.compile(r"\s+(?:and|och|und|et|y|&)\s+")


def _names(byline: str) -> tuple[str, ...]:
    """Author names of "By A, B and C, Outlet": what follows the last name is the affiliation."""
    parts = [p.strip() for p in re.sub(r"^\S+\s+", "", byline.strip()).split(",")]
    last = next((i for i, p in enumerate(parts) if _AND.search(p)), 0)
    names: list[str] = []
    for part in parts[: last + 1]:
        names.extend(n.strip() for n in _AND.split(part))
    return tuple(n for n in names if n)


def clean(article: Article, config: Config = DEFAULT_CONFIG) -> Article:
    """Return the article with ``text`` (cleaned), ``removed``, authors and credits filled."""
    raw = article.raw_text
    removed: list[Removed] = []
    published = article.published
    offset = 0
    date_match = DATE_PREFIX.match(raw)
    if date_match:
        removed.append(Removed(date_match.start(), date_match.end(), raw[: date_match.end()], "date_marker"))
        published = published or parse_date(date_match.group(1))
        offset = date_match.end()
    lines = _lines(raw, offset)
    authors: list[str] = []
    credits: list[str] = []

    previous_key = None
    for i, line in enumerate(lines):
        stripped = line.text.strip()
        if not stripped:
            continue
        if len(stripped) > config.boilerplate_max_chars:
            previous_key = None
            continue  # a paragraph, not site furniture: no rule runs over it
        key = _key(stripped)
        for rule, pattern in LINE_RULES:
            if pattern.search(stripped):
                line.rule = rule
                break
        if line.rule is None and AUTHOR_COUNT.match(stripped):
            line.rule = "author_box"
            j = i - 1
            while j >= 0 and not lines[j].blank and len(lines[j].text.split()) <= config.author_box_line_words:
                lines[j].rule = "author_box"
                j -= 1
        elif (
            line.rule is None
            and BYLINE.match(stripped)
            and len(WORD_RE.findall(stripped)) <= config.byline_max_words
            and not stripped.endswith(".")
        ):
            line.rule = "byline"
            authors.extend(_names(stripped))
        elif (
            line.rule is None and CREDIT.search(stripped) and len(WORD_RE.findall(stripped)) <= config.credit_max_words
        ):
            line.rule = "contributor_credit"
            credits.append(stripped)
        elif line.rule is None and key and key == previous_key:
            line.rule = "repeated_line"
        previous_key = key

    for line in reversed(lines):
        if line.blank:
            continue
        if line.rule is None and len(line.text) <= config.boilerplate_max_chars:
            for rule, pattern in TAIL_RULES:
                if pattern.search(line.text):
                    line.rule = rule
                    break
        if line.rule is None:
            break

    kept: list[str] = []
    for line in lines:
        if line.rule is not None:
            text = line.text
            lead = len(text) - len(text.lstrip())
            start, end = line.start + lead, line.start + len(text.rstrip())
            last = removed[-1] if removed else None
            gap = raw[last.end : start] if last else None
            if last and last.rule == line.rule and gap is not None and not gap.strip():
                removed[-1] = Removed(last.start, end, raw[last.start : end], line.rule)
            else:
                removed.append(Removed(start, end, raw[start:end], line.rule))
        else:
            kept.append(unicodedata.normalize("NFC", line.text.rstrip()))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(line.strip() for line in kept)).strip("\n")

    title = article.title
    if title and not any(_same_title(block, title) for block in text.split("\n")[:6] if block.strip()):
        text = f"{title.strip()}\n\n{text}"

    return replace(
        article,
        text=text,
        removed=tuple(r for r in article.removed if r.start < 0) + tuple(removed),  # the page's, then ours
        published=published,
        authors=tuple(dict.fromkeys(article.authors + tuple(authors))),
        credits=article.credits + tuple(credits),
    )
