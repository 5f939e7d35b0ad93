"""The package's layout: no import cycle, every module importable on its own, tests mirroring modules."""

import subprocess
import sys
from pathlib import Path

import pytest

from flows import versions

TESTS = Path(__file__).parent
# Modules of data or types only, tested through the modules that use them.
DATA_ONLY = {
    "transforms": "the package's docstring",
    "transforms.records": "result types: their Arrow forms are tested in transforms/test_schemas.py",
    "transforms.chrome_vocab": "vocabulary of the clean stage (transforms/test_clean.py)",
    "transforms.speech_vocab": "vocabulary of people and quotes (transforms/test_people.py, test_quotes.py)",
    "transforms.first_names": "the first-name table (transforms/test_people.py, test_metadata.py)",
    "transforms.quotes.kind_model": "the kind model's weights, written by make train (transforms/quotes/test_kind.py)",
    "transforms.quotes.options": "the quotes stage's options (transforms/quotes/test_*.py, flows/test_settings.py)",
}


def test_the_package_has_no_import_cycle():
    assert versions.cycles() == []


@pytest.mark.parametrize("module", versions.modules())
def test_every_module_imports_on_its_own(module):
    got = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, timeout=120)
    assert got.returncode == 0, got.stderr


def test_every_module_has_its_test_module():
    missing = []
    for module in versions.modules():
        parts = module.split(".")
        if module not in DATA_ONLY and not (TESTS.joinpath(*parts[:-1]) / f"test_{parts[-1]}.py").is_file():
            missing.append(module)
    assert missing == []
