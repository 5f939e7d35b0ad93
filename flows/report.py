"""Human-readable outputs: the dataset card (output/README.md) and the run summary."""

from __future__ import annotations

from flows.storage import Store
from transforms import schemas

LOADING = """## Loading

```python
import polars as pl;  articles = pl.read_parquet("{out}/articles.parquet")
import pandas as pd;  quotes = pd.read_parquet("{out}/quotes.parquet")
import duckdb;        duckdb.sql("SELECT speaker, count(*) FROM '{out}/quotes.parquet' GROUP BY 1 ORDER BY 2 DESC")
```
"""


def dataset_card(store: Store, counts: dict[str, int]) -> str:
    """Markdown describing every table: row count, columns with types and meanings."""
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
    lines += ["", LOADING.format(out=out)]
    for name, (schema, docs) in schemas.TABLES.items():
        lines += [f"## {name}", "", "| column | type | meaning |", "| --- | --- | --- |"]
        lines += [f"| {f.name} | {f.type} | {docs[f.name]} |" for f in schema]
        lines.append("")
    return "\n".join(lines)
