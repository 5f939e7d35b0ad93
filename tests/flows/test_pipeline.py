"""The flow's parts: stage order checks, change counts, time shares, and the run's workers and progress
reporter passed in as objects."""

import shutil
from pathlib import Path

import pytest

from flows.pipeline import StageOrderError, changes, pipeline, require, share
from flows.settings import Settings
from flows.storage import STATE, Store

SEEDS = Path(__file__).parents[2] / "seeds"


def test_a_stage_needs_only_upstream_stages_that_ran_before_or_run_before_it_now(tmp_path):
    store = Store(str(tmp_path))
    store.write_json(f"{STATE}/paragraphs.json", {"token": "t"})
    require(store, "quotes", done=["people"])
    with pytest.raises(StageOrderError, match="needs the results of stage 'people'"):
        require(store, "quotes", done=["clean"])
    with pytest.raises(StageOrderError, match="needs the results of stage 'ingest'.*--stage ingest"):
        require(store, "publish")


def test_changes_count_inputs_by_path_and_content():
    before = [{"source_path": "a", "article_id": "1"}, {"source_path": "b", "article_id": "2"}]
    now = [{"source_path": "a", "article_id": "1"}, {"source_path": "b", "article_id": "3"}]
    now.append({"source_path": "c", "article_id": "4"})
    assert changes(before, now) == {"new": 1, "changed": 1, "unchanged": 1, "removed": 0}
    assert changes(now, before[:1]) == {"new": 0, "changed": 0, "unchanged": 1, "removed": 2}


def test_stage_seconds_split_a_shared_wall_time_by_worker_time():
    assert share(10.0, {"clean": 3.0, "people": 1.0}) == {"clean": 7.5, "people": 2.5}
    assert share(4.0, {"people": 0.0, "quotes": 0.0}) == {"people": 2.0, "quotes": 2.0}


class CountingWorkers:
    """Workers that run the work in the task's own process and count what they were given."""

    def __init__(self):
        self.calls, self.renewed = [], 0

    def run(self, fn, *args):
        self.calls.append(fn.__name__)
        return fn(*args)

    def renew(self):
        self.renewed += 1


def test_the_run_s_workers_and_progress_reporter_are_the_objects_passed_in(prefect_server, tmp_path):
    inp = tmp_path / "in"
    shutil.copytree(SEEDS, inp)
    workers, progress = CountingWorkers(), []

    def report(*event) -> None:
        progress.append(event)

    result = pipeline(str(inp), str(tmp_path / "out"), settings=Settings(workers=2), workers=workers, progress=report)
    assert result["articles"] == 5
    assert {"scan_files", "ingest_bucket", "transform_chain", "corpus_step", "plan", "publish_bucket"} <= set(
        workers.calls
    )
    assert workers.calls.count("corpus_step") == 3 and workers.renewed == 1
    last = {stage: (done, total, articles) for stage, done, total, articles in progress}
    assert list(last) == ["ingest", "clean", "paragraphs", "people", "quotes", "publish"]
    assert all(done == total for done, total, _ in last.values())
    assert last["quotes"][2] == 5
