"""The statement record handed from the static pass to the shadow loader."""

from __future__ import annotations

from dataclasses import dataclass, field

from alembic_lockplane.model.objects import Origin
from alembic_lockplane.source.lexer import Tok
from alembic_lockplane.source.positions import advance


@dataclass(frozen=True)
class RenameHint:
    """``-- lockplane: renamed from old_name`` written just before a statement or a column line.

    ``target`` is None when the comment precedes a whole statement; otherwise it is the first token
    (as written, e.g. a column name) of the line the comment precedes. No meaning is given to it
    here; the planner decides what a rename hint does.
    """

    old_name: str
    text: str
    origin: Origin
    target: str | None = None


@dataclass(frozen=True)
class Statement:
    """One statement of a desired-schema file.

    ``origin`` is the position of its first token. ``tokens`` (offsets relative to ``text``) feed
    the rules; they are not part of equality. ``read_source`` drops them once the rules have
    run (``ParsedSource.statements`` have none), so a big schema's tokens never all exist at
    once; ``split_text`` keeps them.
    """

    text: str
    origin: Origin
    kind: str = "other"
    hints: tuple[RenameHint, ...] = ()
    tokens: tuple[Tok, ...] = field(default=(), compare=False, repr=False)

    def origin_at(self, position: int) -> Origin:
        """File position of the 1-based character ``position`` inside ``text``.

        This is how a PostgreSQL error position (``PG_DIAG_STATEMENT_POSITION``, which counts
        characters of the statement sent) becomes ``file:line:col``. Out-of-range positions are
        clamped to the statement.
        """
        offset = min(max(position, 1), max(len(self.text), 1)) - 1
        line, column = advance(self.origin.line, self.origin.column, self.text[:offset])
        return Origin(self.origin.file, line, column)
