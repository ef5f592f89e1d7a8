"""Every rule, in the order findings are reported (drops and data loss first)."""

from __future__ import annotations

from alembic_lockplane.safety.rule import Rule
from alembic_lockplane.safety.rules import (
    add_check_constraint,
    add_column_not_null_without_default,
    add_column_stored_generated,
    add_column_volatile_default,
    add_exclusion_constraint,
    add_foreign_key,
    add_primary_key,
    add_unique_constraint,
    collation_change,
    create_index_non_concurrent,
    drop_column,
    drop_column_used_by_index,
    drop_enum,
    drop_extension,
    drop_index_non_concurrent,
    drop_schema,
    drop_sequence,
    drop_table,
    enum_recreate,
    enum_value_removed,
    generated_column_replaced,
    generated_expression_change,
    set_not_null,
    type_change_lossy_rollback,
    type_change_narrowing,
    type_change_rewrite,
)

RULES: tuple[Rule, ...] = (
    drop_table.RULE,
    drop_column.RULE,
    drop_column_used_by_index.RULE,
    drop_schema.RULE,
    drop_enum.RULE,
    drop_sequence.RULE,
    drop_extension.RULE,
    type_change_narrowing.RULE,
    type_change_rewrite.RULE,
    type_change_lossy_rollback.RULE,
    enum_value_removed.RULE,
    enum_recreate.RULE,
    generated_column_replaced.RULE,
    generated_expression_change.RULE,
    add_column_not_null_without_default.RULE,
    add_column_volatile_default.RULE,
    add_column_stored_generated.RULE,
    set_not_null.RULE,
    add_check_constraint.RULE,
    add_foreign_key.RULE,
    add_unique_constraint.RULE,
    add_primary_key.RULE,
    add_exclusion_constraint.RULE,
    create_index_non_concurrent.RULE,
    drop_index_non_concurrent.RULE,
    collation_change.RULE,
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
