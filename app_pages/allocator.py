"""The server process's memory allocator.

Python's own allocator gives memory back to the system only when a whole 1 MiB arena of small
objects is empty, and glibc's only when whole free pages are found in its heaps. A visitor's large
upload fills hundreds of new arenas with the tables, charts and scores of its collection; when the
session closes they are freed, but a few objects made meanwhile that live on (a module imported,
a cache entry, the server's date header) are scattered among them and keep each arena resident.
One hostile session, twice (the load test's seven files), then the reconnect window: the server
kept 423 MB against 347 MB warm (+22 %) although the live heap was back to its warm size.

jemalloc keeps small objects of one size in runs of a few pages and returns each page once it is
free, after a short decay, from a thread of its own. The same measurement under jemalloc, with
Python's small objects handed to it (PYTHONMALLOC=malloc): 342 MB against 332 MB warm (+3 %).

So the server started by ``streamlit run app.py`` restarts itself once, as it starts and before
it listens, under jemalloc when the machine has it (Debian's libjemalloc2): the same command
line, the same process id, with LD_PRELOAD, PYTHONMALLOC and MALLOC_CONF set. A deployment that
sets MALLOC_CONF keeps its own; FRAMING_ALLOCATOR=system keeps the allocator Python starts with.
Without jemalloc glibc's allocator is tuned instead (tune_glibc).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import gc
import os
import stat
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# Names the allocator chosen for this server; set by the restart, so it happens once. A
# deployment may set it to "system" to keep Python's own allocator.
CHOICE = "FRAMING_ALLOCATOR"
# Freed pages go back after one second (jemalloc's default is ten), from a background thread so
# an idle server returns them too; two arenas, as the two cores the server is sized for, instead
# of four per core, each of which would keep its own partly used runs.
JEMALLOC_CONF = "background_thread:true,narenas:2,dirty_decay_ms:1000,muzzy_decay_ms:0"


def jemalloc_library() -> str | None:
    """jemalloc's shared library as the dynamic loader finds it, on Linux; None elsewhere or
    when it is not installed."""
    if not sys.platform.startswith("linux"):
        return None
    return ctypes.util.find_library("jemalloc")


def restart_environment(environ: Mapping[str, str], find: Callable[[], str | None]) -> dict[str, str] | None:
    """The environment to run this server again under the jemalloc library ``find`` returns;
    None when an allocator was already chosen (by the restart itself or the deployment, and then
    the library is not looked for again) or there is no jemalloc."""
    if environ.get(CHOICE) or (library := find()) is None:
        return None
    preload = " ".join(filter(None, (library, environ.get("LD_PRELOAD", ""))))
    return {
        **environ,
        CHOICE: "jemalloc",
        "LD_PRELOAD": preload,
        "PYTHONMALLOC": "malloc",
        "MALLOC_CONF": environ.get("MALLOC_CONF") or JEMALLOC_CONF,
    }


def restart_under_jemalloc() -> None:
    """Replace this process by the same command under jemalloc (see the module's docstring);
    returns only when it stays as it is."""
    environment = restart_environment(os.environ, jemalloc_library)
    if environment is None:
        return
    # Streamlit's command line bound the port before importing the application, on a socket
    # left open across exec: the restarted server binds its own.
    for fd in _open_descriptors():
        with contextlib.suppress(OSError):
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.set_inheritable(fd, False)
    print(f"Restarting the server under jemalloc ({environment['LD_PRELOAD']})", file=sys.stderr)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]], environment)


def _open_descriptors() -> list[int]:
    try:
        return [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        return []


def in_use(maps: Path = Path("/proc/self/maps")) -> str:
    """The allocator serving this process: "jemalloc" when its library is loaded, else Python's
    own with the C library's."""
    with contextlib.suppress(OSError):
        if "libjemalloc" in maps.read_text():
            return "jemalloc"
    return "pymalloc and the C library's malloc"


# glibc's allocator, for a server without jemalloc (mallopt): at most two heaps instead of eight
# per core (each thread that ran a session otherwise kept a heap of its own, fragmented apart
# from the others), and every block of 128 KB or more mapped on its own and given back when freed
# (by default the threshold rises to the largest block freed, up to 32 MB, so a large upload's
# texts and tables went on the heap and stayed). One hostile session three times: 416, 450 and
# 469 MB after each reconnect window from 302 MB warm, against 402, 406 and 411 MB from 299 MB
# with these settings. Under jemalloc glibc's allocator serves nothing and they change nothing.
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD, M_ARENA_MAX = -1, -3, -8
GLIBC_SETTINGS = ((M_ARENA_MAX, 2), (M_MMAP_THRESHOLD, 128 * 1024), (M_TRIM_THRESHOLD, 128 * 1024))


@functools.cache
def tune_glibc() -> None:
    """Apply GLIBC_SETTINGS to this process, once (glibc only; elsewhere nothing changes)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6")
        for option, value in GLIBC_SETTINGS:
            libc.mallopt(option, value)


def release() -> None:
    """Hand the memory a closed session freed back to the system: collect its cycles, and have
    glibc trim its heaps (jemalloc's own thread returns free pages after its decay)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
