"""The set of goal documents read together, and the `supports` links between them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from goalkit.model import Cycle, Document, KeyResult, Objective, Reference


@dataclass(frozen=True)
class Target:
    """What a `supports` reference names: a document, maybe an objective and a key result."""

    document: Document
    objective: Objective | None = None
    key_result: KeyResult | None = None


class GoalSet:
    """Documents by id, with reference resolution; built once per run and shared by all readers."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.documents = tuple(documents)

    @cached_property
    def by_id(self) -> dict[str, Document]:
        """The first document with each id (duplicates are the linter's business, GK004)."""
        found: dict[str, Document] = {}
        for document in self.documents:
            found.setdefault(document.id, document)
        return found

    def resolve(self, reference: Reference) -> Target | None:
        document = self.by_id.get(reference.document_id)
        if document is None:
            return None
        if reference.objective_id is None:
            return Target(document)
        objective = document.objective(reference.objective_id)
        if objective is None:
            return None
        if reference.key_result_id is None:
            return Target(document, objective)
        key_result = next(
            (kr for kr in objective.key_results if kr.id.upper() == reference.key_result_id),
            None,
        )
        return Target(document, objective, key_result) if key_result else None

    def effective_cycle(self, document: Document) -> Cycle | None:
        """A document's own cycle, else the cycle of the first goal it supports (one level up)."""
        if document.cycle is not None:
            return document.cycle
        for reference in document.supports:
            target = self.resolve(reference)
            if target is not None and target.document.cycle is not None:
                return target.document.cycle
        return None

    def effective_owners(self, document: Document) -> tuple[str, ...]:
        """A document's own owners, else those of the first goal it supports (one level up).

        A weekly SMART goal that supports `freelance/2026-Q4-okrs#O1.KR2` belongs to whoever
        owns those OKRs, even when its front-matter does not repeat the name.
        """
        if document.owners:
            return document.owners
        for reference in document.supports:
            target = self.resolve(reference)
            if target is not None and target.document.owners:
                return target.document.owners
        return ()

    def supporters(self, document_id: str) -> list[tuple[Document, Reference]]:
        """Documents that declare they support `document_id` (any objective or key result of it)."""
        return [
            (document, reference)
            for document in self.documents
            for reference in document.supports
            if reference.document_id == document_id
        ]
