"""Small result types shared by the transforms.

Every transform returns one of these (or a list of them); the flows turn lists
of records into the Parquet tables declared in ``transforms.schemas``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ARTICLE_SEP = "\n\n"  # articles.text is its paragraphs joined by a blank line


@dataclass(frozen=True)
class RemovedLine:
    """A line of the input that is not part of the article body."""

    line_number: int  # 1-based line number in the decoded input text
    text: str
    reason: str  # one of transforms.clean.REASONS


@dataclass
class ArticleMeta:
    """Metadata lifted from a page; None (or []) where the page does not say it."""

    title: str | None = None
    site_name: str | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    dateline: str | None = None
    language: str | None = None  # ISO 639-1


@dataclass
class Cleaned:
    """Output of ``transforms.clean.clean_document``.

    ``text`` keeps the input's line structure: every removed line is replaced by
    an empty line, so line i of ``text`` is line i of the input or blank.
    """

    text: str
    removed: list[RemovedLine]
    meta: ArticleMeta


@dataclass(frozen=True)
class Paragraph:
    text: str
    kind: str  # "body" or "heading"


@dataclass(frozen=True)
class Mention:
    """A person mentioned in an article.

    Offsets are into the article text, ``ARTICLE_SEP.join(paragraph texts)``. ``name`` is the full name the mention
    resolves to inside this article (e.g. "Mr Kim" -> "Kim Jong Un"), as written
    in its most complete form in the article.
    """

    paragraph_index: int
    start: int
    end: int
    surface: str
    name: str


@dataclass(frozen=True)
class Quote:
    """A quotation; offsets are into the article text, excluding the quote marks.

    ``paragraph_index`` is the paragraph where the quote starts (a quote may run
    over several paragraphs).
    """

    paragraph_index: int
    start: int
    end: int
    text: str
    kind: str  # "full" or "partial"
    speaker_text: str | None  # as written: "he", "Mr Kim", "the Kremlin"
    speaker: str | None  # article-level full person name, None if not a person
    cue: str | None  # reporting verb: said, told, added, ...
    speaker_start: int | None = None  # offsets of speaker_text in the article text
    speaker_end: int | None = None
    attribution: str | None = None  # the rule that chose the speaker (transforms.quotes.attribution.RULES)
    # what ``speaker`` is: "person" (a name of the article's people), "organisation" (the company or
    # court the article names for "the company", "the ruling"), "description" (no name: "a spokeswoman",
    # "a group of parents"); None without a speaker
    speaker_type: str | None = None
