"""Who may change collections: optional sign-in with Streamlit's OIDC (``st.login``).

Off unless secrets.toml has an ``[auth]`` section (Streamlit's own OIDC settings). When it is
on, everyone may still read the dashboard, open saved collections and work on articles of their
own (uploads and pastes stay private to the browser session); only signed-in editors named in
``[framing] editors`` (addresses, or ``@domain`` for a whole domain) may create, save to, rename
or delete collections, or make the server fetch a URL. ``require_sign_in = true`` closes the
dashboard to everyone who has not signed in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import streamlit as st

from app_pages.deploy import secret_section
from app_pages.ui import md


def sign_in_enabled() -> bool:
    return bool(secret_section("auth"))


# An address as providers issue them: one @, a local part and a dotted domain of letters, digits
# and hyphens, nothing else (no second @, no spaces, no quoted or bracketed forms).
_ADDRESS = re.compile(r"[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


def is_editor(email: str | None, editors: Iterable[str]) -> bool:
    """Whether an address is on the allow-list; an entry "@example.org" admits the whole domain.
    An address that is not exactly one plain local part and domain never matches."""
    email = (email or "").strip().lower()
    if not _ADDRESS.fullmatch(email):
        return False
    domain = "@" + email.split("@")[1]
    return any(entry.strip().lower() in (email, domain) for entry in editors)


def signed_in_email() -> str | None:
    """The signed-in user's address (None for a visitor who has not signed in)."""
    user = st.user
    if not user.get("is_logged_in"):
        return None
    return user.get("email") or "(no address)"


def _verified() -> bool:
    """Only an address the identity provider says it verified is trusted: a provider that omits
    the claim is not taken at its word."""
    return st.user.get("email_verified") is True


def can_edit() -> bool:
    """Local use (no sign-in configured): yes. Hosted with sign-in: signed-in editors only."""
    if not sign_in_enabled():
        return True
    return _verified() and is_editor(signed_in_email(), secret_section("framing").get("editors", ()))


def why_not_editor() -> str:
    email = signed_in_email()
    if email is None:
        return "Sign in (in the sidebar) to change collections; without signing in you can view them."
    if not _verified():
        return f"Your identity provider has not verified the address {md(email)}: you can view collections."
    return f"You are signed in as {md(email)}, who is not on the list of editors: you can view collections."


def _sign_in() -> None:
    provider = secret_section("framing").get("sign_in_provider")
    if provider:
        st.login(provider)
    else:
        st.login()


def account_panel() -> None:
    """Sidebar: sign in or out, and what the account may do. Nothing when sign-in is off."""
    if not sign_in_enabled():
        return
    email = signed_in_email()
    if email is None:
        st.button("Sign in", on_click=_sign_in, icon=":material/login:", key="sign_in")
        return
    role = "editor" if can_edit() else "viewer"
    st.caption(f"Signed in as {md(email)} ({role})")
    st.button("Sign out", on_click=st.logout, icon=":material/logout:", key="sign_out")


def gate() -> None:
    """Stop the page for visitors who have not signed in, when the deployment requires it."""
    if sign_in_enabled() and secret_section("framing").get("require_sign_in") and signed_in_email() is None:
        st.title("Framing dashboard")
        st.info("This dashboard is shared with its team only. Sign in to continue.")
        st.button("Sign in", on_click=_sign_in, icon=":material/login:", key="sign_in_gate")
        st.stop()
