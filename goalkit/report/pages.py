"""The pages and files of the site, as lists of builders: add a page kind by adding a builder.

A page builder takes the `BuildInputs` and yields `Page`s (a template, a path and the template's
extra context); a file builder yields `OutputFile`s made without templates (data, badges).
`docs/report.md` shows how the history pages plug in.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from goalkit.model import Document
from goalkit.report.views import Site

NAVIGATION = (
    ("index.html", "Overview"),
    ("alignment.html", "Alignment"),
    ("findings.html", "Findings"),
)
"""The site-wide menu: (page path, label). A new top-level page adds its line here."""


@dataclass(frozen=True)
class BuildInputs:
    """What builders may read: the computed site, the documents and the date."""

    site: Site
    documents: tuple[Document, ...]
    today: dt.date
    history: Any = None
    """Per-file git history when it was read (`goalkit.history`), else None."""


@dataclass(frozen=True)
class Page:
    path: str
    """Site-relative POSIX path of the HTML file (`goals/company-2026-h2.html`)."""
    template: str
    title: str
    context: Mapping[str, Any] = field(default_factory=dict)
    """Extra variables for the template, beside the common ones (`site`, `page`, `root`, …)."""
    section: str = ""
    """The navigation entry it belongs under (a path from NAVIGATION), for `aria-current`."""

    @property
    def root(self) -> str:
        """The relative way back to the site's top, so links work from `file://` and sub-paths."""
        depth = self.path.count("/")
        return "../" * depth

    def link(self, target: str) -> str:
        """A link from this page to another site path, relative."""
        return posixpath.relpath(target, posixpath.dirname(self.path) or ".")


PageBuilder = Callable[[BuildInputs], Iterable[Page]]


def overview_pages(inputs: BuildInputs) -> Iterable[Page]:
    yield Page("index.html", "overview.html", inputs.site.title, section="index.html")


def alignment_pages(inputs: BuildInputs) -> Iterable[Page]:
    yield Page("alignment.html", "alignment.html", "Alignment", section="alignment.html")


def findings_pages(inputs: BuildInputs) -> Iterable[Page]:
    yield Page("findings.html", "findings.html", "Findings", section="findings.html")


def goal_pages(inputs: BuildInputs) -> Iterable[Page]:
    from goalkit.report.history_charts import goal_history

    for goal in inputs.site.goals:
        context = {"goal": goal, "history": goal_history(inputs, goal)}
        yield Page(goal.page, "goal.html", goal.title, context)


def owner_pages(inputs: BuildInputs) -> Iterable[Page]:
    for owner in inputs.site.owners:
        yield Page(owner.page, "owner.html", owner.name, {"owner": owner})


def retrospective_pages(inputs: BuildInputs) -> Iterable[Page]:
    from goalkit.report.history_charts import retrospective_pages

    return retrospective_pages(inputs)


def cycle_pages(inputs: BuildInputs) -> Iterable[Page]:
    for cycle in inputs.site.cycles:
        if cycle.page is not None:
            yield Page(cycle.page, "cycle.html", f"Cycle {cycle.label}", {"cycle": cycle})


PAGE_BUILDERS: list[PageBuilder] = [
    overview_pages,
    alignment_pages,
    findings_pages,
    goal_pages,
    owner_pages,
    cycle_pages,
    retrospective_pages,
]
"""Every page kind of the site, in build order."""
