"""The paragraphs stage: cleaned text to paragraphs (``transforms.paragraphs``), and its corpus
step: paragraphs repeated from an earlier article, and near-duplicate articles (``transforms.dedupe``)."""

from __future__ import annotations

import polars as pl
import pyarrow as pa

from flows.buckets import bucket_frame, results_schema
from flows.storage import MANIFEST, STATE, Store, bucket_count, bucket_expr
from transforms import dedupe, paragraphs, sentences
from transforms.records import Paragraph
from transforms.schemas import record_struct

RESULTS = results_schema(
    ("paragraphs", pa.list_(record_struct(Paragraph, ("n_sentences", pa.int32())))),
    ("fingerprints", pa.list_(pa.int64())),
)
# The corpus step's results: (article_id, paragraph_index) of the repeated paragraphs, by bucket ...
REPEATED_STATE = f"{STATE}/repeated_paragraphs"
# ... and (article_id, duplicate_of) of the near-duplicate articles.
NEAR_DUPLICATES_STATE = f"{STATE}/near_duplicates.parquet"


def row(up: dict, options: paragraphs.ParagraphOptions) -> dict:
    """The paragraphs stage's row for one article, from its clean row."""
    paras = paragraphs.split_paragraphs(up["text"], options)
    return {
        "status": "ok",
        "detail": None,
        "paragraphs": [
            {"text": p.text, "kind": p.kind, "n_sentences": sentences.count_sentences(p.text)} for p in paras
        ],
        "fingerprints": [dedupe.fingerprint(p.text) for p in paras],
    }


def find_duplicates(output_url: str, options: paragraphs.ParagraphOptions) -> None:
    """Paragraphs repeated from an earlier article, and near-duplicate articles (earlier = by source path).

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
            bucket_frame(store, "paragraphs", RESULTS, b, ["article_id", "fingerprints"])
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
