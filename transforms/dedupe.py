"""Duplicate paragraphs and near-duplicate articles across a corpus, by paragraph fingerprints.

Syndicated copies of a story repeat most of its paragraphs word for word, with a
changed headline, byline or an extra paragraph. Fingerprinting normalised
paragraphs finds them in one columnar pass, without comparing article pairs.
"""

from __future__ import annotations

import hashlib
import re

import polars as pl

from transforms.prose import space_punctuation

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
# The paragraphs are worked through in this many parts that share no fingerprint (split on
# the fingerprint's bits), so the hash tables of the grouping steps hold one part at a time:
# at 100,000 articles (2.2 million paragraphs), 8 parts took the corpus step's peak from 322 to
# 222 MiB above its process's, in the same time (1.6 s); 4 to 32 parts gave 199-226 MiB, within the noise of each other.
PARTS = 8
NON_WORD = re.compile(r"[\W_]+")
# An ASCII text's bytes with every character of NON_WORD turned into a space: splitting it and joining the
# words with single spaces normalises it as NON_WORD.sub and strip() do, in a third of the time.
_ASCII_NON_WORD_TO_SPACE = bytes(c if chr(c).isalnum() else 0x20 for c in range(256))


def fingerprint(text: str) -> int:
    """A stable 63-bit hash of the paragraph with case, punctuation and spacing normalised away.

    The length of the normalised text is folded into the low bits, so that
    ``is_long`` can be read back without the text.
    """
    # typographic punctuation is in NON_WORD already: as spaces it leaves the same runs, often in ASCII text
    low = space_punctuation(text.lower())
    if low.isascii():
        norm = " ".join(low.encode().translate(_ASCII_NON_WORD_TO_SPACE).decode().split())
    else:
        norm = NON_WORD.sub(" ", low).strip()
    digest = int.from_bytes(hashlib.blake2b(norm.encode(), digest_size=8).digest(), "big") >> 1
    return (digest & ~1) | (len(norm) >= MIN_CHARS)


def duplicates(paragraphs: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Find repeated paragraphs and near-duplicate articles.

    ``paragraphs`` has columns ``order`` (article order, one number per article:
    earlier articles are the originals), ``article_id``, ``paragraph_index``,
    ``fp`` (``fingerprint`` of the text). Returns (``article_id, paragraph_index``
    of every paragraph seen in an earlier article, sorted;
    ``article_id, duplicate_of`` for every near-duplicate article, by article_id).

    There are millions of paragraphs, so they are only filtered and grouped, on
    the integer columns (``order`` stands for the article); article ids come
    back only for the few near-duplicate articles.
    """
    repeated, n_long, pair_counts = [], [], []
    for part in range(PARTS):
        prints = paragraphs.lazy().filter(pl.col("fp") // 2**32 % PARTS == part)
        repeated.append(
            prints.filter(pl.col("order") > pl.col("order").min().over("fp"))
            .select("article_id", "paragraph_index")
            .collect()
        )
        evidence = (
            prints.filter((pl.col("fp") & 1) == 1)
            .select("order", "fp", n_articles=pl.col("order").n_unique().over("fp"))
            .filter(pl.col("n_articles") <= MAX_SHARED)
        )
        n_long.append(evidence.group_by("order").agg(n_long=pl.len()).collect())
        # Only fingerprints in two articles or more can be shared; each counts once per article.
        shared = evidence.filter(pl.col("n_articles") >= 2).select("order", "fp").unique()
        pair_counts.append(
            shared.join(shared.select("fp", other_order="order"), on="fp")
            .filter(pl.col("other_order") < pl.col("order"))
            .group_by("order", "other_order")
            .agg(shared=pl.len())
            .collect()
        )
    near = (
        pl.concat(pair_counts)
        .group_by("order", "other_order")
        .agg(pl.col("shared").sum())
        .join(pl.concat(n_long).group_by("order").agg(pl.col("n_long").sum()), on="order")
        .filter(pl.col("shared") >= DUPLICATE_SHARE * pl.col("n_long"))
        .group_by("order")
        .agg(pl.col("other_order").min())
    )
    ids = (
        paragraphs.filter(pl.col("order").is_in(pl.concat([near["order"], near["other_order"]]).implode()))
        .select("order", "article_id")
        .unique("order")
    )
    pairs = (
        near.join(ids, on="order")
        .join(ids.select(other_order="order", duplicate_of="article_id"), on="other_order")
        .select("article_id", "duplicate_of")
        .sort("article_id")
    )
    return pl.concat(repeated).sort("article_id", "paragraph_index"), pairs
