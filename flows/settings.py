"""Run settings: parallelism, bucket size, and one options object per stage that has tuned numbers.

A stage's options are the field named after it (``flows.graph.Stage.options``); they are part of
the stage's version, so a run with other options recomputes that stage and the ones after it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flows.stages.ingest import IngestOptions
from transforms.clean import CleanOptions
from transforms.paragraphs import ParagraphOptions
from transforms.people import PeopleOptions
from transforms.quotes.options import QuoteOptions


@dataclass(frozen=True)
class Settings:
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
    # The stages' options: limits that protect a small machine from hostile inputs, tuned numbers.
    ingest: IngestOptions = field(default_factory=IngestOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    paragraphs: ParagraphOptions = field(default_factory=ParagraphOptions)
    people: PeopleOptions = field(default_factory=PeopleOptions)
    quotes: QuoteOptions = field(default_factory=QuoteOptions)
