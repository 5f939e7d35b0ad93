"""transforms.quotes.phrases: cue verbs and noun phrases over a sentence's tokens."""

from __future__ import annotations

import pytest

from transforms.people import find_mentions
from transforms.quotes.marks import find_spans, mask
from transforms.quotes.phrases import CUE_OR_ACCORDING, cue_at, cue_lemma, left_cue, np_left, np_right
from transforms.quotes.tokens import sentences
from transforms.records import ARTICLE_SEP


def _toks(paragraph: str):
    spans = find_spans([paragraph])
    (sent,) = sentences(mask(paragraph, spans), [paragraph], spans, find_mentions([paragraph]), skip_idle=False)
    return sent.toks


def _text(paragraph: str, toks, span) -> str:
    return ARTICLE_SEP.join([paragraph])[toks[span[0]].start : toks[span[1]].end]


@pytest.mark.parametrize(
    ("paragraph", "word", "lemma"),
    [
        ("Critics call it a failure.", "call", "call"),
        ("The report was published.", "report", None),  # a noun after a determiner
        ("Smith’s comments drew fire.", "comments", None),
        ("She admitted the error.", "admitted", "admit"),  # a doubled consonant inflects right
        ("He referred to the memo.", "referred", "refer"),
        ("He sent angry tweets at night.", "tweets", None),  # a plural noun, not a verb
    ],
)
def test_cue_at(paragraph, word, lemma):
    toks = _toks(paragraph)
    k = next(i for i, t in enumerate(toks) if t.text == word)
    assert cue_at(toks, k) == lemma


@pytest.mark.parametrize(
    "paragraph",
    [
        "Critics call it a failure, the mayor said on Tuesday, according to a report.",
        "The reports said nothing; his tweets, she added, were deleted after he wrote them.",
        "Said Ahmed told the board that Read Smith had claimed a note that called for calm.",
    ],
)
def test_cue_at_skips_only_words_that_are_no_cue(paragraph):
    """cue_at answers None at once for a word outside CUE_OR_ACCORDING: there cue_lemma finds no
    lemma and the word is not "according"; elsewhere it is cue_lemma's answer (or "according to")."""
    toks = _toks(paragraph)
    for k, t in enumerate(toks):
        if t.quote >= 0 or t.mention >= 0 or t.low == "according":
            continue
        assert cue_at(toks, k) == cue_lemma(t, toks[k - 1] if k else None, toks[k + 1] if k + 1 < len(toks) else None)
        if t.low not in CUE_OR_ACCORDING:
            assert cue_lemma(t, None) is None
    assert any(cue_at(toks, k) for k in range(len(toks)))


@pytest.mark.parametrize(
    ("paragraph", "cue", "phrase"),
    [
        # noun-phrase edges: the whole name of an organisation, never a cut ("York Post", "Department")
        ("Yesterday the New York Post said it would appeal.", "said", "the New York Post"),
        ("On Tuesday the Justice Department said it would appeal.", "said", "the Justice Department"),
        ("Kremlin spokesman Dmitri Orlov said it would appeal.", "said", "Kremlin spokesman Dmitri Orlov"),
        ("The city said it would appeal.", "said", "The city"),
    ],
)
def test_np_left_takes_the_whole_phrase(paragraph, cue, phrase):
    toks = _toks(paragraph)
    k = next(i for i, t in enumerate(toks) if t.text == cue)
    assert _text(paragraph, toks, np_left(toks, k - 1)) == phrase


def test_np_right_stops_at_the_verb():
    paragraph = "Said a spokesman for Acme Corp, the firm would appeal."
    toks = _toks(paragraph)
    span = np_right(toks, 1)
    assert _text(paragraph, toks, span).startswith("a spokesman")


def test_left_cue_is_the_reporting_verb_of_a_that_clause():
    # failure class: `Miller added that the rally could continue "for several weeks"` has cue "added"
    paragraph = "Tom Miller added that the rally could continue “for several weeks” if needed."
    toks = _toks(paragraph)
    qi = next(i for i, t in enumerate(toks) if t.quote >= 0)
    assert toks[left_cue(toks, qi, None)].text == "added"


def test_left_cue_keeps_a_cue_with_a_person_for_subject():
    paragraph = "When Ana Park noted that the bill was late, Tom Lee boasted, “That makes me smart.”"
    toks = _toks(paragraph)
    qi = next(i for i, t in enumerate(toks) if t.quote >= 0)
    assert toks[left_cue(toks, qi, None)].text == "boasted"


@pytest.mark.parametrize(
    "paragraph",
    [
        "Ana Benn said he believes “there may be some generals who agree.”",
        "Ana Benn said that she thinks “there may be some generals who agree.”",
    ],
)
def test_left_cue_of_a_pronoun_reported_by_a_cue_before_it(paragraph):
    # `X said he believes "…"`: the clause is X's report, whose subject speaks
    toks = _toks(paragraph)
    qi = next(i for i, t in enumerate(toks) if t.quote >= 0)
    assert toks[left_cue(toks, qi, None)].text == "said"
