"""The stage graph: one record per stage, and versions that follow code, options and upstream stages."""

import dataclasses

import pytest

from flows.graph import BUCKET_FOLDERS, NAMES, STAGE, STAGES, TRANSFORMS, sources, stage_version
from flows.settings import Settings
from transforms import schemas
from transforms.clean import CleanOptions
from transforms.paragraphs import ParagraphOptions
from transforms.people import PeopleOptions
from transforms.quotes.options import QuoteOptions


def test_stages_run_in_order_and_read_only_earlier_stages():
    assert NAMES == ("ingest", "clean", "paragraphs", "people", "quotes", "publish")
    for i, stage in enumerate(STAGES):
        assert set(stage.reads) <= set(NAMES[:i]), stage.name
    assert TRANSFORMS == ("clean", "paragraphs", "people", "quotes")


@pytest.mark.parametrize("stage", [s for s in STAGES if s.results is not None], ids=lambda s: s.name)
def test_the_columns_a_stage_reads_are_in_its_upstream_results(stage):
    for up, columns in stage.reads.items():
        assert set(columns) <= set(STAGE[up].results.names), (stage.name, up)


def test_publish_reads_every_stage_and_every_table_has_sources():
    assert list(STAGE["publish"].reads) == list(NAMES[:-1])
    assert {t: sources(t) for t in schemas.TABLES} == {
        "articles": ("ingest", "clean", "paragraphs"),
        "paragraphs": ("paragraphs",),
        "quotes": ("paragraphs", "people", "quotes"),
        "people": ("people",),
        "mentions": ("paragraphs", "people"),
        "boilerplate": ("clean",),
        "rejects": ("ingest", "clean"),
    }


def test_bucket_folders_hold_the_stages_results_and_their_corpus_steps_per_bucket_results():
    assert BUCKET_FOLDERS == (
        "_state/ingest",
        "_state/clean",
        "_state/paragraphs",
        "_state/people",
        "_state/quotes",
        "_state/repeated_paragraphs",
        "_state/quote_clusters",
    )


def test_versions_are_distinct_and_deterministic():
    versions = {s: stage_version(s, Settings()) for s in NAMES}
    assert len(set(versions.values())) == len(versions)
    assert stage_version("quotes", Settings()) == versions["quotes"]


def test_options_change_the_version_of_their_stage_and_of_the_stages_after_it():
    default = Settings()
    other = dataclasses.replace(default, clean=CleanOptions(rule_penalty=12.0))
    changed = [s for s in NAMES if stage_version(s, other) != stage_version(s, default)]
    assert changed == ["clean", "paragraphs", "people", "quotes", "publish"]
    other = dataclasses.replace(default, paragraphs=ParagraphOptions(max_paragraphs=10))
    assert stage_version("clean", other) == stage_version("clean", default)
    assert stage_version("paragraphs", other) != stage_version("paragraphs", default)
    other = dataclasses.replace(default, people=PeopleOptions(max_name_tokens=4))
    assert [s for s in NAMES if stage_version(s, other) != stage_version(s, default)] == ["people", "quotes", "publish"]
    other = dataclasses.replace(default, quotes=QuoteOptions(max_after_tokens=8))
    assert [s for s in NAMES if stage_version(s, other) != stage_version(s, default)] == ["quotes", "publish"]
    run_only = dataclasses.replace(default, workers=7, bucket_articles=10)  # not options of any stage
    assert all(stage_version(s, run_only) == stage_version(s, default) for s in NAMES)


def test_a_stage_gets_the_options_named_after_it():
    settings = Settings(clean=CleanOptions(prose_offset=7))
    assert STAGE["clean"].options(settings).prose_offset == 7
    assert STAGE["people"].options(settings) == PeopleOptions()
    assert STAGE["publish"].options(settings) is None
