"""Command line: ``python -m framing score|compare|report|evaluate|bench …`` (also ``framing …``).

Argument parsing and output only: the work is done by library functions.

Exit codes: 0 every input scored; 1 some inputs failed (listed on stderr and as ``status=error``
rows in the articles table) or an input, output or data failure stopped the command (one line
on stderr: ``error: …``); 2 bad arguments (argparse's usage message).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from .config import DEFAULT_CONFIG
from .corpus import Article, LoadError, iter_paths
from .engine import Outputs, write_scores
from .errors import FramingError
from .pipeline import build_report
from .report import FORMATS, table_to_csv

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# Where the annotated corpora and the seed collection are looked for when no argument names
# them: beside the project in a checkout (run from its root), or wherever the environment says.
DEFAULT_DATA = os.environ.get("FRAMING_DATA", str(Path("..") / "shared" / "data"))
DEFAULT_SEEDS = os.environ.get("FRAMING_SEEDS", "seeds")
# Seconds of scoring before the default progress bar appears (a short run needs no bar; the input
# count is not known while streaming, so time decides, not a number of files).
PROGRESS_DELAY = 2.0


def _reading_options(parser: argparse.ArgumentParser) -> None:
    """How inputs become articles: the options every command that reads articles takes."""
    parser.add_argument(
        "--first-line-headline",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="the first line of a .txt file is its headline, whatever its punctuation (default: on)",
    )


def _reading_config(args: argparse.Namespace):
    return DEFAULT_CONFIG.with_(first_line_headline=args.first_line_headline)


def _load_report(args: argparse.Namespace, config):
    """The scored report of the command's inputs, and the inputs that failed."""
    items = list(_read(args.paths, config))
    articles = [item for item in items if isinstance(item, Article)]
    errors = [item for item in items if isinstance(item, LoadError)]
    return build_report(articles, errors, config), errors


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
    score.add_argument("--quotes", help="quotes table: every direct quotation with its speaker and offsets")
    score.add_argument("--report", help="the whole report as JSON (round-trips with framing.Report.from_json)")
    score.add_argument(
        "--format", choices=FORMATS, default=None, help="table format (default: from the --out extension, else csv)"
    )
    score.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=f"progress bar on stderr (default: on a terminal, once scoring takes over {PROGRESS_DELAY:g} s)",
    )
    score.add_argument("--workers", type=int, default=1, help="worker processes (local engine) or Dask workers")
    score.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes, or a Dask cluster (a LocalCluster unless --scheduler is given)",
    )
    score.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    _reading_options(score)
    score.add_argument("-q", "--quiet", action="store_true", help="print no summary")

    cmp = sub.add_parser("compare", help="align the articles of one event: lineage, coverage, wording, actors")
    cmp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt .md .html .csv .json .jsonl)")
    cmp.add_argument("--out", required=True, help="the whole comparison as JSON")
    for name, what in (
        ("alignments", "aligned sentence pairs"),
        ("lineage", "one row per article: original, rewrite/translation/near copy of …, independent"),
        ("events", "one row per article: same, related or different event, independent voice, why"),
        ("articles", "the scores, with relative metrics set against the event's other independent voices"),
        ("coverage", "facts × articles"),
        ("omissions", "what each article leaves out"),
        ("translations", "what each translation adds or drops: hedges, boosters, loaded words, numbers …"),
        ("actors", "actors per article: mentions, labels, tone"),
    ):
        cmp.add_argument(f"--{name}", help=f"CSV of {what}")
    cmp.add_argument(
        "--cross-language",
        choices=("multilingual", "anchors"),
        default=None,
        help="how to align across languages (default: multilingual when the model is installed)",
    )
    _reading_options(cmp)
    cmp.add_argument("-q", "--quiet", action="store_true", help="print no summary")

    rep = sub.add_parser("report", help="write a self-contained HTML report of a collection (findings, charts, texts)")
    rep.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt .md .html .csv .json .jsonl)")
    rep.add_argument("--out", required=True, help="the HTML file to write")
    rep.add_argument("--title", default=None, help="the report's title (default: the first folder's name)")
    _reading_options(rep)
    rep.add_argument("-q", "--quiet", action="store_true", help="print no summary")

    ev = sub.add_parser("evaluate", help="measure every signal against the annotated corpora (dev/test split)")
    ev.add_argument(
        "--data", default=str(DEFAULT_DATA), help="the annotated data folder (default: %(default)s, or $FRAMING_DATA)"
    )
    ev.add_argument("--out", default="docs/validation.md", help="Markdown report (default: %(default)s)")
    ev.add_argument("--limit", type=int, default=None, help="sample this many test items per corpus (fast check)")
    ev.add_argument(
        "--signals",
        nargs="+",
        choices=("tone", "towards", "tone_sv", "tone_de", "hedging", "loaded", "boosters", "lineage"),
        default=None,
    )

    bench = sub.add_parser(
        "bench", help="measure speed and memory on real-shaped files (and a folder of yours) against a naive pipeline"
    )
    bench.add_argument("--sizes", nargs="+", type=int, default=[100, 1_000, 10_000])
    bench.add_argument("--workers", type=int, default=2)
    bench.add_argument("--out", default="docs/bench.md", help="Markdown report (default: %(default)s)")
    bench.add_argument(
        "--seeds",
        default=DEFAULT_SEEDS,
        help="folder of articles whose sentences build the synthetic corpora (default: %(default)s, or $FRAMING_SEEDS)",
    )
    bench.add_argument("--folder", help="also measure this folder of articles (a real corpus of yours)")
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    if args.command == "score" and args.format is None:
        suffix = Path(args.out).suffix.lower().lstrip(".")
        args.format = suffix if suffix in FORMATS else "csv"
    return args


def _progress(iterable, enabled: bool | None):
    """A progress bar over the stream of results: on when asked, or by default on a terminal once
    scoring has taken PROGRESS_DELAY seconds."""
    show = enabled if enabled is not None else sys.stderr.isatty()
    if not show:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, desc="scoring", unit="article", file=sys.stderr, delay=0 if enabled else PROGRESS_DELAY)


def _read(paths, config):
    """Articles and errors from the inputs, in order; each error is also named on stderr."""
    for item in iter_paths(paths, config):
        if isinstance(item, LoadError):
            print(f"error: {printable(str(item))}", file=sys.stderr)
        yield item


def run_score(args: argparse.Namespace) -> int:
    outputs = Outputs(
        Path(args.out),
        args.format,
        *(Path(p) if p else None for p in (args.sentences, args.spans, args.report, args.quotes)),
    )
    config = _reading_config(args)
    written = write_scores(
        _read(args.paths, config),
        outputs,
        config,
        workers=args.workers,
        engine=args.engine,
        scheduler=args.scheduler,
        progress=lambda stream: _progress(stream, args.progress),
    )
    if not args.quiet:
        paths = ", ".join(p for p in (args.out, args.sentences, args.spans, args.report, args.quotes) if p)
        print(
            f"scored {written.scored} article(s), {len(written.errors)} failed; wrote {printable(paths)}",
            file=sys.stderr,
        )
    if not written.scored and not written.errors:
        print("error: no input files found", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if written.errors else EXIT_OK


def run_compare(args: argparse.Namespace) -> int:
    from .compare import compare

    config = _reading_config(args)
    report, errors = _load_report(args, config)
    comparison = compare(report, config, cross_language=args.cross_language)
    Path(args.out).write_text(comparison.to_json(), encoding="utf-8")
    tables = {
        "alignments": comparison.alignment_table,
        "lineage": lambda: comparison.lineage_table(report),
        "events": lambda: comparison.event_table(report),
        "articles": lambda: comparison.reframe(report).article_table(),
        "coverage": comparison.coverage_table,
        "omissions": comparison.omission_table,
        "translations": comparison.translation_table,
        "actors": lambda: comparison.actor_table(report),
    }
    for name, build in tables.items():
        if getattr(args, name):
            Path(getattr(args, name)).write_text(table_to_csv(build()), encoding="utf-8")
    if not args.quiet:
        related = ", ".join(f"{r.derived} {r.kind} of {r.source}" for r in comparison.relations) or "no relations"
        print(
            f"compared {len(report.articles)} article(s), {len(errors)} failed: {printable(related)}", file=sys.stderr
        )
    return EXIT_FAILED if errors or not report.articles else EXIT_OK


def run_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import EVALUATIONS, evaluate, markdown

    data = Path(args.data)
    if not data.is_dir():
        raise FramingError(f"no annotated data at {data}: pass --data DIR or set FRAMING_DATA")
    rows = evaluate(data, args.limit, tuple(args.signals or EVALUATIONS))
    text = markdown(rows, args.limit)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)
    return EXIT_OK


def run_bench(args: argparse.Namespace) -> int:
    from .bench import run

    seeds = Path(args.seeds)
    if not seeds.is_dir():
        raise FramingError(f"no seed articles at {seeds}: pass --seeds DIR or set FRAMING_SEEDS")
    folder = Path(args.folder) if args.folder else None
    if folder is not None and not folder.is_dir():
        raise FramingError(f"no folder at {folder}")
    print(run(seeds, tuple(args.sizes), args.workers, Path(args.out), folder))
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    from .compare import compare
    from .html_report import collection_html

    config = _reading_config(args)
    report, errors = _load_report(args, config)
    if not report.articles:
        print("error: no articles to report on", file=sys.stderr)
        return EXIT_FAILED
    comparison = compare(report, config) if len(report.articles) > 1 else None
    title = args.title or Path(args.paths[0]).resolve().name
    validation = Path(__file__).resolve().parent.parent / "docs" / "validation.md"
    Path(args.out).write_text(collection_html(report, comparison, title, validation), encoding="utf-8")
    if not args.quiet:
        print(
            f"reported on {len(report.articles)} article(s), {len(errors)} failed: {printable(args.out)}",
            file=sys.stderr,
        )
    return EXIT_FAILED if errors else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        args = parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad arguments, 0 on --help
        return int(exc.code or 0)
    try:
        commands = {"compare": run_compare, "report": run_report, "evaluate": run_evaluate, "bench": run_bench}
        return commands.get(args.command, run_score)(args)
    except FramingError as exc:
        print(f"error: {printable(_one_line(str(exc)))}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:  # an output that cannot be written, an input that vanished
        where = printable(str(exc.filename or ""))
        print(f"error: {_one_line(exc.strerror or str(exc))}: {where}".rstrip(": "), file=sys.stderr)
        return EXIT_FAILED


def printable(text: str) -> str:
    """Text safe to print to a terminal: control characters (escape sequences that would move
    the cursor, retitle the window or hide text) shown as \\xNN instead."""
    return "".join(ch if ch.isprintable() or ch == " " else f"\\x{ord(ch):02x}" for ch in text)


def _one_line(text: str) -> str:
    return " ".join(text.split())
