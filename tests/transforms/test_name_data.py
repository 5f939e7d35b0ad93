"""Tests for transforms.name_data: the shipped name lists and the name shapes of other scripts."""

from __future__ import annotations

import pytest

from transforms import name_data as N


@pytest.mark.parametrize(
    ("word", "key"),
    [("José", "jose"), ("O’Brien", "obrien"), ("Ершовой", "ершовой"), ("Jean-Luc", "jeanluc"), ("", "")],
)
def test_fold(word, key):
    assert N.fold(word) == key


@pytest.mark.parametrize(
    "word",
    # common given names of several countries and scripts, hyphenated ones, a Cyrillic one in another case
    ["Maria", "Giovanni", "Olga", "Jean-Julien", "Eva-Marie", "Ольга", "Ольги", "Андрей", "Μαρία", "민준"],
)
def test_given_names_beyond_english(word):
    assert N.given_strength(word) >= 4


@pytest.mark.parametrize("word", ["Taylor", "Williams", "Lopes", "Singh", "Pospisil", "Иванова", "Ивановой", "김"])
def test_surnames(word):
    assert N.surname_strength(word) >= 4


@pytest.mark.parametrize("word", ["Salesforce", "Zzyzxq", "Redemption"])
def test_unknown_words_have_no_strength(word):
    assert N.given_strength(word) == N.surname_strength(word) == 0


def test_hyphenated_given_name_counts_its_weaker_part():
    assert N.given_strength("Jean-Zzyzxq") == 0 < N.given_strength("Jean")


def test_common_words_hold_words_not_famous_names():
    assert N.is_word("Magic") and N.is_word("Books") and N.is_word("salad")
    assert not N.is_word("Obama") and not N.is_word("Taylor")


@pytest.mark.parametrize(("name", "place", "region"), [("Belo Horizonte", True, False), ("Florida", True, True)])
def test_places(name, place, region):
    assert (N.is_place(name), N.is_region(name)) == (place, region)


def test_unknown_place():
    assert not N.is_place("Zzyzxq Harbour")


@pytest.mark.parametrize(
    ("a", "b", "same"), [("Josh", "Joshua", True), ("Bob", "Robert", True), ("Anna", "Maria", False)]
)
def test_same_given_name(a, b, same):
    assert N.same_given_name(a, b) is same


@pytest.mark.parametrize(
    ("word", "base"),
    [("Аллы", "алла"), ("Ершовой", "ершова"), ("Олега", "олег"), ("Ильиным", "ильин")],
)
def test_cyrillic_bases(word, base):
    assert base in N.cyrillic_bases(word)


def test_cyrillic_stem_folds_cases():
    assert N.cyrillic_stem("Смирнова") == N.cyrillic_stem("Смирновой") == N.cyrillic_stem("Смирнову")
    assert N.cyrillic_stem("Ольга") == N.cyrillic_stem("Ольги")


@pytest.mark.parametrize(
    ("tokens", "korean"),
    [
        (("Jeong", "Hye", "Jin"), True),
        (("Kim", "Min-jun"), True),
        (("Park", "Minjun"), True),
        (("Kim", "Kardashian"), False),
        (("Park", "Avenue"), False),
        (("Lee", "Jun"), False),  # one syllable: too short to tell
    ],
)
def test_korean_name(tokens, korean):
    assert N.korean_name(tokens) is korean


@pytest.mark.parametrize(
    ("tokens", "chinese"),
    [(("Liu", "Xiaoming"), True), (("Wang", "Jin-ping"), True), (("Hong", "Kong"), False), (("Wang", "Yi"), False)],
)
def test_chinese_name(tokens, chinese):
    assert N.chinese_name(tokens) is chinese


@pytest.mark.parametrize(
    ("tokens", "japanese"),
    [
        (("Yoshihito", "Nishioka"), True),
        (("Kei", "Nishikori"), True),
        (("Mauna", "Kea"), False),  # five morae: Hawaiian words read as Japanese
        (("Pablo", "Neruda"), False),
    ],
)
def test_japanese_name(tokens, japanese):
    assert N.japanese_name(tokens) is japanese
    assert N.east_asian_name(tokens) is japanese


def test_parse_tables_reads_the_sections():
    data = "#names\nanna\t7\t0\nberg\t0\t6\n#places\nbelo horizonte\n#regions\nflorida\n#diminutives\nrobert\tbob\n"
    t = N.parse_tables(data, "box\nsalad\n", {"anna": 3})
    assert t.given == {"anna": 7} and t.surname == {"berg": 6}
    assert t.diminutives == {"robert": frozenset({"bob"}), "bob": frozenset({"robert"})}
    assert t.words == {"box", "salad"} and t.places == {"belo horizonte"} and t.regions == {"florida"}


def test_the_per_word_caches_keep_the_words_seen_last_only():
    from transforms import people

    words = [f"Zq{i:05d}" for i in range(N.WORD_CACHE + 100)]
    for w in words:
        N.is_word(w)
    assert N.is_word.cache_info().currsize == N.WORD_CACHE
    cached = [
        f
        for module in (N, people)
        for f in vars(module).values()
        if hasattr(f, "cache_info") and f.cache_info().maxsize != 1  # (1: the tables, loaded once)
    ]
    assert len(cached) > 20  # name_data's and the people finder's per-word lookups
    sizes = {f.__name__: f.cache_info().maxsize for f in cached}
    assert all(size is not None and size <= 4 * N.WORD_CACHE for size in sizes.values()), sizes
