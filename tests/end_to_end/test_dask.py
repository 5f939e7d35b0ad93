"""An existing Dask cluster runs the batch tasks: a real scheduler and worker on 127.0.0.1."""

import json
import shutil
import subprocess
from pathlib import Path

import polars as pl
import pytest

from tests.servers import BIN, free_port, server

SEEDS = Path(__file__).parents[2] / "seeds"
TABLES = ("articles", "paragraphs", "quotes", "people", "boilerplate", "rejects")


def run(env: dict, *args: str) -> dict:
    got = subprocess.run(
        [str(BIN / "newscurate"), "run", "--json", *args], env=env, capture_output=True, text=True, timeout=600
    )
    assert got.returncode == 0, got.stderr
    return json.loads(got.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def dask_cluster(prefect_api, tmp_path_factory):
    logs = tmp_path_factory.mktemp("dask")
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]
    worker_port = free_port()
    worker = [
        str(BIN / "dask"),
        "worker",
        address,
        "--no-nanny",
        "--nthreads",
        "2",
        "--host",
        "127.0.0.1",
        "--worker-port",
        str(worker_port),
        "--no-dashboard",
    ]
    with (
        server(scheduler, port, env=prefect_api, log=logs / "scheduler.log"),
        server(worker, worker_port, env=prefect_api, log=logs / "worker.log") as worker_proc,
    ):
        yield address, worker_proc.pid


def test_dask_worker_runs_the_tasks_and_tables_match_a_local_run(prefect_api, dask_cluster, tmp_path):
    address, worker_pid = dask_cluster
    inp = tmp_path / "in"
    shutil.copytree(SEEDS, inp)
    on_dask = run(prefect_api, "--input", str(inp), "--output", str(tmp_path / "dask"), "--dask-address", address)
    local = run(prefect_api, "--input", str(inp), "--output", str(tmp_path / "local"), "--workers", "1")
    assert on_dask["worker_pids"] == [worker_pid]
    assert worker_pid not in local["worker_pids"]
    for table in TABLES:
        a = pl.read_parquet(tmp_path / "dask" / table)
        b = pl.read_parquet(tmp_path / "local" / table)
        assert a.sort(a.columns[:3]).equals(b.sort(b.columns[:3])), table
