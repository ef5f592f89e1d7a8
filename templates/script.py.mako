<%doc>
  The revision template for `alembic revision --lockplane`. Alembic supplies message,
  up_revision, down_revision, branch_labels, depends_on and create_date; alembic-lockplane
  supplies `lockplane` (alembic_lockplane.integration.render.RevisionBody).
  No "Create Date": the same plan and revision id give a byte-identical file (git shows the date).
</%doc>\
"""${lockplane.title(message)}

Revision ID: ${up_revision}
Revises:${lockplane.revises(down_revision)}

% for line in lockplane.summary:
${line}
% endfor
"""

from collections.abc import Sequence

% if lockplane.uses_op:
from alembic import op

% endif
from alembic_lockplane.integration import ops as lp

# revision identifiers, used by Alembic.
revision: str = ${repr(up_revision)}
down_revision: str | Sequence[str] | None = ${repr(down_revision)}
branch_labels: str | Sequence[str] | None = ${repr(branch_labels)}
depends_on: str | Sequence[str] | None = ${repr(depends_on)}

# alembic-lockplane: hashes of the managed schema before and after this revision.
source_hash = ${repr(lockplane.source_hash)}
target_hash = ${repr(lockplane.target_hash)}
schemas: tuple[str, ...] | None = ${repr(lockplane.schemas)}


def upgrade() -> None:
    """Upgrade schema (safety: ${lockplane.safety})."""
    ${lockplane.guard("source_hash", "down_revision")}
${lockplane.upgrade}


def downgrade() -> None:
    """Downgrade schema."""
    ${lockplane.guard("target_hash", "revision")}
${lockplane.downgrade}
