"""Hostile input: every file ends up in exactly one of articles and rejects, the run exits 0, no traceback."""

import gzip
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import polars as pl
import pytest

from tests.servers import BIN

STORY = (
    "The harbour authority said on Monday that the new ferry line would open in spring.\n\n"
    "“We expect twelve crossings a day,” said Maria Olsen, the authority's director.\n\n"
    "Local shops welcomed the plan, which had been debated for years.\n"
)


def hostile_folder(root: Path, outside: Path) -> dict[str, str | None]:
    """Write the hostile inputs; returns {relative path: expected reject reason or None for an article}."""
    files: dict[str, tuple[bytes, str | None]] = {
        "empty.txt": (b"", "empty"),
        "blank.txt": (b"  \n\t \r\n", "empty"),
        "binary.txt": (bytes(range(256)) * 64, "binary"),
        "report.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n", "unsupported_type"),
        "nul bytes.txt": (STORY.replace("ferry", "fer\x00ry").encode(), None),
        "invisible.txt": (STORY.replace("harbour", "har\u200bbour\u202e").encode(), None),
        "crlf.txt": (STORY.replace("\n", "\r\n").encode(), None),
        "cr.txt": (STORY.replace("\n", "\r").encode(), None),
        "cp1252.txt": (STORY.replace("“", '"').replace("”", '"').replace("'", "’").encode("cp1252"), None),
        "mojibake.txt": (STORY.encode("utf-8").decode("cp1252", errors="ignore").encode("utf-8"), None),
        "story.txt.gz": (gzip.compress(STORY.encode()), None),
        "broken.txt.gz": (gzip.compress(STORY.encode())[:20], "undecodable"),
        "long line.txt": (
            " ".join(f"Report {i} said the harbour would open in spring." for i in range(100_000)).encode(),
            None,
        ),  # one 5 MB line
        "quotes.txt": (('He said “ and ” and " ' * 5000 + "\n\n" + STORY).encode(), None),
        "malformed.html": (b"<html><body><p>" + STORY.encode() + b"<div><p>unclosed <b>tags</i></body>", None),
        "scripts.html": (
            b"<html><head><script>var a = 1;</script></head><body><script>x()</script></body></html>",
            "no_content",
        ),
        "d1/d2/d3/d4/d5/d6/deep.txt": (STORY.encode(), None),
        "naïve ünïcode name.txt": (STORY.replace("Monday", "Tuesday").encode(), None),
        "line\nbreak.txt": (STORY.replace("Monday", "Friday").encode(), None),
        "crlf2.txt": (STORY.replace("\n", "\r\n").encode(), "duplicate"),
        "too big.txt": (b"x" * (17 * 1024 * 1024), "too_large"),
        "data.json": (json.dumps({"title": "Ferry", "x": 1, "body": STORY}).encode(), "not_prose"),
        "table.csv": ("\n".join(f"2024-03-{d:02d},{d * 3},{d % 4}" for d in range(1, 20)).encode(), "not_prose"),
        "menu.html": (
            b"<html><body><nav>Home | News | Sport</nav><p>Home | News | Sport</p></body></html>",
            "no_content",
        ),
    }
    for rel, (data, _) in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    outside.write_text(STORY)
    os.symlink(outside, root / "escape.txt")
    expected = {rel: reason for rel, (_, reason) in files.items()}
    return expected | {"escape.txt": "outside_root"}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    root = base / "in"
    root.mkdir()
    expected = hostile_folder(root, base / "outside-secret.txt")
    got = subprocess.run(
        [str(BIN / "newscurate"), "run", "--input", str(root), "--output", str(base / "out"), "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        env=os.environ | {"PREFECT_HOME": str(base / "prefect")},
    )
    return expected, base / "out", got


def test_run_succeeds_without_traceback(hostile_run):
    _, _, got = hostile_run
    assert got.returncode == 0, got.stderr
    assert "Traceback" not in got.stderr + got.stdout


def test_the_temporary_server_keeps_the_run_and_its_artifacts(hostile_run):
    """The run had no PREFECT_API_URL: its temporary server, killed as the run exits, had already
    committed the flow run's final state and its artifacts to the database under PREFECT_HOME."""
    _, out, _ = hostile_run
    db = sqlite3.connect(f"file:{out.parent / 'prefect' / 'prefect.db'}?mode=ro", uri=True)
    try:
        runs = db.execute("SELECT id, state_type FROM flow_run").fetchall()
        keys = {key for (key,) in db.execute("SELECT key FROM artifact WHERE flow_run_id = ?", (runs[0][0],))}
    finally:
        db.close()
    assert [state for _, state in runs] == ["COMPLETED"]
    assert {"newscurate-summary", "newscurate-counts", "newscurate-rejects", "newscurate-speakers"} <= keys


def test_the_temporary_server_registers_no_block_types(hostile_run):
    """The pipeline stores no blocks, so its server skips registering them (and importing every
    installed Prefect collection to do so); PREFECT_HOME was new, so its database has none."""
    _, out, _ = hostile_run
    db = sqlite3.connect(f"file:{out.parent / 'prefect' / 'prefect.db'}?mode=ro", uri=True)
    try:
        (block_types,) = db.execute("SELECT count(*) FROM block_type").fetchone()
    finally:
        db.close()
    assert block_types == 0


def test_every_file_is_accounted_for_exactly_once(hostile_run):
    expected, out, got = hostile_run
    articles = pl.read_parquet(out / "articles")["source_path"].to_list()
    rejects = {r["source_path"]: r["reason"] for r in pl.read_parquet(out / "rejects").to_dicts()}
    assert sorted(articles + list(rejects)) == sorted(expected)
    assert rejects == {p: r for p, r in expected.items() if r is not None}
    summary = json.loads(got.stdout.strip().splitlines()[-1])
    assert (summary["articles"], summary["rejects"]) == (len(articles), len(rejects))


def test_text_is_repaired(hostile_run):
    _, out, _ = hostile_run
    texts = {r["source_path"]: r["text"] for r in pl.read_parquet(out / "articles").to_dicts()}
    reference = texts["crlf.txt"]
    for name in ("cr.txt", "story.txt.gz", "nul bytes.txt", "invisible.txt", "d1/d2/d3/d4/d5/d6/deep.txt"):
        assert texts[name] == reference, name
    assert "’" in texts["cp1252.txt"]
    assert "“We expect" in texts["mojibake.txt"]
