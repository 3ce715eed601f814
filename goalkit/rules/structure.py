"""Document and structure rules (GK0xx): files that are broken, not merely weak."""

from __future__ import annotations

from goalkit.rules.base import RuleFamily

family = RuleFamily()
