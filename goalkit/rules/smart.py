"""SMART criteria rules (SMART2xx): Specific, Measurable, Achievable, Relevant, Time-bound."""

from __future__ import annotations

from goalkit.rules.base import RuleFamily

family = RuleFamily()
