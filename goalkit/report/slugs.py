"""Stable, safe file names for pages: one slug per goal id, owner and cycle.

Ids and owner names are user text: a slug keeps only lower-case ASCII letters, digits and
dashes, so no name can climb out of the site folder or clash on a case-insensitive disk.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-") or "item"


def unique_slugs(names: Iterable[str]) -> dict[str, str]:
    """Name → slug, numbered (`-2`, `-3`) where two names slug alike, in sorted name order."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(set(names)):
        base = slugify(name)
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        slugs[name] = slug
    return slugs
