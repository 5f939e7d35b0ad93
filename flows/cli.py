"""The `newscurate` command line: run the pipeline, list its stages."""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import gc
import importlib.metadata
import json
import logging
import os
import signal
import socket
import sys
import time
import traceback
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from flows.workers import die_with_parent, forked_call, frozen_imports, open_workers

if TYPE_CHECKING:
    from flows.settings import Settings

# The settings, stages, storage and pipeline modules (polars, pyarrow, the transforms, Prefect: about
# 2 s to import) are imported where they are used, so that `run` starts its temporary server first.

InputOption = Annotated[str, typer.Option("--input", help="folder (or fsspec URL) of articles")]
OutputOption = Annotated[str, typer.Option("--output", help="folder (or fsspec URL) for the tables")]
app = typer.Typer(add_completion=False, help="Turn scraped news articles into a curated Parquet dataset.")
err = Console(stderr=True, soft_wrap=True)


class UsageError(Exception):
    """An unusable argument: reported in one line, exit code 2."""


def print_version(value: bool) -> None:
    if value:
        typer.echo(f"newscurate {importlib.metadata.version('newscurate')}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=print_version, is_eager=True, help="print the version and exit")
    ] = False,
) -> None:
    """Turn scraped news articles into a curated Parquet dataset."""
    # Prefect's settings for the command's process, set before anything imports Prefect (one
    # callback: Typer keeps only the last one registered).
    # Offline machines: Prefect's telemetry would fail on every run (see notes/prefect.md).
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    # A terminal shows progress bars and a summary, not Prefect's line per task run.
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # The temporary server of a run without PREFECT_API_URL is stopped when the run ends,
    # and its event recorder then logs "Error flushing events" tracebacks for the task runs
    # it had not yet saved: a history that is thrown away with it anyway (notes/prefect.md).
    if not os.environ.get("PREFECT_API_URL"):
        os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "CRITICAL")


class OneLineErrors(logging.Filter):
    """Keeps Prefect's own report of a failed flow or task run (its "Encountered exception" log, with
    the traceback) off the terminal: the command reports the failure itself in one line, and shows
    the traceback with --debug. The run's logs still reach a Prefect server through its own handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        from_run = record.name.startswith(("prefect.flow_runs", "prefect.task_runs"))
        return not (from_run and (record.exc_info or record.levelno >= logging.ERROR))


def quiet_run_failures() -> None:
    """Install ``OneLineErrors`` on the terminal handlers Prefect's logging set up (on the root logger)."""
    from prefect.logging.handlers import PrefectConsoleHandler

    for handler in logging.getLogger().handlers:
        if isinstance(handler, PrefectConsoleHandler):
            handler.addFilter(OneLineErrors())


def check_input(url: str) -> None:
    from flows.storage import Store

    store = Store(url)
    if store.fs.isfile(store.root):
        raise UsageError(f"--input is a file, not a folder: {url} (give the folder that holds it)")
    if not store.fs.isdir(store.root):
        raise UsageError(f"input folder not found: {url}")


def check_apart(input: str, output: str) -> None:
    """The output may lie inside the input folder (the scan skips it), not be the input folder itself."""
    from flows.storage import Store

    if Store(output).place_in(Store(input)) == "":
        raise UsageError(f"the output folder is the input folder: {output} (give the tables a folder of their own)")


def check_dask(address: str) -> None:
    from flows.workers import SchedulerUnreachable, reach_scheduler

    try:
        reach_scheduler(address)
    except SchedulerUnreachable as exc:
        raise UsageError(str(exc)) from exc


def check_output(url: str) -> None:
    from flows.storage import Store

    store = Store(url)
    probe = f".write-test-{uuid.uuid4().hex[:8]}"
    try:
        store.write_bytes(probe, b"")
        store.remove(probe)
    except OSError as exc:
        raise UsageError(f"output folder is not writable: {url} ({exc.strerror or exc})") from exc


def ordered(key: str, values: dict) -> list[tuple[str, object]]:
    """A summary's rows in the same order in every run: tables and stages in their own order, reasons
    most frequent first (ties by name). A run that publishes nothing reads its summary back from
    JSON, sorted by name, so the order cannot come from the dict."""
    if key in ("tables", "seconds") and values:
        # (imported only when there are rows to order: a run with nothing to do never imports the stages)
        if key == "tables":
            from transforms.schemas import TABLES as names
        else:
            from flows.graph import NAMES as names
        order = list(names)
        return sorted(values.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0]))
    return sorted(values.items(), key=lambda kv: (-kv[1], kv[0]))


def print_summary(report: dict, output: str) -> None:
    """The end-of-run summary: rows per table, rejects and removed lines by reason, time per stage."""
    console = Console()
    grid = Table.grid(padding=(0, 4))
    columns = []
    for title, key in (
        ("table", "tables"),
        ("rejected inputs", "rejects_by_reason"),
        ("removed lines", "boilerplate_by_reason"),
        ("stage seconds", "seconds"),
    ):
        t = Table(title=title, show_header=False, box=None)
        for name, value in ordered(key, report.get(key, {}))[:12]:
            t.add_row(name, str(value))
        columns.append(t)
    grid.add_row(*columns)
    console.print(grid)
    console.print(
        f"{report['articles']} articles, {report['rejects']} rejects "
        f"(new {report['new']}, changed {report['changed']}, unchanged {report['unchanged']}, "
        f"removed {report['removed']}) -> {output}"
    )
    if not report["stages"]:
        console.print("nothing to do: the inputs, code and options are as the last run left them")
    if report.get("report"):
        console.print(f"report: {report['report']}", highlight=False)


@contextlib.contextmanager
def progress_bars(enabled: bool) -> Iterator[Callable[[str, int, int, int], None] | None]:
    """Per-stage progress bars (buckets done of total, articles so far) on stderr: yields the
    reporter to hand the pipeline (None when not ``enabled``)."""
    if not enabled:
        yield None
        return
    bars = Progress(
        TextColumn("{task.description:<11}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("buckets, {task.fields[articles]} articles"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )
    tasks: dict[str, int] = {}

    def update(stage: str, done: int, total: int, articles: int) -> None:
        if stage not in tasks:
            tasks[stage] = bars.add_task(stage, total=total, articles=0)
        bars.update(tasks[stage], completed=done, articles=articles)

    with bars:
        yield update


SERVER_START_LOCK = "newscurate-server-start.lock"
# How long a run waits for its temporary server to answer. It answers in 3-4 s on a quiet machine; on
# a fresh PREFECT_HOME (its database created) with both cores busy, four runs waited over 60 s and
# failed. A server that dies is noticed at once; this bounds only one that hangs.
SERVER_START_SECONDS = 300.0
# The temporary server's settings. No PREFECT__SERVER_FINAL: with FastAPI 0.137 or later its one
# effect is a full collection of the server's heap once the app is built, 0.3 s of CPU at every start.
SERVER_SETTINGS = {
    "PREFECT_UI_ENABLED": "0",
    "PREFECT__SERVER_EPHEMERAL": "1",
    # no telemetry: the machines are offline, and without it the server is ready in 3.2 s, not 3.8
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # The services that store the run's events and task runs, and run automations on them. The
    # server stops with the run, before it has stored most of them (notes/prefect.md), so it keeps
    # the flow run, its state and its artifacts only: 5.3 s of server CPU in a 20,000-article run
    # instead of 7.9, CPU the workers get back. For a full history, run `prefect server start`.
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
    # No block types registered: the pipeline stores no blocks. Even with registration off, its
    # memo would import every installed Prefect collection (prefect-dask, so dask and distributed)
    # to hash them: 0.6 s of the server's CPU at every run's start.
    "PREFECT_API_BLOCKS_REGISTER_ON_START": "false",
    "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false",
    # py-key-value (the store of docket, which Prefect's server imports) type-checks its own calls
    # with beartype, decorating each of its functions as it is imported: 0.2-0.3 s of the server's
    # CPU at every start, for checks that only warn.
    "PY_KEY_VALUE_DISABLE_BEARTYPE": "true",
}


def hold_server_start() -> contextlib.AbstractContextManager:
    """Wait until no other run sharing this PREFECT_HOME is starting its temporary server, and hold
    that turn until ours answers (the context manager returned releases it).

    Every temporary server opens the same database in PREFECT_HOME and migrates it as it starts; two
    starting together on a fresh home raced, and one exited with code 3 (1 in 4 tries, two runs
    started 0.8 s apart). One at a time, the second finds the database ready. The kernel drops the
    lock if the run dies. Without a writable PREFECT_HOME there is nothing to share and no lock.
    """
    home = os.path.expanduser(os.environ.get("PREFECT_HOME") or "~/.prefect")
    try:
        os.makedirs(home, exist_ok=True)
        lock = open(os.path.join(home, SERVER_START_LOCK), "a")  # noqa: SIM115 (held past this function)
    except OSError:
        return contextlib.nullcontext()
    fcntl.flock(lock, fcntl.LOCK_EX)
    return lock


def start_prefect_server(
    check: Callable[[], dict | None] | None = None,
) -> tuple[Callable[[], None] | None, dict | None]:
    """Start a temporary Prefect server for this run; returns a function that waits until it answers,
    and None. With ``check`` (the report of a run with nothing to do, or None), it asks once it has
    imported Prefect's client, and starts no server for a run with nothing to do: it returns None
    and the report then.

    Without PREFECT_API_URL, Prefect would start the same server itself (the same settings), but only
    once the flow begins, after importing its server code into this process (4.1 s here) and then
    waiting for the server (3.8 s more). Started here, first thing, it gets ready while this process
    imports the stages and the workers warm up. It is forked from this process once it has imported
    Prefect's client, which the server shares (``flows.server_app``): 1.3 s less of the server's CPU
    than in a new interpreter. Nothing else runs yet, no thread among them: the fork copies no lock
    held. The server stops when this process exits, after Prefect has sent the run's last events
    (Prefect drains them before the atexit hooks run).
    """
    starting = hold_server_start()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/api"
    # (set before Prefect's import, which reads its settings: the server reads them in the fork)
    os.environ.update(SERVER_SETTINGS, PREFECT_API_URL=url)
    from flows import server_app

    with frozen_imports():
        server_app.client_imports()
    report = check() if check is not None else None
    if report is not None:
        starting.__exit__(None, None, None)
        return None, report
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:
        starting.__exit__(None, None, None)  # (this process's copy of the lock's file: the run holds it)
        die_with_parent(parent)
        server_app.serve(port)
    exit_code: int | None = None

    def exited() -> bool:
        nonlocal exit_code
        if exit_code is None:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                exit_code = os.waitstatus_to_exitcode(status)
        return exit_code is not None

    def stop() -> None:
        # Killed, not asked to stop: what the run sent is committed by now (each API call returns
        # after its commit, and Prefect drains its logs and events before this exit hook runs), and
        # SQLite keeps committed data when a process dies. A graceful stop only winds down the
        # server's services: 0.13-0.24 s, against 0.015 s.
        if not exited():
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)

    atexit.register(stop)

    def ready(timeout: float = SERVER_START_SECONDS) -> None:
        with starting:  # released once the server answers (or failed): the next run may start its own
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if exited():
                    raise RuntimeError(f"the temporary Prefect server exited with code {exit_code}")
                with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/health", timeout=1) as response:
                    if response.status == 200:
                        return
                time.sleep(0.05)
            raise RuntimeError(f"the temporary Prefect server did not answer within {timeout:.0f} s")

    return ready, None


def run_settings(workers: int, dask_address: str | None, wait: bool) -> Settings:
    """The settings of a run with these options (imported here: they import the stages' options)."""
    from flows.settings import Settings

    return Settings(workers=workers, dask_address=dask_address, wait_for_lock=wait)


def idle_report(input: str, output: str, workers: int, dask_address: str | None, wait: bool) -> dict | None:
    """The report of a run with these options that would find nothing to do, else None
    (``flows.staleness.nothing_to_do``)."""
    from flows.staleness import nothing_to_do

    return nothing_to_do(input, output, run_settings(workers, dask_address, wait))


def run_flow(
    input: str,
    output: str,
    full: bool,
    stage: list[str] | None,
    settings: Settings,
    server_ready: Callable[[], None] | None,
    *,
    progress: bool,
    debug: bool,
) -> dict:
    """The pipeline flow, on the run's workers, once its Prefect server answers."""
    # Imported now, they load while the server starts: fastapi's encoders, which Prefect imports
    # as the flow starts (0.2 s), and pandas, which pyarrow imports on the first table built from
    # rows (the manifest, 0.3 s, between the scan and ingest tasks).
    with frozen_imports():
        import fastapi.encoders  # noqa: F401

        with contextlib.suppress(ImportError):  # pandas is optional: pyarrow only uses it when installed
            import pandas  # noqa: F401
        from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

        from flows.pipeline import StageOrderError, pipeline
        from flows.storage import LockedError

    if not debug:  # after Prefect's import, which sets up its logging
        quiet_run_failures()
    # Heartbeats let a running server mark a run that died as crashed; a temporary server
    # stops with the run, so they only cost its end a wait for their thread (up to 1 s).
    heartbeats = {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None} if server_ready is not None else {}
    try:
        # The workers start (and import the transforms) while the server starts.
        with (
            open_workers(settings.workers, settings.dask_address) as pool,
            progress_bars(enabled=progress and err.is_terminal) as bars,
            temporary_settings(heartbeats),
        ):
            if server_ready is not None:
                server_ready()
            only = stage or None
            return pipeline(input, output, full=full, only=only, settings=settings, workers=pool, progress=bars)
    except (StageOrderError, LockedError) as exc:
        raise UsageError(str(exc)) from exc


@app.command()
def run(
    input: InputOption = "seeds",
    output: OutputOption = "output",
    full: Annotated[bool, typer.Option("--full", help="recompute everything, not only new or changed inputs")] = False,
    stage: Annotated[list[str] | None, typer.Option("--stage", help="rerun only this stage (repeatable)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print a JSON summary as the last line")] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="local worker processes")] = 2,
    dask_address: Annotated[
        str | None, typer.Option("--dask-address", help="tcp://host:port of a Dask scheduler")
    ] = None,
    wait: Annotated[bool, typer.Option("--wait", help="wait for another run on the same output")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="show tracebacks")] = False,
) -> None:
    """Run the pipeline over INPUT and publish the tables to OUTPUT."""
    server_ready, idle = None, None
    if not os.environ.get("PREFECT_API_URL"):
        # With the temporary server, a run with nothing to do ends before the server starts: no flow
        # run is recorded (a run on a Prefect server, PREFECT_API_URL set, always is). A child process
        # checks, on the core this one leaves idle while it imports Prefect's client.
        check = None if full or stage else forked_call(idle_report, input, output, workers, dask_address, wait)
        server_ready, idle = start_prefect_server(check)
    try:
        if stage:
            from flows.graph import NAMES

            unknown = [s for s in stage if s not in NAMES]
            if unknown:
                raise UsageError(f"unknown stage {unknown[0]!r}; stages are: {', '.join(NAMES)}")
        check_input(input)
        check_output(output)
        check_apart(input, output)
        if dask_address:
            check_dask(dask_address)
        settings = run_settings(workers, dask_address, wait)
        result = idle or run_flow(input, output, full, stage, settings, server_ready, progress=not as_json, debug=debug)
    except UsageError as exc:
        err.print(f"newscurate: error: {exc}", highlight=False)
        raise typer.Exit(2) from None
    except Exception as exc:
        if debug:
            traceback.print_exc()
        err.print(f"newscurate: failed: {type(exc).__name__}: {exc}", highlight=False)
        raise typer.Exit(1) from None
    report = {k: result.get(k, 0) for k in ("articles", "rejects", "new", "changed", "unchanged", "removed")}
    report |= {
        "stages": result["stages"],
        "seconds": result["seconds"],
        "worker_pids": result["worker_pids"],
        "tables": result.get("tables", {}),
        "rejects_by_reason": result.get("rejects_by_reason", {}),
        "boilerplate_by_reason": result.get("boilerplate_by_reason", {}),
        "report": result.get("report"),
    }
    if as_json:
        sys.stdout.write(json.dumps(report) + "\n")
    else:
        print_summary(report, output)
    # The interpreter's garbage collections at exit walk every object of the modules imported,
    # Prefect's included (0.3 s); frozen, they are left to the operating system to reclaim. Not
    # when duckdb was imported here (the report built inline, --workers 1): frozen, its objects
    # make nanobind print "leaked instances" warnings at exit.
    if "duckdb" not in sys.modules:
        gc.freeze()


@app.command()
def stages() -> None:
    """List the stages in the order they run."""
    from flows.graph import STAGES

    for stage in STAGES:
        typer.echo(f"{stage.name:<11} {stage.does}")


@app.command()
def serve(
    input: InputOption = "seeds",
    output: OutputOption = "output",
    cron: Annotated[str | None, typer.Option("--cron", help="cron schedule, e.g. '0 * * * *'")] = None,
    interval: Annotated[int | None, typer.Option("--interval", min=1, help="seconds between runs")] = None,
) -> None:
    """Serve the pipeline on a schedule, plus one on-demand deployment per stage (needs a Prefect server)."""
    try:
        if (cron is None) == (interval is None):
            raise UsageError("give exactly one of --cron EXPR and --interval SECONDS")
        if not os.environ.get("PREFECT_API_URL"):
            raise UsageError(
                "serve needs a Prefect server: start one with `prefect server start` and set "
                "PREFECT_API_URL=http://127.0.0.1:4200/api"
            )
        check_input(input)
        check_output(output)
        check_apart(input, output)
    except UsageError as exc:
        err.print(f"newscurate: error: {exc}", highlight=False)
        raise typer.Exit(2) from None
    from flows.schedule import serve_pipeline

    serve_pipeline(input, output, cron=cron, interval=interval)


def published_store(output: str):
    """The output's Store, when it holds published tables (else a UsageError naming the command to run)."""
    from flows.storage import Store

    store = Store(output)
    if not store.exists("articles"):
        raise UsageError(f"no tables in {output}: run `newscurate run --output {output}` first")
    return store


@app.command()
def report(output: OutputOption = "output") -> None:
    """Write the HTML report of the tables: OUTPUT/report/index.html (each run refreshes it too)."""
    try:
        store = published_store(output)
    except UsageError as exc:
        err.print(f"newscurate: error: {exc}", highlight=False)
        raise typer.Exit(2) from None
    from flows import report_page

    built = report_page.build(store.url, force=True)
    typer.echo(f"{built['index']} ({built['pages']} article pages, {built['seconds']:.1f} s)")


@app.command()
def show(
    article: Annotated[str, typer.Argument(help="article_id (or 6+ of its first digits), or the input's path")],
    output: OutputOption = "output",
) -> None:
    """Show one article: removed lines and why, paragraphs, quotes, speakers, mentions.

    Prints the input line by line (removed lines struck through, with their reason), the paragraphs as
    published with quotes, speakers and person mentions marked, and the quotes with speaker and cue.
    Also writes the article's inspector page, which the report keeps from then on.
    """
    from flows import inspector
    from flows.sql import connect

    try:
        store = published_store(output)
        con = connect(store)
        found = inspector.find(con, article)
        if found is None:
            raise UsageError(f"no article or rejected input {article!r} in {output}")
    except UsageError as exc:
        err.print(f"newscurate: error: {exc}", highlight=False)
        raise typer.Exit(2) from None
    kind, key = found
    if kind == "reject":
        reason, detail = con.execute("SELECT reason, detail FROM rejects WHERE source_path = ?", [key]).fetchone()
        Console().print(f"{key}: rejected input, {reason} ({detail})", highlight=False, markup=False)
        return
    evidence = inspector.gather(con, store, [key])[key]
    Console().print(inspector.terminal(evidence))
    store.write_bytes(inspector.page_path(key), inspector.page_html(evidence, linked=set()).encode())
    store.write_bytes(f"{inspector.ASKED}/{key}", b"")  # the report keeps the page from now on
    err.print(f"page: {store.path(inspector.page_path(key))}", highlight=False)


@app.command("sql")
def sql_command(
    query: Annotated[str, typer.Argument(help="a DuckDB query: SELECT reason, count(*) FROM boilerplate GROUP BY 1")],
    output: OutputOption = "output",
    as_csv: Annotated[bool, typer.Option("--csv", help="print every row as CSV")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print every row as a JSON object, one per line")] = False,
) -> None:
    """Query the tables with SQL (DuckDB), each table a view by its name.

    The views: articles, paragraphs, quotes, people, mentions, boilerplate, rejects. Prints the first rows
    as a table, or every row with --csv or --json.
    """
    from flows import sql

    try:
        if as_csv and as_json:
            raise UsageError("give at most one of --csv and --json")
        result = sql.run(sql.connect(published_store(output)), query)
        if as_csv:
            sql.write_csv(result)
        elif as_json:
            sql.write_json(result)
        else:
            table, more = sql.rich_table(result)
            Console().print(table)
            if more:
                err.print(f"(the first {sql.SHOWN_ROWS} rows; --csv or --json prints them all)", highlight=False)
    except (UsageError, sql.QueryError) as exc:
        err.print(f"newscurate: error: {exc}", highlight=False)
        raise typer.Exit(2) from None
