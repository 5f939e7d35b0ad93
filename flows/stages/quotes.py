"""The quotes stage: quotes and their speakers per article (``transforms.quotes``), and its corpus
step: clusters of the same quote across articles (``transforms.corpus.cluster_quotes``)."""

from __future__ import annotations

import hashlib

import polars as pl
import pyarrow as pa

from flows.buckets import compact, corpus_items, results_schema
from flows.storage import STATE, Store
from transforms import corpus, quotes
from transforms.quotes.options import QuoteOptions
from transforms.records import Mention, Quote
from transforms.schemas import record_struct

RESULTS = results_schema(("quotes", pa.list_(record_struct(Quote))))
# The corpus step's results: (article_id, start, cluster_id) of every quote, by bucket.
CLUSTERS_STATE = f"{STATE}/quote_clusters"


def row(up: dict, options: QuoteOptions) -> dict:
    """The quotes stage's row for one article, from its paragraphs and people rows."""
    texts = [p["text"] for p in up["paragraphs"]]
    found = quotes.extract_quotes(texts, [Mention(**m) for m in up["mentions"] or []], options)
    return {"status": "ok", "detail": None, "quotes": [vars(q) for q in found]}


def quote_id(article_id: str, start: int, end: int) -> str:
    """A quote's stable id: a hash of its article and its offsets."""
    return hashlib.sha256(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


def cluster_quotes(output_url: str, options: QuoteOptions) -> int:
    """Cluster ids for every quote in the corpus (same or nearly the same words).

    A cluster's id is the quote_id of its first member (by article_id, then offsets): it
    depends on the cluster's own quotes only, so an article that adds no quote to a
    cluster leaves its id as it was, and ids can be joined across versions of the dataset.

    Two passes over the buckets: the corpus's distinct quote texts (each with its first
    quote) are clustered, then each bucket's quotes take their text's cluster; one
    bucket's quotes are held at a time.
    """
    store = Store(output_url)
    member = ["article_id", "start", "end"]

    def first_per_text(found: pl.DataFrame) -> pl.DataFrame:
        return found.sort("text", *member).unique("text", keep="first", maintain_order=True)

    items = corpus_items(store, "quotes", RESULTS, "quotes", ["start", "end", "text"])
    firsts = [compact(first_per_text(found)) for found in items]
    # sorted by text: the clusters depend on the corpus's texts, not on its buckets
    texts = (
        first_per_text(pl.concat(firsts))
        if firsts
        else pl.DataFrame(schema={"article_id": pl.String, "start": pl.Int32, "end": pl.Int32, "text": pl.String})
    )
    texts = texts.with_columns(label=pl.Series(corpus.cluster_quotes(texts["text"]), dtype=pl.Int64))
    firsts_of_clusters = texts.sort("label", *member).unique("label", keep="first", maintain_order=True)
    ids = firsts_of_clusters.select(
        "label",
        cluster_id=pl.Series([quote_id(*m) for m in firsts_of_clusters.select(member).iter_rows()], dtype=pl.String),
    )
    labels = texts.join(ids, on="label").select("text", "cluster_id")
    for b, found in enumerate(corpus_items(store, "quotes", RESULTS, "quotes", ["start", "text"])):
        clusters = found.join(labels, on="text", how="left").select("article_id", "start", "cluster_id")
        store.write_table(f"{CLUSTERS_STATE}/{b:02d}.parquet", clusters.to_arrow())
    return ids.height
