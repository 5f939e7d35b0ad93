"""The people stage: one article's mentions, and its corpus step (the people table)."""

import pyarrow as pa

from flows.buckets import bucket_path
from flows.stages import people
from flows.storage import MIN_BUCKETS, Store, bucket_of
from transforms import schemas
from transforms.people import PeopleOptions, person_id

OPTIONS = PeopleOptions()


def paragraphs(*texts: str) -> dict:
    return {"paragraphs": [{"text": t, "kind": "body", "n_sentences": 1} for t in texts]}


def test_a_row_holds_the_article_s_mentions_resolved_inside_it():
    up = paragraphs("Ana Torres met the press.", "Torres said little.")
    row = people.row(up, OPTIONS)
    assert row["status"] == "ok"
    assert [(m["surface"], m["name"]) for m in row["mentions"]] == [
        ("Ana Torres", "Ana Torres"),
        ("Torres", "Ana Torres"),
    ]
    # the stage's options reach the finder: no name of more than one word, so no full name to resolve to
    assert people.row(up, PeopleOptions(max_name_tokens=1))["mentions"] == []


def test_the_title_resolves_the_paragraphs_short_names_but_gives_no_mention():
    up = paragraphs("Mr Okafor would not say.") | {"title": "Council presses Benedict Okafor on roads"}
    mentions = people.row(up, OPTIONS)["mentions"]
    assert [(m["surface"], m["name"]) for m in mentions] == [("Mr Okafor", "Benedict Okafor")]
    untitled = paragraphs("Mr Okafor would not say.") | {"title": None}
    assert [m["name"] for m in people.row(untitled, OPTIONS)["mentions"]] == ["Okafor"]


def test_the_people_table_joins_mentions_only_through_a_full_name(tmp_path):
    store = Store(str(tmp_path))
    articles = {
        "1111" + "0" * 12: paragraphs("Ana Torres spoke first.", "Then Ana Torres left."),
        "2222" + "0" * 12: paragraphs('"No," said Ms Torres.', "Ben Okafor said so."),
    }
    rows: dict[int, list[dict]] = {}
    for aid, up in articles.items():
        rows.setdefault(bucket_of(aid, MIN_BUCKETS), []).append(
            people.row(up, OPTIONS) | {"article_id": aid, "version": "v"}
        )
    for b in range(MIN_BUCKETS):
        store.write_table(bucket_path("people", b), pa.Table.from_pylist(rows.get(b, []), schema=people.RESULTS))
    assert people.build_people(store.url, OPTIONS) == 3
    table = store.read_table(people.PEOPLE_STATE)
    assert table.schema == schemas.PEOPLE
    got = {r["person_id"]: (r["name"], r["aliases"], r["n_mentions"], r["n_articles"]) for r in table.to_pylist()}
    assert got == {
        person_id("Ana Torres"): ("Ana Torres", ["Ana Torres"], 2, 1),
        # the second article never writes her full name: its "Torres" is a person of that article only
        person_id("Torres", "2222" + "0" * 12): ("Torres", ["Ms Torres"], 1, 1),
        person_id("Ben Okafor"): ("Ben Okafor", ["Ben Okafor"], 1, 1),
    }
