"""Goal prose → safe HTML: CommonMark with raw HTML off, unsafe links refused, no remote images.

A goal file is written by anyone with push access, and the site may be published for clients:
nothing in it may run script or make the reader's browser fetch from elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from mdit_py_plugins.tasklists import tasklists_plugin

UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20]+")


def is_safe_link(url: str) -> bool:
    """Refuse script-running and local schemes, whatever their case or embedded whitespace.

    Browsers ignore tabs, newlines and leading spaces in a scheme, so `java\tscript:` is
    compared without them.
    """
    compact = _IGNORED_IN_SCHEME.sub("", url).lower()
    return not compact.startswith(UNSAFE_SCHEMES)


def _render_image_as_link(
    self: RendererHTML,
    tokens: Sequence[Token],
    index: int,
    options: OptionsDict,
    env: EnvType,
) -> str:
    # A remote image would be a request at view time; a link keeps the content and the reader's say.
    token = tokens[index]
    source = escapeHtml(str(token.attrGet("src") or ""))
    alternative = escapeHtml(self.renderInlineAsText(token.children or [], options, env))
    return f'<a class="image-link" href="{source}">image: {alternative or source}</a>'


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False}).use(
        tasklists_plugin, enabled=False, label=True
    )
    parser.validateLink = is_safe_link  # type: ignore[method-assign]
    parser.add_render_rule("image", _render_image_as_link)
    return parser


def render_markdown(text: str, top_level: int = 3) -> str:
    """Block Markdown → HTML, headings moved so the highest is `top_level`, in the page's order."""
    parser = _parser()
    tokens = parser.parse(text)
    headings = [t for t in tokens if t.type in ("heading_open", "heading_close")]
    if headings:
        shift = top_level - min(int(token.tag[1]) for token in headings)
        for token in headings:
            token.tag = f"h{max(1, min(6, int(token.tag[1]) + shift))}"
    return parser.renderer.render(tokens, parser.options, {})


def render_inline(text: str) -> str:
    """One line of Markdown (a check-in, a milestone) → inline HTML."""
    return _parser().renderInline(text)


def intro_source(body: str, title: str) -> str:
    """The prose before the first level-2 heading, without a leading H1 that repeats the title."""
    tokens = _parser().parse(body)
    lines = body.splitlines()
    end = len(lines)
    skip_until = 0
    for position, token in enumerate(tokens):
        if token.type != "heading_open" or token.map is None:
            continue
        if token.tag == "h1" and token.map[0] == _first_content_line(lines):
            heading_text = tokens[position + 1].content.strip()
            if heading_text == title.strip():
                skip_until = token.map[1]
            continue
        if token.tag == "h2":
            end = token.map[0]
            break
    return "\n".join(lines[skip_until:end]).strip()


def _first_content_line(lines: list[str]) -> int:
    return next((number for number, line in enumerate(lines) if line.strip()), 0)
