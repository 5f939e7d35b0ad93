"""SQL over the published tables: DuckDB, with each table a view by its name.

``newscurate sql`` and the HTML report query through here. DuckDB reads the Parquet
parts itself, a row group at a time and only the columns a query names, so an
aggregate over millions of rows holds little memory. Object stores go through the
output's fsspec filesystem (DuckDB's own S3 extension cannot be fetched offline).
"""

from __future__ import annotations

import csv
import json
import posixpath
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from rich.table import Table
from rich.text import Text

from flows.storage import Store
from transforms import schemas

# duckdb is imported where it is used, never at import time: the pipeline's processes import this
# module (through flows.report_page) and freeze their objects (gc.freeze), and a frozen duckdb
# makes nanobind print "leaked instances" warnings when the process exits.
if TYPE_CHECKING:
    import duckdb

# Rows a terminal table shows, and characters of a value; --csv and --json print everything.
SHOWN_ROWS = 100
SHOWN_CHARS = 80
FETCH = 10_000  # rows fetched at a time when printing every row


class QueryError(Exception):
    """DuckDB refused the query (syntax, unknown table or column): its message, in one line."""


def located(store: Store, path: str) -> str:
    """A path of the output's filesystem as DuckDB opens it: as it is for a local folder, else as a
    URL of the output's fsspec filesystem (which ``connect`` registers)."""
    return path if store.is_local else store.fs.unstrip_protocol(path)


def table_parts(store: Store, table: str) -> list[str]:
    """The Parquet parts of a published table, as DuckDB opens them (none when unpublished)."""
    fs, path = store.fs, store.path(table)
    if not fs.isdir(path):
        return []
    return [located(store, p) for p in sorted(fs.glob(posixpath.join(path, "*.parquet")))]


def literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def connect(store: Store) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with a view per table; a table not yet published is an
    empty view with its declared columns, so a query never fails on a fresh output."""
    import duckdb

    con = duckdb.connect()
    if not store.is_local:
        con.register_filesystem(store.fs)
    for name, (schema, _) in schemas.TABLES.items():
        parts = table_parts(store, name)
        if parts:
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet([{', '.join(map(literal, parts))}])")
        else:
            con.register(name, schema.empty_table())
    return con


def tables_of(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def columns_of(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    """The columns a view has (the tables gain columns over versions: the report checks)."""
    return {row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()}


def run(con: duckdb.DuckDBPyConnection, query: str) -> duckdb.DuckDBPyConnection:
    """``query`` run, as a cursor on its result; a refused query is a one-line QueryError."""
    import duckdb

    try:
        return con.execute(query)
    except duckdb.Error as exc:
        raise QueryError(" ".join(str(exc).split())) from None


def names(result: duckdb.DuckDBPyConnection) -> list[str]:
    return [d[0] for d in result.description or []]


def fetch(result: duckdb.DuckDBPyConnection, n: int) -> list[tuple]:
    """The next ``n`` rows; an error met while running (a failed cast) is a QueryError too."""
    import duckdb

    try:
        return result.fetchmany(n)
    except duckdb.Error as exc:
        raise QueryError(" ".join(str(exc).split())) from None


def batches(result: duckdb.DuckDBPyConnection) -> Iterator[list[tuple]]:
    while rows := fetch(result, FETCH):
        yield rows


def write_csv(result: duckdb.DuckDBPyConnection, out: TextIO = sys.stdout) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names(result))
    n = 0
    for rows in batches(result):
        writer.writerows([json.dumps(v, default=str) if isinstance(v, list | dict) else v for v in row] for row in rows)
        n += len(rows)
    return n


def write_json(result: duckdb.DuckDBPyConnection, out: TextIO = sys.stdout) -> int:
    """One JSON object per row and line (JSON Lines); dates and decimals as text."""
    n, columns = 0, names(result)
    for rows in batches(result):
        out.writelines(json.dumps(dict(zip(columns, row, strict=True)), default=str) + "\n" for row in rows)
        n += len(rows)
    return n


def cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def rich_table(result: duckdb.DuckDBPyConnection, n: int = SHOWN_ROWS) -> tuple[Table, bool]:
    """The first ``n`` rows as a rich table, and whether rows were left out."""
    rows = fetch(result, n + 1)
    table = Table(*names(result))
    for row in rows[:n]:
        table.add_row(*(Text(cell(v)) for v in row))  # Text: no rich markup
    return table, len(rows) > n
