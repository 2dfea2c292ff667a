"""Actors: who is named, how each outlet labels them, and the tone of the sentences about them."""

import pandas as pd
import streamlit as st

from app_pages import caches, session, ui
from framing import charts
from framing.compare.actors import ORGANISATION, PERSON, PLACE, ActorSpec
from framing.render import article_labels

report = caches.report()
if not report.articles:
    ui.empty_state()
comparison = caches.comparison(report)
names = article_labels(report)

st.title("Actors")
st.caption(
    "People and organisations found automatically across the collection; edit the list to add, rename or merge "
    "actors (aliases separated by “;”). Labels are the outlet's own words for the actor at each mention."
)

with st.expander("Edit the actor list", expanded=False):
    current = pd.DataFrame(
        [{"name": a.name, "kind": a.kind, "aliases": "; ".join(a.aliases)} for a in comparison.actors]
    )
    edited = st.data_editor(
        current,
        num_rows="dynamic",
        hide_index=True,
        key="actor_editor",
        column_config={"kind": st.column_config.SelectboxColumn(options=[PERSON, ORGANISATION, PLACE], required=True)},
    )
    left, right = st.columns(2)
    if left.button("Apply the edited list", key="apply_actors"):
        specs = []
        for row in edited.dropna(subset=["name"]).itertuples():
            if not str(row.name).strip():
                continue  # a name edited to blank removes the actor
            aliases = tuple(dict.fromkeys(a.strip() for a in f"{row.name};{row.aliases or ''}".split(";") if a.strip()))
            specs.append(ActorSpec(str(row.name).strip(), row.kind or PERSON, aliases))
        session.set_actor_specs(specs)
        st.rerun()
    if right.button("Back to the automatic list", key="auto_actors"):
        session.set_actor_specs(None)
        st.rerun()

table = comparison.actor_table(report)
if table.empty:
    st.caption("No actors found.")
    st.stop()
table = table.assign(outlet=table["article_id"].map(names))
st.dataframe(
    table[["actor", "kind", "outlet", "mentions", "labels", "tone_mean", "tone_mentions"]],
    hide_index=True,
    key="actor_table",
    column_config={
        "labels": st.column_config.TextColumn("labels used (count)", width="large"),
        "tone_mean": st.column_config.NumberColumn(
            "tone towards",
            help="Mean tone towards the actor over its mentions: the sentiment words of each mention's clause, "
            "others at a quarter (framing.tone_towards; English only)",
            format="%+.2f",
        ),
        "tone_mentions": st.column_config.NumberColumn("from mentions", help="Mentions behind the tone value"),
    },
)

st.subheader("Tone towards each actor, by outlet")
people = table[table["kind"] == PERSON]
event = st.plotly_chart(
    charts.actor_tone(report, people), on_select="rerun", selection_mode="points", key=f"actor_tone-{ui.nonce()}"
)
if custom := ui.selected_point(event):
    first = next((m for m in comparison.mentions if m.article == custom[0] and m.actor == custom[1]), None)
    ui.open_article(custom[0], first.sentence_index if first else None)

st.subheader("Mentions")
actor = st.selectbox("Actor", list(dict.fromkeys(table["actor"])), key="mention_actor")
rows = [
    {
        "outlet": names[m.article],
        "label": m.label,
        "words": m.text,
        "sentence": report.get(m.article).sentences[m.sentence_index].text,
        "article_id": m.article,
        "index": m.sentence_index,
    }
    for m in comparison.mentions
    if m.actor == actor
]
picked = st.dataframe(
    pd.DataFrame(rows),
    hide_index=True,
    key=f"mention_table-{ui.nonce()}",
    on_select="rerun",
    selection_mode="single-row",
    column_order=["outlet", "label", "words", "sentence"],
)
if picked and picked.selection.rows:
    row = rows[picked.selection.rows[0]]
    ui.open_article(row["article_id"], row["index"])
