#!/usr/bin/env python
"""Measure the dashboard's server-side speed and print the numbers (a script, not a timed test).

    python scripts/bench_app.py [--articles 200] [--switches 20]

1. cold: a fresh ``streamlit run app.py`` server; headless Chromium opens the Overview and the
   clock stops when the charts are drawn: what the first visitor after a start waits for
   (imports, lexicons, scoring and charts included). Also the script time alone, in a fresh
   process under AppTest.
2. switch: the server time of changing the drill-down article (a select box change), per switch.
3. large: a collection of N synthetic articles (deterministic, from the seeds' sentences):
   scoring time, then the Overview's render time once scored (cached, as after an upload).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLD = """
import time, json
t = time.perf_counter()
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("app.py", default_timeout=300)
at.run()
assert not at.exception, at.exception
print(json.dumps({"seconds": time.perf_counter() - t, "charts": len(at.get("plotly_chart"))}))
"""


def browser_cold() -> list[float]:
    """Seconds from opening the Overview on a just-started server to its charts being drawn, twice."""
    from playwright.sync_api import sync_playwright
    from serve import CHROMIUM_FLAGS, chromium_path, streamlit_server

    with streamlit_server() as (url, _pid):
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            elapsed = []
            for _ in range(2):  # the first load is cold; the second shows the browser's own share
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                t = time.perf_counter()
                page.goto(url)
                page.wait_for_function(
                    "document.querySelectorAll('.js-plotly-plot .main-svg').length >= 3", timeout=120_000
                )
                elapsed.append(time.perf_counter() - t)
                page.close()
            browser.close()
        return elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--switches", type=int, default=20)
    args = parser.parse_args(argv)

    cold, warm = browser_cold()
    print(f"cold first render of the Overview in the browser (fresh server, seeds): {cold:.2f} s  target < 3 s")
    print(f"  the same page loaded again (scores cached; frontend, websocket and plotly drawing only): {warm:.2f} s")
    done = subprocess.run([sys.executable, "-c", COLD], cwd=ROOT, capture_output=True, text=True, check=True)
    cold = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"cold Overview script run (fresh process under AppTest, imports included): {cold['seconds']:.2f} s")

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.query_params["article"] = "000_e191cd35296de808"
    at.switch_page("app_pages/article.py")
    at.run()
    ids = [r for r in at.selectbox(key="drill_article").options]
    keys = [i.split(" · ")[-1] for i in ids]
    times = []
    for n in range(args.switches):
        t = time.perf_counter()
        at.selectbox(key="drill_article").set_value(keys[(n + 1) % len(keys)]).run()
        times.append(time.perf_counter() - t)
        assert not at.exception
    print(
        f"switch drill-down article (server time, {args.switches} switches): median {statistics.median(times):.3f} s, "
        f"max {max(times):.3f} s  target < 0.3 s"
    )

    from framing.bench import articles as corpus_articles

    articles = corpus_articles(args.articles, ROOT / "seeds")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.session_state["articles"] = articles
    at.session_state["load_errors"] = []
    t = time.perf_counter()
    at.switch_page("app_pages/data.py")
    at.run()
    scoring = time.perf_counter() - t
    t = time.perf_counter()
    at.switch_page("app_pages/overview.py")
    at.run()
    overview = time.perf_counter() - t
    assert not at.exception and len(at.dataframe[0].value) == args.articles
    print(
        f"{args.articles} articles: scoring (Data page, first render) {scoring:.2f} s; "
        f"Overview render after scoring {overview:.2f} s  target < 5 s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
