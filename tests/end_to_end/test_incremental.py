"""Incremental runs, single-stage reruns and cache invalidation, on the pipeline flow."""

import shutil
from pathlib import Path

import polars as pl
import pytest

from flows import work
from flows.graph import BUCKET_FOLDERS
from flows.pipeline import StageOrderError, pipeline
from flows.settings import Settings
from flows.storage import Store, bucket_count, bucket_of

SEEDS = Path(__file__).parents[2] / "seeds"
ONE = Settings(workers=1)


@pytest.fixture
def corpus(prefect_server, tmp_path):
    inp = tmp_path / "in"
    shutil.copytree(SEEDS, inp)
    return inp, tmp_path / "out"


def test_a_stage_before_its_inputs_names_the_stage_to_run_first(corpus):
    inp, out = corpus
    with pytest.raises(StageOrderError, match="needs the results of stage 'ingest'.*--stage ingest --stage clean"):
        pipeline(str(inp), str(out), only=["quotes"], settings=ONE)


def test_an_output_inside_the_input_folder_is_never_read_as_input(corpus):
    inp, _ = corpus
    out = inp / "out"
    first = pipeline(str(inp), str(out), settings=ONE)
    again = pipeline(str(inp), str(out), settings=ONE)
    assert (first["articles"], first["rejects"], first["new"]) == (5, 0, 5)
    assert (again["articles"], again["rejects"], again["new"], again["unchanged"]) == (5, 0, 0, 5)
    assert not any(path.startswith("out/") for path in pl.read_parquet(out / "rejects")["source_path"])


def test_only_new_changed_and_removed_inputs_count_and_tables_follow(corpus):
    inp, out = corpus
    pipeline(str(inp), str(out), settings=ONE)
    names = sorted(p.name for p in inp.iterdir())
    (inp / names[0]).unlink()
    changed = inp / names[1]
    changed.write_text(changed.read_text().replace("Kim", "Kim Jong Un", 1))
    (inp / "new.txt").write_text((inp / names[2]).read_text() + "\nA closing line added by the new copy.\n")
    result = pipeline(str(inp), str(out), settings=ONE)
    assert (result["new"], result["changed"], result["unchanged"], result["removed"]) == (1, 1, 3, 1)
    sources = set(pl.read_parquet(out / "articles")["source_path"])
    assert sources == {p.name for p in inp.iterdir()}


def test_a_rerun_on_the_same_files_runs_no_ingest_task_and_a_changed_file_does(corpus, monkeypatch):
    inp, out = corpus
    pipeline(str(inp), str(out), settings=ONE)
    real, calls = work.ingest_bucket, []
    monkeypatch.setattr(work, "ingest_bucket", lambda *args: calls.append(args[2]) or real(*args))
    result = pipeline(str(inp), str(out), settings=ONE)
    assert (result["stages"], result["unchanged"], calls) == (["ingest"], 5, [])
    changed = sorted(inp.iterdir())[0]
    changed.write_text(changed.read_text() + "\nA closing line added later.\n")
    result = pipeline(str(inp), str(out), settings=ONE)
    assert result["changed"] == 1 and len(calls) == bucket_count(Store(str(out)))


def test_duplicates_follow_the_corpus_and_a_publish_only_run_keeps_them(corpus):
    inp, out = corpus
    first = sorted(inp.iterdir())[0]
    (inp / "zz-copy.txt").write_text(first.read_text() + "\n\nA closing paragraph that only the copy has.\n")

    def copy_flags() -> tuple[str | None, int, int]:
        """The path of the article the copy duplicates; its repeated paragraphs, of all its paragraphs."""
        articles = pl.read_parquet(out / "articles")
        path_of = dict(zip(articles["article_id"], articles["source_path"], strict=True))
        copy = articles.filter(pl.col("source_path") == "zz-copy.txt")
        paragraphs = pl.read_parquet(out / "paragraphs").filter(pl.col("article_id") == copy["article_id"][0])
        return path_of.get(copy["duplicate_of"][0]), int(paragraphs["is_duplicate"].sum()), paragraphs.height

    pipeline(str(inp), str(out), settings=ONE)
    flags = copy_flags()
    assert flags[0] == first.name and flags[1] == flags[2] - 1 >= 2  # all but the closing paragraph
    pipeline(str(inp), str(out), only=["publish"], settings=ONE)
    assert copy_flags() == flags
    first.unlink()  # nothing earlier to duplicate, and fewer paragraphs repeated from earlier articles
    result = pipeline(str(inp), str(out), settings=ONE)
    after = copy_flags()
    assert "paragraphs" in result["stages"] and after[0] is None and after[1] < flags[1]


def test_single_stage_rerun_rewrites_only_its_tables(corpus):
    inp, out = corpus
    pipeline(str(inp), str(out), settings=ONE)

    def inodes(table: str) -> list[int]:  # an unchanged table's parts are carried over, not rewritten
        return sorted(p.stat().st_ino for p in (out / table).iterdir())

    before = {t: inodes(t) for t in ("articles", "people", "boilerplate", "quotes")}
    result = pipeline(str(inp), str(out), only=["quotes"], settings=ONE)
    assert result["stages"] == ["quotes", "publish"]
    assert result["rewritten"] == ["quotes"]
    # the inputs are not rescanned: all five count as unchanged, as the last scan found them
    assert [result[k] for k in ("new", "changed", "unchanged", "removed")] == [0, 0, 5, 0]
    after = {t: inodes(t) for t in before}
    assert [t for t in before if before[t] != after[t]] == ["quotes"]


def test_stages_asked_for_together_run_in_order_and_recompute_the_same_tables(corpus):
    inp, out = corpus
    pipeline(str(inp), str(out), settings=ONE)
    before = tables(out)
    result = pipeline(str(inp), str(out), only=["quotes", "people"], settings=ONE)
    assert result["stages"] == ["people", "quotes", "publish"]
    assert set(result["seconds"]) == {"people", "quotes", "publish", "report"}
    after = tables(out)
    assert all(after[t].equals(before[t]) for t in before)


def tables(out: Path) -> dict[str, pl.DataFrame]:
    names = ("articles", "paragraphs", "quotes", "people", "boilerplate", "rejects")
    return {t: pl.read_parquet(out / t).sort(pl.all()) for t in names}


def test_buckets_double_as_the_corpus_grows_and_results_move_without_recomputing(prefect_server, tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    for i, seed in enumerate(sorted(SEEDS.iterdir()) * 8):  # 40 articles
        (inp / f"{i:02d}.txt").write_text(seed.read_text() + f"\nA closing line, number {i}, unique to this copy.\n")
    small, grown, fresh = tmp_path / "small", tmp_path / "grown", tmp_path / "fresh"
    pipeline(str(inp), str(small), settings=ONE)
    assert bucket_count(Store(str(small))) == 16
    shutil.copytree(small, grown, symlinks=True)

    # At most one article per bucket: 16 buckets become 32, then 64.
    result = pipeline(str(inp), str(grown), settings=Settings(workers=1, bucket_articles=1))
    assert bucket_count(Store(str(grown))) == 64
    assert result["stages"] == ["ingest"]  # nothing recomputed: no stage's input changed
    for folder in BUCKET_FOLDERS:
        for part in (grown / folder).glob("*.parquet"):
            ids = pl.read_parquet(part)["article_id"].to_list()
            assert {bucket_of(a, 64) for a in ids} <= {int(part.stem)}, part
    expected = tables(small)
    assert all(t.equals(expected[name]) for name, t in tables(grown).items())

    # A run that starts with 64 buckets gives the same tables (quote clusters included).
    pipeline(str(inp), str(fresh), settings=Settings(workers=1, bucket_articles=1))
    assert all(t.equals(expected[name]) for name, t in tables(fresh).items())


def test_a_report_that_fails_leaves_the_run_and_its_tables_done(corpus, monkeypatch):
    from flows import report_page

    def broken(output_url: str) -> dict:
        raise RuntimeError("no report today")

    monkeypatch.setattr(report_page, "build", broken)
    inp, out = corpus
    result = pipeline(str(inp), str(out), settings=ONE)
    assert result["report"] is None and "report" not in result["seconds"]
    assert pl.read_parquet(out / "articles").height == 5
