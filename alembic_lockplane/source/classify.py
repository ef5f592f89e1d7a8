"""What kind of statement this is, from its leading keywords only.

Classification reads the first words of the statement (tokens, so a word inside a string, a
dollar-quoted body or a comment never counts). It deliberately does not use sqlglot's parser: the
parser does not know every PostgreSQL statement, and PostgreSQL itself judges the syntax later in
the shadow database. ``kind`` is informational for the shadow loader and for the rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from alembic_lockplane.source.lexer import Tok

# Words that may sit between CREATE and the object keyword without changing the object kind.
_CREATE_MODIFIERS = frozenset(
    {
        "OR",
        "REPLACE",
        "TEMP",
        "TEMPORARY",
        "UNLOGGED",
        "GLOBAL",
        "LOCAL",
        "UNIQUE",
        "RECURSIVE",
        "TRUSTED",
        "PROCEDURAL",
        "DEFAULT",
        "CONSTRAINT",
    }
)
# First word after CREATE (and modifiers) -> kind.
_CREATE_KINDS = {
    "TABLE": "create_table",
    "INDEX": "create_index",
    "TYPE": "create_type",
    "DOMAIN": "create_domain",
    "EXTENSION": "create_extension",
    "SCHEMA": "create_schema",
    "SEQUENCE": "create_sequence",
    "POLICY": "create_policy",
    "FUNCTION": "create_function",
    "PROCEDURE": "create_procedure",
    "AGGREGATE": "create_aggregate",
    "VIEW": "create_view",
    "MATERIALIZED": "create_materialized_view",
    "TRIGGER": "create_trigger",
    "EVENT": "create_event_trigger",
    "RULE": "create_rule",
    "COLLATION": "create_collation",
    "ROLE": "create_role",
    "USER": "create_role",
    "GROUP": "create_role",
}
_TRANSACTION_CONTROL = frozenset(
    {"BEGIN", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "END", "ABORT", "PREPARE"}
)
_DML = frozenset({"INSERT", "UPDATE", "DELETE", "MERGE", "COPY"})

STATEMENT_KINDS = frozenset(
    set(_CREATE_KINDS.values())
    | {
        "create_foreign_table",
        "create_other",
        "alter_table",
        "alter_other",
        "comment",
        "grant",
        "revoke",
        "drop",
        "truncate",
        "dml",
        "transaction_control",
        "set",
        "select",
        "other",
    }
)


def words(tokens: Sequence[Tok], count: int) -> list[str]:
    """The keyword spelling of the first ``count`` tokens ('' for a non-word token)."""
    return [t.upper for t in tokens[:count]]


def create_object_index(tokens: Sequence[Tok]) -> int:
    """Index of the object keyword after CREATE and its modifiers (len(tokens) if none)."""
    i = 1
    while i < len(tokens) and tokens[i].upper in _CREATE_MODIFIERS:
        i += 1
    return i


def statement_kind(tokens: Sequence[Tok]) -> str:
    """One of ``STATEMENT_KINDS``."""
    if not tokens:
        return "other"
    first = tokens[0].upper
    if first == "CREATE":
        i = create_object_index(tokens)
        keyword = tokens[i].upper if i < len(tokens) else ""
        if keyword == "FOREIGN" and words(tokens[i:], 2)[1:] == ["TABLE"]:
            return "create_foreign_table"
        return _CREATE_KINDS.get(keyword, "create_other")
    if first == "ALTER":
        return "alter_table" if words(tokens, 2)[1:] == ["TABLE"] else "alter_other"
    if first == "WITH":
        # Data-modifying: the main statement, or a CTE body ``name AS [NOT] [MATERIALIZED] (...)``
        # that starts with INSERT/UPDATE/DELETE/MERGE (a column named "delete" is not at either).
        depth = 0
        for prev, t in pairwise(tokens):
            depth += (t.kind == "lparen") - (t.kind == "rparen")
            if t.upper in _DML and (depth == 0 or prev.kind == "lparen"):
                return "dml"
        return "select"
    simple = {
        "COMMENT": "comment",
        "GRANT": "grant",
        "REVOKE": "revoke",
        "DROP": "drop",
        "TRUNCATE": "truncate",
        "SET": "set",
        "SELECT": "select",
        "VALUES": "select",
        "TABLE": "select",
    }
    if first in simple:
        return simple[first]
    if first in _DML:
        return "dml"
    # PREPARE name AS ... is a prepared statement; only PREPARE TRANSACTION is 2PC control.
    if first in _TRANSACTION_CONTROL and (
        first != "PREPARE" or words(tokens, 2)[1:] == ["TRANSACTION"]
    ):
        return "transaction_control"
    return "other"
