"""Which code page a text that is not UTF-8 is in: the one whose reading looks most like a language
written in it.

A single-byte file decodes without error in nearly every single-byte code page; a general detector's
best guess on short text can be a rare one ("cafķs in M³nchen" in cp775, "ŕ la cérémonie" in
cp1250). Here only the code pages in common use are tried, each with the languages usually
written in it (``FAMILIES``), and each reading is scored by how natural its non-ASCII letters are
in the best fitting of those languages: the cost (``-ln`` share) of every letter pair holding one,
from word frequencies of each language (``transforms/data/letters.json.gz``, built by
``make letters`` from ``wordfreq``; ``transforms/charsets_build.py``). Chinese, Japanese and Korean
readings score each character. Symbols that news text uses get a small cost, other symbols, a
symbol inside a word and a capital after a small letter ("FranÁois") a large one. The cheapest
reading wins; ``Guess.close`` says when another reading came within ``CLOSE_COST``.
"""

from __future__ import annotations

import functools
import gzip
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DATA_FILES = ("data/letters.json.gz",)
DATA_FILE = Path(__file__).parent / DATA_FILES[0]

WESTERN = ("en", "fr", "de", "es", "it", "pt", "nl", "ca", "da", "sv", "nb", "fi", "is")
CENTRAL = ("pl", "cs", "sk", "hu", "sl", "sh", "ro")
# Code page -> the languages usually written in it (wordfreq's codes; "sh": Serbo-Croatian in Latin
# letters). Tried in this order: of code pages that read the bytes as the same text, the first is
# the one named (a Latin-1 file is named cp1252, which reads it the same).
FAMILIES: dict[str, tuple[str, ...]] = {
    "cp1252": WESTERN,
    "iso-8859-15": WESTERN,
    "iso-8859-1": WESTERN,
    "cp1250": CENTRAL,
    "iso-8859-2": CENTRAL,
    "cp1254": ("tr",),
    "iso-8859-9": ("tr",),
    "cp1257": ("lt", "lv"),
    "cp1251": ("ru", "uk", "bg", "mk"),
    "koi8-r": ("ru", "bg"),
    "koi8-u": ("uk",),
    "cp866": ("ru", "uk", "bg"),
    "cp1253": ("el",),
    "iso-8859-7": ("el",),
    "cp1255": ("he",),
    "cp1256": ("ar", "fa"),
    "cp932": ("ja",),  # Shift_JIS with Microsoft's extensions
    "euc-jp": ("ja",),
    "gb18030": ("zh",),
    "big5": ("zh",),
    "cp949": ("ko",),  # EUC-KR with the Unified Hangul Code
}
# Unicode blocks (charset_normalizer's names) of scripts that no code page above writes: Thai (cp874),
# Armenian, Georgian, the Indic scripts. A text the general detector reads in one of these is left to
# it. Not "Combining Diacritical Marks" (Vietnamese in cp1258): it reads Italian that way too.
UNCOVERED_ALPHABETS = frozenset({"Thai", "Lao", "Khmer", "Armenian", "Georgian", "Devanagari", "Bengali", "Tamil"})
CJK_LANGUAGES = frozenset({"ja", "zh", "ko"})
# Escape sequences of the 7-bit ISO-2022 encodings: their bytes are ASCII, so UTF-8 would read them.
ISO2022 = ((b"\x1b$B", "iso2022_jp"), (b"\x1b$@", "iso2022_jp"), (b"\x1b$)C", "iso2022_kr"))

# The high bytes scored: enough for a clear winner on any news text, few enough to score 20 readings fast.
SAMPLE_HIGH_BYTES = 3000
# Cost of a letter pair the language's words never show (the data keeps pairs down to a share of 1e-6, cost 13.8).
UNSEEN_PAIR = 16.0
# Cost of a character of a Chinese, Japanese or Korean reading that is not in the language's list: one
# of its own scripts, or any other.
UNSEEN_IN_SCRIPT = 12.0
FOREIGN = 16.0
# Symbols of news text ("«»–…€°", the CJK full stops and brackets) next to a space or punctuation ...
SYMBOL = 6.0
# ... or any other non-letter, or a symbol between two letters ("mo¿e", "M³nchen") ...
ODD_SYMBOL = 16.0
# ... and an upper-case letter right after a lower-case one ("FranÁois").
UPPER_AFTER_LOWER = 8.0
# Two readings closer than this (in nats: a likelihood ratio of e^4, about 55) make a low-confidence choice.
CLOSE_COST = 4.0
COMMON_SYMBOLS = frozenset("“”‘’„‚«»‹›–—…•·€£¥°§©®™¡¿ºª×½¼¾±\u00a0")
# Of those, the ones that may touch a letter on their left (closing quotes, "…", "™", the apostrophe,
# Catalan's "l·l") and on their right (opening quotes, "¿¡", "°C"); the rest stand between spaces and
# digits ("± 3", "20 €"): "M³nchen" and "jesieni±" are other code pages' letters.
AFTER_LETTER = frozenset("”’»›…®™·")
BEFORE_LETTER = frozenset("“‘„‚«‹¿¡’·°")
SCRIPTS = {
    "ja": re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
    "zh": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
    "ko": re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\u4e00-\u9fff\uf900-\ufaff]"),
}
CJK_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff01-\uff65\u30fb]")
WORD = re.compile(r"[^\W\d_]+")
IDEOGRAPHIC = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff]")
ASCII_LETTER = re.compile(r"[A-Za-z]")
HIGH = re.compile(r"[^\x00-\x7f]")


@dataclass(frozen=True)
class Guess:
    text: str
    encoding: str
    close: bool  # another reading scored within CLOSE_COST


@functools.cache
def costs() -> dict[str, dict[str, float]]:
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as f:
        return json.load(f)


def fold(word: str) -> str:
    """Lower case as the data's words are (``str.casefold``), with Turkish's dotted capital I kept one letter."""
    return word.replace("İ", "i").casefold()


# Scripts that write words with spaces between them: one word holds letters of one of them only.
ALPHABETS = frozenset({"LATIN", "CYRILLIC", "GREEK", "HEBREW", "ARABIC"})


@functools.lru_cache(maxsize=4096)
def script_of(c: str) -> str:
    """The script of a letter, by the first word of its Unicode name (LATIN, CYRILLIC, CJK, ...)."""
    return unicodedata.name(c, "?").split(" ", 1)[0]


@dataclass
class Reading:
    """What scoring needs of one reading of the bytes, whatever the language."""

    pairs: Counter  # letter pairs holding a non-ASCII character (spaces at word ends), folded
    chars: Counter  # non-ASCII letters
    cjk_punctuation: int  # full-width stops, commas, brackets
    fixed: float  # the costs that are the same in every language: other symbols, case


def read(text: str) -> Reading:
    pairs: Counter[str] = Counter()
    fixed = 0.0
    for match in WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        if len({script_of(c) for c in word} & ALPHABETS) > 1:
            fixed += ODD_SYMBOL  # letters of two scripts in one word: "ééн" is "één" read as KOI8-R
        padded = f" {fold(word)} "
        pairs.update(a + b for a, b in zip(padded, padded[1:], strict=False) if not (a + b).isascii())
        fixed += UPPER_AFTER_LOWER * sum(
            1 for a, b in zip(word, word[1:], strict=False) if a.islower() and b.isupper() and not b.isascii()
        )
    chars: Counter[str] = Counter()
    cjk_punctuation = 0
    for match in HIGH.finditer(text):
        c, at = match.group(), match.start()
        if c.isalpha():
            chars[c] += 1
            glued = (at > 0 and ASCII_LETTER.match(text[at - 1])) or ASCII_LETTER.match(text[at + 1 : at + 2])
            if glued and IDEOGRAPHIC.match(c):
                fixed += ODD_SYMBOL  # glued to a Latin word: "鳬n" is "één" read as Shift_JIS
        elif CJK_PUNCTUATION.match(c):
            cjk_punctuation += 1
        else:
            after_letter = at > 0 and text[at - 1].isalpha()
            before_letter = at + 1 < len(text) and text[at + 1].isalpha()
            usual = (
                c in COMMON_SYMBOLS
                and (not after_letter or c in AFTER_LETTER)
                and (not before_letter or c in BEFORE_LETTER)
            )
            fixed += SYMBOL if usual else ODD_SYMBOL
    return Reading(pairs, chars, cjk_punctuation, fixed)


def cost(reading: Reading, language: str) -> float:
    """The reading's cost in ``language``: the lower, the more natural its non-ASCII characters."""
    table = costs()[language]
    if language in CJK_LANGUAGES:
        script = SCRIPTS[language]
        letters = sum(
            n * table.get(c, UNSEEN_IN_SCRIPT if script.match(c) else FOREIGN) for c, n in reading.chars.items()
        )
        # two bytes a character: comparable with the two letters a single-byte reading makes of them
        return 2 * (letters + SYMBOL / 2 * reading.cjk_punctuation) + reading.fixed
    letters = sum(n * table.get(pair, UNSEEN_PAIR) for pair, n in reading.pairs.items())
    return letters + ODD_SYMBOL * reading.cjk_punctuation + reading.fixed


def sample(data: bytes) -> bytes:
    """The start of ``data`` holding its first SAMPLE_HIGH_BYTES bytes over 0x7f, cut at a space or a
    line end (never inside a multi-byte character: no trail byte of these encodings is one)."""
    seen = 0
    for at, byte in enumerate(data):
        if byte > 0x7F:
            seen += 1
            if seen >= SAMPLE_HIGH_BYTES:
                cut = max(data.rfind(b" ", 0, at), data.rfind(b"\n", 0, at))
                return data[:cut] if cut > 0 else data
    return data


def readings(data: bytes) -> list[tuple[float, str, str]]:
    """(cost, encoding, text of the sample) of every code page that reads the sample, cheapest first;
    of code pages giving the same text only the first is kept."""
    part = sample(data)
    seen: set[str] = set()
    out = []
    for order, (encoding, languages) in enumerate(FAMILIES.items()):
        try:
            text = part.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text in seen:
            continue
        seen.add(text)
        reading = read(text)
        out.append((min(cost(reading, lang) for lang in languages), order, encoding, text))
    out.sort()
    return [(c, encoding, text) for c, _, encoding, text in out]


def iso2022(data: bytes) -> Guess | None:
    """The text of 7-bit ISO-2022 Japanese or Korean bytes, when they have its escape sequences."""
    for escape, encoding in ISO2022:
        if escape in data:
            try:
                return Guess(data.decode(encoding), encoding, close=False)
            except UnicodeDecodeError:
                return None
    return None


def guess(data: bytes) -> Guess | None:
    """The best reading of bytes that are not UTF-8, or None when no code page here reads them all."""
    ranked = readings(data)
    for i, (score, encoding, _) in enumerate(ranked):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue  # the sample read, a later byte does not
        close = any(other - score < CLOSE_COST for other, _, _ in ranked[i + 1 :])
        return Guess(text, encoding, close)
    return None
