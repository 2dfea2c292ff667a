"""The framing dashboard: how did these outlets frame the same event?

Run with ``streamlit run app.py``. Pages live in app_pages/; all scoring is in the framing
library, the pages only render its Report. The file is both the server's application (``app``,
which ``streamlit run`` finds and imports) and the script each visitor's session runs.
"""

import contextlib
import gc
import threading
import time

from app_pages import allocator

# The server importing its application restarts itself under jemalloc first, where the machine
# has it, before the library loads (app_pages/allocator.py). Not a visitor's script run, nor a
# process apart: Streamlit makes the running script the __main__ module, so a process that
# multiprocessing spawns during a script run imports this file as __mp_main__, and a restart there
# would lose what its parent sends it.
if __name__ not in ("__main__", "__mp_main__"):
    allocator.restart_under_jemalloc()

import streamlit as st  # noqa: E402
from streamlit.logger import get_logger  # noqa: E402

import framing  # noqa: E402
from app_pages import access, caches, deploy, session, ui  # noqa: E402


def dashboard() -> None:
    """One run of a visitor's script: the navigation, the sidebar and the page."""
    st.set_page_config(page_title="Framing dashboard", page_icon=":material/compare_arrows:", layout="wide")
    # The grids' own "Download as CSV" writes cells raw (a title "=WEBSERVICE(…)" would run in a
    # spreadsheet): it is hidden in favour of the Data and Relations pages' downloads, whose every
    # cell and header is neutralised.
    st.html('<style>button[aria-label="Download as CSV"]{display:none !important}</style>')

    pages = [
        st.Page(ui.PAGES["overview"], title="Overview", icon=":material/dashboard:", url_path="overview", default=True),
        st.Page(ui.PAGES["article"], title="Article", icon=":material/article:", url_path="article"),
        st.Page(ui.PAGES["compare"], title="Compare", icon=":material/compare:", url_path="compare"),
        st.Page(ui.PAGES["relations"], title="Relations", icon=":material/account_tree:", url_path="relations"),
        st.Page(ui.PAGES["actors"], title="Actors", icon=":material/groups:", url_path="actors"),
        st.Page(ui.PAGES["explore"], title="Explore", icon=":material/manage_search:", url_path="explore"),
        st.Page(ui.PAGES["data"], title="Data", icon=":material/database:", url_path="data"),
        st.Page(ui.PAGES["methods"], title="Methods", icon=":material/science:", url_path="methods"),
    ]
    access.gate()
    navigation = st.navigation(pages)
    try:
        # Computing the engine fingerprint parses every packaged lexicon: a malformed one stops here,
        # on every page, with its file, line and problem, instead of emptying a metric.
        framing.engine_fingerprint(deploy.config())
    except framing.FramingError as exc:
        st.error(f"The scoring engine cannot start: {ui.md(exc)}")
        st.stop()
    ui.open_from_link()

    st.set_page_config(page_title=f"{session.name()} · Framing dashboard")
    with st.sidebar:
        collection = session.articles()
        errors = session.load_errors()
        st.markdown(f"**{ui.md(session.name())}**")
        st.caption(f"{len(collection):,} article(s)" + (f" · {len(errors):,} input(s) not added" if errors else ""))
        if (opened := session.collection_id()) is not None:
            st.caption("A link to this page of the collection, for anyone sharing this dashboard:")
            st.code(ui.share_link(opened, navigation.url_path), language=None)
        st.page_link(ui.PAGES["data"], label="Add or remove articles", icon=":material/upload:")
        access.account_panel()

    try:
        navigation.run()
    except framing.FramingError as exc:  # a store or input failure the page did not handle itself
        st.error(ui.md(exc))


def warm() -> None:
    started = time.perf_counter()
    try:
        caches.warm()
        get_logger(__name__).info("Seed collection warmed in %.1f s", time.perf_counter() - started)
    except Exception:  # the first visitor meets the same failure and sees it on the page
        get_logger(__name__).exception("Warming the seed collection failed")
    # What the server holds from now to its end (modules, lexicons, models, the seeds' scores) is
    # moved out of the garbage collector's sight: a full collection, which holds the interpreter
    # and so every session and the health endpoint, then walks only what visitors made.
    gc.collect()
    gc.freeze()


@contextlib.asynccontextmanager
async def lifespan(_app):
    """As the server starts, and without delaying it, the seed collection's scores and comparison
    are computed in a thread (caches.warm): the first visitor finds them made or being made."""
    get_logger(__name__).info("Memory allocator: %s", allocator.in_use())
    allocator.tune_glibc()
    threading.Thread(target=warm, name="warm-seeds", daemon=True).start()
    yield


if __name__ == "__main__":  # a visitor's script run (the server's start hook chose the allocator)
    dashboard()
else:  # the server importing its application
    app = st.App(__file__, lifespan=lifespan)
