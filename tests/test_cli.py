import subprocess
import sys

import pandas as pd

from conftest import ROOT, SEEDS
from framing.cli import main, parse_args


def test_parse_args_defaults_format_from_extension():
    assert parse_args(["score", "x", "--out", "a.parquet"]).format == "parquet"
    assert parse_args(["score", "x", "--out", "a.tsv"]).format == "csv"


def test_score_seeds_writes_three_tables(tmp_path, seed_report):
    out, sentences, spans = tmp_path / "a.csv", tmp_path / "s.csv", tmp_path / "p.csv"
    code = main(["score", str(SEEDS), "--out", str(out), "--sentences", str(sentences), "--spans", str(spans), "-q"])
    assert code == 0
    articles = pd.read_csv(out)
    assert len(articles) == 5 and (articles["status"] == "ok").all()
    assert len(pd.read_csv(sentences)) == len(seed_report.sentence_table())
    p = pd.read_csv(spans)
    row = p[(p["kind"] == "hedge") & (p["category"] == "anonymous_attribution")].iloc[0]
    assert row["text"] == "a source familiar with the situation"


def test_some_failed_exits_1_and_lists_them(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("The council met. It voted.", encoding="utf-8")
    bad = tmp_path / "bad.bin.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    code = main(["score", str(good), str(bad), str(tmp_path / "missing.txt"), "--out", str(tmp_path / "a.csv")])
    assert code == 1
    err = capsys.readouterr().err
    assert "bad.bin.txt: contains NUL bytes" in err and "missing.txt: no such file" in err
    table = pd.read_csv(tmp_path / "a.csv")
    assert table["status"].tolist() == ["ok", "error", "error"]


def test_bad_arguments_exit_2(capsys):
    assert main(["score", "--out", "x.csv"]) == 2
    assert main(["frobnicate"]) == 2


def test_module_entry_point_runs(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "framing",
            "score",
            str(SEEDS / "000_e191cd35296de808.txt"),
            "--out",
            str(tmp_path / "a.json"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert pd.read_json(tmp_path / "a.json").loc[0, "article_id"] == "000_e191cd35296de808"
