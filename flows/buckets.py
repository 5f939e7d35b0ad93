"""A stage's per-article results, kept by bucket under ``_state/<stage>/NN.parquet``.

A stage's result for an article is reused while its article_id (a hash of the input's
bytes) and the stage's version (``flows.graph.stage_version``) are unchanged; file
modification times play no part. Every results file starts with the columns of ``BASE``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from flows.storage import LAYOUT, STATE, Store, bucket_count, bucket_expr

# The columns every stage's results start with: the article, the stage version that computed
# its row, and whether the article made it through the stage (status "ok") or why not.
BASE = [("article_id", pa.string()), ("version", pa.string()), ("status", pa.string()), ("detail", pa.string())]

# Articles computed at a time: a chunk's Python objects become compact Arrow data before
# the next chunk starts, so a worker holds one chunk of them however large its bucket.
CHUNK = 500


def results_schema(*columns: tuple[str, pa.DataType]) -> pa.Schema:
    """The schema of a stage's results: ``BASE``, then the stage's own columns."""
    return pa.schema(BASE + list(columns))


def bucket_path(stage: str, bucket: int) -> str:
    return f"{STATE}/{stage}/{bucket:02d}.parquet"


def rows_by_id(table: pa.Table | None, ids: list[str]) -> dict[str, dict]:
    """The rows of ``ids`` in a stage's bucket table, by article_id (none when never written)."""
    if table is None:
        return {}
    table = table.filter(pc.is_in(table["article_id"], pa.array(ids, pa.string())))
    return {row["article_id"]: row for row in table.to_pylist()}


def read_index(store: Store, stage: str, bucket: int, column: str) -> dict[str, str]:
    """article_id -> one small column (version, status) of a stage's bucket: no text is read."""
    table = store.read_table(bucket_path(stage, bucket), columns=["article_id", column])
    return dict(zip(table["article_id"].to_pylist(), table[column].to_pylist(), strict=True)) if table else {}


def bucket_frame(store: Store, stage: str, schema: pa.Schema, bucket: int, columns: list[str]) -> pl.DataFrame:
    """Some columns of a stage's bucket (empty, with the types of ``schema``, when never written)."""
    table = store.read_table(bucket_path(stage, bucket), columns=columns)
    return pl.from_arrow(table if table is not None else schema.empty_table().select(columns))


def corpus_items(store: Store, stage: str, schema: pa.Schema, column: str, fields: list[str]) -> Iterator[pl.DataFrame]:
    """Some fields of a stage's list column, one row per item with its article_id, a bucket at a time.

    Only those fields are read: at 100,000 articles, the quotes' texts and offsets are half the
    quotes column's bytes.
    """
    # (Parquet's path of a field of a list's structs; a path that names no field is not read, and no
    # error says so: hence the check below)
    paths = [f"{column}.list.element.{f}" for f in fields]
    for b in range(bucket_count(store)):
        table = store.read_table(bucket_path(stage, b), columns=["article_id", *paths])
        if table is None:
            table = schema.empty_table().select(["article_id", column])
        elif set(table.schema.field(column).type.value_type.names) != set(fields):
            raise ValueError(f"{bucket_path(stage, b)}: no {', '.join(paths)} to read")
        yield (
            pl.from_arrow(table)
            .explode(column)
            .drop_nulls(column)
            .select("article_id", *(pl.col(column).struct.field(f) for f in fields))
        )


def compact(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with its own copy of its strings: a frame kept after its bucket is read.

    polars reads a string column as views into the column's whole buffer, and keeps the buffer
    while a view is left: the quotes' distinct texts of 64 buckets (100,000 articles, 66 MiB)
    kept 83 MiB of their buckets' texts alive as well.
    """
    return frame.with_columns(pl.col(pl.String) + pl.lit(""))


def update_bucket(
    store: Store,
    stage: str,
    schema: pa.Schema,
    version: str,
    bucket: int,
    wanted: list[str],
    load: Callable[[list[str]], dict[str, dict]],
    compute: Callable[[str, dict], dict],
    *,
    force: bool,
) -> dict:
    """Bring a stage's bucket in line with the ``wanted`` articles.

    Rows whose article is gone are dropped; rows missing, stale (other version) or
    all rows when ``force`` are computed from their upstream rows (``load``), a
    ``CHUNK`` of articles at a time, each chunk turned into Arrow at once. When
    nothing is to be done only the bucket's article ids and versions are read; kept
    rows are carried over as Arrow data, never turned back into Python objects.
    """
    current = read_index(store, stage, bucket, "version")
    wanted_set = set(wanted)
    keep = [aid for aid, v in current.items() if aid in wanted_set and v == version and not force]
    kept = set(keep)
    todo = [aid for aid in wanted if aid not in kept]
    changed = bool(todo) or len(keep) != len(current)
    if changed:
        parts = [schema.empty_table()]
        for start in range(0, len(todo), CHUNK):
            ids = todo[start : start + CHUNK]
            upstream = load(ids)
            new = [compute(aid, upstream[aid]) | {"article_id": aid, "version": version} for aid in ids]
            parts.append(pa.Table.from_pylist(new, schema=schema))
        if keep:
            old = store.read_table(bucket_path(stage, bucket))
            parts.append(old.filter(pc.is_in(old["article_id"], pa.array(keep, pa.string()))))
        store.write_table(bucket_path(stage, bucket), pa.concat_tables(parts).sort_by("article_id"))
    return {"bucket": bucket, "articles": len(wanted), "computed": len(todo), "changed": changed, "pid": os.getpid()}


def resize_buckets(store: Store, folders: Iterable[str], articles: int, most: int) -> int:
    """The bucket count for a corpus of ``articles``: the current one, doubled while buckets
    would hold more than ``most`` articles (it never shrinks). ``folders``: every folder of
    per-bucket results under _state."""
    n = bucket_count(store)
    while articles > n * most:
        split_buckets(store, folders, n)
        n *= 2
        store.write_json(LAYOUT, {"buckets": n})
    return n


def split_buckets(store: Store, folders: Iterable[str], n: int) -> None:
    """Move the rows of every bucket b whose article falls in bucket b + n of 2n buckets.

    Results are moved, not recomputed. The upper half is written before the lower
    half replaces bucket b, and the layout changes last: a run killed half-way only
    leaves rows missing from their bucket, which the next run computes again.
    """
    for folder in folders:
        for b in range(n):
            table = store.read_table(f"{folder}/{b:02d}.parquet")
            if table is None:
                continue
            ids = pl.from_arrow(table.select(["article_id"]))
            upper = ids.select(bucket_expr("article_id", 2 * n) == b + n).to_series().to_arrow()
            store.write_table(f"{folder}/{b + n:02d}.parquet", table.filter(upper))
            store.write_table(f"{folder}/{b:02d}.parquet", table.filter(pc.invert(upper)))
