"""benchmarks/train_quotes.py: how quotes found by the stage are labelled for the kind model."""

from __future__ import annotations

from benchmarks.train_quotes import best_threshold, label, norm

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


def test_the_threshold_is_the_one_with_the_best_detection_f1():
    # three found quotes are gold direct (of four gold direct quotes: one the stage never found)
    probs = [0.9, 0.42, 0.38, 0.33, 0.1]
    labels = [1, 1, 0, 1, 0]
    threshold, f1 = best_threshold(probs, labels, n_direct=4)
    # 0.3 takes all three and one wrong: 2*3 / (2*3 + 1 + 1) = 0.75, better than 0.4 (2*2 / (4+0+2))
    assert threshold == 0.3 and abs(f1 - 0.75) < 1e-9
    assert best_threshold([0.9, 0.2], [1, 0], n_direct=1) == (0.3, 1.0)
