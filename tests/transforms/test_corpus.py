"""Corpus-level steps: the people table, quote speakers resolved to its people, quote clusters."""

import hashlib

import polars as pl
import pytest

from transforms.corpus import MAX_BLOCK, build_people, cluster_quotes, name_counts, resolve_speakers
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


def test_one_word_names_stay_in_their_article():
    df = pl.DataFrame(
        {
            "article_id": ["a", "a", "b", "c", "c"],
            "surface": ["Greta Lindqvist", "Ms Lindqvist", "Lindqvist", "Greta Lindqvist", "Lindqvist"],
            "name": ["Greta Lindqvist", "Greta Lindqvist", "Lindqvist", "Greta Lindqvist", "Lindqvist"],
        }
    )
    out = people(df)
    rows = {(r["name"], r["person_id"]): r for r in out.to_dicts()}
    assert rows[("Greta Lindqvist", person_id("Greta Lindqvist"))]["n_mentions"] == 3
    # "Lindqvist" left unresolved in articles b and c: one person per article, joined to nobody
    assert rows[("Lindqvist", person_id("Lindqvist", "b"))]["n_articles"] == 1
    assert rows[("Lindqvist", person_id("Lindqvist", "c"))]["aliases"] == ["Lindqvist"]
    assert out.height == 3


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


def test_cluster_quotes_compares_with_the_first_members_of_a_block():
    def quote(i: int, typo: str = "") -> str:  # distinct quotes: the same first and last words, a hash between
        return f"We said it then, {hashlib.sha256(str(i).encode()).hexdigest()[:32]}{typo} and we say it now."

    texts = [quote(i) for i in range(MAX_BLOCK + 5)]
    texts += [quote(3, "x"), quote(MAX_BLOCK + 2, "x"), quote(3, "y")]
    ids = cluster_quotes(texts)
    assert ids[: MAX_BLOCK + 5] == list(range(MAX_BLOCK + 5))
    # a variant of a block's first members joins it; one of a later member is not compared with it
    assert ids[MAX_BLOCK + 5 :] == [3, MAX_BLOCK + 5, 3]


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
    duarte = forward.filter(pl.col("person_id") == person_id("Ines Duarte")).to_dicts()[0]
    # Two spellings with two mentions each: the one first by name leads.
    assert (duarte["name"], duarte["n_mentions"], duarte["n_articles"]) == ("Ines Duarte", 4, 3)
    assert duarte["aliases"] == ["Ines Duarte", "Inés Duarte", "Ms Duarte"]
    # Read a part at a time (as the pipeline reads buckets), the corpus gives the same table.
    whole = mentions(rows)
    parts = [whole.filter(pl.col("article_id").is_in(ids)) for ids in (["c", "a"], ["d"], ["b"])]
    assert build_people(name_counts(parts), parts).to_dicts() == forward.to_dicts()


def test_a_surname_or_mr_never_joins_a_full_name_of_another_article():
    rows = [("a", "Tomas Berg", "Tomas Berg")] * 3 + [("b", "Mr Berg", "Berg"), ("c", "Berg", "Berg")]
    out = people(mentions(rows))
    assert sorted(out.select("name", "n_mentions", "n_articles").rows()) == [
        ("Berg", 1, 1),
        ("Berg", 1, 1),
        ("Tomas Berg", 3, 1),
    ]


def test_a_first_name_never_joins_another_articles_person():
    # Prince Andrew in one article, Andrew Vaughan in another, a bare "Andrew" in a third
    rows = [
        ("a", "Prince Andrew", "Prince Andrew"),
        ("a", "Andrew", "Prince Andrew"),
        ("b", "Andrew Vaughan", "Andrew Vaughan"),
        ("c", "Andrew", "Andrew"),
    ]
    out = people(mentions(rows))
    names = {r["name"]: r["aliases"] for r in out.to_dicts()}
    assert names == {
        "Prince Andrew": ["Andrew", "Prince Andrew"],
        "Andrew Vaughan": ["Andrew Vaughan"],
        "Andrew": ["Andrew"],
    }


def test_two_people_sharing_a_surname_stay_apart():
    rows = [
        ("a", "Hanna Vogel", "Hanna Vogel"),
        ("b", "Peter Vogel", "Peter Vogel"),
        ("c", "Vogel", "Vogel"),
    ]
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
    known = {person_id("Kim Jong Un"): "Kim Jong Un", person_id("Putin", "a"): "Putin"}
    got = resolve_speakers([("a", "Putin"), ("b", "Putin"), ("a", "Kim Jong-un"), ("b", "Ann Lee")], known)
    assert got == {
        # a one-word name is a person of its article only: the same word elsewhere is someone else
        ("a", "Putin"): (person_id("Putin", "a"), "Putin"),
        ("b", "Putin"): (person_id("Putin", "b"), "Putin"),
        ("a", "Kim Jong-un"): (person_id("Kim Jong Un"), "Kim Jong Un"),  # a variant of a people row's name
        ("b", "Ann Lee"): (person_id("Ann Lee"), "Ann Lee"),  # no people row: the speaker's own name
    }
    assert person_id("Putin", "a") != person_id("Putin", "b")
    assert person_id("Kim Jong Un", "a") == person_id("Kim Jong Un", "b") == person_id("Kim Jong Un")


def test_a_hyphenated_surname_alone_is_one_word():
    rows = [("a", "Mark-Viverito", "Mark-Viverito"), ("b", "Mark-Viverito", "Mark-Viverito")]
    out = people(mentions(rows))
    assert out.height == 2
    assert set(out["person_id"]) == {person_id("Mark-Viverito", "a"), person_id("Mark-Viverito", "b")}
