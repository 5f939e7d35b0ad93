"""Cleaned text to paragraphs: soft wraps joined, glued paragraphs split, headings marked.

The input is ``Cleaned.text``: the page's lines, with removed lines left blank.
A blank line always ends a paragraph. Inside a run of non-blank lines each line
break is either a soft wrap (the sentence goes on: join with a space) or a
paragraph break (one paragraph a line, as many scrapes write them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from transforms.records import Paragraph

# A line ending in one of these closes its sentence (closing quotes and brackets
# after the stop included): the next line starts a new paragraph.
TERMINAL = tuple('.!?…:;"”’»)]') + ("'",)

# Lost paragraph breaks: a sentence end directly followed by the next
# sentence's capital ("him.During"), possibly with a quote mark between
# ('West."We' opens a quote, 'no."And' closes one). Two lower-case letters
# before the stop keep "U.S.Army" and "e.g.The" out; a capital plus lower-case
# letter after it keeps "Node.js" and domain names out. (The stop comes first and the letters before it are
# a lookbehind over the stop: the regex engine then scans for a stop, not tries the lookbehind everywhere.)
GLUED = re.compile(r"[.!?](?<=[a-z\u00df-\u00ff]{2}[.!?])([\"“”]?)(?=[\"“]?[A-Z\u00c0-\u00de][a-z\u00df-\u00ff])")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ParagraphOptions:
    """The paragraph splitter's numbers (chosen on the seeds and the aeb-dev pages)."""

    # Lines of a hard-wrapped block (fixed-width text) fill the wrap width: a line
    # this close to the block's longest line, with no terminal punctuation, is
    # wrapped even when the next line starts with a capital (a name, say).
    wrap_fill: float = 0.8
    # Blocks whose longest line is shorter than this are not fixed-width text.
    min_wrap_width: int = 40
    # A heading: at most this many words, no sentence-ending punctuation (a short
    # question counts as a heading), and not a quote.
    heading_max_words: int = 12
    # Paragraphs kept per article; the rest is dropped (a real article has < 500). None: all.
    max_paragraphs: int | None = 2000


DEFAULTS = ParagraphOptions()


def join_lines(lines: list[str], options: ParagraphOptions = DEFAULTS) -> list[str]:
    """Split one run of non-blank lines into paragraphs, joining soft-wrapped lines."""
    width = max(len(line) for line in lines)
    fixed_width = width >= options.min_wrap_width and len(lines) >= 3
    paragraphs = [lines[0]]
    for prev, line in zip(lines, lines[1:], strict=False):
        open_sentence = not prev.endswith(TERMINAL)
        continues = line[:1].islower() or line[:1] in ",;)"
        filled = fixed_width and len(prev) >= options.wrap_fill * width
        if open_sentence and (continues or filled):
            sep = "" if prev.endswith("-") and line[:1].islower() else " "
            paragraphs[-1] = paragraphs[-1] + sep + line
        else:
            paragraphs.append(line)
    return paragraphs


def split_glued(paragraph: str) -> list[str]:
    """Split a paragraph where a lost paragraph break glued two sentences."""
    parts, start = [], 0
    for match in GLUED.finditer(paragraph):
        mark = match.group(1)
        closes = mark == "”" or (mark == '"' and paragraph.count('"', start, match.start()) % 2 == 1)
        cut = match.end() if closes else match.start(1)
        parts.append(paragraph[start:cut])
        start = cut
    parts.append(paragraph[start:])
    return [p.strip() for p in parts if p.strip()]


def is_heading(text: str, options: ParagraphOptions = DEFAULTS) -> bool:
    if text.endswith(tuple('.!…:;,"”’»')) or text[:1] in "\"“«„‘'":
        return False
    return len(WORD.findall(text)) <= options.heading_max_words


def blocks(text: str) -> Iterable[list[str]]:
    """Runs of non-blank lines, whitespace trimmed."""
    run: list[str] = []
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line:
            run.append(line)
        elif run:
            yield run
            run = []
    if run:
        yield run


def split_paragraphs(text: str, options: ParagraphOptions = DEFAULTS) -> list[Paragraph]:
    """Paragraphs of a cleaned text, in order, each marked body or heading."""
    out: list[Paragraph] = []
    for run in blocks(text):
        for joined in join_lines(run, options):
            for part in split_glued(joined):
                out.append(Paragraph(part, "heading" if is_heading(part, options) else "body"))
                if options.max_paragraphs is not None and len(out) >= options.max_paragraphs:
                    return out
    return out
