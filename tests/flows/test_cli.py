"""The command line: argument errors are one line with a non-zero exit, no traceback."""

import subprocess
import sys

import pytest

CLI = [sys.executable, "-c", "from flows.cli import app; app()"]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120)


def test_stages_are_listed_in_order():
    out = cli("stages").stdout.split("\n")
    assert [line.split()[0] for line in out if line] == ["ingest", "clean", "paragraphs", "people", "quotes", "publish"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "--input", "/nonexistent/folder"], "input folder not found"),
        (["run", "--stage", "nosuch"], "unknown stage"),
        (["run", "--output", "/proc/newscurate-out"], "output folder is not writable"),
    ],
)
def test_bad_arguments_fail_in_one_line(args, message):
    got = cli(*args)
    assert got.returncode == 2
    assert message in got.stderr
    assert len(got.stderr.strip().splitlines()) == 1
    assert "Traceback" not in got.stderr
