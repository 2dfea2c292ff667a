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
