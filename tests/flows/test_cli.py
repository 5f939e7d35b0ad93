"""The command line: argument errors are one line with a non-zero exit, no traceback."""

import fcntl
import json
import logging
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.outputs import A, write_output

SEEDS = Path(__file__).parents[2] / "seeds"
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


def test_an_input_that_is_a_file_is_named_as_such(tmp_path):
    one = tmp_path / "one.txt"
    one.write_text("An article.\n")
    got = cli("run", "--input", str(one), "--output", str(tmp_path / "out"))
    assert got.returncode == 2
    assert (
        got.stderr.strip()
        == f"newscurate: error: --input is a file, not a folder: {one} (give the folder that holds it)"
    )


def test_an_output_that_is_the_input_folder_is_refused(tmp_path):
    got = cli("run", "--input", str(tmp_path), "--output", str(tmp_path))
    assert got.returncode == 2
    assert got.stderr.strip() == (
        f"newscurate: error: the output folder is the input folder: {tmp_path} (give the tables a folder of their own)"
    )


def test_an_unreachable_dask_scheduler_fails_in_one_line(tmp_path):
    from tests.servers import free_port

    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    got = cli("run", "--input", str(SEEDS), "--output", str(tmp_path / "out"), "--dask-address", address)
    assert got.returncode == 2
    assert got.stderr.strip().splitlines() == [
        f"newscurate: error: no Dask scheduler reachable at {address}: Connection refused"
    ]


def test_a_stage_on_a_fresh_output_names_the_first_stage_to_run_in_one_line(tmp_path):
    got = cli("run", "--input", str(SEEDS), "--output", str(tmp_path / "out"), "--stage", "quotes")
    assert got.returncode == 2
    (line,) = got.stderr.strip().splitlines()
    assert "stage 'quotes' needs the results of stage 'ingest'" in line
    assert "--stage ingest --stage clean --stage paragraphs --stage people" in line


def test_a_rerun_with_nothing_to_do_says_so_and_runs_no_stage(tmp_path):
    out = tmp_path / "out"
    first = cli("run", "--input", str(SEEDS), "--output", str(out), "--json")
    assert first.returncode == 0, first.stderr
    again = cli("run", "--input", str(SEEDS), "--output", str(out))
    assert again.returncode == 0 and "nothing to do: the inputs, code and options are as" in again.stdout
    ran = json.loads(first.stdout.splitlines()[-1])
    idle = json.loads(cli("run", "--input", str(SEEDS), "--output", str(out), "--json").stdout.splitlines()[-1])
    assert (ran["stages"][0], idle["stages"], idle["unchanged"], idle["tables"]) == ("ingest", [], 5, ran["tables"])


def test_a_locked_output_fails_in_one_line_without_prefect_s_traceback(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a run writing there holds it
        got = cli("run", "--input", str(SEEDS), "--output", str(out))
    assert got.returncode == 2
    (line,) = got.stderr.strip().splitlines()
    assert line.startswith(f"newscurate: error: another newscurate run is writing to {out}")


def test_prefect_s_report_of_a_failed_run_stays_off_the_terminal():
    from flows.cli import OneLineErrors

    def record(name: str, level: int, exc: bool) -> logging.LogRecord:
        info = (ValueError, ValueError("x"), None) if exc else None
        return logging.LogRecord(name, level, __file__, 1, "Encountered exception", None, info)

    keep = OneLineErrors().filter
    assert not keep(record("prefect.flow_runs", logging.ERROR, exc=True))
    assert not keep(record("prefect.task_runs", logging.ERROR, exc=False))
    assert keep(record("prefect.flow_runs", logging.WARNING, exc=False))  # e.g. the report not refreshed
    assert keep(record("prefect.server", logging.ERROR, exc=True))


def test_version():
    got = cli("--version")
    assert got.returncode == 0 and re.fullmatch(r"newscurate \d+\.\d+\.\d+\n", got.stdout)


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    root = tmp_path_factory.mktemp("output")
    write_output(root)
    return str(root)


def test_sql_prints_a_table_csv_or_json(output):
    query = "SELECT reason, count(*) AS n FROM boilerplate GROUP BY 1 ORDER BY 1"
    table = cli("sql", query, "--output", output)
    assert table.returncode == 0 and "│ navigation │ 1 │" in table.stdout
    assert cli("sql", query, "--output", output, "--csv").stdout.splitlines()[:2] == ["reason,n", "cookie,1"]
    rows = cli("sql", query, "--output", output, "--json").stdout.splitlines()
    assert json.loads(rows[0]) == {"reason": "cookie", "n": 1}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sql", "SELECT nosuch FROM quotes"], "Binder Error"),
        (["sql", "SELECT 1", "--csv", "--json"], "at most one of --csv and --json"),
        (["show", "news/nothing.txt"], "no article or rejected input 'news/nothing.txt'"),
    ],
)
def test_bad_queries_and_unknown_articles_fail_in_one_line(output, args, message):
    got = cli(*args, "--output", output)
    assert got.returncode == 2 and message in got.stderr
    assert len(got.stderr.strip().splitlines()) == 1


def test_commands_on_an_output_without_tables_say_what_to_run(tmp_path):
    for command in (["sql", "SELECT 1"], ["show", "x"], ["report"]):
        got = cli(*command, "--output", str(tmp_path))
        assert got.returncode == 2
        expected = f"no tables in {tmp_path}: run `newscurate run --output {tmp_path}` first"
        assert got.stderr.strip() == f"newscurate: error: {expected}"


def test_show_prints_the_evidence_and_writes_the_page(output):
    got = cli("show", "news/one.txt", "--output", output)
    assert got.returncode == 0
    assert "Share on Facebook  ← share" in got.stdout and "It is a great day," in got.stdout
    page = Path(output) / "report" / "articles" / f"{A}.html"
    assert got.stderr.strip() == f"page: {page}"
    assert "<del>Share on Facebook</del>" in page.read_text()
    assert (Path(output) / "_state" / "report" / "asked" / A).exists()
    reject = cli("show", "news/bad.bin", "--output", output)
    assert reject.stdout.strip() == "news/bad.bin: rejected input, binary (NUL bytes)"


def test_report_writes_the_index(output):
    got = cli("report", "--output", output)
    assert got.returncode == 0 and got.stdout.startswith(str(Path(output) / "report" / "index.html"))
    assert "newscurate report" in (Path(output) / "report" / "index.html").read_text()


def test_the_summary_has_the_same_order_in_every_run(capsys):
    from flows.cli import print_summary

    report = {
        "articles": 3,
        "rejects": 2,
        "new": 0,
        "changed": 0,
        "unchanged": 5,
        "removed": 0,
        "tables": {"articles": 3, "boilerplate": 9, "people": 1, "rejects": 2},
        "rejects_by_reason": {"binary": 1, "empty": 1},
        "boilerplate_by_reason": {"share": 2, "navigation": 5, "caption": 2},
        "seconds": {"ingest": 1.0, "quotes": 2.0, "publish": 0.5},
        "stages": ["ingest", "quotes", "publish"],
    }
    printed = []
    for order in (dict, lambda d: dict(sorted(d.items(), reverse=True))):
        print_summary({k: order(v) if isinstance(v, dict) else v for k, v in report.items()}, "out")
        printed.append(capsys.readouterr().out)
    assert printed[0] == printed[1]
    rows = [line.split() for line in printed[0].splitlines()[1:5]]
    assert [r[:2] for r in rows] == [["articles", "3"], ["people", "1"], ["boilerplate", "9"], ["rejects", "2"]]
    assert [r[-4:-2] for r in rows[:3]] == [["navigation", "5"], ["caption", "2"], ["share", "2"]]
    assert [r[-2] for r in rows[:3]] == ["ingest", "quotes", "publish"]


def test_a_run_holds_the_server_start_of_its_prefect_home_until_released(tmp_path, monkeypatch):
    from flows.cli import SERVER_START_LOCK, hold_server_start

    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "home"))
    turn = hold_server_start()
    lock = tmp_path / "home" / SERVER_START_LOCK
    probe = [
        sys.executable,
        "-c",
        f"import fcntl; fcntl.flock(open({str(lock)!r}), fcntl.LOCK_EX | fcntl.LOCK_NB)",
    ]
    assert subprocess.run(probe, capture_output=True).returncode != 0  # another run would wait
    with turn:
        pass
    assert subprocess.run(probe, capture_output=True).returncode == 0
