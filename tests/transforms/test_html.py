import datetime as dt

import pytest

from transforms import html
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
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY e SYSTEM "file://{secret}">]>'
        f"<html><body><article><p>{'A sentence of the story that is long enough to keep. ' * 4}&e;</p>"
        "</article></body></html>"
    )
    got = html_to_text(page)
    assert got is None or "TOP-SECRET" not in got[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", dt.date(2024, 3, 5)),
        ("2024-03-05T10:00:00", dt.date(2024, 3, 5)),
        ("yesterday", None),
        (None, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


CHROME_PAGE = """<html><head><title>Ferry</title><script>var x = 1;</script><style>p {}</style></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Ferry line to open in spring</h1>
<p>The harbour authority said on Monday that the new ferry line would open in spring, two years later
than planned.</p><div class="ad">Advertisement</div><!-- a comment -->
<p>Local shops welcomed the plan, which had been <b>debated</b> for years, and the mayor said it was good news.</p>
</article><footer>Copyright 2024 Harbour Daily.<br>All rights reserved.</footer></body></html>"""


def test_page_lines_are_what_a_reader_sees_one_block_a_line():
    assert html.page_lines(CHROME_PAGE) == [
        "Home | News | Sport",
        "Ferry line to open in spring",
        "The harbour authority said on Monday that the new ferry line would open in spring, two years later "
        "than planned.",
        "Advertisement",
        "Local shops welcomed the plan, which had been debated for years, and the mayor said it was good news.",
        "Copyright 2024 Harbour Daily.",
        "All rights reserved.",
    ]


def test_the_lines_the_extractor_dropped_go_back_in_page_order_and_every_extracted_line_is_kept():
    extracted = "\n".join(
        [
            "Ferry line to open in spring",
            "The harbour authority said on Monday that the new ferry line would open in spring, two years later "
            "than planned.",
            "Local shops welcomed the plan, which had been debated for years, and the mayor said it was good news.",
            "A line the page does not show as such.",
        ]
    )
    text, chrome = html.with_chrome(CHROME_PAGE, extracted)
    lines = text.split("\n")
    assert [lines[n - 1] for n in chrome] == [
        "Home | News | Sport",
        "Advertisement",
        "Copyright 2024 Harbour Daily.",
        "All rights reserved.",
    ]
    assert chrome == [1, 4, 6, 7]
    assert [line for n, line in enumerate(lines, 1) if n not in chrome] == extracted.split("\n")


def test_a_page_line_found_inside_a_word_of_the_article_is_still_chrome():
    page = "<html><body><p>Share</p><p>Shareholders met on Monday to vote on the plan.</p></body></html>"
    text, chrome = html.with_chrome(page, "Shareholders met on Monday to vote on the plan.")
    assert (text.split("\n"), chrome) == (["Share", "Shareholders met on Monday to vote on the plan."], [1])
