"""`newscurate serve` against a real Prefect server: a scheduled run completes and writes the tables."""

import asyncio
import shutil
import subprocess
import time
from pathlib import Path

import polars as pl

from tests.servers import BIN, stop

SEEDS = Path(__file__).parents[2] / "seeds"


def completed_runs(api_url: str, deployment: str) -> int:
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    async def count() -> int:
        async with get_client() as client:
            runs = await client.read_flow_runs()
            deployments = {d.id: d.name for d in await client.read_deployments()}
            return sum(deployments.get(r.deployment_id) == deployment and r.state.is_completed() for r in runs)

    with temporary_settings({PREFECT_API_URL: api_url}):
        return asyncio.run(count())


def test_serve_without_server_says_how_to_start_one(tmp_path):
    env = {"PATH": str(BIN), "PREFECT_HOME": str(tmp_path)}
    got = subprocess.run(
        [str(BIN / "newscurate"), "serve", "--interval", "5"], env=env, capture_output=True, text=True, timeout=60
    )
    assert got.returncode == 2
    assert "prefect server start" in got.stderr


def test_scheduled_run_writes_the_tables(prefect_api, tmp_path):
    inp, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(SEEDS, inp)
    with open(tmp_path / "serve.log", "wb") as log:
        proc = subprocess.Popen(
            # every 30 s: a run every few seconds piles up flow-run processes waiting for the lock, whose
            # imports slowed the first run past the deadline on a loaded machine
            [str(BIN / "newscurate"), "serve", "--input", str(inp), "--output", str(out), "--interval", "30"],
            env=prefect_api,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and not completed_runs(prefect_api["PREFECT_API_URL"], "scheduled"):
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
            time.sleep(2)
        assert completed_runs(prefect_api["PREFECT_API_URL"], "scheduled") >= 1
    finally:
        stop(proc)
    assert pl.read_parquet(out / "articles").height == 5
