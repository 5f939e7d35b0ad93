import datetime as dt

import pytest

from transforms.html import html_to_text, parse_date

PAGE = """<!DOCTYPE html><html><head><title>Harbour ferry to open in spring | Coast Herald</title>
<meta property="og:site_name" content="Coast Herald"><meta name="author" content="Ann Berg">
<meta property="article:published_time" content="2024-03-05T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour ferry to open in spring</h1>
<p>The harbour authority said on Monday that the new ferry line would open in spring, with twelve
crossings a day between the old town and the island.</p>
<p>&ldquo;We expect the first boats in April,&rdquo; said Maria Olsen, the authority&rsquo;s director.</p>
<p>Local shops welcomed the plan, which had been debated for years by the council.</p></article>
<footer>&copy; 2026 Coast Herald. All rights reserved.</footer></body></html>"""


def test_article_text_and_stated_metadata():
    text, meta = html_to_text(PAGE)
    assert "“We expect the first boats in April,” said Maria Olsen" in text
    assert "Home" not in text and "All rights reserved" not in text
    assert meta.site_name == "Coast Herald"
    assert meta.authors == ["Ann Berg"]
    assert meta.published == dt.date(2024, 3, 5)


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><script>var a = 1;</script></head><body><script>run()</script></body></html>",
        "",
        "<p>",
    ],
)
def test_pages_without_article_text_give_none(html):
    assert html_to_text(html) is None


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    page = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY e SYSTEM "file://{secret}">]>'
            f"<html><body><article><p>{'A sentence of the story that is long enough to keep. ' * 4}&e;</p>"
            "</article></body></html>")
    got = html_to_text(page)
    assert got is None or "TOP-SECRET" not in got[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-03-05", dt.date(2024, 3, 5)), ("2024-03-05T10:00:00", dt.date(2024, 3, 5)), ("yesterday", None),
     (None, None)],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected
