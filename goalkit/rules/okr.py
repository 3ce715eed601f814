"""OKR practice rules (OKR1xx), after Doerr's "Measure What Matters" and Google's OKR playbook."""

from __future__ import annotations

from goalkit.rules.base import RuleFamily

family = RuleFamily()
