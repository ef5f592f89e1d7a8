"""Table parts that call a function the plan drops or recreates.

``DROP FUNCTION`` fails while a column default, a CHECK (or other) constraint, an index, a
policy or a generated column calls the function. When the plan drops a function (its
argument types change) or recreates it (its result type or argument names change), those
dependents are dropped before and put back after: the default is dropped and set again,
the constraint, index and policy are dropped and created again, and the generated column
is dropped and added again (its values are computed anew). A domain's CHECK constraints and
default that call it are taken off the domain before and put back after (``domain_detours``).

Which part calls which function is read from the text the server prints for it
(``pg_get_expr``, ``pg_get_constraintdef``, ``pg_get_indexdef``), where a user function is
always schema-qualified (``public.slug(...)``, as ``search_path`` is empty while reading the
catalogs). A match by name errs toward rebuilding a part that calls another overload, never
toward leaving one in the way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from alembic_lockplane.diff.changes_objects import AlterDomain
from alembic_lockplane.diff.keys import TableKey
from alembic_lockplane.model.objects import Domain, Index, Schema
from alembic_lockplane.render.quote import qualified


@dataclass
class FunctionUses:
    """Per table, the names of the parts that call a dropped or recreated function."""

    calls: tuple[str, ...] = ()
    defaults: dict[TableKey, set[str]] = field(default_factory=dict)
    constraints: dict[TableKey, set[str]] = field(default_factory=dict)
    policies: dict[TableKey, set[str]] = field(default_factory=dict)
    generated: set[tuple[str, str, str]] = field(default_factory=set)

    def mentions(self, text: str | None) -> bool:
        return text is not None and any(call in text for call in self.calls)

    def index(self, index: Index) -> bool:
        return self.mentions(index.definition)

    def __bool__(self) -> bool:
        return bool(self.defaults or self.constraints or self.policies or self.generated)


def function_calls(schema: Schema, functions: frozenset[tuple[str, str]]) -> tuple[str, ...]:
    """``schema.name(`` as the server prints a call of each of ``functions``."""
    names = {
        qualified(fn.schema, fn.name) + "("
        for fn in schema.functions
        if (fn.schema, fn.signature) in functions
    }
    return tuple(sorted(names))


def function_uses(current: Schema, gone: frozenset[tuple[str, str]]) -> FunctionUses:
    uses = FunctionUses(calls=function_calls(current, gone))
    if not uses.calls:
        return uses
    for table in current.tables:
        key = TableKey(table.schema, table.name)
        for col in table.columns:
            if uses.mentions(col.default):
                uses.defaults.setdefault(key, set()).add(col.name)
            if uses.mentions(col.generated):
                uses.generated.add((table.schema, table.name, col.name))
        for con in table.constraints:
            if uses.mentions(con.definition):
                uses.constraints.setdefault(key, set()).add(con.name)
        for pol in table.policies:
            if uses.mentions(pol.using) or uses.mentions(pol.with_check):
                uses.policies.setdefault(key, set()).add(pol.name)
    return uses


def domain_detours(current: Schema, uses: FunctionUses) -> tuple[list[AlterDomain], Schema]:
    """``ALTER DOMAIN`` steps taking off the checks and default that call a dropped or
    recreated function, and the current schema as it is after them (the rest of the domain
    diff starts there and puts them back)."""
    if not uses.calls:
        return [], current
    changes: list[AlterDomain] = []
    domains: list[Domain] = []
    for domain in current.domains:
        checks = tuple(c for c in domain.constraints if not uses.mentions(c.definition))
        default = None if uses.mentions(domain.default) else domain.default
        if (checks, default) == (domain.constraints, domain.default):
            domains.append(domain)
            continue
        cleared = replace(domain, constraints=checks, default=default)
        changes.append(AlterDomain(domain, cleared))
        domains.append(cleared)
    return changes, replace(current, domains=tuple(domains))
