"""Where a run's work goes: local worker processes, or the task's own process."""

import gc
import multiprocessing.util
import os
import threading
import time
from pathlib import Path

import psutil
import pytest

from flows.workers import (
    WORKER_GC_THRESHOLD,
    WORKER_NICENESS,
    InProcess,
    LocalWorkers,
    Workers,
    forked_call,
    frozen_imports,
    in_worker,
    name_process,
    open_workers,
)
from transforms import first_names, metadata


def worker_state() -> tuple[int, int, int, int, bool]:
    """A worker's niceness, whether its language model and first-name table are loaded (1) or not (0),
    its collector's first threshold, and whether the objects of its imports are frozen."""
    models = metadata._language_identifier.cache_info().currsize, first_names.detector.cache_info().currsize
    return os.nice(0), *models, gc.get_threshold()[0], gc.get_freeze_count() > 10_000


def test_one_worker_or_a_dask_cluster_run_the_work_in_the_task_s_own_process():
    for count, address in ((1, None), (2, "tcp://127.0.0.1:8786")):
        with open_workers(count, address) as workers:
            assert isinstance(workers, InProcess) and isinstance(workers, Workers)
            assert workers.run(os.getpid) == os.getpid()


def exit_slowly() -> int:
    """Make this worker take a second to exit (its last finaliser sleeps), and return its process id."""
    multiprocessing.util.Finalize(None, time.sleep, args=(1,), exitpriority=0)
    return os.getpid()


def test_local_workers_are_new_processes_and_the_corpus_steps_get_new_ones():
    with open_workers(2, None) as workers:
        assert isinstance(workers, LocalWorkers) and isinstance(workers, Workers)
        before = {workers.run(exit_slowly) for _ in range(4)}  # renew does not wait for them; close does
        workers.renew()
        after = {workers.run(os.getpid) for _ in range(4)}
    assert before and after and not before & after and os.getpid() not in before | after
    assert not any(Path(f"/proc/{pid}").exists() for pid in before)  # the old ones have exited
    assert not any(Path(f"/proc/{pid}").exists() for pid in after)  # and the new ones at the end


def test_renewing_ahead_starts_the_corpus_steps_processes_while_the_old_ones_still_work():
    with open_workers(2, None) as workers:
        before = {workers.run(os.getpid) for _ in range(4)}
        workers.renew_ahead()
        workers.renew_ahead()  # once: a second call starts nothing more
        ahead = workers.next_pool
        assert {workers.run(os.getpid) for _ in range(4)} <= before  # the work still goes to the old ones
        started = set(ahead._processes)  # (pid -> process)
        workers.renew()
        after = {workers.run(os.getpid) for _ in range(4)}
        assert workers.pool is ahead and workers.next_pool is None
        workers.renew_ahead()  # and closing stops processes started ahead but never used
        unused = set(workers.next_pool._processes)
    assert len(started) == len(unused) == 2 and after <= started
    assert not before & started and not unused & (before | started)
    assert not any(Path(f"/proc/{pid}").exists() for pid in before | started | unused)


def test_transform_workers_load_their_models_at_start_and_every_worker_yields_the_cpu_and_collects_less():
    with open_workers(2, None) as workers:
        transform = {workers.run(worker_state) for _ in range(4)}
        workers.renew()
        corpus = {workers.run(worker_state) for _ in range(4)}
    niceness = min(os.nice(0) + WORKER_NICENESS, 19)
    assert transform == {(niceness, 1, 1, WORKER_GC_THRESHOLD, True)}
    assert corpus == {(niceness, 0, 0, WORKER_GC_THRESHOLD, True)}


@pytest.mark.parametrize("enabled", [True, False])
def test_frozen_imports_pause_the_collector_then_freeze_what_they_built(enabled):
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    frozen = gc.get_freeze_count()
    try:
        with pytest.raises(ImportError), frozen_imports():
            assert not gc.isenabled()
            built = [[i] for i in range(1000)]
            import flows.no_such_module  # noqa: F401 (a failed import restores the collector too)
        assert gc.isenabled() is enabled
        assert gc.get_freeze_count() >= frozen + len(built)
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()


def test_in_worker_returns_the_result_or_raises():
    assert in_worker(divmod, 7, 2) == (3, 1)
    with pytest.raises(ZeroDivisionError):
        in_worker(divmod, 1, 0)


def test_a_dask_address_nobody_listens_at_fails_at_once_and_a_listening_one_passes():
    import socket

    from flows.workers import SchedulerUnreachable, reach_scheduler
    from tests.servers import free_port

    with pytest.raises(SchedulerUnreachable, match="no Dask scheduler reachable at tcp://127.0.0.1:.*refused"):
        reach_scheduler(f"tcp://127.0.0.1:{free_port()}")
    with pytest.raises(SchedulerUnreachable, match="expected tcp://HOST:PORT"):
        reach_scheduler("tcp://127.0.0.1")
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        reach_scheduler(f"127.0.0.1:{listening.getsockname()[1]}")
        reach_scheduler(f"tcp://127.0.0.1:{listening.getsockname()[1]}")


def test_name_process_names_the_process_as_ps_shows_it():
    def named(conn):
        name_process("newscurate-t")
        conn.send(psutil.Process().name())

    fork = multiprocessing.get_context("fork")
    parent, child = fork.Pipe()
    proc = fork.Process(target=named, args=(child,))
    proc.start()
    assert parent.recv() == "newscurate-t"
    proc.join()


def start_a_thread() -> tuple[int, list[str]]:
    threading.Thread(target=time.sleep, args=(60,), daemon=True, name="started-by-the-call").start()
    return os.getpid(), [thread.name for thread in threading.enumerate()]


def test_a_forked_call_returns_its_result_and_keeps_what_it_started_in_its_own_process():
    pid, threads = forked_call(start_a_thread)()
    assert pid != os.getpid() and "started-by-the-call" in threads
    assert "started-by-the-call" not in [thread.name for thread in threading.enumerate()]
    assert forked_call(int, "not a number")() is None  # a call that raised
