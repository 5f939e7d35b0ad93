"""Input and output on S3: a real S3-compatible server (moto) on 127.0.0.1."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import polars as pl
import pytest
import s3fs

from tests.servers import BIN, free_port, server

SEEDS = Path(__file__).parents[2] / "seeds"


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    port = free_port()
    env = os.environ | {
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
    }
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with server([str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)], port, log=log):
        yield env


def test_seeds_round_trip_through_s3(s3, tmp_path):
    fs = s3fs.S3FileSystem(endpoint_url=s3["AWS_ENDPOINT_URL"], key="test", secret="test")
    fs.mkdir("news")
    local = tmp_path / "in"
    shutil.copytree(SEEDS, local)
    fs.put(f"{local}/", "news/in/", recursive=True)
    command = [str(BIN / "newscurate"), "run", "--input", "s3://news/in", "--output", "s3://news/out", "--json"]
    env = s3 | {"PREFECT_HOME": str(tmp_path / "prefect")}
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout.splitlines()[-1])
    assert summary["articles"] == 5
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout.splitlines()[-1])["stages"] == []  # nothing changed on S3 either
    assert summary["report"] == "s3://news/out/report/index.html"  # the report is built on S3 too
    assert b"newscurate report" in fs.cat("news/out/report/index.html")
    assert len(fs.ls("news/out/report/articles")) == 5
    sql = subprocess.run(
        [str(BIN / "newscurate"), "sql", "SELECT count(*) AS n FROM mentions", "--output", "s3://news/out", "--csv"],
        env=s3 | {"PREFECT_HOME": str(tmp_path / "prefect")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert sql.returncode == 0, sql.stderr
    assert int(sql.stdout.splitlines()[1]) > 0

    options = {
        "aws_endpoint_url": s3["AWS_ENDPOINT_URL"],
        "aws_allow_http": "true",
        "aws_access_key_id": "test",
        "aws_secret_access_key": "test",
        "aws_region": "us-east-1",
    }
    articles = pl.read_parquet("s3://news/out/articles/*.parquet", storage_options=options)
    assert sorted(articles["source_path"]) == sorted(p.name for p in SEEDS.iterdir())
    con = duckdb.connect()
    con.register_filesystem(fs)
    n = con.sql("SELECT count(*) FROM read_parquet('s3://news/out/quotes/*.parquet')").fetchall()[0][0]
    assert n == pl.read_parquet("s3://news/out/quotes/*.parquet", storage_options=options).height > 0
