"""Relations: who rewrote, translated or copied whom; which facts each article carries or leaves out."""

import re

import streamlit as st

from app_pages import caches, session, ui
from framing import charts
from framing.render import article_labels
from framing.report import table_to_csv

report = caches.report()
if not report.articles:
    ui.empty_state()
if len(report.articles) < 2:
    st.info("Relations need at least two articles in the collection.")
    st.stop()

comparison = caches.comparison(report)
names = article_labels(report)

st.title("Relations between the articles")
method = {"multilingual": "multilingual sentence embeddings", "anchors": "shared numbers, names and quotes"}
st.caption(
    "Sentences are aligned within a language by TF-IDF similarity of words and character n-grams, across "
    f"languages by {method.get(comparison.cross_language, comparison.cross_language)}. Click a node or a cell to "
    "read the text."
)

st.subheader("Which event each article reports")
st.caption(
    "Articles whose leads say the same thing (or that were made from one another) report the collection's main "
    "event; an article dated days away from it, or whose lead reports something else, a related event if it shares "
    "facts with it, else another one. Only the main event's independent voices (one per lineage family: a rewrite "
    "or translation counts with its source) enter the medians and the omissions. Correct a call in the last column."
)
calls = {a.id: a.event for a in session.articles()}
events = comparison.event_table(report)
ids_named = re.compile("|".join(re.escape(i) for i in sorted(names, key=len, reverse=True)))  # ids in reasons
shown = events.assign(
    article=events["article_id"].map(names),
    voice=events["independent_voice"].map({True: "yes", False: "no"}),
    call=events["article_id"].map(lambda i: calls.get(i) or ui.AUTO_EVENT),
    reason=events["reason"].map(lambda text: ids_named.sub(lambda m: names[m[0]], text)),
)[["article", "event", "call", "voice", "shared_facts", "days_from_event", "reason"]]
edited = st.data_editor(
    shown,
    hide_index=True,
    disabled=["article", "event", "voice", "shared_facts", "days_from_event", "reason"],
    key=f"events_editor-{ui.nonce()}",
    column_config={
        "event": st.column_config.TextColumn(help="same: the collection's main event; related; different"),
        "voice": st.column_config.TextColumn(
            "independent voice", help="In the main event and the original of its lineage family"
        ),
        "shared_facts": st.column_config.NumberColumn("shared facts", help="Facts it shares with the main event"),
        "days_from_event": st.column_config.NumberColumn("days from the event", help="From its date, when dated"),
        "reason": st.column_config.TextColumn(width="large"),
        "call": st.column_config.SelectboxColumn(
            "your call", options=[ui.AUTO_EVENT, "same", "related", "different"], required=True
        ),
    },
)
for ident, call in zip(events["article_id"], edited["call"], strict=True):
    wanted = None if call == ui.AUTO_EVENT else call
    if wanted != calls.get(ident):
        session.set_event(ident, wanted)
        st.rerun()

st.subheader("Lineage")
event = st.plotly_chart(
    charts.lineage_graph(report, comparison), on_select="rerun", selection_mode="points", key=f"lineage-{ui.nonce()}"
)
if target := ui.selected_article(event):
    ui.open_article(target)
lineage = comparison.lineage_table(report)
st.dataframe(
    lineage.assign(article=lineage["article_id"].map(names), source=lineage["source"].map(names))[
        [
            "article",
            "status",
            "relation",
            "source",
            "confidence",
            "coverage",
            "source_coverage",
            "similarity",
            "direction",
            "aligned_sentences",
            "aligned_chars",
            "explanation",
        ]
    ],
    hide_index=True,
    key="lineage_table",
    column_config={
        "confidence": st.column_config.NumberColumn(
            help="Probability that the article was made from the source, from the amount of evidence "
            "(aligned sentences, characters, coverage; shared quotations not counted), calibrated on "
            "independent reports of the same events and on derived texts",
            format="percent",
        ),
        "coverage": st.column_config.NumberColumn(
            help="Share of the derived article's sentences aligned to the source", format="percent"
        ),
        "source_coverage": st.column_config.NumberColumn(
            help="Share of the source's sentences found in the derived article", format="percent"
        ),
        "similarity": st.column_config.NumberColumn(
            help="Mean similarity of the aligned sentence pairs, from 0 (nothing shared) to 1 (identical)",
            format="%.2f",
        ),
    },
)

st.subheader("Coverage: the event's facts × articles")
shared_only = st.toggle("Only facts carried by two or more articles", value=True, key="coverage_shared")
event = st.plotly_chart(
    charts.coverage_matrix(report, comparison, min_articles=2 if shared_only else 1),
    on_select="rerun",
    selection_mode="points",
    key=f"coverage-{ui.nonce()}",
)
if custom := ui.selected_point(event):
    ui.open_article(custom[0], int(custom[1]))

st.subheader("What each article leaves out")
ids = [r.article.id for r in report.articles]
chosen = st.selectbox("Article", ids, format_func=lambda i: names[i], key="omissions_article")
omitted = comparison.omission_table()
omitted = omitted[omitted["article_id"] == chosen]
role = next(e for e in comparison.events if e.article == chosen)
if not role.in_event:
    st.caption(f"It reports a {role.event} event ({ui.md(role.reason)}): nothing of the main event is charged to it.")
elif omitted.empty:
    st.caption("Nothing that its source, or most of the event's other independent voices, carry.")
else:
    omitted = omitted.assign(
        carried_by=omitted["carried_by"].map(lambda s: ", ".join(names.get(i, i) for i in s.split("; ")))
    )
    st.dataframe(
        omitted[["label", "reason", "carried_by"]],
        hide_index=True,
        key="omissions_table",
        column_config={
            "label": st.column_config.TextColumn("fact (in its most original wording)", width="large"),
            "reason": st.column_config.TextColumn(
                help="source: the article it was made from carries it; others: most of the event's other "
                "independent voices do"
            ),
        },
    )

st.subheader("Downloads")
c1, c2, c3, c4, c5, c6 = st.columns(6)
ui.download(c6, "events.csv", lambda: table_to_csv(events), "dl_events")
ui.download(c1, "alignments.csv", lambda: table_to_csv(comparison.alignment_table()), "dl_alignments")
ui.download(c2, "lineage.csv", lambda: table_to_csv(lineage), "dl_lineage")
ui.download(c3, "coverage.csv", lambda: table_to_csv(comparison.coverage_table()), "dl_coverage")
ui.download(c4, "actors.csv", lambda: table_to_csv(comparison.actor_table(report)), "dl_actors")
ui.download(c5, "comparison.json", comparison.to_json, "dl_comparison")
