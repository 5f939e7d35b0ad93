"""Corpus-level steps and publishing: people, quote clusters, duplicates, the final tables.

The corpus-level steps read only the columns they need from every bucket and
persist small lookup tables under ``_state``. Publishing builds each bucket's
rows of the final tables columnar (polars), a chunk of articles at a time, in
parallel tasks that write them as the bucket's parts of a new generation of the
tables; the flow then makes the generation visible all at once
(``flows.storage.Publication``). A table is
rewritten only when a stage it is built from changed since it was last published.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import polars as pl
import pyarrow as pa

from flows.report import dataset_card
from flows.stages import SCHEMAS, bucket_path
from flows.storage import (
    CLUSTERS_STATE,
    REPEATED_STATE,
    STATE,
    Publication,
    Store,
    bucket_count,
    bucket_expr,
)
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
# The tables the bucket tasks write in parts; rejects and people are written whole.
PART_TABLES = ("articles", "paragraphs", "quotes", "boilerplate")
# Articles turned into rows at a time in a bucket task: bounds its memory at any corpus size.
PUBLISH_CHUNK = 1000
ARTICLE_META = ["title", "site_name", "section", "authors", "published", "dateline", "language"]
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


def corpus_items(store: Store, stage: str, column: str, fields: list[str]) -> Iterator[pl.DataFrame]:
    """Some fields of a stage's list column, one row per item with its article_id, a bucket at a time."""
    for b in range(bucket_count(store)):
        yield (
            bucket_frame(store, stage, b, ["article_id", column])
            .explode(column)
            .drop_nulls(column)
            .select("article_id", *(pl.col(column).struct.field(f) for f in fields))
        )


def build_people_table(output_url: str) -> int:
    """The corpus's people from every article's mentions, and the corpus-level name map.

    Two passes over the buckets (names, then people): one bucket's mentions are held at a time.
    """
    store = Store(output_url)
    counts = corpus.name_counts(corpus_items(store, "people", "mentions", ["name"]))
    table = corpus.build_people(counts, corpus_items(store, "people", "mentions", ["surface", "name"]))
    store.write_table(PEOPLE_STATE, table.to_arrow().cast(schemas.PEOPLE))
    names = corpus.canonical_names(counts)
    store.write_table(
        NAMES_STATE, pa.table({"name": list(names), "canonical": list(names.values())}, schema=NAMES_SCHEMA)
    )
    return table.height


def build_quote_clusters(output_url: str) -> int:
    """Cluster ids for every quote in the corpus (same or nearly the same words).

    Two passes over the buckets: the corpus's distinct quote texts are clustered, then
    each bucket's quotes take their text's cluster; one bucket's quotes are held at a time.
    """
    store = Store(output_url)
    # sorted: the clusters and their numbers depend on the corpus's texts, not on its buckets
    texts = [found["text"].unique() for found in corpus_items(store, "quotes", "quotes", ["text"])]
    distinct = pl.concat(texts).unique().sort() if texts else pl.Series("text", [], pl.String)
    labels = pl.DataFrame(
        {"text": distinct, "cluster_id": corpus.cluster_quotes(distinct)},
        schema={"text": pl.String, "cluster_id": pl.Int64},
    ).with_columns(pl.format("c{}", "cluster_id").alias("cluster_id"))
    for b, found in enumerate(corpus_items(store, "quotes", "quotes", ["start", "text"])):
        clusters = found.join(labels, on="text", how="left").select("article_id", "start", "cluster_id")
        store.write_table(f"{CLUSTERS_STATE}/{b:02d}.parquet", clusters.to_arrow())
    return labels["cluster_id"].n_unique()


def build_duplicates(output_url: str) -> None:
    """Paragraphs repeated from an earlier article, and near-duplicate articles (earlier = by source path):
    the corpus step of the paragraphs stage.

    Every paragraph of the corpus takes part, so its article is an integer (its rank by
    source path) while a bucket at a time is flattened and while the duplicates are
    found; article ids come back only for the results.
    """
    store = Store(output_url)
    n = bucket_count(store)
    order = (
        pl.from_arrow(store.read_table(MANIFEST))
        .filter(pl.col("reason").is_null())
        .sort("source_path")
        .select("article_id", order=pl.int_range(pl.len(), dtype=pl.Int32))
    )
    prints = pl.concat(
        [
            bucket_frame(store, "paragraphs", b, ["article_id", "fingerprints"])
            .join(order, on="article_id")
            .select(
                "order",
                "fingerprints",
                paragraph_index=pl.int_ranges(pl.col("fingerprints").list.len(), dtype=pl.Int32),
            )
            .explode("fingerprints", "paragraph_index")
            .drop_nulls("fingerprints")
            .rename({"fingerprints": "fp"})
            for b in range(n)
        ]
    )
    # dedupe passes its article column through: the article's rank stands in for its id
    repeated, near = dedupe.duplicates(prints.with_columns(article_id=pl.col("order")))
    ids = order.select(rank="order", id="article_id", bucket=bucket_expr("article_id", n))
    for b in range(n):  # ids are joined back one bucket at a time
        rows = repeated.join(ids.filter(pl.col("bucket") == b), left_on="article_id", right_on="rank")
        store.write_table(
            f"{REPEATED_STATE}/{b:02d}.parquet",
            rows.select(article_id="id", paragraph_index=pl.col("paragraph_index").cast(pl.Int64)).to_arrow(),
        )
    near = (
        near.join(ids, left_on="article_id", right_on="rank")
        .join(ids.select(rank="rank", original="id"), left_on="duplicate_of", right_on="rank")
        .select(article_id="id", duplicate_of="original")
        .sort("article_id")
    )
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


def plan(output_url: str) -> dict:
    """The tables to rewrite (their sources changed since they were last published, or they
    are missing) and every table's new signature."""
    store = Store(output_url)
    tokens = stage_tokens(store, store.read_table(MANIFEST))
    signatures = {t: signature(tokens, t) for t in schemas.TABLES}
    published = store.read_json(PUBLISHED) or {}
    todo = [t for t in schemas.TABLES if published.get(t) != signatures[t] or not store.exists(t)]
    return {"todo": todo, "signatures": signatures}


def last_summary(output_url: str) -> dict:
    return Store(output_url).read_json(PUBLISHED)["summary"]


def write_tables(output_url: str, todo: list[str], signatures: dict, generation: str, buckets: list[dict]) -> dict:
    """Finish a new generation of the tables: the bucket tasks wrote their parts of the
    per-article tables; write rejects and people, carry unchanged tables over, commit."""
    store = Store(output_url)
    manifest = store.read_table(MANIFEST)
    people_table = store.read_table(PEOPLE_STATE)
    counts: Counter[str] = Counter({t: 0 for t in schemas.TABLES})
    counts["people"] = people_table.num_rows
    removed: Counter[str] = Counter()
    rejects = [pl.from_arrow(manifest).filter(pl.col("reason").is_not_null()).select("source_path", "reason", "detail")]
    for result in buckets:
        counts.update(result["counts"])
        removed.update(result["removed"])
        rejects.append(pl.from_arrow(result["rejects"]))
    all_rejects = pl.concat(rejects).sort("source_path")
    counts["rejects"] = all_rejects.height
    publication = Publication(store, generation)
    for name, table in (("rejects", all_rejects.to_arrow()), ("people", people_table)):
        if name in todo:
            with publication.writer(name, 0, schemas.TABLES[name][0]) as write:
                write(table)
    for table in schemas.TABLES:
        if table not in todo:
            publication.keep(table)
    publication.commit(list(schemas.TABLES))
    summary = {
        "articles": counts["articles"],
        "rejects": counts["rejects"],
        "tables": dict(counts),
        "rejects_by_reason": dict(Counter(all_rejects["reason"].to_list()).most_common()),
        "boilerplate_by_reason": dict(removed.most_common()),
    }
    store.write_json(PUBLISHED, signatures | {"summary": summary})
    store.write_bytes("README.md", dataset_card(store, counts).encode())
    return summary


def stable_id(*parts: object) -> str:
    return hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:16]


def publish_bucket(output_url: str, bucket: int, generation: str, todo: list[str]) -> dict:
    """Write one bucket's part of the per-article tables in ``todo``, chunk by chunk.

    Returns the bucket's row counts (of every table), boilerplate reasons and rejects.
    """
    store = Store(output_url)
    frames = {
        # sorted so that each part lists its articles by path
        "ingest": bucket_frame(
            store, "ingest", bucket, ["article_id", "source_path", "status", "detail", "format", "encoding", "repairs"]
        ).sort("source_path"),
        "clean": bucket_frame(store, "clean", bucket, ["article_id", "status", "detail", "removed", *ARTICLE_META]),
        "paragraphs": bucket_frame(store, "paragraphs", bucket, ["article_id", "paragraphs"]),
        "quotes": bucket_frame(store, "quotes", bucket, ["article_id", "quotes"]),
    }
    lookups = Lookups.read(store, bucket)
    publication = Publication(store, generation)
    counts: Counter[str] = Counter()
    removed: Counter[str] = Counter()
    rejects = []
    ids = frames["ingest"]["article_id"]
    with contextlib.ExitStack() as stack:
        sinks = {
            t: stack.enter_context(publication.writer(t, bucket, schemas.TABLES[t][0]))
            for t in PART_TABLES
            if t in todo
        }
        for start in range(0, max(len(ids), 1), PUBLISH_CHUNK):
            chunk = pl.col("article_id").is_in(ids.slice(start, PUBLISH_CHUNK).implode())
            tables = chunk_rows({k: f.filter(chunk) for k, f in frames.items()}, lookups)
            rejects.append(tables.pop("rejects"))
            removed.update(dict(pl.from_arrow(tables["boilerplate"])["reason"].value_counts().iter_rows()))
            for name, table in tables.items():
                counts[name] += table.num_rows
                if name in sinks:
                    sinks[name](table)
    return {
        "articles": counts["articles"],
        "counts": dict(counts),
        "removed": dict(removed),
        "rejects": pa.concat_tables(rejects),
    }


@dataclass
class Lookups:
    """The corpus-level results a bucket's rows join with (the bucket's share of the per-article ones)."""

    repeated: pl.DataFrame | None
    near: pl.DataFrame | None
    clusters: pl.DataFrame
    resolve: dict[str, str]
    canonical: dict[str, str]

    @classmethod
    def read(cls, store: Store, bucket: int) -> Lookups:
        names = state_frame(store, NAMES_STATE)
        known = state_frame(store, PEOPLE_STATE, ["person_id", "name"])
        return cls(
            repeated=state_frame(store, f"{REPEATED_STATE}/{bucket:02d}.parquet"),
            near=state_frame(store, NEAR_DUPLICATES_STATE),
            clusters=state_frame(store, f"{CLUSTERS_STATE}/{bucket:02d}.parquet"),
            resolve=dict(zip(names["name"], names["canonical"], strict=True)),
            canonical=dict(zip(known["person_id"], known["name"], strict=True)),
        )


def chunk_rows(frames: dict[str, pl.DataFrame], lookups: Lookups) -> dict[str, pa.Table]:
    """The rows of every per-article table (and the rejects) for a chunk of a bucket's articles."""
    ingested, cleaned, paras, found = frames["ingest"], frames["clean"], frames["paragraphs"], frames["quotes"]
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

    repeated = lookups.repeated
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
    near = lookups.near
    articles = good.join(texts, on="article_id", how="left").with_columns(n_boilerplate=pl.col("removed").list.len())
    articles = (
        articles.join(near, on="article_id", how="left")
        if near is not None
        else articles.with_columns(duplicate_of=pl.lit(None, pl.String))
    )

    return {
        "articles": cast(articles.sort("source_path"), "articles"),
        "paragraphs": cast(paragraphs, "paragraphs"),
        "quotes": cast(quote_rows(found.join(ids, on="article_id", how="semi"), lookups), "quotes"),
        "boilerplate": cast(boilerplate, "boilerplate"),
        "rejects": cast(rejects, "rejects"),
    }


def quote_rows(found: pl.DataFrame, lookups: Lookups) -> pl.DataFrame:
    """Quotes with corpus-level speakers (people.name, person_id) and cluster ids."""
    rows = found.explode("quotes").drop_nulls("quotes").unnest("quotes")
    resolve, canonical = lookups.resolve, lookups.canonical
    speakers = rows["speaker"].drop_nulls().unique().to_list()
    pid = {s: people.person_id(resolve.get(s, s)) for s in speakers}
    shown = {s: canonical.get(pid[s], resolve.get(s, s)) for s in speakers}
    clusters = lookups.clusters.join(found.select("article_id"), on="article_id", how="semi")
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
