import hashlib
import re

import polars as pl

from transforms import dedupe
from transforms.dedupe import duplicates, fingerprint

LONG = [f"Paragraph number {i} of the original story, long enough to count as evidence." for i in range(5)]


def frame(articles: dict[str, list[str]]) -> pl.DataFrame:
    rows = [
        (order, aid, i, fingerprint(text))
        for order, (aid, paras) in enumerate(articles.items())
        for i, text in enumerate(paras)
    ]
    return pl.DataFrame(rows, schema=["order", "article_id", "paragraph_index", "fp"], orient="row")


def test_copy_with_a_changed_paragraph_is_a_near_duplicate():
    copy = [p.upper() for p in LONG[:4]] + ["A new closing paragraph written by the second site only."]
    repeated, near = duplicates(frame({"a": LONG, "b": copy, "c": ["Something else entirely, and long enough."]}))
    assert dict(near.iter_rows()) == {"b": "a"}
    assert set(repeated.iter_rows()) == {("b", 0), ("b", 1), ("b", 2), ("b", 3)}


def test_sharing_a_few_paragraphs_is_not_duplication():
    other = LONG[:2] + [f"Fresh reporting paragraph {i}, long enough to count as evidence." for i in range(4)]
    _, near = duplicates(frame({"a": LONG, "b": other}))
    assert near.is_empty()


def test_short_repeated_lines_are_not_evidence():
    _, near = duplicates(frame({"a": ["Advertisement", LONG[0]], "b": ["Advertisement", LONG[1]]}))
    assert near.is_empty()


def test_fingerprint_ignores_case_punctuation_and_spacing():
    assert fingerprint("The Mayor said: yes!") == fingerprint("the mayor  said yes")
    assert fingerprint("The Mayor said: yes!") != fingerprint("The Mayor said: no!")
    assert fingerprint(LONG[0]) & 1 and not fingerprint("Advertisement") & 1


def test_results_do_not_depend_on_row_order():
    copy = LONG[:4] + ["A new closing paragraph written by the second site only."]
    prints = frame({"a": LONG, "b": copy, "c": LONG[::-1]})
    repeated, near = duplicates(prints)
    shuffled_repeated, shuffled_near = duplicates(prints.reverse())
    assert near.rows() == shuffled_near.rows() == [("b", "a"), ("c", "a")]
    assert set(repeated.iter_rows()) == set(shuffled_repeated.iter_rows())
    assert set(repeated.iter_rows()) == {("b", i) for i in range(4)} | {("c", i) for i in range(5)}


def test_paragraphs_in_too_many_articles_are_not_evidence():
    boiler = [f"Subscribe to our newsletter for the latest stories, long version {i}." for i in range(3)]
    articles = {f"a{n:03}": [*boiler, f"The only original paragraph of article {n}, long enough."] for n in range(60)}
    repeated, near = duplicates(frame(articles))
    assert near.is_empty()
    assert repeated.height == 59 * 3


def test_no_paragraphs():
    repeated, near = duplicates(frame({}).cast({"order": pl.Int64, "paragraph_index": pl.Int64, "fp": pl.Int64}))
    assert repeated.is_empty() and near.is_empty()
    assert near.columns == ["article_id", "duplicate_of"]


def test_ascii_normalisation_is_the_regex_normalisation():
    """The byte-translation path for ASCII text (typographic punctuation spaced) normalises as ``NON_WORD.sub`` and
    ``strip`` do."""
    ascii_chars = "".join(map(chr, range(128)))
    typographic = "“It’s done,” she said — twice – in 2024… «Oui» ©\xa0"
    texts = (ascii_chars, ascii_chars[::-1], " Under_score, 9-to-5:\tdone. ", "__", "", typographic, "naïve “café”")
    for text in texts:
        norm = re.sub(r"[\W_]+", " ", text.lower()).strip()
        digest = int.from_bytes(hashlib.blake2b(norm.encode(), digest_size=8).digest(), "big") >> 1
        assert fingerprint(text) == (digest & ~1) | (len(norm) >= dedupe.MIN_CHARS)
