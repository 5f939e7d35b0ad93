"""The HTML report: its figures, its inspector pages, when it is rebuilt, and the page in a real browser."""

import datetime as dt
import json
import shutil
from pathlib import Path

import pyarrow as pa
import pytest

from flows import inspector, report_page, sql
from tests import browser
from tests.outputs import A, B, write_output

ROOT = Path(__file__).parents[2]
SEEDS = ROOT / "seeds"
# The screenshots the browser test keeps (build/ is not committed).
ARTIFACTS = ROOT / "build" / "test-artifacts"


@pytest.mark.parametrize(
    ("first", "last", "unit", "names"),
    [
        (dt.date(2024, 2, 28), dt.date(2024, 3, 1), "day", ["2024-02-28", "2024-02-29", "2024-03-01"]),
        (dt.date(2023, 10, 5), dt.date(2024, 2, 1), "month", ["2023-10", "2023-11", "2023-12", "2024-01", "2024-02"]),
        (dt.date(1990, 1, 1), dt.date(2024, 1, 1), "year", [str(y) for y in range(1990, 2025)]),
    ],
)
def test_dates_are_counted_per_day_month_or_year_by_their_span(first, last, unit, names):
    assert report_page.periods(first, last) == (unit, names)


def test_figures_come_from_the_tables(tmp_path):
    con = sql.connect(write_output(tmp_path))
    f = report_page.figures(con)
    assert f["counts"]["articles"] == 2 and f["counts"]["boilerplate"] == 4
    assert f["sites"] == [("Daily Planet", 1)] and f["no_site"] == 1
    assert f["languages"] == [("de", 1), ("en", 1)]
    assert (f["unit"], f["dates"], f["dated"]) == ("day", [("2024-03-01", 1)], 1)
    assert f["reasons"] == [("cookie", 1), ("navigation", 1), ("share", 1), ("title", 1)]
    # the top reasons (all four here) and "other"
    assert f["removed_by_site"] == [("Daily Planet", [0, 1, 1, 1, 0]), ("(no site)", [1, 0, 0, 0, 0])]
    assert f["rejects"] == [("binary", 1)] and f["reject_examples"] == [("news/bad.bin", "binary", "NUL bytes")]
    assert (f["quotes"], f["named"], f["unnamed_speaker"]) == (1, 1, 0)
    assert f["speakers"] == [("Ann Lee", 1, 1, 1)]
    assert f["over_time"] == [("Ann Lee", [1])]
    assert f["people"] == [("Ann Lee", 1, 1)]
    assert (f["duplicate_articles"], f["duplicate_paragraphs"]) == (0, 1)
    assert report_page.examples(con, f) == {
        "site": {"Daily Planet": A},
        "speaker": {"Ann Lee": A},
        "reason": {"cookie": B, "navigation": A, "share": A, "title": A},
        "person": {"Ann Lee": A},
        "rule": {},
    }


def test_build_writes_the_page_and_the_sample_then_skips_until_something_changes(tmp_path):
    store = write_output(tmp_path)
    first = report_page.build(str(tmp_path))
    assert first["pages"] == 2
    index = (tmp_path / "report" / "index.html").read_text()
    assert 'href="articles/a1b2c3d4e5f60718.html">Mayor opens bridge</a>' in index
    assert index.count('<svg class="chart"') >= 9
    assert "<script" in index and "http" not in index.replace("http-equiv", "")  # nothing fetched
    assert sorted(p.name for p in (tmp_path / "report" / "articles").iterdir()) == [f"{A}.html", f"{B}.html"]
    assert report_page.build(str(tmp_path))["pages"] == 0  # current: nothing rebuilt
    store.write_json(report_page.PUBLISHED, {"articles": "new signature"})
    assert report_page.build(str(tmp_path))["pages"] == 2
    assert report_page.build(str(tmp_path), force=True)["pages"] == 2


def test_pages_of_articles_no_longer_inspected_are_removed(tmp_path, monkeypatch):
    write_output(tmp_path)
    stale = tmp_path / "report" / "articles" / "0123456789abcdef.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    monkeypatch.setattr(report_page, "SAMPLE", 0)  # only the charts' examples: A (B only for "cookie")
    report_page.build(str(tmp_path))
    assert not stale.exists()
    assert (tmp_path / "report" / "articles" / f"{A}.html").exists()


def test_an_article_asked_about_keeps_its_page(tmp_path, monkeypatch):
    store = write_output(tmp_path)
    monkeypatch.setattr(report_page, "SAMPLE", 0)
    store.write_table("boilerplate/part-00.parquet", store.read_table("boilerplate/part-00.parquet").slice(0, 3))
    report_page.build(str(tmp_path))
    assert not (tmp_path / "report" / "articles" / f"{B}.html").exists()  # no longer an example
    store.write_bytes(f"{inspector.ASKED}/{B}", b"")
    assert report_page.build(str(tmp_path))["pages"] == 2  # a new question rebuilds
    assert (tmp_path / "report" / "articles" / f"{B}.html").exists()


@pytest.fixture(scope="module")
def seeds_output(prefect_server, tmp_path_factory):
    """The pipeline's output for the seeds and a binary file (a reject), with the report the run built."""
    from flows.pipeline import pipeline
    from flows.settings import Settings

    inp = tmp_path_factory.mktemp("input")
    for f in SEEDS.iterdir():
        shutil.copy(f, inp / f.name)
    (inp / "image.txt").write_bytes(bytes(range(256)) * 16)
    out = tmp_path_factory.mktemp("output")
    result = pipeline(str(inp), str(out), settings=Settings(workers=1))  # the run builds the report
    assert result["report"] == str(out / "report" / "index.html") and result["seconds"]["report"] > 0
    return out


def test_the_report_renders_in_a_real_browser(seeds_output):
    index = seeds_output / "report" / "index.html"
    with browser.chromium() as page:
        page.open(index.as_uri())
        charts = page.evaluate(
            "[...document.querySelectorAll('svg.chart')].map(s => ({label: s.getAttribute('aria-label'),"
            " shapes: s.querySelectorAll('rect, polyline, circle').length, width: s.getBoundingClientRect().width,"
            " height: s.getBoundingClientRect().height}))"
        )
        page.screenshot(ARTIFACTS / "report.png")
        assert len(charts) >= 9, charts
        for chart in charts:
            assert chart["shapes"] > 0 and chart["width"] > 300 and chart["height"] > 20, chart
        rows = "document.querySelectorAll('#pages tbody tr')"
        total = page.evaluate(f"{rows}.length")
        assert total == 5
        shown = page.evaluate(
            "(() => { const box = document.getElementById('search'); box.value = 'nonexistent words';"
            f" box.dispatchEvent(new Event('input')); return [...{rows}].filter(r => !r.hidden).length; }})()"
        )
        assert shown == 0
        first = page.evaluate("document.querySelector('#pages tbody a').href")
        page.open(first)
        assert page.evaluate("document.querySelectorAll('.input del').length") > 0
        assert page.evaluate("document.querySelectorAll('mark.q').length") > 0
        page.screenshot(ARTIFACTS / "article.png")
        assert page.errors == []
    shot = (ARTIFACTS / "report.png").read_bytes()
    assert shot[:8] == b"\x89PNG\r\n\x1a\n" and len(shot) > 50_000
    assert json.loads((seeds_output / "_state" / "report.json").read_text())["tables"]["articles"]


def test_quotes_by_attribution_rule(tmp_path):
    store = write_output(tmp_path)
    quotes = store.read_table("quotes/part-00.parquet")
    rule = quotes.schema.get_field_index("attribution")
    store.write_table("quotes/part-00.parquet", quotes.set_column(rule, "attribution", pa.array(["explicit"])))
    report_page.build(str(tmp_path))
    con = sql.connect(store)
    f = report_page.figures(con)
    assert f["attribution"] == [("explicit", 1, 1)]
    assert report_page.examples(con, f)["rule"] == {"explicit": A}
    index = (tmp_path / "report" / "index.html").read_text()
    assert "By attribution rule" in index and 'aria-label="quotes per attribution rule"' in index
    assert f'<a href="articles/{A}.html">explicit</a>' in index


def test_an_output_with_no_rows_gets_a_report_that_says_so(tmp_path):
    assert report_page.build(str(tmp_path))["pages"] == 0
    index = (tmp_path / "report" / "index.html").read_text()
    assert index.count(">no rows<") >= 8 and "No input was rejected." in index
