"""Per-bucket work of each stage: read a bucket of the stage's inputs, run the transforms
on the articles whose results are missing or stale, write the bucket back.

A stage's results for an article are reused while its article_id (a hash of the
input's bytes) and the stage's version (a hash of the stage's transform code and of
its upstream stages' versions) are unchanged; file modification times play no part.
"""

from __future__ import annotations

import hashlib
import inspect
import os
from collections.abc import Callable
from dataclasses import asdict
from types import ModuleType

import pyarrow as pa

from flows.settings import Settings
from flows.storage import STATE, Store, bucket_of, content_id
from transforms import chrome_vocab, clean, decode, dedupe, html, metadata, paragraphs, people, quotes, speech_vocab
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
UPSTREAM = {
    "ingest": (),
    "clean": ("ingest",),
    "paragraphs": ("clean",),
    "people": ("paragraphs",),
    "quotes": ("paragraphs", "people"),
    "publish": ("quotes",),
}
CODE: dict[str, tuple[ModuleType, ...]] = {
    "ingest": (decode, html),
    "clean": (clean, chrome_vocab, metadata),
    "paragraphs": (paragraphs, dedupe),
    "people": (people, speech_vocab),
    "quotes": (quotes, speech_vocab),
    "publish": (),
}


def stage_version(stage: str) -> str:
    """Hash of the stage's transform sources and of its upstream stages' versions."""
    h = hashlib.sha256(stage.encode())
    for module in CODE[stage]:
        h.update(inspect.getsource(module).encode())
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


def read_bucket(store: Store, stage: str, bucket: int) -> dict[str, dict]:
    """The stage's rows in a bucket, by article_id (empty when never written)."""
    table = store.read_table(bucket_path(stage, bucket))
    return {row["article_id"]: row for row in table.to_pylist()} if table is not None else {}


def ok_rows(rows: dict[str, dict]) -> dict[str, dict]:
    return {aid: row for aid, row in rows.items() if row["status"] == "ok"}


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
        row |= {k: v for k, v in asdict(hints).items() if k in dict(META)}
    return row


def clean_one(up: dict, settings: Settings) -> dict:
    hints = meta_of(up) if any(up.get(k) for k, _ in META) else None
    result = clean.clean_document(up["text"], hints=hints)
    row = asdict(result.meta) | {
        "text": result.text,
        "status": "ok",
        "detail": None,
        "removed": [asdict(r) for r in result.removed],
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
    return {"status": "ok", "detail": None, "mentions": [asdict(m) for m in people.find_mentions(texts)]}


def quotes_one(up: dict, settings: Settings, mentions: list[dict]) -> dict:
    texts = [p["text"] for p in up["paragraphs"]]
    found = quotes.extract_quotes(texts, [Mention(**m) for m in mentions])
    return {"status": "ok", "detail": None, "quotes": [asdict(q) for q in found]}


# -- a bucket through a stage ------------------------------------------------------------


def update_bucket(
    store: Store, stage: str, bucket: int, wanted: dict[str, dict], compute: Callable[[str, dict], dict], *, force: bool
) -> dict:
    """Bring a stage's bucket in line with ``wanted`` (article_id -> upstream row).

    Rows whose article is gone are dropped; rows missing, stale (other version) or
    all rows when ``force`` are computed. The bucket is rewritten only on change.
    """
    version = stage_version(stage)
    previous = read_bucket(store, stage, bucket)
    keep = {aid: row for aid, row in previous.items() if aid in wanted and row["version"] == version and not force}
    todo = [aid for aid in wanted if aid not in keep]
    for aid in todo:
        keep[aid] = compute(aid, wanted[aid]) | {"article_id": aid, "version": version}
    changed = bool(todo) or len(keep) != len(previous)
    if changed:
        rows = [keep[aid] for aid in sorted(keep)]
        store.write_table(bucket_path(stage, bucket), pa.Table.from_pylist(rows, schema=SCHEMAS[stage]))
    return {"bucket": bucket, "articles": len(keep), "computed": len(todo), "changed": changed, "pid": os.getpid()}


def ingest_bucket(
    input_url: str, output_url: str, bucket: int, items: list[tuple[str, str]], settings: Settings, force: bool
) -> dict:
    """``items``: (article_id, source_path) of the inputs whose bytes hash to this bucket."""
    inputs = Store(input_url)

    def compute(aid: str, item: dict) -> dict:
        return ingest_one(item["source_path"], inputs.read_bytes(item["source_path"]), settings)

    wanted = {aid: {"source_path": path} for aid, path in items}
    return update_bucket(Store(output_url), "ingest", bucket, wanted, compute, force=force)


def transform_bucket(stage: str, output_url: str, bucket: int, settings: Settings, force: bool) -> dict:
    """Run clean, paragraphs, people or quotes over one bucket of its upstream stage."""
    store = Store(output_url)
    wanted = ok_rows(read_bucket(store, UPSTREAM[stage][0], bucket))
    if stage == "quotes":
        mentions = read_bucket(store, "people", bucket)
        return update_bucket(
            store,
            stage,
            bucket,
            wanted,
            lambda aid, up: quotes_one(up, settings, mentions[aid]["mentions"] if aid in mentions else []),
            force=force,
        )
    one = {"clean": clean_one, "paragraphs": paragraphs_one, "people": people_one}[stage]
    return update_bucket(store, stage, bucket, wanted, lambda aid, up: one(up, settings), force=force)


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


def bucket_items(manifest: list[dict]) -> dict[int, list[tuple[str, str]]]:
    """Group the manifest's readable, first-seen inputs by bucket."""
    out: dict[int, list[tuple[str, str]]] = {}
    for row in manifest:
        if row["reason"] is None:
            out.setdefault(bucket_of(row["article_id"]), []).append((row["article_id"], row["source_path"]))
    return out
