"""The tasks' work as plain functions: ingest a bucket, run the transform stages over it, a corpus step."""

import pyarrow as pa

from flows import work
from flows.buckets import bucket_path, read_index
from flows.graph import TRANSFORMS
from flows.settings import Settings
from flows.stages import paragraphs, people, quotes
from flows.storage import Store, bucket_of, content_id
from transforms.paragraphs import ParagraphOptions

STORY = (
    "Ferry terminal to open in spring\n\n"
    '"The terminal will open in April," said Mara Lind, the harbour director.\n\n'
    "Lind said the old pier would become a park, and that the council had agreed to pay for it.\n"
)


def ingested(tmp_path, files: dict[str, bytes]) -> tuple[Store, int]:
    """Ingest ``files`` whose ids all fall in one bucket; returns the output store and that bucket."""
    (tmp_path / "in").mkdir()
    for name, data in files.items():
        (tmp_path / "in" / name).write_bytes(data)
    items = [(content_id(data), name) for name, data in files.items()]
    (bucket,) = {bucket_of(aid, 16) for aid, _ in items}
    out = Store(str(tmp_path / "out"))
    got = work.ingest_bucket(str(tmp_path / "in"), out.url, bucket, items, Settings(), False)
    assert (got["computed"], got["changed"]) == (len(files), True)
    return out, bucket


def test_a_bucket_goes_through_every_transform_stage_and_a_rerun_computes_nothing(tmp_path):
    out, bucket = ingested(tmp_path, {"story.txt": STORY.encode()})
    chain = list(TRANSFORMS)
    first = work.transform_chain(chain, out.url, bucket, Settings(), False)
    assert list(first) == chain and all(r["computed"] == 1 and r["seconds"] >= 0 for r in first.values())
    row = out.read_table(bucket_path("quotes", bucket)).to_pylist()[0]
    assert [(q["text"], q["speaker"]) for q in row["quotes"]] == [("The terminal will open in April,", "Mara Lind")]
    again = work.transform_chain(chain, out.url, bucket, Settings(), False)
    assert all(r["computed"] == 0 and not r["changed"] for r in again.values())


def test_a_stage_reading_two_stages_gets_their_columns_merged_and_only_ok_articles(tmp_path):
    out = Store(str(tmp_path))
    ok, failed = "0000" + "a" * 12, "0000" + "b" * 12
    text = '"We are ready," said Mara Lind.'
    para_rows = [
        paragraphs.row({"text": text}, Settings().paragraphs) | {"article_id": ok, "version": "v"},
        {
            "article_id": failed,
            "version": "v",
            "status": "no_content",
            "detail": "x",
            "paragraphs": [],
            "fingerprints": [],
        },
    ]
    out.write_table(bucket_path("paragraphs", 0), pa.Table.from_pylist(para_rows, schema=paragraphs.RESULTS))
    mentions = [{"paragraph_index": 0, "start": 20, "end": 29, "surface": "Mara Lind", "name": "Mara Lind"}]
    people_rows = [{"article_id": ok, "version": "v", "status": "ok", "detail": None, "mentions": mentions}]
    out.write_table(bucket_path("people", 0), pa.Table.from_pylist(people_rows, schema=people.RESULTS))
    got = work.transform_bucket("quotes", out.url, 0, Settings(), False)
    assert (got["articles"], got["computed"]) == (1, 1)
    assert read_index(out, "quotes", 0, "status") == {ok: "ok"}
    (row,) = out.read_table(bucket_path("quotes", 0)).to_pylist()
    assert [(q["speaker_text"], q["speaker"]) for q in row["quotes"]] == [("Mara Lind", "Mara Lind")]


def test_other_options_recompute_their_stage(tmp_path):
    out, bucket = ingested(tmp_path, {"story.txt": STORY.encode()})
    chain = list(TRANSFORMS)
    work.transform_chain(chain, out.url, bucket, Settings(), False)
    other = Settings(paragraphs=ParagraphOptions(max_paragraphs=1))
    got = work.transform_chain(chain, out.url, bucket, other, False)
    assert {s: r["computed"] for s, r in got.items()} == {"clean": 0, "paragraphs": 1, "people": 1, "quotes": 1}


def test_a_corpus_step_runs_and_says_how_long_it_took(tmp_path):
    out, bucket = ingested(tmp_path, {"story.txt": STORY.encode()})
    work.transform_chain(list(TRANSFORMS), out.url, bucket, Settings(), False)
    assert work.corpus_step("quotes", out.url, Settings()) >= 0
    clusters = out.read_table(f"{quotes.CLUSTERS_STATE}/{bucket:02d}.parquet").to_pylist()
    assert len(clusters) == 1 and clusters[0]["cluster_id"] is not None
