"""Word matching for the practice rules: phrases from option lists, found in goal text, with spans.

Rules keep their word lists in options so users can extend them; this module turns such a list
into matches with offsets, and offsets within a statement into file spans that point at the
exact words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from goalkit.model import Span

WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?|\d+(?:[.,]\d+)*", re.UNICODE)
"""A word for counting and matching: letters with inner apostrophes or hyphens, or a number."""
EXAMPLE_FILE_MARKER = re.compile(r"^<!-- file: (?P<name>\S+) -->\n", re.MULTILINE)
MESSAGE_QUOTE_LIMIT = 50
INLINE_LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\([^)]*\)")
INLINE_MARKUP = re.compile(r"(?<!\w)[*_]+|[*_]+(?!\w)|`")


@dataclass(frozen=True)
class Match:
    """A phrase found in a text: the phrase as configured, and where it stands."""

    phrase: str
    start: int
    end: int
    text: str
    """The words as written in the goal (`Writing`), for messages."""


def visible_text(markdown: str) -> str:
    """Inline Markdown as a reader sees it: link text without its address, no emphasis marks."""
    return INLINE_MARKUP.sub("", INLINE_LINK.sub(lambda match: match["text"], markdown))


def words(text: str) -> list[re.Match[str]]:
    return list(WORD.finditer(text))


def word_count(text: str) -> int:
    return len(words(text))


def inflections(word: str) -> set[str]:
    """The regular forms of an English verb or noun, so `write` also matches `writes`.

    Only regular endings: a list entry is the base form, and irregular forms (`wrote`) can be
    added to the option list by hand.
    """
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    return forms


WORD_START = r"(?<![\w'’-])"
WORD_END = r"(?![\w'’-])"


def _phrase_body(phrase: str, inflect: bool) -> str:
    """A phrase of one or more words; with `inflect`, its first word may take a regular ending
    (`work on` matches `worked on`, `write` matches `writing`).

    Phrases made of punctuation (`etc.`) match as written, and `ASAP` matches `asap`.
    """
    parts = phrase.strip().lower().split()
    pieces = [re.escape(part) for part in parts]
    if inflect and parts[0].isalpha():
        forms = sorted(inflections(parts[0]), key=len, reverse=True)
        pieces[0] = "(?:" + "|".join(re.escape(form) for form in forms) + ")"
    tail = WORD_END if parts[-1][-1:].isalnum() else ""
    return r"\s+".join(pieces) + tail


@lru_cache(maxsize=256)
def _phrases_pattern(phrases: tuple[str, ...], inflect: bool) -> re.Pattern[str] | None:
    """One pattern for a whole list, longest phrases first, each in a group named by its index.

    Phrases that start with a letter or digit share one word-start check up front, which lets
    the regex engine skip the middle of words at once instead of trying every phrase there.
    """
    ordered = sorted(
        (index for index, phrase in enumerate(phrases) if phrase.strip()),
        key=lambda index: -len(phrases[index]),
    )
    if not ordered:
        return None
    worded = [index for index in ordered if phrases[index].strip()[:1].isalnum()]
    other = [index for index in ordered if index not in worded]

    def alternatives(indexes: list[int]) -> str:
        return "|".join(f"(?P<p{i}>{_phrase_body(phrases[i], inflect)})" for i in indexes)

    branches = [f"{WORD_START}(?:{alternatives(worded)})"] if worded else []
    branches += [alternatives(other)] if other else []
    return re.compile("|".join(branches), re.IGNORECASE)


def find_phrases(text: str, phrases: Iterable[str], *, inflect: bool = False) -> list[Match]:
    """Every occurrence of any phrase, left to right; where phrases overlap, the leftmost
    wins, and the longest of those starting at the same place."""
    listed = tuple(str(phrase) for phrase in phrases)
    pattern = _phrases_pattern(listed, inflect)
    if pattern is None:
        return []
    return [
        Match(listed[int(str(match.lastgroup)[1:])], match.start(), match.end(), match.group(0))
        for match in pattern.finditer(text)
    ]


def leading_phrase(text: str, phrases: Iterable[str], *, inflect: bool = True) -> Match | None:
    """The phrase the text starts with (ignoring leading punctuation and emphasis), if any."""
    first = WORD.search(text)
    if first is None:
        return None
    listed = tuple(str(phrase) for phrase in phrases)
    pattern = _phrases_pattern(listed, inflect)
    match = pattern.match(text, first.start()) if pattern is not None else None
    if match is None:
        return None
    return Match(listed[int(str(match.lastgroup)[1:])], match.start(), match.end(), match.group(0))


def sub_span(span: Span, text: str, start: int, end: int, lines: Sequence[str] = ()) -> Span:
    """The file span of `text[start:end]`, where `text` is the statement that `span` covers.

    The parser reads a statement wrapped over several lines as one line of text, so offsets are
    mapped back through the file's own characters (`lines`), whitespace runs counting as one
    space. Without the lines, a one-line span is mapped by offset; when the words cannot be
    placed, the whole statement's span is the honest answer.
    """
    positions = _character_positions(span, text, lines)
    if positions is not None and 0 <= start < end <= len(positions):
        line, column = positions[start]
        end_line, end_column = positions[end - 1]
        return Span(line, column, end_line, end_column + 1)
    single_line = span.end_line in (None, span.line)
    if single_line and not lines and "\n" not in text:
        return Span(span.line, span.column + start, span.line, span.column + end)
    return span


def _character_positions(
    span: Span, text: str, lines: Sequence[str]
) -> list[tuple[int, int]] | None:
    """(line, column) of each character of `text`, read from the file region `span` covers."""
    if not lines or span.end_line is None or span.end_column is None:
        return None
    characters: list[tuple[str, tuple[int, int]]] = []
    for line_number in range(span.line, span.end_line + 1):
        if not 0 < line_number <= len(lines):
            return None
        source = lines[line_number - 1]
        first = span.column - 1 if line_number == span.line else 0
        last = span.end_column - 1 if line_number == span.end_line else len(source)
        if line_number != span.line:
            characters.append(("\n", (line_number, 1)))
        characters += [
            (source[i], (line_number, i + 1)) for i in range(first, min(last, len(source)))
        ]
    collapsed: list[str] = []
    positions: list[tuple[int, int]] = []
    for character, position in characters:
        if character.isspace():
            if collapsed and collapsed[-1] != " ":
                collapsed.append(" ")
                positions.append(position)
            continue
        collapsed.append(character)
        positions.append(position)
    while collapsed and collapsed[-1] == " ":
        collapsed.pop()
        positions.pop()
    if "".join(collapsed) != " ".join(text.split()) or len(collapsed) != len(text):
        return None
    return positions


def quote(text: str, limit: int = MESSAGE_QUOTE_LIMIT) -> str:
    """A goal's text for a message: one line, cut at a word boundary when long."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def number(value: float) -> str:
    """A number as people write it: `3`, `0.95`, `1,200`."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def example_files(example: str) -> list[tuple[str, str]]:
    """Split a rule example into files: `<!-- file: NAME -->` lines start each file.

    Set rules need several files to show a problem (a goal due after the cycle it supports);
    an example without markers is one file named `example.md`.
    """
    markers = list(EXAMPLE_FILE_MARKER.finditer(example))
    if not markers:
        return [("example.md", example)]
    files = []
    for index, marker in enumerate(markers):
        end = markers[index + 1].start() if index + 1 < len(markers) else len(example)
        files.append((marker["name"], example[marker.end() : end]))
    return files
