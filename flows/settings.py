"""Run settings: limits that protect a small machine from hostile inputs, and parallelism."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # Largest input accepted, raw or decompressed. News pages are 5-500 KB; 16 MiB
    # leaves room for huge HTML while bounding one article's memory (about 10x
    # its size in Python strings) on a 24 GiB, 2-core machine.
    max_file_bytes: int = 16 * 1024 * 1024
    # Longest line handed to the line-by-line stages; longer ones are wrapped at a
    # space. Real paragraphs are under 10,000 characters; 20,000 bounds the cost of
    # per-line rules on a file that is one huge line.
    max_line_chars: int = 20_000
    # Paragraphs kept per article; the rest is dropped (a real article has < 500).
    max_paragraphs: int = 2000
    # Most articles in a bucket, the batch of one task: buckets double in number as the corpus
    # grows past this many per bucket. 2,000 articles (about 15 MB of text) keep a worker's
    # memory near its size at 20,000 articles whatever the corpus size.
    bucket_articles: int = 2000
    # Parallel worker processes for the text work (threads would not help: it holds the GIL).
    workers: int = 2
    # Address of an existing Dask scheduler (tcp://host:port); None runs locally.
    dask_address: str | None = None
    # When another run holds the output's lock: wait for it (True) or stop at once (False).
    wait_for_lock: bool = False
