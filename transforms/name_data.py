"""Name data: how strongly a word is a given name or a surname, diminutives, name shapes of
scripts and romanisations that word lists do not cover.

The lists are built by ``make names`` (``transforms.name_data_build``) from maintained public
data (faker's ~80 person locales, the US Census name files, a diminutives table) into
``transforms/data/names.tsv.gz``, which ships in the package; the frequency classes of
gender-guesser's name dictionary (already a run-time dependency) are read from that package.
Both load once per process, on first use. Nothing is downloaded.

Strengths are 0 (unknown) to 9 (among the commonest names of a country).
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

# The lists it ships, beside it (a stage that uses them is recomputed when they change: ``flows.versions``).
DATA_FILES = ("data/names.tsv.gz", "data/common_words.txt.gz")
DATA_FILE, WORDS_FILE = (Path(__file__).parent / file for file in DATA_FILES)

# gender-guesser's frequency classes run 1 (rare) to 13 (D, very common) per country.
_GG_FREQ = {c: i for i, c in enumerate("123456789ABCD", 1)}
# gender-guesser's dictionary: gender code in columns 0-2, the name in 3-29, one frequency
# character per country from column 30 (see the file's header).
_GG_NAME_COLS = slice(3, 29)
_GG_FREQ_FROM = 30


# The entries of each per-word cache here and in transforms.people: the words a worker saw last.
# The keys are slices of article text and pin the allocator's memory: with 65,536 entries (about
# twenty caches) a transform worker kept growing over a 100,000-article run, the caches filling.
# 8,192 hold the words that recur (the same CPU on 4,000 fresh articles, measured).
WORD_CACHE = 8192


@lru_cache(maxsize=4 * WORD_CACHE)
def fold(word: str) -> str:
    """Lookup key of a word: accents and marks dropped (the Cyrillic short i kept), lower case,
    letters only."""
    out: list[str] = []
    for c in unicodedata.normalize("NFKD", word):
        if unicodedata.combining(c):
            if c == "\u0306" and out and out[-1] in "иИ":
                out[-1] = "й"
        elif c.isalpha():
            out.append(c)
    return "".join(out).lower()


def _gender_guesser_strengths() -> dict[str, int]:
    """Given name -> strength (its most common frequency class in any country, scaled to 1-9)."""
    text = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text("iso-8859-1")
    out: dict[str, int] = {}
    for line in text.splitlines():
        if not line or line[0] == "#" or len(line) <= _GG_FREQ_FROM:
            continue
        # the frequency characters sort as their classes ("1" < "9" < "A" < "D"), blanks first
        freq = _GG_FREQ.get(max(line[_GG_FREQ_FROM:]), 0)
        if not freq:
            continue
        for part in line[_GG_NAME_COLS].strip().replace("+", " ").replace("-", " ").split():
            key = part.lower() if part.isascii() else fold(part)
            strength = (freq * 9 + 12) // 13
            if len(key) > 1 and strength > out.get(key, 0):
                out[key] = strength
    return out


@dataclass(frozen=True)
class Tables:
    given: dict[str, int]  # folded word -> strength as a given name
    surname: dict[str, int]  # folded word -> strength as a surname
    diminutives: dict[str, frozenset[str]]  # folded given name -> its diminutives and full forms
    words: frozenset[str]  # folded common English words
    places: frozenset[str]  # folded place names, words joined by one space
    regions: frozenset[str]  # the countries and US states among them


@lru_cache(maxsize=1)
def tables() -> Tables:
    """The shipped tables, with gender-guesser's given names; loaded once per process."""
    return parse_tables(
        gzip.decompress(DATA_FILE.read_bytes()).decode("utf-8"),
        gzip.decompress(WORDS_FILE.read_bytes()).decode("utf-8"),
        _gender_guesser_strengths(),
    )


def parse_tables(data: str, words: str, given: dict[str, int]) -> Tables:
    """``Tables`` from the text of ``names.tsv.gz`` and ``common_words.txt.gz`` (see
    ``transforms.name_data_build``); ``given``: given-name strengths to start from (updated)."""
    surname: dict[str, int] = {}
    sections = dict(part.split("\n", 1) for part in data.split("#")[1:])
    for line in sections["names"].splitlines():
        word, g, s = line.split("\t")
        if int(g) > given.get(word, 0):
            given[word] = int(g)
        if s != "0":
            surname[word] = int(s)
    diminutives: dict[str, set[str]] = {}
    for line in sections["diminutives"].splitlines():
        a, b = line.split("\t")
        diminutives.setdefault(a, set()).add(b)
        diminutives.setdefault(b, set()).add(a)
    return Tables(
        given,
        surname,
        {k: frozenset(v) for k, v in diminutives.items()},
        frozenset(words.splitlines()),
        frozenset(sections["places"].splitlines()),
        frozenset(sections["regions"].splitlines()),
    )


@lru_cache(maxsize=WORD_CACHE)
def is_word(word: str) -> bool:
    """True for a common word ("Box", "Books", "Bereich")."""
    return fold(word) in tables().words


def _place_key(name: str) -> str:
    return " ".join(fold(w) for w in name.replace("-", " ").split())


@lru_cache(maxsize=WORD_CACHE)
def is_place(name: str) -> bool:
    """True for a city of 15,000 people or more, a country or a US state ("Belo Horizonte")."""
    return _place_key(name) in tables().places


@lru_cache(maxsize=WORD_CACHE)
def is_region(name: str) -> bool:
    """True for a country or a US state ("Florida", "Georgia")."""
    return _place_key(name) in tables().regions


def _lookup(table: dict[str, int], word: str) -> int:
    key = fold(word)
    best = table.get(key, 0)
    if not best and _CYRILLIC_RE.search(key):
        best = max((table.get(k, 0) for k in cyrillic_bases(key)), default=0)
    return best


@lru_cache(maxsize=WORD_CACHE)
def given_strength(word: str) -> int:
    """How common ``word`` is as a given name; a hyphenated one counts its weaker part
    ("Jean-Julien": both parts are given names)."""
    given = tables().given
    parts = [p for p in re.split(r"[-‐‑]", word) if p]
    if len(parts) > 1:
        return min(_lookup(given, p) for p in parts)
    return _lookup(given, word)


@lru_cache(maxsize=WORD_CACHE)
def surname_strength(word: str) -> int:
    """How common ``word`` is as a surname; a hyphenated one counts its stronger part."""
    surname = tables().surname
    parts = [p for p in re.split(r"[-‐‑]", word) if p]
    return max((_lookup(surname, p) for p in parts), default=0)


def same_given_name(a: str, b: str) -> bool:
    """True when two given names are one ("Joshua" and "Josh", "Robert" and "Bob")."""
    fa, fb = fold(a), fold(b)
    return fa == fb or fb in tables().diminutives.get(fa, ())


# --------------------------------------------------------------------------- Cyrillic case forms
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
# Russian/Ukrainian case endings of names -> the nominative endings they may come from
# (feminine -а/-я names and -ова/-ина surnames; masculine consonant-final names and -ов/-ин
# surnames): "Аллы" -> "Алла", "Ершовой" -> "Ершова", "Олега" -> "Олег", "Ильиным" -> "Ильин".
_CYRILLIC_ENDINGS = (
    ("ой", ("а", "")),
    ("ей", ("я", "а", "")),
    ("ым", ("",)),
    ("им", ("",)),
    ("ом", ("",)),
    ("ем", ("", "ь", "й")),
    ("ы", ("а",)),
    ("и", ("а", "я", "ь", "й")),
    ("у", ("а", "")),
    ("ю", ("я", "ь", "й")),
    ("е", ("а", "я", "")),
    ("а", ("", "ь", "й")),
    ("я", ("ь", "й")),
)


def cyrillic_bases(word: str) -> list[str]:
    """The nominative forms a Cyrillic name in another case may come from (lower case)."""
    w = word.lower()
    out = []
    for ending, bases in _CYRILLIC_ENDINGS:
        if w.endswith(ending) and len(w) > len(ending) + 2:
            stem = w[: -len(ending)]
            out.extend(stem + b for b in bases)
    return out


def cyrillic_stem(word: str) -> str:
    """A case-free key of a Cyrillic name: "Ершова", "Ершовой", "Ершову" -> "ершов"."""
    w = fold(word)
    # ("ои", "еи": the same endings with the short i folded by ``transforms.people.fold_name``)
    for ending in ("ой", "ей", "ои", "еи", "ым", "им", "ом", "ем", "ою", "ы", "и", "у", "ю", "е", "а", "я", "ь", "й"):
        if w.endswith(ending) and len(w) > len(ending) + 2:
            return w[: -len(ending)]
    return w


def is_cyrillic(word: str) -> bool:
    return _CYRILLIC_RE.search(word) is not None


# --------------------------------------------------------------------------- East Asian romanisations
# Korean surnames in Revised Romanization and the common older spellings: the 60 commonest of
# Statistics Korea's 2015 census (about 95% of the population).
KOREAN_SURNAMES = frozenset(
    """
    kim gim lee yi rhee ri park pak bak choi choe jeong jung chung kang gang cho jo yoon yun jang
    chang lim im han oh o seo suh shin sin kwon gwon hwang ahn an song jeon jun chun hong yoo yu
    ko go moon mun yang son sohn bae baek paek heo hur huh nam noh roh no ha kwak gwak sung seong
    cha joo ju woo u min ryu na jin ji eom um byun byeon chae won cheon bang gong kong hyun hyeon
    ham yeo choo chu do seok pyo
    """.split()
)
# One syllable of Revised Romanization (and McCune-Reischauer without its breves, and the popular
# "woo", "yoo"): an initial, a vowel, a final.
_KOREAN_SYLLABLE = (
    r"(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjhwy])?"
    r"(?:yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|a|e|o|u|i)"
    r"(?:ng|[kntlmp])?"
)
_KOREAN_ONE_RE = re.compile(_KOREAN_SYLLABLE)
_KOREAN_TWO_RE = re.compile(_KOREAN_SYLLABLE * 2)
# One syllable of Hanyu Pinyin, tone marks dropped.
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)"
)
_PINYIN_ONE_RE = re.compile(_PINYIN_SYLLABLE)
_PINYIN_TWO_RE = re.compile(_PINYIN_SYLLABLE * 2)


def _syllables(tokens: list[str], one: re.Pattern, two: re.Pattern) -> bool:
    """A given name of two syllables: two words, a hyphenated word or one word."""
    parts = [fold(p) for t in tokens for p in t.split("-") if p]
    if len(parts) == 2:
        return all(one.fullmatch(p) for p in parts)
    return len(parts) == 1 and two.fullmatch(parts[0]) is not None


@lru_cache(maxsize=WORD_CACHE)
def korean_name(tokens: tuple[str, ...]) -> bool:
    """A romanised Korean name: a Korean surname, then a given name of two syllables written as
    two words, hyphenated or as one word ("Jeong Hye Jin", "Kim Hye-jin", "Park Minjun")."""
    return (
        len(tokens) in (2, 3)
        and fold(tokens[0]) in KOREAN_SURNAMES
        and _syllables(tokens[1:], _KOREAN_ONE_RE, _KOREAN_TWO_RE)
    )


@lru_cache(maxsize=WORD_CACHE)
def chinese_name(tokens: tuple[str, ...]) -> bool:
    """A romanised Chinese name: a surname of the lists that is one pinyin syllable, then a given
    name of two pinyin syllables in one word or hyphenated ("Liu Xiaoming", "Xi Jin-ping"; a
    one-syllable given name, "Wang Yi", is too short to tell from other words)."""
    return (
        len(tokens) == 2
        and _PINYIN_ONE_RE.fullmatch(fold(tokens[0])) is not None
        and surname_strength(tokens[0]) > 0
        and _syllables(tokens[1:], _PINYIN_ONE_RE, _PINYIN_TWO_RE)
    )


# One mora of Hepburn romanisation: a consonant (or a palatalised one, "ky", "sh"), then a vowel;
# a syllable-final "n"; the first of a doubled consonant ("Nissan", "Hattori").
_MORA = r"(?:(?:[kgsztdnhbpmr]y|sh|ch|ts|[kgsztdnhbpmyrwjf])?[aeiou]|n(?![aeiouy])|([kstpgdbmc])(?=\1))"
_MORAE_RE = re.compile(rf"(?:{_MORA})+")
_ONE_MORA_RE = re.compile(_MORA)


@lru_cache(maxsize=WORD_CACHE)
def japanese_name(tokens: tuple[str, ...]) -> bool:
    """A romanised Japanese name: two words made only of Hepburn morae, two or more each and six
    or more in all ("Yoshihito Nishioka", "Kei Nishikori"; not Hawaiian "Mauna Kea")."""
    if len(tokens) != 2:
        return False
    counts = []
    for t in tokens:
        key = fold(t)
        if not _MORAE_RE.fullmatch(key):
            return False
        counts.append(sum(1 for _ in _ONE_MORA_RE.finditer(key)))
    return min(counts) >= 2 and sum(counts) >= 6


def east_asian_name(tokens: tuple[str, ...]) -> bool:
    """A romanised Korean, Chinese or Japanese name (see those three)."""
    return korean_name(tokens) or chinese_name(tokens) or japanese_name(tokens)
