import subprocess
import sys

import pandas as pd

import framing
from conftest import DUPLICATE_HEDGE, ROOT, SEEDS
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


def test_input_and_output_failures_exit_1_with_one_line(tmp_path, capsys):
    """Exit 2 is for bad arguments only; an output that cannot be written or data that is not
    there is a failure (1), said on one line."""
    unwritable = tmp_path / "no-such-folder" / "a.csv"
    assert main(["score", str(SEEDS), "--out", str(unwritable), "-q"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "no-such-folder" in err[0]
    assert main(["evaluate", "--data", str(tmp_path / "absent"), "--out", str(tmp_path / "v.md")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: no annotated data at {tmp_path / 'absent'}: pass --data DIR or set FRAMING_DATA"]
    assert main(["bench", "--seeds", str(tmp_path / "absent"), "--out", str(tmp_path / "b.md")]) == 1
    assert "no seed articles at" in capsys.readouterr().err


def test_a_malformed_lexicon_fails_the_cli_loudly(lexicon_copy, tmp_path, capsys):
    lexicon_copy("hedges_en.tsv", *DUPLICATE_HEDGE)
    code = main(["score", str(SEEDS), "--out", str(tmp_path / "a.csv"), "-q"])
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert (
        err[-1] == "error: lexicons/hedges_en.tsv:24: duplicate cue 'reportedly' (first on line 17); remove one of them"
    )


def test_installed_package_runs_bench_and_evaluate_help_outside_the_repo(tmp_path):
    """``pip install .`` into a fresh environment (offline: dependencies from this one), then the
    commands that used to reach outside the package run from a folder that is not the repo."""
    import shutil

    source = tmp_path / "source"  # built from a copy: a build writes build/ next to its sources
    shutil.copytree(ROOT / "framing", source / "framing", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    done = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", str(source)],
        capture_output=True,
        text=True,
        env={"PATH": str(venv / "bin"), "HOME": str(tmp_path)},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    for command in (["bench", "--help"], ["evaluate", "--help"]):
        ran = subprocess.run(
            [venv / "bin" / "framing", *command], cwd=outside, capture_output=True, text=True, timeout=120
        )
        assert ran.returncode == 0, ran.stderr
        assert "usage: framing" in ran.stdout
    where = subprocess.run(
        [python, "-c", "import framing, sys; print(framing.__file__); print(framing.__version__)"],
        cwd=outside,
        capture_output=True,
        text=True,
        timeout=120,
    )
    location, version = where.stdout.split()
    assert str(venv) in location and version == framing.__version__
    scored = subprocess.run(
        [venv / "bin" / "framing", "score", str(SEEDS), "--out", "a.csv", "-q"],
        cwd=outside,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert scored.returncode == 0, scored.stderr


def test_file_names_cannot_send_terminal_escapes(tmp_path, capsys):
    from framing.cli import printable

    name = "\x1b]0;owned\x07\x1b[2J\x1b[31mred.txt"
    (tmp_path / name).write_bytes(b"")
    (tmp_path / "good.txt").write_text("The council met. It voted on the budget.", encoding="utf-8")
    assert main(["score", str(tmp_path), "--out", str(tmp_path / "a.csv")]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "\\x1b]0;owned\\x07\\x1b[2J\\x1b[31mred.txt: the file is empty" in err
    assert printable("plain – text ✓") == "plain – text ✓"


def test_a_txt_files_first_line_is_its_headline_unless_switched_off(tmp_path):
    folder = tmp_path / "event"
    folder.mkdir()
    (folder / "guardian_budget.txt").write_text(
        "Senate passes the budget.\n\nThe Senate passed the budget on Tuesday. It now goes to the House.\n",
        encoding="utf-8",
    )
    on, off = tmp_path / "on.csv", tmp_path / "off.csv"
    assert main(["score", str(folder), "--out", str(on), "-q"]) == 0
    assert main(["score", str(folder), "--out", str(off), "--no-first-line-headline", "-q"]) == 0
    with_headline, without = pd.read_csv(on).iloc[0], pd.read_csv(off).iloc[0]
    assert (with_headline["outlet"], with_headline["title"]) == ("guardian", "Senate passes the budget.")
    assert without["title"] != "Senate passes the budget."


def test_report_writes_one_html_file_with_findings_and_every_article(tmp_path):
    from conftest import ROOT as root

    out = tmp_path / "summit.html"
    assert main(["report", str(root / "tests" / "fixtures" / "events" / "summit"), "--out", str(out), "-q"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<title>summit</title>" in page
    assert "uses the most loaded wording" in page  # the findings
    assert page.count("class='article'") == 3
