"""One pyarrow schema per published table, with a description per column, and the Arrow types
of the records the transforms return (derived from the records' annotations, never typed twice).

The flows cast every table to its schema when writing, so a column's type never
depends on which rows a batch happened to hold. The descriptions feed the
dataset card (``output/README.md``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing

import pyarrow as pa

STR = pa.string()
STRS = pa.list_(pa.string())
I32 = pa.int32()


# The Arrow type of each Python type a record's field may have: ints are offsets, counts and indexes.
ARROW_TYPES: dict[type, pa.DataType] = {
    int: pa.int32(),
    str: pa.string(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
}


def arrow_type(hint: object) -> pa.DataType:
    """The Arrow type of a field annotation: a type of ``ARROW_TYPES``, ``X | None`` (nullable X),
    ``list[X]``, or a record (a struct of its fields)."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        (inner,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return arrow_type(inner)
    if typing.get_origin(hint) is list:
        return pa.list_(arrow_type(typing.get_args(hint)[0]))
    if dataclasses.is_dataclass(hint):
        return record_struct(hint)
    return ARROW_TYPES[hint]


def record_fields(record: type) -> list[tuple[str, pa.DataType]]:
    """(name, Arrow type) of each field of a record (a dataclass), in order."""
    hints = typing.get_type_hints(record)
    return [(f.name, arrow_type(hints[f.name])) for f in dataclasses.fields(record)]


def record_struct(record: type, *extra: tuple[str, pa.DataType]) -> pa.StructType:
    """The Arrow struct of a record's fields, and of ``extra`` fields after them."""
    return pa.struct(record_fields(record) + list(extra))


def table(*columns: tuple[str, pa.DataType, str]) -> tuple[pa.Schema, dict[str, str]]:
    return pa.schema([(name, typ) for name, typ, _ in columns]), {name: doc for name, _, doc in columns}


ARTICLES, ARTICLES_DOC = table(
    ("article_id", STR, "stable id: the first 16 hex digits of the SHA-256 of the input file's bytes"),
    ("source_path", STR, "input file, relative to the input root"),
    ("format", STR, "text or html"),
    ("encoding", STR, "character encoding the bytes were decoded with"),
    ("repairs", STRS, "what decoding repaired: gunzip, line_endings, mojibake, unicode, control_chars"),
    ("title", STR, "headline, null when the page states none"),
    ("site_name", STR, "publication name, null when the page states none"),
    ("section", STR, "section or category, null when the page states none"),
    ("authors", STRS, "author names from the byline"),
    ("published", pa.date32(), "publication date stated by the page, null when none"),
    ("dateline", STR, "place line that opens the story (e.g. 'WASHINGTON (Reuters)'), null when none"),
    ("language", STR, "ISO 639-1 code from an offline language identifier"),
    ("text", STR, "cleaned body: paragraphs joined by a blank line"),
    ("n_paragraphs", I32, "paragraphs in text"),
    ("n_boilerplate", I32, "lines removed from the input (see boilerplate)"),
    ("duplicate_of", STR, "article_id of an earlier article sharing most of its paragraphs, else null"),
)

PARAGRAPHS, PARAGRAPHS_DOC = table(
    ("article_id", STR, "article the paragraph belongs to"),
    ("paragraph_index", I32, "0-based position in the article"),
    ("kind", STR, "body or heading"),
    ("text", STR, "paragraph text (soft wraps joined)"),
    ("char_start", I32, "offset of the paragraph in articles.text"),
    ("char_end", I32, "end offset (exclusive) in articles.text"),
    ("n_sentences", I32, "sentences in the paragraph"),
    ("is_duplicate", pa.bool_(), "the same paragraph text appears in an earlier article"),
)

QUOTES, QUOTES_DOC = table(
    ("quote_id", STR, "stable id: article_id and offsets"),
    ("article_id", STR, "article the quote is in"),
    ("paragraph_index", I32, "paragraph where the quote starts"),
    ("char_start", I32, "offset of the quoted words in articles.text (marks excluded)"),
    ("char_end", I32, "end offset (exclusive) in articles.text"),
    ("text", STR, "the words inside the quote marks"),
    ("kind", STR, "full (a quoted utterance) or partial (a fragment in the reporter's sentence)"),
    ("speaker_text", STR, "the speaker as written: a name, 'he', 'the Kremlin'; null when none"),
    ("speaker", STR, "canonical name of the person speaking (people.name), null when not a person"),
    ("person_id", STR, "people.person_id of the speaker, null when not a person"),
    ("cue", STR, "reporting verb: said, told, added, wrote, ..."),
    (
        "cluster_id",
        STR,
        "quotes with the same or nearly the same words, in any article, share it: the quote_id of the "
        "cluster's first quote (by article_id, then offsets), the same in every run while that quote is there",
    ),
    ("speaker_char_start", I32, "offset in articles.text of the words taken as the speaker; null when none"),
    ("speaker_char_end", I32, "end offset (exclusive) of those words; null when none"),
    (
        "attribution",
        STR,
        "the rule that chose the speaker (transforms.quotes.attribution.RULES): cue_after, verb_before, cue_before,"
        " according_to, quoted_as, colon, cue_later; same_sentence, continuation, speaker_after,"
        " back_reference, colon_sentence (the speaker of a neighbouring sentence); list_dash, introduced_after;"
        " pronoun or description when coreference named the person; transcript (a turn 'NAME: …' of a"
        " transcript, without quote marks); null when no speaker",
    ),
    (
        "speaker_type",
        STR,
        "what the speaker is: person (speaker is people.name, person_id set); organisation (speaker is the"
        " organisation the article names, e.g. 'the company said' -> the company's name; person_id null);"
        " description (no name is given: speaker is the article's description of the speaker, e.g. 'a group"
        " of parents', or null with speaker_text 'a spokeswoman'); null when no speaker",
    ),
)

PEOPLE, PEOPLE_DOC = table(
    (
        "person_id",
        STR,
        "stable id derived from the folded full name; a one-word name (a surname or 'Mr X' that its"
        " article never writes in full) is a person of that article only, its id derived from both",
    ),
    ("name", STR, "canonical name: the most common full form in the corpus (or the one word)"),
    ("aliases", STRS, "every surface form seen (variants, surnames, 'Mr X', titled forms)"),
    ("n_mentions", I32, "mentions across the corpus"),
    ("n_articles", I32, "articles mentioning the person"),
)

MENTIONS, MENTIONS_DOC = table(
    ("article_id", STR, "article the person is mentioned in"),
    ("person_id", STR, "people.person_id of the person meant"),
    ("char_start", I32, "offset of the mention in articles.text"),
    ("char_end", I32, "end offset (exclusive) in articles.text"),
    ("text", STR, "the mention as written: 'Kim Jong-un', 'Mr Kim', 'Putin'"),
)

BOILERPLATE, BOILERPLATE_DOC = table(
    ("article_id", STR, "article the line was removed from"),
    ("line_number", I32, "1-based line number in the decoded input"),
    ("text", STR, "the removed line"),
    ("reason", STR, "why: title, byline, share, navigation, forum, caption, credit, related, ..."),
)

REJECTS, REJECTS_DOC = table(
    ("source_path", STR, "input file, relative to the input root"),
    ("reason", STR, "empty, binary, unsupported_type, too_large, undecodable, no_content, duplicate, ..."),
    ("detail", STR, "what was found"),
)

TABLES: dict[str, tuple[pa.Schema, dict[str, str]]] = {
    "articles": (ARTICLES, ARTICLES_DOC),
    "paragraphs": (PARAGRAPHS, PARAGRAPHS_DOC),
    "quotes": (QUOTES, QUOTES_DOC),
    "people": (PEOPLE, PEOPLE_DOC),
    "mentions": (MENTIONS, MENTIONS_DOC),
    "boilerplate": (BOILERPLATE, BOILERPLATE_DOC),
    "rejects": (REJECTS, REJECTS_DOC),
}
