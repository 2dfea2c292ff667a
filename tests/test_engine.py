"""Every engine and worker count writes the same tables, byte for byte."""

import pytest

from conftest import score_seeds


def run(tmp_path, name, *extra):
    return {t: p.read_bytes() for t, p in score_seeds(tmp_path, f"{name}-", *extra).items()}


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


def test_what_a_worker_sends_back_rebuilds_the_same_reports(seed_report):
    """Workers send each report packed (fields as tuples, no repeated text); the parent's rebuild
    equals the report field for field, relative metrics included."""
    import pickle

    from framing.engine import _pack, _unpack

    for report in seed_report.articles:
        assert report.relative and report.evidence and report.sentences
        back = _unpack(pickle.loads(pickle.dumps(_pack(report))))
        assert back == report
        assert [e.text for e in back.evidence] == [e.text for e in report.evidence]


def test_a_worker_that_dies_fails_the_work_instead_of_leaving_it_waiting():
    # The dashboard reads and scores large uploads in a process apart: should that process be
    # killed (out of memory) or crash, the upload gets an error, not a wait without end.
    import os
    from concurrent.futures.process import BrokenProcessPool

    from framing.engine import process_pool

    with pytest.raises(BrokenProcessPool), process_pool() as pool:
        pool.submit(os._exit, 9).result(timeout=120)
