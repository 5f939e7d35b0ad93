"""The work of the pipeline's tasks, as plain functions of picklable arguments (no Prefect): what a
worker process runs for a batch of inputs, a bucket of articles, or a corpus step.

``benchmarks/bench.py`` runs the same functions on a plain process pool to measure Prefect's cost.
"""

from __future__ import annotations

import time

import pyarrow as pa

from flows import buckets
from flows.graph import BUCKET_FOLDERS, STAGE, stage_version
from flows.settings import Settings
from flows.stages import ingest
from flows.storage import Store


def scan_files(input_url: str, paths: list[tuple[str, int]], settings: Settings) -> list[dict]:
    """Hash a batch of input files: (source_path, size) -> manifest rows."""
    return ingest.scan_files(input_url, paths, settings.ingest)


def resize_buckets(store: Store, articles: int, settings: Settings) -> int:
    """The bucket count for a corpus of ``articles`` (buckets double as the corpus grows)."""
    return buckets.resize_buckets(store, BUCKET_FOLDERS, articles, settings.bucket_articles)


def ingest_bucket(
    input_url: str, output_url: str, bucket: int, items: list[tuple[str, str]], settings: Settings, force: bool
) -> dict:
    """Ingest one bucket. ``items``: (article_id, source_path) of the inputs whose bytes hash to it."""
    inputs, path_of = Store(input_url), dict(items)

    def compute(aid: str, item: dict) -> dict:
        return ingest.row(item["source_path"], inputs.read_bytes(item["source_path"]), settings.ingest)

    def load(ids: list[str]) -> dict[str, dict]:
        return {aid: {"source_path": path_of[aid]} for aid in ids}

    version = stage_version("ingest", settings)
    store = Store(output_url)
    return buckets.update_bucket(
        store, "ingest", ingest.RESULTS, version, bucket, list(path_of), load, compute, force=force
    )


def transform_bucket(name: str, output_url: str, bucket: int, settings: Settings, force: bool) -> dict:
    """Run a transform stage over one bucket of the stages it reads.

    The articles are those its first upstream stage left with status "ok"; each article's
    upstream rows are merged into one, from which the stage computes its row.
    """
    stage = STAGE[name]
    store, (primary, *others) = Store(output_url), list(stage.reads)
    wanted = [aid for aid, status in buckets.read_index(store, primary, bucket, "status").items() if status == "ok"]
    tables: dict[str, pa.Table | None] = {}

    def bucket_rows(source: str, ids: list[str]) -> dict[str, dict]:
        if source not in tables:  # read once, when there is something to compute
            columns = ["article_id", *stage.reads[source]]
            tables[source] = store.read_table(buckets.bucket_path(source, bucket), columns=columns)
        return buckets.rows_by_id(tables[source], ids)

    def load(ids: list[str]) -> dict[str, dict]:
        rows = bucket_rows(primary, ids)
        for source in others:
            extra = bucket_rows(source, ids)
            columns = stage.reads[source]
            rows = {aid: row | {c: extra.get(aid, {}).get(c) for c in columns} for aid, row in rows.items()}
        return rows

    options = stage.options(settings)
    return buckets.update_bucket(
        store,
        name,
        stage.results,
        stage_version(name, settings),
        bucket,
        wanted,
        load,
        lambda aid, up: stage.row(up, options),
        force=force,
    )


def transform_chain(chain: list[str], output_url: str, bucket: int, settings: Settings, force: bool) -> dict:
    """Run the transform stages of ``chain``, in order, over one bucket: stage -> its result,
    with the seconds it took. A bucket goes from clean to quotes in one task, without waiting
    for the other buckets between stages."""
    results = {}
    for name in chain:
        start = time.perf_counter()
        results[name] = transform_bucket(name, output_url, bucket, settings, force)
        results[name]["seconds"] = time.perf_counter() - start
    return results


def corpus_step(name: str, output_url: str, settings: Settings) -> float:
    """Run a stage's corpus step over the whole corpus; returns the seconds it took."""
    start = time.perf_counter()
    stage = STAGE[name]
    stage.corpus(output_url, stage.options(settings))
    return time.perf_counter() - start
