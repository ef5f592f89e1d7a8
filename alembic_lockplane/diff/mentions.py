"""Whether a server-printed expression may read a column, judged from its text."""

from __future__ import annotations

import re

from alembic_lockplane.render.quote import quote_ident


def mentions(text: str | None, name: str) -> bool:
    """Whether the expression ``text`` (as PostgreSQL prints it) may read column ``name``.

    Matched as a whole identifier, quoted when PostgreSQL would quote it. A string literal or
    another table's column of that name counts too: that errs toward rebuilding something
    that did not need it, never toward missing a dependency.
    """
    if not text:
        return False
    quoted = quote_ident(name)
    if quoted != name:
        return quoted in text
    return re.search(rf'(?<![\w"$]){re.escape(name)}(?![\w"$])', text) is not None
