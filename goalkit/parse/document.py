"""Assemble a Document from a file's text: front-matter fields, objectives, key results, SMART
statement, check-ins and reserved sections."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from goalkit.model import (
    Attribute,
    CheckIn,
    CheckInValue,
    Cycle,
    Direction,
    Document,
    GoalType,
    Initiative,
    KeyResult,
    Measure,
    Objective,
    Origin,
    Problem,
    ProblemKind,
    Quantity,
    Section,
    SmartGoal,
    Span,
    Status,
)
from goalkit.parse.attributes import split_attributes
from goalkit.parse.extract import NUMBER, find_dates, parse_quantity, read_statement
from goalkit.parse.fields import FieldReader
from goalkit.parse.front_matter import read_front_matter
from goalkit.parse.locate import Locator
from goalkit.parse.outline import Item, Outline, OutlineSection, Text, read_outline

RESERVED_SECTIONS = {
    "check-ins": "check-ins", "checkins": "check-ins", "check ins": "check-ins",
    "notes": "notes", "why": "why", "postmortem": "postmortem", "post-mortem": "postmortem",
    "retrospective": "retrospective", "milestones": "milestones",
}  # fmt: skip
OBJECTIVE_PREFIX = re.compile(r"(?:O|Objective\s+)(?P<number>\d+)\s*[:.)]\s+", re.IGNORECASE)
KEY_RESULT_PREFIX = re.compile(r"KR\s?(?P<number>\d+)\s*[:.)]\s+", re.IGNORECASE)
CHECK_IN_DATE = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})\s*(?:[:—–-]\s*)?")
CHECK_IN_VALUE = re.compile(
    r"\b(?P<target>(?:O\d+\s*\.\s*)?KR\d+)\s*[:=]\s*(?P<value>" + NUMBER.pattern + ")",
    re.IGNORECASE,
)
MEASURE_KEYS = ("baseline", "target", "current")
TRAILING_COMMENTS = re.compile(r"(?:\s*<!--.*?-->)+\s*$", re.DOTALL)


def parse_text(text: str, path: Path, default_id: str) -> Document:
    """Parse a goal file's text. Never raises for bad input: problems are kept on the Document."""
    lines = tuple(text.split("\n"))
    front = read_front_matter(text)
    reader = FieldReader(list(front.problems))
    if not text.strip():
        reader.problems.append(
            Problem(ProblemKind.EMPTY, "empty file: write a goal or delete the file", Span(1, 1))
        )
    fields = front.attributes
    outline = read_outline(front.body, front.body_line, lines)

    cycle = reader.cycle(fields.get("cycle"))
    start = reader.date(fields.get("start"))
    end = reader.date(fields.get("end"))
    if cycle is None and start is not None and end is not None:
        cycle = Cycle(
            f"{start.value.isoformat()}..{end.value.isoformat()}",
            start.value,
            end.value,
            start.span,
        )
    due = reader.date(fields.get("due"))
    reference = cycle.start if cycle else (start.value if start else (due.value if due else None))

    objective_sections = [
        s for s in outline.sections[1:] if s.heading and _reserved(s.heading) is None
    ]
    declared_type = reader.choice(fields.get("type"), GoalType)
    goal_type = declared_type or (GoalType.OKR if objective_sections else GoalType.SMART)
    title_attribute = fields.get("title")
    title_text = reader.text(title_attribute)
    title = title_text or (outline.title.content if outline.title else path.stem)
    title_span = (title_attribute.value_span if title_text and title_attribute else None) or (
        outline.title.span if outline.title else None
    )

    objectives: tuple[Objective, ...] = ()
    smart = None
    if goal_type is GoalType.OKR:
        objectives = tuple(
            _objective(section, index, reference, reader)
            for index, section in enumerate(objective_sections, 1)
        )
    else:
        smart = _smart_goal(outline, fields, title_text, title_attribute, reference, reader, path)

    sections = tuple(
        _section(s, lines) for s in outline.sections[1:] if s.heading and _reserved(s.heading)
    )
    check_ins = tuple(
        check_in
        for s in outline.sections[1:]
        if s.heading and _reserved(s.heading) == "check-ins"
        for check_in in _check_ins(s, reader)
    )
    document_id = reader.text(fields.get("id")) or default_id
    return Document(
        path=path,
        id=document_id,
        title=title,
        type=goal_type,
        front_matter=dict(fields),
        owners=reader.names(fields.get("owner")),
        cycle=cycle,
        start=start,
        due=due,
        status=reader.choice(fields.get("status"), Status) or Status.ACTIVE,
        committed=bool(reader.flag(fields.get("committed"))),
        confidence=reader.quantity(
            fields.get("confidence"), origin=Origin.FRONT_MATTER, low=0, high=10
        ),
        supports=reader.references(fields.get("supports")),
        tags=reader.names(fields.get("tags")),
        objectives=objectives,
        smart=smart,
        check_ins=check_ins,
        sections=sections,
        comments=tuple(outline.comments),
        problems=tuple(sorted(reader.problems, key=lambda problem: problem.span)),
        body=front.body,
        body_line=front.body_line,
        title_span=title_span,
        lines=lines,
    )


def unreadable_document(path: Path, default_id: str, problem: Problem) -> Document:
    return Document(
        path=path, id=default_id, title=path.stem, type=GoalType.SMART, problems=(problem,)
    )


def _reserved(heading: Text) -> str | None:
    return RESERVED_SECTIONS.get(heading.content.strip().rstrip(":").lower())


def _objective(
    section: OutlineSection, index: int, reference: dt.date | None, reader: FieldReader
) -> Objective:
    assert section.heading is not None
    locator, attributes, problem = split_attributes(_without_comments(section.heading.locator))
    if problem:
        reader.problems.append(problem)
    objective_id, id_span, locator = _split_id(locator, OBJECTIVE_PREFIX, "O", index)
    by_key = {attribute.key: attribute for attribute in attributes}
    weight = reader.quantity(by_key.get("weight"), origin=Origin.ATTRIBUTE, low=0)
    title_reading = read_statement(locator, reference)
    reader.problems.extend(title_reading.problems)
    key_results = tuple(
        _key_result(item, position, reference, reader)
        for position, item in enumerate(section.items, 1)
    )
    return Objective(
        id=objective_id,
        title=_one_line(locator.text),
        span=locator.span(0, len(locator.text.rstrip())),
        key_results=key_results,
        id_span=id_span,
        attributes=attributes,
        committed=reader.flag(by_key.get("committed")),
        weight=weight.value if weight else 1.0,
        numbers=title_reading.measure.numbers,
    )


def _key_result(
    item: Item, index: int, reference: dt.date | None, reader: FieldReader
) -> KeyResult:
    locator, attributes, problem = split_attributes(_without_comments(item.text.locator))
    if problem:
        reader.problems.append(problem)
    key_result_id, id_span, locator = _split_id(locator, KEY_RESULT_PREFIX, "KR", index)
    reading = read_statement(locator, reference, checked=item.checked)
    reader.problems.extend(reading.problems)
    by_key = {attribute.key: attribute for attribute in attributes}
    measure = _with_explicit_values(reading.measure, by_key, reader, Origin.ATTRIBUTE)
    due = reader.date(by_key.get("due")) or reading.deadline
    return KeyResult(
        id=key_result_id,
        text=_one_line(locator.text),
        span=locator.span(0, len(locator.text.rstrip())),
        measure=measure,
        id_span=id_span,
        attributes=attributes,
        due=due,
        dates=tuple(reading.dates),
        initiatives=tuple(_initiative(child, reference) for child in item.descendants()),
    )


def _initiative(item: Item, reference: dt.date | None) -> Initiative:
    return Initiative(
        text=_one_line(item.text.content),
        span=item.text.span,
        checked=item.checked,
        dates=tuple(find_dates(item.text.locator, reference)),
    )


def _smart_goal(
    outline: Outline,
    fields: dict[str, Attribute],
    title_text: str | None,
    title_attribute: Attribute | None,
    reference: dt.date | None,
    reader: FieldReader,
    path: Path,
) -> SmartGoal:
    if title_text and title_attribute is not None:
        span = title_attribute.value_span or title_attribute.span
        locator = Locator.single(title_text, span.line, span.column)
    elif outline.title is not None:
        locator = outline.title.locator
    elif outline.sections[0].paragraphs:
        locator = outline.sections[0].paragraphs[0].locator
    else:
        locator = Locator.single(path.stem, 1, 1)
    reading = read_statement(locator, reference)
    reader.problems.extend(reading.problems)
    measure = _with_explicit_values(reading.measure, fields, reader, Origin.FRONT_MATTER)
    milestones = tuple(
        _initiative(item, reference)
        for section in outline.sections
        if section.heading is None or _reserved(section.heading) in (None, "milestones")
        for item in section.all_items()
    )
    return SmartGoal(
        statement=_one_line(locator.text),
        span=locator.span(0, len(locator.text.rstrip())),
        measure=measure,
        metric=reader.text(fields.get("metric")),
        due=reading.deadline,
        within=reading.within,
        dates=tuple(reading.dates),
        milestones=milestones,
    )


def _with_explicit_values(
    measure: Measure, attributes: dict[str, Attribute], reader: FieldReader, origin: Origin
) -> Measure:
    """Explicit values (attribute block or front-matter) outrank what the prose suggested."""
    explicit: dict[str, Quantity] = {}
    for key in MEASURE_KEYS:
        quantity = reader.quantity(attributes.get(key), origin=origin)
        if quantity is not None:
            explicit[key] = quantity
    for key, high in (("score", 1.0), ("confidence", 10.0)):
        quantity = reader.quantity(attributes.get(key), origin=origin, low=0, high=high)
        if quantity is not None:
            explicit[key] = quantity
    changes: dict[str, object] = dict(explicit)
    weight = reader.quantity(attributes.get("weight"), origin=origin, low=0)
    if weight is not None:
        changes["weight"] = weight.value
    unit = reader.text(attributes.get("unit"))
    if unit is not None:
        changes["unit"] = unit
    elif "target" in explicit and explicit["target"].unit:
        changes["unit"] = explicit["target"].unit
    baseline = explicit.get("baseline", measure.baseline)
    target = explicit.get("target", measure.target)
    if baseline is not None and target is not None and measure.threshold is None:
        changes["direction"] = (
            Direction.DECREASE if target.value < baseline.value else Direction.INCREASE
        )
    merged = dataclasses.replace(measure, **changes) if changes else measure
    return _inherit_unit(merged)


def _inherit_unit(measure: Measure) -> Measure:
    """`{current: 850}` on `from $800 to $920` means $850: values written bare take the unit."""
    if measure.unit is None:
        return measure
    changes = {
        key: dataclasses.replace(quantity, unit=measure.unit)
        for key in MEASURE_KEYS
        if (quantity := getattr(measure, key)) is not None and quantity.unit is None
    }
    return dataclasses.replace(measure, **changes) if changes else measure


def _without_comments(locator: Locator) -> Locator:
    """`- KR2: Write posts <!-- goalkit: disable=OKR105 -->`: the comment is a suppression
    (kept in `Document.comments`), not part of the statement or of its attribute block."""
    match = TRAILING_COMMENTS.search(locator.text)
    return locator.truncated(match.start()) if match else locator


def _one_line(text: str) -> str:
    """A statement wrapped over several source lines reads as one line of text."""
    return " ".join(text.split())


def _split_id(
    locator: Locator, prefix: re.Pattern[str], letter: str, index: int
) -> tuple[str, Span | None, Locator]:
    match = prefix.match(locator.text)
    if match is None:
        return f"{letter}{index}", None, locator
    id_span = locator.span(0, match.end() - len(match.group(0)) + len(match.group(0).rstrip()))
    return f"{letter}{int(match['number'])}", id_span, locator.shifted(match.end())


def _section(section: OutlineSection, lines: tuple[str, ...]) -> Section:
    assert section.heading is not None
    body_lines = lines[section.heading.line : section.last_line]
    return Section(
        name=_reserved(section.heading) or section.heading.content.lower(),
        title=section.heading.content.strip(),
        span=section.heading.span,
        text="\n".join(body_lines).strip("\n"),
    )


def _check_ins(section: OutlineSection, reader: FieldReader) -> list[CheckIn]:
    entries: list[tuple[Locator, tuple[Locator, ...]]] = [
        (item.text.locator, ()) for item in section.items
    ]
    entries += [
        (entry.heading.locator, tuple(p.locator for p in entry.paragraphs))
        for entry in section.entries
    ]
    check_ins = []
    for heading, paragraphs in entries:
        match = CHECK_IN_DATE.match(heading.text)
        if match is None:
            continue
        try:
            day = dt.date.fromisoformat(match["date"])
        except ValueError:
            reader.problems.append(
                Problem(
                    ProblemKind.INVALID_VALUE,
                    f"check-in date {match['date']} is not a calendar date",
                    heading.span(0, len(match["date"])),
                )
            )
            continue
        body = heading.shifted(match.end())
        pieces = [body, *paragraphs]
        confidence: Quantity | None = None
        values: list[CheckInValue] = []
        text_parts = []
        for piece in pieces:
            rest, attributes, problem = split_attributes(_without_comments(piece))
            if problem:
                reader.problems.append(problem)
            by_key = {attribute.key: attribute for attribute in attributes}
            confidence = (
                reader.quantity(by_key.get("confidence"), origin=Origin.ATTRIBUTE, low=0, high=10)
                or confidence
            )
            values += _check_in_values(rest)
            text_parts.append(rest.text.strip())
        check_ins.append(
            CheckIn(
                date=day,
                text="\n".join(part for part in text_parts if part),
                span=heading.span(0, len(heading.text)),
                confidence=confidence,
                values=tuple(values),
            )
        )
    return sorted(check_ins, key=lambda check_in: (check_in.date, check_in.span))


def _check_in_values(locator: Locator) -> list[CheckInValue]:
    values = []
    for match in CHECK_IN_VALUE.finditer(locator.text):
        parsed = parse_quantity(match["value"])
        if parsed is None:
            continue
        value, unit = parsed
        target = re.sub(r"\s+", "", match["target"]).upper()
        span = locator.span(match.start("value"), match.end("value"))
        quantity = Quantity(value, span, match["value"].strip(), unit, Origin.TEXT)
        values.append(CheckInValue(target, quantity))
    return values
