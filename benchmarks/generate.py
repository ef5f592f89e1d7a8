"""Generate realistic schemas for the side-by-side benchmarks (issue 10).

One seeded description of a schema is rendered three ways, so every tool sees the same thing:

- ``base.sql``: the live database before the change (what a team has in production);
- ``schema.lp.sql``: the desired schema, base plus one change scenario;
- ``models.py``: SQLAlchemy ``MetaData`` equivalent to ``schema.lp.sql`` (for autogenerate).

Tables have 6 to 16 columns of many types (identity, uuid, text, varchar, numeric, boolean,
timestamptz, date, jsonb, bytea, arrays, enums, double precision, interval), defaults
(literals, ``now()``, ``gen_random_uuid()``, enum labels), CHECK and UNIQUE constraints,
foreign keys to earlier tables, and indexes: plain, multi-column with DESC, partial and on
expressions. Views are not generated: lockplane's model has no views yet.

The change scenario (``scenario.txt``): a new nullable column, a new index, a changed column
default, and a new table with a foreign key.

``benchmarks/introspect.py`` has its own one-shape generator for introspection alone; this one
needs variety and a parallel SQLAlchemy rendering, so it is separate.

    python benchmarks/generate.py 1000 --out /tmp/bench1000
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from models_render import spec_models

WORDS = [
    "account",
    "order",
    "invoice",
    "payment",
    "customer",
    "product",
    "shipment",
    "refund",
    "ticket",
    "session",
    "audit",
    "event",
    "coupon",
    "review",
    "address",
    "warehouse",
    "supplier",
    "contract",
    "project",
    "task",
]


@dataclass(frozen=True)
class Col:
    """A column as both renderings need it. ``sa`` is the SQLAlchemy type expression."""

    name: str
    sql_type: str
    sa: str
    nullable: bool = True
    default_sql: str | None = None
    default_sa: str | None = None
    identity: bool = False
    references: str | None = None  # parent table; its ``id`` column
    on_delete: str | None = None


@dataclass(frozen=True)
class Idx:
    name: str
    columns: tuple[str, ...] = ()
    expression: str | None = None  # SQL expression, instead of columns
    expression_sa: str | None = None
    desc: bool = False
    where: str | None = None
    unique: bool = False


@dataclass(frozen=True)
class Tab:
    name: str
    columns: tuple[Col, ...]
    checks: tuple[tuple[str, str], ...] = ()  # (name, expression)
    uniques: tuple[tuple[str, str], ...] = ()  # (name, column)
    indexes: tuple[Idx, ...] = ()
    comment: str | None = None


@dataclass(frozen=True)
class Enum:
    name: str
    labels: tuple[str, ...]


@dataclass
class Spec:
    enums: list[Enum] = field(default_factory=list)
    tables: list[Tab] = field(default_factory=list)


# (name, sql type, SQLAlchemy type, sql default, SQLAlchemy server_default text)
PLAIN = (
    ("title", "text", "sa.Text()", None, None),
    ("code", "varchar(32)", "sa.String(32)", None, None),
    ("amount", "numeric(12,2)", "sa.Numeric(12, 2)", "0", "sa.text('0')"),
    ("quantity", "integer", "sa.Integer()", "1", "sa.text('1')"),
    ("rank", "smallint", "sa.SmallInteger()", None, None),
    ("active", "boolean", "sa.Boolean()", "true", "sa.text('true')"),
    ("starts_on", "date", "sa.Date()", None, None),
    ("payload", "jsonb", "JSONB()", "'{}'::jsonb", "sa.text(\"'{}'::jsonb\")"),
    ("blob", "bytea", "sa.LargeBinary()", None, None),
    ("tags", "text[]", "ARRAY(sa.Text())", None, None),
    ("score", "double precision", "DOUBLE_PRECISION()", None, None),
    ("ttl", "interval", "INTERVAL()", None, None),
    ("external_id", "uuid", "UUID()", "gen_random_uuid()", "sa.text('gen_random_uuid()')"),
    ("updated_at", "timestamp with time zone", "sa.DateTime(timezone=True)", None, None),
    ("deleted_at", "timestamp with time zone", "sa.DateTime(timezone=True)", None, None),
)


def build_spec(tables: int, seed: int = 10) -> Spec:
    """The base schema: deterministic for (tables, seed)."""
    rng = random.Random(seed * 1_000_003 + tables)
    spec = Spec()
    for k in range(max(3, tables // 25)):
        count = rng.randint(3, 6)
        spec.enums.append(Enum(f"state_{k}", tuple(f"s{k}_{v}" for v in range(count))))
    for n in range(tables):
        spec.tables.append(_table(rng, n, spec))
    return spec


def _table(rng: random.Random, n: int, spec: Spec) -> Tab:
    name = f"{WORDS[n % len(WORDS)]}_{n}"
    cols = [Col("id", "bigint", "sa.BigInteger()", nullable=False, identity=True)]
    idx: list[Idx] = []
    parents = rng.sample(range(n), k=min(n, rng.choice((0, 1, 1, 2))))
    for p in sorted(parents):
        parent = spec.tables[p].name
        col = f"{parent}_id"
        action = rng.choice(("CASCADE", "SET NULL", None))
        cols.append(Col(col, "bigint", "sa.BigInteger()", references=parent, on_delete=action))
        idx.append(Idx(f"{name}_{col}_idx", (col,)))
    cols.append(Col("name", "text", "sa.Text()", nullable=False))
    enum = rng.choice(spec.enums)
    cols.append(
        Col(
            "state",
            enum.name,
            f"ENUM_{enum.name}",
            nullable=False,
            default_sql=f"'{enum.labels[0]}'",
            default_sa=f"'{enum.labels[0]}'",
        )
    )
    picked = rng.sample(PLAIN, k=rng.randint(2, 11))
    for cname, sql, sa_type, dsql, dsa in sorted(picked):
        cols.append(
            Col(cname, sql, sa_type, nullable=dsql is None, default_sql=dsql, default_sa=dsa)
        )
    cols.append(
        Col(
            "created_at",
            "timestamp with time zone",
            "sa.DateTime(timezone=True)",
            nullable=False,
            default_sql="now()",
            default_sa="sa.text('now()')",
        )
    )
    names = {c.name for c in cols}
    checks: list[tuple[str, str]] = [(f"{name}_name_check", "length(name) <= 200")]
    if "amount" in names:
        checks.append((f"{name}_amount_check", "amount >= 0"))
    uniques: list[tuple[str, str]] = []
    if "code" in names:
        uniques.append((f"{name}_code_key", "code"))
    idx.append(Idx(f"{name}_created_idx", ("state", "created_at"), desc=True))
    if "deleted_at" in names:
        idx.append(Idx(f"{name}_live_idx", ("name",), where="deleted_at IS NULL"))
    if rng.random() < 0.5:
        idx.append(
            Idx(
                f"{name}_lower_name_idx",
                expression="lower(name)",
                expression_sa="sa.func.lower({var}.c.name)",
            )
        )
    if "external_id" in names:
        idx.append(Idx(f"{name}_external_id_key", ("external_id",), unique=True))
    comment = f"generated table {n}" if n % 3 == 0 else None
    return Tab(name, tuple(cols), tuple(checks), tuple(uniques), tuple(idx), comment)


def apply_scenario(spec: Spec) -> tuple[Spec, list[str]]:
    """The desired schema: one new column, one new index, one changed default, one new table."""
    tables = list(spec.tables)
    first, mid = tables[0], tables[len(tables) // 2]
    tables[0] = replace(first, columns=(*first.columns, Col("notes", "text", "sa.Text()")))
    mid_cols = list(mid.columns)
    created = next(i for i, c in enumerate(mid_cols) if c.name == "created_at")
    mid_cols[created] = replace(
        mid_cols[created],
        default_sql="statement_timestamp()",
        default_sa="sa.text('statement_timestamp()')",
    )
    tables[len(tables) // 2] = replace(
        mid, columns=tuple(mid_cols), indexes=(*mid.indexes, Idx(f"{mid.name}_name_idx", ("name",)))
    )
    new = Tab(
        "bench_change_log",
        (
            Col("id", "bigint", "sa.BigInteger()", nullable=False, identity=True),
            Col(
                f"{first.name}_id",
                "bigint",
                "sa.BigInteger()",
                nullable=False,
                references=first.name,
                on_delete="CASCADE",
            ),
            Col("body", "text", "sa.Text()"),
        ),
        indexes=(Idx("bench_change_log_parent_idx", (f"{first.name}_id",)),),
    )
    tables.append(new)
    lines = [
        f"add column {first.name}.notes text",
        f"create index {mid.name}_name_idx",
        f"change default of {mid.name}.created_at to statement_timestamp()",
        f"create table bench_change_log with a foreign key to {first.name}",
    ]
    return Spec(list(spec.enums), tables), lines


def table_sql(t: Tab) -> list[str]:
    """``CREATE TABLE`` plus its indexes and comment, one statement per item."""
    parts: list[str] = []
    for c in t.columns:
        line = f"    {c.name} {c.sql_type}"
        if c.identity:
            line += " GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        if not c.nullable and not c.identity:
            line += " NOT NULL"
        if c.default_sql is not None:
            line += f" DEFAULT {c.default_sql}"
        if c.references:
            line += f" REFERENCES {c.references} (id)"
            if c.on_delete:
                line += f" ON DELETE {c.on_delete}"
        parts.append(line)
    parts += [f"    CONSTRAINT {n} CHECK ({e})" for n, e in t.checks]
    parts += [f"    CONSTRAINT {n} UNIQUE ({c})" for n, c in t.uniques]
    out = [f"CREATE TABLE {t.name} (\n" + ",\n".join(parts) + "\n);"]
    for i in t.indexes:
        keys = (i.expression and f"({i.expression})") or ", ".join(
            f"{c} DESC" if i.desc and k else c for k, c in enumerate(i.columns)
        )
        unique = "UNIQUE " if i.unique else ""
        where = f" WHERE {i.where}" if i.where else ""
        out.append(f"CREATE {unique}INDEX {i.name} ON {t.name} ({keys}){where};")
    if t.comment:
        out.append(f"COMMENT ON TABLE {t.name} IS '{t.comment}';")
    return out


def spec_sql(spec: Spec) -> str:
    lines = ["-- generated by benchmarks/generate.py"]
    for e in spec.enums:
        labels = ", ".join(f"'{v}'" for v in e.labels)
        lines.append(f"CREATE TYPE {e.name} AS ENUM ({labels});")
    for t in spec.tables:
        lines.append("")
        lines.extend(table_sql(t))
    return "\n".join(lines) + "\n"


def write(tables: int, out: Path, seed: int = 10) -> dict[str, Path]:
    """Write ``base.sql``, ``schema.lp.sql``, ``models.py`` and ``scenario.txt`` into ``out``."""
    base = build_spec(tables, seed)
    desired, scenario = apply_scenario(base)
    out.mkdir(parents=True, exist_ok=True)
    paths = {
        "base": out / "base.sql",
        "desired": out / "schema.lp.sql",
        "models": out / "bench_models.py",
        "scenario": out / "scenario.txt",
    }
    paths["base"].write_text(spec_sql(base))
    paths["desired"].write_text(spec_sql(desired))
    paths["models"].write_text(spec_models(desired))
    paths["scenario"].write_text("\n".join(scenario) + "\n")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tables", type=int)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args(argv)
    for kind, path in write(args.tables, args.out, args.seed).items():
        print(f"{kind}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
