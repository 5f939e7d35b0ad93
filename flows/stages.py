"""Per-bucket work of each stage: read a bucket of the stage's inputs, run the transforms
on the articles whose results are missing or stale, write the bucket back.

A stage's results for an article are reused while its article_id (a hash of the
input's bytes) and the stage's version (a hash of the stage's transform code and of
its upstream stages' versions) are unchanged; file modification times play no part.
"""

from __future__ import annotations

import gc
import hashlib
import inspect
import os
import time
from collections.abc import Callable
from types import ModuleType

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from flows.settings import Settings
from flows.storage import (
    CLUSTERS_STATE,
    LAYOUT,
    REPEATED_STATE,
    STATE,
    Store,
    bucket_count,
    bucket_expr,
    bucket_of,
    content_id,
)
from flows.workers import LIBC
from transforms import (
    chrome_vocab,
    clean,
    corpus,
    decode,
    dedupe,
    first_names,
    html,
    metadata,
    paragraphs,
    people,
    quotes,
    speech_vocab,
)
from transforms.records import ArticleMeta, Mention

STAGES = ("ingest", "clean", "paragraphs", "people", "quotes", "publish")
STAGE_DOCS = {
    "ingest": "read input files: gunzip, charset detection, mojibake repair, HTML extraction; rejects",
    "clean": "drop page chrome line by line with a reason; lift title, byline, date, site, section",
    "paragraphs": "join soft-wrapped lines, split glued paragraphs, mark headings, count sentences",
    "people": "find person mentions, fold name variants, resolve surnames and titles; people table",
    "quotes": "direct and partial quotes, speakers, cue verbs, clusters of the same quote",
    "publish": "write the tables and the dataset card atomically",
}
CODE: dict[str, tuple[ModuleType, ...]] = {
    "ingest": (decode, html),
    "clean": (clean, chrome_vocab, metadata, first_names),
    "paragraphs": (paragraphs, dedupe),
    "people": (people, speech_vocab, first_names, corpus),  # corpus: the stage's corpus step (people table)
    "quotes": (quotes, speech_vocab, corpus),  # and quote clusters
    "publish": (),
}


# Bumped when the layout of the files under _state changes, so that old state is recomputed.
STATE_LAYOUT = "2: corpus results split by bucket"


def stage_version(stage: str) -> str:
    """Hash of the stage's transform sources and of its upstream stages' versions."""
    h = hashlib.sha256(f"{STATE_LAYOUT}:{stage}".encode())
    for module in CODE[stage]:
        h.update(inspect.getsource(module).encode())
    h.update(str(SCHEMAS.get(stage)).encode())  # a new state layout recomputes too
    for up in UPSTREAM[stage]:
        h.update(stage_version(up).encode())
    return h.hexdigest()[:12]


META = [
    ("title", pa.string()),
    ("site_name", pa.string()),
    ("section", pa.string()),
    ("authors", pa.list_(pa.string())),
    ("published", pa.date32()),
]
# The transform stages, each with the columns of the upstream stages it reads (besides article_id).
INPUTS = {
    "clean": {"ingest": ["text", *(name for name, _ in META)]},
    "paragraphs": {"clean": ["text"]},
    "people": {"paragraphs": ["paragraphs"]},
    "quotes": {"paragraphs": ["paragraphs"], "people": ["mentions"]},
}
TRANSFORMS = tuple(INPUTS)
UPSTREAM = {"ingest": (), **{stage: tuple(inputs) for stage, inputs in INPUTS.items()}, "publish": ("quotes",)}

REMOVED = pa.struct([("line_number", pa.int32()), ("text", pa.string()), ("reason", pa.string())])
PARAGRAPH = pa.struct([("text", pa.string()), ("kind", pa.string()), ("n_sentences", pa.int32())])
MENTION = pa.struct(
    [
        ("paragraph_index", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("surface", pa.string()),
        ("name", pa.string()),
    ]
)
QUOTE = pa.struct(
    [
        ("paragraph_index", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("kind", pa.string()),
        ("speaker_text", pa.string()),
        ("speaker", pa.string()),
        ("cue", pa.string()),
    ]
)
BASE = [("article_id", pa.string()), ("version", pa.string()), ("status", pa.string()), ("detail", pa.string())]
SCHEMAS = {
    "ingest": pa.schema(
        BASE
        + [
            ("source_path", pa.string()),
            ("format", pa.string()),
            ("encoding", pa.string()),
            ("repairs", pa.list_(pa.string())),
            ("text", pa.string()),
        ]
        + META
    ),
    "clean": pa.schema(
        BASE
        + [("text", pa.string())]
        + META
        + [("dateline", pa.string()), ("language", pa.string()), ("removed", pa.list_(REMOVED))]
    ),
    "paragraphs": pa.schema(BASE + [("paragraphs", pa.list_(PARAGRAPH)), ("fingerprints", pa.list_(pa.int64()))]),
    "people": pa.schema(BASE + [("mentions", pa.list_(MENTION))]),
    "quotes": pa.schema(BASE + [("quotes", pa.list_(QUOTE))]),
}


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


def fields(record: object) -> dict:
    """A record's fields as a dict. ``dataclasses.asdict`` deep-copies every value and cost a quarter
    of the clean stage's time; the records hold strings and numbers, so a shallow copy does."""
    return dict(vars(record))


def meta_of(row: dict) -> ArticleMeta:
    return ArticleMeta(
        title=row["title"],
        site_name=row["site_name"],
        section=row["section"],
        authors=row["authors"] or [],
        published=row["published"],
    )


# -- one article through one stage: upstream rows in, this stage's row out -----------------


def ingest_one(source_path: str, data: bytes, settings: Settings) -> dict:
    got = decode.decode_input(source_path, data, max_bytes=settings.max_file_bytes)
    row = {"source_path": source_path, "status": "ok", "detail": None, "authors": []}
    if isinstance(got, decode.Rejected):
        return row | {"status": got.reason, "detail": got.detail}
    text = decode.wrap_long_lines(got.text, settings.max_line_chars)
    repairs = got.repairs + (["long_lines"] if text is not got.text else [])
    row |= {"format": got.format, "encoding": got.encoding, "repairs": repairs, "text": text}
    if got.format == "html":
        extracted = html.html_to_text(got.text)
        if extracted is None:
            return row | {"status": "no_content", "detail": "no article text in the HTML", "text": None}
        row["text"], hints = extracted
        row |= {k: v for k, v in fields(hints).items() if k in dict(META)}
    return row


def clean_one(up: dict, settings: Settings) -> dict:
    hints = meta_of(up) if any(up.get(k) for k, _ in META) else None
    result = clean.clean_document(up["text"], hints=hints)
    row = fields(result.meta) | {
        "text": result.text,
        "status": "ok",
        "detail": None,
        "removed": [fields(r) for r in result.removed],
    }
    if not result.text.strip():
        row |= {"status": "no_content", "detail": f"all {len(result.removed)} lines are page chrome"}
    return row


def paragraphs_one(up: dict, settings: Settings) -> dict:
    paras = paragraphs.split_paragraphs(up["text"], max_paragraphs=settings.max_paragraphs)
    return {
        "status": "ok",
        "detail": None,
        "paragraphs": [
            {"text": p.text, "kind": p.kind, "n_sentences": paragraphs.count_sentences(p.text)} for p in paras
        ],
        "fingerprints": [dedupe.fingerprint(p.text) for p in paras],
    }


def people_one(up: dict, settings: Settings) -> dict:
    texts = [p["text"] for p in up["paragraphs"]]
    return {"status": "ok", "detail": None, "mentions": [fields(m) for m in people.find_mentions(texts)]}


def quotes_one(up: dict, settings: Settings) -> dict:
    texts = [p["text"] for p in up["paragraphs"]]
    found = quotes.extract_quotes(texts, [Mention(**m) for m in up["mentions"]])
    return {"status": "ok", "detail": None, "quotes": [fields(q) for q in found]}


# -- a bucket through a stage ------------------------------------------------------------


# Articles computed at a time: a chunk's Python objects become compact Arrow data before
# the next chunk starts, so a worker holds one chunk of them however large its bucket.
CHUNK = 500


def update_bucket(
    store: Store,
    stage: str,
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
    version = stage_version(stage)
    current = read_index(store, stage, bucket, "version")
    wanted_set = set(wanted)
    keep = [aid for aid, v in current.items() if aid in wanted_set and v == version and not force]
    kept = set(keep)
    todo = [aid for aid in wanted if aid not in kept]
    changed = bool(todo) or len(keep) != len(current)
    if changed:
        parts = [SCHEMAS[stage].empty_table()]
        for start in range(0, len(todo), CHUNK):
            ids = todo[start : start + CHUNK]
            upstream = load(ids)
            new = [compute(aid, upstream[aid]) | {"article_id": aid, "version": version} for aid in ids]
            parts.append(pa.Table.from_pylist(new, schema=SCHEMAS[stage]))
        if keep:
            old = store.read_table(bucket_path(stage, bucket))
            parts.append(old.filter(pc.is_in(old["article_id"], pa.array(keep, pa.string()))))
        store.write_table(bucket_path(stage, bucket), pa.concat_tables(parts).sort_by("article_id"))
    return {"bucket": bucket, "articles": len(wanted), "computed": len(todo), "changed": changed, "pid": os.getpid()}


def ingest_bucket(
    input_url: str, output_url: str, bucket: int, items: list[tuple[str, str]], settings: Settings, force: bool
) -> dict:
    """``items``: (article_id, source_path) of the inputs whose bytes hash to this bucket."""
    inputs, path_of = Store(input_url), dict(items)

    def compute(aid: str, item: dict) -> dict:
        return ingest_one(item["source_path"], inputs.read_bytes(item["source_path"]), settings)

    def load(ids: list[str]) -> dict[str, dict]:
        return {aid: {"source_path": path_of[aid]} for aid in ids}

    return update_bucket(Store(output_url), "ingest", bucket, list(path_of), load, compute, force=force)


def transform_bucket(stage: str, output_url: str, bucket: int, settings: Settings, force: bool) -> dict:
    """Run clean, paragraphs, people or quotes over one bucket of its upstream stage."""
    store, upstream = Store(output_url), UPSTREAM[stage][0]
    wanted = [aid for aid, status in read_index(store, upstream, bucket, "status").items() if status == "ok"]
    tables: dict[str, pa.Table | None] = {}

    def bucket_rows(source: str, ids: list[str]) -> dict[str, dict]:
        if source not in tables:  # read once, when there is something to compute
            columns = ["article_id", *INPUTS[stage][source]]
            tables[source] = store.read_table(bucket_path(source, bucket), columns=columns)
        return rows_by_id(tables[source], ids)

    def load(ids: list[str]) -> dict[str, dict]:
        rows = bucket_rows(upstream, ids)
        if stage == "quotes":  # quotes also read the people stage's mentions
            mentions = bucket_rows("people", ids)
            rows = {
                aid: row | {"mentions": mentions[aid]["mentions"] if aid in mentions else []}
                for aid, row in rows.items()
            }
        return rows

    one = {"clean": clean_one, "paragraphs": paragraphs_one, "people": people_one, "quotes": quotes_one}[stage]
    return update_bucket(store, stage, bucket, wanted, load, lambda aid, up: one(up, settings), force=force)


def transform_chain(chain: list[str], output_url: str, bucket: int, settings: Settings, force: bool) -> dict:
    """Run the transform stages of ``chain``, in order, over one bucket: stage -> its result,
    with the seconds it took. A bucket goes from clean to quotes in one task, without waiting
    for the other buckets between stages."""
    results = {}
    for stage in chain:
        start = time.perf_counter()
        results[stage] = transform_bucket(stage, output_url, bucket, settings, force)
        results[stage]["seconds"] = time.perf_counter() - start
    return results


def timed(fn: Callable, *args) -> float:
    """The seconds ``fn(*args)`` took."""
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def in_worker(fn: Callable, *args):
    """Run one task's work in a worker process, then give the memory it freed back to the system.

    Allocators keep freed memory for reuse, so without this a worker's footprint
    creeps up to the sum of its tasks' peaks (measured on two 6,000-article buckets
    of the clean stage: 381 MiB afterwards, against 632 without this).
    """
    try:
        return fn(*args)
    finally:
        gc.collect()
        pa.default_memory_pool().release_unused()
        if LIBC is not None:
            LIBC.malloc_trim(0)


def scan_files(input_url: str, paths: list[tuple[str, int]], settings: Settings) -> list[dict]:
    """Hash a batch of input files: (source_path, size) -> manifest rows."""
    store, rows = Store(input_url), []
    for path, size in paths:
        row = {"source_path": path, "size": size, "article_id": None, "reason": None, "detail": None}
        if store.outside_root(path):
            row |= {"reason": "outside_root", "detail": "a link to a file outside the input folder: not followed"}
        elif size > settings.max_file_bytes:
            row |= {"reason": "too_large", "detail": f"{size} bytes, limit {settings.max_file_bytes}"}
        else:
            try:
                row["article_id"] = content_id(store.read_bytes(path))
            except OSError as exc:
                row |= {"reason": "unreadable", "detail": f"{type(exc).__name__}: {exc}"}
        rows.append(row)
    return rows


def mark_duplicates(manifest: list[dict]) -> None:
    """Inputs with the same bytes as an earlier path (sorted order) become rejects."""
    first: dict[str, str] = {}
    for row in manifest:
        aid = row["article_id"]
        if aid is None or row["reason"]:
            continue
        if aid in first:
            row |= {"reason": "duplicate", "detail": f"same bytes as {first[aid]}"}
        else:
            first[aid] = row["source_path"]


def bucket_items(manifest: list[dict], n_buckets: int) -> dict[int, list[tuple[str, str]]]:
    """Group the manifest's readable, first-seen inputs by bucket."""
    out: dict[int, list[tuple[str, str]]] = {}
    for row in manifest:
        if row["reason"] is None:
            out.setdefault(bucket_of(row["article_id"], n_buckets), []).append((row["article_id"], row["source_path"]))
    return out


# The folders of per-bucket results under _state.
BUCKET_FOLDERS = (*(f"{STATE}/{s}" for s in STAGES if s != "publish"), CLUSTERS_STATE, REPEATED_STATE)


def resize_buckets(store: Store, articles: int, settings: Settings) -> int:
    """The bucket count for a corpus of ``articles``: the current one, doubled while
    buckets would hold more than ``settings.bucket_articles`` (it never shrinks)."""
    n = bucket_count(store)
    while articles > n * settings.bucket_articles:
        split_buckets(store, n)
        n *= 2
        store.write_json(LAYOUT, {"buckets": n})
    return n


def split_buckets(store: Store, n: int) -> None:
    """Move the rows of every bucket b whose article falls in bucket b + n of 2n buckets.

    Results are moved, not recomputed. The upper half is written before the lower
    half replaces bucket b, and the layout changes last: a run killed half-way only
    leaves rows missing from their bucket, which the next run computes again.
    """
    for folder in BUCKET_FOLDERS:
        for b in range(n):
            table = store.read_table(f"{folder}/{b:02d}.parquet")
            if table is None:
                continue
            ids = pl.from_arrow(table.select(["article_id"]))
            upper = ids.select(bucket_expr("article_id", 2 * n) == b + n).to_series().to_arrow()
            store.write_table(f"{folder}/{b + n:02d}.parquet", table.filter(upper))
            store.write_table(f"{folder}/{b:02d}.parquet", table.filter(pc.invert(upper)))
