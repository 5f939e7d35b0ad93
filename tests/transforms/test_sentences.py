"""transforms.sentences: the sentence ends shared by paragraphs and quotes."""

import pytest

from transforms.sentences import abbreviated, count_sentences, sentence_ends


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("One sentence.", 1),
        ("Mr. Smith met Dr. Jones at 3 p.m. on Friday. They talked.", 2),
        ('"We are ready," she said. "Let us go." They left.', 3),
        ("The U.S. economy grew. Prices fell.", 2),
        ("Sen. Ana Park met Gov. Lee in Jan. 2016. Nothing came of it.", 2),
        ("He left… Then he came back.", 2),
        # an opening quote written with two apostrophes, as NYT texts do
        ("''It works,'' said Ana Berg. He runs the shop. ''But the roof leaks.''", 3),
    ],
)
def test_sentences_are_counted(text, n):
    assert count_sentences(text) == n


def test_masked_quotes_and_accented_capitals_start_sentences():
    assert [m.end() for m in sentence_ends("It rained. \x00\x00 she said. Émile left.")] == [10, 23]


@pytest.mark.parametrize(
    ("word", "abbrev"),
    [("Sen", True), ("U.S", True), ("J.K", True), ("j.k.l", True), ("a", True), ("rain", False), ("jk", False)],
)
def test_abbreviated(word, abbrev):
    assert abbreviated(word) is abbrev
