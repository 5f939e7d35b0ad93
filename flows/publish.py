"""Publishing: the final tables and the dataset card, from what the stages persisted.

Publishing builds each bucket's rows of the final tables columnar (polars), a chunk of
articles at a time, in parallel tasks that write them as the bucket's parts of a new
generation of the tables; the flow then makes the generation visible all at once
(``flows.storage.Publication``). A table is rewritten only when a stage it is built
from (``flows.graph``) changed since it was last published. The corpus-level results
the rows join with (duplicates, people, quote clusters) are the stages' corpus steps'.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections import Counter
from dataclasses import dataclass

import polars as pl
import pyarrow as pa

from flows.buckets import bucket_frame
from flows.graph import STAGE, sources
from flows.report import dataset_card
from flows.stages import paragraphs, people, quotes
from flows.storage import MANIFEST, STATE, Publication, Store
from transforms import corpus, schemas
from transforms.records import ARTICLE_SEP

PUBLISHED = f"{STATE}/published.json"
# The tables the bucket tasks write in parts; rejects and people are written whole.
PART_TABLES = ("articles", "paragraphs", "quotes", "mentions", "boilerplate")
# Articles turned into rows at a time in a bucket task: bounds its memory at any corpus size.
PUBLISH_CHUNK = 1000
SEP = len(ARTICLE_SEP)


def state_frame(store: Store, rel: str, columns: list[str] | None = None) -> pl.DataFrame | None:
    table = store.read_table(rel, columns=columns)
    return pl.from_arrow(table) if table is not None else None


def stage_tokens(store: Store, manifest: pa.Table) -> dict[str, str]:
    """What each table's content depends on: the stages' change tokens and the manifest's content."""
    tokens = {s: (store.read_json(f"{STATE}/{s}.json") or {}).get("token", "") for s in STAGE["publish"].reads}
    rows = manifest.select(["source_path", "article_id", "reason"]).to_pylist()
    return tokens | {"manifest": hashlib.sha256(repr(rows).encode()).hexdigest()}


def signature(tokens: dict[str, str], table: str) -> str:
    """A hash of the tokens of a table's sources: the manifest (for the tables ingest feeds) and its stages."""
    built_from = sources(table)
    keys = ("manifest", *built_from) if "ingest" in built_from else built_from
    return hashlib.sha256("|".join(tokens[s] for s in keys).encode()).hexdigest()[:16]


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
    people_table = store.read_table(people.PEOPLE_STATE)
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


def publish_bucket(output_url: str, bucket: int, generation: str, todo: list[str]) -> dict:
    """Write one bucket's part of the per-article tables in ``todo``, chunk by chunk.

    Returns the bucket's row counts (of every table), boilerplate reasons and rejects.
    """
    store = Store(output_url)
    frames = {
        stage: bucket_frame(store, stage, STAGE[stage].results, bucket, ["article_id", *columns])
        for stage, columns in STAGE["publish"].reads.items()
        if columns
    }
    frames["ingest"] = frames["ingest"].sort("source_path")  # each part lists its articles by path
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
    people: dict[str, str]  # person_id -> name

    @classmethod
    def read(cls, store: Store, bucket: int) -> Lookups:
        known = state_frame(store, people.PEOPLE_STATE, ["person_id", "name"])
        return cls(
            repeated=state_frame(store, f"{paragraphs.REPEATED_STATE}/{bucket:02d}.parquet"),
            near=state_frame(store, paragraphs.NEAR_DUPLICATES_STATE),
            clusters=state_frame(store, f"{quotes.CLUSTERS_STATE}/{bucket:02d}.parquet"),
            people=dict(zip(known["person_id"], known["name"], strict=True)),
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
        "mentions": cast(mention_rows(frames["people"].join(ids, on="article_id", how="semi"), lookups), "mentions"),
        "boilerplate": cast(boilerplate, "boilerplate"),
        "rejects": cast(rejects, "rejects"),
    }


def mention_rows(found: pl.DataFrame, lookups: Lookups) -> pl.DataFrame:
    """Every person mention, with the person_id of the people row its name resolves to (as a quote's
    speaker does); a mention whose name makes no person (nothing left once folded) is not one."""
    rows = found.explode("mentions").drop_nulls("mentions").unnest("mentions")
    names = resolved(rows, "name", lookups)
    known = names.filter(pl.Series([person in lookups.people for person in names["person_id"]], dtype=pl.Boolean))
    return (
        rows.join(known.drop("person"), on=["article_id", "name"])
        .sort("article_id", "start")
        .rename({"start": "char_start", "end": "char_end", "surface": "text"})
    )


def quote_rows(found: pl.DataFrame, lookups: Lookups) -> pl.DataFrame:
    """Quotes with corpus-level speakers (people.name, person_id) and cluster ids."""
    rows = found.explode("quotes").drop_nulls("quotes").unnest("quotes")
    # only a person's name resolves to the people table; an organisation or a description (speaker_type)
    # is the speaker as the article gives it, with no person_id (rows made before speaker_type: persons)
    person = pl.col("speaker_type").fill_null("person") == "person"
    speakers = resolved(rows.filter(person), "speaker", lookups)
    clusters = lookups.clusters.join(found.select("article_id"), on="article_id", how="semi")
    rows = (
        rows.join(speakers, on=["article_id", "speaker"], how="left", maintain_order="left")
        .with_columns(
            speaker=pl.when(person).then(pl.col("person")).otherwise(pl.col("speaker")),
            person_id=pl.when(person).then(pl.col("person_id")),
            quote_id=pl.Series(
                [quotes.quote_id(*k) for k in zip(rows["article_id"], rows["start"], rows["end"], strict=True)],
                dtype=pl.String,
            ),
        )
        .join(clusters.with_columns(pl.col("start").cast(rows.schema["start"])), on=["article_id", "start"], how="left")
    )
    return rows.rename(
        {
            "start": "char_start",
            "end": "char_end",
            "speaker_start": "speaker_char_start",
            "speaker_end": "speaker_char_end",
        }
    )


def resolved(rows: pl.DataFrame, column: str, lookups: Lookups) -> pl.DataFrame:
    """The distinct (article_id, name) of the article-level names in ``column``, each with the
    person_id and the name of the corpus person it is (``transforms.corpus.resolve_speakers``: a
    one-word name is a person of its article only)."""
    pairs = rows.select("article_id", column).drop_nulls().unique()
    persons = list(corpus.resolve_speakers(pairs.iter_rows(), lookups.people).values())
    return pairs.with_columns(
        person_id=pl.Series([person for person, _ in persons], dtype=pl.String),
        person=pl.Series([name for _, name in persons], dtype=pl.String),
    )


def cast(frame: pl.DataFrame, table: str) -> pa.Table:
    schema = schemas.TABLES[table][0]
    return frame.select(schema.names).to_arrow().cast(schema)
