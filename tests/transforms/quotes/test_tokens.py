"""transforms.quotes.tokens: sentences of a masked article and their tokens."""

from __future__ import annotations

from transforms.people import find_mentions
from transforms.quotes.marks import find_spans, mask
from transforms.quotes.options import DEFAULTS, QuoteOptions
from transforms.quotes.tokens import sentences
from transforms.records import ARTICLE_SEP


def _sentences(paragraphs: list[str], options: QuoteOptions = DEFAULTS) -> list[str]:
    text = ARTICLE_SEP.join(paragraphs)
    spans = find_spans(paragraphs)
    found = sentences(mask(text, spans), paragraphs, spans, find_mentions(paragraphs), skip_idle=False, options=options)
    return [text[s.start : s.end].strip() for s in found]


def test_a_quote_never_breaks_its_sentence():
    got = _sentences(["“We are ready. We always were,” Jane Roe said. The vote is Friday."])
    assert got == ["“We are ready. We always were,” Jane Roe said.", "The vote is Friday."]


def test_a_question_quote_keeps_its_reporting_clause():
    got = _sentences(["“Why now?” Sen. Ana Park asked. Nobody answered."])
    assert got == ["“Why now?” Sen. Ana Park asked.", "Nobody answered."]
    # the reporting verb is the fourth word after the quote: too far when only two may come first
    got = _sentences(["“Why now?” Sen. Ana Park asked. Nobody answered."], QuoteOptions(attribution_ahead_words=2))
    assert got == ["“Why now?”", "Sen. Ana Park asked.", "Nobody answered."]


def test_abbreviations_and_initials_do_not_end_sentences():
    assert len(_sentences(["Gov. J.K. Lund met Dr. Ruiz on Jan. 5 at Acme Corp. in town. Then it rained."])) == 2


def test_tokens_carry_quote_and_mention_indices():
    paragraphs = ["“We will rebuild,” said Anna Berg."]
    text = ARTICLE_SEP.join(paragraphs)
    spans = find_spans(paragraphs)
    (sent,) = sentences(mask(text, spans), paragraphs, spans, find_mentions(paragraphs), skip_idle=False)
    quote_tokens = [t for t in sent.toks if t.quote >= 0]
    name_tokens = [t.text for t in sent.toks if t.mention >= 0]
    assert len(quote_tokens) == 1 and text[quote_tokens[0].start : quote_tokens[0].end].startswith("We will")
    assert name_tokens == ["Anna", "Berg"]


def test_a_sentence_lists_its_quote_tokens():
    # a quote's final stop is outside the mask but part of its one token
    paragraphs = ["“Why now?” Anna Berg asked, and “not yet” came the reply."]
    text = ARTICLE_SEP.join(paragraphs)
    spans = find_spans(paragraphs)
    (sent,) = sentences(mask(text, spans), paragraphs, spans, find_mentions(paragraphs), skip_idle=False)
    assert sent.quotes == [i for i, t in enumerate(sent.toks) if t.quote >= 0]
    assert [sent.toks[i].quote for i in sent.quotes] == [0, 1]
    assert text[sent.toks[0].start : sent.toks[0].end] == "Why now?"
