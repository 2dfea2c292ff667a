"""A self-contained HTML report of a collection: findings, headlines, charts, scores, every
article's highlighted text, and the methods with their validity figures. One file, no network:
plotly's script is inlined once, every finding links to the sentence it rests on, and the page
prints (charts and sections keep together, links show their targets' sentence numbers).

User text is escaped everywhere (``html.escape``): titles, outlets and texts are data.
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

from . import charts
from .compare import Comparison
from .findings import findings, roundup
from .render import CSS, article_labels, headline_html, highlight_html, legend_html
from .report import Report
from .scorers import METRICS
from .version import __version__

_PAGE_CSS = """
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1.2rem;
color:#222;line-height:1.5}
h1{margin-bottom:.2rem} h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.meta{color:#666;font-size:.9rem}
table{border-collapse:collapse;font-size:.85rem;margin:.6rem 0} th,td{border:1px solid #ddd;padding:.25rem .45rem;
vertical-align:top;text-align:left} th{background:#f4f4f4}
td.num{text-align:right;white-space:nowrap}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.8rem}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem .8rem}
.card .note{color:#666;font-size:.8rem}
.article{margin-top:1.6rem}
@media print{body{margin:0;max-width:none} h2{break-after:avoid} .card,.chart,tr{break-inside:avoid}
.article{break-before:page} a{color:inherit;text-decoration:none}}
</style>
"""


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _markdown_tables(text: str) -> str:
    """The project's validation report (Markdown: paragraphs and pipe tables) as HTML."""
    out, rows = [], []

    def flush():
        if rows:
            head, *body = rows
            out.append(
                "<table><tr>"
                + "".join(f"<th>{_e(c)}</th>" for c in head)
                + "</tr>"
                + "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in body)
                + "</table>"
            )
            rows.clear()

    for line in text.splitlines():
        if line.startswith("|"):
            cells = [c.strip().replace("**", "").replace("`", "") for c in line.strip().strip("|").split("|")]
            if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                rows.append(cells)
            continue
        flush()
        if line.startswith("#"):
            out.append(f"<h3>{_e(line.lstrip('#').strip())}</h3>")
        elif line.strip():
            out.append(f"<p>{_e(line.replace('`', ''))}</p>")
    flush()
    return "\n".join(out)


def collection_html(report: Report, comparison: Comparison | None, title: str, validation: Path | None = None) -> str:
    """The whole report as one HTML document. ``comparison`` None (a collection too large to
    trace) leaves out findings and lineage; ``validation`` is the project's docs/validation.md
    when it is at hand."""
    names = article_labels(report)
    anchor_of = {r.article.id: f"a{i}" for i, r in enumerate(report.articles)}  # ids are user text: ids of ours
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{_e(title)}</title>",
        _PAGE_CSS,
        CSS,
        "</head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p class='meta'>{len(report.articles):,} articles · framing {__version__} · engine {_e(report.fingerprint)}"
        f" · written {time.strftime('%Y-%m-%d')}</p>",
    ]
    if comparison is not None:
        parts.append("<h2>What stands out</h2><ol>")
        for f in findings(report, comparison):
            target = anchor_of[f.article] + (f"-s{f.sentence}" if f.sentence is not None else "")
            where = f"{names[f.article]}" + (f", sentence {f.sentence}" if f.sentence is not None else "")
            parts.append(f"<li>{_e(f.text)} <a href='#{target}'>({_e(where)})</a></li>")
        parts.append("</ol>")
    parts.append("<h2>The headlines</h2><div class='cards'>")
    for card in roundup(report, comparison):
        note = " · ".join(_e(x) for x in (card.note, card.published, card.language) if x)
        parts.append(
            f"<div class='card'><strong><a href='#{anchor_of[card.article]}'>{_e(card.label)}</a></strong>"
            f"<div class='note'>{note}</div>{headline_html(report.get(card.article))}</div>"
        )
    parts.append("</div>")
    framed = comparison.reframe(report) if comparison is not None else report
    parts.append("<h2>Charts</h2>")
    figures = [
        ("Relative framing: each article against the other voices' median", charts.relative_heatmap(framed)),
        ("Metrics by outlet", charts.metrics_by_outlet(report)),
    ]
    for i, (caption, fig) in enumerate(figures):
        div = fig.to_html(full_html=False, include_plotlyjs="inline" if i == 0 else False, config={"staticPlot": True})
        parts.append(f"<div class='chart'><h3>{_e(caption)}</h3>{div}</div>")
    parts.append("<h2>Scores</h2><table><tr><th>metric</th><th>unit</th>")
    parts += [f"<th>{_e(names[r.article.id])}</th>" for r in report.articles]
    parts.append("</tr>")
    for m in METRICS:
        cells = "".join(f"<td class='num'>{_e(m.display(r.value(m.name)))}</td>" for r in report.articles)
        parts.append(f"<tr><td title='{_e(m.definition)}'>{_e(m.label)}</td><td>{_e(m.shown_unit)}</td>{cells}</tr>")
    parts.append("</table><p class='meta'>— : the metric does not apply (the article's page below says why).</p>")
    parts.append("<h2>The articles, highlighted</h2>")
    parts.append(legend_html())
    for r in report.articles:
        anchor = anchor_of[r.article.id]
        empty = {name: reason for name, reason in r.empty_reasons().items() if not name.endswith("_rel")}
        why = "".join(f"<li>{_e(name)}: {_e(reason)}</li>" for name, reason in empty.items())
        parts.append(
            f"<div class='article' id='{anchor}'><h3>{_e(names[r.article.id])}</h3>"
            f"<p class='meta'>{_e(r.article.source)} · {_e(r.article.language or '?')}"
            f"{' · ' + _e(r.article.published) if r.article.published else ''}</p>"
            f"{highlight_html(r, anchors=anchor)}"
            + (f"<details><summary>Empty metrics</summary><ul>{why}</ul></details>" if why else "")
            + "</div>"
        )
    parts.append("<h2>Methods</h2><table><tr><th>metric</th><th>definition</th><th>unit</th><th>noise level</th></tr>")
    for m in METRICS:
        parts.append(
            f"<tr><td>{_e(m.name)}</td><td>{_e(m.definition)}</td><td>{_e(m.unit)}</td>"
            f"<td class='num'>{_e(m.display(m.scale.noise))}</td></tr>"
        )
    parts.append("</table>")
    if validation is not None and validation.is_file():
        parts.append("<h2>Validity</h2>" + _markdown_tables(validation.read_text(encoding="utf-8").split("\n", 2)[2]))
    parts.append("</body></html>")
    return "\n".join(parts)
