"""Corpus-level steps over every article's results: the people table and clusters of the same
quote across articles.

These see the whole corpus, so they work on compact columns (polars frames, or
lists of strings), never on the articles themselves.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import polars as pl

from transforms import schemas
from transforms.people import fold_name, is_one_word, person_id


def name_counts(parts: Iterable[pl.DataFrame]) -> dict[str, int]:
    """Mentions per name over the parts of a corpus (frames with a ``name`` column), by name.

    The corpus has millions of mentions of a few thousand names, so everything after
    this counting works on the names only (and in an order that does not depend on
    the order of the rows or of the parts).
    """
    counted = [part.group_by("name").agg(n=pl.len()) for part in parts]
    if not counted:
        return {}
    return dict(pl.concat(counted).group_by("name").agg(pl.col("n").sum()).sort("name").iter_rows())


def resolve_speakers(speakers: Iterable[tuple[str, str]], people: dict[str, str]) -> dict[tuple[str, str], tuple]:
    """Each quote speaker, (article_id, article-level name) -> (person_id, name) of the corpus person it is.

    ``people``: person_id -> name of the people table. The speaker resolves as ``build_people``
    resolved its mentions: a full name is the person of that name; a one-word name ("Kim", left
    unresolved in its article) is that article's person only (``person_id`` with the article),
    never someone of another article sharing the word. The name shown is the people row's, or the
    speaker's own when no mention made a row.
    """
    out = {}
    for article_id, speaker in speakers:
        pid = person_id(speaker, article_id)
        out[article_id, speaker] = (pid, people.get(pid, speaker))
    return out


# The people table's columns, as polars types (the table is defined once, in transforms.schemas).
PEOPLE_SCHEMA = pl.from_arrow(schemas.PEOPLE.empty_table()).schema


def build_people(counts: dict[str, int], parts: Iterable[pl.DataFrame]) -> pl.DataFrame:
    """Corpus-level people: a row per full name (folded), and a row per one-word name per article.

    Two mentions are one person only when a full name links them: the people stage resolves "Mr
    Kim", "Putin" or "Andrew" to a full name inside its article where it can; a one-word name it
    leaves as it is names someone of that article only, and never joins a person of another
    article ("Andrew" in one article is not Andrew Vaughan of another).

    ``counts``: ``name_counts`` of the corpus; ``parts``: the corpus's mentions (columns
    article_id, surface, name; one row per mention), a part at a time, no article split between
    two parts. Output: person_id (``people.person_id``), name (a full name: its most common
    form), aliases (sorted surfaces), n_mentions, n_articles. Names are folded once per distinct
    name; each part's mentions are only grouped, so one part is held at a time.
    """
    keys = {name: fold_name(name) for name in counts}
    full_keys = sorted({k for name, k in keys.items() if not is_one_word(name)})
    numbers = {key: i for i, key in enumerate(full_keys)}
    names = pl.DataFrame(
        {
            "name": list(counts),
            "_n": list(counts.values()),
            "_key": list(keys.values()),
            "_person": [None if is_one_word(n) else numbers[k] for n, k in keys.items()],
        },
        schema={"name": pl.Utf8, "_n": pl.Int64, "_key": pl.Utf8, "_person": pl.UInt32},
    ).filter(pl.col("_key") != "")
    full = names.drop_nulls("_person")
    best = full.group_by("_person").agg(
        pl.col("_key").first(), name=pl.col("name").sort_by("_n", "name", descending=[True, False]).first()
    )
    best = best.with_columns(person_id=pl.Series([person_id(k) for k in best["name"]], dtype=pl.Utf8))
    full_rows, single_rows = [], []
    for part in parts:
        joined = part.join(names.select("name", "_key", "_person"), on="name")
        full_rows.append(
            joined.drop_nulls("_person")
            .group_by("_person")
            .agg(
                pl.col("surface").unique().alias("aliases"),
                pl.len().alias("n_mentions"),
                pl.col("article_id").n_unique().alias("n_articles"),  # exact summed: parts share no article
            )
        )
        single_rows.append(
            joined.filter(pl.col("_person").is_null())
            .group_by("article_id", "_key")
            .agg(
                pl.col("surface").unique().sort().alias("aliases"),
                pl.len().alias("n_mentions"),
                pl.col("name").mode().sort().first(),
            )
        )
    if not full_rows:
        return pl.DataFrame(schema=PEOPLE_SCHEMA)
    agg = (
        pl.concat(full_rows)
        .group_by("_person")
        .agg(
            pl.col("aliases").list.explode(keep_nulls=False, empty_as_null=False).unique().sort(),
            pl.col("n_mentions").sum(),
            pl.col("n_articles").sum(),
        )
    )
    singles = pl.concat(single_rows)
    singles = singles.with_columns(
        n_articles=pl.lit(1, pl.Int64),
        person_id=pl.Series(
            [person_id(n, a) for n, a in zip(singles["name"], singles["article_id"], strict=True)], dtype=pl.Utf8
        ),
    )
    out = pl.concat(
        [
            best.join(agg, on="_person").select(list(PEOPLE_SCHEMA)).cast(PEOPLE_SCHEMA),
            singles.select(list(PEOPLE_SCHEMA)).cast(PEOPLE_SCHEMA),
        ]
    )
    return out.sort("n_mentions", "name", "person_id", descending=[True, False, False])


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


def cluster_quotes(texts: Iterable[str]) -> list[int]:
    """Cluster number per quote: same or near-identical wording -> same number, numbered in
    order of first appearance.

    ``texts`` may be a polars Series, which spares the caller a Python list of every quote.
    A corpus repeats the same quotes many times over, so only the distinct texts are
    normalised and compared; each quote then takes its text's number. Only the normalised
    texts become Python strings (at 100,000 benchmark articles, 260,000 distinct texts).
    """
    from rapidfuzz import fuzz

    texts = pl.Series(texts, dtype=pl.String)
    distinct = texts.unique(maintain_order=True)
    # the texts stay in Arrow memory: Python holds their normalised forms only
    norm = [_norm_quote(t) for t in distinct]
    parent = list(range(len(norm)))

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
    # keys are strings, not tuples of words: 112 against 124 MiB at the peak (tracemalloc) for the
    # 260,000 distinct quotes of 100,000 benchmark articles
    # (a block holds its first MAX_BLOCK members only: no later quote is compared with the others)
    blocks: dict[str, list[int]] = defaultdict(list)
    ratio = fuzz.ratio
    for i in reps:
        text = norm[i]
        words = text.split()
        if len(words) < CLUSTER_MIN_FUZZY_WORDS:
            continue
        root = find(i)  # kept current: only a union with i changes it
        for key in {"^ " + " ".join(words[:BLOCK_WORDS]), "$ " + " ".join(words[-BLOCK_WORDS:])}:
            block = blocks[key]
            for j in block:
                # (a member whose parent is the root is in i's cluster: find(j) is not needed to tell)
                if parent[j] != root and find(j) != root and ratio(text, norm[j]) >= CLUSTER_MIN_RATIO:
                    union(i, j)
                    root = find(i)
            if len(block) < MAX_BLOCK:
                block.append(i)
    ids: dict[int, int] = {}
    labels = [ids.setdefault(find(i), len(ids)) for i in range(len(norm))]
    if len(distinct) == len(texts):
        return labels
    numbered = pl.DataFrame({"text": distinct, "label": labels})
    by_text = pl.DataFrame({"text": texts}).join(numbered, on="text", nulls_equal=True, maintain_order="left")
    return by_text["label"].to_list()
