"""The temporary Prefect server of a run, forked from the CLI's process."""

import asyncio
import gc
import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid

import psutil
import pytest
from docket import Docket
from prefect.server.api.background_workers import background_worker
from prefect.server.api.flow_runs import delete_flow_run_logs

from flows.server_app import SERVER_NAME, create_app, tasks_without_worker
from tests.servers import free_port


def test_the_server_app_is_prefect_s_api_built_with_the_collector_paused_then_frozen():
    frozen = gc.get_freeze_count()
    try:
        app = create_app()
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
    paths = {getattr(route, "path", "") for route in app.routes}
    assert "/api" in paths  # Prefect's API, mounted under /api as the client expects
    from prefect.server.api import server

    assert server.background_worker is tasks_without_worker  # what the app's lifespan starts


def test_the_server_s_process_builds_its_app_without_hashing_settings_or_setting_up_logging_again():
    """In a new process: the steps stay skipped in the process that skips them."""
    code = (
        "import logging.config\n"
        "from flows.server_app import client_imports, create_app, skip_repeated_setup\n"
        "client_imports()  # as in the CLI before the fork: Prefect's import sets up its logging\n"
        "import prefect.settings\n"
        "from prefect.logging import configuration\n"
        "handlers = list(logging.getLogger().handlers)\n"
        "assert configuration.PROCESS_LOGGING_CONFIG\n"
        "assert prefect.settings.get_current_settings().hash_key()\n"
        "skip_repeated_setup()\n"
        "calls = []\n"
        "logging.config.dictConfig = calls.append\n"
        "app = create_app()\n"
        "assert '/api' in {getattr(route, 'path', '') for route in app.routes}\n"
        "assert calls == [] and logging.getLogger().handlers == handlers\n"
        "assert prefect.settings.get_current_settings().hash_key() == ''\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=os.environ | {"PREFECT_UI_ENABLED": "0"})


@pytest.mark.parametrize("lifespan, worker", [(tasks_without_worker, False), (background_worker, True)])
def test_the_server_s_background_tasks_can_be_queued_and_no_worker_runs_them(lifespan, worker):
    """In place of Prefect's ``background_worker``, whose worker runs the queued tasks."""

    async def queue_one() -> tuple[set[str], int]:
        docket = Docket(name=f"test-{uuid.uuid4()}", url="memory://")
        async with docket, lifespan(docket, ephemeral=True, webserver_only=False):
            await docket.add(delete_flow_run_logs, key="cleanup")(flow_run_id=uuid.uuid4())
            running = {task.get_coro().__qualname__ for task in asyncio.all_tasks()}
            queued = (await docket.snapshot()).total_tasks
            return running, queued

    running, queued = asyncio.run(queue_one())
    assert ("Worker.run_forever" in running) is worker
    if not worker:
        assert queued == 1  # the API's call to queue a task still succeeds


def test_serve_answers_under_its_own_name_until_killed(tmp_path):
    """``serve`` in a forked child: Prefect's API on the port, the process named for `ps` and
    `make bench`, and the parent's exit hooks never run in it."""
    port = free_port()
    code = (
        "import atexit, os, sys\n"
        f"atexit.register(lambda: open({str(tmp_path / 'hook')!r}, 'w').close())\n"
        "from flows.server_app import serve\n"
        f"pid = os.fork()\nif pid == 0:\n    serve({port})\n"
        "print(pid, flush=True)\nsys.stdin.read()\n"
    )
    env = os.environ | {"PREFECT_HOME": str(tmp_path / "home"), "PREFECT_UI_ENABLED": "0"}
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        child = int(proc.stdout.readline())
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.2)
        assert psutil.Process(child).name() == SERVER_NAME
        os.kill(child, signal.SIGTERM)  # uvicorn's graceful stop: serve returns, and exits at once
        deadline = time.monotonic() + 30
        while psutil.pid_exists(child) and psutil.Process(child).status() != psutil.STATUS_ZOMBIE:
            assert time.monotonic() < deadline, "the server did not stop"
            time.sleep(0.1)
        assert not (tmp_path / "hook").exists()  # the child skipped the parent's exit hooks
    finally:
        proc.communicate("")
    assert (tmp_path / "hook").exists()  # (the parent ran them)
