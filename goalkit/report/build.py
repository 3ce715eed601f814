"""Build the site: compute the views, list the pages and files, render them, write atomically."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goalkit.model import Document
from goalkit.report.badges import goal_badge
from goalkit.report.context import build_site
from goalkit.report.data import data_json
from goalkit.report.lint import LintOutcome
from goalkit.report.output import OutputFile, WriteSummary, previous_files, write_site
from goalkit.report.pages import NAVIGATION, PAGE_BUILDERS, BuildInputs, Page, PageBuilder

STATIC_FILES = ("style.css",)
"""Copied from the templates folder (an override folder may replace them)."""


class ReportError(Exception):
    """The user's templates or options cannot build a site (exit status 2); nothing was written."""


@dataclass(frozen=True)
class ReportOptions:
    output: Path
    today: dt.date
    title: str = "Goals"
    base_url: str | None = None
    """Where the site is published (`https://example.org/goals/`), for canonical links."""
    templates: Path | None = None
    force: bool = False
    page_builders: Sequence[PageBuilder] = field(default_factory=lambda: list(PAGE_BUILDERS))
    history: Any = None


@dataclass(frozen=True)
class Plan:
    inputs: BuildInputs
    files: tuple[OutputFile, ...]


def plan_report(
    documents: Sequence[Document],
    lint: LintOutcome,
    options: ReportOptions,
) -> Plan:
    """Every file of the site, not yet rendered; refuses an output folder that is not ours."""
    from jinja2 import TemplateError

    from goalkit.report.output import SiteRefused
    from goalkit.report.render import make_environment, read_static

    try:
        previous_files(Path(options.output), options.force)
    except SiteRefused as error:
        raise ReportError(str(error)) from None
    if options.templates is not None and not options.templates.is_dir():
        raise ReportError(f"--templates {options.templates}: no such folder")
    site = build_site(documents, options.today, lint, options.title, options.base_url)
    inputs = BuildInputs(site, tuple(documents), options.today, options.history)
    environment = make_environment(options.templates)
    pages = [page for builder in options.page_builders for page in builder(inputs)]

    def render_page(page: Page) -> Callable[[], bytes]:
        def render() -> bytes:
            template = environment.get_template(page.template)
            try:
                html = template.render(
                    site=site,
                    page=page,
                    root=page.root,
                    navigation=NAVIGATION,
                    canonical=_canonical(options.base_url, page.path),
                    **page.context,
                )
            except Exception as error:
                if options.templates is None or isinstance(error, TemplateError):
                    raise
                # With the user's templates in play, a crash is theirs to fix: say where.
                raise ReportError(
                    f"template error: {template.filename} failed on {page.path}: "
                    f"{type(error).__name__}: {error}"
                ) from None
            return html.encode("utf-8")

        return render

    def static(name: str) -> Callable[[], bytes]:
        return lambda: read_static(name, options.templates)

    files = [OutputFile(page.path, render_page(page)) for page in pages]
    files += [OutputFile(name, static(name)) for name in STATIC_FILES]
    files.append(OutputFile("data.json", lambda: data_json(site)))
    if options.base_url is not None:
        sitemap = _sitemap(options.base_url, [page.path for page in pages])
        files.append(OutputFile("sitemap.xml", lambda: sitemap))
    files += [
        OutputFile(goal.badge, lambda goal=goal: goal_badge(goal).encode("utf-8"))
        for goal in site.goals
    ]
    return Plan(inputs, tuple(files))


def write_report(
    plan: Plan, options: ReportOptions, on_file: Callable[[str], None] | None = None
) -> WriteSummary:
    """Render and write; template errors become ReportError and leave the old site untouched."""
    from jinja2 import TemplateError, TemplateSyntaxError

    from goalkit.report.output import SiteRefused

    try:
        return write_site(options.output, plan.files, options.force, on_file)
    except TemplateSyntaxError as error:
        where = f"{error.filename or error.name}:{error.lineno}"
        raise ReportError(f"template error: {where}: {error.message}") from None
    except TemplateError as error:
        raise ReportError(f"template error: {error}") from None
    except SiteRefused as error:
        raise ReportError(str(error)) from None
    except OSError as error:
        where = error.filename or options.output
        raise ReportError(f"cannot write the site: {where}: {error.strerror}") from None


def _sitemap(base_url: str, paths: Sequence[str]) -> bytes:
    """A sitemap of every page, for a site published at `base_url` (sitemaps.org 0.9)."""
    from xml.sax.saxutils import escape

    entries = "".join(
        f"  <url><loc>{escape(_canonical(base_url, path) or '')}</loc></url>\n"
        for path in sorted(paths)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n"
    ).encode()


def _canonical(base_url: str | None, path: str) -> str | None:
    if base_url is None:
        return None
    return base_url + ("" if path == "index.html" else path)
