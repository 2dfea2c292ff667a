"""Overview: the collection at a glance; every row, bar, cell and point opens its drill-down."""

import streamlit as st

from app_pages import caches, session, ui
from framing import charts
from framing.findings import findings, roundup
from framing.render import article_labels, headline_html
from framing.scorers import METRICS

# Headline cards on the first screen: four to a row, two rows before the table takes over.
ROUNDUP_COLUMNS, ROUNDUP_SHOWN = 4, 8

report = caches.report()
if not report.articles:
    ui.empty_state()

traced = caches.event_model_applies(report)
comparison = caches.comparison(report) if traced else None
st.title(ui.md(session.name()))
if comparison is not None:
    voices = sum(e.voice for e in comparison.events)
    outside = sum(not e.in_event for e in comparison.events)
    st.caption(
        f"How the outlets framed the event: {len(report.articles):,} articles, {voices} independent voice(s) of the "
        "main event" + (f", {outside} on another event" if outside else "") + "."
    )
    st.subheader("What stands out")
    for i, finding in enumerate(findings(report, comparison), start=1):
        text_col, button_col = st.columns([5, 1], vertical_alignment="center")
        text_col.markdown(f"{i}\\. {ui.md(finding.text)}")
        if button_col.button("Evidence", key=f"finding-{i}", icon=":material/manage_search:", help="Open the words"):
            ui.open_article(finding.article, finding.sentence, finding.highlight)
else:
    st.caption(
        f"How the outlets framed the event: {len(report.articles):,} articles (too many to trace copies and events "
        "on the first screen; the Relations page compares them)."
    )

st.subheader("The headlines")
st.caption("Loaded words marked; each article's place in the collection under its outlet.")
cards = roundup(report, comparison)
shown = cards if len(cards) <= ROUNDUP_SHOWN else cards[:ROUNDUP_SHOWN]
for row in range(0, len(shown), ROUNDUP_COLUMNS):
    # a card's border on its own container, so a last row with fewer cards draws no empty boxes
    for column, card in zip(st.columns(ROUNDUP_COLUMNS), shown[row : row + ROUNDUP_COLUMNS], strict=False):
        with column.container(border=True, height="stretch"):
            st.markdown(f"**{ui.md(card.label)}**")
            st.caption(" · ".join(ui.md(x) for x in (card.note, card.published, card.language) if x))
            st.html(headline_html(report.get(card.article)))
            if st.button("Open", key=f"roundup-{card.article}", icon=":material/article:"):
                ui.open_article(card.article)
if len(cards) > len(shown):
    st.caption(f"The first {len(shown)} of {len(cards):,} headlines; the table below lists them all.")

st.subheader("Scores")
st.caption(
    "Click a row, bar, heatmap cell or tone point to see the words behind the number. "
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
    **{m.name: ui.metric_column(m) for m in METRICS},
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
names = article_labels(report)
with st.expander("Metrics and outlets shown in the charts"):
    chosen = st.multiselect(
        "Metrics",
        options,
        default=list(charts.DEFAULT_CHART_METRICS),
        format_func=lambda n: spec[n].label,
        key="chart_metrics",
    )
    outlets = st.multiselect(
        "Outlets (all when none is chosen)",
        list(names),
        format_func=names.get,
        key="chart_outlets",
    )
metrics = tuple(chosen) or charts.DEFAULT_CHART_METRICS
only = tuple(outlets) or None

st.subheader("Relative framing")
framed = caches.framed(report)
if comparison is not None:
    outside = [e for e in comparison.events if not e.in_event]
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
noise = "; ".join(f"{spec[m].axis_label} {spec[m].display(spec[m].scale.noise)}" for m in metrics)
st.caption(
    f"Each cell prints how far an article is from {against}, in the metric's own unit (shares in percentage "
    "points). Purple: more than the others; orange: less; the colour counts multiples of the metric's noise level, "
    f"and a difference within it is grey ({noise}). What every outlet shares (the event's own tone) cancels out; "
    "what remains is the outlet's framing." + left_out
)
ui.clickable_chart(framed, "heatmap", "relative_heatmap", metrics, only)

st.subheader("Metrics by outlet")
ui.clickable_chart(report, "bars", "metrics_by_outlet", metrics, 4, only)

st.subheader("Tone through each article")
in_view = [i for i in names if only is None or i in only]
front = st.selectbox("In front", in_view, format_func=names.get, key="tone_front")
st.caption(
    "VADER compound of each sentence from the headline (large dot) to the last sentence, for the article in front; "
    "the others in grey behind it. Articles in languages without a tone lexicon have no line."
)
ui.clickable_chart(report, "tone", "tone_trajectory", front, only)
