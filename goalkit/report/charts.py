"""Inline SVG charts made in Python: readable without JavaScript, each with a text alternative.

Colours come from CSS classes (`band-green`, `track`, …) so the stylesheet can switch them for
dark mode and print; every chart carries `role="img"`, an `aria-label` and a `<title>`.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from goalkit.scoring import score_band

BAR_WIDTH = 120
BAR_HEIGHT = 10


def progress_bar(
    value: float | None, expected: float | None = None, label: str = "", banded: bool = True
) -> Markup:
    """A horizontal bar for a 0–1 progress, with a tick where progress is expected to be today.

    `banded` colours the fill by score band; time elapsed is not a grade, so it is drawn plain.
    """
    description = _progress_text(value, expected, label, "progress" if banded else "")
    parts = [
        f'<svg class="chart progress-bar" role="img" aria-label="{escape(description)}" '
        f'viewBox="0 0 {BAR_WIDTH} {BAR_HEIGHT}" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" '
        'preserveAspectRatio="none" focusable="false" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(description)}</title>",
        f'<rect class="track" x="0" y="0" width="{BAR_WIDTH}" height="{BAR_HEIGHT}" rx="3"/>',
    ]
    if value is not None:
        width = round(max(0.0, min(1.0, value)) * BAR_WIDTH, 1)
        colour = f"band-{score_band(value).value}" if banded else "plain"
        parts.append(
            f'<rect class="fill {colour}" x="0" y="0" width="{width:g}" '
            f'height="{BAR_HEIGHT}" rx="3"/>'
        )
    if expected is not None and 0 < expected < 1:
        x = round(expected * BAR_WIDTH, 1)
        parts.append(
            f'<rect class="expected" x="{x - 1:g}" y="0" width="2" height="{BAR_HEIGHT}"/>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _progress_text(
    value: float | None, expected: float | None, label: str, noun: str = "progress"
) -> str:
    prefix = f"{label}: " if label else ""
    if value is None:
        return f"{prefix}{noun} unknown"
    text = f"{prefix}{value:.0%}" + (f" {noun}" if noun else "")
    if expected is not None:
        text += f", {expected:.0%} expected by today"
    return text


BUCKETS = 10
HISTOGRAM_WIDTH = 320
HISTOGRAM_HEIGHT = 140
PLOT_TOP = 10
PLOT_BOTTOM = 110


def bucket_counts(values: Sequence[float]) -> list[int]:
    """Counts per tenth (0.0–0.1 … 0.9–1.0); 1.0 falls in the last bucket."""
    counts = [0] * BUCKETS
    for value in values:
        counts[min(BUCKETS - 1, max(0, int(value * BUCKETS + 1e-9)))] += 1
    return counts


def score_distribution(values: Sequence[float], chart_id: str = "distribution") -> Markup:
    """A histogram of key-result progress in tenths, coloured by Google's grading bands."""
    counts = bucket_counts(values)
    peak = max(counts) or 1
    slot = HISTOGRAM_WIDTH / BUCKETS
    summary = _distribution_text(values, counts)
    title_id, description_id = f"{chart_id}-title", f"{chart_id}-desc"
    parts = [
        f'<svg class="chart distribution" role="img" aria-labelledby="{title_id} '
        f'{description_id}" viewBox="0 0 {HISTOGRAM_WIDTH} {HISTOGRAM_HEIGHT}" '
        'focusable="false" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}">Distribution of {len(values)} key-result scores</title>',
        f'<desc id="{description_id}">{escape(summary)}</desc>',
        f'<line class="axis" x1="0" y1="{PLOT_BOTTOM}" x2="{HISTOGRAM_WIDTH}" y2="{PLOT_BOTTOM}"/>',
    ]
    for index, count in enumerate(counts):
        height = round((PLOT_BOTTOM - PLOT_TOP) * count / peak, 1)
        x = round(index * slot + 3, 1)
        band = score_band(index / BUCKETS).value
        if count:
            parts.append(
                f'<rect class="fill band-{band}" x="{x:g}" y="{PLOT_BOTTOM - height:g}" '
                f'width="{slot - 6:g}" height="{height:g}"/>'
            )
            parts.append(
                f'<text class="count" x="{x + (slot - 6) / 2:g}" '
                f'y="{PLOT_BOTTOM - height - 2:g}" text-anchor="middle">{count}</text>'
            )
        parts.append(
            f'<text class="tick" x="{index * slot + slot / 2:g}" y="{PLOT_BOTTOM + 14}" '
            f'text-anchor="middle">{index / BUCKETS:.1f}</text>'
        )
    parts.append(
        f'<text class="tick" x="{HISTOGRAM_WIDTH / 2:g}" y="{HISTOGRAM_HEIGHT - 4}" '
        'text-anchor="middle">score (lower bound of each tenth)</text>'
    )
    parts.append("</svg>")
    return Markup("".join(parts))


def band_counts(values: Sequence[float]) -> dict[str, int]:
    counts = {"red": 0, "yellow": 0, "green": 0}
    for value in values:
        counts[score_band(value).value] += 1
    return counts


def _distribution_text(values: Sequence[float], counts: list[int]) -> str:
    if not values:
        return "No key result has a known score yet."
    bands = band_counts(values)
    tenths = ", ".join(
        f"{index / BUCKETS:.1f}–{(index + 1) / BUCKETS:.1f}: {count}"
        for index, count in enumerate(counts)
        if count
    )
    return (
        f"{bands['green']} green (0.7 and above), {bands['yellow']} yellow (0.4 to 0.7), "
        f"{bands['red']} red (below 0.4). By tenth: {tenths}."
    )
