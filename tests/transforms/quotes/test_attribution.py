"""transforms.quotes.attribution: the ordered rules and the rules across sentences and paragraphs."""

from __future__ import annotations

import pytest

from transforms.people import find_mentions
from transforms.quotes import extract_quotes
from transforms.quotes.attribution import RULES, headline
from transforms.quotes.options import QuoteOptions
from transforms.records import ARTICLE_SEP


def _quotes(paragraphs: list[str]):
    return extract_quotes(paragraphs, find_mentions(paragraphs))


def test_rules_are_an_ordered_named_list():
    assert [name for name, _ in RULES] == ["cue_after", "verb_before", "cue_before", "cue_after", "colon", "cue_later"]


@pytest.mark.parametrize(
    ("paragraphs", "speaker", "attribution"),
    [
        (['"We are ready for winter," said Anna Berg.'], "Anna Berg", "cue_after"),
        (['Anna Berg said: "We are ready for winter."'], "Anna Berg", "cue_before"),
        (['According to Anna Berg, "the winter will be long."'], "Anna Berg", "according_to"),
        (['Anna Berg, Daily Courier: "We are ready for winter."'], "Anna Berg", "colon"),
        # failure class: a reader-response list, the quote signed on the next line
        (['"The new bus lines are a disaster for night workers."', "— Peter Hall, Leeds"], "Peter Hall", "list_dash"),
        # failure class: the speaker named only in the sentence after the quote
        (
            ['"We are not going anywhere until the water is safe."', "That was how Rosa Diaz, a resident, put it."],
            "Rosa Diaz",
            "back_reference",
        ),
        # failure class: a speaker introduced after a quote-only paragraph
        (
            [
                '"The river rose faster than anyone expected."',
                "Rosa Diaz, 54, stood outside the shelter.",
                '"We lost it all," she said.',
            ],
            "Rosa Diaz",
            "introduced_after",
        ),
    ],
)
def test_first_quote_attribution(paragraphs, speaker, attribution):
    q = _quotes(paragraphs)[0]
    assert (q.speaker, q.attribution) == (speaker, attribution)


def test_a_standalone_quote_continues_the_previous_speaker():
    paragraphs = ['"We are ready," said Anna Berg.', '"And we will stay until the end of the year."']
    q = _quotes(paragraphs)[1]
    assert (q.speaker, q.attribution) == ("Anna Berg", "continuation")


def test_transcript_labels_name_the_article_person():
    # failure class: transcripts, `NAME: ...`
    paragraphs = [
        "Kay Lund, the host, questioned the mayor.",
        'LUND: "Will the bridge open this year?"',
        'MAYOR OKAFOR: "It will open in May."',
    ]
    got = [(q.speaker_text, q.speaker, q.kind, q.attribution) for q in _quotes(paragraphs)]
    assert got == [("LUND", "Kay Lund", "full", "colon"), ("MAYOR OKAFOR", None, "full", "colon")]


def test_an_unattributed_quote_has_no_provenance():
    paragraphs = ["The sign read “Closed for the season” all week."]
    (q,) = _quotes(paragraphs)
    assert (q.speaker_text, q.speaker_start, q.speaker_end, q.attribution) == (None, None, None, None)


def test_offsets_of_every_attributed_quote_hold_its_speaker_words():
    paragraphs = [
        "Mayor Anna Berg opened the meeting.",
        '"We have work to do," she said. "The roads come first."',
        'Tom Lee, a farmer, disagreed: "The bridges come first."',
    ]
    text = ARTICLE_SEP.join(paragraphs)
    for q in _quotes(paragraphs):
        assert text[q.speaker_start : q.speaker_end] == q.speaker_text


def test_a_continued_quote_keeps_its_speaker_when_another_speaks_next():
    paragraphs = [
        '"This is the moment," Ana Park said. "They told me we had no chance." Her manager, Tom Lee, agreed.'
        ' "It is a big night," Lee said.'
    ]
    got = [(q.speaker, q.attribution) for q in _quotes(paragraphs)]
    assert got[1] == ("Ana Park", "continuation") and got[2] == ("Tom Lee", "cue_after")


@pytest.mark.parametrize(
    ("paragraphs", "options", "default", "other"),
    [
        (  # the cue before a full quote, at most max_before_tokens before it
            ['Anna Berg told reporters at the town hall meeting on a wet Monday morning: "We are ready for winter."'],
            QuoteOptions(max_before_tokens=5),
            "Anna Berg",
            None,
        ),
        (  # a signature of at most dash_signature_words words
            ['"The new bus lines are a disaster for night workers."', "— Former Gov. Jane Q. Roe, Leeds"],
            QuoteOptions(dash_signature_words=3),
            "Jane Q. Roe",
            None,
        ),
        (  # the person introduced after a quote speaks within introduced_paragraphs
            [
                '"The river rose faster than anyone expected."',
                "Rosa Diaz, 54, stood outside the shelter.",
                "Her house is gone.",
                '"We lost it all," she said.',
            ],
            QuoteOptions(introduced_paragraphs=3),
            None,
            "Rosa Diaz",
        ),
    ],
)
def test_the_options_set_how_far_the_rules_reach(paragraphs, options, default, other):
    assert _quotes(paragraphs)[0].speaker == default
    assert extract_quotes(paragraphs, find_mentions(paragraphs), options)[0].speaker == other


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # a verb the cue vocabulary does not list, in the inverted order after the quote
        ('"We never gave up on this town," remembered Carla Munez, a former mayor.', "Carla Munez"),
        ("“This is wonderful!” beamed Donald Okoro of Dayton, who came early.", "Donald Okoro"),
        # ... and after the name, with a particle or as a past tense
        ("“They are here for the free food,” Tom Bennick shot back with a laugh.", "Tom Bennick"),
        ("“You see, it happens to everyone,” Ana Velde went on, smiling.", "Ana Velde"),
        # an apposition of several parts between the name and the cue
        (
            '"Both of them scare me," Harry Bolt, 30, of Raleigh, N.C., who was among those polled, said on Monday.',
            "Harry Bolt",
        ),
    ],
)
def test_reporting_clauses_with_unlisted_verbs_and_long_appositions(paragraph, speaker):
    (q,) = _quotes([paragraph])
    assert q.speaker == speaker


def test_an_unlisted_verb_with_an_object_after_the_name_is_no_attribution():
    # "prompted Ana Velde to answer": the name is the verb's object; a quote closed on a full stop
    # ends its sentence, the name opens the next one
    (q,) = _quotes(['"Not now, not here," prompted Ana Velde to leave the room.'])
    assert q.speaker is None
    first, _second = _quotes(['"We are done." Ana Velde walked out. "Goodbye."'])
    assert first.speaker is None


def test_a_quote_after_a_sentence_about_its_speaker_continues_him():
    # the opening quote of a new sentence written with two apostrophes starts that sentence
    paragraph = (
        "''I am better with my hands than my head,'' said Rob Mayer, half joking. He has worked here for "
        "24 years. ''But I like working with my hands.''"
    )
    assert [(q.speaker, q.attribution) for q in _quotes([paragraph])] == [
        ("Rob Mayer", "cue_after"),
        ("Rob Mayer", "continuation"),
    ]


def test_a_quote_in_a_headline_is_partial():
    # a headline repeats the quote of the body: the body's quote is the full one
    paragraphs = [
        "Mayor Says ‘We Will Not Pay For The New Bridge Until The State Pays Its Share’ In Budget Fight",
        "“We will not pay for the new bridge until the state pays its share,” Mayor Ana Velde said on Monday.",
    ]
    assert [q.kind for q in _quotes(paragraphs)] == ["partial", "full"]
    assert [q.kind for q in _quotes(paragraphs[1:])] == ["full"]


def test_a_headline_has_at_most_headline_max_words_words():
    title = "Mayor Says ‘We Will Not Pay’ For The Bridge"  # 9 words
    assert headline(title, QuoteOptions(headline_max_words=9))
    assert not headline(title, QuoteOptions(headline_max_words=8))
    assert not headline("Mayor says ‘we will not pay’ for the bridge", QuoteOptions())
