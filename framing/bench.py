"""Speed, measured: ``python -m framing bench`` (see ``run``).

Synthetic corpora of 100, 1,000 and 10,000 articles, built deterministically from real
sentences (the seed collection's), are scored by this engine and by a naive pipeline (VADER
per regex-split sentence, textstat per article, one regex over the hedge words), each in a
fresh process so that peak memory is its own. Reported: articles/s, MB/s, peak RSS, and the
ratios; two local workers against one; the CLI streaming 1,000 and 10,000 articles from a
JSON Lines file to CSV (peak RSS should stay flat); and the time to import the library and
load its lexicons.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .errors import UsageError

# The folder that holds the ``framing`` package (a checkout or site-packages): the child
# processes import the same library as this one.
ROOT = Path(__file__).resolve().parent.parent
WORDS_PER_ARTICLE = 600  # a typical news article
CORPUS_SEED = 5


def corpus(n: int, seeds: Path, seed: int = CORPUS_SEED) -> list[dict]:
    """n article records (text, title, outlet, date) from the English sentences of the articles
    in ``seeds`` (the project's seed collection)."""
    import framing
    from framing.text import ROLE_BODY

    report = framing.analyze([seeds])
    if not report.articles:
        raise UsageError(f"no articles to build a benchmark corpus from in {seeds}")
    pool = [s.text for r in report.articles if r.article.language == "en" for s in r.sentences if s.role == ROLE_BODY]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        paragraphs, words = [], 0
        while words < WORDS_PER_ARTICLE:
            paragraph = " ".join(rng.sample(pool, 3))
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        out.append(
            {
                "id": f"b{i:05d}",
                "title": f"Synthetic report {i}",
                "outlet": f"Outlet {i % 40}",
                "date": f"2024-11-{1 + i % 28:02d}",
                "language": "en",
                "text": "\n\n".join(paragraphs),
            }
        )
    return out


def articles(n: int, seeds: Path, seed: int = CORPUS_SEED) -> list:
    """The same corpus as Articles, loaded the way a JSON Lines upload is."""
    from .corpus import parse_bytes

    data = "\n".join(json.dumps(record, ensure_ascii=False) for record in corpus(n, seeds, seed)).encode()
    return list(parse_bytes("corpus.jsonl", data))


def write_jsonl(records: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# --- child processes: each prints one JSON line ----------------------------------------------
# Peak memory is read from /proc/self/status (VmHWM), not getrusage: Linux keeps ru_maxrss
# across exec, so a child would report the parent's peak (the corpus builder's) as its own.
_PEAK = "int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]) / 1024"

_ENGINE = """
import json, sys, time
sys.path.insert(0, {root!r})
import framing
from framing.engine import score_stream
from framing.corpus import iter_paths
t = time.perf_counter()
n = sum(1 for _ in score_stream(iter_paths([{path!r}]), workers={workers}))
print(json.dumps({{"seconds": time.perf_counter() - t, "n": n, "rss_mb": {peak}}}))
"""

_NAIVE = """
import json, re, sys, time
sys.path.insert(0, {root!r})
from framing.lexicon import load_lexicon
from framing.scorers.readability import _count_syllables
_count_syllables()  # points textstat at the installed CMU dictionary: no nltk download
import textstat
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
words = sorted({{a for e in load_lexicon("hedges_en").entries if " " not in e.cue for a in e.cue.split("|")
                if not a.endswith("*")}}, key=len, reverse=True)
hedge = re.compile(r"\\b(?:" + "|".join(map(re.escape, words)) + r")\\b", re.IGNORECASE)
vader = SentimentIntensityAnalyzer()
t = time.perf_counter()
n = 0
with open({path!r}, encoding="utf-8") as handle:
    for line in handle:
        text = json.loads(line)["text"]
        tones = [vader.polarity_scores(s)["compound"] for s in re.split(r"(?<=[.!?])\\s+", text) if s]
        ease = textstat.flesch_reading_ease(text)
        hedges = len(hedge.findall(text))
        n += 1
print(json.dumps({{"seconds": time.perf_counter() - t, "n": n, "rss_mb": {peak}}}))
"""

_CLI = """
import json, sys, time
sys.path.insert(0, {root!r})
from framing.cli import main
t = time.perf_counter()
code = main(["score", {path!r}, "--out", {out!r}, "--sentences", {sentences!r}, "--spans", {spans!r}, "-q",
             "--workers", "{workers}"])
print(json.dumps({{"seconds": time.perf_counter() - t, "code": code, "rss_mb": {peak}}}))
"""

_IMPORT = """
import json, time
t = time.perf_counter()
import framing
from framing.lexicon import available_lexicons
from framing.scorers._lexical import matcher
for name in available_lexicons():
    matcher(name)
print(json.dumps({"seconds": time.perf_counter() - t}))
"""


def _child(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise UsageError(
            f"a benchmark run failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}"
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(seeds: Path, sizes=(100, 1_000, 10_000), workers: int = 2, out: Path | None = None) -> str:
    """Run every benchmark on corpora built from the articles in ``seeds``; returns Markdown."""
    lines = [
        "# Benchmark",
        "",
        f"`python -m framing bench` on this machine ({_machine()}), {time.strftime('%Y-%m-%d')}.",
        f"Articles of ~{WORDS_PER_ARTICLE} words from the seeds' sentences; each run in a fresh process.",
        "",
    ]
    imported = _child(_IMPORT)
    lines += [
        f"`import framing` plus loading and compiling every lexicon: **{imported['seconds']:.2f} s** (target < 1 s)",
        "",
    ]
    lines += [
        "| articles | MB | ours articles/s | ours MB/s | ours peak RSS | naive articles/s | naive peak RSS | ours / naive |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        files = {n: write_jsonl(corpus(n, seeds), tmp / f"corpus-{n}.jsonl") for n in sizes}
        for n, path in files.items():
            mb = path.stat().st_size / 1e6
            ours = _child(_ENGINE.format(root=str(ROOT), path=str(path), workers=1, peak=_PEAK))
            naive = _child(_NAIVE.format(root=str(ROOT), path=str(path), peak=_PEAK))
            lines.append(
                f"| {n:,} | {mb:.1f} | {n / ours['seconds']:.0f} | {mb / ours['seconds']:.2f} | {ours['rss_mb']:.0f} MB | "
                f"{n / naive['seconds']:.0f} | {naive['rss_mb']:.0f} MB | {naive['seconds'] / ours['seconds']:.2f}× |"
            )
        lines += [
            "",
            "Target: ours at least as fast as the naive pipeline (ratio ≥ 1) while computing every metric with evidence.",
            "",
        ]
        lines += [f"| articles | 1 worker | {workers} workers | speed-up |", "| --- | --- | --- | --- |"]
        for n in [s for s in sizes if s >= 1_000]:
            one = _child(_ENGINE.format(root=str(ROOT), path=str(files[n]), workers=1, peak=_PEAK))
            many = _child(_ENGINE.format(root=str(ROOT), path=str(files[n]), workers=workers, peak=_PEAK))
            lines.append(
                f"| {n:,} | {one['seconds']:.1f} s | {many['seconds']:.1f} s | {one['seconds'] / many['seconds']:.2f}× |"
            )
        lines += ["", f"Target: {workers} workers ≥ 1.7× one.", ""]
        lines += ["| articles | CLI score to CSV (articles, sentences, spans) | peak RSS |", "| --- | --- | --- |"]
        for n in [s for s in sizes if s >= 1_000]:
            result = _child(
                _CLI.format(
                    root=str(ROOT),
                    path=str(files[n]),
                    out=str(tmp / "a.csv"),
                    sentences=str(tmp / "s.csv"),
                    spans=str(tmp / "p.csv"),
                    workers=1,
                    peak=_PEAK,
                )
            )
            lines.append(f"| {n:,} | {result['seconds']:.1f} s | {result['rss_mb']:.0f} MB |")
        lines += ["", "Target: peak RSS ≤ 500 MB and flat from 1,000 to 10,000 articles.", ""]
    text = "\n".join(lines)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return text


def _machine() -> str:
    import os
    import platform

    return f"{os.cpu_count()} cores, Python {platform.python_version()}"
