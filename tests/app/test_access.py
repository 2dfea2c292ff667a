"""Sign-in and the editors' allow-list, with the identity faked through AppTest.user; add by
URL through the Data page; the collection size limit from secrets."""

from __future__ import annotations

import os

import pytest
from streamlit.testing.v1 import AppTest

from app_helpers import APP, TIMEOUT, add_files, frame_with, load_errors, submit
from app_pages.access import is_editor
from conftest import SEEDS
from framing import load_paths
from framing.store import Store
from local_site import serving

# Streamlit's own OIDC settings; never contacted in these tests (nobody clicks "Sign in").
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret",
    "client_id": "framing-test",
    "client_secret": "not-a-secret",
    "server_metadata_url": "https://accounts.example.org/.well-known/openid-configuration",
}
EDITORS = ["ana@example.org", "@newsroom.example.net"]


@pytest.fixture
def saved_collection():
    """A collection with the seeds in the page tests' private database."""
    store = Store(f"sqlite:///{os.environ['FRAMING_DB']}")
    created = store.create_collection("Musk call")
    store.add_articles(created.id, load_paths([SEEDS]).articles)
    return created


def data_page(user: dict | None = None, **framing_secrets) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.secrets["auth"] = AUTH
    at.secrets["framing"] = {"editors": EDITORS, **framing_secrets}
    if user is not None:
        at.user = user
    at.switch_page("app_pages/data.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def keys(at: AppTest) -> set[str]:
    return {w.key for w in [*at.button, *at.get("form_submit_button")] if w.key}


EDITING = {"collection_save", "collection_rename", "collection_delete", "collection_create", "url_submit"}


def test_without_sign_in_configured_everyone_edits(saved_collection):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("app_pages/data.py")
    at.run()
    assert keys(at) >= EDITING
    assert "sign_in" not in keys(at)


def test_visitor_who_has_not_signed_in_views_but_cannot_change(saved_collection):
    at = data_page()
    assert not EDITING & keys(at)
    assert "sign_in" in keys(at)
    at.button(key="collection_open").click().run()  # viewing a saved collection is allowed
    assert len(frame_with(at, "removed_parts")) == 5
    assert any("Sign in" in c.value for c in at.caption)
    # their own uploads and pastes still work, privately
    at.text_area(key="paste_text").input("Mayor quits\n\nThe mayor reportedly resigned on Monday.")
    submit(at, "paste_submit")
    assert len(frame_with(at, "removed_parts")) == 6


@pytest.mark.parametrize(
    ("user", "can_edit"),
    [
        ({"is_logged_in": True, "email": "ana@example.org", "email_verified": True}, True),
        ({"is_logged_in": True, "email": "Ana@Example.org", "email_verified": True}, True),  # case-insensitive
        ({"is_logged_in": True, "email": "bo@newsroom.example.net", "email_verified": True}, True),  # a domain
        ({"is_logged_in": True, "email": "mallory@example.com", "email_verified": True}, False),
        ({"is_logged_in": True, "email": "ana@example.org", "email_verified": False}, False),
        ({"is_logged_in": True, "email": "ana@example.org"}, False),  # a provider that omits the claim
        ({"is_logged_in": True, "email": "x@evil.org@newsroom.example.net", "email_verified": True}, False),
        ({"is_logged_in": False, "email": "ana@example.org"}, False),
    ],
)
def test_only_signed_in_editors_change_collections(saved_collection, user, can_edit):
    at = data_page(user)
    shown = keys(at) & EDITING
    assert shown == (EDITING if can_edit else set())
    if user.get("is_logged_in"):
        sidebar = " ".join(c.value for c in at.sidebar.caption)
        assert "editor" in sidebar if can_edit else "viewer" in sidebar


def test_an_editor_creates_and_deletes_a_collection(saved_collection):
    at = data_page({"is_logged_in": True, "email": "ana@example.org", "email_verified": True})
    at.text_input(key="collection_name").input("Second event")
    submit(at, "collection_create")
    assert not at.exception
    names = Store(f"sqlite:///{os.environ['FRAMING_DB']}").collections()
    assert sorted(c.name for c in names) == ["Musk call", "Second event"]


def test_require_sign_in_closes_the_dashboard_to_visitors():
    at = data_page(require_sign_in=True)
    assert "Sign in to continue" in at.info[0].value
    assert not at.dataframe and "sign_in_gate" in keys(at)
    signed_in = data_page({"is_logged_in": True, "email": "mallory@example.com"}, require_sign_in=True)
    assert signed_in.dataframe  # any signed-in user reads; editing is still for editors only
    assert not EDITING & keys(signed_in)


def test_is_editor_matches_addresses_and_domains_exactly():
    assert is_editor("ana@example.org", EDITORS)
    assert is_editor("x@newsroom.example.net", EDITORS)
    assert not is_editor("x@evil-newsroom.example.net", EDITORS)
    assert not is_editor("ana@example.org.evil.com", EDITORS)
    assert not is_editor(None, EDITORS) and not is_editor("no-at-sign", EDITORS)
    assert not is_editor("x@evil.org@newsroom.example.net", EDITORS)  # two @: not an address
    assert not is_editor('"x@newsroom.example.net"@evil.org', EDITORS)
    assert not is_editor("ana@example.org", [])


def test_add_by_url_fetches_from_an_allowed_test_server_and_reports_refusals():
    with serving() as port:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        at.secrets["framing"] = {"fetch_allow_networks": ["127.0.0.1/32"]}
        at.switch_page("app_pages/data.py")
        at.run()
        at.text_area(key="url_text").input(
            f"http://127.0.0.1:{port}/news/musk-call.html\nhttp://169.254.169.254/latest/meta-data/\n"
            f"http://127.0.0.1:{port}/pdf"
        )
        submit(at, "url_submit")
    assert not at.exception
    table = frame_with(at, "removed_parts")
    added = table[table["article_id"] == "127-0-0-1-musk-call"]
    assert added["outlet"].tolist() == ["Example News"]
    errors = " | ".join(load_errors(at))
    assert "cloud metadata address" in errors and "application/pdf" in errors


def test_collection_size_limit_turns_the_overflow_into_errors():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.secrets["framing"] = {"max_collection_articles": 6}
    at.switch_page("app_pages/data.py")
    at.run()
    files = [
        (f"n{i}.txt", f"Item {i}\n\nThe council met on day {i}, officials said.".encode(), "text/plain")
        for i in range(3)
    ]
    add_files(at, files, join=True)
    assert len(frame_with(at, "removed_parts")) == 6
    errors = load_errors(at)
    assert len(errors) == 2 and all("room for 1 more" in e for e in errors)


def test_a_link_opens_a_saved_collection_in_a_fresh_session(saved_collection):
    store = Store(f"sqlite:///{os.environ['FRAMING_DB']}")
    store.remove_articles(saved_collection.id, {"000_e191cd35296de808"})
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["collection"] = str(saved_collection.id)
    at.switch_page("app_pages/data.py")
    at.run()
    assert not at.exception
    assert len(frame_with(at, "removed_parts")) == 4  # the saved collection, not the seeds
    links = [c.value for c in at.code]
    assert any(link.endswith(f"/?collection={saved_collection.id}") for link in links)  # the Data page's
    assert any(link.endswith(f"/data?collection={saved_collection.id}") for link in links)  # the sidebar's: this page
    missing = AppTest.from_file(APP, default_timeout=TIMEOUT)
    missing.query_params["collection"] = "999"
    missing.run()
    assert "no saved collection 999" in missing.warning[0].value
    assert len(frame_with(missing, "lix")) == 5
