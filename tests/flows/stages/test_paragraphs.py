"""The paragraphs stage: one article's row, and its corpus step (repeated paragraphs, near-duplicate articles)."""

import pyarrow as pa

from flows.buckets import bucket_path
from flows.stages import ingest, paragraphs
from flows.storage import MANIFEST, MIN_BUCKETS, Store, bucket_of
from transforms.paragraphs import ParagraphOptions

PARAS = [
    "The council voted on Tuesday to close the old library and move its books to the school.",
    "Parents welcomed the decision, which had been debated for months.",
    "The move will take place over the summer holidays.",
    "A spokesman said the building would be sold.",
]


def test_a_row_holds_paragraphs_sentence_counts_and_fingerprints():
    row = paragraphs.row({"text": "Library to close\n\n" + "\n".join(PARAS)}, ParagraphOptions())
    assert [(p["kind"], p["n_sentences"]) for p in row["paragraphs"]] == [("heading", 1)] + [("body", 1)] * 4
    assert len(row["fingerprints"]) == 5 and row["status"] == "ok"
    assert len(paragraphs.row({"text": "\n".join(PARAS)}, ParagraphOptions(max_paragraphs=2))["paragraphs"]) == 2


def write_corpus(store: Store, articles: dict[str, tuple[str, list[str]]]) -> None:
    """The paragraphs stage's buckets and the manifest for articles: id -> (source path, paragraphs)."""
    rows: dict[int, list[dict]] = {}
    for aid, (_, texts) in articles.items():
        row = paragraphs.row({"text": "\n".join(texts)}, ParagraphOptions()) | {"article_id": aid, "version": "v"}
        rows.setdefault(bucket_of(aid, MIN_BUCKETS), []).append(row)
    for b in range(MIN_BUCKETS):
        table = pa.Table.from_pylist(rows.get(b, []), schema=paragraphs.RESULTS)
        store.write_table(bucket_path("paragraphs", b), table)
    manifest = [
        {"source_path": path, "size": 1, "article_id": aid, "reason": None, "detail": None}
        for aid, (path, _) in articles.items()
    ]
    store.write_table(MANIFEST, ingest.manifest_table(manifest))


def test_repeats_of_an_earlier_article_are_flagged_and_a_copy_is_its_near_duplicate(tmp_path):
    store = Store(str(tmp_path))
    first, copy, other = "1111" + "0" * 12, "0000" + "0" * 12, "2222" + "0" * 12
    write_corpus(
        store,
        {
            first: ("a.txt", PARAS),
            copy: ("b.txt", [*PARAS, "A closing line that only the copy has, and a long one at that."]),
            other: ("c.txt", ["Something else entirely was said about the weather on the coast today.", PARAS[0]]),
        },
    )
    paragraphs.find_duplicates(store.url, ParagraphOptions())
    repeated = {}
    for b in range(MIN_BUCKETS):
        for r in store.read_table(f"{paragraphs.REPEATED_STATE}/{b:02d}.parquet").to_pylist():
            repeated.setdefault(r["article_id"], []).append(r["paragraph_index"])
    # earlier is by source path: a.txt's paragraphs are the originals
    assert repeated == {copy: [0, 1, 2, 3], other: [1]}
    near = store.read_table(paragraphs.NEAR_DUPLICATES_STATE).to_pylist()
    assert near == [{"article_id": copy, "duplicate_of": first}]
