"""The clean stage: one article's row from its ingest row, with the HTML's hints and the stage's options."""

import datetime as dt

from flows.stages import clean
from transforms.clean import CleanOptions

BODY = (
    "The harbour authority said on Monday that the new ferry terminal would open in the spring, two years "
    "later than first planned, after a dispute over the cost of the foundations was settled.\n\n"
    "Officials told reporters that the terminal will handle up to four thousand passengers a day and that "
    "the old pier, closed since the storm of last winter, will be turned into a park.\n"
)
NO_HINTS = dict.fromkeys(("title", "site_name", "section", "published"), None) | {"authors": []}


def test_a_row_has_the_cleaned_text_the_page_s_metadata_and_every_removed_line():
    up = {"text": "Share on Facebook\n\nFerry terminal to open in spring\n\n" + BODY} | NO_HINTS
    row = clean.row(up, CleanOptions())
    assert row["status"] == "ok" and row["title"] == "Ferry terminal to open in spring"
    assert [(r["line_number"], r["reason"]) for r in row["removed"]] == [(1, "share"), (3, "title")]
    assert row["text"].split("\n")[4:] == BODY.split("\n")
    assert row["language"] == "en" and set(clean.META) <= set(row)


def test_the_html_s_hints_fill_what_the_text_does_not_say():
    up = {"text": BODY} | NO_HINTS | {"site_name": "Harbour Daily", "published": dt.date(2024, 3, 5), "authors": None}
    row = clean.row(up, CleanOptions())
    assert (row["site_name"], row["published"], row["authors"]) == ("Harbour Daily", dt.date(2024, 3, 5), [])


def test_a_page_of_chrome_only_has_no_content():
    row = clean.row({"text": "Share on Facebook\nTweet\n"} | NO_HINTS, CleanOptions())
    assert (row["status"], row["detail"]) == ("no_content", "all 2 lines are page chrome")


def test_a_page_of_menu_words_has_no_content():
    row = clean.row({"text": "Home | News | Sport | Weather\n\nMore Stories\n"} | NO_HINTS, CleanOptions())
    assert (row["status"], row["detail"]) == ("no_content", "no sentence left after cleaning (menus, headings, labels)")


def test_the_options_are_the_ones_used():
    up = {"text": "Share on Facebook\n\nFerry terminal to open in spring\n\n" + BODY} | NO_HINTS
    # no line above the body is searched for the title
    row = clean.row(up, CleanOptions(title_window=0, header_window=0))
    assert row["title"] is None and [(r["line_number"], r["reason"]) for r in row["removed"]] == [
        (1, "share"),
        (3, "navigation"),
    ]
    # no line is long enough to be prose: there is no article body
    row = clean.row(up, CleanOptions(prose_min_words=50, prose_min_words_unpunctuated=50))
    assert [r["reason"] for r in row["removed"]] == ["share", "chrome", "chrome", "chrome"]


def test_the_lines_the_html_extractor_dropped_are_removed_lines_and_numbers_follow_the_ingest_text():
    text = "Home | News\nShare on Facebook\n\nFerry terminal to open in spring\n\n" + BODY + "Copyright 2024\n"
    lines = text.split("\n")
    chrome = [1, len(lines) - 1]
    row = clean.row({"text": text, "chrome": chrome} | NO_HINTS, CleanOptions())
    removed = [(r["line_number"], r["text"], r["reason"]) for r in row["removed"]]
    assert removed == [
        (1, "Home | News", "html_chrome"),
        (2, "Share on Facebook", "share"),
        (4, "Ferry terminal to open in spring", "title"),
        (len(lines) - 1, "Copyright 2024", "html_chrome"),
    ]
    out = row["text"].split("\n")
    assert len(out) == len(lines) and out[0] == out[1] == out[-2] == ""
    assert out[5:-2] == BODY.split("\n")[:-1]
    assert row["title"] == "Ferry terminal to open in spring"
