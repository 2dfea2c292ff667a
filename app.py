"""The framing dashboard: how did these outlets frame the same event?

Run with ``streamlit run app.py``. Pages live in app_pages/; all scoring is in the framing
library, the pages only render its Report.
"""

import streamlit as st

from app_pages import access, state

st.set_page_config(page_title="Framing dashboard", page_icon=":material/compare_arrows:", layout="wide")

pages = [
    st.Page(state.PAGES["overview"], title="Overview", icon=":material/dashboard:", url_path="overview", default=True),
    st.Page(state.PAGES["article"], title="Article", icon=":material/article:", url_path="article"),
    st.Page(state.PAGES["compare"], title="Compare", icon=":material/compare:", url_path="compare"),
    st.Page(state.PAGES["relations"], title="Relations", icon=":material/account_tree:", url_path="relations"),
    st.Page(state.PAGES["actors"], title="Actors", icon=":material/groups:", url_path="actors"),
    st.Page(state.PAGES["data"], title="Data", icon=":material/database:", url_path="data"),
    st.Page(state.PAGES["methods"], title="Methods", icon=":material/science:", url_path="methods"),
]
access.gate()
navigation = st.navigation(pages)
state.open_from_link()

with st.sidebar:
    collection = state.articles()
    errors = state.load_errors()
    st.caption(f"Collection: **{len(collection)}** article(s)" + (f" · {len(errors)} input(s) not added" if errors else ""))
    st.page_link(state.PAGES["data"], label="Add or remove articles", icon=":material/upload:")
    access.account_panel()

navigation.run()
