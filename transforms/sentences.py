"""Sentence ends: the one splitter of the paragraphs (sentence counts) and the quotes (sentences of
an article whose quote interiors are masked with NUL characters).

A sentence ends at terminal punctuation (closing quotes and brackets allowed) followed by space
and a capital, a digit, an opening quote or bracket, or a masked quote; not after an abbreviation
(``speech_vocab.SENTENCE_ABBREVIATIONS``: "Sen.", "Corp.", "Jan."), a single letter or initials
("J.K.", "U.S.").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from transforms import speech_vocab as V

# (an opening quote may be written with two marks: ``''…''`` in NYT texts)
_END_RE = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s+[\"“‘'«(\[]{0,2}[A-Z0-9\u00c0-\u00de\x00])")
_INITIALS_RE = re.compile(r"(?:[a-z]\.)+[a-z]")


def abbreviated(word: str) -> bool:
    """True for a word whose full stop does not end a sentence ("Sen", "J.K", "U.S", "a")."""
    w = word.lower().strip("\"“”'’(")
    return (
        w in V.SENTENCE_ABBREVIATIONS
        or (len(w) == 1 and w.isalpha())
        or ("." in w and _INITIALS_RE.fullmatch(w) is not None)  # initials hold a full stop
    )


def sentence_ends(text: str) -> Iterator[re.Match]:
    """Matches of the punctuation that ends each sentence of ``text`` but the last (``m.end()`` is
    where the next sentence's space begins)."""
    for m in _END_RE.finditer(text):
        ms = m.start()
        if text[ms] == ".":
            words = text[max(0, ms - 12) : ms].split()
            if abbreviated(words[-1] if words else ""):
                continue
        yield m


def count_sentences(text: str) -> int:
    """Sentences in a text."""
    return 1 + sum(1 for _ in sentence_ends(text))
