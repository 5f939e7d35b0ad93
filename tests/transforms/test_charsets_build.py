"""Tests for transforms.charsets_build: letter-pair costs from word frequencies (small stand-ins here;
``make letters`` reads wordfreq)."""

import math

import pytest

from transforms import charsets
from transforms.charsets_build import language_costs


def test_pairs_holding_a_non_ascii_letter_get_their_cost_and_ascii_pairs_are_left_out():
    got = language_costs({"été": 0.5, "et": 0.3, "à": 0.2, "rare": 1e-9}, cjk=False)
    # pairs: " é" "ét" "té" "é " (0.5 each), " e" "et" "t " (0.3 each), " à" "à " (0.2 each): 3.3 in all
    assert got == {
        p: round(-math.log(w / 3.3), 1)
        for p, w in {" é": 0.5, "ét": 0.5, "té": 0.5, "é ": 0.5, " à": 0.2, "à ": 0.2}.items()
    }


def test_cjk_languages_cost_characters():
    got = language_costs({"日本": 0.6, "本": 0.4}, cjk=True)
    assert got == {"本": round(-math.log(1.0 / 1.6), 1), "日": round(-math.log(0.6 / 1.6), 1)}


@pytest.mark.parametrize("language", ["fr", "pl", "ru", "el", "tr", "ja", "zh", "ko"])
def test_the_shipped_data_covers_every_language_of_the_families(language):
    data = charsets.costs()
    assert set(data) == {lang for langs in charsets.FAMILIES.values() for lang in langs}
    assert len(data[language]) > 100
