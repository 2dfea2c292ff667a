"""The README documents every metric (with the registry's own definition) and every column."""

import re

from conftest import ROOT
from framing.report import ARTICLE_COLUMNS, SENTENCE_COLUMNS, SPAN_COLUMNS
from framing.scorers import METRICS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_metric_row_matches_the_registry():
    for m in METRICS:
        langs = "all" if m.languages is None else ", ".join(m.languages)
        row = f"| `{m.name}` | {m.family} | {m.definition} | {m.unit} | {langs} |"
        assert row in README, f"README metric row for {m.name} is missing or out of date:\n{row}"


def test_every_table_column_is_in_the_data_dictionary():
    documented = set(re.findall(r"`([a-z_]+)`", README))
    for column in (*ARTICLE_COLUMNS, *SENTENCE_COLUMNS, *SPAN_COLUMNS, "empty_reasons"):
        assert column in documented, f"column {column} is not in the README data dictionary"


def test_readme_shows_the_test_command_that_ci_runs():
    assert "bash scripts/test" in README
    assert "scripts/test" in (ROOT / ".ci" / "run").read_text()


def _readme_secrets() -> dict:
    import tomllib

    block = re.search(r"```toml\n# \.streamlit/secrets\.toml\n(.*?)```", README, re.S)
    assert block, "README has no secrets.toml example"
    return tomllib.loads(block.group(1))


def test_every_documented_setting_is_read_by_the_dashboard():
    """The hosting example names only settings the app reads, and the app reads no undocumented one."""
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "app_pages").glob("*.py"))
    from framing.config import LOADING_LIMITS

    documented = set(_readme_secrets()["framing"]) | {"fetch_ca_file", "sign_in_provider"}
    read = set(re.findall(r'secret_section\("framing"\)\.get\("([a-z_]+)"', sources)) | set(LOADING_LIMITS)
    read |= set(re.findall(r'section\.get\("([a-z_]+)"', sources))
    assert "LOADING_LIMITS" in sources  # the loading limits are read from [framing] by name
    assert read == documented, (
        f"documented but not read: {documented - read}; read but undocumented: {read - documented}"
    )


def test_upload_limit_is_the_loaders_file_limit():
    import tomllib

    from framing.config import DEFAULT_CONFIG

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1_000_000 == DEFAULT_CONFIG.max_file_bytes
    assert config["server"]["enableXsrfProtection"] is True
    assert _readme_secrets()["framing"]["max_file_bytes"] == DEFAULT_CONFIG.max_file_bytes
