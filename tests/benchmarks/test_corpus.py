"""benchmarks/corpus.py: the fresh corpus's body lines do not repeat; chrome lines do."""

from __future__ import annotations

import random

import pytest

from benchmarks.corpus import generate, repeated_share, swap_words

TEXT = "Home | News | Sport\n\nThe council voted on Tuesday to close the old harbour bridge for repairs."


def test_swap_words_changes_body_lines_only():
    out = swap_words(TEXT, random.Random(1))
    chrome, body = out.split("\n\n")
    assert chrome == "Home | News | Sport"
    assert body != TEXT.split("\n\n")[1]
    assert len(body.split()) == len(TEXT.split("\n\n")[1].split())


def test_repeated_share_counts_body_characters_of_lines_seen_twice():
    line = "one two three four five six seven eight"
    other = "nine ten eleven twelve thirteen fourteen fifteen sixteen"
    assert repeated_share([line, line]) == 1.0
    assert repeated_share([line, other]) == 0.0
    assert repeated_share([f"{line}\n{other}", line]) == pytest.approx(2 * len(line) / (2 * len(line) + len(other)))
    assert repeated_share(["Home | News"]) == 0.0  # no body line


@pytest.mark.parametrize(("style", "low", "high"), [("fresh", 0.0, 0.05), ("repeating", 0.5, 1.0)])
def test_styles(tmp_path, style, low, high):
    nbytes, share = generate(tmp_path, 20, None, style)  # the five seeds, four copies each
    files = list(tmp_path.rglob("*.txt*"))
    assert len(files) == 20 and nbytes == sum(f.stat().st_size for f in files)
    assert low <= share <= high


def test_unknown_style(tmp_path):
    with pytest.raises(ValueError, match="unknown corpus style"):
        generate(tmp_path, 1, None, "stale")
