"""The HTML report: ``output/report/index.html``, one self-contained page of counts and charts,
plus inspector pages for a sample of articles (``flows.inspector``).

Every figure is a DuckDB aggregate over the published tables (``flows.sql``): DuckDB reads
only the columns a query names, a row group at a time, so the report never holds a table.
The charts are inline SVG drawn here (``flows.charts``): the page needs no server, no
network and no script beyond its search box. The run refreshes the report after it
publishes; an unchanged output (same tables, same report code) keeps its report.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import time
from html import escape
from typing import TYPE_CHECKING

from flows import charts, inspector
from flows import sql as tables_sql
from flows.publish import PUBLISHED
from flows.storage import STATE, Store
from flows.versions import code_hash
from transforms import schemas

if TYPE_CHECKING:  # imported where it is used: see flows.sql
    import duckdb

INDEX = "report/index.html"
BUILT = f"{STATE}/report.json"
TOP = 20  # rows of the ranked charts (sites, speakers, people)
TOP_REASONS = 6  # removal reasons drawn per site; the rest is "other"
TOP_SITES = 12
SPEAKERS_OVER_TIME = 5
# Articles with an inspector page besides the examples the charts link to (one per top site,
# speaker and person, removal reason, attribution rule): the first by article_id, a hash, so a fixed
# random sample. 40 pages of about 30 KB keep the report near 2 MB at any corpus size.
SAMPLE = 40
# Publication dates are counted per day when they span at most this many days, per month up to
# this many months, else per year: 20 to 240 bars.
DAYS, MONTHS = 92, 240


# -- figures ------------------------------------------------------------------------------------


def ranked(con: duckdb.DuckDBPyConnection, query: str, params: dict | None = None) -> list[tuple[str, int]]:
    return [(str(name), n) for name, n in con.execute(query, params or {}).fetchall()]


def periods(first: dt.date, last: dt.date) -> tuple[str, list[str]]:
    """The unit dates are counted in (day, month or year) and every period from first to last."""
    if (last - first).days < DAYS:
        days = (last - first).days + 1
        return "day", [(first + dt.timedelta(d)).isoformat() for d in range(days)]
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= MONTHS:
        start = first.year * 12 + first.month - 1
        return "month", [f"{(start + m) // 12}-{(start + m) % 12 + 1:02d}" for m in range(months)]
    return "year", [str(y) for y in range(first.year, last.year + 1)]


PERIOD_FORMAT = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def figures(con: duckdb.DuckDBPyConnection) -> dict:
    """Every number the report shows, as small Python values."""
    f: dict = {"counts": {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in schemas.TABLES}}
    top = f"ORDER BY n DESC, 1 LIMIT {TOP}"
    f["sites"] = ranked(con, f"SELECT site_name, count(*) n FROM articles WHERE site_name IS NOT NULL GROUP BY 1 {top}")
    f["no_site"] = con.execute("SELECT count(*) FROM articles WHERE site_name IS NULL").fetchone()[0]
    f["languages"] = ranked(con, f"SELECT coalesce(language, '(unknown)'), count(*) n FROM articles GROUP BY 1 {top}")
    first, last, dated = con.execute("SELECT min(published), max(published), count(published) FROM articles").fetchone()
    f["dated"], f["dates"], f["unit"], f["periods"] = dated, [], None, []
    if dated:
        unit, names = periods(first, last)
        fmt = PERIOD_FORMAT[unit]
        counted = dict(
            con.execute(
                f"SELECT strftime(published, '{fmt}'), count(*) FROM articles WHERE published IS NOT NULL GROUP BY 1"
            ).fetchall()
        )
        f["unit"], f["periods"] = unit, names
        f["dates"] = [(p, counted.get(p, 0)) for p in names]
    f["reasons"] = ranked(con, "SELECT reason, count(*) n FROM boilerplate GROUP BY 1 ORDER BY n DESC, 1")
    f["removed_by_site"] = removed_by_site(con, [r for r, _ in f["reasons"][:TOP_REASONS]])
    f["rejects"] = ranked(con, "SELECT reason, count(*) n FROM rejects GROUP BY 1 ORDER BY n DESC, 1")
    f["reject_examples"] = con.execute(
        f"SELECT source_path, reason, detail FROM rejects ORDER BY source_path LIMIT {TOP}"
    ).fetchall()
    f |= quote_figures(con, f["unit"], f["periods"])
    f["people"] = con.execute(
        f"SELECT name, n_articles, n_mentions FROM people ORDER BY n_articles DESC, n_mentions DESC, name LIMIT {TOP}"
    ).fetchall()
    f["duplicate_articles"] = con.execute("SELECT count(duplicate_of) FROM articles").fetchone()[0]
    f["duplicate_paragraphs"] = con.execute("SELECT count(*) FROM paragraphs WHERE is_duplicate").fetchone()[0]
    return f


def removed_by_site(con: duckdb.DuckDBPyConnection, reasons: list[str]) -> list[tuple[str, list[int]]]:
    """Removed lines of the sites with the most, split by the top reasons (the rest as 'other')."""
    rows = con.execute(
        f"""
        WITH lines AS (
            SELECT coalesce(a.site_name, '(no site)') AS site, b.reason
            FROM boilerplate b JOIN articles a USING (article_id)
        ), top AS (SELECT site FROM lines GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT {TOP_SITES})
        SELECT site, CASE WHEN reason IN (SELECT unnest($reasons)) THEN reason ELSE 'other' END, count(*)
        FROM lines WHERE site IN (SELECT site FROM top) GROUP BY ALL
        """,
        {"reasons": reasons},
    ).fetchall()
    by_site: dict[str, dict[str, int]] = {}
    for site, reason, n in rows:
        by_site.setdefault(site, {})[reason] = n
    order = sorted(by_site, key=lambda s: (-sum(by_site[s].values()), s))
    return [(s, [by_site[s].get(r, 0) for r in [*reasons, "other"]]) for s in order]


def quote_figures(con: duckdb.DuckDBPyConnection, unit: str | None, names: list[str]) -> dict:
    """Who the quotes are attributed to: named people, other speakers, none; by rule; over the
    periods of the publication dates (``unit``, ``names``: see ``periods``)."""
    total, named, written = con.execute(
        "SELECT count(*), count(speaker), count(*) FILTER (speaker IS NULL AND speaker_text IS NOT NULL) FROM quotes"
    ).fetchone()
    f = {"quotes": total, "named": named, "unnamed_speaker": written}
    f["speakers"] = con.execute(
        f"""SELECT speaker, count(*) n, count(*) FILTER (kind = 'full'), count(DISTINCT article_id) FROM quotes
        WHERE speaker IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT {TOP}"""
    ).fetchall()
    f["attribution"] = []
    if "attribution" in tables_sql.columns_of(con, "quotes"):
        f["attribution"] = con.execute(
            """SELECT coalesce(attribution, '(none)'), count(*) n, count(speaker) FROM quotes
            GROUP BY 1 ORDER BY n DESC, 1"""
        ).fetchall()
    f["over_time"] = []
    top = [row[0] for row in f["speakers"][:SPEAKERS_OVER_TIME]]
    if top and unit is not None:
        counted = con.execute(
            f"""SELECT q.speaker, strftime(a.published, '{PERIOD_FORMAT[unit]}'), count(*) FROM quotes q
            JOIN articles a USING (article_id) WHERE q.speaker IN (SELECT unnest($top)) AND a.published IS NOT NULL
            GROUP BY ALL""",
            {"top": top},
        ).fetchall()
        by = {(s, p): n for s, p, n in counted}
        f["over_time"] = [(s, [by.get((s, p), 0) for p in names]) for s in top]
    return f


def examples(con: duckdb.DuckDBPyConnection, f: dict) -> dict[str, dict[str, str]]:
    """An article to inspect for each top site, speaker, person, removal reason and attribution rule:
    the first by article_id (a hash: a random pick that stays the same from run to run)."""

    def first(query: str, values: list[str]) -> dict[str, str]:
        return dict(con.execute(query, {"v": values}).fetchall()) if values else {}

    out = {
        "site": first(
            "SELECT site_name, min(article_id) FROM articles WHERE site_name IN (SELECT unnest($v)) GROUP BY 1",
            [s for s, _ in f["sites"]],
        ),
        "speaker": first(
            "SELECT speaker, min(article_id) FROM quotes WHERE speaker IN (SELECT unnest($v)) GROUP BY 1",
            [row[0] for row in f["speakers"]],
        ),
        "reason": first(
            "SELECT reason, min(article_id) FROM boilerplate WHERE reason IN (SELECT unnest($v)) GROUP BY 1",
            [r for r, _ in f["reasons"]],
        ),
    }
    out["person"] = first(
        "SELECT p.name, min(m.article_id) FROM mentions m JOIN people p USING (person_id) "
        "WHERE p.name IN (SELECT unnest($v)) GROUP BY 1",
        [row[0] for row in f["people"]],
    )
    rules = [row[0] for row in f["attribution"] if row[0] != "(none)"]
    out["rule"] = first(
        "SELECT attribution, min(article_id) FROM quotes WHERE attribution IN (SELECT unnest($v)) GROUP BY 1", rules
    )
    return out


# -- the page ---------------------------------------------------------------------------------

CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em;color:#222}
h1{font-size:1.5em;margin:.2em 0} h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
h3{font-size:1em;margin:1.2em 0 .3em} a{color:#0a58a0} nav a{margin-right:1em}
.chart{width:100%;height:auto;display:block} .note{color:#555;font-size:.9em}
table{border-collapse:collapse;font-size:.9em} td,th{border-bottom:1px solid #eee;padding:.2em .6em;text-align:left}
td.n,th.n{text-align:right} .cards{display:flex;flex-wrap:wrap;gap:.8em}
.card{border:1px solid #ddd;border-radius:6px;padding:.4em .8em} .card b{display:block;font-size:1.3em}
input[type=search]{width:100%;max-width:30em;padding:.3em;font-size:1em;margin:.3em 0}
"""
SEARCH_JS = """
document.getElementById('search').addEventListener('input', function (e) {
  var words = e.target.value.toLowerCase().split(/\\s+/).filter(Boolean);
  document.querySelectorAll('#pages tbody tr').forEach(function (row) {
    var text = row.textContent.toLowerCase();
    row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
  });
});
"""


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"


def table_html(head: list[str], rows: list[list], numeric: set[int] = frozenset()) -> str:
    cls = [' class="n"' if i in numeric else "" for i in range(len(head))]
    out = ["<table><thead><tr>", *(f"<th{cls[i]}>{escape(h)}</th>" for i, h in enumerate(head)), "</tr></thead><tbody>"]
    for row in rows:
        cells = [c if isinstance(c, Raw) else escape(charts.number(c) if isinstance(c, int) else str(c)) for c in row]
        out.append("<tr>" + "".join(f"<td{cls[i]}>{c}</td>" for i, c in enumerate(cells)) + "</tr>")
    return "".join(out) + "</tbody></table>"


class Raw(str):
    """HTML already escaped (a link), put in a table as it is."""


def link(text: str, article_id: str | None) -> str:
    return Raw(f'<a href="articles/{article_id}.html">{escape(text)}</a>') if article_id else text


def render(f: dict, ex: dict[str, dict[str, str]], pages: list[dict], output: str, seconds: float) -> str:
    """The report page from the figures, the example articles and the inspector pages."""
    counts = f["counts"]
    page_of = {kind: {k: f"articles/{v}.html" for k, v in found.items()} for kind, found in ex.items()}
    sections = []

    def section(anchor: str, title: str, *body: str) -> None:
        sections.append(f'<h2 id="{anchor}">{escape(title)}</h2>' + "".join(body))

    cards = "".join(f'<div class="card"><b>{charts.number(n)}</b>{t}</div>' for t, n in counts.items())
    section(
        "tables",
        "Tables",
        f'<div class="cards">{cards}</div>',
        f'<p class="note">Rows per table in <code>{escape(output)}</code>. Query them with '
        '<code>newscurate sql "SELECT ..."</code>; the columns are described in the dataset card, '
        "<code>README.md</code>.</p>",
        f"<p>Near-duplicate articles: {charts.number(f['duplicate_articles'])}; paragraphs repeated from an "
        f"earlier article: {charts.number(f['duplicate_paragraphs'])}.</p>",
    )
    dated = f"{charts.number(f['dated'])} of {charts.number(counts['articles'])} articles have a publication date"
    section(
        "articles",
        "Articles",
        "<h3>By site</h3>",
        charts.bars(f["sites"], "articles per site", links=page_of["site"]),
        f'<p class="note">The {len(f["sites"])} sites with the most articles; {charts.number(f["no_site"])} articles '
        "name no site. A site's name links to one of its articles in the inspector.</p>",
        "<h3>By language</h3>",
        charts.bars(f["languages"], "articles per language"),
        f"<h3>By publication date (per {f['unit'] or 'day'})</h3>",
        charts.columns(f["dates"], f"articles per {f['unit'] or 'day'} of publication"),
        f'<p class="note">{dated}.</p>',
    )
    reasons = [r for r, _ in f["reasons"][:TOP_REASONS]]
    section(
        "removed",
        "Removed lines",
        "<h3>By reason</h3>",
        charts.bars(f["reasons"], "removed lines per reason", links=page_of["reason"]),
        '<p class="note">Every line dropped from an input, by the rule that dropped it (the <code>boilerplate</code> '
        "table). A reason links to an article where it applied.</p>",
        "<h3>By site</h3>",
        charts.stacked(f["removed_by_site"], [*reasons, "other"], "removed lines per site and reason"),
    )
    section(
        "rejects",
        "Rejected inputs",
        charts.bars(f["rejects"], "rejected inputs per reason"),
        table_html(["input", "reason", "detail"], [list(r) for r in f["reject_examples"]])
        if f["reject_examples"]
        else "<p>No input was rejected.</p>",
    )
    total = f["quotes"]
    other = total - f["named"] - f["unnamed_speaker"]
    body = [
        charts.stacked(
            [("quotes", [f["named"], f["unnamed_speaker"], other])],
            ["named person", "other speaker", "no speaker"],
            "quotes by kind of speaker",
        ),
        f'<p class="note">{charts.number(total)} quotes: {share(f["named"], total)} with a named person as speaker, '
        f'{share(f["unnamed_speaker"], total)} with another speaker ("the ministry", an unresolved "he"), '
        f"{share(other, total)} with none.</p>",
    ]
    if f["attribution"]:
        rows = [[link(rule, ex["rule"].get(rule)), n, named, share(named, n)] for rule, n, named in f["attribution"]]
        body += [
            "<h3>By attribution rule</h3>",
            charts.bars([(rule, n) for rule, n, _ in f["attribution"]], "quotes per attribution rule"),
            table_html(["rule", "quotes", "named speaker", "share"], rows, {1, 2, 3}),
        ]
    body += [
        "<h3>Most-quoted speakers</h3>",
        charts.bars([(s, n) for s, n, _, _ in f["speakers"]], "quotes per speaker", links=page_of["speaker"]),
        table_html(
            ["speaker", "quotes", "full quotes", "articles"],
            [[link(s, ex["speaker"].get(s)), n, full, arts] for s, n, full, arts in f["speakers"]],
            {1, 2, 3},
        ),
    ]
    if len(f["periods"]) > 1 and f["over_time"]:
        body += [
            f"<h3>Quotes per {f['unit']} of the {len(f['over_time'])} most-quoted speakers</h3>",
            charts.lines(f["periods"], f["over_time"], "quotes per speaker over time"),
            '<p class="note">By the publication date of the quoting article; articles without a date are left out.</p>',
        ]
    section("quotes", "Quotes and speakers", *body)
    section(
        "people",
        "People",
        charts.bars([(name, n) for name, n, _ in f["people"]], "articles per person", links=page_of["person"]),
        '<p class="note">The people mentioned in the most articles (the <code>people</code> table); a name links '
        "to an article that mentions them.</p>",
    )
    rows = [
        [
            link(p["title"] or p["source_path"], p["article_id"]),
            p["site_name"] or "",
            str(p["published"] or ""),
            p["quotes"],
            p["removed"],
        ]
        for p in pages
    ]
    section(
        "inspector",
        "Article inspector",
        f"<p>{len(pages)} articles have a page showing the input line by line (removed lines struck through with "
        "their reason), the paragraphs as kept, quotes with their speaker and cue, and person mentions. Any other "
        "article: <code>newscurate show ARTICLE_ID</code> (or the input's path) prints it in the terminal and adds "
        "its page here.</p>",
        '<input type="search" id="search" placeholder="filter: words of a title, a site, a date" '
        'aria-label="filter the articles">',
        '<div id="pages">'
        + table_html(["article", "site", "published", "quotes", "removed lines"], rows, {3, 4})
        + "</div>",
    )
    nav = "".join(
        f'<a href="#{a}">{t}</a>'
        for a, t in (
            ("tables", "Tables"),
            ("articles", "Articles"),
            ("removed", "Removed lines"),
            ("rejects", "Rejects"),
            ("quotes", "Quotes"),
            ("people", "People"),
            ("inspector", "Inspector"),
        )
    )
    built = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>newscurate report</title><style>{CSS}</style></head>
<body><h1>newscurate report</h1>
<p class="note">{escape(output)} · built {built} in {seconds:.1f} s · every chart is drawn from the published tables;
hover a bar for its exact value.</p>
<nav>{nav}</nav>
{"".join(sections)}
<script>{SEARCH_JS}</script>
</body></html>
"""


# -- building ---------------------------------------------------------------------------------


def asked(store: Store) -> list[str]:
    """The articles `newscurate show` was asked about."""
    path = store.path(inspector.ASKED)
    return sorted(posixpath.basename(p) for p in store.fs.ls(path, detail=False)) if store.fs.isdir(path) else []


def freshness(store: Store) -> dict:
    published = store.read_json(PUBLISHED) or {}
    return {
        "tables": {t: published.get(t) for t in schemas.TABLES},
        "code": code_hash(__name__),  # the report's code: a new version rebuilds an unchanged output's report
        "asked": asked(store),
    }


def is_current(store: Store, key: dict) -> bool:
    """True when the report was built from the tables, code and asked-for pages ``key`` names."""
    return store.read_json(BUILT) == key and store.exists(INDEX)


def index(store: Store) -> str:
    """Where the report's index page is, as a user opens it."""
    return tables_sql.located(store, store.path(INDEX))


def build(output_url: str, *, force: bool = False) -> dict:
    """Write the report and its inspector pages, unless they are current (``force`` rebuilds).
    Returns the index's path, the pages written and the seconds it took (0 pages when current)."""
    start = time.perf_counter()
    store = Store(output_url)
    key = freshness(store)
    if not force and is_current(store, key):
        return {"index": index(store), "pages": 0, "seconds": round(time.perf_counter() - start, 3)}
    con = tables_sql.connect(store)
    f = figures(con)
    ex = examples(con, f)
    wanted = [*dict.fromkeys([*(a for found in ex.values() for a in found.values()), *key["asked"]])]
    wanted += [
        a
        for (a,) in con.execute(
            "SELECT article_id FROM articles WHERE article_id NOT IN (SELECT unnest($w)) ORDER BY article_id LIMIT "
            f"{SAMPLE}",
            {"w": wanted},
        ).fetchall()
    ]
    evidence = inspector.gather(con, store, wanted)
    linked = set(evidence)
    for aid, ev in evidence.items():
        store.write_bytes(inspector.page_path(aid), inspector.page_html(ev, linked).encode())
    remove_stale_pages(store, linked)
    pages = sorted(
        (ev.article | {"quotes": len(ev.quotes), "removed": len(ev.removed)} for ev in evidence.values()),
        key=lambda a: (a["title"] or a["source_path"] or "").lower(),
    )
    html = render(f, ex, pages, store.url, time.perf_counter() - start)
    store.write_bytes(INDEX, html.encode())
    store.write_json(BUILT, key)
    return {"index": index(store), "pages": len(evidence), "seconds": round(time.perf_counter() - start, 3)}


def remove_stale_pages(store: Store, keep: set[str]) -> None:
    """Delete the pages of articles no longer inspected (gone from the corpus, or out of the sample)."""
    path = store.path(inspector.PAGES)
    if not store.fs.isdir(path):
        return
    for page in store.fs.ls(path, detail=False):
        name = posixpath.basename(page)
        if name.endswith(".html") and name[: -len(".html")] not in keep:
            store.fs.rm(page)
