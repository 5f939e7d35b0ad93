"""A stage's per-article results by bucket: reuse by version, chunked computing, splitting buckets,
reading a list column's fields over the corpus."""

import gc

import polars as pl
import pyarrow as pa
import pytest

from flows import buckets
from flows.buckets import bucket_path, read_index, results_schema, rows_by_id, update_bucket
from flows.storage import LAYOUT, Store, bucket_count, bucket_of, content_id

SCHEMA = results_schema(("n", pa.int32()))


def update(store, wanted, version, calls, force=False):
    def compute(aid, up):
        calls.append(aid)
        return {"status": "ok", "detail": None, "n": up["n"]}

    def load(ids):
        return {aid: {"n": len(aid)} for aid in ids}

    return update_bucket(store, "stage", SCHEMA, version, 0, wanted, load, compute, force=force)


def test_a_new_version_recomputes_and_gone_articles_are_dropped(tmp_path):
    store, calls = Store(str(tmp_path)), []
    assert update(store, ["a1", "a2"], "v1", calls)["computed"] == 2
    assert update(store, ["a1", "a2"], "v1", calls)["changed"] is False
    assert update(store, ["a1", "a2"], "v2", calls)["computed"] == 2
    dropped = update(store, ["a2"], "v2", calls)  # a1 is gone, a2 is kept as it is
    assert (dropped["changed"], dropped["computed"], dropped["articles"]) == (True, 0, 1)
    assert update(store, ["a2"], "v2", calls, force=True)["computed"] == 1
    assert calls == ["a1", "a2", "a1", "a2", "a2"]
    assert read_index(store, "stage", 0, "version") == {"a2": "v2"}


def test_rows_are_computed_a_chunk_at_a_time(tmp_path, monkeypatch):
    store, calls, loads = Store(str(tmp_path)), [], []
    monkeypatch.setattr(buckets, "CHUNK", 2)

    def load(ids):
        loads.append(list(ids))
        return {aid: {} for aid in ids}

    def compute(aid, up):
        calls.append(aid)
        return {"status": "ok", "detail": None, "n": 1}

    update_bucket(store, "stage", SCHEMA, "v", 0, ["a", "b", "c"], load, compute, force=False)
    assert loads == [["a", "b"], ["c"]]
    table = store.read_table(bucket_path("stage", 0))
    assert table.schema == SCHEMA and table["article_id"].to_pylist() == ["a", "b", "c"]


def test_rows_by_id_and_an_unwritten_bucket():
    table = pa.table({"article_id": ["a", "b"], "x": [1, 2]})
    assert rows_by_id(table, ["b", "z"]) == {"b": {"article_id": "b", "x": 2}}
    assert rows_by_id(None, ["a"]) == {}


def test_an_unwritten_bucket_reads_as_empty_with_its_types(tmp_path):
    frame = buckets.bucket_frame(Store(str(tmp_path)), "stage", SCHEMA, 3, ["article_id", "n"])
    assert frame.height == 0 and frame.schema["n"].is_integer()


ITEMS = results_schema(
    ("items", pa.list_(pa.struct([("start", pa.int32()), ("text", pa.string()), ("note", pa.string())])))
)


def write_items(store: Store, bucket: int, rows: dict[str, list[dict]]) -> None:
    table = pa.Table.from_pylist(
        [
            {"article_id": a, "version": "v", "status": "ok", "detail": None, "items": items}
            for a, items in rows.items()
        ],
        schema=ITEMS,
    )
    store.write_table(bucket_path("stage", bucket), table)


def test_corpus_items_reads_the_named_fields_of_every_bucket(tmp_path):
    store = Store(str(tmp_path))
    store.write_json(LAYOUT, {"buckets": 2})
    write_items(
        store, 0, {"a": [{"start": 1, "text": "one", "note": "x"}, {"start": 5, "text": "two", "note": None}], "b": []}
    )
    # bucket 1 never written: an empty frame, so that the frames still line up with the buckets
    frames = list(buckets.corpus_items(store, "stage", ITEMS, "items", ["text", "start"]))
    assert [f.columns for f in frames] == [["article_id", "text", "start"]] * 2
    assert frames[0].rows() == [("a", "one", 1), ("a", "two", 5)] and frames[1].height == 0
    with pytest.raises(ValueError, match="items.list.element.page"):
        list(buckets.corpus_items(store, "stage", ITEMS, "items", ["text", "page"]))


def test_compact_lets_go_of_the_strings_it_was_cut_from():
    def held_after(keep) -> int:
        gc.collect()
        before = pa.total_allocated_bytes()
        table = pa.table({"text": [f"{i} " + "words " * 200 for i in range(2000)]})  # 2.4 MB of text
        kept = keep(pl.from_arrow(table).head(1))
        del table
        gc.collect()
        assert kept["text"][0].startswith("0 words")
        return pa.total_allocated_bytes() - before

    assert held_after(lambda frame: frame) > 2_000_000  # a view keeps the whole column's text
    assert held_after(buckets.compact) < 100_000


@pytest.mark.parametrize("most", [3, 1])
def test_buckets_double_and_rows_move_to_their_new_bucket(tmp_path, most):
    store = Store(str(tmp_path))
    ids = [content_id(str(i).encode()) for i in range(40)]
    for b in range(16):
        rows = [
            {"article_id": a, "version": "v", "status": "ok", "detail": None, "n": 1}
            for a in ids
            if bucket_of(a, 16) == b
        ]
        store.write_table(bucket_path("stage", b), pa.Table.from_pylist(rows, schema=SCHEMA))
    n = buckets.resize_buckets(store, ["_state/stage"], len(ids), most)
    assert n == bucket_count(store) and n >= len(ids) / most and n // 2 < len(ids) / most
    moved = []
    for b in range(n):
        table = store.read_table(bucket_path("stage", b))
        got = table["article_id"].to_pylist() if table is not None else []
        assert all(bucket_of(a, n) == b for a in got)
        moved += got
    assert sorted(moved) == sorted(ids)
