"""The stage graph: one ``Stage`` record per stage, in the order they run.

    ingest -> clean -> paragraphs -> people -> quotes -> publish

A stage reads the results of the stages named in its ``reads`` (under ``_state``), writes
its own per-article results (``results``), runs its corpus step once every bucket is done,
and feeds the published ``tables`` (a table is rewritten when one of its stages changed).
Its code is its module in ``flows.stages``; its version hashes that module and every project
module it imports (``flows.versions``), its options and its upstream stages' versions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

import pyarrow as pa

from flows.settings import Settings
from flows.stages import clean, ingest, paragraphs, people, quotes
from flows.storage import STATE
from flows.versions import code_hash


@dataclass(frozen=True)
class Stage:
    name: str
    does: str  # one line, for `newscurate stages`
    # the stages whose results it reads, each with the columns read (besides article_id)
    reads: dict[str, tuple[str, ...]]
    # its per-article results, _state/<name>/NN.parquet (publish has none)
    results: pa.Schema | None
    # the published tables built from its results
    tables: tuple[str, ...]
    # the module holding its code (its version hashes it and every project module it imports)
    code: str
    # one article through the stage: its upstream rows (merged) and the stage's options -> its row
    row: Callable[[dict, object], dict] | None = None
    # the corpus step, run over every bucket once the stage's buckets are done: (output URL, options) -> None
    corpus: Callable[[str, object], object] | None = None
    # folders of per-bucket results the corpus step writes (moved with the buckets when they split)
    corpus_buckets: tuple[str, ...] = ()

    def options(self, settings: Settings) -> object:
        """The stage's options: the field of ``settings`` named after it (None when it has none)."""
        return getattr(settings, self.name, None)


STAGES = (
    Stage(
        "ingest",
        "read input files: gunzip, charset detection, mojibake repair, HTML extraction; rejects",
        reads={},
        results=ingest.RESULTS,
        tables=("articles", "rejects"),
        code=ingest.__name__,
    ),
    Stage(
        "clean",
        "drop page chrome line by line with a reason; lift title, byline, date, site, section",
        reads={"ingest": ("text", "chrome", *ingest.HINTS)},
        results=clean.RESULTS,
        tables=("articles", "boilerplate", "rejects"),
        code=clean.__name__,
        row=clean.row,
    ),
    Stage(
        "paragraphs",
        "join soft-wrapped lines, split glued paragraphs, mark headings, count sentences",
        reads={"clean": ("text",)},
        results=paragraphs.RESULTS,
        # quotes, mentions: only those of articles with paragraphs are published
        tables=("articles", "paragraphs", "quotes", "mentions"),
        code=paragraphs.__name__,
        row=paragraphs.row,
        corpus=paragraphs.find_duplicates,
        corpus_buckets=(paragraphs.REPEATED_STATE,),
    ),
    Stage(
        "people",
        "find person mentions, fold name variants, resolve surnames and titles; people table",
        reads={"paragraphs": ("paragraphs",), "clean": ("title",)},
        results=people.RESULTS,
        tables=("people", "quotes", "mentions"),
        code=people.__name__,
        row=people.row,
        corpus=people.build_people,
    ),
    Stage(
        "quotes",
        "direct and partial quotes, speakers, cue verbs, clusters of the same quote",
        reads={"paragraphs": ("paragraphs",), "people": ("mentions",)},
        results=quotes.RESULTS,
        tables=("quotes",),
        code=quotes.__name__,
        row=quotes.row,
        corpus=quotes.cluster_quotes,
        corpus_buckets=(quotes.CLUSTERS_STATE,),
    ),
    Stage(
        "publish",
        "write the tables and the dataset card atomically",
        reads={
            "ingest": ("source_path", "status", "detail", "format", "encoding", "repairs"),
            "clean": ("status", "detail", "removed", *clean.META),
            "paragraphs": ("paragraphs",),
            "people": ("mentions",),  # and its corpus step's result: the people table
            "quotes": ("quotes",),
        },
        results=None,
        tables=(),
        code="flows.publish",
    ),
)
STAGE = {stage.name: stage for stage in STAGES}
NAMES = tuple(STAGE)
# The stages that run per bucket on their upstream stages' results, in order.
TRANSFORMS = tuple(s.name for s in STAGES if s.row is not None)
# Every folder of per-bucket results under _state: split in two when the buckets double.
BUCKET_FOLDERS = (
    *(f"{STATE}/{s.name}" for s in STAGES if s.results is not None),
    *(folder for s in STAGES for folder in s.corpus_buckets),
)

# Bumped when the layout of the files under _state changes, so that old state is recomputed.
STATE_LAYOUT = "2: corpus results split by bucket"


def stage_version(name: str, settings: Settings) -> str:
    """Hash of the stage's code (its module and every project module that imports), its results'
    schema, its options, and its upstream stages' versions."""
    stage = STAGE[name]
    h = hashlib.sha256(f"{STATE_LAYOUT}:{name}".encode())
    h.update(code_hash(stage.code).encode())
    h.update(str(stage.results).encode())
    h.update(repr(stage.options(settings)).encode())
    for up in stage.reads:
        h.update(stage_version(up, settings).encode())
    return h.hexdigest()[:12]


def sources(table: str) -> tuple[str, ...]:
    """The stages a published table is built from, in order."""
    return tuple(s.name for s in STAGES if table in s.tables)
