"""Numbers, dates and deadlines read from the prose of key results and SMART statements.

The grammar is deliberately small and documented in `docs/format.md`: `from A to B`, a lone
target, thresholds (`below 5%`, `at least 40`), `N/M` progress, `by N%` changes, currency,
percentages, thousands separators and `k`/`m` suffixes, ISO and written dates, and
`within N weeks`. Whatever is not understood is left as text; nothing is guessed silently.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from goalkit.model import (
    Comparison,
    DateMention,
    Direction,
    Duration,
    DurationUnit,
    Measure,
    Origin,
    Problem,
    ProblemKind,
    Quantity,
)
from goalkit.parse.locate import Locator

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_MONTH_NAME = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_NUMBER_CORE = (
    r"(?P<currency>[$€£¥])?\s?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suffix>[kKmM](?![A-Za-z]))?"
    r"(?:(?P<percent>\s?%)|(?P<short_unit>x|pp|h|ms|min)(?![A-Za-z]))?"
)
SHORT_UNITS = ("x", "pp", "h", "ms", "min")
"""Units written glued to the number: `2x` growth, `5pp` margin, `24h`, `200ms`, `15min`."""
NUMBER = re.compile(r"(?<![\w.,-])" + _NUMBER_CORE + r"(?![\w%])(?!,\d)(?!\.\d)")
NUMBER_ONLY = re.compile(r"\s*" + _NUMBER_CORE + r"\s*")

ISO_DATE = re.compile(r"(?<![\w-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w-])")
MONTH_FIRST_DATE = re.compile(
    r"\b" + _MONTH_NAME + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?\b",
    re.IGNORECASE,
)
DAY_FIRST_DATE = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_NAME + r"(?:,?\s+(?P<year>\d{4}))?\b",
    re.IGNORECASE,
)
DEADLINE_LEAD = re.compile(
    r"\b(?:by|before|due(?: on| by)?|until|till|no later than|deadline:?|ending)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
DURATION = re.compile(
    r"\b(?:within|in the next|over the next)\s+(?P<amount>\d+|"
    + "|".join(NUMBER_WORDS)
    + r")\s+(?P<unit>day|week|month)s?\b",
    re.IGNORECASE,
)
CYCLE_LABEL = re.compile(r"\b\d{4}-?(?:Q[1-4]|H[12])\b|\bQ[1-4]\s+\d{4}\b", re.IGNORECASE)
YEAR_IN_CONTEXT = re.compile(
    r"\b(?:in|of|for|during|since|through|end of|early|late|mid)\s+(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
SLASH_DATE = re.compile(
    r"\b\d{4}/\d{1,2}/\d{1,2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|(?:(?<=\bby )|(?<=\bon )|(?<=\bdue )|(?<=\bbefore )|(?<=\buntil ))\d{1,2}/\d{1,2}\b",
    re.IGNORECASE,
)
"""`12/31`, `31/12/2026`: ambiguous between countries, so not read as dates — and, above all,
not as `N/M` progress."""
LINK_TARGET = re.compile(
    r"\]\([^)]*\)|<[A-Za-z][\w+.-]*:[^>\s]*>|\b(?:https?|ftp)://\S+|\bwww\.\S+",
    re.IGNORECASE,
)
"""Link destinations and bare URLs, whose digits (`/guides/2026`) are no measure."""
FROM_TO = re.compile(r"\bfrom\s*$", re.IGNORECASE)
TO_BETWEEN = re.compile(r"^\s*(?:[A-Za-z][\w-]*\s+){0,2}(?:to|→|->)\s*$", re.IGNORECASE)
ARROW_BETWEEN = re.compile(r"^\s*(?:→|->)\s*$")
AT_MOST_LEAD = re.compile(
    r"\b(?:below|under|less than|fewer than|at most|no more than|max(?:imum)?(?: of)?)\s*$"
    r"|(?:<=?|≤)\s*$",
    re.IGNORECASE,
)
AT_LEAST_LEAD = re.compile(
    r"\b(?:above|over|at least|more than|no less than|min(?:imum)?(?: of)?)\s*$|(?:>=?|≥)\s*$",
    re.IGNORECASE,
)
CHANGE_BY = re.compile(
    r"\b(?:increase|raise|grow|boost|lift|improve|cut|reduce|decrease|lower|shrink)\w*\b.*\bby\s*$",
    re.IGNORECASE,
)
DECREASE_VERB = re.compile(
    r"\b(?:reduce|cut|decrease|lower|shrink|drop|halve|minimi[sz]e|bring down|eliminate)\w*\b",
    re.IGNORECASE,
)
UNIT_STOPWORDS = frozenset(
    (
        "a an the of to by from in on at for with within and or but if not before after until "
        "per each every this that than over under into across via as is are be more out "
        "worth while so who which when where without through during between vs versus instead "
        "daily weekly monthly quarterly yearly annually next last asap soon now later"
    ).split()
)
UNIT_MAX_WORDS = 3
"""`6 long-form case studies` counts case studies: the noun phrase, up to three words."""
UNIT_WORDS = re.compile(r"(?:\s+[A-Za-z][\w-]*)+")


@dataclass(frozen=True)
class TextReading:
    """Everything read from one statement: its measure, its dates and its relative deadline."""

    measure: Measure
    dates: tuple[DateMention, ...]
    deadline: DateMention | None
    within: Duration | None
    problems: tuple[Problem, ...] = ()
    """Dates written in ISO form that do not exist (`2026-02-30`)."""


def read_statement(
    locator: Locator, reference: dt.date | None, *, checked: bool | None = None
) -> TextReading:
    """Read a key result or SMART statement (the locator's text) into a measure and dates."""
    text = locator.text
    located_dates = _located_dates(locator, reference)
    located_durations = _located_durations(locator)
    dates = [date for _, _, date in located_dates]
    durations = [duration for _, _, duration in located_durations]
    impossible = [match for match in ISO_DATE.finditer(text) if _iso_date(match) is None]
    masked = [
        *((match.start(), match.end()) for match in impossible),
        *((start, end) for start, end, _ in located_dates),
        *((start, end) for start, end, _ in located_durations),
        *((m.start(), m.end()) for m in CYCLE_LABEL.finditer(text)),
        *((m.start(), m.end()) for m in SLASH_DATE.finditer(text)),
        *((m.start(), m.end()) for m in LINK_TARGET.finditer(text)),
        *((m.start("year"), m.end("year")) for m in YEAR_IN_CONTEXT.finditer(text)),
    ]
    quantities = [
        (match, quantity)
        for match, quantity in _quantities(locator)
        if not any(start < match.end() and match.start() < end for start, end in masked)
    ]
    measure = _measure(text, quantities, checked)
    deadline = next((date for date in dates if date.is_deadline), None)
    problems = tuple(
        Problem(
            ProblemKind.INVALID_VALUE,
            f"{match.group(0)} is not a calendar date",
            locator.span(match.start(), match.end()),
        )
        for match in impossible
    )
    within = durations[0] if durations else None
    return TextReading(measure, tuple(dates), deadline, within, problems)


def parse_quantity(raw: object) -> tuple[float, str | None] | None:
    """Read an explicit value (`1450`, `"1,450"`, `"35%"`, `"$5k"`) into a number and a unit."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return float(raw), None
    if not isinstance(raw, str):
        return None
    match = NUMBER_ONLY.fullmatch(raw)
    if match is None:
        return None
    return _number_value(match), _sign_unit(match)


def find_dates(locator: Locator, reference: dt.date | None) -> list[DateMention]:
    """Every date in the text; a date without a year takes the year of `reference`."""
    return [date for _, _, date in _located_dates(locator, reference)]


def _located_dates(
    locator: Locator, reference: dt.date | None
) -> list[tuple[int, int, DateMention]]:
    text = locator.text
    found: list[tuple[int, int, dt.date]] = []
    for match in ISO_DATE.finditer(text):
        day = _iso_date(match)
        if day is not None:
            found.append((match.start(), match.end(), day))
    for pattern in (MONTH_FIRST_DATE, DAY_FIRST_DATE):
        for match in pattern.finditer(text):
            if any(start < match.end() and match.start() < end for start, end, _ in found):
                continue
            day = _written_date(match, reference)
            if day is not None:
                found.append((match.start(), match.end(), day))
    return [
        (
            start,
            end,
            DateMention(
                value=day,
                span=locator.span(start, end),
                text=text[start:end],
                origin=Origin.TEXT,
                is_deadline=DEADLINE_LEAD.search(text[max(0, start - 24) : start]) is not None,
            ),
        )
        for start, end, day in sorted(found)
    ]


def _located_durations(locator: Locator) -> list[tuple[int, int, Duration]]:
    durations = []
    for match in DURATION.finditer(locator.text):
        amount_text = match["amount"].lower()
        amount = int(amount_text) if amount_text.isdigit() else NUMBER_WORDS[amount_text]
        duration = Duration(
            amount=amount,
            unit=DurationUnit(match["unit"].lower()),
            span=locator.span(match.start(), match.end()),
            text=match.group(0),
        )
        durations.append((match.start(), match.end(), duration))
    return durations


def _measure(
    text: str, quantities: list[tuple[re.Match[str], Quantity]], checked: bool | None
) -> Measure:
    numbers = tuple(quantity for _, quantity in quantities)
    base = {"numbers": numbers, "checked": checked}
    for (first_match, first), (second_match, second) in pairwise(quantities):
        between = text[first_match.end() : second_match.start()]
        lead = text[: first_match.start()]
        if (FROM_TO.search(lead) and TO_BETWEEN.match(between)) or ARROW_BETWEEN.match(between):
            direction = Direction.DECREASE if second.value < first.value else Direction.INCREASE
            return Measure(
                baseline=first, target=second, direction=direction, unit=_unit(second, first),
                **base,
            )  # fmt: skip
    for match, quantity in quantities:
        lead = text[: match.start()]
        if AT_MOST_LEAD.search(lead):
            return Measure(
                target=quantity, threshold=Comparison.AT_MOST, direction=Direction.DECREASE,
                unit=quantity.unit, **base,
            )  # fmt: skip
        if AT_LEAST_LEAD.search(lead):
            return Measure(
                target=quantity, threshold=Comparison.AT_LEAST, unit=quantity.unit, **base
            )
    for (first_match, first), (second_match, second) in pairwise(quantities):
        if re.fullmatch(r"\s*/\s*", text[first_match.end() : second_match.start()]):
            return Measure(current=first, target=second, unit=_unit(second, first), **base)
    if not quantities:
        return Measure(**base)
    match, quantity = quantities[0]
    if CHANGE_BY.search(text[: match.start()]):
        return Measure(target=quantity, unit=quantity.unit, **base)
    direction = (
        Direction.DECREASE if DECREASE_VERB.search(text[: match.start()]) else Direction.INCREASE
    )
    return Measure(target=quantity, direction=direction, unit=quantity.unit, **base)


def _quantities(locator: Locator) -> Iterable[tuple[re.Match[str], Quantity]]:
    text = locator.text
    for match in NUMBER.finditer(text):
        unit = _sign_unit(match) or _counted_noun(text, match.end())
        yield (
            match,
            Quantity(
                value=_number_value(match),
                span=locator.span(match.start(), match.end()),
                text=match.group(0).strip(),
                unit=unit,
                origin=Origin.TEXT,
            ),
        )


def _number_value(match: re.Match[str]) -> float:
    value = float(match["number"].replace(",", ""))
    suffix = (match["suffix"] or "").lower()
    return value * {"": 1, "k": 1_000, "m": 1_000_000}[suffix]


def _sign_unit(match: re.Match[str]) -> str | None:
    if match["percent"]:
        return "%"
    return match["currency"] or match["short_unit"] or None


def _counted_noun(text: str, end: int) -> str | None:
    match = UNIT_WORDS.match(text, end)
    if match is None:
        return None
    words: list[str] = []
    for word in match.group(0).split()[:UNIT_MAX_WORDS]:
        if word.lower() in UNIT_STOPWORDS or word.lower() in MONTHS:
            break
        words.append(word)
    return " ".join(words) or None


def _unit(preferred: Quantity, other: Quantity) -> str | None:
    return preferred.unit or other.unit


def _written_date(match: re.Match[str], reference: dt.date | None) -> dt.date | None:
    month = MONTHS[match["month"].lower().rstrip(".")]
    day_of_month = int(match["day"])
    if match["year"]:
        return _safe_date(int(match["year"]), month, day_of_month)
    if reference is None:
        return None
    day = _safe_date(reference.year, month, day_of_month)
    if day is not None and day < reference:
        day = _safe_date(reference.year + 1, month, day_of_month)
    return day


def _iso_date(match: re.Match[str]) -> dt.date | None:
    return _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
