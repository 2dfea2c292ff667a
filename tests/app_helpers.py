"""Helpers for driving the dashboard under AppTest."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from conftest import ROOT

APP = str(ROOT / "app.py")
TIMEOUT = 120


def run_page(page: str | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if query:
        at.query_params.update(query)
    if page:
        at.switch_page(f"app_pages/{page}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def frame_with(at: AppTest, column: str):
    """The first dataframe on the page that has ``column`` (display tables carry no widget key)."""
    return next(f.value for f in at.dataframe if column in f.value.columns)


def html_of(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def submit(at: AppTest, key: str) -> AppTest:
    """Click a form's submit button, found by its key."""
    next(b for b in at.get("form_submit_button") if b.key == key).click().run()
    return at


def load_errors(at: AppTest) -> list[str]:
    """The Data page's list of inputs that could not be added, as "input: why" lines."""
    frame = frame_with(at, "why")
    return [f"{source}: {why}" for source, why in zip(frame["input"], frame["why"], strict=True)]


def add_files(at: AppTest, files: list[tuple[str, bytes, str]], join: bool = False) -> AppTest:
    """Upload files on the Data page and add them: to a new collection (the default while the
    session holds the seeds), or joined to the current one."""
    at.file_uploader[0].set_value(files).run()
    if join:
        target = at.radio(key="upload_target")
        target.set_value(next(o for o in target.options if o.startswith("Add them"))).run()
    at.button(key="add_files").click().run()
    return at


def collection_name(at: AppTest) -> str:
    """The open collection's name as the sidebar shows it (bold, Markdown-escaped)."""
    return at.sidebar.markdown[0].value.strip("*").replace("\\", "").replace("\u2060", "")
