"""Rendering a scored article as HTML with its evidence highlighted. Pure: no Streamlit.

User text is data, never markup: every piece of article text and every tooltip is passed
through ``html.escape`` before any tag is added, and the only tags emitted are ``<span>``,
``<div>``, ``<br>`` and one ``<style>`` block whose content is a constant of this module.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass

from .config import DEFAULT_CONFIG, Config
from .model import KINDS, Evidence
from .report import ArticleReport, Report
from .text import ROLE_HEADLINE


@dataclass(frozen=True)
class Layer:
    kind: str
    label: str
    color: str
    description: str


# One layer per evidence kind; "tone" is the sentence tint (its word spans are in the cue table).
LAYERS: tuple[Layer, ...] = (
    Layer("loaded", "Loaded wording", "#f7b6b6", "editorializing words in the outlet's voice (quoted ones dashed)"),
    Layer("label", "Labels", "#bfe3e0", "how people and groups are named (billionaire, far-right)"),
    Layer("hedge", "Hedges", "#ffe08a", "modals, epistemic words, anonymous attribution, speculation"),
    Layer("booster", "Boosters", "#d9c2ff", "certainty markers"),
    Layer("attribution", "Attributions", "#1f6fd1", "reporting verbs and source phrases (underlined)"),
    Layer(
        "speaker", "Speakers", "#1f6fd1", "who a statement is given to: a name, an office, a source (dotted underline)"
    ),
    Layer("quote", "Quotes", "#2e7d32", "direct quotations (green italic)"),
)
HIGHLIGHT_KINDS = tuple(layer.kind for layer in LAYERS)

CSS = """
<style>
.fr-text{white-space:pre-wrap;line-height:1.75;font-size:1.02rem;max-width:72rem}
.fr-s{border-radius:3px;padding:1px 0;unicode-bidi:isolate}
.fr-ev,.fr-del,.fr-ins{unicode-bidi:isolate}
.fr-ev{border-radius:3px;padding:0 1px}
.fr-loaded{background:#f7b6b6}
.fr-loaded.fr-q-in{background:transparent;border-bottom:2px dashed #d33}
.fr-label{background:#bfe3e0}
.fr-hedge{background:#ffe08a}
.fr-booster{background:#d9c2ff}
.fr-attribution{text-decoration:underline 2px #1f6fd1;text-underline-offset:3px}
.fr-speaker{text-decoration:underline dotted 2px #1f6fd1;text-underline-offset:3px}
.fr-quote{font-style:italic;color:#1b5e20}
.fr-legend span{display:inline-block;margin:0 .9rem .3rem 0;padding:0 .4rem;border-radius:3px;font-size:.9rem}
.fr-focus{outline:2px solid #1f4e79;outline-offset:2px}
.fr-toned::before{content:"";display:inline-block;width:.3em;height:1.1em;margin:0 .3em 0 .15em;vertical-align:-.2em;border-radius:2px;background:var(--fr-tone)}
.fr-diff{line-height:1.7;font-size:.98rem}
.fr-del{background:#fde2e2;text-decoration:line-through;color:#8a1c1c}
.fr-ins{background:#dcf5dc;color:#0b5d1e}
.fr-tag{font-size:.72rem;border-radius:3px;padding:0 .25rem;margin-left:.2rem;background:#eee;color:#333;vertical-align:super}
</style>
"""


# Tone marks: purple for positive, orange for negative (the heatmap's palette: no good/bad reading).
TONE_POSITIVE, TONE_NEGATIVE = "94,60,153", "230,97,1"


def tone_color(tone: float | None, config: Config = DEFAULT_CONFIG) -> str | None:
    """A purple (positive) or orange (negative) whose opacity grows with |tone|."""
    if tone is None or abs(tone) < config.tone_tint_threshold:
        return None
    alpha = round(0.25 + 0.75 * min(1.0, abs(tone)), 3)
    return f"rgba({TONE_POSITIVE if tone > 0 else TONE_NEGATIVE},{alpha})"


def _describe(e: Evidence) -> str:
    where = " (in quote)" if e.in_quote else ""
    return f"{e.kind}: {e.category}{where} · weight {e.weight:g} · {e.rule}"


def _segment(text: str, active: list[Evidence]) -> str:
    if not active:
        return html.escape(text)
    kinds = {e.kind for e in active}
    classes = ["fr-ev", *(f"fr-{k}" for k in HIGHLIGHT_KINDS if k in kinds)]
    if any(e.in_quote for e in active if e.kind == "loaded"):
        classes.append("fr-q-in")
    title = html.escape(" | ".join(_describe(e) for e in active), quote=True)
    kind_attr = " ".join(k for k in HIGHLIGHT_KINDS if k in kinds)
    return f'<span class="{" ".join(classes)}" data-kinds="{kind_attr}" title="{title}">{html.escape(text)}</span>'


def highlight_html(
    report: ArticleReport,
    layers: set[str] | frozenset[str] = frozenset(HIGHLIGHT_KINDS),
    tint: bool = True,
    roles: tuple[str, ...] | None = None,
    focus: int | None = None,
    only: int | None = None,
    anchors: str | None = None,
) -> str:
    """The article's cleaned text as escaped HTML with the chosen evidence layers highlighted.

    ``roles`` limits the output to sentences of those roles (e.g. ``("headline",)``); the text
    between two rendered sentences is kept so paragraphs stay intact. ``focus``: a sentence
    index to outline (the sentence a chart or a comparison pointed at). ``only``: render just
    that sentence. ``anchors``: give each sentence the id ``<anchors>-s<index>`` (a document
    that links to its sentences).
    """
    text = report.article.text
    sentences = [
        s for s in report.sentences if (roles is None or s.role in roles) and (only is None or s.index == only)
    ]
    evidence = [e for e in report.evidence if e.kind in layers and e.kind in HIGHLIGHT_KINDS]
    out = [CSS, '<div class="fr-text" dir="auto">']
    previous_end = None
    for s in sentences:
        if previous_end is not None:
            out.append(html.escape(text[previous_end : s.start]))
        cuts = {s.start, s.end}
        inside = [e for e in evidence if e.start < s.end and e.end > s.start]
        for e in inside:
            cuts.update(x for x in (e.start, e.end) if s.start < x < s.end)
        points = sorted(cuts)
        parts = []
        for a, b in zip(points, points[1:], strict=False):
            active = [e for e in inside if e.start <= a and e.end >= b]
            parts.append(_segment(text[a:b], active))
        color = tone_color(s.tone) if tint else None
        # tone is a mark in the margin of the sentence (a bar before it), never a background that
        # would hide the highlights inside it
        style = f' style="--fr-tone:{color}"' if color else ""
        tone = "tone: not computed" if s.tone is None else f"tone {s.tone:+.2f}"
        title = html.escape(f"sentence {s.index} · {s.role} · {tone}", quote=True)
        focused = " fr-focus" if s.index == focus else ""
        toned = " fr-toned" if color else ""
        anchor = f' id="{html.escape(anchors, quote=True)}-s{s.index}"' if anchors else ""
        out.append(
            f'<span class="fr-s{focused}{toned}"{anchor} data-sentence="{s.index}"{style} title="{title}">{"".join(parts)}</span>'
        )
        previous_end = s.end
    out.append("</div>")
    return "".join(out)


def headline_html(report: ArticleReport) -> str:
    """The article's headline with its loaded words marked (no tone tint), or a note that it has none."""
    if not any(s.role == ROLE_HEADLINE for s in report.sentences):
        return '<div class="fr-text"><em>no headline found</em></div>'
    return highlight_html(report, frozenset({"loaded"}), tint=False, roles=(ROLE_HEADLINE,))


def legend_html(layers: set[str] | frozenset[str] = frozenset(HIGHLIGHT_KINDS), tint: bool = True) -> str:
    items = []
    for layer in LAYERS:
        if layer.kind not in layers:
            continue
        css = {
            "attribution": "text-decoration:underline 2px #1f6fd1",
            "speaker": "text-decoration:underline dotted 2px #1f6fd1",
            "quote": "font-style:italic;color:#1b5e20",
        }.get(layer.kind, f"background:{layer.color}")
        items.append(f'<span style="{css}" title="{html.escape(layer.description)}">{html.escape(layer.label)}</span>')
    if tint:
        for rgb, what in ((TONE_POSITIVE, "positive"), (TONE_NEGATIVE, "negative")):
            items.append(
                f'<span><span style="display:inline-block;width:.3em;height:1.1em;vertical-align:-.2em;'
                f'border-radius:2px;margin-right:.3em;background:rgba({rgb},.8)"></span>{what} sentence (mark before it)</span>'
            )
    return CSS + '<div class="fr-legend">' + "".join(items) + "</div>"


def article_labels(report: Report) -> dict[str, str]:
    """Display label per article id: the outlet, disambiguated by id where outlets repeat."""
    outlets = [r.article.outlet or r.article.id for r in report.articles]
    repeats = Counter(outlets)
    return {
        r.article.id: outlet if repeats[outlet] == 1 else f"{outlet} ({r.article.id})"
        for r, outlet in zip(report.articles, outlets, strict=True)
    }


def cue_counts(report: ArticleReport) -> list[dict]:
    """Cue table rows: kind, category, the words as written (lower-cased), count, in quotes."""
    rows: dict[tuple[str, str, str], dict] = {}
    for e in report.evidence:
        if e.kind not in KINDS or e.kind == "quote":
            continue
        key = (e.kind, e.category, e.text.lower())
        row = rows.setdefault(
            key, {"kind": e.kind, "category": e.category, "cue": e.text.lower(), "count": 0, "in_quotes": 0}
        )
        row["count"] += 1
        row["in_quotes"] += int(e.in_quote)
    order = {k: i for i, k in enumerate(KINDS)}
    return sorted(rows.values(), key=lambda r: (order[r["kind"]], -r["count"], r["cue"]))


def diff_html(source: ArticleReport, derived: ArticleReport, sdiff) -> str:
    """One aligned passage as the derived article reads it, with what changed from the source:
    removed words struck through, inserted words marked, each tagged with the evidence kinds it
    carries (a loaded word inserted, a hedge or attribution removed, a number changed)."""
    b_sentence = derived.sentences[sdiff.b_sentence]
    text_a, text_b = source.article.text, derived.article.text
    out, pos = [CSS, '<div class="fr-diff" dir="auto">'], b_sentence.start

    def tags(kinds, number):
        labels = [*kinds, *(["number changed"] if number else [])]
        return "".join(f'<span class="fr-tag">{html.escape(k)}</span>' for k in labels)

    for c in sdiff.changes:
        out.append(html.escape(text_b[pos : c.b_start]))
        if c.a_end > c.a_start:
            out.append(
                f'<span class="fr-del" title="in the source">{html.escape(text_a[c.a_start : c.a_end])}</span>'
                + tags(c.a_kinds, False)
            )
        if c.b_end > c.b_start:
            out.append(
                f'<span class="fr-ins" title="in this article">{html.escape(text_b[c.b_start : c.b_end])}</span>'
                + tags(c.b_kinds, c.number_changed)
            )
        pos = c.b_end if c.b_end > c.b_start else c.b_start
    out.append(html.escape(text_b[pos : b_sentence.end]))
    out.append("</div>")
    return "".join(out)
