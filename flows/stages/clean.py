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
    numbers of the lines the HTML extractor dropped).

    Those lines are taken out before cleaning, so that the clean rules see the extracted article as
    they always did, and reported as removed (``html_chrome``); the other removed lines' numbers
    are mapped back to the ingest text's, and the text keeps its line structure.
    """
    given = {name: up[name] for name in HINTS} | {"authors": up["authors"] or []}
    hints = ArticleMeta(**given) if any(given.values()) else None
    lines = up["text"].split("\n")
    chrome = set(up.get("chrome") or [])
    kept = [i for i in range(len(lines)) if i + 1 not in chrome]
    result = clean.clean_document("\n".join(lines[i] for i in kept), hints=hints, options=options)
    removed = [RemovedLine(kept[r.line_number - 1] + 1, r.text, r.reason) for r in result.removed]
    removed += [RemovedLine(n, lines[n - 1], "html_chrome") for n in sorted(chrome)]
    text = [""] * len(lines)
    for i, line in zip(kept, result.text.split("\n"), strict=True):
        text[i] = line
    out = vars(result.meta) | {
        "text": "\n".join(text),
        "status": "ok",
        "detail": None,
        "removed": [vars(r) for r in sorted(removed, key=lambda r: r.line_number)],
    }
    if not result.text.strip():
        out |= {"status": "no_content", "detail": f"all {len(removed)} lines are page chrome"}
    elif not prose.has_body(result.text, options.body):
        out |= {"status": "no_content", "detail": "no sentence left after cleaning (menus, headings, labels)"}
    return out
