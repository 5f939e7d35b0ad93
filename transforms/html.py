"""HTML pages to article text and metadata hints, with trafilatura.

trafilatura parses with lxml's HTML parser, which neither fetches nor resolves
external entities; nothing here touches the network or the file system.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right

import trafilatura
from lxml import etree

from transforms.records import ArticleMeta

# htmldate's extensive search guesses a date from any number on the page
# (copyright footers included): only dates the page states as its own are kept.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


# Elements whose text a reader never sees as page text.
INVISIBLE = ("head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select")
# Elements that start a new line of text (HTML's block and table elements, list items, line breaks).
BLOCKS = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul "
    "option button label caption legend".split()
)
NOT_WORD = re.compile(r"\W+")


def page_lines(html: str) -> list[str]:
    """Every line of text a reader sees on the page, in page order: each block element starts a line,
    whitespace is collapsed; scripts, styles and the head are left out."""
    tree = trafilatura.load_html(html)
    if tree is None:
        return []
    body = tree.find(".//body")
    body = tree if body is None else body
    etree.strip_elements(body, *INVISIBLE, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    for event, element in etree.iterwalk(body, events=("start", "end")):
        block = isinstance(element.tag, str) and element.tag.lower() in BLOCKS
        if event == "start":
            if block:
                flush()
            current.append(element.text or "")
        else:
            if block:
                flush()
            if element is not body:
                current.append(element.tail or "")
    flush()
    return lines


def fold(text: str) -> str:
    """A line's words only, lower case: how the extractor and the page's lines are compared."""
    return " ".join(NOT_WORD.split(text.casefold())).strip()


def with_chrome(html: str, text: str) -> tuple[str, list[int]]:
    """The extracted ``text`` with the page's lines that the extractor dropped put back in page order,
    and the 1-based numbers of those lines: every line of the page's text is then in the article or
    in its chrome (``boilerplate``, reason ``html_chrome``). Every line of ``text`` is kept, in order.

    A page line is the article's when its words occur in the extracted text (at word edges), after the
    last one found or, failing that, anywhere (a title repeated); else it is chrome, placed after the
    extracted line of the last page line found.
    """
    kept = text.split("\n")
    folded = [fold(line) for line in kept]
    joined = "\n".join(folded)
    starts, at = [], 0
    for line in folded:  # where each extracted line starts in ``joined``
        starts.append(at)
        at += len(line) + 1
    after: dict[int, list[str]] = {}  # extracted line index (-1: before the first) -> chrome lines below it
    position, cursor = -1, 0
    for line in page_lines(html):
        key = fold(line)
        if not key:
            continue
        found = None
        if key in joined:  # most chrome lines are not: no pattern to build for them
            pattern = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
            found = pattern.search(joined, cursor) or pattern.search(joined)
        if found is None:
            after.setdefault(position, []).append(line)
        elif found.start() >= cursor:
            cursor = found.end()
            position = max(position, bisect_right(starts, found.start()) - 1)
    merged, chrome = list(after.get(-1, [])), list(range(1, len(after.get(-1, [])) + 1))
    for i, line in enumerate(kept):
        merged.append(line)
        for extra in after.get(i, []):
            merged.append(extra)
            chrome.append(len(merged))
    return "\n".join(merged), chrome


def parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def html_to_text(html: str) -> tuple[str, ArticleMeta] | None:
    """The main text of a page (one paragraph a line) and the metadata it states.

    Returns None when trafilatura finds no article text in the page.
    """
    doc = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=True,  # score tables and fact boxes are article text (aeb-dev F1 0.963 -> 0.968)
        with_metadata=True,
        date_extraction_params=DATE_PARAMS,
    )
    if doc is None or not (doc.text or "").strip():
        return None
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    meta = ArticleMeta(
        title=doc.title or None,
        site_name=doc.sitename or None,
        section=(doc.categories or [None])[0],
        authors=authors,
        published=parse_date(doc.date),
    )
    return doc.text, meta
