"""The import graph read from the sources, and the code hashes that make the stages' versions."""

import pytest

from flows import versions


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A small project of the same shape (a `flows` namespace package, a `transforms` package)."""
    (tmp_path / "flows" / "stages").mkdir(parents=True)
    (tmp_path / "transforms").mkdir()
    files = {
        "transforms/__init__.py": '"""Transforms."""\n',
        "transforms/words.py": "import re\n\nWORD = re.compile(r'\\w+')\n",
        "transforms/split.py": "from transforms.words import WORD\n",
        "transforms/lazy.py": "def f():\n    from transforms import words\n    return words\n",
        "transforms/other.py": "X = 1\n",
        "transforms/model.py": 'DATA_FILES = ("model.bin",)\n',
        "transforms/model.bin": "weights 1",
        "flows/stages/one.py": "from transforms import split\nfrom . import two\n",
        "flows/stages/two.py": "import polars\n",
    }
    for path, text in files.items():
        (tmp_path / path).write_text(text)
    monkeypatch.setattr(versions, "ROOT", tmp_path)
    caches = (versions.imports, versions.data_files, versions.code_hash)
    for cached in caches:
        cached.cache_clear()
    yield tmp_path
    for cached in caches:
        cached.cache_clear()


def test_imports_name_project_modules_only_with_their_packages(project):
    assert versions.imports("transforms.split") == ("transforms.words",)  # not its own package
    assert versions.imports("flows.stages.one") == ("flows.stages.two", "transforms", "transforms.split")
    assert versions.imports("flows.stages.two") == ()  # polars is not the project's
    assert versions.imports("transforms.lazy") == ("transforms", "transforms.words")  # inside a function too


def test_the_closure_follows_imports_transitively(project):
    assert versions.closure("flows.stages.one") == (
        "flows.stages.one",
        "flows.stages.two",
        "transforms",
        "transforms.split",
        "transforms.words",
    )


def test_the_code_hash_changes_with_any_module_imported_and_no_other(project):
    before = versions.code_hash("flows.stages.one")
    (project / "transforms" / "other.py").write_text("X = 2\n")
    versions.code_hash.cache_clear()
    assert versions.code_hash("flows.stages.one") == before
    (project / "transforms" / "words.py").write_text("import re\n\nWORD = re.compile(r'\\w+|\\d')\n")
    versions.code_hash.cache_clear()
    assert versions.code_hash("flows.stages.one") != before


def test_the_data_files_a_module_names_count_as_its_source(project):
    before = versions.code_hash("transforms.model")
    (project / "transforms" / "model.bin").write_text("weights 2")
    versions.code_hash.cache_clear()
    assert versions.code_hash("transforms.model") != before
    assert versions.data_files("transforms.other") == ()


def test_cycles_are_found(project):
    assert versions.cycles() == []
    (project / "transforms" / "words.py").write_text("from transforms import split\n")
    versions.imports.cache_clear()
    assert versions.cycles() == [["transforms.split", "transforms.words", "transforms.split"]]


def test_a_package_importing_its_own_modules_is_no_cycle(project):
    (project / "transforms" / "pkg").mkdir()
    (project / "transforms" / "pkg" / "__init__.py").write_text("from transforms.pkg.a import f\n")
    (project / "transforms" / "pkg" / "a.py").write_text("from transforms.pkg.b import g\n\nf = g\n")
    (project / "transforms" / "pkg" / "b.py").write_text("def g():\n    return 1\n")
    assert versions.imports("transforms.pkg.a") == ("transforms.pkg.b",)
    assert versions.closure("transforms.pkg") == ("transforms.pkg", "transforms.pkg.a", "transforms.pkg.b")
    assert versions.cycles() == []
    (project / "transforms" / "pkg" / "b.py").write_text("from transforms.pkg import f\n")  # names from the package
    versions.imports.cache_clear()
    assert versions.cycles() == [["transforms.pkg", "transforms.pkg.a", "transforms.pkg.b", "transforms.pkg"]]


def test_modules_lists_every_module_and_package(project):
    assert versions.modules() == [
        "flows.stages.one",
        "flows.stages.two",
        "transforms",
        "transforms.lazy",
        "transforms.model",
        "transforms.other",
        "transforms.split",
        "transforms.words",
    ]


def test_a_name_outside_the_project_is_refused(project):
    with pytest.raises(ValueError, match="not a module of the project"):
        versions.imports("polars")
