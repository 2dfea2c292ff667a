"""Navigation, links and widgets the pages share: the page registry, going to an article, chart
clicks, article pickers bound to the URL, downloads, and making user text inert."""

from __future__ import annotations

import streamlit as st

from app_pages import caches, deploy, session
from framing.render import article_labels
from framing.report import ArticleReport, Report

PAGES = {
    "overview": "app_pages/overview.py",
    "article": "app_pages/article.py",
    "compare": "app_pages/compare.py",
    "relations": "app_pages/relations.py",
    "actors": "app_pages/actors.py",
    "explore": "app_pages/explore.py",
    "data": "app_pages/data.py",
    "methods": "app_pages/methods.py",
}
PAGE_PATHS = tuple(PAGES)  # each page is served at its key (app.py)
_MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~$:&")
# Characters after which an invisible word joiner is placed: the renderer turns bare addresses
# (www.example.org, name@example.org, https://…) into links even when their dots are escaped,
# and cannot once every dot, colon and @ is followed by one.
_LINK_BREAKERS = set(".:@")
WORD_JOINER = "\u2060"


def md(text: object) -> str:
    """User text made inert for Streamlit markdown: every markdown/HTML special is escaped and no
    address in it can become a link or an image."""
    out = []
    for ch in str(text):
        out.append("\\" + ch if ch in _MARKDOWN_SPECIALS else ch)
        if ch in _LINK_BREAKERS:
            out.append(WORD_JOINER)
    return "".join(out)


def download(where, name: str, make, key: str) -> None:
    """A download button whose file is built only when it is clicked: exporting a large collection
    takes seconds, and every rerun of the page would otherwise pay for every file."""
    mime = {".json": "application/json", ".html": "text/html"}.get(name[name.rfind(".") :], "text/csv")
    where.download_button(name, make, name, mime, key=key)


def open_article(article_id: str, sentence: int | None = None, highlight: str | None = None) -> None:
    """Go to the drill-down of an article (at a sentence, with one kind of evidence highlighted);
    the ids travel in the URL so the link can be shared."""
    st.session_state["nav_nonce"] = st.session_state.get("nav_nonce", 0) + 1
    query = {
        "article": article_id,
        **({"sentence": str(sentence)} if sentence is not None else {}),
        **({"highlight": highlight} if highlight else {}),
    }
    st.switch_page(PAGES["article"], query_params=query)


def open_explore(words: str) -> None:
    """Go to the Explore page with every use of ``words`` in the collection."""
    st.session_state["nav_nonce"] = st.session_state.get("nav_nonce", 0) + 1
    st.session_state.pop("explore_query", None)  # the address's words, not the box's last ones
    st.switch_page(PAGES["explore"], query_params={"q": words})


# The event-call choice that leaves the call to the detection (Data and Relations pages).
AUTO_EVENT = "as detected"


def nonce() -> int:
    """Changes on every navigation, so chart selections do not survive a return to the page."""
    return st.session_state.get("nav_nonce", 0)


def selected_point(event) -> list | None:
    """The customdata of the first selected point of a plotly selection event, if any."""
    if not event:
        return None
    points = event.get("selection", {}).get("points", []) if isinstance(event, dict) else event.selection.points
    for point in points:
        custom = point.get("customdata")
        if custom:
            return custom
    return None


def selected_article(event) -> str | None:
    """The article id of the first point of a plotly selection event, if any."""
    custom = selected_point(event)
    return custom[0] if custom else None


def scroll_to(selector: str) -> None:
    """Scroll the page to the first element matching ``selector`` (a constant of ours, never user
    text) once it is drawn: a drill-down opened at a sentence shows that sentence."""
    import json

    import streamlit.components.v1 as components

    components.html(
        "<script>(function find(tries){const el=window.parent.document.querySelector(" + json.dumps(selector) + ");"
        "if(el){el.scrollIntoView({block:'center'});}else if(tries>0){setTimeout(()=>find(tries-1),100);}})(50);"
        "</script>",
        height=0,
    )


def metric_column(m):
    """A table column for a metric from the registry: its short name, definition and unit in the
    help, shares as %, counts as whole numbers."""
    unit = m.scale
    fmt = (
        "percent"
        if unit.kind == "share"
        else ("%d" if unit.kind == "count" and unit.decimals == 0 else f"%.{unit.decimals}f")
    )
    return st.column_config.NumberColumn(m.axis_label, help=f"{m.label}: {m.definition} ({m.unit})", format=fmt)


def clickable_chart(rep: Report, key: str, name: str, *args) -> None:
    """A chart whose points open their article's drill-down when clicked."""
    event = st.plotly_chart(
        caches.figure(rep, name, *args), on_select="rerun", selection_mode="points", key=f"{key}-{nonce()}"
    )
    if target := selected_article(event):
        open_article(target)


def _sync_param(param: str, key: str) -> None:
    st.query_params[param] = st.session_state[key]
    if param == "article":  # a sentence focus and a highlight choice belong to the article they were set for
        st.query_params.pop("sentence", None)
        st.query_params.pop("highlight", None)


def pick_article(
    rep: Report, label: str, param: str, key: str, default_index: int = 0, default_id: str | None = None
) -> ArticleReport:
    """A select box bound to a URL query parameter (the source of truth), so a choice can be shared.
    A link naming an article the collection does not hold says so, and shows the default."""
    ids = [r.article.id for r in rep.articles]
    names = article_labels(rep)
    wanted = st.query_params.get(param)
    if wanted not in ids:
        fallback = default_id if default_id in ids else ids[min(default_index, len(ids) - 1)]
        if wanted:
            st.warning(f"No article {md(wanted[:80])} in this collection: showing {md(names[fallback])} instead.")
        wanted = fallback
    st.session_state[key] = wanted
    if st.query_params.get(param) != wanted:
        st.query_params[param] = wanted
    st.selectbox(
        label, ids, format_func=lambda i: f"{names[i]} · {i}", key=key, on_change=_sync_param, args=(param, key)
    )
    return rep.get(wanted)


def share_link(collection_id: int, url_path: str) -> str:
    """The address that opens a saved collection on a page: the default page is the site's root
    (``/?collection=N``; its own path is not served), the others their path."""
    base = (st.context.url or "").split("?")[0].split("#")[0]
    for path in PAGE_PATHS:
        if base.endswith("/" + path):
            base = base[: -len(path) - 1]
            break
    base = base.rstrip("/")
    return f"{base}/{url_path}?collection={collection_id}" if url_path else f"{base}/?collection={collection_id}"


def open_from_link() -> None:
    """Open the saved collection named in the address (``?collection=ID``), so a link can share it."""
    wanted = st.query_params.get("collection")
    if wanted is None:
        return
    opened = st.session_state.get("collection")
    if opened and str(opened[0]) == wanted:
        return
    found = next((c for c in deploy.store().collections() if str(c.id) == wanted), None)
    if found is None:
        st.warning(
            f"There is no saved collection {md(wanted)} (it may have been deleted); showing this session's articles."
        )
        st.query_params.pop("collection")
        return
    session.open_collection(found.id, found.name)


def empty_state() -> None:
    st.info("The collection is empty. Add articles on the Data page, or go back to the seed collection.")
    left, right = st.columns([1, 3])
    left.page_link(PAGES["data"], label="Add articles", icon=":material/upload:")
    if right.button("Reset to the seed collection", key="empty_reset"):
        session.reset_to_seeds()
        st.rerun()
    st.stop()
