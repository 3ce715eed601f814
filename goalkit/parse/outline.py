"""The Markdown body as an outline: headings, list items with their nesting, and comments.

markdown-it-py does the CommonMark parsing; this module only folds its flat token stream into
the few shapes goal files use, with file line numbers (its 0-based maps plus the body offset).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from goalkit.model import Comment, Span
from goalkit.parse.locate import Locator

CHECKBOX = re.compile(r"\[([ xX])\]\s+")
HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


@dataclass
class Text:
    """A run of inline text and where each of its lines stands in the file."""

    locator: Locator

    @property
    def content(self) -> str:
        return self.locator.text

    @property
    def line(self) -> int:
        return self.locator.starts[0][0]

    @property
    def span(self) -> Span:
        return self.locator.span(0, len(self.locator.text))


@dataclass
class Item:
    """A list item: its first paragraph, its checkbox, and the items nested under it."""

    text: Text
    checked: bool | None
    children: list[Item] = field(default_factory=list)

    def descendants(self) -> list[Item]:
        return [found for child in self.children for found in (child, *child.descendants())]


@dataclass
class Entry:
    """A level-3 heading inside a section and the paragraphs that follow it."""

    heading: Text
    paragraphs: list[Text] = field(default_factory=list)


@dataclass
class OutlineSection:
    """The content under one level-2 heading (or before the first one, when `heading` is None)."""

    heading: Text | None
    first_line: int
    last_line: int
    items: list[Item] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    paragraphs: list[Text] = field(default_factory=list)

    def all_items(self) -> list[Item]:
        return [found for item in self.items for found in (item, *item.descendants())]


@dataclass
class Outline:
    title: Text | None
    sections: list[OutlineSection]
    comments: list[Comment]


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # Only block structure and the raw text of inline tokens are used; skipping inline parsing
    # (emphasis, links, entities) roughly halves the time markdown-it takes on a goal file.
    return MarkdownIt("commonmark").disable(["inline", "text_join"])


def read_outline(body: str, body_line: int, lines: tuple[str, ...]) -> Outline:
    """Fold the body's tokens into sections; `lines` are the whole file's, for column lookup."""
    tokens = _markdown().parse(body)
    builder = _OutlineBuilder(body_line, lines, body_line + body.count("\n"))
    for index, token in enumerate(tokens):
        builder.take(token, tokens[index + 1] if index + 1 < len(tokens) else None)
    return builder.finish()


class _OutlineBuilder:
    def __init__(self, body_line: int, lines: tuple[str, ...], last_line: int) -> None:
        self.body_line = body_line
        self.lines = lines
        self.last_line = last_line
        self.title: Text | None = None
        self.sections = [OutlineSection(None, body_line, last_line)]
        self.comments: list[Comment] = []
        self.open_items: list[Item] = []
        self.awaiting_item_text = False
        self.in_heading = False

    def text(self, inline: Token) -> Text:
        first_line = self.body_line + (inline.map[0] if inline.map else 0)
        return Text(Locator.in_source(inline.content, first_line, self.lines))

    def take(self, token: Token, following: Token | None) -> None:
        if token.type == "heading_open":
            self.in_heading = True
            if following is not None and not self.open_items:
                self._heading(token, following)
        elif token.type == "heading_close":
            self.in_heading = False
        elif token.type == "list_item_open":
            self.awaiting_item_text = True
            self.open_items.append(Item(Text(Locator.single("", self._line(token), 1)), None))
        elif token.type == "list_item_close":
            self._close_item()
        elif token.type == "inline" and self.open_items and self.awaiting_item_text:
            self.awaiting_item_text = False
            self._item_text(self.open_items[-1], token)
        elif (
            token.type == "inline"
            and not self.open_items
            and not self.in_heading
            and token.level == 1
        ):
            self._paragraph(token)
        if token.type == "html_block" or token.type == "inline":
            self._comments(token)

    def _line(self, token: Token) -> int:
        return self.body_line + (token.map[0] if token.map else 0)

    def _heading(self, token: Token, inline: Token) -> None:
        text = self.text(inline)
        if token.tag == "h1" and self.title is None and len(self.sections) == 1:
            self.title = text
        elif token.tag == "h2":
            self.sections[-1].last_line = text.line - 1
            self.sections.append(OutlineSection(text, text.line, self.last_line))
        elif token.tag == "h3":
            self.sections[-1].entries.append(Entry(text))

    def _paragraph(self, inline: Token) -> None:
        section = self.sections[-1]
        text = self.text(inline)
        if section.entries:
            section.entries[-1].paragraphs.append(text)
        else:
            section.paragraphs.append(text)

    def _item_text(self, item: Item, inline: Token) -> None:
        text = self.text(inline)
        checkbox = CHECKBOX.match(text.content)
        if checkbox is not None:
            item.checked = checkbox.group(1) != " "
            text = Text(text.locator.shifted(checkbox.end()))
        item.text = text

    def _close_item(self) -> None:
        item = self.open_items.pop()
        self.awaiting_item_text = False
        if self.open_items:
            self.open_items[-1].children.append(item)
        else:
            self.sections[-1].items.append(item)

    def _comments(self, token: Token) -> None:
        first_line = self._line(token)
        for match in HTML_COMMENT.finditer(token.content):
            line = first_line + token.content.count("\n", 0, match.start())
            source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
            column = max(source.find("<!--"), 0) + 1
            self.comments.append(Comment(match.group(1).strip(), Span(line, column)))

    def finish(self) -> Outline:
        return Outline(self.title, self.sections, self.comments)
