"""Desired-schema source (``.lp.sql``): discovery, statement splitting with positions, rules.

The only package that imports sqlglot, and only its tokenizer. The shadow loader executes
``ParsedSource.statements`` when ``ParsedSource.has_errors`` is false.
"""

from alembic_lockplane.source.classify import STATEMENT_KINDS
from alembic_lockplane.source.diagnostics import (
    Diagnostic,
    diagnostics_dict,
    diagnostics_json,
    format_text,
)
from alembic_lockplane.source.discover import discover, is_lp_sql, is_sql_source
from alembic_lockplane.source.reader import ParsedSource, read_source
from alembic_lockplane.source.rules import RULES
from alembic_lockplane.source.split import split_text
from alembic_lockplane.source.statement import RenameHint, Statement

__all__ = [
    "RULES",
    "STATEMENT_KINDS",
    "Diagnostic",
    "ParsedSource",
    "RenameHint",
    "Statement",
    "diagnostics_dict",
    "diagnostics_json",
    "discover",
    "format_text",
    "is_lp_sql",
    "is_sql_source",
    "read_source",
    "split_text",
]
