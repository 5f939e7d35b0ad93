"""What a run would have to do: change counts, and the check that lets an unchanged rerun stop early."""

import shutil
from pathlib import Path

import pytest

from flows import report_page
from flows.settings import Settings
from flows.staleness import changes, nothing_to_do
from flows.storage import Store, output_lock
from transforms.clean import CleanOptions

SEEDS = Path(__file__).parents[2] / "seeds"
ONE = Settings(workers=1)


def test_changes_count_inputs_by_path_and_content():
    before = [{"source_path": "a", "article_id": "1"}, {"source_path": "b", "article_id": "2"}]
    now = [{"source_path": "a", "article_id": "1"}, {"source_path": "b", "article_id": "3"}]
    now.append({"source_path": "c", "article_id": "4"})
    assert changes(before, now) == {"new": 1, "changed": 1, "unchanged": 1, "removed": 0}
    assert changes(now, before[:1]) == {"new": 0, "changed": 0, "unchanged": 1, "removed": 2}


@pytest.fixture(scope="module")
def last_run(prefect_server, tmp_path_factory):
    """An input folder (the seeds, a copy of one, a binary file) and the output of a run over it."""
    from flows.pipeline import pipeline

    inp = tmp_path_factory.mktemp("input")
    shutil.copytree(SEEDS, inp, dirs_exist_ok=True)
    first = sorted(inp.iterdir())[0]
    shutil.copy(first, inp / "copy.txt")  # a duplicate: a reject of the last scan too
    (inp / "image.bin").write_bytes(bytes(range(256)) * 8)
    out = tmp_path_factory.mktemp("output")
    return inp, out, pipeline(str(inp), str(out), settings=ONE)


@pytest.fixture
def run(last_run, tmp_path):
    """A private copy of the last run's input and output, for a test to change."""
    inp, out, result = last_run
    shutil.copytree(inp, tmp_path / "in")
    shutil.copytree(out, tmp_path / "out")
    return tmp_path / "in", tmp_path / "out", result


def test_an_unchanged_rerun_has_the_last_run_s_report_and_no_stage(run):
    inp, out, result = run
    idle = nothing_to_do(str(inp), str(out), ONE)
    assert idle is not None
    assert (idle["stages"], idle["seconds"], idle["worker_pids"], idle["rewritten"]) == ([], {}, [], [])
    counted = len(list(Store(str(inp)).list_files()))
    assert (idle["new"], idle["changed"], idle["unchanged"], idle["removed"]) == (0, 0, counted, 0)
    for key in ("articles", "rejects", "tables", "rejects_by_reason", "boilerplate_by_reason"):
        assert idle[key] == result[key], key
    assert idle["report"] == report_page.index(Store(str(out)))


def change_one_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] = ord("x") if data[len(data) // 2] != ord("x") else ord("y")
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda inp, out: change_one_byte(sorted(inp.glob("*.txt"))[-1]), id="same size, other bytes"),
        pytest.param(lambda inp, out: (inp / "new.txt").write_text("A new article.\n"), id="a new file"),
        pytest.param(lambda inp, out: (inp / "image.bin").unlink(), id="a removed file"),
        pytest.param(lambda inp, out: (out / "report" / "index.html").unlink(), id="the report gone"),
        pytest.param(lambda inp, out: (out / "quotes").rename(out / "moved"), id="a table gone"),
        pytest.param(lambda inp, out: (out / "_state" / "people.json").unlink(), id="a stage's state gone"),
    ],
)
def test_any_change_to_the_inputs_or_the_output_means_work(run, change):
    inp, out, _ = run
    change(inp, out)
    assert nothing_to_do(str(inp), str(out), ONE) is None


def test_other_options_or_more_articles_than_the_buckets_hold_mean_work(run):
    inp, out, _ = run
    assert nothing_to_do(str(inp), str(out), Settings(workers=1, clean=CleanOptions(prose_min_words=6))) is None
    assert nothing_to_do(str(inp), str(out), Settings(workers=1, bucket_articles=0)) is None  # buckets would split
    assert nothing_to_do(str(inp), str(out), ONE) is not None


def test_an_output_another_run_holds_or_that_never_ran_is_left_to_the_run(run, tmp_path):
    inp, out, _ = run
    with output_lock(Store(str(out)), wait=False):
        assert nothing_to_do(str(inp), str(out), ONE) is None
    assert nothing_to_do(str(inp), str(tmp_path / "never"), ONE) is None
