"""The clean stage: page chrome out, line by line, each removed line with its reason; the page's
metadata lifted (``transforms.clean``)."""

from __future__ import annotations

import pyarrow as pa

from flows.buckets import results_schema
from flows.stages.ingest import HINTS
from transforms import clean, prose
from transforms.records import ArticleMeta, RemovedLine
from transforms.schemas import record_fields, record_struct

# The page's metadata, lifted from its header lines (and the ingest stage's hints).
META = tuple(name for name, _ in record_fields(ArticleMeta))
RESULTS = results_schema(
    ("text", pa.string()),
    *record_fields(ArticleMeta),
    ("removed", pa.list_(record_struct(RemovedLine))),
)


def row(up: dict, options: clean.CleanOptions) -> dict:
    """The clean stage's row for one article, from its ingest row (text, the HTML's hints, and the
    numbers of the lines the HTML extractor dropped: ``transforms.clean.clean_page``)."""
    given = {name: up[name] for name in HINTS} | {"authors": up["authors"] or []}
    hints = ArticleMeta(**given) if any(given.values()) else None
    result = clean.clean_page(up["text"], up.get("chrome") or [], hints=hints, options=options)
    out = vars(result.meta) | {
        "text": result.text,
        "status": "ok",
        "detail": None,
        "removed": [vars(r) for r in result.removed],
    }
    if not result.text.strip():
        out |= {"status": "no_content", "detail": f"all {len(result.removed)} lines are page chrome"}
    elif not prose.has_body(result.text, options.body):
        out |= {"status": "no_content", "detail": "no sentence left after cleaning (menus, headings, labels)"}
    return out
