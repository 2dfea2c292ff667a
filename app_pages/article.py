"""Article drill-down: the words behind every number."""

import pandas as pd
import streamlit as st

from app_pages import caches, session, ui
from framing import FramingError
from framing.render import HIGHLIGHT_KINDS, LAYERS, cue_counts, highlight_html, legend_html
from framing.report import rel_name
from framing.scorers import METRICS
from framing.scorers.loaded import LOADED, NOT_LOADED, phrase_occurs

report = caches.report()
if not report.articles:
    ui.empty_state()

current = ui.pick_article(report, "Article", "article", "drill_article")
article = current.article
focus_param = st.query_params.get("sentence")
focus = (
    int(focus_param)
    if focus_param
    and len(focus_param) <= 9
    and focus_param.isascii()
    and focus_param.isdigit()
    and int(focus_param) < len(current.sentences)
    else None
)

st.title(ui.md(article.outlet or article.id))
facts = [
    f"**{ui.md(article.language or '?')}** ({article.language_source or 'unknown'})",
    f"source {ui.md(article.source)}",
]
if article.published:
    facts.append(f"published {article.published}")
if article.authors:
    facts.append("by " + ui.md(", ".join(article.authors)))
st.caption(" · ".join(facts))
for warning in article.warnings:
    st.warning(ui.md(warning))

labels = {layer.kind: layer.label for layer in LAYERS}
wanted = st.query_params.get("highlight")  # a finding or chart asks for the evidence behind one number
layers = set(
    st.pills(
        "Highlight",
        HIGHLIGHT_KINDS,
        selection_mode="multi",
        default=[wanted] if wanted in HIGHLIGHT_KINDS else list(HIGHLIGHT_KINDS),
        format_func=labels.get,
        key="drill_layers",
    )
    or []
)
tint = st.toggle("Tone marks", value=True, key="drill_tint", help="A mark before each sentence: its VADER tone")
st.html(legend_html(layers, tint))

text_col, score_col = st.columns([5, 4], gap="large")

with text_col:
    headline = [s for s in current.sentences if s.role == "headline"]
    st.subheader("Headline")
    if headline:
        st.html(highlight_html(current, layers, tint, roles=("headline",), focus=focus))
        found = [e for e in current.evidence if e.sentence_index == headline[0].index and e.kind in HIGHLIGHT_KINDS]
        tone = current.metrics["tone_headline"]
        st.caption(
            ("Headline tone " + (f"{tone.value:+.2f}" if tone.value is not None else f"empty: {ui.md(tone.reason)}"))
            + " · "
            + (", ".join(f"{e.kind} “{ui.md(e.text)}”" for e in found) or "no cues")
        )
    else:
        st.caption("No headline found in the text or its metadata.")

    st.subheader("Text")
    if focus is not None:
        st.info(f"Opened at sentence {focus} (outlined below): “{ui.md(current.sentences[focus].text)}”")
    st.html(highlight_html(current, layers, tint, roles=("heading", "body"), focus=focus))
    if focus is not None:
        ui.scroll_to(".fr-focus")

with score_col:
    st.subheader("Scores")
    rows = []
    for m in METRICS:
        mv, rel = current.metrics[m.name], current.relative.get(rel_name(m.name))
        rows.append(
            {
                "metric": m.label,
                "value": "" if mv.value is None else m.display(mv.value),
                "vs. others' median": "" if rel is None or rel.value is None else m.display(rel.value, signed=True),
                "unit": m.shown_unit,
                "note": mv.reason or (rel.reason if rel is not None and rel.reason else ""),
            }
        )
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        key="drill_scores",
        height=36 * (len(rows) + 1) + 3,
        column_config={
            "metric": st.column_config.TextColumn(width="medium"),
            "note": st.column_config.TextColumn("why empty", width="large"),
        },
    )
    st.subheader("Cues found")
    cues = pd.DataFrame(cue_counts(current))
    if cues.empty:
        st.caption("No cues found.")
    else:
        kinds = st.multiselect(
            "Kinds", sorted(cues["kind"].unique()), default=sorted(set(cues["kind"]) - {"tone"}), key="cue_kinds"
        )
        shown = cues[cues["kind"].isin(kinds)].reset_index(drop=True)
        st.caption("Pick a cue to see all its uses across the collection, by outlet.")
        picked = st.dataframe(
            shown, hide_index=True, key=f"cue_table-{ui.nonce()}", on_select="rerun", selection_mode="single-row"
        )
        if picked and picked.selection.rows:
            ui.open_explore(shown.iloc[picked.selection.rows[0]]["cue"])

    st.subheader("Correct loaded wording")
    st.caption(
        "A correction applies to every article of this collection (and is saved with it); the spans it adds "
        "carry the rule user:loaded. Other collections are not affected."
    )
    flagged = sorted(
        {e.text for e in current.evidence if e.kind == "loaded" and e.category not in ("headline_form", "user")},
        key=str.casefold,
    )
    fix_left, fix_right = st.columns(2)
    with fix_left:
        word = st.selectbox(
            "A flagged word", flagged, index=None, placeholder="Choose a flagged word", key="fix_flagged"
        )
        if st.button("Not loaded here", key="fix_not_loaded", disabled=word is None):
            session.correct(word, NOT_LOADED)
            st.rerun()
    with fix_right:
        phrase = st.text_input("A word or phrase of this article", key="fix_phrase", max_chars=200)
        if st.button("Add as loaded", key="fix_loaded", disabled=not phrase.strip()):
            if not phrase_occurs(article.text, phrase):
                st.error(f"“{ui.md(phrase)}” does not occur in this article as whole words.")
            else:
                try:
                    session.correct(phrase, LOADED)
                    st.rerun()
                except FramingError as exc:
                    st.error(ui.md(str(exc)))
    for i, (fixed, action) in enumerate(session.overrides()):
        said, undo = st.columns([4, 1])
        said.markdown(f"“{ui.md(fixed)}”: {'not loaded' if action == NOT_LOADED else 'loaded'}")
        if undo.button("Undo", key=f"fix_undo_{i}"):
            session.correct(fixed, None)
            st.rerun()

    st.subheader("Removed boilerplate")
    if article.removed:
        with st.expander(f"{len(article.removed)} part(s) removed before scoring"):
            for part in article.removed:
                st.markdown(f"**{part.rule}**")
                st.code(part.text, language=None, wrap_lines=True)
    else:
        st.caption("Nothing was removed.")
    if article.credits:
        with st.expander("Contributor credits (kept as metadata, not scored)"):
            for credit in article.credits:
                st.code(credit, language=None, wrap_lines=True)
