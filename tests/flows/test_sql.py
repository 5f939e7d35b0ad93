"""SQL over the published tables: a view per table, unpublished tables empty, errors in one line."""

import io
import json

import pytest
from rich.console import Console

from flows import sql
from flows.storage import Store
from tests.outputs import A, write_output
from transforms import schemas


@pytest.fixture
def con(tmp_path):
    return sql.connect(write_output(tmp_path))


def test_every_table_is_a_view_by_its_name(con):
    assert sql.tables_of(con) >= set(schemas.TABLES)
    got = con.execute("SELECT article_id, count(*) FROM articles JOIN boilerplate USING (article_id) GROUP BY 1")
    assert dict(got.fetchall()) == {A: 3, "ffee000011112222": 1}


def test_an_output_without_tables_has_empty_views_with_their_columns(tmp_path):
    con = sql.connect(Store(str(tmp_path)))
    assert con.execute("SELECT count(*) FROM quotes").fetchone() == (0,)
    assert sql.columns_of(con, "quotes") == set(schemas.QUOTES.names)


def test_parts_are_read_together(tmp_path):
    store = write_output(tmp_path)
    store.write_table("rejects/part-01.parquet", store.read_table("rejects/part-00.parquet"))
    assert sql.connect(store).execute("SELECT count(*) FROM rejects").fetchone() == (2,)


def test_bad_queries_are_one_line_errors(con):
    for query in ("SELECT nosuch FROM articles", "SELEC 1", "SELECT * FROM nosuch"):
        with pytest.raises(sql.QueryError) as got:
            sql.run(con, query)
        assert "\n" not in str(got.value) and str(got.value)
    with pytest.raises(sql.QueryError):  # found while running, not while planning
        sql.write_csv(sql.run(con, "SELECT CAST(title AS INTEGER) FROM articles WHERE title > ''"), io.StringIO())


def test_csv_and_json_lines_hold_every_row_with_lists_and_dates(con, monkeypatch):
    monkeypatch.setattr(sql, "FETCH", 1)  # several batches
    query = "SELECT article_id, authors, published FROM articles ORDER BY article_id"
    out = io.StringIO()
    assert sql.write_csv(sql.run(con, query), out) == 2
    assert out.getvalue().splitlines() == [
        "article_id,authors,published",
        f'{A},"[""Jo Doe""]",2024-03-01',
        "ffee000011112222,[],",
    ]
    out = io.StringIO()
    assert sql.write_json(sql.run(con, query), out) == 2
    assert [json.loads(line) for line in out.getvalue().splitlines()] == [
        {"article_id": A, "authors": ["Jo Doe"], "published": "2024-03-01"},
        {"article_id": "ffee000011112222", "authors": [], "published": None},
    ]


def test_the_terminal_table_shows_the_first_rows_without_markup(con):
    table, more = sql.rich_table(sql.run(con, "SELECT title FROM articles ORDER BY article_id"), n=1)
    assert more
    console = Console(file=io.StringIO(), width=80)
    console.print(table)
    assert "Mayor opens bridge" in console.file.getvalue()
    table, more = sql.rich_table(sql.run(con, "SELECT '[bold]x[/bold]' AS t"))
    console = Console(file=io.StringIO(), width=80)
    console.print(table)
    assert not more and "[bold]x[/bold]" in console.file.getvalue()
