"""The application of a run's temporary Prefect server."""

import gc

from flows.cli import SERVER_APP
from flows.server_app import create_app


def test_the_server_app_is_prefect_s_api_built_with_the_collector_paused_then_frozen():
    assert f"{create_app.__module__}:{create_app.__name__}" == SERVER_APP
    frozen = gc.get_freeze_count()
    try:
        app = create_app()
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
    paths = {getattr(route, "path", "") for route in app.routes}
    assert "/api" in paths  # Prefect's API, mounted under /api as the client expects
