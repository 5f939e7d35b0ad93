"""Tests for transforms.name_data_build: the lists assembled from their sources (small stand-ins
here; ``make names`` reads the installed packages)."""

from __future__ import annotations

import gzip

import pytest

from transforms import name_data
from transforms import name_data_build as B


@pytest.mark.parametrize(("rank", "strength"), [(1, 9), (500, 9), (501, 8), (4000, 7), (15000, 4), (39000, 2)])
def test_census_strength(rank, strength):
    assert B._census_strength(rank) == strength


def test_name_lines_keep_the_strongest_strength_per_word():
    lines = B.name_lines(
        given_lists=["Mary Ann", "Jean-Pierre"],
        surname_lists=["Ершова"],
        census_given={"MARY": 3, "ANN": 40000},
        census_surnames={"SMITH": 1, "ANN": 30000},
    )
    table = {w: (int(g), int(s)) for w, g, s in (line.split("\t") for line in lines)}
    assert table["mary"] == (9, 0)  # census rank 3 beats the list's 6
    assert table["ann"] == (6, 2)
    assert table["jean"] == table["pierre"] == (6, 0)
    assert table["smith"] == (0, 9)
    assert table["ершова"] == (0, 6)
    assert lines == sorted(lines)


def test_common_words_are_dictionary_words_and_their_plurals():
    frequent = ["the", "box", "buds", "obama", "salad", "Tequila", "of"]
    dictionary = ["box", "bud", "salad", "tequila", "Obama"]  # web2 writes names capitalised
    assert B.common_words(frequent, dictionary) == ["box", "buds", "salad", "tequila"]


def test_place_keys_fold_word_by_word():
    assert B.place_keys(["Belo Horizonte", "Baden-Baden", "São Paulo", ""]) == {
        "belo horizonte",
        "baden baden",
        "sao paulo",
    }


def test_data_lines_parse_back(tmp_path):
    names = B.name_lines(["Olga"], ["Berg"], {}, {})
    lines = B.data_lines(names, ["Belo Horizonte", "Florida"], ["Florida"], [("Robert", "Bob")])
    path = tmp_path / "names.tsv.gz"
    B.write(path, lines)
    t = name_data.parse_tables(gzip.decompress(path.read_bytes()).decode("utf-8"), "box\n", {})
    assert t.given == {"olga": 6} and t.surname == {"berg": 6}
    assert t.places == {"belo horizonte", "florida"} and t.regions == {"florida"}
    assert t.diminutives["bob"] == {"robert"}


def test_write_is_deterministic(tmp_path):
    B.write(tmp_path / "a.gz", ["x", "y"])
    B.write(tmp_path / "b.gz", ["x", "y"])
    assert (tmp_path / "a.gz").read_bytes() == (tmp_path / "b.gz").read_bytes()
