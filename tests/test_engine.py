"""Every engine and worker count writes the same tables, byte for byte."""

import pytest

from conftest import SEEDS
from framing.cli import main


def run(tmp_path, name, *extra):
    out = {t: tmp_path / f"{name}-{t}.csv" for t in ("articles", "sentences", "spans")}
    code = main(
        [
            "score",
            str(SEEDS),
            "--out",
            str(out["articles"]),
            "--sentences",
            str(out["sentences"]),
            "--spans",
            str(out["spans"]),
            "-q",
            *extra,
        ]
    )
    assert code == 0
    return {t: p.read_bytes() for t, p in out.items()}


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    return run(tmp_path_factory.mktemp("ref"), "one")


def test_two_local_workers_write_the_same_tables(tmp_path, reference):
    assert run(tmp_path, "two", "--workers", "2") == reference


@pytest.mark.slow
def test_dask_local_cluster_writes_the_same_tables(tmp_path, reference):
    assert run(tmp_path, "dask", "--engine", "dask", "--workers", "2") == reference


def test_streamed_tables_equal_the_in_memory_report(tmp_path, reference, seed_report):
    from framing.report import table_to_csv

    assert reference["articles"] == table_to_csv(seed_report.article_table()).encode()
    assert reference["sentences"] == table_to_csv(seed_report.sentence_table()).encode()
    assert reference["spans"] == table_to_csv(seed_report.span_table()).encode()
