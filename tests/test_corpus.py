"""Corpus-level steps: the people table, the corpus name map, quote clusters."""

import polars as pl
import pytest

from transforms.corpus import build_people, canonical_names, cluster_quotes
from transforms.people import person_id


def test_build_people_groups_variants_and_counts():
    df = pl.DataFrame({
        "article_id": ["a", "a", "b", "b", "c"],
        "surface": ["Park Min Jun", "Mr Park", "Park Min-jun", "Park Soo Ah", "Greta Lindqvist"],
        "name": ["Park Min Jun", "Park Min Jun", "Park Min-jun", "Park Soo Ah", "Greta Lindqvist"],
    })
    out = build_people(df)
    assert out.columns == ["person_id", "name", "aliases", "n_mentions", "n_articles"]
    row = out.filter(pl.col("person_id") == person_id("Park Min Jun")).to_dicts()[0]
    assert row["name"] in ("Park Min Jun", "Park Min-jun")
    assert row["aliases"] == sorted(["Park Min Jun", "Mr Park", "Park Min-jun"])
    assert (row["n_mentions"], row["n_articles"]) == (3, 2)
    assert out.height == 3


def test_build_people_merges_surname_only_names_into_dominant_full_name():
    df = pl.DataFrame({
        "article_id": ["a", "a", "b", "c"],
        "surface": ["Greta Lindqvist", "Ms Lindqvist", "Lindqvist", "Greta Lindqvist"],
        "name": ["Greta Lindqvist", "Greta Lindqvist", "Lindqvist", "Greta Lindqvist"],
    })
    assert canonical_names(df) == {"Lindqvist": "Greta Lindqvist"}
    out = build_people(df)
    assert out.height == 1
    assert out["name"][0] == "Greta Lindqvist"


def test_build_people_empty():
    empty = pl.DataFrame(schema={"article_id": pl.Utf8, "surface": pl.Utf8, "name": pl.Utf8})
    assert build_people(empty).height == 0


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["We will win this fight together.", "We will win this fight together", "Something else entirely."],
         [0, 0, 1]),
        (["We will win this fight together, all of us.", "We will win this fight together, all of us!"], [0, 0]),
        (["We will always stand with our friends in the north.",
          "We will always stand with our friends in the North ..."], [0, 0]),
        (["fair", "fair", "unfair"], [0, 0, 1]),
        ([], []),
    ],
)
def test_cluster_quotes(texts, expected):
    assert cluster_quotes(texts) == expected


def test_cluster_quotes_many_distinct_and_repeated():
    texts = [f"Quote number {i} says something quite specific about item {i * 7}." for i in range(2000)]
    ids = cluster_quotes(texts + texts[:100])
    assert ids[-100:] == ids[:100]
