"""Immutable schema model and its JSON form."""

from alembic_lockplane.model.objects import (
    Column,
    Constraint,
    ConstraintKind,
    EnumType,
    Extension,
    ForeignKeyTarget,
    Identity,
    Index,
    IndexKey,
    Namespace,
    Origin,
    OwnedBy,
    Policy,
    Schema,
    Sequence,
    Table,
)

__all__ = [
    "Column",
    "Constraint",
    "ConstraintKind",
    "EnumType",
    "Extension",
    "ForeignKeyTarget",
    "Identity",
    "Index",
    "IndexKey",
    "Namespace",
    "Origin",
    "OwnedBy",
    "Policy",
    "Schema",
    "Sequence",
    "Table",
]
