"""Is a text prose at all? Data files and code dropped into a scrape folder are text too, and
page chrome alone (a menu bar) survives cleaning as text; neither is an article.

``not_prose`` says why a decoded input is data or code (the ``not_prose`` reject), ``has_body``
whether any line left after cleaning reads as a sentence (else ``no_content``). Both look at the
shape of the text only (punctuation, digits, case, separators), so they hold in any language.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass

# The first characters looked at: data and code show their shape at once, and a bounded sample
# keeps the check cheap on a 16 MiB input.
SAMPLE_CHARS = 200_000
SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", "»", "。", "！", "？")
# Field separators of delimited data (CSV, TSV, pipe tables).
DELIMITERS = (",", ";", "\t", "|")
# The first element of a markup document (after an XML declaration, comments and a doctype).
XML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE\s+(\w+)[^>]*>\s*)?(?:<!--.*?-->\s*)*<([A-Za-z_][\w:.-]*)",
    re.S,
)
# Elements an HTML page or fragment opens with: markup starting with any other is XML data (a feed,
# a sitemap, an export), not a page.
HTML_ELEMENTS = frozenset(
    "html head body div p article section main span table header footer nav meta link script style title "
    "ul ol li a img br hr form iframe figure aside blockquote pre b i em strong font center h1 h2 h3 h4 h5 h6".split()
)
# A line of program text: it opens with a keyword of a common language or ends like a statement.
CODE_START = re.compile(
    r"^\s*(?:def |class |import |from \S+ import |function\b|var |let |const |return\b|#include\b|#define\b|"
    r"public |private |protected |static |package |using |namespace |fn |func |end$|elif |else:|try:|except\b|"
    r"if \(|for \(|while \(|switch \(|@\w+|//|/\*|\*/|<\?php|SELECT |INSERT |CREATE |UPDATE )"
)
# How a line of program text ends, before trailing spaces: a statement, a block, a call, a signature.
CODE_ENDS = (";", "{", "}", ")", "):", "=>")
# Typographic punctuation of Latin-script text (no word characters): ’ “ ” ‘ — – ― − … « » • © and the no-break
# space. Most lines of news text that are not ASCII are ASCII but for these (see ``space_punctuation``).
TYPOGRAPHIC = "\u2019\u201c\u201d\u2018\u2014\u2013\u2015\u2212\u2026\u00ab\u00bb\u2022\u00a9\u00a0"
# Characters of program syntax (not markup's angle brackets: HTML is the extractor's); prose has
# under 1 % of its characters among these.
CODE_CHARS = frozenset("{}[]()=;_\\$")
# Separators of a menu bar or breadcrumb trail: "Home | News | Sport", "Home › World".
MENU_SEPARATORS = re.compile(r"\s[|•·»›>/]\s|\t")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class ProseOptions:
    """The thresholds of the prose checks, chosen on texts written for the tests (data, code, menus,
    and news prose in 14 languages) with room on both sides; no article of the eval sets crosses them."""

    # Fewest non-empty lines before a text's line shapes say anything (delimited data, code).
    min_lines: int = 5
    # Share of lines with the same (non-zero) count of a delimiter that makes a text delimited data.
    delimited_share: float = 0.8
    # Share of lines shaped like program text that makes a text code.
    code_share: float = 0.5
    # Lines reading as sentences outside a table's rows (or anywhere, for the character shares) that
    # make a text an article with a table: a data file has none. A standings page of aeb-dev has 4.
    min_sentences: int = 2
    # Sentences outside code lines, per code line, that make a text an article with a listing (a news
    # page of quotes-train carries 41 lines of CSS under 20 sentences; code has a comment in ten lines).
    code_min_prose: float = 0.3
    # Share of program-syntax characters among the non-space ones above which a text is code;
    # news prose has 0.1-0.8 %, code 8-20 %.
    code_chars_share: float = 0.06
    # Share of letters among the non-space characters below which a text is numbers, not prose;
    # news prose has 75-85 %, a table of figures 10-40 %.
    min_letter_share: float = 0.45
    # A line reads as a sentence with this many words, at least two of them lower case (or of a
    # script without case) ...
    sentence_words: int = 5
    # ... or this many letters of scripts that write no spaces or have no case (Chinese, Japanese, Thai).
    sentence_letters: int = 15


def not_prose(text: str, options: ProseOptions = ProseOptions()) -> str | None:
    """Why ``text`` is data or code rather than prose (a reject's detail), or None when it may be an article."""
    sample = text[:SAMPLE_CHARS]
    stripped = sample.strip()
    if stripped[:1] in "{[" and parses_as_json(text.strip()):
        return "JSON data"
    lines = [line for line in sample.split("\n") if line.strip()]
    if len(lines) >= options.min_lines and sum(parses_as_json(line) for line in lines) >= 0.8 * len(lines):
        return "JSON lines"
    xml = XML_START.match(sample)
    if xml and (xml.group(1) or xml.group(2)).lower() not in HTML_ELEMENTS:
        return f"XML data (<{xml.group(2)}>)"
    # An article may hold a table or a code listing: its sentences outside them keep it.
    if len(lines) >= options.min_lines:
        delimiter = delimited_by(lines, options.delimited_share)
        if delimiter is not None:
            count = Counter(line.count(delimiter) for line in lines).most_common(1)[0][0]
            rest = [line for line in lines if line.count(delimiter) != count]
            if not has_sentences(rest, options.min_sentences, options):
                return f"delimited data ({'tab' if delimiter == chr(9) else repr(delimiter)}-separated columns)"
        code = [looks_like_code(line) for line in lines]
        if sum(code) >= options.code_share * len(lines):
            rest = [line for line, is_code in zip(lines, code, strict=True) if not is_code]
            if not has_sentences(rest, max(options.min_sentences, options.code_min_prose * sum(code)), options):
                return "program code"
    if has_sentences(lines, options.min_sentences, options):
        return None
    visible = [c for c in sample if not c.isspace()]
    if len(visible) >= 20:
        if sum(c in CODE_CHARS for c in visible) > options.code_chars_share * len(visible):
            return "program code"
        if sum(c.isalpha() for c in visible) < options.min_letter_share * len(visible):
            return "numbers and symbols, not prose"
    return None


def has_sentences(lines: list[str], least: float, options: ProseOptions) -> bool:
    """Do at least ``least`` of ``lines`` read as a sentence (``reads_as_sentence``)? Stops counting
    there: an article answers in its first lines."""
    found = 0
    for line in lines:
        if found >= least:
            break
        found += reads_as_sentence(line, options)
    return found >= least


def parses_as_json(text: str) -> bool:
    if not text or text[0] not in "{[":
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def delimited_by(lines: list[str], share: float) -> str | None:
    """The delimiter that splits most lines into the same number of columns (three or more for a
    comma, which prose uses freely; two or more for the others), or None."""
    text = "\n".join(lines)
    for delimiter in DELIMITERS:
        least = 2 if delimiter == "," else 1
        if text.count(delimiter) < least * share * len(lines):
            continue  # too few in all for a share of the lines to hold ``least`` each: prose, at once
        counts = Counter(line.count(delimiter) for line in lines)
        count, n = counts.most_common(1)[0]
        if count >= least and n >= share * len(lines):
            # columns of values, not sentences that happen to share a comma count
            fields = [len(f.strip()) for line in lines for f in line.split(delimiter)]
            sentences = sum(line.rstrip().endswith(SENTENCE_ENDS) for line in lines)
            if statistics.median(fields) <= 40 and sentences < len(lines) / 2:
                return delimiter
    return None


def looks_like_code(line: str) -> bool:
    return bool(CODE_START.match(line)) or line.rstrip().endswith(CODE_ENDS)


def reads_as_sentence(segment: str, options: ProseOptions) -> bool:
    words = WORD.findall(segment)
    lower = sum(1 for w in words if w[0].islower() or w[0].lower() == w[0].upper())
    if len(words) >= options.sentence_words and lower >= 2:
        return True
    if segment.isascii():  # every ASCII letter has a case
        return False
    return sum(1 for c in segment if c.isalpha() and c.lower() == c.upper()) >= options.sentence_letters


def has_body(text: str, options: ProseOptions = ProseOptions()) -> bool:
    """True when some line reads as a sentence: a menu bar ("Home | News | Sport"), a list of
    section names, or a lone heading is not an article's body."""
    return any(
        reads_as_sentence(segment, options)
        for line in text.split("\n")
        if line.strip()
        for segment in MENU_SEPARATORS.split(line)
    )


def space_punctuation(text: str) -> str:
    """``text`` with each ``TYPOGRAPHIC`` character as a space: the same ``\\w+`` words and ``\\W+`` runs, and
    often an ASCII text that the callers' fast ASCII paths can take (a few replace() scans beat a translate table)."""
    for char in TYPOGRAPHIC:
        text = text.replace(char, " ")
    return text
