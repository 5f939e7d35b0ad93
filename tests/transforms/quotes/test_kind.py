"""transforms.quotes.kind: full or partial, by rules and by the trained model (transforms.quotes.kind_model)."""

from __future__ import annotations

import pytest

from transforms.people import find_mentions
from transforms.quotes import extract_quotes, quotes_with_features
from transforms.quotes.kind import full_probability, is_title_case, model_kind
from transforms.quotes.kind_model import KIND_WEIGHTS
from transforms.quotes.options import QuoteOptions


def _kinds(paragraphs: list[str]) -> dict[str, str]:
    return {q.text: q.kind for q in extract_quotes(paragraphs, find_mentions(paragraphs))}


@pytest.mark.parametrize(
    ("paragraph", "quote", "kind"),
    [
        # failure class of issue 17: a short sentence closed by its reporting clause is full
        ('"It works," said Anna Berg.', "It works,", "full"),
        ('"We are ready for the storm," Anna Berg said.', "We are ready for the storm,", "full"),
        ('Anna Berg said: "We have built three bridges this year."', "We have built three bridges this year.", "full"),
        ('Berg called the plan "fair" on Monday.', "fair", "partial"),
        ("He appeared on Fox News's “Morning Report” twice.", "Morning Report", "partial"),
    ],
)
def test_kind(paragraph, quote, kind):
    assert _kinds([paragraph])[quote] == kind


@pytest.mark.parametrize(
    ("body", "title"), [("Critics Say We Are Not Done", True), ("It is bad.", False), ("We are ready to go.", False)]
)
def test_title_case(body, title):
    assert is_title_case(body) is title


def test_the_options_set_the_kind_s_limits():
    assert not is_title_case("Critics Say We Are Not Done", QuoteOptions(title_max_words=5))
    assert not is_title_case("Critics Say We Are Not Done", QuoteOptions(title_min_caps=7))
    paragraphs = ['Ana Park said: "We won."']  # two words: a fragment by the rules' count ...
    assert quotes_with_features(paragraphs, find_mentions(paragraphs))[0][1]["rule_full"] == 0.0
    (_quote, features), *_ = quotes_with_features(paragraphs, find_mentions(paragraphs), QuoteOptions(min_full_words=2))
    assert features["rule_full"] == 1.0  # ... unless min_full_words allows it
    full = quotes_with_features(['"We will fix every road in the county by spring," Jane Roe said.'], [])[0][1]
    assert model_kind(full) == "full" and model_kind(full, QuoteOptions(full_threshold=0.999)) == "partial"


def test_the_model_is_shipped_and_reads_named_features():
    assert KIND_WEIGHTS, "make train writes the weights"
    (quote, features), *_ = quotes_with_features(['"It is a fine plan for the city," said Anna Berg.'], [])
    assert {"rule_full", "words_log", "first_upper"} <= set(features)
    p = full_probability(features)
    assert 0.0 < p < 1.0 and model_kind(features) == ("full" if p >= 0.5 else "partial")


def test_a_sentence_quote_scores_higher_than_a_fragment():
    full = quotes_with_features(['"We will fix every road in the county by spring," Jane Roe said.'], [])[0][1]
    fragment = quotes_with_features(["Roe called the roads “a disgrace” at the meeting."], [])[0][1]
    assert full_probability(full) > 0.5 > full_probability(fragment)
