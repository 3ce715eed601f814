"""Model + scores + lint → the `Site` every page is rendered from. Pure: no I/O, no Jinja."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from goalkit.goalset import GoalSet
from goalkit.model import Cycle, Document, GoalType, Reference
from goalkit.report.goals import (
    GoalInputs,
    Period,
    finding_view,
    goal_page,
    goal_view,
)
from goalkit.report.lint import LintOutcome, SuppressionRecord
from goalkit.report.slugs import slugify, unique_slugs
from goalkit.report.views import (
    AlignmentKeyResult,
    AlignmentNode,
    AlignmentObjective,
    CycleView,
    FindingView,
    GoalLink,
    GoalView,
    Location,
    OwnerScore,
    OwnerView,
    Score,
    Site,
    SuppressionDebt,
    SuppressionView,
)
from goalkit.scoring import weighted_mean

NO_CYCLE = "No cycle"


def build_site(
    documents: Sequence[Document],
    today: dt.date,
    lint: LintOutcome,
    title: str = "Goals",
    base_url: str | None = None,
) -> Site:
    """Everything the site shows; documents are taken in path order, whatever order they come in."""
    documents = sorted(documents, key=lambda d: (d.path.as_posix(), d.id))
    goal_set = GoalSet(documents)
    slugs = _document_slugs(documents)
    cycles = {id(d): goal_set.effective_cycle(d) for d in documents}
    suppressions = _suppression_views(lint.suppressions, documents, slugs, cycles)
    diagnostics_by_path: dict[str, list] = defaultdict(list)
    for diagnostic in sorted(lint.diagnostics):
        diagnostics_by_path[diagnostic.path].append(diagnostic)
    supporters = _supporters(goal_set, slugs)
    goals = tuple(
        goal_view(
            document,
            GoalInputs(
                slug=slugs[id(document)],
                cycle=cycles[id(document)],
                today=today,
                diagnostics=diagnostics_by_path.get(document.path.as_posix(), ()),
                suppressions=[s for s in suppressions if s.location.path == _path(document)],
                rules=lint.rules,
                supporters=supporters.get(document.id, {}),
                references=[_reference(goal_set, slugs, r) for r in document.supports],
            ),
        )
        for document in documents
    )
    cycle_of = {document.path.as_posix(): cycles[id(document)] for document in documents}
    cycle_views = _cycle_views(goals, cycle_of, today, suppressions)
    pages = {goal.path: goal.page for goal in goals}
    return Site(
        title=title,
        today=today.isoformat(),
        base_url=base_url,
        goals=goals,
        cycles=cycle_views,
        owners=_owner_views(goals, cycle_of, today),
        unowned=tuple(goal for goal in goals if not goal.owners),
        alignment=_alignment_roots(goals, documents, goal_set),
        unaligned=tuple(
            goal
            for goal, document in zip(goals, documents, strict=True)
            if not goal.supporters
            and not _has_supporters(goal)
            and not any(reference.resolved for reference in goal.supports)
            and document.readable
        ),
        findings=tuple(
            finding_view(diagnostic, pages.get(diagnostic.path))
            for diagnostic in sorted(lint.diagnostics)
        ),
        suppression_debt=_suppression_debt(suppressions, [cycle.label for cycle in cycle_views]),
        key_result_progress=_running_progress(cycle_views, today),
    )


def aggregate_score(goals: Iterable[GoalView]) -> float | None:
    """A group's score: the mean of its OKR files, or of its SMART goals when it has no OKRs.

    SMART goals usually move an OKR file's key results, so counting both would count the same
    progress twice.
    """
    goals = [goal for goal in goals if not goal.errors]
    okrs = [goal for goal in goals if goal.type == GoalType.OKR.value]
    chosen = okrs or goals
    return weighted_mean((goal.score.value, 1.0) for goal in chosen)


def _document_slugs(documents: Sequence[Document]) -> dict[int, str]:
    """A page name per file from its id; files sharing an id (GK004) still get a page each."""
    slugs: dict[int, str] = {}
    taken: set[str] = set()
    for document in sorted(documents, key=lambda d: (d.id, _path(d))):
        base = slugify(document.id)
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        slugs[id(document)] = slug
    return slugs


def _path(document: Document) -> str:
    return document.path.as_posix()


def _link(document: Document, slugs: dict[int, str], target: str = "") -> GoalLink:
    page = goal_page(slugs[id(document)])
    return GoalLink(document.id, document.title or document.id, page, target)


def _reference(
    goal_set: GoalSet, slugs: dict[int, str], reference: Reference
) -> tuple[Reference, GoalLink | None]:
    resolved = goal_set.resolve(reference)
    if resolved is None:
        return reference, None
    parts = [part.id for part in (resolved.objective, resolved.key_result) if part is not None]
    link = _link(resolved.document, slugs, ".".join(parts))
    return reference, replace(link, anchor="-".join(slugify(part) for part in parts))


def _supporters(
    goal_set: GoalSet, slugs: dict[int, str]
) -> dict[str, dict[tuple[str | None, str | None], list[GoalLink]]]:
    """Target document id → (objective, key result) → the goals that declare they support it."""
    found: dict[str, dict[tuple[str | None, str | None], list[GoalLink]]] = {}
    for document in goal_set.documents:
        for reference in document.supports:
            target = goal_set.resolve(reference)
            if target is None or target.document is document:
                continue
            key = (
                target.objective.id.upper() if target.objective else None,
                target.key_result.id.upper() if target.key_result else None,
            )
            links = found.setdefault(target.document.id, {}).setdefault(key, [])
            if all(link.id != document.id for link in links):
                links.append(_link(document, slugs))
    return {target: _most_specific(parts) for target, parts in found.items()}


def _most_specific(
    parts: dict[tuple[str | None, str | None], list[GoalLink]],
) -> dict[tuple[str | None, str | None], list[GoalLink]]:
    """A goal that names a key result is listed there only, not again under its objective."""

    def named_below(key: tuple[str | None, str | None]) -> set[str]:
        objective, key_result = key
        if key_result is not None:
            return set()
        return {
            link.id
            for (other_objective, other_key_result), links in parts.items()
            if (other_objective, other_key_result) != key
            and (objective is None or other_objective == objective)
            for link in links
        }

    return {
        key: [link for link in links if link.id not in named_below(key)]
        for key, links in parts.items()
    }


def _has_supporters(goal: GoalView) -> bool:
    return any(
        objective.supporters or any(kr.supporters for kr in objective.key_results)
        for objective in goal.objectives
    )


def _cycle_views(
    goals: Sequence[GoalView],
    cycle_of: dict[str, Cycle | None],
    today: dt.date,
    suppressions: Sequence[SuppressionView],
) -> tuple[CycleView, ...]:
    grouped: dict[str, list[GoalView]] = defaultdict(list)
    cycles: dict[str, Cycle | None] = {}
    for goal in goals:
        cycle = cycle_of[goal.path]
        label = cycle.label if cycle else NO_CYCLE
        grouped[label].append(goal)
        cycles.setdefault(label, cycle)
    slugs = unique_slugs(label for label, cycle in cycles.items() if cycle is not None)
    views = [
        _cycle_view(
            label,
            cycles[label],
            slugs.get(label),
            grouped[label],
            today,
            sum(1 for suppression in suppressions if suppression.cycle == label),
        )
        for label in grouped
    ]
    return tuple(sorted(views, key=_cycle_order))


def _cycle_order(view: CycleView) -> tuple[bool, str, str, str]:
    """Latest-ending cycles first, shorter (more specific) before longer; no cycle last."""
    return (view.end is None, _negated(view.end or ""), _negated(view.start or ""), view.label)


def _negated(iso_day: str) -> str:
    return "".join(chr(0x10FFFF - ord(character)) for character in iso_day)


def _cycle_view(
    label: str,
    cycle: Cycle | None,
    slug: str | None,
    goals: Sequence[GoalView],
    today: dt.date,
    suppression_count: int = 0,
    page_prefix: str = "cycles",
) -> CycleView:
    period = Period(cycle.start if cycle else None, cycle.end if cycle else None, today)
    owners: dict[str, list[GoalView]] = defaultdict(list)
    for goal in goals:
        for owner in goal.owners or ("",):
            owners[owner].append(goal)
    owner_slugs = unique_slugs(name for name in owners if name)
    return CycleView(
        label=label,
        slug=slug,
        page=f"{page_prefix}/{slug}.html" if slug else None,
        start=cycle.start.isoformat() if cycle else None,
        end=cycle.end.isoformat() if cycle else None,
        elapsed=period.score(None).expected,
        days_left=max(0, (cycle.end - today).days) if cycle else None,
        score=period.score(aggregate_score(goals)),
        owners=tuple(
            OwnerScore(
                name,
                f"owners/{owner_slugs[name]}.html" if name else None,
                period.score(aggregate_score(owners[name])),
                tuple(_sorted_goals(owners[name])),
            )
            for name in sorted(owners, key=lambda n: (n == "", n.casefold(), n))
        ),
        goals=tuple(_sorted_goals(goals)),
        suppression_count=suppression_count,
    )


def _sorted_goals(goals: Iterable[GoalView]) -> list[GoalView]:
    return sorted(goals, key=lambda goal: (goal.type != "okr", goal.path))


def _owner_views(
    goals: Sequence[GoalView], cycle_of: dict[str, Cycle | None], today: dt.date
) -> tuple[OwnerView, ...]:
    by_owner: dict[str, list[GoalView]] = defaultdict(list)
    for goal in goals:
        for owner in goal.owners:
            by_owner[owner].append(goal)
    slugs = unique_slugs(by_owner)
    views = []
    for name in sorted(by_owner, key=lambda n: (n.casefold(), n)):
        cycles = _cycle_views(by_owner[name], cycle_of, today, ())
        headline = cycles[0].score if cycles else Score(None, "none", "unknown")
        views.append(OwnerView(name, slugs[name], f"owners/{slugs[name]}.html", headline, cycles))
    return tuple(views)


def _alignment_roots(
    goals: Sequence[GoalView], documents: Sequence[Document], goal_set: GoalSet
) -> tuple[AlignmentNode, ...]:
    """Goals nobody above them: the tops of the tree. Goals caught in a reference cycle
    (a supports b supports a) have no top; the first of each cycle becomes one."""
    by_id: dict[str, GoalView] = {}
    for goal, document in zip(goals, documents, strict=True):
        if goal_set.by_id.get(goal.id) is document:
            by_id[goal.id] = goal
    linked = [
        goal
        for goal in by_id.values()
        if goal.supporters
        or _has_supporters(goal)
        or any(reference.resolved for reference in goal.supports)
    ]
    roots = [
        _alignment_node(goal, by_id, frozenset())
        for goal in linked
        if (goal.supporters or _has_supporters(goal))
        and not any(reference.resolved for reference in goal.supports)
    ]
    shown = {goal_id for root in roots for goal_id in _node_ids(root)}
    for goal in linked:
        if goal.id not in shown:
            root = _alignment_node(goal, by_id, frozenset())
            roots.append(root)
            shown |= _node_ids(root)
    return tuple(roots)


def _node_ids(node: AlignmentNode) -> set[str]:
    children = [
        *node.supporters,
        *(child for entry in node.objectives for child in entry.supporters),
        *(
            child
            for entry in node.objectives
            for key_result in entry.key_results
            for child in key_result.supporters
        ),
    ]
    return {node.goal.id}.union(*(_node_ids(child) for child in children))


def _alignment_node(
    goal: GoalView, by_id: dict[str, GoalView], ancestors: frozenset[str]
) -> AlignmentNode:
    # `ancestors` stops a reference cycle (a supports b supports a) from recursing forever.
    seen = ancestors | {goal.id}

    def nodes(links: Iterable[GoalLink]) -> tuple[AlignmentNode, ...]:
        return tuple(
            _alignment_node(by_id[link.id], by_id, seen)
            for link in links
            if link.id in by_id and link.id not in seen
        )

    return AlignmentNode(
        goal,
        nodes(goal.supporters),
        tuple(
            AlignmentObjective(
                objective,
                nodes(objective.supporters),
                tuple(AlignmentKeyResult(kr, nodes(kr.supporters)) for kr in objective.key_results),
            )
            for objective in goal.objectives
        ),
    )


def _suppression_views(
    records: Sequence[SuppressionRecord],
    documents: Sequence[Document],
    slugs: dict[int, str],
    cycles: dict[int, Cycle | None],
) -> list[SuppressionView]:
    by_path = {_path(document): document for document in documents}
    views = []
    for record in records:
        document = by_path.get(record.path)
        cycle = cycles[id(document)] if document is not None else None
        kind = getattr(record.kind, "value", record.kind)
        views.append(
            SuppressionView(
                Location(record.path, record.line, getattr(record, "column", 1)),
                tuple(record.codes),
                record.reason,
                str(kind),
                bool(record.used),
                cycle.label if cycle else None,
                goal_page(slugs[id(document)]) if document is not None else None,
            )
        )
    return sorted(views, key=lambda view: (view.location.path, view.location.line))


def _suppression_debt(
    suppressions: Sequence[SuppressionView], cycle_order: Sequence[str]
) -> tuple[SuppressionDebt, ...]:
    """Suppressions per cycle, in the overview's cycle order (latest first)."""
    grouped: dict[str, list[SuppressionView]] = defaultdict(list)
    for suppression in suppressions:
        grouped[suppression.cycle or NO_CYCLE].append(suppression)
    position = {label: index for index, label in enumerate(cycle_order)}
    return tuple(
        SuppressionDebt(cycle, tuple(grouped[cycle]))
        for cycle in sorted(grouped, key=lambda label: (position.get(label, len(position)), label))
    )


def _running_progress(cycles: Sequence[CycleView], today: dt.date) -> tuple[float, ...]:
    """Key-result progress in the cycles running today (or every cycle, when none is)."""
    iso_today = today.isoformat()
    running = [
        cycle
        for cycle in cycles
        if cycle.start is not None
        and cycle.end is not None
        and cycle.start <= iso_today <= cycle.end
    ]
    return tuple(value for cycle in running or cycles for value in cycle.progress_values)


__all__ = ["FindingView", "build_site"]
