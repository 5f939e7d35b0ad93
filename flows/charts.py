"""Charts for the HTML report, drawn as inline SVG at build time.

Plain functions from rows of numbers to an SVG string: no plotting library (matplotlib
would add about 40 MB to the install and 0.5 s of import to every report; its SVGs draw
each glyph as a path), no JavaScript, nothing fetched when the page opens. Every chart
has a fixed view box and scales to its container's width; every bar or point carries a
``<title>`` with its exact value, which a browser shows on hover.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
OTHER = "#BBBBBB"
WIDTH = 720
BAR = 18  # height of one bar; rows are BAR + GAP apart
GAP = 6
LABEL_CHARS = 32  # labels are cut to this many characters (the full text is in the tooltip)
# Lines over more periods than this are drawn without a dot (and its tooltip) per period: 240
# months of five speakers made 90 KB of dots.
DOTS = 60
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def number(value: float) -> str:
    """1234567 -> '1,234,567'; 0.25 -> '0.25'."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def cut(label: str, chars: int = LABEL_CHARS) -> str:
    return label if len(label) <= chars else label[: chars - 1] + "…"


def svg(height: int, body: list[str], label: str) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(label)}" {FONT}>'
        f"<title>{escape(label)}</title>{''.join(body)}</svg>"
    )


def empty(label: str) -> str:
    """A chart with no data: says so, rather than drawing empty axes."""
    return svg(30, ['<text x="0" y="20" fill="#666">no rows</text>'], label)


def bars(rows: Sequence[tuple[str, float]], label: str, *, links: dict[str, str] | None = None) -> str:
    """Horizontal bars, one per (name, value), in the order given; a name in ``links`` links there."""
    if not rows:
        return empty(label)
    top = max(v for _, v in rows) or 1
    left, right = 8 * min(LABEL_CHARS, max(len(n) for n, _ in rows)) + 10, 70
    scale = (WIDTH - left - right) / top
    body = []
    for i, (name, value) in enumerate(rows):
        y = i * (BAR + GAP)
        tip = f"<title>{escape(name)}: {number(value)}</title>"
        text = f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{escape(cut(name))}{tip}</text>'
        if links and name in links:
            text = f'<a href="{escape(links[name])}">{text}</a>'
        body += [
            text,
            f'<rect x="{left}" y="{y}" width="{max(value * scale, 1):.1f}" height="{BAR}" fill="{PALETTE[0]}">'
            f"{tip}</rect>",
            f'<text x="{left + value * scale + 4:.1f}" y="{y + 13}">{number(value)}</text>',
        ]
    return svg(len(rows) * (BAR + GAP), body, label)


def stacked(rows: Sequence[tuple[str, Sequence[float]]], segments: Sequence[str], label: str) -> str:
    """Horizontal bars split into ``segments`` (one value per segment in each row), with a legend.
    The last segment is drawn grey when it is named 'other'."""
    if not rows:
        return empty(label)
    colours = [OTHER if s == "other" else PALETTE[i % len(PALETTE)] for i, s in enumerate(segments)]
    body, y = legend(segments, colours), 26
    top = max(sum(values) for _, values in rows) or 1
    left, right = 8 * min(LABEL_CHARS, max(len(n) for n, _ in rows)) + 10, 70
    scale = (WIDTH - left - right) / top
    for name, values in rows:
        body.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{escape(cut(name))}</text>')
        x = left
        for segment, value, colour in zip(segments, values, colours, strict=True):
            if value:
                tip = f"<title>{escape(name)}, {escape(segment)}: {number(value)}</title>"
                body.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{value * scale:.1f}" height="{BAR}" fill="{colour}">{tip}</rect>'
                )
                x += value * scale
        body.append(f'<text x="{x + 4:.1f}" y="{y + 13}">{number(sum(values))}</text>')
        y += BAR + GAP
    return svg(y, body, label)


def legend(names: Sequence[str], colours: Sequence[str]) -> list[str]:
    """A one-line legend at the top of a chart (about 150 pixels a name, wrapping is not needed
    for the eight names a chart has at most)."""
    step = WIDTH // max(len(names), 1)
    out = []
    for i, (name, colour) in enumerate(zip(names, colours, strict=True)):
        x = i * step
        out.append(f'<rect x="{x}" y="2" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{x + 16}" y="12">{escape(cut(name, step // 8 - 3))}<title>{escape(name)}</title></text>')
    return out


def columns(points: Sequence[tuple[str, float]], label: str) -> str:
    """Vertical bars over ordered periods (dates, months), with a value axis and some period labels."""
    if not points:
        return empty(label)
    height, left, bottom = 220, 56, 24
    top = max(v for _, v in points) or 1
    step = (WIDTH - left) / len(points)
    scale = (height - bottom - 10) / top
    body = axis(top, left, height - bottom, scale)
    for i, (period, value) in enumerate(points):
        x, h = left + i * step, value * scale
        body.append(
            f'<rect x="{x + step * 0.1:.1f}" y="{height - bottom - h:.1f}" width="{max(step * 0.8, 1):.1f}" '
            f'height="{h:.1f}" fill="{PALETTE[0]}"><title>{escape(period)}: {number(value)}</title></rect>'
        )
    body += period_labels([p for p, _ in points], [left + (i + 0.5) * step for i in range(len(points))], height - 6)
    return svg(height, body, label)


def period_labels(periods: Sequence[str], xs: Sequence[float], y: int) -> list[str]:
    """About eight of the periods' labels, evenly spaced, under the chart."""
    every = max(1, round(len(periods) / 8))
    return [
        f'<text x="{x:.1f}" y="{y}" text-anchor="middle">{escape(p)}</text>'
        for i, (p, x) in enumerate(zip(periods, xs, strict=True))
        if i % every == 0
    ]


def lines(periods: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], label: str) -> str:
    """One line per (name, values over ``periods``), with a legend; a dot per period (with its value)
    when there are at most DOTS periods."""
    if not periods or not series:
        return empty(label)
    height, left, bottom, head = 240, 56, 24, 26
    top = max(max(values) for _, values in series) or 1
    scale = (height - bottom - head - 6) / top
    step = (WIDTH - left - 20) / max(len(periods) - 1, 1)
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(series))]
    body = legend([name for name, _ in series], colours) + axis(top, left, height - bottom, scale)
    body += period_labels(periods, [left + i * step for i in range(len(periods))], height - 6)
    for (name, values), colour in zip(series, colours, strict=True):
        xy = [(left + i * step, height - bottom - v * scale) for i, v in enumerate(values)]
        tip = f"<title>{escape(name)}: {number(sum(values))} in all</title>"
        if len(xy) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
            body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2">{tip}</polyline>')
        if len(xy) <= DOTS:
            body += [
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}">'
                f"<title>{escape(name)}, {escape(p)}: {number(v)}</title></circle>"
                for (x, y), p, v in zip(xy, periods, values, strict=True)
            ]
    return svg(height, body, label)


def axis(top: float, left: int, base: int, scale: float) -> list[str]:
    """A value axis: the base line and grid lines at round steps up to ``top``."""
    out = [f'<line x1="{left}" y1="{base}" x2="{WIDTH}" y2="{base}" stroke="#999"/>']
    for tick in ticks(top):
        y = base - tick * scale
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH}" y2="{y:.1f}" stroke="#eee"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{number(tick)}</text>')
    return out


def ticks(top: float) -> list[float]:
    """Three to six round values (1, 2 or 5 times a power of ten apart) from 0 up to ``top``."""
    if top <= 0:
        return [0]
    step = 1.0
    while top / step > 5:
        for factor in (2, 2.5, 2):  # 1 -> 2 -> 5 -> 10
            step *= factor
            if top / step <= 5:
                break
    while top / step < 2 and step > 1:
        step /= 2
    return [i * step for i in range(int(top // step) + 1)]
