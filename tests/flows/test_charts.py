"""The report's SVG charts: well-formed, scaled to the data, exact values in tooltips, text escaped."""

import re
import xml.etree.ElementTree as ET

import pytest

from flows import charts

NS = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def rects(svg: str) -> list[ET.Element]:
    return [r for r in parse(svg).iter(f"{NS}rect") if r.find(f"{NS}title") is not None]


def test_bars_are_proportional_with_exact_values_and_links():
    svg = charts.bars([("navigation", 1000), ("share & <like>", 250)], "removed", links={"navigation": "a/1.html"})
    bars = rects(svg)
    widths = [float(r.get("width")) for r in bars]
    assert widths[0] == pytest.approx(4 * widths[1])
    assert [r.find(f"{NS}title").text for r in bars] == ["navigation: 1,000", "share & <like>: 250"]
    links = [a.get("href") for a in parse(svg).iter(f"{NS}a")]
    assert links == ["a/1.html"]
    assert "share &amp; &lt;like&gt;" in svg  # escaped in the markup


def test_long_labels_are_cut_and_kept_whole_in_the_tooltip():
    name = "a site with a very long name indeed, longer than any label"
    svg = charts.bars([(name, 3)], "sites")
    labels = [t for t in parse(svg).iter(f"{NS}text") if t.find(f"{NS}title") is not None]
    assert labels[0].text == name[: charts.LABEL_CHARS - 1] + "…"
    assert labels[0].find(f"{NS}title").text == f"{name}: 3"


def test_no_rows_says_so():
    for svg in (charts.bars([], "x"), charts.columns([], "x"), charts.lines([], [], "x"), charts.stacked([], [], "x")):
        assert "no rows" in svg


def test_stacked_segments_add_up_and_other_is_grey():
    svg = charts.stacked([("site A", [3, 1, 2]), ("site B", [0, 4, 0])], ["navigation", "share", "other"], "by site")
    bars = rects(svg)
    tips = [r.find(f"{NS}title").text for r in bars]
    assert tips == ["site A, navigation: 3", "site A, share: 1", "site A, other: 2", "site B, share: 4"]
    assert bars[2].get("fill") == charts.OTHER
    a_width = sum(float(r.get("width")) for r in bars[:3])
    assert a_width == pytest.approx(1.5 * float(bars[3].get("width")), abs=0.2)  # 6 against 4 (0.1 px steps)


def test_columns_label_some_periods_and_draw_every_one():
    points = [(f"2024-{m:02d}", m) for m in range(1, 13)]
    svg = charts.columns(points, "per month")
    assert len(rects(svg)) == 12
    labels = [t.text for t in parse(svg).iter(f"{NS}text") if t.text and t.text.startswith("2024")]
    assert labels[0] == "2024-01" and 3 <= len(labels) <= 12


@pytest.mark.parametrize("periods", [3, charts.DOTS + 1])
def test_lines_have_one_polyline_per_series_and_dots_only_when_few(periods):
    names = [f"p{i}" for i in range(periods)]
    svg = charts.lines(names, [("Ann", [1] * periods), ("Bo", [2] * periods)], "over time")
    root = parse(svg)
    assert len(list(root.iter(f"{NS}polyline"))) == 2
    dots = list(root.iter(f"{NS}circle"))
    assert len(dots) == (2 * periods if periods <= charts.DOTS else 0)


@pytest.mark.parametrize(
    ("top", "expected"),
    [(3, [0, 1, 2, 3]), (10, [0, 2, 4, 6, 8, 10]), (1606545, [0, 500000, 1000000, 1500000]), (0, [0])],
)
def test_ticks_are_round(top, expected):
    assert charts.ticks(top) == expected


def test_numbers_are_grouped():
    assert charts.number(1606545) == "1,606,545"
    assert charts.number(2.5) == "2.50"
    assert re.fullmatch(r"\d", charts.number(7))
