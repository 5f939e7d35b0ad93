"""Tests for transforms.quotes: marks, kinds, speakers, cues, clustering."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.people import find_mentions
from transforms.quotes import extract_quotes
from transforms.quotes.marks import find_spans
from transforms.records import ARTICLE_SEP


def _quotes(paragraphs):
    return extract_quotes(paragraphs, find_mentions(paragraphs))


def _one(paragraphs, text_start):
    qs = [q for q in _quotes(paragraphs) if q.text.startswith(text_start)]
    assert len(qs) == 1, [q.text for q in _quotes(paragraphs)]
    return qs[0]


def _speaker(paragraphs, text_start):
    """(speaker_text, speaker) of the one quote starting with ``text_start``."""
    q = _one(paragraphs, text_start)
    return q.speaker_text, q.speaker


# --------------------------------------------------------------------------- marks
@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ('He said "the tide is turning" today.', ["the tide is turning"]),
        ("He said “the tide is turning” today.", ["the tide is turning"]),
        ("He said «the tide is turning» today.", ["the tide is turning"]),
        ("He said „the tide is turning“ today.", ["the tide is turning"]),
        ("He said ''the tide is turning'' today.", ["the tide is turning"]),
        ("She called it a ‘grave error’ in the report.", ["grave error"]),
        ("The farmers’ union and Mr O’Neill’s team didn’t agree.", []),
        ('"Mixed marks close fine”, she said.', ["Mixed marks close fine"]),
        ("“Outer ‘inner’ outer,” he said.", ["Outer ‘inner’ outer,"]),
        ('An unbalanced "mark in the middle of a paragraph stays out.', []),
        ('<tweet id="12345" author="someone">text</tweet>', []),
    ],
)
def test_quote_marks(paragraph, expected):
    assert [q.text for q in _quotes([paragraph])] == expected


def test_multi_paragraph_quote():
    paragraphs = [
        "Olaf Berg said: “We will build the bridge. It will take years.",
        "“And it will be worth it,” he added.",
        "Nothing else happened.",
    ]
    qs = _quotes(paragraphs)
    assert len(qs) == 1
    q = qs[0]
    text = ARTICLE_SEP.join(paragraphs)
    assert q.start == text.index("We will")
    assert q.end == text.index("” he added")
    assert "And it will be worth it" in q.text
    assert q.speaker == "Olaf Berg"


def test_quote_only_paragraph_without_close_ends_at_paragraph():
    paragraphs = ["Olaf Berg spoke first.", "“We start tomorrow at noon", "Nothing else."]
    assert [q.text for q in _quotes(paragraphs)] == ["We start tomorrow at noon"]


# --------------------------------------------------------------------------- kinds
@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [
        ("“The harvest was the best in years,” said Olaf Berg.", "full"),
        ("Olaf Berg said: “The harvest was the best in years.”", "full"),
        ("Olaf Berg called the harvest “the best in years”.", "partial"),
        ("The train is known as the “Silver Arrow” locally.", "partial"),
        ("Olaf Berg said the deal was “fair”.", "partial"),
    ],
)
def test_kind(paragraph, kind):
    (q,) = _quotes([paragraph])
    assert q.kind == kind


# --------------------------------------------------------------------------- speakers
@pytest.mark.parametrize(
    ("paragraphs", "quote_start", "speaker", "cue"),
    [
        (["“We are ready,” Olaf Berg said."], "We are", "Olaf Berg", "said"),
        (["“We are ready,” said Olaf Berg, the trade minister."], "We are", "Olaf Berg", "said"),
        (["Olaf Berg told reporters: “We are ready.”"], "We are", "Olaf Berg", "told"),
        (["Olaf Berg, the trade minister, said: “We are ready.”"], "We are", "Olaf Berg", "said"),
        (["“We are ready,” Rep. Olaf Berg (D-Minn.) said."], "We are", "Olaf Berg", "said"),
        # X told Y: X speaks
        (["“We are ready,” Olaf Berg told Dalia Ferro."], "We are", "Olaf Berg", "told"),
        # Y quoted X as saying: X speaks
        (["“We are ready,” the Daily Courier quoted Olaf Berg as saying."], "We are", "Olaf Berg", "saying"),
        # X was quoted by Y as saying
        (["Olaf Berg was quoted by the Daily Courier as saying: “We are ready.”"], "We are", "Olaf Berg", "saying"),
        (["According to Olaf Berg, “the plan is sound and will work.”"], "the plan", "Olaf Berg", "according to"),
        # label line
        (["Dalia Ferro, The Evening Star: “The plan is sound and will work.”"], "The plan", "Dalia Ferro", ":"),
    ],
)
def test_explicit_speakers(paragraphs, quote_start, speaker, cue):
    q = _one(paragraphs, quote_start)
    assert q.speaker == speaker
    assert q.cue == cue


@pytest.mark.parametrize(
    ("paragraphs", "quote_start", "speaker"),
    [
        # pronoun resolves to the subject, not to a possessive / object
        (
            [
                "According to ministry spokesman Olaf Berg, no decision was made on Dalia Ferro’s visit.",
                "“Nothing is planned yet,” he told reporters.",
            ],
            "Nothing",
            "Olaf Berg",
        ),
        # gender separates candidates
        (["Dalia Ferro met Mr Tomas Reyes on Monday.", "“It went well,” she said."], "It went", "Dalia Ferro"),
        # continuation: a quote-only paragraph keeps the previous speaker
        (
            ["“The first part is done,” Olaf Berg said.", "“The second part starts next week.”"],
            "The second",
            "Olaf Berg",
        ),
        # a cue in the previous sentence
        (["Prices will fall, Dalia Ferro said on Monday. “We are certain of it.”"], "We are", "Dalia Ferro"),
        # description resolved through a title used with the name
        (
            ["Brazilian President Anna Ferreira met Olaf Berg.", "Later the Brazilian president said: “We signed it.”"],
            "We signed",
            "Anna Ferreira",
        ),
        # surname with honorific goes to the full name
        (["Greta Lindqvist arrived.", "“I am happy,” Ms Lindqvist said."], "I am", "Greta Lindqvist"),
    ],
)
def test_resolved_speakers(paragraphs, quote_start, speaker):
    assert _one(paragraphs, quote_start).speaker == speaker


@pytest.mark.parametrize(
    ("paragraphs", "quote_start", "speaker_text"),
    [
        # an organisation speaks: speaker None, speaker_text as written
        (["The two men shared “warm and candid views”, the state news agency said."], "warm", "the state news agency"),
        (["Analysts said the talks covered “border security”."], "border", "Analysts"),
        # a passive agent that is not a person
        (
            ["Olaf Berg travelled on a train praised by the press as “a marvel of engineering”."],
            "a marvel",
            "the press",
        ),
    ],
)
def test_non_person_speakers(paragraphs, quote_start, speaker_text):
    q = _one(paragraphs, quote_start)
    assert q.speaker is None
    assert q.speaker_text == speaker_text


def test_scare_quote_has_no_speaker():
    q = _one(["Olaf Berg boarded what locals call the “Silver Arrow” at dawn."], "Silver")
    # "call" is a speech verb with a non-person subject: no person speaks
    assert q.speaker is None
    q = _one(["The ferry, nicknamed the “Blue Whale”, left at dawn."], "Blue")
    assert q.speaker is None and q.kind == "partial"


def test_partial_takes_sentence_subject_via_cue():
    paragraphs = ["Olaf Berg has promised support in what he has called the “battle for the coast”."]
    q = _one(paragraphs, "battle")
    assert (q.speaker, q.kind) == ("Olaf Berg", "partial")


def test_coordinated_cue_takes_first_subject():
    paragraphs = ["Olaf Berg thanked Dalia Ferro and said both countries “stand together”, the agency reported."]
    assert _one(paragraphs, "stand").speaker == "Olaf Berg"


def test_offsets_are_inside_marks():
    paragraphs = ["Intro.", "Dalia Ferro said: “We are ready.”"]
    text = ARTICLE_SEP.join(paragraphs)
    (q,) = _quotes(paragraphs)
    assert text[q.start : q.end] == q.text == "We are ready."
    assert q.paragraph_index == 1


# --------------------------------------------------------------------------- robustness
def test_many_unbalanced_marks_are_handled():
    # Thousands of marks that never balance (speed is measured by `make bench`, not asserted here).
    para = 'He said "x ' * 4000
    paragraphs = [para] * 5
    text = ARTICLE_SEP.join(paragraphs)
    assert all(text[q.start : q.end] == q.text for q in _quotes(paragraphs))
    assert all(len(text[s.start : s.end]) < len(para) for s in find_spans(paragraphs))


def test_unbalanced_mark_does_not_swallow_article():
    paragraphs = ['Olaf Berg said "it will rain and then', "Second paragraph.", "“Third is a quote,” he said."]
    qs = _quotes(paragraphs)
    assert [q.text for q in qs] == ["Third is a quote,"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("ab C.,:\"“”‘’'«»„ \n")) | st.characters(), max_size=120), max_size=6
    )
)
def test_extract_quotes_never_crashes_and_offsets_are_valid(paragraphs):
    paragraphs = [p.replace("\n\n", "\n") for p in paragraphs]
    text = ARTICLE_SEP.join(paragraphs)
    for q in _quotes(paragraphs):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.kind in ("full", "partial")
        assert 0 <= q.paragraph_index < len(paragraphs)


# --------------------------------------------------------------------------- more rules
@pytest.mark.parametrize(
    ("paragraphs", "quote_start", "speaker", "kind"),
    [
        # interrupted quotation: the second half is full and has the same speaker
        (["“The bridge is safe,” Olaf Berg said, “and it will stay open all winter.”"], "and it", "Olaf Berg", "full"),
        # a quote nested in another family of marks stays inside the outer quote
        (['"He told me “never again” and left," Dalia Ferro said.'], "He told", "Dalia Ferro", "full"),
        # the attribution after a question mark stays in the quote's sentence
        (["“Why would we wait?” Dalia Ferro asked."], "Why would", "Dalia Ferro", "full"),
        # a participle after a comma hangs on the main clause
        (
            ["Olaf Berg defended the plan, saying “it will pay for itself within ten years”."],
            "it will",
            "Olaf Berg",
            "partial",
        ),
        # a sentence ending with a colon introduces the next paragraph's quote
        (
            ["Olaf Berg made the following remark:", "“We will not give up on this project.”"],
            "We will",
            "Olaf Berg",
            "full",
        ),
    ],
)
def test_more_attribution_rules(paragraphs, quote_start, speaker, kind):
    q = _one(paragraphs, quote_start)
    assert (q.speaker, q.kind) == (speaker, kind)


@pytest.mark.parametrize(
    ("paragraphs", "quote_start", "speaker_text", "speaker"),
    [
        # a possessive name before a role noun describes someone else
        (
            ["Olaf Berg arrived with his son.", "“We are proud,” Olaf Berg’s son said."],
            "We are",
            "Olaf Berg’s son",
            None,
        ),
        # a role noun followed by a prepositional phrase
        (["“We will review it,” a spokesman for the ministry said."], "We will", "a spokesman for the ministry", None),
    ],
)
def test_descriptions_as_speakers(paragraphs, quote_start, speaker_text, speaker):
    q = _one(paragraphs, quote_start)
    assert q.speaker_text == speaker_text
    assert q.speaker != "Olaf Berg"


@pytest.mark.parametrize(
    "paragraph",
    [
        "Olaf Berg said on “Morning Report” that he was done.",
        "Dalia Ferro wrote a book called “The Long Road Home” last year.",
    ],
)
def test_titles_of_works_have_no_speaker(paragraph):
    (q,) = _quotes([paragraph])
    assert (q.kind, q.speaker, q.speaker_text) == ("partial", None, None)


@pytest.mark.parametrize(
    ("paragraphs", "quote_text", "speaker"),
    [
        (
            ["Prime Minister Ingrid Solberg arrived.", "She told the radio: « Nous sommes prêts »."],
            "Nous sommes prêts",
            "Ingrid Solberg",
        ),
        (["The minister, Lena Fischer, said the deal was “a good start”."], "a good start", "Lena Fischer"),
        (
            ["“Nobody expected this,” one resident, Maria Lopez, told reporters."],
            "Nobody expected this,",
            "Maria Lopez",
        ),
    ],
)
def test_apposed_names_and_spaced_guillemets(paragraphs, quote_text, speaker):
    (q,) = _quotes(paragraphs)
    assert (q.text, q.speaker) == (quote_text, speaker)


# --------------------------------------------------------------------------- sentence ends after quotes
@pytest.mark.parametrize(
    ("paragraphs", "quote_start", "speaker"),
    [
        # a quote ending in "." ends its sentence: the cue deep in the next sentence is not its attribution
        (
            [
                "When Dalia Ferro asked about taxes, Olaf Berg boasted, “That makes me rich.” Berg was defensive "
                "about a clerk who said he was unpaid, saying, “Maybe he did a bad job.”"
            ],
            "Maybe he",
            "Olaf Berg",
        ),
        (["Dalia Ferro said the count “is close.” Gov. Olaf Berg said it was “too early.”"], "is close", "Dalia Ferro"),
        # after "!" or "?" the attribution may follow, even with a long apposition and an abbreviated title
        (
            ["“Long live the river!” Dalia Ferro, the editor of the Valley Post, wrote on Sunday."],
            "Long live",
            "Dalia Ferro",
        ),
        (["“Why now?” Sen. Olaf Berg asked."], "Why now", "Olaf Berg"),
    ],
)
def test_sentence_end_after_quote(paragraphs, quote_start, speaker):
    assert _one(paragraphs, quote_start).speaker == speaker


# --------------------------------------------------------------------------- cue or noun
@pytest.mark.parametrize(
    ("paragraphs", "quote_start", "speaker_text"),
    [
        # the -s form of a noun-like cue after an adjective or a possessive is a plural noun
        (["A clerk sent late-night texts about “random strangers” to the office."], "random", None),
        (["Dalia Ferro said Olaf Berg’s comments were “deeply unfair”."], "deeply", "Dalia Ferro"),
        # the bare form is a verb after a plural subject, before an object pronoun, or after "to"
        (["Most people liked it, while 31 percent call it “a disaster”."], "a disaster", "31 percent"),
        (["Critics call them “a waste of money”."], "a waste", "Critics"),
        (["The ruling allowed Olaf Berg to claim the land was “never sold”."], "never sold", "Olaf Berg"),
        # a participle takes an object, not an inverted subject
        (
            ["Dalia Ferro said so on Monday, recalling her reaction to a note that called the plan a “bad joke”."],
            "bad joke",
            "a note",
        ),
        # a time phrase is not a subject: the clause subject speaks
        (["Olaf Berg sent three messages early Monday saying the plan was “dead on arrival”."], "dead on", "Olaf Berg"),
    ],
)
def test_cue_or_noun(paragraphs, quote_start, speaker_text):
    assert _one(paragraphs, quote_start).speaker_text == speaker_text


# --------------------------------------------------------------------------- kinds: titles and headlines
@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [
        ("Olaf Berg was a guest on Valley Radio’s “Morning With Ana.”", "partial"),
        ("Critics Say Olaf Berg Is ‘Not Fit To Lead.’", "partial"),
        ("Olaf Berg handed out his “Big Green Plan.”", "partial"),
        # after a colon a title-case sentence is still a full quote
        ("Olaf Berg said: “Thank You All Very Much.”", "full"),
        ("“It is a bad day for the valley,” Olaf Berg said.", "full"),
    ],
)
def test_titles_and_headline_fragments_are_partial(paragraph, kind):
    (q,) = _quotes([paragraph])
    assert q.kind == kind


# --------------------------------------------------------------------------- speakers (continued)
@pytest.mark.parametrize(
    ("paragraphs", "quote_start", "speaker_text", "speaker"),
    [
        # a contracted pronoun speaks as the pronoun
        (["Dalia Ferro spoke next.", "She’s said the law is “a mistake”."], "a mistake", "She", "Dalia Ferro"),
        # an indefinite description is someone new, a definite one is resolved
        (
            [
                "Dalia Ferro, a spokeswoman for the agency, spoke on Monday.",
                "“We have no comment,” a spokeswoman for the bank said.",
            ],
            "We have",
            "a spokeswoman for the bank",
            None,
        ),
        (
            [
                "Dalia Ferro, a spokeswoman for the agency, spoke on Monday.",
                "“We have no comment,” the spokeswoman said.",
            ],
            "We have",
            "the spokeswoman",
            "Dalia Ferro",
        ),
        # a label naming a topic is not a speaker
        (
            ["Dalia Ferro was asked about the mayor.", "Of Olaf Berg: “I do not trust him at all.”"],
            "I do not",
            None,
            None,
        ),
        # a possessive description with a titled name and a party label in apposition
        (
            ["“We are ready for this!” Olaf Berg's niece, state Sen. Ana Holt (D-Salem), shouted to the crowd."],
            "We are",
            "Olaf Berg's niece, state Sen. Ana Holt",
            "Ana Holt",
        ),
        # a nickname in marks inside a name is not a quote
        (['“This is our year!” Rep. Dalia "Dee" Ferro shouted.'], "This is", 'Rep. Dalia "Dee" Ferro', "Dalia Ferro"),
        # a sentence adverb is not part of the subject
        (
            ["Now Olaf Berg’s aide, Dalia Ferro, calls it “a mistake”."],
            "a mistake",
            "Olaf Berg’s aide, Dalia Ferro",
            "Dalia Ferro",
        ),
    ],
)
def test_more_speakers(paragraphs, quote_start, speaker_text, speaker):
    assert _speaker(paragraphs, quote_start) == (speaker_text, speaker)


def test_nickname_is_not_a_quote():
    assert [q.text for q in _quotes(['Rep. Dalia "Dee" Ferro arrived on Monday.'])] == []


def test_name_after_a_preposition_is_not_the_subject_of_a_later_cue():
    paragraphs = [
        'The League, a "citizens group" that opposes the mayor, will run ads that attack him as a '
        '"rubber stamp" for Mrs. Dalia Ferro and urge voters to act.'
    ]
    assert _one(paragraphs, "rubber").speaker != "Dalia Ferro"


@pytest.mark.parametrize(
    ("paragraphs", "quote_start", "speaker"),
    [
        # a standalone quote, then a sentence pointing back to it, names its speaker
        (
            ["“We will build it again, and better.”", "That was how Olaf Berg, the mayor, described the plan."],
            "We will",
            "Olaf Berg",
        ),
        (["“We will build it again, and better.”", "So said Olaf Berg on Monday."], "We will", "Olaf Berg"),
        (["“We will build it again, and better.”", "The mayor Olaf Berg left early."], "We will", None),
        (["“We will build it again, and better.”", "That is why Olaf Berg said he would stay."], "We will", None),
    ],
)
def test_back_reference_names_the_speaker(paragraphs, quote_start, speaker):
    assert _one(paragraphs, quote_start).speaker == speaker


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # the nearest sentence naming a compatible person gives the antecedent, even in oblique position
        (
            ["Olaf Berg spoke on Monday.", "The plan was praised by Tomas Vik.", "“It is a good plan,” he said."],
            "Tomas Vik",
        ),
        # within that sentence its subject is preferred
        (["Olaf Berg met with Tomas Vik on Monday.", "“It went well,” he said."], "Olaf Berg"),
        (["Olaf Berg, who met Tomas Vik's aides on Monday, was pleased.", "“It went well,” he said."], "Olaf Berg"),
    ],
)
def test_pronoun_antecedent(paragraphs, speaker):
    (q,) = _quotes(paragraphs)
    assert q.speaker == speaker


def test_open_paragraph_then_another_speaker_is_two_quotes():
    paragraphs = [
        "“The river is rising,” Dalia Ferro said on Monday. “We have to move the school now.",
        "“I have lived here for fifty years and never seen this,” added Olaf Berg, the mayor.",
    ]
    got = {q.text: q.speaker for q in _quotes(paragraphs)}
    assert got == {
        "The river is rising,": "Dalia Ferro",
        "We have to move the school now.": "Dalia Ferro",
        "I have lived here for fifty years and never seen this,": "Olaf Berg",
    }


def test_multi_paragraph_quote_of_one_speaker_stays_whole():
    paragraphs = [
        "Dalia Ferro spoke to the council on Monday.",
        "“The river is rising. We have to move the school now.",
        "“And we have to do it before the winter,” she said.",
    ]
    (q,) = _quotes(paragraphs)
    assert (q.speaker, q.text.count("\n\n")) == ("Dalia Ferro", 1)


@pytest.mark.parametrize(
    ("paragraphs", "quote_start", "speaker"),
    [
        # a first-person possessive description is the writer's relative, not a person named earlier
        (["Olaf Berg was on the radio.", "“We live in hard times,” my father often said."], "We live", None),
        # an ungendered description of someone's relation is not the nearest person
        (["Olaf Berg met Tomas Vik.", "“He is very fit,” Olaf Berg’s doctor said."], "He is", None),
        # a gendered one is ("his son" is the nearest other man)
        (["Olaf Berg arrived with Tomas Berg.", "“We are proud,” Olaf Berg’s son said."], "We are", "Tomas Berg"),
        # a definite one too
        (
            ["Dalia Ferro, who speaks for the agency, arrived.", "“No comment,” the spokeswoman said."],
            "No comment",
            "Dalia Ferro",
        ),
    ],
)
def test_description_fallback(paragraphs, quote_start, speaker):
    assert _one(paragraphs, quote_start).speaker == speaker


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        # "He" after an unnamed description refers to that unnamed person, not to a man named earlier
        (
            [
                "Olaf Berg wrote a column.",
                "“We live in hard times,” my father often said.",
                "He also told his friends that “the end is near”.",
            ],
            None,
        ),
        (
            ["Olaf Berg wrote a column.", "A man at the door was angry.", "He told the crowd that “the end is near”."],
            None,
        ),
        # a named subject still wins
        (["Olaf Berg wrote a column.", "He told the crowd that “the end is near”."], "Olaf Berg"),
    ],
)
def test_pronoun_after_unnamed_person(paragraphs, speaker):
    assert _one(paragraphs, "the end").speaker == speaker


def test_pronoun_after_unnamed_person_keeps_the_description():
    paragraphs = [
        "Olaf Berg wrote a column.",
        "“We live in hard times,” my father often said.",
        "He also told his friends that “the end is near”.",
    ]
    q = _one(paragraphs, "the end")
    assert (q.speaker_text, q.speaker) == ("my father", None)


# --------------------------------------------------------------------------- organisations as speakers
@pytest.mark.parametrize(
    ("paragraphs", "quote_start", "expected"),
    [
        # "it" takes the organisation that is the subject of the sentence before: the words stay "it",
        # the speaker is what it refers to
        (
            ["The city council met on Tuesday.", "“We will not raise taxes this year,” it said in a statement."],
            "We will not",
            ("it", "The city council"),
        ),
        # ... skipping sentences about people, after an opening adverbial
        (
            [
                "During the campaign, the Harbour Gazette backed Olaf Berg.",
                "Berg won easily.",
                "Later, it attacked his rival, saying she “has no plan for the harbour and no idea how to pay for it.”",
            ],
            "has no plan",
            ("it", "Harbour Gazette"),
        ),
        # a possessive name before an organisation word is part of the organisation
        (
            ["Dalia Ferro’s campaign defended the ads.", "It is denouncing what it calls “a smear by the unions.”"],
            "a smear",
            ("it", "Dalia Ferro’s campaign"),
        ),
        # the subject of a clause in the same sentence comes first
        (
            [
                "The bank reported a loss.",
                "A spokesman said the company had backed the mayor because it believed “in the future of this town.”",
            ],
            "in the future",
            ("it", "the company"),
        ),
        # "they" takes a plural group or an organisation
        (
            ["The unions rejected the offer.", "“This is an insult to every worker in the plant,” they said."],
            "This is an insult",
            ("they", "The unions"),
        ),
        # ... but not past a sentence about a person: the antecedent is people, left as written
        (
            [
                "The unions rejected the offer.",
                "Their leader, Dalia Ferro, was angry.",
                "“This is an insult to every worker in the plant,” they said.",
            ],
            "This is an insult",
            ("they", None),
        ),
        # a headline in title case is no antecedent
        (
            [
                "Harbour Council Says New Bridge Will Change Everything",
                "“We will finish the bridge in May, as we promised,” it said.",
            ],
            "We will finish",
            ("it", None),
        ),
        # "X's campaign said": the campaign speaks, not X
        (["Dalia Ferro’s campaign said: “We will win this race.”"], "We will win", ("Dalia Ferro’s campaign", None)),
    ],
)
def test_organisation_antecedents(paragraphs, quote_start, expected):
    assert _speaker(paragraphs, quote_start) == expected


# --------------------------------------------------------------------------- passive and perceived speech
@pytest.mark.parametrize(
    ("paragraphs", "quote_start", "speaker_text", "speaker"),
    [
        # the subject of a passive cue is named or asked, it does not speak
        (["When the disease strikes farmers, it is called “farmer’s lung.”"], "farmer", None, None),
        (["“Will you run again next year?” Dalia Ferro was asked on Monday."], "Will you", None, None),
        (["Dalia Ferro was asked: “Will you run again next year?”"], "Will you", None, None),
        # ... but after "X was asked about it." a standalone quote is X's answer
        (
            [
                "On “Morning Radio” on Monday, Dalia Ferro was asked about the bridge.",
                "“We will finish it in May. It will be the longest bridge in the region.”",
            ],
            "We will finish",
            "Dalia Ferro",
            "Dalia Ferro",
        ),
        # the object of a verb of memory or perception speaks
        (
            [
                "Dalia Ferro met the mayor, Olaf Berg, in 1990.",
                "“Dalia,” she recalls his saying with a grin, “did you bring the keys to the barn?”",
            ],
            "did you bring",
            "his",
            "Olaf Berg",
        ),
        (
            ["Dalia Ferro still remembers Olaf Berg telling her: “Never sell the farm to anyone.”"],
            "Never sell",
            "Olaf Berg",
            "Olaf Berg",
        ),
        (
            ["Dalia Ferro recalled the meeting, saying: “It was a long night for all of us.”"],
            "It was",
            "Dalia Ferro",
            "Dalia Ferro",
        ),
    ],
)
def test_passive_and_perceived_speech(paragraphs, quote_start, speaker_text, speaker):
    assert _speaker(paragraphs, quote_start) == (speaker_text, speaker)


def test_organisation_vocabularies_are_consistent():
    from transforms import speech_vocab as V

    assert V.ORGANISATION_NOUNS <= V.NONPERSON_NOUNS
    assert V.ORG_NAMES <= V.NON_NAME_WORDS
    assert not (V.PERCEPTION_VERBS & set(V.CUE_FORMS) - {"recall", "recalls", "recalled", "recalling"})
