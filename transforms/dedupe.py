"""Duplicate paragraphs and near-duplicate articles across a corpus, by paragraph fingerprints.

Syndicated copies of a story repeat most of its paragraphs word for word, with a
changed headline, byline or an extra paragraph. Fingerprinting normalised
paragraphs finds them in one columnar pass, without comparing article pairs.
"""

from __future__ import annotations

import polars as pl

# Paragraphs shorter than this ("Advertisement", "Read more") say nothing about
# an article being a copy; they still get their duplicate flag.
MIN_CHARS = 40
# A paragraph found in more articles than this is boilerplate, not evidence of
# copying; skipping it bounds the pairs considered (no quadratic blow-up).
MAX_SHARED = 50
# An article whose long paragraphs appear in an earlier article at this rate or
# more is that article's near-duplicate. 0.8 tolerates a changed or added
# paragraph in a 5-paragraph story.
DUPLICATE_SHARE = 0.8


def fingerprint(text: pl.Expr) -> pl.Expr:
    """Hash of the paragraph with case, punctuation and spacing normalised away."""
    return text.str.to_lowercase().str.replace_all(r"[\W_]+", " ").str.strip_chars().hash()


def duplicates(paragraphs: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Find repeated paragraphs and near-duplicate articles.

    ``paragraphs`` has columns ``order`` (article order: earlier articles are
    the originals), ``article_id``, ``paragraph_index``, ``text``. Returns
    (``article_id, paragraph_index, is_duplicate`` for every paragraph,
    ``article_id, duplicate_of`` for every near-duplicate article).
    """
    df = paragraphs.with_columns(fp=fingerprint(pl.col("text")), long=pl.col("text").str.len_chars() >= MIN_CHARS)
    first = df.group_by("fp").agg(first_order=pl.col("order").min(), n_articles=pl.col("article_id").n_unique())
    df = df.join(first, on="fp")
    flags = df.select("article_id", "paragraph_index", is_duplicate=pl.col("order") > pl.col("first_order"))

    evidence = df.filter(pl.col("long") & (pl.col("n_articles") <= MAX_SHARED))
    per_article = evidence.group_by("article_id").agg(n_long=pl.len())
    pairs = (
        evidence.select("article_id", "order", "fp")
        .join(evidence.select("fp", other="article_id", other_order="order"), on="fp")
        .filter(pl.col("other_order") < pl.col("order"))
        .group_by("article_id", "other", "other_order")
        .agg(shared=pl.col("fp").n_unique())
        .join(per_article, on="article_id")
        .filter(pl.col("shared") >= DUPLICATE_SHARE * pl.col("n_long"))
        .sort("article_id", "other_order")
        .group_by("article_id", maintain_order=True)
        .agg(duplicate_of=pl.col("other").first())
    )
    return flags, pairs
