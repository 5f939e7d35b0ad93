"""transforms.quotes.coreference: pronouns, descriptions, documents and "it"/"they"."""

from __future__ import annotations

import pytest

from transforms.people import find_mentions
from transforms.quotes import extract_quotes
from transforms.quotes.article import Doc
from transforms.quotes.coreference import collect_events, document_author
from transforms.quotes.options import DEFAULTS, QuoteOptions


def _speakers(
    paragraphs: list[str], options: QuoteOptions = DEFAULTS
) -> list[tuple[str | None, str | None, str | None]]:
    found = extract_quotes(paragraphs, find_mentions(paragraphs), options)
    return [(q.speaker_text, q.speaker, q.attribution) for q in found]


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # pronoun antecedents: the subject of the nearest sentence, of the right gender
        (
            ["Mayor Anna Berg met Governor Tom Lee on Friday.", "Lee praised the plan.", '"It is right," he said.'],
            "Tom Lee",
        ),
        (["Tom Lee met Anna Berg on Friday.", "Berg left early.", '"We had no time," she said.'], "Anna Berg"),
        # relatives sharing a surname: "Mrs. Clinton" and "she" are Hillary, not Bill
        (
            [
                "Hillary Clinton and Bill Clinton arrived together.",
                "Mrs. Clinton spoke first.",
                '"We are grateful," she said.',
            ],
            "Hillary Clinton",
        ),
    ],
)
def test_pronoun_antecedents(paragraphs, speaker):
    assert _speakers(paragraphs)[-1][1] == speaker


def test_a_person_described_but_not_named_is_no_one_named_earlier():
    paragraphs = ["Tom Lee runs the farm.", 'My father said, "Rain is coming."', '"He was always right," he said.']
    assert _speakers(paragraphs)[-1][1] is None


def test_a_description_resolves_through_its_title():
    paragraphs = ["The governor, Tom Lee, opened the bridge.", '"It is a good day," the governor said.']
    assert _speakers(paragraphs)[-1][:2] == ("the governor", "Tom Lee")


def test_a_document_speaks_for_its_named_author():
    # failure class: a quote from a document whose author is named
    paragraphs = [
        "Maria Lopez sent a letter to the board last week.",
        '"The budget cannot pass as it is," the letter said.',
    ]
    assert _speakers(paragraphs) == [("the letter", "Maria Lopez", "description")]


def test_document_author_is_none_for_an_organisation():
    paragraphs = ["Acme Corp released a report on Monday.", "The report said the river was clean."]
    doc = Doc(paragraphs, find_mentions(paragraphs))
    collect_events(doc)
    assert document_author(doc, "report", doc.para_offsets[1]) is None


def test_it_resolves_to_the_organisation():
    paragraphs = ["The city council voted on Monday.", '"The vote was fair," it said in a statement.']
    assert _speakers(paragraphs)[0][0] == "The city council"


def test_a_pronoun_takes_the_subject_of_its_own_sentence_first():
    paragraphs = [
        "Like Barack Obama, I believe in good sense.",
        'My mother has softened, but at 86 she still says things such as, "We are not all equal, you know."',
    ]
    assert _speakers(paragraphs) == [("My mother", None, "cue_before")]


def test_past_antecedent_paragraphs_a_pronoun_takes_only_a_person_of_its_gender():
    # "Quinn": a first name of no known gender
    paragraphs = ["Quinn Tran spoke on Monday.", "It rained.", "Roads were closed.", '"We are ready," she said.']
    assert _speakers(paragraphs) == [("she", "Quinn Tran", "pronoun")]
    assert _speakers(paragraphs, QuoteOptions(antecedent_paragraphs=1)) == [("she", None, "cue_after")]
