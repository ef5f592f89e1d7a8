"""The ``revision`` command the stock ``alembic`` CLI runs once our plugin is loaded.

Its signature is ``alembic.command.revision``'s plus ``lockplane`` and ``allow``: Alembic's
``CommandLine`` turns each keyword parameter into an option, so the usual ``-m``,
``--rev-id``, ``--head``, ``--splice``, ``--branch-label``, ``--version-path`` and
``--depends-on`` keep working. Without ``--lockplane`` it is Alembic's own command.
"""

from __future__ import annotations

import os
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.util import CommandError


def revision(
    config: Config,
    message: str | None = None,
    autogenerate: bool = False,
    sql: bool = False,
    head: str = "head",
    splice: bool = False,
    branch_label: Any = None,
    version_path: str | os.PathLike[str] | None = None,
    rev_id: str | None = None,
    depends_on: str | None = None,
    process_revision_directives: Any = None,
    lockplane: bool = False,
    allow: list[str] | None = None,
) -> Any:
    """Create a new revision file (--lockplane: planned from the desired schema).

    Without ``lockplane`` this is ``alembic.command.revision``. With it, the revision is
    planned by alembic-lockplane; see ``alembic_lockplane.integration.revision``.
    """
    if not lockplane:
        if allow:
            raise CommandError("--allow only applies together with --lockplane")
        return command.revision(
            config,
            message=message,
            autogenerate=autogenerate,
            sql=sql,
            head=head,
            splice=splice,
            branch_label=branch_label,
            version_path=version_path,
            rev_id=rev_id,
            depends_on=depends_on,
            process_revision_directives=process_revision_directives,
        )
    if autogenerate:
        raise CommandError("--lockplane and --autogenerate cannot be combined")
    if sql:
        raise CommandError("--lockplane needs a database connection; --sql makes no sense here")
    from alembic_lockplane.integration.generate import revision as lockplane_revision

    return lockplane_revision(
        config,
        message=message,
        head=head,
        splice=splice,
        branch_label=branch_label,
        version_path=version_path,
        rev_id=rev_id,
        depends_on=depends_on,
        allow=tuple(allow or ()),
        process_revision_directives=process_revision_directives,
    )
