"""transforms.quotes.marks: quote marks paired into spans, masking."""

from __future__ import annotations

import pytest

from transforms.quotes.marks import MARK_RE, find_spans, mask
from transforms.quotes.options import QuoteOptions
from transforms.records import ARTICLE_SEP


def _texts(paragraphs: list[str]) -> list[str]:
    text = ARTICLE_SEP.join(paragraphs)
    return ["|".join(text[s:e] for s, e in span.pieces) for span in find_spans(paragraphs)]


@pytest.mark.parametrize(
    ("paragraph", "quotes"),
    [
        ('She said "we are ready" and left.', ["we are ready"]),
        ("He said “we are ready” and left.", ["we are ready"]),
        ("Il a dit « nous sommes prêts » hier.", ["nous sommes prêts"]),
        ("He said ''we are ready'' and left.", ["we are ready"]),
        ("Sie sagte „wir sind bereit“ gestern.", ["wir sind bereit"]),
        ("The ’90s were Russia’s decade, don’t forget.", []),  # apostrophes, not quotes
        ('Marcia "Cia" Price spoke first.', []),  # a nickname inside a name
        ('An open mark "never closes here and the text goes on.', []),  # refused, not extended
    ],
)
def test_pairs_marks(paragraph, quotes):
    assert _texts([paragraph]) == quotes


def test_a_quote_runs_over_paragraphs_when_the_next_reopens():
    paragraphs = ["“We came here first.", "“And we will stay,” she said."]
    spans = find_spans(paragraphs)
    assert len(spans) == 1 and len(spans[0].pieces) == 2
    assert _texts(paragraphs) == ["We came here first.|And we will stay,"]


def test_mask_hides_interiors_but_keeps_a_final_stop():
    paragraphs = ['He said "We are ready." Then he left.']
    text = ARTICLE_SEP.join(paragraphs)
    masked = mask(text, find_spans(paragraphs))
    assert len(masked) == len(text)
    assert "We are ready" not in masked and '\x00."' in masked and masked.endswith("Then he left.")


def test_mask_keeps_the_line_breaks_inside_a_quote():
    text = 'He said "we are\nready now" and left.'
    masked = mask(text, find_spans([text]))
    assert masked == 'He said "' + "\x00" * 6 + "\n" + "\x00" * 9 + '" and left.'


def test_doubled_marks_are_one_mark():
    # two apostrophes, two backticks or two commas open or close a quote as one mark; a lone
    # backtick or comma is no mark
    assert [m.group() for m in MARK_RE.finditer("''a`` ,,b ,c `d ’e «f»")] == ["''", "``", ",,", "’", "«", "»"]


def test_a_single_quote_pair_encloses_at_most_max_single_quote_chars():
    paragraph = "Rivers said 'we will open the new bridge in May' on Monday."
    assert _texts([paragraph]) == ["we will open the new bridge in May"]
    # past the limit the two marks are taken for apostrophes; double marks have no limit
    assert find_spans([paragraph], QuoteOptions(max_single_quote_chars=20)) == []
    assert len(find_spans([paragraph.replace("'", '"')], QuoteOptions(max_single_quote_chars=20))) == 1
