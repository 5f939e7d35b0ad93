"""Throughput and memory benchmark: the pipeline against the ftfy floor, measured in one run.

    python benchmarks/bench.py --n 10000      (make bench; N=100000 make bench; CORPUS=fresh make bench)

Measures, on each of the two generated corpora (benchmarks/corpus.py: "fresh", whose body lines
do not repeat across articles, as in real news, and "repeating", whose body lines repeat once per
copy of their source text):
- the floor: one process reading every file and running ftfy.fix_text over it, before
  and after each full run (the machine's speed drifts: each run's ratio uses the floors around it);
- the full pipeline (`newscurate run --full`, 2 worker processes; --repeat runs, make bench REPEAT=3),
  wall time and its ratio to the floor, articles/s, MB/s, seconds per stage, peak memory;
- the same stage functions called without Prefect (a plain process pool, in a new
  process as the CLI is), before and after the pipeline;
- Prefect's overhead: its CPU seconds (the temporary server's, and the flow process's beyond
  that of the process running the stages without Prefect) as a share of the full run's CPU
  seconds; and the difference of the full run's seconds from the mean without Prefect;
- an incremental rerun with nothing changed.
With --profile (make profile) it runs each step instead in one process under cProfile and lists
its seconds and its hottest functions. Writes benchmarks/RESULTS.md. Each CLI run starts a
temporary Prefect server, unless PREFECT_API_URL points at a running one (the results then go in
their own section).
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import os
import platform
import pstats
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from statistics import fmean as mean

import ftfy
import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from benchmarks.corpus import STYLES, generate  # noqa: E402
from flows.server_app import SERVER_NAME  # noqa: E402

WORKERS = 2
WARM_UP_ARTICLES = 20
PROFILE_TOP = 5  # hottest functions listed per step


def floor(corpus: Path) -> tuple[float, int]:
    """Seconds for one process to read every file and ftfy it; bytes of text."""
    start, size = time.perf_counter(), 0
    for path in sorted(corpus.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            text = (gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", errors="replace")
            size += len(text)
            ftfy.fix_text(text)
    return time.perf_counter() - start, size


class ProcessTree:
    """Samples a process tree until stopped: the peak resident memory of its largest process (and which
    one it was) and of all of them together, and the CPU seconds of each process (the last seen, 0.2 s
    old at most)."""

    def __init__(self, pid: int):
        self.root, self.peak_one, self.peak_all, self.peak_pid = psutil.Process(pid), 0, 0, pid
        self.cpu: dict[int, tuple[str, float]] = {}  # pid -> ("name: command line", CPU seconds)
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.sample, daemon=True)
        self.thread.start()

    def sample(self) -> None:
        while not self.done.wait(0.2):
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                continue
            rss = {}
            for p in procs:
                try:
                    with p.oneshot():
                        rss[p.pid] = p.memory_info().rss
                        used = p.cpu_times()
                        # (the name read each time: a forked process names itself after the fork)
                        command = f"{p.name()}: {' '.join(p.cmdline())}"
                except psutil.Error:
                    continue  # it ended between the listing and the reading
                self.cpu[p.pid] = (command, used.user + used.system)
            if rss:
                pid = max(rss, key=rss.__getitem__)
                if rss[pid] > self.peak_one:
                    self.peak_one, self.peak_pid = rss[pid], pid
                self.peak_all = max(self.peak_all, sum(rss.values()))

    def stop(self) -> tuple[int, int]:
        self.done.set()
        self.thread.join()
        return self.peak_one, self.peak_all

    def cpu_of(self, name: str) -> float:
        """CPU seconds of the processes named ``name``."""
        return sum(used for command, used in self.cpu.values() if command.startswith(f"{name}:"))


def children_cpu() -> float:
    """CPU seconds of this process's ended (waited-for) descendants so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


@dataclass
class Run:
    """One timed run of the pipeline (the CLI) or of its stages without Prefect (``direct``)."""

    wall: float  # seconds
    cpu: float  # CPU seconds of all its processes
    flow_cpu: float  # CPU seconds of its first process (the CLI's, which runs the flow)
    server_cpu: float = 0.0  # CPU seconds of the temporary Prefect server
    peaks: tuple[int, int] = (0, 0)  # peak resident bytes: largest process, all together
    largest: str = ""  # which process was the largest
    report: dict = field(default_factory=dict)  # the CLI's JSON summary, or the phases of ``direct``


def run_cli(corpus: Path, out: Path, *extra: str) -> Run:
    cmd = [
        str(HERE.parent / ".venv" / "bin" / "newscurate"),
        "run",
        "--input",
        str(corpus),
        "--output",
        str(out),
        "--json",
        "--workers",
        str(WORKERS),
        *extra,
    ]
    start, cpu_start = time.perf_counter(), children_cpu()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    tree = ProcessTree(proc.pid)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start
    peaks = tree.stop()
    if tree.peak_pid == proc.pid:
        largest = "the flow's"
    elif tree.cpu.get(tree.peak_pid, ("", 0.0))[0].startswith(f"{SERVER_NAME}:"):
        largest = "the Prefect server's"
    else:
        largest = "a worker's"
    if proc.returncode != 0:
        raise SystemExit(f"pipeline failed: {stderr[-2000:]}")
    return Run(
        wall,
        children_cpu() - cpu_start,
        tree.cpu.get(proc.pid, ("", 0.0))[1],
        tree.cpu_of(SERVER_NAME),
        peaks,
        largest,
        json.loads(stdout.strip().splitlines()[-1]),
    )


def warm_up(work: Path, shared: Path | None) -> float:
    """One untimed run of the CLI on a few articles; returns its seconds.

    The first run on a new PREFECT_HOME creates Prefect's database as its server starts (once per
    machine and home, about 9 s here); without this it fell in the first timed run (at 10,000
    articles: 67.4 s = 1.64x the floor, against 1.17x and 1.14x for the next two).
    """
    generate(work / "warm-up", WARM_UP_ARTICLES, shared, "fresh")
    seconds = run_cli(work / "warm-up", work / "warm-up-out", "--full").wall
    shutil.rmtree(work / "warm-up")
    shutil.rmtree(work / "warm-up-out")
    return seconds


def run_direct(corpus: Path, out: Path) -> Run:
    """A new process running the same per-bucket stage functions on a plain process pool: its
    seconds, CPU seconds and the seconds of its phases.

    Timed from the process's start, as the CLI run is: both pay for starting Python and importing
    the stages; only the CLI imports Prefect (``direct`` checks that it did not).
    """
    start, cpu_start = time.perf_counter(), children_cpu()
    cmd = [sys.executable, __file__, "--direct", str(corpus), str(out)]
    phases = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    flow_cpu = phases.pop("cpu")
    return Run(time.perf_counter() - start, children_cpu() - cpu_start, flow_cpu, report=phases)


def ingest_all(corpus: Path, out: Path, settings, each: Callable) -> int:
    """Scan and ingest ``corpus`` into ``out`` as the pipeline does, calling the per-bucket functions
    through ``each(fn, *columns)``; returns the number of buckets."""
    from flows import work
    from flows.stages import ingest
    from flows.storage import MANIFEST, Store

    files = list(Store(str(corpus)).list_files())
    halves = [files[i::WORKERS] for i in range(WORKERS)]
    scanned = each(work.scan_files, [str(corpus)] * WORKERS, halves, [settings] * WORKERS)
    manifest = sorted((r for rows in scanned for r in rows), key=lambda r: r["source_path"])
    ingest.mark_duplicates(manifest)
    n = work.resize_buckets(Store(str(out)), sum(r["reason"] is None for r in manifest), settings)
    items = ingest.bucket_items(manifest, n)
    buckets = [items.get(b, []) for b in range(n)]
    each(work.ingest_bucket, [str(corpus)] * n, [str(out)] * n, range(n), buckets, [settings] * n, [True] * n)
    Store(str(out)).write_table(MANIFEST, ingest.manifest_table(manifest))
    return n


def publish_all(out: Path, n: int, each: Callable) -> None:
    """Publish the tables of ``out``'s ``n`` buckets as the pipeline does (every stage marked done)."""
    from flows import publish
    from flows.graph import TRANSFORMS
    from flows.storage import STATE, Publication, Store

    for stage in ("ingest", *TRANSFORMS):
        Store(str(out)).write_json(f"{STATE}/{stage}.json", {"token": str(time.time())})
    plan = each(publish.plan, [str(out)])[0]
    generation = Publication(Store(str(out))).generation
    parts = each(publish.publish_bucket, [str(out)] * n, range(n), [generation] * n, [plan["todo"]] * n)
    publish.write_tables(str(out), plan["todo"], plan["signatures"], generation, parts)


def direct(corpus: Path, out: Path) -> dict:
    """The pipeline's stages without Prefect at all; returns the seconds of its phases."""
    phases, mark = {}, time.perf_counter()

    def lap(phase: str) -> None:
        nonlocal mark
        phases[phase], mark = round(time.perf_counter() - mark, 1), time.perf_counter()

    from flows import report_page, work, workers
    from flows.graph import STAGES, TRANSFORMS
    from flows.settings import Settings

    settings = Settings(workers=WORKERS)
    lap("imports")
    local = workers.LocalWorkers(WORKERS)

    def each(fn, *columns) -> list:
        """``fn`` over the rows of ``columns`` in the pool, each call wrapped as the pipeline's tasks wrap it."""
        return list(local.pool.map(workers.in_worker, [fn] * len(columns[0]), *columns))

    try:
        n = ingest_all(corpus, out, settings, each)
        lap("ingest")
        chain = list(TRANSFORMS)
        buckets = [
            local.pool.submit(workers.in_worker, work.transform_chain, chain, str(out), b, settings, True)
            for b in range(n)
        ]
        for done, bucket in enumerate(as_completed(buckets), 1):
            bucket.result()
            if n - done < WORKERS:  # a worker is idle: as the pipeline's gather, the corpus steps' processes start
                local.renew_ahead()
        local.renew()
        with_steps = [s.name for s in reversed(STAGES) if s.corpus is not None]
        steps = [
            local.pool.submit(workers.in_worker, work.corpus_step, name, str(out), settings) for name in with_steps
        ]
        for step in steps:
            step.result()
        lap("transforms")
        publish_all(out, n, each)
        lap("publish")
        each(report_page.build, [str(out)])  # as the pipeline refreshes it after publishing
        lap("report")
    finally:
        local.close()
    if "prefect" in sys.modules:
        raise SystemExit("the run without Prefect imported it")
    return phases | {"cpu": time.process_time()}


def function_name(key: tuple[str, int, str]) -> str:
    """A profile entry's name: "folder/file.py:function", or the built-in's name."""
    path, _, func = key
    if path == "~":
        return re.sub(r" at 0x[0-9a-f]+", "", func.strip("<>"))
    return f"{Path(path).parent.name}/{Path(path).name}:{func}"


def profile(corpus: Path, out: Path, top: int = PROFILE_TOP) -> list[tuple[str, str]]:
    """Each step of the pipeline run in this one process under cProfile, in the pipeline's order:
    its seconds and its hottest functions by own time (share of the step's own time)."""
    from flows import report_page, work
    from flows.graph import STAGES, TRANSFORMS
    from flows.settings import Settings

    settings = Settings(workers=1)
    rows, total = [], 0.0

    def each(fn, *columns) -> list:
        return [fn(*args) for args in zip(*columns, strict=True)]

    def measured(step: str, fn: Callable, *args):
        nonlocal total
        prof, start = cProfile.Profile(), time.perf_counter()
        result = prof.runcall(fn, *args)
        seconds = time.perf_counter() - start
        total += seconds
        stats = pstats.Stats(prof).stats  # (file, line, function) -> (calls, primitive, own, cumulative, callers)
        own = sum(v[2] for v in stats.values()) or 1.0
        hot = sorted(stats.items(), key=lambda kv: -kv[1][2])[:top]
        rows.append((step, f"{seconds:.1f} s; " + ", ".join(f"{function_name(k)} {v[2] / own:.0%}" for k, v in hot)))
        return result

    n = measured("ingest", ingest_all, corpus, out, settings, each)
    for name in TRANSFORMS:
        measured(name, each, work.transform_bucket, [name] * n, [str(out)] * n, range(n), [settings] * n, [True] * n)
    for stage in reversed(STAGES):
        if stage.corpus is not None:
            measured(f"{stage.name}: corpus step", work.corpus_step, stage.name, str(out), settings)
    measured("publish", publish_all, out, n, each)
    measured("report", report_page.build, str(out))
    return [*rows, ("all steps", f"{total:.1f} s in one process, under cProfile (which slows calls: compare shares)")]


def machine() -> str:
    mem = psutil.virtual_memory().total / 2**30
    cpu = platform.processor() or platform.machine()
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, Python {platform.python_version()}"


def ratios_to_floor(walls: list[float], floors: list[float]) -> list[float]:
    """Each run's seconds over the mean of the floors measured just before and just after it
    (``floors`` has one more entry than ``walls``: they alternate, floor first)."""
    return [wall / ((before + after) / 2) for wall, (before, after) in zip(walls, pairwise(floors), strict=True)]


def measure(n: int, style: str, shared: Path | None, repeat: int = 1) -> tuple[list[tuple[str, str]], Run]:
    """The rows of one corpus's results table, from ``repeat`` full runs; and the run whose largest
    process was the largest."""
    work = Path(tempfile.mkdtemp(prefix="newscurate-bench-"))
    try:
        corpus = work / "corpus"
        nbytes, repeated = generate(corpus, n, shared, style)
        warm = warm_up(work, shared)
        # This machine's speed drifts by 20% or more within minutes: each full run is measured
        # against the floors measured just before and just after it, and the run without Prefect is
        # measured before and after them all (the ratios use its mean).
        directs = [run_direct(corpus, work / "direct-before")]
        shutil.rmtree(work / "direct-before")
        first, text_bytes = floor(corpus)
        floors, fulls = [first], []
        for _ in range(repeat):
            fulls.append(run_cli(corpus, work / "out", "--full"))
            floors.append(floor(corpus)[0])
        rerun = run_cli(corpus, work / "out")
        directs.append(run_direct(corpus, work / "direct-after"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    mb = text_bytes / 1e6
    floor_s, full_s = mean(floors), mean([f.wall for f in fulls])
    ratios = ratios_to_floor([f.wall for f in fulls], floors)
    direct_s = mean([d.wall for d in directs])
    direct_flow_cpu = mean([d.flow_cpu for d in directs])
    # Prefect's CPU: the temporary server's, and what the flow's process used beyond the process that
    # runs the same stages without Prefect. A share of the same run's CPU, it does not drift with the
    # machine's speed as the difference of two runs' seconds does.
    prefect_cpu = mean([f.server_cpu + f.flow_cpu - direct_flow_cpu for f in fulls])
    full_cpu = mean([f.cpu for f in fulls])
    wall_overhead = full_s - direct_s
    biggest = max(fulls, key=lambda f: f.peaks[0])
    runs = "; ".join(
        f"{f.wall:.1f} s = {r:.2f}x (floor {before:.1f} s before, {after:.1f} s after)"
        for f, r, (before, after) in zip(fulls, ratios, pairwise(floors), strict=True)
    )
    seconds = {stage: mean([f.report["seconds"][stage] for f in fulls]) for stage in fulls[0].report["seconds"]}
    rows = [
        (
            "articles",
            f"{n} ({nbytes / 1e6:.1f} MB on disk, {mb:.1f} MB of text; "
            f"{repeated:.0%} of body-line characters in lines that repeat)",
        ),
        (
            "floor: read + ftfy.fix_text, 1 process",
            f"{floor_s:.1f} s ({mb / floor_s:.2f} MB/s; mean of {len(floors)}: "
            + ", ".join(f"{s:.1f}" for s in floors)
            + " s, before and after each full run)",
        ),
        (
            "full pipeline, 2 workers",
            f"**{mean(ratios):.2f}x the floor**"
            + (f", the mean of {repeat} runs: {runs}" if repeat > 1 else f": {runs}"),
        ),
        ("throughput", f"{n / full_s:.0f} articles/s, {mb / full_s:.2f} MB/s"),
        ("untimed run first", f"{warm:.1f} s on {WARM_UP_ARTICLES} articles (the timed runs find Prefect's database)"),
        ("seconds per stage", ", ".join(f"{k} {v:.1f}" for k, v in seconds.items())),
        (
            "same stages without Prefect",
            f"{direct_s:.1f} s ({directs[0].wall:.1f} s before, {directs[1].wall:.1f} s after; mean phases: "
            + ", ".join(f"{k} {(directs[0].report[k] + v) / 2:.1f}" for k, v in directs[1].report.items())
            + ")",
        ),
        (
            "Prefect's CPU",
            f"{prefect_cpu:.1f} s = **{prefect_cpu / full_cpu:.1%}** of the full run's {full_cpu:.1f} CPU seconds "
            f"(the temporary server {mean([f.server_cpu for f in fulls]):.1f} s; the flow's process "
            f"{mean([f.flow_cpu for f in fulls]):.1f} s, without Prefect {direct_flow_cpu:.1f} s)",
        ),
        (
            "Prefect overhead in seconds",
            f"{wall_overhead:.1f} s = {wall_overhead / full_s:.1%} of the full run (the difference of "
            "separate runs: the drift of the machine's speed between them counts in it)",
        ),
        (
            "peak memory, largest process",
            f"{biggest.peaks[0] / 2**20:.0f} MiB, {biggest.largest} "
            f"(all processes together {max(f.peaks[1] for f in fulls) / 2**20:.0f} MiB)",
        ),
        (
            "incremental rerun, nothing changed",
            f"{rerun.wall:.1f} s = {rerun.wall / full_s:.1%} of the full run ({rerun.report['unchanged']} unchanged)",
        ),
        ("tables", ", ".join(f"{k} {v}" for k, v in fulls[-1].report["tables"].items())),
    ]
    return rows, biggest


def peak_rows(biggest: dict[int, Run]) -> list[tuple[str, str]]:
    """The largest process's peak at each corpus size, and its growth from the smallest size."""
    sizes = sorted(biggest)
    first = biggest[sizes[0]].peaks[0]
    return [
        (
            f"{n} articles",
            f"{biggest[n].peaks[0] / 2**20:.0f} MiB, {biggest[n].largest}"
            + (f": **{biggest[n].peaks[0] / first - 1:+.1%}** from {sizes[0]}" if n != sizes[0] else ""),
        )
        for n in sizes
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", default="10000", help="comma-separated corpus sizes, each measured; their peaks compared")
    ap.add_argument("--corpus", default=",".join(STYLES), help="comma-separated styles, of: " + ", ".join(STYLES))
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--repeat", type=int, default=1, help="full runs per corpus, each between two floors")
    ap.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    ap.add_argument("--profile", action="store_true", help="profile each step in one process instead (make profile)")
    ap.add_argument("--direct", type=Path, nargs=2, metavar=("CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.direct:
        print(json.dumps(direct(*args.direct)))
        return
    styles = [s for s in args.corpus.split(",") if s]
    if unknown := set(styles) - set(STYLES):
        raise SystemExit(f"unknown corpus style(s): {', '.join(sorted(unknown))}; known: {', '.join(STYLES)}")
    try:
        sizes = [int(n) for n in args.n.split(",") if n]
    except ValueError:
        raise SystemExit(f"--n: comma-separated numbers of articles, not {args.n!r}") from None
    shared = args.shared if args.shared.is_dir() else None
    # A run against a running server (PREFECT_API_URL set) has its own sections; the CLI
    # otherwise starts a temporary server for each run.
    server = ", against a running Prefect server" if os.environ.get("PREFECT_API_URL") else ""
    for style in styles:
        biggest = {}
        for n in sizes:
            if args.profile:
                with tempfile.TemporaryDirectory(prefix="newscurate-profile-") as tmp:
                    generate(Path(tmp) / "corpus", n, shared, style)
                    rows = profile(Path(tmp) / "corpus", Path(tmp) / "out")
                write_section(
                    args.results,
                    f"Profile, N = {n}, {style} corpus",
                    rows,
                    ("step", "seconds; hottest functions by own time"),
                )
                continue
            rows, biggest[n] = measure(n, style, shared, args.repeat)
            write_section(args.results, f"N = {n}, {style} corpus{server}", rows)
        if len(biggest) > 1:
            title = f"Peak memory by size, N = {','.join(map(str, sorted(biggest)))}, {style} corpus{server}"
            write_section(args.results, title, peak_rows(biggest), ("corpus", "peak memory, largest process"))


def write_section(
    results: Path, title: str, rows: list[tuple[str, str]], header: tuple[str, str] = ("measure", "result")
) -> None:
    """Print one results table and put it in ``results`` in place of the section of that title."""
    text = "\n".join(
        [
            f"## {title}",
            "",
            f"Machine: {machine()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
            "",
            f"| {header[0]} | {header[1]} |",
            "| --- | --- |",
            *[f"| {k} | {v} |" for k, v in rows],
            "",
        ]
    )
    print(text)
    old = results.read_text() if results.exists() else "# Benchmark results\n\nWritten by `make bench`.\n\n"
    sections = [s for s in old.split("\n## ") if not s.startswith(f"{title}\n")]
    results.write_text("\n## ".join(sections).rstrip() + "\n\n" + text)


if __name__ == "__main__":
    main()
