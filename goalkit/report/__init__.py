"""`goalkit report`: the static HTML progress site, rendered with Jinja2 from the model.

`plan_report` computes every page and file (views from model, scores and lint; pages from the
builders in `pages.PAGE_BUILDERS`); `write_report` renders them into a staging folder and swaps
it in. Nothing here imports click; Jinja2 loads only when a report is built.
"""

from __future__ import annotations

from goalkit.report.build import Plan, ReportError, ReportOptions, plan_report, write_report

__all__ = ["Plan", "ReportError", "ReportOptions", "plan_report", "write_report"]
