"""The quotes stage: one article's row, quote ids, and cluster ids that stay put across corpus changes."""

import pyarrow as pa
import pytest

from flows.buckets import bucket_path
from flows.stages import people, quotes
from flows.storage import MIN_BUCKETS, Store, bucket_of
from transforms.people import PeopleOptions
from transforms.quotes.options import QuoteOptions

SAID = "The plan will cut the waiting lists for hip operations by half within two years"


def test_a_row_holds_the_article_s_quotes_with_their_speakers():
    paragraphs = [{"text": f'"{SAID}," said Mara Lind, the health minister.', "kind": "body", "n_sentences": 1}]
    up = {"paragraphs": paragraphs} | people.row({"paragraphs": paragraphs}, PeopleOptions())
    row = quotes.row(up, QuoteOptions())
    assert row["status"] == "ok"
    assert [(q["text"], q["speaker"], q["cue"]) for q in row["quotes"]] == [(SAID + ",", "Mara Lind", "said")]
    unresolved = quotes.row(up | {"mentions": None}, QuoteOptions())  # no people row: no mentions to resolve with
    assert [q["text"] for q in unresolved["quotes"]] == [SAID + ","]


def test_a_row_is_made_with_the_stage_s_options():
    paragraphs = [{"text": f"Mara Lind said on Monday: '{SAID}.'", "kind": "body", "n_sentences": 1}]
    up = {"paragraphs": paragraphs} | people.row({"paragraphs": paragraphs}, PeopleOptions())
    assert [q["text"] for q in quotes.row(up, QuoteOptions())["quotes"]] == [SAID + "."]
    # a single-quote pair around more than 40 characters: two apostrophes, not a quote
    assert quotes.row(up, QuoteOptions(max_single_quote_chars=40))["quotes"] == []


def test_quote_ids_are_stable_hashes_of_article_and_offsets():
    assert quotes.quote_id("a" * 16, 3, 40) == quotes.quote_id("a" * 16, 3, 40)
    assert (
        len({quotes.quote_id("a" * 16, 3, 40), quotes.quote_id("a" * 16, 3, 41), quotes.quote_id("b" * 16, 3, 40)}) == 3
    )


def write_corpus(store: Store, articles: dict[str, list[str]]) -> dict[tuple[str, int], str]:
    """Quotes stage buckets holding each article's quotes (one per paragraph, at 10, 110, ...);
    returns the text of each (article_id, start)."""
    rows: dict[int, list[dict]] = {}
    texts = {}
    for aid, said in articles.items():
        found = []
        for i, text in enumerate(said):
            start = 10 + 100 * i
            found.append(
                {
                    "paragraph_index": i,
                    "start": start,
                    "end": start + len(text),
                    "text": text,
                    "kind": "full",
                    "speaker_text": None,
                    "speaker": None,
                    "cue": None,
                }
            )
            texts[(aid, start)] = text
        row = {"article_id": aid, "version": "v", "status": "ok", "detail": None, "quotes": found}
        rows.setdefault(bucket_of(aid, MIN_BUCKETS), []).append(row)
    for b in range(MIN_BUCKETS):
        store.write_table(bucket_path("quotes", b), pa.Table.from_pylist(rows.get(b, []), schema=quotes.RESULTS))
    return texts


def clusters(store: Store) -> dict[tuple[str, int], str]:
    got = {}
    for b in range(MIN_BUCKETS):
        table = store.read_table(f"{quotes.CLUSTERS_STATE}/{b:02d}.parquet")
        got |= {(r["article_id"], r["start"]): r["cluster_id"] for r in table.to_pylist()}
    return got


ONE, TWO, THREE, FOUR = "1111" + "a" * 12, "2222" + "b" * 12, "3333" + "c" * 12, "4444" + "d" * 12
ARTICLES = {
    ONE: [SAID, "We will not raise taxes this year or next, whatever happens to the markets"],
    TWO: [SAID.replace("half", "a half"), "Nobody asked us"],
    THREE: ["Nobody asked us", "The bridge opens on Monday and tolls start in June next year"],
    FOUR: ["Our team played its best football of the season in the second half tonight"],
}


@pytest.fixture
def corpus(tmp_path):
    store = Store(str(tmp_path))
    return store, write_corpus(store, ARTICLES)


def test_near_identical_quotes_share_a_cluster_named_after_its_first_quote(corpus):
    store, texts = corpus
    assert quotes.cluster_quotes(store.url, None) == 5
    got = clusters(store)
    assert set(got) == set(texts)
    by_cluster: dict[str, list] = {}
    for member, cluster in got.items():
        by_cluster.setdefault(cluster, []).append(member)
    for cluster, members in by_cluster.items():
        aid, start = min(members)
        assert cluster == quotes.quote_id(aid, start, start + len(texts[(aid, start)]))
    groups = sorted(sorted(texts[m] for m in members) for members in by_cluster.values())
    assert sorted(SAID.replace("half", "a half") in g and SAID in g for g in groups) == [False] * 4 + [True]
    assert ["Nobody asked us", "Nobody asked us"] in groups


def test_adding_or_removing_an_unrelated_article_changes_no_other_cluster_id(corpus, tmp_path):
    store, _ = corpus
    quotes.cluster_quotes(store.url, None)
    before = clusters(store)
    # its article and its text sort before all others: numbering clusters in order would renumber them all
    unrelated = {"0000" + "e" * 12: ["A harvest came in early this autumn across the valley farms"]}
    grown = Store(str(tmp_path / "grown"))
    write_corpus(grown, ARTICLES | unrelated)
    quotes.cluster_quotes(grown.url, None)
    after = clusters(grown)
    assert {member: cluster for member, cluster in after.items() if member[0] not in unrelated} == before
    smaller = Store(str(tmp_path / "smaller"))
    write_corpus(smaller, {aid: said for aid, said in ARTICLES.items() if aid != FOUR})
    quotes.cluster_quotes(smaller.url, None)
    assert clusters(smaller) == {member: cluster for member, cluster in before.items() if member[0] != FOUR}
