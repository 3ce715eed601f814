"""Inline suppressions: the Markdown comments and front-matter key that silence diagnostics.

```
<!-- goalkit-disable OKR105 -- reason -->   … <!-- goalkit-enable -->
<!-- goalkit-disable-next-line SMART201 -->
<!-- goalkit-disable-file OKR101 -->
---
goalkit: {ignore: [OKR101], reason: "…"}
---
```

Codes are selectors, as in the configuration (`OKR105`, `OKR`, `ALL`); a directive without codes
silences every rule. Everything after ` -- ` is the reason, which the report shows as debt.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from goalkit.model import Document, Span

DIRECTIVE = re.compile(r"goalkit-(?P<kind>[a-z-]+)\b\s*(?P<rest>.*)\Z", re.DOTALL | re.IGNORECASE)
CODE = re.compile(r"[A-Za-z]+[0-9]*\Z")


class SuppressionKind(str, enum.Enum):
    """How far a suppression reaches."""

    RANGE = "disable"
    """From its comment to the next `goalkit-enable` (or the end of the file)."""
    NEXT_LINE = "disable-next-line"
    FILE = "disable-file"
    FRONT_MATTER = "front-matter"
    """`goalkit: {ignore: [...]}` in the front-matter; the whole file."""


@dataclass(frozen=True)
class Suppression:
    """One suppression in force: where it is written, what it silences, why, and whether it did.

    `codes` are selectors as written (upper-cased); empty means every rule. `first_line` and
    `last_line` bound the lines it silences (`last_line` None: to the end of the file).
    """

    path: str
    line: int
    codes: tuple[str, ...]
    reason: str | None
    kind: SuppressionKind
    used: bool = False
    column: int = 1
    first_line: int = 1
    last_line: int | None = None

    def covers(self, code: str, line: int) -> bool:
        if line < self.first_line or (self.last_line is not None and line > self.last_line):
            return False
        return not self.codes or any(selector_matches(selector, code) for selector in self.codes)


@dataclass(frozen=True)
class SuppressionProblem:
    """A comment that looks like a directive but cannot be read; reported as GK009."""

    span: Span
    message: str


def selector_matches(selector: str, code: str) -> bool:
    """`ALL` matches every code; otherwise a selector is a code or a prefix of codes."""
    return selector == "ALL" or code.startswith(selector)


def read_suppressions(
    document: Document, path: str
) -> tuple[list[Suppression], list[SuppressionProblem]]:
    """Every suppression written in a document, in file order, and the malformed ones."""
    suppressions: list[Suppression] = []
    problems: list[SuppressionProblem] = []
    _read_front_matter(document, path, suppressions, problems)
    open_ranges: list[int] = []
    for comment in document.comments:
        match = DIRECTIVE.match(comment.text.strip())
        if match is None:
            continue
        kind = match["kind"].lower()
        codes, reason, bad = _codes_and_reason(match["rest"])
        line = comment.span.line
        if bad:
            problems.append(
                SuppressionProblem(
                    comment.span,
                    f"`goalkit-{kind}` names {', '.join(bad)}, which is not a rule code or prefix",
                )
            )
            continue  # guessing what was meant could silence far too much
        if kind == "enable":
            # `goalkit-enable` ends every open range; `goalkit-enable OKR105` only those it names.
            closing = [
                i for i in open_ranges if not codes or set(suppressions[i].codes) <= set(codes)
            ]
            for index in closing:
                suppressions[index] = _close(suppressions[index], line)
            open_ranges[:] = [i for i in open_ranges if i not in closing]
            continue
        if kind == "disable":
            open_ranges.append(len(suppressions))
            first, last = line, None
            directive = SuppressionKind.RANGE
        elif kind == "disable-next-line":
            first = last = _next_content_line(document, line + comment.text.count("\n"))
            directive = SuppressionKind.NEXT_LINE
        elif kind == "disable-file":
            first, last = 1, None
            directive = SuppressionKind.FILE
        else:
            problems.append(
                SuppressionProblem(
                    comment.span,
                    f"unknown directive `goalkit-{kind}`; use goalkit-disable, "
                    "goalkit-enable, goalkit-disable-next-line or goalkit-disable-file",
                )
            )
            continue
        suppressions.append(
            Suppression(
                path,
                line,
                codes,
                reason,
                directive,
                column=comment.span.column,
                first_line=first,
                last_line=last,
            )
        )
    return suppressions, problems


def _close(suppression: Suppression, enable_line: int) -> Suppression:
    from dataclasses import replace

    return replace(suppression, last_line=enable_line)


def _codes_and_reason(rest: str) -> tuple[tuple[str, ...], str | None, list[str]]:
    head, separator, tail = rest.partition("--")
    reason = " ".join(tail.split()) if separator else None
    words = [word for word in re.split(r"[\s,]+", head) if word]
    bad = [word for word in words if not CODE.match(word)]
    codes = tuple(word.upper() for word in words if CODE.match(word))
    return codes, reason or None, bad


def _next_content_line(document: Document, comment_line: int) -> int:
    """The first non-blank line after the comment, so a blank line between them is harmless."""
    for number in range(comment_line + 1, len(document.lines) + 1):
        if document.lines[number - 1].strip():
            return number
    return comment_line + 1


def _read_front_matter(
    document: Document,
    path: str,
    suppressions: list[Suppression],
    problems: list[SuppressionProblem],
) -> None:
    attribute = document.front_matter.get("goalkit")
    if attribute is None:
        return
    value = attribute.value
    span = attribute.value_span or attribute.span
    if not isinstance(value, dict) or set(value) - {"ignore", "reason"}:
        problems.append(
            SuppressionProblem(
                span, '`goalkit` must be a mapping like {ignore: [OKR101], reason: "why"}'
            )
        )
        return
    ignore = value.get("ignore", [])
    ignore = [ignore] if isinstance(ignore, str) else ignore
    reason = value.get("reason")
    if not isinstance(ignore, list) or not all(isinstance(code, str) for code in ignore):
        problems.append(SuppressionProblem(span, "`goalkit.ignore` must be a list of rule codes"))
        return
    if reason is not None and not isinstance(reason, str):
        problems.append(SuppressionProblem(span, "`goalkit.reason` must be text"))
        reason = None
    codes = []
    for written in ignore:
        selector, _, inline_reason = written.partition("--")
        selector = selector.strip()
        if not CODE.match(selector):
            problems.append(
                SuppressionProblem(span, f"`goalkit.ignore` has {written!r}, not a rule code")
            )
            continue
        codes.append(selector.upper())
        reason = reason or (inline_reason.strip() or None)
    if codes:
        suppressions.append(
            Suppression(
                path,
                attribute.span.line,
                tuple(codes),
                reason,
                SuppressionKind.FRONT_MATTER,
                column=attribute.span.column,
            )
        )
