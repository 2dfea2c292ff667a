"""Property tests: invariants that hold for any input, including arbitrary Unicode."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.corpus import LoadError, parse_bytes
from framing.report import Report

# Text with the characters that break naive code: quotes, line breaks, combining marks,
# right-to-left and zero-width characters, surrogate-free arbitrary Unicode.
tricky = st.lists(
    st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(list("“”„«»\"'.!?\n\n  \u200b\u200f\u202eMr.U.S.")),
        st.sampled_from(
            ["reportedly ", "a source familiar with ", "pivotal ", "May ", "said ", "“quote” ", "By Jo Doe\n"]
        ),
    ),
    max_size=120,
).map("".join)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def score(text: str, language: str | None = None):
    article = framing.Article(
        id="h", raw_text=text, source="h", language=language, language_source="metadata" if language else None
    )
    return framing.score_article(article)


@SETTINGS
@given(tricky, st.sampled_from(["en", "sv", None]))
def test_spans_in_bounds_and_equal_their_text(text, language):
    report = score(text, language)
    body = report.article.text
    for e in report.evidence:
        assert 0 <= e.start < e.end <= len(body)
        assert body[e.start : e.end] == e.text
    for s in report.sentences:
        assert body[s.start : s.end] == s.text


@SETTINGS
@given(tricky)
def test_scores_are_deterministic_and_every_metric_has_value_or_reason(text):
    first, second = score(text, "en"), score(text, "en")
    assert first == second
    for mv in first.metrics.values():
        assert (mv.value is None) != (mv.reason is None)


@SETTINGS
@given(tricky)
def test_report_round_trips_through_json(text):
    report = framing.build_report(
        [framing.Article(id="h", raw_text=text, source="h", language="en", language_source="metadata")]
    )
    assert Report.from_json(report.to_json()) == report


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["a.txt", "a.md", "a.html", "a.csv", "a.json", "a.jsonl", "a.pdf"]))
def test_loaders_never_raise_on_arbitrary_bytes(data, name):
    for item in parse_bytes(name, data):
        assert isinstance(item, (framing.Article, LoadError))
        if isinstance(item, LoadError):
            assert item.message
