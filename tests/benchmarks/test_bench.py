"""benchmarks/bench.py: the profile of each step, how its entries are named, the process tree's sampler,
the floors around each run, the untimed run before them, the run without Prefect, and the peaks of
several corpus sizes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from benchmarks.bench import (
    ProcessTree,
    Run,
    children_cpu,
    function_name,
    peak_rows,
    profile,
    ratios_to_floor,
    run_direct,
    warm_up,
)
from benchmarks.corpus import generate
from flows.graph import STAGES


def test_function_name():
    assert function_name(("/x/site-packages/ftfy/__init__.py", 10, "fix_text")) == "ftfy/__init__.py:fix_text"
    assert function_name(("~", 0, "<method 'sub' of 're.Pattern' objects>")) == "method 'sub' of 're.Pattern' objects"
    assert function_name(("~", 0, "<built-in method __new__ of type object at 0x7fbe6065ea00>")) == (
        "built-in method __new__ of type object"
    )


def test_profile_lists_every_step_in_order(tmp_path):
    generate(tmp_path / "corpus", 6, None, "fresh")
    rows = profile(tmp_path / "corpus", tmp_path / "out", top=3)
    steps = [step for step, _ in rows]
    corpus_steps = [f"{s.name}: corpus step" for s in reversed(STAGES) if s.corpus is not None]
    transforms = [s.name for s in STAGES if s.row is not None]
    assert steps == ["ingest", *transforms, *corpus_steps, "publish", "report", "all steps"]
    for _, text in rows[:-1]:
        seconds, hot = text.split(" s; ")
        assert float(seconds) >= 0 and len(hot.split(", ")) <= 3 and "%" in hot
    assert (tmp_path / "out" / "articles").is_dir()


def test_process_tree_sees_the_cpu_and_memory_of_a_child():
    # a child that names itself (as the forked Prefect server does), uses 0.6 s of CPU, then waits
    # while the sampler reads it (every 0.2 s)
    code = (
        "import time\nfrom flows.workers import name_process\nname_process('newscurate-test')\n"
        "while time.process_time() < 0.6: pass\ntime.sleep(2)"
    )
    before = children_cpu()
    proc = subprocess.Popen([sys.executable, "-c", code])
    tree = ProcessTree(proc.pid)
    proc.wait()
    peak_one, peak_all = tree.stop()
    assert tree.cpu_of("newscurate-test") >= 0.5  # (counted in hundredths)
    assert tree.cpu_of("newscurate") == 0  # the whole name only
    assert tree.cpu_of("no such process") == 0
    assert children_cpu() - before >= 0.5
    assert 0 < peak_one <= peak_all
    assert tree.peak_pid == proc.pid  # the only process, so the largest


def test_each_run_is_measured_against_the_floors_just_before_and_after_it():
    assert ratios_to_floor([60.0, 90.0], [50.0, 70.0, 80.0]) == [1.0, 1.2]
    with pytest.raises(ValueError):
        ratios_to_floor([60.0, 90.0], [50.0, 70.0])  # the second run has no floor after it


def test_the_untimed_run_first_leaves_prefect_s_database_made_and_nothing_else(tmp_path, monkeypatch):
    home = tmp_path / "prefect-home"
    monkeypatch.setenv("PREFECT_HOME", str(home))
    assert warm_up(tmp_path, None) > 0
    assert (home / "prefect.db").is_file()  # made by the run's temporary server as it started
    assert sorted(p.name for p in tmp_path.iterdir()) == ["prefect-home"]


def test_the_run_without_prefect_times_each_phase_and_publishes_the_tables(tmp_path):
    generate(tmp_path / "corpus", 6, None, "fresh")
    run = run_direct(tmp_path / "corpus", tmp_path / "out")  # its own process, which fails if it imports Prefect
    assert list(run.report) == ["imports", "ingest", "transforms", "publish", "report"]
    assert run.wall > 0 and run.cpu > run.flow_cpu > 0  # the workers' CPU is counted too
    assert (tmp_path / "out" / "articles").is_dir() and (tmp_path / "out" / "report" / "index.html").is_file()


def test_the_peaks_of_several_sizes_grow_from_the_smallest():
    def run(mib: int, largest: str) -> Run:
        return Run(1.0, 1.0, 1.0, peaks=(mib * 2**20, 3 * mib * 2**20), largest=largest)

    rows = peak_rows({100000: run(600, "a worker's"), 20000: run(500, "a worker's"), 10000: run(400, "the flow's")})
    assert rows == [
        ("10000 articles", "400 MiB, the flow's"),
        ("20000 articles", "500 MiB, a worker's: **+25.0%** from 10000"),
        ("100000 articles", "600 MiB, a worker's: **+50.0%** from 10000"),
    ]
