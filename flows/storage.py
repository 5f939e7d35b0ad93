"""Where the pipeline reads and writes: fsspec paths, atomic Parquet writes, stage state.

Layout under the output root::

    <table>/part-NN.parquet      published tables (see transforms.schemas), in parts
    README.md                    dataset card
    _state/manifest.parquet      every input seen: path, content hash, article_id
    _state/<stage>/NN.parquet    a stage's per-article results, one file per bucket
    _state/<stage>.json          the stage's version and the token of its last change
    _state/...                   the stages' corpus-level results (see flows.stages)
    _state/tables/               generations of the published tables (see Publication)
    _state/layout.json           the number of buckets
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import json
import os
import posixpath
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import fsspec
import fsspec.implementations.local
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

# Articles are spread over buckets by article_id; a bucket is the batch one task
# works on. The count is a power of two, at least MIN_BUCKETS (which keeps two to
# eight workers busy), and doubles as the corpus grows so that a bucket holds at
# most Settings.bucket_articles articles: the memory of a task does not grow with
# the corpus. Doubling splits every bucket b in two, b and b + n (see split_buckets).
MIN_BUCKETS = 16
STATE = "_state"
LAYOUT = f"{STATE}/layout.json"
# Every input file of the last run, with its article_id or the reason it was rejected.
MANIFEST = f"{STATE}/manifest.parquet"


def bucket_of(article_id: str, n_buckets: int) -> int:
    return int(article_id[:4], 16) % n_buckets


def bucket_expr(column: str, n_buckets: int) -> pl.Expr:
    """``bucket_of`` as a polars expression over a column of article ids."""
    return pl.col(column).str.slice(0, 4).str.to_integer(base=16) % n_buckets


def content_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def read_parquet(file, columns: list[str] | None) -> pa.Table:
    """One Parquet file, as a table. ``pq.ParquetFile``, not ``pq.read_table``: that one goes through
    ``pyarrow.dataset``, whose import (with pandas) costs every process 0.3 s on its first read."""
    return pq.ParquetFile(file).read(columns=columns)


@dataclass(frozen=True)
class Store:
    """A folder on any fsspec filesystem (local path, file://, s3://...)."""

    url: str

    # Resolved once per Store: a scan calls these for every file, and resolving the URL each
    # time was half of the scan's CPU (0.4 of 0.83 s for 4,000 files).
    @functools.cached_property
    def fs(self) -> fsspec.AbstractFileSystem:
        return fsspec.core.url_to_fs(self.url)[0]

    @functools.cached_property
    def root(self) -> str:
        return fsspec.core.url_to_fs(self.url)[1]

    @functools.cached_property
    def real_root(self) -> str:
        return os.path.realpath(self.root)

    @functools.cached_property
    def _real_folders(self) -> dict[str, str]:  # outside_root's, for the life of this Store (one scan batch)
        return {}

    def path(self, rel: str) -> str:
        return posixpath.join(self.root, rel)

    def exists(self, rel: str) -> bool:
        return self.fs.exists(self.path(rel))

    def read_bytes(self, rel: str) -> bytes:
        if self.is_local:  # fsspec's cat_file costs 0.2 ms a file (a scan reads every input)
            with open(self.path(rel), "rb") as f:
                return f.read()
        return self.fs.cat_file(self.path(rel))

    def dataset_parts(self, rel: str, columns: list[str]) -> Iterator[pa.Table]:
        """Some columns of a published table (a folder of Parquet parts), a part at a time.

        A part at a time, not the whole table: reading the 64 parts of a 100,000-article
        table at once raised the process's memory by 100 MiB, for 10-25 MB of columns.
        """
        fs, path = self.fs, self.path(rel)
        if not fs.exists(path):
            return
        for part in sorted(fs.glob(posixpath.join(path, "*.parquet"))):
            with fs.open(part, "rb") as f:
                yield read_parquet(f, columns)

    def read_table(self, rel: str, columns: list[str] | None = None) -> pa.Table | None:
        path = self.path(rel)
        fs = self.fs
        if not fs.exists(path):
            return None
        with fs.open(path, "rb") as f:
            return read_parquet(f, columns)

    def write_table(self, rel: str, table: pa.Table) -> None:
        """Write a Parquet file atomically: to a temporary name, then renamed."""
        with self.writer(rel, table.schema) as write:
            write(table)

    def writer(self, rel: str, schema: pa.Schema) -> _AtomicParquet:
        return _AtomicParquet(self, rel, schema)

    @property
    def is_local(self) -> bool:
        return isinstance(self.fs, fsspec.implementations.local.LocalFileSystem)

    def read_json(self, rel: str) -> dict | None:
        return json.loads(self.read_bytes(rel)) if self.exists(rel) else None

    def write_json(self, rel: str, value: dict) -> None:
        self.write_bytes(rel, json.dumps(value, indent=1, sort_keys=True).encode())

    def write_bytes(self, rel: str, data: bytes) -> None:
        fs, final = self.fs, self.path(rel)
        tmp = f"{final}.tmp-{uuid.uuid4().hex[:8]}"
        fs.makedirs(posixpath.dirname(final), exist_ok=True)
        with fs.open(tmp, "wb") as f:
            f.write(data)
        fs.mv(tmp, final)

    def remove(self, rel: str) -> None:
        if self.exists(rel):
            self.fs.rm(self.path(rel))

    def remove_temporaries(self) -> int:
        """Delete the temporary files of runs that were killed before they could rename them."""
        stale = [p for p in self.fs.find(self.root) if ".tmp-" in posixpath.basename(p)]
        for path in stale:
            self.fs.rm(path)
        return len(stale)

    def outside_root(self, rel: str) -> bool:
        """True when a local path resolves (through links) to a place outside the root."""
        if not self.is_local:
            return False
        path = self.path(rel)
        # A file that is not a link resolves to its resolved folder plus its name: one lstat instead
        # of one per folder on the way (a scan asks this of every input).
        folder, name = os.path.split(path)
        if os.path.islink(path):
            real = os.path.realpath(path)
        else:
            if folder not in self._real_folders:
                self._real_folders[folder] = os.path.realpath(folder)
            real = os.path.join(self._real_folders[folder], name)
        return os.path.commonpath([self.real_root, real]) != self.real_root

    def list_files(self, skip: str | None = None) -> Iterator[tuple[str, int]]:
        """(path relative to the root, size) of every file under the root, sorted; none under the
        folder ``skip`` (relative to the root), such as an output folder inside the input folder."""
        fs, root = self.fs, self.root.rstrip("/")
        found = fs.find(root, detail=True, withdirs=False)
        for path, info in sorted(found.items()):
            rel = path[len(root) + 1 :]
            if skip is None or not (rel == skip or rel.startswith(f"{skip}/")):
                yield rel, int(info.get("size") or 0)

    def place_in(self, other: Store) -> str | None:
        """Where this folder lies inside ``other``: its path relative to ``other``'s root ("" for the
        same folder), or None when it is not inside it (or on another filesystem)."""
        if type(self.fs) is not type(other.fs):
            return None
        if self.is_local:
            mine, theirs = os.path.realpath(self.root), other.real_root
        else:
            mine, theirs = self.root.rstrip("/"), other.root.rstrip("/")
        if mine == theirs:
            return ""
        return mine[len(theirs) + 1 :] if mine.startswith(f"{theirs}/") else None


def bucket_count(store: Store) -> int:
    """The output's number of buckets (MIN_BUCKETS before its first run)."""
    return (store.read_json(LAYOUT) or {}).get("buckets", MIN_BUCKETS)


class LockedError(RuntimeError):
    """Another run holds the output's lock."""


@contextlib.contextmanager
def output_lock(store: Store, *, wait: bool) -> Iterator[None]:
    """Hold the output folder's lock for a run (local folders; object stores have no locks).

    ``wait`` blocks until the other run finishes; otherwise a held lock raises
    ``LockedError`` at once. The kernel drops the lock when its process dies, so
    a killed run never leaves a stale lock behind.
    """
    if not store.is_local:
        yield
        return
    os.makedirs(store.root, exist_ok=True)
    with open(os.path.join(store.root, ".lock"), "a+") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            f.seek(0)
            raise LockedError(
                f"another newscurate run is writing to {store.url} (pid {f.read().strip() or '?'}); "
                "wait for it to finish, or pass --wait"
            ) from None
        f.seek(0)
        f.truncate()
        f.write(str(os.getpid()))
        f.flush()
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


class Publication:
    """A new generation of the published tables, made visible all at once.

    A table is a folder of Parquet parts, ``<table>/part-NN.parquet``: the workers
    write the parts of their buckets in parallel, and no process ever holds a whole
    table. On a local folder the parts are written under
    ``_state/tables/<generation>/<table>/`` (an unchanged table's parts are
    hard-linked from the current generation, not rewritten), then the link
    ``_current`` is swapped to the new generation in one rename; ``<table>`` are
    fixed links through ``_current``. A reader, or a run killed at any moment,
    sees either the old tables or the new ones, never a mix. Object stores have
    no links: there parts are replaced one by one (an upload is atomic, a set of
    them is not).
    """

    def __init__(self, store: Store, generation: str | None = None):
        self.store = store
        self.generation = generation or f"{STATE}/tables/{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"

    def table_dir(self, table: str) -> str:
        return f"{self.generation}/{table}" if self.store.is_local else table

    def writer(self, table: str, part: int, schema: pa.Schema) -> _AtomicParquet:
        return self.store.writer(f"{self.table_dir(table)}/part-{part:02d}.parquet", schema)

    def keep(self, table: str) -> None:
        """Carry an unchanged table into the new generation without rewriting it."""
        if not self.store.is_local:
            return
        source, dest = os.path.realpath(self.store.path(table)), self.store.path(self.table_dir(table))
        os.makedirs(dest, exist_ok=True)
        for name in os.listdir(source):
            try:
                os.link(os.path.join(source, name), os.path.join(dest, name))
            except OSError:  # a filesystem without hard links
                shutil.copy2(os.path.join(source, name), os.path.join(dest, name))

    def commit(self, tables: list[str]) -> None:
        if not self.store.is_local:
            return
        root, tables_dir = self.store.root, self.store.path(f"{STATE}/tables")
        current = os.path.join(root, "_current")
        previous = os.path.basename(os.readlink(current)) if os.path.islink(current) else None
        tmp = os.path.join(root, f"_current.tmp-{uuid.uuid4().hex[:8]}")
        os.symlink(self.generation, tmp)
        os.replace(tmp, current)
        for table in tables:
            link, target = os.path.join(root, table), f"_current/{table}"
            if not os.path.islink(link) or os.readlink(link) != target:
                tmp = f"{link}.tmp-{uuid.uuid4().hex[:8]}"
                os.symlink(target, tmp)
                os.replace(tmp, link)
            with contextlib.suppress(FileNotFoundError):  # the one-file layout of earlier versions
                os.unlink(os.path.join(root, f"{table}.parquet"))
        # Keep the new generation and the one before (a reader may still hold it); drop the
        # rest, including the half-written generations of killed runs.
        keep = {os.path.basename(self.generation), previous}
        for old in os.listdir(tables_dir):
            if old not in keep:
                shutil.rmtree(os.path.join(tables_dir, old), ignore_errors=True)


class _AtomicParquet:
    """Context manager: a Parquet file written in row groups, visible only when complete."""

    def __init__(self, store: Store, rel: str, schema: pa.Schema):
        self.store, self.rel, self.schema = store, rel, schema

    def __enter__(self):
        fs, final = self.store.fs, self.store.path(self.rel)
        fs.makedirs(posixpath.dirname(final), exist_ok=True)
        self.final, self.tmp = final, f"{final}.tmp-{uuid.uuid4().hex[:8]}"
        self.file = fs.open(self.tmp, "wb")
        self.pq = pq.ParquetWriter(self.file, self.schema, compression="zstd")
        return lambda t: self.pq.write_table(t.select(self.schema.names).cast(self.schema))

    def __exit__(self, exc_type, exc, tb):
        self.pq.close()
        self.file.close()
        fs = self.store.fs
        if exc_type is None:
            fs.mv(self.tmp, self.final)
        else:
            fs.rm(self.tmp)
