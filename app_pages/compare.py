"""Compare two articles side by side: their metrics, the differences, and their highlighted text."""

import pandas as pd
import streamlit as st

from app_pages import caches, ui
from framing.compare.diff import diff_sentences
from framing.render import HIGHLIGHT_KINDS, diff_html, highlight_html, legend_html
from framing.scorers import METRICS

report = caches.report()
if not report.articles:
    ui.empty_state()

st.title("Compare two articles")
comparison = caches.comparison(report) if len(report.articles) > 1 else None
first = comparison.relations[0] if comparison and comparison.relations else None
left, middle, right = st.columns([5, 1, 5], gap="medium", vertical_alignment="bottom")
with left:
    a = ui.pick_article(report, "Left article", "a", "compare_a", default_id=first.source if first else None)
with right:
    b = ui.pick_article(report, "Right article", "b", "compare_b", 1, default_id=first.derived if first else None)
if middle.button("⇄", key="compare_swap", help="Swap the two articles (put the right one on the left)"):
    st.query_params["a"], st.query_params["b"] = b.article.id, a.article.id
    st.query_params["order"] = "mine"  # the user's order: no automatic source-on-the-left
    st.rerun()
if a.article.id == b.article.id:
    st.warning("Both sides show the same article: pick another one for one of them.")
    st.stop()
relation = comparison and next(
    (r for r in comparison.relations if {r.derived, r.source} == {a.article.id, b.article.id}), None
)
if relation and relation.derived == a.article.id and st.query_params.get("order") != "mine":
    st.query_params["a"], st.query_params["b"] = relation.source, relation.derived  # the source on the left
    st.rerun()

rows = []
for m in METRICS:
    va, vb = a.metrics[m.name].value, b.metrics[m.name].value
    rows.append(
        {
            "metric": m.label,
            "left": "" if va is None else m.display(va),
            "right": "" if vb is None else m.display(vb),
            "right − left": "" if va is None or vb is None else m.display(vb - va, signed=True),
            "unit": m.shown_unit,
            "note": "; ".join(x for x in (a.metrics[m.name].reason, b.metrics[m.name].reason) if x),
        }
    )
st.dataframe(
    pd.DataFrame(rows),
    hide_index=True,
    key="compare_metrics",
    column_config={
        "metric": st.column_config.TextColumn(width="medium"),
        "left": st.column_config.TextColumn(f"left: {a.article.outlet or a.article.id}"),
        "right": st.column_config.TextColumn(f"right: {b.article.outlet or b.article.id}"),
        "note": st.column_config.TextColumn("why empty", width="large"),
    },
)

st.subheader("Aligned passages")
if relation:
    st.caption(
        f"Lineage: {ui.md(relation.derived)} is a {relation.kind.replace('_', ' ')} of {ui.md(relation.source)}. "
        f"{ui.md(relation.explanation())}"
    )
pairs = sorted(
    (x.a_sentence, x.b_sentence, x.score, x.method)
    if x.a == a.article.id
    else (x.b_sentence, x.a_sentence, x.score, x.method)
    for x in comparison.alignments
    if {x.a, x.b} == {a.article.id, b.article.id}
)
same_language = a.article.language == b.article.language
worded = same_language and bool(relation)  # a word diff says what a rewrite changed; of two reports it is noise
if not pairs:
    st.caption("No sentence of one says what a sentence of the other says.")
else:
    if worded:
        how = (
            "Right column: the right article's sentence with what changed from the left one — struck: only on the "
            "left; marked: only on the right; tags: the evidence kinds the changed words carry."
        )
    elif same_language:
        how = (
            "The two are not related by lineage (independent reports, or one too little of the other): the aligned "
            "sentences are shown side by side, without a word diff."
        )
    else:
        how = "Different languages: aligned by meaning, no word diff."
    st.caption(f"{len(pairs)} aligned sentence pairs. {how}")
    changed: dict[tuple[int, int], list[str]] = {}
    if relation and relation.kind == "translation":
        translated = [
            t for t in comparison.translations if (t.derived, t.source) == (relation.derived, relation.source)
        ]
        for t in translated:
            words = f"{', '.join(t.derived_words) or 'none'} against {', '.join(t.source_words) or 'none'}"
            pair = (
                (t.derived_sentence, t.source_sentence)
                if t.derived == a.article.id
                else (t.source_sentence, t.derived_sentence)
            )
            changed.setdefault(pair, []).append(f"the translation {t.change} ({words})")
        st.caption(
            f"What the translation changed: {len(translated)} differences in hedges, boosters, loaded words, labels, "
            "attributions and numbers over its aligned sentences, each under its pair (words are found by each "
            "language's own lexicon, so both sides' words are shown)."
        )
    for ai, bi, score, method in pairs:
        left, right = st.columns(2, gap="large")
        left.html(highlight_html(a, set(HIGHLIGHT_KINDS), False, only=ai))
        if worded:
            right.html(diff_html(a, b, diff_sentences(a, ai, b, bi)))
        else:
            right.html(highlight_html(b, set(HIGHLIGHT_KINDS), False, only=bi))
        right.caption(f"similarity {score:.2f} ({method})" if method != "headline" else "headlines of related articles")
        for note in changed.get((ai, bi), []):
            right.caption(ui.md(note))

st.subheader("Full texts")
layers = set(
    st.pills("Highlight", HIGHLIGHT_KINDS, selection_mode="multi", default=list(HIGHLIGHT_KINDS), key="compare_layers")
    or []
)
tint = st.toggle("Tone marks", value=True, key="compare_tint")
st.html(legend_html(layers, tint))
left, right = st.columns(2, gap="large")
with left:
    st.subheader(ui.md(a.article.outlet or a.article.id))
    st.html(highlight_html(a, layers, tint))
with right:
    st.subheader(ui.md(b.article.outlet or b.article.id))
    st.html(highlight_html(b, layers, tint))
