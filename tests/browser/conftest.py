"""A real server and a real browser: ``streamlit run app.py`` on a free loopback port, driven by
Playwright with Debian's Chromium (no browser download). Screenshots go to test-artifacts/."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from serve import CHROMIUM_FLAGS, chromium_path, streamlit_server  # noqa: E402

__all__ = ["CHROMIUM_FLAGS", "chromium_path", "streamlit_server"]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def server():
    with streamlit_server() as running:
        yield running.url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
