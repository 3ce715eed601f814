"""Interpret front-matter and attribute values: cycles, dates, references, numbers and enums.

Each reader returns the value or None, and records a Problem when the value is present but
wrong, so the linter can point at the exact key (GK003) while the rest of the file is still read.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, TypeVar

from goalkit.model import (
    Attribute,
    Cycle,
    DateMention,
    Origin,
    Problem,
    ProblemKind,
    Quantity,
    Reference,
    Span,
)
from goalkit.parse.extract import parse_quantity

CYCLE_FORMS = re.compile(
    r"(?P<year>\d{4})(?:-?(?:(?P<quarter>Q[1-4])|(?P<half>H[12])|(?P<month>\d{2})))?",
    re.IGNORECASE,
)
REFERENCE = re.compile(
    r"(?P<document>[^#\s]+)(?:#(?P<objective>O\d+)(?:\.(?P<key_result>KR\d+))?)?", re.IGNORECASE
)
EnumT = TypeVar("EnumT")


@dataclass
class FieldReader:
    """Collects the problems found while interpreting the values of one file."""

    problems: list[Problem] = field(default_factory=list)

    def invalid(self, attribute: Attribute, message: str) -> None:
        self.problems.append(
            Problem(
                ProblemKind.INVALID_VALUE,
                message,
                attribute.value_span or attribute.span,
                attribute.key,
            )
        )

    def text(self, attribute: Attribute | None) -> str | None:
        if attribute is None or attribute.value is None:
            return None
        if isinstance(attribute.value, (str, int, float)) and not isinstance(attribute.value, bool):
            return str(attribute.value)
        self.invalid(attribute, f"`{attribute.key}` must be text, not {_kind(attribute.value)}")
        return None

    def names(self, attribute: Attribute | None) -> tuple[str, ...]:
        """A name or a list of names (`owner`, `tags`)."""
        if attribute is None or attribute.value is None:
            return ()
        values = attribute.value if isinstance(attribute.value, list) else [attribute.value]
        if all(
            isinstance(value, (str, int, float)) and not isinstance(value, bool) for value in values
        ):
            return tuple(str(value).strip() for value in values if str(value).strip())
        self.invalid(attribute, f"`{attribute.key}` must be a name or a list of names")
        return ()

    def choice(self, attribute: Attribute | None, enum_type: type[EnumT]) -> EnumT | None:
        if attribute is None or attribute.value is None:
            return None
        allowed = [member.value for member in enum_type]  # type: ignore[attr-defined]
        value = str(attribute.value).strip().lower()
        if value in allowed:
            return enum_type(value)  # type: ignore[call-arg]
        self.invalid(
            attribute,
            f"`{attribute.key}` is {attribute.value!r}; expected one of {', '.join(allowed)}",
        )
        return None

    def flag(self, attribute: Attribute | None) -> bool | None:
        if attribute is None or attribute.value is None:
            return None
        if isinstance(attribute.value, bool):
            return attribute.value
        self.invalid(attribute, f"`{attribute.key}` must be true or false, not {attribute.value!r}")
        return None

    def date(self, attribute: Attribute | None) -> DateMention | None:
        if attribute is None or attribute.value is None:
            return None
        value = attribute.value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = dt.date.fromisoformat(value.strip())
        if isinstance(value, dt.date):
            return DateMention(
                value, attribute.value_span or attribute.span, str(attribute.value),
                Origin.ATTRIBUTE, is_deadline=attribute.key == "due",
            )  # fmt: skip
        self.invalid(
            attribute, f"`{attribute.key}` is {attribute.value!r}, not a date (use YYYY-MM-DD)"
        )
        return None

    def quantity(
        self,
        attribute: Attribute | None,
        *,
        origin: Origin,
        low: float | None = None,
        high: float | None = None,
    ) -> Quantity | None:
        if attribute is None or attribute.value is None:
            return None
        parsed = parse_quantity(attribute.value)
        if parsed is None:
            self.invalid(attribute, f"`{attribute.key}` is {attribute.value!r}, not a number")
            return None
        value, unit = parsed
        if (low is not None and value < low) or (high is not None and value > high):
            self.invalid(
                attribute,
                f"`{attribute.key}` is {_number(value)}; "
                f"it must be between {_number(low)} and {_number(high)}",
            )
            return None
        return Quantity(
            value, attribute.value_span or attribute.span, str(attribute.value), unit, origin
        )

    def cycle(self, attribute: Attribute | None) -> Cycle | None:
        if attribute is None or attribute.value is None:
            return None
        label = str(attribute.value).strip()
        cycle = cycle_from_label(label)
        if cycle is None:
            self.invalid(
                attribute,
                f"`cycle` is {attribute.value!r}; use a quarter (2026-Q3), a half (2026-H2), "
                "a year (2026) or a month (2026-07), or give `start` and `end` dates",
            )
            return None
        return Cycle(cycle.label, cycle.start, cycle.end, attribute.value_span or attribute.span)

    def references(self, attribute: Attribute | None) -> tuple[Reference, ...]:
        if attribute is None or attribute.value is None:
            return ()
        values = attribute.value if isinstance(attribute.value, list) else [attribute.value]
        references = []
        spans = attribute.item_spans or (attribute.value_span or attribute.span,) * len(values)
        for value, span in zip(values, spans, strict=False):
            match = REFERENCE.fullmatch(str(value).strip()) if isinstance(value, str) else None
            if match is None:
                message = f"`supports` has {value!r}; write a goal id, `ID#O2` or `ID#O2.KR3`"
                self.problems.append(
                    Problem(ProblemKind.INVALID_VALUE, message, span, attribute.key)
                )
                continue
            references.append(
                Reference(
                    text=match.group(0),
                    document_id=match["document"].removesuffix(".md"),
                    objective_id=match["objective"].upper() if match["objective"] else None,
                    key_result_id=match["key_result"].upper() if match["key_result"] else None,
                    span=span,
                )
            )
        return tuple(references)


def cycle_from_label(label: str) -> Cycle | None:
    """`2026-Q3`, `2026-H2`, `2026` or `2026-07` → the period's first and last day."""
    match = CYCLE_FORMS.fullmatch(label.strip())
    if match is None:
        return None
    year = int(match["year"])
    if match["quarter"]:
        first_month, months = (int(match["quarter"][1]) - 1) * 3 + 1, 3
        canonical = f"{year}-{match['quarter'].upper()}"
    elif match["half"]:
        first_month, months = (int(match["half"][1]) - 1) * 6 + 1, 6
        canonical = f"{year}-{match['half'].upper()}"
    elif match["month"]:
        first_month, months = int(match["month"]), 1
        if not 1 <= first_month <= 12:
            return None
        canonical = f"{year}-{first_month:02d}"
    else:
        first_month, months = 1, 12
        canonical = str(year)
    last_month = first_month + months - 1
    end = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Cycle(canonical, dt.date(year, first_month, 1), end)


def _kind(value: Any) -> str:
    return {"list": "a list", "dict": "a mapping", "bool": "true/false"}.get(
        type(value).__name__, type(value).__name__
    )


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else str(value)


__all__ = ["FieldReader", "Span", "cycle_from_label"]
