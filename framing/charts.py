"""Plotly figures of a Report. Pure: no Streamlit; every point carries its article id.

Each trace puts ``[article_id, …]`` in ``customdata`` so a click on a bar, a heatmap cell or a
tone point can open that article's drill-down.
"""

from __future__ import annotations

import html
import math

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
DIVERGING = "RdBu_r"  # red: more than the other outlets, blue: less


def _labels(report: Report) -> dict[str, str]:
    """Article labels escaped for plotly, which reads a few HTML tags in its text."""
    return {k: html.escape(v) for k, v in article_labels(report).items()}


def _colors(report: Report) -> dict[str, str]:
    return {r.article.id: PALETTE[i % len(PALETTE)] for i, r in enumerate(report.articles)}


def metrics_by_outlet(report: Report, metrics: tuple[str, ...] = DEFAULT_CHART_METRICS, columns: int = 4) -> go.Figure:
    """Small multiples: one bar panel per metric, one bar per article in its outlet's color.

    One trace per panel (not per article), so the figure stays small for thousands of articles.
    Articles whose metric is empty get no bar (the table and the drill-down give the reason).
    """
    labels, colors = _labels(report), _colors(report)
    ids = [r.article.id for r in report.articles]
    rows = max(1, math.ceil(len(metrics) / columns))
    fig = make_subplots(
        rows=rows,
        cols=columns,
        subplot_titles=[SPEC[m].axis_label for m in metrics],
        vertical_spacing=0.22 if rows > 1 else 0.1,
        horizontal_spacing=0.07,
    )
    for i, metric in enumerate(metrics):
        fig.add_trace(
            go.Bar(
                x=[labels[a] for a in ids],
                y=[r.value(metric) for r in report.articles],
                marker_color=[colors[a] for a in ids],
                showlegend=False,
                customdata=[
                    [a, metric, html.escape(r.metrics[metric].reason or "")]
                    for a, r in zip(ids, report.articles, strict=True)
                ],
                hovertemplate="%{x}<br>" + html.escape(SPEC[metric].label) + ": %{y:.3f}<extra></extra>",
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


def relative_heatmap(report: Report, metrics: tuple[str, ...] = DEFAULT_CHART_METRICS) -> go.Figure:
    """Articles × metrics, colored by deviation from the other articles' median.

    Colors are scaled per metric by the largest absolute deviation in the collection, so that
    metrics of different units share one diverging scale; hover shows the raw value and the
    raw deviation. Cells are square markers so a click selects a cell; empty metrics are pale
    grey crosses whose hover gives the reason.
    """
    labels = _labels(report)
    cells = {True: [], False: []}  # has value -> [(x, y, color, custom)]
    for metric in metrics:
        rels = [r.value(rel_name(metric)) for r in report.articles]
        scale = max((abs(v) for v in rels if v is not None), default=0.0) or 1.0
        for r, rel in zip(report.articles, rels, strict=True):
            x, y = SPEC[metric].axis_label, labels[r.article.id]
            if rel is None:
                why = html.escape(f"empty: {r.relative[rel_name(metric)].reason or ''}")
                cells[False].append((x, y, None, [r.article.id, metric, why]))
            else:
                text = f"value {r.value(metric):.3f}, {rel:+.3f} vs. others' median"
                cells[True].append((x, y, rel / scale, [r.article.id, metric, text]))
    valued_marker = dict(
        symbol="square",
        size=34,
        colorscale=DIVERGING,
        cmin=-1,
        cmax=1,
        line=dict(width=1, color="#ccc"),
        colorbar=dict(title="vs. others", tickvals=[-1, 0, 1], ticktext=["less", "median", "more"]),
    )
    empty_marker = dict(symbol="square-x-open", size=30, color="#bbb")
    fig = go.Figure()
    for has_value, marker in ((True, valued_marker), (False, empty_marker)):
        if not cells[has_value]:
            continue
        x, y, color, custom = zip(*cells[has_value], strict=True)
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="markers",
                customdata=custom,
                showlegend=False,
                hovertemplate="%{y}<br>%{x}<br>%{customdata[2]}<extra></extra>",
                marker={**marker, "color": color} if has_value else marker,
            )
        )
    fig.update_layout(
        height=130 + 46 * len(report.articles),
        margin=dict(l=10, r=10, t=30, b=10),
        xaxis=dict(side="top", categoryorder="array", categoryarray=[SPEC[m].axis_label for m in metrics]),
        yaxis=dict(autorange="reversed", categoryorder="array", categoryarray=list(labels.values())),
        plot_bgcolor="#fafafa",
    )
    return fig


def tone_trajectory(report: Report) -> go.Figure:
    """Tone through each article: sentence position (0 = start, 1 = end) × VADER compound."""
    labels, colors = _labels(report), _colors(report)
    fig = go.Figure()
    for r in report.articles:
        scored = [s for s in r.sentences if s.tone is not None]
        if not scored:
            continue
        n = max(1, len(r.sentences) - 1)
        fig.add_trace(
            go.Scatter(
                x=[s.index / n for s in scored],
                y=[s.tone for s in scored],
                mode="lines+markers",
                name=labels[r.article.id],
                line=dict(color=colors[r.article.id], width=1.5),
                marker=dict(size=[11 if s.role == "headline" else 7 for s in scored]),
                customdata=[[r.article.id, s.index, html.escape(s.text[:140])] for s in scored],
                hovertemplate="%{fullData.name}<br>sentence %{customdata[1]}: %{y:+.2f}<br>%{customdata[2]}<extra></extra>",
            )
        )
    fig.add_hline(y=0, line=dict(color="#999", width=1, dash="dot"))
    fig.update_layout(
        height=400,
        margin=dict(l=10, r=10, t=50, b=10),
        xaxis_title="position in article",
        yaxis_title="tone (VADER compound)",
        yaxis=dict(range=[-1.05, 1.05]),
        showlegend=len(report.articles) <= LEGEND_MAX_ARTICLES,  # beyond, hovering a line names it
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


def actor_tone(report: Report, actor_table) -> go.Figure:
    """Mean tone towards each actor over its mentions, per outlet (English articles only)."""
    labels, colors = _labels(report), _colors(report)
    fig = go.Figure()
    frame = actor_table.dropna(subset=["tone_mean"])
    for ident in [r.article.id for r in report.articles]:
        rows = frame[frame["article_id"] == ident]
        if rows.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=[html.escape(a) for a in rows["actor"]],
                y=rows["tone_mean"],
                name=labels[ident],
                marker_color=colors[ident],
                customdata=[[ident, a, int(m)] for a, m in zip(rows["actor"], rows["tone_mentions"], strict=True)],
                hovertemplate=labels[ident] + "<br>%{x}: %{y:+.2f} over %{customdata[2]} mention(s)<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="group",
        height=380,
        margin=dict(l=10, r=10, t=40, b=10),
        yaxis_title="tone of sentences naming the actor",
        legend=dict(orientation="h", y=1.08),
    )
    return fig
