"""The local worker processes: started by spawn, importing the stages at once, and tied to the
life of the process that started them.

Only the standard library is imported here, so that the CLI can start its temporary Prefect
server before it imports anything heavy.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor

# The C library when it has malloc_trim (glibc); None elsewhere (musl, macOS, Windows).
LIBC_PATH = ctypes.util.find_library("c")
LIBC = ctypes.CDLL(LIBC_PATH) if LIBC_PATH else None
if LIBC is not None and not hasattr(LIBC, "malloc_trim"):
    LIBC = None

PR_SET_PDEATHSIG = 1
# The workers run at a lower priority than the process that started them and its Prefect server:
# on two cores those get the CPU at once when they need it (the server's start, task hand-offs),
# and the workers take the rest. The server is then ready 0.4 s sooner (measured on 1,000 articles).
WORKER_NICENESS = 10


def die_with_parent(parent: int) -> None:
    """Called in a child process of ``parent`` (a pid): on Linux it then gets SIGTERM when that
    process dies, even by SIGKILL, so that a killed run leaves no server or worker behind."""
    if LIBC is not None and sys.platform.startswith("linux"):
        LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # it died before the signal was asked for
            os.kill(os.getpid(), signal.SIGTERM)


def start_worker(parent: int, models: bool) -> None:
    """Run first in every new worker process: it dies with ``parent``, yields the CPU to it, and
    imports the corpus steps and publishing, and with them the stages and every transform; with
    ``models``, it loads the transforms' models too.

    Every task ends with a full garbage collection (``stages.in_worker``); freezing the ~70,000
    objects of the imports takes them out of it: 60 ms -> 13-23 ms per task, measured.
    """
    die_with_parent(parent)
    os.nice(WORKER_NICENESS)
    import flows.publish  # noqa: F401
    from transforms import metadata

    if models:
        metadata.load_models()
    gc.freeze()


def start_pool(workers: int, models: bool) -> ProcessPoolExecutor:
    """``workers`` new processes, started at once (``start_worker``), that load the transforms'
    models when they will run transforms (``models``)."""
    # One BLAS thread per worker: the workers already fill the cores, and language id's
    # small matrix products only lose time to thread hand-offs (measured: 0.1 s CPU per 1,000 articles).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    pool = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=start_worker,
        initargs=(os.getpid(), models),
    )
    for _ in range(workers):  # the pool starts a process per task waiting, up to ``workers``
        pool.submit(os.getpid)
    return pool
