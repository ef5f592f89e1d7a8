"""Where our Mako templates live: inside the wheel, or at the repository's top level.

The wheel force-includes the top-level ``templates/`` folder as
``alembic_lockplane/_templates``; an editable install has only the repository's folder.
"""

from __future__ import annotations

from pathlib import Path

import alembic_lockplane
from alembic_lockplane.errors import ConfigError


def templates_dir() -> Path:
    package = Path(alembic_lockplane.__file__).resolve().parent
    for candidate in (package / "_templates", package.parent / "templates"):
        if (candidate / "script.py.mako").is_file():
            return candidate
    raise ConfigError(
        f"alembic-lockplane's templates are missing (looked in {package / '_templates'})",
        hint="reinstall alembic-lockplane",
    )


def revision_template() -> Path:
    """The revision template used for every lockplane revision."""
    return templates_dir() / "script.py.mako"
