"""transforms.quotes.speakers: from a cue to the words naming the speaker, and to a person."""

from __future__ import annotations

import pytest

from transforms.people import find_mentions
from transforms.quotes import extract_quotes
from transforms.quotes.options import QuoteOptions


def _one(paragraphs: list[str]):
    (q,) = [q for q in extract_quotes(paragraphs, find_mentions(paragraphs)) if q.kind == "full" or q.speaker_text]
    return q


@pytest.mark.parametrize(
    ("paragraphs", "speaker_text", "speaker", "cue"),
    [
        # failure class: "the fees" is the object of "said", the city speaks
        (['The city said the fees were "necessary and fair" in a statement.'], "The city", None, "said"),
        # failure class: X told Y
        (['Anna Berg told reporters: "We will rebuild the school before winter."'], "Anna Berg", "Anna Berg", "told"),
        (['"We will rebuild the school before winter," Anna Berg told reporters.'], "Anna Berg", "Anna Berg", "told"),
        # failure class: Y quoted X as saying
        (
            ['The Daily Courier quoted Anna Berg as saying: "We will rebuild the school."'],
            "Anna Berg",
            "Anna Berg",
            "saying",
        ),
        # failure class: a publication as speaker
        (['"The mayor has failed the city," the Times wrote in an editorial.'], "the Times", None, "wrote"),
        (['"The mayor has failed the city," the New York Post said.'], "the New York Post", None, "said"),
        # an apposition after the name
        (['"We are ready," Rosa Diaz, a nurse at the clinic, said.'], "Rosa Diaz", "Rosa Diaz", "said"),
        # a name in apposition to a linked role ("chief of staff"), and an age apposition
        (
            ['"We are ready," Senator Ana Park’s chief of staff, Joe Kay, told reporters.'],
            "Senator Ana Park’s chief of staff, Joe Kay",
            "Joe Kay",
            "told",
        ),
        (['"We were wrong to wait," Maria Ramos, 58, told the paper.'], "Maria Ramos", "Maria Ramos", "told"),
    ],
)
def test_speaker_words(paragraphs, speaker_text, speaker, cue):
    q = _one(paragraphs)
    assert (q.speaker_text, q.speaker, q.cue) == (speaker_text, speaker, cue)


def test_a_sentence_after_a_quote_is_not_a_name():
    # failure class: "He sighed" after a quote is a new sentence, not a speaker's name
    paragraphs = ["Clara Voss looked at the empty field.", '"We planted it ourselves. Now it is gone." He sighed.']
    q = _one(paragraphs)
    assert q.speaker_text != "He sighed" and q.speaker != "He sighed"


def test_speaker_offsets_point_at_the_words():
    paragraphs = ["Tom Lee spoke at noon.", '"We are not leaving," he said.']
    q = _one(paragraphs)
    text = "\n\n".join(paragraphs)
    assert text[q.speaker_start : q.speaker_end] == q.speaker_text == "he"
    assert q.speaker == "Tom Lee" and q.attribution == "pronoun"


def test_two_roles_of_one_person():
    paragraphs = ["Marco Rubio spoke first.", '"We warned them," the Florida senator and presidential candidate said.']
    q = _one(paragraphs)
    assert (q.speaker_text, q.speaker) == ("the Florida senator and presidential candidate", "Marco Rubio")


def test_the_addressee_of_a_message_does_not_speak():
    paragraphs = ['Her campaign sent an email to supporters saying: "We won the state tonight."']
    q = _one(paragraphs)
    assert q.speaker_text == "Her campaign"


def test_quoted_as_saying_past_an_apposition():
    paragraphs = ['"We had no warning," the Daily Courier quoted Ms. Ana Park, the editor, as saying.']
    q = _one(paragraphs)
    assert (q.speaker, q.cue, q.attribution) == ("Ana Park", "saying", "quoted_as")


@pytest.mark.parametrize(
    ("paragraph", "speaker_text"),
    [
        # an apposition too long to skip between the name and its cue
        (
            "Lena Marsh, a former city planner who now studies the housing markets of large towns at the "
            "Institute for Urban Land Policy, said, “If the rents rise again, the families will leave.”",
            "Lena Marsh",
        ),
        # a subject with a modifier the phrase reader stops at, and a participle clause in between
        ("Another aide familiar with the plans said, “We will be ready by May.”", "Another aide"),
        (
            "But Gov. Ana Ruiz (D-Nev.), noting the size of the crowd, said, “We have never seen this before.”",
            "Gov. Ana Ruiz",
        ),
        # a verb phrase before the cue's infinitive
        ("Dario Pell went on to say, “From the start, I knew this to be true.”", "Dario Pell"),
    ],
)
def test_the_clause_opening_subject_speaks_when_the_cue_reaches_no_subject(paragraph, speaker_text):
    assert _one([paragraph]).speaker_text == speaker_text


@pytest.mark.parametrize(
    ("paragraph", "speaker_text"),
    [
        ("Asked about the delay, Vera Olin shot back: “We have done our part.”", "Vera Olin"),
        ("Rubens Tallo met the press. Then he fired back forcefully: “We are not going anywhere.”", "he"),
        # before a comma, past a cue further left whose subject is someone else
        ("After Gov. Jed Barr criticized her plan, Hanna Lutz shot back, “I chose to fulfil my job.”", "Hanna Lutz"),
        ("Another source speaking to Fox News said, “The agents are looking at it.”", "Another source"),
    ],
)
def test_a_verb_the_vocabulary_does_not_list_before_a_colon(paragraph, speaker_text):
    assert _one([paragraph]).speaker_text == speaker_text



def test_verb_before_words_bounds_the_unlisted_verb():
    paragraph = "Asked about the delay, Vera Olin fired back forcefully: “We have done our part.”"
    (q,) = extract_quotes([paragraph], find_mentions([paragraph]), QuoteOptions(verb_before_words=2))
    assert q.attribution != "verb_before"
    (q,) = extract_quotes([paragraph], find_mentions([paragraph]))
    assert (q.speaker, q.attribution) == ("Vera Olin", "verb_before")
