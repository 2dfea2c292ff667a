"""Explore: search the collection's texts, every use of a cue in context by outlet, and the words
each outlet uses more than the others."""

import streamlit as st

from app_pages import caches, ui
from framing.explore import MAX_HITS, kwic

report = caches.report()
if not report.articles:
    ui.empty_state()

st.title("Explore the texts")
st.caption(
    "Search every article's cleaned text (the text the scores were computed on); pick a row to open the "
    "sentence in its article. Any cue of the Article page's cue table opens here with all its uses."
)
query = st.text_input(
    "Words to find", value=st.query_params.get("q", ""), max_chars=200, key="explore_query", placeholder="e.g. slams"
)
if query != st.query_params.get("q", ""):
    st.query_params["q"] = query
whole = st.toggle("Whole words only", value=True, key="explore_whole")
if query.strip():
    hits = caches.explored(report, "search", query, whole)
    table = kwic(report, hits)
    if table.empty:
        st.info(f"“{ui.md(query)}” does not occur in the collection's texts.")
    else:
        per_outlet = table.groupby("outlet", sort=False).size()
        st.caption(
            f"{len(table):,} use(s) in {table['article_id'].nunique():,} article(s)"
            + (f" (the first {MAX_HITS:,})" if len(table) >= MAX_HITS else "")
            + ": "
            + ", ".join(f"{ui.md(outlet)} {n}" for outlet, n in per_outlet.items())
        )
        picked = st.dataframe(
            table,
            hide_index=True,
            key=f"kwic-{ui.nonce()}",
            on_select="rerun",
            selection_mode="single-row",
            column_order=["outlet", "left", "match", "right"],
            column_config={
                "left": st.column_config.TextColumn("before", width="large"),
                "match": st.column_config.TextColumn("words"),
                "right": st.column_config.TextColumn("after", width="large"),
            },
        )
        if picked and picked.selection.rows:
            row = table.iloc[picked.selection.rows[0]]
            ui.open_article(row["article_id"], int(row["sentence"]))

st.subheader("Distinctive words per outlet")
st.caption(
    "Words an outlet uses more often than the other outlets writing in its language, ranked by Dunning's "
    "log-likelihood (3.84 is p < 0.05 for a single word; with many words compared, read the ranking, not the "
    "test). Counts are the outlet's and the rest's; rates per 10,000 words. Function words and numbers are left out."
)
words = caches.explored(report, "keyness")
if words.empty:
    st.caption("No outlet has others in its language to be compared with.")
else:
    st.dataframe(
        words,
        hide_index=True,
        key="keyness",
        column_config={
            "per_10k": st.column_config.NumberColumn("per 10k words", format="%.1f"),
            "rest_count": st.column_config.NumberColumn("count in the rest", format="%d"),
            "rest_per_10k": st.column_config.NumberColumn("rest per 10k", format="%.1f"),
            "log_likelihood": st.column_config.NumberColumn("log-likelihood", format="%.2f"),
        },
    )
