"""Publishing: which tables to rewrite, one chunk's rows of every table from in-memory stage results, quote speakers."""

import datetime as dt

import polars as pl
import pyarrow as pa

from flows import publish
from flows.graph import STAGE
from flows.publish import Lookups, chunk_rows, mention_rows, plan, quote_rows
from flows.stages import ingest
from flows.stages.quotes import quote_id
from flows.storage import MANIFEST, STATE, Store
from transforms import schemas
from transforms.people import person_id

OK, EMPTY = "1111" + "0" * 12, "2222" + "0" * 12


def test_tables_are_rewritten_when_a_stage_they_are_built_from_changed(tmp_path):
    store = Store(str(tmp_path))
    manifest = [{"source_path": "a.txt", "size": 1, "article_id": OK, "reason": None, "detail": None}]
    store.write_table(MANIFEST, ingest.manifest_table(manifest))
    for stage in STAGE["publish"].reads:
        store.write_json(f"{STATE}/{stage}.json", {"token": "t0"})
    first = plan(store.url)
    assert first["todo"] == list(schemas.TABLES)  # nothing published yet
    store.write_json(publish.PUBLISHED, first["signatures"])
    for table in schemas.TABLES:
        (tmp_path / table).mkdir()
    assert plan(store.url)["todo"] == []
    store.write_json(f"{STATE}/quotes.json", {"token": "t1"})
    assert plan(store.url)["todo"] == ["quotes"]
    store.write_json(f"{STATE}/clean.json", {"token": "t1"})
    assert plan(store.url)["todo"] == ["articles", "quotes", "boilerplate", "rejects"]


def frame(stage: str, rows: list[dict]) -> pl.DataFrame:
    """A stage's rows, with the columns publishing reads of them."""
    table = pa.Table.from_pylist(rows, schema=STAGE[stage].results)
    return pl.from_arrow(table.select(["article_id", *STAGE["publish"].reads[stage]]))


def test_a_chunk_s_rows_of_every_table():
    base = {"version": "v", "status": "ok", "detail": None}
    meta = dict.fromkeys(("title", "site_name", "section", "dateline", "language")) | {"authors": [], "published": None}
    removed = [{"line_number": 1, "text": "Share", "reason": "share"}]
    quote = {"paragraph_index": 1, "start": 24, "end": 31, "text": "We won", "kind": "full", "speaker_text": "Lind"}
    quote |= {"speaker_start": 11, "speaker_end": 15, "attribution": "cue_before"}
    frames = {
        "ingest": frame(
            "ingest",
            [
                base | {"article_id": aid, "source_path": path, "format": "text", "encoding": "utf-8", "repairs": []}
                for aid, path in ((OK, "a.txt"), (EMPTY, "b.txt"))
            ],
        ),
        "clean": frame(
            "clean",
            [
                base | meta | {"article_id": OK, "removed": removed, "published": dt.date(2024, 1, 2)},
                base | meta | {"article_id": EMPTY, "status": "no_content", "detail": "all 1 lines are page chrome"},
            ],
        ),
        "paragraphs": frame(
            "paragraphs",
            [
                base
                | {
                    "article_id": OK,
                    "paragraphs": [
                        {"text": "Cup final", "kind": "heading", "n_sentences": 1},
                        {"text": "Lind said: 'We won'.", "kind": "body", "n_sentences": 1},
                    ],
                }
            ],
        ),
        "quotes": frame(
            "quotes", [base | {"article_id": OK, "quotes": [quote | {"speaker": "Mara Lind", "cue": "said"}]}]
        ),
        "people": frame(
            "people",
            [
                base
                | {
                    "article_id": OK,
                    "mentions": [
                        {"paragraph_index": 1, "start": 11, "end": 15, "surface": "Lind", "name": "Mara Lind"},
                        {"paragraph_index": 0, "start": 0, "end": 3, "surface": "Cup", "name": "Cup"},  # no person
                    ],
                }
            ],
        ),
    }
    lookups = Lookups(
        repeated=pl.DataFrame({"article_id": [OK], "paragraph_index": [0]}),
        near=None,
        clusters=pl.DataFrame({"article_id": [OK], "start": [24], "cluster_id": ["c-1"]}),
        people={person_id("Mara Lind"): "Mara Lind"},
    )
    tables = {name: table.to_pylist() for name, table in chunk_rows(frames, lookups).items()}
    (article,) = tables["articles"]
    assert (article["text"], article["n_paragraphs"], article["n_boilerplate"]) == (
        "Cup final\n\nLind said: 'We won'.",
        2,
        1,
    )
    assert article["published"] == dt.date(2024, 1, 2) and article["duplicate_of"] is None
    assert [(p["char_start"], p["char_end"], p["is_duplicate"]) for p in tables["paragraphs"]] == [
        (0, 9, True),
        (11, 31, False),
    ]
    assert tables["boilerplate"] == [{"article_id": OK, "line_number": 1, "text": "Share", "reason": "share"}]
    assert tables["rejects"] == [
        {"source_path": "b.txt", "reason": "no_content", "detail": "all 1 lines are page chrome"}
    ]
    (got,) = tables["quotes"]
    assert (got["speaker"], got["person_id"], got["cluster_id"]) == ("Mara Lind", person_id("Mara Lind"), "c-1")
    assert got["quote_id"] == quote_id(OK, 24, 31) and (got["char_start"], got["char_end"]) == (24, 31)
    assert (got["speaker_char_start"], got["speaker_char_end"], got["attribution"]) == (11, 15, "cue_before")
    # a mention takes the person its name resolves to; one of a name without a people row is left out
    assert tables["mentions"] == [
        {"article_id": OK, "person_id": person_id("Mara Lind"), "char_start": 11, "char_end": 15, "text": "Lind"}
    ]
    rows = chunk_rows(frames, lookups)
    assert all(rows[t].schema == schemas.TABLES[t][0] for t in ("articles", "quotes", "mentions"))


# the quotes stage's fields that publishing reads
QUOTE = pl.Struct(
    {
        "start": pl.Int64,
        "end": pl.Int64,
        "text": pl.String,
        "speaker": pl.String,
        "speaker_start": pl.Int64,
        "speaker_end": pl.Int64,
        "speaker_type": pl.String,
    }
)


def found(rows: list[tuple[str, list[dict]]]) -> pl.DataFrame:
    return pl.DataFrame(
        {"article_id": [a for a, _ in rows], "quotes": [q for _, q in rows]},
        schema={
            "article_id": pl.String,
            "quotes": pl.List(QUOTE),
        },
    )


def test_speakers_resolve_to_their_articles_person_only():
    person = {"speaker_type": "person"}
    quotes = found(
        [
            ("a", [{"start": 0, "end": 5, "text": "yes", "speaker": "Kim Jong Un", **person}]),
            (
                "b",
                [
                    {"start": 0, "end": 5, "text": "no", "speaker": "Kim", **person},
                    {"start": 9, "end": 12, "text": "hm", "speaker": None},
                ],
            ),
            ("c", [{"start": 3, "end": 8, "text": "so", "speaker": "Kim", **person}]),
        ]
    )
    people = {person_id("Kim Jong Un"): "Kim Jong-un"}
    rows = quote_rows(quotes, _lookups(people)).select("article_id", "speaker", "person_id", "text").rows()
    assert rows == [
        ("a", "Kim Jong-un", person_id("Kim Jong Un"), "yes"),  # the people table's name
        ("b", "Kim", person_id("Kim", "b"), "no"),  # a one-word speaker: article b's Kim only
        ("b", None, None, "hm"),
        ("c", "Kim", person_id("Kim", "c"), "so"),
    ]
    assert person_id("Kim", "b") != person_id("Kim", "c") != person_id("Kim Jong Un")


def _lookups(people: dict[str, str]) -> Lookups:
    return Lookups(
        repeated=None,
        near=None,
        clusters=pl.DataFrame(schema={"article_id": pl.String, "start": pl.Int64, "cluster_id": pl.String}),
        people=people,
    )


def test_an_organisation_or_a_description_speaks_as_written_with_no_person():
    # "the company said" resolved to the company the article names: no people row, even when a
    # person of the corpus shares the string
    quotes = found(
        [
            (
                "a",
                [
                    {"start": 0, "end": 5, "text": "yes", "speaker": "Acme Group", "speaker_type": "organisation"},
                    {"start": 9, "end": 12, "text": "no", "speaker": "some parents", "speaker_type": "description"},
                ],
            )
        ]
    )
    rows = quote_rows(quotes, _lookups({person_id("Acme Group"): "Acme Group"}))
    assert rows.select("speaker", "person_id", "speaker_type").rows() == [
        ("Acme Group", None, "organisation"),
        ("some parents", None, "description"),
    ]


def test_a_one_word_mention_is_its_article_s_person_only():
    base = {"version": "v", "status": "ok", "detail": None}
    mention = {"paragraph_index": 0, "start": 0, "end": 3, "surface": "Kim", "name": "Kim"}
    found = frame("people", [base | {"article_id": aid, "mentions": [mention]} for aid in ("a", "b")])
    lookups = Lookups(
        repeated=None,
        near=None,
        clusters=pl.DataFrame(schema={"article_id": pl.String, "start": pl.Int64, "cluster_id": pl.String}),
        people={person_id("Kim", "a"): "Kim", person_id("Kim", "b"): "Kim", person_id("Kim Jong Un"): "Kim Jong Un"},
    )
    rows = mention_rows(found, lookups).select("article_id", "person_id").rows()
    assert rows == [("a", person_id("Kim", "a")), ("b", person_id("Kim", "b"))]
