"""transforms.quotes.transcript: the turns of a transcript written without quote marks."""

from __future__ import annotations

from transforms.people import find_mentions
from transforms.quotes import extract_quotes
from transforms.quotes.options import QuoteOptions
from transforms.quotes.transcript import transcript_quotes
from transforms.records import ARTICLE_SEP

HEARING = [
    "Senator Ruth Holt questioned the minister, Paul Moreno, on Tuesday. An excerpt:",
    "HOLT: You never agreed to that plan.",
    "MORENO: Then why did I sign it?",
    "HOLT: That is what this committee wants to know.",
    "MODERATOR: We will take a short break.",
]


def _turns(paragraphs, options=None):
    return transcript_quotes(paragraphs, find_mentions(paragraphs), options or QuoteOptions())


def test_each_turn_is_a_full_quote_of_its_labelled_speaker():
    turns = _turns(HEARING)
    assert [(q.text, q.speaker_text, q.speaker, q.speaker_type) for q in turns] == [
        ("You never agreed to that plan.", "HOLT", "Ruth Holt", "person"),
        ("Then why did I sign it?", "MORENO", "Paul Moreno", "person"),
        ("That is what this committee wants to know.", "HOLT", "Ruth Holt", "person"),
        ("We will take a short break.", "MODERATOR", None, "description"),
    ]
    assert {(q.kind, q.attribution, q.cue) for q in turns} == {("full", "transcript", None)}


def test_offsets_point_into_the_article_text():
    text = ARTICLE_SEP.join(HEARING)
    for q in _turns(HEARING):
        assert text[q.start : q.end] == q.text
        assert text[q.speaker_start : q.speaker_end] == q.speaker_text
        assert HEARING[q.paragraph_index].endswith(q.text)


def test_datelines_and_lone_labels_make_no_transcript():
    assert _turns(["WASHINGTON: The Senate met late.", "BERLIN: Talks went on.", "WASHINGTON: No vote."]) == []
    # one label alone, or two labels each used once, are not speakers taking turns
    assert _turns(["UPDATE: The road reopened.", "Drivers were warned."]) == []
    assert _turns(["UPDATE: The road reopened.", "CORRECTION: It is the A9.", "Drivers were warned."]) == []


def test_the_number_of_turns_is_an_option():
    assert _turns(HEARING[:3]) == []  # two turns: below the default of three
    assert len(_turns(HEARING[:3] + ["MORENO: I did."], QuoteOptions(transcript_min_turns=3))) == 3
    assert _turns(HEARING, QuoteOptions(transcript_min_turns=5)) == []


def test_extract_quotes_adds_the_turns_to_the_quotes_in_marks():
    paragraphs = [*HEARING, 'After the break, Holt said: "We will call him again."']
    quotes = extract_quotes(paragraphs, find_mentions(paragraphs))
    assert [q.attribution for q in quotes] == ["transcript"] * 4 + ["cue_before"]
    assert quotes[-1].speaker == "Ruth Holt"
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)
