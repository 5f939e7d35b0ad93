"""Corpus-level steps over every article's results: the people table, the corpus name map,
and clusters of the same quote across articles.

These see the whole corpus, so they work on compact columns (polars frames, or
lists of strings), never on the articles themselves.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict

import polars as pl

from transforms.people import fold_name

# A surname-only name joins a corpus full name when that full name holds at least this share of
# the corpus mentions of full names sharing the token (0.6, a judgement call: "Kim" -> the Kim
# with most mentions only when he clearly dominates; two equally frequent Clintons stay apart).
SHORT_NAME_DOMINANCE = 0.6


def canonical_names(mentions: pl.DataFrame) -> dict[str, str]:
    """Article-level names that the corpus resolves further: a surname-only name ("Putin",
    from an article that never writes the full name) -> the dominant corpus full name sharing
    that token.  Map quote speakers through this before ``person_id`` to match ``build_people``.
    """
    if mentions.height == 0:
        return {}
    counts = Counter(mentions.get_column("name").to_list())
    full: dict[str, Counter] = defaultdict(Counter)  # token -> Counter(full display name)
    for name, n in counts.items():
        toks = fold_name(name).split()
        if len(toks) >= 2:
            for t in {toks[0], toks[-1]}:
                full[t][name] += n
    out: dict[str, str] = {}
    for name in counts:
        toks = fold_name(name).split()
        if len(toks) != 1 or toks[0] not in full:
            continue
        by_key: Counter = Counter()
        for full_name, n in full[toks[0]].items():
            by_key[fold_name(full_name)] += n
        key, n = by_key.most_common(1)[0]
        if n >= SHORT_NAME_DOMINANCE * sum(by_key.values()):
            out[name] = max((fn for fn in full[toks[0]] if fold_name(fn) == key), key=full[toks[0]].get)
    return out


def build_people(mentions: pl.DataFrame) -> pl.DataFrame:
    """Corpus-level people: one row per folded name.

    Input columns: article_id, surface, name (one row per mention).  Output: person_id,
    name (the most common full form), aliases (sorted surfaces), n_mentions, n_articles.
    """
    schema = {"person_id": pl.Utf8, "name": pl.Utf8, "aliases": pl.List(pl.Utf8),
              "n_mentions": pl.Int64, "n_articles": pl.Int64}
    if mentions.height == 0:
        return pl.DataFrame(schema=schema)
    mapping = canonical_names(mentions)
    df = mentions.select("article_id", "surface", "name").with_columns(
        pl.col("name").replace(mapping) if mapping else pl.col("name")
    ).with_columns(
        pl.col("name").map_elements(fold_name, return_dtype=pl.Utf8).alias("_key")
    ).filter(pl.col("_key") != "")
    counts = (df.group_by("_key", "name").agg(pl.len().alias("_n"))
              .sort(["_key", "_n", "name"], descending=[False, True, False])
              .group_by("_key", maintain_order=True).agg(pl.col("name").first()))
    agg = df.group_by("_key").agg(
        pl.col("surface").unique().sort().alias("aliases"),
        pl.len().cast(pl.Int64).alias("n_mentions"),
        pl.col("article_id").n_unique().cast(pl.Int64).alias("n_articles"),
    )
    out = counts.join(agg, on="_key").with_columns(
        pl.col("_key").map_elements(
            lambda k: hashlib.sha1(k.encode("utf-8")).hexdigest()[:16], return_dtype=pl.Utf8
        ).alias("person_id")
    )
    return out.select(list(schema)).cast(schema).sort("n_mentions", "name", descending=[True, False])


_NORM_RE = re.compile(r"[^\w\s]+")
# Two quotes are one when their normalised wording scores at least this (rapidfuzz ratio,
# 0-100); 90 joins quotes differing by a translation variant or an elided clause, not two
# different sentences of one speech.
CLUSTER_MIN_RATIO = 90
# Quotes shorter than this many words cluster only on identical wording ("fight against imperialism").
CLUSTER_MIN_FUZZY_WORDS = 4
# Blocking: quotes are compared only with quotes sharing their first or last BLOCK_WORDS words;
# blocks bigger than MAX_BLOCK compare against their first MAX_BLOCK members only (linear bound).
BLOCK_WORDS = 3
MAX_BLOCK = 50


def _norm_quote(s: str) -> str:
    return " ".join(_NORM_RE.sub(" ", (s or "").lower()).split())


def cluster_quotes(texts: list[str]) -> list[int]:
    """Cluster number per quote: same or near-identical wording -> same number."""
    from rapidfuzz import fuzz

    norm = [_norm_quote(t) for t in texts]
    parent = list(range(len(texts)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    exact: dict[str, int] = {}
    reps: list[int] = []
    for i, n in enumerate(norm):
        if n in exact:
            union(i, exact[n])
        else:
            exact[n] = i
            reps.append(i)
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in reps:
        words = norm[i].split()
        if len(words) < CLUSTER_MIN_FUZZY_WORDS:
            continue
        for key in {("^",) + tuple(words[:BLOCK_WORDS]), ("$",) + tuple(words[-BLOCK_WORDS:])}:
            block = blocks[key]
            for j in block[:MAX_BLOCK]:
                if find(i) != find(j) and fuzz.ratio(norm[i], norm[j]) >= CLUSTER_MIN_RATIO:
                    union(i, j)
            block.append(i)
    ids: dict[int, int] = {}
    out = []
    for i in range(len(texts)):
        r = find(i)
        if r not in ids:
            ids[r] = len(ids)
        out.append(ids[r])
    return out
