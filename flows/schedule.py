"""Serving the pipeline: a scheduled deployment plus on-demand single-stage deployments."""

from __future__ import annotations

from prefect import serve

from flows.graph import STAGES
from flows.pipeline import pipeline


def serve_pipeline(input_url: str, output_url: str, *, cron: str | None, interval: int | None) -> None:
    """Serve until interrupted: `newscurate/scheduled` on the schedule, `newscurate/stage-NAME` on demand.

    Scheduled runs wait for the output's lock, so a slow run delays the next one
    instead of failing it.
    """
    params = {"input_url": input_url, "output_url": output_url, "settings": {"wait_for_lock": True}}
    scheduled = pipeline.to_deployment(name="scheduled", cron=cron, interval=interval, parameters=params)
    on_demand = [
        pipeline.to_deployment(name=f"stage-{stage.name}", parameters=params | {"only": [stage.name]})
        for stage in STAGES
        if stage.results is not None  # publish runs after any of them
    ]
    serve(scheduled, *on_demand)
