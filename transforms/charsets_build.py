"""Build the letter statistics shipped as ``transforms/data/letters.json.gz`` (``make letters``).

Source, installed from PyPI by ``make letters`` only (nothing reads it at run time): ``wordfreq``
(code Apache-2.0, data CC BY-SA 4.0), the frequencies of the words of each language, from
Wikipedia, subtitles, news, books and the web. The file written carries that licence.

For each language that ``transforms.charsets.FAMILIES`` names, the words' letters are counted,
each word weighted by its frequency, with a space at either end of a word:

- alphabets (Latin, Cyrillic, Greek, Hebrew, Arabic): the letter pairs that hold a non-ASCII
  character (a code page changes only those: bytes under 0x80 are ASCII in all of them), each
  with its cost, ``-ln`` of its share of all pairs, to one decimal; pairs rarer than
  ``MIN_SHARE`` are left out (their cost is ``charsets.UNSEEN_PAIR``);
- Chinese, Japanese, Korean: the cost of each character, its share of all characters, likewise.

The words are ``wordfreq``'s, lower-cased by ``str.casefold`` ("ß" is "ss", final "ς" is "σ"):
``transforms.charsets`` folds text the same way before it looks pairs up.
"""

from __future__ import annotations

import gzip
import json
import math
from collections import Counter

from transforms.charsets import CJK_LANGUAGES, DATA_FILE, FAMILIES

# Pairs or characters rarer than one in a million are left out: they add more to the file than to
# the scores (an unseen pair costs as much).
MIN_SHARE = 1e-6
# Words rarer than this are left out: the tail of wordfreq's lists is names, typos and foreign words.
MIN_WORD_FREQUENCY = 1e-7


def language_costs(frequencies: dict[str, float], cjk: bool) -> dict[str, float]:
    """The costs of one language's letter pairs holding a non-ASCII character (or, ``cjk``, of its
    non-ASCII characters), from its words' frequencies."""
    pairs: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for word, freq in frequencies.items():
        letters = "".join(c for c in word if c.isalpha())
        if freq < MIN_WORD_FREQUENCY or not letters:
            continue
        padded = f" {letters} "
        for a, b in zip(padded, padded[1:], strict=False):
            pairs[a + b] += freq
        for c in letters:
            chars[c] += freq
    counts = chars if cjk else pairs
    total = sum(counts.values())
    return {
        key: round(-math.log(n / total), 1)
        for key, n in counts.most_common()
        if n / total >= MIN_SHARE and not key.isascii()
    }


def build() -> dict[str, dict[str, float]]:
    import wordfreq

    languages = sorted({lang for langs in FAMILIES.values() for lang in langs})
    return {lang: language_costs(wordfreq.get_frequency_dict(lang), cjk=lang in CJK_LANGUAGES) for lang in languages}


def main() -> None:
    data = build()
    with gzip.open(DATA_FILE, "wt", encoding="utf-8", compresslevel=9) as f:
        json.dump(data, f, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    print(f"{DATA_FILE}: {len(data)} languages, {sum(map(len, data.values()))} entries")


if __name__ == "__main__":
    main()
