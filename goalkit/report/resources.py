"""Where the built-in templates are: inside the installed package, or the repository's folder.

A wheel ships `templates/` as `goalkit/templates` (hatch `force-include`); an editable install
runs from the source tree, where they sit at the top level beside the package.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def builtin_templates() -> Path:
    packaged = resources.files("goalkit") / "templates"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "templates"
