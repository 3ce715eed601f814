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
from itertools import pairwise

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


@dataclass(frozen=True)
class _PhraseTable:
    """A word list made ready for matching.

    Phrases of plain words are looked up token by token in a dict keyed by their first word
    (in every regular form when inflected), which costs next to nothing to build; only the
    rare phrases with punctuation (`24/7`, `#1`) need a regular expression.
    """

    by_first_word: dict[str, list[tuple[tuple[str, ...], str]]]
    """First word → (the following words, the phrase), longest phrases first."""
    punctuated: re.Pattern[str] | None
    punctuated_phrases: tuple[str, ...]


@lru_cache(maxsize=256)
def _table(phrases: tuple[str, ...], inflect: bool) -> _PhraseTable:
    by_first_word: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    punctuated: list[str] = []
    for phrase in phrases:
        parts = phrase.lower().split()
        if not parts:
            continue
        if not all(WORD.fullmatch(part) for part in parts):
            punctuated.append(phrase)
            continue
        firsts = inflections(parts[0]) if inflect and parts[0].isalpha() else {parts[0]}
        for first in firsts:
            by_first_word.setdefault(first, []).append((tuple(parts[1:]), phrase))
    for entries in by_first_word.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    pattern = None
    if punctuated:
        alternatives = "|".join(
            f"(?P<p{index}>{_punctuated_body(phrase)})" for index, phrase in enumerate(punctuated)
        )
        pattern = re.compile(alternatives, re.IGNORECASE)
    return _PhraseTable(by_first_word, pattern, tuple(punctuated))


def _punctuated_body(phrase: str) -> str:
    parts = phrase.lower().split()
    lead = r"(?<![\w'’-])" if parts[0][:1].isalnum() else ""
    tail = r"(?![\w'’-])" if parts[-1][-1:].isalnum() else ""
    return lead + r"\s+".join(re.escape(part) for part in parts) + tail


def _word_match_at(
    text: str, tokens: list[re.Match[str]], index: int, table: _PhraseTable
) -> Match | None:
    """The longest plain-word phrase starting at token `index`, its words apart only by spaces."""
    first = tokens[index]
    for rest, phrase in table.by_first_word.get(first.group(0).lower(), ()):
        following = tokens[index + 1 : index + 1 + len(rest)]
        if len(following) != len(rest):
            continue
        if any(token.group(0).lower() != word for token, word in zip(following, rest, strict=True)):
            continue
        chain = [first, *following]
        if all(not text[a.end() : b.start()].strip() for a, b in pairwise(chain)):
            end = chain[-1].end()
            return Match(phrase, first.start(), end, text[first.start() : end])
    return None


def find_phrases(text: str, phrases: Iterable[str], *, inflect: bool = False) -> list[Match]:
    """Every occurrence of any phrase, left to right; where phrases overlap, the leftmost
    wins, and the longest of those starting at the same place."""
    table = _table(tuple(str(phrase) for phrase in phrases), inflect)
    tokens = words(text)
    found = [
        match
        for index in range(len(tokens))
        if (match := _word_match_at(text, tokens, index, table)) is not None
    ]
    if table.punctuated is not None:
        found += [
            Match(
                table.punctuated_phrases[int(str(m.lastgroup)[1:])], m.start(), m.end(), m.group(0)
            )
            for m in table.punctuated.finditer(text)
        ]
    found.sort(key=lambda match: (match.start, -(match.end - match.start)))
    kept: list[Match] = []
    for match in found:
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return kept


def leading_phrase(text: str, phrases: Iterable[str], *, inflect: bool = True) -> Match | None:
    """The phrase the text starts with (ignoring leading punctuation and emphasis), if any."""
    tokens = words(text)
    if not tokens:
        return None
    table = _table(tuple(str(phrase) for phrase in phrases), inflect)
    return _word_match_at(text, tokens, 0, table)


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
