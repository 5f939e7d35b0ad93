"""The pipeline flow: the stages of ``flows.graph`` as Prefect tasks over buckets of articles.

    ingest -> clean -> paragraphs -> people -> quotes -> publish

Ingest maps one task over the article buckets (batches of thousands of articles;
see flows.storage.MIN_BUCKETS). The transform stages (clean to quotes) map one
task over the buckets that runs them one after the other on its bucket, so no
bucket waits for the slowest one between stages; then their corpus steps
(duplicate paragraphs and articles, people, quote clusters) run side by side in
new worker processes. Publish maps one task over the buckets, then commits. Every stage records
its version. A stage reads only what the earlier stages persisted under
``<output>/_state``, so any stage can run alone (``only``; `newscurate run --stage
NAME`, the ``stage-NAME`` deployments). Stages are functions inside the one flow, not sub-flows: a
sub-flow cost 1.3-7.8 s here even with nothing to do, its tasks 0.1 s.

The tasks only hand their work (``flows.work``, plain functions) to the run's ``Workers``.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from flows import publish as publisher
from flows import report_page, work
from flows.graph import NAMES, STAGE, STAGES, TRANSFORMS, stage_version
from flows.report import publish_artifacts, run_markdown
from flows.settings import Settings
from flows.stages import ingest
from flows.staleness import changes, ingest_is_current, up_to_date, upstream_tokens
from flows.storage import MANIFEST, STATE, Publication, Store, bucket_count, output_lock
from flows.workers import Workers, open_workers, reach_scheduler

# Files hashed per scan task: enough to make the task's own cost (a few ms)
# negligible, few enough that two workers share a small corpus.
SCAN_BATCH = 2000

# Told of each stage's progress as its tasks finish: (stage, buckets done, buckets, articles done).
Progress = Callable[[str, int, int, int], None]


def no_progress(stage: str, done: int, total: int, articles: int) -> None:
    """The progress reporter of a run nobody watches."""


class StageOrderError(RuntimeError):
    """A stage was asked for before the stages it reads from have run."""


@dataclass(frozen=True)
class Run:
    """What the steps of one run work with, made once per run by the flow."""

    input_url: str
    output_url: str
    settings: Settings
    runner: TaskRunner
    workers: Workers
    progress: Progress

    @property
    def store(self) -> Store:
        return Store(self.output_url)


def gather(
    run: Run, stages: list[str], futures: list, *, chained: bool = False, draining: Callable[[], None] | None = None
) -> list[dict]:
    """Wait for bucket tasks, reporting each stage's progress as each one finishes. A task's result
    is its one stage's, or stage -> result when it ran a chain of stages (``chained``). ``draining``
    is called once, as soon as fewer tasks are left than the run has workers (one of them is idle)."""
    results: list[dict] = []

    def drain_check() -> None:
        nonlocal draining
        if draining is not None and len(futures) - len(results) < run.settings.workers:
            draining()
            draining = None

    drain_check()
    for future in as_completed(futures):
        results.append(future.result())
        drain_check()
        by_stage = results if chained else [{stages[0]: r} for r in results]
        for stage in stages:
            run.progress(stage, len(results), len(futures), sum(r[stage]["articles"] for r in by_stage))
    return results


@task(name="scan-files", task_run_name="scan-{first}", cache_policy=NO_CACHE)
def scan_task(workers: Workers, input_url: str, paths: list, first: int, settings: Settings) -> list[dict]:
    return workers.run(work.scan_files, input_url, paths, settings)


@task(name="ingest-bucket", task_run_name="ingest-{bucket:02d}", cache_policy=NO_CACHE)
def ingest_task(
    workers: Workers, input_url: str, output_url: str, bucket: int, items: list, settings: Settings, force: bool
) -> dict:
    return workers.run(work.ingest_bucket, input_url, output_url, bucket, items, settings, force)


@task(name="transform-bucket", task_run_name="transform-{bucket:02d}", cache_policy=NO_CACHE)
def transform_task(
    workers: Workers, chain: list[str], output_url: str, bucket: int, settings: Settings, force: bool
) -> dict:
    return workers.run(work.transform_chain, chain, output_url, bucket, settings, force)


@task(name="publish-bucket", task_run_name="publish-{bucket:02d}", cache_policy=NO_CACHE)
def publish_bucket_task(workers: Workers, output_url: str, bucket: int, generation: str, todo: list[str]) -> dict:
    return workers.run(publisher.publish_bucket, output_url, bucket, generation, todo)


# The corpus steps run in a worker process too: the flow's own process stays small. Each
# returns the seconds it took.
@task(name="corpus-step", task_run_name="corpus-{stage}", cache_policy=NO_CACHE)
def corpus_task(workers: Workers, stage: str, output_url: str, settings: Settings) -> float:
    return workers.run(work.corpus_step, stage, output_url, settings)


@task(name="build-report", cache_policy=NO_CACHE)
def report_task(workers: Workers, output_url: str) -> dict:
    return workers.run(report_page.build, output_url)


@task(name="plan-publication", cache_policy=NO_CACHE)
def plan_task(workers: Workers, output_url: str) -> dict:
    return workers.run(publisher.plan, output_url)


def make_runner(workers: int, dask_address: str | None) -> TaskRunner:
    """Tasks on the Dask cluster when given its address; else on threads feeding the local processes."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        reach_scheduler(dask_address)  # Dask itself would wait 30 s for an address nobody answers at
        return DaskTaskRunner(address=dask_address)
    # More threads than processes: while a finished task reports its state to the API,
    # the next one is already queued in the pool, so no worker process waits for Prefect.
    return ThreadPoolTaskRunner(max_workers=4 * workers)


def mark_stage(run: Run, stage: str, results: list[dict], force: bool) -> dict:
    """Record the stage's version, and a new token when any bucket changed."""
    store = run.store
    previous = store.read_json(f"{STATE}/{stage}.json") or {}
    changed = force or any(r["changed"] for r in results) or not previous
    state = {
        "version": stage_version(stage, run.settings),
        "inputs": upstream_tokens(store, stage),
        "token": uuid.uuid4().hex if changed else previous["token"],
        "articles": sum(r["articles"] for r in results),
        "computed": sum(r["computed"] for r in results),
    }
    store.write_json(f"{STATE}/{stage}.json", state)
    return state | {"pids": sorted({r["pid"] for r in results if "pid" in r})}


def require(store: Store, stage: str, done: Iterable[str] = ()) -> None:
    """Fail unless the stages ``stage`` reads from have run (or are in ``done``, run before it now).
    The message names the first stage that must run, and every stage missing (those upstream of a
    missing one too): naming only the nearest one took a fresh output three failed commands."""
    missing, todo = set(), list(STAGE[stage].reads)
    while todo:
        up = todo.pop()
        if up not in missing and up not in done and not store.exists(f"{STATE}/{up}.json"):
            missing.add(up)
            todo.extend(STAGE[up].reads)
    if missing:
        order = [s for s in NAMES if s in missing]
        flags = " ".join(f"--stage {s}" for s in order)
        raise StageOrderError(
            f"stage '{stage}' needs the results of stage '{order[0]}', which has not run "
            f"(missing: {', '.join(order)}): run `newscurate run {flags}` (or a full run) first"
        )


def unwalked(runner: TaskRunner, files: list) -> list | quote:
    """A task's list of files, for Prefect to pass on without walking each of its items in search
    of futures, twice per task as it starts (1.8 s of the flow's CPU at 20,000 articles).

    On Dask the walk happens on the worker, and prefect-dask 0.3.7 would hand the task the
    wrapper itself (Dask rebuilds it as a 1-tuple), so the list goes as it is there.
    """
    return quote(files) if isinstance(runner, ThreadPoolTaskRunner) else files


def run_ingest(run: Run, full: bool) -> dict:
    """Hash the input files, then read, decode and extract the new and changed ones, by bucket."""
    store, runner = run.store, run.runner
    inputs = Store(run.input_url)
    # An output folder inside the input folder holds the tables, state, lock and report of earlier
    # runs: never inputs (read back, they were 166 articles and rejects after two runs on 5 inputs).
    files = list(inputs.list_files(skip=store.place_in(inputs)))
    futures = [
        runner.submit(
            scan_task,
            {
                "workers": run.workers,
                "input_url": run.input_url,
                "paths": unwalked(runner, files[i : i + SCAN_BATCH]),
                "first": i,
                "settings": run.settings,
            },
        )
        for i in range(0, len(files), SCAN_BATCH)
    ]
    manifest = [row for f in futures for row in f.result()]
    ingest.mark_duplicates(manifest)
    previous = store.read_table(MANIFEST)
    counts = changes(previous.to_pylist() if previous is not None else [], manifest)
    articles = sum(row["reason"] is None for row in manifest)
    n_buckets = work.resize_buckets(store, articles, run.settings)
    by_bucket = ingest.bucket_items(manifest, n_buckets)
    table = ingest.manifest_table(manifest)
    same_inputs = previous is not None and previous.equals(table)
    if not full and same_inputs and ingest_is_current(store, run.settings, by_bucket):
        results = [{"articles": articles, "computed": 0, "changed": False}]
        run.progress("ingest", n_buckets, n_buckets, articles)
    else:
        futures = [
            runner.submit(
                ingest_task,
                {
                    "workers": run.workers,
                    "input_url": run.input_url,
                    "output_url": run.output_url,
                    "bucket": b,
                    "items": unwalked(runner, by_bucket.get(b, [])),
                    "settings": run.settings,
                    "force": full,
                },
            )
            for b in range(n_buckets)
        ]
        results = gather(run, ["ingest"], futures)
    state = mark_stage(run, "ingest", results, full)
    store.write_table(MANIFEST, table)
    get_run_logger().info("ingest: %d files (%s)", len(manifest), counts)
    return state | counts | {"files": len(manifest)}


def run_transforms(run: Run, chain: list[str], force: bool) -> dict:
    """Transform stages, in order: one task per bucket runs them all on it, then their corpus steps
    run side by side. Returns each stage's state and its share of the wall time (split by the
    worker time each stage took, since a bucket's stages run back to back in one task)."""
    store, runner = run.store, run.runner
    for stage in chain:
        require(store, stage, done=chain)
    start = time.perf_counter()
    futures = [
        runner.submit(
            transform_task,
            {
                "workers": run.workers,
                "chain": chain,
                "output_url": run.output_url,
                "bucket": b,
                "settings": run.settings,
                "force": force,
            },
        )
        for b in range(bucket_count(store))
    ]
    results = gather(run, chain, futures, chained=True, draining=run.workers.renew_ahead)
    busy = {stage: sum(r[stage]["seconds"] for r in results) for stage in chain}
    seconds = share(time.perf_counter() - start, busy)
    start = time.perf_counter()
    run.workers.renew()
    # Submitted in reverse stage order, which is longest first (at 20,000 articles, in new workers: quote
    # clusters 1.6 s, duplicates 0.5, people 0.3), so that the two workers finish them together.
    with_steps = [s.name for s in reversed(STAGES) if s.corpus is not None and s.name in chain]
    steps = {
        stage: runner.submit(
            corpus_task,
            {"workers": run.workers, "stage": stage, "output_url": run.output_url, "settings": run.settings},
        )
        for stage in with_steps
    }
    busy = {stage: step.result() for stage, step in steps.items()}
    for stage, took in share(time.perf_counter() - start, busy).items():
        seconds[stage] += took
    states = {}
    for stage in chain:  # in order: each stage records the token its upstream stage just recorded
        state = mark_stage(run, stage, [r[stage] for r in results], force)
        get_run_logger().info("%s: %d articles, %d computed", stage, state["articles"], state["computed"])
        states[stage] = state | {"seconds": seconds[stage]}
    return states


def share(wall: float, busy: dict[str, float]) -> dict[str, float]:
    """``wall`` seconds split between the keys of ``busy`` in proportion to their busy seconds."""
    total = sum(busy.values())
    return {k: wall * v / total if total else wall / len(busy) for k, v in busy.items()}


def run_publish(run: Run) -> dict:
    """Write the tables whose stages changed: the bucket tasks write their parts, then one commit."""
    store = run.store
    require(store, "publish")
    plan = plan_task(run.workers, run.output_url)
    if not plan["todo"]:
        return publisher.last_summary(run.output_url) | {"rewritten": []}
    generation = Publication(store).generation
    futures = [
        run.runner.submit(
            publish_bucket_task,
            {
                "workers": run.workers,
                "output_url": run.output_url,
                "bucket": b,
                "generation": generation,
                "todo": plan["todo"],
            },
        )
        for b in range(bucket_count(store))
    ]
    results = gather(run, ["publish"], futures)
    summary = publisher.write_tables(run.output_url, plan["todo"], plan["signatures"], generation, results)
    return summary | {"rewritten": plan["todo"]}


def refresh_report(workers: Workers, output_url: str, timings: dict) -> dict:
    """Rebuild the HTML report after publishing (it skips itself when the tables did not change). A
    report that fails is logged, not raised: the tables are published by then."""
    try:
        built = report_task(workers, output_url)
    except Exception as exc:
        get_run_logger().warning("the report was not refreshed: %s: %s", type(exc).__name__, exc)
        return {"report": None}
    timings["report"] = built["seconds"]
    return {"report": built["index"]}


@flow(name="newscurate", log_prints=True)
def pipeline(
    input_url: str = "seeds",
    output_url: str = "output",
    full: bool = False,
    only: list[str] | None = None,
    settings: Settings | None = None,
    workers: Workers | None = None,
    progress: Progress | None = None,
) -> dict:
    """Run the stages in order (or only those in ``only``, forced), then publish.

    ``workers`` runs the tasks' work (made here, from ``settings``, when not given);
    ``progress`` is told of each stage's progress.
    """
    settings = settings or Settings()
    ran, timings, report, pids = [], {}, {}, set()
    store = Store(output_url)
    given = contextlib.nullcontext(workers) if workers is not None else None
    with (
        output_lock(store, wait=settings.wait_for_lock),
        given or open_workers(settings.workers, settings.dask_address) as workers,
        make_runner(settings.workers, settings.dask_address) as runner,
    ):
        run = Run(input_url, output_url, settings, runner, workers, progress or no_progress)
        store.remove_temporaries()  # left by a killed run; we hold the lock
        forced = full or bool(only)
        if not only or "ingest" in only:
            start = time.perf_counter()
            result = run_ingest(run, forced)
            report |= {k: v for k, v in result.items() if k in ("new", "changed", "unchanged", "removed")}
            pids.update(result["pids"])
            timings["ingest"] = round(time.perf_counter() - start, 3)
            ran.append("ingest")
        else:  # the inputs are not rescanned: they are taken as the last scan found them
            manifest = store.read_table(MANIFEST, columns=["source_path"])
            report |= {"new": 0, "changed": 0, "unchanged": manifest.num_rows if manifest else 0, "removed": 0}
        # a transform stage runs when asked for, stale, or after one that runs (it then finds
        # its rows current unless they changed, which costs one column read per bucket)
        chain: list[str] = []
        for stage in TRANSFORMS:
            if (not only or stage in only) and (forced or chain or not up_to_date(store, stage, settings)):
                chain.append(stage)
        if chain:
            for stage, state in run_transforms(run, chain, forced).items():
                pids.update(state["pids"])
                timings[stage] = round(state["seconds"], 3)
                ran.append(stage)
        if forced or publisher.plan(output_url)["todo"]:
            start = time.perf_counter()
            report |= run_publish(run)
            timings["publish"] = round(time.perf_counter() - start, 3)
            ran.append("publish")
        else:
            report |= publisher.last_summary(output_url) | {"rewritten": []}
        report |= refresh_report(workers, output_url, timings)
    report |= {"stages": ran, "seconds": timings, "worker_pids": sorted(pids)}
    publish_artifacts(report, store)
    get_run_logger().info(run_markdown(report))
    return report
