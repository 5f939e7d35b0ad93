"""The ingest stage: scanning inputs into the manifest, and one input's row."""

import datetime as dt
import gzip

import pytest

from flows.stages import ingest
from flows.stages.ingest import IngestOptions
from flows.storage import content_id

PAGE = b"""<html><head><title>Harbour opens | Daily</title>
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
<body><article><h1>Harbour opens</h1><p>The new harbour opened on Monday after years of delay, officials said,
and the first ferries docked in the afternoon.</p><p>Traders welcomed the news.</p></article></body></html>"""


def test_scan_gives_every_file_an_id_or_a_reason(tmp_path):
    (tmp_path / "a.txt").write_text("An article.")
    (tmp_path / "big.txt").write_text("x" * 100)
    (tmp_path / "link.txt").symlink_to(tmp_path.parent / "elsewhere.txt")
    (tmp_path.parent / "elsewhere.txt").write_text("private")
    paths = [("a.txt", 11), ("big.txt", 100), ("link.txt", 7), ("gone.txt", 5)]
    rows = {r["source_path"]: r for r in ingest.scan_files(str(tmp_path), paths, IngestOptions(max_file_bytes=50))}
    assert rows["a.txt"]["article_id"] == content_id(b"An article.") and rows["a.txt"]["reason"] is None
    assert (rows["big.txt"]["reason"], rows["big.txt"]["detail"]) == ("too_large", "100 bytes, limit 50")
    assert rows["link.txt"]["reason"] == "outside_root"
    assert rows["gone.txt"]["reason"] == "unreadable"
    assert ingest.manifest_table(list(rows.values())).schema == ingest.MANIFEST_SCHEMA


def test_the_same_bytes_at_a_later_path_are_a_duplicate_and_buckets_group_the_rest():
    manifest = [
        {"source_path": p, "article_id": a, "reason": None, "detail": None}
        for p, a in (("a", "0001" + "0" * 12), ("b", "0001" + "0" * 12), ("c", "0002" + "0" * 12))
    ]
    manifest.append({"source_path": "d", "article_id": None, "reason": "unreadable", "detail": "x"})
    ingest.mark_duplicates(manifest)
    assert [(r["reason"], r["detail"]) for r in manifest[:2]] == [(None, None), ("duplicate", "same bytes as a")]
    assert ingest.bucket_items(manifest, 16) == {1: [("0001" + "0" * 12, "a")], 2: [("0002" + "0" * 12, "c")]}


def test_a_text_file_s_row():
    row = ingest.row("a.txt.gz", gzip.compress("Caf\u00e9 news.\r\n".encode()), IngestOptions())
    assert (row["status"], row["format"], row["text"], row["authors"]) == ("ok", "text", "Café news.\n", [])
    assert "gunzip" in row["repairs"]


def test_an_html_page_s_row_keeps_its_hints_for_the_clean_stage():
    row = ingest.row("page.html", PAGE, IngestOptions())
    assert row["status"] == "ok" and row["format"] == "html"
    assert "first ferries docked" in row["text"]
    assert row["published"] == dt.date(2024, 3, 5)
    assert set(ingest.HINTS) <= set(row)
    assert row["chrome"] == []  # the extractor kept every line of this page


def test_an_html_page_s_lines_the_extractor_drops_are_in_its_text_marked_as_chrome():
    page = PAGE.replace(b"<body>", b"<body><nav>Home | World | Sport</nav>").replace(
        b"</article>", b"</article><footer>Contact us</footer>"
    )
    row = ingest.row("page.html", page, IngestOptions())
    lines = row["text"].split("\n")
    assert [lines[n - 1] for n in row["chrome"]] == ["Home | World | Sport", "Contact us"]
    assert "Traders welcomed the news." in lines


@pytest.mark.parametrize(
    ("name", "data", "options", "status"),
    [
        ("empty.txt", b"", IngestOptions(), "empty"),
        ("a.txt", b"x" * 40, IngestOptions(max_file_bytes=10), "too_large"),
        (
            "page.html",
            b"<html><head><script>var a = 1;</script></head><body><script>x()</script></body></html>",
            IngestOptions(),
            "no_content",
        ),
        ("data.json", b'{"title": "x", "body": "A value.", "tags": ["a"]}', IngestOptions(), "not_prose"),
        (
            "feed.txt",
            b'<?xml version="1.0"?><rss><channel><title>x</title></channel></rss>',
            IngestOptions(),
            "not_prose",
        ),
    ],
)
def test_refused_inputs_keep_their_reason_as_status(name, data, options, status):
    assert ingest.row(name, data, options)["status"] == status


def test_long_lines_are_wrapped_at_the_limit():
    row = ingest.row("a.txt", ("word " * 100).encode(), IngestOptions(max_line_chars=50))
    assert max(len(line) for line in row["text"].split("\n")) <= 50 and "long_lines" in row["repairs"]
