"""The project's own import graph, read from the sources (nothing is imported), and hashes of code.

A stage's version hashes the source of its module and of every project module that module
imports, directly or through others (``closure``): editing any code a stage runs recomputes
the stage, and no list of modules is kept by hand. Imports inside functions count too.

A module that reads a data file shipped beside it (a vocabulary, a trained model) names it in
a module-level ``DATA_FILES = ("name.ext", ...)``, relative to the module's folder: the file's
bytes then count as the module's source.
"""

from __future__ import annotations

import ast
import hashlib
import re
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The project's top-level packages (`flows` has no __init__.py: a namespace package).
PACKAGES = ("flows", "transforms")


def module_file(name: str) -> Path | None:
    """The source file of a project module or package (its __init__.py), None for anything else."""
    if name.split(".")[0] not in PACKAGES:
        return None
    base = ROOT.joinpath(*name.split("."))
    for path in (base.with_suffix(".py"), base / "__init__.py"):
        if path.is_file():
            return path
    return None


def modules() -> list[str]:
    """Every module of the project, by name (packages by their __init__.py)."""
    names = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


# An import statement at the start of a line: ``from X import names`` (names in brackets may span
# lines) or ``import X, Y``. Read with a regular expression, not parsed: ast.parse and a walk of the
# trees took 0.32 s for the project, on the critical path of every run's start, this takes 4 ms.
# A docstring line that reads like an import can only add a module to a hash, never drop one.
IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+([.\w]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+)|import[ \t]+([^\n#;]+))", re.M)
DATA_FILES = re.compile(r"^DATA_FILES[ \t]*=[ \t]*(\([^)]*\))", re.M)


def source(name: str) -> str:
    path = module_file(name)
    if path is None:
        raise ValueError(f"not a module of the project: {name}")
    return path.read_text(encoding="utf-8")


@cache
def imports(name: str) -> tuple[str, ...]:
    """The project modules ``name`` imports: ``import a.b`` and ``from a import b`` name a.b (and the
    package a when it has an __init__.py); ``from a.b import f`` names a.b.  The packages above
    ``name`` itself are named only when imported by name (``from a import b`` in a.c names a, ``from
    a.b import f`` does not): Python ran them before ``name``, and whatever imports ``name`` names
    them already, so a package's __init__.py importing its own modules is no cycle."""
    text = source(name)
    package = name if module_file(name).name == "__init__.py" else name.rpartition(".")[0]
    above = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
    found: list[str] = []
    for base, names, modules in IMPORT.findall(text):
        if modules:  # import a.b as c, d
            targets = [m.split(" as ")[0].strip() for m in modules.split(",")]
        else:
            level = len(base) - len(base.lstrip("."))
            if level:  # relative: from . import x, from ..a import b
                parent = package.split(".")[: len(package.split(".")) - level + 1]
                base = ".".join([*parent, base[level:]] if base[level:] else parent)
            imported = [n.split(" as ")[0].strip() for n in names.strip("()").replace("\\", " ").split(",")]
            targets = [base, *(f"{base}.{n}" for n in imported if n)]
        for target in targets:
            parts = target.split(".")
            # a module and the packages above it (but ``name``'s own), when they are project modules with a source file
            found += [
                m
                for i in range(1, len(parts) + 1)
                if ((m := ".".join(parts[:i])) == target or m not in above) and module_file(m) is not None
            ]
    return tuple(sorted(set(found) - {name}))


@cache
def data_files(name: str) -> tuple[Path, ...]:
    """The data files a module names in its module-level ``DATA_FILES`` tuple of strings."""
    found = DATA_FILES.search(source(name))
    return tuple(module_file(name).parent / file for file in ast.literal_eval(found[1])) if found else ()


def closure(name: str) -> tuple[str, ...]:
    """``name`` and every project module it imports, transitively, sorted."""
    seen, todo = set(), [name]
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo += imports(module)
    return tuple(sorted(seen))


@cache
def code_hash(name: str) -> str:
    """A hash of the source (and data files) of ``name`` and of every project module it imports, transitively."""
    h = hashlib.sha256()
    for module in closure(name):
        h.update(f"{module}\0".encode())
        h.update(module_file(module).read_bytes())
        for data in data_files(module):
            h.update(f"{data.name}\0".encode())
            h.update(data.read_bytes())
    return h.hexdigest()


def cycles() -> list[list[str]]:
    """The import cycles among the project's modules (each as a path a -> ... -> a); none in a sound layout."""
    found, state = [], {}  # state: 1 while a module's imports are being walked, 2 when done

    def walk(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in imports(module):
            if state.get(dep) == 1:
                found.append([*path[path.index(dep) :], dep])
            elif dep not in state:
                walk(dep, [*path, dep])
        state[module] = 2

    for module in modules():
        if module not in state:
            walk(module, [module])
    return found
