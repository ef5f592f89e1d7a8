"""The one place identifiers and literals become SQL text."""

from __future__ import annotations

import re

_PLAIN = re.compile(r"^[a-z_][a-z0-9_]*$")

# Every keyword PostgreSQL will not accept as a bare column or table name, plus those
# that are risky in some position; quoting a non-reserved word is always harmless.
_KEYWORDS = frozenset(
    """
    all analyse analyze and any array as asc asymmetric authorization binary both case cast
    check collate collation column concurrently constraint create cross current_catalog
    current_date current_role current_schema current_time current_timestamp current_user
    default deferrable desc distinct do else end except false fetch for foreign freeze from
    full grant group having ilike in initially inner intersect into is isnull join lateral
    leading left like limit localtime localtimestamp natural not notnull null offset on only
    or order outer overlaps placing primary references returning right select session_user
    similar some symmetric system_user table tablesample then to trailing true union unique
    user using variadic verbose when where window with between bigint bit boolean char
    character coalesce dec decimal exists extract float greatest grouping inout int integer
    interval least national nchar none normalize nullif numeric out overlay position precision
    real row setof smallint substring time timestamp treat trim values varchar xmlattributes
    xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize
    xmltable json_array json_arrayagg json_exists json_object json_objectagg json_query
    json_scalar json_serialize json_table json_value merge_action
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def quote_ident(name: str) -> str:
    """Quote an identifier when PostgreSQL would not read it back unchanged."""
    if _PLAIN.match(name) and name not in _KEYWORDS:
        return name
    return '"' + name.replace('"', '""') + '"'


def qualified(schema: str, name: str) -> str:
    return f"{quote_ident(schema)}.{quote_ident(name)}"


def quote_literal(text: str) -> str:
    """A standard-conforming string literal (``standard_conforming_strings`` is on since 9.1)."""
    return "'" + text.replace("'", "''") + "'"
