"""Word matching for the practice rules: phrases from option lists, found in goal text, with spans.

Rules keep their word lists in options so users can extend them; this module turns such a list
into matches with offsets, and offsets within a statement into file spans that point at the
exact words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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


def _phrase_pattern(phrase: str, inflect: bool) -> re.Pattern[str]:
    """A phrase of one or more words; with `inflect`, its last word may take a regular ending.

    Phrases made of punctuation (`etc.`) match as written, and `ASAP` matches `asap`.
    """
    parts = phrase.strip().lower().split()
    pieces = [re.escape(part) for part in parts]
    if inflect and parts and parts[-1].isalpha():
        forms = sorted(inflections(parts[-1]), key=len, reverse=True)
        pieces[-1] = "(?:" + "|".join(re.escape(form) for form in forms) + ")"
    body = r"\s+".join(pieces)
    lead = r"(?<![\w'’-])" if parts and parts[0][:1].isalnum() else ""
    tail = r"(?![\w'’-])" if parts and parts[-1][-1:].isalnum() else ""
    return re.compile(lead + body + tail, re.IGNORECASE)


def find_phrases(text: str, phrases: Iterable[str], *, inflect: bool = False) -> list[Match]:
    """Every occurrence of any phrase, left to right; overlapping matches keep the longest."""
    found: list[Match] = []
    for phrase in phrases:
        if not phrase.strip():
            continue
        for match in _phrase_pattern(phrase, inflect).finditer(text):
            found.append(Match(phrase, match.start(), match.end(), match.group(0)))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Match] = []
    for match in found:
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return kept


def leading_phrase(text: str, phrases: Iterable[str], *, inflect: bool = True) -> Match | None:
    """The phrase the text starts with (ignoring leading punctuation and emphasis), if any."""
    first = WORD.search(text)
    if first is None:
        return None
    return next(
        (m for m in find_phrases(text, phrases, inflect=inflect) if m.start == first.start()), None
    )


def sub_span(span: Span, text: str, start: int, end: int, lines: Sequence[str] = ()) -> Span:
    """The file span of `text[start:end]`, where `text` is the statement that `span` covers.

    On the statement's first line the offset maps straight onto columns; on a continuation line
    the line is looked up in the file (`lines`) because Markdown strips its indentation. When it
    cannot be placed, the whole statement's span is the honest answer.
    """
    line_index = text.count("\n", 0, start)
    if line_index != text.count("\n", 0, end):
        return span
    line_start = text.rfind("\n", 0, start) + 1
    if line_index == 0:
        column = span.column
    else:
        line_number = span.line + line_index
        line_end = text.find("\n", line_start)
        line_text = text[line_start : line_end if line_end >= 0 else len(text)]
        indent = len(line_text) - len(line_text.lstrip())
        found = -1
        if 0 < line_number <= len(lines) and line_text.strip():
            found = lines[line_number - 1].find(line_text.strip())
        if found < 0:
            return span
        column = found + 1 - indent
    line = span.line + line_index
    return Span(line, column + start - line_start, line, column + end - line_start)


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
