"""The flow's parts: stage order checks, time shares, waiting for bucket tasks (the flow itself
runs in tests/end_to_end/)."""

import pytest

from flows.pipeline import Run, StageOrderError, gather, require, share
from flows.settings import Settings
from flows.storage import STATE, Store
from flows.workers import InProcess


def test_a_stage_needs_only_upstream_stages_that_ran_before_or_run_before_it_now(tmp_path):
    store = Store(str(tmp_path))
    store.write_json(f"{STATE}/paragraphs.json", {"token": "t"})
    require(store, "quotes", done=["people"])
    with pytest.raises(StageOrderError, match="needs the results of stage 'people'"):
        require(store, "quotes", done=["clean"])
    with pytest.raises(StageOrderError, match="needs the results of stage 'ingest'.*--stage ingest"):
        require(store, "publish")


def test_the_stage_order_message_names_the_first_stage_that_must_run_and_every_one_missing(tmp_path):
    store = Store(str(tmp_path))
    with pytest.raises(StageOrderError) as fresh:
        require(store, "quotes")
    assert "needs the results of stage 'ingest', which has not run (missing: ingest, clean, paragraphs, people)" in str(
        fresh.value
    )
    assert "`newscurate run --stage ingest --stage clean --stage paragraphs --stage people`" in str(fresh.value)
    store.write_json(f"{STATE}/ingest.json", {"token": "t"})
    with pytest.raises(StageOrderError, match="stage 'clean', which has not run .missing: clean, paragraphs, people."):
        require(store, "quotes")


def test_stage_seconds_split_a_shared_wall_time_by_worker_time():
    assert share(10.0, {"clean": 3.0, "people": 1.0}) == {"clean": 7.5, "people": 2.5}
    assert share(4.0, {"people": 0.0, "quotes": 0.0}) == {"people": 2.0, "quotes": 2.0}


class Finished:
    """A bucket task's future that has finished (what ``prefect.futures.as_completed`` reads of one)."""

    def __init__(self, articles: int):
        self._final_state = True
        self.articles = articles

    def result(self) -> dict:
        return {"articles": self.articles}


@pytest.mark.parametrize(("tasks", "progress_before"), [(5, 3), (2, 0), (1, 0)])
def test_draining_is_called_once_as_soon_as_fewer_tasks_are_left_than_workers(tasks, progress_before):
    progress, drained = [], []
    run = Run("in", "out", Settings(workers=2), None, InProcess(), lambda *event: progress.append(event))
    futures = [Finished(n) for n in range(tasks)]
    results = gather(run, ["clean"], futures, draining=lambda: drained.append(len(progress)))
    # 5 tasks on 2 workers: the 4th result leaves one task, so a worker is idle (called before that
    # result's progress, after 3 reported); 2 tasks: after the 1st result; 1 task: at once
    assert drained == [progress_before] and len(results) == tasks
    assert [event[1:3] for event in progress] == [(k, tasks) for k in range(1, tasks + 1)]
    assert progress[-1][3] == sum(range(tasks))
