"""Speed, measured: ``python -m framing bench`` (see ``run``).

What a researcher's folder looks like: plain ``.txt`` files without metadata (headline on the
first line; no outlet, date or language, so language detection runs), of realistic length
variety, built deterministically from real sentences (the seed collection's, in its languages);
or any folder of articles the user names. Each corpus is scored by this engine and by a naive
pipeline (VADER per regex-split sentence, textstat per article, one regex over the hedge words),
each in a fresh process so that peak memory is that process's own. Reported: articles/s, MB/s,
peak RSS and the ratios; the same articles as JSON Lines with a language field (no detection);
two local workers against one; the CLI streaming files to CSV (peak RSS should stay flat);
where the time goes, per pipeline stage; and the time to import the library and load its
lexicons.
"""

from __future__ import annotations

import json
import math
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
CORPUS_SEED = 5
# Article length in words: log-normal around a median news article, clipped to the range of
# real reports (a brief to a long feature).
MEDIAN_WORDS, LENGTH_SPREAD, MIN_WORDS, MAX_WORDS = 450, 0.7, 60, 4_000
HEADLINE_WORDS = (6, 14)


def _pools(seeds: Path) -> dict[str, list[str]]:
    """Body sentences of the seed articles, by language."""
    import framing
    from framing.text import ROLE_BODY

    report = framing.analyze([seeds])
    pools: dict[str, list[str]] = {}
    for r in report.articles:
        pools.setdefault(r.article.language, []).extend(s.text for s in r.sentences if s.role == ROLE_BODY)
    if not pools:
        raise UsageError(f"no articles to build a benchmark corpus from in {seeds}")
    return pools


def corpus(n: int, seeds: Path, seed: int = CORPUS_SEED) -> list[dict]:
    """n article records (id, title, language, text) drawn from the seed articles' sentences:
    each in one of the seeds' languages in the proportion of their sentences, of a log-normal
    length, in paragraphs of one to four sentences."""
    pools = _pools(seeds)
    languages = sorted(pools)
    weights = [len(pools[lang]) for lang in languages]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        language = rng.choices(languages, weights)[0]
        pool = pools[language]
        target = min(MAX_WORDS, max(MIN_WORDS, round(rng.lognormvariate(math.log(MEDIAN_WORDS), LENGTH_SPREAD))))
        paragraphs, words = [], 0
        while words < target:
            paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        headline = " ".join(rng.choice(pool).rstrip(".!?").split()[: rng.randint(*HEADLINE_WORDS)])
        out.append({"id": f"b{i:05d}", "title": headline, "language": language, "text": "\n\n".join(paragraphs)})
    return out


def _file_text(record: dict) -> str:
    return f"{record['title']}\n\n{record['text']}\n"


def write_files(records: list[dict], folder: Path) -> Path:
    """The records as a researcher's folder: one ``.txt`` per article, headline on line 1, no
    metadata."""
    folder.mkdir(parents=True, exist_ok=True)
    for record in records:
        (folder / f"{record['id']}.txt").write_text(_file_text(record), encoding="utf-8")
    return folder


def articles(n: int, seeds: Path, seed: int = CORPUS_SEED) -> list:
    """The same corpus as Articles, loaded the way an upload of its ``.txt`` files is."""
    from .corpus import parse_bytes

    return [a for r in corpus(n, seeds, seed) for a in parse_bytes(f"{r['id']}.txt", _file_text(r).encode())]


def write_jsonl(records: list[dict], path: Path) -> Path:
    """The records as JSON Lines with their language: the fast path (no detection)."""
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6


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

# The naive pipeline reads what ours reads: every .txt file of a folder, or every record of a
# JSON Lines file.
_NAIVE = """
import json, re, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from framing.lexicon import load_lexicon
from framing.scorers.readability import _textstat_punctuation
_textstat_punctuation()  # points textstat at the installed CMU dictionary: no nltk download
import textstat
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
words = sorted({{a for e in load_lexicon("hedges_en").entries if " " not in e.cue for a in e.cue.split("|")
                if not a.endswith("*")}}, key=len, reverse=True)
hedge = re.compile(r"\\b(?:" + "|".join(map(re.escape, words)) + r")\\b", re.IGNORECASE)
vader = SentimentIntensityAnalyzer()
path = Path({path!r})
def texts():
    if path.is_dir():
        for p in sorted(path.rglob("*.txt")):
            yield p.read_text(encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)["text"]
t = time.perf_counter()
n = 0
for text in texts():
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

# Where the time goes: loading the files, then score_article under cProfile, its time split by
# the stage functions it calls (cumulative time of each; the rest is assembling the result).
_PROFILE = """
import cProfile, json, pstats, sys, time
sys.path.insert(0, {root!r})
import framing
from framing.corpus import Article, iter_paths
from framing.pipeline import score_article
from framing.scorers import SCORERS
t = time.perf_counter()
items = [a for a in iter_paths([{path!r}]) if isinstance(a, Article)][:{limit}]
load = time.perf_counter() - t
score_article(items[0])  # lexicons and models are loaded once, not profiled
profile = cProfile.Profile()
profile.enable()
for a in items:
    score_article(a)
profile.disable()
stats = pstats.Stats(profile).stats
def cumulative(module, name):
    return sum(v[3] for (f, _, n), v in stats.items() if n == name and f.replace("\\\\", "/").endswith(module))
stages = {{"clean": cumulative("framing/clean.py", "clean"), "language detection": cumulative("framing/lang.py", "detect"),
          "segmentation": cumulative("framing/text.py", "make_doc")}}
for s in SCORERS:
    stages[s.family] = cumulative("framing/scorers/" + s.score.__module__.rsplit(".", 1)[1] + ".py", "score")
total = cumulative("framing/pipeline.py", "score_article")
stages["assembling the article's result"] = total - sum(stages.values())
print(json.dumps({{"n": len(items), "load": load, "total": total, "stages": stages}}))
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


def _engine(path: Path, workers: int = 1) -> dict:
    return _child(_ENGINE.format(root=str(ROOT), path=str(path), workers=workers, peak=_PEAK))


def _speed_row(label: str, path: Path) -> str:
    n_mb = _size_mb(path)
    ours = _engine(path)
    naive = _child(_NAIVE.format(root=str(ROOT), path=str(path), peak=_PEAK))
    n = ours["n"]
    return (
        f"| {label} | {n:,} | {n_mb:.1f} | {n / ours['seconds']:.0f} | {n_mb / ours['seconds']:.2f} | "
        f"{ours['rss_mb']:.0f} MB | {naive['n'] / naive['seconds']:.0f} | {naive['rss_mb']:.0f} MB | "
        f"{(n / ours['seconds']) / (naive['n'] / naive['seconds']):.2f}× |"
    )


def run(
    seeds: Path,
    sizes=(100, 1_000, 10_000),
    workers: int = 2,
    out: Path | None = None,
    folder: Path | None = None,
    profile_articles: int = 800,
) -> str:
    """Run every benchmark on corpora built from the articles in ``seeds`` (and on ``folder``
    when given); returns Markdown."""
    lines = [
        "# Benchmark",
        "",
        f"`python -m framing bench` on this machine ({_machine()}), {time.strftime('%Y-%m-%d')}.",
        "Real-shaped input: plain `.txt` files without metadata (headline on line 1; language detected),",
        f"{MIN_WORDS}-{MAX_WORDS:,} words, log-normal around {MEDIAN_WORDS}, paragraphs of the seed articles'",
        "sentences in their languages. Each run in a fresh process; peak RSS is the whole process's.",
        "",
    ]
    imported = _child(_IMPORT)
    lines += [
        f"`import framing` plus loading and compiling every lexicon: **{imported['seconds']:.2f} s** (target < 1 s)",
        "",
        "| input | articles | MB | ours articles/s | ours MB/s | ours peak RSS | naive articles/s | naive peak RSS "
        "| ours / naive |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        records = {n: corpus(n, seeds) for n in sizes}
        files = {n: write_files(records[n], tmp / f"files-{n}") for n in sizes}
        lines += [_speed_row(".txt files, no metadata", files[n]) for n in sizes]
        if folder is not None:
            lines.append(_speed_row(f"folder `{folder.name}`", folder))
        lines += [
            _speed_row("JSON Lines with language", write_jsonl(records[n], tmp / f"corpus-{n}.jsonl")) for n in sizes
        ]
        lines += [
            "",
            "Target: ours ≥ 0.5× the naive pipeline's articles/s on files, while computing every metric with "
            "its evidence.",
            "",
        ]
        profiled = folder if folder is not None else files[max(sizes)]
        profile = _child(_PROFILE.format(root=str(ROOT), path=str(profiled), limit=profile_articles))
        lines += [
            f"Where the time goes: {profile['n']:,} articles of "
            f"{'`' + folder.name + '`' if folder is not None else 'the files above'}, "
            f"loading {profile['load']:.2f} s, then `score_article` under cProfile ({profile['total']:.2f} s, "
            "profiler overhead included):",
            "",
            "| stage | seconds | share |",
            "| --- | --- | --- |",
        ]
        for stage, seconds in sorted(profile["stages"].items(), key=lambda kv: -kv[1]):
            lines.append(f"| {stage} | {seconds:.2f} | {seconds / profile['total']:.0%} |")
        lines += ["", f"| articles | 1 worker | {workers} workers | speed-up |", "| --- | --- | --- | --- |"]
        for n in [s for s in sizes if s >= 1_000]:
            one, many = _engine(files[n]), _engine(files[n], workers)
            lines.append(
                f"| {n:,} files | {one['seconds']:.1f} s | {many['seconds']:.1f} s | "
                f"{one['seconds'] / many['seconds']:.2f}× |"
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
            lines.append(f"| {n:,} files | {result['seconds']:.1f} s | {result['rss_mb']:.0f} MB |")
        lines += ["", "Target: peak RSS ≤ 400 MB and flat from 1,000 to 10,000 articles.", ""]
    text = "\n".join(lines)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return text


def _machine() -> str:
    import os
    import platform

    return f"{os.cpu_count()} cores, Python {platform.python_version()}"
