"""flows.publish: quote speakers resolve to the people table's persons."""

import polars as pl

from flows.publish import Lookups, quote_rows
from transforms.people import person_id

QUOTE = pl.Struct({"start": pl.Int64, "end": pl.Int64, "text": pl.String, "speaker": pl.String})


def found(rows: list[tuple[str, list[dict]]]) -> pl.DataFrame:
    return pl.DataFrame({"article_id": [a for a, _ in rows], "quotes": [q for _, q in rows]}, schema={
        "article_id": pl.String,
        "quotes": pl.List(QUOTE),
    })


def test_speakers_resolve_to_their_articles_person_only():
    quotes = found(
        [
            ("a", [{"start": 0, "end": 5, "text": "yes", "speaker": "Kim Jong Un"}]),
            (
                "b",
                [
                    {"start": 0, "end": 5, "text": "no", "speaker": "Kim"},
                    {"start": 9, "end": 12, "text": "hm", "speaker": None},
                ],
            ),
            ("c", [{"start": 3, "end": 8, "text": "so", "speaker": "Kim"}]),
        ]
    )
    people = {person_id("Kim Jong Un"): "Kim Jong-un"}
    lookups = Lookups(
        repeated=None,
        near=None,
        clusters=pl.DataFrame(schema={"article_id": pl.String, "start": pl.Int64, "cluster_id": pl.String}),
        canonical=people,
    )
    rows = quote_rows(quotes, lookups).select("article_id", "speaker", "person_id", "text").rows()
    assert rows == [
        ("a", "Kim Jong-un", person_id("Kim Jong Un"), "yes"),  # the people table's name
        ("b", "Kim", person_id("Kim", "b"), "no"),  # a one-word speaker: article b's Kim only
        ("b", None, None, "hm"),
        ("c", "Kim", person_id("Kim", "c"), "so"),
    ]
    assert person_id("Kim", "b") != person_id("Kim", "c") != person_id("Kim Jong Un")
