"""The article inspector: one article's evidence, as an HTML page and in the terminal.

For an article it shows the input as the clean stage read it, line by line, every
removed line struck through with its reason; the paragraphs as published; quotes
highlighted with their speaker and cue; person mentions underlined. The report
writes pages for a sample of articles (and for any article ``newscurate show``
was asked about), never one per article: a corpus has hundreds of thousands.
"""

from __future__ import annotations

import itertools
import posixpath
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from flows.buckets import bucket_path
from flows.sql import columns_of, literal, located, tables_of
from flows.storage import STATE, Store, bucket_count, bucket_of

if TYPE_CHECKING:  # imported where it is used: see flows.sql
    import duckdb

# Lines of the input and paragraphs shown per article: a page stays readable (and small) for
# an input of 16 MiB. Real articles have under 500 lines.
MAX_LINES = 3000
# Where `newscurate show` records the articles it was asked about, one empty file each, so that
# the report keeps their pages (a file each: two commands never rewrite one list).
ASKED = f"{STATE}/report/asked"
PAGES = "report/articles"
ARTICLE_FIELDS = [
    "article_id", "source_path", "title", "site_name", "section", "authors", "published", "dateline",
    "language", "format", "encoding", "repairs", "n_paragraphs", "n_boilerplate", "duplicate_of", "text",
]  # fmt: skip


@dataclass
class Evidence:
    """Everything the inspector shows about one article."""

    article: dict
    lines: list[str] | None  # the input as the clean stage read it (None when no longer stored)
    removed: dict[int, tuple[str, str]]  # line_number -> (text, reason)
    paragraphs: list[dict]
    quotes: list[dict]
    mentions: list[dict]
    names: dict[str, str] = field(default_factory=dict)  # person_id -> canonical name


def find(con: duckdb.DuckDBPyConnection, key: str) -> tuple[str, str] | None:
    """Resolve what a user typed to ("article", article_id) or ("reject", source_path): an article id,
    an input path relative to the input folder, a path ending with one (the longest such wins), or a
    prefix of 6 or more digits of exactly one article id."""
    arg = {"k": key}
    exact = con.execute(
        "SELECT 'article', article_id FROM articles WHERE article_id = $k OR source_path = $k "
        "UNION ALL SELECT 'reject', source_path FROM rejects WHERE source_path = $k",
        arg,
    ).fetchall()
    if exact:
        return exact[0]
    by_path = con.execute(
        "SELECT 'article' AS kind, article_id AS id, source_path FROM articles WHERE ends_with($k, '/' || source_path) "
        "UNION ALL SELECT 'reject', source_path, source_path FROM rejects WHERE ends_with($k, '/' || source_path) "
        "ORDER BY length(source_path) DESC LIMIT 1",
        arg,
    ).fetchall()
    if by_path:
        return by_path[0][0], by_path[0][1]
    if len(key) >= 6:
        prefixed = con.execute("SELECT article_id FROM articles WHERE starts_with(article_id, $k) LIMIT 2", arg)
        found = prefixed.fetchall()
        if len(found) == 1:
            return "article", found[0][0]
    return None


def gather(con: duckdb.DuckDBPyConnection, store: Store, ids: list[str]) -> dict[str, Evidence]:
    """The evidence for ``ids``: one query per table for all of them, and the input text from the
    ingest stage's state, reading only the buckets that hold them."""
    if not ids:
        return {}
    arg = {"ids": ids}
    where = "WHERE article_id IN (SELECT unnest($ids))"

    def rows(query: str) -> list[dict]:
        result = con.execute(query, arg)
        names = [d[0] for d in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def by_article(found: list[dict]) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = {}
        for row in found:
            out.setdefault(row["article_id"], []).append(row)
        return out

    quote_columns = columns_of(con, "quotes")
    extra = [c for c in ("attribution", "speaker_char_start", "speaker_char_end") if c in quote_columns]
    articles = {r["article_id"]: r for r in rows(f"SELECT {', '.join(ARTICLE_FIELDS)} FROM articles {where}")}
    paragraphs = by_article(
        rows(
            "SELECT article_id, paragraph_index, kind, char_start, char_end, is_duplicate "
            f"FROM paragraphs {where} ORDER BY article_id, paragraph_index"
        )
    )
    quotes = by_article(
        rows(
            "SELECT article_id, char_start, char_end, text, kind, speaker_text, speaker, person_id, cue"
            f"{''.join(', ' + c for c in extra)} FROM quotes {where} ORDER BY article_id, char_start"
        )
    )
    mentions = by_article(
        rows(
            "SELECT m.article_id, m.person_id, m.char_start, m.char_end, m.text, p.name FROM mentions m "
            "LEFT JOIN people p USING (person_id) WHERE m.article_id IN (SELECT unnest($ids)) "
            "ORDER BY m.article_id, m.char_start"
        )
        if "mentions" in tables_of(con)
        else []
    )
    removed = by_article(rows(f"SELECT article_id, line_number, text, reason FROM boilerplate {where}"))
    inputs = input_lines(con, store, list(articles))
    return {
        aid: Evidence(
            article=article,
            lines=inputs.get(aid),
            removed={r["line_number"]: (r["text"], r["reason"]) for r in removed.get(aid, [])},
            paragraphs=paragraphs.get(aid, []),
            quotes=quotes.get(aid, []),
            mentions=mentions.get(aid, []),
            names={m["person_id"]: m["name"] for m in mentions.get(aid, []) if m["name"]},
        )
        for aid, article in articles.items()
    }


def input_lines(con: duckdb.DuckDBPyConnection, store: Store, ids: list[str]) -> dict[str, list[str]]:
    """The input of each article as the clean stage read it (decoded; for HTML, the text extracted
    from it), split in lines, from the ingest stage's buckets that hold them."""
    n = bucket_count(store)
    files = [bucket_path("ingest", b) for b in sorted({bucket_of(aid, n) for aid in ids})]
    files = [located(store, store.path(f)) for f in files if store.exists(f)]
    if not files:
        return {}
    found = con.execute(
        f"SELECT article_id, text FROM read_parquet([{', '.join(map(literal, files))}]) "
        "WHERE article_id IN (SELECT unnest($ids)) AND text IS NOT NULL",
        {"ids": ids},
    ).fetchall()
    return {aid: text.split("\n") for aid, text in found}


# -- spans over the article text ------------------------------------------------------------


def spans(ev: Evidence) -> list[tuple[int, int, str, dict]]:
    """(start, end, kind, row) of every quote, speaker and mention, offsets into articles.text."""
    out = [(q["char_start"], q["char_end"], "quote", q) for q in ev.quotes]
    out += [
        (q["speaker_char_start"], q["speaker_char_end"], "speaker", q)
        for q in ev.quotes
        if q.get("speaker_char_start") is not None and q.get("speaker_char_end") is not None
    ]
    out += [(m["char_start"], m["char_end"], "mention", m) for m in ev.mentions]
    return out


def segments(start: int, end: int, marks: list[tuple[int, int, str, dict]]) -> list[tuple[int, int, list[int]]]:
    """Cut [start, end) at every mark's edges: (from, to, indices of the marks covering it)."""
    inside = [i for i, (s, e, _, _) in enumerate(marks) if s < end and e > start]
    cuts = sorted({start, end, *(max(start, min(end, x)) for i in inside for x in marks[i][:2])})
    return [(a, b, [i for i in inside if marks[i][0] <= a and marks[i][1] >= b]) for a, b in itertools.pairwise(cuts)]


def quote_note(q: dict, number: int) -> str:
    who = q["speaker"] or q["speaker_text"] or "no speaker found"
    parts = [f"quote {number}", f"{q['kind']}", f"speaker: {who}"]
    if q["speaker_text"] and q["speaker"] and q["speaker_text"] != q["speaker"]:
        parts.append(f"written: {q['speaker_text']}")
    parts.append(f"cue: {q['cue'] or 'none'}")
    if q.get("attribution"):
        parts.append(f"rule: {q['attribution']}")
    return "; ".join(parts)


# -- HTML -------------------------------------------------------------------------------------

PAGE_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1400px;padding:1em;color:#222}
a{color:#0a58a0} h1{font-size:1.4em;margin:.2em 0} h2{font-size:1.1em;border-bottom:1px solid #ddd}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:0 1em;font-size:.9em}
.meta dt{color:#666} .meta dd{margin:0}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:2em} @media(max-width:900px){.cols{grid-template-columns:1fr}}
.input{font:12px/1.45 ui-monospace,monospace;white-space:pre-wrap;overflow-wrap:anywhere}
.input .n{color:#999;display:inline-block;width:4em;text-align:right;margin-right:.6em;user-select:none}
.input del{color:#999} .why{background:#fde2e1;color:#900;border-radius:3px;padding:0 .3em;font-size:.9em}
mark.q{background:#fff3b0;border-radius:2px} mark.q.partial{background:#e6f0ff}
.spk{font-weight:600;box-shadow:inset 0 -2px #0072B2} u.m{text-decoration:underline dotted #009E73 2px}
sup a{text-decoration:none;font-size:.75em} p.dup{border-left:3px solid #CC79A7;padding-left:.5em}
h3.heading{font-size:1em;margin:1em 0 .2em} table{border-collapse:collapse;font-size:.9em}
td,th{border-bottom:1px solid #eee;padding:.2em .5em;text-align:left;vertical-align:top}
.legend span{margin-right:1.2em}
"""


def paragraph_html(ev: Evidence, para: dict, marks: list, numbers: dict[int, int]) -> str:
    text, start = ev.article["text"], para["char_start"]
    html = []
    for a, b, covering in segments(start, para["char_end"], marks):
        piece = escape(text[a:b])
        for i in sorted(covering, key=lambda i: ("mention", "speaker", "quote").index(marks[i][2])):
            s, _, kind, row = marks[i]
            if kind == "mention":
                piece = f'<u class="m" title="{escape(row["name"] or row["text"])}">{piece}</u>'
            elif kind == "speaker":
                piece = f'<span class="spk" title="speaker of quote {numbers[id(row)]}">{piece}</span>'
            else:
                cls = "q partial" if row["kind"] == "partial" else "q"
                piece = f'<mark class="{cls}" title="{escape(quote_note(row, numbers[id(row)]))}">{piece}</mark>'
        html.append(piece)
        for i in covering:  # the quote's number after its last words
            if marks[i][2] == "quote" and marks[i][1] == b:
                html.append(f'<sup><a href="#q{numbers[id(marks[i][3])]}">{numbers[id(marks[i][3])]}</a></sup>')
    tag = "h3 class=heading" if para["kind"] == "heading" else ("p class=dup" if para["is_duplicate"] else "p")
    title = ' title="this paragraph appears in an earlier article"' if para["is_duplicate"] else ""
    return f"<{tag}{title}>{''.join(html)}</{tag.split()[0]}>"


def input_html(ev: Evidence) -> str:
    if ev.lines is None:
        return "<p>The input is no longer stored (it changed since these tables were published).</p>"
    out = []
    for number, line in enumerate(ev.lines[:MAX_LINES], start=1):
        gone = ev.removed.get(number)
        body = f'<del>{escape(line)}</del> <span class="why">{escape(gone[1])}</span>' if gone else escape(line)
        out.append(f'<span class="n">{number}</span>{body}')
    if len(ev.lines) > MAX_LINES:
        out.append(f"… {len(ev.lines) - MAX_LINES} more lines not shown")
    return '<div class="input">' + "\n".join(out) + "</div>"


def shown(value: object) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def meta_html(ev: Evidence, linked: set[str]) -> str:
    a = ev.article
    rows = []
    for key in ARTICLE_FIELDS:
        value = a.get(key)
        if key in ("text", "title") or value in (None, [], ""):
            continue
        if key == "duplicate_of" and value in linked:
            rows.append(f'<dt>{key}</dt><dd><a href="{value}.html">{escape(value)}</a></dd>')
        else:
            rows.append(f"<dt>{key}</dt><dd>{escape(shown(value))}</dd>")
    return f'<dl class="meta">{"".join(rows)}</dl>'


def quotes_html(ev: Evidence) -> str:
    if not ev.quotes:
        return "<p>No quotes found.</p>"
    head = ["#", "quote", "kind", "speaker", "as written", "cue"]
    has_rule = any("attribution" in q for q in ev.quotes)
    head += ["rule"] if has_rule else []
    out = ["<table><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
    for n, q in enumerate(ev.quotes, start=1):
        cells = [str(n), q["text"], q["kind"], q["speaker"] or "", q["speaker_text"] or "", q["cue"] or ""]
        cells += [q.get("attribution") or ""] if has_rule else []
        out.append(f'<tr id="q{n}">' + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    return "".join(out) + "</table>"


def page_html(ev: Evidence, linked: set[str]) -> str:
    """A self-contained page for one article; ``linked``: the articles that have pages too."""
    marks = spans(ev)
    numbers = {id(q): n for n, q in enumerate(ev.quotes, start=1)}
    paragraphs = "\n".join(paragraph_html(ev, p, marks, numbers) for p in ev.paragraphs[:MAX_LINES])
    title = ev.article["title"] or ev.article["source_path"]
    removed = len(ev.removed)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(title)} · newscurate inspector</title><style>{PAGE_CSS}</style></head>
<body><p><a href="../index.html">← report</a></p>
<h1>{escape(title)}</h1>
{meta_html(ev, linked)}
<p class="legend"><span><mark class="q">full quote</mark></span><span><mark class="q partial">partial quote</mark>
</span><span><span class="spk">speaker</span></span><span><u class="m">person mention</u></span>
<span><del>removed line</del> <span class="why">reason</span></span></p>
<div class="cols"><section><h2>Input, line by line ({len(ev.lines or [])} lines, {removed} removed)</h2>
{input_html(ev)}</section>
<section><h2>Article as published ({len(ev.paragraphs)} paragraphs, {len(ev.quotes)} quotes)</h2>
{paragraphs}</section></div>
<h2>Quotes</h2>{quotes_html(ev)}
</body></html>
"""


def page_path(article_id: str) -> str:
    return posixpath.join(PAGES, f"{article_id}.html")


# -- terminal ---------------------------------------------------------------------------------

STYLES = {"quote": "on #4a4000", "speaker": "bold cyan", "mention": "underline"}


def terminal(ev: Evidence) -> Group:
    """The same view for a terminal (rich): metadata, the input, the paragraphs, the quotes."""
    a = ev.article
    meta = Table.grid(padding=(0, 2))
    for key in ARTICLE_FIELDS:
        value = a.get(key)
        if key != "text" and value not in (None, [], ""):
            meta.add_row(Text(key, style="dim"), Text(shown(value)))
    source = Table.grid(padding=(0, 1))
    source.add_column(justify="right", style="dim")
    source.add_column()
    if ev.lines is None:
        source.add_row("", Text("the input is no longer stored", style="italic"))
    for number, line in enumerate((ev.lines or [])[:MAX_LINES], start=1):
        gone = ev.removed.get(number)
        text = Text(line, style="strike dim" if gone else "")
        if gone:
            text.append(f"  ← {gone[1]}", style="bold red")
        source.add_row(str(number), text)
    if len(ev.lines or []) > MAX_LINES:
        source.add_row("", Text(f"… {len(ev.lines) - MAX_LINES} more lines not shown"))
    body = Text()
    marks = spans(ev)
    for para in ev.paragraphs[:MAX_LINES]:
        start = para["char_start"]
        piece = Text(a["text"][start : para["char_end"]], style="bold" if para["kind"] == "heading" else "")
        for s, e, kind, _ in marks:
            if s < para["char_end"] and e > start:
                piece.stylize(STYLES[kind], max(s, start) - start, min(e, para["char_end"]) - start)
        if para["is_duplicate"]:
            piece.append("  (also in an earlier article)", style="magenta")
        if body:
            body.append("\n\n")
        body.append_text(piece)
    quotes = Table("#", "quote", "speaker", "cue", *(["rule"] if any("attribution" in q for q in ev.quotes) else []))
    for n, q in enumerate(ev.quotes, start=1):
        who = q["speaker"] or (f"({q['speaker_text']})" if q["speaker_text"] else "")
        extra = [Text(q.get("attribution") or "")] if "attribution" in q else []
        quotes.add_row(str(n), Text(q["text"]), Text(who), Text(q["cue"] or ""), *extra)
    return Group(
        Panel(meta, title=Text(a["title"] or a["source_path"], style="bold")),
        Panel(source, title=f"input, line by line ({len(ev.removed)} removed)"),
        Panel(body if body else Text("no paragraphs"), title="article as published: quotes, speakers, mentions"),
        quotes,
    )
