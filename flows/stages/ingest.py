"""The ingest stage: input files to text, and the manifest of every input seen.

Scanning hashes every input (its article_id is the hash of its bytes); inputs that
cannot become articles (too large, unreadable, a link out of the input folder, the
same bytes as an earlier path) are marked with a reason there. Ingest then decodes
the readable inputs: gunzip, charset detection, mojibake repair, HTML extraction
(``transforms.decode``, ``transforms.html``); an input they refuse keeps its reason
as its row's status. An HTML page's text is the extracted article with the page's other
lines put back in page order, their numbers in ``chrome``: the clean stage reports them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

from flows.buckets import results_schema
from flows.storage import Store, bucket_of, content_id
from transforms import decode, html, prose
from transforms.prose import ProseOptions
from transforms.records import ArticleMeta
from transforms.schemas import record_fields


@dataclass(frozen=True)
class IngestOptions:
    # Largest input accepted, raw or decompressed. News pages are 5-500 KB; 16 MiB
    # leaves room for huge HTML while bounding one article's memory (about 10x
    # its size in Python strings) on a 24 GiB, 2-core machine.
    max_file_bytes: int = 16 * 1024 * 1024
    # Longest line handed to the line-by-line stages; longer ones are wrapped at a
    # space. Real paragraphs are under 10,000 characters; 20,000 bounds the cost of
    # per-line rules on a file that is one huge line.
    max_line_chars: int = 20_000
    # What makes a decoded input data or code rather than prose (the not_prose reject).
    prose: ProseOptions = ProseOptions()


# The metadata an HTML page states (``transforms.html``), kept as hints for the clean stage.
HINTS = ("title", "site_name", "section", "authors", "published")
HINT_COLUMNS = [(name, typ) for name, typ in record_fields(ArticleMeta) if name in HINTS]

RESULTS = results_schema(
    ("source_path", pa.string()),
    ("format", pa.string()),
    ("encoding", pa.string()),
    ("repairs", pa.list_(pa.string())),
    ("text", pa.string()),
    # HTML: the numbers of the text's lines that are the page's, not the extracted article's
    ("chrome", pa.list_(pa.int32())),
    *HINT_COLUMNS,
)

# One row per input file of the last run (flows.storage.MANIFEST).
MANIFEST_SCHEMA = pa.schema(
    [
        ("source_path", pa.string()),
        ("size", pa.int64()),
        ("article_id", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
    ]
)


def manifest_table(manifest: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(manifest, schema=MANIFEST_SCHEMA)


def scan_files(input_url: str, paths: list[tuple[str, int]], options: IngestOptions) -> list[dict]:
    """Hash a batch of input files: (source_path, size) -> manifest rows."""
    store, rows = Store(input_url), []
    for path, size in paths:
        row = {"source_path": path, "size": size, "article_id": None, "reason": None, "detail": None}
        if store.outside_root(path):
            row |= {"reason": "outside_root", "detail": "a link to a file outside the input folder: not followed"}
        elif size > options.max_file_bytes:
            row |= {"reason": "too_large", "detail": f"{size} bytes, limit {options.max_file_bytes}"}
        else:
            try:
                row["article_id"] = content_id(store.read_bytes(path))
            except OSError as exc:
                row |= {"reason": "unreadable", "detail": f"{type(exc).__name__}: {exc}"}
        rows.append(row)
    return rows


def mark_duplicates(manifest: list[dict]) -> None:
    """Inputs with the same bytes as an earlier path (sorted order) become rejects."""
    first: dict[str, str] = {}
    for row in manifest:
        aid = row["article_id"]
        if aid is None or row["reason"]:
            continue
        if aid in first:
            row |= {"reason": "duplicate", "detail": f"same bytes as {first[aid]}"}
        else:
            first[aid] = row["source_path"]


def bucket_items(manifest: list[dict], n_buckets: int) -> dict[int, list[tuple[str, str]]]:
    """Group the manifest's readable, first-seen inputs by bucket."""
    out: dict[int, list[tuple[str, str]]] = {}
    for row in manifest:
        if row["reason"] is None:
            out.setdefault(bucket_of(row["article_id"], n_buckets), []).append((row["article_id"], row["source_path"]))
    return out


def row(source_path: str, data: bytes, options: IngestOptions) -> dict:
    """The ingest stage's row for one input file's bytes."""
    got = decode.decode_input(source_path, data, max_bytes=options.max_file_bytes)
    out = {"source_path": source_path, "status": "ok", "detail": None, "authors": []}
    if isinstance(got, decode.Rejected):
        return out | {"status": got.reason, "detail": got.detail}
    text = decode.wrap_long_lines(got.text, options.max_line_chars)
    repairs = got.repairs + (["long_lines"] if text is not got.text else [])
    out |= {"format": got.format, "encoding": got.encoding, "repairs": repairs, "text": text}
    if got.format == "html":
        extracted = html.html_to_text(got.text)
        if extracted is None:
            return out | {"status": "no_content", "detail": "no article text in the HTML", "text": None}
        out["text"], hints = extracted
        out |= {name: getattr(hints, name) for name in HINTS}
    why = prose.not_prose(out["text"], options.prose)
    if why is not None:
        return out | {"status": "not_prose", "detail": why, "text": None}
    if got.format == "html":  # the lines the extractor dropped go back in, marked: each is then a boilerplate row
        out["text"], out["chrome"] = html.with_chrome(got.text, out["text"])
    return out
