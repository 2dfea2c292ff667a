"""Plotly figures of a Report. Pure: no Streamlit; every point carries its article id.

Each trace puts ``[article_id, …]`` in ``customdata`` so a click on a bar, a heatmap cell or a
tone point can open that article's drill-down.
"""

from __future__ import annotations

import html
import math
from dataclasses import replace

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .render import article_labels
from .report import Report, rel_name
from .scorers import METRICS

SPEC = {m.name: m for m in METRICS}
# Metrics charted by default: one per signal family, the ones researchers compare first.
DEFAULT_CHART_METRICS = (
    "tone_mean",
    "hedges_per_100w",
    "loaded_per_100w",
    "boosters_per_100w",
    "anonymous_share",
    "quote_share",
    "lix",
)
# Plotly's qualitative palette, enough for the outlets of one event.
PALETTE = ("#4C78A8", "#F58518", "#54A24B", "#E45756", "#72B7B2", "#B279A2", "#FF9DA6", "#9D755D", "#BAB0AC", "#EECA3B")
# Up to this many articles the bar chart carries a color key; beyond it a key is a wall of names.
LEGEND_MAX_ARTICLES = 12
# Purple to orange: a diverging palette with no good/bad (red/green, warm/alarm) reading, so the
# most positive tone is not painted as a warning.
NEUTRAL_DIVERGING = "PuOr"
# The heatmap's colour saturates at this many noise levels of difference.
NOISE_MULTIPLES = 4
CELL = 46  # heatmap cell size in pixels: room for "+12 pts"
DARK_CELL = 2.5  # noise multiples from which a cell is dark enough for white text


def _labels(report: Report) -> dict[str, str]:
    """Article labels escaped for plotly, which reads a few HTML tags in its text."""
    return {k: html.escape(v) for k, v in article_labels(report).items()}


def _colors(report: Report) -> dict[str, str]:
    return {r.article.id: PALETTE[i % len(PALETTE)] for i, r in enumerate(report.articles)}


def metrics_by_outlet(
    report: Report,
    metrics: tuple[str, ...] = DEFAULT_CHART_METRICS,
    columns: int = 4,
    only: tuple[str, ...] | None = None,
) -> go.Figure:
    """Small multiples: one bar panel per metric (titled with its unit), one bar per article in
    its outlet's color; shares in %.

    One trace per panel (not per article), so the figure stays small for thousands of articles.
    Articles whose metric is empty get no bar (the table and the drill-down give the reason).
    """
    report = _only(report, only)
    labels, colors = _labels(report), _colors(report)
    ids = [r.article.id for r in report.articles]
    rows = max(1, math.ceil(len(metrics) / columns))
    fig = make_subplots(
        rows=rows,
        cols=columns,
        subplot_titles=[f"{SPEC[m].axis_label} ({_unit_short(SPEC[m])})" for m in metrics],
        vertical_spacing=0.22 if rows > 1 else 0.1,
        horizontal_spacing=0.07,
    )
    for i, metric in enumerate(metrics):
        spec = SPEC[metric]
        percent = 100 if spec.scale.kind == "share" else 1
        fig.add_trace(
            go.Bar(
                x=[labels[a] for a in ids],
                y=[None if r.value(metric) is None else percent * r.value(metric) for r in report.articles],
                marker_color=[colors[a] for a in ids],
                showlegend=False,
                customdata=[
                    [a, metric, html.escape(r.metrics[metric].reason or spec.display(r.value(metric)))]
                    for a, r in zip(ids, report.articles, strict=True)
                ],
                hovertemplate="%{x}<br>" + html.escape(spec.label) + ": %{customdata[2]}<extra></extra>",
            ),
            row=i // columns + 1,
            col=i % columns + 1,
        )
    if len(ids) <= LEGEND_MAX_ARTICLES:  # a color key; with more articles, hovering names each bar
        for a in ids:
            fig.add_trace(
                go.Scatter(
                    x=[None],
                    y=[None],
                    mode="markers",
                    marker=dict(symbol="square", size=11, color=colors[a]),
                    name=labels[a],
                    hoverinfo="skip",
                ),
                row=1,
                col=1,
            )
    fig.update_xaxes(showticklabels=False)
    fig.update_layout(
        height=230 * rows + 60,
        margin=dict(l=10, r=10, t=40, b=10),
        bargap=0.15,
        showlegend=len(ids) <= LEGEND_MAX_ARTICLES,
        legend=dict(orientation="h", yanchor="bottom", y=1.06, x=0, itemclick=False, itemdoubleclick=False),
    )
    return fig


def _diverging_cells(limit: float, title: str, ticks: list[float], labels: list[str] | None = None) -> dict:
    """The marker of a grid of square cells on the neutral diverging palette, from −``limit`` to
    ``limit``, with a colour bar titled ``title``."""
    colorbar = dict(title=dict(text=title, side="top"), tickvals=ticks, **({"ticktext": labels} if labels else {}))
    return dict(
        symbol="square",
        size=CELL,
        colorscale=NEUTRAL_DIVERGING,
        cmin=-limit,
        cmax=limit,
        line=dict(width=1, color="#ccc"),
        colorbar=colorbar,
    )


def _text_colors(values, dark: float) -> list[str]:
    """White on cells coloured dark (|value| of ``dark`` or more), else near black."""
    return ["#fff" if abs(v) >= dark else "#222" for v in values]


def _unit_short(spec) -> str:
    """A panel title's unit: short enough for a quarter of the page."""
    short = {"compound −1…1": "−1…1", "per 100 words": "per 100 w.", "weighted per 100 words": "per 100 w."}
    return short.get(spec.shown_unit, spec.shown_unit)


def _only(report: Report, only: tuple[str, ...] | None) -> Report:
    """The report limited to the articles ``only`` names (the Overview's outlet filter)."""
    if only is None:
        return report
    keep = set(only)
    return replace(report, articles=tuple(r for r in report.articles if r.article.id in keep))


def relative_heatmap(
    report: Report, metrics: tuple[str, ...] = DEFAULT_CHART_METRICS, only: tuple[str, ...] | None = None
) -> go.Figure:
    """Articles × metrics: each cell prints the article's difference from the other voices'
    median in the metric's own unit (shares in percentage points); its colour is that difference
    in multiples of the metric's stated noise level (``Unit.noise``), saturating at
    ``NOISE_MULTIPLES``, on a palette with no good or bad reading. Differences within the noise
    level are grey; empty metrics are crosses whose hover gives the reason. Cells are square
    markers so a click selects a cell."""
    report = _only(report, only)
    labels = _labels(report)
    cells = {"signal": [], "noise": [], "empty": []}  # (x, y, z, text, custom)
    for metric in metrics:
        spec = SPEC[metric]
        noise = spec.scale.noise
        for r in report.articles:
            rel = r.value(rel_name(metric))
            x, y = spec.axis_label, labels[r.article.id]
            if rel is None:
                why = html.escape(f"empty: {r.relative[rel_name(metric)].reason or ''}")
                cells["empty"].append((x, y, None, "", [r.article.id, metric, why]))
                continue
            shown = spec.display(rel, signed=True)
            detail = (
                f"{html.escape(spec.label)}: {spec.display(r.value(metric))}, {shown} against the others' median "
                f"(noise level {spec.display(noise)})"
            )
            kind = "signal" if abs(rel) >= noise else "noise"
            z = max(-NOISE_MULTIPLES, min(NOISE_MULTIPLES, rel / noise))
            cells[kind].append((x, y, z, shown, [r.article.id, metric, detail]))
    markers = {
        "signal": _diverging_cells(
            NOISE_MULTIPLES,
            "difference,<br>× noise level",
            [-NOISE_MULTIPLES, -1, 1, NOISE_MULTIPLES],
            [f"−{NOISE_MULTIPLES}× less", "−1×", "+1×", f"+{NOISE_MULTIPLES}× more"],
        ),
        "noise": dict(symbol="square", size=CELL, color="#eeeeee", line=dict(width=1, color="#ddd")),
        "empty": dict(symbol="square-x-open", size=CELL - 4, color="#bbb"),
    }
    fig = go.Figure()
    for kind, marker in markers.items():
        if not cells[kind]:
            continue
        x, y, z, text, custom = zip(*cells[kind], strict=True)
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="markers+text",
                text=text,
                textfont=dict(
                    size=10,
                    color=_text_colors(z, DARK_CELL) if kind == "signal" else "#999",
                ),
                customdata=custom,
                showlegend=False,
                hovertemplate="%{y}<br>%{customdata[2]}<extra></extra>",
                marker={**marker, "color": z} if kind == "signal" else marker,
            )
        )
    fig.update_layout(
        height=130 + (CELL + 10) * len(report.articles),
        margin=dict(l=10, r=10, t=30, b=10),
        xaxis=dict(side="top", categoryorder="array", categoryarray=[SPEC[m].axis_label for m in metrics]),
        yaxis=dict(autorange="reversed", categoryorder="array", categoryarray=list(labels.values())),
        plot_bgcolor="#fafafa",
    )
    return fig


def tone_trajectory(report: Report, front: str | None = None, only: tuple[str, ...] | None = None) -> go.Figure:
    """Tone through each article: sentence position (0 = start, 1 = end) × VADER compound. One
    article (``front``; the first by default) is drawn in its colour over the others in faint grey,
    so its line can be read however many articles the collection holds."""
    report = _only(report, only)
    labels, colors = _labels(report), _colors(report)
    ids = [r.article.id for r in report.articles]
    front = front if front in ids else next(iter(ids), None)
    fig = go.Figure()
    for r in sorted(report.articles, key=lambda r: r.article.id == front):  # the front line drawn last
        scored = [s for s in r.sentences if s.tone is not None]
        if not scored:
            continue
        n = max(1, len(r.sentences) - 1)
        ahead = r.article.id == front
        fig.add_trace(
            go.Scatter(
                x=[s.index / n for s in scored],
                y=[s.tone for s in scored],
                mode="lines+markers",
                name=labels[r.article.id],
                line=dict(color=colors[r.article.id] if ahead else "#d0d0d0", width=2.5 if ahead else 1),
                marker=dict(
                    size=[(11 if ahead else 6) if s.role == "headline" else (7 if ahead else 3) for s in scored]
                ),
                opacity=1 if ahead else 0.7,
                showlegend=ahead,
                customdata=[[r.article.id, s.index, html.escape(s.text[:140])] for s in scored],
                hovertemplate="%{fullData.name}<br>sentence %{customdata[1]}: %{y:+.2f}<br>%{customdata[2]}<extra></extra>",
            )
        )
    fig.add_hline(y=0, line=dict(color="#999", width=1, dash="dot"))
    fig.update_layout(
        height=400,
        margin=dict(l=10, r=10, t=50, b=10),
        xaxis_title="position in article (0 = headline, 1 = last sentence)",
        yaxis_title="tone (VADER compound, −1 … +1)",
        yaxis=dict(range=[-1.05, 1.05]),
        showlegend=True,
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
    )
    return fig


def lineage_graph(report: Report, comparison) -> go.Figure:
    """Articles as nodes (x: publication date or collection order), arrows from source to derived."""
    labels, colors = _labels(report), _colors(report)
    ids = [r.article.id for r in report.articles]
    dated = [r.article.published for r in report.articles]
    order = sorted(range(len(ids)), key=lambda i: (dated[i] or "9999", i))
    x = {ids[i]: rank for rank, i in enumerate(order)}
    derived = {rel.derived: rel for rel in comparison.relations}
    depth = {}

    def level(ident, seen=()):
        if ident in depth:
            return depth[ident]
        rel = derived.get(ident)
        depth[ident] = 0 if rel is None or rel.source in seen else level(rel.source, (*seen, ident)) + 1
        return depth[ident]

    y = {ident: -level(ident) for ident in ids}
    fig = go.Figure()
    for rel in comparison.relations:
        fig.add_annotation(
            x=x[rel.derived],
            y=y[rel.derived],
            ax=x[rel.source],
            ay=y[rel.source],
            xref="x",
            yref="y",
            axref="x",
            ayref="y",
            showarrow=True,
            arrowhead=3,
            arrowsize=1.4,
            arrowwidth=2,
            arrowcolor="#888",
            standoff=22,
            startstandoff=22,
        )
        fig.add_annotation(
            x=(x[rel.derived] + x[rel.source]) / 2,
            y=(y[rel.derived] + y[rel.source]) / 2 + 0.12,
            text=f"{rel.kind.replace('_', ' ')} · confidence {rel.confidence:.0%}",
            showarrow=False,
            font=dict(size=12, color="#444"),
        )
    status = {rel.derived: f"{rel.kind.replace('_', ' ')} of {labels[rel.source]}" for rel in comparison.relations}
    sources = {rel.source for rel in comparison.relations}
    fig.add_trace(
        go.Scatter(
            x=[x[i] for i in ids],
            y=[y[i] for i in ids],
            mode="markers+text",
            text=[labels[i] for i in ids],
            textposition=["bottom center" if x[i] % 2 == 0 else "top center" for i in ids],
            marker=dict(size=30, color=[colors[i] for i in ids], line=dict(width=2, color="#fff")),
            customdata=[
                [i, status.get(i, "original" if i in sources else "independent"), dated[ids.index(i)] or "no date"]
                for i in ids
            ],
            hovertemplate="%{text}<br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>",
            showlegend=False,
        )
    )
    fig.update_layout(
        height=300 + 90 * max(0, -min(y.values())),
        margin=dict(l=20, r=20, t=20, b=20),
        plot_bgcolor="#fff",
        xaxis=dict(visible=False, range=[-0.6, len(ids) - 0.4]),
        yaxis=dict(visible=False, range=[min(y.values()) - 0.8, 0.6]),
    )
    return fig


def coverage_matrix(report: Report, comparison, min_articles: int = 1) -> go.Figure:
    """Facts (rows, most widely carried first) × articles: a filled cell where the article carries it."""
    labels = _labels(report)
    ids = [r.article.id for r in report.articles]
    facts = sorted(
        (f for f in comparison.facts if len(f.articles()) >= min_articles), key=lambda f: (-len(f.articles()), f.id)
    )
    xs, ys, custom = [], [], []
    short = {f.id: f"{f.id}: {html.escape(f.label[:60])}{'…' if len(f.label) > 60 else ''}" for f in facts}
    sentences = {r.article.id: r.sentences for r in report.articles}
    for f in facts:
        members = dict(f.members)
        for ident in ids:
            if ident in members:
                own = sentences[ident][members[ident]].text  # this article's own wording of the fact
                xs.append(labels[ident])
                ys.append(short[f.id])
                custom.append([ident, members[ident], html.escape(own[:200]) + ("…" if len(own) > 200 else "")])
    fig = go.Figure(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers",
            customdata=custom,
            marker=dict(symbol="square", size=16, color="#4C78A8"),
            hovertemplate="%{x}, sentence %{customdata[1]}:<br>%{customdata[2]}<extra></extra>",
            showlegend=False,
        )
    )
    fig.update_layout(
        height=120 + 22 * len(facts),
        margin=dict(l=10, r=10, t=30, b=10),
        plot_bgcolor="#fafafa",
        xaxis=dict(side="top", categoryorder="array", categoryarray=[labels[i] for i in ids]),
        yaxis=dict(
            autorange="reversed",
            categoryorder="array",
            categoryarray=[short[f.id] for f in facts],
            tickfont=dict(size=10),
        ),
    )
    return fig


def actor_tone(report: Report, actor_table, top: int = 12) -> go.Figure:
    """Tone towards the ``top`` most-mentioned actors (rows) in each outlet (columns): each cell
    prints the mean tone of the actor's mentions there and their count, coloured on the neutral
    diverging palette (saturating at ±0.5); blank where the outlet does not name the actor or
    its language has no tone (English only)."""
    labels = _labels(report)
    frame = actor_table.dropna(subset=["tone_mean"])
    if frame.empty:
        return go.Figure()
    mentions = frame.groupby("actor")["mentions"].sum().sort_values(ascending=False, kind="stable")
    actors = list(mentions.index[:top])
    ids = [r.article.id for r in report.articles if r.article.id in set(frame["article_id"])]
    x, y, z, text, custom = [], [], [], [], []
    for row in frame[frame["actor"].isin(actors)].itertuples():
        x.append(labels[row.article_id])
        y.append(html.escape(row.actor))
        z.append(row.tone_mean)
        text.append(f"{row.tone_mean:+.2f} ({int(row.tone_mentions)})")
        custom.append([row.article_id, row.actor, int(row.tone_mentions)])
    fig = go.Figure(
        go.Scatter(
            x=x,
            y=y,
            mode="markers+text",
            text=text,
            textfont=dict(size=10, color=_text_colors(z, 0.3)),
            customdata=custom,
            marker={
                **_diverging_cells(0.5, "tone towards<br>(mentions)", [-0.5, 0, 0.5]),
                "color": z,
            },
            hovertemplate="%{x}<br>%{y}<br>tone %{marker.color:+.2f} over %{customdata[2]} mention(s)<extra></extra>",
        )
    )
    fig.update_layout(
        height=170 + (CELL + 16) * len(actors),  # the outlets' names stand angled above the cells
        margin=dict(l=10, r=10, t=120, b=10),
        xaxis=dict(side="top", categoryorder="array", categoryarray=[labels[i] for i in ids]),
        yaxis=dict(autorange="reversed", categoryorder="array", categoryarray=[html.escape(a) for a in actors]),
        plot_bgcolor="#fafafa",
    )
    return fig
