"""Corpus-level steps and publishing: people, quote clusters, duplicates, the final tables.

The corpus-level steps read only the columns they need from every bucket and
persist small lookup tables under ``_state``. Publishing builds each bucket's
rows of the final tables columnar (polars), in parallel tasks, and the flow
writes them, bucket after bucket, into a new generation of the tables that
becomes visible all at once (``flows.storage.Publication``). A table is
rewritten only when a stage it is built from changed since it was last published.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections import Counter
from collections.abc import Iterable

import polars as pl
import pyarrow as pa

from flows.report import dataset_card
from flows.stages import SCHEMAS, bucket_path
from flows.storage import N_BUCKETS, STATE, Publication, Store
from transforms import corpus, dedupe, people, schemas
from transforms.records import ARTICLE_SEP

MANIFEST_SCHEMA = pa.schema(
    [
        ("source_path", pa.string()),
        ("size", pa.int64()),
        ("article_id", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
    ]
)
MANIFEST = f"{STATE}/manifest.parquet"
PEOPLE_STATE = f"{STATE}/people.parquet"
# Article-level names the corpus resolves further ("Putin" -> "Vladimir Putin").
NAMES_STATE = f"{STATE}/people_names.parquet"
NAMES_SCHEMA = pa.schema([("name", pa.string()), ("canonical", pa.string())])
CLUSTERS_STATE = f"{STATE}/quote_clusters.parquet"
REPEATED_STATE = f"{STATE}/repeated_paragraphs.parquet"
NEAR_DUPLICATES_STATE = f"{STATE}/near_duplicates.parquet"
PUBLISHED = f"{STATE}/published.json"
# Which stages each table is built from: a table is rewritten when one of them changed.
SOURCES = {
    "articles": ("manifest", "ingest", "clean", "paragraphs"),
    "paragraphs": ("paragraphs",),
    "quotes": ("paragraphs", "people", "quotes"),
    "people": ("people",),
    "boilerplate": ("clean",),
    "rejects": ("manifest", "ingest", "clean"),
}
BUCKET_TABLES = ("articles", "paragraphs", "quotes", "boilerplate", "rejects")
SEP = len(ARTICLE_SEP)


def manifest_table(manifest: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(manifest, schema=MANIFEST_SCHEMA)


def bucket_frame(store: Store, stage: str, bucket: int, columns: list[str]) -> pl.DataFrame:
    """Some columns of a stage's bucket (empty, with the right types, when never written)."""
    table = store.read_table(bucket_path(stage, bucket), columns=columns)
    return pl.from_arrow(table if table is not None else SCHEMAS[stage].empty_table().select(columns))


def state_frame(store: Store, rel: str, columns: list[str] | None = None) -> pl.DataFrame | None:
    table = store.read_table(rel, columns=columns)
    return pl.from_arrow(table) if table is not None else None


def corpus_items(store: Store, stage: str, column: str) -> pl.DataFrame:
    """A stage's list column over every bucket, one row per item, with its article_id."""
    frames = [bucket_frame(store, stage, b, ["article_id", column]) for b in range(N_BUCKETS)]
    return pl.concat(frames).explode(column).drop_nulls(column).unnest(column)


def build_people_table(output_url: str) -> int:
    """The corpus's people from every article's mentions, and the corpus-level name map."""
    store = Store(output_url)
    mentions = corpus_items(store, "people", "mentions").select("article_id", "surface", "name")
    table = corpus.build_people(mentions)
    store.write_table(PEOPLE_STATE, table.to_arrow().cast(schemas.PEOPLE))
    names = corpus.canonical_names(mentions)
    store.write_table(
        NAMES_STATE, pa.table({"name": list(names), "canonical": list(names.values())}, schema=NAMES_SCHEMA)
    )
    return table.height


def build_quote_clusters(output_url: str) -> int:
    """Cluster ids for every quote in the corpus (same or nearly the same words)."""
    store = Store(output_url)
    found = corpus_items(store, "quotes", "quotes").select("article_id", "start", "text")
    labels = corpus.cluster_quotes(found["text"].to_list())
    clusters = found.select("article_id", "start", cluster_id=pl.Series(labels, dtype=pl.Int64))
    store.write_table(
        CLUSTERS_STATE, clusters.with_columns(pl.format("c{}", "cluster_id").alias("cluster_id")).to_arrow()
    )
    return len(set(labels))


def build_duplicates(store: Store, manifest: pa.Table) -> None:
    """Paragraphs repeated from an earlier article, and near-duplicate articles (earlier = by source path)."""
    order = (
        pl.from_arrow(manifest)
        .filter(pl.col("reason").is_null())
        .sort("source_path")
        .select("article_id", order=pl.int_range(pl.len()))
    )
    prints = (
        pl.concat([bucket_frame(store, "paragraphs", b, ["article_id", "fingerprints"]) for b in range(N_BUCKETS)])
        .with_columns(paragraph_index=pl.int_ranges(pl.col("fingerprints").list.len()))
        .explode("fingerprints", "paragraph_index")
        .drop_nulls("fingerprints")
        .join(order, on="article_id")
        .rename({"fingerprints": "fp"})
    )
    repeated, near = dedupe.duplicates(prints)
    store.write_table(REPEATED_STATE, repeated.to_arrow())
    store.write_table(NEAR_DUPLICATES_STATE, near.to_arrow())


def stage_tokens(store: Store, manifest: pa.Table) -> dict[str, str]:
    """What each table's content depends on: the stages' change tokens and the manifest's content."""
    tokens = {
        s: (store.read_json(f"{STATE}/{s}.json") or {}).get("token", "")
        for s in ("ingest", "clean", "paragraphs", "people", "quotes")
    }
    rows = manifest.select(["source_path", "article_id", "reason"]).to_pylist()
    return tokens | {"manifest": hashlib.sha256(repr(rows).encode()).hexdigest()}


def signature(tokens: dict[str, str], table: str) -> str:
    return hashlib.sha256("|".join(tokens[s] for s in SOURCES[table]).encode()).hexdigest()[:16]


def tables_to_write(output_url: str) -> list[str]:
    """The tables whose sources changed since they were last published (or that are missing)."""
    store = Store(output_url)
    tokens = stage_tokens(store, store.read_table(MANIFEST))
    published = store.read_json(PUBLISHED) or {}
    return [t for t in schemas.TABLES if published.get(t) != signature(tokens, t) or not store.exists(f"{t}.parquet")]


def last_summary(output_url: str) -> dict:
    return Store(output_url).read_json(PUBLISHED)["summary"]


def plan(output_url: str) -> dict:
    """The tables to rewrite and their new signatures; the corpus duplicates they need."""
    store = Store(output_url)
    manifest = store.read_table(MANIFEST)
    tokens = stage_tokens(store, manifest)
    todo = tables_to_write(output_url)
    if todo:
        build_duplicates(store, manifest)
    return {"todo": todo, "signatures": {t: signature(tokens, t) for t in schemas.TABLES}}


def write_tables(output_url: str, todo: list[str], signatures: dict, buckets: Iterable[dict[str, pa.Table]]) -> dict:
    """Write a new generation of the tables from the buckets' rows; carry unchanged tables over."""
    store = Store(output_url)
    manifest = store.read_table(MANIFEST)
    people_table = store.read_table(PEOPLE_STATE)
    counts = {t: 0 for t in schemas.TABLES} | {"people": people_table.num_rows}
    removed: Counter[str] = Counter()
    rejects = [pl.from_arrow(manifest).filter(pl.col("reason").is_not_null()).select("source_path", "reason", "detail")]
    publication = Publication(store, list(schemas.TABLES))
    with contextlib.ExitStack() as stack:
        sinks = {t: stack.enter_context(publication.writer(t, schemas.TABLES[t][0])) for t in todo}
        for tables in buckets:
            rejects.append(pl.from_arrow(tables.pop("rejects")))
            removed.update(dict(pl.from_arrow(tables["boilerplate"])["reason"].value_counts().iter_rows()))
            for name, table in tables.items():
                counts[name] += table.num_rows
                if name in sinks:
                    sinks[name](table)
        all_rejects = pl.concat(rejects).sort("source_path")
        counts["rejects"] = all_rejects.height
        if "rejects" in sinks:
            sinks["rejects"](all_rejects.to_arrow())
        if "people" in sinks:
            sinks["people"](people_table)
    for table in schemas.TABLES:
        if table not in todo:
            publication.keep(table)
    publication.commit()
    summary = {
        "articles": counts["articles"],
        "rejects": counts["rejects"],
        "tables": counts,
        "rejects_by_reason": dict(Counter(all_rejects["reason"].to_list()).most_common()),
        "boilerplate_by_reason": dict(removed.most_common()),
    }
    store.write_json(PUBLISHED, signatures | {"summary": summary})
    store.write_bytes("README.md", dataset_card(store, counts).encode())
    return summary


def stable_id(*parts: object) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:16]


def publish_bucket(output_url: str, bucket: int) -> dict[str, pa.Table]:
    """One bucket's rows of every per-article table, built columnar."""
    store = Store(output_url)
    ingested = bucket_frame(
        store, "ingest", bucket, ["article_id", "source_path", "status", "detail", "format", "encoding", "repairs"]
    )
    meta = ["title", "site_name", "section", "authors", "published", "dateline", "language"]
    cleaned = bucket_frame(store, "clean", bucket, ["article_id", "status", "detail", "removed", *meta])
    paras = bucket_frame(store, "paragraphs", bucket, ["article_id", "paragraphs"])
    found = bucket_frame(store, "quotes", bucket, ["article_id", "quotes"])

    ok = ingested.filter(pl.col("status") == "ok").drop("status", "detail")
    joined = ok.join(
        cleaned.rename({"status": "clean_status", "detail": "clean_detail"}), on="article_id", how="left"
    ).join(paras.select("article_id", n_paragraphs=pl.col("paragraphs").list.len()), on="article_id", how="left")
    published = (pl.col("clean_status") == "ok") & (pl.col("n_paragraphs") > 0)
    good = joined.filter(published)
    rejects = pl.concat(
        [
            ingested.filter(pl.col("status") != "ok").select("source_path", reason="status", detail="detail"),
            joined.filter(~published.fill_null(False)).select(
                "source_path",
                reason=pl.when(pl.col("clean_status").is_null())
                .then(pl.lit("pending"))
                .otherwise(pl.lit("no_content")),
                detail=pl.coalesce("clean_detail", pl.lit("the clean and paragraphs stages have not run on it")),
            ),
        ]
    )
    ids = good.select("article_id")

    boilerplate = (
        cleaned.join(ok.select("article_id"), on="article_id", how="semi")
        .select("article_id", "removed")
        .explode("removed")
        .drop_nulls("removed")
        .unnest("removed")
    )

    repeated = state_frame(store, REPEATED_STATE)
    paragraphs = (
        paras.join(ids, on="article_id", how="semi")
        .select("article_id", "paragraphs")
        .explode("paragraphs")
        .unnest("paragraphs")
        .with_columns(paragraph_index=pl.int_range(pl.len()).over("article_id"), length=pl.col("text").str.len_chars())
        .with_columns(char_end=(pl.col("length") + SEP).cum_sum().over("article_id") - SEP)
        .with_columns(char_start=pl.col("char_end") - pl.col("length"))
    )
    flags = repeated.with_columns(is_duplicate=pl.lit(True)) if repeated is not None else None
    paragraphs = (
        paragraphs.join(flags, on=["article_id", "paragraph_index"], how="left")
        if flags is not None
        else paragraphs.with_columns(is_duplicate=pl.lit(None, pl.Boolean))
    )
    paragraphs = paragraphs.with_columns(pl.col("is_duplicate").fill_null(False))

    texts = paragraphs.group_by("article_id", maintain_order=True).agg(text=pl.col("text").str.join(ARTICLE_SEP))
    near = state_frame(store, NEAR_DUPLICATES_STATE)
    articles = good.join(texts, on="article_id", how="left").with_columns(n_boilerplate=pl.col("removed").list.len())
    articles = (
        articles.join(near, on="article_id", how="left")
        if near is not None
        else articles.with_columns(duplicate_of=pl.lit(None, pl.String))
    )

    return {
        "articles": cast(articles.sort("source_path"), "articles"),
        "paragraphs": cast(paragraphs, "paragraphs"),
        "quotes": cast(quote_rows(store, found.join(ids, on="article_id", how="semi")), "quotes"),
        "boilerplate": cast(boilerplate, "boilerplate"),
        "rejects": cast(rejects, "rejects"),
    }


def quote_rows(store: Store, found: pl.DataFrame) -> pl.DataFrame:
    """Quotes with corpus-level speakers (people.name, person_id) and cluster ids."""
    rows = found.explode("quotes").drop_nulls("quotes").unnest("quotes")
    names = state_frame(store, NAMES_STATE)
    resolve = dict(zip(names["name"], names["canonical"], strict=True))
    known = state_frame(store, PEOPLE_STATE, ["person_id", "name"])
    canonical = dict(zip(known["person_id"], known["name"], strict=True))
    speakers = rows["speaker"].drop_nulls().unique().to_list()
    pid = {s: people.person_id(resolve.get(s, s)) for s in speakers}
    shown = {s: canonical.get(pid[s], resolve.get(s, s)) for s in speakers}
    clusters = state_frame(store, CLUSTERS_STATE).join(found.select("article_id"), on="article_id", how="semi")
    rows = rows.with_columns(
        person_id=pl.col("speaker").replace_strict(pid, default=None, return_dtype=pl.String),
        speaker=pl.col("speaker").replace_strict(shown, default=None, return_dtype=pl.String),
        quote_id=pl.Series(
            [stable_id(*k) for k in zip(rows["article_id"], rows["start"], rows["end"], strict=True)], dtype=pl.String
        ),
    ).join(clusters.with_columns(pl.col("start").cast(rows.schema["start"])), on=["article_id", "start"], how="left")
    return rows.rename({"start": "char_start", "end": "char_end"})


def cast(frame: pl.DataFrame, table: str) -> pa.Table:
    schema = schemas.TABLES[table][0]
    return frame.select(schema.names).to_arrow().cast(schema)
