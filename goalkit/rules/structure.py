"""Document and structure rules (GK0xx): files that are broken, not merely weak.

Most of them report what the parser already found (`Document.problems`); the others look across
the goal set (duplicate ids, references, cycles) or at keys nobody reads (typos).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from goalkit.diagnostics import Severity
from goalkit.goalset import GoalSet
from goalkit.model import (
    Attribute,
    Document,
    GoalType,
    Objective,
    Problem,
    ProblemKind,
    Reference,
    Span,
)
from goalkit.rules.base import Context, Finding, Option, RuleFamily, Scope

family = RuleFamily()

ATTRIBUTE_KEYS = (
    "baseline", "target", "current", "score", "confidence", "weight", "unit", "due", "committed",
)  # fmt: skip
"""Keys a `{key: value}` block on an objective, key result or check-in may hold."""


def _problems(document: Document, *kinds: ProblemKind) -> Iterator[Problem]:
    return (problem for problem in document.problems if problem.kind in kinds)


def _finding(problem: Problem, hint: str | None = None) -> Finding:
    return Finding(problem.span, problem.message, hint)


@family.rule(
    code="GK000",
    name="internal-error",
    criterion="goalkit itself",
    severity=Severity.ERROR,
    summary="A rule crashed while reading this file; goalkit reports it instead of stopping.",
    why=(
        "A linter that dies on one odd file stops every other check with it. When a rule "
        "raises, the engine reports this diagnostic on the file it was reading and goes on. "
        "It is never your file's fault, cannot be ignored, and makes the exit status 2."
    ),
    example="(any file that makes a rule crash)",
    use_instead="(nothing to change in the file: please report the bug)",
)
def internal_error(document: Document, context: Context) -> Iterable[Finding]:
    return ()


@family.rule(
    code="GK001",
    name="invalid-front-matter",
    criterion="Readable goal file",
    severity=Severity.ERROR,
    summary="The front-matter is not valid YAML, is not closed, or is not a mapping of keys.",
    why=(
        "When the front-matter cannot be read, every field in it is lost: owner, cycle, "
        "dates, `supports`. The goal still shows up, but unowned and undated, and every rule "
        "that needs those fields judges it wrongly. Fix this first."
    ),
    example="---\ntitle: Grow the newsletter\nowner: [Maya\n---\n",
    use_instead="---\ntitle: Grow the newsletter\nowner: Maya\n---\n",
)
def invalid_front_matter(document: Document, context: Context) -> Iterable[Finding]:
    for problem in _problems(
        document, ProblemKind.FRONT_MATTER_SYNTAX, ProblemKind.FRONT_MATTER_NOT_MAPPING
    ):
        yield _finding(problem, "front-matter is YAML between two `---` lines: `key: value`")


@family.rule(
    code="GK002",
    name="missing-field",
    criterion="Complete goal file",
    severity=Severity.ERROR,
    summary="A required field is missing: a title always; an owner and a cycle (or dates) "
    "for OKRs.",
    why=(
        "A goal without a title cannot be named in a report; an OKR set without an owner "
        "belongs to nobody, and without a cycle (or `start` and `end`) it cannot be scored "
        "against the calendar or counted per quarter. The title may come from the front-matter "
        "or from the first `# heading`; `cycle` may be replaced by `start` and `end`."
    ),
    example="---\ntype: okr\ncycle: 2026-Q4\n---\n\n## O1: Become the go-to niche expert\n",
    use_instead=(
        "---\ntype: okr\nowner: Maya Lindqvist\ncycle: 2026-Q4\n---\n\n# Freelance OKRs\n\n"
        "## O1: Become the go-to niche expert\n"
    ),
    options=(
        Option("okr-fields", ("owner", "cycle"), "Fields an OKR file must have."),
        Option("smart-fields", (), "Fields a SMART goal file must have (besides a title)."),
    ),
)
def missing_field(document: Document, context: Context) -> Iterable[Finding]:
    if any(_problems(document, ProblemKind.FRONT_MATTER_SYNTAX)):
        return  # the fields are there but unreadable; GK001 says so
    where = Span(1, 1)
    if document.title_span is None:
        yield Finding(
            where,
            "missing `title`: give one in the front-matter or as a `# heading`",
            "add `title: …` to the front-matter",
        )
    wanted = context.options["okr-fields" if document.type is GoalType.OKR else "smart-fields"]
    for name in wanted:
        if _has_field(document, name):
            continue
        hint = "add `cycle: 2026-Q4`, or `start` and `end` dates" if name == "cycle" else None
        yield Finding(where, f"missing `{name}` in the front-matter", hint)


def _has_field(document: Document, name: str) -> bool:
    if name == "cycle":
        return document.cycle is not None or "cycle" in document.front_matter
    if name == "title":
        return document.title_span is not None
    attribute = document.front_matter.get(name)
    return attribute is not None and attribute.value not in (None, "", [])


@family.rule(
    code="GK003",
    name="invalid-value",
    criterion="Readable goal file",
    severity=Severity.ERROR,
    summary="A field has a value goalkit cannot use: a date that is no date, an unknown "
    "`type`, a score outside 0–1, a confidence outside 0–10 …",
    why=(
        "A value that cannot be read is dropped, so the goal silently loses its deadline, "
        "score or link. Better to hear it now than to find the goal missing from the report."
    ),
    example="---\ntitle: Run a half marathon\ndue: next spring\n---\n",
    use_instead="---\ntitle: Run a half marathon\ndue: 2027-04-30\n---\n",
)
def invalid_value(document: Document, context: Context) -> Iterable[Finding]:
    for problem in _problems(document, ProblemKind.INVALID_VALUE):
        yield _finding(problem)


@family.rule(
    code="GK004",
    name="duplicate-id",
    criterion="Unambiguous references",
    severity=Severity.ERROR,
    summary="Two goal files, two objectives of a file, or two key results of an objective "
    "share an id.",
    why=(
        "Ids are what `supports: team/growth#O2.KR1` points at and what check-ins update "
        "(`KR2: 1450`). When two things share one, a reference or a check-in lands on the "
        "wrong one without a word."
    ),
    example="## O1: Delight customers\n\n- KR1: NPS from 30 to 45\n- KR1: Churn from 8% to 5%\n",
    use_instead=(
        "## O1: Delight customers\n\n- KR1: NPS from 30 to 45\n- KR2: Churn from 8% to 5%\n"
    ),
    scope=Scope.SET,
)
def duplicate_id(goal_set: GoalSet, context: Context) -> Iterable[Finding]:
    first_by_id: dict[str, Document] = {}
    for document in goal_set.documents:
        if not document.readable:
            continue
        first = first_by_id.setdefault(document.id, document)
        if first is not document:
            id_field = document.front_matter.get("id")
            span = (id_field.value_span or id_field.span) if id_field else Span(1, 1)
            yield Finding(
                span,
                f"goal id `{document.id}` is also the id of {first.path.as_posix()}",
                "give one of them another `id`",
                document,
            )
        yield from _duplicate_objectives(document)


def _duplicate_objectives(document: Document) -> Iterator[Finding]:
    seen: dict[str, Objective] = {}
    for objective in document.objectives:
        key = objective.id.upper()
        if key in seen:
            yield Finding(
                objective.id_span or objective.span,
                f"objective id {objective.id} is used twice (first on line {seen[key].span.line})",
                "number the objectives O1, O2, O3 …",
                document,
            )
        else:
            seen[key] = objective
        lines: dict[str, int] = {}
        for key_result in objective.key_results:
            kr_key = key_result.id.upper()
            if kr_key in lines:
                yield Finding(
                    key_result.id_span or key_result.span,
                    f"key result id {objective.id}.{key_result.id} is used twice "
                    f"(first on line {lines[kr_key]})",
                    "number the key results KR1, KR2, KR3 …",
                    document,
                )
            else:
                lines[kr_key] = key_result.span.line


@family.rule(
    code="GK005",
    name="broken-reference",
    criterion="SMART: Relevant",
    severity=Severity.ERROR,
    summary="A `supports` reference names no goal, objective or key result in the goal set.",
    why=(
        "Alignment is only real when the link works: a goal that claims to support "
        "`company/2026-H2#O4` when there is no O4 looks aligned in review but is not counted "
        "anywhere. Usually it is a typo or a renumbered objective."
    ),
    example=(
        "<!-- file: company/2026-H2.md -->\n# Company H2\n\n## O1: Win the mid-market\n"
        "<!-- file: onboarding.md -->\n---\ntitle: Ship the onboarding flow\n"
        "supports: company/2026-H2#O9\n---\n"
    ),
    use_instead=(
        "<!-- file: company/2026-H2.md -->\n# Company H2\n\n## O1: Win the mid-market\n"
        "<!-- file: onboarding.md -->\n---\ntitle: Ship the onboarding flow\n"
        "supports: company/2026-H2#O1\n---\n"
    ),
    scope=Scope.SET,
)
def broken_reference(goal_set: GoalSet, context: Context) -> Iterable[Finding]:
    ids = sorted(goal_set.by_id)
    for document in goal_set.documents:
        if not context.is_reported(document):
            continue
        for reference in document.supports:
            if goal_set.resolve(reference) is None:
                message, hint = _why_broken(goal_set, reference, ids)
                yield Finding(reference.span, message, hint, document)


def _why_broken(goal_set: GoalSet, reference: Reference, ids: list[str]) -> tuple[str, str | None]:
    target = goal_set.by_id.get(reference.document_id)
    if target is None:
        close = difflib.get_close_matches(reference.document_id, ids, n=1)
        hint = f"did you mean `{close[0]}`?" if close else "a goal id is its path without `.md`"
        return f"`supports: {reference.text}`: no goal has the id `{reference.document_id}`", hint
    objective = target.objective(reference.objective_id or "")
    if objective is None:
        present = ", ".join(o.id for o in target.objectives) or "none"
        return (
            f"`supports: {reference.text}`: `{target.id}` has no objective "
            f"{reference.objective_id}",
            f"its objectives: {present}",
        )
    present = ", ".join(kr.id for kr in objective.key_results) or "none"
    return (
        f"`supports: {reference.text}`: {target.id}#{objective.id} has no key result "
        f"{reference.key_result_id}",
        f"its key results: {present}",
    )


@family.rule(
    code="GK006",
    name="reference-cycle",
    criterion="SMART: Relevant",
    severity=Severity.ERROR,
    summary="Goals support each other in a circle (`a` supports `b`, which supports `a`).",
    why=(
        "`supports` says which goal a goal serves, so the links must lead up to a top goal. "
        "In a cycle no goal is the reason for the others: the alignment explains nothing, and "
        "roll-ups that follow the links would never end."
    ),
    example=(
        "<!-- file: team/growth.md -->\n---\ntitle: Growth\nsupports: team/brand\n---\n"
        "<!-- file: team/brand.md -->\n---\ntitle: Brand\nsupports: team/growth\n---\n"
    ),
    use_instead=(
        "<!-- file: team/growth.md -->\n---\ntitle: Growth\n---\n"
        "<!-- file: team/brand.md -->\n---\ntitle: Brand\nsupports: team/growth\n---\n"
    ),
    scope=Scope.SET,
)
def reference_cycle(goal_set: GoalSet, context: Context) -> Iterable[Finding]:
    edges: dict[str, list[tuple[str, Reference]]] = {}
    for document in goal_set.by_id.values():
        edges[document.id] = [
            (reference.document_id, reference)
            for reference in document.supports
            if reference.document_id in goal_set.by_id
        ]
    for document_id in sorted(edges):
        if not context.is_reported(goal_set.by_id[document_id]):
            continue
        path = _cycle_through(document_id, edges)
        if path is None:
            continue
        document = goal_set.by_id[document_id]
        first_step = path[1]
        reference = next(r for target, r in edges[document_id] if target == first_step)
        yield Finding(
            reference.span,
            "reference cycle: " + " → ".join(path),
            "a goal should support a goal above it, never one that supports it back",
            document,
        )


def _cycle_through(start: str, edges: dict[str, list[tuple[str, Reference]]]) -> list[str] | None:
    """The shortest path of `supports` links from `start` back to itself, if there is one."""
    queue: list[list[str]] = [[start]]
    seen = {start}
    while queue:
        path = queue.pop(0)
        for target, _ in edges.get(path[-1], []):
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                queue.append([*path, target])
    return None


@family.rule(
    code="GK007",
    name="unknown-field",
    criterion="Readable goal file",
    severity=Severity.ERROR,
    summary="A front-matter or `{key: value}` key that goalkit does not read: likely a typo.",
    why=(
        "A misspelt key (`onwer`, `cylce`, `curent`) is not an error in YAML, so the value is "
        "silently ignored and the goal looks unowned or unscored. goalkit names the closest "
        "key it knows. Keys you add on purpose go in this rule's `extra-keys` option."
    ),
    example="---\ntitle: Grow the newsletter\nonwer: Maya\n---\n",
    use_instead="---\ntitle: Grow the newsletter\nowner: Maya\n---\n",
    options=(
        Option(
            "extra-keys",
            (),
            "Keys of your own to accept, in the front-matter and in attribute blocks.",
        ),
    ),
)
def unknown_field(document: Document, context: Context) -> Iterable[Finding]:
    from goalkit.schema import PROPERTIES

    extra = tuple(context.options["extra-keys"])
    front_matter_keys = (*PROPERTIES, *extra)
    for attribute in document.front_matter.values():
        yield from _unknown(attribute, front_matter_keys, "front-matter key")
    attribute_keys = (*ATTRIBUTE_KEYS, *extra)
    for objective in document.objectives:
        for attribute in objective.attributes:
            yield from _unknown(attribute, attribute_keys, "attribute")
        for key_result in objective.key_results:
            for attribute in key_result.attributes:
                yield from _unknown(attribute, attribute_keys, "attribute")


def _unknown(attribute: Attribute, known: tuple[str, ...], what: str) -> Iterator[Finding]:
    if attribute.key in known:
        return
    close = difflib.get_close_matches(attribute.key, known, n=1, cutoff=0.6)
    span = Span(
        attribute.span.line,
        attribute.span.column,
        attribute.span.line,
        attribute.span.column + len(attribute.key),
    )
    hint = f"did you mean `{close[0]}`?" if close else "add it to GK007's `extra-keys` if meant"
    yield Finding(span, f"unknown {what} `{attribute.key}`", hint)


@family.rule(
    code="GK008",
    name="unreadable-file",
    criterion="Readable goal file",
    severity=Severity.ERROR,
    summary="The file cannot be read: not UTF-8, not a regular file, no permission, or over "
    "the size limit.",
    why=(
        "goalkit cannot judge what it cannot read. It says so rather than skipping the file "
        "in silence, so a goal never vanishes from the report without a trace."
    ),
    example="(a file saved as Latin-1, or a 5 MB export named goals.md)",
    use_instead="(the same file saved as UTF-8, under `max-file-size`)",
    reads_unreadable=True,
)
def unreadable_file(document: Document, context: Context) -> Iterable[Finding]:
    for problem in _problems(document, ProblemKind.UNREADABLE):
        yield _finding(problem)


@family.rule(
    code="GK009",
    name="unused-suppression",
    criterion="Honest suppressions",
    severity=Severity.WARNING,
    summary="A suppression comment that silenced nothing, names no rule, is malformed, or "
    "lacks a required reason.",
    why=(
        "A suppression is debt: it hides a finding someone decided to live with. When the "
        "finding goes away, the comment stays and would hide the next, real one. Like ruff's "
        "unused `noqa`, goalkit reports suppressions that no longer silence anything, and "
        "those it cannot read. With `require-suppression-reason`, a suppression must say why "
        "after ` -- `. (A warning, not an error: the file itself is not broken.)"
    ),
    example=(
        "<!-- goalkit-disable-next-line OKR105 -->\n"
        "- KR1: Grow weekly active users from 1,000 to 1,500\n"
    ),
    use_instead="- KR1: Grow weekly active users from 1,000 to 1,500\n",
)
def unused_suppression(document: Document, context: Context) -> Iterable[Finding]:
    return ()  # the engine reports it: only it knows which suppressions were used
