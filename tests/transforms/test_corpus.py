"""Corpus-level steps: the people table, the corpus name map, quote clusters."""

import polars as pl
import pytest

from transforms.corpus import build_people, canonical_names, cluster_quotes, name_counts, resolve_speakers
from transforms.people import person_id


def people(mentions: pl.DataFrame) -> pl.DataFrame:
    return build_people(name_counts([mentions]), [mentions])


def test_build_people_groups_variants_and_counts():
    df = pl.DataFrame(
        {
            "article_id": ["a", "a", "b", "b", "c"],
            "surface": ["Park Min Jun", "Mr Park", "Park Min-jun", "Park Soo Ah", "Greta Lindqvist"],
            "name": ["Park Min Jun", "Park Min Jun", "Park Min-jun", "Park Soo Ah", "Greta Lindqvist"],
        }
    )
    out = people(df)
    assert out.columns == ["person_id", "name", "aliases", "n_mentions", "n_articles"]
    row = out.filter(pl.col("person_id") == person_id("Park Min Jun")).to_dicts()[0]
    assert row["name"] in ("Park Min Jun", "Park Min-jun")
    assert row["aliases"] == sorted(["Park Min Jun", "Mr Park", "Park Min-jun"])
    assert (row["n_mentions"], row["n_articles"]) == (3, 2)
    assert out.height == 3


def test_build_people_merges_surname_only_names_into_dominant_full_name():
    df = pl.DataFrame(
        {
            "article_id": ["a", "a", "b", "c"],
            "surface": ["Greta Lindqvist", "Ms Lindqvist", "Lindqvist", "Greta Lindqvist"],
            "name": ["Greta Lindqvist", "Greta Lindqvist", "Lindqvist", "Greta Lindqvist"],
        }
    )
    assert canonical_names(name_counts([df])) == {"Lindqvist": "Greta Lindqvist"}
    out = people(df)
    assert out.height == 1
    assert out["name"][0] == "Greta Lindqvist"


def test_build_people_empty():
    empty = pl.DataFrame(schema={"article_id": pl.Utf8, "surface": pl.Utf8, "name": pl.Utf8})
    assert people(empty).height == 0


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            ["We will win this fight together.", "We will win this fight together", "Something else entirely."],
            [0, 0, 1],
        ),
        (["We will win this fight together, all of us.", "We will win this fight together, all of us!"], [0, 0]),
        (
            [
                "We will always stand with our friends in the north.",
                "We will always stand with our friends in the North ...",
            ],
            [0, 0],
        ),
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


def mentions(rows: list[tuple[str, str, str]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=["article_id", "surface", "name"], orient="row")


def test_build_people_does_not_depend_on_row_order():
    rows = [
        ("a", "Ines Duarte", "Ines Duarte"),
        ("a", "Ms Duarte", "Ines Duarte"),
        ("b", "Duarte", "Duarte"),
        ("b", "Ines Duarte", "Inés Duarte"),
        ("c", "Inés Duarte", "Inés Duarte"),
        ("c", "Tomas Berg", "Tomas Berg"),
        ("d", "Mr Berg", "Mr Berg"),
    ]
    forward, backward = people(mentions(rows)), people(mentions(rows[::-1]))
    assert forward.to_dicts() == backward.to_dicts()
    assert canonical_names(name_counts([mentions(rows)])) == canonical_names(name_counts([mentions(rows[::-1])]))
    duarte = forward.filter(pl.col("person_id") == person_id("Ines Duarte")).to_dicts()[0]
    # Two spellings with two mentions each: "Duarte" joins the one first by name, which then leads.
    assert (duarte["name"], duarte["n_mentions"], duarte["n_articles"]) == ("Ines Duarte", 5, 3)
    assert duarte["aliases"] == ["Duarte", "Ines Duarte", "Inés Duarte", "Ms Duarte"]
    # Read a part at a time (as the pipeline reads buckets), the corpus gives the same table.
    whole = mentions(rows)
    parts = [whole.filter(pl.col("article_id").is_in(ids)) for ids in (["c", "a"], ["d"], ["b"])]
    assert build_people(name_counts(parts), parts).to_dicts() == forward.to_dicts()


def test_surname_and_mr_variants_join_the_dominant_full_name():
    rows = [("a", "Tomas Berg", "Tomas Berg")] * 3 + [("b", "Mr Berg", "Mr Berg"), ("c", "Berg", "Berg")]
    assert canonical_names(name_counts([mentions(rows)])) == {"Mr Berg": "Tomas Berg", "Berg": "Tomas Berg"}
    out = people(mentions(rows))
    assert out.select("name", "n_mentions", "n_articles").rows() == [("Tomas Berg", 5, 3)]


def test_two_people_sharing_a_surname_stay_apart():
    rows = [
        ("a", "Hanna Vogel", "Hanna Vogel"),
        ("b", "Peter Vogel", "Peter Vogel"),
        ("c", "Vogel", "Vogel"),
    ]
    assert canonical_names(name_counts([mentions(rows)])) == {}
    out = people(mentions(rows))
    assert sorted(out["name"]) == ["Hanna Vogel", "Peter Vogel", "Vogel"]
    assert out["person_id"].n_unique() == 3


def test_cluster_quotes_numbers_by_first_appearance_and_takes_a_series():
    texts = [
        "Short one",
        "We will rebuild every bridge in the valley by spring.",
        "short one!",
        "We will rebuild every bridge in the valley by the spring.",
        "A different statement about the harbour budget entirely.",
        "Short one",
    ]
    assert cluster_quotes(texts) == [0, 1, 0, 1, 2, 0]
    assert cluster_quotes(pl.Series(texts)) == [0, 1, 0, 1, 2, 0]
    assert cluster_quotes(texts[::-1]) == [0, 1, 2, 0, 2, 0]


def test_speakers_resolve_to_the_people_table_s_person_and_name():
    names = {"Putin": "Vladimir Putin"}  # the corpus resolves a surname-only article name further
    known = {person_id("Vladimir Putin"): "Vladimir Putin", person_id("Kim Jong Un"): "Kim Jong Un"}
    got = resolve_speakers(["Putin", "Kim Jong-un", "Ann Lee"], names, known)
    assert got == {
        "Putin": (person_id("Vladimir Putin"), "Vladimir Putin"),
        "Kim Jong-un": (person_id("Kim Jong Un"), "Kim Jong Un"),  # a variant of a people row's name
        "Ann Lee": (person_id("Ann Lee"), "Ann Lee"),  # no people row: the name as resolved
    }
