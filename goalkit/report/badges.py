"""Shields-style SVG progress badges, one per goal file, for embedding in a README."""

from __future__ import annotations

from markupsafe import escape

from goalkit.report.views import GoalView

BAND_COLOURS = {"green": "#2f7d32", "yellow": "#8a6100", "red": "#b3261e", "none": "#616161"}
"""Dark enough for white text at 4.5:1 contrast."""
LABEL_COLOUR = "#555"
CHARACTER_WIDTH = 6.5
PADDING = 10


def text_width(text: str) -> int:
    """An estimate good enough for Verdana 11px; badges need not be pixel-exact."""
    return round(len(text) * CHARACTER_WIDTH) + PADDING


def badge_svg(label: str, message: str, band: str, title: str) -> str:
    label_width, message_width = text_width(label), text_width(message)
    total = label_width + message_width
    colour = BAND_COLOURS.get(band, BAND_COLOURS["none"])
    accessible = escape(f"{title}: {label} {message}")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" '
        f'aria-label="{accessible}">'
        f"<title>{accessible}</title>"
        f'<rect width="{label_width}" height="20" fill="{LABEL_COLOUR}"/>'
        f'<rect x="{label_width}" width="{message_width}" height="20" fill="{colour}"/>'
        '<g fill="#fff" text-anchor="middle" '
        'font-family="Verdana,DejaVu Sans,Geneva,sans-serif" font-size="11">'
        f'<text x="{label_width / 2:g}" y="14">{escape(label)}</text>'
        f'<text x="{label_width + message_width / 2:g}" y="14">{escape(message)}</text>'
        "</g></svg>\n"
    )


def goal_badge(goal: GoalView) -> str:
    if goal.errors:
        return badge_svg("goals", "error", "red", goal.title)
    message = goal.score.percent if goal.score.value is not None else "no score"
    if goal.score.value is not None and goal.score.status not in ("unknown", "done"):
        message += f" · {goal.score.status}"
    return badge_svg("progress", message, goal.score.band, goal.title)
