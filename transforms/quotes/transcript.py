"""Transcripts: paragraphs that open with a speaker's label and a colon, without quote marks.

    HOLT: We never agreed to that plan.
    MORENO: Then why did you sign it?

An article holds a transcript where at least ``QuoteOptions.transcript_min_turns`` paragraphs open
with a label in capitals (one to three words: a surname, a full name, a role such as "PARTICIPANT")
and a colon, with at least two labels, one of them used twice (speakers take turns). A dateline
("WASHINGTON: ...") is no label. Each such paragraph's words after the colon are a full quote, its
label the speaker's words (rule "transcript"); a label whose last word is the surname of one person
the article names resolves to that person (``article.label_person``, as for a label before quote
marks), any other label is a description.
"""

from __future__ import annotations

import re
from collections import Counter

from transforms import name_data
from transforms.quotes.article import label_person
from transforms.quotes.options import DEFAULTS, QuoteOptions
from transforms.records import ARTICLE_SEP, Mention, Quote

# A speaker's label: one to three words in capitals, then a colon and the words spoken.
LABEL_RE = re.compile(r"([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):[ \t]+(?=\S)")


def transcript_quotes(paragraphs: list[str], mentions: list[Mention], options: QuoteOptions = DEFAULTS) -> list[Quote]:
    """The turns of the article's transcript as full quotes; [] when it has none."""
    turns = []  # (paragraph index, offset of the paragraph, label match)
    offset = 0
    for i, par in enumerate(paragraphs):
        m = LABEL_RE.match(par)
        if m and (label_person(m.group(1), mentions) or not name_data.is_place(m.group(1).title())):
            turns.append((i, offset, m))
        offset += len(par) + len(ARTICLE_SEP)
    labels = Counter(m.group(1) for _, _, m in turns)
    if len(turns) < options.transcript_min_turns or len(labels) < 2 or labels.most_common(1)[0][1] < 2:
        return []
    quotes = []
    for i, at, m in turns:
        body = paragraphs[i][m.end() :].rstrip()
        speaker = label_person(m.group(1), mentions)
        quotes.append(
            Quote(
                paragraph_index=i,
                start=at + m.end(),
                end=at + m.end() + len(body),
                text=body,
                kind="full",
                speaker_text=m.group(1),
                speaker=speaker,
                cue=None,
                speaker_start=at,
                speaker_end=at + len(m.group(1)),
                attribution="transcript",
                speaker_type="person" if speaker else "description",
            )
        )
    return quotes
