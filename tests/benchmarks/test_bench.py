"""benchmarks/bench.py: the profile of each step, and how its entries are named."""

from __future__ import annotations

from benchmarks.bench import function_name, profile
from benchmarks.corpus import generate
from flows.graph import STAGES


def test_function_name():
    assert function_name(("/x/site-packages/ftfy/__init__.py", 10, "fix_text")) == "ftfy/__init__.py:fix_text"
    assert function_name(("~", 0, "<method 'sub' of 're.Pattern' objects>")) == "method 'sub' of 're.Pattern' objects"
    assert function_name(("~", 0, "<built-in method __new__ of type object at 0x7fbe6065ea00>")) == (
        "built-in method __new__ of type object"
    )


def test_profile_lists_every_step_in_order(tmp_path):
    generate(tmp_path / "corpus", 6, None, "fresh")
    rows = profile(tmp_path / "corpus", tmp_path / "out", top=3)
    steps = [step for step, _ in rows]
    corpus_steps = [f"{s.name}: corpus step" for s in reversed(STAGES) if s.corpus is not None]
    transforms = [s.name for s in STAGES if s.row is not None]
    assert steps == ["ingest", *transforms, *corpus_steps, "publish", "report", "all steps"]
    for _, text in rows[:-1]:
        seconds, hot = text.split(" s; ")
        assert float(seconds) >= 0 and len(hot.split(", ")) <= 3 and "%" in hot
    assert (tmp_path / "out" / "articles").is_dir()
