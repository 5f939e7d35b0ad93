"""Human-readable outputs: the dataset card (output/README.md) and the run summary."""

from __future__ import annotations

import polars as pl

from flows.storage import Store
from transforms import schemas

LOADING = """## Loading

```python
import polars as pl;  articles = pl.read_parquet("{out}/articles/")
import pandas as pd;  quotes = pd.read_parquet("{out}/quotes")
import duckdb;        duckdb.sql("SELECT speaker, count(*) FROM '{out}/quotes/*.parquet' GROUP BY 1 ORDER BY 2 DESC")
```
"""


def dataset_card(store: Store, counts: dict[str, int]) -> str:
    """Markdown describing the dataset: row counts, languages, sources, dates, every column."""
    out = store.url.rstrip("/")
    lines = [
        "# newscurate dataset",
        "",
        "Curated news articles: cleaned text, paragraphs, quotes with speakers, the people who appear,",
        "every removed line with its reason and every rejected input with its reason.",
        "",
        "| table | rows |",
        "| --- | --- |",
    ]
    lines += [f"| {t} | {counts.get(t, 0)} |" for t in schemas.TABLES]
    articles = store.read_dataset("articles", columns=["language", "site_name", "source_path", "published"])
    if articles is not None and articles.num_rows:
        frame = pl.from_arrow(articles).with_columns(folder=pl.col("source_path").str.extract(r"^([^/]+)/", 1))
        for title, column in (("Languages", "language"), ("Sites", "site_name"), ("Input folders", "folder")):
            ranked = frame[column].drop_nulls().value_counts(sort=True).head(15)
            if ranked.height:
                lines += ["", f"## {title}", "", ", ".join(f"{v} ({n})" for v, n in ranked.iter_rows())]
        dated = frame["published"].drop_nulls()
        if dated.len():
            lines += ["", "## Dates", "", f"published {dated.min()} to {dated.max()} ({dated.len()} dated articles)"]
    lines += ["", LOADING.format(out=out)]
    for name, (schema, docs) in schemas.TABLES.items():
        lines += [f"## {name}", "", "| column | type | meaning |", "| --- | --- | --- |"]
        lines += [f"| {f.name} | {f.type} | {docs[f.name]} |" for f in schema]
        lines.append("")
    return "\n".join(lines)


def top_speakers(store: Store, n: int = 20) -> list[dict]:
    """The most-quoted people of the published corpus."""
    quotes = store.read_dataset("quotes", columns=["speaker", "kind"])
    if quotes is None or quotes.num_rows == 0:
        return []
    frame = pl.from_arrow(quotes.select(["speaker", "kind"])).filter(pl.col("speaker").is_not_null())
    ranked = frame.group_by("speaker").agg(quotes=pl.len(), full=(pl.col("kind") == "full").sum())
    return ranked.sort("quotes", "speaker", descending=[True, False]).head(n).to_dicts()


def run_markdown(report: dict) -> str:
    """A short markdown summary of a run: counts, reasons, time per stage."""
    lines = [
        "# newscurate run",
        "",
        f"{report['articles']} articles, {report['rejects']} rejects; "
        f"inputs new {report.get('new', 0)}, changed {report.get('changed', 0)}, "
        f"unchanged {report.get('unchanged', 0)}, removed {report.get('removed', 0)}.",
        "",
    ]
    sections = [
        ("table", "rows", report.get("tables", {})),
        ("reject reason", "inputs", report.get("rejects_by_reason", {})),
        ("boilerplate reason", "lines", report.get("boilerplate_by_reason", {})),
        ("stage", "seconds", report.get("seconds", {})),
    ]
    for head, unit, values in sections:
        if values:
            lines += [f"| {head} | {unit} |", "| --- | --- |", *[f"| {k} | {v} |" for k, v in values.items()], ""]
    return "\n".join(lines)


def publish_artifacts(report: dict, store: Store) -> None:
    """Prefect artifacts of a run, shown in the UI: a summary, counts, rejects, top speakers."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    create_markdown_artifact(run_markdown(report), key="newscurate-summary", description="run summary")
    create_table_artifact(
        [{"table": k, "rows": v} for k, v in report.get("tables", {}).items()],
        key="newscurate-counts",
        description="rows per table",
    )
    create_table_artifact(
        [{"reason": k, "inputs": v} for k, v in report.get("rejects_by_reason", {}).items()],
        key="newscurate-rejects",
        description="rejected inputs by reason",
    )
    create_table_artifact(top_speakers(store), key="newscurate-speakers", description="most-quoted speakers")
