"""Run the dashboard for a browser: ``streamlit run app.py`` on a free loopback port, and the
Debian Chromium that drives it. Used by the browser tests and by the load and page benchmarks."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT = 90


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Chromium not found: install Debian's chromium package (scripts/test does) or set CHROMIUM")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Running(NamedTuple):
    url: str
    pid: int


@contextlib.contextmanager
def streamlit_server(db: str | None = None, script: str = "app.py", log_to: Path | None = None):
    """``streamlit run app.py`` (or another ``script``) on a free loopback port (collections in
    ``db``, else a fresh database; its output in ``log_to``, else a temporary file); yields its URL
    and process id once it answers."""
    port = free_port()
    env = {
        **os.environ,
        "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
        "FRAMING_DB": db or os.path.join(tempfile.gettempdir(), f"framing-browser-{port}.db"),
    }
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        script,
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.fileWatcherType",
        "none",
    ]
    # the server writes to a file, not a pipe: a full pipe would block it
    with open(log_to, "w+") if log_to else tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        try:
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        process.kill()
                        log.seek(0)
                        raise RuntimeError(f"streamlit did not start:\n{log.read()}") from None
                    time.sleep(0.3)
            yield Running(url, process.pid)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
