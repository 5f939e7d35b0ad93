"""transforms.quotes.article: the article prepared for attribution, and the Attr record."""

from __future__ import annotations

from transforms.people import describe_people, find_mentions
from transforms.quotes.article import Attr, Doc, label_person, shared_surnames
from transforms.quotes.options import QuoteOptions
from transforms.records import Mention


def test_doc_offsets_and_wanted_paragraphs():
    paragraphs = ["Intro one.", "Intro two.", "Anna Berg spoke.", '"We are ready," she said.']
    doc = Doc(paragraphs, find_mentions(paragraphs))
    assert doc.para_start(2) == len("Intro one.") + 2 + len("Intro two.") + 2
    assert doc.text[doc.para_offsets[3] :].startswith('"We are ready')
    assert all(doc.wanted)  # within QuoteOptions.antecedent_paragraphs of the quote
    assert Doc(paragraphs, doc.mentions, QuoteOptions(antecedent_paragraphs=1)).wanted == [False, False, True, True]
    assert doc.mention_starts == sorted(m.start for m in doc.mentions)
    assert [s.para for s in doc.all_sentences(0)] == [0]


def test_doc_profiles_are_the_people_described_in_the_article():
    paragraphs = ["The spokeswoman, Anna Berg, met Olaf Lund.", '"We are ready," she said.']
    doc = Doc(paragraphs, find_mentions(paragraphs))
    assert doc.profiles == describe_people(paragraphs, doc.mentions)
    assert doc.profiles["Anna Berg"].gender == "f" and doc.profiles is doc.profiles  # built once


def test_copy_keeps_the_words_and_names_the_carrying_rule():
    a = Attr("she", "Anna Berg", "said", start=40, end=43, rule="cue_after", resolved="pronoun")
    b = a.copy(rule="continuation")
    assert (b.speaker_text, b.speaker, b.start, b.end, b.rule, b.resolved) == (
        "she",
        "Anna Berg",
        40,
        43,
        "continuation",
        "",
    )


def test_a_surname_is_not_given_to_a_relative_introduced_later():
    # failure class: relatives sharing a surname (a quote of Hillary Clinton given to Chelsea Clinton)
    paragraphs = [
        "Secretary Hillary Clinton sent an email.",
        '"It was right on target," Clinton wrote.',
        "She later wrote to her daughter Chelsea Clinton about it.",
    ]
    mentions = find_mentions(paragraphs)
    got = {(m.surface, m.name) for m in shared_surnames(sorted(mentions, key=lambda m: m.start))}
    assert ("Clinton", "Hillary Clinton") in got and ("Chelsea Clinton", "Chelsea Clinton") in got
    doc = Doc(paragraphs, mentions)
    assert [m.name for m in doc.mentions if m.surface == "Clinton"] == ["Hillary Clinton"]


def test_shared_surnames_remaps_only_a_bare_surname_of_a_later_person():
    from transforms.records import Mention

    mentions = [
        Mention(0, 0, 15, "Hillary Clinton", "Hillary Clinton"),
        Mention(1, 30, 37, "Clinton", "Chelsea Clinton"),  # resolved to someone not yet introduced
        Mention(2, 60, 75, "Chelsea Clinton", "Chelsea Clinton"),
        Mention(3, 90, 97, "Clinton", "Chelsea Clinton"),  # after Chelsea is named: left alone
    ]
    assert [m.name for m in shared_surnames(mentions)] == [
        "Hillary Clinton",
        "Hillary Clinton",
        "Chelsea Clinton",
        "Chelsea Clinton",
    ]


def test_a_label_names_the_one_person_with_its_last_word_as_surname():
    mentions = [Mention(0, 0, 9, "Ruth Holt", "Ruth Holt"), Mention(0, 20, 30, "Paul Lund", "Paul Lund")]
    assert label_person("HOLT", mentions) == "Ruth Holt"
    assert label_person("MAYOR PAUL LUND", mentions) == "Paul Lund"
    assert label_person("MODERATOR", mentions) is None
    assert label_person("HOLT", [*mentions, Mention(1, 40, 49, "Ann Holt", "Ann Holt")]) is None  # two Holts
