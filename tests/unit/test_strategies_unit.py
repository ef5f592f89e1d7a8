"""Strategy names and switches, without a server (the SQL is checked on real servers in
tests/integration/test_strategies*.py and tests/cases/strategy_*)."""

from __future__ import annotations

import pytest

from alembic_lockplane.diff.changes import AddConstraint, CreateIndex, SetNotNull, TableKey
from alembic_lockplane.errors import ConfigError
from alembic_lockplane.model.objects import Column, Constraint, ConstraintKind, Index
from alembic_lockplane.render.strategies import ALL_STRATEGIES, expand, resolve_strategies
from alembic_lockplane.safety import context

KEY = TableKey("public", "users")
INDEX = Index(
    "public",
    "users_email_idx",
    "users",
    "CREATE INDEX users_email_idx ON public.users USING btree (email)",
)


def test_the_names_are_the_ones_the_safety_rules_read() -> None:
    assert {
        context.CONCURRENT_INDEX,
        context.NOT_VALID_THEN_VALIDATE,
        context.NOT_NULL_VIA_CHECK,
        context.UNIQUE_VIA_INDEX,
    } == ALL_STRATEGIES


def test_switches() -> None:
    assert resolve_strategies(True) == ALL_STRATEGIES
    assert resolve_strategies(False) == frozenset()
    assert resolve_strategies(["concurrent_index"]) == {"concurrent_index"}
    with pytest.raises(ConfigError, match="unknown lock-safe strategy: concurent_index"):
        resolve_strategies(["concurent_index"])


def test_nothing_expands_on_a_table_the_plan_creates_or_when_switched_off() -> None:
    assert expand(CreateIndex(INDEX), ALL_STRATEGIES, frozenset({("public", "users")})) is None
    assert expand(CreateIndex(INDEX), frozenset({"unique_via_index"}), frozenset()) is None
    expansion = expand(CreateIndex(INDEX), ALL_STRATEGIES, frozenset())
    assert expansion is not None and expansion.strategy == "concurrent_index"


def test_an_index_definition_in_an_unknown_form_keeps_the_plain_renderer() -> None:
    odd = Index("public", "i", "users", "create index i on users (email)")
    assert expand(CreateIndex(odd), ALL_STRATEGIES, frozenset()) is None


def test_unique_with_storage_parameters_keeps_the_plain_renderer() -> None:
    con = Constraint(
        "u", ConstraintKind.UNIQUE, "UNIQUE (email) WITH (fillfactor='70')", ("email",)
    )
    assert expand(AddConstraint(KEY, con), ALL_STRATEGIES, frozenset()) is None


def test_not_valid_constraints_are_left_alone() -> None:
    con = Constraint("c", ConstraintKind.CHECK, "CHECK ((age > 0))", validated=False)
    assert expand(AddConstraint(KEY, con), ALL_STRATEGIES, frozenset()) is None


def test_helper_check_name_is_short_and_stable_for_long_names() -> None:
    col = Column("c" * 63, "text")
    key = TableKey("s" * 63, "t" * 63)
    first = expand(SetNotNull(key, col, col), ALL_STRATEGIES, frozenset())
    second = expand(SetNotNull(key, col, col), ALL_STRATEGIES, frozenset())
    assert first is not None and first == second
    name = first.pieces[1].sql[0].rsplit(" ", 1)[1]
    assert name.startswith("lockplane_nn_") and len(name) < 63
