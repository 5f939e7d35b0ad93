"""Where a run's work goes: local worker processes (started by spawn, importing the stages at
once, tied to the life of the process that started them), or the calling process itself.

A run holds one ``Workers`` object, made once by whoever starts the run (the CLI, or the flow
when called without one) and handed to every task that has work to do.

Only the standard library is imported here, so that the CLI can start its temporary Prefect
server before it imports anything heavy.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import pickle
import signal
import socket
import sys
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Protocol, runtime_checkable

# The C library when it has malloc_trim (glibc); None elsewhere (musl, macOS, Windows).
LIBC_PATH = ctypes.util.find_library("c")
LIBC = ctypes.CDLL(LIBC_PATH) if LIBC_PATH else None
if LIBC is not None and not hasattr(LIBC, "malloc_trim"):
    LIBC = None

PR_SET_PDEATHSIG = 1
PR_SET_NAME = 15
# The workers run at a lower priority than the process that started them and its Prefect server:
# on two cores those get the CPU at once when they need it (the server's start, task hand-offs),
# and the workers take the rest. The server is then ready 0.4 s sooner (measured on 1,000 articles).
WORKER_NICENESS = 10
# A worker's young-object collection runs after this many more container objects made than freed
# (Python's default: 700). The stages make millions of short-lived objects that reference counting
# frees at once, and few cycles: on 2,000 articles the collector ran 1,575 times for 0.27 s of a
# worker's 15.5 s (gc.callbacks); with this threshold, 5 times for 0.04 s.
WORKER_GC_THRESHOLD = 20_000


# How long a run waits for a Dask scheduler's port to accept a connection before it gives up. A
# scheduler on the same network answers in milliseconds; Dask's own client waits 30 s (its connect
# timeout) and then fails inside the flow, so the run probes the address first.
SCHEDULER_CONNECT_SECONDS = 3.0


class SchedulerUnreachable(ConnectionError):
    """No Dask scheduler accepts connections at the address given."""


def reach_scheduler(address: str, timeout: float = SCHEDULER_CONNECT_SECONDS) -> None:
    """Fail within ``timeout`` seconds unless something listens at a Dask scheduler's address
    (``tcp://host:port``, ``tls://host:port`` or ``host:port``). Other transports are left to Dask."""
    parsed = urllib.parse.urlsplit(address if "://" in address else f"tcp://{address}")
    if parsed.scheme not in ("tcp", "tls"):
        return
    try:
        host, port = parsed.hostname, parsed.port
    except ValueError as exc:
        raise SchedulerUnreachable(f"not a Dask scheduler address: {address} ({exc})") from None
    if not host or not port:
        raise SchedulerUnreachable(f"not a Dask scheduler address: {address} (expected tcp://HOST:PORT)")
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as exc:
        why = f"no answer within {timeout:g} s" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc))
        raise SchedulerUnreachable(f"no Dask scheduler reachable at {address}: {why}") from None


def die_with_parent(parent: int) -> None:
    """Called in a child process of ``parent`` (a pid): on Linux it then gets SIGTERM when that
    process dies, even by SIGKILL, so that a killed run leaves no server or worker behind."""
    if LIBC is not None and sys.platform.startswith("linux"):
        LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # it died before the signal was asked for
            os.kill(os.getpid(), signal.SIGTERM)


def name_process(name: str) -> None:
    """Give this process ``name`` (at most 15 bytes) as `ps` and psutil show it, on Linux."""
    if LIBC is not None and sys.platform.startswith("linux"):
        LIBC.prctl(PR_SET_NAME, name.encode())


def forked_call(fn: Callable, *args) -> Callable[[], object]:
    """Start ``fn(*args)`` in a forked child process; returns a function that waits for its result
    (None when the call raised: the caller then does the work the usual way, and reports any error).

    What the call imports and starts stays in the child: polars' and pyarrow's threads, say, which
    would make a later fork of the caller unsafe (``flows.cli.start_prefect_server``). The result
    comes back pickled through a pipe."""
    read, write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(read)
            die_with_parent(parent)
            with os.fdopen(write, "wb") as out:
                pickle.dump(fn(*args), out)
            code = 0
        finally:
            os._exit(code)  # (never the caller's exit hooks)
    os.close(write)

    def result() -> object:
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        return pickle.loads(data) if data else None

    return result


@contextlib.contextmanager
def frozen_imports() -> Iterator[None]:
    """Run imports (and the set-up that goes with them) with the cyclic garbage collector paused,
    then freeze what they built, so that no later collection walks it again.

    Imports build hundreds of thousands of objects that live as long as the process, and the
    collector walks them again and again as they pile up. Paused, it no longer costs Prefect's
    server 0.65 s of its 3.8 s of CPU to import and build its app, the CLI 0.4 s of its imports
    of Prefect and the stages, or a worker 0.14 s of its 2 s (measured with ``gc.callbacks``).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def start_worker(parent: int, models: bool) -> None:
    """Run first in every new worker process: it dies with ``parent``, yields the CPU to it, and
    imports the tasks' work and publishing, and with them the stages and every transform; with
    ``models``, it loads the transforms' models too.

    Every task ends with a full garbage collection (``in_worker``); freezing the ~70,000
    objects of the imports (``frozen_imports``) takes them out of it: 60 ms -> 13-23 ms per task, measured.
    """
    die_with_parent(parent)
    os.nice(WORKER_NICENESS)
    with frozen_imports():
        import flows.publish  # noqa: F401
        import flows.work  # noqa: F401
        from transforms import metadata

        if models:
            metadata.load_models()
    gc.set_threshold(WORKER_GC_THRESHOLD)


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


def in_worker(fn: Callable, *args):
    """Run one task's work in a worker process, then give the memory it freed back to the system.

    Allocators keep freed memory for reuse, so without this a worker's footprint
    creeps up to the sum of its tasks' peaks (measured on two 6,000-article buckets
    of the clean stage: 381 MiB afterwards, against 632 without this).
    """
    try:
        return fn(*args)
    finally:
        import pyarrow  # imported by every task's work already: no cost here, and none for the CLI's start

        gc.collect()
        pyarrow.default_memory_pool().release_unused()
        if LIBC is not None:
            LIBC.malloc_trim(0)


@runtime_checkable
class Workers(Protocol):
    """Runs the work of a run's tasks."""

    def run(self, fn: Callable, *args):
        """``fn(*args)``, in a worker; returns its result."""

    def renew_ahead(self) -> None:
        """Get ready for ``renew`` while the last transforms still run (a worker is idle)."""

    def renew(self) -> None:
        """Start afresh before the corpus steps: they need none of what the transform stages loaded."""


class InProcess:
    """Runs the tasks' work in the task's own process: on a Dask worker (the cluster's processes are
    the workers), or when the run asks for one worker."""

    def run(self, fn: Callable, *args):
        return fn(*args)

    def renew_ahead(self) -> None:
        pass

    def renew(self) -> None:
        pass


class LocalWorkers:
    """``count`` local worker processes (``start_pool``). Prefect's ProcessPoolTaskRunner costs 15-26 s
    per stage of 16 tasks here (every task run sets up its own engine and API client in the subprocess),
    against 1.1 s for threads; so tasks run on threads and hand their work to these processes."""

    def __init__(self, count: int):
        self.count = count
        self.pool = start_pool(count, models=True)  # the processes import now, while the run starts
        self.next_pool: ProcessPoolExecutor | None = None
        # Threads stopping the transforms' processes; joined by ``close``, not by ``renew``.
        self.retiring: list[threading.Thread] = []

    def run(self, fn: Callable, *args):
        return self.pool.submit(in_worker, fn, *args).result()

    def renew_ahead(self) -> None:
        """Start the corpus steps' processes now, on the core the transforms no longer fill: they
        import (0.6-0.8 s) while the last bucket's transforms finish, not after them."""
        if self.next_pool is None:
            self.next_pool = start_pool(self.count, models=False)

    def renew(self) -> None:
        """New processes for the corpus steps. A worker that ran the transforms keeps about 450 MiB
        (language and name models, and memory its allocators hold on to), and the corpus steps need
        none of it; in new processes they start from about 120 MiB. The old ones are not waited
        for: a process that frees 500 MiB as it exits took the run 0.25 s. A thread stops them, so
        that ``close`` can wait until they have exited: once ``shutdown(wait=False)`` has returned, a
        second ``shutdown()`` no longer waits."""
        self.renew_ahead()
        retired, self.pool, self.next_pool = self.pool, self.next_pool, None
        thread = threading.Thread(target=retired.shutdown, name="retire-workers", daemon=True)
        thread.start()
        self.retiring.append(thread)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)
        if self.next_pool is not None:
            self.next_pool.shutdown()
        for thread in self.retiring:
            thread.join()


@contextlib.contextmanager
def open_workers(count: int, dask_address: str | None) -> Iterator[Workers]:
    """The workers of a run: ``count`` local processes, or the task's own process when a Dask
    cluster does the work or one worker is asked for. Local processes stop at the end."""
    if count < 2 or dask_address:
        yield InProcess()
        return
    workers = LocalWorkers(count)
    try:
        yield workers
    finally:
        workers.close()
