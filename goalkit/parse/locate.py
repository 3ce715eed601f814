"""Map offsets in a piece of extracted text back to lines and columns of the file."""

from __future__ import annotations

from dataclasses import dataclass

from goalkit.model import Span


@dataclass(frozen=True)
class Locator:
    """Knows where each line of a text fragment starts in the file.

    markdown-it strips indentation and markers from inline content, so a fragment's offset 0 is
    rarely column 1; each of its lines carries its own starting line and column.
    """

    text: str
    starts: tuple[tuple[int, int], ...]
    """(line, column) in the file of the first character of each line of `text`."""

    @classmethod
    def single(cls, text: str, line: int, column: int) -> Locator:
        return cls(text, ((line, column),) * (text.count("\n") + 1))

    @classmethod
    def in_source(cls, text: str, first_line: int, source_lines: tuple[str, ...]) -> Locator:
        """Find each line of `text` in the file, starting at `first_line` (1-based)."""
        starts = []
        line_number = first_line
        for fragment_line in text.split("\n"):
            column = 1
            if 0 < line_number <= len(source_lines):
                found = source_lines[line_number - 1].find(fragment_line.strip()[:40])
                column = found + 1 if found >= 0 else 1
            starts.append((line_number, column))
            line_number += 1
        return cls(text, tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        line_index = self.text.count("\n", 0, offset)
        line_start = self.text.rfind("\n", 0, offset) + 1
        line, column = self.starts[min(line_index, len(self.starts) - 1)]
        return line, column + offset - line_start

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column)

    def shifted(self, offset: int) -> Locator:
        """A locator for `text[offset:]`, used once a prefix such as `KR1:` is cut off."""
        line, column = self.position(offset)
        rest_starts = self.starts[self.text.count("\n", 0, offset) + 1 :]
        return Locator(self.text[offset:], ((line, column), *rest_starts))

    def truncated(self, end: int) -> Locator:
        return Locator(self.text[:end], self.starts[: self.text.count("\n", 0, end) + 1])
