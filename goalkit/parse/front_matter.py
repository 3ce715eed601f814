"""Split off the YAML front-matter and read it with the position of every top-level key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from goalkit.model import Attribute, Problem, ProblemKind, Span
from goalkit.parse.yaml_values import RECOVERABLE_ERRORS, DiagnosingLoader, GoalLoader

BOUNDARY = re.compile(r"^-{3,}[ \t]*$", re.MULTILINE)
"""python-frontmatter's boundary (a line of three or more dashes), without its `\\s*`, which
swallows the blank line after the block and would shift the body by one line."""


@dataclass(frozen=True)
class FrontMatter:
    """The front-matter as read: keys with positions, the body that follows, and any problems."""

    attributes: dict[str, Attribute] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    problems: tuple[Problem, ...] = ()


def read_front_matter(text: str) -> FrontMatter:
    """Separate front-matter from body the way python-frontmatter does, keeping line numbers.

    python-frontmatter's own `parse` strips the text and drops positions, so only its boundary
    convention is followed here.
    """
    opening = BOUNDARY.match(text)
    if opening is None:
        return FrontMatter(body=text, body_line=1)
    closing = BOUNDARY.search(text, opening.end())
    if closing is None:
        problem = Problem(
            ProblemKind.FRONT_MATTER_SYNTAX,
            "front-matter is not closed: add a line `---` after the last key",
            Span(1, 1),
        )
        return FrontMatter(body=text, body_line=1, problems=(problem,))
    yaml_text = text[opening.end() : closing.start()]
    yaml_line = text.count("\n", 0, opening.end()) + 1
    body_start = (
        closing.end() + 1 if text[closing.end() : closing.end() + 1] == "\n" else closing.end()
    )
    body_line = text.count("\n", 0, body_start) + 1
    attributes, problems = _read_yaml(yaml_text, yaml_line)
    return FrontMatter(attributes, text[body_start:], body_line, problems)


def _read_yaml(yaml_text: str, first_line: int) -> tuple[dict[str, Attribute], tuple[Problem, ...]]:
    # `yaml_text` begins with the newline that ends the opening `---`, so YAML's own 0-based
    # line numbers already count from the boundary line.
    def span_of(mark: Any) -> Span:
        return Span(first_line + mark.line, mark.column + 1)

    def node_span(node: yaml.Node) -> Span:
        start, end = node.start_mark, node.end_mark
        return Span(
            first_line + start.line, start.column + 1, first_line + end.line, end.column + 1
        )

    try:
        node, data = _compose(yaml_text, GoalLoader)
        if node is None:
            return {}, ()
    except yaml.MarkedYAMLError as fast_error:
        try:
            _compose(yaml_text, DiagnosingLoader)
            error = fast_error
        except yaml.MarkedYAMLError as diagnosed:
            error = diagnosed
        mark = error.problem_mark or error.context_mark
        span = span_of(mark) if mark is not None else Span(first_line)
        message = f"front-matter is not valid YAML: {error.problem or error.context}"
        if error.context and error.context_mark is not None and error.problem:
            context_line = first_line + error.context_mark.line
            message += f" ({error.context} that starts on line {context_line})"
        return {}, (Problem(ProblemKind.FRONT_MATTER_SYNTAX, message, span),)
    except RECOVERABLE_ERRORS as other_error:
        message = f"front-matter is not valid YAML: {other_error}"
        return {}, (Problem(ProblemKind.FRONT_MATTER_SYNTAX, message, Span(first_line)),)
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "empty"
        message = f"front-matter must be a mapping of keys to values, not {_describe(kind)}"
        return {}, (
            Problem(ProblemKind.FRONT_MATTER_NOT_MAPPING, message, span_of(node.start_mark)),
        )
    attributes: dict[str, Attribute] = {}
    problems = []
    for key_node, value_node in node.value:
        key = key_node.value
        if not isinstance(key, str) or key not in data:
            continue  # a key YAML reads as a number or a boolean names no goalkit field
        if key in attributes:
            problems.append(
                Problem(
                    ProblemKind.INVALID_VALUE,
                    f"`{key}` is given twice (also on line {attributes[key].span.line}); "
                    "the last one counts",
                    node_span(key_node),
                    key,
                )
            )
        attributes[key] = Attribute(
            key=key,
            value=data[key],
            span=node_span(key_node),
            value_span=node_span(value_node),
            item_spans=tuple(node_span(item) for item in value_node.value)
            if isinstance(value_node, yaml.SequenceNode)
            else (),
        )
    return attributes, tuple(problems)


def _compose(yaml_text: str, loader_class: type[Any]) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(yaml_text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _describe(kind: str) -> str:
    return {"list": "a list", "str": "plain text", "int": "a number", "float": "a number"}.get(
        kind, kind
    )
