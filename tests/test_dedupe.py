import polars as pl

from transforms.dedupe import duplicates

LONG = [f"Paragraph number {i} of the original story, long enough to count as evidence." for i in range(5)]


def frame(articles: dict[str, list[str]]) -> pl.DataFrame:
    rows = [(order, aid, i, text) for order, (aid, paras) in enumerate(articles.items())
            for i, text in enumerate(paras)]
    return pl.DataFrame(rows, schema=["order", "article_id", "paragraph_index", "text"], orient="row")


def test_copy_with_a_changed_paragraph_is_a_near_duplicate():
    copy = [p.upper() for p in LONG[:4]] + ["A new closing paragraph written by the second site only."]
    flags, near = duplicates(frame({"a": LONG, "b": copy, "c": ["Something else entirely, and long enough."]}))
    assert dict(near.iter_rows()) == {"b": "a"}
    dup = set(flags.filter("is_duplicate").select("article_id", "paragraph_index").iter_rows())
    assert dup == {("b", 0), ("b", 1), ("b", 2), ("b", 3)}


def test_sharing_a_few_paragraphs_is_not_duplication():
    other = LONG[:2] + [f"Fresh reporting paragraph {i}, long enough to count as evidence." for i in range(4)]
    _, near = duplicates(frame({"a": LONG, "b": other}))
    assert near.is_empty()


def test_short_repeated_lines_are_not_evidence():
    _, near = duplicates(frame({"a": ["Advertisement", LONG[0]], "b": ["Advertisement", LONG[1]]}))
    assert near.is_empty()
