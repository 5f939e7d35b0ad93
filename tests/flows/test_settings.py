"""Run settings: one options object per stage that has tuned numbers, named after the stage."""

import dataclasses

from flows.graph import NAMES
from flows.settings import Settings
from flows.stages.ingest import IngestOptions
from transforms.clean import CleanOptions
from transforms.paragraphs import ParagraphOptions
from transforms.people import PeopleOptions
from transforms.quotes.options import QuoteOptions


def test_every_options_field_is_named_after_a_stage():
    options = [f.name for f in dataclasses.fields(Settings) if f.type.endswith("Options")]
    assert options == ["ingest", "clean", "paragraphs", "people", "quotes"]
    assert set(options) <= set(NAMES)


def test_defaults_are_the_stages_own_defaults_and_settings_are_picklable():
    import pickle

    settings = Settings()
    assert (settings.ingest, settings.clean, settings.paragraphs, settings.people, settings.quotes) == (
        IngestOptions(),
        CleanOptions(),
        ParagraphOptions(),
        PeopleOptions(),
        QuoteOptions(),
    )
    assert pickle.loads(pickle.dumps(settings)) == settings
