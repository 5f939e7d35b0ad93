"""What a run would have to do: the inputs' changes since the last scan, and each stage's staleness.

Importable without Prefect, so that `newscurate run` can learn that it has nothing to do while its
temporary Prefect server is still starting, and stop there: an unchanged rerun of 10,000 articles
took 7-8 s, of which about 5.5 s was the server's start (flows.cli), for a run that only hashed
its inputs and found them as the last run left them.
"""

from __future__ import annotations

import pyarrow as pa

from flows import publish, report_page
from flows.buckets import bucket_path
from flows.graph import STAGE, TRANSFORMS, stage_version
from flows.settings import Settings
from flows.stages import ingest
from flows.storage import MANIFEST, STATE, LockedError, Store, bucket_count, output_lock

# Files hashed between two comparisons with the last scan: a changed file ends the check early.
CHECK_BATCH = 256


def changes(previous: list[dict], current: list[dict]) -> dict[str, int]:
    before = {r["source_path"]: r["article_id"] for r in previous}
    now = {r["source_path"]: r["article_id"] for r in current}
    return {
        "new": sum(p not in before for p in now),
        "changed": sum(p in before and before[p] != a for p, a in now.items()),
        "unchanged": sum(p in before and before[p] == a for p, a in now.items()),
        "removed": sum(p not in now for p in before),
    }


def upstream_tokens(store: Store, stage: str) -> dict[str, str]:
    return {up: (store.read_json(f"{STATE}/{up}.json") or {}).get("token", "") for up in STAGE[stage].reads}


def up_to_date(store: Store, stage: str, settings: Settings) -> bool:
    """A transform stage whose code, options and inputs are the same as when it last ran has nothing to do."""
    state = store.read_json(f"{STATE}/{stage}.json")
    return (
        bool(state)
        and state["version"] == stage_version(stage, settings)
        and state.get("inputs") == upstream_tokens(store, stage)
    )


def ingest_is_current(store: Store, settings: Settings, by_bucket: dict) -> bool:
    """For inputs that are the files the last ingest read (same paths, same bytes): True when the
    ingest code and options are the same too, and the buckets that hold them are in place, so the
    bucket tasks would find nothing to do (a 20,000-article rerun spent 1.1 s on learning that)."""
    state = store.read_json(f"{STATE}/ingest.json") or {}
    return state.get("version") == stage_version("ingest", settings) and all(
        store.exists(bucket_path("ingest", b)) for b in by_bucket
    )


def unchanged_inputs(
    inputs: Store, files: list[tuple[str, int]], previous: pa.Table, settings: Settings
) -> list[dict] | None:
    """The manifest of ``files`` when it is the last scan's (``previous``), else None. Sizes are
    compared before any file is read, then hashes batch by batch, so a change ends the check early."""
    listed = list(zip(previous["source_path"].to_pylist(), previous["size"].to_pylist(), strict=True))
    if files != listed:
        return None
    known, manifest = previous["article_id"].to_pylist(), []
    for i in range(0, len(files), CHECK_BATCH):
        rows = ingest.scan_files(inputs.url, files[i : i + CHECK_BATCH], settings.ingest)
        if [r["article_id"] for r in rows] != known[i : i + CHECK_BATCH]:
            return None
        manifest += rows
    ingest.mark_duplicates(manifest)
    return manifest if ingest.manifest_table(manifest).equals(previous) else None


def nothing_to_do(input_url: str, output_url: str, settings: Settings) -> dict | None:
    """The report of a run (not forced, every stage) that would find nothing to do: its inputs are the
    last run's, no stage is stale, the tables and the report are current. None when there is something
    to do, or when another run holds the output (the run itself then waits or says so)."""
    store, inputs = Store(output_url), Store(input_url)
    try:
        with output_lock(store, wait=False):
            previous = store.read_table(MANIFEST)
            if previous is None or not store.exists(publish.PUBLISHED):
                return None
            files = list(inputs.list_files(skip=store.place_in(inputs)))
            manifest = unchanged_inputs(inputs, files, previous, settings)
            if manifest is None:
                return None
            articles, n_buckets = sum(r["reason"] is None for r in manifest), bucket_count(store)
            by_bucket = ingest.bucket_items(manifest, n_buckets)
            if (
                articles > n_buckets * settings.bucket_articles  # the run would split the buckets
                or not ingest_is_current(store, settings, by_bucket)
                or not all(up_to_date(store, stage, settings) for stage in TRANSFORMS)
                or publish.plan(output_url)["todo"]
                or not report_page.is_current(store, report_page.freshness(store))
            ):
                return None
            summary = publish.last_summary(output_url)
    except LockedError:
        return None
    return (
        changes(manifest, manifest)
        | summary
        | {"rewritten": [], "stages": [], "seconds": {}, "worker_pids": [], "report": report_page.index(store)}
    )
