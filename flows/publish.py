"""Corpus-level steps and publishing: people, quote clusters, duplicates, the final tables.

Everything here reads the stage buckets under ``_state`` one at a time and writes
each output table atomically (a temporary file renamed over the old one), so a
killed run leaves the previous table in place. A table is rewritten only when a
stage it is built from changed since it was last published.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections import Counter
from dataclasses import dataclass

import polars as pl
import pyarrow as pa

from flows.report import dataset_card
from flows.stages import read_bucket
from flows.storage import N_BUCKETS, STATE, Publication, Store
from transforms import dedupe, people, quotes, schemas
from transforms.paragraphs import offsets
from transforms.records import Paragraph

MANIFEST_SCHEMA = pa.schema(
    [
        ("source_path", pa.string()),
        ("size", pa.int64()),
        ("article_id", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
    ]
)
PEOPLE_STATE = f"{STATE}/people.parquet"
CLUSTERS_STATE = f"{STATE}/quote_clusters.parquet"
# Article-level names the corpus resolves further ("Putin" -> "Vladimir Putin").
NAMES_STATE = f"{STATE}/people_names.parquet"
NAMES_SCHEMA = pa.schema([("name", pa.string()), ("canonical", pa.string())])
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


def manifest_table(manifest: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(manifest, schema=MANIFEST_SCHEMA)


def all_rows(store: Store, stage: str, column: str) -> list[dict]:
    """(article_id, item) rows of a list column over every bucket of a stage."""
    return [
        {"article_id": aid, **item}
        for b in range(N_BUCKETS)
        for aid, row in read_bucket(store, stage, b).items()
        for item in row[column] or []
    ]


def build_people_table(output_url: str) -> int:
    """The corpus's people from every article's mentions (persisted for publish)."""
    store = Store(output_url)
    mentions = pl.DataFrame(
        all_rows(store, "people", "mentions"),
        schema={"article_id": pl.String, "surface": pl.String, "name": pl.String},
        strict=False,
    )
    mentions = mentions.select("article_id", "surface", "name")
    table = people.build_people(mentions)
    store.write_table(PEOPLE_STATE, table.to_arrow().cast(schemas.PEOPLE))
    names = people.canonical_names(mentions)
    store.write_table(
        NAMES_STATE, pa.table({"name": list(names), "canonical": list(names.values())}, schema=NAMES_SCHEMA)
    )
    return table.height


def build_quote_clusters(output_url: str) -> int:
    """Cluster ids for every quote in the corpus (same or nearly the same words)."""
    store = Store(output_url)
    rows = all_rows(store, "quotes", "quotes")
    labels = quotes.cluster_quotes([r["text"] for r in rows])
    table = pa.table(
        {
            "article_id": pa.array([r["article_id"] for r in rows], pa.string()),
            "start": pa.array([r["start"] for r in rows], pa.int32()),
            "cluster_id": pa.array([f"c{label:06d}" for label in labels], pa.string()),
        }
    )
    store.write_table(CLUSTERS_STATE, table)
    return len(set(labels))


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


def quote_id(article_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


def publish(input_url: str, output_url: str) -> dict:
    """Publish a new generation of the tables when a source of any changed; return the counts."""
    store = Store(output_url)
    manifest = store.read_table(f"{STATE}/manifest.parquet")
    tokens = stage_tokens(store, manifest)
    published = store.read_json(PUBLISHED) or {}
    todo = [t for t in schemas.TABLES if published.get(t) != signature(tokens, t) or not store.exists(f"{t}.parquet")]
    if not todo:
        return published["summary"] | {"rewritten": []}
    summary = write_tables(store, manifest.to_pylist(), todo)
    store.write_json(PUBLISHED, {t: signature(tokens, t) for t in schemas.TABLES} | {"summary": summary})
    store.write_bytes("README.md", dataset_card(store, summary["tables"]).encode())
    return summary | {"rewritten": todo}


def write_tables(store: Store, manifest: list[dict], todo: list[str]) -> dict:
    """Build every table bucket by bucket; write those in ``todo``, carry the others over."""
    source_of = {r["article_id"]: r["source_path"] for r in manifest if r["reason"] is None}
    people_table = store.read_table(PEOPLE_STATE)
    canonical = dict(zip(people_table["person_id"].to_pylist(), people_table["name"].to_pylist(), strict=True))
    names = store.read_table(NAMES_STATE)
    resolve = dict(zip(names["name"].to_pylist(), names["canonical"].to_pylist(), strict=True))
    clusters = {
        (r["article_id"], r["start"]): r["cluster_id"]
        for r in (store.read_table(CLUSTERS_STATE) or pa.table({})).to_pylist()
    }
    corpus = Corpus(source_of, canonical, resolve, clusters, *corpus_duplicates(store, source_of))
    counts = {t: 0 for t in schemas.TABLES}
    removed: Counter[str] = Counter()
    rejects = [{k: r[k] for k in ("source_path", "reason", "detail")} for r in manifest if r["reason"]]
    publication = Publication(store, list(schemas.TABLES))
    with contextlib.ExitStack() as stack:
        sinks = {t: stack.enter_context(publication.writer(t, schemas.TABLES[t][0])) for t in todo}
        for b in range(N_BUCKETS):
            rows = publish_bucket(store, b, corpus)
            rejects += rows.pop("rejects")
            removed.update(item["reason"] for item in rows["boilerplate"])
            for table, items in rows.items():
                counts[table] += len(items)
                if table in sinks:
                    sinks[table](pa.Table.from_pylist(items, schema=schemas.TABLES[table][0]))
        rejects.sort(key=lambda r: r["source_path"])
        counts |= {"rejects": len(rejects), "people": people_table.num_rows}
        if "rejects" in sinks:
            sinks["rejects"](pa.Table.from_pylist(rejects, schema=schemas.REJECTS))
        if "people" in sinks:
            sinks["people"](people_table)
    for table in schemas.TABLES:
        if table not in todo:
            publication.keep(table)
    publication.commit()
    return {
        "articles": counts["articles"],
        "rejects": counts["rejects"],
        "tables": counts,
        "rejects_by_reason": dict(Counter(r["reason"] for r in rejects).most_common()),
        "boilerplate_by_reason": dict(removed.most_common()),
    }


def corpus_duplicates(store: Store, source_of: dict[str, str]) -> tuple[set, dict]:
    """Repeated paragraphs ((article_id, paragraph_index) set) and near-duplicate articles (id -> earlier id)."""
    order = {aid: i for i, aid in enumerate(sorted(source_of, key=source_of.get))}
    rows = [
        (order.get(aid, -1), aid, i, p["text"])
        for b in range(N_BUCKETS)
        for aid, row in read_bucket(store, "paragraphs", b).items()
        for i, p in enumerate(row["paragraphs"])
    ]
    schema = {"order": pl.Int64, "article_id": pl.String, "paragraph_index": pl.Int64, "text": pl.String}
    flags, near = dedupe.duplicates(pl.DataFrame(rows, orient="row", schema=schema))
    return set(flags.filter("is_duplicate").select("article_id", "paragraph_index").iter_rows()), dict(near.iter_rows())


@dataclass
class Corpus:
    """Corpus-wide lookups that each bucket's rows are completed with."""

    source_of: dict[str, str]  # article_id -> source_path
    canonical: dict[str, str]  # person_id -> people.name
    resolve: dict[str, str]  # article-level name -> corpus name ("Putin" -> "Vladimir Putin")
    clusters: dict[tuple[str, int], str]  # (article_id, quote start) -> cluster_id
    dup_paragraphs: set[tuple[str, int]]  # (article_id, paragraph_index) seen in an earlier article
    duplicate_of: dict[str, str]  # article_id -> earlier near-duplicate article_id


def publish_bucket(store: Store, b: int, corpus: Corpus) -> dict[str, list[dict]]:
    """The output rows contributed by one bucket of articles."""
    ingested = read_bucket(store, "ingest", b)
    cleaned = read_bucket(store, "clean", b)
    paras = read_bucket(store, "paragraphs", b)
    found = read_bucket(store, "quotes", b)
    out: dict[str, list[dict]] = {"articles": [], "paragraphs": [], "quotes": [], "boilerplate": [], "rejects": []}
    for aid in sorted(ingested, key=lambda a: corpus.source_of.get(a, "")):
        ing = ingested[aid]
        if ing["status"] != "ok" or aid not in cleaned:
            out["rejects"].append(
                {
                    "source_path": ing["source_path"],
                    "reason": ing["status"],
                    "detail": ing["detail"] or "not cleaned yet",
                }
            )
            continue
        cl = cleaned[aid]
        out["boilerplate"] += [{"article_id": aid, **r} for r in cl["removed"] or []]
        plist = paras.get(aid, {}).get("paragraphs") or []
        if cl["status"] != "ok" or not plist:
            out["rejects"].append(
                {"source_path": ing["source_path"], "reason": "no_content", "detail": cl["detail"] or "no paragraphs"}
            )
            continue
        text, spans = offsets([Paragraph(p["text"], p["kind"]) for p in plist])
        out["articles"].append(
            {
                **{k: cl[k] for k in ("title", "site_name", "section", "authors", "published", "dateline", "language")},
                "article_id": aid,
                "source_path": ing["source_path"],
                "format": ing["format"],
                "encoding": ing["encoding"],
                "repairs": ing["repairs"],
                "text": text,
                "n_paragraphs": len(plist),
                "n_boilerplate": len(cl["removed"] or []),
                "duplicate_of": corpus.duplicate_of.get(aid),
            }
        )
        out["paragraphs"] += [
            {
                "article_id": aid,
                "paragraph_index": i,
                "kind": p["kind"],
                "text": p["text"],
                "char_start": s,
                "char_end": e,
                "n_sentences": p["n_sentences"],
                "is_duplicate": (aid, i) in corpus.dup_paragraphs,
            }
            for i, (p, (s, e)) in enumerate(zip(plist, spans, strict=True))
        ]
        for q in found.get(aid, {}).get("quotes") or []:
            pid = people.person_id(corpus.resolve.get(q["speaker"], q["speaker"])) if q["speaker"] else None
            out["quotes"].append(
                {
                    "quote_id": quote_id(aid, q["start"], q["end"]),
                    "article_id": aid,
                    "paragraph_index": q["paragraph_index"],
                    "char_start": q["start"],
                    "char_end": q["end"],
                    "text": q["text"],
                    "kind": q["kind"],
                    "speaker_text": q["speaker_text"],
                    "speaker": corpus.canonical.get(pid, q["speaker"]) if pid else None,
                    "person_id": pid,
                    "cue": q["cue"],
                    "cluster_id": corpus.clusters.get((aid, q["start"])),
                }
            )
    return out
