"""Overview: the collection at a glance; every row, bar, cell and point opens its drill-down."""

import streamlit as st

from app_pages import caches, ui
from framing import charts
from framing.scorers import METRICS

report = caches.report()
if not report.articles:
    ui.empty_state()

st.title("How the outlets framed the event")
st.caption(
    f"{len(report.articles)} articles. Click a row, bar, heatmap cell or tone point to see the words behind the number. "
    "Empty cells are metrics that do not apply (hover the column header for its definition)."
)

table = report.article_table()
table = table[table["status"] == "ok"]
table = table.assign(title=table["title"].fillna(""))
columns = ["outlet", "title", "language", "published", *(m.name for m in METRICS), "article_id"]
config = {
    "article_id": st.column_config.TextColumn("Article", help="File name of the article"),
    "outlet": st.column_config.TextColumn("Outlet"),
    "title": st.column_config.TextColumn("Headline", width="medium"),
    "language": st.column_config.TextColumn("Lang.", help="ISO 639-1 code, detected or from metadata"),
    "published": st.column_config.TextColumn("Date"),
    **{
        m.name: st.column_config.NumberColumn(m.axis_label, help=f"{m.label}: {m.definition} ({m.unit})", format="%.2f")
        for m in METRICS
    },
}
picked = st.dataframe(
    table[columns],
    column_config=config,
    hide_index=True,
    on_select="rerun",
    selection_mode="single-row",
    key=f"score_table-{ui.nonce()}",
)
if picked and picked.selection.rows:
    ui.open_article(table.iloc[picked.selection.rows[0]]["article_id"])

options = [m.name for m in METRICS]
spec = {m.name: m for m in METRICS}
with st.expander("Metrics shown in the charts"):
    chosen = st.multiselect(
        "Metrics",
        options,
        default=list(charts.DEFAULT_CHART_METRICS),
        format_func=lambda n: spec[n].label,
        key="chart_metrics",
    )
metrics = tuple(chosen) or charts.DEFAULT_CHART_METRICS

st.subheader("Relative framing")
framed = caches.framed(report)
if caches.event_model_applies(report):
    outside = [e for e in caches.comparison(report).events if not e.in_event]
    against = (
        "the median of the event's *other independent voices* on one metric (a rewrite, translation or copy counts "
        "with its source, not as another voice)"
    )
    left_out = (
        f" {len(outside)} article(s) report a related or different event and are left out (see Relations)."
        if outside
        else ""
    )
else:
    against = "the median of all the *other* articles on one metric (the collection is too large to trace its events)"
    left_out = ""
st.caption(
    f"Each cell compares an article with {against}: red where it has more than the others, blue where less. "
    "Colors are scaled per metric; hover for the raw values. What every outlet shares (the event's own tone) "
    "cancels out; what remains is the outlet's framing." + left_out
)
ui.clickable_chart(framed, "heatmap", "relative_heatmap", metrics)

st.subheader("Metrics by outlet")
ui.clickable_chart(report, "bars", "metrics_by_outlet", metrics)

st.subheader("Tone through each article")
st.caption(
    "VADER compound of each sentence from the headline (large dot) to the last sentence. Non-English articles have no tone."
)
ui.clickable_chart(report, "tone", "tone_trajectory")
