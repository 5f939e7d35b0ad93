"""Duplicate paragraphs and near-duplicate articles across a corpus, by paragraph fingerprints.

Syndicated copies of a story repeat most of its paragraphs word for word, with a
changed headline, byline or an extra paragraph. Fingerprinting normalised
paragraphs finds them in one columnar pass, without comparing article pairs.
"""

from __future__ import annotations

import hashlib
import re

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
NON_WORD = re.compile(r"[\W_]+")


def fingerprint(text: str) -> int:
    """A stable 63-bit hash of the paragraph with case, punctuation and spacing normalised away.

    The length of the normalised text is folded into the low bits, so that
    ``is_long`` can be read back without the text.
    """
    norm = NON_WORD.sub(" ", text.lower()).strip()
    digest = int.from_bytes(hashlib.blake2b(norm.encode(), digest_size=8).digest(), "big") >> 1
    return (digest & ~1) | (len(norm) >= MIN_CHARS)


def duplicates(paragraphs: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Find repeated paragraphs and near-duplicate articles.

    ``paragraphs`` has columns ``order`` (article order: earlier articles are
    the originals), ``article_id``, ``paragraph_index``, ``fp`` (``fingerprint``
    of the text). Returns (``article_id, paragraph_index`` of every paragraph
    seen in an earlier article, ``article_id, duplicate_of`` for every
    near-duplicate article).
    """
    first = paragraphs.group_by("fp").agg(first_order=pl.col("order").min(), n_articles=pl.col("article_id").n_unique())
    df = paragraphs.join(first, on="fp")
    repeated = df.filter(pl.col("order") > pl.col("first_order")).select("article_id", "paragraph_index")

    evidence = df.filter(((pl.col("fp") & 1) == 1) & (pl.col("n_articles") <= MAX_SHARED))
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
    return repeated, pairs
