"""Data: add articles (files, URLs or pasted text), remove them, reset, keep collections, and download every score."""

import contextlib
from collections.abc import Iterator
from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool

import pandas as pd
import streamlit as st

from app_pages import access, caches, deploy, session, ui
from framing import score_article
from framing.corpus import (
    EDITABLE_METADATA,
    EVENT_CHOICES,
    SUPPORTED_SUFFIXES,
    LoadError,
    article_from_text,
    parse_uploads,
)
from framing.engine import process_pool, score_on
from framing.errors import FetchError, FramingError, InputError
from framing.fetch import article_from_url
from framing.report import table_to_csv

# URLs fetched per submission: each may take up to the fetch deadline (20 s).
MAX_URLS = 20

st.title("Data")
config = deploy.config()
editor = access.can_edit()


# Input of at least this many bytes (characters, for fetched or pasted text) is read and scored in
# a process apart that ends with it: the server's heap keeps none of its churn, and its interpreter
# stays free to answer other visitors. Smaller input is read and scored here, without the second
# or so a fresh process takes to start.
APART_BYTES = 500_000


@contextlib.contextmanager
def apart_for(size: int) -> Iterator[Executor | None]:
    """A process apart for input of ``size`` bytes, or None where it is read and scored here."""
    if size < APART_BYTES:
        yield None
        return
    try:
        with process_pool() as pool:
            yield pool
    except BrokenProcessPool as exc:
        raise InputError(
            "the process reading and scoring them stopped before it finished (out of memory, or a crash in a "
            "parser); nothing was added"
        ) from exc


def add_and_score(new: list, errors: list, apart: Executor | None, fresh: bool = False) -> None:
    """Score new articles that no cache holds, in the process ``apart`` if any (so the Overview
    renders at once), then add them (up to the collection's limit) to the session's collection,
    or start a new one with them (``fresh``), and remember them for the Open buttons. Should the
    scoring fail, nothing is added."""
    missing = caches.unscored(new)
    progress = st.progress(0.0, text="Scoring…")
    scoring = session.config()
    chunks = score_on(apart, missing, scoring) if apart else ([score_article(a, scoring)] for a in missing)
    done = 0
    for reports in chunks:
        for article, report in zip(missing[done:], reports, strict=False):
            caches.score(article, report)
        done += len(reports)
        progress.progress(done / len(missing), text=f"Scoring {done:,} of {len(missing):,}")
    progress.empty()
    added = session.start_new(new, errors) if fresh else session.add(new, errors)
    st.session_state["last_upload"] = ([a.id for a in added], len(errors) + len(new) - len(added))


def read_uploads(files, first_line_headline: bool, held: int, apart: Executor | None) -> tuple[list, list]:
    """Articles and errors from uploaded files (an articles.csv or articles.json among them gives
    the others' metadata), read in the process ``apart`` if any, no further than a collection of
    ``held`` articles has room for."""
    room = max(0, deploy.max_collection_articles() - held)
    files = [(upload.name, upload.getvalue()) for upload in files]
    args = (files, config.with_(first_line_headline=first_line_headline), room)
    new, errors, unmatched = apart.submit(parse_uploads, *args).result() if apart else parse_uploads(*args)
    if unmatched:
        named = ", ".join(unmatched[:5]) + (" …" if len(unmatched) > 5 else "")
        st.session_state["unmatched_metadata"] = (
            f"The metadata file names {len(unmatched)} file(s) not uploaded: {named}"
        )
    return new, errors


st.subheader("Add files")
uploader_key = f"uploads-{st.session_state.get('upload_nonce', 0)}"
files = st.file_uploader(
    "Articles as .txt, .md, .html, .csv or .parquet (a 'text' column) or .json/.jsonl (a 'text' field); several at "
    "once, with an articles.csv or articles.json of their metadata if you have one (a 'file' column naming each file; "
    "outlet, headline, date, language, url, event)",
    type=sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES),
    accept_multiple_files=True,
    key=uploader_key,
    help=f"Up to {config.max_file_bytes / 1e6:g} MB and {config.max_article_chars:,} characters per article; "
    f"a collection holds up to {deploy.max_collection_articles():,} articles. Without metadata the outlet is read "
    "from the file name (the part before the first underscore: cnn_budget.txt is CNN's), and edited below.",
)
first_line = st.checkbox(
    "The first line of a .txt file is its headline",
    value=config.first_line_headline,
    key="first_line_headline",
    help="Off: a headline is recognised by its form (a short line without a closing full stop).",
)
NEW, CURRENT = "Start a new collection with them", f"Add them to “{session.name()}”"
where = st.radio(
    "Where the files go",
    [NEW, CURRENT] if session.name() == session.SEED_NAME else [CURRENT, NEW],
    horizontal=True,
    key="upload_target",
    help="The seed collection is one collection among others: your own event starts a new one.",
)
if files and st.button(f"Add {len(files):,} file(s)", type="primary", key="add_files"):
    room_for = 0 if where == NEW else len(session.articles())
    try:
        with st.spinner("Reading the files…"), apart_for(sum(upload.size for upload in files)) as apart:
            add_and_score(*read_uploads(files, first_line, room_for, apart), apart, fresh=where == NEW)
        st.session_state["upload_nonce"] = st.session_state.get("upload_nonce", 0) + 1
        st.rerun()
    except InputError as exc:
        st.error(f"Files: {ui.md(exc)}")
if unmatched := st.session_state.pop("unmatched_metadata", None):
    st.warning(ui.md(unmatched))

st.subheader("Add by URL")
if editor:
    with st.form("by_url", clear_on_submit=True):
        urls = st.text_area(
            f"Addresses of article pages, one per line (up to {MAX_URLS})",
            height=90,
            key="url_text",
            placeholder="https://www.example.com/news/2024/11/08/article.html",
        )
        if st.form_submit_button("Fetch and add", key="url_submit"):
            wanted = list(dict.fromkeys(u.strip() for u in urls.splitlines() if u.strip()))
            new, errors = (
                [],
                [LoadError(u, f"not fetched: at most {MAX_URLS} addresses at once") for u in wanted[MAX_URLS:]],
            )
            policy = deploy.fetch_policy()
            with st.spinner(f"Fetching {min(len(wanted), MAX_URLS)} page(s)…"):
                for url in wanted[:MAX_URLS]:
                    try:
                        new.append(article_from_url(url, policy, config))
                    except FetchError as exc:
                        errors.append(LoadError(url, str(exc)))
            try:
                with apart_for(sum(len(a.raw_text) for a in new)) as apart:
                    add_and_score(new, errors, apart)
                st.rerun()
            except InputError as exc:
                st.error(f"Pages: {ui.md(exc)}")
else:
    st.caption("Only editors can make the dashboard fetch pages. " + access.why_not_editor())

# Buttons to the new articles open them within this session (a fresh page load would start a new
# session, whose collection is the seeds).
OPEN_BUTTONS = 8
if last := st.session_state.get("last_upload"):
    added, failed = last
    st.success(f"Added {len(added)} article(s)." + (f" {failed} could not be loaded: see below." if failed else ""))
    known = {a.id for a in session.articles()}
    for ident in [i for i in added if i in known][:OPEN_BUTTONS]:
        if st.button(f"Open {ui.md(ident)}", key=f"open_{ident}", icon=":material/article:"):
            ui.open_article(ident)

st.subheader("Paste an article")
with st.form("paste", clear_on_submit=True):
    text = st.text_area("Article text (first line: headline)", height=180, key="paste_text")
    c1, c2, c3 = st.columns(3)
    outlet = c1.text_input("Outlet", key="paste_outlet")
    date = c2.date_input("Date", value=None, key="paste_date")
    language = c3.text_input("Language (ISO code, empty to detect)", max_chars=3, key="paste_language")
    if st.form_submit_button("Add pasted article", key="paste_submit"):
        try:
            ident = f"pasted-{len(session.articles()) + 1}"
            article = article_from_text(
                text,
                outlet=outlet.strip(),
                date=date.isoformat() if date else None,
                language=language.strip() or None,
                ident=ident,
                config=config,
            )
            with apart_for(len(text)) as apart:
                add_and_score([article], [], apart)
            st.rerun()
        except InputError as exc:
            st.error(f"Pasted text: {ui.md(exc)}")

report = caches.report()
st.subheader(f"This session's articles ({len(report.articles)})")
if report.articles:
    table = report.article_table()
    ok = table[table["status"] == "ok"]
    st.caption(
        "Outlet, headline, date, language and event call are yours to correct: the article is rescored with them "
        "(an empty language is detected again; the event call is the Relations page's)."
    )
    calls = {a.id: a.event for a in session.articles()}
    editable = [c for c in EDITABLE_METADATA if c != "event"]
    shown = ok[["article_id", *editable, "source", "words", "removed_parts"]].assign(
        # text columns as text even when every value is missing (a float column of NaN cannot be edited)
        **{column: ok[column].astype(object).fillna("").astype(str) for column in editable},
        event=ok["article_id"].map(lambda i: calls.get(i) or ui.AUTO_EVENT),
    )
    edited = st.data_editor(
        shown,
        hide_index=True,
        disabled=["article_id", "source", "words", "removed_parts"],
        key=f"metadata_editor-{ui.nonce()}",
        column_config={
            "article_id": st.column_config.TextColumn("article"),
            "title": st.column_config.TextColumn("headline", width="large"),
            "published": st.column_config.TextColumn("date", help="YYYY-MM-DD"),
            "language": st.column_config.TextColumn(help="ISO code (en, sv, de, fr …); empty: detected"),
            "event": st.column_config.SelectboxColumn(
                "event call", options=[ui.AUTO_EVENT, *EVENT_CHOICES], required=True
            ),
            "removed_parts": st.column_config.NumberColumn("removed parts", format="%d"),
        },
    )
    columns = list(EDITABLE_METADATA)
    changed = edited[columns].fillna("").astype(str).ne(shown[columns].astype(str))  # a cell emptied reads None
    changes = {
        shown.at[row, "article_id"]: {
            c: ("" if edited.at[row, c] == ui.AUTO_EVENT else edited.at[row, c]) for c in columns if changed.at[row, c]
        }
        for row in changed.index[changed.any(axis=1)]
    }
    if changes:
        try:
            session.update_metadata(changes)
            st.rerun()
        except InputError as exc:
            st.error(ui.md(str(exc)))
    described = {
        row.article_id: " · ".join(str(x) for x in (row.outlet, row.title, row.article_id) if isinstance(x, str) and x)
        for row in ok.itertuples()
    }
    with st.form("remove", border=False):  # one click: the choice and the button submit together
        to_remove = st.multiselect(
            "Remove articles", list(ok["article_id"]), format_func=lambda i: described.get(i, i), key="remove_ids"
        )
        if st.form_submit_button("Remove the chosen articles", key="remove_button") and to_remove:
            session.remove(set(to_remove))
            st.session_state.pop("remove_ids", None)  # the removed are no longer choices
            st.rerun()
errors = session.load_errors()
if errors:
    with st.expander(f"{len(errors):,} input(s) could not be added", expanded=True):
        # a table, not message boxes: plain text (no markdown, no links made of URLs), and it holds thousands
        st.dataframe(
            pd.DataFrame({"input": [e.source for e in errors], "why": [e.message for e in errors]}),
            hide_index=True,
            key="load_errors",
            column_config={"why": st.column_config.TextColumn(width="large")},
        )
        if st.button("Clear the error list", key="clear_errors"):
            st.session_state["load_errors"] = []
            st.rerun()
if st.button("Reset to the seed collection", key="reset_seeds"):
    session.reset_to_seeds()
    st.session_state.pop("last_upload", None)
    st.rerun()

st.subheader("Collections")
st.caption(
    "Articles you add stay private to this browser session until you save them to a collection; a saved "
    "collection can be opened again later, here or by anyone sharing this dashboard."
)
db = deploy.store()
saved = db.collections()
by_id = {c.id: c for c in saved}
opened = st.session_state.get("collection")
if opened and opened[0] not in by_id:
    st.warning(
        f"The collection “{ui.md(opened[1])}” you were working on no longer exists (another session deleted it). "
        "This session's articles are still here: save them to another collection or create a new one."
    )
    st.session_state.pop("collection", None)
    st.session_state.pop("saved_hashes", None)
    opened = None
if opened:
    st.info(f"Working on the collection “{ui.md(opened[1])}”. A link that opens it for anyone sharing this dashboard:")
    st.code(ui.share_link(opened[0], ""), language=None)
if not editor:
    st.caption(access.why_not_editor())
if saved:
    chosen = st.selectbox(
        "Collection",
        list(by_id),
        index=list(by_id).index(opened[0]) if opened else 0,
        format_func=lambda i: f"{by_id[i].name} ({by_id[i].articles} articles)",
        key="collection_pick",
    )
    c1, c2, c3 = st.columns(3)
    if c1.button("Open it", key="collection_open", help="Replace this session's articles with the collection's"):
        session.open_collection(chosen, by_id[chosen].name)
        st.rerun()
    if editor and c2.button(f"Save this session's articles to “{ui.md(by_id[chosen].name)}”", key="collection_save"):
        try:
            added = session.save_to_collection(chosen)
            st.toast(f"Saved {len(added)} new article(s) to {ui.md(by_id[chosen].name)}.")
            st.rerun()
        except FramingError as exc:
            st.error(ui.md(str(exc)))
    if editor:
        with c3.popover("Rename or delete"):
            new_name = st.text_input("New name", value=by_id[chosen].name, key="collection_new_name")
            if st.button("Rename", key="collection_rename"):
                try:
                    db.rename_collection(chosen, new_name)
                    st.rerun()
                except FramingError as exc:
                    st.error(ui.md(str(exc)))
            if st.button("Delete the collection", key="collection_delete", type="primary"):
                db.delete_collection(chosen)
                if opened and opened[0] == chosen:
                    st.session_state.pop("collection", None)
                    st.session_state.pop("saved_hashes", None)
                st.rerun()
if editor:
    with st.form("new_collection", clear_on_submit=True):
        name = st.text_input("New collection (one per event)", key="collection_name")
        if st.form_submit_button("Create it with this session's articles", key="collection_create"):
            try:
                created = db.create_collection(name)
                st.session_state["collection"] = (created.id, created.name)
                session.save_to_collection(created.id)
                st.rerun()
            except FramingError as exc:
                st.error(ui.md(str(exc)))

st.subheader("Download")
st.caption("The same tables, columns and values as `python -m framing score` (see the README's data dictionary).")
c1, c2, c3, c4, c5, c6 = st.columns(6)
ui.download(c1, "articles.csv", lambda: table_to_csv(report.article_table()), "dl_articles")
ui.download(c2, "sentences.csv", lambda: table_to_csv(report.sentence_table()), "dl_sentences")
ui.download(c3, "spans.csv", lambda: table_to_csv(report.span_table()), "dl_spans")
ui.download(c4, "quotes.csv", lambda: table_to_csv(report.quote_table()), "dl_quotes")
ui.download(c5, "report.json", report.to_json, "dl_report")
ui.download(c6, "report.html", lambda: caches.html_report(report), "dl_html")
st.caption(
    "report.html: the collection in one printable file (findings, headlines, charts, scores, every article "
    "highlighted, methods and validity figures), as `python -m framing report` writes it."
)
