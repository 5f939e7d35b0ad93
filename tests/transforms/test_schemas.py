"""The published tables' schemas, and the Arrow types derived from the records' annotations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pyarrow as pa
import pytest

from transforms import schemas
from transforms.records import ArticleMeta, Mention, Quote, RemovedLine
from transforms.schemas import arrow_type, record_fields, record_struct


@dataclass
class Inner:
    n: int


@dataclass
class Sample:
    count: int
    ratio: float
    flag: bool
    name: str | None
    day: dt.date | None
    tags: list[str]
    inner: Inner
    inners: list[Inner]


def test_annotations_map_to_arrow_types():
    assert record_fields(Sample) == [
        ("count", pa.int32()),
        ("ratio", pa.float64()),
        ("flag", pa.bool_()),
        ("name", pa.string()),
        ("day", pa.date32()),
        ("tags", pa.list_(pa.string())),
        ("inner", pa.struct([("n", pa.int32())])),
        ("inners", pa.list_(pa.struct([("n", pa.int32())]))),
    ]


def test_a_type_without_an_arrow_form_is_refused():
    with pytest.raises(KeyError):
        arrow_type(complex)


def test_the_records_arrow_forms():
    assert record_struct(Quote).names == [
        "paragraph_index",
        "start",
        "end",
        "text",
        "kind",
        "speaker_text",
        "speaker",
        "cue",
        "speaker_start",
        "speaker_end",
        "attribution",
        "speaker_type",
    ]
    assert record_struct(Mention, ("extra", pa.string())) == pa.struct(
        [
            ("paragraph_index", pa.int32()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("surface", pa.string()),
            ("name", pa.string()),
            ("extra", pa.string()),
        ]
    )
    assert dict(record_fields(ArticleMeta))["authors"] == pa.list_(pa.string())


@pytest.mark.parametrize("name", list(schemas.TABLES))
def test_every_published_column_has_a_description(name):
    schema, docs = schemas.TABLES[name]
    assert list(docs) == schema.names and all(docs.values())


def test_columns_published_from_a_record_have_the_record_s_types():
    quotes = schemas.QUOTES
    published = {"start": "char_start", "end": "char_end"}
    published |= {"speaker_start": "speaker_char_start", "speaker_end": "speaker_char_end"}
    for field, typ in record_fields(Quote):
        assert quotes.field(published.get(field, field)).type == typ
    for field, typ in record_fields(RemovedLine):
        assert schemas.BOILERPLATE.field(field).type == typ
    for field, typ in record_fields(ArticleMeta):
        assert schemas.ARTICLES.field(field).type == typ
