"""benchmarks/same_output.py: two outputs' tables compared as multisets of rows."""

from __future__ import annotations

import polars as pl

from benchmarks.same_output import compare, tables


def test_row_and_column_order_do_not_matter():
    base = {"quotes": pl.DataFrame({"id": ["a", "b"], "speaker": ["Ann Lee", None]})}
    head = {"quotes": pl.DataFrame({"speaker": [None, "Ann Lee"], "id": ["b", "a"]})}
    assert compare(base, head, set()) == ["same quotes: 2 rows"]


def test_a_changed_value_is_a_difference_with_each_sides_row():
    base = {"quotes": pl.DataFrame({"id": ["a", "b"], "speaker": ["Ann Lee", "Bo Chen"]})}
    head = {"quotes": pl.DataFrame({"id": ["a", "b"], "speaker": ["Ann Lee", "Bo Chan"]})}
    lines = compare(base, head, set())
    assert lines[0] == "DIFF quotes: 1 of 2 base rows not in head, 1 of 2 head rows new"
    assert "Bo Chen" in lines[1] and lines[1].lstrip().startswith("base only")
    assert "Bo Chan" in lines[2] and lines[2].lstrip().startswith("head only")


def test_a_repeated_row_counts():
    base = {"t": pl.DataFrame({"x": [1, 1]})}
    head = {"t": pl.DataFrame({"x": [1]})}
    assert compare(base, head, set())[0].startswith("DIFF t: 1 of 2 base rows not in head")


def test_a_new_column_and_ignored_columns_are_left_out():
    base = {"quotes": pl.DataFrame({"id": ["a"], "cluster_id": ["c1"]})}
    head = {"quotes": pl.DataFrame({"id": ["a"], "cluster_id": ["c9"], "attribution": ["cue_after"]})}
    assert compare(base, head, {"cluster_id"}) == ["same quotes: 1 rows (compared without attribution)"]
    assert compare(base, head, set())[0].startswith("DIFF quotes")


def test_a_table_on_one_side_only():
    assert compare({"a": pl.DataFrame({"x": [1]})}, {}, set()) == ["DIFF a: only in base"]


def test_tables_reads_table_folders_and_files_but_not_state(tmp_path):
    (tmp_path / "articles").mkdir()
    pl.DataFrame({"x": [1, 2]}).write_parquet(tmp_path / "articles" / "part-0.parquet")
    pl.DataFrame({"y": ["r"]}).write_parquet(tmp_path / "rejects.parquet")
    (tmp_path / "_state").mkdir()
    pl.DataFrame({"z": [0]}).write_parquet(tmp_path / "_state" / "s.parquet")
    (tmp_path / "report").mkdir()
    (tmp_path / "README.md").write_text("card")
    got = tables(tmp_path)
    assert sorted(got) == ["articles", "rejects"]
    assert got["articles"]["x"].to_list() == [1, 2]
