"""Language detection, before and after: accuracy on short and long texts, time and memory.

    python scripts/language_detection.py [--data ../shared/data] [--out docs/language_detection.md]

Texts: short (20-200 characters) and long (500 characters or more) news-like texts in English
(NYT editorial snippets; MBIC articles), German (GerNTSA sentences; SemEval-2023 articles),
French (SemEval-2023 paragraphs and articles), Swedish (ABSAbank-Imm paragraphs and documents),
the seeds, and the project's own sentences in ten other languages
(tests/fixtures/languages.json). Read for measurement only; nothing here is shipped.

"Before" is the detector the product used until this change: lingua (all 75 languages,
low-accuracy mode, models loaded as texts need them; needs the dev requirements), on the same
first characters, accepting its top language at the same ratio to the runner-up. "After" is
``framing.lang.detect`` as configured (fastText's compressed model). Each runs in a fresh
process, so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORED = ("en", "de", "fr", "sv")

_CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from framing.config import DEFAULT_CONFIG
from framing import lang
texts = [t for _, _, t in json.load(open({path!r}, encoding="utf-8"))]
config = DEFAULT_CONFIG
if {before!r}:
    from lingua import LanguageDetectorBuilder
    detector = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()

    def decide(text):
        sample = text[: config.language_sample_chars]
        if not any(ch.isalpha() for ch in sample):
            return "und"
        values = detector.compute_language_confidence_values(sample)
        if not values or values[0].value <= 0:
            return "und"
        runner_up = values[1].value if len(values) > 1 else 0.0
        if values[0].value < config.language_min_ratio * runner_up:
            return "und"
        return values[0].language.iso_code_639_1.name.lower()
else:
    def decide(text):
        return lang.detect(text, config)
t = time.perf_counter()
decisions = [decide(text) for text in texts]
seconds = time.perf_counter() - t
peak = int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]) / 1024
print(json.dumps({{"seconds": seconds, "rss_mb": peak, "decisions": decisions, "chars": config.language_sample_chars}}))
"""


def texts(data: Path, seed: int = 3) -> list[tuple[str, str, str]]:
    """(language, "short" | "long", text) triples."""
    import pandas as pd

    rng = random.Random(seed)

    def sample(items, n):
        items = list(items)
        rng.shuffle(items)
        return items[:n]

    def short(items):
        return [t for t in items if 20 <= len(t) <= 200]

    def long(items):
        return [t for t in items if len(t) >= 500]

    out = []
    nyt = data / "vader_icwsm2014" / "nytEditorialSnippets_GroundTruth.txt"
    snippets = [
        line.split("\t")[2].strip() for line in nyt.open(encoding="utf-8", errors="replace") if line.count("\t") >= 2
    ]
    out += [("en", "short", t) for t in sample(short(snippets), 300)]
    mbic = pd.read_csv(data / "babe_mbic" / "final_labels_MBIC.csv", sep=None, engine="python")
    out += [("en", "long", t) for t in sample(long(mbic["article"].dropna().drop_duplicates()), 200)]
    gerntsa = pd.read_csv(data / "gerntsa_de_news_sentiment" / "gerntsa.tsv", sep="\t", quoting=csv.QUOTE_NONE)
    out += [("de", "short", t) for t in sample(short(gerntsa["sentence"]), 300)]
    semeval = pd.read_csv(
        data / "semeval2023_persuasion_de_fr" / "paragraphs_de_fr.tsv", sep="\t", quoting=csv.QUOTE_NONE
    )
    for language in ("de", "fr"):
        paragraphs = semeval[semeval["lang"] == language]
        if language == "fr":
            out += [("fr", "short", t) for t in sample(short(paragraphs["text"]), 300)]
        articles = paragraphs.groupby("article_id")["text"].apply("\n\n".join)
        out += [(language, "long", t) for t in sample(long(articles), 200)]
    absabank = pd.concat(
        pd.read_csv(data / "absabank_imm_sv" / f"absabank-imm_{split}.tsv", sep="\t", quoting=csv.QUOTE_NONE)
        for split in ("train", "dev", "test")
    )
    out += [("sv", "short", t) for t in sample(short(absabank["text"]), 300)]
    documents = absabank.groupby(absabank["id"].str.rsplit("_", n=1).str[0])["text"].apply("\n\n".join)
    out += [("sv", "long", t) for t in sample(long(documents), 200)]
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        out.append(("sv" if path.name.startswith("002") else "en", "long", path.read_text(encoding="utf-8")))
    own = json.loads((ROOT / "tests" / "fixtures" / "languages.json").read_text(encoding="utf-8"))
    for language, sentences in own.items():
        if language.startswith("_"):
            continue
        out += [(language, "short", s) for s in sentences]
        out.append((language, "long", " ".join(sentences)))
    return out


def run(path: Path, before: bool) -> dict:
    code = _CHILD.format(root=str(ROOT), path=str(path), before=before)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(items, before: dict, after: dict) -> str:
    cells = defaultdict(lambda: [0, 0, 0])  # right before, right after, n
    agree = defaultdict(lambda: [0, 0])
    for (language, length, text), b, a in zip(items, before["decisions"], after["decisions"], strict=True):
        group = (language if language in SCORED else "10 others", length)
        cells[group][0] += b == language
        cells[group][1] += a == language
        cells[group][2] += 1
        size = "under 500 characters" if len(text) < 500 else "500 characters or more"
        agree[size][0] += a == b
        agree[size][1] += 1
    lines = [
        "# Language detection: before and after",
        "",
        "Written by `python scripts/language_detection.py`. Before: lingua over all 75 languages in",
        "low-accuracy mode, models loaded as needed (the product's detector until version 0.3.0). After:",
        "`framing.lang.detect`, fastText's compressed model lid.176.ftz (176 languages). Both on the first",
        f"{after['chars']} characters, with the same decision rule; each in a fresh process.",
        "",
        "| language | texts | n | accuracy before | accuracy after |",
        "| --- | --- | --- | --- | --- |",
    ]
    for (language, length), (b, a, n) in sorted(cells.items()):
        lines.append(f"| {language} | {length} | {n:,} | {b / n:.3f} | {a / n:.3f} |")
    lines += ["", "| texts | n | same decision as before |", "| --- | --- | --- |"]
    for size, (same, n) in sorted(agree.items()):
        lines.append(f"| {size} | {n:,} | {same / n:.4f} |")
    n = len(items)
    lines += [
        "",
        "| | time for all texts | ms per text | peak RSS of the process |",
        "| --- | --- | --- | --- |",
        f"| before | {before['seconds']:.1f} s | {1000 * before['seconds'] / n:.2f} | {before['rss_mb']:.0f} MB |",
        f"| after | {after['seconds']:.1f} s | {1000 * after['seconds'] / n:.2f} | {after['rss_mb']:.0f} MB |",
        "",
        f"Time ratio after/before: {after['seconds'] / before['seconds']:.2f}; memory ratio: "
        f"{after['rss_mb'] / before['rss_mb']:.2f}.",
        "",
    ]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "language_detection.md")
    args = parser.parse_args(argv)
    items = texts(args.data)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.json"
        path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        before, after = run(path, before=True), run(path, before=False)
    text = report(items, before, after)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
