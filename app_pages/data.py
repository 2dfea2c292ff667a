"""Data: add articles (files or pasted text), remove them, reset, and download every score."""

import streamlit as st

from app_pages import state
from framing.corpus import SUPPORTED_SUFFIXES, InputError, article_from_text, parse_bytes
from framing.report import table_to_csv

st.title("Data")

st.subheader("Add files")
uploader_key = f"uploads-{st.session_state.get('upload_nonce', 0)}"
files = st.file_uploader(
    "Articles as .txt, .md, .html, .csv or .parquet (a 'text' column) or .json/.jsonl (a 'text' field); several at once",
    type=sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES),
    accept_multiple_files=True,
    key=uploader_key,
)
if files and st.button(f"Add {len(files)} file(s) to the collection", type="primary", key="add_files"):
    new, errors = [], []
    for upload in files:
        for item in parse_bytes(upload.name, upload.getvalue(), state.CONFIG):
            (new if isinstance(item, state.Article) else errors).append(item)
    progress = st.progress(0.0, text="Scoring…")
    for i, article in enumerate(new, start=1):
        state.score(article)  # warms the cache, so the Overview renders at once
        progress.progress(i / len(new), text=f"Scoring {i} of {len(new)}")
    progress.empty()
    state.add(new, errors)
    st.session_state["upload_nonce"] = st.session_state.get("upload_nonce", 0) + 1
    st.session_state["last_upload"] = ([a.id for a in state.articles()[-len(new) :]] if new else [], len(errors))
    st.rerun()

# Buttons to the new articles open them within this session (a fresh page load would start a new
# session, whose collection is the seeds).
OPEN_BUTTONS = 8
if last := st.session_state.get("last_upload"):
    added, failed = last
    st.success(f"Added {len(added)} article(s)." + (f" {failed} could not be loaded: see below." if failed else ""))
    known = {a.id for a in state.articles()}
    for ident in [i for i in added if i in known][:OPEN_BUTTONS]:
        if st.button(f"Open {ident}", key=f"open_{ident}", icon=":material/article:"):
            state.open_article(ident)

st.subheader("Paste an article")
with st.form("paste", clear_on_submit=True):
    text = st.text_area("Article text (first line: headline)", height=180, key="paste_text")
    c1, c2, c3 = st.columns(3)
    outlet = c1.text_input("Outlet", key="paste_outlet")
    date = c2.date_input("Date", value=None, key="paste_date")
    language = c3.text_input("Language (ISO code, empty to detect)", max_chars=3, key="paste_language")
    if st.form_submit_button("Add pasted article"):
        try:
            ident = f"pasted-{len(state.articles()) + 1}"
            article = article_from_text(
                text,
                outlet=outlet.strip(),
                date=date.isoformat() if date else None,
                language=language.strip() or None,
                ident=ident,
                config=state.CONFIG,
            )
            state.score(article)
            state.add([article], [])
            st.session_state["last_upload"] = ([state.articles()[-1].id], 0)
            st.rerun()
        except InputError as exc:
            st.error(f"Pasted text: {exc}")

report = state.report()
st.subheader(f"This session's articles ({len(report.articles)})")
if report.articles:
    table = report.article_table()
    ok = table[table["status"] == "ok"]
    st.dataframe(
        ok[["article_id", "outlet", "title", "language", "published", "source", "words", "removed_parts"]],
        hide_index=True,
        key="collection_table",
    )
    to_remove = st.multiselect("Remove articles", list(ok["article_id"]), key="remove_ids")
    if to_remove and st.button(f"Remove {len(to_remove)} article(s)", key="remove_button"):
        state.remove(set(to_remove))
        st.rerun()
errors = state.load_errors()
if errors:
    with st.expander(f"{len(errors)} file(s) could not be loaded", expanded=True):
        for error in errors:
            st.error(state.md(str(error)))
        if st.button("Clear the error list", key="clear_errors"):
            st.session_state["load_errors"] = []
            st.rerun()
if st.button("Reset to the seed collection", key="reset_seeds"):
    state.reset_to_seeds()
    st.session_state.pop("last_upload", None)
    st.rerun()

st.subheader("Collections")
st.caption(
    "Articles you add stay private to this browser session until you save them to a collection; a saved "
    "collection can be opened again later, here or by anyone sharing this dashboard."
)
db = state.store()
saved = db.collections()
by_id = {c.id: c for c in saved}
opened = st.session_state.get("collection")
if opened:
    st.info(f"Working on the collection “{state.md(opened[1])}”.")
if saved:
    chosen = st.selectbox(
        "Collection",
        list(by_id),
        format_func=lambda i: f"{by_id[i].name} ({by_id[i].articles} articles)",
        key="collection_pick",
    )
    c1, c2, c3 = st.columns(3)
    if c1.button("Open it", key="collection_open", help="Replace this session's articles with the collection's"):
        state.open_collection(chosen, by_id[chosen].name)
        st.rerun()
    if c2.button("Save this session's articles to it", key="collection_save"):
        added = state.save_to_collection(chosen)
        st.session_state["collection"] = (chosen, by_id[chosen].name)
        st.toast(f"Saved {len(added)} new article(s) to {by_id[chosen].name}.")
        st.rerun()
    with c3.popover("Rename or delete"):
        new_name = st.text_input("New name", value=by_id[chosen].name, key="collection_new_name")
        if st.button("Rename", key="collection_rename"):
            try:
                db.rename_collection(chosen, new_name)
                st.rerun()
            except ValueError as exc:
                st.error(state.md(str(exc)))
        if st.button("Delete the collection", key="collection_delete", type="primary"):
            db.delete_collection(chosen)
            if opened and opened[0] == chosen:
                st.session_state.pop("collection", None)
            st.rerun()
with st.form("new_collection", clear_on_submit=True):
    name = st.text_input("New collection (one per event)", key="collection_name")
    if st.form_submit_button("Create it with this session's articles"):
        try:
            created = db.create_collection(name)
            st.session_state["collection"] = (created.id, created.name)
            state.save_to_collection(created.id)
            st.rerun()
        except ValueError as exc:
            st.error(state.md(str(exc)))

st.subheader("Download")
st.caption("The same tables, columns and values as `python -m framing score` (see the README's data dictionary).")
c1, c2, c3, c4 = st.columns(4)
c1.download_button("articles.csv", table_to_csv(report.article_table()), "articles.csv", "text/csv", key="dl_articles")
c2.download_button(
    "sentences.csv", table_to_csv(report.sentence_table()), "sentences.csv", "text/csv", key="dl_sentences"
)
c3.download_button("spans.csv", table_to_csv(report.span_table()), "spans.csv", "text/csv", key="dl_spans")
c4.download_button("report.json", report.to_json(), "report.json", "application/json", key="dl_report")
