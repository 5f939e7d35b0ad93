"""A small published output written by hand (two articles, a reject), with offsets known to the tests."""

from __future__ import annotations

import datetime as dt

import pyarrow as pa

from flows.buckets import bucket_path
from flows.storage import MIN_BUCKETS, Store, bucket_of
from transforms import schemas
from transforms.people import person_id

A, B = "a1b2c3d4e5f60718", "ffee000011112222"
ANN = person_id("Ann Lee")
INPUT_A = [
    "Home | World | Sport",
    "Mayor opens [bridge]",
    "",
    "The mayor opened the bridge on Monday.",
    "",
    '"It is a great day," said Ann Lee, the mayor. <b>Not bold</b>',
    "Share on Facebook",
]
REMOVED_A = {1: "navigation", 2: "title", 7: "share"}
PARAGRAPHS_A = [INPUT_A[3], INPUT_A[5]]
TEXT_A = "\n\n".join(PARAGRAPHS_A)
P1 = len(PARAGRAPHS_A[0]) + 2  # where the second paragraph starts in TEXT_A
QUOTE = (P1 + 1, P1 + 1 + len("It is a great day,"))
MENTION = (P1 + PARAGRAPHS_A[1].index("Ann Lee"), P1 + PARAGRAPHS_A[1].index("Ann Lee") + len("Ann Lee"))
INPUT_B = ["Cookie settings", "Ein kurzer Text ohne Zitate."]
TEXT_B = INPUT_B[1]


def rows(table: str, **columns: list) -> pa.Table:
    """A table with the declared schema: the columns given, the others null."""
    schema = schemas.TABLES[table][0]
    n = len(next(iter(columns.values())))
    return pa.table({f.name: pa.array(columns.get(f.name, [None] * n), f.type) for f in schema}, schema=schema)


def write_output(root) -> Store:
    """Write the tables (one part each) and the ingest stage's buckets of the two articles under ``root``."""
    store = Store(str(root))
    tables = {
        "articles": rows(
            "articles",
            article_id=[A, B],
            source_path=["news/one.txt", "news/two.html"],
            format=["text", "html"],
            title=["Mayor opens bridge", None],
            site_name=["Daily Planet", None],
            authors=[["Jo Doe"], []],
            published=[dt.date(2024, 3, 1), None],
            language=["en", "de"],
            text=[TEXT_A, TEXT_B],
            n_paragraphs=[2, 1],
            n_boilerplate=[3, 1],
        ),
        "paragraphs": rows(
            "paragraphs",
            article_id=[A, A, B],
            paragraph_index=[0, 1, 0],
            kind=["body", "body", "body"],
            text=[*PARAGRAPHS_A, TEXT_B],
            char_start=[0, P1, 0],
            char_end=[len(PARAGRAPHS_A[0]), len(TEXT_A), len(TEXT_B)],
            n_sentences=[1, 1, 1],
            is_duplicate=[False, True, False],
        ),
        "quotes": rows(
            "quotes",
            quote_id=["q1"],
            article_id=[A],
            paragraph_index=[1],
            char_start=[QUOTE[0]],
            char_end=[QUOTE[1]],
            text=[TEXT_A[QUOTE[0] : QUOTE[1]]],
            kind=["full"],
            speaker_text=["Ann Lee"],
            speaker=["Ann Lee"],
            person_id=[ANN],
            cue=["said"],
            cluster_id=["c0"],
        ),
        "people": rows(
            "people", person_id=[ANN], name=["Ann Lee"], aliases=[["Ann Lee"]], n_mentions=[1], n_articles=[1]
        ),
        "boilerplate": rows(
            "boilerplate",
            article_id=[A, A, A, B],
            line_number=[*REMOVED_A, 1],
            text=[INPUT_A[n - 1] for n in REMOVED_A] + [INPUT_B[0]],
            reason=[*REMOVED_A.values(), "cookie"],
        ),
        "rejects": rows("rejects", source_path=["news/bad.bin"], reason=["binary"], detail=["NUL bytes"]),
    }
    if "mentions" in schemas.TABLES:
        start, end = MENTION
        tables["mentions"] = rows(
            "mentions", article_id=[A], person_id=[ANN], char_start=[start], char_end=[end], text=["Ann Lee"]
        )
    for name, table in tables.items():
        store.write_table(f"{name}/part-00.parquet", table)
    for aid, lines in ((A, INPUT_A), (B, INPUT_B)):
        ingested = pa.table({"article_id": [aid], "text": ["\n".join(lines)]})
        store.write_table(bucket_path("ingest", bucket_of(aid, MIN_BUCKETS)), ingested)
    return store
