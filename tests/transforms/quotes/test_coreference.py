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


def _author(paragraphs: list[str], head: str) -> tuple[str, str] | None:
    doc = Doc(paragraphs, find_mentions(paragraphs))
    collect_events(doc)
    return document_author(doc, head, doc.para_offsets[-1])


def test_document_author_of_an_organisation_or_a_group_described():
    assert _author(["Acme Corp released a report on Monday.", "The report said"], "report") == (
        "Acme Corp",
        "organisation",
    )
    # named far back, in a relative clause
    paragraphs = [
        "The authors of the study, which include the Lakeside Policy Fund, read filings.",
        *["Nothing else was said."] * 6,
        "The study said",
    ]
    assert _author(paragraphs, "study") == ("Lakeside Policy Fund", "organisation")
    # described, not named
    paragraphs = ["Last week, a group of retired teachers from the valley sent a letter to the board.", "The letter"]
    assert _author(paragraphs, "letter") == ("a group of retired teachers from the valley", "description")
    # no author when the document was not mentioned before (only at the position asked about)
    assert _author(["Acme Corp released figures on Monday.", "The report said"], "report") is None


def _typed(paragraphs: list[str]) -> list[tuple[str | None, str | None, str | None]]:
    return [(q.speaker_text, q.speaker, q.speaker_type) for q in extract_quotes(paragraphs, find_mentions(paragraphs))]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # "the company": the company the article names, past a more recent commission of another kind
        (
            [
                "Brightwater Holdings bought the mill in May.",
                "The Harbor Safety Commission opened an inquiry.",
                '"We will cooperate fully," the company said.',
            ],
            ("the company", "Brightwater Holdings", "organisation"),
        ),
        # a name with the nominal's own word first ("the commission" -> "Commission on Fair Rents")
        (
            [
                "The Commission on Fair Rents met on Monday, and Orbex Group objected.",
                '"The rules stand," the commission said.',
            ],
            ("the commission", "Commission on Fair Rents", "organisation"),
        ),
        # a brand named only as acting ("Zentrix said"), apposed with its word ("the group")
        (
            [
                "Zentrix has published files for years.",
                "Its founder, Ola Brandt, was not reached in Oslo.",
                '"We can confirm the outage," the group tweeted.',
            ],
            ("the group", "Zentrix", "organisation"),
        ),
        # a ruling speaks for the court that ruled
        (
            [
                "A panel of the Court of Appeals for the Ninth Circuit struck the law down.",
                '"A state cannot do this," said the ruling.',
            ],
            ("the ruling", "Court of Appeals for the Ninth Circuit", "organisation"),
        ),
        # an organisation in apposition to a description of it
        (
            ['Acme\'s corporate parent, the Zenith Banking Group, said "these decisions are not easy."'],
            ("Acme's corporate parent, the Zenith Banking Group", "Zenith Banking Group", "organisation"),
        ),
        # the letter of a group the article describes without naming it
        (
            [
                "A group of retired teachers from the valley sent a letter to the board.",
                '"Our schools work," the letter reads.',
            ],
            ("the letter", "A group of retired teachers from the valley", "description"),
        ),
        # no organisation named: the words stay a description, no speaker
        (['"We will cooperate fully," the company said.'], ("the company", None, "description")),
        # a person is a person
        (['"We will cooperate fully," Dana Whitfield said.'], ("Dana Whitfield", "Dana Whitfield", "person")),
    ],
)
def test_a_nominal_organisation_resolves_to_the_name_the_article_gives(paragraphs, expected):
    assert _typed(paragraphs)[0] == expected


def test_it_resolves_to_the_organisation():
    # the words taken as the speaker stay "it"; the speaker is what it refers to
    paragraphs = ["The city council voted on Monday.", '"The vote was fair," it said in a statement.']
    assert _typed(paragraphs) == [("it", "The city council", "description")]
    paragraphs = ["The Daily Courier ran the story on Monday.", '"We stand by it," it said.']
    assert _typed(paragraphs) == [("it", "Daily Courier", "organisation")]
    paragraphs = [
        "Harlow Foods announced that it would close two plants.",
        "The company lost money for a year.",
        '"We had no choice," it said.',
    ]
    assert _typed(paragraphs) == [("it", "Harlow Foods", "organisation")]


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
