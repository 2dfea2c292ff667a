"""Hostile input through every door: the loaders, the CLI and the dashboard.

Each hostile file must give a clear message naming it; every good file next to it must still
be loaded and scored; the dashboard must keep working afterwards.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from app_helpers import APP, TIMEOUT, add_files, frame_with, html_of, load_errors
from framing.cli import main
from framing.corpus import Article, LoadError, iter_paths, parse_bytes

_RNG = random.Random(20261121)
RANDOM = _RNG.randbytes(8192)
NOISE = bytes(b for b in _RNG.randbytes(8192) if b)  # random, but without the NUL that gives binaries away
RTL = (
    "\u05d4\u05de\u05de\u05e9\u05dc\u05d4 \u05d0\u05d9\u05e9\u05e8\u05d4 \u05d0\u05ea \u05d4\u05ea\u05e7\u05e6\u05d9\u05d1.\n\n"
    "\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b \u0625\u0646 \u0627\u0644\u0645\u062c\u0644\u0633 "
    "\u0648\u0627\u0641\u0642.\u202e Reversed? \u200bThe council\u200d reportedly approved a pivo\u200btal budget.\n"
    "\u2067isolated\u2069 \ufeffword joiner\u2060 and a left-to-right mark\u200e at the end."
)
HTML = (
    b"<!doctype html><html><head><title>Budget vote</title><script>alert(1)</script></head><body>"
    b"<article><h1>Budget vote</h1><p>The council approved the budget on Tuesday after a long debate.</p>"
    b"<script>document.write('x')</script><img src=x onerror=alert(2)>"
    b"<p>Critics said the plan was rushed, officials said.</p></article></body></html>"
)
GOOD = b"Council passes budget\n\nThe council passed the budget on Tuesday, officials said."
MIXED = "Första raden på svenska.\n".encode() + "Deuxième ligne, très française.\n".encode("cp1252")

# name: (bytes, what the error says; None for a file that must load)
HOSTILE: dict[str, tuple[bytes, str | None]] = {
    "empty.txt": (b"", "the file is empty"),
    "blank.md": (b" \n\t\n", "the file is empty"),
    "random.txt": (RANDOM, "binary file"),
    "noise.txt": (NOISE, "encoding could not be determined"),
    "scan.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF file"),
    "nul.txt": (b"The council met.\x00\x00 It voted.\x00" * 40, "NUL bytes"),
    "one-line.txt": (b"word " * 2_000_000, "10,000,000 characters, over the limit of 2,000,000"),
    "over-limit.txt": (b"The council met. " * 620_000, "10.5 MB, over the limit of 10.0 MB"),
    "nested.json": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "big-number.json": (b'[{"text": "The council met.", "votes": ' + b"9" * 5000 + b"}]", "4300 digits"),
    "huge-page.html": (b"<html><body><p>" + b"word " * 700_000 + b"</p></body></html>", "Config.max_html_chars"),
    "emphasis.md": (b"**a " * 32_000, None),  # quadratic emphasis regex: 52 s before
    "one-line-sentences.txt": (b"The council met. " * 12_000, None),  # quadratic segmentation: 31 s before
    "mixed.txt": (MIXED, None),
    "rtl.txt": (RTL.encode(), None),
    "page.html": (HTML, None),
    "good.txt": (GOOD, None),
}
BAD = {name for name, (_, message) in HOSTILE.items() if message}
GOOD_IDS = sorted(name.rsplit(".", 1)[0] for name in HOSTILE if name not in BAD)


def write_all(folder):
    folder.mkdir(exist_ok=True)
    for name, (data, _) in HOSTILE.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_loader_gives_each_hostile_file_a_clear_outcome(name):
    data, message = HOSTILE[name]
    (item,) = list(parse_bytes(name, data))
    if message:
        assert isinstance(item, LoadError) and item.source == name
        assert message in item.message
    else:
        assert isinstance(item, Article)


def test_hostile_text_is_kept_exactly_and_scored_with_exact_offsets():
    import framing

    (mixed,) = parse_bytes("mixed.txt", MIXED)
    assert mixed.raw_text == "Första raden på svenska.\nDeuxième ligne, très française.\n"
    (rtl,) = parse_bytes("rtl.txt", RTL.encode())
    assert rtl.raw_text == RTL  # direction and zero-width characters are data, kept as they are
    # Hebrew and Arabic lead its first characters: undetermined, so its English is named English
    report = framing.score_article(replace(rtl, language="en", language_source="metadata"))
    body = report.article.text
    assert report.evidence and all(body[e.start : e.end] == e.text for e in report.evidence)
    (page,) = parse_bytes("page.html", HTML)
    assert "approved the budget" in page.raw_text and "alert" not in page.raw_text


def test_rendered_text_isolates_direction_and_stays_inert():
    import framing
    from framing.render import highlight_html

    (rtl,) = parse_bytes("rtl.txt", RTL.encode() + b"\n<script>alert(3)</script>")
    out = highlight_html(framing.score_article(rtl))
    assert '<div class="fr-text" dir="auto">' in out
    assert "<script>" not in out and "&lt;script&gt;alert(3)&lt;/script&gt;" in out
    assert "\u202e" in out  # shown, but inside an isolated sentence span
    assert ".fr-s{" in out and "unicode-bidi:isolate" in out


def test_folder_of_hostile_files_loses_nothing(tmp_path):
    items = list(iter_paths([write_all(tmp_path)]))
    errors = {e.source.rsplit("/", 1)[-1]: e.message for e in items if isinstance(e, LoadError)}
    assert set(errors) == BAD
    assert sorted(a.id for a in items if isinstance(a, Article)) == GOOD_IDS


def test_cli_reports_each_hostile_file_and_scores_the_rest(tmp_path, capsys):
    folder = write_all(tmp_path / "in")
    code = main(["score", str(folder), "--out", str(tmp_path / "a.csv"), "-q"])
    assert code == 1  # some failed
    err = capsys.readouterr().err
    for name in BAD:
        assert f"{name}: " in err and HOSTILE[name][1] in err, name
    import pandas as pd

    table = pd.read_csv(tmp_path / "a.csv")
    ok = table[table["status"] == "ok"]
    assert sorted(ok["article_id"]) == GOOD_IDS
    assert ok["words"].gt(0).all()
    assert set(table.loc[table["status"] == "error", "source"].str.rsplit("/", n=1).str[-1]) == BAD


@pytest.mark.slow
def test_dashboard_takes_the_hostile_upload_and_keeps_working():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.switch_page("app_pages/data.py")
    at.run()
    add_files(at, [(name, data, "application/octet-stream") for name, (data, _) in HOSTILE.items()], join=True)
    assert not at.exception
    errors = load_errors(at)
    assert len(errors) == len(BAD)
    for name in BAD:
        assert any(e.startswith(f"{name}: ") and HOSTILE[name][1] in e for e in errors), name
    ids = set(frame_with(at, "removed_parts")["article_id"])
    assert set(GOOD_IDS) <= ids and len(ids) == 5 + len(GOOD_IDS)
    for page in ("overview", "relations", "actors"):
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, page
    at.switch_page("app_pages/article.py")
    at.query_params["article"] = "rtl"
    at.run()
    assert "pivo\u200btal" in html_of(at)


@pytest.mark.slow
def test_dashboard_takes_5000_files_in_one_upload():
    from streamlit.testing.v1 import AppTest

    files = [
        (
            f"note-{i:04d}.txt",
            b"" if i % 1000 == 999 else f"Item {i}\n\nThe council met on day {i}, it said.".encode(),
            "text/plain",
        )
        for i in range(5000)
    ]
    at = AppTest.from_file(APP, default_timeout=600)
    at.switch_page("app_pages/data.py")
    at.run()
    add_files(at, files, join=True)
    assert not at.exception
    assert len(frame_with(at, "removed_parts")) == 5000  # 5 seeds + 4,995 notes: the collection limit exactly
    assert any("5 input(s) could not be added" in e.label for e in at.expander)
    assert len(load_errors(at)) == 5 and all("the file is empty" in e for e in load_errors(at))
    at.switch_page("app_pages/overview.py").run()
    assert not at.exception
    assert len(frame_with(at, "lix")) == 5000


# Each runs in a fresh interpreter with a deadline a hundred times what it needs now: the
# quadratic versions took 52 s (Markdown emphasis) and 31 s (one line of 16,000 sentences).
LINEAR_CASES = {
    "markdown emphasis": "list(parse_bytes('x.md', b'**a ' * 32_000))",
    "markdown brackets": "list(parse_bytes('x.md', b'[' * 200_000 + b'![' * 200_000))",
    "one line of sentences": "make_doc('The council met. ' * 24_000, 'en', None, DEFAULT_CONFIG)",
    "one line of acronyms": "make_doc('He met U.S. officials. ' * 40_000, 'en', None, DEFAULT_CONFIG)",
    "wrapped lines": "make_doc('the council met and it voted on the budget today\\n' * 60_000, 'en', None, DEFAULT_CONFIG)",
}


@pytest.mark.parametrize("case", sorted(LINEAR_CASES))
def test_text_processing_stays_linear_on_hostile_text(case):
    import subprocess
    import sys

    code = (
        "from framing.corpus import parse_bytes; from framing.text import make_doc; "
        "from framing.config import DEFAULT_CONFIG; " + LINEAR_CASES[case]
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=30)


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_device_or_pipe_named_directly_is_refused_not_read(special, tmp_path, capsys):
    import os

    if special == "fifo":
        special = str(tmp_path / "pipe.txt")
        os.mkfifo(special)
    good = tmp_path / "good.txt"
    good.write_bytes(GOOD)
    code = main(["score", special, str(good), "--out", str(tmp_path / "a.csv"), "-q"])
    assert code == 1
    assert "not a regular file" in capsys.readouterr().err
