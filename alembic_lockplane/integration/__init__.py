"""Everything that imports Alembic: the plugin, the revision hook, runtime ops, env.py helpers.

This package is imported by Alembic's plugin loader while ``alembic`` itself is still
importing, so nothing here may import ``alembic.command`` or ``alembic.config`` at module
level. The public functions are loaded on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alembic_lockplane.integration.generate import revision
    from alembic_lockplane.integration.project import init_project

__all__ = ["init_project", "revision"]


def __getattr__(name: str) -> Any:
    if name == "revision":
        from alembic_lockplane.integration.generate import revision

        return revision
    if name == "init_project":
        from alembic_lockplane.integration.project import init_project

        return init_project
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
