#!/usr/bin/env python
"""Measure the comparison engine on synthetic collections and print the numbers.

    python scripts/bench_compare.py [--sizes 100 250 500] [--words 800]

Each size runs in a fresh process: articles of about ``--words`` words built deterministically
from the seeds' English sentences (every article shares sentences with many others, the hard
case for alignment), scored, then compared (alignment with blocking, lineage, facts, diffs,
actors). Prints seconds and peak RSS; a flat RSS per article shows memory does not grow with
the square of the collection.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, random, resource, sys, time
sys.path.insert(0, {root!r})
import framing
from framing.compare import compare
from framing.text import ROLE_BODY

n, words = {n}, {words}
seeds = framing.analyze([{seeds!r}])
pool = [s.text for r in seeds.articles if r.article.language == "en" for s in r.sentences if s.role == ROLE_BODY]
rng = random.Random(11)
articles = []
for i in range(n):
    body, count = [], 0
    while count < words:
        sentence = rng.choice(pool)
        body.append(sentence)
        count += len(sentence.split())
    articles.append(framing.Article(id=f"a{{i:04d}}", raw_text=f"Headline number {{i}}\\n\\n" + " ".join(body),
                                    source=f"a{{i:04d}}.txt", language="en", language_source="metadata",
                                    published=f"2024-11-{{1 + i % 28:02d}}"))
t = time.perf_counter()
report = framing.build_report(articles)
scoring = time.perf_counter() - t
t = time.perf_counter()
result = compare(report)
comparing = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"n": n, "scoring": scoring, "compare": comparing, "alignments": len(result.alignments),
                  "relations": len(result.relations), "peak_mb": peak}}))
"""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 250, 500])
    parser.add_argument("--words", type=int, default=800)
    args = parser.parse_args(argv)
    print(
        f"{'articles':>8} {'scoring s':>10} {'compare s':>10} {'alignments':>11} {'relations':>9} {'peak MB':>8} {'MB/article':>10}"
    )
    for n in args.sizes:
        code = CHILD.format(root=str(ROOT), n=n, words=args.words, seeds=str(ROOT / "seeds"))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if out.returncode:
            raise SystemExit(out.stderr)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"{r['n']:>8} {r['scoring']:>10.1f} {r['compare']:>10.1f} {r['alignments']:>11} {r['relations']:>9} "
            f"{r['peak_mb']:>8.0f} {r['peak_mb'] / r['n']:>10.2f}"
        )
    print("target: compare 500 articles of ~800 words in under 30 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
