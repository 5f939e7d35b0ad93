"""The stage graph: the pipeline flow runs the stages in order.

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
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from flows import publish as publisher
from flows import stages
from flows.report import publish_artifacts, run_markdown
from flows.settings import Settings
from flows.stages import TRANSFORMS, UPSTREAM, stage_version
from flows.storage import STATE, Publication, Store, bucket_count, output_lock
from flows.workers import start_pool

# Files hashed per scan task: enough to make the task's own cost (a few ms)
# negligible, few enough that two workers share a small corpus.
SCAN_BATCH = 2000
MANIFEST = f"{STATE}/manifest.parquet"


class StageOrderError(RuntimeError):
    """A stage was asked for before the stages it reads from have run."""


# The local worker processes of the current run (None: run tasks inline).
# Prefect's ProcessPoolTaskRunner costs 15-26 s per stage of 16 tasks here (every
# task run sets up its own engine and API client in the subprocess), against
# 1.1 s for threads; so tasks run on threads and hand their bucket to this pool.
POOL: ProcessPoolExecutor | None = None


@contextlib.contextmanager
def local_workers(workers: int, dask_address: str | None) -> Iterator[None]:
    """Start ``workers`` processes for the run, unless a Dask cluster does the work or they run already."""
    global POOL
    if workers < 2 or dask_address or POOL is not None:
        yield
        return
    POOL = start_pool(workers, models=True)  # the processes import now, while the flow starts
    try:
        yield
    finally:
        POOL.shutdown(cancel_futures=True)
        POOL = None


def fresh_workers(workers: int) -> None:
    """Replace the local worker processes by ``workers`` new ones (when there are local workers).

    Called between the transform stages and the corpus steps. A worker that ran the
    transforms keeps about 450 MiB (language and name models, and memory its allocators
    hold on to), and the corpus steps need none of it; in new processes (0.6-0.8 s
    to import) they start from about 120 MiB.
    """
    global POOL
    if POOL is None:
        return
    POOL.shutdown()
    POOL = start_pool(workers, models=False)


# Called as PROGRESS(stage, buckets_done, buckets, articles_done) while a stage runs;
# the CLI sets it to drive its progress bars.
PROGRESS: Callable[[str, int, int, int], None] | None = None


def gather(stages: list[str], futures: list, *, chained: bool = False) -> list[dict]:
    """Wait for bucket tasks, reporting each stage's progress as each one finishes. A task's result
    is its one stage's, or stage -> result when it ran a chain of stages (``chained``)."""
    results = []
    for future in as_completed(futures):
        results.append(future.result())
        if PROGRESS is None:
            continue
        by_stage = results if chained else [{stages[0]: r} for r in results]
        for stage in stages:
            PROGRESS(stage, len(results), len(futures), sum(r[stage]["articles"] for r in by_stage))
    return results


def offload(fn: Callable, *args):
    """Run ``fn(*args)`` in the local worker processes, or inline (on a Dask worker, or with one worker)."""
    return POOL.submit(stages.in_worker, fn, *args).result() if POOL is not None else fn(*args)


@task(name="scan-files", task_run_name="scan-{first}", cache_policy=NO_CACHE)
def scan_task(input_url: str, paths: list, first: int, settings: Settings) -> list[dict]:
    return offload(stages.scan_files, input_url, paths, settings)


@task(name="ingest-bucket", task_run_name="ingest-{bucket:02d}", cache_policy=NO_CACHE)
def ingest_task(input_url: str, output_url: str, bucket: int, items: list, settings: Settings, force: bool) -> dict:
    return offload(stages.ingest_bucket, input_url, output_url, bucket, items, settings, force)


@task(name="transform-bucket", task_run_name="transform-{bucket:02d}", cache_policy=NO_CACHE)
def transform_task(chain: list[str], output_url: str, bucket: int, settings: Settings, force: bool) -> dict:
    return offload(stages.transform_chain, chain, output_url, bucket, settings, force)


@task(name="publish-bucket", task_run_name="publish-{bucket:02d}", cache_policy=NO_CACHE)
def publish_bucket_task(output_url: str, bucket: int, generation: str, todo: list[str]) -> dict:
    return offload(publisher.publish_bucket, output_url, bucket, generation, todo)


# The corpus steps run in a worker process too: the flow's own process stays small. Each
# returns the seconds it took.
@task(name="find-duplicates", cache_policy=NO_CACHE)
def duplicates_task(output_url: str) -> float:
    return offload(stages.timed, publisher.build_duplicates, output_url)


@task(name="build-people", cache_policy=NO_CACHE)
def people_task(output_url: str) -> float:
    return offload(stages.timed, publisher.build_people_table, output_url)


@task(name="cluster-quotes", cache_policy=NO_CACHE)
def clusters_task(output_url: str) -> float:
    return offload(stages.timed, publisher.build_quote_clusters, output_url)


# A transform stage's step over the whole corpus, run once its buckets are done. Submitted
# longest first (at 20,000 articles, in new workers: clusters 1.6 s, duplicates 0.5, people
# 0.3), so that the two workers finish them together.
CORPUS_STEPS = {"quotes": clusters_task, "paragraphs": duplicates_task, "people": people_task}


@task(name="plan-publication", cache_policy=NO_CACHE)
def plan_task(output_url: str) -> dict:
    return offload(publisher.plan, output_url)


def make_runner(workers: int, dask_address: str | None) -> TaskRunner:
    """Tasks on the Dask cluster when given its address; else on threads feeding the local processes."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    # More threads than processes: while a finished task reports its state to the API,
    # the next one is already queued in the pool, so no worker process waits for Prefect.
    return ThreadPoolTaskRunner(max_workers=4 * workers)


def mark_stage(store: Store, stage: str, results: list[dict], force: bool) -> dict:
    """Record the stage's version, and a new token when any bucket changed."""
    previous = store.read_json(f"{STATE}/{stage}.json") or {}
    changed = force or any(r["changed"] for r in results) or not previous
    state = {
        "version": stage_version(stage),
        "inputs": upstream_tokens(store, stage),
        "token": uuid.uuid4().hex if changed else previous["token"],
        "articles": sum(r["articles"] for r in results),
        "computed": sum(r["computed"] for r in results),
    }
    store.write_json(f"{STATE}/{stage}.json", state)
    return state | {"pids": sorted({r["pid"] for r in results if "pid" in r})}


def upstream_tokens(store: Store, stage: str) -> dict[str, str]:
    return {up: (store.read_json(f"{STATE}/{up}.json") or {}).get("token", "") for up in UPSTREAM[stage]}


def up_to_date(store: Store, stage: str) -> bool:
    """A transform stage whose code and inputs are the same as when it last ran has nothing to do."""
    state = store.read_json(f"{STATE}/{stage}.json")
    return (
        bool(state)
        and state["version"] == stage_version(stage)
        and state.get("inputs") == upstream_tokens(store, stage)
    )


def require(store: Store, stage: str, done: Iterable[str] = ()) -> None:
    """Fail unless the stages ``stage`` reads from have run (or are in ``done``, run before it now)."""
    for up in UPSTREAM[stage]:
        if up not in done and not store.exists(f"{STATE}/{up}.json"):
            raise StageOrderError(
                f"stage '{stage}' needs the results of stage '{up}': "
                f"run `newscurate run --stage {up}` (or a full run) first"
            )


def changes(previous: list[dict], current: list[dict]) -> dict[str, int]:
    before = {r["source_path"]: r["article_id"] for r in previous}
    now = {r["source_path"]: r["article_id"] for r in current}
    return {
        "new": sum(p not in before for p in now),
        "changed": sum(p in before and before[p] != a for p, a in now.items()),
        "unchanged": sum(p in before and before[p] == a for p, a in now.items()),
        "removed": sum(p not in now for p in before),
    }


def unwalked(runner: TaskRunner, files: list) -> list | quote:
    """A task's list of files, for Prefect to pass on without walking each of its items in search
    of futures, twice per task as it starts (1.8 s of the flow's CPU at 20,000 articles).

    On Dask the walk happens on the worker, and prefect-dask 0.3.7 would hand the task the
    wrapper itself (Dask rebuilds it as a 1-tuple), so the list goes as it is there.
    """
    return quote(files) if isinstance(runner, ThreadPoolTaskRunner) else files


def run_ingest(runner: TaskRunner, input_url: str, output_url: str, settings: Settings, full: bool) -> dict:
    """Hash the input files, then read, decode and extract the new and changed ones, by bucket."""
    store, inputs = Store(output_url), Store(input_url)
    files = list(inputs.list_files())
    futures = [
        runner.submit(
            scan_task,
            {
                "input_url": input_url,
                "paths": unwalked(runner, files[i : i + SCAN_BATCH]),
                "first": i,
                "settings": settings,
            },
        )
        for i in range(0, len(files), SCAN_BATCH)
    ]
    manifest = [row for f in futures for row in f.result()]
    stages.mark_duplicates(manifest)
    previous = store.read_table(MANIFEST)
    counts = changes(previous.to_pylist() if previous is not None else [], manifest)
    articles = sum(row["reason"] is None for row in manifest)
    n_buckets = stages.resize_buckets(store, articles, settings)
    by_bucket = stages.bucket_items(manifest, n_buckets)
    table = publisher.manifest_table(manifest)
    if not full and ingest_is_current(store, previous, table, by_bucket):
        results = [{"articles": articles, "computed": 0, "changed": False}]
        if PROGRESS is not None:
            PROGRESS("ingest", n_buckets, n_buckets, articles)
    else:
        futures = [
            runner.submit(
                ingest_task,
                {
                    "input_url": input_url,
                    "output_url": output_url,
                    "bucket": b,
                    "items": unwalked(runner, by_bucket.get(b, [])),
                    "settings": settings,
                    "force": full,
                },
            )
            for b in range(n_buckets)
        ]
        results = gather(["ingest"], futures)
    state = mark_stage(store, "ingest", results, full)
    store.write_table(MANIFEST, table)
    get_run_logger().info("ingest: %d files (%s)", len(manifest), counts)
    return state | counts | {"files": len(manifest)}


def ingest_is_current(store: Store, previous: pa.Table | None, manifest: pa.Table, by_bucket: dict) -> bool:
    """True when the inputs are the files the last ingest read (same paths, same bytes), with the
    same ingest code, and the buckets that hold them are in place: the bucket tasks would find
    nothing to do (a 20,000-article rerun spent 1.1 s on learning that)."""
    state = store.read_json(f"{STATE}/ingest.json") or {}
    return (
        previous is not None
        and previous.equals(manifest)
        and state.get("version") == stage_version("ingest")
        and all(store.exists(stages.bucket_path("ingest", b)) for b in by_bucket)
    )


def run_transforms(runner: TaskRunner, chain: list[str], output_url: str, settings: Settings, force: bool) -> dict:
    """Transform stages, in order: one task per bucket runs them all on it, then their corpus steps
    run side by side. Returns each stage's state and its share of the wall time (split by the
    worker time each stage took, since a bucket's stages run back to back in one task)."""
    store = Store(output_url)
    for stage in chain:
        require(store, stage, done=chain)
    start = time.perf_counter()
    futures = [
        runner.submit(
            transform_task,
            {"chain": chain, "output_url": output_url, "bucket": b, "settings": settings, "force": force},
        )
        for b in range(bucket_count(store))
    ]
    results = gather(chain, futures, chained=True)
    busy = {stage: sum(r[stage]["seconds"] for r in results) for stage in chain}
    seconds = share(time.perf_counter() - start, busy)
    start = time.perf_counter()
    fresh_workers(settings.workers)
    steps = {s: runner.submit(step, {"output_url": output_url}) for s, step in CORPUS_STEPS.items() if s in chain}
    busy = {stage: step.result() for stage, step in steps.items()}
    for stage, took in share(time.perf_counter() - start, busy).items():
        seconds[stage] += took
    states = {}
    for stage in chain:  # in order: each stage records the token its upstream stage just recorded
        state = mark_stage(store, stage, [r[stage] for r in results], force)
        get_run_logger().info("%s: %d articles, %d computed", stage, state["articles"], state["computed"])
        states[stage] = state | {"seconds": seconds[stage]}
    return states


def share(wall: float, busy: dict[str, float]) -> dict[str, float]:
    """``wall`` seconds split between the keys of ``busy`` in proportion to their busy seconds."""
    total = sum(busy.values())
    return {k: wall * v / total if total else wall / len(busy) for k, v in busy.items()}


def run_publish(runner: TaskRunner, output_url: str) -> dict:
    """Write the tables whose stages changed: the bucket tasks write their parts, then one commit."""
    store = Store(output_url)
    require(store, "publish")
    plan = plan_task(output_url)
    if not plan["todo"]:
        return publisher.last_summary(output_url) | {"rewritten": []}
    generation = Publication(store).generation
    futures = [
        runner.submit(
            publish_bucket_task, {"output_url": output_url, "bucket": b, "generation": generation, "todo": plan["todo"]}
        )
        for b in range(bucket_count(store))
    ]
    results = gather(["publish"], futures)
    summary = publisher.write_tables(output_url, plan["todo"], plan["signatures"], generation, results)
    return summary | {"rewritten": plan["todo"]}


@flow(name="newscurate", log_prints=True)
def pipeline(
    input_url: str = "seeds",
    output_url: str = "output",
    full: bool = False,
    only: list[str] | None = None,
    settings: Settings | None = None,
) -> dict:
    """Run the stages in order (or only those in ``only``, forced), then publish."""
    settings = settings or Settings()
    ran, timings, report, pids = [], {}, {}, set()
    with (
        output_lock(Store(output_url), wait=settings.wait_for_lock),
        local_workers(settings.workers, settings.dask_address),
        make_runner(settings.workers, settings.dask_address) as runner,
    ):
        Store(output_url).remove_temporaries()  # left by a killed run; we hold the lock
        forced = full or bool(only)
        if not only or "ingest" in only:
            start = time.perf_counter()
            result = run_ingest(runner, input_url, output_url, settings, forced)
            report |= {k: v for k, v in result.items() if k in ("new", "changed", "unchanged", "removed")}
            pids.update(result["pids"])
            timings["ingest"] = round(time.perf_counter() - start, 3)
            ran.append("ingest")
        # a transform stage runs when asked for, stale, or after one that runs (it then finds
        # its rows current unless they changed, which costs one column read per bucket)
        chain: list[str] = []
        for stage in TRANSFORMS:
            if (not only or stage in only) and (forced or chain or not up_to_date(Store(output_url), stage)):
                chain.append(stage)
        if chain:
            for stage, state in run_transforms(runner, chain, output_url, settings, forced).items():
                pids.update(state["pids"])
                timings[stage] = round(state["seconds"], 3)
                ran.append(stage)
        if forced or publisher.plan(output_url)["todo"]:
            start = time.perf_counter()
            report |= run_publish(runner, output_url)
            timings["publish"] = round(time.perf_counter() - start, 3)
            ran.append("publish")
        else:
            report |= publisher.last_summary(output_url) | {"rewritten": []}
    report |= {"stages": ran, "seconds": timings, "worker_pids": sorted(pids)}
    publish_artifacts(report, Store(output_url))
    get_run_logger().info(run_markdown(report))
    return report
