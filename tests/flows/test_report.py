"""The dataset card and the run's speaker list: counts gathered over a table's parts."""

import pyarrow as pa

from flows.report import article_facets, dataset_card, top_speakers
from flows.storage import Store
from tests.outputs import write_output


def write_parts(store: Store, table: str, parts: list[dict]) -> None:
    for i, columns in enumerate(parts):
        store.write_table(f"{table}/part-{i:02d}.parquet", pa.table(columns))


def test_facets_and_dates_add_up_over_the_parts(tmp_path):
    store = Store(str(tmp_path))
    write_parts(
        store,
        "articles",
        [
            {
                "language": ["en", "de", None],
                "site_name": ["A", "B", "A"],
                "source_path": ["x/1.txt", "y/2.txt", "3.txt"],
                "published": ["2024-01-02", None, "2023-05-06"],
            },
            {
                "language": ["de", "de"],
                "site_name": [None, "B"],
                "source_path": ["y/4.txt", "y/5.txt"],
                "published": ["2025-07-08", None],
            },
        ],
    )
    facets, dates = article_facets(store)
    counts = {(f, v): n for f, v, n in facets.iter_rows()}
    assert counts == {
        ("language", "en"): 1,
        ("language", "de"): 3,
        ("site_name", "A"): 2,
        ("site_name", "B"): 2,
        ("folder", "x"): 1,
        ("folder", "y"): 3,
    }
    assert dates == {"first": "2023-05-06", "last": "2025-07-08", "n": 3}
    card = dataset_card(store, {"articles": 5})
    # most frequent first, ties by value
    assert "## Languages\n\nde (3), en (1)" in card
    assert "## Sites\n\nA (2), B (2)" in card
    assert "published 2023-05-06 to 2025-07-08 (3 dated articles)" in card


def test_a_table_not_yet_published_gives_an_empty_card_section(tmp_path):
    store = Store(str(tmp_path))
    assert article_facets(store)[1] == {"n": 0}
    assert "## Languages" not in dataset_card(store, {})
    assert top_speakers(store) == []


def test_top_speakers_add_up_over_the_parts(tmp_path):
    store = Store(str(tmp_path))
    write_parts(
        store,
        "quotes",
        [
            {"speaker": ["Ann Lee", "Bo Ek", None], "kind": ["full", "partial", "full"]},
            {"speaker": ["Bo Ek", "Bo Ek", "Ann Lee"], "kind": ["full", "full", "partial"]},
        ],
    )
    assert top_speakers(store) == [
        {"speaker": "Bo Ek", "quotes": 3, "full": 2},
        {"speaker": "Ann Lee", "quotes": 2, "full": 1},
    ]
    assert top_speakers(store, n=1) == [{"speaker": "Bo Ek", "quotes": 3, "full": 2}]


def test_the_card_counts_duplicates_and_quotes_with_a_speaker(tmp_path):
    store = write_output(tmp_path)
    store.write_table("rejects/part-01.parquet", pa.table({"reason": ["duplicate", "empty", "duplicate"]}))
    card = dataset_card(store, {"articles": 2, "paragraphs": 3, "quotes": 1})
    assert "- near-duplicate articles (`duplicate_of` set): 0 of 2" in card
    assert "- paragraphs repeated from an earlier article (`is_duplicate`): 1 of 3" in card
    assert "- inputs rejected as byte-for-byte copies of another input: 2" in card
    assert "- quotes with a person as speaker (`speaker`): 1 of 1 (100.0%)" in card
