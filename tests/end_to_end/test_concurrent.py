"""Runs that share a PREFECT_HOME, started together: each starts its own temporary Prefect server on
the same database, one at a time, and neither breaks the other."""

import json
import os
import subprocess
from pathlib import Path

import polars as pl

from tests.servers import BIN

SEEDS = Path(__file__).parents[2] / "seeds"


def start(home: Path, output: Path, *args: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(home)}
    command = [str(BIN / "newscurate"), "run", "--input", str(SEEDS), "--output", str(output), "--json", *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(run: subprocess.Popen) -> tuple[int, str, str]:
    out, err = run.communicate(timeout=600)
    return run.returncode, out, err


def test_two_runs_on_a_fresh_prefect_home_and_distinct_outputs_both_complete(tmp_path):
    home = tmp_path / "prefect"  # fresh: both servers would create and migrate its database
    runs = [start(home, tmp_path / name) for name in ("one", "two")]
    for (code, out, err), name in zip(map(finish, runs), ("one", "two"), strict=True):
        assert code == 0, err
        assert json.loads(out.strip().splitlines()[-1])["articles"] == 5
        assert pl.read_parquet(tmp_path / name / "articles").height == 5


def test_two_runs_on_the_same_output_one_waits_or_stops_with_the_lock_message(tmp_path):
    home, output = tmp_path / "prefect", tmp_path / "out"
    waiting = [finish(run) for run in [start(home, output, "--wait"), start(home, output, "--wait")]]
    assert [code for code, _, _ in waiting] == [0, 0], [err for _, _, err in waiting]
    results = [finish(run) for run in [start(home, output, "--full"), start(home, output, "--full")]]
    for code, _, err in results:
        assert code == 0 or (
            code == 2 and err.startswith(f"newscurate: error: another newscurate run is writing to {output}")
        )
    assert 0 in [code for code, _, _ in results]
    assert pl.read_parquet(output / "articles").height == 5
