"""Introspection of views, functions, triggers and domains against a real server: the
dependencies come from the catalog, function identity ignores argument names, and objects
an extension owns are left out."""

from __future__ import annotations

import psycopg2.extensions
import pytest

from alembic_lockplane.introspect import introspect
from alembic_lockplane.model.objects import Dependency

pytestmark = pytest.mark.db

SETUP = """
CREATE TABLE t (id int PRIMARY KEY, a text, b int);
CREATE FUNCTION add1(x int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT x + 1 $$;
CREATE VIEW v1 AS SELECT id, b FROM t;
CREATE VIEW v2 AS SELECT id, add1(b) AS c FROM v1;
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER t_trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();
CREATE DOMAIN posint AS int NOT NULL DEFAULT 1 CONSTRAINT pos CHECK (VALUE > 0);
CREATE EXTENSION IF NOT EXISTS hstore;
"""


def test_dependencies_identity_and_scope(conn: psycopg2.extensions.connection) -> None:
    with conn.cursor() as cur:
        cur.execute(SETUP)
    schema = introspect(conn)
    views = {v.name: v for v in schema.views}
    # v1 reads exactly the columns it selects, not column a
    assert views["v1"].depends_on == (Dependency("relation", "public", "t", ("b", "id")),)
    assert set(views["v2"].depends_on) == {
        Dependency("function", "public", "add1(integer)"),
        Dependency("relation", "public", "v1", ("b", "id")),
    }
    assert [(c.name, c.type) for c in views["v2"].columns] == [("id", "integer"), ("c", "integer")]
    # hstore's many functions belong to the extension: only ours are read
    assert sorted(f.signature for f in schema.functions) == ["add1(integer)", "trg()"]
    add1 = next(f for f in schema.functions if f.name == "add1")
    assert add1.arguments == "x integer" and add1.identity == "integer"
    assert add1.definition.startswith("CREATE OR REPLACE FUNCTION public.add1(x integer)")
    [trigger] = schema.triggers
    assert trigger.function == Dependency("function", "public", "trg()")
    assert "EXECUTE FUNCTION public.trg()" in trigger.definition
    [domain] = schema.domains
    assert (domain.base_type, domain.not_null, domain.default) == ("integer", True, "1")
    assert [(c.name, c.definition) for c in domain.constraints] == [("pos", "CHECK ((VALUE > 0))")]
