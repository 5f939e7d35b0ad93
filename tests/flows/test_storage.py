"""Storage: atomic Parquet writes, the output lock, links out of the input root."""

import multiprocessing
import os

import polars as pl
import pyarrow as pa
import pytest

from flows.storage import LockedError, Store, bucket_expr, bucket_of, content_id, output_lock

SCHEMA = pa.schema([("x", pa.int64())])


def test_write_is_atomic_and_leaves_nothing_on_failure(tmp_path):
    store = Store(str(tmp_path))
    store.write_table("t.parquet", pa.table({"x": [1, 2]}, schema=SCHEMA))
    with pytest.raises(RuntimeError), store.writer("t.parquet", SCHEMA) as write:
        write(pa.table({"x": [3]}, schema=SCHEMA))
        raise RuntimeError("killed halfway")
    assert store.read_table("t.parquet")["x"].to_pylist() == [1, 2]
    assert sorted(os.listdir(tmp_path)) == ["t.parquet"]


def hold_lock(path: str, ready, release) -> None:
    with output_lock(Store(path), wait=False):
        ready.set()
        release.wait(30)


def test_second_run_on_the_same_output_is_refused(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=hold_lock, args=(str(tmp_path), ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        with pytest.raises(LockedError, match=f"pid {holder.pid}"), output_lock(Store(str(tmp_path)), wait=False):
            pass
    finally:
        release.set()
        holder.join(30)
    with output_lock(Store(str(tmp_path)), wait=False):  # free again once the holder is gone
        pass


def test_links_out_of_the_root_are_detected(tmp_path):
    root, outside = tmp_path / "in", tmp_path / "secret.txt"
    root.mkdir()
    outside.write_text("private")
    (root / "inside.txt").write_text("public")
    (root / "link.txt").symlink_to(outside)
    (root / "ok-link.txt").symlink_to(root / "inside.txt")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "a.txt").write_text("private too")
    (root / "linked-folder").symlink_to(tmp_path / "elsewhere")  # a plain file in a linked folder
    (root / "sub").mkdir()
    (root / "sub" / "b.txt").write_text("public")
    store = Store(str(root))
    names = ("inside.txt", "link.txt", "ok-link.txt", "linked-folder/a.txt", "sub/b.txt", "linked-folder/a.txt")
    assert [store.outside_root(p) for p in names] == [False, True, False, True, False, True]


@pytest.mark.parametrize("name", ["with space.txt", "naïve – ünïcode.txt", "new\nline.txt"])
def test_paths_are_relative_whatever_the_name(tmp_path, name):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / name).write_text("x")
    assert list(Store(str(tmp_path)).list_files()) == [(f"sub/{name}", 1)]


@pytest.mark.parametrize("n", [16, 64])
def test_bucket_expr_agrees_with_bucket_of(n):
    ids = [content_id(str(i).encode()) for i in range(500)]
    got = pl.DataFrame({"article_id": ids}).select(bucket_expr("article_id", n))["article_id"].to_list()
    assert got == [bucket_of(a, n) for a in ids]
    assert len(set(got)) > n // 2


def test_a_scan_skips_a_folder_and_a_folder_knows_where_it_lies_in_another(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("a")
    (tmp_path / "out" / "_state").mkdir(parents=True)
    (tmp_path / "out" / "README.md").write_text("card")
    (tmp_path / "out" / "_state" / "layout.json").write_text("{}")
    (tmp_path / "outer.txt").write_text("kept: only the folder itself is skipped")
    inputs, output = Store(str(tmp_path)), Store(str(tmp_path / "out"))
    assert output.place_in(inputs) == "out"
    assert Store(f"file://{tmp_path}/out/").place_in(inputs) == "out"
    assert inputs.place_in(inputs) == ""
    assert inputs.place_in(output) is None and Store(str(tmp_path / "news")).place_in(output) is None
    assert [p for p, _ in inputs.list_files(skip="out")] == ["news/a.txt", "outer.txt"]
    assert len(list(inputs.list_files())) == 4
