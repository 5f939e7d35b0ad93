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


# The dataset card's lists of the most frequent values: (title, column of the articles table).
FACETS = (("Languages", "language"), ("Sites", "site_name"), ("Input folders", "folder"))


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
    counts_by_facet, dates = article_facets(store)
    for title, column in FACETS:
        ranked = counts_by_facet.filter(pl.col("facet") == column).sort("n", "value", descending=[True, False]).head(15)
        if ranked.height:
            lines += [
                "",
                f"## {title}",
                "",
                ", ".join(f"{v} ({n})" for v, n in ranked.select("value", "n").iter_rows()),
            ]
    if dates["n"]:
        lines += ["", "## Dates", "", f"published {dates['first']} to {dates['last']} ({dates['n']} dated articles)"]
    lines += ["", "## Duplicates and speakers", "", *quality(store, counts)]
    lines += ["", LOADING.format(out=out)]
    for name, (schema, docs) in schemas.TABLES.items():
        lines += [f"## {name}", "", "| column | type | meaning |", "| --- | --- | --- |"]
        lines += [f"| {f.name} | {f.type} | {docs[f.name]} |" for f in schema]
        lines.append("")
    return "\n".join(lines)


def article_facets(store: Store) -> tuple[pl.DataFrame, dict]:
    """Articles per value of each facet (facet, value, n), and the range of publication dates
    (first, last, n dated), gathered a part of the articles table at a time."""
    counted, dated = [], []
    for part in store.dataset_parts("articles", ["language", "site_name", "source_path", "published"]):
        frame = pl.from_arrow(part).with_columns(folder=pl.col("source_path").str.extract(r"^([^/]+)/", 1))
        for _, column in FACETS:
            by_value = frame.group_by(value=column).agg(n=pl.len()).drop_nulls("value")
            counted.append(by_value.select(facet=pl.lit(column), value="value", n="n"))
        published = pl.col("published")
        dated.append(frame.select(first=published.min(), last=published.max(), n=published.count()))
    if not counted:
        return pl.DataFrame(schema={"facet": pl.String, "value": pl.String, "n": pl.UInt32}), {"n": 0}
    facets = pl.concat(counted).group_by("facet", "value").agg(pl.col("n").sum())
    dates = pl.concat(dated).select(pl.col("first").min(), pl.col("last").max(), pl.col("n").sum())
    return facets, dates.row(0, named=True)


def count_rows(store: Store, table: str, column: str, value: object = None) -> int:
    """Rows of a published table whose ``column`` is not null (or equals ``value``), a part at a time.
    (polars, not pyarrow.compute: its first comparison took 0.45 s to set up.)"""
    counted = pl.col(column).is_not_null() if value is None else pl.col(column) == value
    parts = store.dataset_parts(table, [column])
    return sum(pl.from_arrow(part).select(counted.sum()).item() for part in parts if column in part.column_names)


def quality(store: Store, counts: dict[str, int]) -> list[str]:
    """The card's lines on duplicates and on how many quotes have a speaker."""
    quotes = counts.get("quotes", 0)
    near = count_rows(store, "articles", "duplicate_of")
    repeated = count_rows(store, "paragraphs", "is_duplicate", True)
    copies = count_rows(store, "rejects", "reason", "duplicate")
    named, written = count_rows(store, "quotes", "speaker"), count_rows(store, "quotes", "speaker_text")

    def share(n: int) -> str:
        return f"{n} of {quotes} ({n / quotes:.1%})" if quotes else "0"

    return [
        f"- near-duplicate articles (`duplicate_of` set): {near} of {counts.get('articles', 0)}",
        f"- paragraphs repeated from an earlier article (`is_duplicate`): {repeated} of {counts.get('paragraphs', 0)}",
        f"- inputs rejected as byte-for-byte copies of another input: {copies}",
        f"- quotes with a person as speaker (`speaker`): {share(named)}; with a speaker as written "
        f"(`speaker_text`, a person or not): {share(written)}",
    ]


def top_speakers(store: Store, n: int = 20) -> list[dict]:
    """The most-quoted people of the published corpus (a part of the quotes table at a time)."""
    counted = [
        pl.from_arrow(part)
        .filter(pl.col("speaker").is_not_null())
        .group_by("speaker")
        .agg(quotes=pl.len(), full=(pl.col("kind") == "full").sum())
        for part in store.dataset_parts("quotes", ["speaker", "kind"])
    ]
    if not counted:
        return []
    ranked = pl.concat(counted).group_by("speaker").agg(pl.col("quotes").sum(), pl.col("full").sum())
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
