"""benchmarks/train_quotes.py: how quotes found by the stage are labelled for the kind model."""

from __future__ import annotations

from benchmarks.train_quotes import label, norm

RAW = 'Jane Roe said: "We are ready for the storm." She called it "a test".'
GOLD = [
    {"quote": "We are ready for the storm.", "start": 15, "end": 42, "kind": "direct"},
    {"quote": "a test", "start": 62, "end": 68, "kind": "partial"},
]


def test_norm_ignores_case_space_and_edge_marks():
    assert norm('  "We are  READY."  ') == "we are ready"


def test_a_quote_matching_a_direct_gold_quote_is_full():
    assert label(RAW, GOLD, "We are ready for the storm.") == 1
    assert label(RAW, GOLD, "We are ready for the storm") == 1  # the same words without the stop


def test_partial_and_unknown_quotes_are_not_full():
    assert label(RAW, GOLD, "a test") == 0
    assert label(RAW, GOLD, "nothing like this") == 0
