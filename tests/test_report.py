import io

import pandas as pd
import pytest

import framing
from framing.report import FORMULA_PREFIXES, Report, table_to_csv
from framing.scorers import METRIC_NAMES


def test_json_round_trip_is_exact(seed_report):
    again = Report.from_json(seed_report.to_json())
    assert again == seed_report


def test_tables_have_documented_columns_and_one_row_per_article(seed_report):
    articles = seed_report.article_table()
    assert len(articles) == 5 and set(METRIC_NAMES) <= set(articles.columns)
    spans = seed_report.span_table()
    assert {"article_id", "start", "end", "text", "kind", "category", "sentence_index", "in_quote"} <= set(
        spans.columns
    )


def test_span_offsets_point_at_their_text(seed_report):
    texts = {r.article.id: r.article.text for r in seed_report.articles}
    for row in seed_report.span_table().itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text


def test_csv_reads_back_to_the_same_values(seed_report):
    frame = seed_report.article_table()
    back = pd.read_csv(io.StringIO(table_to_csv(frame)))
    pd.testing.assert_frame_equal(back[list(METRIC_NAMES)], frame[list(METRIC_NAMES)], check_dtype=False)
    assert back["article_id"].tolist() == frame["article_id"].tolist()
    assert back["title"].fillna("").tolist() == frame["title"].fillna("").tolist()


def test_formula_cells_are_neutralised_but_numbers_are_not():
    article = framing.article_from_text(
        '=HYPERLINK("http://evil")\n\nThe budget was a terrible failure, officials said.', outlet="@evil", ident="+x"
    )
    report = framing.build_report([article])
    csv_text = table_to_csv(report.article_table())
    back = pd.read_csv(io.StringIO(csv_text))
    assert back.loc[0, "outlet"] == "'@evil"
    assert back.loc[0, "article_id"] == "'+x"
    assert back.loc[0, "title"].startswith("'=")
    sentences = pd.read_csv(io.StringIO(table_to_csv(report.sentence_table())))
    assert sentences.loc[0, "text"].startswith("'=")
    for frame in (back, sentences):
        for column in frame.select_dtypes(include=["object", "string"]):
            for value in frame[column].dropna():
                assert not str(value).startswith(FORMULA_PREFIXES)
    assert back.loc[0, "tone_mean"] < 0  # numbers keep their sign


def test_failed_files_are_rows_with_status_error(tmp_path):
    (tmp_path / "good.txt").write_text("The council met on Tuesday. It approved the budget.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"")
    table = framing.analyze([tmp_path]).article_table()
    assert table["status"].tolist() == ["ok", "error"]
    assert "empty" in table.loc[1, "error"]


@pytest.mark.parametrize("fmt", ["csv", "json", "parquet"])
def test_every_format_writes_a_readable_table(tmp_path, seed_report, fmt):
    from framing.report import write_table

    path = tmp_path / f"a.{fmt}"
    write_table(seed_report.span_table(), path, fmt)
    reader = {"csv": pd.read_csv, "json": pd.read_json, "parquet": pd.read_parquet}[fmt]
    assert len(reader(path)) == len(seed_report.span_table())


def test_median_of_the_others_matches_the_direct_computation():
    import random
    from statistics import median

    from framing.compare.relative import medians_without_self

    rng = random.Random(3)
    for n in (1, 2, 3, 4, 7, 10):
        values = [rng.choice([None, 0.0, 1.0, rng.random()]) for _ in range(n)]
        got = medians_without_self(values)
        for i, v in enumerate(values):
            others = [x for j, x in enumerate(values) if j != i and x is not None]
            expected = None if v is None or not others else median(others)
            assert got[i] == (pytest.approx(expected) if expected is not None else None)


def test_the_coverage_tables_article_id_headers_are_neutralised_too(tmp_path):
    """The coverage table has one column per article id: an id like =HYPERLINK(…) is a header."""
    from framing.cli import main

    for name in ("=HYPERLINK(evil)", "@SUM(1)"):
        (tmp_path / f"{name}.txt").write_text("The council met on Tuesday. It approved the budget.", encoding="utf-8")
    out = tmp_path / "coverage.csv"
    assert main(["compare", str(tmp_path), "--out", str(tmp_path / "c.json"), "--coverage", str(out), "-q"]) == 0
    header = out.read_text(encoding="utf-8").splitlines()[0]
    cells = next(__import__("csv").reader([header]))
    assert {"'=HYPERLINK(evil)", "'@SUM(1)"} <= set(cells)
    assert not any(c.startswith(FORMULA_PREFIXES) for c in cells)
