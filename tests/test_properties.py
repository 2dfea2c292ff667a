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


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
records = st.dictionaries(
    st.sampled_from(["text", "Text", "title", "date", "outlet", "id", "url", "lang", "x"]), json_values
)


@SETTINGS
@given(st.lists(records | json_values, max_size=6))
def test_json_lines_records_each_load_or_name_their_line(items):
    import json

    data = "\n".join(json.dumps(i, ensure_ascii=False) for i in items).encode()
    out = list(parse_bytes("batch.jsonl", data))
    for item in out:
        assert isinstance(item, (framing.Article, LoadError))
        if isinstance(item, framing.Article):
            assert item.raw_text.strip()
            framing.score_article(item)  # whatever loads, scores
    assert len(out) >= 1


@SETTINGS
@given(st.lists(st.lists(tricky, min_size=1, max_size=4), max_size=5), st.sampled_from([",", ";", "\t"]))
def test_csv_tables_of_arbitrary_cells_load_or_explain(rows, delimiter):
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(["text", "title", "date"][: max((len(r) for r in rows), default=1)])
    writer.writerows(rows)
    for item in parse_bytes("table.csv", buffer.getvalue().encode()):
        assert isinstance(item, (framing.Article, LoadError))
        if isinstance(item, LoadError):
            assert item.message


html_fragments = st.lists(
    st.one_of(
        tricky,
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<script>alert(1)</script>",
                "<article>",
                "</article>",
                "<h1>",
                "</h1>",
                "<!--",
                "-->",
                "<br>",
                "<meta charset='latin-1'>",
                "<title>",
                "</title>",
                "&amp;",
                "&#0;",
                "<![CDATA[",
                "]]>",
                "<svg onload=x>",
                "<table><tr><td>",
            ]
        ),
    ),
    max_size=40,
).map("".join)


@SETTINGS
@given(html_fragments)
def test_html_pages_of_arbitrary_markup_load_without_scripts_or_explain(markup):
    """No script element's code reaches the text. Markup inside a text-only element (an unclosed
    <title>, a comment) is text, not a script: the HTML parser itself is the judge of which."""
    import lxml.html

    page = f"<!doctype html><html><body>{markup}</body></html>"
    tree = lxml.html.document_fromstring(page.encode())
    script_free_text = "".join(tree.xpath("//text()[not(ancestor::script)]"))
    for item in parse_bytes("page.html", page.encode()):
        assert isinstance(item, (framing.Article, LoadError))
        if isinstance(item, framing.Article) and "alert(1)" in item.raw_text:
            assert "alert(1)" in script_free_text


@SETTINGS
@given(
    st.text(max_size=80)
    | st.from_regex(r"(https?|ftp|file|gopher)://[\w.:@\[\]%-]{0,30}(/[\w./?=&%-]{0,20})?", fullmatch=True)
)
def test_any_url_is_refused_or_fetched_never_crashes(url):
    """Arbitrary strings as URLs: only FetchError ever comes out (with name lookup failing)."""
    import socket

    from framing.fetch import FetchError, fetch

    def no_dns(*args, **kwargs):
        raise socket.gaierror("no DNS in this test")

    real = socket.getaddrinfo
    socket.getaddrinfo = no_dns
    try:
        fetch(url)
    except FetchError as exc:
        assert str(exc)
    finally:
        socket.getaddrinfo = real
