"""Runs killed with SIGKILL at several moments leave the previous output complete and consistent."""

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import polars as pl
import psutil

from tests.servers import BIN

SEEDS = Path(__file__).parents[2] / "seeds"
TABLES = ("articles", "paragraphs", "quotes", "people", "boilerplate", "rejects")
# Seconds after the start at which runs are killed: spread over a whole run on the
# seeds (about 8-10 s: the server's start, the stages, publishing at the end).
KILL_AFTER = (2, 4, 5.5, 7, 8.5, 10)


def start(inp: Path, out: Path, home: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "newscurate"), "run", "--input", str(inp), "--output", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env=os.environ | {"PREFECT_HOME": str(home)},
    )


def consistent(out: Path) -> int:
    """Check the published tables belong together; returns the number of inputs they account for."""
    tables = {t: pl.read_parquet(out / t) for t in TABLES}
    articles = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"], strict=True))
    for name in ("paragraphs", "quotes", "boilerplate"):
        assert set(tables[name]["article_id"]) <= set(articles), name
    for name in ("paragraphs", "quotes"):
        for r in tables[name].iter_rows(named=True):
            assert articles[r["article_id"]][r["char_start"] : r["char_end"]] == r["text"]
    return tables["articles"].height + tables["rejects"].height


def test_killed_runs_never_break_the_output(tmp_path):
    inp, out, home = tmp_path / "in", tmp_path / "out", tmp_path / "prefect"
    shutil.copytree(SEEDS, inp)
    assert start(inp, out, home).wait(300) == 0
    seen = [consistent(out)]
    seed = sorted(SEEDS.iterdir())[0].read_text()
    for i, delay in enumerate(KILL_AFTER):
        (inp / f"extra-{i}.txt").write_text(seed.replace("Mr Putin", f"Mr Putin ({i})"))
        proc = start(inp, out, home)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(30)
        n = consistent(out)
        assert seen[-1] <= n <= 6 + i, (delay, n)  # the old output, or a complete newer one
        seen.append(n)
    assert start(inp, out, home).wait(300) == 0  # the next run recovers by itself
    assert consistent(out) == 5 + len(KILL_AFTER)
    assert not [p for p in out.rglob("*") if ".tmp-" in p.name]


def test_a_killed_run_leaves_no_process_behind(tmp_path):
    """The temporary Prefect server and the worker processes stop with the run, even when it is SIGKILLed."""
    out, home = tmp_path / "out", tmp_path / "prefect"
    proc = start(SEEDS, out, home)
    run = psutil.Process(proc.pid)
    deadline = time.monotonic() + 60
    while len(run.children(recursive=True)) < 3 and time.monotonic() < deadline:  # the server, two workers
        time.sleep(0.2)
    children = run.children(recursive=True)
    assert len(children) >= 3
    proc.kill()
    proc.wait(30)
    _, alive = psutil.wait_procs(children, timeout=20)
    assert alive == []
