"""Incremental runs, single-stage reruns and cache invalidation, on the pipeline flow."""

import shutil
from pathlib import Path

import polars as pl
import pytest

from flows import stages
from flows.pipeline import StageOrderError, pipeline
from flows.settings import Settings
from flows.storage import Store

SEEDS = Path(__file__).parent.parent / "seeds"
ONE = Settings(workers=1)


@pytest.fixture
def corpus(prefect_server, tmp_path):
    inp = tmp_path / "in"
    shutil.copytree(SEEDS, inp)
    return inp, tmp_path / "out"


def test_a_stage_before_its_inputs_names_the_stage_to_run_first(corpus):
    inp, out = corpus
    with pytest.raises(StageOrderError, match="needs the results of stage 'paragraphs'.*--stage paragraphs"):
        pipeline(str(inp), str(out), only=["quotes"], settings=ONE)


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


def test_single_stage_rerun_rewrites_only_its_tables(corpus):
    inp, out = corpus
    pipeline(str(inp), str(out), settings=ONE)
    def inodes(table: str) -> list[int]:  # an unchanged table's parts are carried over, not rewritten
        return sorted(p.stat().st_ino for p in (out / table).iterdir())

    before = {t: inodes(t) for t in ("articles", "people", "boilerplate", "quotes")}
    result = pipeline(str(inp), str(out), only=["quotes"], settings=ONE)
    assert result["stages"] == ["quotes", "publish"]
    assert result["rewritten"] == ["quotes"]
    after = {t: inodes(t) for t in before}
    assert [t for t in before if before[t] != after[t]] == ["quotes"]


def test_a_new_stage_version_recomputes_that_stage(tmp_path, monkeypatch):
    store = Store(str(tmp_path))
    calls = []

    def compute(aid, up):
        calls.append(aid)
        return {"status": "ok", "detail": None, "paragraphs": [], "fingerprints": []}

    def load(ids):
        return {aid: {} for aid in ids}

    def update(wanted):
        return stages.update_bucket(store, "paragraphs", 0, wanted, load, compute, force=False)

    monkeypatch.setattr(stages, "stage_version", lambda stage: "v1")
    assert update(["a1", "a2"])["computed"] == 2
    assert update(["a1", "a2"])["changed"] is False
    monkeypatch.setattr(stages, "stage_version", lambda stage: "v2")
    assert update(["a1", "a2"])["computed"] == 2
    dropped = update(["a2"])  # a1 is gone, a2 is kept as it is
    assert (dropped["changed"], dropped["computed"], dropped["articles"]) == (True, 0, 1)
    assert calls == ["a1", "a2", "a1", "a2"]


def test_stage_versions_follow_code_and_upstream():
    versions = {s: stages.stage_version(s) for s in stages.STAGES}
    assert len(set(versions.values())) == len(versions)
    assert stages.stage_version("quotes") == versions["quotes"]  # deterministic
