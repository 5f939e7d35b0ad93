"""A run's temporary Prefect server, forked from the CLI's process (``flows.cli.start_prefect_server``).

The fork comes once the CLI has imported the Prefect client that its flow runs on (``client_imports``).
Prefect's server imports most of that client too: forked, it imports only the rest, 1.8-2.0 s of CPU
against 2.7-3.2 s for the same server started in a new interpreter (3 runs of each, measured apart).
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from typing import TYPE_CHECKING, NoReturn

from flows.workers import frozen_imports, name_process

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from docket import Docket
    from fastapi import FastAPI

# The server's process name, as `ps` and psutil show it (`make bench` finds the server by it).
SERVER_NAME = "prefect-server"


def client_imports() -> None:
    """Import what both the flow's process and its Prefect server use: Prefect's client, its flow
    and task engines, and FastAPI's encoders (Prefect imports them as the flow starts)."""
    import fastapi.encoders  # noqa: F401
    import prefect.client.orchestration  # noqa: F401
    import prefect.flow_engine  # noqa: F401
    import prefect.task_engine  # noqa: F401


@contextlib.asynccontextmanager
async def tasks_without_worker(docket: Docket, **_) -> AsyncIterator[None]:
    """What the server's lifespan starts in place of Prefect's ``background_worker``: the server's
    background tasks are registered, so the API can queue them, but no worker runs them.

    Its tasks clean up after deleted runs, cancel the children of cancelled ones and run the
    periodic services, none of which a run's temporary server does before it stops (the periodic
    services are off in an ephemeral server). The worker's loops cost CPU all along (its listener for
    cancellations alone wakes ten times a second): idle for 30 s, the server used 0.25-0.46 s of CPU
    with it and 0.11-0.12 s without (2 runs of each)."""
    docket.register_collection("prefect.server.api.background_workers:task_functions")
    yield


def create_app() -> FastAPI:
    """Prefect's server application, imported and built with the garbage collector paused
    (``frozen_imports``): 0.65 s less of the server's CPU at every run's start. Its lifespan starts
    no background worker (``tasks_without_worker``)."""
    with frozen_imports():
        from prefect.server.api import server

        server.background_worker = tasks_without_worker
        return server.create_app()


def skip_repeated_setup() -> None:
    """Skip two steps of Prefect's ``create_app`` that do nothing in the server's forked process,
    0.2-0.3 s of its CPU at every start:
    - the keys of its app caches, a hash of every setting serialised (twice, for the app and its
      API): the process builds one app and never looks in those caches again;
    - setting up logging: Prefect's import in the CLI did it before the fork, from the same settings.
    """
    from prefect.logging import configuration
    from prefect.settings import Settings

    Settings.hash_key = lambda self: ""
    configuration.setup_logging = lambda incremental=None: configuration.PROCESS_LOGGING_CONFIG


def serve(port: int) -> NoReturn:
    """Serve Prefect's API on 127.0.0.1:``port`` until stopped (its app built without the steps of
    ``skip_repeated_setup``), then end this (forked) process without running the CLI's exit hooks."""
    code = 1
    try:
        name_process(SERVER_NAME)
        import uvicorn

        skip_repeated_setup()
        uvicorn.run(create_app, factory=True, host="127.0.0.1", port=port, log_level="error", lifespan="on")
        code = 0
    except SystemExit as exc:  # uvicorn's exit when it cannot start (the port taken)
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stderr.flush()
        os._exit(code)
