"""Command line: ``python -m framing score|compare PATH... --out FILE`` (also ``framing …``).

Exit codes: 0 every file scored; 1 some files failed (listed on stderr and as ``status=error``
rows in the articles table); 2 bad arguments.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import pickle
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from .compare.relative import others_medians, relative_framing, relative_of
from .config import DEFAULT_CONFIG
from .corpus import Article, LoadError, iter_paths
from .engine import score_stream
from .pipeline import build_report
from .report import (
    FORMATS,
    RELATIVE_METRICS,
    ArticleReport,
    Report,
    article_frame,
    article_row,
    error_row,
    sentence_frame,
    sentence_rows,
    span_frame,
    span_rows,
    table_to_csv,
    write_table,
)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
# Show a progress bar from this many inputs on (below it a bar is noise).
PROGRESS_MIN_ITEMS = 20


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Score how news articles frame an event: tone, hedging, loaded wording, boosters, sourcing, readability.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    score = sub.add_parser("score", help="score articles and write the article, sentence and span tables")
    score.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt .md .html .csv .json .jsonl)")
    score.add_argument("--out", required=True, help="articles table: one row per article, every metric")
    score.add_argument("--sentences", help="sentences table: one row per sentence with tone and cue counts")
    score.add_argument("--spans", help="spans table: every evidence span with character offsets")
    score.add_argument("--report", help="the whole report as JSON (round-trips with framing.Report.from_json)")
    score.add_argument(
        "--format", choices=FORMATS, default=None, help="table format (default: from the --out extension, else csv)"
    )
    score.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=f"progress bar on stderr (default: on for {PROGRESS_MIN_ITEMS}+ files when stderr is a terminal)",
    )
    score.add_argument("--workers", type=int, default=1, help="worker processes (local engine) or Dask workers")
    score.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes, or a Dask cluster (a LocalCluster unless --scheduler is given)",
    )
    score.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    score.add_argument("-q", "--quiet", action="store_true", help="print no summary")

    cmp = sub.add_parser("compare", help="align the articles of one event: lineage, coverage, wording, actors")
    cmp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt .md .html .csv .json .jsonl)")
    cmp.add_argument("--out", required=True, help="the whole comparison as JSON")
    for name, what in (
        ("alignments", "aligned sentence pairs"),
        ("lineage", "one row per article: original, rewrite/translation/near copy of …, independent"),
        ("coverage", "facts × articles"),
        ("omissions", "what each article leaves out"),
        ("actors", "actors per article: mentions, labels, tone"),
    ):
        cmp.add_argument(f"--{name}", help=f"CSV of {what}")
    cmp.add_argument(
        "--cross-language",
        choices=("multilingual", "anchors"),
        default=None,
        help="how to align across languages (default: multilingual when the model is installed)",
    )
    cmp.add_argument("-q", "--quiet", action="store_true", help="print no summary")

    ev = sub.add_parser("evaluate", help="measure every signal against the annotated corpora (dev/test split)")
    ev.add_argument("--data", default=str(DEFAULT_DATA), help="the shared/data folder (default: %(default)s)")
    ev.add_argument("--out", default="docs/validation.md", help="Markdown report (default: %(default)s)")
    ev.add_argument("--limit", type=int, default=None, help="sample this many test items per corpus (fast check)")
    ev.add_argument("--signals", nargs="+", choices=("tone", "hedging", "loaded"), default=None)

    bench = sub.add_parser("bench", help="measure speed and memory on synthetic corpora against a naive pipeline")
    bench.add_argument("--sizes", nargs="+", type=int, default=[100, 1_000, 10_000])
    bench.add_argument("--workers", type=int, default=2)
    bench.add_argument("--out", default="docs/bench.md", help="Markdown report (default: %(default)s)")
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    if args.command == "score" and args.format is None:
        suffix = Path(args.out).suffix.lower().lstrip(".")
        args.format = suffix if suffix in FORMATS else "csv"
    return args


def _progress(iterable, enabled: bool | None, total: int | None = None):
    show = enabled if enabled is not None else (sys.stderr.isatty() and (total or 0) >= PROGRESS_MIN_ITEMS)
    if not show:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, desc="scoring", unit="article", total=total, file=sys.stderr)


def _read(paths, config, errors: list[LoadError]):
    """Articles and errors from the inputs, in order; each error is also named on stderr and kept."""
    for item in iter_paths(paths, config):
        if isinstance(item, LoadError):
            errors.append(item)
            print(f"error: {item}", file=sys.stderr)
        yield item


def _slim(report: ArticleReport) -> ArticleReport:
    """What the articles table needs of a scored article: metadata and metrics, no text or spans."""
    article = replace(
        report.article, raw_text="", text="", removed=tuple(replace(r, text="") for r in report.article.removed)
    )
    return replace(report, article=article, sentences=(), evidence=())


# Articles whose sentence and span rows are written to disk together: one pandas frame per
# batch instead of per article (the per-article frames doubled the run time of 10,000 articles).
WRITE_BATCH = 256


def run_score(args: argparse.Namespace) -> int:
    """Score and write the tables. With CSV output the corpus streams: sentence and span rows go
    to disk in batches as articles are scored, each scored article (without its text and spans)
    is parked in a temporary file, and only its metric values stay in memory until the others'
    medians are known; the articles table is then written from the parked file. Memory stays
    flat however long the corpus. JSON and Parquet tables and ``--report`` are built in memory."""
    config = DEFAULT_CONFIG
    errors: list[LoadError] = []
    streaming = args.format == "csv"
    full: list[ArticleReport] = []
    columns: dict[str, list[float | None]] = {name: [] for name in RELATIVE_METRICS}
    count = 0
    with contextlib.ExitStack() as stack:
        parked = stack.enter_context(tempfile.TemporaryFile())
        tables = []
        for path, frame, rows in ((args.sentences, sentence_frame, sentence_rows), (args.spans, span_frame, span_rows)):
            if streaming and path:
                handle = stack.enter_context(Path(path).open("w", encoding="utf-8", newline=""))
                handle.write(table_to_csv(frame([])))
                tables.append((handle, frame, rows, []))

        def flush():
            for handle, frame, _, pending in tables:
                if pending:
                    handle.write(table_to_csv(frame(pending), header=False))
                    pending.clear()

        stream = score_stream(_read(args.paths, config, errors), config, args.workers, args.engine, args.scheduler)
        for item in _progress(stream, args.progress, None):
            if isinstance(item, LoadError):
                continue
            count += 1
            for _, _, rows, pending in tables:
                pending.extend(rows(item))
            if count % WRITE_BATCH == 0:
                flush()
            if streaming:
                for name in RELATIVE_METRICS:
                    columns[name].append(item.metrics[name].value)
                pickle.dump(_slim(item), parked)
            if args.report or not streaming:
                full.append(item)
        flush()
        if streaming:  # the articles table too, in batches, from the parked articles
            medians = others_medians(columns) if count else []
            parked.seek(0)
            with Path(args.out).open("w", encoding="utf-8", newline="") as out:
                out.write(table_to_csv(article_frame([])))
                batch = []
                for median in medians:
                    slim = pickle.load(parked)
                    batch.append(article_row(replace(slim, relative=relative_of(slim.metrics, median))))
                    if len(batch) == WRITE_BATCH:
                        out.write(table_to_csv(article_frame(batch), header=False))
                        batch.clear()
                batch += [error_row(e) for e in errors]
                if batch:
                    out.write(table_to_csv(article_frame(batch), header=False))
    report = None
    if args.report or not streaming:
        report = Report(tuple(relative_framing(full)), tuple(errors), config_fingerprint=config.fingerprint())
    if not streaming:
        outputs = [(args.out, report.article_table())]
        if args.sentences:
            outputs.append((args.sentences, report.sentence_table()))
        if args.spans:
            outputs.append((args.spans, report.span_table()))
        for path, frame in outputs:
            write_table(frame, path, args.format)
    if args.report:
        Path(args.report).write_text(report.to_json(), encoding="utf-8")
    if not args.quiet:
        written = ", ".join(p for p in (args.out, args.sentences, args.spans, args.report) if p)
        print(f"scored {count} article(s), {len(errors)} failed; wrote {written}", file=sys.stderr)
    if not count and not errors:
        print("error: no input files found", file=sys.stderr)
        return EXIT_SOME_FAILED
    return EXIT_SOME_FAILED if errors else EXIT_OK


def run_compare(args: argparse.Namespace) -> int:
    from .compare import compare

    config = DEFAULT_CONFIG
    errors: list[LoadError] = []
    articles = [item for item in _read(args.paths, config, errors) if isinstance(item, Article)]
    report = build_report(articles, errors, config)
    comparison = compare(report, config, cross_language=args.cross_language)
    Path(args.out).write_text(comparison.to_json(), encoding="utf-8")
    tables = {
        "alignments": comparison.alignment_table,
        "lineage": lambda: comparison.lineage_table(report),
        "coverage": comparison.coverage_table,
        "omissions": comparison.omission_table,
        "actors": lambda: comparison.actor_table(report),
    }
    for name, build in tables.items():
        if getattr(args, name):
            Path(getattr(args, name)).write_text(table_to_csv(build()), encoding="utf-8")
    if not args.quiet:
        related = ", ".join(f"{r.derived} {r.kind} of {r.source}" for r in comparison.relations) or "no relations"
        print(f"compared {len(report.articles)} article(s), {len(errors)} failed: {related}", file=sys.stderr)
    return EXIT_SOME_FAILED if errors or not report.articles else EXIT_OK


def run_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import EVALUATIONS, evaluate, markdown

    rows = evaluate(Path(args.data), args.limit, tuple(args.signals or EVALUATIONS))
    text = markdown(rows, args.limit)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return EXIT_OK


def run_bench(args: argparse.Namespace) -> int:
    from .bench import run

    print(run(tuple(args.sizes), args.workers, Path(args.out)))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        args = parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad arguments, 0 on --help
        return int(exc.code or 0)
    try:
        return {"compare": run_compare, "evaluate": run_evaluate, "bench": run_bench}.get(args.command, run_score)(args)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
