"""End to end: the pipeline flow on the seeds (plus a binary file) in a Prefect test harness."""

import shutil
from pathlib import Path

import polars as pl
import pytest

from tests.seeds_check import check

SEEDS = Path(__file__).parents[2] / "seeds"
# The bar the acceptance checker sets: quote F1 and speaker accuracy.
MIN_QUOTE_F1 = 0.95
MIN_SPEAKER = 0.95


class CountingWorkers:
    """Workers that run the work in the task's own process and count what they were given."""

    def __init__(self):
        self.calls, self.renewed, self.renewed_ahead = [], 0, 0

    def run(self, fn, *args):
        self.calls.append(fn.__name__)
        return fn(*args)

    def renew_ahead(self):
        self.renewed_ahead += 1

    def renew(self):
        self.renewed += 1


@pytest.fixture(scope="module")
def seeds_run(prefect_server, tmp_path_factory):
    """The seeds run, with the run's workers and progress reporter passed in as objects."""
    from flows.pipeline import pipeline
    from flows.settings import Settings

    inp = tmp_path_factory.mktemp("input")
    for f in SEEDS.iterdir():
        shutil.copy(f, inp / f.name)
    (inp / "nested").mkdir()
    (inp / "nested" / "image.txt").write_bytes(bytes(range(256)) * 16)
    out = tmp_path_factory.mktemp("output")
    workers, progress = CountingWorkers(), []

    def report(*event) -> None:
        progress.append(event)

    result = pipeline(str(inp), str(out), settings=Settings(workers=2), workers=workers, progress=report)
    return inp, out, result | {"workers": workers, "progress": progress}


def test_the_run_uses_the_workers_and_progress_reporter_passed_in(seeds_run):
    _, _, result = seeds_run
    workers = result["workers"]
    assert {"scan_files", "ingest_bucket", "transform_chain", "corpus_step", "plan", "publish_bucket"} <= set(
        workers.calls
    )
    assert workers.calls.count("corpus_step") == 3 and workers.renewed == workers.renewed_ahead == 1
    last = {stage: (done, total, articles) for stage, done, total, articles in result["progress"]}
    assert list(last) == ["ingest", "clean", "paragraphs", "people", "quotes", "publish"]
    assert all(done == total for done, total, _ in last.values())
    assert last["quotes"][2] == 5


def test_seeds_dataset_matches_expectations(seeds_run):
    _, out, _ = seeds_run
    problems, scores = check(out)
    assert scores["quote_f1"] >= MIN_QUOTE_F1, problems
    assert scores["speaker"] >= MIN_SPEAKER, problems
    assert problems == []


def test_binary_input_is_a_reject_and_the_run_succeeds(seeds_run):
    _, out, result = seeds_run
    rejects = pl.read_parquet(out / "rejects").to_dicts()
    assert [(r["source_path"], r["reason"]) for r in rejects] == [("nested/image.txt", "binary")]
    assert result["articles"] == 5
    assert result["stages"] == ["ingest", "clean", "paragraphs", "people", "quotes", "publish"]


def test_every_table_loads_and_offsets_hold(seeds_run):
    _, out, _ = seeds_run
    articles = {r["article_id"]: r["text"] for r in pl.read_parquet(out / "articles").to_dicts()}
    for table in ("paragraphs", "quotes", "mentions"):
        for r in pl.read_parquet(out / table).to_dicts():
            assert articles[r["article_id"]][r["char_start"] : r["char_end"]] == r["text"]
    for table in ("people", "boilerplate"):
        assert pl.read_parquet(out / table).height > 0
    # every mention is one of a person's n_mentions, in one of their n_articles
    mentions = pl.read_parquet(out / "mentions").group_by("person_id")
    mentions = mentions.agg(m=pl.len(), a=pl.col("article_id").n_unique())
    people = pl.read_parquet(out / "people").join(mentions, on="person_id", how="left")
    assert people.height > 0
    assert people.select(mentions="m", articles="a").rows() == people.select("n_mentions", "n_articles").rows()
    card = (out / "README.md").read_text()
    assert "| articles | 5 |" in card
    assert "## Languages\n\nen (5)" in card
    assert "| cluster_id | string | quotes with the same" in card


def test_rerun_without_changes_recomputes_nothing(seeds_run):
    from flows.pipeline import pipeline
    from flows.settings import Settings

    inp, out, _ = seeds_run
    result = pipeline(str(inp), str(out), settings=Settings(workers=1))
    assert (result["new"], result["changed"], result["unchanged"], result["removed"]) == (0, 0, 6, 0)
    assert result["rewritten"] == []
    assert result["stages"] == ["ingest"]  # the later stages had nothing to do
    assert result["articles"] == 5


def test_run_publishes_prefect_artifacts(seeds_run):
    import asyncio

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    async def artifacts(key: str) -> list:
        async with get_client() as client:
            return await client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])))

    # Other tests' runs share the test server: look for this run's artifacts among them.
    assert any("5 articles, 1 rejects" in a.data for a in asyncio.run(artifacts("newscurate-summary")))
    assert any("Kim Jong Un" in str(a.data) for a in asyncio.run(artifacts("newscurate-speakers")))


def test_small_chunks_give_the_same_tables(seeds_run, tmp_path, monkeypatch):
    """Stages compute, and publishing writes, a chunk of articles at a time: chunk size changes nothing."""
    from flows import buckets, publish
    from flows.pipeline import pipeline
    from flows.settings import Settings

    inp, out, _ = seeds_run
    monkeypatch.setattr(buckets, "CHUNK", 2)
    monkeypatch.setattr(publish, "PUBLISH_CHUNK", 1)
    pipeline(str(inp), str(tmp_path), settings=Settings(workers=1))
    for table in ("articles", "paragraphs", "quotes", "people", "boilerplate", "rejects"):
        a = pl.read_parquet(out / table).sort(pl.all())
        b = pl.read_parquet(tmp_path / table).sort(pl.all())
        assert a.equals(b), table
