"""Corpus-level steps over every article's results: the people table, the corpus name map,
and clusters of the same quote across articles.

These see the whole corpus, so they work on compact columns (polars frames, or
lists of strings), never on the articles themselves.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

import polars as pl

from transforms import schemas
from transforms.people import fold_name, person_id

# A surname-only name joins a corpus full name when that full name holds at least this share of
# the corpus mentions of full names sharing the token (0.6, a judgement call: "Kim" -> the Kim
# with most mentions only when he clearly dominates; two equally frequent Clintons stay apart).
SHORT_NAME_DOMINANCE = 0.6


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


def canonical_names(counts: dict[str, int]) -> dict[str, str]:
    """Article-level names that the corpus resolves further: a surname-only name ("Putin",
    from an article that never writes the full name) -> the dominant corpus full name sharing
    that token. ``counts``: ``name_counts`` of the corpus. Map quote speakers through this
    before ``person_id`` to match ``build_people``.
    """
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
            spellings = full[toks[0]]
            # the most frequent spelling of that person; between equally frequent ones, the first by name
            out[name] = min((fn for fn in spellings if fold_name(fn) == key), key=lambda fn: (-spellings[fn], fn))
    return out


def resolve_speakers(speakers: Iterable[str], names: dict[str, str], people: dict[str, str]) -> dict[str, tuple]:
    """Each quote speaker (an article-level name) -> (person_id, name) of the corpus person it is.

    ``names``: the corpus's ``canonical_names``; ``people``: person_id -> name of the people table.
    The speaker resolves as ``build_people`` resolved its mentions, so its person_id is a people
    row's; the name shown is that row's, or the resolved name when no mention made a row.
    """
    out = {}
    for speaker in speakers:
        resolved = names.get(speaker, speaker)
        pid = person_id(resolved)
        out[speaker] = (pid, people.get(pid, resolved))
    return out


# The people table's columns, as polars types (the table is defined once, in transforms.schemas).
PEOPLE_SCHEMA = pl.from_arrow(schemas.PEOPLE.empty_table()).schema


def build_people(counts: dict[str, int], parts: Iterable[pl.DataFrame]) -> pl.DataFrame:
    """Corpus-level people: one row per folded name.

    ``counts``: ``name_counts`` of the corpus; ``parts``: the corpus's mentions (columns
    article_id, surface, name; one row per mention), a part at a time, no article split
    between two parts. Output: person_id, name (the most common full form), aliases
    (sorted surfaces), n_mentions, n_articles. Names are resolved and folded once per
    distinct name; each part's mentions are only grouped, by an integer person number,
    so one part is held at a time.
    """
    mapping = canonical_names(counts)
    resolved = [mapping.get(name, name) for name in counts]
    keys = [fold_name(name) for name in resolved]
    numbers = {key: i for i, key in enumerate(dict.fromkeys(k for k in keys if k))}
    names = pl.DataFrame(
        {
            "name": list(counts),
            "resolved": resolved,
            "_n": list(counts.values()),
            "_person": [numbers.get(k) for k in keys],
            "person_id": [person_id(name) for name in resolved],
        },
        schema={"name": pl.Utf8, "resolved": pl.Utf8, "_n": pl.Int64, "_person": pl.UInt32, "person_id": pl.Utf8},
    ).drop_nulls("_person")
    best = (
        names.group_by("_person", "person_id", "resolved")
        .agg(pl.col("_n").sum())
        .group_by("_person", "person_id")
        .agg(name=pl.col("resolved").sort_by("_n", "resolved", descending=[True, False]).first())
    )
    person = pl.col("name").replace_strict(names["name"], names["_person"], default=None)
    per_part = [
        part.group_by(person.alias("_person")).agg(
            pl.col("surface").unique().alias("aliases"),
            pl.len().alias("n_mentions"),
            pl.col("article_id").n_unique().alias("n_articles"),  # exact summed: parts share no article
        )
        for part in parts
    ]
    if not per_part:
        return pl.DataFrame(schema=PEOPLE_SCHEMA)
    agg = (
        pl.concat(per_part)
        .group_by("_person")
        .agg(
            pl.col("aliases").list.explode(keep_nulls=False, empty_as_null=False).unique().sort(),
            pl.col("n_mentions").sum(),
            pl.col("n_articles").sum(),
        )
    )
    out = best.join(agg, on="_person")
    return out.select(list(PEOPLE_SCHEMA)).cast(PEOPLE_SCHEMA).sort("n_mentions", "name", descending=[True, False])


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
    blocks: dict[str, list[int]] = defaultdict(list)
    for i in reps:
        words = norm[i].split()
        if len(words) < CLUSTER_MIN_FUZZY_WORDS:
            continue
        for key in {"^ " + " ".join(words[:BLOCK_WORDS]), "$ " + " ".join(words[-BLOCK_WORDS:])}:
            block = blocks[key]
            for j in block[:MAX_BLOCK]:
                if find(i) != find(j) and fuzz.ratio(norm[i], norm[j]) >= CLUSTER_MIN_RATIO:
                    union(i, j)
            block.append(i)
    ids: dict[int, int] = {}
    labels = [ids.setdefault(find(i), len(ids)) for i in range(len(norm))]
    if len(distinct) == len(texts):
        return labels
    numbered = pl.DataFrame({"text": distinct, "label": labels})
    by_text = pl.DataFrame({"text": texts}).join(numbered, on="text", nulls_equal=True, maintain_order="left")
    return by_text["label"].to_list()
