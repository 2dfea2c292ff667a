"""The Article model and loading: folders and files of .txt, .md, .html, .csv, .json and .jsonl.

Every input either becomes an ``Article`` or a ``LoadError`` that names the file and the fix;
one bad file never stops the others. Bytes are decoded strictly: UTF-8 (with or without BOM),
UTF-16/32 with BOM, or a legacy encoding detected by charset-normalizer, line by line when a
file mixes UTF-8 with a legacy encoding. Nothing is decoded with replacement characters.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .config import DEFAULT_CONFIG, Config
from .errors import InputError

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TABLE_SUFFIXES = {".csv"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
LINES_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet"}
SUPPORTED_SUFFIXES = (
    TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | TABLE_SUFFIXES | JSON_SUFFIXES | PARQUET_SUFFIXES
)
# Rows read from a Parquet file at a time: bounded memory whatever the file's size.
PARQUET_BATCH_ROWS = 256
SIDECAR_NAME = "articles.csv"
SIDECAR_NAMES = (SIDECAR_NAME, "articles.json")  # metadata by file name, for the files beside it
SUPPORTED_HINT = "a .txt, .md, .html, .csv, .json, .jsonl or .parquet file"

# Share of control characters (other than tab and line breaks) above which decoded "text" is
# taken to be binary. Real articles have none; 1% tolerates a stray form feed or two. It decides
# whether an input is text at all, never a score, so it is not a Config setting.
_MAX_CONTROL_SHARE = 0.01
_BINARY_MAGIC = {
    b"%PDF": "a PDF file; export its text (e.g. pdftotext) and load the .txt",
    b"PK\x03\x04": "a ZIP archive or Office document; save it as .txt or .html first",
    b"\x89PNG": "a PNG image, not text",
    b"\xff\xd8\xff": "a JPEG image, not text",
    b"GIF8": "a GIF image, not text",
    b"\x1f\x8b": "a gzip archive; unpack it first",
}
# When several legacy encodings decode the bytes equally well (charset-normalizer reports the
# same chaos and coherence for cp1250 and cp1252 on most French or Swedish text), prefer the
# one most common in Western news text: WHATWG decodes even "latin-1" labels as windows-1252.
_LEGACY_PREFERENCE = ("cp1252", "iso8859_15", "latin_1")
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("date", "published", "published_at")


@dataclass(frozen=True)
class Removed:
    """A part of ``Article.raw_text`` that cleaning removed, and the rule that removed it; or, with
    offsets -1 and rule ``html_extraction``, a block of an HTML page that its extraction left out
    (removed before the page's text became ``raw_text``)."""

    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True)
class Article:
    id: str
    raw_text: str
    source: str
    outlet: str = ""
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    url: str | None = None
    language: str | None = None  # set from metadata, else detected by the pipeline
    language_source: str | None = None  # "metadata" or "detected"
    note: str | None = None
    encoding: str | None = None
    text: str = ""  # cleaned text: every evidence offset points into this
    removed: tuple[Removed, ...] = ()
    authors: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    # The user's call on the event model (framing.compare.events): "same", "related" or
    # "different" from the collection's main event; None leaves it to the detection.
    event: str | None = None


EVENT_CHOICES = ("same", "related", "different")


def event_choice(value: object) -> str | None:
    """A metadata event value as the model's word ("Same event" -> "same"); None when unset or
    not one of its three words."""
    word = str(value or "").strip().lower().removesuffix(" event")
    return word if word in EVENT_CHOICES else None


def article_from_dict(data: dict) -> Article:
    """The inverse of ``dataclasses.asdict(article)`` (JSON turns tuples into lists). Fields this
    version does not know (written by a newer one) are left out; a missing required field is an
    InputError."""
    known = {f.name for f in dataclasses.fields(Article)}
    fields = {k: v for k, v in data.items() if k in known}
    missing = [name for name in ("id", "raw_text", "source") if name not in fields]
    if missing:
        raise InputError(f"a stored article lacks {', '.join(missing)}")
    fields["removed"] = tuple(Removed(**r) for r in fields.get("removed", ()))
    for key in ("authors", "credits", "warnings"):
        fields[key] = tuple(fields.get(key, ()))
    return Article(**fields)


@dataclass(frozen=True)
class LoadError:
    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)


def parse_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date or datetime string, or None."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


# Control characters that no text file holds: C0 but tab, line feed, form feed, carriage
# return; and DEL.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:100_000]
    return len(_CONTROL_RE.findall(sample)) / len(sample)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding). Raises InputError with the fix."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError("the file is empty")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"this is {what}")
    boms = (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"starts with a {encoding} byte-order mark but is not valid {encoding}") from exc
    if b"\x00" in data[:4096]:
        even, odd = data[0:4096:2].count(0), data[1:4096:2].count(0)
        sample = len(data[:4096]) / 2
        for encoding, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
            if zeros > 0.4 * sample:
                try:
                    return _checked(data.decode(encoding), encoding)
                except UnicodeDecodeError:
                    pass
        raise InputError("contains NUL bytes: a binary file, not text")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    lines = data.split(b"\n")
    utf8_lines: dict[int, str] = {}
    legacy_lines: list[int] = []
    for i, line in enumerate(lines):
        try:
            utf8_lines[i] = line.decode("utf-8")
        except UnicodeDecodeError:
            legacy_lines.append(i)
    legacy_bytes = b"\n".join(lines[i] for i in legacy_lines)
    candidates = [m for m in from_bytes(legacy_bytes) if not m.encoding.startswith("utf")]
    if not candidates:
        raise InputError("the encoding could not be determined; save the file as UTF-8")
    best = min((m.chaos, -m.coherence) for m in candidates)
    tied = [m.encoding for m in candidates if (m.chaos, -m.coherence) == best]
    encoding = next((e for e in _LEGACY_PREFERENCE if e in tied), tied[0])
    decoded = dict(utf8_lines)
    for i in legacy_lines:
        decoded[i] = lines[i].decode(encoding)
    text = "\n".join(decoded[i] for i in range(len(lines)))
    non_ascii_utf8 = any(not lines[i].isascii() for i in utf8_lines)
    label = f"mixed: utf-8 and {encoding}" if non_ascii_utf8 else encoding
    return _checked(text, label)


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError("contains control characters: a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


# --- formats -----------------------------------------------------------------------------

# Every rule runs in time linear in the line: no group can stretch past the next bracket,
# parenthesis or backtick, and emphasis is removed delimiter by delimiter (a run of * or _ that
# opens or closes emphasis by CommonMark's flanking rule; _ never inside a word) instead of being
# matched in pairs, which backtracks quadratically on "**a **a **a …".
_MD_RULES = (
    (re.compile(r"^\s{0,3}#{1,6}\s+"), ""),  # ATX heading marker (closing #s: _md_heading_end)
    (re.compile(r"^\s{0,3}>\s?"), ""),  # block quotes
    (re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+"), ""),  # list markers
    (re.compile(r"!\[([^\[\]]*)\]\([^()]*\)"), r"\1"),  # images -> alt text
    (re.compile(r"\[([^\[\]]+)\]\([^()]*\)"), r"\1"),  # links -> link text
    (re.compile(r"(?<![\w*])\*{1,3}(?=[^\s*])|(?<=[^\s*])\*{1,3}(?![\w*])"), ""),  # * emphasis
    (re.compile(r"(?<![\w_])_{1,3}(?=[^\s_])|(?<=[^\s_])_{1,3}(?![\w_])"), ""),  # _ emphasis
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
)
_ATX = re.compile(r"^\s{0,3}#{1,6}\s")


def _md_heading_end(line: str) -> str:
    """An ATX heading's text without its optional closing run of #s."""
    stripped = line.rstrip()
    bare = stripped.rstrip("#")
    return bare.rstrip() if bare != stripped and (not bare or bare[-1].isspace()) else stripped


def markdown_to_text(source: str) -> str:
    """Plain text from Markdown: markup removed, line structure kept."""
    out = []
    in_fence = False
    for line in source.split("\n"):
        if line.strip().startswith("```"):
            in_fence = not in_fence
            continue
        if re.fullmatch(r"\s*([-*_=])(\s*\1){2,}\s*", line):
            out.append("")  # rules and setext underlines
            continue
        heading = _ATX.match(line) is not None
        for pattern, repl in _MD_RULES:
            line = pattern.sub(repl, line)
        out.append(_md_heading_end(line) if heading else line)
    return "\n".join(out)


def html_to_article_fields(html: str) -> dict[str, str | None]:
    """Main text, title, site name and date of an HTML page, via trafilatura, and what the
    extraction left out of the page (``page_removed``)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in this HTML page")
    return {
        "text": text,
        "title": getattr(doc, "title", None),
        "outlet": getattr(doc, "sitename", None),
        "date": getattr(doc, "date", None),
        "url": getattr(doc, "url", None),
        "removed": page_removed(html, text),
    }


# Elements that hold a block of a page's text; the innermost ones are its blocks.
_BLOCKS = frozenset(
    [
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "td",
        "th",
        "dd",
        "dt",
        "figcaption",
        "caption",
        "div",
        "section",
        "nav",
        "footer",
        "aside",
        "header",
        "article",
        "form",
        "button",
        "label",
        "address",
        "summary",
    ]
)


def _shingles(words: list[str], sizes: tuple[int, ...] = (3,)) -> set[tuple[str, ...]]:
    """The word n-grams of a text (of a shorter text, the whole): a block is in the extracted text
    when all of its trigrams are, which is tested in time linear in the two texts."""
    out = set()
    for size in sizes:
        n = min(size, len(words))
        out.update(tuple(words[i : i + n]) for i in range(len(words) - n + 1) if n)
    return out


def page_removed(html: str, extracted: str) -> tuple[Removed, ...]:
    """The blocks of a page's text that its extraction left out (navigation, promotions, comments,
    footers), as ``Removed`` parts with offsets -1: they were removed from the page before its text
    was taken, so they have no place in ``raw_text``."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ()
    for node in root.xpath("//script|//style|//noscript|//template|//head"):
        node.drop_tree()
    blocks = [e for e in root.iter() if isinstance(e.tag, str) and e.tag in _BLOCKS]
    # blocks that hold another block are not innermost; the dict holds each element it names alive,
    # so its id stays its own (lxml makes a new proxy object for a node no one holds)
    outer: dict[int, object] = {}
    for element in blocks:
        parent = element.getparent()
        while parent is not None and id(parent) not in outer:
            outer[id(parent)] = parent
            parent = parent.getparent()
    kept = _shingles(extracted.split(), (1, 2, 3))
    out, seen = [], set()
    for element in blocks:
        if id(element) in outer:
            continue
        block = " ".join(element.text_content().split())
        if block and block not in seen and not _shingles(block.split()) <= kept:
            seen.add(block)
            out.append(Removed(-1, -1, block, "html_extraction"))
    return tuple(out)


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _record_fields(record: dict, where: str) -> dict[str, str | None]:
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected an object with a 'text' field")
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    text = lowered.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: the 'text' field is missing or empty")

    def pick(*keys: str) -> str | None:
        for key in keys:
            value = lowered.get(key)
            if value is not None and str(value).strip() and str(value).lower() != "nan":
                return str(value).strip()
        return None

    return {
        "text": text,
        "id": pick("id"),
        "title": pick(*_TITLE_KEYS),
        "outlet": pick("outlet", "source", "site", "sitename"),
        "date": pick(*_DATE_KEYS),
        "url": pick("url", "link"),
        "language": pick("language", "lang"),
        "note": pick("note", "notes"),
        "event": pick("event"),
    }


_LANGUAGE_TAG = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*")


def language_code(value: object) -> str | None:
    """The ISO 639 code of a language tag from metadata ("en", "sv", "en-US" -> "en"); None when
    the value is not a language tag, so the language is detected from the text instead."""
    match = _LANGUAGE_TAG.fullmatch(str(value).strip().lower()) if value else None
    return match.group(1) if match else None


def _article(fields: dict[str, str | None], ident: str, source: str, encoding: str, config: Config) -> Article:
    text = fields["text"] or ""
    if len(text) > config.max_article_chars:
        raise InputError(
            f"the article has {len(text):,} characters, over the limit of "
            f"{config.max_article_chars:,} (Config.max_article_chars)"
        )
    language = language_code(fields.get("language"))
    warnings = () if encoding.startswith("utf") else (f"decoded from the legacy encoding {encoding} (detected)",)
    if fields.get("language") and language is None:
        warnings += (f"the language {str(fields['language'])[:40]!r} in the metadata is not a language code; detected",)
    return Article(
        id=fields.get("id") or ident,
        raw_text=text,
        source=source,
        outlet=fields.get("outlet") or "",
        title=fields.get("title"),
        published=parse_date(fields.get("date")),
        url=fields.get("url"),
        language=language,
        language_source="metadata" if language else None,
        note=fields.get("note"),
        encoding=encoding,
        warnings=warnings,
        event=event_choice(fields.get("event")),
        removed=fields.get("removed", ()),
    )


def guarded(name: str, items: Iterable[Article | LoadError]) -> Iterator[Article | LoadError]:
    """The items of one input; any failure while reading it (a parser's RecursionError on deeply
    nested JSON, a ValueError on a 5,000-digit number, …) becomes that input's error, and what it
    gave before stays."""
    try:
        yield from items
    except InputError as exc:
        yield LoadError(name, str(exc))
    except RecursionError:
        yield LoadError(name, "could not be read: nested too deeply")
    except Exception as exc:  # a parser's own failure on hostile input: this input only
        yield LoadError(name, f"could not be read ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})")


def parse_bytes(name: str, data: bytes, config: Config = DEFAULT_CONFIG) -> Iterator[Article | LoadError]:
    """Articles (or per-record errors) from one file's bytes. ``name`` gives format and ids.
    Never raises for a bad input: it becomes a ``LoadError``."""
    return guarded(name, _parse_bytes(name, data, config))


def _parse_bytes(name: str, data: bytes, config: Config) -> Iterator[Article | LoadError]:
    suffix = Path(name).suffix.lower()
    stem = Path(name).stem
    if suffix in PARQUET_SUFFIXES and len(data) <= config.max_file_bytes:
        yield from _parquet_records(io.BytesIO(data), name, config)
        return
    try:
        if suffix not in SUPPORTED_SUFFIXES:
            known = next((what for magic, what in _BINARY_MAGIC.items() if data.startswith(magic)), None)
            if known:
                raise InputError(f"this is {known}")
            raise InputError(f"not a supported file type ({suffix or 'no extension'}); expected {SUPPORTED_HINT}")
        if len(data) > config.max_file_bytes:
            raise InputError(
                f"the file is {len(data) / 1e6:.1f} MB, over the limit of "
                f"{config.max_file_bytes / 1e6:.1f} MB (Config.max_file_bytes)"
            )
        text, encoding = decode(data)
        if not text.strip():
            raise InputError("the file is empty")
    except InputError as exc:
        yield LoadError(name, str(exc))
        return
    if suffix in TABLE_SUFFIXES:
        yield from _parse_csv(name, stem, text, encoding, config)
    elif suffix in JSON_SUFFIXES:
        yield from _parse_json(name, stem, text, encoding, config, lines=suffix != ".json")
    else:
        try:
            html = suffix in HTML_SUFFIXES or _looks_like_html(text)
            _check_length(text, html, config)
            if html:
                fields = html_to_article_fields(text)
            elif suffix in MARKDOWN_SUFFIXES:
                fields = {"text": markdown_to_text(text)}
            else:
                fields = {"text": text, "title": first_line_title(text, config)}
            fields["outlet"] = fields.get("outlet") or outlet_from_name(stem)
            yield _article(fields, stem, name, encoding, config)
        except InputError as exc:
            yield LoadError(name, str(exc))


def _check_length(text: str, html: bool, config: Config) -> None:
    """Size limits apply before any conversion: markup is never parsed past them."""
    limit, setting = (
        (config.max_html_chars, "max_html_chars") if html else (config.max_article_chars, "max_article_chars")
    )
    if len(text) > limit:
        what = "page" if html else "article"
        raise InputError(f"the {what} has {len(text):,} characters, over the limit of {limit:,} (Config.{setting})")


def article_from_html(
    text: str, *, ident: str, source: str, encoding: str, config: Config = DEFAULT_CONFIG, plain: bool = False
) -> Article:
    """An article from a page's text: extracted by trafilatura when it is HTML (``plain`` text
    that looks like HTML is treated as HTML too), else taken as it is. Raises InputError."""
    html = not plain or _looks_like_html(text)
    _check_length(text, html, config)
    fields = html_to_article_fields(text) if html else {"text": text}
    return _article(fields, ident, source, encoding, config)


# Stems that name no outlet: what a browser, an editor or an export calls a file by default.
_GENERIC_STEMS = frozenset(
    [
        "article",
        "articles",
        "story",
        "text",
        "news",
        "document",
        "doc",
        "file",
        "page",
        "untitled",
        "download",
        "export",
        "copy",
        "new",
    ]
)


def outlet_from_name(stem: str) -> str:
    """The outlet a file's name gives, for a file whose content names none: the stem up to the
    first underscore ("breitbart_shutdown" -> "breitbart", "BBC News" -> "BBC News"), when it
    reads as a name (two letters or more, more letters than digits, not a generic word such as
    "article"); else "" (a numbered file names no outlet)."""
    head = " ".join(stem.split("_", 1)[0].split())[:60]
    letters = sum(ch.isalpha() for ch in head)
    digits = sum(ch.isdigit() for ch in head)
    if letters < 2 or letters <= digits or head.lower() in _GENERIC_STEMS:
        return ""
    return head


def first_line_title(text: str, config: Config = DEFAULT_CONFIG) -> str | None:
    """The headline of a plain-text article: its first non-empty line, whatever its punctuation,
    when more text follows and the line is no longer than a headline can be
    (``Config.heading_max_words``); None when ``Config.first_line_headline`` is off."""
    if not config.first_line_headline:
        return None
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if len(lines) < 2 or len(lines[0].split()) > config.heading_max_words:
        return None
    return lines[0]


def _parse_csv(name, stem, text, encoding, config) -> Iterator[Article | LoadError]:
    csv.field_size_limit(max(config.max_article_chars, 131072) * 4)
    try:
        reader = csv.DictReader(io.StringIO(text))
        header = [h.strip().lower() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        yield LoadError(name, f"not a readable CSV file ({exc})")
        return
    if "text" not in header:
        yield LoadError(name, f"a CSV of articles needs a 'text' column (found: {', '.join(header) or 'none'})")
        return
    try:
        yield from _records(name, stem, enumerate(reader, start=1), encoding, config, "row")
    except csv.Error as exc:
        yield LoadError(name, f"CSV parse error: {exc}")


def _json(text: str | bytes):
    """A parsed JSON value; InputError (with the reason) for anything the parser refuses."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except UnicodeDecodeError:
        raise InputError("not valid UTF-8") from None
    except RecursionError:
        raise InputError("not readable JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. a number of more than 4,300 digits
        raise InputError(f"not readable JSON ({' '.join(str(exc).split())[:120]})") from None


def _json_lines(name, stem, lines: Iterable[str | bytes], encoding, config) -> Iterator[Article | LoadError]:
    """One article (or error) per non-empty line; a bad line costs only itself."""
    for line_number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = _json(line)
        except InputError as exc:
            yield LoadError(f"{name}#{line_number}", f"line {line_number}: {exc}")
            continue
        yield from _records(name, stem, [(line_number, record)], encoding, config)


def _parse_json(name, stem, text, encoding, config, lines: bool) -> Iterator[Article | LoadError]:
    if lines:
        yield from _json_lines(name, stem, text.split("\n"), encoding, config)
        return
    try:
        data = _json(text)
    except InputError as exc:
        yield LoadError(name, str(exc))
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    items = data if isinstance(data, list) else [data]
    yield from _records(name, stem, enumerate(items, start=1), encoding, config)


def _records(name, stem, records, encoding, config, noun: str = "record") -> Iterator[Article | LoadError]:
    """Articles from (number, record) pairs; a bad record becomes a LoadError named ``name#number``."""
    for number, record in records:
        try:
            fields = _record_fields(record, f"{noun} {number}")
            yield _article(fields, f"{stem}-{number}", f"{name}#{number}", encoding, config)
        except InputError as exc:
            yield LoadError(f"{name}#{number}", str(exc))


# --- sidecar metadata and paths -------------------------------------------------------------


def sidecar_from_bytes(name: str, data: bytes) -> dict[str, dict[str, str]] | None:
    """Metadata by file name when this is a metadata file: an ``articles.csv`` with a ``file``
    column and no ``text`` column, or an ``articles.json`` list of objects with ``file`` and no
    ``text``. None when it is not one (it is then read as articles). Raises InputError when it
    cannot be read."""
    if Path(name).name.lower() not in SIDECAR_NAMES:
        return None
    text, _ = decode(data)
    if name.lower().endswith(".json"):
        rows = _json(text)
        if isinstance(rows, dict) and isinstance(rows.get("articles"), list):
            rows = rows["articles"]
        if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
            return None
        rows = [{str(k): "" if v is None else str(v) for k, v in r.items()} for r in rows]
    else:
        try:
            rows = list(csv.DictReader(io.StringIO(text)))
        except csv.Error as exc:
            raise InputError(f"not a readable CSV file ({exc})") from None
    out: dict[str, dict[str, str]] = {}
    for row in rows:
        clean = {str(k).strip().lower(): (v or "").strip() for k, v in row.items() if k}
        if "text" in clean:
            return None  # a table of articles, not of metadata
        if clean.get("file"):
            out[clean["file"]] = clean
    return out if out else None


def read_sidecar(path: Path) -> dict[str, dict[str, str]]:
    """Metadata by file name from a folder's ``articles.csv`` or ``articles.json``."""
    return sidecar_from_bytes(path.name, path.read_bytes()) or {}


def is_sidecar(path: Path) -> bool:
    if path.name.lower() not in SIDECAR_NAMES:
        return False
    try:
        return sidecar_from_bytes(path.name, path.read_bytes()) is not None
    except InputError:
        return False


def apply_sidecar(article: Article, meta: dict[str, str]) -> Article:
    from dataclasses import replace

    language = language_code(meta.get("language"))
    return replace(
        article,
        outlet=meta.get("outlet") or article.outlet,
        title=meta.get("headline") or meta.get("title") or article.title,
        published=parse_date(meta.get("date")) or article.published,
        url=meta.get("url") or article.url,
        language=language or article.language,
        language_source="metadata" if language else article.language_source,
        note=meta.get("note") or article.note,
        event=event_choice(meta.get("event")) or article.event,
    )


# Metadata a user may edit, and how each is read: the columns of the Data page's table.
EDITABLE_METADATA = ("outlet", "title", "published", "language", "event")


def edit_metadata(article: Article, changes: dict[str, object]) -> Article:
    """``article`` with the user's metadata (``EDITABLE_METADATA``; an empty value clears it: a
    cleared language is detected again, a cleared event call left to the detection). Raises
    InputError naming the first value that is not a date, language code or event call."""
    from dataclasses import replace

    def text(key: str) -> str:
        value = changes.get(key)
        return "" if value is None or (isinstance(value, float) and value != value) else " ".join(str(value).split())

    updates: dict[str, object] = {}
    if "outlet" in changes:
        updates["outlet"] = text("outlet")[:200]
    if "title" in changes:
        updates["title"] = text("title")[:1000] or None
    if "published" in changes:
        published = parse_date(text("published")) if text("published") else None
        if text("published") and published is None:
            raise InputError(f"{article.id}: {text('published')[:40]!r} is not a date (YYYY-MM-DD)")
        updates["published"] = published
    if "language" in changes:
        language = language_code(text("language")) if text("language") else None
        if text("language") and language is None:
            raise InputError(f"{article.id}: {text('language')[:40]!r} is not a language code (en, sv, de …)")
        updates["language"], updates["language_source"] = language, "metadata" if language else None
    if "event" in changes:
        event = event_choice(text("event")) if text("event") else None
        if text("event") and event is None:
            raise InputError(f"{article.id}: the event call is one of {', '.join(EVENT_CHOICES)}, or empty")
        updates["event"] = event
    return replace(article, **updates)


def parse_uploads(
    files: Iterable[tuple[str, bytes]], config: Config = DEFAULT_CONFIG, room: int | None = None
) -> tuple[list[Article], list[LoadError], list[str]]:
    """Articles and errors from uploaded files (name, bytes), as a folder of them is read: an
    ``articles.csv`` or ``articles.json`` among them gives the others' metadata by file name.
    Reads no further than ``room`` articles (a file of 100,000 records is not parsed past the
    limit). Also returns the file names the metadata gives that were not uploaded."""
    files = list(files)
    meta: dict[str, dict[str, str]] = {}
    articles: list[Article] = []
    errors: list[LoadError] = []
    rest = []
    for name, data in files:
        try:
            found = sidecar_from_bytes(name, data)
        except InputError as exc:
            errors.append(LoadError(name, f"metadata file could not be read ({exc})"))
            continue
        if found is None:
            rest.append((name, data))
        else:
            meta.update(found)
    seen_ids: set[str] = set()
    for name, data in rest:
        for item in parse_bytes(name, data, config):
            if isinstance(item, LoadError):
                errors.append(item)
                continue
            if room is not None and len(articles) >= room:
                message = f"not read further: the collection had room for {room:,} more article(s)"
                errors.append(LoadError(name, message))
                break
            if name in meta:
                item = apply_sidecar(item, meta[name])
            articles.append(_unique(item, seen_ids))
    unmatched = sorted(set(meta) - {name for name, _ in rest})
    return articles, errors, unmatched


def _files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """(file, display name) pairs. The display name is the file's path below the folder that was
    given, prefixed with that folder's name ("seeds/000.txt"), or the bare file name: the same
    however the folder was named on the command line, and no machine path leaks into reports."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            folder = Path(path.resolve().name)
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if child.is_file() and not any(part.startswith(".") for part in relative.parts):
                    yield child, (folder / relative).as_posix()
        else:
            yield path, path.name


def iter_paths(paths: Iterable[str | Path], config: Config = DEFAULT_CONFIG) -> Iterator[Article | LoadError]:
    """Articles and errors from files and folders, in order, streaming one file at a time."""
    sidecars: dict[Path, dict[str, dict[str, str]]] = {}
    seen_ids: set[str] = set()
    for path, name in _files(paths):
        if not path.exists():
            yield LoadError(str(path), "no such file or folder")
            continue
        if not path.is_file():
            yield LoadError(name, "not a regular file (a device, pipe or socket); save its text to a file first")
            continue
        folder = path.parent
        if folder not in sidecars:
            sidecars[folder] = {}
            for sidecar in (folder / n for n in SIDECAR_NAMES):
                try:
                    if sidecar.is_file():
                        sidecars[folder].update(read_sidecar(sidecar))
                except (OSError, InputError) as exc:
                    yield LoadError(
                        (Path(name).parent / sidecar.name).as_posix(), f"metadata file could not be read ({exc})"
                    )
        if is_sidecar(path):
            continue
        streamed = (
            _stream_records(path, name, config) if path.suffix.lower() in LINES_SUFFIXES | PARQUET_SUFFIXES else None
        )
        if streamed is not None:
            for item in guarded(name, streamed):
                yield _unique(item, seen_ids) if isinstance(item, Article) else item
            continue
        try:
            if path.stat().st_size > config.max_file_bytes:
                yield LoadError(
                    name,
                    f"the file is {path.stat().st_size / 1e6:.1f} MB, over the limit of "
                    f"{config.max_file_bytes / 1e6:.1f} MB (Config.max_file_bytes)",
                )
                continue
            with path.open("rb") as handle:  # never more than the limit, whatever the file claims
                data = handle.read(config.max_file_bytes + 1)
        except OSError as exc:
            yield LoadError(name, f"could not be read ({exc.strerror or exc})")
            continue
        for item in parse_bytes(name, data, config):
            if isinstance(item, Article):
                meta = sidecars[folder].get(path.name)
                if meta:
                    item = apply_sidecar(item, meta)
                item = _unique(item, seen_ids)
            yield item


def _parquet_records(source, name: str, config: Config) -> Iterator[Article | LoadError]:
    """Rows of a Parquet file (path or file object), a batch at a time."""
    stem = Path(name).stem
    try:
        import pyarrow.parquet as pq

        number = 0
        for batch in pq.ParquetFile(source).iter_batches(batch_size=PARQUET_BATCH_ROWS):
            records = batch.to_pylist()
            yield from _records(name, stem, enumerate(records, start=number + 1), "utf-8", config, "row")
            number += len(records)
    except Exception as exc:  # pyarrow raises many types for a damaged file
        yield LoadError(name, f"not a readable Parquet file ({exc})")


def _stream_records(path: Path, name: str, config: Config) -> Iterator[Article | LoadError]:
    """Records of a JSON Lines or Parquet corpus, read a line or a batch at a time.

    The file-size limit does not apply to these corpus formats (each record still has the
    article-size limit); JSON Lines are UTF-8 by definition.
    """
    stem = Path(name).stem
    if path.suffix.lower() in PARQUET_SUFFIXES:
        yield from _parquet_records(path, name, config)
        return
    try:
        with path.open("rb") as handle:
            first = handle.read(3)
            if first != b"\xef\xbb\xbf":  # a UTF-8 byte-order mark is not part of the first line
                handle.seek(0)
            yield from _json_lines(name, stem, handle, "utf-8", config)
    except OSError as exc:
        yield LoadError(name, f"could not be read ({exc.strerror or exc})")


def unique_id(ident: str, taken: Container[str]) -> str:
    """``ident``, else the first of ``ident~2``, ``ident~3``, … not in ``taken``: how every part of
    the product (loading, the session's collection, the store) keeps two articles from sharing an id."""
    if ident not in taken:
        return ident
    n = 2
    while f"{ident}~{n}" in taken:
        n += 1
    return f"{ident}~{n}"


def _unique(article: Article, taken: set[str]) -> Article:
    from dataclasses import replace

    ident = unique_id(article.id, taken)
    taken.add(ident)
    return article if ident == article.id else replace(article, id=ident)


def load_paths(paths: Iterable[str | Path], config: Config = DEFAULT_CONFIG) -> LoadResult:
    result = LoadResult()
    for item in iter_paths(paths, config):
        (result.articles if isinstance(item, Article) else result.errors).append(item)
    return result


def article_from_text(
    text: str,
    *,
    outlet: str = "",
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    language: str | None = None,
    ident: str = "pasted",
    config: Config = DEFAULT_CONFIG,
) -> Article:
    """An article from pasted text. Raises InputError when the text is empty or too long."""
    if not text or not text.strip():
        raise InputError("the text is empty")
    fields = {
        "text": text.replace("\r\n", "\n"),
        "title": title,
        "outlet": outlet,
        "date": date,
        "url": url,
        "language": language,
    }
    return _article(fields, ident, ident, "utf-8", config)
