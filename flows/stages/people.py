"""The people stage: person mentions per article (``transforms.people``), and its corpus step: the
corpus's people table (``transforms.corpus``)."""

from __future__ import annotations

import pyarrow as pa

from flows.buckets import corpus_items, results_schema
from flows.storage import STATE, Store
from transforms import corpus, people, schemas
from transforms.records import Mention
from transforms.schemas import record_struct

RESULTS = results_schema(("mentions", pa.list_(record_struct(Mention))))
# The corpus step's result: the people table.
PEOPLE_STATE = f"{STATE}/people.parquet"


def row(up: dict, options: people.PeopleOptions) -> dict:
    """The people stage's row for one article, from its paragraphs row and its clean row's title.

    The title is read for the names it spells out in full ("... tells Vladimir Putin"): they
    resolve the paragraphs' short names, but are no mentions.
    """
    texts = [p["text"] for p in up["paragraphs"]]
    mentions = people.find_mentions(texts, options, context=[up["title"]] if up.get("title") else [])
    return {"status": "ok", "detail": None, "mentions": [vars(m) for m in mentions]}


def build_people(output_url: str, options: people.PeopleOptions) -> int:
    """The corpus's people from every article's mentions.

    Two passes over the buckets (names, then people): one bucket's mentions are held at a time.
    """
    store = Store(output_url)
    counts = corpus.name_counts(corpus_items(store, "people", RESULTS, "mentions", ["name"]))
    table = corpus.build_people(counts, corpus_items(store, "people", RESULTS, "mentions", ["surface", "name"]))
    store.write_table(PEOPLE_STATE, table.to_arrow().cast(schemas.PEOPLE))
    return table.height
